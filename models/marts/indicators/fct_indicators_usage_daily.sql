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
    indicator_catalogue seed allows. Only targets with data get a row (the
    reference code writes 0 for the others). Incremental by local day, as
    the usage models it reads.
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

),

final as (

    select
        ----------  ids
        unioned.indicator_code,
        unioned.level,
        unioned.level_name,
        unioned.target,
        {# text as the contract says: on PostgreSQL the union gives varchar,
           which an incremental run would find out of sync with the table #}
        cast(unioned.category as text) as category,
        unioned.period,

        ----------  dates
        unioned.period_start,

        ----------  numerics
        unioned.value,
        unioned.numerator,
        unioned.denominator,

        ----------  strings
        unioned.extras
    from unioned
    where {{ usage_day_filter('unioned.period_start') }}

)

select * from final
