"""JSON lines files read by DuckDB, with Python only for the odd lines.

The JSON parser (``json_parsing``) decodes every line in Python and holds
the file in memory. Nearly every line of a national JSON lines file is a
flat object of simple values, and for such a line the parser's result is
known without it. DuckDB reads the file as one text column, a row per
physical line (``native_csv.read_lines``, checked against a streamed scan),
and sorts each line into one of three kinds:

- blank (only white space): rejected, reason ``blank line``, as the parser;
- flat: the whole line matches a strict grammar of a flat JSON object,
  ``{"key": value, ...}``, keys starting with a letter (letters, digits,
  ``_``), each value a string (no raw control character; escapes but a
  ``\\u`` one of NUL or of a surrogate), a JSON number, ``true``, ``false``
  or ``null``, keys all different and the dataset's required keys present.
  For these DuckDB extracts the values as the parser would write them:
  strings unescaped, numbers in their written spelling,
  ``true``/``false``, ``null`` and ``""`` as NULL;
- any other line (nested values, a missing key, invalid JSON…)
  is decoded by the parser's own line decoder, which gives its record or
  its reject reason, so the words are the parser's.

The file is used when the scan finds it plain for this reader: valid UTF-8,
no NUL or carriage return (the parser strips a line's final one), no byte
0x1f (the one-column reader's delimiter). Columns come in the parser's
order: the dataset's declared columns, then other keys as first seen.
``test_native_json`` loads the same files both ways and compares the
tables.
"""

from dataclasses import dataclass, field
from pathlib import Path

from .json_parsing import LineError, decode_object
from .naming import normalize_column_name
from .native_csv import BLANK_LINE, COLUMN_DELIMITER, LINES_TABLE, CsvScan, read_lines
from .parsed import Reject, printable
from .registry import Dataset

NOT_PLAIN = (b"\x00", b"\r", COLUMN_DELIMITER)

# A string: characters other than quote, backslash and control characters,
# or escapes, \u ones but for NUL (the parser rejects a NUL in a value) and
# surrogates (a pair is one character to the parser).
_HEX = "[0-9a-fA-F]"
_UNICODE_ESCAPE = (
    rf"u(?:[1-9a-cA-Ce-fE-F]{_HEX}{{3}}|[dD][0-7]{_HEX}{{2}}|0[1-9a-fA-F]{_HEX}{{2}}"
    rf"|00[1-9a-fA-F]{_HEX}|000[1-9a-fA-F])"
)
_STRING = rf'"(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|{_UNICODE_ESCAPE}))*"'
_NUMBER = r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?"
_VALUE = rf"(?:{_STRING}|{_NUMBER}|true|false|null)"
_KEY = r'"[A-Za-z][A-Za-z0-9_]*"'
_PAIR = rf"{_KEY}[ \t]*:[ \t]*{_VALUE}"
_SPACE = r"[ \t]*"
FLAT_OBJECT = rf"^{_SPACE}\{{{_SPACE}(?:{_PAIR}(?:{_SPACE},{_SPACE}{_PAIR})*)?{_SPACE}\}}{_SPACE}$"
# In a flat line, each key and its value's text (groups 1 and 2).
_PAIR_PARTS = rf'"([A-Za-z][A-Za-z0-9_]*)"[ \t]*:[ \t]*({_STRING}|[^ \t,}}]+)'


@dataclass
class StagedJson:
    """What ``stage_json_lines`` found; the flat lines stay in DuckDB."""

    columns: list[str]  # the raw table's columns for this file, in the parser's order
    keys: dict[str, str]  # column name -> key of the flat lines
    flat_lines: int
    blank_lines: int
    records: list[tuple[int, list[str | None]]] = field(default_factory=list)  # odd lines
    rejects: list[Reject] = field(default_factory=list)  # odd lines


def _sql(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def stage_json_lines(connection, path: Path, dataset: Dataset, found: CsvScan) -> StagedJson:
    """Read ``path`` into ``LINES_TABLE`` with each line's kind ('blank',
    'flat' or 'odd') and, for flat lines, its keys and value texts; decode
    the odd lines with the parser's line decoder."""
    read_lines(connection, path, found)
    connection.execute(
        f"""
        create or replace temp table {LINES_TABLE} as
        with kinds as (
            select
                line_number,
                line,
                case
                    when regexp_matches(line, {_sql(BLANK_LINE)}) then 'blank'
                    when regexp_matches(line, {_sql(FLAT_OBJECT)}) then 'flat'
                    else 'odd'
                end as kind
            from {LINES_TABLE}
        ),
        parts as (
            select
                *,
                case when kind = 'flat'
                    then regexp_extract_all(line, {_sql(_PAIR_PARTS)}, 1) end as keys,
                case when kind = 'flat'
                    then regexp_extract_all(line, {_sql(_PAIR_PARTS)}, 2) end as tokens
            from kinds
        )
        select line_number, line, kind, keys, tokens
        from parts
        """
    )
    # Flat lines that repeat a key or lack a required one go to the decoder.
    key_names = {
        key: normalize_column_name(key, 0)
        for (key,) in connection.execute(
            f"select distinct unnest(keys) from {LINES_TABLE} where kind = 'flat'"
        ).fetchall()
    }
    by_name: dict[str, list[str]] = {}
    for key, name in key_names.items():
        by_name.setdefault(name, []).append(key)
    clashing = [key for keys in by_name.values() if len(keys) > 1 for key in keys]
    required = [by_name[name][0] for name in dataset.required_columns if name in by_name]
    missing_required = len(required) < len(dataset.required_columns)
    odd_conditions = ["len(keys) <> len(list_distinct(keys))"]
    if clashing:
        odd_conditions.append(f"list_has_any(keys, [{', '.join(map(_sql, clashing))}])")
    if missing_required:
        odd_conditions.append("true")
    else:
        odd_conditions.append(f"not list_has_all(keys, [{', '.join(map(_sql, required))}])")
    connection.execute(
        f"update {LINES_TABLE} set kind = 'odd', keys = null, tokens = null "
        f"where kind = 'flat' and ({' or '.join(odd_conditions)})"
    )

    # Columns as the parser orders them: declared, then keys as first seen.
    first_seen: dict[str, tuple[int, int]] = {}
    for key, line_number, position in connection.execute(
        f"select key, min(line_number), arg_min(position, line_number) from ("
        f"select unnest(keys) as key, line_number, generate_subscripts(keys, 1) as position "
        f"from {LINES_TABLE} where kind = 'flat') group by key"
    ).fetchall():
        first_seen[key_names[key]] = (line_number, position)
    staged = StagedJson(columns=[], keys={}, flat_lines=0, blank_lines=0)
    for line_number, line in connection.execute(
        f"select line_number, line from {LINES_TABLE} where kind = 'odd' order by line_number"
    ).fetchall():
        try:
            record = decode_object(line.strip(), dataset)
        except LineError as error:
            staged.rejects.append(Reject(line_number, str(error), printable(line.encode())))
            continue
        staged.records.append((line_number, record))
        for position, name in enumerate(record, start=1):
            if name not in first_seen or (line_number, position) < first_seen[name]:
                first_seen[name] = (line_number, position)
    declared = list(dataset.declared_columns)
    others = sorted(set(first_seen) - set(declared), key=first_seen.__getitem__)
    staged.columns = declared + others
    staged.keys = {name: keys[0] for name, keys in by_name.items() if len(keys) == 1}
    staged.records = [
        (line_number, [record.get(name) for name in staged.columns])
        for line_number, record in staged.records
    ]
    staged.flat_lines, staged.blank_lines = connection.execute(
        f"select count(*) filter (where kind = 'flat'), count(*) filter (where kind = 'blank') "
        f"from {LINES_TABLE}"
    ).fetchone()
    return staged


def flat_value(key: str) -> str:
    """SQL giving, in a flat line of ``LINES_TABLE``, the text of ``key``'s
    value as the parser writes it (NULL when absent, null or "")."""
    token = f"tokens[list_position(keys, {_sql(key)})]"
    return (
        f"nullif(case when {token} = 'null' then null "
        f"when starts_with({token}, '\"') and contains({token}, '\\') "
        f"then json_extract_string({token}, '$') "
        f"when starts_with({token}, '\"') then substring({token}, 2, length({token}) - 2) "
        f"else {token} end, '')"
    )
