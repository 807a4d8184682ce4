{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['period', 'period_start'],
        on_schema_change='fail',
        tags=['daily_partitioned'],
    )
}}

{#
    d8, share of charge points unavailable for more than 7 days, never in
    the store. A charge point counts in a period when a day of the period,
    in the quality-of-service scope, belongs to a run of more than
    temporal_unavailable_min_days consecutive unavailable days, even if the
    run began earlier (int_unavailability_point_days_flagged). One row per
    level (those the catalogue allows for d8), target, period granularity
    (d, w, m, q, y) and period: value = those points / the points with at
    least one day in scope in the period, a share in [0, 1]. Days and weeks
    are counted from the flagged days, months, quarters and years from
    their monthly summary. Incremental by period: a run recomputes the
    periods that hold a day whose flag it rewrote.
#}

{%- set reach = var('temporal_unavailable_min_days') | int + 1 -%}

with

point_days as (

    select * from {{ ref('int_unavailability_point_days_flagged') }}
    where {{ usage_period_filter('date_day', 'week', reach, reach) }}

),

point_months as (

    select * from {{ ref('int_unavailability_point_months_summarised') }}
    where {{ usage_period_filter('month_start', 'year', reach, reach) }}

),

allowed_levels as (

    select * from {{ ref('int_indicator_levels_allowed') }}
    where indicator_code = 'd8'

),

count_points as (

    {% for period_code, trunc_unit, step in temporal_periods() %}
        {%- set rows = 'point_days' if period_code in ('d', 'w') else 'point_months' -%}
        {%- set day = rows ~ ('.date_day' if rows == 'point_days' else '.month_start') -%}
        {%- set is_long = rows ~ ('.is_in_long_run' if rows == 'point_days'
            else '.has_long_run_day') -%}
        select
            allowed_levels.level,
            allowed_levels.level_name,
            {{ usage_level_target('allowed_levels.level', rows) }} as target,
            '{{ period_code }}' as period,
            {{ temporal_period_start(day, period_code) }} as period_start,
            count(distinct {{ rows }}.charge_point_id) as point_count,
            count(distinct case
                when {{ is_long }} then {{ rows }}.charge_point_id
            end) as unavailable_point_count
        from {{ rows }}
        cross join allowed_levels
        where
            {% if period_code == 'd' -%}
                {{ usage_day_filter(day, reach, reach) }}
            {%- else -%}
                {{ usage_period_filter(day, trunc_unit, reach, reach) }}
            {%- endif %}
        group by
            allowed_levels.level,
            allowed_levels.level_name,
            {{ usage_level_target('allowed_levels.level', rows) }},
            {{ temporal_period_start(day, period_code) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        ----------  ids
        cast('d8' as text) as indicator_code,
        cast(count_points.level as integer) as level,
        cast(count_points.level_name as text) as level_name,
        cast(count_points.target as text) as target,
        cast(null as text) as category,
        cast(count_points.period as text) as period,

        ----------  dates
        count_points.period_start,
        {{ temporal_period_end_of('count_points.period', 'count_points.period_start') }}
            as period_end,

        ----------  numerics
        cast(count_points.point_count as bigint) as point_count,
        cast(count_points.unavailable_point_count as bigint) as unavailable_point_count,
        {{ wattlas_round('cast(count_points.unavailable_point_count as double precision)'
            ~ ' / count_points.point_count') }} as value
    from count_points
    where count_points.point_count > 0

)

select * from final
