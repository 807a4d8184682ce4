"""Command line: ``python -m orchestration.ingestion <command> ...``.

``load`` goes through every file it finds and never stops at a bad one:

- a file already loaded with the same content (checksum) is skipped, printed
  as ``unchanged (already loaded <when>), skipped``, and nothing about it
  changes in the warehouse; ``--force`` reloads it;
- a stray in the landing folder (a file that is not a data file, such as
  ``README.txt``, or a folder that is no registered dataset, such as a
  misspelled one) is skipped, with a ``warning:`` line on stderr naming it;
- a file the loader refuses (header without the needed columns, content that
  is not the dataset's format or not what its name says, unreadable gzip) is
  recorded in ``raw._loads`` with ``status = 'refused'`` and the reason, and
  printed as ``REFUSED: <reason>``; its rows of an earlier load stay.

The ``N files: ...`` total counts loaded, unchanged and refused files; its
line balance covers only the files read in this run. After it, a last
``WARNING: ...`` line lists every skipped and refused file, when there is one.

Exit codes: 0 every loadable file loaded (with or without that WARNING line,
so ``make run`` goes on to dbt); 1 a load whose line counts do not balance;
2 a usage error or a failure that stops the load (unknown dataset, a named
file that does not exist, nothing to load for a named dataset, failed
download, warehouse unreachable or locked by another writer, a database
error), with one ``error: ...`` line on stderr.
"""

import argparse
import difflib
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .. import logging_setup
from .fetch import FetchError, fetch
from .loader import (
    LoadReport,
    Refusal,
    Unchanged,
    ensure_empty_tables,
    load_file,
    record_refusal,
)
from .operators import (
    FEEDS,
    OPERATOR_FEEDS,
    UnknownOperatorFeedError,
    feeds_for,
    get_operator_feed,
    operator_from_path,
)
from .parsing import DATA_EXTENSIONS, RefusedFileError, data_extension
from .registry import DATASETS, LANDING_ROOT, Dataset, UnknownDatasetError, get_dataset
from .warehouse import WarehouseConnectionError, connect

log = logging.getLogger(__name__)


class WarehouseFailure(RuntimeError):
    """A database error stopped the load (the file's transaction was rolled back)."""


USAGE_ERRORS = (
    UnknownDatasetError,
    UnknownOperatorFeedError,
    FileNotFoundError,
    FetchError,
    WarehouseConnectionError,
    WarehouseFailure,
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m orchestration.ingestion")
    parser.add_argument("--target", default="duckdb", choices=["duckdb", "postgres"])
    parser.add_argument(
        "--duckdb-path",
        type=Path,
        default=None,
        help="DuckDB file (default: $WATTLAS_DUCKDB_PATH or warehouse.duckdb)",
    )
    parser.add_argument(
        "--landing-root",
        type=Path,
        default=LANDING_ROOT,
        help="landing folder that holds <source>/<dataset>/ (default: data/landing)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="list the registered datasets")

    load = commands.add_parser("load", help="load landed files into raw tables")
    load.add_argument(
        "--sample", action="store_true", help="load the sample of real data in data/sample"
    )
    load.add_argument("dataset", nargs="?", help="<source>/<dataset> key")
    load.add_argument(
        "files", nargs="*", type=Path, help="files to load (default: the dataset's landed files)"
    )
    load.add_argument(
        "--operator",
        default=None,
        help="operator slug of the named files of an operators/<feed> dataset "
        "(default: read from a .../operators/<operator>/<feed>/ path)",
    )
    load.add_argument(
        "--force",
        action="store_true",
        help="reload files already loaded with the same content (default: skip them)",
    )

    fetch_command = commands.add_parser("fetch", help="download a dataset to its landing folder")
    fetch_command.add_argument("dataset", help="<source>/<dataset> key")
    fetch_command.add_argument("--url", default=None, help="download from this URL instead")
    fetch_command.add_argument("--timeout", type=float, default=60.0, help="seconds per read")
    fetch_command.add_argument("--attempts", type=int, default=4, help="attempts in all")
    fetch_command.add_argument(
        "--backoff", type=float, default=2.0, help="seconds before the first retry, then doubled"
    )
    return parser


@dataclass(frozen=True)
class Skipped:
    """A landing entry that is not loaded: its path under the landing root
    (folders end with ``/``) and why."""

    shown: str
    why: str

    def __str__(self) -> str:
        return f"{self.shown} ({self.why})"


def _visible(path: Path, root: Path) -> bool:
    """Hidden files and folders (a download in progress) are not looked at."""
    return not any(part.startswith(".") for part in path.relative_to(root).parts)


def _shown(path: Path, landing_root: Path) -> str:
    shown = path.relative_to(landing_root).as_posix()
    return shown + "/" if path.is_dir() else shown


def _dataset_files(folder: Path, landing_root: Path, skipped: list[Skipped]) -> list[Path]:
    """Data files under a dataset folder; other files go to ``skipped``."""
    if not folder.is_dir():
        return []
    files = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or not _visible(path, landing_root):
            continue
        if data_extension(path.name) in DATA_EXTENSIONS:
            files.append(path)
        else:
            skipped.append(
                Skipped(_shown(path, landing_root), "unknown file: not a .csv or .json data file")
            )
    return files


def _landed_plan(
    dataset: Dataset, landing_root: Path, skipped: list[Skipped]
) -> list[tuple[Dataset, Path, str | None]]:
    if not dataset.operator_feed:
        return [(dataset, path, None) for path in _dataset_files(
            landing_root / dataset.key, landing_root, skipped
        )]  # fmt: skip
    plan = []
    for folder in sorted((landing_root / "operators").glob(f"*/{dataset.name}")):
        if not folder.is_dir() or not _visible(folder, landing_root):
            continue
        operator = folder.parent.name
        if (operator, dataset.name) not in OPERATOR_FEEDS:
            skipped.append(
                Skipped(
                    _shown(folder, landing_root),
                    f"unknown folder: unknown operator feed 'operators/{operator}/"
                    f"{dataset.name}', declare it in operators.py",
                )
            )
            continue
        feed_dataset = get_operator_feed(operator, dataset.name).dataset
        plan += [
            (feed_dataset, path, operator) for path in _dataset_files(folder, landing_root, skipped)
        ]
    return plan


def _strays(landing_root: Path) -> list[Skipped]:
    """Files and folders of the landing root outside every dataset folder."""
    datasets = {key.split("/", 1)[0]: [] for key in DATASETS}
    for key in DATASETS:
        datasets[key.split("/", 1)[0]].append(key.split("/", 1)[1])
    strays = []

    def stray(path: Path, why: str) -> None:
        strays.append(Skipped(_shown(path, landing_root), why))

    def entries(folder: Path) -> list[Path]:
        return sorted(path for path in folder.iterdir() if not path.name.startswith("."))

    if not landing_root.is_dir():
        return []
    for source in entries(landing_root):
        if source.is_file():
            stray(source, "unknown file: outside every <source>/<dataset>/ folder")
        elif source.name not in datasets:
            stray(source, f"unknown folder: no source {source.name!r}{_guess(source.name)}")
        elif source.name == "operators":
            for operator in entries(source):
                if operator.is_file():
                    stray(operator, "unknown file: outside every operators/<operator>/<feed>/")
                    continue
                for feed in entries(operator):
                    if feed.is_file():
                        stray(feed, "unknown file: outside every operators/<operator>/<feed>/")
                    elif feed.name not in FEEDS:
                        stray(feed, f"unknown folder: feeds are {', '.join(FEEDS)}")
        else:
            for folder in entries(source):
                key = f"{source.name}/{folder.name}"
                if folder.is_file():
                    stray(folder, "unknown file: outside every <source>/<dataset>/ folder")
                elif folder.name not in datasets[source.name]:
                    stray(folder, f"unknown folder: no dataset {key!r}{_guess(key)}")
    return strays


def _guess(name: str) -> str:
    names = [*DATASETS, *{key.split("/", 1)[0] for key in DATASETS}]
    close = difflib.get_close_matches(name, names, n=1)
    return f", did you mean {close[0]!r}?" if close else ""


def _named_plan(dataset: Dataset, args) -> list[tuple[Dataset, Path, str | None]]:
    """The files named on the command line."""
    if not dataset.operator_feed:
        return [(dataset, path, None) for path in args.files]
    plan = []
    for path in args.files:
        operator = args.operator or operator_from_path(path, dataset.name)
        if not operator:
            raise FileNotFoundError(
                f"{path}: which operator sent it? pass --operator or put it "
                f"under operators/<operator>/{dataset.name}/"
            )
        plan.append((get_operator_feed(operator, dataset.name).dataset, path, operator))
    return plan


def _sample_plan(dataset: Dataset) -> list[tuple[Dataset, Path, str | None]]:
    if not dataset.operator_feed:
        return [(dataset, dataset.sample_dir / name, None) for name in dataset.sample_files]
    return [
        (item.dataset, item.sample_dir / name, item.operator)
        for item in feeds_for(dataset.key)
        for name in item.sample_files
    ]


def _plan(args) -> tuple[list[tuple[Dataset, Path, str | None]], list[Skipped]]:
    """(dataset read with the file's format, file, operator) to load, and the
    landing entries skipped."""
    keys = [args.dataset] if args.dataset else sorted(DATASETS)
    datasets = [get_dataset(key) for key in keys]
    plan: list[tuple[Dataset, Path, str | None]] = []
    skipped: list[Skipped] = []
    if args.files:
        return _named_plan(datasets[0], args), skipped
    for dataset in datasets:
        if args.sample:
            plan += _sample_plan(dataset)
            continue
        found = _landed_plan(dataset, args.landing_root, skipped)
        if args.dataset and not found:
            where = (
                f"{args.landing_root / 'operators'}/<operator>/{dataset.name}/"
                if dataset.operator_feed else str(args.landing_root / dataset.key)
            )  # fmt: skip
            also = f"; skipped: {'; '.join(map(str, skipped))}" if skipped else ""
            raise FileNotFoundError(
                f"no landed files for {dataset.key} in {where}; "
                f"fetch it first or name the files to load{also}"
            )
        plan += found
    if not args.dataset and not args.sample:
        skipped += _strays(args.landing_root)
    return plan, skipped


@dataclass
class LoadOutcome:
    reports: list[LoadReport]
    refusals: list[Refusal]
    skipped: list[Skipped]
    unchanged: list[Unchanged] = field(default_factory=list)


def _is_driver_error(error: Exception) -> bool:
    return type(error).__module__.split(".")[0] in ("psycopg2", "duckdb", "_duckdb")


def run_load(args) -> LoadOutcome:
    # Resolve every file before connecting, so a missing one changes nothing.
    plan, skipped = _plan(args)
    for dataset, path, _ in plan:
        if not path.is_file():
            raise FileNotFoundError(f"no such file for {dataset.key}: {path}")
    for item in skipped:
        print(f"warning: skipped {args.landing_root}/{item}", file=sys.stderr)
    warehouse = connect(args.target, args.duckdb_path)
    outcome = LoadOutcome([], [], skipped)
    path = None
    try:
        ensure_empty_tables(warehouse, list(DATASETS.values()))
        for number, (dataset, path, operator) in enumerate(plan, start=1):
            log.info(
                "[%d/%d] loading %s (%.1f MB)",
                number, len(plan), path, path.stat().st_size / 1e6,
            )  # fmt: skip
            try:
                report = load_file(warehouse, dataset, path, operator=operator, force=args.force)
            except RefusedFileError as error:
                reason = " ".join(str(error).split())
                refusal = record_refusal(warehouse, dataset, path, reason, operator=operator)
                print(refusal)
                outcome.refusals.append(refusal)
                continue
            print(report)
            if isinstance(report, Unchanged):
                outcome.unchanged.append(report)
            else:
                outcome.reports.append(report)
    except Exception as error:
        if not _is_driver_error(error):
            raise
        during = f" while loading {path}" if path else ""
        raise WarehouseFailure(f"{args.target} warehouse error{during}: {error}") from None
    finally:
        warehouse.close()
    return outcome


def summary_line(outcome: LoadOutcome) -> str:
    """Files by outcome, then the line balance of the files read in this run."""
    reports = outcome.reports
    files = len(reports) + len(outcome.unchanged) + len(outcome.refusals)
    total_in = sum(report.input_lines for report in reports)
    total_loaded = sum(report.loaded_rows for report in reports)
    total_rejected = sum(report.rejected_rows for report in reports)
    # Unchanged files are not read, so their lines are in no term of the balance.
    not_read = " (unchanged files not re-read)" if outcome.unchanged else ""
    return (
        f"{files} files: {len(reports)} loaded, {len(outcome.unchanged)} unchanged, "
        f"{len(outcome.refusals)} refused; input lines {total_in} = loaded {total_loaded} "
        f"+ rejected {total_rejected}{not_read}"
    )


def warning_line(outcome: LoadOutcome) -> str | None:
    """The last line of a load that skipped or refused something."""
    parts = []
    if outcome.refusals:
        names = ", ".join(f"{item.dataset}: {item.source_file}" for item in outcome.refusals)
        parts.append(
            f"{len(outcome.refusals)} refused (status 'refused' in raw._loads, "
            f"reason printed above): {names}"
        )
    if outcome.skipped:
        names = ", ".join(str(item) for item in outcome.skipped)
        parts.append(f"{len(outcome.skipped)} skipped in the landing folder: {names}")
    return "WARNING: not loaded: " + "; ".join(parts) if parts else None


def run_fetch(args) -> Path:
    dataset = get_dataset(args.dataset)
    path = fetch(
        dataset,
        url=args.url,
        landing_root=args.landing_root,
        timeout=args.timeout,
        attempts=args.attempts,
        backoff=args.backoff,
    )
    print(path)
    return path


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging_setup.configure()
    if args.command == "list":
        for dataset in DATASETS.values():
            print(f"{dataset.key:<42} raw.{dataset.raw_table:<45} {dataset.publisher}")
        return 0
    try:
        if args.command == "fetch":
            run_fetch(args)
            return 0
        outcome = run_load(args)
    except USAGE_ERRORS as error:
        message = " ".join(str(error).split())  # always one line
        print(f"error: {message}", file=sys.stderr)
        return 2
    print(summary_line(outcome))
    warning = warning_line(outcome)
    if warning:
        print(warning)
    return 0 if all(report.balanced for report in outcome.reports) else 1
