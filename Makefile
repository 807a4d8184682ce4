# Wattlas: the two commands of the README, and what they are made of.
#   make run    load the shipped sample into DuckDB, dbt build, print a summary
#   make test   ruff, sqlfluff, dbt build on DuckDB and PostgreSQL, pytest

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
WATTLAS_DUCKDB_PATH ?= warehouse.duckdb
TEST_DUCKDB_PATH := target/test.duckdb

export DBT_PROFILES_DIR := $(CURDIR)/profiles
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export DO_NOT_TRACK := 1
export WATTLAS_DUCKDB_PATH

.PHONY: run test venv lint load-sample build summary docs clean

run: venv
	@$(BIN)/python -m orchestration.ingestion --target duckdb load --sample
	@$(BIN)/python -m orchestration.ingestion --target duckdb load
	@status=0; \
	$(BIN)/dbt build --target duckdb --target-path target/duckdb || status=$$?; \
	$(BIN)/python -m orchestration.run_summary --target-path target/duckdb \
		--duckdb-path "$(WATTLAS_DUCKDB_PATH)"; \
	exit $$status

test: venv lint
	@PATH="$(CURDIR)/$(BIN):$$PATH" scripts/test.sh

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --disable-pip-version-check uv==$(UV_VERSION)
	@$(BIN)/uv pip install -q -p $(BIN)/python -r requirements.lock
	@touch $@

lint: venv
	$(BIN)/ruff check orchestration
	$(BIN)/ruff format --check orchestration
	$(BIN)/sqlfluff lint models macros --disable-progress-bar

docs: venv
	$(BIN)/dbt docs generate --target duckdb --target-path target/duckdb --static

clean:
	rm -rf target logs dbt_packages "$(WATTLAS_DUCKDB_PATH)"
