"""The dashboard's only door to the warehouse: one small query layer over the marts.

DuckDB is the default: the file named by ``WATTLAS_DASHBOARD_DUCKDB_PATH``, else
``WATTLAS_DUCKDB_PATH``, else ``warehouse.duckdb`` at the repository root, opened
**read-only** for each query and closed right after (a DuckDB file has one writer:
holding it would block the next ``dbt build``).

PostgreSQL when ``WATTLAS_DASHBOARD_TARGET=postgres``: the connection comes from the
libpq variables only (``PGHOST``, ``PGPORT``, ``PGUSER``, ``PGPASSWORD``,
``PGDATABASE``, or ``PGSERVICE``), in a read-only session; use the BI reader role.

SQL is written once for both engines, with ``:name`` parameters and
schema-qualified ``marts.<table>`` names (the project's fixed schemas).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

REPO_ROOT = Path(__file__).resolve().parent.parent
MARTS_SCHEMA = "marts"

# Candidate names of marts still being built (the first existing one is used).
STATION_AVAILABILITY = ("fct_station_availability_daily",)
UNIT_AVAILABILITY = ("fct_operational_unit_availability_daily",)
QUALITY_RESULTS = ("fct_quality_results",)
QUALITY_SUMMARY = ("fct_quality_operator_daily_summary", "fct_quality_daily_summary")

_PARAM = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


@dataclass(frozen=True)
class Target:
    """Where the dashboard reads: ``kind`` is ``duckdb`` or ``postgres``."""

    kind: str
    duckdb_path: Path | None = None

    @property
    def label(self) -> str:
        if self.kind == "duckdb":
            path = self.duckdb_path
            if path is not None and path.is_relative_to(REPO_ROOT):
                path = path.relative_to(REPO_ROOT)
            return f"DuckDB {path}"
        host = os.environ.get("PGHOST", "localhost")
        port = os.environ.get("PGPORT", "5432")
        database = os.environ.get("PGDATABASE", os.environ.get("PGUSER", ""))
        user = os.environ.get("PGUSER", "")
        return f"PostgreSQL {user}@{host}:{port}/{database}"


def current_target() -> Target:
    """The target the environment selects (read on every call: tests change it)."""
    kind = os.environ.get("WATTLAS_DASHBOARD_TARGET", "duckdb").strip().lower()
    if kind in ("postgres", "postgresql"):
        return Target("postgres")
    if kind != "duckdb":
        raise ValueError(f"WATTLAS_DASHBOARD_TARGET must be duckdb or postgres, not {kind!r}")
    raw = (
        os.environ.get("WATTLAS_DASHBOARD_DUCKDB_PATH")
        or os.environ.get("WATTLAS_DUCKDB_PATH")
        or "warehouse.duckdb"
    )
    path = Path(raw)
    if not path.is_absolute():
        path = REPO_ROOT / path
    return Target("duckdb", path)


class WarehouseUnavailable(RuntimeError):
    """The warehouse cannot be opened (no file yet, server down...)."""


def _to_engine(sql: str, kind: str) -> str:
    if kind == "duckdb":
        return _PARAM.sub(r"$\1", sql)
    return _PARAM.sub(r"%(\1)s", sql.replace("%", "%%"))


def run_query(
    sql: str, params: Mapping[str, Any] | None = None, target: Target | None = None
) -> pd.DataFrame:
    """Run one read-only query on the target and return a DataFrame."""
    target = target or current_target()
    params = dict(params or {})
    if target.kind == "duckdb":
        import duckdb

        if not target.duckdb_path or not target.duckdb_path.exists():
            raise WarehouseUnavailable(
                f"No DuckDB warehouse at {target.duckdb_path}: run `make run` first."
            )
        try:
            con = duckdb.connect(str(target.duckdb_path), read_only=True)
        except duckdb.Error as exc:  # e.g. a dbt build holds the write lock
            raise WarehouseUnavailable(f"Cannot open {target.duckdb_path}: {exc}") from exc
        try:
            return con.execute(_to_engine(sql, "duckdb"), params).df()
        finally:
            con.close()
    import psycopg2

    try:
        con = psycopg2.connect("")
    except psycopg2.Error as exc:
        raise WarehouseUnavailable(f"Cannot connect to {target.label}: {exc}") from exc
    try:
        con.set_session(readonly=True, autocommit=True)
        with con.cursor() as cursor:
            cursor.execute(_to_engine(sql, "postgres"), params)
            columns = [c.name for c in cursor.description]
            return pd.DataFrame(cursor.fetchall(), columns=columns)
    finally:
        con.close()


def existing_marts(target: Target | None = None) -> set[str]:
    """Names of the tables and views in the marts schema."""
    frame = run_query(
        "select table_name from information_schema.tables where table_schema = :schema",
        {"schema": MARTS_SCHEMA},
        target,
    )
    return set(frame["table_name"])


def first_existing(candidates: Iterable[str], target: Target | None = None) -> str | None:
    """The first candidate mart that exists, or None (mart not built yet)."""
    present = existing_marts(target)
    for name in candidates:
        if name in present:
            return name
    return None


def _numeric(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    # PostgreSQL numeric columns arrive as Decimal: make every measure a float.
    for column in columns:
        if column in frame:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    return frame


# --- infrastructure ------------------------------------------------------------


def infrastructure_by_department(target: Target | None = None) -> pd.DataFrame:
    """One row per department (unlocated row left out): i1, i2, i4, population."""
    frame = run_query(
        """
        select
            department_code,
            department_name,
            region_code,
            zone,
            population,
            charge_point_count,
            station_count,
            installed_power_kw,
            charge_points_per_100k_inhabitants,
            snapshot_date
        from marts.fct_infrastructure_by_department
        where not is_unlocated
        order by department_code
        """,
        target=target,
    )
    return _numeric(
        frame,
        "population",
        "charge_point_count",
        "station_count",
        "installed_power_kw",
        "charge_points_per_100k_inhabitants",
    )


def infrastructure_national(target: Target | None = None) -> pd.DataFrame:
    """National totals (unlocated included) of the department mart."""
    frame = run_query(
        """
        select
            sum(charge_point_count) as charge_point_count,
            sum(station_count) as station_count,
            sum(installed_power_kw) as installed_power_kw,
            sum(case when is_unlocated then charge_point_count else 0 end)
                as unlocated_charge_point_count,
            max(snapshot_date) as snapshot_date
        from marts.fct_infrastructure_by_department
        """,
        target=target,
    )
    return _numeric(
        frame,
        "charge_point_count",
        "station_count",
        "installed_power_kw",
        "unlocated_charge_point_count",
    )


# --- consumption ---------------------------------------------------------------


def consumption_regions(target: Target | None = None) -> pd.DataFrame:
    """Regions (and the national row) with half-hourly data, and their date span."""
    return run_query(
        """
        select
            region_code,
            max(region_name) as region_name,
            max(cast(is_national as integer)) as is_national,
            min(measured_date) as first_date,
            max(measured_date) as last_date,
            count(*) as half_hour_count
        from marts.fct_consumption_half_hourly
        group by region_code
        order by max(cast(is_national as integer)), region_code
        """,
        target=target,
    )


def consumption_half_hourly(
    region_codes: list[str], start_date, end_date, target: Target | None = None
) -> pd.DataFrame:
    """Half-hourly consumption (MW) of the regions, local dates [start, end]."""
    if not region_codes:
        return pd.DataFrame(columns=["region_code", "region_name", "measured_at", "consumption_mw"])
    placeholders = ", ".join(f":r{i}" for i in range(len(region_codes)))
    params: dict[str, Any] = {f"r{i}": code for i, code in enumerate(region_codes)}
    params.update(start=start_date, end=end_date)
    frame = run_query(
        f"""
        select region_code, region_name, measured_at, measured_date, consumption_mw
        from marts.fct_consumption_half_hourly
        where region_code in ({placeholders})
          and measured_date between :start and :end
        order by region_code, measured_at
        """,
        params,
        target,
    )
    frame = _numeric(frame, "consumption_mw")
    frame["measured_at"] = pd.to_datetime(frame["measured_at"])
    if frame["measured_at"].dt.tz is None:
        frame["measured_at"] = frame["measured_at"].dt.tz_localize("UTC")
    frame["local_time"] = frame["measured_at"].dt.tz_convert("Europe/Paris")
    return frame


def consumption_daily_energy(
    region_codes: list[str], start_date, end_date, target: Target | None = None
) -> pd.DataFrame:
    """Daily energy (MWh) of the regions, local dates [start, end]."""
    if not region_codes:
        return pd.DataFrame(columns=["region_code", "measured_date", "energy_mwh"])
    placeholders = ", ".join(f":r{i}" for i in range(len(region_codes)))
    params: dict[str, Any] = {f"r{i}": code for i, code in enumerate(region_codes)}
    params.update(start=start_date, end=end_date)
    frame = run_query(
        f"""
        select region_code, measured_date, energy_mwh, is_complete_day
        from marts.fct_consumption_daily
        where region_code in ({placeholders})
          and measured_date between :start and :end
        order by region_code, measured_date
        """,
        params,
        target,
    )
    return _numeric(frame, "energy_mwh")


def consumption_daily(region_code: str, target: Target | None = None) -> pd.DataFrame:
    """Daily energy and mean temperature of one region."""
    frame = run_query(
        """
        select
            measured_date,
            energy_mwh,
            mean_consumption_mw,
            mean_temperature_c,
            is_complete_day,
            is_working_day,
            is_heating_day
        from marts.fct_consumption_daily
        where region_code = :region
        order by measured_date
        """,
        {"region": region_code},
        target,
    )
    return _numeric(frame, "energy_mwh", "mean_consumption_mw", "mean_temperature_c")


def thermosensitivity(target: Target | None = None) -> pd.DataFrame:
    """Every region's regression of consumption on temperature (heating days)."""
    frame = run_query(
        """
        select
            region_code,
            region_name,
            period_type,
            period_label,
            day_scope,
            day_count,
            mean_temperature_c,
            slope_mwh_per_day_per_c,
            intercept_mwh_per_day,
            slope_mw_per_c,
            r_squared,
            first_date,
            last_date
        from marts.fct_thermosensitivity
        order by region_code, period_type, period_label, day_scope
        """,
        target=target,
    )
    return _numeric(
        frame,
        "day_count",
        "mean_temperature_c",
        "slope_mwh_per_day_per_c",
        "intercept_mwh_per_day",
        "slope_mw_per_c",
        "r_squared",
    )


# --- forecasts -------------------------------------------------------------------


def consumption_forecast(area_code: str, target: Target | None = None) -> pd.DataFrame:
    """The published next-day forecast of one area, with its error band and the actuals."""
    frame = run_query(
        """
        select
            target_date,
            forecast_kind,
            model_name,
            forecast_mwh,
            forecast_lower_mwh,
            forecast_upper_mwh,
            actual_mwh,
            error_mwh,
            backtest_mape_pct,
            band_pct
        from marts.fct_consumption_forecast_daily
        where area_code = :area and horizon_days = 1
        order by target_date
        """,
        {"area": area_code},
        target,
    )
    return _numeric(
        frame,
        "forecast_mwh",
        "forecast_lower_mwh",
        "forecast_upper_mwh",
        "actual_mwh",
        "error_mwh",
        "backtest_mape_pct",
        "band_pct",
    )


def forecast_backtest_summary(target: Target | None = None) -> pd.DataFrame:
    """Every model's backtest scores (MAPE, MAE, skill against persistence)."""
    frame = run_query(
        """
        select
            forecast_target,
            area_code,
            model_name,
            model_version,
            horizon_days,
            day_count,
            mape_pct,
            mae_value,
            mean_error_value,
            skill_vs_persistence,
            model_rank,
            is_published
        from marts.fct_forecast_backtest_summary
        order by forecast_target, area_code, horizon_days, model_rank
        """,
        target=target,
    )
    return _numeric(
        frame, "day_count", "mape_pct", "mae_value", "mean_error_value", "skill_vs_persistence"
    )


def charging_demand_forecast(
    area_level: str, area_code: str, forecast_target: str, target: Target | None = None
) -> pd.DataFrame:
    """The published next-day charging demand forecast of one area and target
    (sessions or energy), with its error band and the actual values."""
    frame = run_query(
        """
        select
            target_date,
            forecast_kind,
            model_name,
            value_unit,
            forecast_value,
            forecast_lower_value,
            forecast_upper_value,
            actual_value,
            error_value,
            backtest_wape_pct,
            band_value
        from marts.fct_charging_demand_forecast_daily
        where
            area_level = :level and area_code = :area and forecast_target = :forecast_target
            and horizon_days = 1
        order by target_date
        """,
        {"level": area_level, "area": area_code, "forecast_target": forecast_target},
        target,
    )
    return _numeric(
        frame,
        "forecast_value",
        "forecast_lower_value",
        "forecast_upper_value",
        "actual_value",
        "error_value",
        "backtest_wape_pct",
        "band_value",
    )


def charging_demand_backtest_summary(target: Target | None = None) -> pd.DataFrame:
    """Every charging demand model's backtest scores (WAPE, MAE, skill against persistence)."""
    frame = run_query(
        """
        select
            area_level,
            area_code,
            forecast_target,
            model_name,
            horizon_days,
            value_unit,
            day_count,
            wape_pct,
            mae_value,
            mean_error_value,
            skill_vs_persistence,
            model_rank,
            is_published
        from marts.fct_charging_demand_backtest_summary
        order by area_level, area_code, forecast_target, horizon_days, model_rank
        """,
        target=target,
    )
    return _numeric(
        frame, "day_count", "wape_pct", "mae_value", "mean_error_value", "skill_vs_persistence"
    )


# --- usage ---------------------------------------------------------------------


def unit_availability_daily(table: str, target: Target | None = None) -> pd.DataFrame:
    """Availability and saturation per operational unit and day (with the unit's name)."""
    frame = run_query(
        f"""
        select
            a.operational_unit_code,
            u.operational_unit_name,
            a.date_day,
            a.station_count,
            a.point_count,
            a.session_count,
            a.energy_kwh,
            a.point_opening_hours,
            a.point_free_hours,
            a.point_occupied_hours,
            a.station_inactive_hours,
            a.station_saturated_hours,
            a.station_overloaded_hours,
            a.station_active_hours,
            a.availability_rate,
            a.utilisation_rate,
            a.saturation_rate,
            a.saturated_station_count,
            coalesce(o.open_station_count, 0) as open_station_count,
            coalesce(o.open_point_count, 0) as open_point_count
        from marts.{table} as a
        left join marts.dim_operational_units as u
            on a.operational_unit_code = u.operational_unit_code
        left join (
            -- the stations (and their points) with opening time that day: those
            -- behind the availability rate
            select
                operational_unit_code,
                date_day,
                count(*) as open_station_count,
                sum(point_count) as open_point_count
            from marts.{STATION_AVAILABILITY[0]}
            where point_opening_hours > 0
            group by operational_unit_code, date_day
        ) as o
            on a.operational_unit_code = o.operational_unit_code and a.date_day = o.date_day
        order by a.operational_unit_code, a.date_day
        """,
        target=target,
    )
    frame = _numeric(
        frame,
        "station_count",
        "point_count",
        "session_count",
        "energy_kwh",
        *HOUR_COLUMNS,
        "availability_rate",
        "utilisation_rate",
        "saturation_rate",
        "saturated_station_count",
        "open_station_count",
        "open_point_count",
    )
    frame["date_day"] = pd.to_datetime(frame["date_day"])
    return frame


HOUR_COLUMNS = (
    "point_opening_hours",
    "point_free_hours",
    "point_occupied_hours",
    "station_inactive_hours",
    "station_saturated_hours",
    "station_overloaded_hours",
    "station_active_hours",
)


def weighted_rates(frame: pd.DataFrame) -> dict[str, float]:
    """The rates of a whole scope, each a ratio of summed hours (never a mean of rates).

    availability = Σ(free + occupied) / Σ opening; utilisation = Σ occupied /
    Σ(free + occupied); saturation = Σ saturated station hours / Σ station hours
    in the inactive, saturated, overloaded and active states. NaN when the
    denominator is zero (or the scope empty).
    """
    sums = frame[list(HOUR_COLUMNS)].sum() if len(frame) else pd.Series(0.0, HOUR_COLUMNS)
    available = sums["point_free_hours"] + sums["point_occupied_hours"]
    station_hours = (
        sums["station_inactive_hours"]
        + sums["station_saturated_hours"]
        + sums["station_overloaded_hours"]
        + sums["station_active_hours"]
    )

    def ratio(numerator: float, denominator: float) -> float:
        return float(numerator / denominator) if denominator else float("nan")

    return {
        "availability_rate": ratio(available, sums["point_opening_hours"]),
        "utilisation_rate": ratio(sums["point_occupied_hours"], available),
        "saturation_rate": ratio(sums["station_saturated_hours"], station_hours),
    }


def weighted_daily(frame: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Weighted rates per local day (and per ``by`` column when given), on a daily calendar.

    Each day's rates are ratios of the hours summed over the units in scope, with
    the points and stations behind them (``point_count``, ``station_count``: those
    with opening time that day, the availability rate's denominator). The calendar
    runs from the first to the last day of the frame: days without data are rows
    of NaN, so a line drawn over it breaks at a gap instead of joining days months
    apart.
    """
    keys = ["date_day"] if by is None else [by, "date_day"]
    columns = ["date_day", "point_count", "station_count", "availability_rate"]
    columns += ["utilisation_rate", "saturation_rate"] + ([] if by is None else [by])
    if frame.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for key, group in frame.groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        row = dict(zip(keys, key, strict=True))
        row["point_count"] = float(group["open_point_count"].sum())
        row["station_count"] = float(group["open_station_count"].sum())
        row.update(weighted_rates(group))
        rows.append(row)
    daily = pd.DataFrame(rows)
    calendar = pd.date_range(frame["date_day"].min(), frame["date_day"].max(), freq="D")
    if by is None:
        daily = daily.set_index("date_day").reindex(calendar).rename_axis("date_day")
        return daily.reset_index()[columns]
    parts = []
    for value, group in daily.groupby(by, sort=True):
        part = group.set_index("date_day").reindex(calendar).rename_axis("date_day")
        part[by] = value
        parts.append(part.reset_index())
    return pd.concat(parts, ignore_index=True)[columns]


# --- quality -------------------------------------------------------------------


def quality_failing_rules(table: str, target: Target | None = None) -> pd.DataFrame:
    """Per operational unit (operator) and rule: days breached, worst status, last value."""
    frame = run_query(
        f"""
        with breaches as (
            select
                r.operational_unit_code,
                r.rule_code,
                r.family,
                r.status,
                r.value,
                r.day,
                row_number() over (
                    partition by r.operational_unit_code, r.rule_code
                    order by r.day desc
                ) as recency
            from marts.{table} as r
            where r.status in ('warn', 'fail')
        ),

        per_rule as (
            select
                operational_unit_code,
                rule_code,
                max(family) as family,
                count(*) as breached_day_count,
                sum(case when status = 'fail' then 1 else 0 end) as failed_day_count,
                min(day) as first_breach_day,
                max(day) as last_breach_day,
                max(case when recency = 1 then value end) as last_value
            from breaches
            group by operational_unit_code, rule_code
        )

        select
            p.operational_unit_code,
            u.operational_unit_name,
            p.rule_code,
            p.family,
            case when p.failed_day_count > 0 then 'fail' else 'warn' end as worst_status,
            p.breached_day_count,
            p.failed_day_count,
            p.first_breach_day,
            p.last_breach_day,
            p.last_value
        from per_rule as p
        left join marts.dim_operational_units as u
            on p.operational_unit_code = u.operational_unit_code
        order by p.operational_unit_code, p.failed_day_count desc, p.rule_code
        """,
        target=target,
    )
    return _numeric(frame, "breached_day_count", "failed_day_count", "last_value")


def quality_rule_catalogue(target: Target | None = None) -> pd.DataFrame:
    """Rule descriptions, when the rule dimension exists (else empty)."""
    if "dim_quality_rules" not in existing_marts(target):
        return pd.DataFrame(columns=["rule_code", "description"])
    return run_query(
        "select rule_code, description from marts.dim_quality_rules order by rule_code",
        target=target,
    )


def quality_evaluated_units(table: str, target: Target | None = None) -> pd.DataFrame:
    """Every evaluated unit with its counts of results by status."""
    frame = run_query(
        f"""
        select
            operational_unit_code,
            count(distinct day) as day_count,
            sum(case when status = 'pass' then 1 else 0 end) as passed,
            sum(case when status = 'warn' then 1 else 0 end) as warned,
            sum(case when status = 'fail' then 1 else 0 end) as failed,
            sum(case when status = 'no_data' then 1 else 0 end) as without_data
        from marts.{table}
        group by operational_unit_code
        order by operational_unit_code
        """,
        target=target,
    )
    return _numeric(frame, "day_count", "passed", "warned", "failed", "without_data")
