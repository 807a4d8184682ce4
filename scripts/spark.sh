#!/usr/bin/env bash
# Run a command against a throwaway Apache Spark cluster on 127.0.0.1.
#
#   scripts/spark.sh <command> [args...]
#
# Starts a standalone master, two workers (one core each) and the Spark Thrift
# server (HiveServer2 protocol, what dbt-spark's `thrift` method talks to)
# submitted to that master, all from the jars of the installed pyspark package
# and all bound to 127.0.0.1. The warehouse folder, the Derby metastore, the
# logs and the workers' scratch space live in a temporary folder. Once the
# Thrift port answers, exports the variables the dbt profile's `spark` target
# reads (WATTLAS_SPARK_HOST, WATTLAS_SPARK_PORT), runs the command, and stops
# every process it started (by process id) and deletes the folder whatever the
# command's outcome. The exit status is the command's.
# Needs Java 17: as root, a missing `java` is installed with apt.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# Free ports unless given: two runs on one machine must not clash.
MASTER_PORT="${WATTLAS_SPARK_MASTER_PORT:-$(free_port)}"
THRIFT_PORT="${WATTLAS_SPARK_THRIFT_PORT:-$(free_port)}"
WORKER_MEMORY="${WATTLAS_SPARK_WORKER_MEMORY:-1g}"
START_TIMEOUT="${WATTLAS_SPARK_START_TIMEOUT:-180}"

if ! command -v java >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "spark.sh: installing openjdk-17-jre-headless with apt" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    else
        echo "spark.sh: no java on PATH. Spark needs Java 17: install it" >&2
        echo "  (as root: apt-get install openjdk-17-jre-headless) or put its bin folder on PATH." >&2
        exit 3
    fi
fi

# Spark itself is the pyspark package of the project's venv (jars, bin/).
PYTHON="${REPO}/.venv/bin/python"
[ -x "$PYTHON" ] || PYTHON=python3
if ! SPARK_HOME="$("$PYTHON" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))' 2>/dev/null)"; then
    echo "spark.sh: pyspark is not installed for $PYTHON: run make venv first." >&2
    exit 3
fi
export SPARK_HOME

ROOT="$(mktemp -d /tmp/wattlas-spark.XXXXXX)"
mkdir -p "$ROOT/conf" "$ROOT/logs" "$ROOT/local" "$ROOT/warehouse" "$ROOT/derby"
# An empty configuration folder: nothing from a user's Spark setup leaks in.
export SPARK_CONF_DIR="$ROOT/conf" SPARK_LOG_DIR="$ROOT/logs" SPARK_LOCAL_DIRS="$ROOT/local"
export SPARK_LOCAL_IP=127.0.0.1 SPARK_PUBLIC_DNS=127.0.0.1 SPARK_DAEMON_MEMORY=512m
export SPARK_MASTER_OPTS="-Dspark.master.rest.enabled=false"
unset SPARK_ENV_LOADED

PIDS=()
# Every process started here, then their children (the executors the workers
# fork), newest first; TERM, a grace period, then KILL for the stragglers.
descendants() {
    local child
    for child in $(pgrep -P "$1" 2>/dev/null || true); do
        descendants "$child"
        echo "$child"
    done
}
stop_cluster() {
    local status=$? pid all=() children=() i
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
        mapfile -t children < <(descendants "${PIDS[i]}")
        all+=("${children[@]}" "${PIDS[i]}")
    done
    for pid in "${all[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for _ in $(seq 1 30); do
        alive=0
        for pid in "${all[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ "$alive" = 0 ] && break
        sleep 0.5
    done
    for pid in "${all[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$ROOT"
    exit "$status"
}
trap stop_cluster EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Started from $ROOT so that stray files (derby.log, spark-warehouse) land there.
start() {
    local log="$1"
    shift
    (cd "$ROOT" && exec "$SPARK_HOME/bin/spark-class" "$@") >"$ROOT/logs/$log" 2>&1 &
    PIDS+=($!)
}

SECONDS=0
start master.log org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$MASTER_PORT" --webui-port 0
MASTER_URL="spark://127.0.0.1:$MASTER_PORT"
for n in 1 2; do
    mkdir -p "$ROOT/work-$n"
    start "worker-$n.log" org.apache.spark.deploy.worker.Worker \
        --host 127.0.0.1 --webui-port 0 --cores 1 --memory "$WORKER_MEMORY" \
        --work-dir "$ROOT/work-$n" "$MASTER_URL"
done
# Session time zone UTC (the project's timestamps are UTC; Spark's casts follow
# the session zone) and "x" read as an identifier, as on PostgreSQL and DuckDB
# (by default Spark reads it as a string).
JAVA_UTC="-Duser.timezone=UTC -Dderby.system.home=$ROOT/derby"
start thrift.log org.apache.spark.deploy.SparkSubmit \
    --class org.apache.spark.sql.hive.thriftserver.HiveThriftServer2 \
    --name wattlas-thrift --master "$MASTER_URL" \
    --driver-memory 1g --executor-memory "$WORKER_MEMORY" \
    --conf spark.executor.cores=1 --conf spark.cores.max=2 \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.ui.enabled=false \
    --conf "spark.driver.extraJavaOptions=$JAVA_UTC" \
    --conf spark.executor.extraJavaOptions=-Duser.timezone=UTC \
    --conf spark.sql.session.timeZone=UTC \
    --conf spark.sql.ansi.doubleQuotedIdentifiers=true \
    --conf spark.sql.shuffle.partitions=4 \
    --conf "spark.sql.warehouse.dir=$ROOT/warehouse" \
    --conf "spark.hadoop.javax.jdo.option.ConnectionURL=jdbc:derby:;databaseName=$ROOT/metastore_db;create=true" \
    --hiveconf hive.server2.thrift.bind.host=127.0.0.1 \
    --hiveconf "hive.server2.thrift.port=$THRIFT_PORT" \
    --hiveconf hive.server2.enable.doAs=false \
    spark-internal

# Ready when the Thrift port accepts a connection; fail early if a process dies.
until (exec 3<>"/dev/tcp/127.0.0.1/$THRIFT_PORT") 2>/dev/null; do
    for pid in "${PIDS[@]}"; do
        kill -0 "$pid" 2>/dev/null && continue
        echo "spark.sh: a Spark process (pid $pid) exited during start-up; last log lines:" >&2
        tail -n 25 "$ROOT"/logs/*.log >&2
        exit 3
    done
    if [ "$SECONDS" -ge "$START_TIMEOUT" ]; then
        echo "spark.sh: the Thrift server did not answer on 127.0.0.1:$THRIFT_PORT within" \
            "${START_TIMEOUT}s (WATTLAS_SPARK_START_TIMEOUT); last log lines:" >&2
        tail -n 25 "$ROOT"/logs/*.log >&2
        exit 3
    fi
    sleep 1
done

export WATTLAS_SPARK_HOST=127.0.0.1 WATTLAS_SPARK_PORT="$THRIFT_PORT"
echo "spark.sh: Spark Thrift server on $WATTLAS_SPARK_HOST:$WATTLAS_SPARK_PORT" \
    "(master $MASTER_URL, 2 workers of 1 core, ${WORKER_MEMORY} each) after ${SECONDS}s" >&2

"$@"
