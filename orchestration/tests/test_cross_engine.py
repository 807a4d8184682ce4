"""DuckDB and PostgreSQL hold the same staging, intermediate and mart rows.

`make test` builds the project on both engines from the same sample, then
runs this with WATTLAS_TEST_DUCKDB_PATH and WATTLAS_TEST_POSTGRES=1 (the
libpq variables pointing at the throwaway server). Every relation is compared
column by column through fingerprints that each engine computes itself (the
marts hold millions of rows; reading them into Python took minutes), defined
in `orchestration/fingerprints.py`.
"""

import os
from pathlib import Path

import pytest

from orchestration.fingerprints import fingerprints, list_relations

SCHEMAS = ("staging", "intermediate", "marts")
# The manifest of the DuckDB build of `make test` (scripts/test.sh).
MANIFEST = Path(__file__).resolve().parents[2] / "target" / "test-duckdb" / "manifest.json"


def covered_views() -> set[str]:
    """Views whose rows reach a table (or incremental model) downstream.

    Comparing such a view adds nothing that the table's comparison does not
    already prove, and costs its whole query again on both engines (the
    typed staging views parse every raw line; the usage family views compute
    every indicator). Views with no table downstream are still compared.
    Without the manifest, no view counts as covered.
    """
    if not MANIFEST.exists():
        return set()
    import json

    nodes = json.loads(MANIFEST.read_text())["nodes"]
    children: dict[str, set[str]] = {}
    for key, node in nodes.items():
        for parent in node.get("depends_on", {}).get("nodes", []):
            children.setdefault(parent, set()).add(key)

    def is_view(key: str) -> bool:
        node = nodes[key]
        return node["resource_type"] == "model" and node["config"].get("materialized") == "view"

    def reaches_a_table(key: str) -> bool:
        stack, seen = list(children.get(key, ())), set()
        while stack:
            child = stack.pop()
            if child in seen or child not in nodes:
                continue
            seen.add(child)
            if nodes[child]["resource_type"] in ("model", "snapshot"):
                if not is_view(child):
                    return True
                stack += children.get(child, ())
        return False

    return {
        f'{nodes[key]["schema"]}."{nodes[key]["alias"]}"'
        for key in nodes
        if is_view(key) and reaches_a_table(key)
    }


pytestmark = pytest.mark.skipif(
    os.environ.get("WATTLAS_TEST_POSTGRES") != "1"
    or not os.environ.get("WATTLAS_TEST_DUCKDB_PATH"),
    reason="needs both built warehouses: run through `make test` "
    "(WATTLAS_TEST_POSTGRES=1 and WATTLAS_TEST_DUCKDB_PATH)",
)


@pytest.fixture(scope="module")
def cursors():
    import duckdb
    import psycopg2

    duck = duckdb.connect(str(Path(os.environ["WATTLAS_TEST_DUCKDB_PATH"])), read_only=True)
    postgres = psycopg2.connect("")
    yield duck.cursor(), postgres.cursor()
    duck.close()
    postgres.close()


def test_same_relations_on_both_engines(cursors):
    duck, postgres = cursors
    duck_relations = list_relations(duck, SCHEMAS)
    assert duck_relations, "no staging, intermediate or mart relation in DuckDB"
    postgres_relations = list_relations(postgres, SCHEMAS)
    names = lambda relations: {  # noqa: E731
        relation: [column for column, _ in columns] for relation, columns in relations.items()
    }
    assert names(duck_relations) == names(postgres_relations)
    kinds = lambda relations: {  # noqa: E731
        (relation, column, kind) for relation, columns in relations.items()
        for column, kind in columns
    }  # fmt: skip
    assert kinds(duck_relations) == kinds(postgres_relations)


def test_same_values_on_both_engines(cursors):
    duck, postgres = cursors
    differences = []
    skipped = covered_views()
    for relation, columns in list_relations(duck, SCHEMAS).items():
        if relation in skipped:
            continue
        duck_sums = fingerprints(duck, "duckdb", relation, columns)
        postgres_sums = fingerprints(postgres, "postgres", relation, columns)
        for column, _ in columns:
            if duck_sums[column] != postgres_sums[column]:
                differences.append(
                    f"{relation}.{column} (rows, non-null, fingerprint): "
                    f"duckdb {duck_sums[column]} postgres {postgres_sums[column]}"
                )
    assert not differences, "\n".join(differences)


def test_covered_views_are_views_with_a_table_downstream():
    """What the comparison skips: views only, each feeding a compared table."""
    if not MANIFEST.exists():
        pytest.skip(f"no manifest at {MANIFEST}: every view is compared")
    skipped = covered_views()
    assert 'staging."stg_irve__charge_points_typed"' in skipped
    assert 'marts."fct_indicators"' not in skipped  # a table
    assert 'staging."stg_irve__charging_sessions_typed"' not in skipped  # incremental
    assert 'staging."stg_operators__charge_points"' not in skipped  # no table downstream


def test_fingerprints_tell_engines_apart_on_a_changed_value(cursors):
    """The comparison can fail: one value changed by a millionth is seen."""
    duck, postgres = cursors
    relation = 'marts."fct_indicators_usage_daily"'
    columns = [("value", "number")]
    same = fingerprints(postgres, "postgres", relation, columns)
    assert fingerprints(duck, "duckdb", relation, columns) == same
    changed = fingerprints(
        duck, "duckdb",
        f"(select value + case when row_number() over () = 1 then 0.000001 else 0 end"
        f" as value from {relation}) as changed",
        columns,
    )  # fmt: skip
    assert changed != same
