{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='interval_date',
        on_schema_change='append_new_columns',
        meta={'rebuilt_day_column': 'interval_date'},
        tags=['daily_partitioned'],
    )
}}

{#
    Exact group-state timeline of every station and local day (docs/domain_rules.md
    §2.5). The group is the station's charge points that have a timeline
    that day (all of them activated or in operation: the quality-of-service
    scope); n = their number. The day is cut at every change of any of its
    points; each interval counts the points free, occupied and out of
    service and takes the group state (macro usage_group_state). Points
    missing from int_charge_points_enriched have no station and are left out here.
#}

with

point_intervals as (

    select * from {{ ref('int_charge_point_state_intervals') }}
    where {{ usage_day_filter('interval_date') }}

),

charge_points as (

    select * from {{ ref('int_charge_points_enriched') }}

),

dates as (

    select * from {{ ref('int_dates_enriched') }}

),

attach_stations as (

    select
        charge_points.station_id,
        point_intervals.*
    from point_intervals
    inner join charge_points
        on point_intervals.charge_point_id = charge_points.charge_point_id

),

count_points as (

    select
        attach_stations.station_id,
        attach_stations.interval_date,
        count(distinct attach_stations.charge_point_id) as point_count
    from attach_stations
    group by 1, 2

),

collect_boundaries as (

    select distinct
        attach_stations.station_id,
        attach_stations.interval_date,
        attach_stations.interval_start_at as boundary_at
    from attach_stations

),

cut_segments as (

    select
        collect_boundaries.station_id,
        collect_boundaries.interval_date,
        collect_boundaries.boundary_at as interval_start_at,
        coalesce(
            lead(collect_boundaries.boundary_at) over (
                partition by collect_boundaries.station_id, collect_boundaries.interval_date
                order by collect_boundaries.boundary_at
            ),
            dates.day_end_at
        ) as interval_end_at
    from collect_boundaries
    inner join dates
        on collect_boundaries.interval_date = dates.date_day

),

count_states as (

    select
        cut_segments.station_id,
        cut_segments.interval_date,
        cut_segments.interval_start_at,
        cut_segments.interval_end_at,
        sum(case when attach_stations.state = 'free' then 1 else 0 end) as free_count,
        sum(case when attach_stations.state = 'occupied' then 1 else 0 end) as occupied_count,
        sum(case when attach_stations.state = 'out_of_service' then 1 else 0 end)
            as out_of_service_count
    from cut_segments
    inner join attach_stations
        on
            cut_segments.station_id = attach_stations.station_id
            and cut_segments.interval_date = attach_stations.interval_date
            and cut_segments.interval_start_at >= attach_stations.interval_start_at
            and cut_segments.interval_start_at < attach_stations.interval_end_at
    group by 1, 2, 3, 4

),

classify_intervals as (

    select
        ----------  ids
        count_states.station_id,

        ----------  strings
        {{ usage_group_state(
            'count_states.free_count', 'count_states.occupied_count',
            'count_states.out_of_service_count', 'count_points.point_count'
        ) }} as group_state,

        ----------  numerics
        count_points.point_count,
        count_states.free_count,
        count_states.occupied_count,
        count_states.out_of_service_count,
        {{ irve_seconds_between('count_states.interval_start_at', 'count_states.interval_end_at') }}
            as duration_seconds,

        ----------  booleans
        (count_states.free_count = 0 and count_states.occupied_count > 0) as is_full_use,

        ----------  dates
        count_states.interval_date,

        ----------  timestamps
        count_states.interval_start_at,
        count_states.interval_end_at
    from count_states
    inner join count_points
        on
            count_states.station_id = count_points.station_id
            and count_states.interval_date = count_points.interval_date

)

select * from classify_intervals
