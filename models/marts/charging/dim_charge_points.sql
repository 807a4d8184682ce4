{#
    Charge point dimension: one row per charge point of the static IRVE
    data. The attributes are derived in int_charge_points_enriched (which
    the usage models read too); this mart publishes them under its contract.
#}

with

charge_points_enriched as (

    select * from {{ ref('int_charge_points_enriched') }}

),

final as (

    select

        ----------  ids
        charge_points_enriched.charge_point_id,
        charge_points_enriched.station_id,
        charge_points_enriched.operational_unit_code,
        charge_points_enriched.amenageur_siren,
        charge_points_enriched.commune_code,
        charge_points_enriched.raw_commune_code,
        charge_points_enriched.department_code,
        charge_points_enriched.region_code,
        charge_points_enriched.epci_code,
        charge_points_enriched.pdl_number,

        ----------  strings
        charge_points_enriched.operator_name,
        charge_points_enriched.brand_name,
        charge_points_enriched.power_category_label,
        charge_points_enriched.raccordement,
        charge_points_enriched.supply_type,
        charge_points_enriched.station_implantation,
        charge_points_enriched.source_dataset,

        ----------  numerics
        charge_points_enriched.power_kw,
        charge_points_enriched.power_category,

        ----------  booleans
        charge_points_enriched.is_located,
        charge_points_enriched.is_municipal_arrondissement,
        charge_points_enriched.is_dc,
        charge_points_enriched.is_dc_point,
        charge_points_enriched.is_direct_connection,
        charge_points_enriched.is_pdl_valid,
        charge_points_enriched.has_valid_charge_point_id,
        charge_points_enriched.has_matching_id_prefixes,

        ----------  dates
        charge_points_enriched.commissioned_date,
        charge_points_enriched.updated_date

    from charge_points_enriched

)

select * from final
