"""Load landed files into ``raw.<table>``, with lineage and rejects.

Loading is idempotent per file: the rows a previous load of the same file name
left behind (and its rejects and audit line) are deleted in the same
transaction that inserts the new ones, so a file loaded twice is there once,
and a corrected file replaces its previous version.

Operator feeds (datasets with ``operator_feed``) need the operator slug: it is
written to the ``_operator`` column of every row, and the file is recorded as
``<operator>/<file name>`` (in ``_source_file``, ``raw._rejects`` and
``raw._loads``), so idempotency is per operator and file.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .parsing import parse_file
from .registry import Dataset
from .warehouse import (
    LINEAGE_COLUMNS,
    LOADS_TABLE,
    OPERATOR_COLUMN,
    RAW_SCHEMA,
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


def load_file(
    warehouse: Warehouse, dataset: Dataset, path: Path, operator: str | None = None
) -> LoadReport:
    """Parse ``path`` and replace its rows in the dataset's raw table.

    ``operator`` is required for an operator feed and refused otherwise.
    """
    if dataset.operator_feed != bool(operator):
        raise ValueError(
            f"{dataset.key}: "
            + ("an operator feed needs the operator" if dataset.operator_feed else
               "not an operator feed, no operator expected")
        )  # fmt: skip
    parsed = parse_file(Path(path), dataset)
    source_file = f"{operator}/{parsed.path.name}" if operator else parsed.path.name
    loaded_at = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    table = dataset.raw_table
    try:
        warehouse.ensure_bookkeeping()
        warehouse.ensure_raw_table(table, _table_columns(dataset, parsed.columns))
        warehouse.execute(
            f"delete from {RAW_SCHEMA}.{quote(table)} where _source_file = %s",
            (source_file,),
        )
        for bookkeeping in (REJECTS_TABLE, LOADS_TABLE):
            warehouse.execute(
                f"delete from {RAW_SCHEMA}.{bookkeeping} where raw_table = %s and source_file = %s",
                (table, source_file),
            )
        lineage = [source_file, None, parsed.checksum, loaded_at.isoformat(sep=" ")]
        columns = [*parsed.columns, *LINEAGE_COLUMNS]
        if operator:
            lineage.append(operator)
            columns.append(OPERATOR_COLUMN)
        rows = []
        for line_number, values in parsed.records:
            lineage[1] = line_number
            rows.append(values + lineage)
        warehouse.copy_rows(table, columns, rows)
        _write_rejects(warehouse, dataset, parsed, source_file, loaded_at)
        report = LoadReport(
            dataset=dataset.key,
            raw_table=f"{RAW_SCHEMA}.{table}",
            source_file=source_file,
            input_lines=parsed.input_lines,
            loaded_rows=len(rows),
            rejected_rows=len(parsed.rejects),
            structural_lines=parsed.structural_lines,
        )
        warehouse.execute(
            f"insert into {RAW_SCHEMA}.{LOADS_TABLE} (dataset, raw_table, source_file, "
            "file_checksum, input_lines, loaded_rows, rejected_rows, loaded_at, "
            "structural_lines) values (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
            (
                dataset.key, table, source_file, parsed.checksum,
                report.input_lines, report.loaded_rows, report.rejected_rows,
                loaded_at, report.structural_lines,
            ),
        )  # fmt: skip
        warehouse.commit()
    except Exception:
        warehouse.rollback()
        raise
    return report


def _write_rejects(warehouse, dataset, parsed, source_file, loaded_at) -> None:
    if not parsed.rejects:
        return
    rows = [
        (
            dataset.key, dataset.raw_table, source_file, parsed.checksum,
            reject.line_number, reject.reason, reject.raw_text,
            loaded_at.isoformat(sep=" "),
        )
        for reject in parsed.rejects
    ]  # fmt: skip
    warehouse.copy_rows(REJECTS_TABLE, [
        "dataset", "raw_table", "source_file", "file_checksum", "line_number",
        "reason", "raw_text", "loaded_at",
    ], rows)  # fmt: skip
