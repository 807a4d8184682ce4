"""CSV files split by DuckDB instead of line by line in Python.

The line-by-line parser (``parsing``) holds a national status file in memory
and handles each of its lines in Python (about 50,000 lines/s). Most landed
CSV files are plain: no quoting, Unix line ends, valid UTF-8. For those the
result of the line-by-line parser is known without it: a line is a record
when splitting it on the separator gives the header's number of fields, a
blank line otherwise, or a line with the wrong field count. DuckDB can say
that at engine speed, so such a file goes:

1. one streamed pass in Python (``scan``): the checksum the loader records,
   the physical line count, the header line, and whether the body is plain
   (no NUL, carriage return or quote character, valid UTF-8);
2. DuckDB reads the file as one text column, a row per physical line, and
   splits each line on the separator; the line number is the row's position
   (the file is read on one thread, in order), checked against the line
   count and the first and last lines of the scan before anything is kept.

The rows, lineage and reject reasons are the ones the line-by-line parser
gives (``test_native_csv`` loads the same files both ways and compares the
tables). A file that is not plain, or a dataset whose loads record days,
goes through ``parsing`` as before.
"""

import codecs
import gzip
import hashlib
from dataclasses import dataclass
from pathlib import Path

from .parsed import CorruptFileError, HeaderMismatchError
from .parsing import GZIP_MAGIC, check_content, is_gzip_name, read_bytes, read_header
from .registry import Dataset

CHUNK_BYTES = 1 << 22
# The one-column reader needs a delimiter that never occurs: a file holding
# it goes through the line-by-line parser.
COLUMN_DELIMITER = b"\x1f"
NOT_PLAIN = (b"\x00", b"\r", b'"', COLUMN_DELIMITER)
# Python's str.isspace() characters: a line of only these is a blank line.
BLANK_LINE = (
    r"^[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\x{1680}\x{2000}-\x{200a}"
    r"\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]*$"
)


@dataclass(frozen=True)
class CsvScan:
    """What one streamed pass over a CSV file found."""

    checksum: str
    lines: int  # physical lines, header included
    header: bytes
    last_line: bytes
    plain: bool
    head: bytes  # the first bytes, for the content sniff


def scan(path: Path, dataset: Dataset, not_plain: tuple[bytes, ...] = NOT_PLAIN) -> CsvScan:
    """Stream ``path`` once (decompressed when named .gz); the body is plain
    when valid UTF-8 without any of the one-byte markers ``not_plain``."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    plain = dataset.encoding.replace("-", "").lower() == "utf8"
    newlines, header, head = 0, None, b""
    tail, last_complete = b"", b""  # after the last newline; the line before it
    with path.open("rb") as raw:
        named_gzip = is_gzip_name(path.name)
        if named_gzip != (raw.read(len(GZIP_MAGIC)) == GZIP_MAGIC):
            read_bytes(path)  # raises, with the reason a load gives
        raw.seek(0)
        stream = gzip.GzipFile(fileobj=raw) if named_gzip else raw
        try:
            while chunk := stream.read(CHUNK_BYTES):
                digest.update(chunk)
                head = head or chunk[:4096]
                newlines += chunk.count(b"\n")
                if plain:
                    try:
                        decoder.decode(chunk)
                        plain = not any(marker in chunk for marker in not_plain)
                    except UnicodeDecodeError:
                        plain = False
                data = tail + chunk
                cut = data.rfind(b"\n")
                if cut < 0:
                    tail = data
                    continue
                if header is None:
                    header = data[: data.find(b"\n")]
                last_complete = data[data.rfind(b"\n", 0, cut) + 1 : cut]
                tail = data[cut + 1 :]
        except (OSError, EOFError) as error:
            if not named_gzip:
                raise
            raise CorruptFileError(f"{path.name}: not a readable gzip file ({error})") from None
    if plain:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            plain = False
    lines = newlines + (1 if tail else 0)  # a last line without its newline counts
    return CsvScan(
        checksum=digest.hexdigest(),
        lines=lines,
        header=header if header is not None else tail,
        last_line=tail if tail else last_complete,
        plain=plain,
        head=head,
    )


def header_columns(path: Path, dataset: Dataset, found: CsvScan) -> list[str]:
    """The normalized header, with the checks and refusals of ``parsing``."""
    check_content(path, dataset, found.head)
    if not found.lines:
        raise HeaderMismatchError(f"{path.name}: empty file, no header")
    return read_header(found.header, dataset, path.name)


LINES_TABLE = "_wattlas_csv_lines"


def read_lines(connection, path: Path, found: CsvScan) -> None:
    """Read ``path`` into the temporary table ``LINES_TABLE``, a row per
    physical line (line_number, line), and refuse to go on unless its rows
    are the scan's lines, in file order."""
    literal = str(path).replace("'", "''")
    connection.execute(
        f"""
        create or replace temp table {LINES_TABLE} as
        select row_number() over () as line_number, coalesce(line, '') as line
        from read_csv('{literal}', columns = {{'line': 'VARCHAR'}}, header = false,
            delim = chr(31), quote = '', escape = '', auto_detect = false,
            strict_mode = false, parallel = false)
        """
    )
    rows, first, final = connection.execute(
        f"select count(*), max(line) filter (where line_number = 1), "
        f"arg_max(line, line_number) from {LINES_TABLE}"
    ).fetchone()
    header = found.header.decode("utf-8").removeprefix("\ufeff")  # DuckDB skips a BOM
    last = found.last_line.decode("utf-8")
    expected = (found.lines, header, last.removeprefix("\ufeff") if found.lines == 1 else last)
    if (rows, first, final or "") != expected:
        raise RuntimeError(
            f"{path.name}: DuckDB read {rows} lines where the scan found {found.lines}, "
            "or not in file order; nothing was loaded"
        )


def stage_lines(connection, path: Path, dataset: Dataset, found: CsvScan, width: int) -> None:
    """``read_lines``, then add to each line fields (the line split on the
    separator) and reason (NULL for the header and the records, else the
    line-by-line parser's words)."""
    read_lines(connection, path, found)
    separator = dataset.separator.replace("'", "''")
    connection.execute(
        f"""
        create or replace temp table {LINES_TABLE} as
        with split as (
            select line_number, line, string_split(line, '{separator}') as fields
            from {LINES_TABLE}
        )
        select
            line_number,
            line,
            fields,
            case
                when line_number = 1 then null
                when regexp_matches(line, '{BLANK_LINE}') then 'blank line'
                when len(fields) <> {width}
                    then 'wrong field count: expected {width}, got ' || len(fields)
            end as reason
        from split
        """
    )
