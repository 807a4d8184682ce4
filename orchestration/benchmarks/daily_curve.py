"""Benchmark: the cost of each day of a sequence of national days.

A script, not a test: ``python -m orchestration.benchmarks.daily_curve --help``.

1. Generates, seeded and deterministic, national data in the national file
   formats: one static file (QualiCharge statique JSON lines, charge points
   cloned from the shipped real extract with new ids), then per day the
   national ``changements-statut`` CSV and the QualiCharge session JSON
   lines. Calibrated on the shipped real files: the mix of (etat_pdc,
   occupation_pdc) of the real national status-change day (2026-08-14),
   session durations and energies (drawn together) of the real QualiCharge
   sessions; volumes from the options (default 150,000 points, 580,000
   status lines and 300,000 sessions a day, Poisson per point).
2. Loads the shipped sample once (reference data, untimed), then for each
   day, as ``make run`` after the day's files land: the loader (timed) and
   the build of what the new files changed (``orchestration.build``: one
   ``dbt build`` with the data tests of what it builds, unit tests left to
   ``make test``; day 1 builds everything) (timed), with the peak resident
   memory of those processes. Column ``test s`` is the part of the build
   spent in data tests (their summed execution times). With ``--keep``,
   each day's dbt run results stay in the work folder (``build_dayN.json``).
3. Beside each day, the single-pass floor: one DuckDB query over that day's
   files alone (per-point state durations from the status lines, sessions
   and energy per department), the least any system must spend on the day;
   and the ratio of the day's total to it.

PostgreSQL uses the libpq variables and a throwaway database
(``--pg-database``, dropped and re-created).
"""

import argparse
import csv
import datetime as dt
import gzip
import json
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from orchestration.benchmarks.usage_scale import (
    SAMPLE,
    _poisson,
    _static_templates,
    _timed,
    engine_environment,
)

STATUS_SAMPLE = (
    SAMPLE / "irve" / "changements_statut" / "irve-dynamique-changements-statut_2026-08-14.csv.gz"
)
SESSION_SAMPLE = SAMPLE / "qualicharge" / "sessions" / "irve-dynamique-sessions.json.gz"


class Calibration:
    """Empirical distributions of the shipped real national files."""

    def __init__(self) -> None:
        states: Counter = Counter()
        with gzip.open(STATUS_SAMPLE, "rt", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                states[(row["etat_pdc"], row["occupation_pdc"])] += 1
        self.states = list(states)
        self.state_weights = [states[state] for state in self.states]
        self.sessions: list[tuple[int, float]] = []  # (seconds, kWh) of real sessions
        with gzip.open(SESSION_SAMPLE, "rt", encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                seconds = (int(row["end"]) - int(row["start"])) // 1000
                if 60 <= seconds <= 12 * 3600 and 0 < float(row["energy"]) < 1000:
                    self.sessions.append((seconds, float(row["energy"])))


def write_static(landing: Path, points: int) -> list[str]:
    """The static file: the real extract's lines cloned with new ids."""
    templates = _static_templates()
    folder = landing / "qualicharge" / "statique"
    folder.mkdir(parents=True, exist_ok=True)
    ids = []
    with gzip.open(folder / "synthetic_statique.json.gz", "wt", compresslevel=1) as handle:
        for index in range(points):
            row = dict(templates[index % len(templates)])
            suffix = f"Z{index // len(templates)}"
            row["id_pdc_itinerance"] = row["id_pdc_itinerance"][:30] + suffix
            row["id_station_itinerance"] = row["id_station_itinerance"][:30] + suffix
            handle.write(json.dumps(row) + "\n")
            ids.append(row["id_pdc_itinerance"])
    return ids


def write_day(
    landing: Path,
    day: dt.date,
    ids: list[str],
    calibration: Calibration,
    status_lines_per_point: float,
    sessions_per_point: float,
    rng: random.Random,
) -> dict[str, Path | int]:
    """One day's national status-change CSV and session JSON lines."""
    midnight = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    status_folder = landing / "irve" / "changements_statut"
    session_folder = landing / "qualicharge" / "sessions"
    status_folder.mkdir(parents=True, exist_ok=True)
    session_folder.mkdir(parents=True, exist_ok=True)
    status_path = status_folder / f"irve-dynamique-changements-statut_{day}.csv.gz"
    session_path = session_folder / f"irve-dynamique-sessions_{day}.json.gz"
    statuses = sessions = 0
    collected = (midnight + dt.timedelta(days=1)).isoformat()
    with (
        gzip.open(status_path, "wt", compresslevel=1, newline="") as status_file,
        gzip.open(session_path, "wt", compresslevel=1) as session_file,
    ):
        status_file.write(
            "id_pdc_itinerance,etat_pdc,occupation_pdc,horodatage,horodatage_collecte\n"
        )
        for point in ids:
            for _ in range(_poisson(rng, status_lines_per_point)):
                moment = midnight + dt.timedelta(microseconds=rng.randrange(86_400_000_000))
                status, occupancy = rng.choices(calibration.states, calibration.state_weights)[0]
                status_file.write(
                    f"{point},{status},{occupancy},{moment.isoformat(' ')},{collected}\n"
                )
                statuses += 1
            for _ in range(_poisson(rng, sessions_per_point)):
                start = midnight + dt.timedelta(seconds=rng.randrange(86_400))
                seconds, energy = rng.choice(calibration.sessions)
                start_ms = int(start.timestamp() * 1000)
                session_file.write(
                    json.dumps(
                        {"energy": energy, "start": start_ms, "end": start_ms + seconds * 1000,
                         "id_pdc_itinerance": point}
                    ) + "\n"
                )  # fmt: skip
                sessions += 1
    return {"statuses": statuses, "sessions": sessions, "status_path": status_path,
            "session_path": session_path}  # fmt: skip


def floor_seconds(static_path: Path, status_path: Path, session_path: Path) -> float:
    """One DuckDB pass over the day's files: state durations per point, and
    sessions and energy per department."""
    import duckdb

    started = time.perf_counter()
    connection = duckdb.connect()
    connection.execute(
        f"""
        with statuses as (
            select id_pdc_itinerance as point, etat_pdc, occupation_pdc,
                cast(horodatage as timestamptz) as status_at
            from read_csv('{status_path}', all_varchar = true)
        ),
        intervals as (
            select point, etat_pdc, occupation_pdc,
                epoch(coalesce(lead(status_at) over (partition by point order by status_at),
                    date_trunc('day', status_at) + interval 1 day) - status_at) as seconds
            from statuses
        ),
        durations as (
            select point, etat_pdc, occupation_pdc, sum(seconds) as seconds
            from intervals
            group by all
        ),
        static as (
            select id_pdc_itinerance as point, left(code_insee_commune, 2) as department
            from read_json('{static_path}', format = 'newline_delimited')
        ),
        sessions as (
            select id_pdc_itinerance as point, energy
            from read_json('{session_path}', format = 'newline_delimited')
        )
        select
            (select count(distinct point) from durations) as points,
            (select count(*) from (
                select static.department, count(*), sum(sessions.energy)
                from sessions left join static using (point)
                group by static.department
            )) as departments
        """
    ).fetchall()
    connection.close()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m orchestration.benchmarks.daily_curve",
        description=__doc__.split("\n\n")[0],
    )
    parser.add_argument("--points", type=int, default=150_000)
    parser.add_argument("--days", type=int, default=5, help="days in the sequence (5)")
    parser.add_argument("--first-day", type=dt.date.fromisoformat, default=dt.date(2026, 9, 1))
    parser.add_argument(
        "--status-lines", type=int, default=580_000, help="status lines a day (580000)"
    )
    parser.add_argument("--sessions", type=int, default=300_000, help="sessions a day (300000)")
    parser.add_argument("--seed", type=int, default=20260814)
    parser.add_argument("--engines", nargs="+", default=["duckdb"], choices=["duckdb", "postgres"])
    parser.add_argument("--pg-database", default="wattlas_curve_bench")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)

    calibration = Calibration()
    rows = []
    for engine in args.engines:
        work = Path(tempfile.mkdtemp(prefix=f"daily_curve_{engine}_"))
        try:
            rows += run_sequence(engine, work, calibration, args)
        finally:
            if args.keep:
                print(f"kept {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)
    print_days(rows)
    return 0


def run_sequence(engine: str, work: Path, calibration: Calibration, args) -> list[dict]:
    env, ingest = engine_environment(engine, work, args.pg_database)
    _timed([*ingest, "load", "--sample"], env, work / f"{engine}.log")  # reference data
    rng = random.Random(args.seed)
    ids = write_static(work / "landing", args.points)
    return [
        run_day(engine, work, env, ingest, ids, calibration, rng, args, offset)
        for offset in range(args.days)
    ]


def run_day(engine, work, env, ingest, ids, calibration, rng, args, offset) -> dict:
    """Day ``offset`` (from 0) of the sequence: its files land, then what
    ``make run`` does (the loader, then one dbt build of what the new files
    changed, with the data tests of what it builds), timed."""
    log = work / f"{engine}.log"
    landing = work / "landing"
    logs = ["--log-path", str(work / "logs")]
    build = [sys.executable, "-m", "orchestration.build", "--target", engine,
             "--target-path", str(work / "target")]  # fmt: skip
    day = args.first_day + dt.timedelta(days=offset)
    files = write_day(
        landing, day, ids, calibration, args.status_lines / args.points,
        args.sessions / args.points, rng,
    )  # fmt: skip
    load_s, load_mb = _timed([*ingest, "--landing-root", str(landing), "load"], env, log)
    build_s, build_mb = _timed(
        [*build, "--", "--exclude-resource-type", "unit_test", *logs], env, log
    )  # fmt: skip
    results = json.loads((work / "target" / "run_results.json").read_text())
    shutil.copy(work / "target" / "run_results.json", work / f"build_day{offset + 1}.json")
    test_s = sum(
        result["execution_time"] for result in results["results"]
        if result["unique_id"].startswith("test.")
    )  # fmt: skip
    static_path = landing / "qualicharge" / "statique" / "synthetic_statique.json.gz"
    floor_s = floor_seconds(static_path, files["status_path"], files["session_path"])
    row = {
        "engine": engine, "day": offset + 1, "statuses": files["statuses"],
        "sessions": files["sessions"], "load_s": load_s, "build_s": build_s,
        "test_s": test_s, "total_s": load_s + build_s,
        "peak_mb": max(load_mb, build_mb), "floor_s": floor_s,
    }  # fmt: skip
    print(json.dumps({key: round(value, 1) if isinstance(value, float) else value
                      for key, value in row.items()}), flush=True)  # fmt: skip
    return row


def print_days(rows: list[dict]) -> None:
    header = (
        f"{'engine':<9}{'day':>4}{'statuses':>10}{'sessions':>10}{'load s':>8}{'build s':>9}"
        f"{'test s':>8}{'total s':>9}{'peak MB':>9}{'floor s':>9}{'ratio':>7}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['engine']:<9}{row['day']:>4}{row['statuses']:>10}{row['sessions']:>10}"
            f"{row['load_s']:>8.1f}{row['build_s']:>9.1f}{row['test_s']:>8.1f}"
            f"{row['total_s']:>9.1f}{row['peak_mb']:>9.0f}{row['floor_s']:>9.2f}"
            f"{row['total_s'] / row['floor_s']:>7.0f}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
