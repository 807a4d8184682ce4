"""``operator_landing_sensor``: a new or changed file under
``<landing root>/operators/<operator>/<feed>/`` triggers ``landing_job``.

The sensor never parses a file: the loader does, once, and records the local
days a status or session file covers in ``raw._load_days``
(``ingestion/landing_days.py``). For a new file version (new checksum):

1. not loaded yet: one run loads just that file (its raw asset, ingestion
   config ``files``), and the file waits in the cursor;
2. once ``raw._loads`` has that version (a later tick, or at once when
   another job or the command line loaded it first): the daily partitions
   (local days) it covers are rebuilt, one single-run range per run of
   consecutive days; their ingestion step finds the file unchanged.

A static file covers no day, and a day file may cover only days without a
partition yet (today): one run loads it and rebuilds the unpartitioned
models downstream, daily models left out. Run keys are
``<path>@<checksum>:load``, ``<path>@<checksum>:<range>`` and
``<path>@<checksum>``, so a file version triggers once; a corrected file
(new checksum) triggers again. A load run that fails (a refused file) ends
the wait, and the file is not retried until it changes. The cursor keeps each
file's size, mtime and checksum, so unchanged files are not re-read on every
tick. The sensor opens the warehouse only when a file waits for its days;
while a run holds DuckDB's single writer lock it tries again on a later tick.
"""

import json
from datetime import date
from pathlib import Path

import dagster as dg

from orchestration import settings
from orchestration.assets.dbt import dbt_daily_models
from orchestration.ingestion.landing_days import has_days
from orchestration.ingestion.loader import loaded_days, source_file_name
from orchestration.ingestion.operators import (
    FEEDS,
    UnknownOperatorFeedError,
    get_operator_feed,
    landed_files,
)
from orchestration.ingestion.parsing import RefusedFileError, file_checksum
from orchestration.ingestion.registry import get_dataset
from orchestration.jobs import landing_job
from orchestration.partitions import contiguous_ranges, partition_keys_for_days
from orchestration.resources import WarehouseResource

RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"
LANDED_FILE_TAG = "wattlas/landed_file"
CHECKSUM_TAG = "wattlas/file_checksum"
# Cursor states of a file version (4th item of its cursor entry; none: done).
NEW = "new"  # seen, nothing requested yet
LOADING = "loading"  # its load run requested, its days not read yet
ENDED = (dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.CANCELED)


def _raw_key(feed: str) -> dg.AssetKey:
    return dg.AssetKey(["raw", get_dataset(f"operators/{feed}").raw_table])


def _ingestion_op_name(feed: str) -> str:
    return f"raw__{get_dataset(f'operators/{feed}').raw_table}"


def _unpartitioned_selection(feed: str, asset_graph) -> list[dg.AssetKey] | None:
    """The feed's raw asset and its unpartitioned downstream assets."""
    raw_key = _raw_key(feed)
    if asset_graph is None:
        return [raw_key]
    selection = dg.AssetSelection.assets(raw_key).downstream() - dg.AssetSelection.assets(
        *(dbt_daily_models.keys if dbt_daily_models is not None else [])
    )
    return sorted(selection.resolve(asset_graph), key=lambda key: key.to_user_string())


def _run_config(path: Path, feed: str) -> dict:
    return {"ops": {_ingestion_op_name(feed): {"config": {"files": [str(path)]}}}}


def _tags(path: Path, checksum: str) -> dict[str, str]:
    return {LANDED_FILE_TAG: str(path), CHECKSUM_TAG: checksum}


def waits_for_days(feed: str) -> bool:
    """Whether the feed's files are loaded first, their partitions requested
    once the load has recorded the days they cover."""
    return dbt_daily_models is not None and has_days(get_dataset(f"operators/{feed}"))


def load_request(path: Path, feed: str, checksum: str) -> dg.RunRequest:
    """A run that loads just the file (its raw asset), to learn its days."""
    return dg.RunRequest(
        run_key=f"{path}@{checksum}:load",
        run_config=_run_config(path, feed),
        tags=_tags(path, checksum),
        asset_selection=[_raw_key(feed)],
    )


def run_requests_for_days(
    path: Path, feed: str, checksum: str, days: set[date], asset_graph=None
) -> list[dg.RunRequest]:
    """One RunRequest per run of consecutive days the file covers."""
    config = _run_config(path, feed)
    tags = _tags(path, checksum)
    keys = partition_keys_for_days(days)
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


class _RecordedDays:
    """Reads ``raw._load_days`` for the files of one tick, on one connection
    opened at the first question; ``locked`` when a run holds the warehouse."""

    def __init__(self, warehouse: WarehouseResource):
        self.resource = warehouse
        self.connection = None
        self.locked = False

    def of(self, path: Path, operator: str, feed: str, checksum: str) -> set[date] | None:
        """The days of this file version once loaded, else None."""
        if self.locked:
            return None
        if self.connection is None:
            try:
                self.connection = self.resource.connect()
            except dg.Failure:
                self.locked = True
                return None
        dataset = get_operator_feed(operator, feed).dataset
        source_file = source_file_name(dataset, path, operator)
        return loaded_days(self.connection, dataset, source_file, checksum)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


def _load_runs_ended(instance: dg.DagsterInstance, path: Path, checksum: str) -> bool:
    """Whether every run of this file version has ended (the caller found it
    still not loaded: refused, or the run failed)."""
    runs = instance.get_runs(filters=dg.RunsFilter(tags=_tags(path, checksum)))
    return bool(runs) and all(run.status in ENDED for run in runs)


@dg.sensor(
    job=landing_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description="Loads new or changed operator files and rebuilds the days they cover.",
)
def operator_landing_sensor(context: dg.SensorEvaluationContext, warehouse: WarehouseResource):
    seen: dict[str, list] = json.loads(context.cursor) if context.cursor else {}
    landing_root = settings.landing_root()
    requests = []
    repository = context.repository_def
    asset_graph = repository.asset_graph if repository is not None else None
    recorded = _RecordedDays(warehouse)
    try:
        for feed in FEEDS:
            try:
                files = landed_files(f"operators/{feed}", landing_root)
            except UnknownOperatorFeedError as error:
                context.log.error(f"skipping {feed} files: {error}")
                continue
            for operator, path in files:
                key = str(path)
                stat = path.stat()
                signature = [stat.st_size, stat.st_mtime_ns]
                entry = seen.get(key)
                if entry is None or entry[:2] != signature:
                    try:
                        checksum = file_checksum(path)
                    except RefusedFileError as error:
                        # Not retried until the file changes; the loader would refuse it too.
                        context.log.error(f"skipping unreadable file {path}: {error}")
                        seen[key] = [*signature, None]
                        continue
                    if entry is not None and entry[2] == checksum:
                        entry = [*signature, *entry[2:]]  # touched, same content
                    else:
                        entry = [*signature, checksum, NEW]
                    seen[key] = entry
                state = entry[3] if len(entry) > 3 else None
                if state is None:
                    continue
                checksum = entry[2]
                if not waits_for_days(feed):
                    requests += run_requests_for_days(path, feed, checksum, set(), asset_graph)
                    seen[key] = entry[:3]
                    continue
                days = recorded.of(path, operator, feed, checksum)
                if days is not None:
                    requests += run_requests_for_days(path, feed, checksum, days, asset_graph)
                    seen[key] = entry[:3]
                elif recorded.locked:
                    continue  # the warehouse is busy: ask again on a later tick
                elif state == NEW:
                    requests.append(load_request(path, feed, checksum))
                    seen[key] = [*entry[:3], LOADING]
                elif _load_runs_ended(context.instance, path, checksum):
                    context.log.error(
                        f"{path} was not loaded (see its landing_job run): "
                        "not retried until the file changes"
                    )
                    seen[key] = entry[:3]
    finally:
        recorded.close()
    context.update_cursor(json.dumps(seen, sort_keys=True))
    if not requests:
        return dg.SkipReason(f"no new or changed file under {landing_root / 'operators'}")
    return requests
