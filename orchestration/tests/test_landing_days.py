"""The local days an operator file covers, recorded by the load that parses it
(``raw._load_days``), so the landing sensor never parses a file itself."""

import json
from datetime import date

import pytest

from orchestration.ingestion.landing_days import covered_days
from orchestration.ingestion.loader import load_file, loaded_days
from orchestration.ingestion.operators import get_operator_feed
from orchestration.ingestion.parsing import file_checksum, parse_file

SESSIONS = get_operator_feed("rtet-paca", "sessions").dataset
STATIQUE = get_operator_feed("rtet-paca", "statique").dataset
SESSION_RECORDS = [
    # over midnight, local time: both days
    {"id_pdc_itinerance": "FRA1", "start": "2025-04-25T23:30:00+02:00",
     "end": "2025-04-26T00:30:00+02:00", "energy": 1},
    # epoch milliseconds: 2025-04-25 22:00 UTC is 2025-04-26 00:00 in Paris
    {"id_pdc_itinerance": "FRA2", "start": 1745618400000, "end": "not a time", "energy": 2},
    # a time without offset has no known day
    {"id_pdc_itinerance": "FRA3", "start": "2025-04-20T10:00:00", "end": None, "energy": 3},
]  # fmt: skip


def _write(folder, name, records):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    lines = ["[", ",\n".join(json.dumps(record) for record in records), "]", ""]
    path.write_text("\n".join(lines))
    return path


@pytest.fixture(autouse=True)
def paris(monkeypatch):
    monkeypatch.setenv("WATTLAS_SCHEDULE_TIMEZONE", "Europe/Paris")


def test_covered_days_are_local_days_of_the_timestamps(tmp_path, monkeypatch):
    path = _write(tmp_path, "sessions.json", SESSION_RECORDS)
    parsed = parse_file(path, SESSIONS)
    assert covered_days(parsed, SESSIONS) == {date(2025, 4, 25), date(2025, 4, 26)}
    monkeypatch.setenv("WATTLAS_SCHEDULE_TIMEZONE", "UTC")
    assert covered_days(parsed, SESSIONS) == {date(2025, 4, 25)}


def test_load_records_the_days_of_each_file_version(warehouse, tmp_path):
    folder = tmp_path / "operators" / "rtet-paca" / "sessions"
    path = _write(folder, "sessions.json", SESSION_RECORDS)
    first = file_checksum(path)
    assert loaded_days(warehouse, SESSIONS, "rtet-paca/sessions.json", first) is None

    load_file(warehouse, SESSIONS, path, operator="rtet-paca")
    assert loaded_days(warehouse, SESSIONS, "rtet-paca/sessions.json", first) == {
        date(2025, 4, 25),
        date(2025, 4, 26),
    }

    # A corrected file replaces the days of the version before it.
    _write(folder, "sessions.json", [{**SESSION_RECORDS[0], "start": "2025-04-27T08:00:00Z"}])
    second = file_checksum(path)
    load_file(warehouse, SESSIONS, path, operator="rtet-paca")
    assert loaded_days(warehouse, SESSIONS, "rtet-paca/sessions.json", first) is None
    assert loaded_days(warehouse, SESSIONS, "rtet-paca/sessions.json", second) == {
        date(2025, 4, 26),
        date(2025, 4, 27),
    }
    assert warehouse.execute("select count(*) from raw._load_days") == [(2,)]


def test_a_static_file_covers_no_day(warehouse, tmp_path):
    folder = tmp_path / "operators" / "rtet-paca" / "statique"
    record = {"id_pdc_itinerance": "FRA1", "id_station_itinerance": "FRS1"}
    path = _write(folder, "pdc.json", [{**record, "puissance_nominale": "22"}])
    load_file(warehouse, STATIQUE, path, operator="rtet-paca")
    assert loaded_days(warehouse, STATIQUE, "rtet-paca/pdc.json", file_checksum(path)) == set()
