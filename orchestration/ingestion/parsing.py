"""Split a landed CSV file into good records and rejected lines.

Every publisher file we load has one record per physical line, so the file is
read line by line: each line after the header is either a record or a reject
with its reason. That is what makes ``input lines = loaded + rejected`` hold
exactly. A quoted field spanning two lines is therefore rejected as broken
quoting rather than silently glued to the next line.

JSON files (datasets whose ``format`` is ``jsonl`` or ``json_array``) go
through ``json_parsing`` with the same accounting; ``parse_file`` picks the
parser from the dataset's format.
"""

import csv
import gzip
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .naming import normalize_header
from .registry import Dataset

BOM = "\ufeff"


class HeaderMismatchError(ValueError):
    """The file's header does not carry the columns the dataset needs."""


@dataclass
class Reject:
    line_number: int
    reason: str
    raw_text: str


@dataclass
class ParsedFile:
    path: Path
    checksum: str
    columns: list[str]
    records: list[tuple[int, list[str]]] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    input_lines: int = 0
    # Physical lines that are neither header nor data (the "[" and "]" lines
    # of a JSON array file); 0 for CSV and JSON lines files.
    structural_lines: int = 0


class CorruptFileError(ValueError):
    """The file cannot be read at all (for example a truncated gzip)."""


def read_bytes(path: Path) -> bytes:
    """Return the file's bytes, gunzipped when the name ends in ``.gz``."""
    data = path.read_bytes()
    if path.suffix != ".gz":
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError) as error:
        raise CorruptFileError(f"{path.name}: not a readable gzip file ({error})") from None


def _printable(raw: bytes) -> str:
    """Raw line text safe for any database: bad bytes become \\xNN escapes."""
    text = raw.decode("utf-8", errors="backslashreplace")
    return text.replace("\x00", "\\x00")


def _parse_line(text: str, separator: str) -> list[str]:
    return next(csv.reader([text], delimiter=separator, strict=True))


def read_header(raw: bytes, dataset: Dataset, file_name: str) -> list[str]:
    """Normalized column names of a header line; raise if it does not fit.

    An undecodable or badly quoted header is a mismatch too: such a file is
    not the dataset's (often an HTML error page saved as CSV).
    """
    try:
        text = raw.rstrip(b"\r").decode(dataset.encoding).lstrip(BOM)
        columns = normalize_header(_parse_line(text, dataset.separator))
    except (UnicodeDecodeError, csv.Error) as error:
        raise HeaderMismatchError(
            f"{file_name}: header does not match dataset {dataset.key}: "
            f"unreadable header line ({error})"
        ) from None
    missing = [name for name in dataset.required_columns if name not in columns]
    if missing:
        raise HeaderMismatchError(
            f"{file_name}: header does not match dataset {dataset.key}: "
            f"missing columns {missing}; found {columns}"
        )
    return columns


def parse_file(path: Path, dataset: Dataset) -> ParsedFile:
    """Parse ``path`` as a file of ``dataset``; raise on a wrong header."""
    if not path.is_file():
        raise FileNotFoundError(f"no such file for {dataset.key}: {path}")
    content = read_bytes(path)
    checksum = hashlib.sha256(content).hexdigest()
    if dataset.format in ("jsonl", "json_array"):
        from .json_parsing import parse_json_file  # imports this module

        return parse_json_file(path, dataset, content, checksum)
    if dataset.format != "csv":
        raise ValueError(f"{dataset.key}: unknown file format {dataset.format!r}")
    lines = content.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()  # the newline that ends the last line
    if not lines:
        raise HeaderMismatchError(f"{path.name}: empty file, no header")

    columns = read_header(lines[0], dataset, path.name)
    parsed = ParsedFile(path=path, checksum=checksum, columns=columns)
    for line_number, raw in enumerate(lines[1:], start=2):
        parsed.input_lines += 1
        raw = raw.rstrip(b"\r")
        reject = _check_line(raw, line_number, dataset, parsed, len(columns))
        if reject:
            parsed.rejects.append(reject)
    return parsed


def _check_line(
    raw: bytes, line_number: int, dataset: Dataset, parsed: ParsedFile, width: int
) -> Reject | None:
    """Append the line's record to ``parsed`` or return why it is rejected."""
    try:
        text = raw.decode(dataset.encoding)
    except UnicodeDecodeError as error:
        return Reject(
            line_number,
            f"undecodable bytes: invalid {dataset.encoding} at byte {error.start}",
            _printable(raw),
        )
    if "\x00" in text:
        return Reject(line_number, "NUL byte in line", _printable(raw))
    if not text.strip():
        return Reject(line_number, "blank line", text)
    try:
        values = _parse_line(text, dataset.separator)
    except csv.Error as error:
        return Reject(line_number, f"broken quoting: {error}", text)
    if len(values) != width:
        return Reject(
            line_number,
            f"wrong field count: expected {width}, got {len(values)}",
            text,
        )
    parsed.records.append((line_number, values))
    return None
