#!/usr/bin/env bash
# Start the Dagster UI on 127.0.0.1 (`make dagster`): dbt parse, a DAGSTER_HOME
# under target/ with telemetry off and the DuckDB single-writer limits, then
# `dagster dev`. Environment (defaults): DAGSTER_PORT=3070,
# DAGSTER_HOME=target/dagster_home, WATTLAS_DUCKDB_PATH=warehouse.duckdb,
# WATTLAS_DAGSTER_DBT_TARGET_PATH=target/dagster, WATTLAS_OFFLINE=1.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.venv/bin}"
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
PORT="${DAGSTER_PORT:-3070}"
# dagster-dbt's DbtProject preparer (prepare_if_dev) runs `dbt` from PATH.
export PATH="$BIN:$PATH"
export DBT_PROFILES_DIR="${DBT_PROFILES_DIR:-$PWD/profiles}"
export DAGSTER_HOME="${DAGSTER_HOME:-$PWD/target/dagster_home}"
export WATTLAS_DAGSTER_DBT_TARGET_PATH="${WATTLAS_DAGSTER_DBT_TARGET_PATH:-target/dagster}"
export DBT_SEND_ANONYMOUS_USAGE_STATS=false DO_NOT_TRACK=1 DAGSTER_DISABLE_TELEMETRY=1
# The local UI works offline unless told otherwise: its ingestion assets load the
# shipped sample. WATTLAS_OFFLINE=0 makes them download from the publishers (as a
# deployment that leaves the variable unset does).
export WATTLAS_OFFLINE="${WATTLAS_OFFLINE:-1}"
if [ "$WATTLAS_OFFLINE" = 1 ]; then
    echo "Dagster: WATTLAS_OFFLINE=1, ingestion assets load the shipped sample (no download)"
else
    echo "Dagster: WATTLAS_OFFLINE=$WATTLAS_OFFLINE, ingestion assets DOWNLOAD from the publishers"
fi

mkdir -p "$DAGSTER_HOME"
cat > "$DAGSTER_HOME/dagster.yaml" <<'YAML'
# Written by scripts/dagster_dev.sh (make dagster); edits are overwritten.
telemetry:
  enabled: false
concurrency:
  runs:
    # DuckDB is single-writer: one run that writes to it at a time, the
    # others wait in the queue (jobs carry wattlas/warehouse=<target>).
    tag_concurrency_limits:
      - key: wattlas/warehouse
        value: duckdb
        limit: 1
  pools:
    # Every asset that writes to the warehouse is in the warehouse_writer pool.
    default_limit: 1
YAML

"$BIN/dbt" parse --target-path "$WATTLAS_DAGSTER_DBT_TARGET_PATH" --quiet
exec "$BIN/dagster" dev -m orchestration.definitions -h 127.0.0.1 -p "$PORT"
