{{
    config(
        tags=['daily_partitioned'],
    )
}}

{#
    Session indicators that count every session running in the day for the
    share of its duration spent in it (int_usage_point_days splits the
    sessions at local midnight), one row per indicator, level, target,
    category and local day, in the shape of fct_indicators_usage_daily:
      - u6p hours and u9p energy by power category, the pro-rated variants
        of u6 and u9 (which give a session wholly to its start day);
      - q4 load factor by power category over the point-days in the
        quality-of-service scope: the pro-rated energy of the sessions
        without a physical exclusion flag / (power × day hours), with the
        sessions set aside that day in extras. A q4 above 1 (more energy
        than the declared power allows, even after the exclusions) is
        withheld, never published as a rate: the station-days behind it
        carry is_load_factor_above_one in fct_station_availability_daily.
    Declared points only (fct_undeclared_charge_points_daily reports the
    others). Levels are those indicator_catalogue allows
    (int_indicator_levels_allowed); energies and hours are summed exactly.
#}

with

point_days as (

    select * from {{ ref('int_usage_point_days') }}
    where is_declared

),

allowed_levels as (

    select * from {{ ref('int_indicator_levels_allowed') }}

),

list_point_levels as (

    select distinct allowed_levels.level
    from allowed_levels
    where allowed_levels.indicator_code in ('u6p', 'u9p', 'q4')

),

attach_point_levels as (

    select
        list_point_levels.level,
        {{ usage_level_target('list_point_levels.level', 'point_days') }} as target,
        point_days.power_category_label,
        point_days.is_qos_scope,
        point_days.power_kw,
        point_days.day_seconds,
        point_days.prorated_session_hours,
        point_days.prorated_energy_kwh,
        point_days.load_energy_kwh,
        point_days.excluded_session_count,
        point_days.excluded_energy_kwh,
        point_days.date_day
    from point_days
    cross join list_point_levels

),

sum_prorated as (

    select
        level,
        target,
        power_category_label,
        date_day,
        {{ usage_exact_sum('prorated_session_hours') }} as session_hours,
        {{ usage_exact_sum('prorated_energy_kwh', 6) }} as energy_kwh
    from attach_point_levels
    where prorated_session_hours > 0 or prorated_energy_kwh > 0
    group by level, target, power_category_label, date_day

),

sum_load as (

    select
        level,
        target,
        power_category_label,
        date_day,
        {{ usage_exact_sum('load_energy_kwh', 6) }} as load_energy_kwh,
        {{ usage_exact_hours('power_kw * day_seconds') }} as capacity_kwh,
        sum(excluded_session_count) as excluded_session_count,
        {{ usage_exact_sum('excluded_energy_kwh', 6) }} as excluded_energy_kwh
    from attach_point_levels
    where is_qos_scope
    group by level, target, power_category_label, date_day

),

compute_indicators as (

    select
        'u6p' as indicator_code,
        level,
        target,
        power_category_label as category,
        date_day as period_start,
        session_hours as value,
        cast(null as double precision) as numerator,
        cast(null as double precision) as denominator,
        cast(null as varchar) as extras
    from sum_prorated
    union all
    select
        'u9p' as indicator_code,
        level,
        target,
        power_category_label as category,
        date_day as period_start,
        energy_kwh as value,
        cast(null as double precision) as numerator,
        cast(null as double precision) as denominator,
        cast(null as varchar) as extras
    from sum_prorated
    union all
    select
        'q4' as indicator_code,
        level,
        target,
        power_category_label as category,
        date_day as period_start,
        load_energy_kwh / capacity_kwh as value,
        load_energy_kwh as numerator,
        capacity_kwh as denominator,
        '{"sessions_excluded": ' || cast(excluded_session_count as varchar)
        || ', "energy_excluded_kwh": ' || {{ usage_json_number('excluded_energy_kwh') }}
        || '}' as extras
    from sum_load
    where capacity_kwh > 0 and load_energy_kwh <= capacity_kwh

),

final as (

    {{ usage_indicator_rows() }}

)

select * from final
