"""Print what a `dbt build` produced: rows per mart, test outcomes, and how
to open the warehouse. Used at the end of `make run`.

    python -m orchestration.run_summary --target-path target/duckdb
"""

import argparse
import json
from collections import Counter
from pathlib import Path

import duckdb

TEST_PREFIXES = ("test.", "unit_test.")


def count_outcomes(run_results_path: Path) -> tuple[Counter, Counter]:
    """Return (test outcomes, other node outcomes) from run_results.json."""
    tests, nodes = Counter(), Counter()
    if not run_results_path.is_file():
        return tests, nodes
    results = json.loads(run_results_path.read_text())["results"]
    for result in results:
        bucket = tests if result["unique_id"].startswith(TEST_PREFIXES) else nodes
        bucket[result["status"]] += 1
    return tests, nodes


def mart_row_counts(duckdb_path: Path) -> list[tuple[str, int]]:
    """Row count of every table in the `marts` schema."""
    connection = duckdb.connect(str(duckdb_path), read_only=True)
    try:
        tables = connection.execute(
            "select table_name from information_schema.tables "
            "where table_schema = 'marts' order by table_name"
        ).fetchall()
        return [
            (name, connection.execute(f'select count(*) from marts."{name}"').fetchone()[0])
            for (name,) in tables
        ]
    finally:
        connection.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--target-path", type=Path, default=Path("target"))
    parser.add_argument("--duckdb-path", type=Path, default=Path("warehouse.duckdb"))
    args = parser.parse_args(argv)

    tests, nodes = count_outcomes(args.target_path / "run_results.json")
    database = args.duckdb_path.resolve()
    print("\n==== Wattlas: run summary ====")
    print("Rows per mart:")
    for name, rows in mart_row_counts(database) if database.is_file() else []:
        print(f"  marts.{name:<40} {rows:>10,}")
    print(
        f"Models, seeds, snapshots: {nodes.get('success', 0)} ok, "
        f"{nodes.get('error', 0)} errors, {nodes.get('skipped', 0)} skipped"
    )
    print(
        f"Tests: {tests.get('pass', 0)} passed, {tests.get('warn', 0)} warned, "
        f"{tests.get('fail', 0) + tests.get('error', 0)} failed, "
        f"{tests.get('skipped', 0)} skipped"
    )
    print(f"Database: {database}")
    print("Open it:")
    print(f"  .venv/bin/python -c \"import duckdb; duckdb.connect('{database}', read_only=True)"
          ".sql('from marts.dim_regions').show()\"")  # fmt: skip
    print(f"  duckdb CLI:   duckdb -readonly {database}")
    print("  BI tools:     DBeaver or Metabase (DuckDB driver), Superset (duckdb-engine),")
    print("                pointing at the file above; close them before the next run")
    print("                (DuckDB allows one writer at a time).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
