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
    One row per charge point and evaluation day (macro
    quality_evaluation_day) with at least one status line, plausible or
    not: what INAC reads back over var quality_inactive_after_months months, a
    point-day being far fewer rows than the statuses behind it.
    Incremental by day over the rebuild window of the usage models.
#}

with

statuses as (

    select * from {{ ref('stg_irve__charge_point_statuses') }}
    where {{ quality_event_day_filter('status_date') }}

),

evaluated_days as (

    select
        statuses.charge_point_id,
        {{ quality_evaluation_day('statuses.status_date', 'statuses.loaded_at') }} as day
    from statuses

),

final as (

    select
        evaluated_days.charge_point_id,
        evaluated_days.day,
        count(*) as status_count
    from evaluated_days
    where {{ usage_day_filter('evaluated_days.day') }}
    group by 1, 2

)

select * from final
