"""Line-by-line parsing: which lines become records and why others are rejected."""

import gzip
import hashlib

import pytest

from orchestration.ingestion.naming import normalize_column_name, normalize_header
from orchestration.ingestion.parsing import HeaderMismatchError, parse_file
from orchestration.tests.fixture_data import HOLIDAYS, MALFORMED_BYTES


def test_malformed_file_splits_into_records_and_rejects(malformed_csv):
    parsed = parse_file(malformed_csv, HOLIDAYS)

    assert parsed.columns == ["date", "annee", "zone", "nom_jour_ferie"]
    assert parsed.checksum == hashlib.sha256(MALFORMED_BYTES).hexdigest()
    assert parsed.input_lines == 9  # lines 2..10
    assert parsed.records == [
        (2, ["2024-01-01", "2024", "Métropole", "1er janvier"]),
        (8, ["2024-07-14", "2024", "Métropole", "14 juillet, fête nationale"]),
        (9, ["2024-12-25", "2024", "Métropole", "Jour de Noël"]),
    ]
    assert [(r.line_number, r.reason, r.raw_text) for r in parsed.rejects] == [
        (
            3,
            "wrong field count: expected 4, got 5",
            "2024-04-01,2024,Métropole,Lundi de Pâques,extra",
        ),
        (4, "wrong field count: expected 4, got 3", "2024-05-01,2024,Métropole"),
        (
            5,
            "undecodable bytes: invalid utf-8 at byte 17",
            "2024-05-08,2024,M\\xe9tropole,8 mai",
        ),
        (
            6,
            "broken quoting: unexpected end of data",
            '2024-05-09,2024,Métropole,"Ascension',
        ),
        (7, "blank line", ""),
        (10, "NUL byte in line", "2024-11-11,2024,Métropole,11 nov\\x00embre"),
    ]


def test_gzip_file_with_bom_and_crlf(tmp_path):
    content = "\ufeffdate,annee,zone,nom_jour_ferie\r\n2024-05-01,2024,Métropole,1er mai\r\n"
    path = tmp_path / "holidays.csv.gz"
    path.write_bytes(gzip.compress(content.encode()))

    parsed = parse_file(path, HOLIDAYS)

    assert parsed.columns == ["date", "annee", "zone", "nom_jour_ferie"]
    assert parsed.records == [(2, ["2024-05-01", "2024", "Métropole", "1er mai"])]
    assert parsed.rejects == []
    # The checksum is of the decompressed content, so re-gzipping keeps it.
    assert parsed.checksum == hashlib.sha256(content.encode()).hexdigest()


def test_last_line_without_newline_is_counted(tmp_path):
    path = tmp_path / "holidays.csv"
    path.write_bytes(b"date,annee,zone,nom_jour_ferie\n2024-05-01,2024,M,1er mai")

    parsed = parse_file(path, HOLIDAYS)

    assert parsed.input_lines == 1
    assert parsed.records == [(2, ["2024-05-01", "2024", "M", "1er mai"])]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"date;annee;zone;nom_jour_ferie\n", "missing columns ['date', 'annee', 'zone',"),
        (b"date,annee,zone\n2024-05-01,2024,M\n", "missing columns ['nom_jour_ferie']"),
        (b"date,ann\xe9e,zone\n", "unreadable header line"),
        (b'date,"annee\n', "unreadable header line"),
        (b"", "empty file, no header"),
    ],
)
def test_header_mismatch(tmp_path, content, message):
    path = tmp_path / "wrong.csv"
    path.write_bytes(content)

    with pytest.raises(HeaderMismatchError) as raised:
        parse_file(path, HOLIDAYS)

    assert str(raised.value).startswith("wrong.csv: ")
    assert message in str(raised.value)


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file for etalab/jours_feries_metropole"):
        parse_file(tmp_path / "absent.csv", HOLIDAYS)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Code INSEE région", "code_insee_region"),
        ("TMin (°C)", "tmin_c"),
        ("Consommation brute gaz totale (MW PCS 0°C)", "consommation_brute_gaz_totale_mw_pcs_0c"),
        ("  ", "column_3"),
        ("2020", "c_2020"),
    ],
)
def test_normalize_column_name(header, expected):
    assert normalize_column_name(header, 3) == expected


def test_normalize_header_suffixes_repeats():
    names = normalize_header(["Date", "date", "DATE", ""])
    assert names == ["date", "date_2", "date_3", "column_4"]
