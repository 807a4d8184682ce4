{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='day',
        on_schema_change='append_new_columns',
        meta={'rebuilt_day_column': 'day'},
        tags=['daily_partitioned'],
    )
}}

{#
    Per operational unit (the operator's unit) and evaluation day: how many
    rules passed, warned, failed or had no data, and the trend of breached
    rules against the same weekday of the previous week. Incremental by
    day, reading the week before the days it builds.
#}

with

results as (

    select * from {{ ref('fct_quality_results') }}
    where {{ usage_day_filter('day', 7) }}

),

counted as (

    select
        results.operational_unit_code,
        results.day,
        count(*) as rule_count,
        sum(case when results.status = 'pass' then 1 else 0 end) as rules_passed,
        sum(case when results.status = 'warn' then 1 else 0 end) as rules_warned,
        sum(case when results.status = 'fail' then 1 else 0 end) as rules_failed,
        sum(case when results.status = 'no_data' then 1 else 0 end) as rules_without_data
    from results
    group by 1, 2

),

compared as (

    select
        counted.*,
        counted.rules_warned + counted.rules_failed as rules_breached,
        previous_week.rules_warned + previous_week.rules_failed
            as previous_week_rules_breached
    from counted
    left join counted as previous_week
        on
            counted.operational_unit_code = previous_week.operational_unit_code
            and counted.day = previous_week.day + 7

),

final as (

    select
        ----------  ids
        cast(compared.operational_unit_code as text) as operational_unit_code,

        ----------  strings
        cast(
            case
                when compared.previous_week_rules_breached is null then null
                when compared.rules_breached < compared.previous_week_rules_breached
                    then 'improving'
                when compared.rules_breached > compared.previous_week_rules_breached
                    then 'worsening'
                else 'stable'
            end as text
        ) as trend,

        ----------  numerics
        cast(compared.rule_count as integer) as rule_count,
        cast(compared.rules_passed as integer) as rules_passed,
        cast(compared.rules_warned as integer) as rules_warned,
        cast(compared.rules_failed as integer) as rules_failed,
        cast(compared.rules_breached as integer) as rules_breached,
        cast(compared.rules_without_data as integer) as rules_without_data,
        cast(compared.previous_week_rules_breached as integer) as previous_week_rules_breached,
        cast(compared.rules_breached - compared.previous_week_rules_breached as integer)
            as rules_breached_change,

        ----------  dates
        compared.day
    from compared
    where {{ usage_day_filter('compared.day') }}

)

select * from final
