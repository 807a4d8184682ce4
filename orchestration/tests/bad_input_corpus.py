"""A landing folder of bad input: real sample lines with one defect each.

``build_corpus(landing_root)`` writes, under ``<landing_root>/<source>/<dataset>/``,
one file per dataset made of lines copied from the shipped sample
(``data/sample``), each either kept as it is (a good line, or the exact
duplicate of one) or given exactly one defect. It returns the expected fate
of every line, so a test can check that each lands as exactly one of:

- ``staged``: typed and plausible, it reaches staging (a duplicate of a
  sample line is deduplicated there, as the sample line is);
- ``rejected``: the loader could not read it as a record (``raw._rejects``);
- ``quarantined``: a value cannot be typed (``fct_quarantined_lines``);
- ``flagged``: typed but impossible, kept out of every indicator
  (``fct_quarantined_lines``, disposition ``flagged``).

Every good line repeats a sample line, so landing the corpus may change no
indicator: only the quality results and the quarantine listing report it.

``build_next_day(landing_root)`` writes the status changes of a later day
(2026-08-16), real lines of the sample shifted by two days, to check that a
normal day still reaches the daily marts after a line dated 2099.

    python -m orchestration.tests.bad_input_corpus data/landing   # try it with make run
"""

import gzip
import json
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"


@dataclass(frozen=True)
class Expected:
    raw_table: str  # raw table without the schema, as fct_quarantined_lines names it
    source_file: str
    line: int
    defect: str
    disposition: str  # staged, rejected, quarantined or flagged
    reason: str | None = None  # the reason fct_quarantined_lines gives


def _sample_lines(relative: str, count: int, skip: int = 0) -> list[str]:
    with gzip.open(SAMPLE / relative, "rt", encoding="utf-8-sig") as handle:
        lines = []
        for index, line in enumerate(handle):
            if index >= skip:
                lines.append(line.rstrip("\n"))
            if len(lines) == count:
                return lines
    return lines


def _write(path: Path, lines: list[bytes]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\n".join(lines) + b"\n")


def _status_changes(landing_root: Path) -> list[Expected]:
    header, *rows = _sample_lines(
        "irve/changements_statut/irve-dynamique-changements-statut_2026-08-14.csv.gz", 16
    )
    name = "changements-statut_corpus.csv"
    fields = [row.split(",") for row in rows]

    def line(values: list[str]) -> bytes:
        return ",".join(values).encode()

    def changed(index: int, column: int, value: str) -> bytes:
        values = list(fields[index])
        values[column] = value
        return line(values)

    status_at = datetime.fromisoformat(fields[12][3])
    collected_three_hours_earlier = (status_at - timedelta(hours=3)).isoformat()
    cases = [
        (rows[0].encode(), "good line", "staged", None),
        (rows[0].encode(), "exact duplicate", "staged", None),
        (rows[1].encode() + b",extra", "extra field", "rejected", None),
        (line(fields[2][:4]), "missing field", "rejected", None),
        (b"\xffFR\xfe" + rows[3].encode(), "bad bytes", "rejected", None),
        (b'"' + rows[4].encode(), "broken quotes", "rejected", None),
        (changed(5, 0, ""), "empty key", "quarantined", "empty key"),
        (changed(6, 3, "13/08/2026 04:45"), "non-ISO time", "quarantined", "not a timestamp"),
        (changed(7, 3, fields[7][3][:19]), "time without offset", "quarantined",
         "timestamp without UTC offset"),
        (changed(8, 1, "en_panne"), "unknown enum", "quarantined", "unknown value"),
        (changed(9, 1, ""), "empty enum", "quarantined", "empty value"),
        (changed(10, 3, "2099" + fields[10][3][4:]), "future timestamp", "flagged",
         "status time after the load time"),
        (changed(11, 3, "2023" + fields[11][3][4:]), "timestamp before 2024", "flagged",
         "status time before 2024-01-01"),
        (changed(12, 4, collected_three_hours_earlier), "status after its collection",
         "flagged", "status time after its collection time"),
        (changed(13, 2, "#VALEUR!"), "spreadsheet error value", "quarantined", "unknown value"),
        (rows[14].encode(), "good line", "staged", None),
    ]  # fmt: skip
    _write(landing_root / "irve" / "changements_statut" / name,
           [header.encode()] + [case[0] for case in cases])  # fmt: skip
    return [
        Expected("irve__changements_statut", name, index + 2, defect, disposition, reason)
        for index, (_, defect, disposition, reason) in enumerate(cases)
    ]


def _sessions(landing_root: Path) -> list[Expected]:
    rows = [
        json.loads(row)
        for row in _sample_lines("qualicharge/sessions/irve-dynamique-sessions.json.gz", 12)
    ]
    name = "sessions_corpus.json"

    def changed(index: int, **values) -> bytes:
        record = dict(rows[index])
        record.update(values)
        return json.dumps(record).encode()

    future_start = int(datetime(2099, 1, 1).timestamp() * 1000)
    without_energy = {key: value for key, value in rows[9].items() if key != "energy"}
    cases = [
        (json.dumps(rows[0]).encode(), "good line", "staged", None),
        (json.dumps(rows[0]).encode(), "exact duplicate", "staged", None),
        (json.dumps(rows[1]).encode()[:-9], "broken JSON", "rejected", None),
        (changed(2, energy="#VALEUR!"), "spreadsheet error value", "quarantined", "not a number"),
        (changed(3, energy="12,5"), "decimal comma", "quarantined", "decimal comma"),
        (changed(4, id_pdc_itinerance=""), "empty key", "quarantined", "empty key"),
        (changed(5, energy=-3.5), "negative energy", "flagged", "negative energy"),
        (changed(6, start=future_start, end=future_start + 600_000), "future timestamp",
         "flagged", "session start after the load time"),
        (changed(7, start="2025-02-30T10:00:00+01:00"), "impossible date", "quarantined",
         "not a timestamp"),
        (changed(8, start="2024-12-10T18:28:16"), "time without offset", "quarantined",
         "timestamp without UTC offset"),
        (json.dumps(without_energy).encode(), "missing field", "rejected", None),
        (json.dumps(rows[10]).encode(), "good line", "staged", None),
    ]  # fmt: skip
    _write(landing_root / "qualicharge" / "sessions" / name, [case[0] for case in cases])
    return [
        Expected("qualicharge__sessions", name, index + 1, defect, disposition, reason)
        for index, (_, defect, disposition, reason) in enumerate(cases)
    ]


def _static(landing_root: Path) -> list[Expected]:
    # Lines 15 and 16 carry the extract's latest date_maj (2025-07-21): with
    # them the corpus file is dated like the sample's delivery, whose later
    # file name wins, so it adds no delivery to the history.
    rows = [
        json.loads(row)
        for row in _sample_lines("qualicharge/statique/irve-statique.json.gz", 12, skip=14)
    ]
    # A name that sorts before the sample's: same delivery date, the sample wins.
    name = "corpus-statique.json"

    def changed(index: int, **values) -> bytes:
        record = dict(rows[index])
        record.update(values)
        return json.dumps(record, ensure_ascii=False).encode()

    cases = [
        (json.dumps(rows[0], ensure_ascii=False).encode(), "good line", "staged", None),
        (json.dumps(rows[1], ensure_ascii=False).encode(), "good line", "staged", None),
        (changed(2, puissance_nominale="7,4"), "decimal comma", "quarantined", "decimal comma"),
        (changed(3, date_maj="2024-02-30"), "impossible date", "quarantined", "impossible date"),
        (changed(4, id_pdc_itinerance=""), "empty key", "quarantined", "empty key"),
        (changed(5, gratuit="peut-être"), "unknown boolean", "quarantined", "not a boolean"),
        (changed(6, date_maj="2031-01-01"), "future date_maj", "flagged",
         "date_maj after the load date"),
        (changed(7, puissance_nominale="4000"), "power out of range", "flagged",
         "power outside [1.3, 4000) kW"),
        (changed(8, puissance_nominale="#VALEUR!"), "spreadsheet error value", "quarantined",
         "not a number"),
        (changed(9, coordonneesXY="[4.3517, 50.8503]"), "coordinates abroad (Brussels)",
         "flagged", "coordinates outside French territory"),
        (json.dumps(rows[10], ensure_ascii=False).encode()[:-20], "broken JSON", "rejected",
         None),
    ]  # fmt: skip
    _write(landing_root / "qualicharge" / "statique" / name, [case[0] for case in cases])
    return [
        Expected("qualicharge__statique", name, index + 1, defect, disposition, reason)
        for index, (_, defect, disposition, reason) in enumerate(cases)
    ]


def _eco2mix(landing_root: Path) -> list[Expected]:
    header, *rows = _sample_lines(
        "odre/eco2mix_regional_cons_def/eco2mix-regional-cons-def_hauts-de-france_2024.csv.gz", 9
    )
    name = "eco2mix-regional-cons-def_corpus.csv"
    fields = [row.split(";") for row in rows]

    def changed(index: int, **columns: str) -> bytes:
        values = list(fields[index])
        positions = {"region": 0, "date": 3, "date_time": 5, "consumption": 6}
        for column, value in columns.items():
            values[positions[column]] = value
        return ";".join(values).encode()

    cases = [
        (rows[0].encode(), "good line", "staged", None),
        (changed(1, date="2024-02-30", date_time="2024-02-30T00:30:00+01:00"), "impossible date",
         "quarantined", "impossible date"),
        (changed(2, consumption="#VALEUR!"), "spreadsheet error value", "quarantined",
         "not a number"),
        (changed(3, consumption="5416,5"), "decimal comma", "quarantined", "decimal comma"),
        (changed(4, consumption="-"), "missing-value marker", "staged", None),
        (rows[5].encode() + b";extra", "extra field", "rejected", None),
        (changed(6, region=""), "empty key", "quarantined", "empty key"),
        (rows[7].encode(), "good line", "staged", None),
    ]  # fmt: skip
    _write(landing_root / "odre" / "eco2mix_regional_cons_def" / name,
           ["\ufeff".encode() + header.encode()] + [case[0] for case in cases])  # fmt: skip
    return [
        Expected("odre__eco2mix_regional_cons_def", name, index + 2, defect, disposition, reason)
        for index, (_, defect, disposition, reason) in enumerate(cases)
    ]


def build_corpus(landing_root: Path) -> list[Expected]:
    """Write the corpus under ``landing_root``; the fate of every line."""
    return [
        *_status_changes(landing_root),
        *_sessions(landing_root),
        *_static(landing_root),
        *_eco2mix(landing_root),
    ]


NEXT_DAY = "2026-08-16"


def build_next_day(landing_root: Path, count: int = 2000) -> Path:
    """Real status changes of 2026-08-14 moved two days later (one file)."""
    header, *rows = _sample_lines(
        "irve/changements_statut/irve-dynamique-changements-statut_2026-08-14.csv.gz", count + 1
    )
    shifted = [header]
    for row in rows:
        values = row.split(",")
        for column in (3, 4):
            moved = datetime.fromisoformat(values[column]) + timedelta(days=2)
            values[column] = moved.isoformat(sep=" " if column == 3 else "T")
        shifted.append(",".join(values))
    path = landing_root / "irve" / "changements_statut" / f"changements-statut_{NEXT_DAY}.csv"
    _write(path, [line.encode() for line in shifted])
    return path


if __name__ == "__main__":
    expected = build_corpus(Path(sys.argv[1]))
    for item in expected:
        print(f"{item.raw_table:<34} {item.source_file:<40} {item.line:>3} "
              f"{item.disposition:<11} {item.defect}")  # fmt: skip
