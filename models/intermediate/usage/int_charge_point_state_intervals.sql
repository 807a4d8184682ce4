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
    The state of every segment of int_charge_point_day_segments, which is
    one interval of the point's exact timeline (no sampling grid), by the
    state model of docs/domain_rules.md §2.5: occupied while a session runs;
    else not_activated before the point's activation instant of the day;
    else out_of_service when the latest explicit status (`inconnu` keeps the
    previous one) is hors_service; else free (no explicit status yet reads
    as en_service). A status older than var usage_status_lookback_days days
    is no longer carried, on a full and an incremental build alike.
    False free / false occupied: the latest declared occupancy says libre
    while a session runs, or occupe while none runs. Stale: the tail of
    the interval more than var usage_status_stale_after_hours after the
    latest explicit status or declared occupancy (all of it without one).
#}

with

segments as (

    select * from {{ ref('int_charge_point_day_segments') }}
    where {{ usage_day_filter('date_day') }}

),

{%- set window_start = usage_window_start_date() %}

statuses_in_window as (

    select * from {{ ref('int_charge_point_statuses_daily') }}
    where {{ usage_day_filter('status_date') }}

),

{# An incremental run carries into its first day only each point's latest
   explicit status and latest declared occupancy of the lookback days
   before it, read from the points' day-end statuses: the timeline needs
   nothing else from those days. A full build streams every status. #}
day_end_statuses as (

    select * from {{ ref('int_charge_point_day_end_statuses') }}
    {% if window_start -%}
        where
            status_date >= {{ window_start }} - {{ var('usage_status_lookback_days') }}
            and status_date < {{ window_start }}
    {%- else -%}
        where 1 = 0
    {%- endif %}

),

find_latest_before_window as (

    select
        day_end_statuses.charge_point_id,
        max(day_end_statuses.explicit_status_at) as explicit_status_at,
        max(day_end_statuses.occupancy_at) as occupancy_at
    from day_end_statuses
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
        day_end_statuses.charge_point_id,
        day_end_statuses.explicit_status_at as status_at,
        day_end_statuses.status_date,
        day_end_statuses.explicit_status as status,
        cast(null as varchar) as occupancy
    from day_end_statuses
    inner join find_latest_before_window
        on
            day_end_statuses.charge_point_id = find_latest_before_window.charge_point_id
            and day_end_statuses.explicit_status_at = find_latest_before_window.explicit_status_at

    union all

    select
        day_end_statuses.charge_point_id,
        day_end_statuses.occupancy_at as status_at,
        day_end_statuses.status_date,
        cast(null as varchar) as status,
        day_end_statuses.declared_occupancy as occupancy
    from day_end_statuses
    inner join find_latest_before_window
        on
            day_end_statuses.charge_point_id = find_latest_before_window.charge_point_id
            and day_end_statuses.occupancy_at = find_latest_before_window.occupancy_at

),

stream_events as (

    select
        segments.charge_point_id,
        segments.segment_start_at as event_at,
        1 as event_order,
        segments.date_day,
        segments.segment_end_at,
        segments.activated_at,
        segments.running_session_count,
        cast(null as date) as status_date,
        cast(null as varchar) as explicit_status,
        cast(null as varchar) as declared_occupancy
    from segments

    union all

    select
        statuses.charge_point_id,
        statuses.status_at as event_at,
        0 as event_order,
        cast(null as date) as date_day,
        cast(null as timestamp) as segment_end_at,
        cast(null as timestamp) as activated_at,
        cast(null as bigint) as running_session_count,
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

{# The latest status instant feeds the staleness; one older than the
   lookback is read on a full build only, and stale either way as the
   threshold is shorter than the lookback. #}
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
        end + interval '{{ var("usage_status_stale_after_hours") }} hour' as stale_from_at
    from carry_raw_states
    where carry_raw_states.event_order = 1

),

classify_intervals as (

    select
        ----------  ids
        carry_states.charge_point_id,

        ----------  strings
        case
            when carry_states.running_session_count > 0 then 'occupied'
            when
                carry_states.activated_at is null
                or carry_states.event_at < carry_states.activated_at
                then 'not_activated'
            when carry_states.current_explicit_status = 'hors_service' then 'out_of_service'
            else 'free'
        end as state,
        carry_states.current_explicit_status as explicit_status,
        carry_states.current_declared_occupancy as declared_occupancy,

        ----------  numerics
        carry_states.running_session_count,
        {{ irve_seconds_between('carry_states.event_at', 'carry_states.segment_end_at') }}
            as duration_seconds,
        {{ irve_seconds_between(
            'least(carry_states.segment_end_at, greatest(carry_states.event_at,'
            ~ ' coalesce(carry_states.stale_from_at, carry_states.event_at)))',
            'carry_states.segment_end_at'
        ) }} as stale_seconds,

        ----------  booleans
        (
            carry_states.running_session_count > 0
            and coalesce(carry_states.current_declared_occupancy, '') = 'libre'
        ) as is_false_free,
        (
            carry_states.running_session_count = 0
            and coalesce(carry_states.current_declared_occupancy, '') = 'occupe'
        ) as is_false_occupied,

        ----------  dates
        carry_states.date_day as interval_date,

        ----------  timestamps
        carry_states.event_at as interval_start_at,
        carry_states.segment_end_at as interval_end_at
    from carry_states

)

select * from classify_intervals
