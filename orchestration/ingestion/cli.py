"""Command line: ``python -m orchestration.ingestion <command> ...``."""

import argparse
import sys
from pathlib import Path

from .loader import LoadReport, ensure_empty_tables, load_file
from .parsing import HeaderMismatchError
from .registry import DATASETS, UnknownDatasetError, get_dataset
from .warehouse import connect


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m orchestration.ingestion")
    parser.add_argument("--target", default="duckdb", choices=["duckdb", "postgres"])
    parser.add_argument("--duckdb-path", type=Path, default=None,
                        help="DuckDB file (default: $WATTLAS_DUCKDB_PATH or "
                        "warehouse.duckdb)")  # fmt: skip
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="list the registered datasets")
    load = commands.add_parser("load", help="load landed files into raw tables")
    load.add_argument("--sample", action="store_true",
                      help="load the sample of real data shipped in data/sample")  # fmt: skip
    load.add_argument("dataset", nargs="?", help="<source>/<dataset> key")
    load.add_argument("files", nargs="*", type=Path,
                      help="files to load (default: the dataset's landing folder)")  # fmt: skip
    return parser


def _files_for(dataset, sample: bool, files: list[Path]) -> list[Path]:
    if files:
        return files
    if sample:
        return [dataset.sample_dir / name for name in dataset.sample_files]
    if not dataset.landing_dir.is_dir():
        return []
    return sorted(path for path in dataset.landing_dir.rglob("*") if path.is_file())


def run_load(args) -> list[LoadReport]:
    keys = [args.dataset] if args.dataset else sorted(DATASETS)
    datasets = [get_dataset(key) for key in keys]
    warehouse = connect(args.target, args.duckdb_path)
    reports = []
    try:
        ensure_empty_tables(warehouse, list(DATASETS.values()))
        for dataset in datasets:
            for path in _files_for(dataset, args.sample, args.files):
                report = load_file(warehouse, dataset, path)
                print(report)
                reports.append(report)
    finally:
        warehouse.close()
    return reports


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "list":
        for dataset in DATASETS.values():
            print(f"{dataset.key:<42} raw.{dataset.raw_table:<45} {dataset.publisher}")
        return 0
    try:
        reports = run_load(args)
    except (UnknownDatasetError, FileNotFoundError, HeaderMismatchError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    unbalanced = [report for report in reports if not report.balanced]
    total_in = sum(report.input_lines for report in reports)
    total_loaded = sum(report.loaded_rows for report in reports)
    total_rejected = sum(report.rejected_rows for report in reports)
    print(f"{len(reports)} files: input lines {total_in} = loaded {total_loaded} "
          f"+ rejected {total_rejected}")  # fmt: skip
    return 1 if unbalanced else 0
