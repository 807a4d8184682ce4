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
    Additive daily facts of every charge point and local day, the base of
    the usage indicators: state times of every point with a timeline (the
    quality-of-service scope, points activated that day, is flagged), and the sessions that start that day
    (count, successful, duration, energy, u14-eligible energy, and the
    sessions a physical exclusion flag sets aside), the sessions running that
    day pro-rated to it (the share of each session's duration spent in the
    day: hours, energy, and the energy of the sessions without a physical
    exclusion flag, the load-factor numerator), with the
    point's attributes from int_charge_points_enriched (NULL for a point missing
    from it: such rows count at the national level only), except operator,
    operational unit and aménageur: those of the point's version valid that
    day (int_charge_point_attribution_periods), so a network that moved to
    another operator keeps its past days under the former one.
#}

with

states as (

    select * from {{ ref('int_charge_point_states_daily') }}
    where {{ usage_day_filter('state_date') }}

),

sessions as (

    select * from {{ ref('int_charging_sessions_flagged') }}
    where {{ usage_day_filter('start_date') }}

),

running_sessions as (

    select * from {{ ref('int_charging_sessions_flagged') }}
    where {{ usage_day_filter('start_date', var('usage_max_session_days')) }}

),

charge_points as (

    select * from {{ ref('int_charge_points_enriched') }}

),

periods as (

    select * from {{ ref('int_charge_point_attribution_periods') }}

),

dates as (

    select * from {{ ref('int_dates_enriched') }}

),

sum_sessions as (

    select
        sessions.charge_point_id,
        sessions.start_date as date_day,
        count(*) as session_count,
        sum(case when sessions.is_successful then 1 else 0 end) as successful_session_count,
        {{ usage_exact_sum('sessions.duration_hours') }} as session_hours,
        {{ usage_exact_sum('sessions.energy_kwh', 6) }} as energy_kwh,
        {{ usage_exact_sum(
            'case when sessions.is_u14_eligible then sessions.energy_kwh else 0 end', 6
        ) }}
            as u14_energy_kwh,
        sum(case when {{ usage_is_physically_excluded('sessions') }} then 1 else 0 end)
            as excluded_session_count,
        {{ usage_exact_sum(
            'case when ' ~ usage_is_physically_excluded('sessions')
            ~ ' then sessions.energy_kwh else 0 end', 6
        ) }} as excluded_energy_kwh
    from sessions
    group by 1, 2

),

{# each session on every local day it runs through; a session with no
   positive duration stays whole on its start day. The day offsets are one
   range condition (greatest(days, 0)), not "<= days or = 0": an OR makes
   the engines pair every session with every offset, a nested loop. #}
split_running_sessions as (

    select
        running_sessions.charge_point_id,
        dates.date_day,
        running_sessions.energy_kwh,
        {{ usage_is_physically_excluded('running_sessions') }} as is_excluded,
        case
            when running_sessions.end_at > running_sessions.start_at
                then {{ irve_seconds_between(
                    'greatest(running_sessions.start_at, dates.day_start_at)',
                    'least(running_sessions.end_at, dates.day_end_at)'
                ) }}
            else 0
        end as day_seconds_run,
        case
            when running_sessions.end_at > running_sessions.start_at
                then {{ irve_seconds_between(
                    'greatest(running_sessions.start_at, dates.day_start_at)',
                    'least(running_sessions.end_at, dates.day_end_at)'
                ) }} / running_sessions.duration_seconds
            else 1.0
        end as day_share
    from running_sessions
    inner join {{ usage_hour_indexes() }} as day_offsets
        on
            day_offsets.hour_index
            <= greatest(coalesce(
                {{ utc_to_local_date('running_sessions.end_at') }} - running_sessions.start_date,
                0
            ), 0)
    inner join dates
        on dates.date_day = running_sessions.start_date + day_offsets.hour_index
    where
        {{ usage_day_filter('dates.date_day') }}
        and (
            dates.date_day = running_sessions.start_date
            or dates.day_start_at < running_sessions.end_at
        )

),

sum_prorated_sessions as (

    select
        split_running_sessions.charge_point_id,
        split_running_sessions.date_day,
        {{ usage_exact_sum('split_running_sessions.day_seconds_run / 3600.0') }}
            as prorated_session_hours,
        {{ usage_exact_sum(
            'split_running_sessions.energy_kwh * split_running_sessions.day_share', 6
        ) }} as prorated_energy_kwh,
        {{ usage_exact_sum(
            'case when split_running_sessions.is_excluded then 0'
            ~ ' else split_running_sessions.energy_kwh * split_running_sessions.day_share end', 6
        ) }} as load_energy_kwh
    from split_running_sessions
    group by 1, 2

),

list_point_days as (

    select
        states.charge_point_id,
        states.state_date as date_day
    from states
    union
    select
        sum_sessions.charge_point_id,
        sum_sessions.date_day
    from sum_sessions
    union
    select
        sum_prorated_sessions.charge_point_id,
        sum_prorated_sessions.date_day
    from sum_prorated_sessions

),

joined as (

    select
        ----------  ids
        list_point_days.charge_point_id,
        charge_points.station_id,
        {{ usage_attributed('operational_unit_code') }} as operational_unit_code,
        {{ usage_attributed('amenageur_siren') }} as amenageur_siren,
        charge_points.region_code,
        charge_points.department_code,
        charge_points.epci_code,
        charge_points.commune_code,

        ----------  strings
        {{ usage_attributed('operator_name') }} as operator_name,
        charge_points.power_category_label,
        charge_points.supply_type,
        states.lifecycle_state,

        ----------  numerics
        charge_points.power_category,
        charge_points.power_kw,
        cast(dates.hours_in_day * 3600 as double precision) as day_seconds,
        coalesce(states.free_seconds, 0) as free_seconds,
        coalesce(states.occupied_seconds, 0) as occupied_seconds,
        coalesce(states.out_of_service_seconds, 0) as out_of_service_seconds,
        coalesce(states.not_activated_seconds, 0) as not_activated_seconds,
        coalesce(states.status_available_seconds, 0) as status_available_seconds,
        coalesce(states.false_free_seconds, 0) as false_free_seconds,
        coalesce(states.false_occupied_seconds, 0) as false_occupied_seconds,
        coalesce(states.activated_false_occupied_seconds, 0) as activated_false_occupied_seconds,
        coalesce(states.stale_status_seconds, 0) as stale_status_seconds,
        coalesce(states.declared_free_seconds, 0) as declared_free_seconds,
        coalesce(states.declared_occupied_seconds, 0) as declared_occupied_seconds,
        coalesce(sum_sessions.session_count, 0) as session_count,
        coalesce(sum_sessions.successful_session_count, 0) as successful_session_count,
        {{ wattlas_round_sum('coalesce(sum_sessions.session_hours, 0)', 9) }} as session_hours,
        {{ wattlas_round_sum('coalesce(sum_sessions.energy_kwh, 0)', 6) }} as energy_kwh,
        {{ wattlas_round_sum('coalesce(sum_sessions.u14_energy_kwh, 0)', 6) }} as u14_energy_kwh,
        coalesce(sum_sessions.excluded_session_count, 0) as excluded_session_count,
        {{ wattlas_round_sum('coalesce(sum_sessions.excluded_energy_kwh, 0)', 6) }}
            as excluded_energy_kwh,
        {{ wattlas_round_sum('coalesce(sum_prorated_sessions.prorated_session_hours, 0)', 9) }}
            as prorated_session_hours,
        {{ wattlas_round_sum('coalesce(sum_prorated_sessions.prorated_energy_kwh, 0)', 6) }}
            as prorated_energy_kwh,
        {{ wattlas_round_sum('coalesce(sum_prorated_sessions.load_energy_kwh, 0)', 6) }}
            as load_energy_kwh,

        ----------  booleans
        coalesce(states.is_qos_scope, false) as is_qos_scope,
        coalesce(states.is_in_operation, false) as is_in_operation,
        (charge_points.charge_point_id is not null) as is_declared,

        ----------  dates
        list_point_days.date_day
    from list_point_days
    inner join dates
        on list_point_days.date_day = dates.date_day
    left join states
        on
            list_point_days.charge_point_id = states.charge_point_id
            and list_point_days.date_day = states.state_date
    left join sum_sessions
        on
            list_point_days.charge_point_id = sum_sessions.charge_point_id
            and list_point_days.date_day = sum_sessions.date_day
    left join sum_prorated_sessions
        on
            list_point_days.charge_point_id = sum_prorated_sessions.charge_point_id
            and list_point_days.date_day = sum_prorated_sessions.date_day
    left join charge_points
        on list_point_days.charge_point_id = charge_points.charge_point_id
    left join periods
        on {{ usage_period_covers('list_point_days.charge_point_id', 'list_point_days.date_day') }}

)

select * from joined
