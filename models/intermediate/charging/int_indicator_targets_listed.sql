{{ config(materialized='table') }}

{#
    Every target of the indicator levels that have a reference table, with
    its population and area (the denominators): national ('00'; metropolitan
    France + DROM), regions, departments, EPCI, communes and operational
    units, plus 'unlocated' at the geographic levels 1-4 (members whose
    location is unknown). The targets every count indicator gives a row,
    0 when it has no data: the infrastructure indicators per static image,
    the usage indicators per day.
#}

with

regions as (

    select * from {{ ref('int_regions_enriched') }}

),

departments as (

    select * from {{ ref('int_departments_enriched') }}

),

epcis as (

    select * from {{ ref('int_epcis_enriched') }}

),

communes as (

    select * from {{ ref('int_communes_enriched') }}

),

operational_units as (

    select * from {{ ref('int_operational_units_counted') }}

),

{% set geographic_levels = [
    (1, 'region'), (2, 'department'), (3, 'epci'), (4, 'commune'),
] %}

final as (

    {# National denominators: metropolitan France + DROM (docs/domain_rules.md §5.12). #}
    select
        0 as level,
        'national' as level_name,
        '00' as target,
        cast(sum(regions.population) as double precision) as population,
        cast(sum(regions.area_km2) as double precision) as area_km2
    from regions
    where regions.zone in ('metro', 'drom')

    union all

    select
        1 as level,
        'region' as level_name,
        regions.region_code as target,
        cast(regions.population as double precision) as population,
        regions.area_km2
    from regions

    union all

    select
        2 as level,
        'department' as level_name,
        departments.department_code as target,
        cast(departments.population as double precision) as population,
        departments.area_km2
    from departments

    union all

    select
        3 as level,
        'epci' as level_name,
        epcis.epci_code as target,
        cast(epcis.population as double precision) as population,
        epcis.area_km2
    from epcis

    union all

    select
        4 as level,
        'commune' as level_name,
        communes.commune_code as target,
        cast(communes.population as double precision) as population,
        communes.area_km2
    from communes

    union all

    select
        5 as level,
        'operational_unit' as level_name,
        operational_units.operational_unit_code as target,
        null as population,
        null as area_km2
    from operational_units

    {% for level, level_name in geographic_levels %}
        union all

        select
            {{ level }} as level,
            '{{ level_name }}' as level_name,
            'unlocated' as target,
            null as population,
            null as area_km2
    {% endfor %}

)

select * from final
