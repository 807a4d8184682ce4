{#
    For every charge point and local day, the
    state times (free + occupied + out of service + not activated) add up to the length of
    the day (24 h, or 23 h / 25 h on DST days), to the millisecond; and the
    station group-state minutes fill every station-day.
#}

with

point_days as (

    select * from {{ ref('int_charge_point_states_daily') }}

),

station_hours as (

    select * from {{ ref('int_station_states_hourly') }}

),

point_gaps as (

    select
        'point' as grain,
        point_days.charge_point_id as member_id,
        point_days.state_date as date_day,
        point_days.free_seconds + point_days.occupied_seconds
        + point_days.out_of_service_seconds + point_days.not_activated_seconds
        - point_days.day_seconds as gap_seconds
    from point_days

),

station_gaps as (

    select
        'station' as grain,
        station_hours.station_id as member_id,
        station_hours.state_date as date_day,
        sum(
            station_hours.deactivated_minutes + station_hours.out_of_service_minutes
            + station_hours.inactive_minutes + station_hours.saturated_minutes
            + station_hours.overloaded_minutes + station_hours.active_minutes
        ) * 60 - count(*) * 3600 as gap_seconds
    from station_hours
    group by 2, 3

),

gaps as (

    select * from point_gaps
    union all
    select * from station_gaps

)

select * from gaps
where abs(gap_seconds) > 0.001
