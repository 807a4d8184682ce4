"""The dbt sources that the ingestion assets load, read from the manifest.

One reader for the two things Dagster takes from a source's YAML: its
domain (the asset group, translator.py) and its freshness (freshness.py).
"""

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def ingested_sources(manifest_path: Path) -> dict[tuple[str, ...], Mapping[str, Any]]:
    """Every dbt source that names its ingestion asset
    (``meta.dagster.asset_key``), by that key."""
    sources = json.loads(Path(manifest_path).read_text()).get("sources", {}).values()
    found = {}
    for source in sources:
        key = source.get("meta", {}).get("dagster", {}).get("asset_key")
        if key:
            found[tuple(key)] = source
    return found
