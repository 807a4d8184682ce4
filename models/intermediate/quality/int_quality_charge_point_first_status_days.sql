{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='charge_point_id',
        on_schema_change='append_new_columns',
        tags=['daily_partitioned'],
    )
}}

{#
    The first evaluation day (macro quality_evaluation_day) on which each
    charge point has a status line, plausible or not: from that day on, DECL
    no longer counts the point as never seen. Kept incrementally so that
    DECL never scans the history: a run reads the statuses of the days it
    rebuilds and keeps, per point, the earlier of their first day and the
    one already recorded (a minimum, so the order of the runs does not
    matter).
#}

with

statuses as (

    select * from {{ ref('stg_irve__charge_point_statuses') }}
    where {{ quality_event_day_filter('status_date') }}

),

new_first_days as (

    select
        statuses.charge_point_id,
        min({{ quality_evaluation_day('statuses.status_date', 'statuses.loaded_at') }})
            as first_day
    from statuses
    group by 1

),

{% if is_incremental() -%}
    recorded_first_days as (

        select
            this.charge_point_id,
            this.first_day
        from {{ this }} as this
        inner join new_first_days
            on this.charge_point_id = new_first_days.charge_point_id

    ),
{%- endif %}

unioned as (

    select * from new_first_days
    {% if is_incremental() -%}
        union all
        select * from recorded_first_days
    {%- endif %}

),

final as (

    select
        unioned.charge_point_id,
        min(unioned.first_day) as first_day
    from unioned
    group by 1

)

select * from final
