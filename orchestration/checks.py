"""Python asset checks that dbt cannot express: file-level load quality.

``rejected_lines_within_threshold`` (blocking) on each operator feed: the
share of rejected lines in the files loaded for that feed stays at most
``WATTLAS_MAX_REJECT_SHARE`` (default 5 %). A feed above it is a broken
export (wrong format, truncated file): the check fails with severity ERROR
and, being blocking, stops the dbt models downstream in the same run.
dbt tests are asset checks too (translator.py); error-severity ones block.
The operators' quality-rule tests are severity warn: a breach is a WARN
check that never blocks (one operator's data must not stop the indicators
of all), and ``quality_alert_sensor`` (alerts.py) alerts on it.
"""

import dagster as dg

from orchestration import settings
from orchestration.assets.ingestion.factory import raw_asset_key
from orchestration.ingestion.registry import DATASETS, Dataset
from orchestration.ingestion.warehouse import LOADS_TABLE, RAW_SCHEMA
from orchestration.resources import WarehouseResource


def reject_share_check(dataset: Dataset) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=raw_asset_key(dataset),
        name="rejected_lines_within_threshold",
        blocking=True,
        description=f"Rejected lines of raw.{dataset.raw_table} at most WATTLAS_MAX_REJECT_SHARE.",
    )
    def _check(warehouse: WarehouseResource) -> dg.AssetCheckResult:
        connection = warehouse.connect()
        try:
            rows = connection.execute(
                f"select coalesce(sum(input_lines), 0), coalesce(sum(rejected_rows), 0) "
                f"from {RAW_SCHEMA}.{LOADS_TABLE} where raw_table = %s",
                (dataset.raw_table,),
            )
        finally:
            connection.close()
        lines, rejected = (int(value) for value in rows[0])
        share = rejected / lines if lines else 0.0
        limit = settings.max_reject_share()
        return dg.AssetCheckResult(
            passed=share <= limit,
            severity=dg.AssetCheckSeverity.ERROR,
            metadata={"input_lines": lines, "rejected_lines": rejected,
                      "rejected_share": share, "max_share": limit},
        )  # fmt: skip

    return _check


asset_checks = [reject_share_check(d) for d in DATASETS.values() if d.operator_feed]
