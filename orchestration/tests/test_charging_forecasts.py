"""The charging demand models and their backtest, on hand-made series whose
answers are known, and (with a built warehouse) the stored backtest against
its summary mart.

- Each model of the ladder takes the value it is defined by; the
  regression reproduces a pure weekday pattern exactly.
- Runs of known days shorter than a week and a day are set aside; a day is
  backtested only after 21 known days.
- WAPE, MAE, mean error and the skill against persistence on hand-computed
  values.
- With WATTLAS_TEST_DUCKDB_PATH: the published models' WAPE recomputed here
  from the rows of fct_charging_demand_backtest_daily equals the one of
  fct_charging_demand_backtest_summary, and the forecast mart publishes
  those models.
- The build runner refreshes only the forecast family whose models it
  rebuilt.
"""

import math
import os
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from orchestration.forecasts import charging
from orchestration.forecasts.charging import DemandDays

# Monday .. Sunday, sessions
WEEKDAY_PATTERN = [100.0, 120.0, 130.0, 125.0, 150.0, 80.0, 60.0]


def series(values, first: str = "2024-12-02") -> DemandDays:
    """Consecutive days from ``first`` (a Monday), no holiday."""
    count = len(values)
    weekday = (np.arange(count) + int(np.datetime64(first, "D").astype(int) + 3) % 7) % 7 + 1
    return DemandDays(
        dates=np.datetime64(first, "D") + np.arange(count),
        values=np.array(values, dtype=float),
        iso_weekday=weekday,
        is_public_holiday=np.zeros(count, dtype=bool),
        school_holiday_zone_count=np.zeros(count, dtype=int),
    )


def weekday_series(weeks: int = 5) -> DemandDays:
    return series([*(WEEKDAY_PATTERN * weeks), np.nan])


def test_the_series_starts_on_a_monday():
    assert weekday_series().iso_weekday[:7].tolist() == [1, 2, 3, 4, 5, 6, 7]


def test_persistences_take_their_defined_day():
    days = series([float(value) for value in range(1, 30)])  # each day its own value
    origin = 20
    assert charging.same_weekday_persistence(days, origin, 1) == days.values[origin + 1 - 7]
    assert charging.previous_day_persistence(days, origin, 1) == days.values[origin]
    # unknown days: the same weekday a week earlier, the last known day
    days.values[origin + 1 - 7] = np.nan
    days.values[origin] = np.nan
    assert charging.same_weekday_persistence(days, origin, 1) == days.values[origin + 1 - 14]
    assert charging.previous_day_persistence(days, origin, 1) == days.values[origin - 1]


def test_recent_mean_is_the_mean_of_the_last_seven_known_days():
    days = series([float(value) for value in range(1, 11)])  # 1 .. 10
    assert charging.recent_mean(days, 9, 1) == pytest.approx(7.0)  # mean of 4 .. 10
    days.values[8] = np.nan  # 9 unknown: 3 .. 8 and 10
    assert charging.recent_mean(days, 9, 1) == pytest.approx((3 + 4 + 5 + 6 + 7 + 8 + 10) / 7)
    assert math.isnan(charging.recent_mean(series([1.0] * 6), 5, 1))  # too short


def test_regression_reproduces_a_pure_weekday_pattern():
    days = weekday_series()
    origin = len(days) - 2  # a Sunday: the target is a Monday
    assert charging.weekday_holiday_regression(days, origin, 1) == pytest.approx(100.0, abs=1e-6)
    # from a Thursday origin, the Friday
    assert charging.weekday_holiday_regression(days, origin - 3, 1) == pytest.approx(
        150.0, abs=1e-6
    )


def test_regression_needs_a_known_level_and_enough_rows():
    assert math.isnan(charging.weekday_holiday_regression(weekday_series(weeks=2), 13, 1))
    days = weekday_series()
    days.values[len(days) - 4] = np.nan  # the target's level is not known
    assert math.isnan(charging.weekday_holiday_regression(days, len(days) - 2, 1))


def test_short_runs_of_known_days_are_set_aside():
    known = np.array([True] * 7 + [False] + [True] * 8 + [False, True])
    kept = charging.known_stretches(known)
    assert kept.tolist() == [False] * 8 + [True] * 8 + [False, False]


def test_a_day_is_backtested_after_21_known_days():
    values = [10.0] * 30
    values[25] = np.nan
    origins = charging.backtest_origins(series(values), 1)
    # targets 21 .. 24 (days 0 .. 20 known before 21); 25 is unknown, and
    # 26 .. 29 have the unknown day 25 among their 21 previous days
    assert [origin + 1 for origin in origins] == [21, 22, 23, 24]


def test_error_measures_on_hand_computed_values():
    # errors +10, -10, +5, actuals 100 + 200 + 0: WAPE = 25 / 300, a zero
    # actual day is scored (its percentage error would be infinite)
    measures = charging.error_measures([(110.0, 100.0), (190.0, 200.0), (5.0, 0.0)])
    assert measures["days"] == 3
    assert measures["wape_pct"] == pytest.approx(100 * 25 / 300)
    assert measures["mae"] == pytest.approx(25 / 3)
    assert measures["mean_error"] == pytest.approx(5 / 3)


def test_summary_skill_against_same_weekday_persistence():
    days = series([100.0, 200.0, np.nan])
    key = ("region", "XX", "sessions")

    def forecast(model, day, value):
        return charging.DemandForecast(*key, model, "1", "backtest", date(2024, 12, 1),
                                       date(2024, 12, 2 + day), 1, value)  # fmt: skip

    lines = charging.summary(
        {key: days},
        [
            forecast("good", 0, 110.0),  # |10|
            forecast("good", 1, 190.0),  # |10|: WAPE 20 / 300
            forecast(charging.BASELINE, 0, 70.0),  # |30|
            forecast(charging.BASELINE, 1, 250.0),  # |50|: WAPE 80 / 300
        ],
    )
    by_model = {line["model_name"]: line for line in lines}
    assert by_model["good"]["wape_pct"] == pytest.approx(100 * 20 / 300)
    assert by_model[charging.BASELINE]["wape_pct"] == pytest.approx(100 * 80 / 300)
    assert by_model["good"]["skill_vs_persistence"] == pytest.approx(1 - 20 / 80)
    assert by_model[charging.BASELINE]["skill_vs_persistence"] == pytest.approx(0.0)


def test_every_model_forecasts_the_same_days():
    days = weekday_series(weeks=6)
    forecasts = charging.forecast_series(("national", "FR", "sessions"), days)
    by_model: dict[str, set] = {}
    for forecast in forecasts:
        by_model.setdefault(forecast.model_name, set()).add(forecast.target_date)
    assert set(by_model) == set(charging.MODELS)
    assert len({frozenset(dates) for dates in by_model.values()}) == 1
    next_days = {f.target_date for f in forecasts if f.forecast_kind == "next_day"}
    assert next_days == {date(2025, 1, 13)}  # the day after six weeks from 2024-12-02


def test_a_day_one_model_cannot_forecast_is_dropped_for_every_model():
    days = weekday_series(weeks=6)

    def picky(days, origin, horizon):
        return math.nan if origin == 30 else 1.0

    models = {charging.BASELINE: charging.MODELS[charging.BASELINE], "picky": ("1", picky)}
    forecasts = charging.forecast_series(("national", "FR", "sessions"), days, models)
    targets = [f.target_date for f in forecasts if f.model_name == charging.BASELINE]
    assert len(targets) == len(charging.backtest_origins(days, 1))  # with next day, less one
    assert date(2025, 1, 2) not in targets  # the target of origin 30


# --- the stored backtest of a built warehouse ----------------------------------

WAREHOUSE = os.environ.get("WATTLAS_TEST_DUCKDB_PATH")


@pytest.fixture(scope="module")
def built():
    if not WAREHOUSE or not Path(WAREHOUSE).is_file():
        pytest.skip("needs a built warehouse: WATTLAS_TEST_DUCKDB_PATH (make test sets it)")
    import duckdb

    connection = duckdb.connect(WAREHOUSE, read_only=True)
    yield connection
    connection.close()


def test_published_wape_recomputed_from_the_stored_backtest(built):
    published = built.execute(
        "select area_level, area_code, forecast_target, model_name, horizon_days, wape_pct, "
        "day_count from marts.fct_charging_demand_backtest_summary where is_published"
    ).fetchall()
    assert {row[:3] for row in published} >= {("national", "FR", "sessions"),
                                              ("national", "FR", "energy")}  # fmt: skip
    for level, code, target, model, horizon, wape, day_count in published:
        rows = built.execute(
            "select forecast_value, actual_value from marts.fct_charging_demand_backtest_daily "
            "where area_level = ? and area_code = ? and forecast_target = ? "
            "and model_name = ? and horizon_days = ?",
            [level, code, target, model, horizon],
        ).fetchall()
        assert len(rows) == day_count > 0
        recomputed = (100 * sum(abs(float(f) - float(a)) for f, a in rows)
                      / sum(float(a) for _, a in rows))  # fmt: skip
        assert float(wape) == pytest.approx(recomputed, abs=1e-5), (level, code, target)


def test_forecast_mart_publishes_the_best_model(built):
    best = {}
    for level, code, target, model, wape in built.execute(
        "select area_level, area_code, forecast_target, model_name, wape_pct "
        "from marts.fct_charging_demand_backtest_summary where horizon_days = 1"
    ).fetchall():
        key = (level, code, target)
        if key not in best or (float(wape), model) < best[key]:
            best[key] = (float(wape), model)
    published = built.execute(
        "select distinct area_level, area_code, forecast_target, model_name "
        "from marts.fct_charging_demand_forecast_daily"
    ).fetchall()
    assert {row[:3]: row[3] for row in published} == {key: v[1] for key, v in best.items()}


def test_the_build_refreshes_only_the_forecast_family_it_rebuilt(tmp_path):
    import json

    from orchestration.build import forecasts_to_refresh

    source = {"consumption": "source.w.forecasts.consumption_daily",
              "charging": "source.w.forecasts.charging_demand_daily"}  # fmt: skip
    tagged = {"tags": ["forecast_output"]}
    manifest = {
        "nodes": {"model.w.stg_c": tagged, "model.w.fct_c": tagged,
                  "model.w.stg_d": tagged, "model.w.fct_d": tagged, "model.w.int_d": {"tags": []}},
        "sources": {
            source["consumption"]: {"source_name": "forecasts", "name": "consumption_daily"},
            source["charging"]: {"source_name": "forecasts", "name": "charging_demand_daily"},
        },
        "child_map": {source["consumption"]: ["model.w.stg_c"], "model.w.stg_c": ["model.w.fct_c"],
                      source["charging"]: ["model.w.stg_d"], "model.w.stg_d": ["model.w.fct_d"],
                      "model.w.int_d": ["model.w.fct_d"]},
    }  # fmt: skip
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))

    def rebuilt(*ids):
        results = {"results": [{"unique_id": unique_id} for unique_id in ids]}
        (tmp_path / "run_results.json").write_text(json.dumps(results))
        return forecasts_to_refresh(tmp_path)

    assert rebuilt("model.w.int_d", "model.w.fct_d") == ["charging"]
    assert rebuilt("model.w.fct_c") == ["consumption"]
    assert rebuilt("model.w.fct_c", "model.w.stg_d") == ["consumption", "charging"]
    assert rebuilt("model.w.int_d") == []
