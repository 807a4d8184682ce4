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
    Exact state timeline of every charge point and local day (docs/domain_rules.md
    §2.5), without a sampling grid, for the point-days of
    int_charge_point_days_scoped (which decides who gets a timeline). The
    day [day_start_at, day_end_at) (23, 24 or 25 hours) is cut at every
    status instant and every session start and end inside it; each
    interval then gets:
      - occupied when a session runs (start <= t < end): sessions win;
      - else not_activated before the point's activation instant of the
        day (activated_at of int_charge_point_days_scoped; all day when it
        is not activated): declared or deactivated time, unavailable;
      - else out_of_service when the latest explicit status (en_service or
        hors_service; `inconnu` keeps the previous explicit state) is
        hors_service; a status older than var usage_status_lookback_days
        local days before the day is no longer carried (the same rule on a
        full and an incremental build);
      - else free (no explicit status yet reads as en_service, as loco-labs/qualicharge-rtet).
    False free / false occupied: the latest declared occupancy (libre,
    occupe, reserve; `inconnu` keeps the previous one) says libre while a
    session runs, or occupe while none runs.
    Stale: the part of the interval more than var
    usage_status_stale_after_hours after the point's latest informative
    status (an explicit status or a declared occupancy within the lookback),
    or all of it when there is none. No status arrives inside an interval,
    so the stale part is its tail, exact without an extra cut.
#}

with

sessions as (

    select * from {{ ref('int_charging_sessions_daily') }}
    where
        {{ usage_day_filter('start_date', var('usage_max_session_days')) }}

),

{%- set window_start = usage_window_start_date() %}

statuses_read as (

    select * from {{ ref('int_charge_point_statuses_daily') }}
    where
        {{ usage_day_filter('status_date', var('usage_status_lookback_days')) }}

),

{# An incremental run carries into its first day only each point's latest
   explicit status and latest declared occupancy of the lookback days
   before it: the timeline needs nothing else from them, and streaming
   every lookback status through the carry-forward would cost a month of
   statuses per run. A full build streams them all. #}
statuses_in_window as (

    select statuses_read.* from statuses_read
    {% if window_start -%}
        where statuses_read.status_date >= {{ window_start }}
    {%- endif %}

),

statuses_before_window as (

    select statuses_read.* from statuses_read
    {% if window_start -%}
        where statuses_read.status_date < {{ window_start }}
    {%- else -%}
        where 1 = 0
    {%- endif %}

),

latest_explicit_before_window as (

    select
        statuses_before_window.charge_point_id,
        max(statuses_before_window.status_at) as status_at
    from statuses_before_window
    where statuses_before_window.status in ('en_service', 'hors_service')
    group by 1

),

latest_occupancy_before_window as (

    select
        statuses_before_window.charge_point_id,
        max(statuses_before_window.status_at) as status_at
    from statuses_before_window
    where statuses_before_window.occupancy in ('libre', 'occupe', 'reserve')
    group by 1

),

statuses as (

    select
        statuses_in_window.charge_point_id,
        statuses_in_window.status_at,
        statuses_in_window.status_date,
        statuses_in_window.status,
        statuses_in_window.occupancy
    from statuses_in_window

    union all

    select
        statuses_before_window.charge_point_id,
        statuses_before_window.status_at,
        statuses_before_window.status_date,
        statuses_before_window.status,
        cast(null as varchar) as occupancy
    from statuses_before_window
    inner join latest_explicit_before_window
        on
            statuses_before_window.charge_point_id
            = latest_explicit_before_window.charge_point_id
            and statuses_before_window.status_at = latest_explicit_before_window.status_at

    union all

    select
        statuses_before_window.charge_point_id,
        statuses_before_window.status_at,
        statuses_before_window.status_date,
        cast(null as varchar) as status,
        statuses_before_window.occupancy
    from statuses_before_window
    inner join latest_occupancy_before_window
        on
            statuses_before_window.charge_point_id
            = latest_occupancy_before_window.charge_point_id
            and statuses_before_window.status_at = latest_occupancy_before_window.status_at

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
        collect_boundaries.boundary_at as interval_start_at,
        coalesce(
            lead(collect_boundaries.boundary_at) over (
                partition by collect_boundaries.charge_point_id, collect_boundaries.date_day
                order by collect_boundaries.boundary_at
            ),
            point_days.day_end_at
        ) as interval_end_at,
        point_days.activated_at
    from collect_boundaries
    inner join point_days
        on
            collect_boundaries.charge_point_id = point_days.charge_point_id
            and collect_boundaries.date_day = point_days.date_day

),

stream_events as (

    select
        cut_segments.charge_point_id,
        cut_segments.interval_start_at as event_at,
        1 as event_order,
        cut_segments.date_day,
        cut_segments.interval_end_at,
        cut_segments.activated_at,
        cast(null as date) as status_date,
        cast(null as varchar) as explicit_status,
        cast(null as varchar) as declared_occupancy
    from cut_segments

    union all

    select
        statuses.charge_point_id,
        statuses.status_at as event_at,
        0 as event_order,
        cast(null as date) as date_day,
        cast(null as timestamp) as interval_end_at,
        cast(null as timestamp) as activated_at,
        statuses.status_date,
        case
            when statuses.status in ('en_service', 'hors_service') then statuses.status
        end as explicit_status,
        case
            when statuses.occupancy in ('libre', 'occupe', 'reserve') then statuses.occupancy
        end as declared_occupancy
    from statuses

),

carry_raw_states as (

    {{ wattlas_carry_forward(
        'stream_events',
        partition_by=['charge_point_id'],
        order_by=['event_at', 'event_order'],
        carried={
            'explicit_status': {
                'raw_explicit_status': 'explicit_status',
                'raw_explicit_status_date': 'status_date',
                'raw_explicit_status_at': 'event_at',
            },
            'declared_occupancy': {
                'raw_declared_occupancy': 'declared_occupancy',
                'raw_declared_occupancy_date': 'status_date',
                'raw_declared_occupancy_at': 'event_at',
            },
        },
    ) }}

),

carry_states as (

    select
        carry_raw_states.*,
        case
            when
                carry_raw_states.raw_explicit_status_date
                >= carry_raw_states.date_day - {{ var('usage_status_lookback_days') }}
                then carry_raw_states.raw_explicit_status
        end as current_explicit_status,
        case
            when
                carry_raw_states.raw_declared_occupancy_date
                >= carry_raw_states.date_day - {{ var('usage_status_lookback_days') }}
                then carry_raw_states.raw_declared_occupancy
        end as current_declared_occupancy,
        case
            when
                carry_raw_states.raw_declared_occupancy_at is null
                or carry_raw_states.raw_explicit_status_at
                > carry_raw_states.raw_declared_occupancy_at
                then carry_raw_states.raw_explicit_status_at
            else carry_raw_states.raw_declared_occupancy_at
        end as latest_status_at
    from carry_raw_states
    where carry_raw_states.event_order = 1

),

{# A status older than the lookback is read on a full build only; it is
   stale either way, as the threshold is shorter than the lookback. #}
find_stale_start as (

    select
        carry_states.*,
        case
            when carry_states.latest_status_at is null then carry_states.event_at
            else least(
                carry_states.interval_end_at,
                greatest(
                    carry_states.event_at,
                    carry_states.latest_status_at
                    + interval '{{ var("usage_status_stale_after_hours") }} hour'
                )
            )
        end as stale_from_at
    from carry_states

),

count_running_sessions as (

    select
        cut_segments.charge_point_id,
        cut_segments.interval_start_at,
        count(*) as running_session_count
    from cut_segments
    inner join sessions
        on
            cut_segments.charge_point_id = sessions.charge_point_id
            and cut_segments.interval_start_at >= sessions.start_at
            and cut_segments.interval_start_at < sessions.end_at
    group by 1, 2

),

classify_intervals as (

    select
        ----------  ids
        find_stale_start.charge_point_id,

        ----------  strings
        case
            when count_running_sessions.running_session_count > 0 then 'occupied'
            when
                find_stale_start.activated_at is null
                or find_stale_start.event_at < find_stale_start.activated_at
                then 'not_activated'
            when find_stale_start.current_explicit_status = 'hors_service' then 'out_of_service'
            else 'free'
        end as state,
        find_stale_start.current_explicit_status as explicit_status,
        find_stale_start.current_declared_occupancy as declared_occupancy,

        ----------  numerics
        coalesce(count_running_sessions.running_session_count, 0) as running_session_count,
        {{ irve_seconds_between('find_stale_start.event_at', 'find_stale_start.interval_end_at') }}
            as duration_seconds,
        {{ irve_seconds_between(
            'find_stale_start.stale_from_at', 'find_stale_start.interval_end_at'
        ) }} as stale_seconds,

        ----------  booleans
        (
            coalesce(count_running_sessions.running_session_count, 0) > 0
            and coalesce(find_stale_start.current_declared_occupancy, '') = 'libre'
        ) as is_false_free,
        (
            coalesce(count_running_sessions.running_session_count, 0) = 0
            and coalesce(find_stale_start.current_declared_occupancy, '') = 'occupe'
        ) as is_false_occupied,

        ----------  dates
        find_stale_start.date_day as interval_date,

        ----------  timestamps
        find_stale_start.event_at as interval_start_at,
        find_stale_start.interval_end_at
    from find_stale_start
    left join count_running_sessions
        on
            find_stale_start.charge_point_id = count_running_sessions.charge_point_id
            and find_stale_start.event_at = count_running_sessions.interval_start_at
    where find_stale_start.event_order = 1

)

select * from classify_intervals
