{#
    Static charge points with the flags the quality rules read
    (docs/domain_rules.md §3.2): DC and DC-direct per charge point row, territory of
    the commune and whether the coordinates lie in it (the staging
    coordinates_territory, one point-in-polygon for the whole project), COG
    lookups of the commune code, SIREN validity, and whether the point's
    aménageur breaks "one name, one SIREN" anywhere in the static data
    (rule SIRU): names and SIRENs compare as staged (trimmed, empty =
    NULL; case and accents count, no other normalisation), NULLs are left
    out of the mapping (rules AMEM1, AMEM2 count them).
#}

with

charge_points as (

    select * from {{ ref('stg_irve__charge_points') }}

),

communes as (

    select * from {{ ref('stg_cog__communes') }}

),

sirens_with_several_names as (

    select charge_points.amenageur_siren
    from charge_points
    where charge_points.amenageur_siren is not null
    group by charge_points.amenageur_siren
    having count(distinct charge_points.amenageur_name) > 1

),

names_with_several_sirens as (

    select charge_points.amenageur_name
    from charge_points
    where charge_points.amenageur_name is not null
    group by charge_points.amenageur_name
    having count(distinct charge_points.amenageur_siren) > 1

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
        ) }} as is_dc,
        sirens_with_several_names.amenageur_siren is not null
            as has_siren_with_several_names,
        names_with_several_sirens.amenageur_name is not null
            as has_name_with_several_sirens
    from charge_points
    left join communes
        on charge_points.commune_code = communes.geo_code
    -- one row per SIREN and per name: the joins add no rows
    left join sirens_with_several_names
        on charge_points.amenageur_siren = sirens_with_several_names.amenageur_siren
    left join names_with_several_sirens
        on charge_points.amenageur_name = names_with_several_sirens.amenageur_name

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
        joined.has_siren_with_several_names,
        joined.has_name_with_several_sirens,
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
