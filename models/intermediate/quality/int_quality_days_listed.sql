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
    Evaluation days of the quality grid: every Europe/Paris day on which a
    charge point of the static data has a plausible session start or status
    (the dynamic rules run day by day). An implausible line (a time after
    its load, before the data's era) adds no day: it is counted by the
    rules on its evaluation day when that day is evaluated, and always in
    fct_quarantined_lines_daily. Incremental by day over the rebuild
    window of the usage models (macro usage_day_filter).
#}

with

charge_points as (

    select * from {{ ref('int_quality_charge_points_prepared') }}

),

sessions as (

    select * from {{ ref('stg_irve__charging_sessions') }}
    {# Only plausible days are evaluated: a line dated 2099 cannot add one. #}
    where implausible_reason is null and {{ usage_day_filter('start_date') }}

),

statuses as (

    select * from {{ ref('stg_irve__charge_point_statuses') }}
    where implausible_reason is null and {{ usage_day_filter('status_date') }}

),

session_days as (

    select distinct sessions.start_date as day
    from sessions
    inner join charge_points
        on sessions.charge_point_id = charge_points.charge_point_id

),

status_days as (

    select distinct statuses.status_date as day
    from statuses
    inner join charge_points
        on statuses.charge_point_id = charge_points.charge_point_id

),

unioned as (

    select session_days.day from session_days
    union
    select status_days.day from status_days

)

select unioned.day from unioned
