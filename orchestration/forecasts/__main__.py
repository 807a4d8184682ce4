"""``python -m orchestration.forecasts --target duckdb|postgres [--duckdb-path PATH]
[--only consumption|charging]``: backtest the consumption and the charging
demand models, write their forecasts, print the backtests."""

import argparse
from pathlib import Path

from orchestration.forecasts import charging
from orchestration.forecasts.backtest import run
from orchestration.ingestion.warehouse import connect


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m orchestration.forecasts", description=__doc__)
    parser.add_argument("--target", default="duckdb", choices=["duckdb", "postgres"])
    parser.add_argument("--duckdb-path", type=Path, default=None)
    parser.add_argument("--only", choices=["consumption", "charging"], default=None)
    args = parser.parse_args(argv)
    warehouse = connect(args.target, args.duckdb_path)
    try:
        if args.only != "charging":
            run(warehouse)
        if args.only != "consumption":
            charging.run(warehouse)
    finally:
        warehouse.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
