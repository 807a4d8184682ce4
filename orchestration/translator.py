"""How dbt nodes become Dagster assets.

- group: the node's domain, ``meta.domain`` (core, consumption, charging,
  usage, quality, history), which dbt_project.yml sets by folder for models,
  seeds, snapshots and sources; the ingestion assets take their source's
  (``source_domains``). A node without one fails the definitions, so no
  asset lands in Dagster's ``default`` group;
- keys: the model name; sources take ``meta.dagster.asset_key``, the keys of
  the ingestion assets (``["raw", "<raw table>"]``), so lineage links up;
- owners and descriptions: from the YAML (``meta.dagster.owners``, set for
  the whole project in dbt_project.yml; ``description``);
- freshness: the daily-partitioned models carry the daily deadline of
  freshness.py (sources' freshness goes to the ingestion assets);
- dbt tests become asset checks; error-severity tests (the default here:
  keys, contracts, relationships) are blocking, so a broken integrity test
  stops the assets downstream of it. The quality-rule tests are severity
  warn: an operator's breach is a non-blocking WARN check (and an alert).
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings

from orchestration.dbt_sources import ingested_sources
from orchestration.freshness import daily_model_policy

# Models built by the daily partitioned step (dbt_project.yml sets the tag).
DAILY_PARTITIONED_TAG = "daily_partitioned"
TRANSLATOR_SETTINGS = DagsterDbtTranslatorSettings(enable_asset_checks=True)


def domain(dbt_resource_props: Mapping[str, Any]) -> str:
    """The node's ``meta.domain``; raises when dbt_project.yml gives it none."""
    value = dbt_resource_props.get("meta", {}).get("domain")
    if not value:
        raise ValueError(
            f"{dbt_resource_props.get('unique_id')} has no meta.domain: give its folder "
            "one in dbt_project.yml"
        )
    return value


def source_domains(manifest_path: Path) -> dict[tuple[str, ...], str]:
    """Domain of every dbt source, by the asset key it declares
    (``meta.dagster.asset_key``, the key of its ingestion asset)."""
    return {key: domain(source) for key, source in ingested_sources(manifest_path).items()}


class WattlasDbtTranslator(DagsterDbtTranslator):
    def __init__(self):
        super().__init__(settings=TRANSLATOR_SETTINGS)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return domain(dbt_resource_props)

    def get_owners(self, dbt_resource_props: Mapping[str, Any]):
        owners = dbt_resource_props.get("meta", {}).get("dagster", {}).get("owners")
        if owners:
            return list(owners)
        return super().get_owners(dbt_resource_props)

    def get_description(self, dbt_resource_props: Mapping[str, Any]) -> str:
        return (dbt_resource_props.get("description") or "").strip() or super().get_description(
            dbt_resource_props
        )

    def get_asset_spec(self, manifest, unique_id, project) -> dg.AssetSpec:
        spec = super().get_asset_spec(manifest, unique_id, project)
        node = manifest.get("nodes", {}).get(unique_id, {})
        if node.get("resource_type") == "model" and DAILY_PARTITIONED_TAG in node.get("tags", []):
            spec = spec.replace_attributes(freshness_policy=daily_model_policy())
        return spec
