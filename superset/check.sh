#!/usr/bin/env bash
# make superset-check: install the pinned Apache Superset in its own venv, build a
# fresh instance on 127.0.0.1 (SQLite metadata under target/superset_home), import
# the dashboards-as-code bundle (superset/bundle, database templated for the
# PostgreSQL marts read by the BI role), open the dashboard in headless Chromium and
# screenshot it to docs/images/superset_dashboard.png. Stops the server it starts.
#
# Reads the marts through the libpq variables: PGHOST, PGPORT, PGDATABASE, and the
# BI role (WATTLAS_BI_READER_ROLE, else PGUSER) with WATTLAS_BI_READER_PASSWORD if any.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.venv/bin}"
VENV="$(realpath -m "${SUPERSET_VENV:-target/superset-venv}")"
PORT="${SUPERSET_PORT:-8088}"
export SUPERSET_HOME="$PWD/target/superset_home"
export SUPERSET_CONFIG_PATH="$PWD/superset/superset_config.py"
export FLASK_APP=superset
export SUPERSET_SECRET_KEY="${SUPERSET_SECRET_KEY:-$(python3 -c 'import secrets; print(secrets.token_urlsafe(42))')}"
export SUPERSET_ADMIN_PASSWORD="${SUPERSET_ADMIN_PASSWORD:-$(python3 -c 'import secrets; print(secrets.token_urlsafe(12))')}"
start=$(date +%s)

if [ ! -x "$VENV/bin/superset" ] || ! cmp -s superset/requirements-superset.txt "$VENV/.requirements"; then
    echo "== superset-check: installing the pinned Superset into $VENV"
    "$BIN/uv" venv -q --allow-existing -p "$BIN/python" "$VENV"
    "$BIN/uv" pip install -q -p "$VENV/bin/python" -r superset/requirements-superset.txt
    cp superset/requirements-superset.txt "$VENV/.requirements"
fi
SUPERSET="$VENV/bin/superset"

echo "== superset-check: fresh instance in $SUPERSET_HOME"
rm -rf "$SUPERSET_HOME"; mkdir -p "$SUPERSET_HOME"
"$SUPERSET" db upgrade >"$SUPERSET_HOME/setup.log" 2>&1
"$SUPERSET" fab create-admin --username admin --firstname Wattlas --lastname Check \
    --email admin@wattlas.invalid --password "$SUPERSET_ADMIN_PASSWORD" >>"$SUPERSET_HOME/setup.log" 2>&1
"$SUPERSET" init >>"$SUPERSET_HOME/setup.log" 2>&1

echo "== superset-check: importing the bundle (PostgreSQL marts)"
export WATTLAS_SUPERSET_SQLALCHEMY_URI
WATTLAS_SUPERSET_SQLALCHEMY_URI="$("$VENV/bin/python" - <<'PY'
import os
from urllib.parse import quote
user = os.environ.get("WATTLAS_BI_READER_ROLE") or os.environ.get("PGUSER", "postgres")
password = os.environ.get("WATTLAS_BI_READER_PASSWORD", "")
auth = quote(user) + (":" + quote(password) if password else "")
host = os.environ.get("PGHOST", "127.0.0.1")
port = os.environ.get("PGPORT", "5432")
database = os.environ.get("PGDATABASE", "wattlas")
print(f"postgresql+psycopg2://{auth}@{host}:{port}/{quote(database)}")
PY
)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/wattlas_bundle"
cp -r superset/bundle/. "$work/wattlas_bundle/"
"$VENV/bin/python" - "$work/wattlas_bundle/databases" <<'PY'
import os, sys
from pathlib import Path
from string import Template
for path in Path(sys.argv[1]).glob("*.yaml"):
    path.write_text(Template(path.read_text()).substitute(os.environ))
PY
(cd "$work" && "$VENV/bin/python" -m zipfile -c bundle.zip wattlas_bundle)
"$SUPERSET" import-dashboards -p "$work/bundle.zip" -u admin >>"$SUPERSET_HOME/setup.log" 2>&1

echo "== superset-check: server on 127.0.0.1:$PORT"
set -m
"$SUPERSET" run -h 127.0.0.1 -p "$PORT" --with-threads >"$SUPERSET_HOME/server.log" 2>&1 &
pid=$!
set +m
trap 'kill -TERM -- -$pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 120); do
    curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
    kill -0 "$pid" 2>/dev/null || { tail -20 "$SUPERSET_HOME/server.log"; exit 1; }
    sleep 1
done
"$BIN/python" superset/screenshot.py --url "http://127.0.0.1:$PORT" \
    --password "$SUPERSET_ADMIN_PASSWORD" --output docs/images/superset_dashboard.png
echo "superset-check: OK in $(( $(date +%s) - start )) s"
