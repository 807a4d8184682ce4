"""A second run on the same data changes nothing, snapshots included.

The snapshots and every model they read are built twice on the same
loaded data: a check snapshot adds a version whenever a compared value
differs, so a value that is not computed exactly (a float sum whose last
digit depends on the order in which a rebuilt table hands its rows to the
aggregation) shows up as phantom versions. The second build must leave
every snapshot table identical, row for row and column for column.

The warehouse is a copy of the one ``make test`` builds
(WATTLAS_TEST_DUCKDB_PATH) when set, so that the test never writes to it;
otherwise the sample is loaded here into a throwaway file.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = ["snap_charge_points", "snap_stations"]
DBT = Path(sys.executable).with_name("dbt")


def _environment(path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DBT_PROFILES_DIR": "profiles",
        "WATTLAS_DUCKDB_PATH": str(path),
        "WATTLAS_TARGET": "duckdb",
    }


def _dbt(directory: Path, path: Path, *arguments: str) -> None:
    result = subprocess.run(
        [
            str(DBT),
            *arguments,
            "--target",
            "duckdb",
            "--target-path",
            str(directory / "target"),
            "--log-path",
            str(directory / "logs"),
        ],
        cwd=ROOT,
        env=_environment(path),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-4000:]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> tuple[Path, Path]:
    directory = tmp_path_factory.mktemp("rerun")
    path = directory / "rerun.duckdb"
    built = os.environ.get("WATTLAS_TEST_DUCKDB_PATH")
    if built:
        shutil.copyfile(built, path)
    else:
        _load_sample(path)
    return directory, path


def _load_sample(path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "orchestration.ingestion",
            "--duckdb-path",
            str(path),
            "load",
            "--sample",
        ],
        cwd=ROOT,
        env=_environment(path),
        check=True,
        capture_output=True,
    )


def _build_snapshots(directory: Path, path: Path) -> None:
    """The snapshots and all their parents (models and seeds), no data tests."""
    resource_types = ["--resource-type", "model", "--resource-type", "seed"]
    resource_types += ["--resource-type", "snapshot"]
    parents = [f"+{name}" for name in SNAPSHOTS]
    _dbt(directory, path, "build", *resource_types, "--select", *parents)


def _snapshot_tables(path: Path) -> dict[str, str]:
    with duckdb.connect(str(path), read_only=True) as connection:
        rows = connection.execute(
            "select table_name, table_schema || '.' || table_name from information_schema.tables"
            " where table_name in (select unnest(?))",
            [SNAPSHOTS],
        ).fetchall()
    return dict(rows)


def test_second_snapshot_run_changes_no_row(warehouse):
    directory, path = warehouse
    _build_snapshots(directory, path)
    tables = _snapshot_tables(path)
    assert sorted(tables) == sorted(SNAPSHOTS)

    first = directory / "first.duckdb"
    shutil.copyfile(path, first)
    _build_snapshots(directory, path)

    with duckdb.connect(str(path), read_only=True) as connection:
        connection.execute(f"attach '{first}' as first_run (read_only)")
        for name, table in tables.items():
            before = connection.execute(f"select count(*) from first_run.{table}").fetchone()[0]
            after = connection.execute(f"select count(*) from {table}").fetchone()[0]
            assert after == before, f"{name}: {after - before} rows added by the second run"
            for left, right in ((table, f"first_run.{table}"), (f"first_run.{table}", table)):
                changed = connection.execute(
                    f"select count(*) from (select * from {left} except all select * from {right})"
                ).fetchone()[0]
                assert changed == 0, f"{name}: {changed} rows of {left} differ"
