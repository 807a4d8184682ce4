"""The Dagster code location end to end, in-process, on the shipped sample.

One module-scoped warehouse (a temporary DuckDB file, offline/sample mode, a
temporary landing folder) goes through, in order:

1. the definitions load (jobs resolve, ingestion keys = dbt sources' keys);
2. every asset materialised in one run (ingestion + the whole dbt build,
   the daily models over the days the daily job rebuilds);
3. the daily job over that warehouse: marts unchanged, one more run logged;
4. a single-run backfill of two daily partitions;
5. the landing sensor: a new operator file is loaded by a first run, then
   exactly the days the load recorded are requested, once per file version;
6. a second writer while DuckDB is locked: a clear Failure, and the
   run-failure sensor posts it to a local HTTP receiver; the quality sensor
   posts a stale operator.

The dbt manifest is parsed here, before the definitions are imported
(``dbt parse --target-path target/dagster``). The full dbt builds
dominate the runtime (several minutes on the sample).
"""

import gzip
import json
import os
import subprocess
import sys
import threading
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from orchestration import settings
from orchestration.ingestion.registry import REPO_ROOT

SAMPLE_SESSIONS = (
    REPO_ROOT
    / "data/sample/operators/rtet-paca/sessions"
    / "session_bouches_du_rhone_25_avril_prod.json.gz"
)
DAY = "2025-04-25"


# Under pytest-xdist every worker imports this module: one manifest folder each.
if os.environ.get("PYTEST_XDIST_WORKER") and not os.environ.get("WATTLAS_DAGSTER_DBT_TARGET_PATH"):
    os.environ["WATTLAS_DAGSTER_DBT_TARGET_PATH"] = (
        f"target/dagster-{os.environ['PYTEST_XDIST_WORKER']}"
    )


def _parse_manifest() -> None:
    """A manifest of the models as they are now (a stale one fails the build
    with a KeyError on nodes it does not know)."""
    subprocess.run(
        [str(Path(sys.executable).parent / "dbt"), "parse", "--target-path",
         str(settings.dbt_target_path()), "--log-path", str(settings.dbt_target_path())],
        cwd=REPO_ROOT, check=True,
        env={**os.environ, "DBT_PROFILES_DIR": str(REPO_ROOT / "profiles")},
    )  # fmt: skip


_parse_manifest()

import dagster as dg  # noqa: E402

from orchestration.alerts import (  # noqa: E402
    post_alert,
    quality_alert_sensor,
    run_failure_alert_sensor,
)
from orchestration.assets.dbt import (  # noqa: E402
    HAS_INCREMENTAL_MODELS,
    dbt_assets_defs,
    dbt_daily_models,
    incremental_model_names,
)
from orchestration.assets.forecasts import forecast_assets  # noqa: E402
from orchestration.assets.ingestion import ingestion_assets  # noqa: E402
from orchestration.checks import asset_checks  # noqa: E402
from orchestration.definitions import build_definitions  # noqa: E402
from orchestration.resources import build_resources  # noqa: E402
from orchestration.schedules import daily_run_config  # noqa: E402
from orchestration.sensors import (  # noqa: E402
    RANGE_END_TAG,
    RANGE_START_TAG,
    operator_landing_sensor,
)


class Receiver:
    """A webhook on 127.0.0.1 that keeps the JSON bodies it receives."""

    def __init__(self):
        self.payloads: list[dict] = []
        payloads = self.payloads

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                payloads.append(json.loads(self.rfile.read(length)))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/alerts"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    root = tmp_path_factory.mktemp("dagster")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WATTLAS_TARGET", "duckdb")
        patch.setenv("WATTLAS_DUCKDB_PATH", str(root / "warehouse.duckdb"))
        patch.setenv("WATTLAS_OFFLINE", "1")
        patch.setenv("WATTLAS_LANDING_ROOT", str(root / "landing"))
        patch.setenv("WATTLAS_DAGSTER_DBT_TARGET_PATH", str(root / "dbt"))
        patch.delenv("WATTLAS_ALERT_WEBHOOK_URL", raising=False)
        (root / "dbt").mkdir()
        yield root


@pytest.fixture(scope="module")
def resources(env):
    return build_resources()


@pytest.fixture(scope="module")
def defs(resources):
    return build_definitions(resources)


@pytest.fixture(scope="module")
def instance():
    with dg.instance_for_test() as test_instance:
        yield test_instance


def _query(resources, sql: str) -> list[tuple]:
    connection = resources["warehouse"].connect()
    try:
        return connection.execute(sql)
    finally:
        connection.close()


def _marts_snapshot(resources) -> dict[str, tuple]:
    """Row count and an order-independent checksum (sum of row hashes) per mart,
    computed in DuckDB: the marts hold millions of rows."""
    tables = _query(
        resources,
        "select table_name from information_schema.tables where table_schema = 'marts' "
        "and table_type = 'BASE TABLE' order by 1",
    )
    return {
        name: _query(resources, f'select count(*), sum(hash(t)) from marts."{name}" as t')[0]
        for (name,) in tables
    }


def _run_count(resources) -> int:
    sql = "select count(distinct dagster_run_id) from audit.dbt_run_results"
    return _query(resources, sql)[0][0]


def test_definitions_load(defs):
    for job_name in ("daily_job", "landing_job", "rollups_job", "annual_reference_job"):
        assert defs.resolve_job_def(job_name) is not None
    graph = defs.resolve_asset_graph()
    from orchestration.project import get_dbt_project

    nodes = json.loads(get_dbt_project().manifest_path.read_text())["sources"].values()
    # every raw table's source has its ingestion asset; the loader's own
    # bookkeeping (raw._loads, written by all of them) has none, and the
    # forecasts have the forecast asset
    source_keys = {dg.AssetKey(node["meta"]["dagster"]["asset_key"]) for node in nodes
                   if node["source_name"] not in ("loader", "forecasts")}  # fmt: skip
    ingestion_keys = {key for asset in ingestion_assets for key in asset.keys}
    assert source_keys <= ingestion_keys, source_keys - ingestion_keys
    forecast_keys = {dg.AssetKey(node["meta"]["dagster"]["asset_key"]) for node in nodes
                     if node["source_name"] == "forecasts"}  # fmt: skip
    assert forecast_keys == {key for asset in forecast_assets for key in asset.keys}
    # Groups are domains (meta.domain by folder in dbt_project.yml), never layers
    # nor Dagster's "default"; a raw table is in its dbt source's domain.
    domains = {"core", "consumption", "charging", "usage", "quality", "history"}
    assert {graph.get(key).group_name for key in graph.get_all_asset_keys()} == domains
    assert graph.get(dg.AssetKey(["raw", "operators__sessions"])).group_name == "charging"
    assert graph.get(dg.AssetKey(["raw", "odre__eco2mix_regional_tr"])).group_name == "consumption"
    groups = {key.path[-1]: graph.get(key).group_name for key in graph.get_all_asset_keys()}
    assert groups["dim_regions"] == groups["stg_cog__regions"] == "core"
    assert groups["int_charge_point_states_daily"] == "usage"
    assert groups["fct_quality_results"] == "quality"
    assert groups["snap_charge_points"] == "history"
    assert HAS_INCREMENTAL_MODELS, "no model tagged daily_partitioned in the manifest"
    assert dbt_daily_models.backfill_policy == dg.BackfillPolicy.multi_run(5)
    assert dbt_daily_models.partitions_def.timezone == "Europe/Paris"
    daily = defs.resolve_schedule_def("daily_schedule")
    assert (daily.cron_schedule, daily.execution_timezone) == ("0 5 * * *", "Europe/Paris")
    checks = {spec.key for asset in dbt_assets_defs for spec in asset.check_specs}
    assert checks, "dbt tests must be asset checks"


def test_freshness_follows_the_sources_and_the_daily_schedule(defs):
    from orchestration.freshness import DAILY_DEADLINE_CRON, DAILY_RUN_ALLOWANCE, source_policy
    from orchestration.project import get_dbt_project

    graph = defs.resolve_asset_graph()
    manifest = json.loads(get_dbt_project().manifest_path.read_text())
    # every raw table judged by the delays of its dbt source
    for source in manifest["sources"].values():
        key = dg.AssetKey(source["meta"]["dagster"]["asset_key"])
        if source["source_name"] != "loader":
            assert graph.get(key).freshness_policy == source_policy(source["freshness"]), key
    statuses = graph.get(dg.AssetKey(["raw", "irve__consolidation_dynamique"])).freshness_policy
    assert statuses.fail_window.to_timedelta().days == 3
    # the daily models, and only they, are due between the schedule's start and
    # the deadline
    policies = {key.path[-1]: graph.get(key).freshness_policy for key in graph.get_all_asset_keys()}
    for name in incremental_model_names():
        assert policies[name].deadline_cron == DAILY_DEADLINE_CRON, name
        assert policies[name].timezone == "Europe/Paris"
    assert policies["dim_regions"] is None
    deadline_hour = int(DAILY_DEADLINE_CRON.split()[1])
    schedule_hour = int(defs.resolve_schedule_def("daily_schedule").cron_schedule.split()[1])
    assert deadline_hour - DAILY_RUN_ALLOWANCE.total_seconds() / 3600 == schedule_hour


def test_every_dbt_test_runs_in_exactly_one_step():
    """The three selectors of the dbt steps share out every data test: none
    runs twice, none is left out; a test reading a dimension built after the
    daily set runs with that set (on a fresh warehouse it could not run
    before)."""
    from dagster_dbt.utils import select_unique_ids

    from orchestration.assets.dbt import (
        AFTER_SELECTOR,
        DAILY_SELECTOR,
        FORECAST_SELECTOR,
        UPSTREAM_SELECTOR,
    )
    from orchestration.project import get_dbt_project

    manifest = json.loads(get_dbt_project().manifest_path.read_text())
    steps = {
        name: {
            unique_id
            for unique_id in select_unique_ids("", "", name, None, manifest)
            if unique_id.startswith("test.")
        }
        for name in (UPSTREAM_SELECTOR, DAILY_SELECTOR, AFTER_SELECTOR, FORECAST_SELECTOR)
    }
    tests = {unique_id for unique_id in manifest["nodes"] if unique_id.startswith("test.")}
    counts = {test: sum(test in selected for selected in steps.values()) for test in tests}
    assert {test for test, count in counts.items() if count != 1} == set()
    relationship = next(
        test for test in tests
        if test.split(".")[2].startswith("relationships_fct_quality_results_rule_code")
    )  # fmt: skip
    assert relationship in steps[AFTER_SELECTOR]


def test_materialize_all_assets(resources, instance):
    result = dg.materialize(
        [*ingestion_assets, *dbt_assets_defs, *forecast_assets, *asset_checks],
        resources=resources,
        instance=instance,
        partition_key=DAY,
        run_config=daily_run_config(),  # the days the daily job rebuilds
    )
    assert result.success
    materialized = {event.asset_key for event in result.get_asset_materialization_events()}
    every_asset = [*ingestion_assets, *dbt_assets_defs, *forecast_assets]
    expected = {key for asset in every_asset for key in asset.keys}
    assert expected - materialized == set()
    failed = (
        [
            e.asset_check_evaluation_data.check_name
            for e in result.get_asset_check_evaluations()
            if not e.passed and e.severity == dg.AssetCheckSeverity.ERROR
        ]
        if hasattr(result, "get_asset_check_evaluations")
        else []
    )
    assert failed == []
    assert _run_count(resources) == 1


def test_daily_job_rerun_leaves_marts_unchanged(defs, resources, instance):
    """The daily job over a warehouse that already holds its day (built by the
    test above; by a first daily run when this test runs alone) changes no
    mart and adds one run to the run log."""
    job = defs.resolve_job_def("daily_job")

    def run_daily() -> None:
        result = job.execute_in_process(
            instance=instance, partition_key=DAY, run_config=daily_run_config()
        )
        assert result.success

    before = _marts_snapshot(resources)
    if not before:
        run_daily()
        before = _marts_snapshot(resources)
    runs_before = _run_count(resources)
    run_daily()
    after = _marts_snapshot(resources)
    assert before and after.keys() == before.keys()
    assert [mart for mart in before if after[mart] != before[mart]] == []
    assert _run_count(resources) == runs_before + 1


def test_single_run_backfill(defs, resources, instance):
    job = defs.resolve_job_def("daily_job")
    result = job.execute_in_process(
        instance=instance,
        asset_selection=list(dbt_daily_models.keys),
        tags={RANGE_START_TAG: "2025-04-25", RANGE_END_TAG: "2025-04-26"},
    )
    assert result.success
    partitions = {
        (event.asset_key, event.partition) for event in result.get_asset_materialization_events()
    }
    assert {partition for _, partition in partitions} == {"2025-04-25", "2025-04-26"}
    ranges = _query(
        resources,
        f"select distinct partition_range from audit.dbt_run_results "
        f"where dagster_run_id = '{result.run_id}'",
    )
    assert ranges == [("2025-04-25..2025-04-26",)]


def _expected_days(path: Path) -> set[str]:
    """Local days of the sessions' start and end, read independently."""
    zone = ZoneInfo("Europe/Paris")
    days = set()
    for record in json.loads(gzip.decompress(path.read_bytes())):
        for field in ("start", "end"):
            moment = datetime.fromisoformat(record[field]).astimezone(UTC)
            days.add(moment.astimezone(zone).date().isoformat())
    return days


def test_landing_sensor_requests_exactly_the_covered_days(env, defs, resources, instance):
    folder = env / "landing" / "operators" / "rtet-paca" / "sessions"
    folder.mkdir(parents=True)
    landed = folder / "sessions_2025-04-25_resend.json.gz"
    landed.write_bytes(SAMPLE_SESSIONS.read_bytes())
    expected = _expected_days(landed)
    warehouse = {"warehouse": resources["warehouse"]}  # the sensor reads the recorded days

    # First tick: one run loads just the file (the loader records its days).
    context = dg.build_sensor_context(instance=instance, definitions=defs, resources=warehouse)
    (load,) = operator_landing_sensor.evaluate_tick(context).run_requests
    assert load.run_key == f"{landed}@{load.tags['wattlas/file_checksum']}:load"
    assert load.asset_selection == [dg.AssetKey(["raw", "operators__sessions"])]
    assert RANGE_START_TAG not in load.tags
    waiting = dg.build_sensor_context(
        instance=instance, cursor=context.cursor, definitions=defs, resources=warehouse
    )
    assert not operator_landing_sensor.evaluate_tick(waiting).run_requests  # not loaded yet
    job = defs.resolve_job_def("landing_job")
    loaded = job.execute_in_process(
        instance=instance,
        run_config=load.run_config,
        tags=load.tags,
        asset_selection=load.asset_selection,
    )
    assert loaded.success

    # Next tick: the days the load recorded, as single-run ranges.
    context = dg.build_sensor_context(
        instance=instance, cursor=waiting.cursor, definitions=defs, resources=warehouse
    )
    requests = operator_landing_sensor.evaluate_tick(context).run_requests
    requested = set()
    for request in requests:
        start = date.fromisoformat(request.tags[RANGE_START_TAG])
        end = date.fromisoformat(request.tags[RANGE_END_TAG])
        requested |= {
            key for key in expected | {start.isoformat(), end.isoformat()}
            if start <= date.fromisoformat(key) <= end
        }  # fmt: skip
        assert str(landed) in request.run_key
    assert requested == expected

    # Same file version: no new run. Changed content: a new run key.
    again = dg.build_sensor_context(
        instance=instance, cursor=context.cursor, definitions=defs, resources=warehouse
    )
    assert not operator_landing_sensor.evaluate_tick(again).run_requests

    request = requests[0]
    result = job.execute_in_process(
        instance=instance,
        run_config=request.run_config,
        tags=request.tags,
        asset_selection=[dg.AssetKey(["raw", "operators__sessions"]), *dbt_daily_models.keys],
    )
    assert result.success
    loads = _query(
        resources,
        f"select count(*) from raw._loads where source_file = 'rtet-paca/{landed.name}'",
    )
    assert loads == [(1,)]
    partitions = {event.partition for event in result.get_asset_materialization_events()}
    assert partitions - {None} == {
        key for key in expected
        if request.tags[RANGE_START_TAG] <= key <= request.tags[RANGE_END_TAG]
    }  # fmt: skip

    records = json.loads(gzip.decompress(SAMPLE_SESSIONS.read_bytes()))[:5]
    lines = ["[", ",\n".join(json.dumps(record) for record in records), "]", ""]
    landed.write_bytes(gzip.compress("\n".join(lines).encode()))  # the operator's layout
    changed = dg.build_sensor_context(
        instance=instance, cursor=again.cursor, definitions=defs, resources=warehouse
    )
    new_requests = operator_landing_sensor.evaluate_tick(changed).run_requests
    old_keys = {request.run_key for request in [load, *requests]}
    assert new_requests and all(r.run_key not in old_keys for r in new_requests)

    # A static feed file covers no day: one unpartitioned run, daily models left out.
    static = env / "landing" / "operators" / "rtet-paca" / "statique"
    static.mkdir(parents=True)
    sample = REPO_ROOT / "data/sample/operators/rtet-paca/statique"
    (static / "pdc_resend.json.gz").write_bytes(next(sample.glob("*.json.gz")).read_bytes())
    tick = dg.build_sensor_context(
        instance=instance, cursor=changed.cursor, definitions=defs, resources=warehouse
    )
    (static_request,) = operator_landing_sensor.evaluate_tick(tick).run_requests
    assert RANGE_START_TAG not in static_request.tags
    assert dg.AssetKey(["raw", "operators__statique"]) in static_request.asset_selection
    assert not set(static_request.asset_selection) & set(dbt_daily_models.keys)


def test_second_writer_fails_clearly_and_alerts(env, defs, resources, instance, monkeypatch):
    # An operator file in raw._loads (already there after the tests above;
    # loaded here when this test runs alone).
    statuses = [a for a in ingestion_assets if a.key.path[-1] == "operators__statuses"]
    assert dg.materialize(statuses, resources=resources, instance=instance).success
    receiver = Receiver()
    monkeypatch.setenv("WATTLAS_ALERT_WEBHOOK_URL", receiver.url)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('locked', flush=True); "
         "sys.stdin.read()", os.environ["WATTLAS_DUCKDB_PATH"]],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = defs.resolve_job_def("rollups_job").execute_in_process(
            instance=instance, raise_on_error=False
        )
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert not result.success
    failure = result.get_run_failure_event()
    step_failures = [e for e in result.all_events if e.is_step_failure]
    message = " ".join(str(e.step_failure_data.error) for e in step_failures)
    assert "allows a single writer" in message

    context = dg.build_run_status_sensor_context(
        sensor_name="run_failure_alert_sensor",
        dagster_instance=instance,
        dagster_run=result.dagster_run,
        dagster_event=failure,
    ).for_run_failure()
    run_failure_alert_sensor(context)
    assert [p["event"] for p in receiver.payloads] == ["run_failure"]
    assert receiver.payloads[0]["run_id"] == result.run_id
    assert receiver.payloads[0]["job"] == "rollups_job"

    # An operator silent for longer than the threshold: one alert, not repeated.
    monkeypatch.setenv("WATTLAS_OPERATOR_STALE_HOURS", "0")
    warehouse = {"warehouse": resources["warehouse"]}
    tick = dg.build_sensor_context(instance=instance, resources=warehouse)
    quality_alert_sensor(tick)
    stale = [p for p in receiver.payloads if p["event"] == "operator_data_stopped"]
    assert [o["operator"] for o in stale[0]["operators"]] == ["rtet-paca"]
    tick2 = dg.build_sensor_context(instance=instance, cursor=tick.cursor, resources=warehouse)
    quality_alert_sensor(tick2)
    assert len([p for p in receiver.payloads if p["event"] == "operator_data_stopped"]) == 1
    receiver.close()


def test_alert_without_webhook_logs_clearly(monkeypatch, caplog):
    monkeypatch.delenv("WATTLAS_ALERT_WEBHOOK_URL", raising=False)
    with caplog.at_level("WARNING"):
        assert post_alert({"event": "run_failure"}) is False
    assert "WATTLAS_ALERT_WEBHOOK_URL is not set: alert not sent" in caplog.text
