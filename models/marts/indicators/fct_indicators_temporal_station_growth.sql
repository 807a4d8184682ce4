{{ config(materialized='view') }}

{#
    d1, growth rate of the number of stations, computed at read time from
    the daily i4 series of the store (never stored): one row per level,
    target and period granularity (d, w, m, q, y), value = (last - first) /
    first, where first and last are the station counts at the end of the
    first and of the last period of the interval. A stock is read at the
    last day of each period, so a period counts only once its last day is in
    the series (no half-finished month at either end). The interval is the
    whole series, or the days between vars temporal_interval_start and
    temporal_interval_end; interval_start, interval_end and periods_counted
    say which values were compared. No row with fewer than two periods, or
    when the first count is 0 (no growth rate from nothing).
#}

{%- set interval_start = var('temporal_interval_start') %}
{%- set interval_end = var('temporal_interval_end') %}

with

indicators as (

    select * from {{ ref('fct_indicators') }}
    where
        indicator_code = 'i4'
        and period = 'd'
        {%- if interval_start %}
            and period_start >= cast('{{ interval_start }}' as date)
        {%- endif %}
        {%- if interval_end %}
            and period_start <= cast('{{ interval_end }}' as date)
        {%- endif %}

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
            indicators.period_start as value_date,
            indicators.value
        from indicators
        where
            indicators.period_start = {{ temporal_period_end(
                temporal_period_start('indicators.period_start', period_code), period_code
            ) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

bounds as (

    select
        period_ends.level,
        period_ends.level_name,
        period_ends.target,
        period_ends.period,
        min(period_ends.period_start) as first_period_start,
        max(period_ends.period_start) as last_period_start,
        min(period_ends.value_date) as interval_start,
        max(period_ends.value_date) as interval_end,
        count(*) as periods_counted
    from period_ends
    group by
        period_ends.level,
        period_ends.level_name,
        period_ends.target,
        period_ends.period

),

final as (

    select
        ----------  ids
        cast('d1' as text) as indicator_code,
        cast(bounds.level as integer) as level,
        cast(bounds.level_name as text) as level_name,
        cast(bounds.target as text) as target,
        cast(null as text) as category,
        cast(bounds.period as text) as period,

        ----------  dates
        bounds.first_period_start,
        bounds.last_period_start,
        bounds.interval_start,
        bounds.interval_end,

        ----------  numerics
        cast(bounds.periods_counted as integer) as periods_counted,
        cast(first_values.value as double precision) as first_value,
        cast(last_values.value as double precision) as last_value,
        {{ wattlas_round('(last_values.value - first_values.value) / first_values.value') }}
            as value
    from bounds
    inner join period_ends as first_values
        on
            bounds.level = first_values.level
            and bounds.target = first_values.target
            and bounds.period = first_values.period
            and bounds.interval_start = first_values.value_date
    inner join period_ends as last_values
        on
            bounds.level = last_values.level
            and bounds.target = last_values.target
            and bounds.period = last_values.period
            and bounds.interval_end = last_values.value_date
    where
        bounds.periods_counted >= 2
        and first_values.value > 0

)

select * from final
