"""What a parser returns, and why it refuses a file: the pieces the CSV
(``parsing``) and JSON (``json_parsing``) parsers share, so neither imports
the other for them."""

from dataclasses import dataclass, field
from pathlib import Path


class RefusedFileError(ValueError):
    """The file cannot be loaded as a file of its dataset; nothing of it is
    written. The message is the reason, recorded in ``raw._loads``."""


class HeaderMismatchError(RefusedFileError):
    """The file's header does not carry the columns the dataset needs."""


class ContentMismatchError(RefusedFileError):
    """The file's content is not what the dataset expects, or not what its
    name says (a ``.xlsx`` holding CSV text, a ``.gz`` that is not gzip)."""


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


class CorruptFileError(RefusedFileError):
    """The file cannot be read at all (for example a truncated gzip)."""


def printable(raw: bytes) -> str:
    """Raw line text safe for any database: bad bytes become \\xNN escapes."""
    text = raw.decode("utf-8", errors="backslashreplace")
    return text.replace("\x00", "\\x00")
