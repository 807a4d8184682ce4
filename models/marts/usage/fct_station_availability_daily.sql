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
    Wide BI mart: one row per station and local day with a group timeline.
    Point times (free, occupied, out of service, false free / occupied) of
    the station's points in scope, station group-state times, saturated and
    overloaded hours (θ rule), sessions and energy, and the rates computed
    from these additive parts (availability = (free + occupied) / opening
    time, utilisation = occupied / (free + occupied), saturation = saturé /
    available group time, load factor = the pro-rated energy of the sessions
    without a physical exclusion flag / (Σ power × day hours)). A load factor
    above 1 is not published as a rate: load_factor is NULL and
    is_load_factor_above_one says so.
    Incremental by local day, as the usage models it reads.
#}

with

station_days as (

    select * from {{ ref('int_usage_station_days') }}
    where {{ usage_day_filter('date_day') }}

),

point_days as (

    select * from {{ ref('int_usage_point_days') }}
    where {{ usage_day_filter('date_day') }}

),

sum_points as (

    select
        point_days.station_id,
        point_days.date_day,
        sum(case when point_days.is_qos_scope then point_days.day_seconds else 0 end)
            as opening_seconds,
        {{ usage_exact_sum('point_days.free_seconds', 3) }} as free_seconds,
        {{ usage_exact_sum('point_days.occupied_seconds', 3) }} as occupied_seconds,
        {{ usage_exact_sum('point_days.out_of_service_seconds', 3) }} as out_of_service_seconds,
        {{ usage_exact_sum('point_days.false_free_seconds', 3) }} as false_free_seconds,
        {{ usage_exact_sum('point_days.false_occupied_seconds', 3) }} as false_occupied_seconds,
        {{ usage_exact_sum(
            'case when point_days.is_qos_scope then point_days.power_kw else 0 end', 6
        ) }}
            as scope_power_kw,
        sum(point_days.session_count) as session_count,
        sum(point_days.successful_session_count) as successful_session_count,
        {{ usage_exact_sum('point_days.energy_kwh', 6) }} as energy_kwh,
        {{ usage_exact_sum(
            'case when point_days.is_qos_scope then point_days.load_energy_kwh else 0 end', 6
        ) }} as load_energy_kwh
    from point_days
    where point_days.station_id is not null
    group by 1, 2

),

joined as (

    select
        ----------  ids
        station_days.station_id,
        station_days.operational_unit_code,
        station_days.amenageur_siren,
        station_days.region_code,
        station_days.department_code,
        station_days.commune_code,

        ----------  strings
        station_days.operator_name,

        ----------  numerics
        station_days.point_count,
        station_days.declared_point_count,
        station_days.cumulated_power_kw,
        station_days.max_power_kw,
        station_days.day_seconds / 3600.0 as day_hours,
        sum_points.opening_seconds / 3600.0 as point_opening_hours,
        sum_points.free_seconds / 3600.0 as point_free_hours,
        sum_points.occupied_seconds / 3600.0 as point_occupied_hours,
        sum_points.out_of_service_seconds / 3600.0 as point_out_of_service_hours,
        sum_points.false_free_seconds / 3600.0 as point_false_free_hours,
        sum_points.false_occupied_seconds / 3600.0 as point_false_occupied_hours,
        station_days.out_of_service_seconds / 3600.0 as station_out_of_service_hours,
        station_days.inactive_seconds / 3600.0 as station_inactive_hours,
        station_days.saturated_seconds / 3600.0 as station_saturated_hours,
        station_days.overloaded_seconds / 3600.0 as station_overloaded_hours,
        station_days.active_seconds / 3600.0 as station_active_hours,
        station_days.full_use_seconds / 3600.0 as full_use_hours,
        station_days.saturated_hour_count,
        station_days.overloaded_hour_count,
        sum_points.session_count,
        sum_points.successful_session_count,
        sum_points.energy_kwh,
        (sum_points.free_seconds + sum_points.occupied_seconds)
        / nullif(sum_points.opening_seconds, 0) as availability_rate,
        sum_points.occupied_seconds
        / nullif(sum_points.free_seconds + sum_points.occupied_seconds, 0) as utilisation_rate,
        station_days.saturated_seconds / nullif(
            station_days.inactive_seconds + station_days.saturated_seconds
            + station_days.overloaded_seconds + station_days.active_seconds, 0
        ) as saturation_rate,
        sum_points.load_energy_kwh
        / nullif(sum_points.scope_power_kw * station_days.day_seconds / 3600.0, 0)
            as load_factor,

        ----------  dates
        station_days.date_day
    from station_days
    inner join sum_points
        on
            station_days.station_id = sum_points.station_id
            and station_days.date_day = sum_points.date_day

),

final as (

    select
        joined.station_id,
        joined.operational_unit_code,
        joined.amenageur_siren,
        joined.region_code,
        joined.department_code,
        joined.commune_code,
        joined.operator_name,
        cast(joined.point_count as bigint) as point_count,
        cast(joined.declared_point_count as bigint) as declared_point_count,
        {%- for column in [
            'cumulated_power_kw', 'max_power_kw', 'day_hours', 'point_opening_hours',
            'point_free_hours', 'point_occupied_hours', 'point_out_of_service_hours',
            'point_false_free_hours', 'point_false_occupied_hours',
            'station_out_of_service_hours', 'station_inactive_hours', 'station_saturated_hours',
            'station_overloaded_hours', 'station_active_hours', 'full_use_hours',
        ] %}
            {{ wattlas_round_sum('joined.' ~ column, 6) }} as {{ column }},
        {%- endfor %}
        cast(joined.saturated_hour_count as bigint) as saturated_hour_count,
        cast(joined.overloaded_hour_count as bigint) as overloaded_hour_count,
        cast(joined.session_count as bigint) as session_count,
        cast(joined.successful_session_count as bigint) as successful_session_count,
        {{ wattlas_round_sum('joined.energy_kwh', 6) }} as energy_kwh,
        {%- for column in ['availability_rate', 'utilisation_rate', 'saturation_rate'] %}
            {{ wattlas_round_sum('joined.' ~ column, 9) }} as {{ column }},
        {%- endfor %}
        case
            when joined.load_factor <= 1 then {{ wattlas_round_sum('joined.load_factor', 9) }}
        end as load_factor,
        coalesce(joined.load_factor > 1, false) as is_load_factor_above_one,
        joined.date_day
    from joined

)

select * from final
