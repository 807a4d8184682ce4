"""Connections to the warehouse and the few statements the loader needs.

DuckDB (an embedded file) and PostgreSQL expose the same small interface, so
the loader does not care which engine it writes to. Both bulk-load with COPY
from a CSV that the loader writes, or (``insert_from_duckdb``) take the rows
of a DuckDB query (plain CSV files split by DuckDB, ``native_csv``), and both
keep raw values as text.

Concurrency: on PostgreSQL, schema changes (creating ``raw``, its tables and
columns) run under one transaction-level advisory lock and re-check what
exists once they hold it, so loaders started together on an empty database
do not trip over each other's CREATE; each file load holds an advisory lock
on its raw table (``lock_raw_table``), so two loads of one file run one after
the other. DuckDB allows one writer per file: a second one cannot open it
(``WarehouseConnectionError``, one clear line).
"""

import csv
import io
import os
import re
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

RAW_SCHEMA = "raw"
LINEAGE_COLUMNS = {
    "_source_file": "text",
    "_source_line": "integer",
    "_file_checksum": "text",
    "_loaded_at": "timestamp",
}
# Lineage column of operator feeds (the operator slug), see operators.py.
OPERATOR_COLUMN = "_operator"
REJECTS_TABLE = "_rejects"
LOADS_TABLE = "_loads"
# The local days each loaded operator file covers (ingestion/landing_days.py),
# per file version: the landing sensor's partitions, known from the load's parse.
LOAD_DAYS_TABLE = "_load_days"
# raw._loads.status: the file's rows are in its raw table, or the file was
# refused whole (refusal_reason says why; no row written).
LOADED = "loaded"
REFUSED = "refused"

_BOOKKEEPING_DDL = {
    REJECTS_TABLE: (
        "dataset text, raw_table text, source_file text, file_checksum text, "
        "line_number integer, reason text, raw_text text, loaded_at timestamp"
    ),
    LOADS_TABLE: (
        "dataset text, raw_table text, source_file text, file_checksum text, "
        "input_lines integer, loaded_rows integer, rejected_rows integer, "
        "loaded_at timestamp, structural_lines integer, "
        f"status text default '{LOADED}', refusal_reason text, "
        "file_size bigint, file_mtime_ns bigint"
    ),
    LOAD_DAYS_TABLE: "raw_table text, source_file text, file_checksum text, day date",
}
# Columns later versions added to raw._loads, added to older warehouses in
# place; the default marks their earlier lines as loads.
_LOADS_ADDED_COLUMNS = {
    "structural_lines": "integer",
    "status": f"text default '{LOADED}'",
    "refusal_reason": "text",
    "file_size": "bigint",
    "file_mtime_ns": "bigint",
}


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def default_duckdb_path() -> Path:
    return Path(os.environ.get("WATTLAS_DUCKDB_PATH", "warehouse.duckdb"))


def _rows_to_csv(rows: Iterable[Iterable[object]]) -> str:
    """CSV text for COPY: empty fields stay unquoted, so both engines read
    them as NULL."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


class Warehouse:
    """A DB-API connection plus engine-specific bulk copy."""

    engine = ""

    def __init__(self, connection):
        self.connection = connection

    def execute(self, sql: str, params: tuple = ()) -> list[tuple]:
        cursor = self.connection.cursor()
        cursor.execute(sql, params)
        rows = cursor.fetchall() if cursor.description else []
        cursor.close()
        return rows

    def table_columns(self, table: str) -> list[str]:
        rows = self.execute(
            "select column_name from information_schema.columns "
            "where table_schema = %s and table_name = %s "
            "order by ordinal_position",
            (RAW_SCHEMA, table),
        )
        return [row[0] for row in rows]

    def lock_schema_changes(self) -> None:
        """Serialize schema changes across loaders until this transaction ends
        (no-op where there is a single writer)."""

    def lock_raw_table(self, table: str) -> None:
        """Serialize loads of ``table`` until this transaction ends (no-op
        where there is a single writer)."""

    def _raw_schema_exists(self) -> bool:
        return bool(
            self.execute(
                "select 1 from information_schema.schemata where schema_name = %s",
                (RAW_SCHEMA,),
            )
        )

    def ensure_raw_schema(self) -> None:
        """Create the raw schema only when missing: PostgreSQL refuses even
        `create schema if not exists` to a loader role without CREATE on the
        database, and production's loader has none."""
        if self._raw_schema_exists():
            return
        self.lock_schema_changes()
        if not self._raw_schema_exists():  # another loader may have created it meanwhile
            self.execute(f"create schema {RAW_SCHEMA}")

    def ensure_raw_table(self, table: str, columns: list[str]) -> None:
        """Create the raw table, or add the file's columns it lacks."""
        existing = self.table_columns(table)
        if existing and all(name in existing for name in columns):
            return
        self.lock_schema_changes()
        self.ensure_raw_schema()
        existing = self.table_columns(table)  # again, now that no one else changes it
        if not existing:
            definitions = [f"{quote(name)} text" for name in columns]
            definitions += [f"{name} {kind}" for name, kind in LINEAGE_COLUMNS.items()]
            self.execute(f"create table {RAW_SCHEMA}.{quote(table)} ({', '.join(definitions)})")
            return
        for name in columns:
            if name not in existing:
                self.execute(
                    f"alter table {RAW_SCHEMA}.{quote(table)} add column {quote(name)} text"
                )

    def _bookkeeping_ready(self) -> bool:
        loads = self.table_columns(LOADS_TABLE)
        return (
            bool(self.table_columns(REJECTS_TABLE))
            and bool(self.table_columns(LOAD_DAYS_TABLE))
            and all(name in loads for name in _LOADS_ADDED_COLUMNS)
        )

    def ensure_bookkeeping(self) -> None:
        """Create ``raw._rejects``, ``raw._loads`` and ``raw._load_days``, or
        add the columns an older ``raw._loads`` lacks."""
        if self._bookkeeping_ready():
            return
        self.lock_schema_changes()
        self.ensure_raw_schema()
        for table, ddl in _BOOKKEEPING_DDL.items():
            self.execute(f"create table if not exists {RAW_SCHEMA}.{table} ({ddl})")
        existing = self.table_columns(LOADS_TABLE)
        for name, kind in _LOADS_ADDED_COLUMNS.items():
            if name not in existing:
                self.execute(f"alter table {RAW_SCHEMA}.{LOADS_TABLE} add column {name} {kind}")

    def copy_rows(self, table: str, columns: list[str], rows: list[list[object]]) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        self.connection.commit()

    def rollback(self) -> None:
        self.connection.rollback()

    def close(self) -> None:
        self.connection.close()


class DuckDBWarehouse(Warehouse):
    engine = "duckdb"

    def __init__(self, path: Path):
        import duckdb

        from orchestration import settings

        self.path = Path(path)
        super().__init__(duckdb.connect(str(self.path), config=settings.duckdb_config(self.path)))
        # no progress bar: the loader prints its own report, and DuckDB draws one
        # on any output once a statement runs for a few seconds
        self.connection.execute("set enable_progress_bar = false")
        self.connection.execute("begin transaction")

    def execute(self, sql: str, params: tuple = ()) -> list[tuple]:
        result = self.connection.execute(sql.replace("%s", "?"), params)
        return result.fetchall() if result.description else []

    def copy_rows(self, table: str, columns: list[str], rows: list[list[object]]) -> None:
        if not rows:
            return
        column_list = ", ".join(quote(name) for name in columns)
        # Explicit UTF-8 and no newline translation: DuckDB reads the file as
        # UTF-8 whatever the platform's locale, and "\n" must stay "\n".
        with tempfile.NamedTemporaryFile(
            "w", suffix=".csv", delete=False, encoding="utf-8", newline=""
        ) as handle:
            handle.write(_rows_to_csv(rows))
        file_literal = "'" + handle.name.replace("'", "''") + "'"
        try:
            self.connection.execute(
                f"copy {RAW_SCHEMA}.{quote(table)} ({column_list}) from "
                f"{file_literal} (format csv, header false, quote '\"', "
                "escape '\"', delimiter ',')"
            )
        finally:
            os.unlink(handle.name)

    def insert_from_duckdb(self, table: str, columns: list[str], source, query: str) -> None:
        """Insert the rows of ``query``, run by the DuckDB connection
        ``source`` (this warehouse's own: one statement, same transaction)."""
        column_list = ", ".join(quote(name) for name in columns)
        source.execute(f"insert into {RAW_SCHEMA}.{quote(table)} ({column_list}) {query}")

    def commit(self) -> None:
        self.connection.execute("commit")
        self.connection.execute("begin transaction")

    def rollback(self) -> None:
        self.connection.execute("rollback")
        self.connection.execute("begin transaction")

    def close(self) -> None:
        self.connection.execute("commit")
        self.connection.close()


class PostgresWarehouse(Warehouse):
    """Connection settings come from the libpq environment (PGHOST, PGPORT,
    PGUSER, PGPASSWORD, PGDATABASE), as for psql and the dbt profile."""

    engine = "postgres"

    # Advisory lock keys: hashtext() of these texts (int4, so collisions
    # are possible and only serialize two unrelated loads).
    SCHEMA_LOCK = "wattlas raw schema changes"
    TABLE_LOCK = "wattlas load of raw."

    def __init__(self):
        import psycopg2

        super().__init__(psycopg2.connect(""))

    def _advisory_lock(self, key: str, waiting_message: str) -> None:
        """Take a transaction-level advisory lock, saying so when it must wait."""
        if self.execute("select pg_try_advisory_xact_lock(hashtext(%s))", (key,))[0][0]:
            return
        print(waiting_message, file=sys.stderr, flush=True)
        self.execute("select pg_advisory_xact_lock(hashtext(%s))", (key,))

    def lock_schema_changes(self) -> None:
        self._advisory_lock(
            self.SCHEMA_LOCK,
            f"waiting: another loader is creating {RAW_SCHEMA} tables; going on when it is done",
        )

    def lock_raw_table(self, table: str) -> None:
        self._advisory_lock(
            self.TABLE_LOCK + table,
            f"waiting: another load into {RAW_SCHEMA}.{table} is running; "
            "this one goes on when it commits",
        )

    def copy_rows(self, table: str, columns: list[str], rows: list[list[object]]) -> None:
        if not rows:
            return
        column_list = ", ".join(quote(name) for name in columns)
        cursor = self.connection.cursor()
        cursor.copy_expert(
            f"copy {RAW_SCHEMA}.{quote(table)} ({column_list}) from stdin with (format csv)",
            io.StringIO(_rows_to_csv(rows)),
        )
        cursor.close()

    def insert_from_duckdb(self, table: str, columns: list[str], source, query: str) -> None:
        """Insert the rows of ``query``, run by the DuckDB connection
        ``source``: written by DuckDB to a temporary CSV file, streamed to
        COPY (never held in memory)."""
        column_list = ", ".join(quote(name) for name in columns)
        with tempfile.TemporaryDirectory() as folder:
            csv_path = Path(folder) / "rows.csv"
            literal = "'" + str(csv_path).replace("'", "''") + "'"
            source.execute(f"copy ({query}) to {literal} (format csv, header false)")
            cursor = self.connection.cursor()
            with csv_path.open(encoding="utf-8", newline="") as handle:
                cursor.copy_expert(
                    f"copy {RAW_SCHEMA}.{quote(table)} ({column_list}) from stdin "
                    "with (format csv)",
                    handle,
                )
            cursor.close()


# How DuckDB says another process holds the file's write lock.
# DuckDB's lock errors, and the message connect() gives them: one home for
# "another process holds the DuckDB file" (loader, Dagster resource, alerts).
DUCKDB_LOCK_MARKERS = ("could not set lock", "conflicting lock", "database is locked")
OWN_LOCK_MESSAGE = "DuckDB allows one writer at a time"


def is_lock_error(message: str) -> bool:
    """Whether an error message says the DuckDB file is held by another writer."""
    lowered = message.lower()
    return OWN_LOCK_MESSAGE.lower() in lowered or any(
        marker in lowered for marker in DUCKDB_LOCK_MARKERS
    )


class WarehouseConnectionError(RuntimeError):
    """The warehouse cannot be opened (server down, DuckDB file locked...)."""


def connect(target: str, duckdb_path: Path | None = None) -> Warehouse:
    """Open the warehouse for a dbt target name: ``duckdb`` or ``postgres``."""
    try:
        if target == "duckdb":
            return DuckDBWarehouse(duckdb_path or default_duckdb_path())
        if target == "postgres":
            return PostgresWarehouse()
    except Exception as error:  # driver errors share no base class across engines
        message = str(error)
        if target == "duckdb" and is_lock_error(message):
            holder = re.search(r"PID \d+", message)
            raise WarehouseConnectionError(
                f"the DuckDB warehouse {duckdb_path or default_duckdb_path()} is open for "
                f"writing by another process{f' ({holder.group()})' if holder else ''}; "
                f"{OWN_LOCK_MESSAGE}: wait for it to finish, then re-run"
            ) from None
        raise WarehouseConnectionError(f"cannot open the {target} warehouse: {message}") from None
    raise ValueError(f"unknown target {target!r}: expected 'duckdb' or 'postgres'")
