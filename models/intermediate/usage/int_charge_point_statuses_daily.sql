{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='status_date',
        on_schema_change='append_new_columns',
        meta={'rebuilt_day_column': 'status_date'},
        tags=['daily_partitioned'],
    )
}}

{#
    Status events kept per local day (Europe/Paris), incrementally: each run
    rebuilds the days of the reprocessing window (or [min_date, max_date)),
    replacing whole days (delete+insert on status_date), so a re-run gives
    the same rows and late rows inside the window are picked up. Rows of
    older days that arrive later are not merged (fct_usage_dynamic_rows_daily
    reports them).
#}

with

statuses as (

    select * from {{ ref('stg_irve__charge_point_statuses') }}
    {# Implausible lines count in the quality rules, never in an indicator. #}
    where implausible_reason is null

),

filtered as (

    select
        ----------  ids
        statuses.charge_point_id,

        ----------  strings
        statuses.status,
        statuses.occupancy,
        statuses.feed,
        statuses.operator_slug,

        ----------  numerics
        statuses.duplicate_count,

        ----------  dates
        statuses.status_date,

        ----------  timestamps
        statuses.status_at,
        statuses.loaded_at
    from statuses
    where {{ usage_day_filter('statuses.status_date') }}

)

select * from filtered
