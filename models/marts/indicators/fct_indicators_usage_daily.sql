{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='period_start',
        on_schema_change='fail',
        meta={'rebuilt_day_column': 'period_start'},
        tags=['daily_partitioned'],
    )
}}

{#
    Usage and quality-of-service indicators per local day (Europe/Paris),
    level, target and category, with the additive parts of every ratio
    (numerator, denominator) so any level and period is re-aggregated as
    Σ numerators / Σ denominators (docs/domain_rules.md §2.5). The store the
    rollups and the long indicator table read: the union of the indicator
    families, each computed in its own intermediate model at the levels the
    indicator_catalogue seed allows. On every day an additive usage
    indicator (family u) has a national row, each target of the reference
    tables (int_indicator_targets_listed) at its levels 1-5 without a row
    gets one, value 0 and no category, as the reference code writes 0 for
    the others: a target's rollup is then a mean over the whole period, and
    the targets of a level add up to the national value. Incremental by
    local day, as the usage models it reads.
#}

with

time_in_state_indicators as (

    select * from {{ ref('int_time_in_state_indicators_computed') }}

),

session_indicators as (

    select * from {{ ref('int_session_indicators_computed') }}

),

prorated_session_indicators as (

    select * from {{ ref('int_prorated_session_indicators_computed') }}

),

activity_indicators as (

    select * from {{ ref('int_activity_indicators_computed') }}

),

tiruert_indicators as (

    select * from {{ ref('int_tiruert_indicators_computed') }}

),

status_reliability_indicators as (

    select * from {{ ref('int_status_reliability_indicators_computed') }}

),

allowed_levels as (

    select * from {{ ref('int_indicator_levels_allowed') }}

),

targets as (

    select * from {{ ref('int_indicator_targets_listed') }}

),

unioned as (

    select * from time_in_state_indicators
    union all
    select * from session_indicators
    union all
    select * from prorated_session_indicators
    union all
    select * from activity_indicators
    union all
    select * from tiruert_indicators
    union all
    select * from status_reliability_indicators

),

filter_days as (

    select * from unioned
    where {{ usage_day_filter('unioned.period_start') }}

),

list_zero_filled_days as (

    select distinct
        filter_days.indicator_code,
        filter_days.period_start
    from filter_days
    inner join allowed_levels
        on
            filter_days.indicator_code = allowed_levels.indicator_code
            and filter_days.level = allowed_levels.level
    where allowed_levels.family = 'u' and filter_days.level = 0

),

{# every (indicator, level, target, day) that should have a row, and those
   that have one: a target whose key only comes from the grid gets a zero
   row (an anti-join by aggregation, which no engine turns quadratic) #}
list_target_days as (

    select
        list_zero_filled_days.indicator_code,
        allowed_levels.level,
        allowed_levels.level_name,
        targets.target,
        list_zero_filled_days.period_start,
        0 as has_row
    from list_zero_filled_days
    inner join allowed_levels
        on list_zero_filled_days.indicator_code = allowed_levels.indicator_code
    inner join targets
        on allowed_levels.level = targets.level
    where allowed_levels.level between 1 and 5

    union all

    select
        filter_days.indicator_code,
        filter_days.level,
        filter_days.level_name,
        filter_days.target,
        filter_days.period_start,
        1 as has_row
    from filter_days
    where filter_days.level between 1 and 5

),

list_zero_rows as (

    select
        list_target_days.indicator_code,
        list_target_days.level,
        max(list_target_days.level_name) as level_name,
        list_target_days.target,
        cast(null as varchar) as category,
        'd' as period,
        list_target_days.period_start,
        cast(0 as double precision) as value,
        cast(null as double precision) as numerator,
        cast(null as double precision) as denominator,
        cast(null as varchar) as extras
    from list_target_days
    group by
        list_target_days.indicator_code,
        list_target_days.level,
        list_target_days.target,
        list_target_days.period_start
    having max(list_target_days.has_row) = 0

),

zero_filled as (

    select * from filter_days
    union all
    select * from list_zero_rows

),

final as (

    select
        ----------  ids
        zero_filled.indicator_code,
        zero_filled.level,
        zero_filled.level_name,
        zero_filled.target,
        {# text as the contract says: on PostgreSQL the union gives varchar,
           which an incremental run would find out of sync with the table #}
        cast(zero_filled.category as text) as category,
        zero_filled.period,

        ----------  dates
        zero_filled.period_start,

        ----------  numerics
        zero_filled.value,
        zero_filled.numerator,
        zero_filled.denominator,

        ----------  strings
        zero_filled.extras
    from zero_filled

)

select * from final
