{#
    Type-2 history of the stations, from the stations in force on each
    snapshot date (int_station_snapshots_resolved): one row per station
    version, valid on the days valid_from <= day < valid_to (valid_to NULL:
    in force). The columns of dim_stations_history.
#}

{# A table, as int_charge_point_versions_tracked: heavy windows. #}
{{ config(materialized='table') }}

with

snapshots as (

    select * from {{ ref('int_station_snapshots_resolved') }}

),

{{ history_type2_ctes('snapshots', 'station_id', history_station_tracked_columns()) }},

final as (

    select
        ----------  ids
        cast(
            history_versioned.station_id || '|'
            || cast(history_versioned.version_number as varchar) as text
        ) as station_version_id,
        cast(history_versioned.station_id as text) as station_id,
        cast(history_versioned.operational_unit_code as text) as operational_unit_code,
        cast(history_versioned.amenageur_siren as text) as amenageur_siren,
        cast(history_versioned.commune_code as text) as commune_code,
        cast(history_versioned.pdl_number as text) as pdl_number,

        ----------  strings
        cast(history_versioned.amenageur_name as text) as amenageur_name,
        cast(history_versioned.operator_name as text) as operator_name,
        cast(history_versioned.brand_name as text) as brand_name,
        cast(history_versioned.station_name as text) as station_name,
        cast(history_versioned.station_implantation as text) as station_implantation,
        cast(history_versioned.raccordement as text) as raccordement,
        cast(history_versioned.change_type as text) as change_type,
        cast(history_versioned.end_reason as text) as end_reason,

        ----------  numerics
        history_versioned.version_number,
        history_versioned.charge_point_count,
        history_versioned.valid_charge_point_count,
        cast(history_versioned.total_power_kw as double precision) as total_power_kw,

        ----------  booleans
        history_versioned.is_dc,
        history_versioned.valid_to is null as is_current,

        ----------  dates
        history_versioned.valid_from,
        history_versioned.valid_to,
        history_versioned.updated_date
    from history_versioned

)

select * from final
