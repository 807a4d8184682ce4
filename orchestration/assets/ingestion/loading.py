"""What one ingestion asset does: fetch (online), then load new files.

Modes (``IngestionConfig.mode``; empty = ``sample`` when ``WATTLAS_OFFLINE=1``,
otherwise ``fetch``):

- ``fetch``: download the dataset into its landing folder (``fetch.fetch``:
  atomic, retried with backoff; a failed download leaves the previous landed
  file and the raw table as they were), then load the landed files that are
  new or changed. Datasets without a download URL load their landed files.
- ``landing``: load the landed files that are new or changed, no download.
- ``sample``: load the shipped sample (``data/sample``), then new landed files.

``files`` (set by the landing sensor) loads only those files. A file is
"new or changed" unless ``raw._loads`` has a ``loaded`` line with its
identity and checksum (``loader.already_loaded``, as for the CLI), so
re-running a job does not reload what is already there.
"""

from pathlib import Path

import dagster as dg
from pydantic import Field

from orchestration import settings
from orchestration.ingestion.fetch import fetch
from orchestration.ingestion.loader import LoadReport, Unchanged, ensure_empty_tables, load_file
from orchestration.ingestion.operators import (
    feeds_for,
    get_operator_feed,
    landed_files,
    operator_from_path,
)
from orchestration.ingestion.registry import Dataset
from orchestration.ingestion.warehouse import RAW_SCHEMA
from orchestration.resources import WarehouseResource

MODES = ("fetch", "landing", "sample")


class IngestionConfig(dg.Config):
    mode: str = ""  # fetch | landing | sample; empty: from WATTLAS_OFFLINE
    # Explicit files to load (the landing sensor sets them).
    files: list[str] = Field(default_factory=list)


def resolve_mode(config: IngestionConfig) -> str:
    mode = config.mode or ("sample" if settings.offline() else "fetch")
    if mode not in MODES:
        raise dg.Failure(f"unknown ingestion mode {mode!r}: expected one of {MODES}")
    return mode


def _plan_files(
    dataset: Dataset, config: IngestionConfig, mode: str, landing_root: Path
) -> list[tuple[Dataset, Path, str | None]]:
    """(dataset read with the right format, file, operator) candidates."""
    if config.files:
        plan = []
        for name in config.files:
            path = Path(name)
            operator = operator_from_path(path, dataset.name) if dataset.operator_feed else None
            if dataset.operator_feed:
                if operator is None:
                    raise dg.Failure(f"{path}: not under operators/<operator>/{dataset.name}/")
                plan.append((get_operator_feed(operator, dataset.name).dataset, path, operator))
            else:
                plan.append((dataset, path, None))
        return plan
    plan = []
    if mode == "sample":
        if dataset.operator_feed:
            plan += [
                (feed.dataset, feed.sample_dir / name, feed.operator)
                for feed in feeds_for(dataset.key)
                for name in feed.sample_files
            ]
        else:
            plan += [(dataset, dataset.sample_dir / name, None) for name in dataset.sample_files]
    if dataset.operator_feed:
        plan += [
            (get_operator_feed(operator, dataset.name).dataset, path, operator)
            for operator, path in landed_files(dataset.key, landing_root)
        ]
    else:
        folder = landing_root / dataset.key
        if folder.is_dir():
            plan += [
                (dataset, path, None)
                for path in sorted(folder.rglob("*"))
                if path.is_file() and not path.name.startswith(".")
            ]
    return plan


def ingest(
    context: dg.AssetExecutionContext,
    config: IngestionConfig,
    warehouse_resource: WarehouseResource,
    dataset: Dataset,
) -> dg.MaterializeResult:
    mode = resolve_mode(config)
    landing_root = settings.landing_root()
    fetched = None
    if mode == "fetch" and dataset.url and not config.files:
        # FetchError propagates: the asset's RetryPolicy retries with backoff,
        # and nothing below runs, so the raw table keeps its previous rows.
        fetched = fetch(dataset, landing_root=landing_root)
        context.log.info(f"fetched {fetched}")
    plan = _plan_files(dataset, config, mode, landing_root)

    warehouse = warehouse_resource.connect()
    reports: list[LoadReport] = []
    skipped = 0
    try:
        ensure_empty_tables(warehouse, [dataset])
        for file_dataset, path, operator in plan:
            report = load_file(warehouse, file_dataset, path, operator=operator)
            if isinstance(report, Unchanged):
                skipped += 1
                continue
            context.log.info(str(report))
            reports.append(report)
        total_rows = warehouse.execute(f'select count(*) from {RAW_SCHEMA}."{dataset.raw_table}"')
    finally:
        warehouse.close()
    return dg.MaterializeResult(
        metadata={
            "mode": mode,
            "files_loaded": [report.source_file for report in reports],
            "files_unchanged": skipped,
            "rows_loaded": sum(report.loaded_rows for report in reports),
            "rows_rejected": sum(report.rejected_rows for report in reports),
            "dagster/row_count": int(total_rows[0][0]),
            "fetched_file": str(fetched) if fetched else "",
        }
    )
