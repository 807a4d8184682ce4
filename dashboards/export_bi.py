"""Export the marts for BI tools whose DuckDB driver is 1.x (most of them).

The warehouse is written by duckdb 2.x, whose file format (storage version number
999) DuckDB 1.x clients refuse ("Trying to read a database file with version number
999, but we can only read versions between 64 and 67"). This writes the ``marts``
schema only into a separate file in the v1.4 storage format (version number 67,
readable by DuckDB >= 1.4 clients: DBeaver, the DuckDB ODBC/JDBC drivers, Superset's
duckdb-engine, Evidence...), and optionally one Parquet file per mart.

    python dashboards/export_bi.py [--source warehouse.duckdb] [--output target/bi/marts_v1.duckdb]
                                   [--parquet-dir target/bi/parquet]

The copy is a snapshot: run it after each `make run`. For live access, prefer the
PostgreSQL marts with the read-only BI role (docs/analyst_guide.md).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import duckdb

REPO_ROOT = Path(__file__).resolve().parent.parent
STORAGE_VERSION = "v1.4.0"


def storage_version_number(path: Path) -> int:
    """The storage version number in a DuckDB file's main header (bytes 12-20)."""
    with path.open("rb") as handle:
        header = handle.read(20)
    if header[8:12] != b"DUCK":
        raise ValueError(f"{path} is not a DuckDB file")
    return int.from_bytes(header[12:20], "little")


def export_marts(source: Path, output: Path, parquet_dir: Path | None = None) -> list[str]:
    """Copy every table and view of ``marts`` into a v1.4-format file, views as
    tables; return their names."""
    output.parent.mkdir(parents=True, exist_ok=True)
    for stale in (output, output.with_name(output.name + ".wal")):
        stale.unlink(missing_ok=True)
    con = duckdb.connect()
    try:
        # Attached under its own name: the warehouse's views name their
        # catalog after the file's stem.
        src = f'"{source.stem}"'
        con.execute(f"attach ? as {src} (read_only)", [str(source)])
        con.execute(f"attach ? as bi (storage_version '{STORAGE_VERSION}')", [str(output)])
        tables = [
            row[0]
            for row in con.execute(
                "select table_name from information_schema.tables "
                "where table_catalog = ? and table_schema = 'marts' "
                "and table_type in ('BASE TABLE', 'VIEW') order by table_name",
                [source.stem],
            ).fetchall()
        ]
        con.execute("create schema bi.marts")
        for table in tables:
            con.execute(f'create table bi.marts."{table}" as select * from {src}.marts."{table}"')
            if parquet_dir is not None:
                parquet_dir.mkdir(parents=True, exist_ok=True)
                target = parquet_dir / f"{table}.parquet"
                con.execute(
                    f"copy (select * from {src}.marts.\"{table}\") to '{target}' (format parquet)"
                )
        con.execute("detach bi")
    finally:
        con.close()
    return tables


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source",
        type=Path,
        default=Path(os.environ.get("WATTLAS_DUCKDB_PATH", REPO_ROOT / "warehouse.duckdb")),
    )
    parser.add_argument("--output", type=Path, default=REPO_ROOT / "target/bi/marts_v1.duckdb")
    parser.add_argument("--parquet-dir", type=Path, default=None)
    args = parser.parse_args()
    tables = export_marts(args.source, args.output, args.parquet_dir)
    version = storage_version_number(args.output)
    print(f"{len(tables)} marts -> {args.output} (storage version number {version}, DuckDB >= 1.4)")
    if args.parquet_dir:
        print(f"Parquet: {args.parquet_dir}/<mart>.parquet")


if __name__ == "__main__":
    main()
