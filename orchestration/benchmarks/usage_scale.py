"""Benchmark of the usage models at national scale.

A script, not a test: ``python -m orchestration.benchmarks.usage_scale --help``.

1. Generates, seeded and deterministic, a synthetic national day and a
   synthetic national month of operator data calibrated on the shipped real
   samples: charge points cloned from the QualiCharge Statique sample (real
   stations, powers and locations, new ids), session start hours, durations
   and energy-per-power ratios bootstrapped from the real Bouches-du-Rhône
   day (rtet-paca feed, 2025-04-25), the status mix (share of hors_service
   events) from the same day, and the volumes of the issue (about 150,000
   charge points, 1.5 sessions and a few statuses per point per day;
   options below).
2. Writes the files into a temporary landing folder in the operator feed
   layout (``operators/rtet-paca/{statuses,sessions}/`` JSON arrays and a
   ``qualicharge/statique`` JSON lines file), loads the shipped sample (the
   reference data the models need, not timed) then the synthetic files
   (timed), and builds ``+path:models/marts/usage`` with dbt (timed).
   Then re-runs the last day alone (timed), as a Dagster partition run
   does (vars ``min_date``/``max_date``): the cost of one day at the
   scenario's volume.
3. Prints one line per engine and scenario: rows, load, build and day
   re-run seconds, and the peak resident memory of the loader and dbt
   processes (for PostgreSQL the server's own memory is not included: the
   client side is what is measured; the database size is printed instead).

PostgreSQL runs use the libpq variables (PGHOST, PGPORT, PGUSER) and a
throwaway database (``--pg-database``, dropped and re-created).
"""

import argparse
import datetime as dt
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
PARIS = ZoneInfo("Europe/Paris")
OPERATOR = "rtet-paca"
ONE_DAY = dt.timedelta(days=1)


def _read_json_array(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def _parse(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


class Calibration:
    """Empirical distributions of the real Bouches-du-Rhône day."""

    def __init__(self) -> None:
        base = SAMPLE / "operators" / OPERATOR
        powers = {
            row["id_pdc_itinerance"]: float(row["puissance_nominale"] or 0)
            for path in sorted((base / "statique").glob("*.json.gz"))
            for row in _read_json_array(path)
        }
        sessions = [
            row
            for path in sorted((base / "sessions").glob("*.json.gz"))
            for row in _read_json_array(path)
        ]
        statuses = [
            row
            for path in sorted((base / "statuses").glob("*.json.gz"))
            for row in _read_json_array(path)
        ]
        self.start_minutes: list[int] = []
        self.durations: list[float] = []
        self.energy_ratios: list[float] = []
        for row in sessions:
            start, end = _parse(row["start"]), _parse(row["end"])
            local = start.astimezone(PARIS)
            self.start_minutes.append(local.hour * 60 + local.minute)
            seconds = (end - start).total_seconds()
            self.durations.append(min(seconds, 6 * 3600.0))
            power = powers.get(row["id_pdc_itinerance"]) or 0
            if power > 0 and seconds > 0:
                self.energy_ratios.append(
                    min(float(row["energy"]) / (power * seconds / 3600.0), 1.0)
                )
        self.hs_share = sum(row["etat_pdc"] == "hors_service" for row in statuses) / len(statuses)
        self.real_sessions = len(sessions)
        self.real_statuses = len(statuses)


def _static_templates() -> list[dict]:
    path = SAMPLE / "qualicharge" / "statique" / "irve-statique.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(PARIS).isoformat()


def generate(
    landing: Path,
    points: int,
    days: int,
    first_day: dt.date,
    sessions_per_point: float,
    extra_statuses_per_point: float,
    seed: int,
) -> dict[str, int]:
    """Write the synthetic files; return row counts."""
    rng = random.Random(seed)
    calibration = Calibration()
    templates = _static_templates()
    static_dir = landing / "qualicharge" / "statique"
    static_dir.mkdir(parents=True, exist_ok=True)
    charge_points: list[tuple[str, float]] = []
    with gzip.open(static_dir / "synthetic_statique.json.gz", "wt", compresslevel=1) as handle:
        for index in range(points):
            template = dict(templates[index % len(templates)])
            cycle = index // len(templates)
            suffix = f"Z{cycle}"
            template["id_pdc_itinerance"] = template["id_pdc_itinerance"][:34] + suffix
            template["id_station_itinerance"] = template["id_station_itinerance"][:34] + suffix
            handle.write(json.dumps(template) + "\n")
            try:
                power = float(template.get("puissance_nominale") or 22)
            except ValueError:
                power = 22.0
            charge_points.append((template["id_pdc_itinerance"], power))

    counts = {"points": points, "sessions": 0, "statuses": 0}
    for day_offset in range(days):
        day = first_day + dt.timedelta(days=day_offset)
        midnight = dt.datetime(day.year, day.month, day.day, tzinfo=PARIS)
        sessions, statuses = [], []
        for charge_point_id, power in charge_points:
            count = _poisson(rng, sessions_per_point)
            starts = sorted(
                midnight
                + dt.timedelta(
                    minutes=rng.choice(calibration.start_minutes), seconds=rng.randrange(60)
                )
                for _ in range(count)
            )
            previous_end = midnight
            for start in starts:
                start = max(start, previous_end + dt.timedelta(minutes=1))
                seconds = rng.choice(calibration.durations)
                end = start + dt.timedelta(seconds=seconds)
                ratio = rng.choice(calibration.energy_ratios)
                energy = round(power * seconds / 3600.0 * ratio, 3)
                sessions.append(
                    {
                        "start": _iso(start),
                        "end": _iso(end),
                        "energy": energy,
                        "id_pdc_itinerance": charge_point_id,
                    }
                )
                statuses.append(
                    {
                        "horodatage": _iso(start),
                        "etat_pdc": "en_service",
                        "occupation_pdc": "occupe",
                        "id_pdc_itinerance": charge_point_id,
                    }
                )
                statuses.append(
                    {
                        "horodatage": _iso(end),
                        "etat_pdc": "en_service",
                        "occupation_pdc": "libre",
                        "id_pdc_itinerance": charge_point_id,
                    }
                )
                previous_end = end
            for _ in range(_poisson(rng, extra_statuses_per_point)):
                moment = midnight + dt.timedelta(seconds=rng.randrange(86400))
                out = rng.random() < calibration.hs_share * 10
                statuses.append(
                    {
                        "horodatage": _iso(moment),
                        "etat_pdc": "hors_service" if out else "en_service",
                        "occupation_pdc": "inconnu" if out else "libre",
                        "id_pdc_itinerance": charge_point_id,
                    }
                )
        for feed, rows in (("sessions", sessions), ("statuses", statuses)):
            folder = landing / "operators" / OPERATOR / feed
            folder.mkdir(parents=True, exist_ok=True)
            with gzip.open(
                folder / f"synthetic_{feed}_{day.isoformat()}.json.gz", "wt", compresslevel=1
            ) as handle:
                handle.write("[\n" + ",\n".join(json.dumps(row) for row in rows) + "\n]\n")
            counts[feed] += len(rows)
    return counts


def _poisson(rng: random.Random, mean: float) -> int:
    limit, product, count = pow(2.718281828459045, -mean), rng.random(), 0
    while product > limit:
        product *= rng.random()
        count += 1
    return count


def _timed(args: list[str], env: dict[str, str], log: Path) -> tuple[float, float]:
    """Run a command; (seconds, peak resident memory of that process in MB)."""
    started = time.perf_counter()
    with log.open("a") as output:
        process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=output, stderr=output)
        _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(args)}\n{log.read_text()[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024


def engine_environment(engine: str, work: Path, pg_database: str) -> tuple[dict, list[str]]:
    """(environment, loader command) for a throwaway warehouse: a DuckDB file
    in ``work``, or the PostgreSQL database ``pg_database``, dropped and
    re-created."""
    env = {**os.environ, "DBT_PROFILES_DIR": str(ROOT / "profiles")}
    ingest = [sys.executable, "-m", "orchestration.ingestion"]
    if engine == "duckdb":
        path = work / "bench.duckdb"
        env |= {"WATTLAS_TARGET": "duckdb", "WATTLAS_DUCKDB_PATH": str(path)}
        return env, [*ingest, "--duckdb-path", str(path)]
    import psycopg2

    admin = psycopg2.connect(dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f"drop database if exists {pg_database} with (force)")
        cursor.execute(f"create database {pg_database}")
    admin.close()
    env |= {"WATTLAS_TARGET": "postgres", "PGDATABASE": pg_database}
    return env, [*ingest, "--target", "postgres"]


def run_engine(engine: str, landing: Path, work: Path, last_day: dt.date, args) -> dict:
    env, ingest = engine_environment(engine, work, args.pg_database)
    log = work / f"{engine}.log"
    _timed([*ingest, "load", "--sample"], env, log)  # reference data, not timed
    load_seconds, load_rss = 0.0, 0.0
    for dataset, pattern in (
        ("qualicharge/statique", "qualicharge/statique/*.json.gz"),
        ("operators/statuses", f"operators/{OPERATOR}/statuses/*.json.gz"),
        ("operators/sessions", f"operators/{OPERATOR}/sessions/*.json.gz"),
    ):
        files = [str(path) for path in sorted(landing.glob(pattern))]
        seconds, rss = _timed([*ingest, "load", dataset, *files], env, log)
        load_seconds += seconds
        load_rss = max(load_rss, rss)
    dbt = [
        str(ROOT / ".venv" / "bin" / "dbt"),
        "run",
        "--target",
        engine,
        "--target-path",
        str(work / f"target_{engine}"),
        "--log-path",
        str(work / "logs"),
        "--select",
        "+path:models/marts/usage",
    ]
    # Reference seeds (the territory outline the static checks read): not timed.
    _timed([*dbt[:1], "seed", *dbt[2:-2]], env, log)
    build_seconds, build_rss = _timed(dbt, env, log)
    day_vars = {"min_date": last_day.isoformat(), "max_date": (last_day + ONE_DAY).isoformat()}
    day_seconds, day_rss = _timed([*dbt, "--vars", json.dumps(day_vars)], env, log)
    size = "-"
    if engine == "duckdb":
        size = f"{(work / 'bench.duckdb').stat().st_size / 2**20:.0f} MB"
    else:
        import psycopg2

        connection = psycopg2.connect(dbname=args.pg_database)
        with connection.cursor() as cursor:
            cursor.execute("select pg_size_pretty(pg_database_size(current_database()))")
            size = cursor.fetchone()[0]
        connection.close()
    return {
        "load_s": load_seconds,
        "build_s": build_seconds,
        "day_s": day_seconds,
        "peak_mb": max(load_rss, build_rss, day_rss),
        "size": size,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m orchestration.benchmarks.usage_scale", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--points", type=int, default=150_000, help="charge points (150000)")
    parser.add_argument(
        "--days",
        type=int,
        nargs="+",
        default=[1, 30],
        help="scenarios, in days (default: 1 30 = a day and a month)",
    )
    parser.add_argument("--first-day", type=dt.date.fromisoformat, default=dt.date(2025, 6, 2))
    parser.add_argument("--sessions-per-point", type=float, default=1.5)
    parser.add_argument(
        "--extra-statuses-per-point",
        type=float,
        default=1.0,
        help="statuses besides the occupe/libre pair of each session",
    )
    parser.add_argument("--seed", type=int, default=20250425)
    parser.add_argument(
        "--engines", nargs="+", default=["duckdb", "postgres"], choices=["duckdb", "postgres"]
    )
    parser.add_argument("--pg-database", default="wattlas_usage_bench")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)

    results = []
    for days in args.days:
        work = Path(tempfile.mkdtemp(prefix=f"usage_bench_{days}d_"))
        try:
            started = time.perf_counter()
            counts = generate(
                work / "landing",
                args.points,
                days,
                args.first_day,
                args.sessions_per_point,
                args.extra_statuses_per_point,
                args.seed,
            )
            generated = time.perf_counter() - started
            print(f"generated {days} day(s): {counts} in {generated:.0f} s", flush=True)
            for engine in args.engines:
                last_day = args.first_day + (days - 1) * ONE_DAY
                figures = run_engine(engine, work / "landing", work, last_day, args)
                results.append((engine, days, counts, figures))
                print(f"{engine} {days} d: {figures}", flush=True)
        finally:
            if args.keep:
                print(f"kept {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)

    header = (
        f"{'engine':<9}{'days':>5}{'points':>9}{'statuses':>11}{'sessions':>11}"
        f"{'load s':>9}{'build s':>9}{'day s':>8}{'peak MB':>9}  size"
    )
    print(header)
    print("-" * len(header))
    for engine, days, counts, figures in results:
        print(
            f"{engine:<9}{days:>5}{counts['points']:>9}{counts['statuses']:>11}"
            f"{counts['sessions']:>11}{figures['load_s']:>9.1f}{figures['build_s']:>9.1f}"
            f"{figures['day_s']:>8.1f}"
            f"{figures['peak_mb']:>9.0f}  {figures['size']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
