{{ config(materialized='view') }}

{#
    d4-d7, the history of the quality-of-service rates, read from the store
    (never stored): d4 availability (q1), d5 utilisation (q2), d6 station
    saturation (q3) and d7 load factor (q4). One row per code, level,
    target, category (power category; none for d6) and stored period (d, w,
    m, q, y): value = the stored rate of that period (the store already
    pools a week, month, quarter or year as Σ numerator / Σ denominator,
    never as a mean of daily rates), with the rate of the period before and
    the change since it, in rate points (NULL for the first period, or when
    the period before has no row: the store writes no rate when its
    denominator is 0).
#}

with

indicators as (

    select * from {{ ref('fct_indicators') }}
    where indicator_code in ('q1', 'q2', 'q3', 'q4')

),

rename_codes as (

    select
        case indicators.indicator_code
            when 'q1' then 'd4'
            when 'q2' then 'd5'
            when 'q3' then 'd6'
            when 'q4' then 'd7'
        end as indicator_code,
        indicators.indicator_code as source_code,
        indicators.level,
        indicators.level_name,
        indicators.target,
        indicators.category,
        indicators.period,
        indicators.period_start,
        {{ temporal_previous_start_of('indicators.period', 'indicators.period_start') }}
            as previous_period_start,
        indicators.value
    from indicators

),

final as (

    select
        ----------  ids
        cast(rename_codes.indicator_code as text) as indicator_code,
        cast(rename_codes.source_code as text) as source_code,
        cast(rename_codes.level as integer) as level,
        cast(rename_codes.level_name as text) as level_name,
        cast(rename_codes.target as text) as target,
        cast(rename_codes.category as text) as category,
        cast(rename_codes.period as text) as period,

        ----------  dates
        rename_codes.period_start,
        {{ temporal_period_end_of('rename_codes.period', 'rename_codes.period_start') }}
            as period_end,

        ----------  numerics
        cast(rename_codes.value as double precision) as value,
        cast(previous_rates.value as double precision) as previous_value,
        {{ wattlas_round('rename_codes.value - previous_rates.value', 9) }}
            as change_from_previous
    from rename_codes
    left join rename_codes as previous_rates
        on
            rename_codes.indicator_code = previous_rates.indicator_code
            and rename_codes.level = previous_rates.level
            and rename_codes.target = previous_rates.target
            and coalesce(rename_codes.category, '') = coalesce(previous_rates.category, '')
            and rename_codes.period = previous_rates.period
            and rename_codes.previous_period_start = previous_rates.period_start

)

select * from final
