{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='start_date',
        on_schema_change='fail',
        meta={'rebuilt_day_column': 'start_date'},
        tags=['daily_partitioned'],
    )
}}

{#
    Sessions left out of the TIRUERT energy, kept with their reason (the
    reference code archives them to S3 as ignored-<siren>.parquet).
    Incremental by local day, as the usage models it reads.
#}

with

sessions as (

    select * from {{ ref('int_charging_sessions_flagged') }}
    where {{ usage_day_filter('start_date') }}

),

final as (

    select
        ----------  ids
        sessions.charge_point_id,
        sessions.station_id,
        sessions.operational_unit_code,
        sessions.amenageur_siren,

        ----------  strings
        sessions.tiruert_exclusion_reason as exclusion_reason,
        sessions.feed,

        ----------  numerics
        sessions.energy_kwh,
        sessions.duration_seconds,
        sessions.power_kw,

        ----------  booleans
        sessions.is_negative_duration,
        sessions.is_energy_over_max,
        sessions.is_energy_excessive,
        sessions.is_energy_over_power,
        sessions.is_zero_duration_with_energy,
        sessions.is_overlapping,
        sessions.is_siren_invalid,

        ----------  dates
        sessions.start_date,

        ----------  timestamps
        sessions.start_at,
        sessions.end_at
    from sessions
    where sessions.tiruert_exclusion_reason is not null

)

select * from final
