"""The ladder of next-day consumption models, from naive to fitted.

Every model answers one question: given an area's days up to ``origin``
(the energies of days ``<= origin`` are known, those after are not) and the
calendar and temperature of every day, what is the energy of day
``origin + horizon``? The temperature of the target day is the observed one:
it stands in for a weather forecast, which the warehouse does not hold, so
the fitted models look better than they would with a real forecast.

All models are deterministic: same days in, same numbers out (numpy normal
equations; LightGBM single-threaded with ``deterministic=True`` and a fixed
seed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

# Heating and cooling degree bases, °C, applied to a smoothed mean temperature
# (buildings react to today's and the last two days' temperatures).
HEATING_BASE_C = 15.0
DEEP_HEATING_BASE_C = 5.0
COOLING_BASE_C = 20.0
SMOOTHING_WEIGHTS = (0.6, 0.3, 0.1)  # today, yesterday, the day before
SEED = 20240101


@dataclass(frozen=True)
class AreaDays:
    """One area's consecutive days: the energies (NaN where not measured or
    incomplete) and the features known in advance of each day."""

    dates: np.ndarray  # datetime64[D], consecutive
    energy_mwh: np.ndarray  # float, NaN = unknown
    mean_temperature_c: np.ndarray  # float, NaN = not observed
    iso_weekday: np.ndarray  # 1 = Monday .. 7 = Sunday
    hours_in_day: np.ndarray  # 23, 24 or 25
    is_public_holiday: np.ndarray  # bool
    is_bridge_day: np.ndarray  # bool
    school_holiday_zone_count: np.ndarray  # 0..3 school zones on holiday

    def __len__(self) -> int:
        return len(self.dates)


def filled_temperatures(days: AreaDays) -> np.ndarray:
    """The temperatures with a missing day taken from the last observed one
    (the first observed one before any)."""
    values = days.mean_temperature_c.astype(float).copy()
    observed = np.flatnonzero(~np.isnan(values))
    if observed.size == 0:
        return np.full(len(values), 12.0)
    last = values[observed[0]]
    for index, value in enumerate(values):
        if np.isnan(value):
            values[index] = last
        else:
            last = value
    return values


def smoothed_temperatures(days: AreaDays) -> np.ndarray:
    temperatures = filled_temperatures(days)
    smoothed = np.empty_like(temperatures)
    for index in range(len(temperatures)):
        total = weights = 0.0
        for lag, weight in enumerate(SMOOTHING_WEIGHTS):
            if index - lag >= 0:
                total += weight * temperatures[index - lag]
                weights += weight
        smoothed[index] = total / weights
    return smoothed


def calendar_features(days: AreaDays) -> np.ndarray:
    """Intercept, weekday dummies (Tuesday..Sunday), public holiday on a
    day other than Sunday, bridge day, share of school zones on holiday,
    hours in the day minus 24 (DST), Christmas week, annual harmonics."""
    weekday = days.iso_weekday.astype(int)
    columns = [np.ones(len(days))]
    columns += [(weekday == day).astype(float) for day in range(2, 8)]
    columns.append((days.is_public_holiday.astype(bool) & (weekday != 7)).astype(float))
    columns.append(days.is_bridge_day.astype(float))
    columns.append(days.school_holiday_zone_count.astype(float) / 3.0)
    columns.append(days.hours_in_day.astype(float) - 24.0)
    day_of_year = (days.dates - days.dates.astype("datetime64[Y]")).astype(int) + 1
    month_day = (days.dates - days.dates.astype("datetime64[M]")).astype(int) + 1
    month = days.dates.astype("datetime64[M]").astype(int) % 12 + 1
    christmas = ((month == 12) & (month_day >= 24)) | ((month == 1) & (month_day <= 1))
    columns.append(christmas.astype(float))
    for harmonic in (1, 2):
        angle = 2 * np.pi * harmonic * day_of_year / 365.25
        columns += [np.sin(angle), np.cos(angle)]
    return np.column_stack(columns)


def weather_features(days: AreaDays) -> np.ndarray:
    smoothed = smoothed_temperatures(days)
    return np.column_stack(
        [
            np.maximum(HEATING_BASE_C - smoothed, 0.0),
            np.maximum(DEEP_HEATING_BASE_C - smoothed, 0.0),
            np.maximum(smoothed - COOLING_BASE_C, 0.0),
        ]
    )


def design_matrix(days: AreaDays, weather: bool = True) -> np.ndarray:
    if not weather:
        return calendar_features(days)
    return np.column_stack([calendar_features(days), weather_features(days)])


def fit_least_squares(features: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Ordinary least squares through the normal equations. A feature that
    is 0 on every training day (a bridge day not yet seen) gets coefficient
    0; a rank-deficient rest falls back to numpy's minimum-norm answer."""
    used = np.flatnonzero(np.any(features != 0, axis=0))
    coefficients = np.zeros(features.shape[1])
    kept = features[:, used]
    try:
        coefficients[used] = np.linalg.solve(kept.T @ kept, kept.T @ target)
    except np.linalg.LinAlgError:
        coefficients[used] = np.linalg.lstsq(kept, target, rcond=None)[0]
    return coefficients


def _cached(context: dict, key, compute: Callable[[], object]):
    """``context`` (one per area, shared by the origins) keeps what does not
    depend on the origin: the design matrices and smoothed temperatures."""
    if key not in context:
        context[key] = compute()
    return context[key]


def _known(days: AreaDays, origin: int) -> np.ndarray:
    """Indices of the days up to ``origin`` with a known energy."""
    return np.flatnonzero(~np.isnan(days.energy_mwh[: origin + 1]))


def _same_weekday_before(days: AreaDays, origin: int, target: int, weeks: int) -> float:
    """The energy of the same weekday ``weeks`` weeks before ``target``, or
    of the latest known one before that (a day can be incomplete), never
    later than ``origin``."""
    source = target - 7 * weeks
    while source > origin:
        source -= 7
    while source >= 0 and np.isnan(days.energy_mwh[source]):
        source -= 7
    return float(days.energy_mwh[source]) if source >= 0 else float("nan")


def same_weekday_persistence(days: AreaDays, origin: int, horizon: int, context) -> float:
    """The energy of the same weekday one week before the target day."""
    return _same_weekday_before(days, origin, origin + horizon, 1)


def seasonal_naive(days: AreaDays, origin: int, horizon: int, context) -> float:
    """The energy of the same weekday 52 weeks (364 days) before the target day."""
    return _same_weekday_before(days, origin, origin + horizon, 52)


def _regression(days, origin, horizon, context, *, weather: bool, residual_memory: bool):
    matrix = _cached(context, ("design", weather), lambda: design_matrix(days, weather))
    known = _known(days, origin)
    target = np.log(days.energy_mwh[known])
    coefficients = fit_least_squares(matrix[known], target)
    prediction = matrix[origin + horizon] @ coefficients
    if residual_memory:
        # AR(1) on the residuals of consecutive known days: the last known
        # day's residual, decayed over the horizon.
        residuals = np.full(origin + 1, np.nan)
        residuals[known] = target - matrix[known] @ coefficients
        previous, current = residuals[:-1], residuals[1:]
        pairs = ~np.isnan(previous) & ~np.isnan(current)
        if pairs.sum() > 10 and not np.isnan(residuals[origin]):
            phi = float(previous[pairs] @ current[pairs] / (previous[pairs] @ previous[pairs]))
            prediction += phi**horizon * residuals[origin]
    return float(np.exp(prediction))


def calendar_regression(days, origin, horizon, context) -> float:
    """Log-linear regression on the calendar only (no temperature)."""
    return _regression(days, origin, horizon, context, weather=False, residual_memory=False)


def temperature_calendar_regression(days, origin, horizon, context) -> float:
    """Log-linear regression on calendar and heating/cooling degrees."""
    return _regression(days, origin, horizon, context, weather=True, residual_memory=False)


def temperature_calendar_regression_ar1(days, origin, horizon, context) -> float:
    """The same regression plus an AR(1) memory of its last known residual."""
    return _regression(days, origin, horizon, context, weather=True, residual_memory=True)


def gradient_boosting(days: AreaDays, origin: int, horizon: int, context) -> float:
    """LightGBM on the residuals of the log-linear regression, with the
    residual of the last known day and the temperature as features."""
    import lightgbm

    matrix = _cached(context, ("design", True), lambda: design_matrix(days, True))
    known = _known(days, origin)
    target = np.log(days.energy_mwh[known])
    coefficients = fit_least_squares(matrix[known], target)
    residuals = np.full(len(days), np.nan)
    residuals[known] = target - matrix[known] @ coefficients
    temperatures = _cached(context, "smoothed", lambda: smoothed_temperatures(days))
    weekday = days.iso_weekday.astype(float)

    def features(index: np.ndarray) -> np.ndarray:
        lagged = np.where(index - horizon >= 0, residuals[np.maximum(index - horizon, 0)], np.nan)
        return np.column_stack([lagged, temperatures[index], weekday[index]])

    train = known[known - horizon >= 0]
    train = train[~np.isnan(residuals[train - horizon])]
    booster = lightgbm.train(
        {
            "objective": "regression",
            "learning_rate": 0.05,
            "num_leaves": 7,
            "min_data_in_leaf": 20,
            "lambda_l2": 1.0,
            "deterministic": True,
            "force_row_wise": True,
            "max_bin": 63,
            "num_threads": 1,
            "seed": SEED,
            "verbosity": -1,
        },
        lightgbm.Dataset(features(train), residuals[train]),
        num_boost_round=100,
    )
    target_index = np.array([origin + horizon])
    correction = float(booster.predict(features(target_index))[0])
    return float(np.exp(matrix[origin + horizon] @ coefficients + correction))


Model = Callable[[AreaDays, int, int, dict], float]

# name -> (version, function), in ladder order. A version changes when the
# model's method or settings change, so stored backtests say which one ran.
MODELS: dict[str, tuple[str, Model]] = {
    "same_weekday_persistence": ("1", same_weekday_persistence),
    "seasonal_naive": ("1", seasonal_naive),
    "calendar_regression": ("1", calendar_regression),
    "temperature_calendar_regression": ("1", temperature_calendar_regression),
    "temperature_calendar_regression_ar1": ("1", temperature_calendar_regression_ar1),
    "gradient_boosting": ("1", gradient_boosting),
}
BASELINE = "same_weekday_persistence"
