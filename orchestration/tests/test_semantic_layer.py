"""The MetricFlow semantic layer gives the figures the marts give.

On a copy of the sample warehouse (``make test``'s, WATTLAS_TEST_DUCKDB_PATH,
else the sample loaded and the station mart built here), ``dbt parse`` writes
the semantic manifest into a scratch project (links to the repository's
files), then ``mf query`` asks for the national availability rate of one
day. It must equal Σ (free + occupied) hours / Σ opening hours of the station
mart that day, computed here in SQL, and the national q1 of the usage
indicator store (Σ stored numerator / Σ stored denominator, level 0).

Slow (dbt parse and MetricFlow), so only with WATTLAS_RUN_DBT_TESTS=1.
"""

import csv
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from orchestration.tests.fixture_data import copy_built_warehouse, load_sample
from orchestration.tests.test_quality_results import ROOT, _dbt, _env

pytestmark = pytest.mark.skipif(
    os.environ.get("WATTLAS_RUN_DBT_TESTS") != "1",
    reason="parses the project and runs MetricFlow: set WATTLAS_RUN_DBT_TESTS=1",
)

# What the scratch project links to: the dbt project without its target/.
PROJECT_FILES = ["dbt_project.yml", "selectors.yml", "models", "macros", "seeds",
                 "snapshots", "tests", "profiles"]  # fmt: skip


def _query_one(path: Path, sql: str, *parameters) -> tuple:
    connection = duckdb.connect(str(path), read_only=True)
    try:
        return connection.execute(sql, list(parameters)).fetchone()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def semantic_project(tmp_path_factory) -> tuple[Path, Path]:
    """(project folder with target/semantic_manifest.json, warehouse path)."""
    directory = tmp_path_factory.mktemp("semantic")
    path, copied = copy_built_warehouse(directory, "semantic.duckdb")
    if not copied:
        load_sample(path)
        built = _dbt(directory, path, "build", "--select", "+fct_station_availability_daily",
                     "+fct_indicators_usage_daily", "--exclude", "test_type:unit")  # fmt: skip
        assert built.returncode == 0, built.stdout[-3000:]
    project = directory / "project"
    project.mkdir()
    for name in PROJECT_FILES:
        (project / name).symlink_to(ROOT / name)
    # The manifest names relations after the warehouse file (its catalog).
    parsed = _dbt(directory, path, "parse", "--no-partial-parse")
    assert parsed.returncode == 0, parsed.stdout[-3000:]
    (project / "target").mkdir()
    manifest = directory / "target" / "semantic_manifest.json"
    (project / "target" / "semantic_manifest.json").write_bytes(manifest.read_bytes())
    return project, path


def _mf_query(project: Path, path: Path, out: Path, *args: str) -> list[dict]:
    mf = Path(sys.executable).with_name("mf")
    result = subprocess.run(
        [str(mf), "query", *args, "--csv", str(out), "--quiet"],
        cwd=project, capture_output=True, text=True, timeout=900,
        env={**_env(path), "DBT_PROFILES_DIR": str(ROOT / "profiles"),
             "DBT_PROJECT_DIR": str(project)},
    )  # fmt: skip
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    with out.open(newline="") as handle:
        return list(csv.DictReader(handle))


def test_national_availability_matches_the_marts(semantic_project, tmp_path):
    project, path = semantic_project
    # The day with the most charge point opening hours of the sample.
    (day,) = _query_one(
        path,
        "select date_day from marts.fct_station_availability_daily "
        "group by date_day order by sum(point_opening_hours) desc, date_day limit 1",
    )
    rows = _mf_query(
        project, path, tmp_path / "availability.csv",
        "--metrics", "availability_rate", "--group-by", "metric_time__day",
        "--start-time", day.isoformat(), "--end-time", day.isoformat(),
    )  # fmt: skip
    assert len(rows) == 1, rows
    assert rows[0]["metric_time__day"].startswith(day.isoformat())
    from_metricflow = float(rows[0]["availability_rate"])

    (from_mart,) = _query_one(
        path,
        "select sum(point_free_hours + point_occupied_hours) / sum(point_opening_hours) "
        "from marts.fct_station_availability_daily where date_day = ?",
        day,
    )
    (from_store,) = _query_one(
        path,
        "select sum(numerator) / sum(denominator) from marts.fct_indicators_usage_daily "
        "where indicator_code = 'q1' and level = 0 and period_start = ?",
        day,
    )
    assert 0 < from_mart < 1
    assert from_metricflow == pytest.approx(from_mart, rel=1e-9)
    assert from_metricflow == pytest.approx(from_store, rel=1e-6)
