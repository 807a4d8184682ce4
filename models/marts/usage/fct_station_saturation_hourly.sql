{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='state_date',
        on_schema_change='append_new_columns',
        meta={'rebuilt_day_column': 'state_date'},
        tags=['daily_partitioned'],
    )
}}

{#
    Wide BI mart, the loco-labs/qualicharge-rtet hourly saturation output (docs/domain_rules.md §2.5): one
    row per station, local day and hour of the day with its points
    (nb_pdc), cumulated and maximum power (p_cum, p_max), minutes in each
    group state and in full use, and the hourly booleans sature_h /
    surcharge_h (θ = var usage_hourly_theta_minutes). Incremental by local
    day over the reprocessing window, like the models it reads.
#}

with

hourly as (

    select * from {{ ref('int_station_states_hourly') }}
    where {{ usage_day_filter('state_date') }}

),

station_days as (

    select * from {{ ref('int_usage_station_days') }}
    where {{ usage_day_filter('date_day') }}

),

final as (

    select
        ----------  ids
        cast(hourly.station_id as text) as station_id,
        cast(station_days.operational_unit_code as text) as operational_unit_code,
        cast(station_days.region_code as text) as region_code,
        cast(station_days.department_code as text) as department_code,
        cast(station_days.commune_code as text) as commune_code,

        ----------  strings
        cast(station_days.operator_name as text) as operator_name,

        ----------  numerics
        cast(hourly.hour_index as integer) as hour_index,
        cast(hourly.local_hour as integer) as local_hour,
        cast(hourly.point_count as bigint) as point_count,
        cast(station_days.cumulated_power_kw as double precision) as cumulated_power_kw,
        cast(station_days.max_power_kw as double precision) as max_power_kw,
        {%- for name in station_group_states() | map(attribute=1) %}
            cast(hourly.{{ name }}_minutes as double precision) as {{ name }}_minutes,
        {%- endfor %}
        cast(hourly.full_use_minutes as double precision) as full_use_minutes,

        ----------  booleans
        hourly.is_saturated_hour,
        hourly.is_overloaded_hour,

        ----------  dates
        hourly.state_date,

        ----------  timestamps
        hourly.hour_start_at
    from hourly
    inner join station_days
        on
            hourly.station_id = station_days.station_id
            and hourly.state_date = station_days.date_day

)

select * from final
