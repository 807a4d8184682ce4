#!/usr/bin/env bash
# The data half of `make test` (lint runs before it, from the Makefile):
# dbt build on a fresh DuckDB file, dbt build on a throwaway PostgreSQL, then
# pytest, which also compares the two engines' results.
set -euo pipefail
cd "$(dirname "$0")/.."

# The browser tests drive Debian's Chromium: installed here when run as root
# (CI); elsewhere they are skipped with a message if it is missing.
if ! command -v chromium >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "== installing chromium with apt (browser tests)"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium \
            >/dev/null
    else
        echo "== chromium not found: the browser tests will be skipped"
    fi
fi

# pytest-xdist, one worker per CPU, a test file per worker at a time (the
# tests of a file share a module-scoped warehouse).
export PYTEST_PARALLEL="-n ${WATTLAS_PYTEST_WORKERS:-auto} --dist loadfile"

export WATTLAS_TEST_DUCKDB_PATH="$PWD/target/test.duckdb"
mkdir -p target
rm -f "$WATTLAS_TEST_DUCKDB_PATH" "$WATTLAS_TEST_DUCKDB_PATH.wal"

echo "== DuckDB: load the sample and dbt build"
python -m orchestration.ingestion --target duckdb --duckdb-path "$WATTLAS_TEST_DUCKDB_PATH" \
    load --sample
# through make run's build runner: a new warehouse, so everything (unit tests
# included); it records the build, which test_build_changes_only starts from
WATTLAS_DUCKDB_PATH="$WATTLAS_TEST_DUCKDB_PATH" \
    python -m orchestration.build --target duckdb --target-path target/test-duckdb

echo "== Dagster: definitions load"
export DAGSTER_HOME="$PWD/target/dagster_home_test"
mkdir -p "$DAGSTER_HOME"
printf 'telemetry:\n  enabled: false\n' > "$DAGSTER_HOME/dagster.yaml"
dbt parse --quiet --target duckdb --target-path target/dagster
dagster definitions validate -m orchestration.definitions

postgres_half() {
    echo "== PostgreSQL: load the sample and dbt build"
    python -m orchestration.ingestion --target postgres load --sample
    dbt build --target postgres --target-path target/test-postgres
    echo "== PostgreSQL: the forecasts, then the models reading them"
    python -m orchestration.forecasts --target postgres
    dbt build --target postgres --target-path target/test-postgres --select tag:forecast_output \
        --exclude-resource-type unit_test
    echo "== PostgreSQL: the incremental models again, as a daily run (same types, same rows)"
    dbt build --target postgres --target-path target/test-postgres \
        --select config.materialized:incremental --exclude-resource-type unit_test
    echo "== pytest"
    WATTLAS_TEST_POSTGRES=1 WATTLAS_RUN_DBT_TESTS=1 python -m pytest $PYTEST_PARALLEL
}

if [ "${WATTLAS_SKIP_POSTGRES:-0}" = 1 ]; then
    echo "== WATTLAS_SKIP_POSTGRES=1: skipping the PostgreSQL build and comparison"
    WATTLAS_RUN_DBT_TESTS=1 python -m pytest $PYTEST_PARALLEL
else
    scripts/postgres.sh bash -c "$(declare -f postgres_half); postgres_half"
fi
