"""``make run``'s build selects what the new files and the code changed.

On a copy of the sample warehouse ``make test`` built with
``orchestration.build`` (else the sample loaded and fully built here):

- a build with nothing loaded and nothing edited since builds nothing;
- after one operator session file lands, the build selects the session
  staging, the usage models and marts downstream and their tests, and
  leaves the consumption, reference and static-data models alone;
- that session's energy (5,000 kWh) is above what the session API allows:
  the staging range test warns, the build goes on, and rule ENEU reports
  the operator's unit on that day (one operator never stops the others);
- each successful build is recorded in ``audit.dbt_builds``;
- no project file was edited, so the tests of the models incremental by
  day read the rebuilt days only; the others read their whole table.

Slow (two dbt invocations on the sample), so only with WATTLAS_RUN_DBT_TESTS=1.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from orchestration.build import PROJECT_HASH, project_hash, rebuilt_days_vars
from orchestration.tests.fixture_data import copy_built_warehouse, load_sample

ROOT = Path(__file__).resolve().parents[2]
BUILT_STATE = ROOT / "target" / "test-duckdb" / "last_build"

pytestmark = pytest.mark.skipif(
    os.environ.get("WATTLAS_RUN_DBT_TESTS") != "1",
    reason="runs dbt twice on the sample: set WATTLAS_RUN_DBT_TESTS=1",
)


def _build(path: Path, target: Path, *options: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "orchestration.build", "--target", "duckdb",
         "--target-path", str(target), *options, "--", "--exclude-resource-type", "unit_test"],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "DBT_PROFILES_DIR": str(ROOT / "profiles"),
             "WATTLAS_DUCKDB_PATH": str(path)},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return json.loads((target / "run_results.json").read_text())


def _built(results: dict, prefix: str) -> set[str]:
    return {
        result["unique_id"].split(".")[2]
        for result in results["results"]
        if result["unique_id"].startswith(prefix)
    }


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("changes")
    path, built = copy_built_warehouse(tmp, "changes.duckdb")
    target = tmp / "target"
    if built and (BUILT_STATE / PROJECT_HASH).is_file():
        shutil.copytree(BUILT_STATE, target / "last_build")
    else:
        load_sample(path)
        _build(path, target)  # no record yet: everything
    with duckdb.connect(str(path), read_only=True) as connection:
        builds_before = connection.execute("select count(*) from audit.dbt_builds").fetchone()[0]
        point = connection.execute(
            "select min(charge_point_id) from marts.dim_charge_points"
        ).fetchone()[0]
    unchanged = _build(path, target)

    folder = tmp / "landing" / "operators" / "rtet-paca" / "sessions"
    folder.mkdir(parents=True)
    landed = folder / "sessions_2025-04-24.json"
    session = {
        "start": "2025-04-24T08:00:00+00:00",
        "end": "2025-04-24T08:45:00+00:00",
        "energy": 5000.0,  # above the API's 1000 kWh
        "id_pdc_itinerance": point,
    }
    landed.write_text("[\n" + json.dumps(session) + "\n]\n")
    subprocess.run(
        [sys.executable, "-m", "orchestration.ingestion", "--duckdb-path", str(path),
         "load", "operators/sessions", str(landed)],
        cwd=ROOT, check=True, capture_output=True,
        env={**os.environ, "WATTLAS_TARGET": "duckdb", "WATTLAS_DUCKDB_PATH": str(path)},
    )  # fmt: skip
    after_file = _build(path, target)
    with duckdb.connect(str(path), read_only=True) as connection:
        builds_after = connection.execute("select count(*) from audit.dbt_builds").fetchone()[0]
    # a second file, then the warehouse marked built (as after a backfill
    # elsewhere): the next build has nothing to do
    landed.with_name("sessions_2025-04-23.json").write_text(
        landed.read_text().replace("2025-04-24", "2025-04-23")
    )
    subprocess.run(
        [sys.executable, "-m", "orchestration.ingestion", "--duckdb-path", str(path),
         "load", "operators/sessions", str(landed.with_name("sessions_2025-04-23.json"))],
        cwd=ROOT, check=True, capture_output=True,
        env={**os.environ, "WATTLAS_TARGET": "duckdb", "WATTLAS_DUCKDB_PATH": str(path)},
    )  # fmt: skip
    _build(path, target, "--mark-built")
    after_mark = _build(path, target)
    with duckdb.connect(str(path), read_only=True) as connection:
        marked = connection.execute(
            "select selection from audit.dbt_builds order by started_at desc limit 2"
        ).fetchall()
        eneu = connection.execute(
            "select operational_unit_code, status, offending_rows from marts.fct_quality_results"
            " where rule_code = 'ENEU' and day = cast('2025-04-24' as date)"
            " and operational_unit_code = ?",
            [point[:5]],
        ).fetchall()
    return {
        "after_mark": after_mark,
        "marked": marked,
        "eneu": eneu,
        "unchanged": unchanged,
        "after_file": after_file,
        "records": builds_after - builds_before,
        "point": point,
    }


def test_nothing_new_builds_nothing(builds):
    assert builds["unchanged"]["results"] == []


def test_a_session_file_builds_what_reads_sessions(builds):
    models = _built(builds["after_file"], "model.")
    tests = _built(builds["after_file"], "test.")
    assert {
        "stg_irve__charging_sessions_typed",
        "stg_irve__charging_sessions",
        "int_charging_sessions_daily",
        "int_charge_point_state_intervals",
        "fct_indicators_usage_daily",
        "fct_indicators_usage_rollups",
        "fct_station_availability_daily",
        "fct_tiruert_energy_daily",
    } <= models
    untouched = {
        "stg_odre__eco2mix_regional_measurements",
        "fct_consumption_daily",
        "dim_regions",
        "stg_irve__charge_points",
        "stg_irve__charge_point_statuses",
        "int_charge_point_deliveries_typed",
    }
    assert not untouched & models
    assert any(name.startswith("not_null_stg_irve__charging_sessions_") for name in tests)
    assert not any("consumption" in name for name in tests)


def test_each_successful_build_is_recorded(builds):
    assert builds["records"] == 2


def test_an_impossible_energy_warns_and_is_reported(builds):
    statuses = {
        result["unique_id"].split(".")[2]: result["status"]
        for result in builds["after_file"]["results"]
    }
    range_tests = [
        name
        for name in statuses
        if name.startswith("expect_column_values_to_be_between_stg_irve__charging_sessions_energy")
    ]
    assert range_tests and all(statuses[name] == "warn" for name in range_tests)
    assert builds["eneu"] == [(builds["point"][:5], "fail", 1)]


def _compiled_tests(results: dict, model: str) -> list[str]:
    """The compiled not_null tests of ``model`` (not of models named after it)."""
    return [
        result["compiled_code"]
        for result in results["results"]
        if result["unique_id"].startswith(f"test.wattlas.not_null_{model}_")
        and f'."{model}"' in result["compiled_code"]
    ]


def test_unedited_project_tests_read_the_rebuilt_days(builds):
    results = builds["after_file"]
    assert results["args"]["vars"]["wattlas_test_rebuilt_days_only"] is True
    incremental = _compiled_tests(results, "stg_irve__charging_sessions")
    full_table = _compiled_tests(results, "fct_indicators")
    assert incremental and full_table
    assert all("start_date >= (select rebuild_window.first_day" in sql for sql in incremental)
    assert not any("rebuild_window" in sql for sql in full_table)


def test_an_edit_or_own_vars_test_everything(tmp_path):
    state = tmp_path / "last_build"
    state.mkdir()
    (state / PROJECT_HASH).write_text("a")
    scoped = ["--vars", '{"wattlas_test_rebuilt_days_only": true}']
    assert rebuilt_days_vars(state, "a", []) == scoped
    assert rebuilt_days_vars(state, "b", []) == []  # a project file edited
    assert rebuilt_days_vars(state, "a", ["--vars", "{}"]) == []
    assert rebuilt_days_vars(tmp_path / "none", "a", []) == []


def test_the_project_hash_follows_every_project_file(tmp_path):
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "a.sql").write_text("select 1")
    (tmp_path / "dbt_project.yml").write_text("name: x")
    first = project_hash(tmp_path)
    (tmp_path / "models" / "a.sql").write_text("select 2")
    second = project_hash(tmp_path)
    (tmp_path / "models" / "a.sql").rename(tmp_path / "models" / "b.sql")
    third = project_hash(tmp_path)
    (tmp_path / "README.md").write_text("not the project")
    assert len({first, second, third}) == 3 and project_hash(tmp_path) == third


def test_a_warehouse_marked_built_builds_only_what_comes_after(builds):
    assert builds["after_mark"]["results"] == []
    assert builds["marked"][1] == ("marked built",)
