"""``python -m orchestration.forecasts --target duckdb|postgres [--duckdb-path PATH]``:
backtest the consumption models, write the forecasts, print the backtest."""

import argparse
from pathlib import Path

from orchestration.forecasts.backtest import run
from orchestration.ingestion.warehouse import connect


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m orchestration.forecasts", description=__doc__)
    parser.add_argument("--target", default="duckdb", choices=["duckdb", "postgres"])
    parser.add_argument("--duckdb-path", type=Path, default=None)
    args = parser.parse_args(argv)
    warehouse = connect(args.target, args.duckdb_path)
    try:
        run(warehouse)
    finally:
        warehouse.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
