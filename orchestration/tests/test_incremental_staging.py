"""Status staging incremental by file and by day: a file loaded again
replaces its lines everywhere, and the result equals a full rebuild.

On a copy of the sample warehouse (``make test``'s, else the sample loaded
and built here), an operator status file lands with one point's events on
a day nothing else covers and on a day other feeds cover; staging is built
incrementally. The same file name then lands with other content: an event
on the shared day at another time and one on a new empty day. After the
second incremental build the point's staged rows are exactly the second
version's, the day the first version alone covered included; a full
rebuild of both staging models gives the same table.

The first version also holds a line with an impossible date, listed in
``fct_quarantined_lines`` (incremental by file); the second version has
none, and its load takes the first version's line out of the listing.
"""

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from orchestration.tests.fixture_data import copy_built_warehouse, load_sample
from orchestration.tests.test_quality_results import ROOT, _dbt, _env

POINT = "FRXXXESTAGINGTEST1"
ALONE_DAY, SHARED_DAY, NEW_DAY = "2025-01-05", "2025-04-25", "2025-01-07"
BAD_MOMENT = "2025-02-30T10:00:00+00:00"  # an impossible date: quarantined
FIRST = [f"{ALONE_DAY}T10:00:00+00:00", f"{SHARED_DAY}T10:00:00+00:00", BAD_MOMENT]
SECOND = [f"{SHARED_DAY}T11:00:00+00:00", f"{NEW_DAY}T10:00:00+00:00"]
SELECT = [
    "--select", "stg_irve__charge_point_statuses_typed", "stg_irve__charge_point_statuses",
    "stg_loader__loaded_files", "fct_quarantined_lines", "--exclude", "test_type:unit",
]  # fmt: skip
STAGED = "staging.stg_irve__charge_point_statuses"
QUARANTINED = "marts.fct_quarantined_lines"


def _query(path: Path, sql: str) -> list[tuple]:
    connection = duckdb.connect(str(path), read_only=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def _land(path: Path, landed: Path, moments: list[str]) -> None:
    rows = [
        {"horodatage": moment, "etat_pdc": "en_service", "occupation_pdc": "libre",
         "id_pdc_itinerance": POINT}
        for moment in moments
    ]  # fmt: skip
    landed.write_text("[\n" + ",\n".join(json.dumps(row) for row in rows) + "\n]\n")
    load = subprocess.run(
        [sys.executable, "-m", "orchestration.ingestion", "--duckdb-path", str(path),
         "load", "operators/statuses", str(landed)],
        cwd=ROOT, env=_env(path), capture_output=True, text=True,
    )  # fmt: skip
    assert load.returncode == 0, load.stderr[-3000:]


def _point_rows(path: Path) -> list[tuple]:
    return _query(
        path,
        f"select strftime(status_date, '%Y-%m-%d'), strftime(status_at, '%H:%M') from {STAGED} "
        f"where charge_point_id = '{POINT}' order by status_at",
    )


def _quarantined(path: Path) -> list[tuple]:
    return _query(
        path,
        f"select source_line, column_name, raw_value from {QUARANTINED} "
        "where source_file like '%statuses_replaced.json' order by source_line",
    )


def _table_hash(path: Path, table: str = STAGED) -> tuple:
    return _query(path, f"select count(*), sum(hash(s)) from {table} as s")[0]


@pytest.fixture(scope="module")
def replaced(tmp_path_factory) -> dict:
    directory = tmp_path_factory.mktemp("incremental_staging")
    path, copied = copy_built_warehouse(directory, "incremental_staging.duckdb")
    if not copied:
        load_sample(path)
        first_build = [
            "--select",
            "+stg_irve__charge_point_statuses",
            "+fct_quarantined_lines",
            "--exclude",
            "test_type:unit",
        ]
        assert _dbt(directory, path, "build", *first_build).returncode == 0
    empty_days = _query(
        path, f"select count(*) from {STAGED} where status_date in ('{ALONE_DAY}', '{NEW_DAY}')"
    )
    folder = directory / "landing" / "operators" / "rtet-paca" / "statuses"
    folder.mkdir(parents=True)
    landed = folder / "statuses_replaced.json"
    states, quarantined = {}, {}
    for version, moments in (("first", FIRST), ("second", SECOND)):
        _land(path, landed, moments)
        build = _dbt(directory, path, "build", *SELECT)
        assert build.returncode == 0, build.stdout[-3000:]
        states[version], quarantined[version] = _point_rows(path), _quarantined(path)
    incremental = _table_hash(path), _table_hash(path, QUARANTINED)
    rebuild = _dbt(directory, path, "build", *SELECT, "--full-refresh")
    assert rebuild.returncode == 0, rebuild.stdout[-3000:]
    return {**states, "empty_days": empty_days, "incremental": incremental,
            "quarantined": quarantined,
            "rebuilt": (_table_hash(path), _table_hash(path, QUARANTINED))}  # fmt: skip


def test_each_version_replaces_the_previous_one(replaced):
    assert replaced["empty_days"] == [(0,)]  # nothing else on these two days
    assert replaced["first"] == [(ALONE_DAY, "10:00"), (SHARED_DAY, "10:00")]  # UTC
    assert replaced["second"] == [(NEW_DAY, "10:00"), (SHARED_DAY, "11:00")]


def test_incremental_staging_equals_a_full_rebuild(replaced):
    assert replaced["incremental"] == replaced["rebuilt"]


def test_quarantine_listing_follows_the_file_version(replaced):
    # line 4 of the first version (an array: line 1 is "["), its horodatage
    assert [row[:2] for row in replaced["quarantined"]["first"]] == [(4, "horodatage")]
    assert replaced["quarantined"]["first"][0][2] == BAD_MOMENT
    assert replaced["quarantined"]["second"] == []
