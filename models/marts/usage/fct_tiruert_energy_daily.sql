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
    TIRUERT energy (docs/domain_rules.md §2.3 tirue) per aménageur SIREN, operational
    unit, station and local start day, in MWh, from the sessions that raise
    no exclusion flag (int_charging_sessions_flagged); the excluded ones are
    in fct_tiruert_sessions_excluded. Monthly CarbuRe submissions sum these
    rows over the month.
    Incremental by local day, as the usage models it reads.
#}

with

sessions as (

    select * from {{ ref('int_charging_sessions_flagged') }}
    where {{ usage_day_filter('start_date') }}

),

aggregated as (

    select
        ----------  ids
        sessions.amenageur_siren,
        sessions.operational_unit_code,
        sessions.station_id,

        ----------  strings
        min(sessions.operator_name) as operator_name,

        ----------  numerics
        count(*) as session_count,
        {{ usage_exact_sum('sessions.energy_kwh', 6) }} / 1000.0 as energy_mwh,

        ----------  dates
        sessions.start_date
    from sessions
    where sessions.tiruert_exclusion_reason is null
    group by 1, 2, 3, 7

)

select * from aggregated
