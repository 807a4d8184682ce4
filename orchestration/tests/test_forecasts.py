"""The consumption forecast models and their backtest, on hand-made series
whose answers are known, and (with a built warehouse) the stored backtest
against its summary mart.

- A pure weekday pattern (Monday 1000 MWh ... Sunday 700, a constant mild
  temperature, no holiday) is reproduced exactly by the log-linear
  regressions, and the gradient-boosted model adds nothing to it.
- Persistence and seasonal naive take the values they are defined by,
  stepping back a week over an unknown day.
- The backtest summary's MAPE, MAE and skill on two hand-computed days.
- With WATTLAS_TEST_DUCKDB_PATH (a warehouse built by ``make run`` or
  ``make test``): the published model's MAPE recomputed here from the rows
  of fct_forecast_backtest_daily equals the one of
  fct_forecast_backtest_summary, and the published forecast is that model's.
"""

import os
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from orchestration.forecasts import backtest, models
from orchestration.forecasts.models import AreaDays

# Monday .. Sunday, MWh
WEEKDAY_PATTERN = [1000.0, 1010.0, 1020.0, 1015.0, 990.0, 800.0, 700.0]


def weekday_series(weeks: int = 20, first: str = "2024-01-08") -> AreaDays:
    """``weeks`` weeks from a Monday, then the day to forecast (energy unknown)."""
    count = 7 * weeks + 1
    dates = np.datetime64(first, "D") + np.arange(count)
    weekday = (np.arange(count) % 7) + 1
    energy = np.array([WEEKDAY_PATTERN[day - 1] for day in weekday])
    energy[-1] = np.nan
    return AreaDays(
        dates=dates,
        energy_mwh=energy,
        mean_temperature_c=np.full(count, 17.0),  # no heating, no cooling
        iso_weekday=weekday,
        hours_in_day=np.full(count, 24),
        is_public_holiday=np.zeros(count, dtype=bool),
        is_bridge_day=np.zeros(count, dtype=bool),
        school_holiday_zone_count=np.zeros(count, dtype=int),
    )


@pytest.mark.parametrize(
    "name",
    ["calendar_regression", "temperature_calendar_regression",
     "temperature_calendar_regression_ar1"],
)  # fmt: skip
def test_regressions_reproduce_a_pure_weekday_pattern(name):
    days = weekday_series()
    origin = len(days) - 2  # a Sunday: the target is a Monday
    forecast = models.MODELS[name][1](days, origin, 1, {})
    assert forecast == pytest.approx(1000.0, abs=1e-6)
    # from a Tuesday origin, Wednesday
    assert models.MODELS[name][1](days, origin - 5, 1, {}) == pytest.approx(1020.0, abs=1e-6)


def test_gradient_boosting_adds_nothing_to_an_exact_regression():
    days = weekday_series()
    first = models.gradient_boosting(days, len(days) - 2, 1, {})
    assert first == pytest.approx(1000.0, abs=1e-3)
    assert models.gradient_boosting(days, len(days) - 2, 1, {}) == first  # deterministic


def test_persistence_and_seasonal_naive_take_their_defined_day():
    days = weekday_series(weeks=60)
    energy = days.energy_mwh.copy()
    energy[: len(energy) - 1] += np.arange(len(energy) - 1)  # each day its own value
    days = AreaDays(**{**days.__dict__, "energy_mwh": energy})
    origin = len(days) - 2
    target = origin + 1
    assert models.same_weekday_persistence(days, origin, 1, {}) == energy[target - 7]
    assert models.seasonal_naive(days, origin, 1, {}) == energy[target - 364]
    # the same weekday a week before unknown: the one before it
    energy[target - 7] = np.nan
    assert models.same_weekday_persistence(days, origin, 1, {}) == energy[target - 14]


def test_summary_on_two_hand_computed_days():
    days = weekday_series(weeks=1)
    actuals = AreaDays(**{**days.__dict__, "energy_mwh": np.array([100.0, 200.0, *[np.nan] * 6])})

    def forecast(model, day, value):
        return backtest.Forecast("XX", model, "1", backtest.BACKTEST, date(2024, 1, 7),
                                 date(2024, 1, 8 + day), 1, value)  # fmt: skip

    lines = backtest.summary(
        {"XX": actuals},
        [
            forecast("good", 0, 110.0),  # 10 % over
            forecast("good", 1, 190.0),  # 5 % under
            forecast(models.BASELINE, 0, 80.0),  # 20 % under
            forecast(models.BASELINE, 1, 260.0),  # 30 % over
        ],
    )
    by_model = {line["model_name"]: line for line in lines}
    assert by_model["good"]["mape_pct"] == pytest.approx(7.5)
    assert by_model["good"]["mae_mwh"] == pytest.approx(10.0)
    assert by_model[models.BASELINE]["mape_pct"] == pytest.approx(25.0)
    assert by_model["good"]["skill_vs_persistence"] == pytest.approx(1 - 7.5 / 25.0)
    assert by_model[models.BASELINE]["skill_vs_persistence"] == pytest.approx(0.0)


def test_an_area_without_a_year_of_history_is_not_backtested():
    assert not backtest.has_backtest_history(weekday_series(weeks=20, first="2024-01-08"))
    assert backtest.has_backtest_history(weekday_series(weeks=60, first="2022-12-26"))


def test_raw_rows_are_text_with_fixed_decimals():
    row = backtest.Forecast("FR", "m", "1", backtest.NEXT_DAY, date(2024, 12, 31),
                            date(2025, 1, 1), 1, 1234567.5).raw_row()  # fmt: skip
    assert row == ["FR", "m", "1", "next_day", "2024-12-31", "2025-01-01", "1", "1234567.500"]


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


def test_published_mape_recomputed_from_the_stored_backtest(built):
    published = built.execute(
        "select area_code, model_name, horizon_days, mape_pct, day_count "
        "from marts.fct_forecast_backtest_summary "
        "where forecast_target = 'consumption' and is_published order by area_code"
    ).fetchall()
    assert [row[0] for row in published] == ["FR"]
    for area, model, horizon, mape, day_count in published:
        rows = built.execute(
            "select forecast_value, actual_value from marts.fct_forecast_backtest_daily "
            "where forecast_target = 'consumption' and area_code = ? and model_name = ? "
            "and horizon_days = ?",
            [area, model, horizon],
        ).fetchall()
        assert len(rows) == day_count >= 360  # the days of 2024 with a complete measure
        recomputed = 100 * sum(abs(float(f) - float(a)) / float(a) for f, a in rows) / len(rows)
        assert float(mape) == pytest.approx(recomputed, abs=1e-5)


def test_published_model_beats_persistence_and_is_the_one_forecast(built):
    rows = dict(
        built.execute(
            "select model_name, mape_pct from marts.fct_forecast_backtest_summary "
            "where area_code = 'FR' and horizon_days = 1"
        ).fetchall()
    )
    best = min(rows, key=lambda name: (rows[name], name))
    assert float(rows[best]) < float(rows[models.BASELINE])
    forecast_models = built.execute(
        "select distinct model_name from marts.fct_consumption_forecast_daily "
        "where area_code = 'FR'"
    ).fetchall()
    assert forecast_models == [(best,)]
    next_days = built.execute(
        "select target_date from marts.fct_consumption_forecast_daily "
        "where area_code = 'FR' and forecast_kind = 'next_day'"
    ).fetchall()
    assert next_days == [(date(2025, 1, 1),)]


def test_targets_are_judged_on_the_best_model():
    lines = [
        {"area_code": "FR", "horizon_days": 1, "model_name": models.BASELINE,
         "mape_pct": 6.0, "skill_vs_persistence": 0.0},
        {"area_code": "FR", "horizon_days": 1, "model_name": "good",
         "mape_pct": 2.4, "skill_vs_persistence": 0.6},
    ]  # fmt: skip
    assert backtest.target_lines(lines)[0].endswith(": met")
    lines[1] |= {"mape_pct": 2.6, "skill_vs_persistence": 1 - 2.6 / 6.0}
    assert backtest.target_lines(lines)[0].endswith("NOT met")
