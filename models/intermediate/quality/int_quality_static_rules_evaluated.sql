{#
    Static rules of docs/domain_rules.md §3.2 (plus the documented-but-missing rules
    48, 54 and "aménageur par unité d'exploitation", and the a-priori checks
    behind the sample's known defects) on the current static snapshot.
    One row per rule × operational unit: checked_rows, offending_rows,
    value (the count, or the ratio for ratio rules).
#}

{# (rule code, checked rows, offending rows, value expression); value NULL
    means the offending count itself. #}
{%- set rules = [
    ('POWL', 'charge_point_rows', 'powl', none),
    ('POWU', 'charge_point_rows', 'powu', none),
    ('AMEM1', 'charge_point_rows', 'amem1', none),
    ('AMEM2', 'charge_point_rows', 'amem2', none),
    ('AMEM3', 'charge_point_rows', 'amem3', none),
    ('SIRI', 'identity_count', 'siri', none),
    ('OPEM1', 'charge_point_rows', 'opem1', none),
    ('OPEM2', 'charge_point_rows', 'opem2', none),
    ('CRDF', 'station_count', 'crdf', none),
    ('AFIP', 'charge_point_rows', 'afip', none),
    ('AFIE', 'charge_point_rows', 'afie', none),
    ('PDCM', 'station_count', 'pdcm', quality_ratio('units.pdcm', 'units.station_count')),
    ('PDCL', 'station_count', 'pdcl', none),
    ('INSE', 'code_count', 'inse', none),
    ('ADDR', 'group_count', 'addr', none),
    ('LOCP', 'coordinates_count', 'distinct_station_count',
        quality_ratio('units.distinct_station_count', 'units.coordinates_count')),
    ('PDLM', 'dc_direct_stations', 'pdlm', none),
    ('NE10', 'dc_direct_stations', 'ne10',
        quality_ratio('units.ne10', 'units.dc_direct_stations')),
    ('OPOU', 'charge_point_rows',
        '(case when units.operator_names > 1 then units.operator_names else 0 end)', none),
    ('SIRU', 'charge_point_rows', 'siru', none),
    ('AMOU', 'charge_point_rows', 'siren_count', none),
    ('RACN', 'charge_point_rows', 'racn', none),
    ('DPDL', 'charge_point_rows', 'dpdl', none),
    ('ARRO', 'charge_point_rows', 'arro', none),
] %}

with

charge_points as (

    select * from {{ ref('int_quality_charge_points_prepared') }}

),

stations as (

    select
        charge_points.operational_unit_code,
        charge_points.station_id,
        count(*) as charge_point_rows,
        min(charge_points.station_charge_point_count) as declared_charge_points,
        max(case when not charge_points.is_inside_territory then 1 else 0 end)
            as is_outside_territory,
        max(case when charge_points.is_dc_direct then 1 else 0 end) as is_dc_direct,
        max(
            case
                when
                    charge_points.is_dc_direct
                    and {{ quality_is_fake_pdl('charge_points.pdl_number') }}
                    then 1
                else 0
            end
        ) as has_fake_pdl,
        max(
            case
                when
                    charge_points.is_dc_direct
                    and not coalesce(
                        {{ wattlas_regex_matches('charge_points.pdl_number', '^[0-9]{14}$') }},
                        false
                    )
                    then 1
                else 0
            end
        ) as has_non_14_digit_pdl
    from charge_points
    group by 1, 2

),

aggregate_charge_points as (

    select
        charge_points.operational_unit_code,
        count(*) as charge_point_rows,
        sum(case when charge_points.power_kw <= {{ var('quality_min_power_kw') }} then 1 else 0 end)
            as powl,
        sum(case when charge_points.power_kw >= {{ var('quality_max_power_kw') }} then 1 else 0 end)
            as powu,
        sum(case when charge_points.amenageur_name is null then 1 else 0 end) as amem1,
        sum(case when charge_points.amenageur_siren is null then 1 else 0 end) as amem2,
        sum(case when charge_points.amenageur_contact is null then 1 else 0 end) as amem3,
        sum(case when charge_points.operator_name is null then 1 else 0 end) as opem1,
        sum(case when charge_points.operator_phone is null then 1 else 0 end) as opem2,
        sum(case when charge_points.station_id not like 'FR___P%' then 1 else 0 end) as afip,
        sum(
            case
                when
                    charge_points.charge_point_id not like 'FR___E%'
                    or not charge_points.has_matching_id_prefixes
                    then 1
                else 0
            end
        ) as afie,
        sum(case when charge_points.raccordement is null then 1 else 0 end) as racn,
        sum(
            case
                when charge_points.raccordement = 'Direct' and charge_points.pdl_number is null
                    then 1
                else 0
            end
        ) as dpdl,
        sum(case when charge_points.is_arrondissement then 1 else 0 end) as arro,
        count(distinct charge_points.operator_name) as operator_names,
        count(distinct charge_points.amenageur_siren) as siren_count,
        sum(
            case
                when
                    charge_points.has_siren_with_several_names
                    or charge_points.has_name_with_several_sirens
                    then 1
                else 0
            end
        ) as siru,
        count(distinct charge_points.station_id) as distinct_station_count,
        count(distinct charge_points.coordinates_text) as coordinates_count
    from charge_points
    group by 1

),

aggregate_stations as (

    select
        stations.operational_unit_code,
        count(*) as station_count,
        sum(stations.is_outside_territory) as crdf,
        sum(
            case
                when stations.charge_point_rows > {{ var('quality_max_charge_points_per_station') }}
                    then 1
                else 0
            end
        ) as pdcm,
        sum(
            case
                when
                    stations.charge_point_rows < stations.declared_charge_points
                    or stations.declared_charge_points < 1
                    then 1
                else 0
            end
        ) as pdcl,
        sum(stations.is_dc_direct) as dc_direct_stations,
        sum(stations.has_fake_pdl) as pdlm,
        sum(stations.has_non_14_digit_pdl) as ne10
    from stations
    group by 1

),

siren_identities as (

    select distinct
        charge_points.operational_unit_code,
        charge_points.amenageur_name,
        charge_points.amenageur_siren,
        charge_points.operator_name,
        charge_points.is_siren_valid
    from charge_points
    where charge_points.amenageur_siren is not null

),

aggregate_siren_identities as (

    select
        siren_identities.operational_unit_code,
        count(*) as identity_count,
        sum(case when not siren_identities.is_siren_valid then 1 else 0 end) as siri
    from siren_identities
    group by 1

),

insee_codes as (

    select distinct
        charge_points.operational_unit_code,
        charge_points.commune_code,
        charge_points.is_known_commune
    from charge_points
    where charge_points.commune_code is not null

),

aggregate_insee_codes as (

    select
        insee_codes.operational_unit_code,
        count(*) as code_count,
        sum(case when not insee_codes.is_known_commune then 1 else 0 end) as inse
    from insee_codes
    group by 1

),

addresses as (

    select
        charge_points.operational_unit_code,
        charge_points.coordinates_text,
        charge_points.station_id,
        count(distinct charge_points.station_address) as address_count
    from charge_points
    group by 1, 2, 3

),

aggregate_addresses as (

    select
        addresses.operational_unit_code,
        count(*) as group_count,
        sum(case when addresses.address_count > 1 then 1 else 0 end) as addr
    from addresses
    group by 1

),

units as (

    select
        aggregate_charge_points.*,
        aggregate_stations.station_count,
        aggregate_stations.crdf,
        aggregate_stations.pdcm,
        aggregate_stations.pdcl,
        aggregate_stations.dc_direct_stations,
        aggregate_stations.pdlm,
        aggregate_stations.ne10,
        coalesce(aggregate_siren_identities.identity_count, 0) as identity_count,
        coalesce(aggregate_siren_identities.siri, 0) as siri,
        coalesce(aggregate_insee_codes.code_count, 0) as code_count,
        coalesce(aggregate_insee_codes.inse, 0) as inse,
        aggregate_addresses.group_count,
        aggregate_addresses.addr
    from aggregate_charge_points
    inner join aggregate_stations
        on
            aggregate_charge_points.operational_unit_code
            = aggregate_stations.operational_unit_code
    inner join aggregate_addresses
        on
            aggregate_charge_points.operational_unit_code
            = aggregate_addresses.operational_unit_code
    left join aggregate_siren_identities
        on
            aggregate_charge_points.operational_unit_code
            = aggregate_siren_identities.operational_unit_code
    left join aggregate_insee_codes
        on
            aggregate_charge_points.operational_unit_code
            = aggregate_insee_codes.operational_unit_code

),

evaluated as (

    {% for code, checked, offending, value in rules %}
        {%- set offending_expression = offending if offending.startswith('(')
            else 'units.' ~ offending %}
        select
            '{{ code }}' as rule_code,
            units.operational_unit_code,
            cast(units.{{ checked }} as bigint) as checked_rows,
            cast({{ offending_expression }} as bigint) as offending_rows,
            cast({{ value if value else offending_expression }} as double precision) as value
        from units
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select * from evaluated
