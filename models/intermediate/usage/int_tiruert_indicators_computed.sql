{{
    config(
        tags=['daily_partitioned'],
    )
}}

{#
    TIRUERT family indicators (docs/domain_rules.md §2.3), one row per
    indicator, level, target and local day of the session start, in the shape
    of fct_indicators_usage_daily (which unions the families):
      - c1 sessions and c2 energy (kWh) of the point-days with a session,
        published per operator (level 7);
      - tirue, the energy (MWh) of the sessions that raise no TIRUERT exclusion
        flag, published per aménageur SIREN (level 6). It is the total of
        fct_tiruert_energy_daily over the aménageur's stations, summed here from
        the same flagged sessions (an intermediate model does not read a mart);
        the micro-kWh integers summed are the same, so is the result. Its
        extras detail it per operational unit and station, as a JSON array
        of {entity, siren, code, id_station_itinerance, energy} (aménageur
        name of int_amenageurs_aggregated, SIREN, unit code, station id,
        MWh to 9 decimals: the Wh digits of the micro-kWh sums), ordered
        by unit and station: what a monthly declaration sums per station.
    Levels are those indicator_catalogue allows (int_indicator_levels_allowed).
#}

with

point_days as (

    select * from {{ ref('int_usage_point_days') }}

),

sessions as (

    select * from {{ ref('int_charging_sessions_flagged') }}

),

amenageurs as (

    select * from {{ ref('int_amenageurs_aggregated') }}

),

allowed_levels as (

    select * from {{ ref('int_indicator_levels_allowed') }}

),

list_point_levels as (

    select distinct allowed_levels.level
    from allowed_levels
    where allowed_levels.indicator_code in ('c1', 'c2')

),

list_session_levels as (

    select distinct allowed_levels.level
    from allowed_levels
    where allowed_levels.indicator_code = 'tirue'

),

sum_point_sessions as (

    select
        list_point_levels.level,
        {{ usage_level_target('list_point_levels.level', 'point_days') }} as target,
        point_days.date_day,
        sum(point_days.session_count) as session_count,
        {{ usage_exact_sum('point_days.energy_kwh', 6) }} as energy_kwh
    from point_days
    cross join list_point_levels
    where point_days.session_count > 0
    group by
        list_point_levels.level,
        target,
        point_days.date_day

),

sum_station_energy as (

    select
        list_session_levels.level,
        {{ usage_level_target('list_session_levels.level', 'sessions') }} as target,
        sessions.amenageur_siren,
        sessions.operational_unit_code,
        sessions.station_id,
        sessions.start_date,
        {{ usage_exact_sum('sessions.energy_kwh', 6) }} / 1000.0 as energy_mwh
    from sessions
    cross join list_session_levels
    where sessions.tiruert_exclusion_reason is null
    group by
        list_session_levels.level,
        target,
        sessions.amenageur_siren,
        sessions.operational_unit_code,
        sessions.station_id,
        sessions.start_date

),

{# one JSON object per station (a missing unit or station: an undeclared
   charge point) #}
format_station_details as (

    select
        sum_station_energy.level,
        sum_station_energy.target,
        sum_station_energy.start_date,
        sum_station_energy.operational_unit_code,
        sum_station_energy.station_id,
        sum_station_energy.energy_mwh,
        '{"entity": ' || {{ usage_json_string('amenageurs.amenageur_name') }}
        || ', "siren": ' || {{ usage_json_string('sum_station_energy.amenageur_siren') }}
        || ', "code": ' || {{ usage_json_string('sum_station_energy.operational_unit_code') }}
        || ', "id_station_itinerance": '
        || {{ usage_json_string('sum_station_energy.station_id') }}
        || ', "energy": ' || {{ usage_json_number('sum_station_energy.energy_mwh', 9) }}
        || '}' as station_json
    from sum_station_energy
    left join amenageurs
        on sum_station_energy.amenageur_siren = amenageurs.amenageur_siren

),

sum_eligible_energy as (

    select
        level,
        target,
        start_date,
        {# the stations' MWh are exact micro-kWh sums: summed again exactly #}
        {{ usage_exact_sum('energy_mwh', 9) }} as energy_mwh,
        '[' || string_agg(
            station_json, ', '
            order by operational_unit_code nulls last, station_id nulls last
        ) || ']' as extras
    from format_station_details
    group by level, target, start_date

),

compute_indicators as (

    select
        'c1' as indicator_code,
        level,
        target,
        date_day as period_start,
        cast(session_count as double precision) as value,
        cast(null as varchar) as extras
    from sum_point_sessions
    union all
    select
        'c2' as indicator_code,
        level,
        target,
        date_day as period_start,
        energy_kwh as value,
        cast(null as varchar) as extras
    from sum_point_sessions
    union all
    select
        'tirue' as indicator_code,
        level,
        target,
        start_date as period_start,
        energy_mwh as value,
        extras
    from sum_eligible_energy

),

final as (

    {{ usage_indicator_rows(with_category=false, with_ratio=false) }}

)

select * from final
