{{ config(materialized='table') }}

{#
    d3, sessions per charge point, never in the store; a table recomputed
    whole on every run (its many tests read it instead of recomputing it):
    one row per level (those the catalogue allows for d3), target, period
    granularity (d, w, m, q, y) and period, value = sessions (as u10 counts
    them) / charge point-days in the quality-of-service scope, i.e. the mean
    number of sessions an activated charge point takes per day; the
    successful sessions (u11) likewise. Read from the charge point days
    behind u10 and u12 (int_usage_point_days), not from the stored u10 / u12
    rows: sessions come from every activated point while u12 counts only
    points that sent a status, so their ratio would divide sessions by
    another population. A day counts only when the session feed has data
    that day (a session starts somewhere): a quiet point then counts its 0
    sessions, while a day the feed missed is not read as a day without
    sessions. days_counted says how many days of the period that is; no row
    for a period with none.
#}

with

point_days as (

    select * from {{ ref('int_usage_point_days') }}
    where is_qos_scope and is_declared

),

allowed_levels as (

    select * from {{ ref('int_indicator_levels_allowed') }}
    where indicator_code = 'd3'

),

list_days_with_sessions as (

    select point_days.date_day
    from point_days
    group by point_days.date_day
    having sum(point_days.session_count) > 0

),

days_counted as (

    select point_days.*
    from point_days
    inner join list_days_with_sessions
        on point_days.date_day = list_days_with_sessions.date_day

),

sum_periods as (

    {% for period_code, trunc_unit, step in temporal_periods() %}
        select
            allowed_levels.level,
            allowed_levels.level_name,
            {{ usage_level_target('allowed_levels.level', 'days_counted') }} as target,
            '{{ period_code }}' as period,
            {{ temporal_period_start('days_counted.date_day', period_code) }}
                as period_start,
            count(distinct days_counted.date_day) as days_counted,
            sum(coalesce(days_counted.session_count, 0)) as session_count,
            sum(coalesce(days_counted.successful_session_count, 0))
                as successful_session_count,
            count(*) as point_days
        from days_counted
        cross join allowed_levels
        group by
            allowed_levels.level,
            allowed_levels.level_name,
            {{ usage_level_target('allowed_levels.level', 'days_counted') }},
            {{ temporal_period_start('days_counted.date_day', period_code) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        ----------  ids
        cast('d3' as text) as indicator_code,
        cast(sum_periods.level as integer) as level,
        cast(sum_periods.level_name as text) as level_name,
        cast(sum_periods.target as text) as target,
        cast(null as text) as category,
        cast(sum_periods.period as text) as period,

        ----------  dates
        sum_periods.period_start,
        {{ temporal_period_end_of('sum_periods.period', 'sum_periods.period_start') }}
            as period_end,

        ----------  numerics
        cast(sum_periods.days_counted as integer) as days_counted,
        cast(sum_periods.session_count as bigint) as session_count,
        cast(sum_periods.successful_session_count as bigint) as successful_session_count,
        cast(sum_periods.point_days as bigint) as point_days,
        {{ wattlas_round('cast(sum_periods.session_count as double precision)'
            ~ ' / sum_periods.point_days') }} as value,
        {{ wattlas_round('cast(sum_periods.successful_session_count as double precision)'
            ~ ' / sum_periods.point_days') }} as successful_value
    from sum_periods

)

select * from final
