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
    Historised usage indicators (docs/domain_rules.md §2.6): weekly, monthly,
    quarterly and yearly rows recomputed on every run from the daily rows of
    fct_indicators_usage_daily (so late data flows through), each period
    from the daily rows (exact sums, so a re-run gives the same digits), with
    the pooled statistics of macro usage_rollup, which also combines
    already rolled-up rows (size, mean,
    min, max, last, sum, population variance and standard deviation).
    value = Σ numerator / Σ denominator for the ratios (q1-q5), never a mean
    of ratios; the mean of the daily values otherwise (the reference store's
    convention: a monthly u10 is the mean daily count, sum_value the monthly
    total). e4 (a state list) and tirue are not rolled up, as in the
    reference code. Incremental: a run recomputes the periods that contain
    a day it rebuilds, each from all its daily rows.
#}

with

daily as (

    select * from {{ ref('fct_indicators_usage_daily') }}
    where indicator_code not in ('e4', 'tirue')

),

normalise_daily as (

    select
        daily.indicator_code,
        daily.level,
        daily.level_name,
        daily.target,
        daily.category,
        daily.period_start,
        cast(1 as bigint) as size,
        daily.value as mean_value,
        cast(0 as double precision) as variance,
        daily.value as min_value,
        daily.value as max_value,
        daily.value as last_value,
        daily.value as sum_value,
        daily.numerator,
        daily.denominator
    from daily

),

roll_weeks as (

    {{ usage_rollup(
        'normalise_daily', 'w', 'week',
        usage_period_filter('normalise_daily.period_start', 'week')
    ) }}

),

roll_months as (

    {{ usage_rollup(
        'normalise_daily', 'm', 'month',
        usage_period_filter('normalise_daily.period_start', 'month')
    ) }}

),

roll_quarters as (

    {{ usage_rollup(
        'normalise_daily', 'q', 'quarter',
        usage_period_filter('normalise_daily.period_start', 'quarter')
    ) }}

),

roll_years as (

    {{ usage_rollup(
        'normalise_daily', 'y', 'year',
        usage_period_filter('normalise_daily.period_start', 'year')
    ) }}

),

unioned as (

    select * from roll_weeks
    union all
    select * from roll_months
    union all
    select * from roll_quarters
    union all
    select * from roll_years

),

final as (

    select
        unioned.indicator_code,
        unioned.level,
        unioned.level_name,
        unioned.target,
        unioned.category,
        unioned.period,
        unioned.period_start,
        {{ wattlas_round_sum(
            'case when unioned.denominator is not null'
            ~ ' then unioned.numerator / nullif(unioned.denominator, 0)'
            ~ ' else unioned.mean_value end', 9) }} as value,
        cast(unioned.size as bigint) as size,
        {{ wattlas_round_sum('unioned.mean_value', 9) }} as mean_value,
        unioned.min_value,
        unioned.max_value,
        unioned.last_value,
        {{ wattlas_round_sum('unioned.sum_value', 9) }} as sum_value,
        {{ wattlas_round_significant('unioned.variance') }} as variance,
        {{ wattlas_round_significant('sqrt(unioned.variance)') }} as std_dev,
        {{ wattlas_round_sum('unioned.numerator', 9) }} as numerator,
        {{ wattlas_round_sum('unioned.denominator', 9) }} as denominator
    from unioned

)

select * from final
