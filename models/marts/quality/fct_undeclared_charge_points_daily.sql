{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='date_day',
        on_schema_change='fail',
        meta={'rebuilt_day_column': 'date_day'},
        tags=['daily_partitioned'],
    )
}}

{#
    Charge points that send statuses or sessions but are absent from the
    static data, per operational unit (the first five characters of the
    point id) and local day. The usage indicators count declared points
    only; this mart says what they leave out, beside the points of the
    same unit seen in the feeds that day. Incremental by day, like the
    point-days it reads.
#}

with

point_days as (

    select * from {{ ref('int_usage_point_days') }}
    where {{ usage_day_filter('date_day') }}

),

{# seen: a status or a session start that day (a point-day can also exist
   because the point is activated) #}
list_seen_point_days as (

    select
        left(point_days.charge_point_id, 5) as operational_unit_code,
        point_days.date_day,
        point_days.is_declared,
        point_days.is_in_operation,
        point_days.session_count,
        point_days.energy_kwh
    from point_days
    where point_days.is_in_operation or point_days.session_count > 0

),

aggregate_units as (

    select
        list_seen_point_days.operational_unit_code,
        list_seen_point_days.date_day,
        count(*) as seen_point_count,
        sum(case when list_seen_point_days.is_declared then 0 else 1 end)
            as undeclared_point_count,
        sum(
            case
                when not list_seen_point_days.is_declared and list_seen_point_days.is_in_operation
                    then 1
                else 0
            end
        ) as undeclared_with_status_count,
        sum(
            case
                when not list_seen_point_days.is_declared
                    then list_seen_point_days.session_count
                else 0
            end
        ) as undeclared_session_count,
        {{ usage_exact_sum(
            'case when not list_seen_point_days.is_declared'
            ~ ' then list_seen_point_days.energy_kwh else 0 end', 6
        ) }} as undeclared_energy_kwh
    from list_seen_point_days
    group by 1, 2

),

final as (

    select
        aggregate_units.operational_unit_code,
        cast(aggregate_units.seen_point_count as bigint) as seen_point_count,
        cast(aggregate_units.undeclared_point_count as bigint) as undeclared_point_count,
        cast(aggregate_units.undeclared_with_status_count as bigint)
            as undeclared_with_status_count,
        cast(aggregate_units.undeclared_session_count as bigint) as undeclared_session_count,
        {{ wattlas_round_sum('aggregate_units.undeclared_energy_kwh', 6) }}
            as undeclared_energy_kwh,
        {{ wattlas_round_sum(
            'aggregate_units.undeclared_point_count * 1.0 / aggregate_units.seen_point_count', 9
        ) }} as undeclared_point_share,
        aggregate_units.date_day
    from aggregate_units
    where aggregate_units.undeclared_point_count > 0

)

select * from final
