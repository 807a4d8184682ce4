"""JSON lines and JSON array files: records, rejects and line accounting."""

import gzip

import pytest

from orchestration.ingestion.loader import LoadReport, load_file
from orchestration.ingestion.operators import OPERATOR_FEEDS
from orchestration.ingestion.parsing import CorruptFileError, HeaderMismatchError, parse_file
from orchestration.ingestion.registry import DATASETS, get_dataset

SESSIONS = get_dataset("qualicharge/sessions")
STATUSES = get_dataset("qualicharge/statuses")

# Physical lines of a JSON lines file of qualicharge/sessions, one problem per
# bad line (line numbers are 1-based; there is no header).
JSONL_LINES = [
    b'{"energy":46.572,"start":1733848096000,"end":1733850582000,"id_pdc_itinerance":"FRAAAE1"}',
    b'{"energy":1.50,"start":1,"end":2,"id_pdc_itinerance":"FRAAAE2","extra":{"a":[1,2.0,true]}}',
    b'{"energy":3,"start":1,"end":2,"id_pdc_itinerance":"FRAAAE3"',  # 3 unclosed
    b"[1, 2]",  # 4 not an object
    b'{"energy":3,"start":1,"end":2,"id_pdc_itinerance":"FR\xe9"}',  # 5 Latin-1
    b"",  # 6 blank
    b'{"energy":3,"start":1,"end":2}',  # 7 no id
    b'{"energy":3,"start":1,"end":2,"id_pdc_itinerance":"A","energy":4}',  # 8 repeated key
    b'{"energy":NaN,"start":1,"end":2,"id_pdc_itinerance":"FRAAAE9"}',  # 9 NaN
    b'{"energy":null,"start":"","end":false,"id_pdc_itinerance":"FRAAAE10"}\r',  # 10 good
    b'{"energy":1,"start":1,"end":2,"id_pdc_itinerance":"FR\\u0000"}',  # 11 NUL
]


@pytest.fixture
def jsonl_file(tmp_path):
    path = tmp_path / "sessions_malformed.json.gz"
    path.write_bytes(gzip.compress(b"\n".join(JSONL_LINES) + b"\n"))
    return path


def test_jsonl_values_land_as_text_and_bad_lines_are_rejected(warehouse, jsonl_file):
    report = load_file(warehouse, SESSIONS, jsonl_file)

    assert report == LoadReport(
        dataset="qualicharge/sessions",
        raw_table="raw.qualicharge__sessions",
        source_file="sessions_malformed.json.gz",
        input_lines=11,
        loaded_rows=3,
        rejected_rows=8,
    )
    assert report.balanced
    rows = warehouse.execute(
        'select id_pdc_itinerance, start, "end", energy, extra, _source_line '
        "from raw.qualicharge__sessions order by _source_line"
    )
    assert rows == [
        ("FRAAAE1", "1733848096000", "1733850582000", "46.572", None, 1),
        # numbers keep their JSON spelling; nested values are compact JSON
        ("FRAAAE2", "1", "2", "1.50", '{"a":[1,2.0,true]}', 2),
        # null and "" are NULL, false is 'false'
        ("FRAAAE10", None, "false", None, None, 10),
    ]
    rejects = warehouse.execute("select line_number, reason from raw._rejects order by line_number")
    assert rejects == [
        (3, "invalid JSON: Expecting ',' delimiter at column 60"),
        (4, "not a JSON object: list"),
        (5, "undecodable bytes: invalid utf-8 at byte 53"),
        (6, "blank line"),
        (7, "missing keys ['id_pdc_itinerance']"),
        (8, "duplicate key 'energy'"),
        (9, "invalid JSON: NaN is not a JSON value"),
        (11, "NUL character in a value"),
    ]
    loads = warehouse.execute(
        "select input_lines, loaded_rows, rejected_rows, structural_lines from raw._loads"
    )
    assert loads == [(11, 3, 8, 0)]


def test_extra_keys_add_columns_after_the_declared_ones(jsonl_file):
    parsed = parse_file(jsonl_file, SESSIONS)

    assert parsed.columns == ["id_pdc_itinerance", "start", "end", "energy", "extra"]
    assert parsed.structural_lines == 0


ARRAY_TEXT = (
    "[\n"
    '{"horodatage":"2025-04-25T00:03:49.925816+02:00","etat_pdc":"en_service",'
    '"occupation_pdc":"occupe","id_pdc_itinerance":"FRTSLE0006T6"},\n'
    '{"horodatage":"x","etat_pdc":"en_service","occupation_pdc":"libre"},\n'
    "not json,\n"
    '{"horodatage":"2025-04-25T00:05:00+02:00","etat_pdc":"inconnu",'
    '"occupation_pdc":"inconnu","id_pdc_itinerance":"FRTSLE0006TC"}\n'
    "]"
)


def test_json_array_counts_bracket_lines_as_structural(warehouse, tmp_path):
    path = tmp_path / "statuses.json"
    path.write_text(ARRAY_TEXT, encoding="utf-8")
    dataset = get_dataset("qualicharge/statuses")
    array_dataset = type(dataset)(**{**dataset.__dict__, "format": "json_array"})

    report = load_file(warehouse, array_dataset, path)

    assert (report.input_lines, report.loaded_rows, report.rejected_rows) == (4, 2, 2)
    assert report.structural_lines == 2
    assert report.input_lines + report.structural_lines == ARRAY_TEXT.count("\n") + 1
    assert warehouse.execute(
        "select id_pdc_itinerance, horodatage, _source_line from raw.qualicharge__statuses "
        "order by _source_line"
    ) == [
        ("FRTSLE0006T6", "2025-04-25T00:03:49.925816+02:00", 2),
        ("FRTSLE0006TC", "2025-04-25T00:05:00+02:00", 5),
    ]
    assert warehouse.execute("select line_number, reason from raw._rejects order by 1") == [
        (3, "missing keys ['id_pdc_itinerance']"),
        (4, "invalid JSON: Expecting value at column 1"),
    ]
    assert warehouse.execute("select structural_lines from raw._loads") == [(2,)]


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        ('[{"a": 1}]', HeaderMismatchError, "line 1 is not '\\['"),
        ('{"a": 1}\n]', HeaderMismatchError, "line 1 is not '\\['"),
        ('[\n{"a": 1},\n{"a": 2},', CorruptFileError, "JSON array not closed"),
    ],
)
def test_json_array_without_bracket_lines_is_refused(tmp_path, text, error, message):
    path = tmp_path / "bad.json"
    path.write_text(text)
    dataset = OPERATOR_FEEDS[("rtet-paca", "statuses")].dataset

    with pytest.raises(error, match=message):
        parse_file(path, dataset)


def test_comma_after_the_last_object_is_rejected(tmp_path):
    path = tmp_path / "trailing.json"
    path.write_text('[\n{"id_pdc_itinerance": "A"},\n{"id_pdc_itinerance": "B"},\n]\n')
    dataset = OPERATOR_FEEDS[("rtet-paca", "statique")].dataset

    parsed = parse_file(path, dataset)

    assert [line for line, _ in parsed.records] == [2]
    assert [(r.line_number, r.reason) for r in parsed.rejects] == [
        (3, "invalid JSON array: comma after the last object")
    ]


# --- every new shipped sample file --------------------------------------------

NEW_SAMPLES = [
    (dataset, dataset.sample_dir / name, None)
    for dataset in DATASETS.values()
    if dataset.source in ("qualicharge", "irve")
    for name in dataset.sample_files
] + [
    (feed.dataset, feed.sample_dir / name, feed.operator)
    for feed in OPERATOR_FEEDS.values()
    for name in feed.sample_files
]
HEADER_OR_BRACKETS = {"csv": 1, "jsonl": 0, "json_array": 2}
EXPECTED_INPUT = {
    "irve-statique.json.gz": 29109,
    "irve-dynamique-sessions.json.gz": 110366,
    "consolidation-nationale-irve-dynamique_snapshot_2026-08-14.csv.gz": 114702,
    "irve-dynamique-changements-statut_2026-08-14.csv.gz": 415661,
    "pdc_en_activite_paca_avril_prod.json.gz": 634,
    "status_bouches_du_rhone_25_avril_AM_prod.json.gz": 947,
    "status_bouches_du_rhone_25_avril_PM24_prod.json.gz": 1939,
    "session_bouches_du_rhone_25_avril_prod.json.gz": 1201,
}


def test_every_new_sample_is_listed():
    assert sorted(path.name for _, path, _ in NEW_SAMPLES) == sorted(EXPECTED_INPUT)


@pytest.fixture(scope="module")
def sample_warehouse(tmp_path_factory):
    from orchestration.ingestion.warehouse import connect

    warehouse = connect("duckdb", tmp_path_factory.mktemp("irve") / "sample.duckdb")
    yield warehouse
    warehouse.close()


@pytest.mark.parametrize(
    ("dataset", "path", "operator"), NEW_SAMPLES, ids=[path.name for _, path, _ in NEW_SAMPLES]
)
def test_new_sample_file_balances(sample_warehouse, dataset, path, operator):
    with gzip.open(path, "rb") as handle:
        content = handle.read()
    physical_lines = content.count(b"\n") + (0 if content.endswith(b"\n") else 1)

    report = load_file(sample_warehouse, dataset, path, operator=operator)

    assert report.input_lines == physical_lines - HEADER_OR_BRACKETS[dataset.format]
    assert report.input_lines == EXPECTED_INPUT[path.name]
    assert report.input_lines == report.loaded_rows + report.rejected_rows
    assert report.rejected_rows == 0
    source_file = f"{operator}/{path.name}" if operator else path.name
    count = sample_warehouse.execute(
        f"select count(*) from raw.{dataset.raw_table} where _source_file = %s", (source_file,)
    )
    assert count == [(report.loaded_rows,)]
