"""Per-operator feeds: declared formats, landing folders, the _operator column."""

import pytest

from orchestration.ingestion.cli import main
from orchestration.ingestion.loader import load_file
from orchestration.ingestion.operators import (
    OPERATOR_FEEDS,
    UnknownOperatorFeedError,
    get_operator_feed,
    landed_files,
    operator_from_path,
)
from orchestration.ingestion.registry import get_dataset
from orchestration.ingestion.warehouse import connect

SESSIONS_CSV = (
    "id_pdc_itinerance,start,end,energy,borne\n"
    "FRXYZE001,2025-05-01T10:00:00+02:00,2025-05-01T11:00:00+02:00,12.5,B1\n"
    "FRXYZE002,2025-05-01T10:00:00+02:00\n"
)


def test_every_declared_feed_loads_into_its_feed_table():
    tables = {(key, feed.dataset.raw_table) for key, feed in OPERATOR_FEEDS.items()}
    assert tables == {
        (("rtet-paca", "statique"), "operators__statique"),
        (("rtet-paca", "statuses"), "operators__statuses"),
        (("rtet-paca", "sessions"), "operators__sessions"),
    }
    assert {feed.format for feed in OPERATOR_FEEDS.values()} == {"json_array"}


def test_operator_is_required_for_an_operator_feed(tmp_path):
    warehouse = connect("duckdb", tmp_path / "w.duckdb")
    try:
        with pytest.raises(ValueError, match="needs the operator"):
            load_file(warehouse, get_dataset("operators/sessions"), tmp_path / "x.json")
    finally:
        warehouse.close()


def test_operator_is_read_from_the_landing_path(tmp_path):
    path = tmp_path / "operators" / "acme" / "sessions" / "2025" / "f.csv"
    assert operator_from_path(path, "sessions") == "acme"
    assert operator_from_path(tmp_path / "f.csv", "sessions") is None


def test_dropped_file_of_a_declared_operator_loads_with_its_operator(tmp_path, monkeypatch, capsys):
    feed = get_operator_feed("rtet-paca", "sessions")
    # A second operator that writes CSV, declared for this test only.
    acme = type(feed)(
        operator="acme", feed="sessions", format="csv", timestamp_format="iso8601_offset",
        publisher="test", licence="test", description="test operator",
    )  # fmt: skip
    monkeypatch.setitem(OPERATOR_FEEDS, ("acme", "sessions"), acme)
    landing = tmp_path / "landing"
    folder = acme.landing_dir(landing)
    folder.mkdir(parents=True)
    (folder / "sessions_2025-05-01.csv").write_text(SESSIONS_CSV)
    (folder / ".partial.csv.part").write_text("half")
    database = tmp_path / "w.duckdb"

    code = main(["--landing-root", str(landing), "--duckdb-path", str(database),
                 "load", "operators/sessions"])  # fmt: skip

    assert code == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "1 files: 1 loaded, 0 unchanged, 0 refused; input lines 2 = loaded 1 + rejected 1"
    )
    warehouse = connect("duckdb", database)
    try:
        assert warehouse.execute(
            'select _operator, _source_file, _source_line, id_pdc_itinerance, "end", energy, '
            "borne from raw.operators__sessions"
        ) == [
            ("acme", "acme/sessions_2025-05-01.csv", 2, "FRXYZE001",
             "2025-05-01T11:00:00+02:00", "12.5", "B1"),
        ]  # fmt: skip
        assert warehouse.execute("select source_file, line_number, reason from raw._rejects") == [
            ("acme/sessions_2025-05-01.csv", 3, "wrong field count: expected 5, got 2")
        ]
    finally:
        warehouse.close()


def test_same_file_name_from_two_operators_is_kept_twice(tmp_path, monkeypatch):
    rtet = get_operator_feed("rtet-paca", "statuses")
    other = type(rtet)(**{**rtet.__dict__, "operator": "other"})
    monkeypatch.setitem(OPERATOR_FEEDS, ("other", "statuses"), other)
    path = rtet.sample_dir / rtet.sample_files[0]
    warehouse = connect("duckdb", tmp_path / "w.duckdb")
    try:
        load_file(warehouse, rtet.dataset, path, operator="rtet-paca")
        load_file(warehouse, other.dataset, path, operator="other")
        load_file(warehouse, other.dataset, path, operator="other", force=True)  # idempotent

        assert warehouse.execute(
            "select _operator, count(*) from raw.operators__statuses group by 1 order by 1"
        ) == [("other", 947), ("rtet-paca", 947)]
    finally:
        warehouse.close()


def test_file_of_an_undeclared_operator_is_a_usage_error(tmp_path, capsys):
    folder = tmp_path / "operators" / "unknown-op" / "statuses"
    folder.mkdir(parents=True)
    (folder / "s.json").write_text("[\n]\n")

    with pytest.raises(UnknownOperatorFeedError):
        landed_files("operators/statuses", tmp_path)
    code = main(["--landing-root", str(tmp_path), "--duckdb-path", str(tmp_path / "w.duckdb"),
                 "load", "operators/statuses"])  # fmt: skip
    assert code == 2
    assert "unknown operator feed 'operators/unknown-op/statuses'" in capsys.readouterr().err


def test_load_sample_of_the_operator_feeds(tmp_path, capsys):
    code = main(["--duckdb-path", str(tmp_path / "w.duckdb"), "load", "--sample",
                 "operators/statuses"])  # fmt: skip

    assert code == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "2 files: 2 loaded, 0 unchanged, 0 refused; input lines 2886 = loaded 2886 + rejected 0"
    )
