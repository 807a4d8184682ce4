{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='date_day',
        on_schema_change='append_new_columns',
        tags=['daily_partitioned'],
    )
}}

{#
    Dynamic-data bookkeeping per dataset (statuses, sessions), feed and
    local day: rows kept by the canonical dedup of staging, duplicate rows
    it removed (docs/domain_rules.md §5.10: reported, not dropped silently), rows
    merged into the incremental daily models, and rows present in staging
    but not merged (late_row_count: they arrived after their day had left
    the reprocessing window, so they are reported here and not merged).
    Incremental by day: a run recounts the days it rebuilds and the days of
    every row loaded since the latest row counted here (last_loaded_at), so
    a late row is reported on its own day however old that day is; a full
    build counts every day, whatever the partition vars, so that the
    watermark covers everything staged.
#}

-- depends_on: {{ ref('int_usage_rebuild_windows') }}

with

{% if is_incremental() -%}
    late_days as (

        select distinct statuses.status_date as date_day
        from {{ ref('stg_irve__charge_point_statuses') }} as statuses
        where
            statuses.implausible_reason is null
            and statuses.loaded_at > (
                select max(this.last_loaded_at) as watermark from {{ this }} as this
            )
        union
        select distinct sessions.start_date as date_day
        from {{ ref('stg_irve__charging_sessions') }} as sessions
        where
            sessions.implausible_reason is null
            and sessions.loaded_at > (
                select max(this.last_loaded_at) as watermark from {{ this }} as this
            )

    ),
{%- endif %}

staged_statuses as (

    select * from {{ ref('stg_irve__charge_point_statuses') }}
    {# Implausible lines count in the quality rules, never in an indicator. #}
    where
        implausible_reason is null
        {% if is_incremental() -%}
            and (
                {{ usage_day_filter('status_date') }}
                or status_date in (select late_days.date_day from late_days)
            )
        {%- endif %}

),

merged_statuses as (

    select * from {{ ref('int_charge_point_statuses_daily') }}
    {% if is_incremental() -%}
        where
            {{ usage_day_filter('status_date') }}
            or status_date in (select late_days.date_day from late_days)
    {%- endif %}

),

staged_sessions as (

    select * from {{ ref('stg_irve__charging_sessions') }}
    {# Implausible lines count in the quality rules, never in an indicator. #}
    where
        implausible_reason is null
        {% if is_incremental() -%}
            and (
                {{ usage_day_filter('start_date') }}
                or start_date in (select late_days.date_day from late_days)
            )
        {%- endif %}

),

merged_sessions as (

    select * from {{ ref('int_charging_sessions_daily') }}
    {% if is_incremental() -%}
        where
            {{ usage_day_filter('start_date') }}
            or start_date in (select late_days.date_day from late_days)
    {%- endif %}

),

compare_statuses as (

    select
        'statuses' as dataset,
        staged_statuses.feed,
        staged_statuses.status_date as date_day,
        count(*) as kept_row_count,
        sum(staged_statuses.duplicate_count) as duplicate_row_count,
        sum(case when merged_statuses.charge_point_id is not null then 1 else 0 end)
            as merged_row_count,
        sum(case when merged_statuses.charge_point_id is null then 1 else 0 end)
            as late_row_count,
        max(staged_statuses.loaded_at) as last_loaded_at
    from staged_statuses
    left join merged_statuses
        on
            staged_statuses.charge_point_id = merged_statuses.charge_point_id
            and staged_statuses.status_at = merged_statuses.status_at
    group by 2, 3

),

compare_sessions as (

    select
        'sessions' as dataset,
        staged_sessions.feed,
        staged_sessions.start_date as date_day,
        count(*) as kept_row_count,
        sum(staged_sessions.duplicate_count) as duplicate_row_count,
        sum(case when merged_sessions.charge_point_id is not null then 1 else 0 end)
            as merged_row_count,
        sum(case when merged_sessions.charge_point_id is null then 1 else 0 end)
            as late_row_count,
        max(staged_sessions.loaded_at) as last_loaded_at
    from staged_sessions
    left join merged_sessions
        on
            staged_sessions.charge_point_id = merged_sessions.charge_point_id
            and staged_sessions.start_at = merged_sessions.start_at
            and staged_sessions.end_at = merged_sessions.end_at
    group by 2, 3

),

unioned as (

    select * from compare_statuses
    union all
    select * from compare_sessions

),

final as (

    select
        unioned.dataset,
        unioned.feed,
        unioned.date_day,
        cast(unioned.kept_row_count as bigint) as kept_row_count,
        cast(unioned.duplicate_row_count as bigint) as duplicate_row_count,
        cast(unioned.merged_row_count as bigint) as merged_row_count,
        cast(unioned.late_row_count as bigint) as late_row_count,
        unioned.last_loaded_at
    from unioned

)

select * from final
