{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='start_date',
        on_schema_change='append_new_columns',
        meta={'rebuilt_day_column': 'start_date'},
        tags=['daily_partitioned'],
    )
}}

{#
    Every kept charging session with its charge point's attributes and the
    flags of the session-based indicators. Operator, operational unit and
    aménageur are those of the point's version valid at the session's start
    (int_charge_point_attribution_periods), else today's (int_charge_points_enriched,
    for a point absent from the history or removed since); power, station
    and location are today's.
      - is_successful (u11): energy > var usage_success_min_energy_kwh and
        duration > var usage_success_min_duration_minutes (strict);
      - is_u14_eligible: energy < var tiruert_power_margin × power × hours
        (zero-duration sessions are never eligible, docs/domain_rules.md §2.3 u14);
      - TIRUERT exclusion flags (docs/domain_rules.md §2.3 tirue): NEGS end < start,
        ENEU energy > var tiruert_max_energy_kwh, ENEX energy > that max and
        > var tiruert_enex_power_factor × power × hours, ENEA energy > margin
        × power × hours, ODUS zero duration and energy >
        var tiruert_odus_min_energy_kwh (the intended rule; the reference
        code tests a negative duration), OVER start before the end of the
        previous session of the same point (ordered by start, end), SIRE
        aménageur SIREN missing or not 9 digits. Exact duplicates are
        already removed by the canonical dedup of staging (counted in
        duplicate_count). tiruert_exclusion_reason = the first flag raised
        in the order NEGS, ENEX, ENEU, ENEA, ODUS, OVER, SIRE, NULL for an eligible session.
    Incremental by start day over the reprocessing window, like
    int_charging_sessions_daily; the previous session of a point (OVER) is
    looked up to var usage_overlap_lookback_days before the window.
#}

with

sessions as (

    select * from {{ ref('int_charging_sessions_daily') }}
    where
        {{ usage_day_filter('start_date', lookback_days=var('usage_overlap_lookback_days')
        ) }}

),

charge_points as (

    select * from {{ ref('int_charge_points_enriched') }}

),

periods as (

    select * from {{ ref('int_charge_point_attribution_periods') }}

),

find_previous as (

    select
        sessions.*,
        lag(sessions.end_at) over (
            partition by sessions.charge_point_id
            order by sessions.start_at, sessions.end_at
        ) as previous_end_at
    from sessions

),

joined as (

    select
        ----------  ids
        find_previous.charge_point_id,
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
        find_previous.feed,
        find_previous.operator_slug,

        ----------  numerics
        charge_points.power_category,
        charge_points.power_kw,
        find_previous.energy_kwh,
        find_previous.duration_seconds,
        find_previous.duration_seconds / 3600.0 as duration_hours,
        find_previous.duplicate_count,
        cast(
            extract(hour from {{ utc_to_local('find_previous.start_at') }}) as integer
        ) as start_local_hour,

        ----------  booleans
        (charge_points.charge_point_id is not null) as is_declared,
        (
            find_previous.energy_kwh > {{ var('usage_success_min_energy_kwh') }}
            and find_previous.duration_seconds
            > {{ var('usage_success_min_duration_minutes') }} * 60
        ) as is_successful,
        coalesce(
            find_previous.energy_kwh < {{ var('tiruert_power_margin') }}
            * charge_points.power_kw * find_previous.duration_seconds / 3600.0,
            false
        ) as is_u14_eligible,
        (find_previous.end_at < find_previous.start_at) as is_negative_duration,
        (find_previous.energy_kwh > {{ var('tiruert_max_energy_kwh') }}) as is_energy_over_max,
        coalesce(
            find_previous.energy_kwh > {{ var('tiruert_max_energy_kwh') }}
            and find_previous.energy_kwh > {{ var('tiruert_enex_power_factor') }}
            * charge_points.power_kw * find_previous.duration_seconds / 3600.0,
            false
        ) as is_energy_excessive,
        coalesce(
            find_previous.energy_kwh > {{ var('tiruert_power_margin') }}
            * charge_points.power_kw * find_previous.duration_seconds / 3600.0,
            false
        ) as is_energy_over_power,
        (
            find_previous.duration_seconds = 0
            and find_previous.energy_kwh > {{ var('tiruert_odus_min_energy_kwh') }}
        ) as is_zero_duration_with_energy,
        coalesce(find_previous.start_at < find_previous.previous_end_at, false) as is_overlapping,
        not coalesce(
            {{ wattlas_regex_matches(usage_attributed('amenageur_siren'), '^[0-9]{9}$') }}, false
        ) as is_siren_invalid,

        ----------  dates
        find_previous.start_date,

        ----------  timestamps
        find_previous.start_at,
        find_previous.end_at
    from find_previous
    left join charge_points
        on find_previous.charge_point_id = charge_points.charge_point_id
    left join periods
        on {{ usage_period_covers('find_previous.charge_point_id', 'find_previous.start_date') }}

),

final as (

    select
        joined.*,
        case
            when joined.is_negative_duration then 'NEGS'
            when joined.is_energy_excessive then 'ENEX'
            when joined.is_energy_over_max then 'ENEU'
            when joined.is_energy_over_power then 'ENEA'
            when joined.is_zero_duration_with_energy then 'ODUS'
            when joined.is_overlapping then 'OVER'
            when joined.is_siren_invalid then 'SIRE'
        end as tiruert_exclusion_reason
    from joined
    where {{ usage_day_filter('joined.start_date') }}

)

select * from final
