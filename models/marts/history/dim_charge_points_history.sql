{#
    Type-2 history of the static charge points: one row per charge point
    version, valid on the days valid_from <= day < valid_to (valid_to NULL:
    in force). Versions are built by int_charge_point_versions_tracked,
    which the attribution periods read as well.
#}

with

charge_point_versions as (

    select * from {{ ref('int_charge_point_versions_tracked') }}

),

final as (

    select

        ----------  ids
        charge_point_versions.charge_point_version_id,
        charge_point_versions.charge_point_id,
        charge_point_versions.station_id,
        charge_point_versions.operational_unit_code,
        charge_point_versions.amenageur_siren,
        charge_point_versions.commune_code,
        charge_point_versions.pdl_number,

        ----------  strings
        charge_point_versions.amenageur_name,
        charge_point_versions.operator_name,
        charge_point_versions.brand_name,
        charge_point_versions.station_implantation,
        charge_point_versions.raccordement,
        charge_point_versions.change_type,
        charge_point_versions.end_reason,
        charge_point_versions.source_dataset,
        charge_point_versions.source_file,

        ----------  numerics
        charge_point_versions.version_number,
        charge_point_versions.station_charge_point_count,
        charge_point_versions.power_kw,
        charge_point_versions.longitude,
        charge_point_versions.latitude,

        ----------  booleans
        charge_point_versions.has_socket_ef,
        charge_point_versions.has_socket_type_2,
        charge_point_versions.has_socket_combo_ccs,
        charge_point_versions.has_socket_chademo,
        charge_point_versions.has_socket_other,
        charge_point_versions.has_valid_charge_point_id,
        charge_point_versions.is_current,

        ----------  dates
        charge_point_versions.valid_from,
        charge_point_versions.valid_to,
        charge_point_versions.commissioned_date,
        charge_point_versions.updated_date

    from charge_point_versions

)

select * from final
