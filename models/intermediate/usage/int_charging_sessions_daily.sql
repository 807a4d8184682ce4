{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='start_date',
        on_schema_change='append_new_columns',
        meta={'rebuilt_day_column': 'start_date'},
        tags=['daily_partitioned'],
    )
}}

{#
    Charging sessions kept per local start day (Europe/Paris; a session
    belongs to the day it starts, docs/domain_rules.md §5.4), incrementally: each run
    rebuilds the days of the reprocessing window (or [min_date, max_date)),
    replacing whole days (delete+insert on start_date). Sessions of older
    days that arrive later are not merged (fct_usage_dynamic_rows_daily
    reports them).
#}

with

sessions as (

    select * from {{ ref('stg_irve__charging_sessions') }}
    {# Implausible lines count in the quality rules, never in an indicator. #}
    where implausible_reason is null

),

filtered as (

    select
        ----------  ids
        sessions.charge_point_id,

        ----------  strings
        sessions.feed,
        sessions.operator_slug,

        ----------  numerics
        sessions.energy_kwh,
        sessions.duration_seconds,
        sessions.duplicate_count,

        ----------  dates
        sessions.start_date,
        {{ utc_to_local_date('sessions.end_at') }} as end_date,

        ----------  timestamps
        sessions.start_at,
        sessions.end_at,
        sessions.loaded_at
    from sessions
    where {{ usage_day_filter('sessions.start_date') }}

)

select * from filtered
