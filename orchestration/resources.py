"""Resources, chosen by target: ``duckdb`` (dev, an embedded file) or
``postgres`` (production, libpq PG* variables).

DuckDB is single-writer: a second process that opens the file while a run
writes to it gets a lock error. ``WarehouseResource.connect`` turns that
error into a ``dagster.Failure`` that says what happened and what to do,
instead of a driver traceback.
"""

import shutil
import sys
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource

from orchestration import settings
from orchestration.ingestion.warehouse import (
    Warehouse,
    WarehouseConnectionError,
    connect,
    is_lock_error,
)
from orchestration.project import get_dbt_project

# Every asset that writes to the warehouse runs in this pool (limit 1 in the
# DAGSTER_HOME dagster.yaml that `make dagster` writes).
WAREHOUSE_POOL = "warehouse_writer"


def lock_failure(path: Path | str, detail: str) -> dg.Failure:
    return dg.Failure(
        description=(
            f"The DuckDB warehouse {path} is being written by another process, and "
            "DuckDB allows a single writer. Nothing was written by this run. Wait for "
            "the other run to finish (Dagster queues runs tagged "
            "wattlas/warehouse=duckdb one at a time), or close the tool that keeps "
            "the file open (a BI tool, an IDE, a duckdb shell), then re-run."
        ),
        metadata={"duckdb_path": str(path), "driver_error": detail},
        allow_retries=False,
    )


class WarehouseResource(dg.ConfigurableResource):
    """The warehouse the loaders and the run log write to."""

    target: str = "duckdb"
    duckdb_path: str = "warehouse.duckdb"

    def connect(self) -> Warehouse:
        try:
            return connect(self.target, Path(self.duckdb_path))
        except WarehouseConnectionError as error:
            if self.target == "duckdb" and is_lock_error(str(error)):
                raise lock_failure(self.duckdb_path, str(error)) from None
            raise dg.Failure(description=str(error)) from None

    def ensure_writable(self) -> None:
        """Fail fast, with the lock explanation, before starting dbt."""
        self.connect().close()


def dbt_executable() -> str:
    """The dbt of this interpreter's environment, even when it is not on PATH."""
    beside = Path(sys.executable).parent / "dbt"
    return str(beside) if beside.exists() else shutil.which("dbt") or "dbt"


def build_resources() -> dict[str, object]:
    project = get_dbt_project()
    return {
        "dbt": DbtCliResource(
            project_dir=project,
            target=settings.target(),
            dbt_executable=dbt_executable(),
        ),
        "warehouse": WarehouseResource(
            target=settings.target(), duckdb_path=str(settings.duckdb_path())
        ),
    }
