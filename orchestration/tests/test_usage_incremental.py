"""Usage models: incremental days are idempotent and late data moves only its day.

The incremental usage and quality models, on a throwaway DuckDB built from the shipped
sample: the usage models are built, built again (every table unchanged), then
a late session of the rtet-paca operator feed is dropped into a temporary
landing folder for 2025-04-25 (inside the reprocessing window) and loaded:
only the rows of that day and of the periods that contain it change. A
session older than the window is reported, not merged. State times fill
every point-day (24 h, or 23 h / 25 h on DST days).

Slow (a few minutes: sample load plus three dbt builds), so it runs only
with WATTLAS_RUN_DBT_TESTS=1 (``make test`` sets it, or set it by hand).
Under ``make test`` the first build is a copy of the warehouse it has just
built (WATTLAS_TEST_DUCKDB_PATH).
"""

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LATE_DAY = dt.date(2025, 4, 25)
OLD_DAY = dt.date(2025, 3, 1)
# Period starts of the rollups that contain LATE_DAY (d, w, m, q, y).
LATE_PERIODS = {
    dt.date(2025, 4, 25),
    dt.date(2025, 4, 21),
    dt.date(2025, 4, 1),
    dt.date(2025, 1, 1),
}
DAY_COLUMNS = (
    "date_day",
    "state_date",
    "interval_date",
    "status_date",
    "start_date",
    "period_start",
    "day",
    "month_start",
)
TABLES = [
    "intermediate.int_charge_point_statuses_daily",
    "intermediate.int_charging_sessions_daily",
    "intermediate.int_charging_sessions_flagged",
    "intermediate.int_charge_point_days_scoped",
    "intermediate.int_charge_point_state_intervals",
    "intermediate.int_charge_point_states_daily",
    "intermediate.int_station_state_intervals",
    "intermediate.int_station_states_hourly",
    "intermediate.int_usage_point_days",
    "intermediate.int_usage_station_days",
    "marts.fct_indicators_usage_daily",
    "marts.fct_indicators_usage_rollups",
    "marts.fct_indicators_usage_long",
    "marts.fct_station_availability_daily",
    "marts.fct_station_saturation_hourly",
    "marts.fct_operational_unit_availability_daily",
    "marts.fct_tiruert_energy_daily",
    "marts.fct_tiruert_sessions_excluded",
    "marts.fct_tiruert_energy_monthly",
    "marts.fct_usage_dynamic_rows_daily",
    "intermediate.int_unavailability_point_days_flagged",
    "intermediate.int_unavailability_point_months_summarised",
    "marts.fct_indicators_temporal_unavailability",
    "intermediate.int_quality_days_listed",
    "intermediate.int_quality_status_point_days",
    "intermediate.int_quality_status_rules_evaluated",
    "intermediate.int_quality_session_rules_evaluated",
    "intermediate.int_quality_consistency_rules_evaluated",
    "intermediate.int_quality_rule_results_graded",
    "marts.fct_quality_results",
    "marts.fct_quality_daily_summary",
    "marts.fct_indicators_quality_long",
]

pytestmark = pytest.mark.skipif(
    os.environ.get("WATTLAS_RUN_DBT_TESTS") != "1",
    reason="builds the project three times: set WATTLAS_RUN_DBT_TESTS=1",
)


def _run(args: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


def _dbt_build(env: dict[str, str], target_path: Path, *options: str) -> None:
    _run(
        [
            str(ROOT / ".venv" / "bin" / "dbt"),
            "run",
            *options,
            "--target-path",
            str(target_path),
            "--log-path",
            str(target_path / "logs"),
            "--select",
            "+path:models/marts/usage",
            "+fct_indicators_usage_rollups",
            "+fct_indicators_temporal_unavailability",
            "+path:models/marts/quality",
            "+fct_indicators_quality_long",
        ],
        env,
    )


def _snapshot(duckdb_path: Path) -> dict[str, dict]:
    """Per table and day: row count and an order-independent checksum (sum of
    row hashes, doubles rounded to 6 decimals), computed by DuckDB (the hourly
    tables hold millions of rows: as Python tuples they exhaust the memory)."""
    import duckdb

    connection = duckdb.connect(str(duckdb_path), read_only=True)
    try:
        tables = {}
        for table in TABLES:
            schema, name = table.split(".")
            columns = connection.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_schema = ? and table_name = ? order by ordinal_position",
                [schema, name],
            ).fetchall()
            values = [
                f'round("{column}", 6)' if data_type == "DOUBLE" else f'"{column}"'
                for column, data_type in columns
                if "loaded_at" not in column
            ]
            names = [column for column, _ in columns]
            day = next(column for column in DAY_COLUMNS if column in names)
            rows = connection.execute(
                f'select "{day}", count(*), sum(hash({", ".join(values)})) '
                f'from {table} group by "{day}"'
            ).fetchall()
            tables[table] = {row[0]: row[1:] for row in rows}
        return tables
    finally:
        connection.close()


def _changed_days(before: dict, after: dict) -> set:
    return {day for day in before.keys() | after.keys() if before.get(day) != after.get(day)}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("usage")
    built = Path(os.environ.get("WATTLAS_TEST_DUCKDB_PATH", "/nonexistent"))
    # A copy keeps the file name: DuckDB views name their catalog after its stem.
    duckdb_path = tmp / (built.name if built.is_file() else "usage.duckdb")
    env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(ROOT / "profiles"),
        "WATTLAS_DUCKDB_PATH": str(duckdb_path),
        "WATTLAS_TARGET": "duckdb",
    }
    ingest = [sys.executable, "-m", "orchestration.ingestion", "--duckdb-path", str(duckdb_path)]
    if built.is_file():  # `make test` built the sample already: start from a copy
        shutil.copyfile(built, duckdb_path)
    else:
        _run([*ingest, "load", "--sample"], env)
        _dbt_build(env, tmp / "target")
    first = _snapshot(duckdb_path)
    _dbt_build(env, tmp / "target")
    second = _snapshot(duckdb_path)
    return {
        "tmp": tmp,
        "path": duckdb_path,
        "env": env,
        "ingest": ingest,
        "first": first,
        "second": second,
    }


def test_rerun_leaves_every_usage_table_unchanged(warehouse):
    for table, days in warehouse["first"].items():
        assert days, f"{table} is empty"
        assert warehouse["second"][table] == days, f"{table} changed on re-run"


def test_partition_rerun_inside_a_quarter_changes_nothing(warehouse):
    # A day of May 2025 as a Dagster partition: its month, week, quarter and
    # year are recomputed, the quarter from April read back as stored and
    # May rebuilt, the year from the stored first quarter: to the same rows.
    vars_ = json.dumps({"min_date": "2025-05-20", "max_date": "2025-05-21"})
    _dbt_build(warehouse["env"], warehouse["tmp"] / "target", "--vars", vars_)
    after = _snapshot(warehouse["path"])
    for table, days in warehouse["second"].items():
        assert after[table] == days, f"{table} changed on a partition re-run"


def test_state_times_fill_every_point_day(warehouse):
    import duckdb

    connection = duckdb.connect(str(warehouse["path"]), read_only=True)
    try:
        bad, days, dst = connection.execute(
            "select sum(case when abs(free_seconds + occupied_seconds + out_of_service_seconds"
            " + not_activated_seconds - day_seconds) > 0.001 then 1 else 0 end), count(*),"
            " sum(case when day_seconds <> 86400 then 1 else 0 end)"
            " from intermediate.int_charge_point_states_daily"
        ).fetchall()[0]
    finally:
        connection.close()
    assert days > 0
    assert bad == 0
    assert dst > 0  # the sample has point-days on DST change days


def _free_gap(duckdb_path: Path) -> tuple[str, dt.datetime]:
    """A point of the rtet-paca day with sessions, free for an hour from t."""
    import duckdb

    connection = duckdb.connect(str(duckdb_path), read_only=True)
    try:
        return connection.execute(
            "select i.charge_point_id, i.interval_start_at"
            " from intermediate.int_charge_point_state_intervals as i"
            " inner join marts.dim_charge_points as d on i.charge_point_id = d.charge_point_id"
            " where i.interval_date = ? and i.state = 'free' and i.duration_seconds > 7200"
            " and i.interval_start_at > cast('2025-04-25 04:00:00' as timestamp)"
            " and i.charge_point_id in (select charge_point_id"
            "   from intermediate.int_charging_sessions_daily"
            "   where operator_slug = 'rtet-paca' and start_date = ?)"
            " order by i.charge_point_id, i.interval_start_at limit 1",
            [LATE_DAY, LATE_DAY],
        ).fetchall()[0]
    finally:
        connection.close()


def test_late_session_changes_only_its_day_and_rollups(warehouse):
    charge_point_id, free_from = _free_gap(warehouse["path"])
    start = free_from + dt.timedelta(minutes=10)
    folder = warehouse["tmp"] / "landing" / "operators" / "rtet-paca" / "sessions"
    folder.mkdir(parents=True)
    late = folder / "late_sessions_2025-04-25.json"
    old = {  # older than the 15-day window: reported, not merged
        "start": "2025-03-01T10:00:00+01:00",
        "end": "2025-03-01T10:30:00+01:00",
        "energy": 9.5,
        "id_pdc_itinerance": charge_point_id,
    }
    rows = [
        {
            "start": start.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
            "end": (start + dt.timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%S+00:00"),
            "energy": 12.0,
            "id_pdc_itinerance": charge_point_id,
        },
        old,
    ]
    # the operator's format: a JSON array with one object per line
    late.write_text("[\n" + ",\n".join(json.dumps(row) for row in rows) + "\n]\n")
    _run([*warehouse["ingest"], "load", "operators/sessions", str(late)], warehouse["env"])
    _dbt_build(warehouse["env"], warehouse["tmp"] / "target")
    after = _snapshot(warehouse["path"])

    must_change = {
        "intermediate.int_charging_sessions_daily",
        "intermediate.int_charging_sessions_flagged",
        "intermediate.int_charge_point_state_intervals",
        "intermediate.int_charge_point_states_daily",
        "marts.fct_indicators_usage_daily",
        "marts.fct_indicators_usage_rollups",
        "marts.fct_station_availability_daily",
        "intermediate.int_quality_session_rules_evaluated",
        "marts.fct_quality_results",
    }
    for table, days in warehouse["second"].items():
        changed = _changed_days(days, after[table])
        if table == "marts.fct_usage_dynamic_rows_daily":
            assert changed == {LATE_DAY, OLD_DAY}  # the old session is reported there
            continue
        assert changed <= LATE_PERIODS, f"{table} changed outside the late day: {changed}"
        if table in must_change:
            assert changed, f"{table} did not pick up the late session"

    import duckdb

    connection = duckdb.connect(str(warehouse["path"]), read_only=True)
    try:
        merged = connection.execute(
            "select count(*) from intermediate.int_charging_sessions_daily"
            " where charge_point_id = ? and start_date = cast('2025-03-01' as date)",
            [charge_point_id],
        ).fetchall()[0][0]
        late_rows = connection.execute(
            "select late_row_count from marts.fct_usage_dynamic_rows_daily"
            " where dataset = 'sessions' and feed = 'operator_sessions'"
            " and date_day = cast('2025-03-01' as date)"
        ).fetchall()
        windows = connection.execute(
            "select first_new_day, first_day, last_day from intermediate.int_usage_rebuild_windows"
            " order by last_loaded_at desc"
        ).fetchall()
    finally:
        connection.close()
    assert merged == 0
    assert late_rows == [(1,)]
    # The rebuild log: the first build, then the late file (nothing for the
    # second build, which loaded nothing). Its first new day is the old
    # session's; the rebuild starts 15 days before the latest session day
    # (2025-04-25, earlier than the latest status day).
    assert len(windows) == 2
    assert windows[0][:2] == (OLD_DAY, dt.date(2025, 4, 10))
