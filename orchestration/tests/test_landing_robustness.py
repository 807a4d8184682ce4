"""A landing folder as it really gets: strays, refused files, same names in
subfolders, misnamed content, concurrent loaders.

Every data line comes from the shipped sample (``data/sample``, gzip): the
header and the first lines of a real file, never invented values.
"""

import gzip
import io
import multiprocessing
import subprocess
import sys
import time
import traceback
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from orchestration.ingestion.cli import main
from orchestration.ingestion.loader import load_file, source_file_name
from orchestration.ingestion.operators import get_operator_feed
from orchestration.ingestion.parsing import ContentMismatchError
from orchestration.ingestion.registry import REPO_ROOT, get_dataset
from orchestration.ingestion.warehouse import PostgresWarehouse, connect

ECO2MIX = get_dataset("odre/eco2mix_regional_cons_def")
CHANGES = get_dataset("irve/changements_statut")
HOLIDAYS = get_dataset("etalab/jours_feries_metropole")
SESSIONS = get_dataset("qualicharge/sessions")
ECO2MIX_TABLE = f"raw.{ECO2MIX.raw_table}"


def sample_path(dataset) -> Path:
    return dataset.sample_dir / dataset.sample_files[0]


def sample_lines(dataset) -> list[bytes]:
    """The physical lines of the dataset's first sample file (header first)."""
    return gzip.decompress(sample_path(dataset).read_bytes()).split(b"\n")


def excerpt(dataset, first: int = 1, count: int = 3, header: bool = True) -> bytes:
    """The header (for CSV) and ``count`` real lines from line ``first`` on
    (1 = the first data line)."""
    lines = sample_lines(dataset)
    body = lines[first : first + count]
    return b"\n".join(([lines[0]] if header else []) + body) + b"\n"


def put(landing: Path, relative: str, content: bytes) -> Path:
    path = landing / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def load(capsys, landing: Path, database: Path, *args: str) -> tuple[int, list[str], str]:
    code = main(["--landing-root", str(landing), "--duckdb-path", str(database), "load", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def query(database: Path, sql: str) -> list[tuple]:
    warehouse = connect("duckdb", database)
    try:
        return warehouse.execute(sql)
    finally:
        warehouse.close()


# --- strays and refused files never stop the load ------------------------------


def test_stray_file_and_misspelled_folder_are_named_and_the_rest_loads(tmp_path, capsys):
    landing = tmp_path / "landing"
    # The stray sits in the first dataset folder in load order: every
    # dataset after it must still load.
    put(landing, f"{HOLIDAYS.key}/README.txt", b"Files from data.gouv.fr, see SOURCES.md\n")
    put(landing, f"{HOLIDAYS.key}/jours_feries.csv", excerpt(HOLIDAYS, count=2))
    put(landing, f"{CHANGES.key}/changes.csv", excerpt(CHANGES))
    put(landing, f"{ECO2MIX.key}/eco2mix.csv", excerpt(ECO2MIX))
    put(landing, "odre/eco2mix_regional_cons_deff/eco2mix.csv", excerpt(ECO2MIX, first=4))
    database = tmp_path / "w.duckdb"

    code, out, err = load(capsys, landing, database)

    assert code == 0, err
    readme = f"{HOLIDAYS.key}/README.txt"
    misspelled = "odre/eco2mix_regional_cons_deff/"
    assert f"warning: skipped {landing}/{readme} (unknown file" in err
    assert (
        f"warning: skipped {landing}/{misspelled} (unknown folder: no dataset "
        "'odre/eco2mix_regional_cons_deff', did you mean 'odre/eco2mix_regional_cons_def'?)"
    ) in err
    assert (
        out[-2]
        == "3 files: 3 loaded, 0 unchanged, 0 refused; input lines 8 = loaded 8 + rejected 0"
    )
    assert out[-1].startswith("WARNING: not loaded: 2 skipped in the landing folder: ")
    assert readme in out[-1] and misspelled in out[-1]
    assert query(database, f"select count(*) from {ECO2MIX_TABLE}") == [(3,)]
    assert query(database, f"select count(*) from raw.{CHANGES.raw_table}") == [(3,)]
    assert query(database, f"select count(*) from raw.{HOLIDAYS.raw_table}") == [(2,)]
    # Skipped entries are not files of any dataset: nothing in raw._loads.
    assert query(database, "select count(*) from raw._loads where status <> 'loaded'") == [(0,)]


def api_field_header(dataset) -> bytes:
    """The sample's header as the publisher's API names the fields: labels
    without their unit, so ``Consommation (MW)`` becomes ``consommation``."""
    header = sample_lines(dataset)[0].decode("utf-8-sig")
    return ";".join(
        label.split(" (")[0].lower().replace(" ", "_") for label in header.split(";")
    ).encode()


def test_refused_header_is_recorded_with_its_reason_and_the_rest_loads(tmp_path, capsys):
    landing = tmp_path / "landing"
    put(landing, f"{ECO2MIX.key}/a_eco2mix.csv", excerpt(ECO2MIX))
    api_lines = [api_field_header(ECO2MIX), *sample_lines(ECO2MIX)[4:7]]
    put(landing, f"{ECO2MIX.key}/b_eco2mix_api.csv", b"\n".join(api_lines) + b"\n")
    put(landing, f"{CHANGES.key}/changes.csv", excerpt(CHANGES))
    database = tmp_path / "w.duckdb"

    code, out, err = load(capsys, landing, database)

    assert code == 0, err
    refused_line = next(line for line in out if "REFUSED" in line)
    assert "b_eco2mix_api.csv" in refused_line
    assert "missing columns ['consommation_mw'," in refused_line
    assert out[-1].startswith("WARNING: not loaded: 1 refused")
    assert f"{ECO2MIX.key}: b_eco2mix_api.csv" in out[-1]
    loads = query(
        database,
        "select raw_table, source_file, status, input_lines, loaded_rows, rejected_rows, "
        "file_checksum is null, refusal_reason from raw._loads order by raw_table, source_file",
    )
    assert [row[:7] for row in loads] == [
        (CHANGES.raw_table, "changes.csv", "loaded", 3, 3, 0, False),
        (ECO2MIX.raw_table, "a_eco2mix.csv", "loaded", 3, 3, 0, False),
        (ECO2MIX.raw_table, "b_eco2mix_api.csv", "refused", 0, 0, 0, True),
    ]
    assert loads[2][7].startswith(
        "b_eco2mix_api.csv: header does not match dataset odre/eco2mix_regional_cons_def: "
        "missing columns ['consommation_mw', "
    )
    assert [row[7] for row in loads[:2]] == [None, None]
    assert query(database, f"select count(*) from {ECO2MIX_TABLE}") == [(3,)]


def test_refused_new_version_keeps_the_loaded_one_and_one_refusal_line(tmp_path, capsys):
    landing = tmp_path / "landing"
    landed = put(landing, f"{ECO2MIX.key}/eco2mix.csv", excerpt(ECO2MIX))
    database = tmp_path / "w.duckdb"
    assert load(capsys, landing, database, ECO2MIX.key)[0] == 0

    landed.write_bytes(b"\n".join([api_field_header(ECO2MIX), *sample_lines(ECO2MIX)[1:4]]))
    for _ in range(2):  # refused twice: still one refusal line
        code, out, _ = load(capsys, landing, database, ECO2MIX.key)
        assert code == 0
        assert out[-1].startswith("WARNING: not loaded: 1 refused")

    # The version loaded before is still there, and said so.
    assert query(database, "select status, loaded_rows from raw._loads order by status") == [
        ("loaded", 3),
        ("refused", 0),
    ]
    assert query(database, f"select count(*) from {ECO2MIX_TABLE}") == [(3,)]

    landed.write_bytes(excerpt(ECO2MIX, first=4, count=2))  # corrected: replaces both lines
    assert load(capsys, landing, database, ECO2MIX.key)[0] == 0
    assert query(database, "select status, loaded_rows from raw._loads") == [("loaded", 2)]


def test_loads_table_of_an_older_warehouse_gets_the_new_columns(tmp_path):
    database = tmp_path / "w.duckdb"
    warehouse = connect("duckdb", database)
    try:
        # raw._loads as the loader created it before status, refusal_reason
        # and the file's size and time.
        warehouse.execute("create schema raw")
        warehouse.execute(
            "create table raw._loads (dataset text, raw_table text, source_file text, "
            "file_checksum text, input_lines integer, loaded_rows integer, "
            "rejected_rows integer, loaded_at timestamp, structural_lines integer)"
        )
        warehouse.execute(
            "insert into raw._loads values ('odre/x', 'odre__x', 'old.csv', 'abc', 1, 1, 0, "
            "'2025-01-01 00:00:00', 0)"
        )
        warehouse.commit()
        load_file(warehouse, ECO2MIX, put(tmp_path, "eco2mix.csv", excerpt(ECO2MIX)))

        assert warehouse.table_columns("_loads")[-4:] == [
            "status", "refusal_reason", "file_size", "file_mtime_ns"
        ]  # fmt: skip
        assert warehouse.execute(
            "select source_file, status, refusal_reason, file_size is null "
            "from raw._loads order by source_file"
        ) == [("eco2mix.csv", "loaded", None, False), ("old.csv", "loaded", None, True)]
    finally:
        warehouse.close()


# --- a file is its path under the dataset folder -------------------------------


def test_same_name_in_two_subfolders_is_two_files(tmp_path, capsys):
    landing = tmp_path / "landing"
    put(landing, f"{ECO2MIX.key}/2024/01/eco2mix.csv", excerpt(ECO2MIX, first=1))
    put(landing, f"{ECO2MIX.key}/2024/02/eco2mix.csv", excerpt(ECO2MIX, first=4))
    database = tmp_path / "w.duckdb"

    code, out, err = load(capsys, landing, database, ECO2MIX.key)
    assert code == 0, err
    assert (
        out[-1]
        == "2 files: 2 loaded, 0 unchanged, 0 refused; input lines 6 = loaded 6 + rejected 0"
    )
    # Loading again skips both; forced, both are read again: one copy each either way.
    code, out, err = load(capsys, landing, database, ECO2MIX.key)
    assert code == 0, err
    assert out[-1].startswith("2 files: 0 loaded, 2 unchanged, 0 refused; input lines 0 ")
    code, out, err = load(capsys, landing, database, "--force", ECO2MIX.key)
    assert code == 0, err
    assert (
        out[-1]
        == "2 files: 2 loaded, 0 unchanged, 0 refused; input lines 6 = loaded 6 + rejected 0"
    )

    assert query(
        database,
        f"select _source_file, count(*), min(_source_line) from {ECO2MIX_TABLE} "
        "group by 1 order by 1",
    ) == [("2024/01/eco2mix.csv", 3, 2), ("2024/02/eco2mix.csv", 3, 2)]
    assert query(database, f"select count(distinct date_heure) from {ECO2MIX_TABLE}") == [(6,)]
    assert query(database, "select source_file from raw._loads order by 1") == [
        ("2024/01/eco2mix.csv",),
        ("2024/02/eco2mix.csv",),
    ]


def test_operator_file_in_a_subfolder_keeps_the_operator_prefix(tmp_path, capsys):
    feed = get_operator_feed("rtet-paca", "statuses")
    landing = tmp_path / "landing"
    relative = f"operators/rtet-paca/statuses/2025/04/{feed.sample_files[0]}"
    put(landing, relative, (feed.sample_dir / feed.sample_files[0]).read_bytes())
    database = tmp_path / "w.duckdb"

    code, _, err = load(capsys, landing, database, "operators/statuses")

    assert code == 0, err
    assert query(database, "select distinct _source_file from raw.operators__statuses") == [
        (f"rtet-paca/2025/04/{feed.sample_files[0]}",)
    ]


def test_sample_files_keep_their_recorded_names(tmp_path, capsys):
    """dbt tests and docs name sample files by ``_source_file``: unchanged."""
    database = tmp_path / "w.duckdb"
    for key in (ECO2MIX.key, "operators/statuses"):
        assert load(capsys, tmp_path / "none", database, "--sample", key)[0] == 0

    assert query(database, f"select distinct _source_file from {ECO2MIX_TABLE}") == [
        (ECO2MIX.sample_files[0],)
    ]
    feed = get_operator_feed("rtet-paca", "statuses")
    assert query(
        database, "select distinct _source_file from raw.operators__statuses order by 1"
    ) == [(f"rtet-paca/{name}",) for name in sorted(feed.sample_files)]
    assert source_file_name(ECO2MIX, tmp_path / "elsewhere" / "f.csv") == "f.csv"


# --- content is sniffed, not trusted from the name --------------------------------


def _zip_of(name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


def test_xlsx_holding_csv_text_is_refused_with_its_reason(tmp_path, capsys):
    landing = tmp_path / "landing"
    put(landing, f"{ECO2MIX.key}/export.xlsx", excerpt(ECO2MIX))
    put(landing, f"{ECO2MIX.key}/eco2mix.csv", excerpt(ECO2MIX, first=4))
    database = tmp_path / "w.duckdb"

    code, _, err = load(capsys, landing, database, ECO2MIX.key)

    assert code == 0, err
    assert query(database, "select source_file, status, refusal_reason from raw._loads") == [
        ("eco2mix.csv", "loaded", None),
        (
            "export.xlsx",
            "refused",
            "export.xlsx: content is delimited text, not what a .xlsx file holds; .xlsx "
            "files are not loaded, dataset odre/eco2mix_regional_cons_def reads delimited "
            "text (CSV)",
        ),
    ]
    assert query(database, f"select count(*) from {ECO2MIX_TABLE}") == [(3,)]
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        pytest.param(
            "eco2mix.csv.gz", excerpt(ECO2MIX), "named .gz but not gzip-compressed", id="fake-gz"
        ),
        pytest.param(
            "eco2mix.csv",
            gzip.compress(excerpt(ECO2MIX)),
            "gzip-compressed content but the name does not end in .gz",
            id="gzip-as-csv",
        ),
        pytest.param(
            "eco2mix.csv",
            _zip_of("eco2mix.csv", excerpt(ECO2MIX)),
            "content is a zip archive (xlsx and ods workbooks are zip archives), "
            "but the name says .csv",
            id="zip-as-csv",
        ),
        pytest.param(
            "eco2mix.zip",
            _zip_of("eco2mix.csv", excerpt(ECO2MIX)),
            "content is a zip archive (xlsx and ods workbooks are zip archives); "
            ".zip files are not loaded",
            id="zip",
        ),
        pytest.param(
            "eco2mix.json",
            excerpt(ECO2MIX),
            "content is delimited text, but the name says .json",
            id="csv-as-json",
        ),
        pytest.param(
            "eco2mix.csv",
            b"<!DOCTYPE html>\n<html><body>503 Service Unavailable</body></html>\n",
            "content is an HTML or XML page, but the name says .csv",
            id="error-page",
        ),
        pytest.param(
            "sessions.csv",
            excerpt(SESSIONS, first=0, header=False),
            "content is JSON objects, but the name says .csv",
            id="jsonl-as-csv",
        ),
    ],
)
def test_content_that_contradicts_the_name_or_the_dataset_is_refused(
    tmp_path, name, content, reason
):
    path = put(tmp_path, name, content)
    warehouse = connect("duckdb", tmp_path / "w.duckdb")
    try:
        with pytest.raises(ContentMismatchError) as raised:
            load_file(warehouse, ECO2MIX, path)
    finally:
        warehouse.close()
    assert str(raised.value).startswith(f"{name}: ")
    assert reason in str(raised.value)


def test_json_lines_for_a_csv_dataset_and_csv_for_a_json_dataset_are_refused(tmp_path):
    jsonl = put(tmp_path, "sessions.json", excerpt(SESSIONS, first=0, header=False))
    csv = put(tmp_path, "eco2mix.csv", excerpt(ECO2MIX))
    warehouse = connect("duckdb", tmp_path / "w.duckdb")
    try:
        with pytest.raises(ContentMismatchError, match="expects delimited text"):
            load_file(warehouse, ECO2MIX, jsonl)
        with pytest.raises(ContentMismatchError, match="expects JSON lines"):
            load_file(warehouse, SESSIONS, csv)
        # The right pairs load.
        assert load_file(warehouse, SESSIONS, jsonl).loaded_rows == 3
        assert load_file(warehouse, ECO2MIX, csv).loaded_rows == 3
    finally:
        warehouse.close()


# --- concurrent loaders -------------------------------------------------------------


def test_second_duckdb_writer_gets_one_clear_line(tmp_path):
    database = tmp_path / "w.duckdb"
    holder = connect("duckdb", database)  # this process keeps the file open
    try:
        result = subprocess.run(
            [sys.executable, "-m", "orchestration.ingestion", "--duckdb-path", str(database),
             "load", "--sample", HOLIDAYS.key],
            cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    finally:
        holder.close()

    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"error: the DuckDB warehouse {database} is open for writing")
    assert "DuckDB allows one writer at a time" in result.stderr


def _landing_with_the_eco2mix_sample(tmp_path: Path) -> Path:
    landing = tmp_path / "landing"
    put(landing, f"{ECO2MIX.key}/{ECO2MIX.sample_files[0]}", sample_path(ECO2MIX).read_bytes())
    return landing


ECO2MIX_DATA_LINES = 17568  # the sample's lines after the header
ECO2MIX_SAMPLE_TOTAL = (
    f"1 files: 1 loaded, 0 unchanged, 0 refused; input lines {ECO2MIX_DATA_LINES} "
    f"= loaded {ECO2MIX_DATA_LINES} + rejected 0"
)
UNCHANGED_TOTAL = (
    "1 files: 0 loaded, 1 unchanged, 0 refused; input lines 0 = loaded 0 + rejected 0 "
    "(unchanged files not re-read)"
)
# Of concurrent loads of one new file, one loads it, the others find it loaded.
ONE_LOADED_THE_OTHERS_UNCHANGED = sorted([ECO2MIX_SAMPLE_TOTAL, UNCHANGED_TOTAL, UNCHANGED_TOTAL])


def _assert_one_copy_of_the_eco2mix_sample() -> None:
    data_lines = ECO2MIX_DATA_LINES
    assert len(sample_lines(ECO2MIX)) == 1 + data_lines + 1  # header, lines, final newline
    warehouse = connect("postgres")
    try:
        assert warehouse.execute(
            f"select _source_file, count(*), count(distinct _source_line) from {ECO2MIX_TABLE} "
            "group by 1"
        ) == [(ECO2MIX.sample_files[0], data_lines, data_lines)]
        assert warehouse.execute(
            "select source_file, status, input_lines, loaded_rows from raw._loads"
        ) == [(ECO2MIX.sample_files[0], "loaded", data_lines, data_lines)]
    finally:
        warehouse.close()


def test_concurrent_cli_loads_on_an_empty_postgres_leave_one_copy(postgres_database, tmp_path):
    landing = _landing_with_the_eco2mix_sample(tmp_path)
    command = [sys.executable, "-m", "orchestration.ingestion", "--target", "postgres",
               "--landing-root", str(landing), "load", ECO2MIX.key]  # fmt: skip
    loaders = [
        subprocess.Popen(
            command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(3)
    ]
    results = [(*loader.communicate(timeout=300), loader.returncode) for loader in loaders]

    for _, err, code in results:
        assert code == 0, err
        assert "Traceback" not in err
    assert sorted(out.splitlines()[-1] for out, _, _ in results) == ONE_LOADED_THE_OTHERS_UNCHANGED
    _assert_one_copy_of_the_eco2mix_sample()


def _load_after(barrier, landing: str, results) -> None:
    """One loader process: start with the others, report code and output."""
    out, err = io.StringIO(), io.StringIO()
    try:
        barrier.wait(timeout=60)
        with redirect_stdout(out), redirect_stderr(err):
            code = main(["--target", "postgres", "--landing-root", landing, "load", ECO2MIX.key])
    except BaseException:  # the parent asserts on it
        code, err = -1, io.StringIO(err.getvalue() + traceback.format_exc())
    results.put((code, out.getvalue(), err.getvalue()))


def test_loads_released_together_run_one_after_the_other(postgres_database, tmp_path):
    """Three loaders started at the same instant on an empty database, their
    table lock held by the test until all three are waiting for it."""
    import psycopg2

    landing = _landing_with_the_eco2mix_sample(tmp_path)
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(3), context.Queue()
    holder = psycopg2.connect("")
    cursor = holder.cursor()
    cursor.execute(
        "select pg_advisory_xact_lock(hashtext(%s))",
        (PostgresWarehouse.TABLE_LOCK + ECO2MIX.raw_table,),
    )
    workers = [
        context.Process(target=_load_after, args=(barrier, str(landing), results)) for _ in range(3)
    ]
    for worker in workers:
        worker.start()
    try:
        waiting = 0
        for _ in range(600):  # until the three wait on the table lock (or gave up)
            cursor.execute(
                "select count(*) from pg_locks where locktype = 'advisory' and not granted"
            )
            waiting = cursor.fetchone()[0]
            if waiting == 3 or not any(worker.is_alive() for worker in workers):
                break
            time.sleep(0.1)
    finally:
        holder.commit()  # releases the lock
        holder.close()
    outcomes = [results.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)

    assert waiting == 3
    for code, _, err in outcomes:
        assert code == 0, err
        assert f"waiting: another load into {ECO2MIX_TABLE} is running" in err
    # All three parsed the file before the lock: two find it loaded once they hold it.
    last_lines = sorted(out.splitlines()[-1] for _, out, _ in outcomes)
    assert last_lines == ONE_LOADED_THE_OTHERS_UNCHANGED
    _assert_one_copy_of_the_eco2mix_sample()
