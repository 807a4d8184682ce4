"""DuckDB and PostgreSQL hold the same staging, intermediate and mart rows.

`make test` builds the project on both engines from the same sample, then
runs this with WATTLAS_TEST_DUCKDB_PATH and WATTLAS_TEST_POSTGRES=1 (the
libpq variables pointing at the throwaway server). Every relation is read in
full from both and compared column by column: row count, then a checksum of
the sorted, normalized values. Load timestamps are excluded, since each engine
was loaded at its own moment.
"""

import datetime as dt
import decimal
import hashlib
import os
from pathlib import Path

import pytest

SCHEMAS = ("staging", "intermediate", "marts")
FLOAT_DIGITS = 9  # significant digits kept when comparing floating values

pytestmark = pytest.mark.skipif(
    os.environ.get("WATTLAS_TEST_POSTGRES") != "1"
    or not os.environ.get("WATTLAS_TEST_DUCKDB_PATH"),
    reason="needs both built warehouses: run through `make test` "
    "(WATTLAS_TEST_POSTGRES=1 and WATTLAS_TEST_DUCKDB_PATH)",
)


def normalize(value):
    """One comparable text form per value, whichever engine returned it."""
    if value is None:
        return "<null>"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float | decimal.Decimal):
        number = float(value)
        return "0" if number == 0 else f"{number:.{FLOAT_DIGITS}g}"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)


def column_checksums(cursor, relation: str, columns: list[str]) -> dict[str, tuple[int, str]]:
    quoted = ", ".join('"' + column.replace('"', '""') + '"' for column in columns)
    cursor.execute(f"select {quoted} from {relation}")
    rows = cursor.fetchall()
    checksums = {}
    for index, column in enumerate(columns):
        values = sorted(normalize(row[index]) for row in rows)
        digest = hashlib.sha256("\x1f".join(values).encode()).hexdigest()[:16]
        checksums[column] = (len(values), digest)
    return checksums


def list_relations(cursor) -> dict[str, list[str]]:
    placeholders = ", ".join(f"'{schema}'" for schema in SCHEMAS)
    cursor.execute(
        "select table_schema, table_name, column_name from information_schema.columns "
        f"where table_schema in ({placeholders}) order by table_schema, table_name, "
        "ordinal_position"
    )
    relations: dict[str, list[str]] = {}
    for schema, table, column in cursor.fetchall():
        if "loaded_at" in column:
            continue
        relations.setdefault(f'{schema}."{table}"', []).append(column)
    return relations


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
    duck_relations, postgres_relations = list_relations(duck), list_relations(postgres)
    assert duck_relations, "no staging, intermediate or mart relation in DuckDB"
    assert duck_relations == postgres_relations


def test_same_values_on_both_engines(cursors):
    duck, postgres = cursors
    differences = []
    for relation, columns in list_relations(duck).items():
        duck_sums = column_checksums(duck, relation, columns)
        postgres_sums = column_checksums(postgres, relation, columns)
        for column in columns:
            if duck_sums[column] != postgres_sums[column]:
                differences.append(
                    f"{relation}.{column}: duckdb {duck_sums[column]} "
                    f"postgres {postgres_sums[column]}"
                )
    assert not differences, "\n".join(differences)
