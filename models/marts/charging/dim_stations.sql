{#
    Station dimension, one row per id_station_itinerance (from
    int_stations_aggregated).
#}

with

stations as (

    select * from {{ ref('int_stations_aggregated') }}

),

final as (

    select
        ----------  ids
        stations.station_id,
        stations.operational_unit_code,
        stations.amenageur_siren,
        stations.commune_code,
        stations.raw_commune_code,
        stations.department_code,
        stations.region_code,
        stations.epci_code,
        stations.pdl_number,

        ----------  strings
        stations.station_name,
        stations.operator_name,
        stations.brand_name,
        stations.amenageur_name,
        stations.station_implantation,
        stations.station_address,
        stations.access_condition,
        stations.raccordement,
        stations.supply_type,

        ----------  numerics
        cast(stations.charge_point_count as integer) as charge_point_count,
        stations.declared_charge_point_count,
        stations.total_power_kw,
        stations.max_power_kw,
        stations.longitude,
        stations.latitude,

        ----------  booleans
        stations.is_located,
        stations.is_dc,
        stations.is_direct_connection,
        stations.is_pdl_valid,
        stations.commune_count > 1 as has_several_communes,

        ----------  dates
        stations.commissioned_date,
        stations.updated_date
    from stations

)

select * from final
