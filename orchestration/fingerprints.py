"""Per-column fingerprints of the warehouse's relations, computed by each engine.

A fingerprint is cheap to compute on millions of rows and exact: the row
count, the non-null count, and an order-independent sum of a value both
engines compute identically:
- numbers: the value in millionths (units from 10^9 up), rounded half up;
- text: the first 60 bits of its MD5;
- dates: days since 2000-01-01; timestamps: epoch milliseconds;
- booleans: the number of true values.
Load timestamps are left out, since each build loads at its own moment.

Used by the cross-engine test (DuckDB against PostgreSQL) and, from the
command line, to prove that a restructuring changed no result:

    python -m orchestration.fingerprints --duckdb-path target/a.duckdb --out before.json
    python -m orchestration.fingerprints --duckdb-path target/b.duckdb --compare before.json
    python -m orchestration.fingerprints --postgres --compare before.json   # libpq PG* variables
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

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


def list_relations(cursor, schemas) -> dict[str, list[tuple[str, str]]]:
    """Relation -> [(column, kind)], load timestamps left out."""
    placeholders = ", ".join(f"'{schema}'" for schema in schemas)
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
    """Column -> (rows, non-null values, fingerprint) of one relation."""
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


def warehouse_fingerprints(cursor, engine: str, schemas) -> dict[str, dict[str, list]]:
    """Relation -> column -> [rows, non-null, fingerprint], every relation of the schemas."""
    return {
        relation: {column: list(value) for column, value in
                   fingerprints(cursor, engine, relation, columns).items()}
        for relation, columns in list_relations(cursor, schemas).items()
    }  # fmt: skip


def differences(before: dict, after: dict) -> list[str]:
    """What changed between two fingerprint sets: relations, columns, values."""
    lines = []
    for relation in sorted(before.keys() - after.keys()):
        lines.append(f"gone: {relation}")
    for relation in sorted(after.keys() - before.keys()):
        lines.append(f"new: {relation}")
    for relation in sorted(before.keys() & after.keys()):
        old, new = before[relation], after[relation]
        for column in sorted(old.keys() - new.keys()):
            lines.append(f"gone: {relation}.{column}")
        for column in sorted(new.keys() - old.keys()):
            lines.append(f"new: {relation}.{column}")
        for column in sorted(old.keys() & new.keys()):
            if list(old[column]) != list(new[column]):
                lines.append(f"changed: {relation}.{column} {old[column]} -> {new[column]}")
    return lines


def renamed(before: dict, renames: list[str]) -> dict:
    """The fingerprints under their new names: OLD=NEW renames a relation
    (marts."fct_a"=marts."fct_b") or a column (marts."fct_a".x=y)."""
    result = {relation: dict(columns) for relation, columns in before.items()}
    for rename in renames:
        old, new = rename.split("=", 1)
        if old in result:
            result[new] = result.pop(old)
            continue
        relation, column = old.rsplit(".", 1)
        result[relation][new] = result[relation].pop(column)
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    engine = parser.add_mutually_exclusive_group(required=True)
    engine.add_argument("--duckdb-path", type=Path, help="a built DuckDB warehouse file")
    engine.add_argument("--postgres", action="store_true", help="the libpq PG* database")
    parser.add_argument("--schemas", nargs="+", default=["marts"])
    parser.add_argument("--out", type=Path, help="write the fingerprints as JSON")
    parser.add_argument("--compare", type=Path, help="compare with a JSON written by --out")
    parser.add_argument(
        "--renames",
        type=Path,
        help="a file of renames made on purpose, one OLD=NEW per line ('#' comments), "
        "applied to the compared fingerprints first",
    )
    args = parser.parse_args(argv)

    if args.duckdb_path:
        import duckdb

        connection = duckdb.connect(str(args.duckdb_path), read_only=True)
        name = "duckdb"
    else:
        import psycopg2

        connection = psycopg2.connect("")
        name = "postgres"
    current = warehouse_fingerprints(connection.cursor(), name, args.schemas)
    connection.close()
    columns = sum(len(columns) for columns in current.values())
    print(f"{len(current)} relations, {columns} columns fingerprinted on {name}")
    if args.out:
        args.out.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n")
    if args.compare:
        before = json.loads(args.compare.read_text())
        if args.renames:
            lines = args.renames.read_text().splitlines()
            before = renamed(before, [line for line in lines if line and line[0] != "#"])
        changed = differences(before, current)
        print("\n".join(changed) if changed else f"identical to {args.compare}")
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
