{{
    config(
        materialized='view',
    )
}}

{#
    Weekly, monthly, quarterly and yearly rollups of the daily series that
    are not usage indicators, computed when read (a view: a daily run pays
    nothing for them):
      - i1, i4, i7: the daily infrastructure series (fct_indicators_history_long),
        every target every day;
      - e4: charge points in activity (fct_indicators_usage_daily), a count
        of the list (the list itself is not rolled up);
      - qua: the value of each quality rule per operational unit, from the
        full pass/warn/fail grid (fct_quality_results), so a period's mean is
        over every evaluated day, passes included (the store's qua rows keep
        the breaches only).
    Same statistics and pooling as fct_indicators_usage_rollups (macros
    usage_rollup, usage_rollup_zero_padded, usage_rollup_rounded): weeks and
    months pool days, quarters months, years quarters.
#}

with

history as (

    select * from {{ ref('fct_indicators_history_long') }}
    where indicator_code in ('i1', 'i4', 'i7')

),

activity as (

    select * from {{ ref('fct_indicators_usage_daily') }}
    where indicator_code = 'e4'

),

quality_results as (

    select * from {{ ref('fct_quality_results') }}
    where value is not null

),

daily as (

    select
        history.indicator_code,
        history.level,
        history.level_name,
        history.target,
        history.category,
        history.period_start,
        history.value
    from history

    union all

    select
        activity.indicator_code,
        activity.level,
        activity.level_name,
        activity.target,
        activity.category,
        activity.period_start,
        activity.value
    from activity

    union all

    select
        'qua' as indicator_code,
        5 as level,
        'operational_unit' as level_name,
        cast(quality_results.operational_unit_code as text) as target,
        cast(quality_results.rule_code as text) as category,
        quality_results.day as period_start,
        cast(quality_results.value as double precision) as value
    from quality_results

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
        cast(null as double precision) as numerator,
        cast(null as double precision) as denominator
    from daily

),

pad_weeks as (

    {{ usage_rollup_zero_padded('normalise_daily', 'week') }}

),

pad_months as (

    {{ usage_rollup_zero_padded('normalise_daily', 'month') }}

),

roll_weeks as (

    {{ usage_rollup('pad_weeks', 'w', 'week') }}

),

roll_months as (

    {{ usage_rollup('pad_months', 'm', 'month') }}

),

rounded_weeks as (

    {{ usage_rollup_rounded('roll_weeks') }}

),

rounded_months as (

    {{ usage_rollup_rounded('roll_months') }}

),

pad_quarters as (

    {{ usage_rollup_zero_padded('rounded_months', 'quarter') }}

),

roll_quarters as (

    {{ usage_rollup('pad_quarters', 'q', 'quarter') }}

),

rounded_quarters as (

    {{ usage_rollup_rounded('roll_quarters') }}

),

pad_years as (

    {{ usage_rollup_zero_padded('rounded_quarters', 'year') }}

),

roll_years as (

    {{ usage_rollup('pad_years', 'y', 'year') }}

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
