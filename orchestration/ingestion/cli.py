"""Command line: ``python -m orchestration.ingestion <command> ...``.

Exit codes: 0 success, 1 a load whose line counts do not balance, 2 a usage
error (unknown dataset, missing file, header mismatch, failed download), with
one ``error: ...`` line on stderr.
"""

import argparse
import sys
from pathlib import Path

from .fetch import FetchError, fetch
from .loader import LoadReport, ensure_empty_tables, load_file
from .operators import (
    UnknownOperatorFeedError,
    feeds_for,
    get_operator_feed,
    landed_files,
    operator_from_path,
)
from .parsing import CorruptFileError, HeaderMismatchError
from .registry import DATASETS, LANDING_ROOT, Dataset, UnknownDatasetError, get_dataset
from .warehouse import WarehouseConnectionError, connect

USAGE_ERRORS = (
    UnknownDatasetError,
    UnknownOperatorFeedError,
    FileNotFoundError,
    HeaderMismatchError,
    CorruptFileError,
    FetchError,
    WarehouseConnectionError,
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

    fetch_command = commands.add_parser("fetch", help="download a dataset to its landing folder")
    fetch_command.add_argument("dataset", help="<source>/<dataset> key")
    fetch_command.add_argument("--url", default=None, help="download from this URL instead")
    fetch_command.add_argument("--timeout", type=float, default=60.0, help="seconds per read")
    fetch_command.add_argument("--attempts", type=int, default=4, help="attempts in all")
    fetch_command.add_argument(
        "--backoff", type=float, default=2.0, help="seconds before the first retry, then doubled"
    )
    return parser


def _landed_files(dataset: Dataset, landing_root: Path) -> list[Path]:
    """Files in the dataset's landing folder; hidden ones (a download in
    progress) are skipped."""
    folder = landing_root / dataset.key
    if not folder.is_dir():
        return []
    return sorted(
        path for path in folder.rglob("*") if path.is_file() and not path.name.startswith(".")
    )


def _files_for(dataset: Dataset, args, named: bool) -> list[Path]:
    if args.files:
        return args.files
    if args.sample:
        return [dataset.sample_dir / name for name in dataset.sample_files]
    files = _landed_files(dataset, args.landing_root)
    if named and not files:
        raise FileNotFoundError(
            f"no landed files for {dataset.key} in {args.landing_root / dataset.key}; "
            f"fetch it first or name the files to load"
        )
    return files


def _operator_files_for(dataset: Dataset, args, named: bool) -> list[tuple[Dataset, Path, str]]:
    """(dataset read with the operator's format, file, operator) to load."""
    feed = dataset.name
    if args.files:
        plan = []
        for path in args.files:
            operator = args.operator or operator_from_path(path, feed)
            if not operator:
                raise FileNotFoundError(
                    f"{path}: which operator sent it? pass --operator or put it "
                    f"under operators/<operator>/{feed}/"
                )
            plan.append((get_operator_feed(operator, feed).dataset, path, operator))
        return plan
    if args.sample:
        return [
            (item.dataset, item.sample_dir / name, item.operator)
            for item in feeds_for(dataset.key)
            for name in item.sample_files
        ]
    found = landed_files(dataset.key, args.landing_root)
    if named and not found:
        raise FileNotFoundError(
            f"no landed files for {dataset.key} in "
            f"{args.landing_root / 'operators'}/<operator>/{feed}/"
        )
    return [(get_operator_feed(op, feed).dataset, path, op) for op, path in found]


def _plan(args) -> list[tuple[Dataset, Path, str | None]]:
    keys = [args.dataset] if args.dataset else sorted(DATASETS)
    plan: list[tuple[Dataset, Path, str | None]] = []
    for key in keys:
        dataset = get_dataset(key)
        if dataset.operator_feed:
            plan += _operator_files_for(dataset, args, named=bool(args.dataset))
        else:
            files = _files_for(dataset, args, named=bool(args.dataset))
            plan += [(dataset, path, None) for path in files]
    return plan


def run_load(args) -> list[LoadReport]:
    # Resolve every file before connecting, so a missing one changes nothing.
    plan = _plan(args)
    for dataset, path, _ in plan:
        if not path.is_file():
            raise FileNotFoundError(f"no such file for {dataset.key}: {path}")
    warehouse = connect(args.target, args.duckdb_path)
    reports = []
    try:
        ensure_empty_tables(warehouse, list(DATASETS.values()))
        for dataset, path, operator in plan:
            report = load_file(warehouse, dataset, path, operator=operator)
            print(report)
            reports.append(report)
    finally:
        warehouse.close()
    return reports


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
    if args.command == "list":
        for dataset in DATASETS.values():
            print(f"{dataset.key:<42} raw.{dataset.raw_table:<45} {dataset.publisher}")
        return 0
    try:
        if args.command == "fetch":
            run_fetch(args)
            return 0
        reports = run_load(args)
    except USAGE_ERRORS as error:
        message = " ".join(str(error).split())  # always one line
        print(f"error: {message}", file=sys.stderr)
        return 2
    total_in = sum(report.input_lines for report in reports)
    total_loaded = sum(report.loaded_rows for report in reports)
    total_rejected = sum(report.rejected_rows for report in reports)
    print(
        f"{len(reports)} files: input lines {total_in} = loaded {total_loaded} "
        f"+ rejected {total_rejected}"
    )
    return 0 if all(report.balanced for report in reports) else 1
