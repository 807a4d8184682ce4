"""Bad input never stops or bends the warehouse.

On a copy of the sample warehouse (the one ``make test`` builds,
WATTLAS_TEST_DUCKDB_PATH, else the sample loaded here), the corpus of
``bad_input_corpus`` (real lines, one defect each) lands and one
``dbt build`` runs:

1. the build succeeds: every model is rebuilt, none skipped;
2. every line of the corpus lands as exactly one of staged, rejected,
   quarantined or flagged, with the expected reason, and per file
   input lines = loaded + rejected;
3. no indicator changes (every good line repeats a sample line): only the
   quality results and the quarantine listing report the bad lines;
4. then a normal day (2026-08-16) lands after the corpus's status dated
   2099: it reaches every daily mart, and nothing is dated after it.
"""

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from orchestration.tests.bad_input_corpus import NEXT_DAY, build_corpus, build_next_day
from orchestration.tests.fixture_data import copy_built_warehouse
from orchestration.tests.test_quality_results import ROOT, _dbt, _env

# Marts that report the bad lines (quality, quarantine, rows per day): they
# are expected to change. Everything else must not.
REPORTING_MARTS = {
    "fct_quality_results",
    "fct_quality_daily_summary",
    "fct_indicators_quality_long",
    "fct_quarantined_lines",
    "fct_quarantined_lines_daily",
    "fct_usage_dynamic_rows_daily",
}
# Lineage, and the load watermark of the latest-status mart (a load moves it).
LINEAGE_COLUMNS = {"source_file", "source_line", "loaded_at", "source_dataset", "last_loaded_at"}


def _load(path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "orchestration.ingestion", "--duckdb-path", str(path), *args],
        cwd=ROOT, env=_env(path), capture_output=True, text=True,
    )  # fmt: skip


def _indicator_fingerprints(path: Path) -> dict[str, tuple]:
    """Row count and an order-free hash of every non-reporting mart."""
    connection = duckdb.connect(str(path), read_only=True)
    try:
        tables = [name for (name,) in connection.execute(
            "select table_name from information_schema.tables "
            "where table_schema = 'marts' and table_type = 'BASE TABLE'"
        ).fetchall() if name not in REPORTING_MARTS]  # fmt: skip
        fingerprints = {}
        for table in tables:
            columns = [name for (name,) in connection.execute(
                "select column_name from information_schema.columns "
                "where table_schema = 'marts' and table_name = ? order by ordinal_position",
                [table],
            ).fetchall() if name not in LINEAGE_COLUMNS]  # fmt: skip
            selected = ", ".join(f'"{column}"' for column in columns)
            where = "where indicator_code <> 'qua'" if table == "fct_indicators" else ""
            fingerprints[table] = connection.execute(
                f"select count(*), coalesce(sum(hash(({selected}))), 0) "
                f'from marts."{table}" {where}'
            ).fetchone()
        return fingerprints
    finally:
        connection.close()


def _build(directory: Path, path: Path, *select: str) -> tuple[subprocess.CompletedProcess, list]:
    result = _dbt(directory, path, "build", "--exclude", "test_type:unit", *select)
    results = json.loads((directory / "target" / "run_results.json").read_text())["results"]
    return result, results


@pytest.fixture(scope="module")
def landed(tmp_path_factory) -> dict:
    directory = tmp_path_factory.mktemp("bad_input")
    path, copied = copy_built_warehouse(directory, "bad_input.duckdb")
    if not copied:
        assert _load(path, "load", "--sample").returncode == 0
        assert _build(directory, path)[0].returncode == 0
    before = _indicator_fingerprints(path)
    landing = directory / "landing"
    expected = build_corpus(landing)
    load = _load(path, "--landing-root", str(landing), "load")
    build, results = _build(directory, path)
    return {
        "directory": directory,
        "path": path,
        "landing": landing,
        "expected": expected,
        "load": load,
        "build": build,
        "results": results,
        "before": before,
    }


def test_the_build_succeeds_and_rebuilds_every_model(landed):
    assert landed["load"].returncode == 0, landed["load"].stderr
    assert landed["build"].returncode == 0, landed["build"].stdout[-3000:]
    statuses = {result["unique_id"]: result["status"] for result in landed["results"]}
    models = {node: status for node, status in statuses.items() if node.startswith("model.")}
    assert models and set(models.values()) == {"success"}, {
        node: status for node, status in models.items() if status != "success"
    }


def test_every_line_lands_exactly_once_with_its_reason(landed):
    connection = duckdb.connect(str(landed["path"]), read_only=True)
    try:
        rejected = {
            (table, file, line): reason
            for table, file, line, reason in connection.execute(
                "select raw_table, source_file, line_number, reason from raw._rejects"
            ).fetchall()
        }
        set_aside = {}
        for table, file, line, disposition, reason in connection.execute(
            "select dataset, source_file, source_line, disposition, reason "
            "from marts.fct_quarantined_lines"
        ).fetchall():
            assert (table, file, line) not in set_aside, "a line listed twice"
            set_aside[(table, file, line)] = (disposition, reason)
        typed_views = {
            "irve__changements_statut": "stg_irve__charge_point_statuses_typed",
            "qualicharge__sessions": "stg_irve__charging_sessions_typed",
            "qualicharge__statique": "stg_irve__charge_points_typed",
            "odre__eco2mix_regional_cons_def": "stg_odre__eco2mix_regional_measurements_typed",
        }
        typed = {}
        for table, view in typed_views.items():
            for file, line, reason in connection.execute(
                f"select source_file, source_line, quarantine_reason from staging.{view}"
            ).fetchall():
                typed[(table, file, line)] = reason
        wrong = []
        for item in landed["expected"]:
            key = (item.raw_table, item.source_file, item.line)
            fates = []
            if key in rejected:
                fates.append(("rejected", None))
            if key in set_aside:
                fates.append(set_aside[key])
            if key in typed and typed[key] is None and key not in set_aside:
                fates.append(("staged", None))
            if fates != [(item.disposition, item.reason)]:
                wrong.append(
                    f"{item.source_file}:{item.line} ({item.defect}): "
                    f"expected {item.disposition} {item.reason!r}, got {fates}"
                )
        assert not wrong, "\n".join(wrong)
        # Nothing lost: per corpus file, input lines = loaded + rejected.
        for file, input_lines, loaded, rejected_rows in connection.execute(
            "select source_file, input_lines, loaded_rows, rejected_rows from raw._loads "
            "where source_file in ("
            + ", ".join(f"'{name}'" for name in {item.source_file for item in landed["expected"]})
            + ")"
        ).fetchall():
            lines = sum(1 for item in landed["expected"] if item.source_file == file)
            assert input_lines == lines == loaded + rejected_rows, file
    finally:
        connection.close()


def test_the_corpus_defects_cover_every_class(landed):
    dispositions = {item.disposition for item in landed["expected"]}
    assert dispositions == {"staged", "rejected", "quarantined", "flagged"}
    reasons = {item.reason for item in landed["expected"] if item.reason}
    for reason in ("impossible date", "not a number", "decimal comma", "empty key",
                   "unknown value", "timestamp without UTC offset",
                   "status time after the load time", "status time before 2024-01-01",
                   "status time after its collection time", "date_maj after the load date",
                   "power outside [1.3, 4000) kW", "coordinates outside French territory",
                   "negative energy"):  # fmt: skip
        assert reason in reasons, reason


def test_no_indicator_changes(landed):
    after = _indicator_fingerprints(landed["path"])
    changed = [table for table in landed["before"] if landed["before"][table] != after.get(table)]
    assert not changed, changed


def test_the_bad_lines_are_counted_per_unit_and_day(landed):
    connection = duckdb.connect(str(landed["path"]), read_only=True)
    try:
        flagged = connection.execute(
            "select sum(line_count) from marts.fct_quarantined_lines_daily "
            "where dataset = 'irve__changements_statut' and disposition = 'flagged' "
            "and operational_unit_code is not null"
        ).fetchone()[0]
    finally:
        connection.close()
    expected = sum(
        1 for item in landed["expected"]
        if item.raw_table == "irve__changements_statut" and item.disposition == "flagged"
    )  # fmt: skip
    assert flagged >= expected == 3


@pytest.fixture(scope="module")
def next_day(landed) -> dict:
    path, directory = landed["path"], landed["directory"]
    build_next_day(landed["landing"])
    load = _load(path, "--landing-root", str(landed["landing"]), "load", "irve/changements_statut")
    build, results = _build(directory, path, "--select", "stg_irve__charge_point_statuses_typed+")
    return {"load": load, "build": build, "results": results}


def test_a_normal_day_after_a_2099_status_reaches_every_daily_mart(landed, next_day):
    assert next_day["load"].returncode == 0, next_day["load"].stderr
    assert next_day["build"].returncode == 0, next_day["build"].stdout[-3000:]
    connection = duckdb.connect(str(landed["path"]), read_only=True)
    try:
        # The corpus's 2099 status is in staging, flagged: it moved nothing.
        assert (
            connection.execute(
                "select count(*) from staging.stg_irve__charge_point_statuses "
                "where status_date >= '2099-01-01' and implausible_reason is not null"
            ).fetchone()[0]
            == 1
        )
        day_columns = {
            "intermediate.int_charge_point_statuses_daily": "status_date",
            "marts.fct_station_availability_daily": "date_day",
            "marts.fct_operational_unit_availability_daily": "date_day",
            "marts.fct_indicators_usage_daily": "period_start",
            "marts.fct_indicators": "period_start",
        }
        for relation, column in day_columns.items():
            rows, latest = connection.execute(
                f"select count(*) filter (where {column} = date '{NEXT_DAY}'), max({column}) "
                f"from {relation}"
            ).fetchone()
            assert rows > 0, f"{relation} has no row for {NEXT_DAY}"
            assert str(latest)[:10] <= NEXT_DAY, f"{relation} runs to {latest}"
    finally:
        connection.close()
