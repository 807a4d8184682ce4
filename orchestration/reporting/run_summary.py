"""Print what a `dbt build` produced: rows per mart, test outcomes, the
operators' quality breaches, and how to open the warehouse. Used at the end
of `make run`.

    python -m orchestration.reporting.run_summary --target-path target/duckdb

The test outcomes say which warnings are expected (the quality rules: operators'
real data breaching thresholds; the known gaps of the published data) and which
would be news (any other warning, any failure or error).

A mart that this run did not rebuild (skipped, failed or not selected,
according to the run's run_results.json) still holds an older table: its
row count is marked stale rather than shown as if it were fresh. When the
run selected what changed (``orchestration.build``: ``--select`` with
``state:modified+``), a mart it did not select is marked unchanged instead:
nothing it reads was loaded or edited since the last build.
"""

import argparse
import json
import textwrap
from collections import Counter
from pathlib import Path

import duckdb

TEST_PREFIXES = ("test.", "unit_test.")
BUILT_PREFIXES = ("model.", "seed.", "snapshot.")
QUALITY_TEST_PREFIX = "quality_rule_"
# Warnings that are known facts of the published data, not faults of the build:
# test name -> what it means. Any other warning is news.
KNOWN_DATA_WARNINGS = {
    "assert_consumption_daily__measured_half_hours_match_expected": (
        "half hours the éCO2mix export does not publish (on the sample: 4 region-days, "
        "2023-10-29, 2023-12-06 and 2024-10-27); more than 10 fails the build"
    ),
}
QUALITY_RESULTS = "fct_quality_results"
MAX_LISTED_BREACHES = 10


def load_results(run_results_path: Path) -> list[dict] | None:
    """The results of run_results.json, or None when there is none."""
    if not run_results_path.is_file():
        return None
    return json.loads(run_results_path.read_text())["results"]


def count_outcomes(results: list[dict] | None) -> tuple[Counter, Counter]:
    """Return (test outcomes, other node outcomes)."""
    tests, nodes = Counter(), Counter()
    for result in results or []:
        bucket = tests if result["unique_id"].startswith(TEST_PREFIXES) else nodes
        bucket[result["status"]] += 1
    return tests, nodes


def node_name(unique_id: str) -> str:
    """The name in ``<type>.<project>.<name>[.<hash of a generic test>]``."""
    kind, _, rest = unique_id.partition(".")
    parts = rest.split(".")
    return parts[-1] if kind == "unit_test" or len(parts) < 2 else parts[1]


def build_statuses(results: list[dict] | None) -> dict[str, str]:
    """Status of every model, seed and snapshot this run built, by name."""
    return {
        node_name(result["unique_id"]): result["status"]
        for result in results or []
        if result["unique_id"].startswith(BUILT_PREFIXES)
    }


def selected_changes_only(run_results_path: Path) -> bool:
    """Whether the run built only what changed (a ``state:modified+`` selection)."""
    if not run_results_path.is_file():
        return False
    selection = json.loads(run_results_path.read_text()).get("args", {}).get("select") or []
    return any("state:modified" in selector for selector in selection)


def stale_note(
    name: str, statuses: dict[str, str], has_results: bool, changes_only: bool = False
) -> str:
    """'' for a mart rebuilt by this run, else why its table may be stale."""
    if not has_results:
        return "(stale? no run_results.json for this run)"
    status = statuses.get(name)
    if status == "success":
        return ""
    if status is None and changes_only:
        return "(unchanged: no new input or code since the last build)"
    if status is None:
        return "(stale: not rebuilt in this run, not selected)"
    return f"(stale: not rebuilt in this run, {status})"


def warned_tests(results: list[dict] | None) -> tuple[list[str], list[str], list[str]]:
    """Names (with their failure count) of the warned tests, in three kinds:
    (quality rules, known gaps of the published data, others: news)."""
    quality, known, others = [], [], []
    for result in results or []:
        if not result["unique_id"].startswith(TEST_PREFIXES) or result["status"] != "warn":
            continue
        name = node_name(result["unique_id"])
        label = f"{name} ({result.get('failures') or 0:,})"
        if name.startswith(QUALITY_TEST_PREFIX):
            quality.append(label)
        elif name in KNOWN_DATA_WARNINGS:
            known.append(f"{label}: {KNOWN_DATA_WARNINGS[name]}")
        else:
            others.append(label)
    return sorted(quality), sorted(known), sorted(others)


def failed_nodes(results: list[dict] | None) -> list[str]:
    """Names of the failed tests and the models, seeds or snapshots in error."""
    return sorted(
        f"{node_name(result['unique_id'])} ({result['status']})"
        for result in results or []
        if result["status"] in ("fail", "error")
    )


def mart_row_counts(connection) -> list[tuple[str, int]]:
    """Row count of every table in the `marts` schema."""
    tables = connection.execute(
        "select table_name from information_schema.tables "
        "where table_schema = 'marts' order by table_name"
    ).fetchall()
    return [
        (name, connection.execute(f'select count(*) from marts."{name}"').fetchone()[0])
        for (name,) in tables
    ]


def quality_breaches(connection, note: str = "", limit: int = MAX_LISTED_BREACHES) -> list[str]:
    """Lines on the rule breaches (status fail) of the latest evaluated day;
    ``note`` (a stale mark) follows the headline."""
    exists = connection.execute(
        "select count(*) from information_schema.tables "
        f"where table_schema = 'marts' and table_name = '{QUALITY_RESULTS}'"
    ).fetchone()[0]
    if not exists:
        return []
    day, fails, units, warns = connection.execute(
        f"""
        select
            max(day),
            count(*) filter (where status = 'fail'),
            count(distinct operational_unit_code) filter (where status = 'fail'),
            count(*) filter (where status = 'warn')
        from marts.{QUALITY_RESULTS}
        where day = (select max(day) from marts.{QUALITY_RESULTS})
        """
    ).fetchone()
    if day is None:
        return ["Quality: no evaluated day."]
    warned = f"; {warns:,} warnings (warn)" if warns else ""
    note = f" {note}" if note else ""
    if not fails:
        return [f"Quality: no rule breach (fail) on {day}{warned}{note}."]
    # The rarest breaches first: a rule failed by one unit is news, one
    # failed by most units (e.g. undeclared statuses) is the usual backdrop.
    rows = connection.execute(
        f"""
        select rule_code, operational_unit_code, offending_rows, value
        from marts.{QUALITY_RESULTS}
        where day = ? and status = 'fail'
        order by count(*) over (partition by rule_code), rule_code, operational_unit_code
        """,
        [day],
    ).fetchall()
    lines = [
        f"Quality: {fails:,} rule breaches (fail) on {units:,} operational units on {day}"
        f"{warned}{note}:"
    ]
    for rule, unit, offending, value in rows[:limit]:
        if offending is None:
            detail = f"value {value:g}"
        else:
            detail = f"{offending:,} offending row{'s' if offending != 1 else ''}"
        lines.append(f"  {rule} {unit} ({detail})")
    if len(rows) > limit:
        lines.append(f"  ... and {len(rows) - limit:,} more (marts.{QUALITY_RESULTS})")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--target-path", type=Path, default=Path("target"))
    parser.add_argument("--duckdb-path", type=Path, default=Path("warehouse.duckdb"))
    args = parser.parse_args(argv)

    results = load_results(args.target_path / "run_results.json")
    tests, nodes = count_outcomes(results)
    statuses = build_statuses(results)
    changes_only = selected_changes_only(args.target_path / "run_results.json")
    database = args.duckdb_path.resolve()
    print("\n==== Wattlas: run summary ====")
    print("Rows per mart:")
    connection = duckdb.connect(str(database), read_only=True) if database.is_file() else None
    try:
        for name, rows in mart_row_counts(connection) if connection else []:
            note = stale_note(name, statuses, results is not None, changes_only)
            print(f"  marts.{name:<40} {rows:>10,} {note}".rstrip())
        note = stale_note(QUALITY_RESULTS, statuses, results is not None, changes_only)
        breaches = quality_breaches(connection, note) if connection else []
    finally:
        if connection:
            connection.close()
    print(
        f"Models, seeds, snapshots: {nodes.get('success', 0)} ok, "
        f"{nodes.get('error', 0)} errors, {nodes.get('skipped', 0)} skipped"
    )
    print(
        f"Tests: {tests.get('pass', 0)} passed, {tests.get('warn', 0)} warned, "
        f"{tests.get('fail', 0) + tests.get('error', 0)} failed, "
        f"{tests.get('skipped', 0)} skipped"
    )
    quality, known, others = warned_tests(results)
    if quality or known:
        print("  Expected warnings (facts of the published data, not faults):")
    if quality:
        text = (
            f"{len(quality)} quality rules: operators' real data breaching the rules' "
            f"thresholds (reported, never blocking; unit-days in schema audit): "
            f"{', '.join(quality)}"
        )
        print(textwrap.fill(text, 100, initial_indent="    ", subsequent_indent="      "))
    for line in known:
        print(textwrap.fill(line, 100, initial_indent="    ", subsequent_indent="      "))
    failed = failed_nodes(results)
    if others or failed:
        print("  News (look at these):")
        for label in others:
            print(f"    warning {label}")
        for label in failed:
            print(f"    {label}")
    else:
        print("  News: none (any other warning, failed test or model error would be).")
    for line in breaches:
        print(line)
    print(f"Database: {database} (DuckDB {duckdb.__version__} storage)")
    print("Open it:")
    print(f"  Python, DuckDB {duckdb.__version__.split('.')[0]}.x CLI: "
          f"duckdb -readonly {database}")  # fmt: skip
    print("  DBeaver, Metabase, Superset, ODBC/JDBC with a DuckDB 1.x driver cannot read")
    print("    this file: `make bi-export` writes the marts to target/bi/marts_v1.duckdb")
    print("    (+ one Parquet file per mart in target/bi/parquet/); close clients before")
    print("    the next run (one writer at a time).")
    print("  PostgreSQL (ODBC, Power BI, Tableau...): the marts with the BI reader role,")
    print("    see docs/analyst_guide.md.")
    print("  Dashboard: make dashboard (http://127.0.0.1:8501); docs site: make docs,")
    print("    then open target/duckdb/static_index.html.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
