"""One operator's quality breach is reported; it never blocks the build.

On a warehouse of the shipped sample (a copy of the one ``make test`` builds,
WATTLAS_TEST_DUCKDB_PATH, else the sample loaded here), one real static line
of operational unit FRTCB gets a nominal power of 4000 kW, and nothing else
changes: rule POWU (count, error_above 0) fails for FRTCB. Then one
``dbt build`` of fct_indicators, fct_quality_results and what depends on
the quality results:

1. exits 0; every model succeeded, none skipped; the POWU test warns;
2. fct_quality_results holds POWU / FRTCB with status fail (1 offending
   row) on every day the build graded (on the copy, an incremental build:
   the days of the latest rebuild window; the earlier days keep the grade
   of the static data they were built with), and fct_indicators its 'qua'
   row: both were rebuilt;
3. the run summary reports the breach and marks no rebuilt mart stale;
4. in Dagster, the quality-rule test is a non-blocking check while the key
   tests stay blocking, and the quality sensor alerts the rule, the unit
   and the day.
"""

import json

import dagster as dg
import duckdb
import pytest

from orchestration import alerts, run_log
from orchestration.ingestion.warehouse import connect
from orchestration.reporting import run_summary
from orchestration.resources import WarehouseResource
from orchestration.tests.fixture_data import copy_built_warehouse, load_sample
from orchestration.tests.test_quality_results import _dbt

UNIT = "FRTCB"
BREACH_KW = "4000"


@pytest.fixture(scope="module")
def breached(tmp_path_factory) -> dict:
    directory = tmp_path_factory.mktemp("never_blocks")
    path, copied = copy_built_warehouse(directory, "never_blocks.duckdb")
    if not copied:
        load_sample(path)
    connection = duckdb.connect(str(path))
    try:
        # A real line of the unit, declared by this source only (no other
        # source's line can win the dedup); only its power changes.
        charge_point, power = connection.execute(
            f"""
            select id_pdc_itinerance, puissance_nominale from raw.qualicharge__statique
            where id_pdc_itinerance like '{UNIT}%'
                and id_pdc_itinerance not in (
                    select id_pdc_itinerance from raw.operators__statique
                    where id_pdc_itinerance is not null
                )
            order by id_pdc_itinerance limit 1
            """
        ).fetchone()
        assert float(power) < float(BREACH_KW)
        connection.execute(
            "update raw.qualicharge__statique set puissance_nominale = ? "
            "where id_pdc_itinerance = ?",
            [BREACH_KW, charge_point],
        )
    finally:
        connection.close()
    result = _dbt(
        directory, path, "build",
        # The tests downstream of the quality results read these two too.
        "--select", "+fct_indicators", "+fct_quality_results+",
        "dim_quality_rules", "indicator_catalogue",
        "--exclude-resource-type", "unit_test",
        # Only tests whose parents are all selected: a fresh warehouse has
        # no unselected mart for a relationships test to read.
        "--indirect-selection", "cautious",
    )  # fmt: skip
    target = directory / "target"
    return {
        "path": path,
        "target": target,
        "result": result,
        "charge_point": charge_point,
        "run_results": json.loads((target / "run_results.json").read_text()),
        "manifest": json.loads((target / "manifest.json").read_text()),
        "incremental": copied,
    }


def _statuses(run_results: dict, prefix: str) -> dict[str, str]:
    return {
        run_summary.node_name(r["unique_id"]): r["status"]
        for r in run_results["results"]
        if r["unique_id"].startswith(prefix)
    }


def test_build_passes_and_rebuilds_every_model(breached):
    result = breached["result"]
    assert result.returncode == 0, result.stdout[-4000:]
    models = _statuses(breached["run_results"], "model.")
    assert {"fct_indicators", "fct_quality_results", "fct_quality_daily_summary"} <= set(models)
    assert {status for status in models.values()} == {"success"}, {
        name: status for name, status in models.items() if status != "success"
    }
    tests = _statuses(breached["run_results"], "test.")
    assert tests["quality_rule_powu"] == "warn"
    assert not [name for name, status in tests.items() if status in ("fail", "error", "skipped")]
    powu = next(
        r
        for r in breached["run_results"]["results"]
        if run_summary.node_name(r["unique_id"]) == "quality_rule_powu"
    )
    assert powu["failures"] > 0  # the breaching unit-days, stored in audit


def test_fail_row_for_the_rule_and_unit(breached):
    connection = duckdb.connect(str(breached["path"]), read_only=True)
    try:
        first_graded_day = "cast('1900-01-01' as date)"
        if breached["incremental"]:
            first_graded_day = (
                "(select first_day from intermediate.int_usage_rebuild_windows"
                " order by last_loaded_at desc limit 1)"
            )
        rows = connection.execute(
            f"""
            select operational_unit_code, status, min(offending_rows), max(offending_rows),
                count(*), (select count(*) from intermediate.int_quality_days_listed
                    where day >= {first_graded_day})
            from marts.fct_quality_results where rule_code = 'POWU'
                and day >= {first_graded_day}
            group by all order by all
            """
        ).fetchall()
        earlier = connection.execute(
            f"""
            select distinct status from marts.fct_quality_results
            where rule_code = 'POWU' and operational_unit_code = ? and day < {first_graded_day}
            """,
            [UNIT],
        ).fetchall()
        stored = connection.execute(
            "select count(*) from audit.quality_rule_powu "
            "where operational_unit_code = ? and status = 'fail'",
            [UNIT],
        ).fetchone()[0]
        indicator = connection.execute(
            "select count(*) from marts.fct_indicators "
            "where indicator_code = 'qua' and category = 'POWU' and target = ?",
            [UNIT],
        ).fetchone()[0]
    finally:
        connection.close()
    failing = [row for row in rows if row[1] == "fail"]
    # Static rules apply the current snapshot to every day graded.
    assert [(unit, low, high) for unit, _, low, high, _, _ in failing] == [(UNIT, 1, 1)]
    assert earlier == ([("pass",)] if breached["incremental"] else [])
    assert failing[0][4] == failing[0][5] > 0
    assert {row[1] for row in rows if row[0] != UNIT} <= {"pass", "no_data"}
    assert stored == failing[0][4]
    assert indicator == failing[0][4]


def test_run_summary_reports_the_breach(breached, capsys):
    run_summary.main(
        ["--target-path", str(breached["target"]), "--duckdb-path", str(breached["path"])]
    )
    out = capsys.readouterr().out
    assert f"  POWU {UNIT} (1 offending row)" in out
    assert "rule breaches (fail) on" in out
    assert "quality_rule_powu (" in out
    for mart in ("fct_indicators", "fct_quality_results", "fct_quality_daily_summary"):
        line = next(line for line in out.splitlines() if f"marts.{mart} " in line)
        assert "stale" not in line, line


def test_run_summary_marks_a_mart_not_rebuilt(breached, tmp_path, capsys):
    # The same run, had the indicator store been skipped (as an error-level
    # quality test used to do): its older table must not pass for fresh.
    run_results = json.loads(json.dumps(breached["run_results"]))
    for result in run_results["results"]:
        if run_summary.node_name(result["unique_id"]) == "fct_indicators":
            result["status"] = "skipped"
    (tmp_path / "run_results.json").write_text(json.dumps(run_results))
    run_summary.main(["--target-path", str(tmp_path), "--duckdb-path", str(breached["path"])])
    lines = capsys.readouterr().out.splitlines()
    marked = {line.split()[0] for line in lines if "(stale: not rebuilt in this run" in line}
    # Marked: the skipped store, and the marts this run did not select (a
    # copy of a full warehouse has them); never a mart the run rebuilt.
    rebuilt = {
        f"marts.{run_summary.node_name(result['unique_id'])}"
        for result in run_results["results"]
        if result["unique_id"].startswith("model.") and result["status"] == "success"
    }
    assert "marts.fct_indicators" in marked
    assert not marked & rebuilt, marked & rebuilt
    assert next(line for line in lines if "marts.fct_indicators " in line).endswith(
        "(stale: not rebuilt in this run, skipped)"
    )
    for line in lines:
        if line.split()[:1] and line.split()[0] in marked - {"marts.fct_indicators"}:
            assert line.endswith("(stale: not rebuilt in this run, not selected)"), line


def test_quality_breach_is_a_warn_check_and_alerted(breached, monkeypatch):
    from dagster_dbt import dbt_assets

    from orchestration.translator import WattlasDbtTranslator

    @dbt_assets(
        manifest=breached["target"] / "manifest.json",
        dagster_dbt_translator=WattlasDbtTranslator(),
    )
    def _assets(context): ...

    specs = {spec.name: spec for spec in _assets.check_specs}
    assert specs["quality_rule_powu"].blocking is False
    assert specs["unique_dim_quality_rules_rule_code"].blocking is True

    # The run log the Dagster dbt step appends, then one sensor tick.
    warehouse = connect("duckdb", breached["path"])
    try:
        rows = run_log.result_rows(
            breached["run_results"], breached["manifest"],
            run_id="never-blocks", job="test", partition_range=None,
        )  # fmt: skip
        run_log.append_results(warehouse, rows)
        latest_day = str(warehouse.execute("select max(day) from marts.fct_quality_results")[0][0])
    finally:
        warehouse.close()
    sent: list[dict] = []
    monkeypatch.setattr(alerts, "post_alert", lambda payload, logger=None: sent.append(payload))
    resources = {"warehouse": WarehouseResource(duckdb_path=str(breached["path"]))}
    tick = dg.build_sensor_context(resources=resources)
    alerts.quality_alert_sensor(tick)
    payloads = [p for p in sent if p["event"] == "quality_breaches"]
    assert len(payloads) == 1 and payloads[0]["run_id"] == "never-blocks"
    breaches = {(b["rule"], b["day"]): b for b in payloads[0]["breaches"]}
    assert UNIT in breaches[("POWU", latest_day)]["operational_units"]
    assert not [p for p in sent if p["event"] == "critical_quality_failures"]
    # Next tick, same run: not alerted twice.
    again = dg.build_sensor_context(cursor=tick.cursor, resources=resources)
    alerts.quality_alert_sensor(again)
    assert len([p for p in sent if p["event"] == "quality_breaches"]) == 1
