"""``dbt build`` of what changed since the last successful build.

``make run`` (and the daily benchmark) call this instead of a bare
``dbt build``, so that a day's new files cost that day's work:

- the raw tables that received a file since the last successful build
  (``raw._loads.loaded_at`` later than the ``loaded_through`` it recorded)
  select their sources and everything downstream (``source:...+``), tests
  included;
- models, seeds, snapshots, tests or macros changed since then select
  themselves and their descendants (``state:modified+`` against the
  manifest kept in ``<target-path>/last_build``);
- nothing loaded and nothing changed: nothing to build, said so.

When no file of the project changed since the last build (models, macros,
tests, seeds, snapshots, the project and selector files: their hash is kept
beside the manifest), the data tests of the models incremental by day read
only the days the run rebuilt (var ``wattlas_test_rebuilt_days_only``, see
``macros/tests/rebuilt_days_tests.sql``): a day's tests cost that day's
work. After an edit they read everything the edit touched. Pass your own
``--vars`` and the runner adds none.

A full ``dbt build`` runs when there is no record to compare with: a new
warehouse (no ``audit.dbt_builds`` row), no kept manifest, or ``--full``.
A build that fails records nothing, so the next one selects the same files
again. The record lives in the warehouse itself (``audit.dbt_builds``), so a
deleted or swapped warehouse file never inherits another one's state.

When the build rebuilt a model tagged ``forecast_output`` (what the
consumption or charging demand forecasts read changed, or the forecast models
were edited), the forecasts of that family are refreshed
(``orchestration.forecasts``: backtest, next day) and the models reading them
built again, in ``<target-path>/forecasts``; their results replace those of
the first pass in ``run_results.json``.

``--mark-built`` records, without building, that the warehouse is built
as of its latest load (after a Dagster backfill, for example): the next
run then builds only what comes after.

Usage: ``python -m orchestration.build --target duckdb --target-path
target/duckdb [--full | --mark-built] [-- extra dbt arguments]``.
"""

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from orchestration import logging_setup
from orchestration.ingestion.warehouse import LOADS_TABLE, RAW_SCHEMA, connect

STATE_FOLDER = "last_build"
BUILDS_TABLE = "audit.dbt_builds"
ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("models", "macros", "tests", "seeds", "snapshots", "dbt_project.yml",
                 "selectors.yml")  # fmt: skip
PROJECT_HASH = "project.sha256"
TEST_REBUILT_DAYS_ONLY = '{"wattlas_test_rebuilt_days_only": true}'


def project_hash(root: Path = ROOT) -> str:
    """One hash of the dbt project's files (paths and contents)."""
    digest = hashlib.sha256()
    for part in PROJECT_PARTS:
        path = root / part
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file():
                digest.update(str(file.relative_to(root)).encode() + b"\0")
                digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()


def _dbt() -> str:
    return str(Path(sys.executable).with_name("dbt"))


def _exists(warehouse, qualified_table: str) -> bool:
    schema, table = qualified_table.split(".")
    return bool(
        warehouse.execute(
            "select 1 from information_schema.tables where table_schema = %s and table_name = %s",
            (schema, table),
        )
    )


def loaded_through(warehouse) -> datetime | None:
    """The latest load recorded in raw._loads (None when nothing was loaded)."""
    loads = f"{RAW_SCHEMA}.{LOADS_TABLE}"
    if not _exists(warehouse, loads):
        return None
    return warehouse.execute(f"select max(loaded_at) from {loads}")[0][0]


def last_build(warehouse) -> datetime | None:
    """``loaded_through`` of the last successful build, None if none."""
    if not _exists(warehouse, BUILDS_TABLE):
        return None
    return warehouse.execute(f"select max(loaded_through) from {BUILDS_TABLE}")[0][0]


def changed_raw_tables(warehouse, since: datetime) -> list[str]:
    """Raw tables (``raw.<name>``) with a file loaded after ``since``."""
    rows = warehouse.execute(
        f"select distinct raw_table from {RAW_SCHEMA}.{LOADS_TABLE} "
        "where loaded_at > %s order by 1",
        (since,),
    )
    return [row[0] for row in rows]


def source_selectors(manifest_path: Path, raw_tables: list[str]) -> list[str]:
    """``source:<source>.<table>+`` of the dbt sources reading these raw tables."""
    manifest = json.loads(manifest_path.read_text())
    wanted = {table.split(".")[-1].lower() for table in raw_tables}
    return sorted(
        f"source:{node['source_name']}.{node['name']}+"
        for node in manifest["sources"].values()
        if node["schema"] == RAW_SCHEMA and node["identifier"].lower() in wanted
    )


def record_build(warehouse, started_at: datetime, through: datetime | None, selection: str):
    warehouse.execute("create schema if not exists audit")
    warehouse.execute(
        f"create table if not exists {BUILDS_TABLE} "
        "(started_at timestamp, loaded_through timestamp, selection text)"
    )
    warehouse.execute(
        f"insert into {BUILDS_TABLE} values (%s, %s, %s)", (started_at, through, selection)
    )
    warehouse.commit()


def rebuilt_days_vars(state: Path, project: str, dbt_args: list[str]) -> list[str]:
    """The vars that scope the data tests to the rebuilt days: only when no
    project file changed since the last build (``state``) and the caller
    passes no vars of its own."""
    kept = state / PROJECT_HASH
    if "--vars" in dbt_args or not kept.is_file() or kept.read_text() != project:
        return []
    return ["--vars", TEST_REBUILT_DAYS_ONLY]


FORECAST_TAG = "forecast_output"
FORECAST_FOLDER = "forecasts"
# forecast family -> its raw table's dbt source (source ``forecasts``)
FORECAST_SOURCES = {"consumption": "consumption_daily", "charging": "charging_demand_daily"}


def _descendants(child_map: dict[str, list[str]], node: str) -> set[str]:
    seen: set[str] = set()
    stack = list(child_map.get(node, []))
    while stack:
        child = stack.pop()
        if child not in seen:
            seen.add(child)
            stack.extend(child_map.get(child, []))
    return seen


def forecasts_to_refresh(target_path: Path) -> list[str]:
    """The forecast families (``FORECAST_SOURCES``) one of whose models
    tagged ``forecast_output`` (downstream of the family's raw table) the
    build just rebuilt: a session file refreshes the charging demand
    forecasts only, a consumption file the consumption ones only."""
    results, manifest = target_path / "run_results.json", target_path / "manifest.json"
    if not results.is_file() or not manifest.is_file():
        return []
    manifest = json.loads(manifest.read_text())
    nodes = manifest["nodes"]
    rebuilt = {
        result["unique_id"]
        for result in json.loads(results.read_text())["results"]
        if FORECAST_TAG in nodes.get(result["unique_id"], {}).get("tags", [])
    }
    sources = {
        node["name"]: unique_id
        for unique_id, node in manifest["sources"].items()
        if node["source_name"] == FORECAST_FOLDER
    }
    return [
        family
        for family, table in FORECAST_SOURCES.items()
        if table in sources and rebuilt & _descendants(manifest["child_map"], sources[table])
    ]


def refresh_forecasts(target: str, duckdb_path: Path | None, target_path: Path,
                      dbt_args: list[str], families: list[str]) -> int:  # fmt: skip
    """Backtest and forecast each family, then build the models reading its
    forecasts; their results are merged into ``run_results.json`` of
    ``target_path``."""
    from orchestration.forecasts import charging
    from orchestration.forecasts.backtest import run as run_consumption

    runners = {"consumption": run_consumption, "charging": charging.run}
    warehouse = connect(target, duckdb_path)
    try:
        for family in families:
            runners[family](warehouse)
    finally:
        warehouse.close()
    second = target_path / FORECAST_FOLDER
    second.mkdir(parents=True, exist_ok=True)
    if (target_path / "partial_parse.msgpack").is_file():  # no second full parse
        shutil.copy(target_path / "partial_parse.msgpack", second / "partial_parse.msgpack")
    selection = [f"source:{FORECAST_FOLDER}.{FORECAST_SOURCES[family]}+" for family in families]
    status = _run([_dbt(), "build", "--target", target, "--target-path", str(second),
                   "--select", *selection, *dbt_args])  # fmt: skip
    if (second / "run_results.json").is_file() and (target_path / "run_results.json").is_file():
        first = json.loads((target_path / "run_results.json").read_text())
        again = json.loads((second / "run_results.json").read_text())["results"]
        rebuilt = {result["unique_id"] for result in again}
        first["results"] = [r for r in first["results"] if r["unique_id"] not in rebuilt] + again
        (target_path / "run_results.json").write_text(json.dumps(first))
    return status


def _run(args: list[str]) -> int:
    print("$ dbt " + " ".join(args[1:]), flush=True)
    return subprocess.run(args).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m orchestration.build", description=__doc__)
    parser.add_argument("--target", default="duckdb", choices=["duckdb", "postgres"])
    parser.add_argument("--target-path", type=Path, default=Path("target/duckdb"))
    parser.add_argument("--duckdb-path", type=Path, default=None)
    parser.add_argument("--full", action="store_true", help="build everything")
    parser.add_argument(
        "--mark-built", action="store_true",
        help="record the warehouse as built through its latest load, build nothing",
    )  # fmt: skip
    parser.add_argument("dbt_args", nargs="*", help="more dbt build arguments, after --")
    args = parser.parse_args(argv)
    logging_setup.configure()

    state = args.target_path / STATE_FOLDER
    started_at = datetime.now(UTC).replace(tzinfo=None)
    project = project_hash()  # before dbt reads the files
    warehouse = connect(args.target, args.duckdb_path)
    try:
        through = loaded_through(warehouse)
        previous = None if args.full else last_build(warehouse)
    finally:
        warehouse.close()

    base = [_dbt(), "build", "--target", args.target, "--target-path", str(args.target_path)]
    if args.mark_built:
        selection = "marked built"
        status = _run([_dbt(), "parse", "--target", args.target,
                       "--target-path", str(args.target_path)])  # fmt: skip
    elif previous is None or not (state / "manifest.json").is_file():
        print("build: everything (no earlier build of this warehouse to compare with)")
        selection = ""
        status = _run([*base, *args.dbt_args])
    else:
        warehouse = connect(args.target, args.duckdb_path)
        try:
            tables = changed_raw_tables(warehouse, previous)
        finally:
            warehouse.close()
        # sources as of the last build: a source added since is new, so
        # state:modified+ selects it (no second parse of the project)
        selectors = source_selectors(state / "manifest.json", tables)
        selectors.append("state:modified+")
        selection = " ".join(selectors)
        print(
            f"build: what {len(tables)} raw table(s) with files loaded since "
            f"{previous:%Y-%m-%d %H:%M:%S} UTC feed{': ' + ', '.join(tables) if tables else ''}; "
            "and what was edited since the last build"
        )
        scope = rebuilt_days_vars(state, project, args.dbt_args)
        if scope:
            print("build: no project file edited, the tests read the rebuilt days")
        status = _run(
            [*base, "--select", *selectors, "--state", str(state), *scope, *args.dbt_args]
        )
    families = [] if status != 0 or args.mark_built else forecasts_to_refresh(args.target_path)
    if families:
        status = refresh_forecasts(args.target, args.duckdb_path, args.target_path, args.dbt_args,
                                   families)  # fmt: skip
    if status == 0:
        state.mkdir(parents=True, exist_ok=True)
        shutil.copy(args.target_path / "manifest.json", state / "manifest.json")
        (state / PROJECT_HASH).write_text(project)
        warehouse = connect(args.target, args.duckdb_path)
        try:
            record_build(warehouse, started_at, through, selection)
        finally:
            warehouse.close()
    return status


if __name__ == "__main__":
    raise SystemExit(main())
