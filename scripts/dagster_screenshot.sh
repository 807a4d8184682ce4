#!/usr/bin/env bash
# Start `make dagster`'s server, wait for it, take a headless Chromium
# screenshot of the asset graph, stop the server. Needs chromium
# (apt-get install -y --no-install-recommends chromium).
# Usage: scripts/dagster_screenshot.sh [output.png]  (default docs/images/dagster_asset_graph.png)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-docs/images/dagster_asset_graph.png}"
PORT="${DAGSTER_PORT:-3070}"
URL="http://127.0.0.1:$PORT/asset-groups"
LOG="${DAGSTER_LOG:-target/dagster_dev.log}"
CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || echo chromium)}"
mkdir -p "$(dirname "$OUT")" target

# Job control, so the server gets its own process group and SIGTERM stops it
# and its children (without it, a background job ignores SIGINT/SIGTERM).
set -m
DAGSTER_PORT="$PORT" scripts/dagster_dev.sh >"$LOG" 2>&1 &
PID=$!
set +m
stop() { kill -TERM "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
trap stop EXIT

for _ in $(seq 1 600); do  # up to 5 minutes on a busy machine
    curl -sf "http://127.0.0.1:$PORT/server_info" >/dev/null && break
    kill -0 "$PID" 2>/dev/null || { echo "dagster dev exited; see $LOG" >&2; exit 1; }
    sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/server_info" >/dev/null || { echo "no server; see $LOG" >&2; exit 1; }

# The first visit shows a "Join the Dagster community" modal over the graph;
# mark it seen (the UI's own SetNuxSeen mutation, stored in DAGSTER_HOME).
curl -sf -H 'Content-Type: application/json' -d '{"query":"mutation { setNuxSeen }"}' \
    "http://127.0.0.1:$PORT/graphql" >/dev/null

PROFILE="$(mktemp -d)"
"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$PROFILE" --window-size=1600,1000 --virtual-time-budget=20000 \
    --screenshot="$OUT" "$URL" 2>/dev/null
rm -rf "$PROFILE"
echo "screenshot: $OUT ($URL)"
