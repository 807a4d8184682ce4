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
    Usage indicators in the shared long shape of fct_indicators (the
    reference indicator store): the daily rows (period 'd') and the rolled-up
    rows (w, m, q, y). Rolled-up rows carry their statistics in
    extras.history (size, min, max, last, var, mean, std, sum) and
    "from": "d"; ratios also carry their additive numerator and denominator.
    Incremental: the days a run rebuilds and the periods that contain them.
#}

with

daily as (

    select * from {{ ref('fct_indicators_usage_daily') }}

),

rollups as (

    select * from {{ ref('fct_indicators_usage_rollups') }}

),

format_daily as (

    select
        daily.indicator_code,
        daily.level,
        daily.level_name,
        daily.target,
        daily.category,
        daily.period,
        daily.period_start,
        daily.value,
        case
            when daily.numerator is not null
                then
                    '{"numerator": ' || {{ usage_json_number('daily.numerator') }}
                    || ', "denominator": ' || {{ usage_json_number('daily.denominator') }}
                    || '}'
            else daily.extras
        end as extras
    from daily
    where
        daily.value is not null
        and {{ usage_day_filter('daily.period_start') }}

),

format_rollups as (

    select
        rollups.indicator_code,
        rollups.level,
        rollups.level_name,
        rollups.target,
        rollups.category,
        rollups.period,
        rollups.period_start,
        rollups.value,
        '{"history": {"size": ' || cast(rollups.size as varchar)
        || ', "min": ' || {{ usage_json_number('rollups.min_value') }}
        || ', "max": ' || {{ usage_json_number('rollups.max_value') }}
        || ', "last": ' || {{ usage_json_number('rollups.last_value') }}
        || ', "var": ' || {{ usage_json_number('rollups.variance') }}
        || ', "mean": ' || {{ usage_json_number('rollups.mean_value') }}
        || ', "std": ' || {{ usage_json_number('rollups.std_dev') }}
        || ', "sum": ' || {{ usage_json_number('rollups.sum_value') }}
        || '}, "from": "d"'
        || case
            when rollups.numerator is not null
                then
                    ', "numerator": ' || {{ usage_json_number('rollups.numerator') }}
                    || ', "denominator": ' || {{ usage_json_number('rollups.denominator') }}
            else ''
        end
        || '}' as extras
    from rollups
    where
        rollups.value is not null
        and {{ usage_rollup_periods_filter('rollups.period', 'rollups.period_start') }}

),

unioned as (

    select * from format_daily
    union all
    select * from format_rollups

)

select * from unioned
