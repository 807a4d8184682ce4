"""How dbt nodes become Dagster assets.

- group: the first folder under ``models/`` (staging, intermediate, marts),
  ``reference`` for seeds, unless the node sets ``meta.dagster.group``;
- keys: the model name; sources take ``meta.dagster.asset_key``, the keys of
  the ingestion assets (``["raw", "<raw table>"]``), so lineage links up;
- owners and descriptions: from the YAML (``meta.dagster.owners``, set for
  the whole project in dbt_project.yml; ``description``);
- dbt tests become asset checks; error-severity tests (the default here:
  keys, contracts, relationships) are blocking, so a broken integrity test
  stops the assets downstream of it. The quality-rule tests are severity
  warn: an operator's breach is a non-blocking WARN check (and an alert).
"""

from collections.abc import Mapping
from typing import Any

from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings

TRANSLATOR_SETTINGS = DagsterDbtTranslatorSettings(enable_asset_checks=True)


class WattlasDbtTranslator(DagsterDbtTranslator):
    def __init__(self):
        super().__init__(settings=TRANSLATOR_SETTINGS)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        meta_group = dbt_resource_props.get("meta", {}).get("dagster", {}).get("group")
        if meta_group:
            return meta_group
        if dbt_resource_props.get("resource_type") == "seed":
            return "reference"  # the seeds' schema
        fqn = dbt_resource_props.get("fqn", [])
        if dbt_resource_props.get("resource_type") == "model" and len(fqn) > 2:
            return fqn[1]  # [project, first folder, ..., model]
        return super().get_group_name(dbt_resource_props)

    def get_owners(self, dbt_resource_props: Mapping[str, Any]):
        owners = dbt_resource_props.get("meta", {}).get("dagster", {}).get("owners")
        if owners:
            return list(owners)
        return super().get_owners(dbt_resource_props)

    def get_description(self, dbt_resource_props: Mapping[str, Any]) -> str:
        return (dbt_resource_props.get("description") or "").strip() or super().get_description(
            dbt_resource_props
        )
