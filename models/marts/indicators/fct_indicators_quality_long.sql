{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='period_start',
        on_schema_change='append_new_columns',
        meta={'rebuilt_day_column': 'period_start'},
        tags=['daily_partitioned'],
    )
}}

{#
    Quality results in the QualiCharge indicator-store shape (docs/domain_rules.md
    §3.3): code 'qua', level 5 (operational unit), target = unit code,
    category = rule code, period 'd', one row per breached rule (status
    warn or fail) with a value > 0, as the reference stores them; a passed
    rule writes no row (the full grid is fct_quality_results). Incremental
    by day, as the grid.
#}

with

results as (

    select * from {{ ref('fct_quality_results') }}
    where {{ usage_day_filter('day') }}

),

final as (

    select
        cast('qua' as text) as indicator_code,
        cast(5 as integer) as level,
        cast('operational_unit' as text) as level_name,
        cast(results.operational_unit_code as text) as target,
        cast(results.rule_code as text) as category,
        cast('d' as text) as period,
        results.day as period_start,
        cast(results.value as double precision) as value,
        cast(
            '{"status": "' || results.status
            || '", "checked_rows": ' || cast(results.checked_rows as varchar)
            || ', "offending_rows": '
            || coalesce(cast(results.offending_rows as varchar), 'null')
            || '}'
            as text
        ) as extras
    from results
    where
        results.is_breached
        and results.value > 0

)

select * from final
