"""The Dagster code location: ``dagster dev -m orchestration.definitions``.

DuckDB is single-writer: on the duckdb target every job runs its steps one
after another in one process (``in_process_executor``), writing assets share
the ``warehouse_writer`` pool, and the run queue (DAGSTER_HOME dagster.yaml,
written by ``make dagster``) runs one ``wattlas/warehouse=duckdb`` run at a time.
"""

import dagster as dg

from orchestration import settings
from orchestration.alerts import quality_alert_sensor, run_failure_alert_sensor
from orchestration.assets.dbt import dbt_assets_defs
from orchestration.assets.forecasts import forecast_assets
from orchestration.assets.ingestion import ingestion_assets
from orchestration.checks import asset_checks
from orchestration.jobs import jobs
from orchestration.resources import build_resources
from orchestration.schedules import schedules
from orchestration.sensors import operator_landing_sensor

# raw._loads: the loader's record of every file (dbt source loader.loads),
# written by every ingestion asset, materialized by none of its own
LOADER_BOOKKEEPING = dg.AssetSpec(
    ["raw", "_loads"],
    group_name="core",
    description="The loader's record of every landed file: loaded (with line counts) or refused.",
)


def build_definitions(resources: dict[str, object]) -> dg.Definitions:
    """Everything, with the given resources (tests pass their own)."""
    return dg.Definitions(
        assets=[*ingestion_assets, LOADER_BOOKKEEPING, *dbt_assets_defs, *forecast_assets],
        asset_checks=asset_checks,
        jobs=jobs,
        schedules=schedules,
        sensors=[operator_landing_sensor, run_failure_alert_sensor, quality_alert_sensor],
        resources=resources,
        executor=dg.in_process_executor if settings.target() == "duckdb" else None,
    )


defs = build_definitions(build_resources())
