"""Split a landed JSON file into good records and rejected lines.

Two shapes, both with one record per physical line, so the CSV accounting
holds unchanged (``input lines = loaded + rejected``):

- ``jsonl``: every physical line is one JSON object. There is no header, so
  every line is an input line (line 1 included).
- ``json_array``: a JSON array written one object per line, as pandas and
  many exporters write it::

      [
      {"a": 1},
      {"a": 2}
      ]

  Line 1 must be exactly ``[`` and the last line exactly ``]`` (surrounding
  white space allowed). These two bracket lines are *structural*: they are
  counted in ``ParsedFile.structural_lines`` (always 2) and not in
  ``input_lines``, just as the CSV header is not. So for an array file
  ``physical lines = structural_lines + input_lines`` and
  ``input_lines = loaded + rejected``; both are recorded in ``raw._loads``
  (column ``structural_lines``). Each line in between is one object followed
  by an optional ``,`` (the last object has none). A file whose first or last
  line is not a bracket (a one-line array, a truncated download) is refused
  whole, like a CSV file with a wrong header.

Every object becomes one row: keys are normalized like CSV headers
(``coordonneesXY`` -> ``coordonneesxy``); the columns are the dataset's
declared columns followed by any other key in the order first seen (the
loader adds them to the raw table). Values land as text: strings unchanged,
numbers in their exact JSON spelling (``150.0`` stays ``150.0``), booleans as
``true``/``false``, ``null`` (and ``""``) as NULL, nested arrays and objects
as compact JSON text. A line is rejected, with its reason, when it is not
valid UTF-8, is blank, is not valid JSON, is not an object, has a repeated
key, holds a NUL character, or lacks a required key.
"""

import json
from pathlib import Path

from .naming import normalize_column_name
from .parsed import CorruptFileError, HeaderMismatchError, ParsedFile, Reject, printable
from .registry import Dataset


class _JsonNumber(str):
    """A JSON number kept in its source spelling."""


class LineError(ValueError):
    """Why one line is rejected (the message is the reject reason)."""


def _no_constant(name: str):
    raise LineError(f"invalid JSON: {name} is not a JSON value")


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    result: dict = {}
    for key, value in pairs:
        if key in result:
            raise LineError(f"duplicate key {key!r}")
        result[key] = value
    return result


_DECODER = json.JSONDecoder(
    parse_float=_JsonNumber,
    parse_int=_JsonNumber,
    parse_constant=_no_constant,
    object_pairs_hook=_unique_keys,
)


def _dump(value) -> str:
    """Compact JSON text of a nested value, numbers as written."""
    if isinstance(value, _JsonNumber):
        return str(value)
    if isinstance(value, dict):
        items = (
            f"{json.dumps(key, ensure_ascii=False)}:{_dump(item)}" for key, item in value.items()
        )
        return "{" + ",".join(items) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_dump(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def to_text(value) -> str | None:
    """The raw text of one JSON value (None for null)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _JsonNumber):
        return str(value)
    if isinstance(value, str):
        return value
    return _dump(value)


def decode_object(text: str, dataset: Dataset) -> dict[str, str | None]:
    try:
        value, end = _DECODER.raw_decode(text)
    except json.JSONDecodeError as error:
        raise LineError(f"invalid JSON: {error.msg} at column {error.colno}") from None
    if text[end:].strip():
        raise LineError(f"invalid JSON: extra data at column {end + 1}")
    if not isinstance(value, dict):
        raise LineError(f"not a JSON object: {type(value).__name__}")
    record: dict[str, str | None] = {}
    for position, (key, item) in enumerate(value.items(), start=1):
        name = normalize_column_name(key, position)
        if name in record:
            raise LineError(f"duplicate key {key!r} (as column {name})")
        record[name] = to_text(item)
    missing = [name for name in dataset.required_columns if name not in record]
    if missing:
        raise LineError(f"missing keys {missing}")
    if any(item is not None and "\x00" in item for item in record.values()):
        raise LineError("NUL character in a value")
    return record


def parse_json_file(path: Path, dataset: Dataset, content: bytes, checksum: str) -> ParsedFile:
    """Parse the bytes of a ``jsonl`` or ``json_array`` file of ``dataset``."""
    lines = content.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()  # the newline that ends the last line
    numbered = list(enumerate(lines, start=1))
    structural = 0
    if dataset.format == "json_array":
        if not lines or lines[0].strip() != b"[":
            raise HeaderMismatchError(
                f"{path.name}: not a one-object-per-line JSON array "
                f"(dataset {dataset.key}): line 1 is not '['"
            )
        if len(lines) < 2 or lines[-1].strip() != b"]":
            raise CorruptFileError(
                f"{path.name}: JSON array not closed: the last line is not ']' (truncated file?)"
            )
        numbered = numbered[1:-1]
        structural = 2
    elif dataset.format != "jsonl":
        raise ValueError(f"{dataset.key}: not a JSON format: {dataset.format!r}")

    columns = list(dataset.declared_columns)
    known = set(columns)
    parsed = ParsedFile(path=path, checksum=checksum, columns=columns)
    parsed.structural_lines = structural
    objects: list[tuple[int, dict]] = []
    last_data_line = numbered[-1][0] if numbered else 0
    for line_number, raw in numbered:
        parsed.input_lines += 1
        raw = raw.rstrip(b"\r")
        try:
            text = raw.decode(dataset.encoding)
        except UnicodeDecodeError as error:
            parsed.rejects.append(
                Reject(
                    line_number,
                    f"undecodable bytes: invalid {dataset.encoding} at byte {error.start}",
                    printable(raw),
                )
            )
            continue
        if line_number == 1:
            text = text.lstrip("\ufeff")
        body = text.strip()
        if not body:
            parsed.rejects.append(Reject(line_number, "blank line", text))
            continue
        if dataset.format == "json_array" and body.endswith(","):
            if line_number == last_data_line:
                parsed.rejects.append(
                    Reject(line_number, "invalid JSON array: comma after the last object", text)
                )
                continue
            body = body[:-1]
        try:
            record = decode_object(body, dataset)
        except LineError as error:
            parsed.rejects.append(Reject(line_number, str(error), printable(raw)))
            continue
        for name in record:
            if name not in known:
                known.add(name)
                columns.append(name)
        objects.append((line_number, record))
    parsed.records = [
        (line_number, [record.get(name) for name in columns]) for line_number, record in objects
    ]
    return parsed
