# Wattlas: the two commands of the README, and what they are made of.
#   make run    load the shipped sample into DuckDB, dbt build of what changed
#               since the last build (unit tests are make test's: they test
#               code, not data), print a summary
#   make test   ruff, sqlfluff, dbt build on DuckDB and PostgreSQL, pytest
#   make dagster  the Dagster UI on http://127.0.0.1:3070 (DuckDB default)
#   make screenshots  regenerate docs/images/ from the warehouse make run builds

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

.PHONY: run test venv lint load-sample build summary docs clean dagster dagster-screenshot

run: venv
	@$(BIN)/python -m orchestration.ingestion --target duckdb load --sample
	@$(BIN)/python -m orchestration.ingestion --target duckdb load
	@status=0; \
	$(BIN)/python -m orchestration.build --target duckdb --target-path target/duckdb \
		-- --exclude-resource-type unit_test || status=$$?; \
	$(BIN)/python -m orchestration.reporting.run_summary --target-path target/duckdb \
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
	$(BIN)/ruff check orchestration dashboards superset scripts
	$(BIN)/ruff format --check orchestration dashboards superset scripts
	$(BIN)/sqlfluff lint models macros tests --disable-progress-bar --processes 0

docs: venv
	$(BIN)/dbt docs generate --target duckdb --target-path target/duckdb --static

# Dagster UI on 127.0.0.1:$(DAGSTER_PORT): dbt parse, then `dagster dev` with
# DAGSTER_HOME=target/dagster_home (telemetry off, one DuckDB writer at a time).
DAGSTER_PORT ?= 3070
dagster: venv
	@BIN=$(BIN) DAGSTER_PORT=$(DAGSTER_PORT) scripts/dagster_dev.sh

# Headless Chromium screenshot of the asset graph -> docs/images/dagster_asset_graph.png
dagster-screenshot: venv
	@BIN=$(BIN) DAGSTER_PORT=$(DAGSTER_PORT) scripts/dagster_screenshot.sh

# The committed images of docs/images/ (dashboard pages, dbt docs site), taken by
# the two browser tests over the warehouse `make run` builds ($(WATTLAS_DUCKDB_PATH)).
# `make test` takes the same screenshots into a temporary folder and never rewrites
# these; `make dagster-screenshot` and `make superset-check` refresh the other two.
.PHONY: screenshots
screenshots: venv
	@test -f "$(WATTLAS_DUCKDB_PATH)" || { echo "No warehouse at $(WATTLAS_DUCKDB_PATH): make run first"; exit 1; }
	WATTLAS_SCREENSHOT_DIR="$(CURDIR)/docs/images" \
	WATTLAS_TEST_DUCKDB_PATH="$(abspath $(WATTLAS_DUCKDB_PATH))" \
		$(BIN)/python -m pytest -q \
		orchestration/tests/test_dashboard_browser.py orchestration/tests/test_docs_site.py

clean:
	rm -rf target logs dbt_packages "$(WATTLAS_DUCKDB_PATH)"

# --- BI -------------------------------------------------------------------------
# make dashboard      Streamlit dashboard on http://127.0.0.1:$(DASHBOARD_PORT) over
#                     $(WATTLAS_DUCKDB_PATH) (built by `make run` first when missing);
#                     WATTLAS_DASHBOARD_TARGET=postgres + PG* reads PostgreSQL instead.
# make bi-export      the marts as a DuckDB 1.x-readable file + Parquet (target/bi/)
# make postgres-roles loader / transformer / BI reader roles and layer schemas (psql, PG*)
DASHBOARD_PORT ?= 8501
.PHONY: dashboard bi-export postgres-roles
dashboard: venv
	@if [ "$${WATTLAS_DASHBOARD_TARGET:-duckdb}" = duckdb ] && [ ! -f "$(WATTLAS_DUCKDB_PATH)" ]; then \
		echo "No warehouse at $(WATTLAS_DUCKDB_PATH): building it with make run"; \
		$(MAKE) run; \
	fi
	@echo "Wattlas dashboard: http://127.0.0.1:$(DASHBOARD_PORT)  (Ctrl-C stops it)"
	@$(BIN)/python -m streamlit run dashboards/app.py \
		--server.address=127.0.0.1 --server.port=$(DASHBOARD_PORT) \
		--server.headless=true --server.fileWatcherType=none \
		--browser.gatherUsageStats=false --client.toolbarMode=viewer

bi-export: venv
	@$(BIN)/python dashboards/export_bi.py --source "$(WATTLAS_DUCKDB_PATH)" \
		--output target/bi/marts_v1.duckdb --parquet-dir target/bi/parquet

postgres-roles:
	psql -X -v ON_ERROR_STOP=1 -f scripts/postgres_roles.sql

# Opt-in, slow (minutes: installs Superset 6.1.0 once in target/superset-venv, then
# a fresh instance each run): imports superset/bundle against the PostgreSQL marts
# named by PG* (+ WATTLAS_BI_READER_ROLE) and screenshots the dashboard.
.PHONY: superset-check
superset-check: venv
	@BIN=$(BIN) superset/check.sh
