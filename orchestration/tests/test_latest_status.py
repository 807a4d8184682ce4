"""The latest-status mart merges new status lines without reading history.

On a copy of the sample warehouse (``make test``'s, WATTLAS_TEST_DUCKDB_PATH,
else the sample loaded and built here), an operator status file lands with:
a later event in another state for point X, a later event in the same state
for point Y, an event older than point Z's stored state, and the first event
of an undeclared point W. One incremental build of staging and the mart:

- X's state is the new one, since the new event; Y's keeps its start and
  moves its latest report; Z is unchanged; W gets a row; no other row moves
  and only these four rows are written;
- a full rebuild of the mart from all history gives the same states.
"""

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import duckdb
import pytest

from orchestration.tests.fixture_data import copy_built_warehouse, load_sample
from orchestration.tests.test_quality_results import ROOT, _dbt, _env

MART = "marts.fct_charge_point_latest_status"
STATE_COLUMNS = "charge_point_id, status, occupancy, state_since, last_status_at"
SELECT = [
    "--select", "stg_irve__charge_point_statuses_typed", "stg_irve__charge_point_statuses",
    "fct_charge_point_latest_status", "--exclude", "test_type:unit",
]  # fmt: skip


def _states(path: Path) -> dict[str, tuple]:
    connection = duckdb.connect(str(path), read_only=True)
    try:
        rows = connection.execute(f"select {STATE_COLUMNS} from {MART}").fetchall()
    finally:
        connection.close()
    return {row[0]: row[1:] for row in rows}


def _written_last(path: Path) -> set[str]:
    """The points the latest run wrote (their rows carry its watermark)."""
    connection = duckdb.connect(str(path), read_only=True)
    try:
        rows = connection.execute(
            f"select charge_point_id from {MART} "
            f"where last_loaded_at = (select max(last_loaded_at) from {MART})"
        ).fetchall()
    finally:
        connection.close()
    return {row[0] for row in rows}


def _iso(moment) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


@pytest.fixture(scope="module")
def merged(tmp_path_factory) -> dict:
    directory = tmp_path_factory.mktemp("latest_status")
    path, copied = copy_built_warehouse(directory, "latest_status.duckdb")
    if not copied:
        load_sample(path)
        assert _dbt(directory, path, "build", "--select", "+fct_charge_point_latest_status",
                    "--exclude", "test_type:unit").returncode == 0  # fmt: skip
    before = _states(path)
    # The three points last reported free.
    free = sorted(
        (last, point)
        for point, (status, occupancy, _, last) in before.items()
        if (status, occupancy) == ("en_service", "libre")
    )
    (_, x), (_, y), (_, z) = free[-3:]
    events = {
        "X": (x, before[x][3] + timedelta(minutes=20), "occupe"),
        "Y": (y, before[y][3] + timedelta(minutes=20), "libre"),
        "Z": (z, before[z][2] - timedelta(days=1), "occupe"),
        "W": ("FRXXXEWATTLASTEST1", before[x][3], "libre"),
    }
    folder = directory / "landing" / "operators" / "rtet-paca" / "statuses"
    folder.mkdir(parents=True)
    landed = folder / "statuses_latest_test.json"
    rows = [
        {"horodatage": _iso(moment), "etat_pdc": "en_service", "occupation_pdc": occupancy,
         "id_pdc_itinerance": point}
        for point, moment, occupancy in events.values()
    ]  # fmt: skip
    landed.write_text("[\n" + ",\n".join(json.dumps(row) for row in rows) + "\n]\n")
    load = subprocess.run(
        [sys.executable, "-m", "orchestration.ingestion", "--duckdb-path", str(path),
         "load", "operators/statuses", str(landed)],
        cwd=ROOT, env=_env(path), capture_output=True, text=True,
    )  # fmt: skip
    assert load.returncode == 0, load.stderr[-3000:]
    build = _dbt(directory, path, "build", *SELECT)
    assert build.returncode == 0, build.stdout[-3000:]
    after, written = _states(path), _written_last(path)
    rebuild = _dbt(directory, path, "build", *SELECT, "--full-refresh")
    assert rebuild.returncode == 0, rebuild.stdout[-3000:]
    return {
        "before": before,
        "after": after,
        "written": written,
        "rebuilt": _states(path),
        "events": events,
    }


def test_new_lines_move_only_their_points(merged):
    before, after, events = merged["before"], merged["after"], merged["events"]
    (x, x_at, _), (y, y_at, _), (z, _, _), (w, w_at, _) = events.values()
    assert after[x] == ("en_service", "occupe", x_at, x_at)
    assert after[y] == ("en_service", "libre", before[y][2], y_at)
    assert after[z] == before[z]  # older than its stored state: not read
    assert after[w] == ("en_service", "libre", w_at, w_at)
    untouched = set(before) - {x, y, z}
    assert {point: after[point] for point in untouched} == {
        point: before[point] for point in untouched
    }
    assert set(after) == set(before) | {w}
    assert merged["written"] == {x, y, z, w}  # only the points of the new lines were merged


def test_incremental_states_equal_a_full_rebuild(merged):
    assert merged["after"] == merged["rebuilt"]
