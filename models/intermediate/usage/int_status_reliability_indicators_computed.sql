{{
    config(
        tags=['daily_partitioned'],
    )
}}

{#
    How far a charge point's statuses can be trusted, one row per indicator,
    level, target and local day, in the shape of fct_indicators_usage_daily:
      - q6 status contradiction rate: the time the declared occupancy
        contradicts the sessions (false free: libre while a session runs;
        false occupied: occupe while none runs) / the activated time, over
        the point-days in the quality-of-service scope. Only activated time
        counts: there the sessions are known, so a missing session means the
        point was free; before activation (or on a feed without sessions) an
        occupe status cannot be checked;
      - q7 stale status rate: the time whose latest status is more than var
        usage_status_stale_after_hours old (or missing) / the timeline time,
        over every point-day with a timeline, sessions or not.
    Declared points only. Levels are those indicator_catalogue allows
    (int_indicator_levels_allowed): the operational unit and operator levels
    rank operators on their statuses.
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
    where allowed_levels.indicator_code in ('q6', 'q7')

),

attach_point_levels as (

    select
        list_point_levels.level,
        {{ usage_level_target('list_point_levels.level', 'point_days') }} as target,
        point_days.is_qos_scope,
        point_days.free_seconds + point_days.occupied_seconds
        + point_days.out_of_service_seconds as activated_seconds,
        point_days.free_seconds + point_days.occupied_seconds
        + point_days.out_of_service_seconds + point_days.not_activated_seconds
            as timeline_seconds,
        point_days.false_free_seconds,
        point_days.activated_false_occupied_seconds,
        point_days.stale_status_seconds,
        point_days.date_day
    from point_days
    cross join list_point_levels

),

sum_contradictions as (

    select
        level,
        target,
        date_day,
        {{ usage_exact_hours('activated_seconds') }} as activated_hours,
        {{ usage_exact_hours('false_free_seconds') }} as false_free_hours,
        {{ usage_exact_hours('activated_false_occupied_seconds') }} as false_occupied_hours
    from attach_point_levels
    where is_qos_scope
    group by level, target, date_day

),

sum_staleness as (

    select
        level,
        target,
        date_day,
        {{ usage_exact_hours('timeline_seconds') }} as timeline_hours,
        {{ usage_exact_hours('stale_status_seconds') }} as stale_hours
    from attach_point_levels
    group by level, target, date_day

),

compute_indicators as (

    select
        'q6' as indicator_code,
        level,
        target,
        date_day as period_start,
        (false_free_hours + false_occupied_hours) / activated_hours as value,
        false_free_hours + false_occupied_hours as numerator,
        activated_hours as denominator,
        '{"faux_libre": ' || {{ usage_json_number('false_free_hours') }}
        || ', "faux_occupe": ' || {{ usage_json_number('false_occupied_hours') }}
        || '}' as extras
    from sum_contradictions
    where activated_hours > 0
    union all
    select
        'q7' as indicator_code,
        level,
        target,
        date_day as period_start,
        stale_hours / timeline_hours as value,
        stale_hours as numerator,
        timeline_hours as denominator,
        cast(null as varchar) as extras
    from sum_staleness
    where timeline_hours > 0

),

final as (

    {{ usage_indicator_rows(with_category=false) }}

)

select * from final
