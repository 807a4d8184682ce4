{#
    Thermosensitivity: least-squares regression of daily energy (and daily
    mean power) on the daily mean temperature, on heating days only (mean
    temperature strictly below var('consumption_heating_threshold_c')),
    per region × period × day scope. Periods: each heating season
    (October-April, dim_dates.heating_season) and each calendar year.
    Day scopes: working days only, and all days. Days with missing or
    incomplete half hours are left out (their energy is short) and counted.
    Regions without temperatures (the national rows) are absent.
    regr_* results are rounded so that both engines agree.

    Numeric outputs go through numeric(38, 9) before their final scale: a
    double cast straight to numeric(p, s) rounds differently on PostgreSQL
    (15 significant digits first) and DuckDB (exact binary value), e.g.
    5544524.1 / 200 = 27722.6205 gave .621 and .620.
#}

with

days as (

    select
        region_code,
        region_name,
        heating_season,
        energy_mwh,
        mean_consumption_mw,
        mean_temperature_c,
        is_complete_day,
        is_working_day,
        measured_date
    from {{ ref('fct_consumption_daily') }}
    where mean_temperature_c < {{ var('consumption_heating_threshold_c') }}

),

periods_assigned as (

    select
        'heating_season' as period_type,
        days.heating_season as period_label,
        days.*
    from days
    where days.heating_season is not null

    union all

    select
        'calendar_year' as period_type,
        cast(cast(extract(year from days.measured_date) as integer) as varchar)
            as period_label,
        days.*
    from days

),

scopes_assigned as (

    select
        'working_days' as day_scope,
        periods_assigned.*
    from periods_assigned
    where periods_assigned.is_working_day

    union all

    select
        'all_days' as day_scope,
        periods_assigned.*
    from periods_assigned

),

regressions_computed as (

    select
        scopes_assigned.region_code,
        scopes_assigned.period_type,
        scopes_assigned.period_label,
        scopes_assigned.day_scope,
        max(scopes_assigned.region_name) as region_name,
        sum(case when scopes_assigned.is_complete_day then 1 else 0 end) as day_count,
        sum(case when scopes_assigned.is_complete_day then 0 else 1 end)
            as incomplete_day_excluded_count,
        min(
            case when scopes_assigned.is_complete_day then scopes_assigned.measured_date end
        ) as first_date,
        max(
            case when scopes_assigned.is_complete_day then scopes_assigned.measured_date end
        ) as last_date,
        avg(
            case
                when scopes_assigned.is_complete_day
                    then cast(scopes_assigned.mean_temperature_c as double precision)
            end
        ) as mean_temperature_c,
        regr_slope(
            case
                when scopes_assigned.is_complete_day
                    then cast(scopes_assigned.energy_mwh as double precision)
            end,
            cast(scopes_assigned.mean_temperature_c as double precision)
        ) as energy_regr_slope,
        regr_intercept(
            case
                when scopes_assigned.is_complete_day
                    then cast(scopes_assigned.energy_mwh as double precision)
            end,
            cast(scopes_assigned.mean_temperature_c as double precision)
        ) as energy_regr_intercept,
        regr_r2(
            case
                when scopes_assigned.is_complete_day
                    then cast(scopes_assigned.energy_mwh as double precision)
            end,
            cast(scopes_assigned.mean_temperature_c as double precision)
        ) as energy_regr_r2,
        regr_slope(
            case
                when scopes_assigned.is_complete_day
                    then cast(scopes_assigned.mean_consumption_mw as double precision)
            end,
            cast(scopes_assigned.mean_temperature_c as double precision)
        ) as power_regr_slope,
        regr_intercept(
            case
                when scopes_assigned.is_complete_day
                    then cast(scopes_assigned.mean_consumption_mw as double precision)
            end,
            cast(scopes_assigned.mean_temperature_c as double precision)
        ) as power_regr_intercept,
        regr_r2(
            case
                when scopes_assigned.is_complete_day
                    then cast(scopes_assigned.mean_consumption_mw as double precision)
            end,
            cast(scopes_assigned.mean_temperature_c as double precision)
        ) as power_regr_r2
    from scopes_assigned
    group by 1, 2, 3, 4

),

final as (

    select
        ----------  ids
        regressions_computed.region_code,

        ----------  strings
        regressions_computed.region_name,
        cast(regressions_computed.period_type as varchar) as period_type,
        cast(regressions_computed.period_label as varchar) as period_label,
        cast(regressions_computed.day_scope as varchar) as day_scope,

        ----------  numerics
        cast({{ var('consumption_heating_threshold_c') }} as numeric(5, 2))
            as heating_threshold_c,
        cast(regressions_computed.day_count as integer) as day_count,
        cast(regressions_computed.incomplete_day_excluded_count as integer)
            as incomplete_day_excluded_count,
        cast(cast(regressions_computed.mean_temperature_c as numeric(38, 9)) as numeric(8, 3))
            as mean_temperature_c,
        cast(cast(regressions_computed.energy_regr_slope as numeric(38, 9)) as numeric(18, 3))
            as slope_mwh_per_day_per_c,
        cast(cast(regressions_computed.energy_regr_intercept as numeric(38, 9)) as numeric(18, 3))
            as intercept_mwh_per_day,
        cast(cast(regressions_computed.power_regr_slope as numeric(38, 9)) as numeric(18, 3))
            as slope_mw_per_c,
        cast(cast(regressions_computed.power_regr_intercept as numeric(38, 9)) as numeric(18, 3))
            as intercept_mw,
        cast(cast(regressions_computed.energy_regr_r2 as numeric(38, 9)) as numeric(8, 6))
            as r_squared,
        cast(cast(regressions_computed.power_regr_r2 as numeric(38, 9)) as numeric(8, 6))
            as r_squared_mw,

        ----------  dates
        regressions_computed.first_date,
        regressions_computed.last_date

    from regressions_computed

)

select * from final
