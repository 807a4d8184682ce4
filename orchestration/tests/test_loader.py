"""Loading into raw tables: lineage, rejects, audit counts and idempotency."""

import gzip
import hashlib

import pytest

from orchestration.ingestion.loader import LoadReport, ensure_empty_tables, load_file
from orchestration.ingestion.parsing import HeaderMismatchError
from orchestration.ingestion.registry import DATASETS, UnknownDatasetError, get_dataset
from orchestration.ingestion.warehouse import LINEAGE_COLUMNS, connect
from orchestration.tests.fixture_data import FIXTURES, HOLIDAYS, MALFORMED_BYTES

TABLE = "raw.etalab__jours_feries_metropole"
MALFORMED_SHA = hashlib.sha256(MALFORMED_BYTES).hexdigest()


def _rows(warehouse, table=TABLE, file="jours_feries_malformed.csv"):
    return warehouse.execute(
        "select date, annee, zone, nom_jour_ferie, _source_file, _source_line, _file_checksum "
        f"from {table} where _source_file = %s order by _source_line",
        (file,),
    )


def _count(warehouse, sql):
    return warehouse.execute(sql)[0][0]


def test_malformed_file_loads_good_lines_and_rejects_bad_ones(warehouse, malformed_csv):
    report = load_file(warehouse, HOLIDAYS, malformed_csv)

    assert report == LoadReport(
        dataset="etalab/jours_feries_metropole",
        raw_table=TABLE,
        source_file="jours_feries_malformed.csv",
        input_lines=9,
        loaded_rows=3,
        rejected_rows=6,
    )
    assert report.balanced
    lineage = ("jours_feries_malformed.csv",)
    assert _rows(warehouse) == [
        ("2024-01-01", "2024", "Métropole", "1er janvier", *lineage, 2, MALFORMED_SHA),
        (
            "2024-07-14",
            "2024",
            "Métropole",
            "14 juillet, fête nationale",
            *lineage,
            8,
            MALFORMED_SHA,
        ),
        ("2024-12-25", "2024", "Métropole", "Jour de Noël", *lineage, 9, MALFORMED_SHA),
    ]
    rejects = warehouse.execute(
        "select dataset, raw_table, source_file, file_checksum, line_number, reason, raw_text "
        "from raw._rejects order by line_number"
    )
    context = ("etalab/jours_feries_metropole", "etalab__jours_feries_metropole", *lineage)
    assert rejects == [
        (
            *context,
            MALFORMED_SHA,
            3,
            "wrong field count: expected 4, got 5",
            "2024-04-01,2024,Métropole,Lundi de Pâques,extra",
        ),
        (
            *context,
            MALFORMED_SHA,
            4,
            "wrong field count: expected 4, got 3",
            "2024-05-01,2024,Métropole",
        ),
        (
            *context,
            MALFORMED_SHA,
            5,
            "undecodable bytes: invalid utf-8 at byte 17",
            "2024-05-08,2024,M\\xe9tropole,8 mai",
        ),
        (
            *context,
            MALFORMED_SHA,
            6,
            "broken quoting: unexpected end of data",
            '2024-05-09,2024,Métropole,"Ascension',
        ),
        # Empty text loads as NULL on both engines, like empty raw values.
        (*context, MALFORMED_SHA, 7, "blank line", None),
        (
            *context,
            MALFORMED_SHA,
            10,
            "NUL byte in line",
            "2024-11-11,2024,Métropole,11 nov\\x00embre",
        ),
    ]
    loads = warehouse.execute(
        "select dataset, raw_table, source_file, file_checksum, input_lines, loaded_rows, "
        "rejected_rows, loaded_at from raw._loads"
    )
    assert len(loads) == 1
    assert loads[0][:7] == (*context, MALFORMED_SHA, 9, 3, 6)
    loaded_at = loads[0][7]
    # One load, one timestamp, on rows, rejects and the audit line alike.
    assert warehouse.execute(f"select distinct _loaded_at from {TABLE}") == [(loaded_at,)]
    assert warehouse.execute("select distinct loaded_at from raw._rejects") == [(loaded_at,)]


def test_loading_twice_keeps_one_copy_and_a_changed_file_replaces_it(
    warehouse, malformed_csv, tmp_path
):
    other = FIXTURES / "jours_feries_metropole_2024.csv"
    load_file(warehouse, HOLIDAYS, other)
    load_file(warehouse, HOLIDAYS, malformed_csv)
    load_file(warehouse, HOLIDAYS, malformed_csv, force=True)  # read and written again

    assert _count(warehouse, f"select count(*) from {TABLE}") == 11 + 3
    assert _count(warehouse, "select count(*) from raw._rejects") == 6
    assert _count(warehouse, "select count(*) from raw._loads") == 2

    corrected = "date,annee,zone,nom_jour_ferie\n2025-01-01,2025,Métropole,1er janvier\n"
    corrected += "2025-12-25,2025,Métropole,Jour de Noël\n"
    malformed_csv.write_bytes(corrected.encode())
    report = load_file(warehouse, HOLIDAYS, malformed_csv)

    corrected_sha = hashlib.sha256(corrected.encode()).hexdigest()
    assert (report.input_lines, report.loaded_rows, report.rejected_rows) == (2, 2, 0)
    assert _rows(warehouse) == [
        ("2025-01-01", "2025", "Métropole", "1er janvier", malformed_csv.name, 2, corrected_sha),
        ("2025-12-25", "2025", "Métropole", "Jour de Noël", malformed_csv.name, 3, corrected_sha),
    ]
    assert _count(warehouse, "select count(*) from raw._rejects") == 0
    assert warehouse.execute(
        "select source_file, input_lines, loaded_rows, rejected_rows from raw._loads "
        "order by source_file"
    ) == [(malformed_csv.name, 2, 2, 0), (other.name, 11, 11, 0)]
    # The other file's rows were left alone.
    assert _count(warehouse, f"select count(*) from {TABLE}") == 11 + 2


def test_header_mismatch_writes_nothing_and_keeps_previous_rows(warehouse, malformed_csv):
    load_file(warehouse, HOLIDAYS, malformed_csv)
    malformed_csv.write_bytes(b"jour;nom\n2024-01-01;1er janvier\n")

    with pytest.raises(HeaderMismatchError, match="missing columns"):
        load_file(warehouse, HOLIDAYS, malformed_csv)

    assert len(_rows(warehouse)) == 3
    assert _count(warehouse, "select count(*) from raw._rejects") == 6


def test_missing_file_raises(tmp_path):
    warehouse = connect("duckdb", tmp_path / "test.duckdb")
    try:
        with pytest.raises(FileNotFoundError, match=r"absent\.csv"):
            load_file(warehouse, HOLIDAYS, tmp_path / "absent.csv")
    finally:
        warehouse.close()


def test_unknown_dataset_raises_with_the_known_keys():
    with pytest.raises(UnknownDatasetError) as raised:
        get_dataset("etalab/jours_feries")

    message = str(raised.value)
    assert message.startswith("unknown dataset 'etalab/jours_feries'; known datasets: ")
    assert "etalab/jours_feries_metropole" in message


def test_ensure_empty_tables_creates_every_raw_table(tmp_path):
    warehouse = connect("duckdb", tmp_path / "test.duckdb")
    try:
        ensure_empty_tables(warehouse, list(DATASETS.values()))
        for dataset in DATASETS.values():
            expected = [*dataset.declared_columns, *LINEAGE_COLUMNS]
            if dataset.operator_feed:
                expected.insert(len(dataset.declared_columns), "_operator")
            assert warehouse.table_columns(dataset.raw_table) == expected
            assert _count(warehouse, f"select count(*) from raw.{dataset.raw_table}") == 0
    finally:
        warehouse.close()


# --- every shipped sample file ------------------------------------------------

# CSV samples of the foundation; the IRVE/QualiCharge and operator samples are
# checked in test_json_loading.py.
SAMPLE_FILES = [
    (dataset, dataset.sample_dir / name)
    for dataset in DATASETS.values()
    if dataset.source not in ("irve", "qualicharge", "operators")
    for name in dataset.sample_files
]


@pytest.fixture(scope="module")
def sample_warehouse(tmp_path_factory):
    warehouse = connect("duckdb", tmp_path_factory.mktemp("sample") / "sample.duckdb")
    yield warehouse
    warehouse.close()


def test_every_dataset_with_a_url_or_sample_is_covered():
    # Only the real-time éCO2mix feed ships no sample (it is too large).
    # Also without a sample: the national static IRVE file (none found), the
    # QualiCharge statuses (too large), and the operator feeds, whose samples
    # are declared per operator in operators.py.
    without_sample = [key for key, dataset in DATASETS.items() if not dataset.sample_files]
    assert without_sample == [
        "odre/eco2mix_regional_tr", "qualicharge/statuses", "irve/consolidation_statique",
        "operators/statique", "operators/statuses", "operators/sessions",
    ]  # fmt: skip
    assert len(SAMPLE_FILES) == 15


@pytest.mark.parametrize(
    ("dataset", "path"), SAMPLE_FILES, ids=[dataset.key for dataset, _ in SAMPLE_FILES]
)
def test_sample_file_line_counts_balance(sample_warehouse, dataset, path):
    with gzip.open(path, "rb") as handle:
        physical_lines = sum(1 for _ in handle)

    report = load_file(sample_warehouse, dataset, path)

    assert report.input_lines == physical_lines - 1  # minus the header
    assert report.input_lines == report.loaded_rows + report.rejected_rows
    table = f"raw.{dataset.raw_table}"
    assert _count(sample_warehouse, f"select count(*) from {table}") == report.loaded_rows
    rejected = sample_warehouse.execute(
        "select count(*) from raw._rejects where raw_table = %s", (dataset.raw_table,)
    )
    assert rejected == [(report.rejected_rows,)]
    audit = sample_warehouse.execute(
        "select input_lines, loaded_rows, rejected_rows from raw._loads where raw_table = %s",
        (dataset.raw_table,),
    )
    assert audit == [(report.input_lines, report.loaded_rows, report.rejected_rows)]
