"""The ingestion registry and the dbt sources describe the same raw tables:
publisher and licence are written in both (the registry for the loader and
the Dagster assets, ``meta`` in ``models/staging/*/_*__sources.yml`` for the
dbt docs), so they must agree, and each raw table is in both."""

from pathlib import Path

import pytest
import yaml

from orchestration.ingestion.registry import DATASETS, REPO_ROOT

# Sources written inside the warehouse, not loaded from a dataset: the
# loader's own bookkeeping (raw._loads) and the forecasts computed from the
# marts (orchestration.forecasts).
BOOKKEEPING_SOURCES = {"loader", "forecasts"}


def source_tables(root: Path = REPO_ROOT) -> dict[str, dict]:
    """Every dbt source table of ``models/staging`` but the loader's
    bookkeeping, by raw table name."""
    tables = {}
    for path in sorted((root / "models" / "staging").glob("*/_*__sources.yml")):
        for source in yaml.safe_load(path.read_text(encoding="utf-8"))["sources"]:
            if source["name"] in BOOKKEEPING_SOURCES:
                continue
            for table in source.get("tables", []):
                tables[table.get("identifier", table["name"])] = {**table, "file": path.name}
    return tables


TABLES = source_tables()


def test_every_raw_table_is_a_dbt_source_and_the_other_way_round():
    assert sorted(TABLES) == sorted(dataset.raw_table for dataset in DATASETS.values())


@pytest.mark.parametrize("dataset", DATASETS.values(), ids=lambda dataset: dataset.key)
def test_registry_and_sources_agree(dataset):
    table = TABLES[dataset.raw_table]
    meta = table.get("meta", {})
    where = f"{table['file']}, table {table['name']}"
    assert meta.get("publisher") == dataset.publisher, f"publisher differs in {where}"
    assert meta.get("licence") == dataset.licence, f"licence differs in {where}"
    # The descriptions differ in length on purpose (a one-line summary for the
    # Dagster asset, the dbt docs text), but neither may be missing.
    assert dataset.description.strip(), f"no description for {dataset.key} in the registry"
    assert (table.get("description") or "").strip(), f"no description in {where}"
