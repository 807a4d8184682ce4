{#
    One row per charge point of the static IRVE data, with its station-level
    attributes (DC test, supply type) and its resolved location: the logic
    behind dim_charge_points, kept here so that intermediate models (usage)
    can read the charge points without reading a mart.
#}

with

charge_points as (

    select * from {{ ref('int_charge_points_located') }}

),

stations as (

    select * from {{ ref('int_stations_aggregated') }}

),

final as (

    select
        ----------  ids
        charge_points.charge_point_id,
        charge_points.station_id,
        charge_points.operational_unit_code,
        charge_points.amenageur_siren,
        charge_points.commune_code,
        charge_points.raw_commune_code,
        charge_points.department_code,
        charge_points.region_code,
        charge_points.epci_code,
        charge_points.pdl_number,

        ----------  strings
        charge_points.operator_name,
        charge_points.brand_name,
        charge_points.power_category_label,
        charge_points.raccordement,
        {{ supply_type(
            'stations.is_dc',
            'charge_points.raccordement',
            'charge_points.is_pdl_valid',
        ) }} as supply_type,
        charge_points.station_implantation,
        charge_points.source_dataset,

        ----------  numerics
        charge_points.power_kw,
        charge_points.power_category,

        ----------  booleans
        charge_points.is_located,
        charge_points.is_municipal_arrondissement,
        stations.is_dc,
        charge_points.is_dc_point,
        charge_points.is_direct_connection,
        charge_points.is_pdl_valid,
        charge_points.has_valid_charge_point_id,
        charge_points.has_matching_id_prefixes,

        ----------  dates
        charge_points.commissioned_date,
        charge_points.updated_date
    from charge_points
    inner join stations
        on charge_points.station_id = stations.station_id

)

select * from final
