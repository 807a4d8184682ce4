{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='date_day',
        on_schema_change='append_new_columns',
        meta={'rebuilt_day_column': 'date_day'},
        tags=['daily_partitioned'],
    )
}}

{#
    Additive daily facts of every station with a group timeline: seconds in
    each group state (docs/domain_rules.md §2.5), full-use time (no point free and at
    least one occupied: PU_CUM, and PU_MAX its largest hourly share), the
    number of saturated and overloaded hours, the longest continuous
    full-use period of the day (PU_LEN: consecutive full-use intervals of
    the exact timeline merged, clipped at the day's bounds), and the
    station's points, cumulated and maximum power.
#}

with

hourly as (

    select * from {{ ref('int_station_states_hourly') }}
    where {{ usage_day_filter('state_date') }}

),

station_intervals as (

    select * from {{ ref('int_station_state_intervals') }}
    where {{ usage_day_filter('interval_date') }}

),

charge_points as (

    select * from {{ ref('int_charge_points_enriched') }}

),

dates as (

    select * from {{ ref('int_dates_enriched') }}

),

list_stations as (

    select
        charge_points.station_id,
        min(charge_points.operational_unit_code) as operational_unit_code,
        min(charge_points.amenageur_siren) as amenageur_siren,
        min(charge_points.region_code) as region_code,
        min(charge_points.department_code) as department_code,
        min(charge_points.epci_code) as epci_code,
        min(charge_points.commune_code) as commune_code,
        min(charge_points.operator_name) as operator_name,
        count(*) as declared_point_count,
        {{ usage_exact_sum('charge_points.power_kw', 6) }} as cumulated_power_kw,
        max(charge_points.power_kw) as max_power_kw
    from charge_points
    group by 1

),

find_previous_intervals as (

    select
        station_intervals.*,
        lag(station_intervals.is_full_use) over station_day as previous_is_full_use,
        lag(station_intervals.interval_end_at) over station_day as previous_end_at
    from station_intervals
    window station_day as (
        partition by station_intervals.station_id, station_intervals.interval_date
        order by station_intervals.interval_start_at
    )

),

flag_full_use_runs as (

    {# A full-use interval starts a new run unless the previous interval of
       the station-day was full use too and ends where it starts. #}
    select
        find_previous_intervals.station_id,
        find_previous_intervals.interval_date,
        find_previous_intervals.interval_start_at,
        find_previous_intervals.is_full_use,
        find_previous_intervals.duration_seconds,
        case
            when
                find_previous_intervals.is_full_use
                and find_previous_intervals.previous_is_full_use
                and find_previous_intervals.previous_end_at
                = find_previous_intervals.interval_start_at
                then 0
            else 1
        end as starts_run
    from find_previous_intervals

),

number_full_use_runs as (

    select
        flag_full_use_runs.*,
        sum(flag_full_use_runs.starts_run) over (
            partition by flag_full_use_runs.station_id, flag_full_use_runs.interval_date
            order by flag_full_use_runs.interval_start_at
            rows between unbounded preceding and current row
        ) as run_number
    from flag_full_use_runs

),

measure_full_use_runs as (

    select
        number_full_use_runs.station_id,
        number_full_use_runs.interval_date,
        number_full_use_runs.run_number,
        sum(number_full_use_runs.duration_seconds) as run_seconds
    from number_full_use_runs
    where number_full_use_runs.is_full_use
    group by 1, 2, 3

),

longest_full_use_runs as (

    select
        measure_full_use_runs.station_id,
        measure_full_use_runs.interval_date as date_day,
        max(measure_full_use_runs.run_seconds) as longest_full_use_seconds
    from measure_full_use_runs
    group by 1, 2

),

sum_hours as (

    select
        hourly.station_id,
        hourly.state_date as date_day,
        max(hourly.point_count) as point_count,
        {%- for name in station_group_states() | map(attribute=1) %}
            sum(hourly.{{ name }}_minutes) * 60 as {{ name }}_seconds,
        {%- endfor %}
        sum(hourly.full_use_minutes) * 60 as full_use_seconds,
        max(hourly.full_use_minutes) * 60 as max_hourly_full_use_seconds,
        sum(case when hourly.is_saturated_hour then 1 else 0 end) as saturated_hour_count,
        sum(case when hourly.is_overloaded_hour then 1 else 0 end) as overloaded_hour_count
    from hourly
    group by 1, 2

),

joined as (

    select
        ----------  ids
        sum_hours.station_id,
        list_stations.operational_unit_code,
        list_stations.amenageur_siren,
        list_stations.region_code,
        list_stations.department_code,
        list_stations.epci_code,
        list_stations.commune_code,

        ----------  strings
        list_stations.operator_name,

        ----------  numerics
        sum_hours.point_count,
        list_stations.declared_point_count,
        list_stations.cumulated_power_kw,
        list_stations.max_power_kw,
        cast(dates.hours_in_day * 3600 as double precision) as day_seconds,
        {%- for name in station_group_states() | map(attribute=1) %}
            {{ wattlas_round_sum('sum_hours.' ~ name ~ '_seconds', 6) }} as {{ name }}_seconds,
        {%- endfor %}
        {{ wattlas_round_sum('sum_hours.full_use_seconds', 6) }} as full_use_seconds,
        {{ wattlas_round_sum('sum_hours.max_hourly_full_use_seconds', 6) }}
            as max_hourly_full_use_seconds,
        {{ wattlas_round_sum('coalesce(longest_full_use_runs.longest_full_use_seconds, 0)', 6) }}
            as longest_full_use_seconds,
        sum_hours.saturated_hour_count,
        sum_hours.overloaded_hour_count,

        ----------  dates
        sum_hours.date_day
    from sum_hours
    inner join dates
        on sum_hours.date_day = dates.date_day
    inner join list_stations
        on sum_hours.station_id = list_stations.station_id
    left join longest_full_use_runs
        on
            sum_hours.station_id = longest_full_use_runs.station_id
            and sum_hours.date_day = longest_full_use_runs.date_day

)

select * from joined
