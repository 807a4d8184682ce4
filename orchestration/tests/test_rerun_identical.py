"""Running the main job twice on the same data changes no table.

`make run` is the loader (the sample, then the landing folder) and one
``dbt build``. Run twice on the same files, every table of the warehouse
(raw, staging, intermediate, marts, audit, snapshots, seeds) must come out
identical, row for row and column for column:

- the loader skips files it already loaded (same path and checksum), so no
  load time moves;
- every value is computed exactly: a float sum whose last digit depends on
  the order in which a rebuilt table hands its rows over would make a check
  snapshot add phantom versions (snap_stations did, before station power
  was rounded at its sum);
- incremental models rebuild their window to the same rows.

The first run is the warehouse ``make test`` builds (WATTLAS_TEST_DUCKDB_PATH,
copied so that the test never writes to it) when set; otherwise the sample
is loaded and built here into a throwaway file. The second run is one more
`make run` on it.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from orchestration.tests.fixture_data import copy_built_warehouse

ROOT = Path(__file__).resolve().parents[2]
DBT = Path(sys.executable).with_name("dbt")


def _environment(path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DBT_PROFILES_DIR": "profiles",
        "WATTLAS_DUCKDB_PATH": str(path),
        "WATTLAS_TARGET": "duckdb",
    }


def _run(directory: Path, path: Path) -> None:
    """What `make run` does: load the sample, load the landing folder, build."""
    for arguments in (["load", "--sample"], ["--landing-root", str(directory / "landing"), "load"]):
        result = subprocess.run(
            [sys.executable, "-m", "orchestration.ingestion", "--duckdb-path", str(path),
             *arguments],
            cwd=ROOT, env=_environment(path), capture_output=True, text=True,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr[-4000:]
    result = subprocess.run(
        [str(DBT), "build", "--exclude", "test_type:unit", "--target", "duckdb",
         "--target-path", str(directory / "target"), "--log-path", str(directory / "logs")],
        cwd=ROOT, env=_environment(path), capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:]


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> tuple[Path, Path]:
    directory = tmp_path_factory.mktemp("rerun")
    (directory / "landing").mkdir()
    path, built = copy_built_warehouse(directory, "rerun.duckdb")
    if not built:
        _run(directory, path)
    # the first run: the warehouse `make test` built (or the run above)
    first = directory / "first.duckdb"
    shutil.copyfile(path, first)
    _run(directory, path)
    return first, path


def _tables(connection, catalog: str) -> list[str]:
    return [
        f"{schema}.{name}"
        for schema, name in connection.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_catalog = ? and table_type = 'BASE TABLE' order by 1, 2",
            [catalog],
        ).fetchall()
    ]


def test_second_run_changes_no_table(runs):
    first, second = runs
    with duckdb.connect(str(second), read_only=True) as connection:
        connection.execute(f"attach '{first}' as first_run (read_only)")
        tables = _tables(connection, second.stem)
        assert {table.split(".")[0] for table in tables} >= {"raw", "marts", "snapshots"}
        assert tables == _tables(connection, "first_run")
        differences = []
        for table in tables:
            before = f"first_run.{table}"
            for left, right in ((table, before), (before, table)):
                changed = connection.execute(
                    f"select count(*) from (select * from {left} except all select * from {right})"
                ).fetchone()[0]
                if changed:
                    differences.append(f"{table}: {changed} rows of {left} not in {right}")
        assert not differences, "\n".join(differences)


def test_the_comparison_sees_a_changed_row(runs):
    """The check can fail: one snapshot row changed is seen."""
    first, second = runs
    with duckdb.connect(str(second), read_only=True) as connection:
        connection.execute(f"attach '{first}' as first_run (read_only)")
        changed = connection.execute(
            "select count(*) from ("
            " select * replace (total_power_kw + 1e-9 as total_power_kw)"
            " from (select * from snapshots.snap_stations limit 1)"
            " except all select * from first_run.snapshots.snap_stations)"
        ).fetchone()[0]
    assert changed == 1
