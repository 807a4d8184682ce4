"""Re-running the load on files already loaded changes nothing.

A file whose identity and checksum already have a ``loaded`` line in
``raw._loads`` is skipped before it is parsed (before it is read at all
when its size and modification time are the recorded ones): its rows, their
``_loaded_at`` and its ``raw._loads`` line stay as they were. A changed file
is reloaded and replaces its rows; ``--force`` reloads regardless.

The files are the shipped samples (``data/sample``), copied into a landing
folder; ``loader._now`` is pinned per run, so a load that should not have
happened shows as a moved ``_loaded_at``.
"""

import gzip
import hashlib
import os
from datetime import datetime
from pathlib import Path

import pytest

from orchestration.ingestion import loader
from orchestration.ingestion.cli import main
from orchestration.ingestion.operators import get_operator_feed
from orchestration.ingestion.parsing import (
    ContentMismatchError,
    CorruptFileError,
    file_checksum,
    read_bytes,
)
from orchestration.ingestion.registry import get_dataset
from orchestration.ingestion.warehouse import LOADED, REFUSED, connect

HOLIDAYS = get_dataset("etalab/jours_feries_metropole")
STATUSES = get_operator_feed("rtet-paca", "statuses")
HOLIDAYS_FILE = f"2024/{HOLIDAYS.sample_files[0]}"  # in a subfolder: identity is the path
STATUSES_FILE = f"rtet-paca/{STATUSES.sample_files[0]}"
TABLES = (f"raw.{HOLIDAYS.raw_table}", f"raw.{STATUSES.dataset.raw_table}")

FIRST = datetime(2025, 1, 1, 6, 0, 0)
SECOND = datetime(2025, 1, 2, 6, 0, 0)
THIRD = datetime(2025, 1, 3, 6, 0, 0)


@pytest.fixture(params=["duckdb", "postgres"])
def target(request, tmp_path) -> list[str]:
    """CLI arguments selecting an empty warehouse on each target."""
    if request.param == "postgres":
        request.getfixturevalue("postgres_database")
        return ["--target", "postgres"]
    return ["--duckdb-path", str(tmp_path / "w.duckdb")]


def _connect(target: list[str]):
    return connect("postgres") if "postgres" in target else connect("duckdb", Path(target[1]))


@pytest.fixture
def landing(tmp_path) -> Path:
    """The holidays sample in a subfolder and an operator's statuses sample."""
    root = tmp_path / "landing"
    holidays = root / HOLIDAYS.key / HOLIDAYS_FILE
    statuses = root / "operators" / "rtet-paca" / "statuses" / STATUSES.sample_files[0]
    for path, sample in (
        (holidays, HOLIDAYS.sample_dir / HOLIDAYS.sample_files[0]),
        (statuses, STATUSES.sample_dir / STATUSES.sample_files[0]),
    ):
        path.parent.mkdir(parents=True)
        path.write_bytes(sample.read_bytes())
    return root


def _load(monkeypatch, capsys, target, landing, now, *args) -> list[str]:
    monkeypatch.setattr(loader, "_now", lambda: now)
    code = main([*target, "--landing-root", str(landing), "load", *args])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out.splitlines()


def _snapshot(target, tables=TABLES) -> dict[str, list[tuple]]:
    """Every row the loads wrote, in a stable order."""
    warehouse = _connect(target)
    try:
        snapshot = {
            table: warehouse.execute(f"select * from {table} order by _source_file, _source_line")
            for table in tables
        }
        snapshot["raw._loads"] = warehouse.execute(
            "select * from raw._loads order by raw_table, source_file, status"
        )
        snapshot["raw._rejects"] = warehouse.execute(
            "select * from raw._rejects order by raw_table, source_file, line_number"
        )
        return snapshot
    finally:
        warehouse.close()


def _query(target, sql: str, params: tuple = ()) -> list[tuple]:
    warehouse = _connect(target)
    try:
        return warehouse.execute(sql, params)
    finally:
        warehouse.close()


def test_loading_the_same_files_again_changes_nothing(monkeypatch, capsys, target, landing):
    first = _load(monkeypatch, capsys, target, landing, FIRST)
    assert first[-1].startswith("2 files: 2 loaded, 0 unchanged, 0 refused; ")
    before = _snapshot(target)
    assert all(before[table] for table in TABLES)
    assert [(row[2], row[7]) for row in before["raw._loads"]] == [
        (HOLIDAYS_FILE, FIRST),
        (STATUSES_FILE, FIRST),
    ]

    second = _load(monkeypatch, capsys, target, landing, SECOND)

    assert _snapshot(target) == before  # rows, _loaded_at, raw._loads, raw._rejects
    for dataset, name in ((HOLIDAYS.key, HOLIDAYS_FILE), (STATUSES.dataset.key, STATUSES_FILE)):
        assert any(
            line.split() == [dataset, name, "unchanged", "(already", "loaded",
                             "2025-01-01", "06:00:00),", "skipped"]
            for line in second
        ), second  # fmt: skip
    assert second[-1] == (
        "2 files: 0 loaded, 2 unchanged, 0 refused; input lines 0 = loaded 0 + rejected 0 "
        "(unchanged files not re-read)"
    )


def test_a_file_with_its_recorded_size_and_time_is_not_read(monkeypatch, capsys, target, landing):
    _load(monkeypatch, capsys, target, landing, FIRST)

    def no_read(*args, **kwargs):
        raise AssertionError("an unchanged file was read")

    with monkeypatch.context() as patched:
        for name in ("_plain_file", "_streamed_checksum", "parse_file"):
            patched.setattr(loader, name, no_read)
        out = _load(patched, capsys, target, landing, SECOND)
    assert out[-1].startswith("2 files: 0 loaded, 2 unchanged, 0 refused; ")

    # Same content, a later time: read once (checksum), unchanged, and the
    # new time recorded, so the next load reads nothing again.
    path = landing / HOLIDAYS.key / HOLIDAYS_FILE
    later = path.stat().st_mtime_ns + 60 * 10**9
    os.utime(path, ns=(later, later))
    out = _load(monkeypatch, capsys, target, landing, SECOND)
    assert out[-1].startswith("2 files: 0 loaded, 2 unchanged, 0 refused; ")
    assert _query(
        target, "select file_mtime_ns from raw._loads where source_file = %s", (HOLIDAYS_FILE,)
    ) == [(later,)]
    with monkeypatch.context() as patched:
        for name in ("_plain_file", "_streamed_checksum", "parse_file"):
            patched.setattr(loader, name, no_read)
        out = _load(patched, capsys, target, landing, THIRD)
    assert out[-1].startswith("2 files: 0 loaded, 2 unchanged, 0 refused; ")


def test_a_changed_line_reloads_the_file_and_force_reloads_an_unchanged_one(
    monkeypatch, capsys, target, landing
):
    path = landing / HOLIDAYS.key / HOLIDAYS_FILE
    _load(monkeypatch, capsys, target, landing, FIRST, HOLIDAYS.key)
    table = TABLES[0]
    count = _query(target, f"select count(*) from {table}")[0][0]

    # A corrected line: the same file, one value changed.
    content = gzip.decompress(path.read_bytes())
    assert content.count(b"2006-04-17,2006,M\xc3\xa9tropole,Lundi de P\xc3\xa2ques\n") == 1
    changed = content.replace(b"Lundi de P\xc3\xa2ques\n", b"Lundi de Paques\n", 1)
    path.write_bytes(gzip.compress(changed))
    out = _load(monkeypatch, capsys, target, landing, SECOND, HOLIDAYS.key)

    new_sha = hashlib.sha256(changed).hexdigest()
    assert out[-1].startswith("1 files: 1 loaded, 0 unchanged, 0 refused; ")
    assert _query(
        target,
        f"select _file_checksum, _loaded_at, count(*) from {table} group by 1, 2",
    ) == [(new_sha, SECOND, count)]
    assert _query(
        target,
        f"select annee, nom_jour_ferie from {table} where \"date\" = '2006-04-17'",
    ) == [("2006", "Lundi de Paques")]
    loads = "select source_file, file_checksum, loaded_at, status from raw._loads"
    assert _query(target, loads) == [(HOLIDAYS_FILE, new_sha, SECOND, LOADED)]

    # Unchanged since: skipped, unless forced.
    out = _load(monkeypatch, capsys, target, landing, THIRD, HOLIDAYS.key)
    assert out[-1].startswith("1 files: 0 loaded, 1 unchanged, 0 refused; ")
    assert _query(target, loads) == [(HOLIDAYS_FILE, new_sha, SECOND, LOADED)]
    out = _load(monkeypatch, capsys, target, landing, THIRD, "--force", HOLIDAYS.key)
    assert out[-1].startswith("1 files: 1 loaded, 0 unchanged, 0 refused; ")
    assert _query(target, loads) == [(HOLIDAYS_FILE, new_sha, THIRD, LOADED)]
    assert _query(
        target, f"select _file_checksum, _loaded_at, count(*) from {table} group by 1, 2"
    ) == [(new_sha, THIRD, count)]


def test_a_refusal_does_not_count_as_loaded(monkeypatch, capsys, tmp_path, landing):
    """Back to the version loaded before a refused one: its rows are there,
    so it is unchanged; a refused version is never taken for loaded."""
    target = ["--duckdb-path", str(tmp_path / "w.duckdb")]
    path = landing / HOLIDAYS.key / HOLIDAYS_FILE
    good = path.read_bytes()
    _load(monkeypatch, capsys, target, landing, FIRST, HOLIDAYS.key)

    path.write_bytes(gzip.compress(b"jour;nom\n2024-01-01;1er janvier\n"))
    for now in (SECOND, THIRD):  # refused each time: a refusal is no load
        out = _load(monkeypatch, capsys, target, landing, now, HOLIDAYS.key)
        assert out[-2].startswith("1 files: 0 loaded, 0 unchanged, 1 refused; ")
    path.write_bytes(good)
    out = _load(monkeypatch, capsys, target, landing, THIRD, HOLIDAYS.key)

    assert out[-1].startswith("1 files: 0 loaded, 1 unchanged, 0 refused; ")
    assert _query(target, "select status, loaded_at from raw._loads order by status") == [
        (LOADED, FIRST),
        (REFUSED, THIRD),
    ]


# --- the checksum compared before parsing ------------------------------------


@pytest.mark.parametrize("dataset", [HOLIDAYS, STATUSES.dataset], ids=lambda d: d.key)
def test_streamed_checksum_is_the_recorded_one(tmp_path, dataset):
    sample = (
        HOLIDAYS.sample_dir / HOLIDAYS.sample_files[0]
        if dataset is HOLIDAYS
        else STATUSES.sample_dir / STATUSES.sample_files[0]
    )
    plain = tmp_path / sample.name.removesuffix(".gz")
    plain.write_bytes(gzip.decompress(sample.read_bytes()))
    expected = hashlib.sha256(read_bytes(sample)).hexdigest()

    assert file_checksum(sample) == file_checksum(plain) == expected


def test_streamed_checksum_refuses_what_the_loader_refuses(tmp_path):
    not_gzip = tmp_path / "holidays.csv.gz"
    not_gzip.write_bytes(b"date,annee,zone,nom_jour_ferie\n")
    hidden_gzip = tmp_path / "holidays.csv"
    hidden_gzip.write_bytes(gzip.compress(b"date,annee,zone,nom_jour_ferie\n"))
    truncated = tmp_path / "truncated.csv.gz"
    truncated.write_bytes((HOLIDAYS.sample_dir / HOLIDAYS.sample_files[0]).read_bytes()[:200])

    with pytest.raises(ContentMismatchError, match=r"named \.gz but not gzip"):
        file_checksum(not_gzip)
    with pytest.raises(ContentMismatchError, match=r"the name does not end in \.gz"):
        file_checksum(hidden_gzip)
    with pytest.raises(CorruptFileError, match="not a readable gzip file"):
        file_checksum(truncated)


# --- the "operator stopped sending" alert ------------------------------------


def test_a_refused_file_is_no_delivery_for_the_stale_operator_alert(tmp_path, monkeypatch):
    from orchestration import alerts
    from orchestration.resources import WarehouseResource

    database = tmp_path / "w.duckdb"
    warehouse = connect("duckdb", database)
    try:
        warehouse.ensure_bookkeeping()
        for source_file, loaded_at, status in (
            ("rtet-paca/statuses_old.json.gz", FIRST, LOADED),
            ("rtet-paca/statuses_new.json.gz", THIRD, REFUSED),
        ):
            warehouse.execute(
                "insert into raw._loads (dataset, raw_table, source_file, loaded_at, status) "
                "values ('operators/statuses', 'operators__statuses', %s, %s, %s)",
                (source_file, loaded_at, status),
            )
        warehouse.commit()
    finally:
        warehouse.close()
    monkeypatch.setenv("WATTLAS_OPERATOR_STALE_HOURS", "24")

    stale = alerts.stale_operators(WarehouseResource(duckdb_path=str(database)), THIRD)

    assert stale == [("rtet-paca", str(FIRST))]


# --- the Dagster ingestion asset ----------------------------------------------


def test_ingestion_asset_skips_unchanged_files_by_their_path(tmp_path, monkeypatch, landing):
    """An operator file in a subfolder: known by its path, not its bare name,
    so the second run finds it loaded and writes nothing."""
    import dagster as dg

    from orchestration.assets.ingestion.loading import IngestionConfig, ingest
    from orchestration.resources import WarehouseResource

    nested = landing / "operators" / "rtet-paca" / "statuses" / "2025" / "04"
    nested.mkdir(parents=True)
    (landing / "operators" / "rtet-paca" / "statuses" / STATUSES.sample_files[0]).rename(
        nested / STATUSES.sample_files[0]
    )
    monkeypatch.setenv("WATTLAS_LANDING_ROOT", str(landing))
    database = tmp_path / "w.duckdb"
    target = ["--duckdb-path", str(database)]
    resource = WarehouseResource(duckdb_path=str(database))
    dataset = get_dataset("operators/statuses")
    config = IngestionConfig(mode="landing")

    metadata = []
    for now in (FIRST, SECOND):
        monkeypatch.setattr(loader, "_now", lambda now=now: now)
        result = ingest(dg.build_asset_context(), config, resource, dataset)
        metadata.append(result.metadata)
        if now == FIRST:
            before = _snapshot(target, TABLES[1:])

    assert metadata[0]["files_loaded"] == [f"rtet-paca/2025/04/{STATUSES.sample_files[0]}"]
    assert (metadata[1]["files_loaded"], metadata[1]["files_unchanged"]) == ([], 1)
    assert _snapshot(target, TABLES[1:]) == before
