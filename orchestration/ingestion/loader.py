"""Load landed files into ``raw.<table>``, with lineage and rejects.

A file's identity (``_source_file``, and ``source_file`` in ``raw._rejects``
and ``raw._loads``) is its path relative to its dataset folder
(``<source>/<dataset>/`` under the landing or sample root), so
``2026/08/status.csv`` and ``2026/09/status.csv`` are two files; a file
outside any dataset folder is known by its name.

Loading is idempotent per file: the rows a previous load of the same file
left behind (and its rejects and audit line) are deleted in the same
transaction that inserts the new ones, so a file loaded twice is there once,
and a corrected file replaces its previous version. On PostgreSQL that
transaction first takes an advisory lock on the raw table, so concurrent
loads of one table run one after the other instead of both inserting.

A file already loaded unchanged (same raw table, same identity, same
checksum, ``status = 'loaded'`` in ``raw._loads``) is not loaded again:
``load_file`` returns ``Unchanged`` and writes nothing, so re-running a load
on the same files leaves the warehouse as it was (``_loaded_at`` included).
It checks before reading when it can: a file with the size and modification
time (nanoseconds) recorded at its load is that version, as for make and
rsync, so a folder loaded again is not read at all; otherwise before parsing
(a streamed checksum, cheap) and again once it holds the table lock, so of
two concurrent loads of a new file the second finds the first one's rows and
reports ``Unchanged``. ``force=True`` reloads (a file rewritten in place
with the same size and time is only seen that way).

Operator feeds (datasets with ``operator_feed``) need the operator slug: it is
written to the ``_operator`` column of every row, and the file is recorded as
``<operator>/<path under operators/<operator>/<feed>/>``, so idempotency is
per operator and file.

A file the loader refuses (``RefusedFileError``: wrong header, content that
is not the dataset's format...) changes no row; ``record_refusal`` writes it
to ``raw._loads`` with ``status = 'refused'`` and the reason, next to the
``loaded`` line of the version already there, if any.

A plain CSV file (no quoting, Unix line ends, valid UTF-8) is split by
DuckDB instead of the line-by-line parser (``native_csv``), and a JSON lines
file is read by DuckDB with only its unusual lines decoded in Python
(``native_json``): same rows, line numbers and reject reasons, at engine
speed, without holding the file in memory.

For operator statuses and sessions the load also records, from the same
parse, the local days the file covers (``raw._load_days``, see
``landing_days``); ``loaded_days`` reads them back for the landing sensor.
"""

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from .landing_days import covered_days, has_days
from .native_csv import LINES_TABLE, CsvScan, header_columns, scan, stage_lines
from .native_csv import NOT_PLAIN as NOT_PLAIN_CSV
from .native_json import NOT_PLAIN as NOT_PLAIN_JSON
from .native_json import StagedJson, flat_value, stage_json_lines
from .parsed import ParsedFile
from .parsing import RefusedFileError, check_content, file_checksum, parse_file
from .registry import Dataset
from .warehouse import (
    LINEAGE_COLUMNS,
    LOAD_DAYS_TABLE,
    LOADED,
    LOADS_TABLE,
    OPERATOR_COLUMN,
    RAW_SCHEMA,
    REFUSED,
    REJECTS_TABLE,
    Warehouse,
    quote,
)


@dataclass(frozen=True)
class LoadReport:
    dataset: str
    raw_table: str
    source_file: str
    input_lines: int
    loaded_rows: int
    rejected_rows: int
    structural_lines: int = 0  # "[" and "]" lines of a JSON array file

    @property
    def balanced(self) -> bool:
        return self.input_lines == self.loaded_rows + self.rejected_rows

    def __str__(self) -> str:
        return (
            f"{self.dataset:<42} {self.source_file:<62} "
            f"input={self.input_lines:>7} loaded={self.loaded_rows:>7} "
            f"rejected={self.rejected_rows:>5}"
        )


def ensure_empty_tables(warehouse: Warehouse, datasets: list[Dataset]) -> None:
    """Create every raw table, so dbt sources exist before any file lands."""
    warehouse.ensure_bookkeeping()
    for dataset in datasets:
        warehouse.ensure_raw_table(dataset.raw_table, _table_columns(dataset, []))
    warehouse.commit()


def _table_columns(dataset: Dataset, file_columns: list[str]) -> list[str]:
    """Declared columns, then the file's other columns, then ``_operator``."""
    columns = list(dataset.declared_columns)
    columns += [name for name in file_columns if name not in columns]
    if dataset.operator_feed:
        columns.append(OPERATOR_COLUMN)
    return columns


def source_file_name(dataset: Dataset, path: Path, operator: str | None = None) -> str:
    """The file's identity: its path under the dataset folder, ``/``-separated.

    The dataset folder is the nearest ``<source>/<dataset>/`` (operator feeds:
    ``operators/<operator>/<feed>/``) above the file, in the landing or the
    sample root alike, so a file has one identity whichever way it is loaded.
    """
    parts = Path(os.path.abspath(path)).parts
    folder = ("operators", operator, dataset.name) if operator else (dataset.source, dataset.name)
    relative = parts[-1:]
    for index in range(len(parts) - len(folder) - 1, -1, -1):
        if parts[index : index + len(folder)] == folder:
            relative = parts[index + len(folder) :]
            break
    name = "/".join(relative)
    return f"{operator}/{name}" if operator else name


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _check_operator(dataset: Dataset, operator: str | None) -> None:
    if dataset.operator_feed != bool(operator):
        raise ValueError(
            f"{dataset.key}: "
            + ("an operator feed needs the operator" if dataset.operator_feed else
               "not an operator feed, no operator expected")
        )  # fmt: skip


@dataclass(frozen=True)
class Unchanged:
    """A file skipped because this very version is already loaded."""

    dataset: str
    raw_table: str
    source_file: str
    loaded_at: datetime  # of the load whose rows are there

    def __str__(self) -> str:
        return (
            f"{self.dataset:<42} {self.source_file:<62} "
            f"unchanged (already loaded {self.loaded_at}), skipped"
        )


def already_loaded(
    warehouse: Warehouse, dataset: Dataset, source_file: str, checksum: str | None
) -> datetime | None:
    """When this version of the file (identity and checksum) was loaded, or None.

    Only ``loaded`` lines count: a refused file left no rows of its own.
    """
    if checksum is None:
        return None
    rows = warehouse.execute(
        f"select max(loaded_at) from {RAW_SCHEMA}.{LOADS_TABLE} where raw_table = %s "
        "and source_file = %s and file_checksum = %s and status = %s",
        (dataset.raw_table, source_file, checksum, LOADED),
    )
    return rows[0][0] if rows else None


def loaded_days(
    warehouse: Warehouse, dataset: Dataset, source_file: str, checksum: str
) -> set[date] | None:
    """The local days this loaded version of the file covers (empty for a
    file without days), or None when this version is not loaded."""
    if not warehouse.table_columns(LOAD_DAYS_TABLE):
        return None  # no load recorded any day yet
    if already_loaded(warehouse, dataset, source_file, checksum) is None:
        return None
    rows = warehouse.execute(
        f"select distinct day from {RAW_SCHEMA}.{LOAD_DAYS_TABLE} "
        "where raw_table = %s and source_file = %s and file_checksum = %s",
        (dataset.raw_table, source_file, checksum),
    )
    return {row[0] for row in rows}


def loaded_as_is(
    warehouse: Warehouse, dataset: Dataset, source_file: str, stat: os.stat_result | None
) -> datetime | None:
    """When the loaded version of the file was loaded, if the file still has
    the size and modification time recorded then (None otherwise)."""
    if stat is None:
        return None
    rows = warehouse.execute(
        f"select max(loaded_at) from {RAW_SCHEMA}.{LOADS_TABLE} where raw_table = %s "
        "and source_file = %s and status = %s and file_size = %s and file_mtime_ns = %s",
        (dataset.raw_table, source_file, LOADED, stat.st_size, stat.st_mtime_ns),
    )
    return rows[0][0] if rows else None


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat() if path.is_file() else None
    except OSError:
        return None


def _streamed_checksum(path: Path) -> str | None:
    """The file's checksum, or None when it cannot be read (the parser then
    refuses it, with the reason)."""
    if not path.is_file():
        return None
    try:
        return file_checksum(path)
    except RefusedFileError:
        return None


def load_file(
    warehouse: Warehouse,
    dataset: Dataset,
    path: Path,
    operator: str | None = None,
    *,
    force: bool = False,
) -> LoadReport | Unchanged:
    """Parse ``path`` and replace its rows in the dataset's raw table.

    ``operator`` is required for an operator feed and refused otherwise.
    Returns ``Unchanged`` (nothing written) when this version of the file is
    already loaded, unless ``force``. Raises ``RefusedFileError`` (nothing
    written) for a file it cannot load.
    """
    _check_operator(dataset, operator)
    path = Path(path)
    source_file = source_file_name(dataset, path, operator)
    table = dataset.raw_table
    stat = _stat(path)  # before any read: a file changed while read is read again next time
    try:
        warehouse.ensure_bookkeeping()
        warehouse.commit()
        if not force:
            previous = loaded_as_is(warehouse, dataset, source_file, stat)
            warehouse.commit()
            if previous is not None:
                return Unchanged(dataset.key, f"{RAW_SCHEMA}.{table}", source_file, previous)
    except Exception:
        warehouse.rollback()
        raise
    found = _plain_file(path, dataset)  # its pass gives the checksum too
    try:
        if not force:
            checksum = found.checksum if found else _streamed_checksum(path)
            previous = already_loaded(warehouse, dataset, source_file, checksum)
            if previous is not None and stat is not None:
                # same content, new size or time on record: next time, no read
                warehouse.execute(
                    f"update {RAW_SCHEMA}.{LOADS_TABLE} set file_size = %s, file_mtime_ns = %s "
                    "where raw_table = %s and source_file = %s and status = %s",
                    (stat.st_size, stat.st_mtime_ns, table, source_file, LOADED),
                )
            warehouse.commit()  # ends the read transaction before the parse
            if previous is not None:
                return Unchanged(dataset.key, f"{RAW_SCHEMA}.{table}", source_file, previous)
    except Exception:
        warehouse.rollback()
        raise
    if found is None:
        parsed = parse_file(path, dataset)
        return _replace_rows(
            warehouse, dataset, source_file, operator, stat, force, parsed.columns,
            parsed.checksum,
            lambda lineage: (*_write_parsed(warehouse, dataset, parsed, lineage),
                             parsed.input_lines, parsed.structural_lines),
        )  # fmt: skip
    if dataset.format == "csv":
        return _replace_rows(
            warehouse, dataset, source_file, operator, stat, force,
            header_columns(path, dataset, found), found.checksum,
            lambda lineage: (*_write_plain_csv(warehouse, dataset, path, found, lineage),
                             found.lines - 1, 0),
        )  # fmt: skip
    check_content(path, dataset, found.head)
    local = _duckdb_connection(warehouse)
    try:
        staged = stage_json_lines(local, path, dataset, found)
        return _replace_rows(
            warehouse, dataset, source_file, operator, stat, force, staged.columns,
            found.checksum,
            lambda lineage: (*_write_json_lines(warehouse, dataset, local, staged, lineage),
                             found.lines, 0),
        )  # fmt: skip
    finally:
        _release(warehouse, local)


def _replace_rows(
    warehouse, dataset, source_file, operator, stat, force, columns, checksum, write
) -> LoadReport | Unchanged:
    """Replace the file's rows, rejects and audit line with what ``write``
    inserts; ``write(lineage)`` returns (loaded, rejected, input lines,
    structural lines)."""
    table = dataset.raw_table
    try:
        # Schema changes are committed on their own, before the table lock:
        # a load never holds the table lock while waiting for the DDL one.
        warehouse.ensure_raw_table(table, _table_columns(dataset, columns))
        warehouse.commit()
        warehouse.lock_raw_table(table)
        if not force:
            # Again under the lock: a concurrent load of this file may have
            # committed it while this one was parsing or waiting.
            previous = already_loaded(warehouse, dataset, source_file, checksum)
            if previous is not None:
                warehouse.commit()  # releases the lock; nothing was written
                return Unchanged(dataset.key, f"{RAW_SCHEMA}.{table}", source_file, previous)
        loaded_at = _now()
        warehouse.execute(
            f"delete from {RAW_SCHEMA}.{quote(table)} where _source_file = %s",
            (source_file,),
        )
        for bookkeeping in (REJECTS_TABLE, LOADS_TABLE, LOAD_DAYS_TABLE):
            warehouse.execute(
                f"delete from {RAW_SCHEMA}.{bookkeeping} where raw_table = %s and source_file = %s",
                (table, source_file),
            )
        lineage = [source_file, None, checksum, loaded_at.isoformat(sep=" ")]
        if operator:
            lineage.append(operator)
        loaded_rows, rejected_rows, input_lines, structural_lines = write(lineage)
        report = LoadReport(
            dataset=dataset.key,
            raw_table=f"{RAW_SCHEMA}.{table}",
            source_file=source_file,
            input_lines=input_lines,
            loaded_rows=loaded_rows,
            rejected_rows=rejected_rows,
            structural_lines=structural_lines,
        )
        warehouse.execute(
            f"insert into {RAW_SCHEMA}.{LOADS_TABLE} (dataset, raw_table, source_file, "
            "file_checksum, input_lines, loaded_rows, rejected_rows, loaded_at, "
            "structural_lines, status, file_size, file_mtime_ns) "
            "values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            (
                dataset.key, table, source_file, checksum,
                report.input_lines, report.loaded_rows, report.rejected_rows,
                loaded_at, report.structural_lines, LOADED,
                stat.st_size if stat else None, stat.st_mtime_ns if stat else None,
            ),
        )  # fmt: skip
        warehouse.commit()
    except Exception:
        warehouse.rollback()
        raise
    return report


def _plain_file(path: Path, dataset: Dataset) -> CsvScan | None:
    """The scan of a file DuckDB reads (a plain CSV file, ``native_csv``; a
    JSON lines file, ``native_json``), or None when it goes through the
    parser."""
    markers = {"csv": NOT_PLAIN_CSV, "jsonl": NOT_PLAIN_JSON}.get(dataset.format)
    if markers is None or has_days(dataset) or not path.is_file():
        return None
    try:
        found = scan(path, dataset, markers)
    except RefusedFileError:
        return None  # the parser refuses it, with the reason
    return found if found.plain and found.head.strip() else None


def _duckdb_connection(warehouse: Warehouse):
    """The DuckDB connection that reads a file: the warehouse's own (same
    transaction as the rows it replaces), or for PostgreSQL a throwaway
    in-memory one whose checked rows are copied over."""
    import duckdb

    if warehouse.engine == "duckdb":
        return warehouse.connection
    local = duckdb.connect()
    local.execute("set enable_progress_bar = false")
    return local


def _release(warehouse: Warehouse, local) -> None:
    local.execute(f"drop table if exists {LINES_TABLE}")
    if local is not warehouse.connection:
        local.close()


def _write_parsed(warehouse, dataset, parsed, lineage) -> tuple[int, int]:
    """Write the parser's records, rejects and covered days; return counts."""
    source_file, _, checksum, loaded_at = lineage[:4]
    table = dataset.raw_table
    columns = [*parsed.columns, *LINEAGE_COLUMNS]
    if len(lineage) > len(LINEAGE_COLUMNS):
        columns.append(OPERATOR_COLUMN)
    rows = []
    for line_number, values in parsed.records:
        lineage[1] = line_number
        rows.append(values + lineage)
    warehouse.copy_rows(table, columns, rows)
    _write_rejects(warehouse, dataset, parsed, source_file, loaded_at)
    days = sorted(covered_days(parsed, dataset))
    warehouse.copy_rows(
        LOAD_DAYS_TABLE,
        ["raw_table", "source_file", "file_checksum", "day"],
        [(table, source_file, checksum, day.isoformat()) for day in days],
    )
    return len(rows), len(parsed.rejects)


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _lineage_sql(lineage: list) -> tuple[list[str], list[str]]:
    """(SQL values, column names) of the lineage columns of a row read by
    DuckDB from ``LINES_TABLE`` (its line_number is the source line)."""
    source_file, _, checksum, loaded_at = lineage[:4]
    values = [
        _literal(source_file), "line_number", _literal(checksum),
        f"cast({_literal(loaded_at)} as timestamp)",
    ]  # fmt: skip
    columns = list(LINEAGE_COLUMNS)
    if len(lineage) > len(LINEAGE_COLUMNS):
        values.append(_literal(lineage[4]))
        columns.append(OPERATOR_COLUMN)
    return values, columns


def _insert_line_rejects(warehouse, dataset, local, lineage, reason_sql, where) -> None:
    """Reject the lines of ``LINES_TABLE`` that ``where`` selects, with the
    reason ``reason_sql`` (SQL) and the line as raw text."""
    source_file, _, checksum, loaded_at = lineage[:4]
    warehouse.insert_from_duckdb(
        REJECTS_TABLE, REJECT_COLUMNS, local,
        f"select {_literal(dataset.key)}, {_literal(dataset.raw_table)}, "
        f"{_literal(source_file)}, {_literal(checksum)}, line_number, {reason_sql}, "
        f"nullif(line, ''), cast({_literal(loaded_at)} as timestamp) "
        f"from {LINES_TABLE} where {where} order by line_number",
    )  # fmt: skip


def _write_plain_csv(warehouse, dataset, path, found, lineage) -> tuple[int, int]:
    """Write a plain CSV file's records and rejects with DuckDB; return counts."""
    columns = header_columns(path, dataset, found)
    local = _duckdb_connection(warehouse)
    try:
        stage_lines(local, path, dataset, found, len(columns))
        lineage_values, lineage_columns = _lineage_sql(lineage)
        fields = [f"nullif(fields[{index}], '')" for index in range(1, len(columns) + 1)]
        warehouse.insert_from_duckdb(
            dataset.raw_table, [*columns, *lineage_columns], local,
            f"select {', '.join(fields + lineage_values)} from {LINES_TABLE} "
            "where line_number > 1 and reason is null order by line_number",
        )  # fmt: skip
        _insert_line_rejects(warehouse, dataset, local, lineage, "reason", "reason is not null")
        return local.execute(
            "select count(*) filter (where reason is null), "
            f"count(*) filter (where reason is not null) from {LINES_TABLE} where line_number > 1"
        ).fetchone()
    finally:
        _release(warehouse, local)


def _write_json_lines(warehouse, dataset, local, staged: StagedJson, lineage) -> tuple[int, int]:
    """Write a JSON lines file staged by ``native_json``: the flat lines from
    DuckDB, the blank lines as rejects, the other lines as the parser's line
    decoder left them (records or rejects); return counts."""
    lineage_values, lineage_columns = _lineage_sql(lineage)
    values = [
        flat_value(staged.keys[name]) if name in staged.keys else "null" for name in staged.columns
    ]
    warehouse.insert_from_duckdb(
        dataset.raw_table, [*staged.columns, *lineage_columns], local,
        f"select {', '.join(values + lineage_values)} from {LINES_TABLE} "
        "where kind = 'flat' order by line_number",
    )  # fmt: skip
    _insert_line_rejects(warehouse, dataset, local, lineage, "'blank line'", "kind = 'blank'")
    odd = ParsedFile(path=Path(), checksum=lineage[2], columns=staged.columns)
    odd.records, odd.rejects = staged.records, staged.rejects
    odd_loaded, odd_rejected = _write_parsed(warehouse, dataset, odd, lineage)
    return staged.flat_lines + odd_loaded, staged.blank_lines + odd_rejected


@dataclass(frozen=True)
class Refusal:
    dataset: str
    raw_table: str
    source_file: str
    reason: str

    def __str__(self) -> str:
        return f"{self.dataset:<42} {self.source_file:<62} REFUSED: {self.reason}"


def record_refusal(
    warehouse: Warehouse, dataset: Dataset, path: Path, reason: str, operator: str | None = None
) -> Refusal:
    """Record in ``raw._loads`` that ``path`` was refused, and why.

    The line replaces an earlier refusal of the same file but not its
    ``loaded`` line: the rows of the version loaded before are still there.
    Counts are 0 (nothing read) and the checksum is NULL, so a check for
    "this file and checksum were already loaded" never takes a refusal for a
    load.
    """
    _check_operator(dataset, operator)
    source_file = source_file_name(dataset, Path(path), operator)
    table = dataset.raw_table
    try:
        warehouse.ensure_bookkeeping()
        warehouse.commit()
        warehouse.lock_raw_table(table)
        warehouse.execute(
            f"delete from {RAW_SCHEMA}.{LOADS_TABLE} "
            "where raw_table = %s and source_file = %s and status = %s",
            (table, source_file, REFUSED),
        )
        warehouse.execute(
            f"insert into {RAW_SCHEMA}.{LOADS_TABLE} (dataset, raw_table, source_file, "
            "input_lines, loaded_rows, rejected_rows, loaded_at, structural_lines, status, "
            "refusal_reason) values (%s, %s, %s, 0, 0, 0, %s, 0, %s, %s)",
            (dataset.key, table, source_file, _now(), REFUSED, reason),
        )
        warehouse.commit()
    except Exception:
        warehouse.rollback()
        raise
    return Refusal(dataset.key, f"{RAW_SCHEMA}.{table}", source_file, reason)


REJECT_COLUMNS = [
    "dataset", "raw_table", "source_file", "file_checksum", "line_number",
    "reason", "raw_text", "loaded_at",
]  # fmt: skip


def _write_rejects(warehouse, dataset, parsed, source_file, loaded_at: str) -> None:
    if not parsed.rejects:
        return
    rows = [
        (
            dataset.key, dataset.raw_table, source_file, parsed.checksum,
            reject.line_number, reject.reason, reject.raw_text, loaded_at,
        )
        for reject in parsed.rejects
    ]  # fmt: skip
    warehouse.copy_rows(REJECTS_TABLE, REJECT_COLUMNS, rows)
