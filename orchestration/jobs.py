"""Jobs. Every job writes to the warehouse, so each carries the run tag
``wattlas/warehouse=<target>``; the DAGSTER_HOME ``dagster.yaml`` written by
``make dagster`` limits runs with ``wattlas/warehouse=duckdb`` to one at a
time (DuckDB is single-writer).

- ``daily_job`` (partitioned when daily models exist): load new operator and
  ODRE data, build the day's partitions and everything downstream.
- ``rollups_job``: rebuild the marts (weekly and monthly schedules).
- ``annual_reference_job``: INSEE, COG, ORE and annual ODRE data, and what
  depends on them (yearly schedule).
- ``landing_job``: the operator feeds and what depends on them; the landing
  sensor runs it for the partitions a new file covers.
"""

import dagster as dg
from dagster_dbt import build_dbt_asset_selection

from orchestration import settings
from orchestration.assets.dbt import dbt_daily_models, dbt_models
from orchestration.ingestion.registry import DATASETS, get_dataset

RUN_TAG_KEY = "wattlas/warehouse"


def run_tags() -> dict[str, str]:
    return {RUN_TAG_KEY: settings.target()}


def _raw(*keys: str) -> dg.AssetSelection:
    return dg.AssetSelection.assets(
        *(dg.AssetKey(["raw", get_dataset(key).raw_table]) for key in keys)
    )


def _raw_sources(*sources: str) -> dg.AssetSelection:
    """The ingestion assets of whole registry sources (``operators``, ``insee``...)."""
    return _raw(*(key for key, dataset in DATASETS.items() if dataset.source in sources))


DAILY_PARTITIONED = (
    dg.AssetSelection.assets(dbt_daily_models) if dbt_daily_models else dg.AssetSelection.assets()
)
OPERATOR_RAW = _raw_sources("operators")
DAILY_RAW = OPERATOR_RAW | _raw(
    "odre/eco2mix_regional_cons_def",
    "odre/eco2mix_regional_tr",
    "odre/consommation_quotidienne_brute",
    "odre/temperature_quotidienne_regionale",
)
ANNUAL_RAW = _raw_sources("insee", "cog", "ore") | _raw(
    "odre/consommation_annuelle_brute_regionale"
)

daily_job = dg.define_asset_job(
    "daily_job",
    selection=DAILY_RAW.downstream(),
    tags=run_tags(),
    description="New operator and ODRE data, the day's partitions and all downstream models.",
)
landing_job = dg.define_asset_job(
    "landing_job",
    selection=OPERATOR_RAW.downstream(),
    tags=run_tags(),
    description="Load landed operator files and rebuild the partitions they cover.",
)
rollups_job = dg.define_asset_job(
    "rollups_job",
    selection=build_dbt_asset_selection([dbt_models], dbt_selector="marts") - DAILY_PARTITIONED,
    tags=run_tags(),
    description="Rebuild the marts (weekly and monthly rollups).",
)
annual_reference_job = dg.define_asset_job(
    "annual_reference_job",
    selection=ANNUAL_RAW.downstream() - DAILY_PARTITIONED,
    tags=run_tags(),
    description="Yearly refresh: INSEE, COG, Agence ORE and annual ODRE data, and their models.",
)

jobs = [daily_job, landing_job, rollups_job, annual_reference_job]
