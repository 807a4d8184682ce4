"""Alerts, POSTed as JSON to ``WATTLAS_ALERT_WEBHOOK_URL``.

- ``run_failure_alert_sensor``: any failed run (job, run id, error);
- ``quality_alert_sensor``: new failed error-severity dbt tests in
  ``audit.dbt_run_results``; operators' quality breaches: after a run whose
  quality-rule tests warned (severity warn: a breach is reported, it never
  blocks the build), each rule with status ``fail`` in
  ``marts.fct_quality_results`` on the run's days (its partition range,
  else the latest evaluated day), with its operational units; and
  operators whose last file was loaded more than
  ``WATTLAS_OPERATOR_STALE_HOURS`` ago (``raw._loads``).

Without the variable, each alert is logged (``alert not sent: ...``) instead.
A webhook that cannot be reached is logged as an error, it does not fail the
sensor (the alert would otherwise be retried forever on every tick).
"""

import json
import logging
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta

import dagster as dg

from orchestration import settings
from orchestration.ingestion.warehouse import LOADED, LOADS_TABLE, RAW_SCHEMA
from orchestration.resources import WarehouseResource, is_lock_error
from orchestration.run_log import AUDIT_SCHEMA, RUN_RESULTS_TABLE

log = logging.getLogger(__name__)
WEBHOOK_TIMEOUT_SECONDS = 10


def post_alert(payload: dict, logger=log) -> bool:
    """POST ``payload``; False (and a log line) when no URL is set or it fails."""
    url = settings.alert_webhook_url()
    body = json.dumps(payload, default=str, sort_keys=True)
    if url is None:
        logger.warning(f"WATTLAS_ALERT_WEBHOOK_URL is not set: alert not sent: {body}")
        return False
    request = urllib.request.Request(
        url, data=body.encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=WEBHOOK_TIMEOUT_SECONDS) as response:
            response.read()
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        logger.error(f"alert webhook {url} failed ({error}): alert not sent: {body}")
        return False
    logger.info(f"alert sent to {url}: {payload.get('event')}")
    return True


@dg.run_failure_sensor(
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="POSTs every failed run to WATTLAS_ALERT_WEBHOOK_URL.",
)
def run_failure_alert_sensor(context: dg.RunFailureSensorContext):
    run = context.dagster_run
    post_alert(
        {
            "event": "run_failure",
            "job": run.job_name,
            "run_id": run.run_id,
            "partition": run.tags.get("dagster/partition")
            or run.tags.get("dagster/asset_partition_range_start"),
            "message": context.failure_event.message,
        },
        context.log,
    )


def _query(warehouse: WarehouseResource, sql: str, params: tuple = ()) -> list[tuple] | None:
    """Rows, or None when the table does not exist yet or a run holds the lock."""
    try:
        connection = warehouse.connect()
    except dg.Failure as failure:
        if is_lock_error(str(failure.description) + str(failure.metadata)):
            return None
        raise
    try:
        return connection.execute(sql, params)
    except Exception as error:  # missing audit/raw table: nothing to report yet
        log.info(f"quality sensor query skipped: {error}")
        return None
    finally:
        connection.close()


def new_critical_failures(warehouse: WarehouseResource, since: str) -> list[tuple]:
    rows = _query(
        warehouse,
        f"select dagster_run_id, dagster_job, node_name, status, failures, message, "
        f"cast(recorded_at as varchar) from {AUDIT_SCHEMA}.{RUN_RESULTS_TABLE} "
        "where resource_type = 'test' and status in ('fail', 'error') "
        "and coalesce(severity, 'ERROR') = 'ERROR' "
        "and cast(recorded_at as varchar) > %s order by recorded_at",
        (since,),
    )
    return rows or []


QUALITY_TEST_PREFIX = "quality_rule_"
QUALITY_RESULTS = "marts.fct_quality_results"
MAX_ALERTED_BREACHES = 100


def new_quality_runs(warehouse: WarehouseResource, since: str) -> list[tuple]:
    """(run id, partition range, recorded at) of the runs recorded after ``since``
    whose quality-rule tests reported breaches."""
    rows = _query(
        warehouse,
        f"select dagster_run_id, partition_range, max(cast(recorded_at as varchar)) "
        f"from {AUDIT_SCHEMA}.{RUN_RESULTS_TABLE} "
        f"where resource_type = 'test' and node_name like '{QUALITY_TEST_PREFIX}%%' "
        "and status in ('warn', 'fail', 'error') and cast(recorded_at as varchar) > %s "
        "group by 1, 2 order by 3",
        (since,),
    )
    return rows or []


def quality_breaches(warehouse: WarehouseResource, partition_range: str | None) -> list[dict]:
    """Rules with status fail on the range's days (else the latest day), per rule and day."""
    if partition_range:
        start, end = partition_range.split("..")
        days, params = "day between cast(%s as date) and cast(%s as date)", (start, end)
    else:
        days, params = f"day = (select max(day) from {QUALITY_RESULTS})", ()
    rows = _query(
        warehouse,
        f"select rule_code, cast(day as varchar), "
        f"string_agg(operational_unit_code, ',' order by operational_unit_code), "
        f"sum(offending_rows) from {QUALITY_RESULTS} where status = 'fail' and {days} "
        "group by 1, 2 order by 2, 1",
        params,
    )
    return [
        {"rule": rule, "day": day, "operational_units": units.split(","),
         "offending_rows": None if offending is None else int(offending)}
        for rule, day, units, offending in rows or []
    ]  # fmt: skip


def stale_operators(warehouse: WarehouseResource, now: datetime) -> list[tuple[str, str]]:
    rows = _query(
        warehouse,
        f"select split_part(source_file, '/', 1) as operator, max(loaded_at) "
        f"from {RAW_SCHEMA}.{LOADS_TABLE} where left(dataset, 10) = 'operators/' "
        "and status = %s group by 1",
        (LOADED,),  # a refused file is no delivery
    )
    limit = now - timedelta(hours=settings.operator_stale_hours())
    return [(operator, str(last)) for operator, last in rows or [] if last < limit]


@dg.sensor(
    minimum_interval_seconds=300,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description=(
        "Alerts on new failed critical dbt tests, operators' quality breaches "
        "and operators that stopped sending."
    ),
)
def quality_alert_sensor(context: dg.SensorEvaluationContext, warehouse: WarehouseResource):
    cursor = json.loads(context.cursor) if context.cursor else {}
    now = datetime.now(UTC).replace(tzinfo=None)
    since = cursor.get("since", "")
    failures = new_critical_failures(warehouse, since)
    sent = []
    if failures:
        post_alert(
            {
                "event": "critical_quality_failures",
                "failures": [
                    {"run_id": r[0], "job": r[1], "test": r[2], "status": r[3],
                     "failures": r[4], "message": r[5]}
                    for r in failures
                ],
            },
            context.log,
        )  # fmt: skip
        since = failures[-1][6]
        sent.append("critical_quality_failures")
    quality_since = cursor.get("quality_since", "")
    for run_id, partition_range, recorded_at in new_quality_runs(warehouse, quality_since):
        breaches = quality_breaches(warehouse, partition_range)
        if breaches:
            post_alert(
                {
                    "event": "quality_breaches",
                    "run_id": run_id,
                    "partition_range": partition_range,
                    "breach_count": len(breaches),
                    "breaches": breaches[:MAX_ALERTED_BREACHES],
                },
                context.log,
            )
            sent += [] if "quality_breaches" in sent else ["quality_breaches"]
        quality_since = recorded_at
    stale = dict(stale_operators(warehouse, now))
    newly_stale = sorted(set(stale) - set(cursor.get("stale", [])))
    if newly_stale:
        post_alert(
            {
                "event": "operator_data_stopped",
                "stale_after_hours": settings.operator_stale_hours(),
                "operators": [{"operator": op, "last_loaded_at": stale[op]} for op in newly_stale],
            },
            context.log,
        )
        sent.append("operator_data_stopped")
    context.update_cursor(
        json.dumps({"since": since, "quality_since": quality_since, "stale": sorted(stale)})
    )
    return dg.SkipReason(f"alerts: {', '.join(sent) or 'none'}")
