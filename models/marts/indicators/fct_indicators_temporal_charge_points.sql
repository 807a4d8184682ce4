{{ config(materialized='view') }}

{#
    d2, evolution of the number of charge points, computed at read time
    from the daily i1 series of the store (never stored): one row per level,
    target, period granularity (d, w, m, q, y) and period, value = i1 on the
    last day of the period (a stock is read at the end of its period, so a
    period whose last day is not in the series yet has no row), with the
    value of the period before and the change since it (NULL for the first
    period, or when the period before has no value).
#}

with

indicators as (

    select * from {{ ref('fct_indicators') }}
    where
        indicator_code = 'i1'
        and period = 'd'

),

period_ends as (

    {% for period_code, trunc_unit, step in temporal_periods() %}
        select
            indicators.level,
            indicators.level_name,
            indicators.target,
            '{{ period_code }}' as period,
            {{ temporal_period_start('indicators.period_start', period_code) }}
                as period_start,
            indicators.period_start as period_end,
            {{ temporal_previous_start(
                temporal_period_start('indicators.period_start', period_code), period_code
            ) }} as previous_period_start,
            indicators.value
        from indicators
        where
            indicators.period_start = {{ temporal_period_end(
                temporal_period_start('indicators.period_start', period_code), period_code
            ) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        ----------  ids
        cast('d2' as text) as indicator_code,
        cast(period_ends.level as integer) as level,
        cast(period_ends.level_name as text) as level_name,
        cast(period_ends.target as text) as target,
        cast(null as text) as category,
        cast(period_ends.period as text) as period,

        ----------  dates
        period_ends.period_start,
        period_ends.period_end,

        ----------  numerics
        cast(period_ends.value as double precision) as value,
        cast(previous_ends.value as double precision) as previous_value,
        cast(period_ends.value - previous_ends.value as double precision)
            as change_from_previous
    from period_ends
    left join period_ends as previous_ends
        on
            period_ends.level = previous_ends.level
            and period_ends.target = previous_ends.target
            and period_ends.period = previous_ends.period
            and period_ends.previous_period_start = previous_ends.period_start

)

select * from final
