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
    total), over every day of the period the indicator has data: a target
    or category without a row on such a day (or such a month or quarter,
    when pooling) counts 0 there (macro usage_rollup_zero_padded). e4 (a state list) and tirue are not rolled up, as in the
    reference code. Weeks and months pool their daily rows, quarters their
    months, years their quarters, each from the stored (rounded) form of
    the finer rows on every build, so that a full build and an incremental
    one agree to the digit (pooling rounded months moves a quarter's or a
    year's variance by at most one unit of its last stored digit against a
    pooling of the days). Incremental: a run recomputes the periods that
    contain a day it rebuilds, the finer periods it did not rebuild read
    back from this table: a quarter or a year costs its months or quarters,
    never every day since it began.
#}

with

daily as (

    select * from {{ ref('fct_indicators_usage_daily') }}
    where
        indicator_code not in ('e4', 'tirue')
        and (
            {{ usage_period_filter('period_start', 'week') }}
            or {{ usage_period_filter('period_start', 'month') }}
        )

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

pad_weeks as (

    {{ usage_rollup_zero_padded('normalise_daily', 'week') }}

),

pad_months as (

    {{ usage_rollup_zero_padded('normalise_daily', 'month') }}

),

roll_weeks as (

    {{ usage_rollup(
        'pad_weeks', 'w', 'week',
        usage_period_filter('pad_weeks.period_start', 'week')
    ) }}

),

roll_months as (

    {{ usage_rollup(
        'pad_months', 'm', 'month',
        usage_period_filter('pad_months.period_start', 'month')
    ) }}

),

rounded_weeks as (

    {{ usage_rollup_rounded('roll_weeks') }}

),

rounded_months as (

    {{ usage_rollup_rounded('roll_months') }}

),

{# the months (quarters) of the periods to rebuild that this run did not
   rebuild: read back as stored #}
months_of_quarters as (

    select * from rounded_months
    {% if is_incremental() -%}
        union all
        select * from {{ this }} as this
        where
            this.period = 'm'
            and {{ usage_period_filter('this.period_start', 'quarter') }}
            and not {{ usage_period_filter('this.period_start', 'month') }}
    {%- endif %}

),

pad_quarters as (

    {{ usage_rollup_zero_padded('months_of_quarters', 'quarter') }}

),

roll_quarters as (

    {{ usage_rollup('pad_quarters', 'q', 'quarter',
        usage_period_filter('pad_quarters.period_start', 'quarter')) }}

),

rounded_quarters as (

    {{ usage_rollup_rounded('roll_quarters') }}

),

quarters_of_years as (

    select * from rounded_quarters
    {% if is_incremental() -%}
        union all
        select * from {{ this }} as this
        where
            this.period = 'q'
            and {{ usage_period_filter('this.period_start', 'year') }}
            and not {{ usage_period_filter('this.period_start', 'quarter') }}
    {%- endif %}

),

pad_years as (

    {{ usage_rollup_zero_padded('quarters_of_years', 'year') }}

),

roll_years as (

    {{ usage_rollup('pad_years', 'y', 'year',
        usage_period_filter('pad_years.period_start', 'year')) }}

),

rounded_years as (

    {{ usage_rollup_rounded('roll_years') }}

),

final as (

    select * from rounded_weeks
    union all
    select * from rounded_months
    union all
    select * from rounded_quarters
    union all
    select * from rounded_years

)

select * from final
