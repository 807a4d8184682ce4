"""Benchmark: backfilling a national month or quarter as Dagster does.

A script, not a test: ``python -m orchestration.benchmarks.backfill --help``.

1. Generates the national files of ``--days`` days with the generator of
   ``daily_curve`` (seeded: one static file, then per day the national
   ``changements-statut`` CSV and the QualiCharge session JSON lines).
2. Loads the shipped sample (reference data, untimed), then the whole
   landing folder in one loader run (timed).
3. Runs the dbt steps of a Dagster backfill of those days, each timed with
   the peak resident memory of its process: the models the daily ones read
   (selector ``upstream_of_daily``, once), the daily-partitioned models in
   chunks of ``--chunk-days`` days (selector ``daily_partitioned`` with the
   half-open vars ``min_date`` / ``max_date``, one ``dbt build`` per chunk,
   as a backfill with ``WATTLAS_BACKFILL_CHUNK_DAYS``, whose tests read the
   chunk's days), then everything else
   (selector ``after_daily``, once). Data tests run with their models, as in
   Dagster; unit tests are left to ``make test``.

It prints a row per step (seconds, seconds per day, peak MB) and the total.

4. With ``--then-daily N``: marks the warehouse built
   (``orchestration.build --mark-built``), then runs N more days as
   ``daily_curve`` runs each day (files land, loader, ``make run``'s build),
   and prints them as ``daily_curve`` does: the cost of a day after the
   backfilled history (day 31 after a month), to set beside day 2 of a
   fresh ``daily_curve``.
"""

import argparse
import datetime as dt
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

from orchestration.benchmarks.daily_curve import (
    Calibration,
    print_days,
    run_day,
    write_day,
    write_static,
)
from orchestration.benchmarks.usage_scale import ROOT, _timed, engine_environment


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m orchestration.benchmarks.backfill",
        description=__doc__.split("\n\n")[0],
    )
    parser.add_argument("--days", type=int, default=30, help="days to backfill (30)")
    parser.add_argument("--chunk-days", type=int, default=5, help="days per dbt run (5)")
    parser.add_argument("--points", type=int, default=150_000)
    parser.add_argument("--first-day", type=dt.date.fromisoformat, default=dt.date(2026, 9, 1))
    parser.add_argument("--status-lines", type=int, default=580_000)
    parser.add_argument("--sessions", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=20260814)
    parser.add_argument("--engines", nargs="+", default=["duckdb"], choices=["duckdb", "postgres"])
    parser.add_argument("--pg-database", default="wattlas_backfill_bench")
    parser.add_argument("--then-daily", type=int, default=0, help="daily days after (0)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)

    rows, daily_rows = [], []
    for engine in args.engines:
        work = Path(tempfile.mkdtemp(prefix=f"backfill_{engine}_"))
        try:
            backfill_rows, sequence = run_backfill(engine, work, args)
            rows += backfill_rows
            daily_rows += run_daily_after(engine, work, args, sequence)
        finally:
            if args.keep:
                print(f"kept {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)
    header = f"{'engine':<9}{'step':<28}{'days':>5}{'seconds':>9}{'s/day':>7}{'peak MB':>9}"
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['engine']:<9}{row['step']:<28}{row['days']:>5}{row['seconds']:>9.1f}"
            f"{row['seconds'] / row['days']:>7.1f}{row['peak_mb']:>9.0f}"
        )
    if daily_rows:
        print_days(daily_rows)
    return 0


def run_backfill(engine: str, work: Path, args) -> tuple[list[dict], tuple]:
    """The backfill's rows, and what the days after it continue from
    (environment, loader command, point ids, calibration, generator)."""
    env, ingest = engine_environment(engine, work, args.pg_database)
    log = work / f"{engine}.log"
    landing = work / "landing"
    calibration = Calibration()
    rng = random.Random(args.seed)
    ids = write_static(landing, args.points)
    statuses = sessions = 0
    for offset in range(args.days):
        files = write_day(
            landing, args.first_day + dt.timedelta(days=offset), ids, calibration,
            args.status_lines / args.points, args.sessions / args.points, rng,
        )  # fmt: skip
        statuses, sessions = statuses + files["statuses"], sessions + files["sessions"]
    print(f"{engine}: {args.days} days, {statuses:,} status lines, {sessions:,} sessions")

    rows = []

    def step(name: str, days: int, command: list[str]) -> None:
        seconds, peak_mb = _timed(command, env, log)
        row = {"engine": engine, "step": name, "days": days, "seconds": seconds,
               "peak_mb": peak_mb}  # fmt: skip
        print(json.dumps({key: round(value, 1) if isinstance(value, float) else value
                          for key, value in row.items()}), flush=True)  # fmt: skip
        rows.append(row)

    _timed([*ingest, "load", "--sample"], env, log)  # reference data, not timed
    step("load", args.days, [*ingest, "--landing-root", str(landing), "load"])
    dbt = [
        str(ROOT / ".venv" / "bin" / "dbt"), "build", "--target", engine,
        "--target-path", str(work / "target"), "--log-path", str(work / "logs"),
        "--exclude-resource-type", "unit_test",
    ]  # fmt: skip
    step("upstream_of_daily", args.days, [*dbt, "--selector", "upstream_of_daily"])
    for start in range(0, args.days, args.chunk_days):
        days = min(args.chunk_days, args.days - start)
        first = args.first_day + dt.timedelta(days=start)
        # the vars of a Dagster partition run: its days, their tests only
        window = {"min_date": str(first), "max_date": str(first + dt.timedelta(days=days)),
                  "wattlas_test_rebuilt_days_only": True}  # fmt: skip
        step(
            f"daily {window['min_date']} +{days}", days,
            [*dbt, "--selector", "daily_partitioned", "--vars", json.dumps(window)],
        )  # fmt: skip
    step("after_daily", args.days, [*dbt, "--selector", "after_daily"])
    total = sum(row["seconds"] for row in rows)
    rows.append({"engine": engine, "step": "total", "days": args.days, "seconds": total,
                 "peak_mb": max(row["peak_mb"] for row in rows)})  # fmt: skip
    return rows, (env, ingest, ids, calibration, rng)


def run_daily_after(engine: str, work: Path, args, sequence: tuple) -> list[dict]:
    if not args.then_daily:
        return []
    env, ingest, ids, calibration, rng = sequence
    _timed([sys.executable, "-m", "orchestration.build", "--target", engine,
            "--target-path", str(work / "target"), "--mark-built"],
           env, work / f"{engine}.log")  # fmt: skip
    return [
        run_day(engine, work, env, ingest, ids, calibration, rng, args, offset)
        for offset in range(args.days, args.days + args.then_daily)
    ]


if __name__ == "__main__":
    sys.exit(main())
