"""DuckDB and PostgreSQL hold the same staging, intermediate and mart rows.

`make test` builds the project on both engines from the same sample, then
runs this with WATTLAS_TEST_DUCKDB_PATH and WATTLAS_TEST_POSTGRES=1 (the
libpq variables pointing at the throwaway server). Every relation is compared
column by column through fingerprints that each engine computes itself (the
marts hold millions of rows; reading them into Python took minutes): the row
count, the non-null count, and an order-independent exact sum of a value
that both engines compute identically:
- numbers: the value in millionths (units from 10^9 up), rounded half up;
- text: the first 60 bits of its MD5;
- dates: days since 2000-01-01; timestamps: epoch milliseconds;
- booleans: the number of true values.
Load timestamps are excluded, since each engine was loaded at its own moment.
"""

import os
from pathlib import Path

import pytest

SCHEMAS = ("staging", "intermediate", "marts")

pytestmark = pytest.mark.skipif(
    os.environ.get("WATTLAS_TEST_POSTGRES") != "1"
    or not os.environ.get("WATTLAS_TEST_DUCKDB_PATH"),
    reason="needs both built warehouses: run through `make test` "
    "(WATTLAS_TEST_POSTGRES=1 and WATTLAS_TEST_DUCKDB_PATH)",
)

NUMERIC_TYPES = ("int", "double", "float", "real", "decimal", "numeric")

# One fingerprint expression per kind of column and engine; {c} is the quoted column.
FINGERPRINTS = {
    # millionths below 10^9, units below 10^15, then millions: always inside
    # bigint, and a double -> bigint cast is exact on both engines (PostgreSQL's
    # double -> numeric keeps 15 digits only)
    "number": (
        "sum(cast(case"
        " when abs({c}) < 1e9 then floor(cast({c} as double precision) * 1000000 + 0.5)"
        " when abs({c}) < 1e15 then floor(cast({c} as double precision) + 0.5)"
        " else floor(cast({c} as double precision) / 1000000 + 0.5) end as bigint))"
    ),
    "date": "sum({c} - date '2000-01-01')",
    "timestamp": (
        "sum(cast(floor(cast(extract(epoch from {c}) as double precision) * 1000 + 0.5) as bigint))"
    ),
    "boolean": "sum(case when {c} then 1 else 0 end)",
}
TEXT_FINGERPRINT = {
    "duckdb": "sum(cast(('0x' || substr(md5(cast({c} as varchar)), 1, 15)) as bigint))",
    "postgres": "sum(('x' || substr(md5(cast({c} as text)), 1, 15))::bit(60)::bigint)",
}


def column_kind(data_type: str) -> str:
    data_type = data_type.lower()
    if data_type == "date":
        return "date"
    if data_type.startswith("timestamp"):
        return "timestamp"
    if data_type.startswith("bool"):
        return "boolean"
    if any(name in data_type for name in NUMERIC_TYPES):
        return "number"
    return "text"


def list_relations(cursor) -> dict[str, list[tuple[str, str]]]:
    """Relation -> [(column, kind)], load timestamps left out."""
    placeholders = ", ".join(f"'{schema}'" for schema in SCHEMAS)
    cursor.execute(
        "select table_schema, table_name, column_name, data_type "
        "from information_schema.columns "
        f"where table_schema in ({placeholders}) order by table_schema, table_name, "
        "ordinal_position"
    )
    relations: dict[str, list[tuple[str, str]]] = {}
    for schema, table, column, data_type in cursor.fetchall():
        if "loaded_at" in column:
            continue
        relations.setdefault(f'{schema}."{table}"', []).append((column, column_kind(data_type)))
    return relations


def fingerprints(cursor, engine: str, relation: str, columns) -> dict[str, tuple]:
    expressions = ["count(*)"]
    for column, kind in columns:
        quoted = '"' + column.replace('"', '""') + '"'
        template = FINGERPRINTS.get(kind, TEXT_FINGERPRINT[engine])
        expressions += [f"count({quoted})", template.format(c=quoted)]
    cursor.execute(f"select {', '.join(expressions)} from {relation}")
    row = cursor.fetchone()
    rows = row[0]
    return {
        column: (rows, row[1 + 2 * index], int(row[2 + 2 * index] or 0))
        for index, (column, _) in enumerate(columns)
    }


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
    duck_relations = list_relations(duck)
    assert duck_relations, "no staging, intermediate or mart relation in DuckDB"
    postgres_relations = list_relations(postgres)
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
    for relation, columns in list_relations(duck).items():
        duck_sums = fingerprints(duck, "duckdb", relation, columns)
        postgres_sums = fingerprints(postgres, "postgres", relation, columns)
        for column, _ in columns:
            if duck_sums[column] != postgres_sums[column]:
                differences.append(
                    f"{relation}.{column} (rows, non-null, fingerprint): "
                    f"duckdb {duck_sums[column]} postgres {postgres_sums[column]}"
                )
    assert not differences, "\n".join(differences)


def test_fingerprints_tell_engines_apart_on_a_changed_value(cursors):
    """The comparison can fail: one value changed by a millionth is seen."""
    duck, postgres = cursors
    relation = 'marts."fct_usage_indicators_daily"'
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
