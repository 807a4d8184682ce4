"""dbt assets, split in three ``@dbt_assets`` by the selectors of
``selectors.yml``, in the order data flows:

- ``dbt_upstream_models`` (``upstream_of_daily``): everything the daily
  models read (seeds, staging, the intermediate models they need),
  unpartitioned.
- ``dbt_daily_models`` (``daily_partitioned``): the incremental models
  tagged ``daily_partitioned`` (charge point statuses, sessions, the
  availability timelines, the usage indicators, rollups and marts), one
  Dagster partition per local day. A run for
  partitions ``[D1 .. Dn]`` is one ``dbt build`` with the half-open vars
  ``min_date = D1``, ``max_date = Dn + 1`` (the daily schedule adds the
  days its new files changed, within the reprocessing window);
  a backfill runs in chunks of ``WATTLAS_BACKFILL_CHUNK_DAYS`` days (default
  5), one run each, so its memory follows the chunk, not the range.
- ``dbt_models`` (``after_daily``): every other model, snapshot and test,
  unpartitioned: the marts and what the daily models do not read.
- ``dbt_forecast_models`` (``forecast_output``): the models reading the
  forecasts that the Python assets ``consumption_forecasts`` and
  ``charging_demand_forecasts`` write after ``dbt_models``
  (orchestration/assets/forecasts.py).

Nothing after the daily set feeds it, so a run never has to split one of
them into steps. A test of a daily model that also reads a model built
after the daily set (the relationship of fct_quality_results to
dim_quality_rules) is tagged ``run_after_daily``: it runs with that set,
as a check of the later model (``meta.dagster.ref``). If no model carries
the tag, only ``dbt_models`` is defined, with the whole project.

Each function runs one ``dbt build`` (tests included, as asset checks), then
appends dbt's run results to ``audit.dbt_run_results`` (``run_log.py``), even
when dbt failed, then fails the step if dbt did.
"""

import json
import uuid
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource, dbt_assets

from orchestration import run_log, settings
from orchestration.partitions import daily_partitions, half_open_dates
from orchestration.project import get_dbt_project
from orchestration.resources import (
    WAREHOUSE_POOL,
    WarehouseResource,
    is_lock_error,
    lock_failure,
)
from orchestration.translator import DAILY_PARTITIONED_TAG, WattlasDbtTranslator

# Selectors of selectors.yml (in the manifest once dbt has parsed it).
UPSTREAM_SELECTOR = "upstream_of_daily"  # +tag:daily_partitioned, the tag excluded
DAILY_SELECTOR = "daily_partitioned"  # tag:daily_partitioned
AFTER_SELECTOR = "after_daily"  # everything else but the forecast models
FORECAST_SELECTOR = "forecast_output"  # tag:forecast_output

dbt_project = get_dbt_project()
translator = WattlasDbtTranslator()


def incremental_model_names(manifest_path: Path = dbt_project.manifest_path) -> list[str]:
    """Models tagged ``daily_partitioned`` in the manifest."""
    manifest = json.loads(Path(manifest_path).read_text())
    return sorted(
        node["name"]
        for node in manifest.get("nodes", {}).values()
        if node.get("resource_type") == "model" and DAILY_PARTITIONED_TAG in node.get("tags", [])
    )


HAS_INCREMENTAL_MODELS = bool(incremental_model_names())


class DbtBuildConfig(dg.Config):
    full_refresh: bool = False


class DbtDailyConfig(DbtBuildConfig):
    # How far before the first partition of the run late rows are picked up:
    # 0 for backfills and sensor runs (exactly the requested days); the daily
    # schedule sets WATTLAS_REPROCESSING_WINDOW_DAYS (default 15: operators
    # correct up to 15 days late). The run then also rebuilds from the first
    # day the latest staging run changed, if it is inside that window, so a
    # day without late rows costs one day's work.
    reprocessing_window_days: int = 0


def run_dbt_build(
    context: dg.AssetExecutionContext,
    dbt: DbtCliResource,
    warehouse: WarehouseResource,
    *,
    full_refresh: bool,
    dbt_vars: dict | None = None,
):
    """One ``dbt build`` of the step's selection, logged to the audit table."""
    if warehouse.target == "duckdb":
        warehouse.ensure_writable()
    op_name = context.op_execution_context.op.name
    # One folder per invocation: a run may execute the same op in several
    # steps (subsets), and each step's run_results.json goes to the run log.
    run_folder = f"{op_name}-{context.run_id[:8]}-{uuid.uuid4().hex[:8]}"
    target_path = settings.dbt_target_path() / "runs" / run_folder
    args = [
        "build",
        *("--log-path", str(target_path)),
        # Unit tests run in CI (`make test`), not in scheduled runs (dbt's own
        # advice: they test code, which a scheduled run does not change).
        *("--exclude-resource-type", "unit_test"),
    ]
    if dbt_vars:
        args += ["--vars", json.dumps(dbt_vars)]
    if full_refresh:
        args.append("--full-refresh")
    invocation = dbt.cli(args, context=context, raise_on_error=False, target_path=target_path)
    yield from invocation.stream()

    partition_range = None
    if context.has_partition_key_range:
        key_range = context.partition_key_range
        partition_range = f"{key_range.start}..{key_range.end}"
    rows = []
    if (invocation.target_path / "run_results.json").exists():
        rows = run_log.result_rows(
            invocation.get_artifact("run_results.json"),
            invocation.get_artifact("manifest.json"),
            run_id=context.run_id,
            job=context.job_name or "",
            partition_range=partition_range,
        )
        audit = warehouse.connect()
        try:
            run_log.append_results(audit, rows)
        finally:
            audit.close()
        context.log.info(f"run log: {len(rows)} dbt results appended to audit.dbt_run_results")

    if not invocation.is_successful():
        error = invocation.get_error()
        detail = " ".join(str(result.get("message") or "") for result in _error_results(invocation))
        if warehouse.target == "duckdb" and is_lock_error(f"{error} {detail}"):
            raise lock_failure(warehouse.duckdb_path, detail or str(error))
        raise dg.Failure(
            description=f"dbt build failed: {run_log.summary(rows) if rows else error}",
            metadata={"dbt_error": str(error)[:2000]},
        )


def _error_results(invocation) -> list[dict]:
    try:
        return [
            result
            for result in invocation.get_artifact("run_results.json").get("results", [])
            if result.get("status") == "error"
        ]
    except Exception:  # no artifact: dbt failed before running anything
        return []


def _unpartitioned_assets(name: str, selector: str):
    @dbt_assets(
        manifest=dbt_project.manifest_path,
        project=dbt_project,
        name=name,
        selector=selector,
        dagster_dbt_translator=translator,
        pool=WAREHOUSE_POOL,
    )
    def _assets(
        context: dg.AssetExecutionContext,
        dbt: DbtCliResource,
        warehouse: WarehouseResource,
        config: DbtBuildConfig,
    ):
        yield from run_dbt_build(context, dbt, warehouse, full_refresh=config.full_refresh)

    return _assets


dbt_models = _unpartitioned_assets(
    "dbt_models", AFTER_SELECTOR if HAS_INCREMENTAL_MODELS else "not_forecast_output"
)
dbt_forecast_models = _unpartitioned_assets("dbt_forecast_models", FORECAST_SELECTOR)
dbt_assets_defs = [dbt_models, dbt_forecast_models]
dbt_daily_models = None

if HAS_INCREMENTAL_MODELS:

    @dbt_assets(
        manifest=dbt_project.manifest_path,
        project=dbt_project,
        selector=DAILY_SELECTOR,
        dagster_dbt_translator=translator,
        partitions_def=daily_partitions,
        backfill_policy=dg.BackfillPolicy.multi_run(settings.backfill_chunk_days()),
        pool=WAREHOUSE_POOL,
    )
    def dbt_daily_models(
        context: dg.AssetExecutionContext,
        dbt: DbtCliResource,
        warehouse: WarehouseResource,
        config: DbtDailyConfig,
    ):
        min_date, max_date = half_open_dates(context.partition_time_window)
        window = max(config.reprocessing_window_days, 0)
        # the tests of the partition's days, not the history's
        # (macros/tests/rebuilt_days_tests.sql); a full refresh tests all
        dbt_vars = {"min_date": min_date, "max_date": max_date,
                    "wattlas_test_rebuilt_days_only": not config.full_refresh}  # fmt: skip
        if window:
            dbt_vars |= {
                "usage_rebuild_changed_days": True,
                "usage_reprocessing_window_days": window,
            }
        context.log.info(f"dbt vars: {dbt_vars}")
        yield from run_dbt_build(
            context, dbt, warehouse, full_refresh=config.full_refresh, dbt_vars=dbt_vars
        )

    dbt_upstream_models = _unpartitioned_assets("dbt_upstream_models", UPSTREAM_SELECTOR)
    dbt_assets_defs += [dbt_upstream_models, dbt_daily_models]
