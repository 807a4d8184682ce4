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
    Time spent in each state by every charge point with a timeline on a
    local day, summed from the exact intervals, with its lifecycle state
    (docs/domain_rules.md §2.5: declared = no session yet; activated = a session
    started within the last var usage_deactivation_months; deactivated =
    sessions before, none within that month) and whether it is in
    operation (≥ 1 status that day, the u12 definition).
    Only point-days with activated time (a timeline whose point is activated
    at some instant of the day) enter the quality-of-service aggregates
    (is_qos_scope); their time before activation is not_activated_seconds,
    unavailable. status_available_seconds is what the statuses alone say
    (not hors_service, or a session running), whatever the lifecycle: the
    status-only availability of points in operation.
    For the status reliability: the false occupied time within activated
    time (where sessions are known, so a missing session means a free
    point), and the time whose latest status is stale.
#}

with

intervals as (

    select * from {{ ref('int_charge_point_state_intervals') }}
    where {{ usage_day_filter('interval_date') }}

),

statuses as (

    select * from {{ ref('int_charge_point_statuses_daily') }}
    where {{ usage_day_filter('status_date') }}

),

sessions as (

    select * from {{ ref('int_charging_sessions_daily') }}

),

dates as (

    select * from {{ ref('int_dates_enriched') }}

),

sum_states as (

    select
        intervals.charge_point_id,
        intervals.interval_date as state_date,
        sum(intervals.duration_seconds) as timeline_seconds,
        sum(case when intervals.state = 'free' then intervals.duration_seconds else 0 end)
            as free_seconds,
        sum(case when intervals.state = 'occupied' then intervals.duration_seconds else 0 end)
            as occupied_seconds,
        sum(
            case when intervals.state = 'out_of_service' then intervals.duration_seconds else 0 end
        ) as out_of_service_seconds,
        sum(
            case when intervals.state = 'not_activated' then intervals.duration_seconds else 0 end
        ) as not_activated_seconds,
        sum(
            case
                when
                    intervals.running_session_count > 0
                    or coalesce(intervals.explicit_status, '') <> 'hors_service'
                    then intervals.duration_seconds
                else 0
            end
        ) as status_available_seconds,
        sum(case when intervals.is_false_free then intervals.duration_seconds else 0 end)
            as false_free_seconds,
        sum(case when intervals.is_false_occupied then intervals.duration_seconds else 0 end)
            as false_occupied_seconds,
        sum(
            case
                when intervals.is_false_occupied and intervals.state <> 'not_activated'
                    then intervals.duration_seconds
                else 0
            end
        ) as activated_false_occupied_seconds,
        sum(intervals.stale_seconds) as stale_status_seconds,
        sum(
            case
                when intervals.declared_occupancy = 'libre' then intervals.duration_seconds else 0
            end
        ) as declared_free_seconds,
        sum(
            case
                when intervals.declared_occupancy = 'occupe' then intervals.duration_seconds else 0
            end
        ) as declared_occupied_seconds,
        count(*) as interval_count
    from intervals
    group by 1, 2

),

count_statuses as (

    select
        statuses.charge_point_id,
        statuses.status_date,
        count(*) as status_count
    from statuses
    group by 1, 2

),

find_session_history as (

    select
        sum_states.charge_point_id,
        sum_states.state_date,
        min(sessions.start_date) as first_session_date,
        max(sessions.start_date) as last_session_date,
        sum(case when sessions.start_date = sum_states.state_date then 1 else 0 end)
            as session_start_count
    from sum_states
    inner join sessions
        on
            sum_states.charge_point_id = sessions.charge_point_id
            and sum_states.state_date >= sessions.start_date
    group by 1, 2

),

add_lifecycle as (

    select
        ----------  ids
        sum_states.charge_point_id,

        ----------  strings
        case
            when find_session_history.first_session_date is null then 'declared'
            when
                find_session_history.last_session_date > cast(
                    sum_states.state_date
                    - interval '{{ var("usage_deactivation_months") }} month' as date
                )
                then 'activated'
            else 'deactivated'
        end as lifecycle_state,

        ----------  numerics
        cast(dates.hours_in_day * 3600 as double precision) as day_seconds,
        {{ wattlas_round_sum('sum_states.timeline_seconds', 6) }} as timeline_seconds,
        {{ wattlas_round_sum('sum_states.free_seconds', 6) }} as free_seconds,
        {{ wattlas_round_sum('sum_states.occupied_seconds', 6) }} as occupied_seconds,
        {{ wattlas_round_sum('sum_states.out_of_service_seconds', 6) }} as out_of_service_seconds,
        {{ wattlas_round_sum('sum_states.not_activated_seconds', 6) }} as not_activated_seconds,
        {{ wattlas_round_sum('sum_states.status_available_seconds', 6) }}
            as status_available_seconds,
        {{ wattlas_round_sum('sum_states.false_free_seconds', 6) }} as false_free_seconds,
        {{ wattlas_round_sum('sum_states.false_occupied_seconds', 6) }} as false_occupied_seconds,
        {{ wattlas_round_sum('sum_states.activated_false_occupied_seconds', 6) }}
            as activated_false_occupied_seconds,
        {{ wattlas_round_sum('sum_states.stale_status_seconds', 6) }} as stale_status_seconds,
        {{ wattlas_round_sum('sum_states.declared_free_seconds', 6) }} as declared_free_seconds,
        {{ wattlas_round_sum('sum_states.declared_occupied_seconds') }}
            as declared_occupied_seconds,
        sum_states.interval_count,
        coalesce(count_statuses.status_count, 0) as status_count,
        coalesce(find_session_history.session_start_count, 0) as session_start_count,

        ----------  booleans
        coalesce(count_statuses.status_count, 0) > 0 as is_in_operation,

        ----------  dates
        sum_states.state_date,
        find_session_history.first_session_date,
        find_session_history.last_session_date
    from sum_states
    inner join dates
        on sum_states.state_date = dates.date_day
    left join count_statuses
        on
            sum_states.charge_point_id = count_statuses.charge_point_id
            and sum_states.state_date = count_statuses.status_date
    left join find_session_history
        on
            sum_states.charge_point_id = find_session_history.charge_point_id
            and sum_states.state_date = find_session_history.state_date

),

final as (

    select
        add_lifecycle.*,
        add_lifecycle.not_activated_seconds < add_lifecycle.timeline_seconds as is_qos_scope
    from add_lifecycle

)

select * from final
