"""One ingestion asset per registry dataset, keyed ``["raw", <raw table>]``
(the key the dbt sources declare in ``meta.dagster.asset_key``), in the
domain group of that dbt source (``meta.domain``, see translator.py), with that source's freshness
(freshness.py)."""

from functools import cache

import dagster as dg

from orchestration import settings
from orchestration.assets.ingestion.loading import IngestionConfig, ingest
from orchestration.freshness import source_freshness_policies
from orchestration.ingestion.registry import DATASETS, Dataset
from orchestration.project import get_dbt_project
from orchestration.resources import WAREHOUSE_POOL, WarehouseResource
from orchestration.translator import source_domains


@cache
def _freshness() -> dict[tuple[str, ...], dg.FreshnessPolicy]:
    return source_freshness_policies(get_dbt_project().manifest_path)


@cache
def _domains() -> dict[tuple[str, ...], str]:
    return source_domains(get_dbt_project().manifest_path)


def fetch_retry_policy() -> dg.RetryPolicy:
    return dg.RetryPolicy(
        max_retries=settings.fetch_max_retries(),
        delay=settings.fetch_retry_delay_seconds(),
        backoff=dg.Backoff.EXPONENTIAL,
        jitter=dg.Jitter.PLUS_MINUS,
    )


def raw_asset_key(dataset: Dataset) -> dg.AssetKey:
    return dg.AssetKey(["raw", dataset.raw_table])


def ingestion_asset(dataset: Dataset) -> dg.AssetsDefinition:
    @dg.asset(
        key=raw_asset_key(dataset),
        group_name=_domains()[tuple(raw_asset_key(dataset).path)],
        description=(
            f"{dataset.description}. Publisher: {dataset.publisher}. "
            f"Licence: {dataset.licence}. Loaded into raw.{dataset.raw_table}."
        ),
        kinds={"python", settings.target()},
        owners=["team:wattlas"],
        tags={"source": dataset.source},
        metadata={"dataset": dataset.key, "url": dataset.url or "(sample/landing only)"},
        retry_policy=fetch_retry_policy(),
        pool=WAREHOUSE_POOL,
        freshness_policy=_freshness().get(tuple(raw_asset_key(dataset).path)),
    )
    def _asset(
        context: dg.AssetExecutionContext,
        config: IngestionConfig,
        warehouse: WarehouseResource,
    ) -> dg.MaterializeResult:
        return ingest(context, config, warehouse, dataset)

    return _asset


def ingestion_assets(source: str) -> list[dg.AssetsDefinition]:
    return [ingestion_asset(d) for d in DATASETS.values() if d.source == source]
