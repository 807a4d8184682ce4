"""Next-day charging demand: sessions and energy per area, backtested.

For the nation, each region and each operational unit, two series are
forecast one day ahead: the sessions started in the day and their energy
(kWh). The sample's session feeds cover a few dozen days, so the ladder is
short and every model is cheap: same-weekday persistence (the baseline the
skill is measured against), previous-day persistence, the mean of the
recent days, and a regression of the day's value against its recent level
on the weekday and the holidays.

Only the days the session feeds covered whole are known (a day they missed
is not a day without demand); a run of such days shorter than
``MIN_STRETCH_DAYS`` is set aside (it cannot be forecast from within, and
the sample's lone one comes from another feed). A day is backtested when
its ``MIN_HISTORY_DAYS`` previous days are known, so that every model
forecasts the same days; errors are weighted (WAPE = sum |error| / sum
actual): a percentage error per day explodes on the small counts of a
quiet operational unit.

Reads ``intermediate.int_charging_days_enriched_for_forecasts`` through the
target's connection and replaces ``raw.forecasts__charging_demand_daily``
(text columns, forecasts with 3 decimals).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

import numpy as np

from orchestration.forecasts.backtest import BACKTEST, FORECAST_DECIMALS, NEXT_DAY
from orchestration.forecasts.models import fit_least_squares

INPUT_RELATION = "intermediate.int_charging_days_enriched_for_forecasts"
RAW_TABLE = "forecasts__charging_demand_daily"
RAW_COLUMNS = [
    "area_level",
    "area_code",
    "forecast_target",
    "model_name",
    "model_version",
    "forecast_kind",
    "origin_date",
    "target_date",
    "horizon_days",
    "forecast_value",
]
# forecast target -> column of the input relation
TARGETS = {"sessions": "session_count", "energy": "energy_kwh"}
HORIZONS = (1,)
MIN_STRETCH_DAYS = 8  # a week of history and the day after it
MIN_HISTORY_DAYS = 21  # known days before a backtested day
RECENT_DAYS = 7  # days of the recent mean and of the regression's level
MIN_REGRESSION_ROWS = 10
MIN_MEAN_SESSIONS = 1.0  # an area with fewer sessions a day is not forecast


@dataclass(frozen=True)
class DemandDays:
    """One area's consecutive days: one target's values (NaN where not
    known) and the calendar of each day."""

    dates: np.ndarray  # datetime64[D], consecutive
    values: np.ndarray  # float, NaN = unknown
    iso_weekday: np.ndarray  # 1 = Monday .. 7 = Sunday
    is_public_holiday: np.ndarray  # bool
    school_holiday_zone_count: np.ndarray  # 0..3

    def __len__(self) -> int:
        return len(self.dates)


def known_stretches(is_known: np.ndarray, min_days: int = MIN_STRETCH_DAYS) -> np.ndarray:
    """``is_known`` without the runs of consecutive known days shorter than ``min_days``."""
    kept = np.zeros(len(is_known), dtype=bool)
    start = None
    for index, known in enumerate([*is_known, False]):
        if known and start is None:
            start = index
        elif not known and start is not None:
            if index - start >= min_days:
                kept[start:index] = True
            start = None
    return kept


# --- the models ---------------------------------------------------------------


def _last_known(days: DemandDays, origin: int) -> int:
    index = origin
    while index >= 0 and np.isnan(days.values[index]):
        index -= 1
    return index


def same_weekday_persistence(days: DemandDays, origin: int, horizon: int) -> float:
    """The value of the same weekday a week before the target day (or of the
    latest known same weekday before that), never after ``origin``."""
    source = origin + horizon - 7
    while source > origin:
        source -= 7
    while source >= 0 and np.isnan(days.values[source]):
        source -= 7
    return float(days.values[source]) if source >= 0 else math.nan


def previous_day_persistence(days: DemandDays, origin: int, horizon: int) -> float:
    """The value of the last known day."""
    index = _last_known(days, origin)
    return float(days.values[index]) if index >= 0 else math.nan


def recent_mean(days: DemandDays, origin: int, horizon: int) -> float:
    """The mean of the last ``RECENT_DAYS`` known days."""
    known = np.flatnonzero(~np.isnan(days.values[: origin + 1]))
    if known.size < RECENT_DAYS:
        return math.nan
    return float(np.mean(days.values[known[-RECENT_DAYS:]]))


def _regression_features(days: DemandDays, index: np.ndarray) -> np.ndarray:
    """Intercept, weekday dummies (Tuesday..Sunday), public holiday, share of
    school zones on holiday."""
    weekday = days.iso_weekday[index].astype(int)
    columns = [np.ones(len(index))]
    columns += [(weekday == day).astype(float) for day in range(2, 8)]
    columns.append(days.is_public_holiday[index].astype(float))
    columns.append(days.school_holiday_zone_count[index].astype(float) / 3.0)
    return np.column_stack(columns)


def _levels(days: DemandDays, last: int) -> np.ndarray:
    """Per day up to ``last``, the mean of its ``RECENT_DAYS`` previous days
    (NaN unless all are known)."""
    levels = np.full(last + 1, np.nan)
    for index in range(RECENT_DAYS, last + 1):
        window = days.values[index - RECENT_DAYS : index]
        if not np.isnan(window).any():
            levels[index] = window.mean()
    return levels


def weekday_holiday_regression(days: DemandDays, origin: int, horizon: int) -> float:
    """The recent level times a weekday and holiday factor: least squares of
    log((value + 1) / (level + 1)), the level being the mean of the
    ``RECENT_DAYS`` days before, on the weekday, public holidays and school
    holidays. Next day only (the target's level must be known)."""
    target = origin + horizon
    if horizon != 1:
        return math.nan
    levels = _levels(days, target)
    rows = np.flatnonzero(~np.isnan(levels[: origin + 1]) & ~np.isnan(days.values[: origin + 1]))
    if rows.size < MIN_REGRESSION_ROWS or np.isnan(levels[target]):
        return math.nan
    response = np.log((days.values[rows] + 1.0) / (levels[rows] + 1.0))
    coefficients = fit_least_squares(_regression_features(days, rows), response)
    factor = float(_regression_features(days, np.array([target]))[0] @ coefficients)
    return max((levels[target] + 1.0) * math.exp(factor) - 1.0, 0.0)


Model = Callable[[DemandDays, int, int], float]

# name -> (version, function), in ladder order; a version changes with the
# model's method or settings.
MODELS: dict[str, tuple[str, Model]] = {
    "same_weekday_persistence": ("1", same_weekday_persistence),
    "previous_day_persistence": ("1", previous_day_persistence),
    "recent_mean": ("1", recent_mean),
    "weekday_holiday_regression": ("1", weekday_holiday_regression),
}
BASELINE = "same_weekday_persistence"


# --- the backtest -------------------------------------------------------------


@dataclass(frozen=True)
class DemandForecast:
    area_level: str
    area_code: str
    forecast_target: str
    model_name: str
    model_version: str
    forecast_kind: str
    origin_date: date
    target_date: date
    horizon_days: int
    forecast_value: float

    def raw_row(self) -> list[object]:
        return [
            self.area_level,
            self.area_code,
            self.forecast_target,
            self.model_name,
            self.model_version,
            self.forecast_kind,
            self.origin_date.isoformat(),
            self.target_date.isoformat(),
            str(self.horizon_days),
            f"{self.forecast_value:.{FORECAST_DECIMALS}f}",
        ]


def _as_date(value: np.datetime64) -> date:
    return value.astype("datetime64[D]").astype(date)


def read_series(warehouse) -> dict[tuple[str, str, str], DemandDays]:
    """One series per (area level, area code, target), the values known on
    the days of the session feeds' whole-day stretches only."""
    rows = warehouse.execute(
        "select area_level, area_code, date_day, session_count, energy_kwh, iso_weekday, "
        "is_public_holiday, school_holiday_zone_count, is_whole_feed_day "
        f"from {INPUT_RELATION} order by area_level, area_code, date_day"
    )
    grouped: dict[tuple[str, str], list[tuple]] = {}
    for row in rows:
        grouped.setdefault((row[0], row[1]), []).append(row)
    series = {}
    for (level, code), days in grouped.items():
        known = known_stretches(np.array([bool(day[8]) for day in days]))
        for target, index in (("sessions", 3), ("energy", 4)):
            values = np.array(
                [float(day[index]) if day[index] is not None else np.nan for day in days]
            )
            values[~known] = np.nan
            series[(level, code, target)] = DemandDays(
                dates=np.array([np.datetime64(day[2], "D") for day in days]),
                values=values,
                iso_weekday=np.array([int(day[5]) for day in days]),
                is_public_holiday=np.array([bool(day[6]) for day in days]),
                school_holiday_zone_count=np.array([int(day[7]) for day in days]),
            )
    return series


def backtest_origins(days: DemandDays, horizon: int) -> list[int]:
    """Origins of the known days whose ``MIN_HISTORY_DAYS`` previous days are known."""
    origins = []
    for target in range(MIN_HISTORY_DAYS, len(days)):
        if not np.isnan(days.values[target - MIN_HISTORY_DAYS : target + 1]).any():
            origins.append(target - horizon)
    return origins


def forecast_series(key: tuple[str, str, str], days: DemandDays, models=MODELS) -> list:
    """Backtest forecasts (an origin where a model has no answer is dropped
    for every model: all are scored on the same days), then the next-day
    forecasts from the last known day."""
    level, code, target = key
    forecasts = []
    known = np.flatnonzero(~np.isnan(days.values))
    for horizon in HORIZONS:
        origins = [(origin, BACKTEST) for origin in backtest_origins(days, horizon)]
        if known.size and known[-1] + horizon < len(days):
            origins.append((int(known[-1]), NEXT_DAY))
        for origin, kind in origins:
            values = {name: model(days, origin, horizon) for name, (_, model) in models.items()}
            if any(math.isnan(value) for value in values.values()):
                continue
            forecasts += [
                DemandForecast(
                    area_level=level,
                    area_code=code,
                    forecast_target=target,
                    model_name=name,
                    model_version=models[name][0],
                    forecast_kind=kind,
                    origin_date=_as_date(days.dates[origin]),
                    target_date=_as_date(days.dates[origin + horizon]),
                    horizon_days=horizon,
                    forecast_value=round(value, FORECAST_DECIMALS),
                )
                for name, value in values.items()
            ]
    return forecasts


def error_measures(pairs: list[tuple[float, float]]) -> dict:
    """WAPE (percent), MAE and mean error of (forecast, actual) pairs."""
    errors = [forecast - actual for forecast, actual in pairs]
    total = sum(actual for _, actual in pairs)
    absolute = sum(abs(error) for error in errors)
    return {
        "days": len(pairs),
        "wape_pct": 100 * absolute / total if total else math.nan,
        "mae": absolute / len(pairs),
        "mean_error": sum(errors) / len(pairs),
    }


def summary(series: dict[tuple[str, str, str], DemandDays], forecasts: list) -> list[dict]:
    """Per area, target, horizon and model: the error measures over the
    backtest days and the skill against same-weekday persistence
    (1 - WAPE / WAPE of persistence)."""
    actual = {
        (*key, _as_date(day)): float(value)
        for key, days in series.items()
        for day, value in zip(days.dates, days.values, strict=True)
        if not np.isnan(value)
    }
    pairs: dict[tuple, list] = {}
    for forecast in forecasts:
        if forecast.forecast_kind != BACKTEST:
            continue
        key = (forecast.area_level, forecast.area_code, forecast.forecast_target,
               forecast.horizon_days, forecast.model_name)  # fmt: skip
        observed = actual[(*key[:3], forecast.target_date)]
        pairs.setdefault(key, []).append((forecast.forecast_value, observed))
    lines = [
        {"area_level": key[0], "area_code": key[1], "forecast_target": key[2],
         "horizon_days": key[3], "model_name": key[4], **error_measures(values)}
        for key, values in sorted(pairs.items())
    ]  # fmt: skip
    baselines = {
        tuple(line[name] for name in ("area_level", "area_code", "forecast_target",
                                      "horizon_days")): line["wape_pct"]
        for line in lines
        if line["model_name"] == BASELINE
    }  # fmt: skip
    for line in lines:
        baseline = baselines.get(
            (line["area_level"], line["area_code"], line["forecast_target"], line["horizon_days"])
        )
        line["skill_vs_persistence"] = (
            1 - line["wape_pct"] / baseline if baseline and not math.isnan(baseline) else None
        )
    return lines


def pooled(lines: list[dict], forecasts: list, series) -> list[dict]:
    """Per area level, target and model: the WAPE pooled over the level's
    areas (sum of their absolute errors / sum of their actuals), its skill
    against pooled persistence, and how many areas the model is best in."""
    actual = {
        (*key, _as_date(day)): float(value)
        for key, days in series.items()
        for day, value in zip(days.dates, days.values, strict=True)
        if not np.isnan(value)
    }
    pairs: dict[tuple, list] = {}
    for forecast in forecasts:
        if forecast.forecast_kind == BACKTEST and forecast.horizon_days == 1:
            observed = actual[(forecast.area_level, forecast.area_code,
                               forecast.forecast_target, forecast.target_date)]  # fmt: skip
            key = (forecast.area_level, forecast.forecast_target, forecast.model_name)
            pairs.setdefault(key, []).append((forecast.forecast_value, observed))
    best: dict[tuple, int] = {}
    groups: dict[tuple, list] = {}
    for line in lines:
        if line["horizon_days"] == 1:
            area = (line["area_level"], line["area_code"], line["forecast_target"])
            groups.setdefault(area, []).append(line)
    for area, scored in groups.items():
        winner = min(scored, key=lambda line: (round(line["wape_pct"], 6), line["model_name"]))
        key = (area[0], area[2], winner["model_name"])
        best[key] = best.get(key, 0) + 1
    result = []
    for (level, target, name), values in sorted(pairs.items()):
        measures = error_measures(values)
        baseline = error_measures(pairs[(level, target, BASELINE)])["wape_pct"]
        result.append(
            {"area_level": level, "forecast_target": target, "model_name": name,
             "areas": len({area for area in groups if area[0] == level and area[2] == target}),
             "days": measures["days"], "wape_pct": measures["wape_pct"],
             "skill_vs_persistence": 1 - measures["wape_pct"] / baseline,
             "areas_best": best.get((level, target, name), 0)}
        )  # fmt: skip
    return result


def print_summary(lines: list[dict], pooled_lines: list[dict], seconds: float) -> None:
    print(f"charging demand forecasts: rolling-origin backtest, D+1 ({seconds:.1f} s)")
    print(f"{'level':<17} {'target':<9} {'model':<27} {'areas':>5} {'days':>5} "
          f"{'WAPE %':>7} {'skill':>7} {'best in':>7}")  # fmt: skip
    for line in pooled_lines:
        print(
            f"{line['area_level']:<17} {line['forecast_target']:<9} {line['model_name']:<27} "
            f"{line['areas']:>5} {line['days']:>5} {line['wape_pct']:>7.2f} "
            f"{100 * line['skill_vs_persistence']:>6.1f}% {line['areas_best']:>7}"
        )


def write_forecasts(warehouse, forecasts: list[DemandForecast]) -> None:
    """Replace the raw forecast table's rows in one transaction."""
    warehouse.ensure_raw_table(RAW_TABLE, RAW_COLUMNS)
    warehouse.execute(f'delete from raw."{RAW_TABLE}"')
    loaded_at = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    rows = [[*forecast.raw_row(), "orchestration.forecasts", None, None, loaded_at]
            for forecast in forecasts]  # fmt: skip
    warehouse.copy_rows(
        RAW_TABLE, [*RAW_COLUMNS, "_source_file", "_source_line", "_file_checksum", "_loaded_at"],
        rows,
    )  # fmt: skip
    warehouse.commit()


def is_forecast(series: dict, level: str, code: str) -> bool:
    """Whether the area takes at least ``MIN_MEAN_SESSIONS`` sessions a known day."""
    sessions = series[(level, code, "sessions")].values
    known = sessions[~np.isnan(sessions)]
    return known.size > 0 and float(known.mean()) >= MIN_MEAN_SESSIONS


def run(warehouse, *, verbose: bool = True) -> list[dict]:
    """Read, backtest, forecast, write; the summary lines."""
    started = time.perf_counter()
    series = read_series(warehouse)
    areas = sorted({key[:2] for key in series})
    skipped = [area for area in areas if not is_forecast(series, *area)]
    forecasts = [
        forecast
        for key, days in series.items()
        if key[:2] not in skipped
        for forecast in forecast_series(key, days)
    ]
    lines = summary(series, forecasts)
    write_forecasts(warehouse, forecasts)
    if verbose:
        print_summary(lines, pooled(lines, forecasts, series), time.perf_counter() - started)
        for level, code in skipped:
            print(f"{level} {code}: fewer than {MIN_MEAN_SESSIONS:g} session a day, not forecast")
    return lines
