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
    One row per charge point and local day that gets a state timeline
    (int_charge_point_state_intervals), with the reasons: the point sent a
    status that day, had a session running that day, or is activated
    (docs/domain_rules.md §2.5: a session started within the last var
    usage_deactivation_months) on a day with session data (a session of any
    point started that day). A declared point without status, or a
    deactivated one, gets no timeline. The day's UTC bounds
    [day_start_at, day_end_at) come along, for the timeline to cut.

    activated_at is the instant from which the point is activated that
    day: the day's start when a session started within the month before the
    day, else the start of its first session of the day (a first session
    activates the point, and reactivates a deactivated one); NULL when it is
    not activated that day. Deactivation takes effect at the start of the
    first day a whole calendar month after the last session day.
#}

with

sessions as (

    select * from {{ ref('int_charging_sessions_daily') }}
    where
        {{ usage_day_filter('start_date', var('usage_max_session_days')) }}

),

activation_sessions as (

    select * from {{ ref('int_charging_sessions_daily') }}
    where
        {{ usage_day_filter('start_date',
            31 * var('usage_deactivation_months')) }}

),

statuses as (

    select * from {{ ref('int_charge_point_statuses_daily') }}
    where {{ usage_day_filter('status_date') }}

),

dates as (

    select * from {{ ref('int_dates_enriched') }}
    where {{ usage_day_filter('date_day') }}

),

list_status_point_days as (

    select distinct
        statuses.charge_point_id,
        statuses.status_date as date_day
    from statuses

),

list_session_point_days as (

    select distinct
        sessions.charge_point_id,
        dates.date_day
    from sessions
    inner join {{ usage_hour_indexes() }} as day_offsets
        on day_offsets.hour_index <= sessions.end_date - sessions.start_date
    inner join dates
        on dates.date_day = sessions.start_date + day_offsets.hour_index
    where
        dates.date_day = sessions.start_date
        or dates.day_start_at < sessions.end_at

),

list_session_days as (

    {# the days built, not the lookback: activation looks back from them #}
    select distinct activation_sessions.start_date as date_day
    from activation_sessions
    where {{ usage_day_filter('activation_sessions.start_date') }}

),

list_point_start_days as (

    select
        activation_sessions.charge_point_id,
        activation_sessions.start_date,
        min(activation_sessions.start_at) as first_start_at
    from activation_sessions
    group by 1, 2

),

list_activated_point_days as (

    select
        list_point_start_days.charge_point_id,
        list_session_days.date_day,
        max(
            case
                when list_point_start_days.start_date < list_session_days.date_day then 1 else 0
            end
        ) = 1 as is_activated_at_day_start,
        min(
            case
                when list_point_start_days.start_date = list_session_days.date_day
                    then list_point_start_days.first_start_at
            end
        ) as first_start_at
    from list_point_start_days
    inner join list_session_days
        on
            list_point_start_days.start_date <= list_session_days.date_day
            and list_point_start_days.start_date > cast(
                list_session_days.date_day
                - interval '{{ var("usage_deactivation_months") }} month' as date
            )
    group by 1, 2

),

union_reasons as (

    select
        list_status_point_days.charge_point_id,
        list_status_point_days.date_day,
        1 as has_status,
        0 as has_running_session,
        0 as is_activated,
        cast(null as timestamp) as activated_at
    from list_status_point_days

    union all

    select
        list_session_point_days.charge_point_id,
        list_session_point_days.date_day,
        0 as has_status,
        1 as has_running_session,
        0 as is_activated,
        cast(null as timestamp) as activated_at
    from list_session_point_days

    union all

    select
        list_activated_point_days.charge_point_id,
        list_activated_point_days.date_day,
        0 as has_status,
        0 as has_running_session,
        1 as is_activated,
        case
            when list_activated_point_days.is_activated_at_day_start then dates.day_start_at
            else list_activated_point_days.first_start_at
        end as activated_at
    from list_activated_point_days
    inner join dates
        on list_activated_point_days.date_day = dates.date_day

),

collapse_reasons as (

    select
        union_reasons.charge_point_id,
        union_reasons.date_day,
        max(union_reasons.has_status) = 1 as has_status,
        max(union_reasons.has_running_session) = 1 as has_running_session,
        max(union_reasons.is_activated) = 1 as is_activated,
        min(union_reasons.activated_at) as activated_at
    from union_reasons
    group by 1, 2

),

final as (

    select
        ----------  ids
        collapse_reasons.charge_point_id,

        ----------  booleans
        collapse_reasons.has_status,
        collapse_reasons.has_running_session,
        collapse_reasons.is_activated,

        ----------  dates
        dates.date_day,

        ----------  timestamps
        collapse_reasons.activated_at,
        dates.day_start_at,
        dates.day_end_at
    from collapse_reasons
    inner join dates
        on collapse_reasons.date_day = dates.date_day

)

select * from final
