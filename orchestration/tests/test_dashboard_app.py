"""The Streamlit dashboard (dashboards/), tested without a browser by Streamlit's AppTest.

Every page renders with no exception and shows its key figures, read from the
warehouse ``make test`` built (``WATTLAS_TEST_DUCKDB_PATH``, else
``WATTLAS_DUCKDB_PATH``); on PostgreSQL too when ``WATTLAS_TEST_POSTGRES=1`` (the
PG* variables name the built warehouse). Pages over marts that are not built
show a "not built yet" note instead of failing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import duckdb
import pytest

pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[2]
DASHBOARDS = REPO / "dashboards"
PAGES = ["overview", "charge_points", "consumption", "thermosensitivity", "forecasts",
         "availability", "quality"]  # fmt: skip
TIMEOUT = 120

sys.path.insert(0, str(DASHBOARDS))
import query_layer  # noqa: E402


def _built_duckdb() -> Path | None:
    for variable in ("WATTLAS_TEST_DUCKDB_PATH", "WATTLAS_DUCKDB_PATH"):
        value = os.environ.get(variable)
        if value and Path(value).exists():
            return Path(value)
    default = REPO / "target" / "test.duckdb"
    return default if default.exists() else None


@pytest.fixture(params=["duckdb", "postgres"])
def built_target(request, monkeypatch) -> str:
    """The environment of a built warehouse, on each engine."""
    for variable in ("WATTLAS_DASHBOARD_TARGET", "WATTLAS_DASHBOARD_DUCKDB_PATH"):
        monkeypatch.delenv(variable, raising=False)
    if request.param == "postgres":
        if os.environ.get("WATTLAS_TEST_POSTGRES") != "1":
            pytest.skip("PostgreSQL dashboard test needs WATTLAS_TEST_POSTGRES=1 and PG*")
        monkeypatch.setenv("WATTLAS_DASHBOARD_TARGET", "postgres")
    else:
        path = _built_duckdb()
        if path is None:
            pytest.skip("no built DuckDB warehouse (run `make test` or set WATTLAS_DUCKDB_PATH)")
        monkeypatch.setenv("WATTLAS_DASHBOARD_DUCKDB_PATH", str(path))
    try:
        present = query_layer.existing_marts()
    except query_layer.WarehouseUnavailable as exc:
        pytest.skip(f"warehouse not reachable: {exc}")
    if "fct_infrastructure_by_department" not in present:
        pytest.skip("the warehouse has no marts yet (dbt build first)")
    return request.param


def _run(page: str) -> AppTest:
    app = AppTest.from_file(str(DASHBOARDS / "pages" / f"{page}.py"), default_timeout=TIMEOUT)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def _metrics(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def _number(text: str) -> float:
    return float(text.replace(",", "").split()[0])


def test_entrypoint_runs_and_navigates(built_target):
    app = AppTest.from_file(str(DASHBOARDS / "app.py"), default_timeout=TIMEOUT).run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.title[0].value.startswith("Wattlas")
    app.switch_page(str(DASHBOARDS / "pages" / "charge_points.py")).run()
    assert not app.exception, [e.value for e in app.exception]
    assert "per 100,000 inhabitants" in app.title[0].value


def test_every_page_renders(built_target):
    present = query_layer.existing_marts()
    for page in PAGES:
        app = _run(page)
        assert app.title, page
        assert not app.error, (page, [e.value for e in app.error])
        not_built = [i.value for i in app.info if "not built yet" in i.value]
        missing = (page == "availability" and not set(query_layer.UNIT_AVAILABILITY) & present) or (
            page == "quality" and not set(query_layer.QUALITY_RESULTS) & present
        )
        if missing:
            assert not_built, page
        else:
            assert not not_built, (page, not_built)


def test_charge_points_key_figures(built_target):
    expected = query_layer.run_query(
        "select sum(charge_point_count) as n from marts.fct_infrastructure_by_department"
    )["n"].iloc[0]
    metrics = _metrics(_run("charge_points"))
    assert _number(metrics["Charge points in the loaded extract"]) == float(expected) > 0
    assert _number(metrics["Per 100k inhabitants, extract ÷ population"]) > 0
    assert not [label for label in metrics if "national" in label.lower()], metrics
    assert len(_run("charge_points").get("plotly_chart")) == 1


def test_consumption_key_figures(built_target):
    app = _run("consumption")
    metrics = _metrics(app)
    assert _number(metrics["Half-hours shown"]) > 0
    assert _number(metrics["Peak (MW)"]) >= _number(metrics["Mean (MW)"]) > 0
    assert len(app.get("plotly_chart")) == 2
    app.multiselect(key="regions").set_value([]).run()
    assert not app.exception
    assert any("at least one region" in w.value for w in app.warning)


def test_thermosensitivity_key_figures(built_target):
    app = _run("thermosensitivity")
    metrics = _metrics(app)
    slope = next(value for label, value in metrics.items() if label.startswith("Slope"))
    assert _number(slope) < 0  # colder means more consumption on heating days
    assert 0 < float(metrics["R²"]) <= 1
    app.selectbox(key="day_scope").set_value("all_days").run()
    assert not app.exception


def test_forecast_page_key_figures(built_target):
    """The page shows the published model's backtest MAPE and tomorrow's forecast,
    as the marts hold them."""
    published = query_layer.run_query(
        "select model_name, mape_pct from marts.fct_forecast_backtest_summary "
        "where area_code = 'FR' and horizon_days = 1 and is_published"
    )
    if published.empty:
        pytest.skip("no consumption forecast in this warehouse")
    app = _run("forecasts")
    metrics = _metrics(app)
    model, mape = published.iloc[0]["model_name"], float(published.iloc[0]["mape_pct"])
    assert metrics[f"Backtest MAPE, {model}"] == f"{mape:.2f} %"
    tomorrow = next(label for label in metrics if label.startswith("Forecast for"))
    assert _number(metrics[tomorrow]) > 0
    charging = (
        query_layer.run_query(
            "select wape_pct, model_name from marts.fct_charging_demand_backtest_summary "
            "where area_level = 'national' and forecast_target = 'sessions' and is_published"
        )
        if "fct_charging_demand_backtest_summary" in query_layer.existing_marts()
        else None
    )
    if charging is None or charging.empty:
        assert len(app.get("plotly_chart")) == 1
        return
    # the charging section: the national sessions by default
    assert len(app.get("plotly_chart")) == 2
    wape, model = float(charging.iloc[0]["wape_pct"]), charging.iloc[0]["model_name"]
    assert metrics[f"Backtest WAPE, {model}"] == f"{wape:.2f} %"
    assert _number(next(v for k, v in metrics.items() if k.startswith("Charging forecast"))) > 0


def test_usage_and_quality_pages_when_built(built_target):
    present = query_layer.existing_marts()
    if not set(query_layer.UNIT_AVAILABILITY) & present:
        pytest.skip("usage marts not built in this warehouse")
    app = _run("availability")
    if not [i for i in app.info if "is empty" in i.value]:
        metrics = _metrics(app)
        assert _number(metrics["Operational units"]) > 0
        assert 0 <= float(metrics["Availability, all units"].rstrip("%")) <= 100
    if set(query_layer.QUALITY_RESULTS) & present:
        metrics = _metrics(_run("quality"))
        assert _number(metrics["Operational units evaluated"]) >= 0


def test_availability_card_is_weighted_by_hours(built_target):
    """The all-units availability card is Σ(free + occupied hours) / Σ opening hours.

    Computed here in SQL from the mart's hour columns, independently of the page: a
    mean of the unit-day rates (what the card must never show) differs on the sample.
    """
    table = query_layer.first_existing(query_layer.UNIT_AVAILABILITY)
    if table is None:
        pytest.skip("usage marts not built in this warehouse")
    sums = query_layer.run_query(
        f"""
        select
            sum(point_free_hours + point_occupied_hours) as available_hours,
            sum(point_opening_hours) as opening_hours,
            avg(availability_rate) as mean_of_rates
        from marts.{table}
        """
    ).astype(float)
    if not sums["opening_hours"].iloc[0]:
        pytest.skip(f"marts.{table} has no opening hours")
    weighted = sums["available_hours"].iloc[0] / sums["opening_hours"].iloc[0]
    app = _run("availability")
    shown = float(_metrics(app)["Availability, all units"].rstrip("%")) / 100
    assert shown == pytest.approx(weighted, abs=0.0005)
    # the guard is meaningful only while the unweighted mean would show another figure
    assert abs(sums["mean_of_rates"].iloc[0] - weighted) > 0.0005


def test_pages_degrade_without_marts(tmp_path, monkeypatch):
    """A warehouse with no marts, then none at all: notes, never an exception."""
    empty = tmp_path / "empty.duckdb"
    con = duckdb.connect(str(empty))
    con.execute("create schema marts")
    con.close()
    monkeypatch.delenv("WATTLAS_DASHBOARD_TARGET", raising=False)
    monkeypatch.setenv("WATTLAS_DASHBOARD_DUCKDB_PATH", str(empty))
    for page in PAGES:
        app = _run(page)
        if page != "overview":
            assert any("not built yet" in i.value for i in app.info), page
    monkeypatch.setenv("WATTLAS_DASHBOARD_DUCKDB_PATH", str(tmp_path / "missing.duckdb"))
    for page in PAGES:
        app = _run(page)
        assert any("Warehouse not available" in e.value for e in app.error), page


def test_query_layer_parameters_and_target(monkeypatch):
    assert query_layer._to_engine("where a = :x and b = '10:30'", "duckdb") == (
        "where a = $x and b = '10:30'"
    )
    assert query_layer._to_engine("where a like '%z' and b = :x", "postgres") == (
        "where a like '%%z' and b = %(x)s"
    )
    monkeypatch.setenv("WATTLAS_DASHBOARD_TARGET", "postgres")
    assert query_layer.current_target().kind == "postgres"
    monkeypatch.setenv("WATTLAS_DASHBOARD_TARGET", "sqlite")
    with pytest.raises(ValueError):
        query_layer.current_target()
