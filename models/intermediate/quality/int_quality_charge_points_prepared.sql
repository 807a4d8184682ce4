{#
    Static charge points with the flags the quality rules read
    (docs/domain_rules.md §3.2): DC and DC-direct per charge point row, territory of
    the commune and whether the coordinates lie in it (the staging
    coordinates_territory, one point-in-polygon for the whole project), COG
    lookups of the commune code, SIREN validity.
#}

with

charge_points as (

    select * from {{ ref('stg_irve__charge_points') }}

),

communes as (

    select * from {{ ref('stg_cog__communes') }}

),

joined as (

    select
        charge_points.*,
        communes.geo_code is not null as is_known_commune,
        coalesce(communes.geo_type = 'arrondissement-municipal', false)
            as is_arrondissement,
        case
            when communes.geo_code is not null
                then {{ quality_territory('charge_points.commune_code') }}
        end as territory,
        {{ is_dc_charge_point(
            'charge_points.power_kw',
            'charge_points.has_socket_combo_ccs',
            'charge_points.has_socket_chademo'
        ) }} as is_dc
    from charge_points
    left join communes
        on charge_points.commune_code = communes.geo_code

),

flagged as (

    select
        ----------  ids
        joined.charge_point_id,
        joined.station_id,
        joined.operational_unit_code,
        joined.amenageur_siren,
        joined.commune_code,
        joined.pdl_number,

        ----------  strings
        joined.amenageur_name,
        joined.amenageur_contact,
        joined.operator_name,
        joined.operator_phone,
        joined.station_address,
        joined.coordinates_text,
        joined.raccordement,
        joined.territory,
        joined.coordinates_territory,

        ----------  numerics
        joined.power_kw,
        joined.longitude,
        joined.latitude,
        joined.station_charge_point_count,

        ----------  booleans
        joined.has_matching_id_prefixes,
        joined.is_known_commune,
        joined.is_arrondissement,
        joined.is_dc,
        joined.is_dc
        and coalesce(joined.raccordement = 'Direct', true) as is_dc_direct,
        {{ is_siren_valid('joined.amenageur_siren') }} as is_siren_valid,
        {# Any territory when the commune is unknown. #}
        coalesce(
            joined.coordinates_territory = coalesce(joined.territory, joined.coordinates_territory),
            false
        ) as is_inside_territory
    from joined

)

select * from flagged
