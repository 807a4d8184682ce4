"""Alerts, POSTed as JSON to ``WATTLAS_ALERT_WEBHOOK_URL``.

- ``run_failure_alert_sensor``: any failed run (job, run id, error);
- ``quality_alert_sensor``: new failed error-severity dbt tests in
  ``audit.dbt_run_results``, and operators whose last file was loaded more
  than ``WATTLAS_OPERATOR_STALE_HOURS`` ago (``raw._loads``).

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
from orchestration.ingestion.warehouse import LOADS_TABLE, RAW_SCHEMA
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


def stale_operators(warehouse: WarehouseResource, now: datetime) -> list[tuple[str, str]]:
    rows = _query(
        warehouse,
        f"select split_part(source_file, '/', 1) as operator, max(loaded_at) "
        f"from {RAW_SCHEMA}.{LOADS_TABLE} where left(dataset, 10) = 'operators/' "
        "group by 1",
    )
    limit = now - timedelta(hours=settings.operator_stale_hours())
    return [(operator, str(last)) for operator, last in rows or [] if last < limit]


@dg.sensor(
    minimum_interval_seconds=300,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Alerts on new failed critical dbt tests and operators that stopped sending.",
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
    context.update_cursor(json.dumps({"since": since, "stale": sorted(stale)}))
    return dg.SkipReason(f"alerts: {', '.join(sent) or 'none'}")
