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
    Every quality rule × operational unit × evaluation day, evaluated
    against its alert levels (macro quality_status): the shared SQL of
    fct_quality_results and of the quality tests (tests/generic/quality),
    so they cannot disagree. fail = a catalogue threshold crossed, whatever
    the number of rows checked; no_data = nothing checked, for count and
    ratio rules alike. Static rules evaluate the static snapshot current
    when the day is built; a dynamic rule with no row for a unit-day checked nothing
    (checked_rows 0: no_data; a count rule still shows 0 offending rows).
    Incremental by day over the rebuild window of the usage models.
#}

with

rules as (

    select * from {{ ref('int_quality_rules_resolved') }}

),

days as (

    select * from {{ ref('int_quality_days_listed') }}
    where {{ usage_day_filter('day') }}

),

static_results as (

    select * from {{ ref('int_quality_static_rules_evaluated') }}

),

dynamic_results as (

    select * from {{ ref('int_quality_session_rules_evaluated') }}
    where {{ usage_day_filter('day') }}
    union all
    select * from {{ ref('int_quality_status_rules_evaluated') }}
    where {{ usage_day_filter('day') }}
    union all
    select * from {{ ref('int_quality_consistency_rules_evaluated') }}
    where {{ usage_day_filter('day') }}

),

units as (

    select distinct static_results.operational_unit_code
    from static_results

),

grid as (

    select
        rules.rule_code,
        units.operational_unit_code,
        days.day
    from rules
    cross join units
    cross join days

),

joined as (

    select
        grid.rule_code,
        grid.operational_unit_code,
        grid.day,
        rules.family,
        rules.rule_type,
        rules.warn_below,
        rules.warn_above,
        rules.error_below,
        rules.error_above,
        coalesce(static_results.checked_rows, dynamic_results.checked_rows, 0) as checked_rows,
        case
            when rules.rule_type = 'count'
                then coalesce(static_results.offending_rows, dynamic_results.offending_rows, 0)
            else coalesce(static_results.offending_rows, dynamic_results.offending_rows)
        end as offending_rows,
        case
            when rules.rule_type = 'count'
                then coalesce(static_results.value, dynamic_results.value, 0)
            else coalesce(static_results.value, dynamic_results.value)
        end as value
    from grid
    inner join rules
        on grid.rule_code = rules.rule_code
    left join static_results
        on
            grid.rule_code = static_results.rule_code
            and grid.operational_unit_code = static_results.operational_unit_code
    left join dynamic_results
        on
            grid.rule_code = dynamic_results.rule_code
            and grid.operational_unit_code = dynamic_results.operational_unit_code
            and grid.day = dynamic_results.day

),

evaluated as (

    select
        joined.rule_code,
        joined.operational_unit_code,
        joined.day,
        joined.family,
        joined.rule_type,
        joined.checked_rows,
        joined.offending_rows,
        joined.value,
        joined.warn_below,
        joined.warn_above,
        joined.error_below,
        joined.error_above,
        {{ quality_status('joined.value', 'joined.checked_rows',
            'joined.warn_below', 'joined.warn_above',
            'joined.error_below', 'joined.error_above') }} as status
    from joined

)

select * from evaluated
