"""``operator_landing_sensor``: a new or changed file under
``<landing root>/operators/<operator>/<feed>/`` triggers ``landing_job``.

The run loads exactly that file (ingestion config ``files``) and rebuilds the
daily partitions (local days) the file covers, as one single-run range per
run of consecutive days. The run key is ``<path>@<checksum>:<range>``, so a
file version triggers once: an unchanged file is skipped, a corrected file
(new checksum) triggers again. The cursor keeps each file's size, mtime and
checksum, so unchanged files are not re-read on every tick.
"""

import json
from pathlib import Path

import dagster as dg

from orchestration import settings
from orchestration.assets.dbt import dbt_daily_models
from orchestration.assets.ingestion.loading import file_checksum
from orchestration.ingestion.operators import FEEDS, UnknownOperatorFeedError, landed_files
from orchestration.ingestion.parsing import CorruptFileError, HeaderMismatchError
from orchestration.ingestion.registry import get_dataset
from orchestration.jobs import landing_job
from orchestration.landing_days import covered_days
from orchestration.partitions import contiguous_ranges, partition_keys_for_days

RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"


def _ingestion_op_name(feed: str) -> str:
    return f"raw__{get_dataset(f'operators/{feed}').raw_table}"


def _unpartitioned_selection(feed: str, asset_graph) -> list[dg.AssetKey] | None:
    """The feed's raw asset and its unpartitioned downstream assets."""
    raw_key = dg.AssetKey(["raw", get_dataset(f"operators/{feed}").raw_table])
    if asset_graph is None:
        return [raw_key]
    selection = dg.AssetSelection.assets(raw_key).downstream() - dg.AssetSelection.assets(
        *(dbt_daily_models.keys if dbt_daily_models is not None else [])
    )
    return sorted(selection.resolve(asset_graph), key=lambda key: key.to_user_string())


def run_requests_for_file(
    path: Path, operator: str, feed: str, checksum: str, asset_graph=None
) -> list[dg.RunRequest]:
    """One RunRequest per run of consecutive days the file covers."""
    config = {"ops": {_ingestion_op_name(feed): {"config": {"files": [str(path)]}}}}
    tags = {"wattlas/landed_file": str(path), "wattlas/file_checksum": checksum}
    keys = partition_keys_for_days(covered_days(path, operator, feed))
    if dbt_daily_models is None:
        return [dg.RunRequest(run_key=f"{path}@{checksum}", run_config=config, tags=tags)]
    if not keys:
        # A file without a day (statique), or only days without a partition yet
        # (today): load it and rebuild the unpartitioned models downstream.
        return [
            dg.RunRequest(
                run_key=f"{path}@{checksum}",
                run_config=config,
                tags=tags,
                asset_selection=_unpartitioned_selection(feed, asset_graph),
            )
        ]
    return [
        dg.RunRequest(
            run_key=f"{path}@{checksum}:{start}..{end}",
            run_config=config,
            tags={**tags, RANGE_START_TAG: start, RANGE_END_TAG: end},
        )
        for start, end in contiguous_ranges(keys)
    ]


@dg.sensor(
    job=landing_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description="Loads new or changed operator files and rebuilds the days they cover.",
)
def operator_landing_sensor(context: dg.SensorEvaluationContext):
    seen: dict[str, list] = json.loads(context.cursor) if context.cursor else {}
    landing_root = settings.landing_root()
    requests = []
    repository = context.repository_def
    asset_graph = repository.asset_graph if repository is not None else None
    for feed in FEEDS:
        try:
            files = landed_files(f"operators/{feed}", landing_root)
        except UnknownOperatorFeedError as error:
            context.log.error(f"skipping {feed} files: {error}")
            continue
        for operator, path in files:
            stat = path.stat()
            signature = [stat.st_size, stat.st_mtime_ns]
            previous = seen.get(str(path))
            if previous and previous[:2] == signature:
                continue
            checksum = file_checksum(path)
            seen[str(path)] = [*signature, checksum]
            if previous and previous[2] == checksum:
                continue  # touched, same content
            try:
                requests += run_requests_for_file(path, operator, feed, checksum, asset_graph)
            except (HeaderMismatchError, CorruptFileError) as error:
                # Not retried until the file changes; the loader would refuse it too.
                context.log.error(f"skipping unreadable file {path}: {error}")
    context.update_cursor(json.dumps(seen, sort_keys=True))
    if not requests:
        return dg.SkipReason(f"no new or changed file under {landing_root / 'operators'}")
    return requests
