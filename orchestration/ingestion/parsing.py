"""Split a landed CSV file into good records and rejected lines.

Every publisher file we load has one record per physical line, so the file is
read line by line: each line after the header is either a record or a reject
with its reason. That is what makes ``input lines = loaded + rejected`` hold
exactly. A quoted field spanning two lines is therefore rejected as broken
quoting rather than silently glued to the next line.

JSON files (datasets whose ``format`` is ``jsonl`` or ``json_array``) go
through ``json_parsing`` with the same accounting; ``parse_file`` picks the
parser from the dataset's format.

Before any of that the content is sniffed, not trusted from the file name
(see ``check_content``): a file whose bytes are not what the dataset expects,
or not what its name says, is refused whole with the reason.
"""

import csv
import gzip
import hashlib
from pathlib import Path

from .json_parsing import parse_json_file
from .naming import normalize_header
from .parsed import (
    ContentMismatchError,
    CorruptFileError,
    HeaderMismatchError,
    ParsedFile,
    Reject,
    printable,
)
from .parsed import RefusedFileError as RefusedFileError  # callers catch it from here
from .registry import Dataset

BOM = "\ufeff"


GZIP_MAGIC = b"\x1f\x8b"
# Extensions (after an optional .gz) the loader reads, per content kind.
DELIMITED_EXTENSIONS = (".csv",)
JSON_EXTENSIONS = (".json", ".jsonl", ".ndjson")
# Data files the loader does not read: found in a dataset folder they are
# refused (and recorded), not skipped as strays.
UNSUPPORTED_EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods", ".zip", ".parquet")
DATA_EXTENSIONS = DELIMITED_EXTENSIONS + JSON_EXTENSIONS + UNSUPPORTED_EXTENSIONS

_KIND_NAMES = {
    "gzip": "gzip-compressed data",
    "zip": "a zip archive (xlsx and ods workbooks are zip archives)",
    "ole": "a legacy Office document (xls)",
    "parquet": "a Parquet file",
    "pdf": "a PDF document",
    "markup": "an HTML or XML page",
    "binary": "binary data",
    "empty": "empty",
    "json_array": "a JSON array",
    "json": "JSON objects",
    "text": "delimited text",
}
# Content kinds each format reads. Empty content, and JSON objects for an
# array dataset, go on to the parser, whose refusal says more.
_ACCEPTED_KINDS = {
    "csv": ("text", "empty"),
    "jsonl": ("json", "empty"),
    "json_array": ("json_array", "json", "empty"),
}
_FORMAT_NAMES = {
    "csv": "delimited text (CSV)",
    "jsonl": "JSON lines",
    "json_array": "a JSON array, one object per line",
}
# Content kinds a file name promises.
_NAMED_KINDS = {
    **dict.fromkeys(DELIMITED_EXTENSIONS, ("text", "empty")),
    **dict.fromkeys(JSON_EXTENSIONS, ("json", "json_array", "empty")),
}


def is_gzip_name(name: str) -> bool:
    return name.lower().endswith(".gz")


def data_extension(name: str) -> str:
    """Lower-case extension under an optional ``.gz`` (``a.CSV.gz`` -> ``.csv``)."""
    lowered = name.lower()
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    return Path(lowered).suffix


def sniff(content: bytes) -> str:
    """What the bytes are, from their first bytes (one of ``_KIND_NAMES``)."""
    head = content[:4096]
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"%PDF-"):
        return "pdf"
    # A NUL byte here and there is a bad line (rejected); many are not text.
    if head.count(b"\x00") > len(head) // 10:
        return "binary"
    start = head.lstrip(BOM.encode()).lstrip()
    if not start:
        return "empty" if not content.strip() else "text"
    if start[:1] == b"[":
        return "json_array"
    if start[:1] == b"{":
        return "json"
    if start[:1] == b"<" and start[:14].lower().startswith((b"<!doctype", b"<html", b"<?xml")):
        return "markup"
    return "text"


def read_bytes(path: Path) -> bytes:
    """Return the file's bytes, gunzipped when the name ends in ``.gz``.

    The name must agree with the bytes: a ``.gz`` that is not gzip, or gzip
    under another name, is refused rather than read as something else.
    """
    data = path.read_bytes()
    named_gzip = is_gzip_name(path.name)
    if named_gzip != data.startswith(GZIP_MAGIC):
        if named_gzip:
            raise ContentMismatchError(
                f"{path.name}: named .gz but not gzip-compressed "
                f"(the content is {_KIND_NAMES[sniff(data)]})"
            )
        raise ContentMismatchError(
            f"{path.name}: gzip-compressed content but the name does not end in .gz"
        )
    if not named_gzip:
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError) as error:
        raise CorruptFileError(f"{path.name}: not a readable gzip file ({error})") from None


def file_checksum(path: Path) -> str:
    """The checksum the loader records: sha256 of the decompressed bytes.

    Streamed in chunks without parsing, so telling an unchanged file from a
    new version costs one read and little memory. Raises what ``read_bytes``
    raises for a file whose name and content disagree or a broken gzip.
    """
    path = Path(path)
    digest = hashlib.sha256()
    with path.open("rb") as raw:
        named_gzip = is_gzip_name(path.name)
        if named_gzip != (raw.read(len(GZIP_MAGIC)) == GZIP_MAGIC):
            read_bytes(path)  # raises, with the same reason as a load would give
        raw.seek(0)
        stream = gzip.GzipFile(fileobj=raw) if named_gzip else raw
        try:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
        except (OSError, EOFError) as error:
            if not named_gzip:
                raise
            raise CorruptFileError(f"{path.name}: not a readable gzip file ({error})") from None
    return digest.hexdigest()


def check_content(path: Path, dataset: Dataset, content: bytes) -> None:
    """Refuse ``content`` unless it is what ``dataset`` reads and what the
    file name says."""
    kind = sniff(content)
    extension = data_extension(path.name)
    found = f"{path.name}: content is {_KIND_NAMES[kind]}"
    if extension in UNSUPPORTED_EXTENSIONS:
        named = kind in ("zip", "ole", "parquet")
        raise ContentMismatchError(
            f"{found}{'' if named else f', not what a {extension} file holds'}; "
            f"{extension} files are not loaded, dataset {dataset.key} reads "
            f"{_FORMAT_NAMES[dataset.format]}"
        )
    if extension in _NAMED_KINDS and kind not in _NAMED_KINDS[extension]:
        raise ContentMismatchError(f"{found}, but the name says {extension}")
    if kind not in _ACCEPTED_KINDS[dataset.format]:
        raise ContentMismatchError(
            f"{found}; dataset {dataset.key} expects {_FORMAT_NAMES[dataset.format]}"
        )


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
    check_content(path, dataset, content)
    checksum = hashlib.sha256(content).hexdigest()
    if dataset.format in ("jsonl", "json_array"):
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
            printable(raw),
        )
    if "\x00" in text:
        return Reject(line_number, "NUL byte in line", printable(raw))
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
