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
    How far each declared charge point's statuses can be trusted, per local
    day: the time they contradict the sessions within the activated time
    (q6's parts) and the time with a stale or missing status (q7's parts),
    with the point's operational unit and operator of that day, so a BI
    tool can drill from an operator's rate to its points. Point-days with a
    timeline only. Incremental by day, like the point-days it reads.
#}

with

point_days as (

    select * from {{ ref('int_usage_point_days') }}
    where
        {{ usage_day_filter('date_day') }}
        and is_declared

),

measure_hours as (

    select
        point_days.charge_point_id,
        point_days.station_id,
        point_days.operational_unit_code,
        point_days.operator_name,
        point_days.date_day,
        point_days.is_qos_scope,
        (
            point_days.free_seconds + point_days.occupied_seconds
            + point_days.out_of_service_seconds + point_days.not_activated_seconds
        ) / 3600.0 as timeline_hours,
        case
            when point_days.is_qos_scope
                then (
                    point_days.free_seconds + point_days.occupied_seconds
                    + point_days.out_of_service_seconds
                ) / 3600.0
            else 0
        end as activated_hours,
        point_days.false_free_seconds / 3600.0 as false_free_hours,
        point_days.activated_false_occupied_seconds / 3600.0 as false_occupied_hours,
        point_days.stale_status_seconds / 3600.0 as stale_hours
    from point_days

),

final as (

    select
        ----------  ids
        measure_hours.charge_point_id,
        measure_hours.station_id,
        measure_hours.operational_unit_code,

        ----------  strings
        measure_hours.operator_name,

        ----------  numerics
        {{ wattlas_round_sum('measure_hours.timeline_hours', 6) }} as timeline_hours,
        {{ wattlas_round_sum('measure_hours.activated_hours', 6) }} as activated_hours,
        {{ wattlas_round_sum('measure_hours.false_free_hours', 6) }} as false_free_hours,
        {{ wattlas_round_sum('measure_hours.false_occupied_hours', 6) }} as false_occupied_hours,
        {{ wattlas_round_sum('measure_hours.stale_hours', 6) }} as stale_hours,
        {{ wattlas_round_sum(
            '(measure_hours.false_free_hours + measure_hours.false_occupied_hours)'
            ~ ' / nullif(measure_hours.activated_hours, 0)', 6
        ) }} as contradiction_rate,
        {{ wattlas_round_sum(
            'measure_hours.stale_hours / nullif(measure_hours.timeline_hours, 0)', 6
        ) }} as stale_rate,

        ----------  booleans
        measure_hours.is_qos_scope,

        ----------  dates
        measure_hours.date_day
    from measure_hours
    where measure_hours.timeline_hours > 0

)

select * from final
