"""Rolling-origin backtest and next-day forecasts of daily consumption.

For every day D of the held-out year, each model of ``models.MODELS`` is
fitted on the days up to D and forecasts D + 1; the forecasts are stored
beside the actual energies (the marts compute the errors). The day after
the last measured one gets a forecast from every model, the one to publish.

Reads ``intermediate.int_consumption_days_enriched_for_forecasts`` through
the target's connection and replaces ``raw.forecasts__consumption_daily``
(text columns, as every raw table: the numbers are written with a fixed
number of decimals, so both engines store the same values).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime

import numpy as np

from orchestration.forecasts.models import BASELINE, MODELS, AreaDays

INPUT_RELATION = "intermediate.int_consumption_days_enriched_for_forecasts"
RAW_TABLE = "forecasts__consumption_daily"
RAW_COLUMNS = [
    "area_code",
    "model_name",
    "model_version",
    "forecast_kind",
    "origin_date",
    "target_date",
    "horizon_days",
    "forecast_mwh",
]
BACKTEST = "backtest"
NEXT_DAY = "next_day"
HORIZONS = (1,)
# The held-out year of the backtest, and the least history (days before the
# first target) an area needs to be backtested: a year, so that the
# seasonal-naive baseline and the annual terms have one.
BACKTEST_YEAR = 2024
MIN_HISTORY_DAYS = 364
FORECAST_DECIMALS = 3


@dataclass(frozen=True)
class Forecast:
    area_code: str
    model_name: str
    model_version: str
    forecast_kind: str
    origin_date: date
    target_date: date
    horizon_days: int
    forecast_mwh: float

    def raw_row(self) -> list[object]:
        return [
            self.area_code,
            self.model_name,
            self.model_version,
            self.forecast_kind,
            self.origin_date.isoformat(),
            self.target_date.isoformat(),
            str(self.horizon_days),
            f"{self.forecast_mwh:.{FORECAST_DECIMALS}f}",
        ]


def read_areas(warehouse) -> dict[str, AreaDays]:
    """The input relation, one ``AreaDays`` per area. Energies of incomplete
    days are left out (unknown): a day missing half hours is under-counted."""
    rows = warehouse.execute(
        "select region_code, measured_date, energy_mwh, mean_temperature_c, iso_weekday, "
        "hours_in_day, is_public_holiday, is_bridge_day, school_holiday_zone_count, "
        f"is_complete_day from {INPUT_RELATION} order by region_code, measured_date"
    )
    grouped: dict[str, list[tuple]] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(row)
    areas = {}
    for code, days in grouped.items():

        def column(index, kind=float, days=days):
            values = [kind(day[index]) if day[index] is not None else np.nan for day in days]
            return np.array(values)

        energy = column(2)
        energy[~np.array([bool(day[9]) for day in days])] = np.nan
        areas[code] = AreaDays(
            dates=np.array([np.datetime64(day[1], "D") for day in days]),
            energy_mwh=energy,
            mean_temperature_c=column(3),
            iso_weekday=column(4, int).astype(int),
            hours_in_day=column(5, int).astype(int),
            is_public_holiday=np.array([bool(day[6]) for day in days]),
            is_bridge_day=np.array([bool(day[7]) for day in days]),
            school_holiday_zone_count=column(8, int).astype(int),
        )
    return areas


def _as_date(value: np.datetime64) -> date:
    return value.astype("datetime64[D]").astype(date)


def has_backtest_history(days: AreaDays, year: int = BACKTEST_YEAR) -> bool:
    """Whether the area's days start at least ``MIN_HISTORY_DAYS`` before
    the held-out year (else it is not backtested, nor forecast)."""
    first = _as_date(days.dates[0]) if len(days) else date.max
    return (date(year, 1, 1) - first).days >= MIN_HISTORY_DAYS


def backtest_origins(days: AreaDays, horizon: int, year: int = BACKTEST_YEAR) -> list[int]:
    """Origins whose target falls in ``year`` with a known energy, after at
    least ``MIN_HISTORY_DAYS`` of history."""
    origins = []
    for target in range(MIN_HISTORY_DAYS, len(days)):
        if _as_date(days.dates[target]).year != year or np.isnan(days.energy_mwh[target]):
            continue
        origins.append(target - horizon)
    return origins


def forecast_area(code: str, days: AreaDays, models=MODELS) -> list[Forecast]:
    """Backtest forecasts of every model, then the next-day forecasts from
    the last day with a known energy."""
    forecasts = []
    context: dict = {}
    known = np.flatnonzero(~np.isnan(days.energy_mwh))
    for horizon in HORIZONS:
        origins = [(origin, BACKTEST) for origin in backtest_origins(days, horizon)]
        if known.size and known[-1] + horizon < len(days):
            origins.append((int(known[-1]), NEXT_DAY))
        for origin, kind in origins:
            for name, (version, model) in models.items():
                value = model(days, origin, horizon, context)
                if math.isnan(value):
                    continue
                forecasts.append(
                    Forecast(
                        area_code=code,
                        model_name=name,
                        model_version=version,
                        forecast_kind=kind,
                        origin_date=_as_date(days.dates[origin]),
                        target_date=_as_date(days.dates[origin + horizon]),
                        horizon_days=horizon,
                        forecast_mwh=round(value, FORECAST_DECIMALS),
                    )
                )
    return forecasts


def summary(areas: dict[str, AreaDays], forecasts: list[Forecast]) -> list[dict]:
    """MAPE and MAE per area, model and horizon over the backtest days every
    model forecast, with the skill against same-weekday persistence
    (1 - MAPE / MAPE of persistence)."""
    actual = {
        (code, _as_date(day)): float(value)
        for code, days in areas.items()
        for day, value in zip(days.dates, days.energy_mwh, strict=True)
        if not np.isnan(value)
    }
    by_key: dict[tuple, dict] = {}
    for forecast in forecasts:
        if forecast.forecast_kind != BACKTEST:
            continue
        key = (forecast.area_code, forecast.horizon_days, forecast.model_name)
        by_key.setdefault(key, {})[forecast.target_date] = forecast.forecast_mwh
    lines = []
    for (code, horizon, name), values in sorted(by_key.items()):
        days = sorted(values)
        errors = [values[day] - actual[(code, day)] for day in days]
        percent = [abs(values[day] / actual[(code, day)] - 1) for day in days]
        lines.append(
            {
                "area_code": code,
                "horizon_days": horizon,
                "model_name": name,
                "days": len(errors),
                "mape_pct": 100 * sum(percent) / len(percent),
                "mae_mwh": sum(abs(error) for error in errors) / len(errors),
            }
        )
    baselines = {
        (line["area_code"], line["horizon_days"]): line["mape_pct"]
        for line in lines
        if line["model_name"] == BASELINE
    }
    for line in lines:
        baseline = baselines.get((line["area_code"], line["horizon_days"]))
        line["skill_vs_persistence"] = 1 - line["mape_pct"] / baseline if baseline else None
    return lines


def print_summary(lines: list[dict], seconds: float) -> None:
    print(f"consumption forecasts: rolling-origin backtest of {BACKTEST_YEAR} ({seconds:.1f} s)")
    print(
        f"{'area':<5} {'h':>2} {'model':<37} {'days':>5} {'MAPE %':>7} {'MAE MWh':>10} {'skill':>7}"
    )
    for line in lines:
        skill = line["skill_vs_persistence"]
        print(
            f"{line['area_code']:<5} {line['horizon_days']:>2} {line['model_name']:<37} "
            f"{line['days']:>5} {line['mape_pct']:>7.3f} {line['mae_mwh']:>10.0f} "
            f"{'' if skill is None else f'{100 * skill:>6.1f}%':>7}"
        )


# What the national next-day forecast must reach (printed, not enforced):
# a MAPE of at most 2.5 %, at least 50 % below same-weekday persistence's.
TARGET_MAPE_PCT = 2.5
TARGET_SKILL = 0.5


def target_lines(lines: list[dict]) -> list[str]:
    """Whether the best model of each area's next-day backtest meets the targets."""
    verdicts = []
    for area in sorted({line["area_code"] for line in lines}):
        scored = [line for line in lines if line["area_code"] == area and line["horizon_days"] == 1]
        if not scored:
            continue
        best = min(scored, key=lambda line: (round(line["mape_pct"], 6), line["model_name"]))
        skill = best["skill_vs_persistence"]
        met = best["mape_pct"] <= TARGET_MAPE_PCT and skill is not None and skill >= TARGET_SKILL
        verdicts.append(
            f"{area} D+1 published {best['model_name']}: MAPE {best['mape_pct']:.3f} % "
            f"(target <= {TARGET_MAPE_PCT} %), "
            f"{'n/a' if skill is None else f'{100 * skill:.1f} %'} below persistence "
            f"(target >= {100 * TARGET_SKILL:.0f} %): {'met' if met else 'NOT met'}"
        )
    return verdicts


def write_forecasts(warehouse, forecasts: list[Forecast]) -> None:
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


def run(warehouse, *, verbose: bool = True) -> list[dict]:
    """Read, backtest, forecast, write; the summary lines."""
    started = time.perf_counter()
    areas = read_areas(warehouse)
    skipped = sorted(code for code, days in areas.items() if not has_backtest_history(days))
    forecasts = [
        forecast
        for code, days in areas.items()
        if code not in skipped
        for forecast in forecast_area(code, days)
    ]
    lines = summary(areas, forecasts)
    write_forecasts(warehouse, forecasts)
    if verbose:
        print_summary(lines, time.perf_counter() - started)
        for verdict in target_lines(lines):
            print(verdict)
        for code in skipped:
            print(f"area {code}: less than {MIN_HISTORY_DAYS} days before {BACKTEST_YEAR}, "
                  "not forecast")  # fmt: skip
    return lines
