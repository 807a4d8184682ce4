"""The run log: every dbt result of every run, in ``audit.dbt_run_results``.

One row per dbt node and invocation: node, type, status, timing, rows
affected, failures, message, plus the Dagster run id, job, partition range
and the dbt invocation id and time. BI reads it, and so does the quality
sensor (``alerts.py``), which looks for new failed error-severity tests and
for runs whose quality-rule tests warned (operators' breaches).
"""

import json
from datetime import UTC, datetime

from orchestration.ingestion.warehouse import Warehouse

AUDIT_SCHEMA = "audit"
RUN_RESULTS_TABLE = "dbt_run_results"
COLUMNS = {
    "dagster_run_id": "text",
    "dagster_job": "text",
    "partition_range": "text",
    "invocation_id": "text",
    "invoked_at": "timestamp",
    "unique_id": "text",
    "resource_type": "text",
    "node_name": "text",
    "status": "text",
    "severity": "text",
    "execution_time_s": "double precision",
    "rows_affected": "bigint",
    "failures": "bigint",
    "message": "text",
    "recorded_at": "timestamp",
}


def ensure_audit_table(warehouse: Warehouse) -> None:
    warehouse.execute(f"create schema if not exists {AUDIT_SCHEMA}")
    columns = ", ".join(f"{name} {kind}" for name, kind in COLUMNS.items())
    warehouse.execute(f"create table if not exists {AUDIT_SCHEMA}.{RUN_RESULTS_TABLE} ({columns})")


def result_rows(
    run_results: dict, manifest: dict, *, run_id: str, job: str, partition_range: str | None
) -> list[tuple]:
    """Rows of ``audit.dbt_run_results`` from a run_results.json artifact."""
    metadata = run_results.get("metadata", {})
    invoked_at = _timestamp(metadata.get("invocation_started_at") or metadata.get("generated_at"))
    recorded_at = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    nodes = manifest.get("nodes", {})
    rows = []
    for result in run_results.get("results", []):
        unique_id = result.get("unique_id", "")
        node = nodes.get(unique_id, {})
        adapter_response = result.get("adapter_response") or {}
        rows.append(
            (
                run_id,
                job,
                partition_range,
                metadata.get("invocation_id"),
                invoked_at,
                unique_id,
                unique_id.split(".", 1)[0],
                node.get("name") or unique_id.rsplit(".", 1)[-1],
                str(result.get("status")),
                (node.get("config") or {}).get("severity"),
                result.get("execution_time"),
                adapter_response.get("rows_affected"),
                result.get("failures"),
                (result.get("message") or "")[:2000],
                recorded_at,
            )
        )
    return rows


def append_results(warehouse: Warehouse, rows: list[tuple]) -> int:
    """Append the rows in one transaction; returns how many were written."""
    try:
        ensure_audit_table(warehouse)
        placeholders = ", ".join(["%s"] * len(COLUMNS))
        for row in rows:
            warehouse.execute(
                f"insert into {AUDIT_SCHEMA}.{RUN_RESULTS_TABLE} "
                f"({', '.join(COLUMNS)}) values ({placeholders})",
                row,
            )
        warehouse.commit()
    except Exception:
        warehouse.rollback()
        raise
    return len(rows)


def _timestamp(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def summary(rows: list[tuple]) -> str:
    statuses: dict[str, int] = {}
    for row in rows:
        statuses[row[8]] = statuses.get(row[8], 0) + 1
    return json.dumps(statuses, sort_keys=True)
