#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL 15 server on 127.0.0.1.
#
#   scripts/postgres.sh <command> [args...]
#
# Starts a fresh cluster in a temporary folder (trust auth, fsync off, bound
# to 127.0.0.1 only), exports the libpq variables (PGHOST, PGPORT, PGUSER,
# PGDATABASE) that the loader and the dbt profile read, runs the command, and
# stops and deletes the cluster whatever the command's outcome.
# As root, the server runs as the `postgres` user (initdb refuses root) and a
# missing PostgreSQL is installed with apt.
set -euo pipefail

PG_VERSION="${WATTLAS_PG_VERSION:-15}"
# A free port unless one is given: two test runs on one machine must not clash.
PORT="${WATTLAS_PG_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
PGBIN="${WATTLAS_PGBIN:-/usr/lib/postgresql/$PG_VERSION/bin}"

if [ ! -x "$PGBIN/initdb" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "postgres.sh: installing postgresql-$PG_VERSION with apt" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$PG_VERSION" >/dev/null
    else
        echo "postgres.sh: PostgreSQL $PG_VERSION binaries not found in $PGBIN." >&2
        echo "  Install postgresql-$PG_VERSION (as root: apt-get install postgresql-$PG_VERSION)," >&2
        echo "  point WATTLAS_PGBIN at its bin folder, or set WATTLAS_SKIP_POSTGRES=1 to skip" >&2
        echo "  the PostgreSQL half of the tests (CI never skips)." >&2
        exit 3
    fi
fi

PGROOT="$(mktemp -d /tmp/wattlas-pg.XXXXXX)"
as_server_user() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGROOT"

stop_server() {
    as_server_user "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PGROOT"
}
trap stop_server EXIT

as_server_user "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust --no-sync -E UTF8 \
    --locale=C >/dev/null
as_server_user "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w \
    -o "-p $PORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off -c timezone=UTC" \
    start >/dev/null || { cat "$PGROOT/server.log" >&2; exit 3; }

export PGHOST=127.0.0.1 PGPORT="$PORT" PGUSER=postgres PGDATABASE=wattlas
unset PGPASSWORD
"$PGBIN/psql" -q -d postgres -c "create database wattlas" >/dev/null
echo "postgres.sh: PostgreSQL $PG_VERSION on $PGHOST:$PGPORT, database $PGDATABASE" >&2

"$@"
