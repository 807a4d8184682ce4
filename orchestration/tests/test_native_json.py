"""JSON lines files read by DuckDB land exactly as the JSON parser lands
them: same rows, columns and their order, line numbers, NULLs, rejects and
reasons, counts.

Each file is loaded twice into one warehouse: by the loader as it is
(DuckDB, the parser's line decoder for the unusual lines only), then again
with ``force`` through the parser alone; the two loads must be equal.
"""

import gzip

import pytest

from orchestration.ingestion.registry import DATASETS, get_dataset
from orchestration.ingestion.warehouse import connect
from orchestration.tests.test_native_csv import _both_ways as both_ways

SESSIONS = get_dataset("qualicharge/sessions")

# Every kind of line: flat objects (numbers in several spellings, strings
# with non-ASCII text and escapes, "" and null, true, an extra key first
# seen late, white space around), then lines the decoder must see: a
# nested value, a repeated key, a missing required key, invalid JSON, NaN
# (which DuckDB's JSON reader accepts), a trailing comma, not an object, a
# control character in a string, leading no-break space, a surrogate pair,
# an escaped NUL, blank lines.
LINES = [
    '{"energy": 47.64, "start": 1788298147000, "end": 1788302066000, "id_pdc_itinerance": "FRA"}',
    '{"energy": 1.50, "start": "2026-09-01T10:00:00+02:00", "end": -0, "id_pdc_itinerance": "é"}',
    '  {"energy":1.5e3,"start":"","end":null,"id_pdc_itinerance":"FRB","flag":true}\t',
    '{"energy": 0, "start": 1, "end": 2, "id_pdc_itinerance": "a\\"b"}',
    '{"energy": 3, "start": 1, "end": 2, "id_pdc_itinerance": "\\u00e9t\\u00e9"}',
    '{"energy": 3, "start": 1, "end": 2, "id_pdc_itinerance": "FRC", "extra": [1, 2.50]}',
    '{"energy": 3, "start": 1, "end": 2, "id_pdc_itinerance": "FRD", "energy": 4}',
    '{"energy": 3, "start": 1, "end": 2}',
    '{"energy": 3, "start": 1, "end": 2, "id_pdc_itinerance": "FRE"',
    '{"energy": NaN, "start": 1, "end": 2, "id_pdc_itinerance": "FRF"}',
    '{"energy": 3, "start": 1, "end": 2, "id_pdc_itinerance": "FRG",}',
    "[1, 2]",
    '{"energy": 3, "start": 1, "end": 2, "id_pdc_itinerance": "F\tH"}',
    '\u00a0{"energy": 01, "start": 1, "end": 2, "id_pdc_itinerance": "FRI"}',
    '\u00a0{"energy": 1, "start": 1, "end": 2, "id_pdc_itinerance": "FRJ", "Late Key": "x"}',
    "",
    "   ",
    '{"energy": 2, "start": 1, "end": 2, "id_pdc_itinerance": "a\\/b\\n\\u00e9\\u0001\\\\"}',
    '{"energy": 2, "start": 1, "end": 2, "id_pdc_itinerance": "\\ud83d\\ude00"}',
    '{"energy": 2, "start": 1, "end": 2, "id_pdc_itinerance": "a\\u0000"}',
    '{"energy": 2, "start": 1, "end": 2, "id_pdc_itinerance": "FRK", "late_key": "y"}',
]


def _both_ways(warehouse, dataset, path, monkeypatch) -> tuple[dict, dict, list]:
    """(state after the loader, state after the parser alone, what each
    DuckDB read staged)."""
    return both_ways(warehouse, dataset, path, monkeypatch, "_write_json_lines", kept=3)


def test_json_lines_land_as_the_parser_lands_them(warehouse, tmp_path, monkeypatch):
    path = tmp_path / "sessions.json.gz"
    path.write_bytes(gzip.compress(("\n".join(LINES) + "\n").encode("utf-8")))
    native, parsed, reads = _both_ways(warehouse, SESSIONS, path, monkeypatch)
    assert [staged.flat_lines for staged in reads] == [7]  # lines 1-5, 18 and 21
    assert native == parsed
    assert native["loads"] == [(21, 10, 11, 0, "loaded")]
    columns = [name for name in warehouse.table_columns(SESSIONS.raw_table) if name[0] != "_"]
    assert columns == [*SESSIONS.declared_columns, "flag", "extra", "late_key"]
    assert len(native["rows"]) == 10
    assert [row[4] for row in native["rejects"]] == [7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 20]


def test_a_file_with_carriage_returns_goes_through_the_parser(warehouse, tmp_path, monkeypatch):
    path = tmp_path / "sessions.json"
    path.write_bytes(("\r\n".join(LINES[:3]) + "\r\n").encode("utf-8"))
    native, parsed, reads = _both_ways(warehouse, SESSIONS, path, monkeypatch)
    assert reads == []
    assert native == parsed


JSON_LINES_SAMPLES = [
    pytest.param(dataset, dataset.sample_dir / name, id=name)
    for dataset in DATASETS.values()
    if dataset.format == "jsonl" and not dataset.operator_feed
    for name in dataset.sample_files
]


@pytest.mark.parametrize(("dataset", "path"), JSON_LINES_SAMPLES)
def test_every_json_lines_sample_lands_as_the_parser_lands_it(dataset, path, tmp_path, monkeypatch):
    warehouse = connect("duckdb", tmp_path / "sample.duckdb")
    try:
        native, parsed, reads = _both_ways(warehouse, dataset, path, monkeypatch)
    finally:
        warehouse.close()
    assert len(reads) == 1 and native["loads"][0][1] > 0
    assert native == parsed
