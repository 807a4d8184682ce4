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
    Wide BI mart: one row per operational unit and local day, the station
    mart summed (additive parts) with its rates recomputed as Σ numerators /
    Σ denominators, plus the number of stations saturated at least one hour.
    Incremental by local day, as the usage models it reads.
#}

with

stations as (

    select * from {{ ref('fct_station_availability_daily') }}
    where {{ usage_day_filter('date_day') }}

),

aggregated as (

    select
        stations.operational_unit_code,
        stations.date_day,
        count(*) as station_count,
        sum(stations.point_count) as point_count,
        sum(case when stations.saturated_hour_count > 0 then 1 else 0 end)
            as saturated_station_count,
        sum(stations.saturated_hour_count) as saturated_hour_count,
        sum(stations.overloaded_hour_count) as overloaded_hour_count,
        sum(stations.session_count) as session_count,
        sum(stations.successful_session_count) as successful_session_count,
        {%- for column in [
            'point_opening_hours', 'point_free_hours', 'point_occupied_hours',
            'point_out_of_service_hours', 'point_false_free_hours',
            'point_false_occupied_hours', 'station_out_of_service_hours',
            'station_inactive_hours', 'station_saturated_hours', 'station_overloaded_hours',
            'station_active_hours', 'full_use_hours', 'energy_kwh',
        ] %}
            {{ usage_exact_sum('stations.' ~ column, 6 if column == 'energy_kwh' else 9) }}
                as {{ column }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    from stations
    group by 1, 2

),

final as (

    select
        aggregated.operational_unit_code,
        aggregated.date_day,
        cast(aggregated.station_count as bigint) as station_count,
        cast(aggregated.point_count as bigint) as point_count,
        cast(aggregated.saturated_station_count as bigint) as saturated_station_count,
        cast(aggregated.saturated_hour_count as bigint) as saturated_hour_count,
        cast(aggregated.overloaded_hour_count as bigint) as overloaded_hour_count,
        cast(aggregated.session_count as bigint) as session_count,
        cast(aggregated.successful_session_count as bigint) as successful_session_count,
        {%- for column in [
            'point_opening_hours', 'point_free_hours', 'point_occupied_hours',
            'point_out_of_service_hours', 'point_false_free_hours',
            'point_false_occupied_hours', 'station_out_of_service_hours',
            'station_inactive_hours', 'station_saturated_hours', 'station_overloaded_hours',
            'station_active_hours', 'full_use_hours', 'energy_kwh',
        ] %}
            {{ wattlas_round_sum('aggregated.' ~ column, 6) }} as {{ column }},
        {%- endfor %}
        {{ wattlas_round_sum(
            '(aggregated.point_free_hours + aggregated.point_occupied_hours)'
            ~ ' / nullif(aggregated.point_opening_hours, 0)', 6) }} as availability_rate,
        {{ wattlas_round_sum(
            'aggregated.point_occupied_hours / nullif(aggregated.point_free_hours'
            ~ ' + aggregated.point_occupied_hours, 0)', 6) }} as utilisation_rate,
        {{ wattlas_round_sum(
            'aggregated.station_saturated_hours / nullif(aggregated.station_inactive_hours'
            ~ ' + aggregated.station_saturated_hours + aggregated.station_overloaded_hours'
            ~ ' + aggregated.station_active_hours, 0)', 6) }} as saturation_rate
    from aggregated

)

select * from final
