{#
    Static charge points with their location resolved through the COG code
    table (arrondissements attached to their parent commune), the power
    category, the point-level DC test and the PDL test.
#}

with

charge_points as (

    select * from {{ ref('stg_irve__charge_points') }}
    {# Implausible lines count in the quality rules, never in an indicator. #}
    where implausible_reason is null

),

commune_codes as (

    select * from {{ ref('int_commune_codes_mapped') }}

),

communes as (

    select * from {{ ref('int_communes_enriched') }}

),

located as (

    select
        ----------  ids
        charge_points.charge_point_id,
        charge_points.station_id,
        charge_points.operational_unit_code,
        charge_points.amenageur_siren,
        communes.commune_code,
        charge_points.commune_code as raw_commune_code,
        communes.department_code,
        communes.region_code,
        communes.epci_code,
        charge_points.pdl_number,

        ----------  strings
        charge_points.amenageur_name,
        charge_points.operator_name,
        charge_points.brand_name,
        charge_points.station_name,
        charge_points.station_implantation,
        charge_points.station_address,
        charge_points.access_condition,
        charge_points.raccordement,
        charge_points.source_dataset,
        communes.zone,
        {{ power_category_label('charge_points.power_kw') }} as power_category_label,

        ----------  numerics
        charge_points.power_kw,
        {{ power_category('charge_points.power_kw') }} as power_category,
        charge_points.longitude,
        charge_points.latitude,
        charge_points.station_charge_point_count,
        charge_points.duplicate_count,

        ----------  booleans
        communes.commune_code is not null as is_located,
        coalesce(commune_codes.is_municipal_arrondissement, false)
            as is_municipal_arrondissement,
        charge_points.has_socket_combo_ccs,
        charge_points.has_socket_chademo,
        {{ is_dc_charge_point(
            'charge_points.power_kw',
            'charge_points.has_socket_combo_ccs',
            'charge_points.has_socket_chademo',
        ) }} as is_dc_point,
        coalesce(charge_points.raccordement = 'Direct', false) as is_direct_connection,
        {{ is_pdl_valid('charge_points.pdl_number') }} as is_pdl_valid,
        {{ wattlas_regex_matches(
            'charge_points.charge_point_id', '^[A-Z]{2}[A-Z0-9]{4,33}$'
        ) }} as has_valid_charge_point_id,
        charge_points.has_matching_id_prefixes,

        ----------  dates
        charge_points.commissioned_date,
        charge_points.updated_date
    from charge_points
    left join commune_codes
        on charge_points.commune_code = commune_codes.geo_code
    left join communes
        on commune_codes.commune_code = communes.commune_code

)

select * from located
