"""Plain CSV files split by DuckDB land exactly as the line-by-line parser
lands them: same rows, line numbers, NULLs, rejects and reasons, counts.

Each file is loaded twice into one warehouse: by the loader as it is (the
DuckDB split for a plain file), then again with ``force`` through the
parser alone; the two loads' rows, rejects and audit counts must be equal.
"""

import gzip
from pathlib import Path

import pytest

from orchestration.ingestion import loader
from orchestration.ingestion.native_csv import scan
from orchestration.ingestion.registry import DATASETS, get_dataset
from orchestration.ingestion.warehouse import connect
from orchestration.tests.fixture_data import HOLIDAYS

ROOT = Path(__file__).resolve().parents[2]
STATUS_CHANGES = get_dataset("irve/changements_statut")
STATUS_SAMPLE = (
    ROOT / "data/sample/irve/changements_statut"
    / "irve-dynamique-changements-statut_2026-08-14.csv.gz"
)  # fmt: skip

# Every line kind a plain file can hold: records (one with an empty field
# and one with non-ASCII text), an empty line, lines of spaces and of a
# no-break space (blank for Python), short and long lines; no final newline.
PLAIN = (
    "date,annee,zone,nom_jour_ferie\n"
    "2024-01-01,2024,Métropole,1er janvier\n"
    "\n"
    "   \n"
    "\u00a0\n"
    "2024-05-01,2024,Métropole\n"
    "2024-04-01,2024,Métropole,Lundi de Pâques,extra\n"
    "2024-07-14,,Métropole,14 juillet\n"
    "2024-12-25,2024,Métropole,Jour de Noël"
)


def _state(warehouse, dataset, source_file: str) -> dict:
    table = f"raw.{dataset.raw_table}"
    columns = [name for name in warehouse.table_columns(dataset.raw_table) if name != "_loaded_at"]
    column_list = ", ".join(f'"{name}"' for name in columns)
    return {
        "rows": warehouse.execute(
            f"select {column_list} from {table} where _source_file = %s order by _source_line",
            (source_file,),
        ),
        "rejects": warehouse.execute(
            "select dataset, raw_table, source_file, file_checksum, line_number, reason, "
            "raw_text from raw._rejects where source_file = %s order by line_number",
            (source_file,),
        ),
        "loads": warehouse.execute(
            "select input_lines, loaded_rows, rejected_rows, structural_lines, status "
            "from raw._loads where source_file = %s",
            (source_file,),
        ),
    }


def _both_ways(warehouse, dataset, path, monkeypatch, writer="_write_plain_csv", kept=2):
    """(state after the loader, state after the parser alone, argument
    ``kept`` of each call of the DuckDB writer ``writer``)."""
    calls = []
    write = getattr(loader, writer)

    def counting(*args, **kwargs):
        calls.append(args[kept])
        return write(*args, **kwargs)

    monkeypatch.setattr(loader, writer, counting)
    report = loader.load_file(warehouse, dataset, path)
    assert report.balanced
    native = _state(warehouse, dataset, report.source_file)
    monkeypatch.setattr(loader, "_plain_file", lambda *args: None)
    loader.load_file(warehouse, dataset, path, force=True)
    return native, _state(warehouse, dataset, report.source_file), calls


def test_plain_file_lands_as_the_parser_lands_it(warehouse, tmp_path, monkeypatch):
    path = tmp_path / "feries_plain.csv"
    path.write_text(PLAIN, encoding="utf-8")
    native, parsed, splits = _both_ways(warehouse, HOLIDAYS, path, monkeypatch)
    assert len(splits) == 1
    assert native == parsed
    assert native["loads"] == [(8, 3, 5, 0, "loaded")]
    assert [row[:4] for row in native["rows"]] == [
        ("2024-01-01", "2024", "Métropole", "1er janvier"),
        ("2024-07-14", None, "Métropole", "14 juillet"),
        ("2024-12-25", "2024", "Métropole", "Jour de Noël"),
    ]
    assert [(row[4], row[5]) for row in native["rejects"]] == [
        (3, "blank line"),
        (4, "blank line"),
        (5, "blank line"),
        (6, "wrong field count: expected 4, got 3"),
        (7, "wrong field count: expected 4, got 5"),
    ]


@pytest.mark.parametrize(
    "content",
    [
        PLAIN.replace("\n", "\r\n"),  # Windows line ends
        PLAIN.replace("14 juillet", '"14 juillet"'),  # a quote character
    ],
    ids=["crlf", "quoted"],
)
def test_a_file_that_is_not_plain_goes_through_the_parser(
    warehouse, tmp_path, monkeypatch, content
):
    path = tmp_path / "feries.csv"
    path.write_text(content, encoding="utf-8", newline="")
    native, parsed, splits = _both_ways(warehouse, HOLIDAYS, path, monkeypatch)
    assert len(splits) == 0
    assert native == parsed


CSV_SAMPLES = [
    pytest.param(dataset, dataset.sample_dir / name, id=name)
    for dataset in DATASETS.values()
    if dataset.format == "csv"
    for name in dataset.sample_files
]


@pytest.mark.parametrize(("dataset", "path"), CSV_SAMPLES)
def test_every_csv_sample_lands_as_the_parser_lands_it(dataset, path, tmp_path, monkeypatch):
    warehouse = connect("duckdb", tmp_path / "sample.duckdb")
    try:
        native, parsed, splits = _both_ways(warehouse, dataset, path, monkeypatch)
    finally:
        warehouse.close()
    assert native["loads"][0][1] > 0
    assert native == parsed
    if path == STATUS_SAMPLE:  # the national file: plain, so split by DuckDB
        assert (len(splits), native["loads"]) == (1, [(415_661, 415_661, 0, 0, "loaded")])


def test_scan_counts_lines_as_the_parser_splits_them(tmp_path):
    for content, lines, last in [
        (b"a,b\n1,2\n", 2, b"1,2"),
        (b"a,b\n1,2", 2, b"1,2"),
        (b"a,b\n1,2\n\n", 3, b""),
        (b"a,b\n", 1, b"a,b"),
    ]:
        path = tmp_path / "scan.csv.gz"
        path.write_bytes(gzip.compress(content))
        found = scan(path, HOLIDAYS)
        assert (found.lines, found.header, found.last_line) == (lines, b"a,b", last)
        assert found.lines == len(content.split(b"\n")) - (content.endswith(b"\n"))
