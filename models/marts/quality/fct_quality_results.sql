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
    Full quality grid: every rule × operational unit × evaluation day with
    its value, alert levels and status (passes included; the reference
    stores failures only, docs/domain_rules.md §5.15). The status is computed once,
    in int_quality_rule_results_graded; this mart only reads it.
    Incremental by day, as the grid.
#}

with

results as (

    select * from {{ ref('int_quality_rule_results_graded') }}
    where {{ usage_day_filter('day') }}

),

rules as (

    select * from {{ ref('int_quality_rules_resolved') }}

),

final as (

    select
        ----------  ids
        cast(results.rule_code as text) as rule_code,
        cast(results.operational_unit_code as text) as operational_unit_code,

        ----------  strings
        cast(results.family as text) as family,
        cast(results.rule_type as text) as rule_type,
        cast(results.status as text) as status,

        ----------  numerics
        cast(rules.rule_number as integer) as rule_number,
        results.checked_rows,
        results.offending_rows,
        results.value,
        coalesce(
            results.error_above, results.error_below, results.warn_above, results.warn_below
        ) as threshold,
        results.warn_below,
        results.warn_above,
        results.error_below,
        results.error_above,

        ----------  booleans
        results.status = 'pass' as is_passed,
        results.status in ('warn', 'fail') as is_breached,

        ----------  dates
        results.day
    from results
    inner join rules
        on results.rule_code = rules.rule_code

)

select * from final
