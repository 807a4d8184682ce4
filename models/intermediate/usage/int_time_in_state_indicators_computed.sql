{{
    config(
        tags=['daily_partitioned'],
    )
}}

{#
    Time-in-state indicators (docs/domain_rules.md §2.5), one row per
    indicator, level, target, category and local day, in the shape of
    fct_indicators_usage_daily (which unions the families):
      - charge points in the quality-of-service scope (activated that day),
        by power category: u1 (opening hours; hours per state in extras, the
        hours before activation as desactive), q1 (available / opening hours),
        q2 (occupied / available hours);
      - charge points in operation (a status that day), whatever their
        lifecycle: q1s, the availability the statuses alone give (not
        hors_service, or a session running), for days or feeds without
        sessions, where q1 has no scope;
      - stations with a group timeline: u2 (day hours; hours per group state
        and full-use hours in extras), q3 (saturated / available hours).
    Points seen in the feeds but absent from the static data are left out
    (they are reported in fct_undeclared_charge_points_daily).
    Levels are those indicator_catalogue allows (int_indicator_levels_allowed).
    Hours are summed exactly as integer milliseconds, so both engines give the
    same bits; a ratio gets no row when its denominator is 0.
#}

with

point_days as (

    select * from {{ ref('int_usage_point_days') }}
    where is_declared

),

station_days as (

    select * from {{ ref('int_usage_station_days') }}

),

allowed_levels as (

    select * from {{ ref('int_indicator_levels_allowed') }}

),

list_point_levels as (

    select distinct allowed_levels.level
    from allowed_levels
    where allowed_levels.indicator_code in ('u1', 'q1', 'q2', 'q1s')

),

list_station_levels as (

    select distinct allowed_levels.level
    from allowed_levels
    where allowed_levels.indicator_code in ('u2', 'q3')

),

sum_point_hours as (

    select
        list_point_levels.level,
        {{ usage_level_target('list_point_levels.level', 'point_days') }} as target,
        point_days.power_category_label,
        point_days.date_day,
        {{ usage_exact_hours(
            'point_days.free_seconds + point_days.occupied_seconds'
            ~ ' + point_days.out_of_service_seconds + point_days.not_activated_seconds'
        ) }} as opening_hours,
        {{ usage_exact_hours('point_days.free_seconds + point_days.occupied_seconds') }}
            as available_hours,
        {{ usage_exact_hours('point_days.day_seconds') }} as day_hours,
        {{ usage_exact_hours('point_days.out_of_service_seconds') }} as out_of_service_hours,
        {{ usage_exact_hours('point_days.not_activated_seconds') }} as not_activated_hours,
        {{ usage_exact_hours('point_days.occupied_seconds') }} as occupied_hours,
        {{ usage_exact_hours('point_days.free_seconds') }} as free_hours,
        {{ usage_exact_hours('point_days.false_free_seconds') }} as false_free_hours,
        {{ usage_exact_hours('point_days.false_occupied_seconds') }} as false_occupied_hours
    from point_days
    cross join list_point_levels
    where point_days.is_qos_scope
    group by
        list_point_levels.level,
        target,
        point_days.power_category_label,
        point_days.date_day

),

sum_status_only_hours as (

    select
        list_point_levels.level,
        {{ usage_level_target('list_point_levels.level', 'point_days') }} as target,
        point_days.power_category_label,
        point_days.date_day,
        {{ usage_exact_hours('point_days.status_available_seconds') }} as available_hours,
        {{ usage_exact_hours('point_days.day_seconds') }} as day_hours
    from point_days
    cross join list_point_levels
    where point_days.is_in_operation
    group by
        list_point_levels.level,
        target,
        point_days.power_category_label,
        point_days.date_day

),

sum_station_hours as (

    select
        list_station_levels.level,
        {{ usage_level_target('list_station_levels.level', 'station_days') }} as target,
        station_days.date_day,
        {{ usage_exact_hours('station_days.day_seconds') }} as day_hours,
        {{ usage_exact_hours(
            'station_days.inactive_seconds + station_days.saturated_seconds'
            ~ ' + station_days.overloaded_seconds + station_days.active_seconds'
        ) }} as available_hours,
        {{ usage_exact_hours('station_days.out_of_service_seconds') }} as out_of_service_hours,
        {{ usage_exact_hours('station_days.inactive_seconds') }} as inactive_hours,
        {{ usage_exact_hours('station_days.saturated_seconds') }} as saturated_hours,
        {{ usage_exact_hours('station_days.overloaded_seconds') }} as overloaded_hours,
        {{ usage_exact_hours('station_days.active_seconds') }} as active_hours,
        {{ usage_exact_hours('station_days.deactivated_seconds') }} as deactivated_hours,
        {{ usage_exact_hours('station_days.full_use_seconds') }} as full_use_hours,
        max(station_days.max_hourly_full_use_seconds) / 3600.0 as max_hourly_full_use_hours,
        max(station_days.longest_full_use_seconds) / 3600.0 as longest_full_use_hours
    from station_days
    cross join list_station_levels
    group by
        list_station_levels.level,
        target,
        station_days.date_day

),

compute_indicators as (

    select
        'u1' as indicator_code,
        level,
        target,
        power_category_label as category,
        date_day as period_start,
        opening_hours as value,
        cast(null as double precision) as numerator,
        cast(null as double precision) as denominator,
        '{"hors_service": ' || {{ usage_json_number('out_of_service_hours') }}
        || ', "occupe": ' || {{ usage_json_number('occupied_hours') }}
        || ', "libre": ' || {{ usage_json_number('free_hours') }}
        || ', "faux_libre": ' || {{ usage_json_number('false_free_hours') }}
        || ', "faux_occupe": ' || {{ usage_json_number('false_occupied_hours') }}
        || ', "desactive": ' || {{ usage_json_number('not_activated_hours') }}
        || '}' as extras
    from sum_point_hours
    union all
    select
        'q1' as indicator_code,
        level,
        target,
        power_category_label as category,
        date_day as period_start,
        available_hours / day_hours as value,
        available_hours as numerator,
        day_hours as denominator,
        cast(null as varchar) as extras
    from sum_point_hours
    where day_hours > 0
    union all
    select
        'q2' as indicator_code,
        level,
        target,
        power_category_label as category,
        date_day as period_start,
        occupied_hours / available_hours as value,
        occupied_hours as numerator,
        available_hours as denominator,
        cast(null as varchar) as extras
    from sum_point_hours
    where available_hours > 0
    union all
    select
        'q1s' as indicator_code,
        level,
        target,
        power_category_label as category,
        date_day as period_start,
        available_hours / day_hours as value,
        available_hours as numerator,
        day_hours as denominator,
        cast(null as varchar) as extras
    from sum_status_only_hours
    where day_hours > 0
    union all
    select
        'u2' as indicator_code,
        level,
        target,
        cast(null as varchar) as category,
        date_day as period_start,
        day_hours as value,
        cast(null as double precision) as numerator,
        cast(null as double precision) as denominator,
        '{"hors_service": ' || {{ usage_json_number('out_of_service_hours') }}
        || ', "inactif": ' || {{ usage_json_number('inactive_hours') }}
        || ', "sature": ' || {{ usage_json_number('saturated_hours') }}
        || ', "surcharge": ' || {{ usage_json_number('overloaded_hours') }}
        || ', "actif": ' || {{ usage_json_number('active_hours') }}
        || ', "desactive": ' || {{ usage_json_number('deactivated_hours') }}
        || ', "PU_CUM": ' || {{ usage_json_number('full_use_hours') }}
        || ', "PU_MAX": ' || {{ usage_json_number('max_hourly_full_use_hours') }}
        || ', "PU_LEN": ' || {{ usage_json_number('longest_full_use_hours') }}
        || '}' as extras
    from sum_station_hours
    union all
    select
        'q3' as indicator_code,
        level,
        target,
        cast(null as varchar) as category,
        date_day as period_start,
        saturated_hours / available_hours as value,
        saturated_hours as numerator,
        available_hours as denominator,
        cast(null as varchar) as extras
    from sum_station_hours
    where available_hours > 0

),

final as (

    {{ usage_indicator_rows() }}

)

select * from final
