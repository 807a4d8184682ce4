{{ config(materialized='table') }}

{#
    d8, share of charge points unavailable for more than 7 days, never in
    the store; a table recomputed whole on every run (its many tests read it
    instead of recomputing it), from the charge point days behind q1
    (int_usage_point_days: the store keeps only sums, which cannot tell one
    long outage from many short ones). A day is unavailable for a charge
    point in the quality-of-service scope when it has out-of-service time
    and no available (free or occupied) time; consecutive unavailable days
    form a run, and a point counts as unavailable for more than 7 days
    (var temporal_unavailable_min_days, strictly more) in a period when a
    day of the period belongs to such a run, even if the run began earlier.
    One row per level (those the catalogue allows for d8), target, period
    granularity (d, w, m, q, y) and period: value = those points / the
    points with at least one day in scope in the period, a share in [0, 1].
#}

with

point_days as (

    select * from {{ ref('int_usage_point_days') }}
    where is_qos_scope and is_declared

),

allowed_levels as (

    select * from {{ ref('int_indicator_levels_allowed') }}
    where indicator_code = 'd8'

),

flag_unavailable_days as (

    select
        point_days.*,
        (
            point_days.out_of_service_seconds > 0
            and point_days.free_seconds + point_days.occupied_seconds = 0
        ) as is_unavailable
    from point_days

),

{# consecutive unavailable days share one run key: the day minus its rank #}
number_unavailable_days as (

    select
        flag_unavailable_days.charge_point_id,
        flag_unavailable_days.date_day,
        flag_unavailable_days.date_day - cast(row_number() over (
            partition by flag_unavailable_days.charge_point_id
            order by flag_unavailable_days.date_day
        ) as integer) as run_key
    from flag_unavailable_days
    where flag_unavailable_days.is_unavailable

),

measure_runs as (

    select
        number_unavailable_days.charge_point_id,
        number_unavailable_days.run_key,
        count(*) as run_days
    from number_unavailable_days
    group by
        number_unavailable_days.charge_point_id,
        number_unavailable_days.run_key

),

flag_long_runs as (

    select
        flag_unavailable_days.*,
        measure_runs.charge_point_id is not null as is_in_long_run
    from flag_unavailable_days
    left join number_unavailable_days
        on
            flag_unavailable_days.charge_point_id = number_unavailable_days.charge_point_id
            and flag_unavailable_days.date_day = number_unavailable_days.date_day
    left join measure_runs
        on
            number_unavailable_days.charge_point_id = measure_runs.charge_point_id
            and number_unavailable_days.run_key = measure_runs.run_key
            and measure_runs.run_days > {{ var('temporal_unavailable_min_days') }}

),

count_points as (

    {% for period_code, trunc_unit, step in temporal_periods() %}
        select
            allowed_levels.level,
            allowed_levels.level_name,
            {{ usage_level_target('allowed_levels.level', 'flag_long_runs') }} as target,
            '{{ period_code }}' as period,
            {{ temporal_period_start('flag_long_runs.date_day', period_code) }}
                as period_start,
            count(distinct flag_long_runs.charge_point_id) as point_count,
            count(distinct case
                when flag_long_runs.is_in_long_run then flag_long_runs.charge_point_id
            end) as unavailable_point_count
        from flag_long_runs
        cross join allowed_levels
        group by
            allowed_levels.level,
            allowed_levels.level_name,
            {{ usage_level_target('allowed_levels.level', 'flag_long_runs') }},
            {{ temporal_period_start('flag_long_runs.date_day', period_code) }}
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
