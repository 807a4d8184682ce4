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
    The local day of every point-day of int_charge_point_days_scoped cut
    into segments at every status instant and every session start and end
    inside it, [segment_start_at, segment_end_at) in UTC (the day is 23, 24
    or 25 hours long), with the sessions running at each segment's start
    and the point's activation instant of the day. Nothing changes inside a
    segment: int_charge_point_state_intervals gives each one its state.
#}

with

sessions as (

    select * from {{ ref('int_charging_sessions_daily') }}
    where
        {{ usage_day_filter('start_date', var('usage_max_session_days')) }}

),

statuses as (

    select * from {{ ref('int_charge_point_statuses_daily') }}
    where {{ usage_day_filter('status_date') }}

),

point_days as (

    select * from {{ ref('int_charge_point_days_scoped') }}
    where {{ usage_day_filter('date_day') }}

),

collect_boundaries as (

    select
        point_days.charge_point_id,
        point_days.date_day,
        point_days.day_start_at as boundary_at
    from point_days

    union

    select
        point_days.charge_point_id,
        point_days.date_day,
        statuses.status_at as boundary_at
    from point_days
    inner join statuses
        on
            point_days.charge_point_id = statuses.charge_point_id
            and point_days.date_day = statuses.status_date

    union

    select
        point_days.charge_point_id,
        point_days.date_day,
        sessions.start_at as boundary_at
    from point_days
    inner join sessions
        on
            point_days.charge_point_id = sessions.charge_point_id
            and point_days.day_start_at < sessions.start_at
            and point_days.day_end_at > sessions.start_at

    union

    select
        point_days.charge_point_id,
        point_days.date_day,
        sessions.end_at as boundary_at
    from point_days
    inner join sessions
        on
            point_days.charge_point_id = sessions.charge_point_id
            and point_days.day_start_at < sessions.end_at
            and point_days.day_end_at > sessions.end_at

),

cut_segments as (

    select
        collect_boundaries.charge_point_id,
        collect_boundaries.date_day,
        collect_boundaries.boundary_at as segment_start_at,
        coalesce(
            lead(collect_boundaries.boundary_at) over (
                partition by collect_boundaries.charge_point_id, collect_boundaries.date_day
                order by collect_boundaries.boundary_at
            ),
            point_days.day_end_at
        ) as segment_end_at,
        point_days.activated_at
    from collect_boundaries
    inner join point_days
        on
            collect_boundaries.charge_point_id = point_days.charge_point_id
            and collect_boundaries.date_day = point_days.date_day

),

count_running_sessions as (

    select
        cut_segments.charge_point_id,
        cut_segments.segment_start_at,
        count(*) as running_session_count
    from cut_segments
    inner join sessions
        on
            cut_segments.charge_point_id = sessions.charge_point_id
            and cut_segments.segment_start_at >= sessions.start_at
            and cut_segments.segment_start_at < sessions.end_at
    group by 1, 2

),

final as (

    select
        ----------  ids
        cut_segments.charge_point_id,

        ----------  numerics
        coalesce(count_running_sessions.running_session_count, 0) as running_session_count,

        ----------  dates
        cut_segments.date_day,

        ----------  timestamps
        cut_segments.segment_start_at,
        cut_segments.segment_end_at,
        cut_segments.activated_at
    from cut_segments
    left join count_running_sessions
        on
            cut_segments.charge_point_id = count_running_sessions.charge_point_id
            and cut_segments.segment_start_at = count_running_sessions.segment_start_at

)

select * from final
