{#
    Type-2 history of the stations: one row per station version, valid on
    the days valid_from <= day < valid_to (valid_to NULL: in force).
    Versions are built by int_station_versions_tracked.
#}

with

station_versions as (

    select * from {{ ref('int_station_versions_tracked') }}

),

final as (

    select

        ----------  ids
        station_versions.station_version_id,
        station_versions.station_id,
        station_versions.operational_unit_code,
        station_versions.amenageur_siren,
        station_versions.commune_code,
        station_versions.pdl_number,

        ----------  strings
        station_versions.amenageur_name,
        station_versions.operator_name,
        station_versions.brand_name,
        station_versions.station_name,
        station_versions.station_implantation,
        station_versions.raccordement,
        station_versions.change_type,
        station_versions.end_reason,

        ----------  numerics
        station_versions.version_number,
        station_versions.charge_point_count,
        station_versions.valid_charge_point_count,
        station_versions.total_power_kw,

        ----------  booleans
        station_versions.is_dc,
        station_versions.is_current,

        ----------  dates
        station_versions.valid_from,
        station_versions.valid_to,
        station_versions.updated_date

    from station_versions

)

select * from final
