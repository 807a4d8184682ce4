{#
    One row per static image (int_static_images_dated), indicator level and
    target (the whole reference table of each level, plus 'unlocated' at
    levels 1-4; the same targets and denominators for every image) with
    its population, area (denominators) and the image's charge point
    count, station count and installed power, 0 when empty.
#}

with

charge_points_attached as (

    select * from {{ ref('int_charge_points_attached') }}

),

stations_attached as (

    select * from {{ ref('int_stations_attached') }}

),

images as (

    select * from {{ ref('int_static_images_dated') }}

),

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

targets_listed as (

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

),

charge_points_counted as (

    select
        charge_points_attached.image,
        charge_points_attached.valid_from,
        charge_points_attached.level,
        charge_points_attached.target,
        count(distinct charge_points_attached.charge_point_id) as charge_point_count,
        sum(cast(charge_points_attached.power_kw as numeric(18, 6))) as power_kw
    from charge_points_attached
    group by 1, 2, 3, 4

),

stations_counted as (

    select
        stations_attached.image,
        stations_attached.valid_from,
        stations_attached.level,
        stations_attached.target,
        count(distinct stations_attached.station_id) as station_count
    from stations_attached
    group by 1, 2, 3, 4

),

targets_filled as (

    {# Targets with no data get 0 (QualiCharge left join with 0 fill). #}
    select
        images.image,
        images.valid_from,
        targets_listed.level,
        targets_listed.level_name,
        targets_listed.target,
        targets_listed.population,
        targets_listed.area_km2,
        coalesce(charge_points_counted.charge_point_count, 0) as charge_point_count,
        coalesce(stations_counted.station_count, 0) as station_count,
        coalesce(charge_points_counted.power_kw, 0) as power_kw
    from targets_listed
    cross join images
    left join charge_points_counted
        on
            images.image = charge_points_counted.image
            and images.valid_from = charge_points_counted.valid_from
            and targets_listed.level = charge_points_counted.level
            and targets_listed.target = charge_points_counted.target
    left join stations_counted
        on
            images.image = stations_counted.image
            and images.valid_from = stations_counted.valid_from
            and targets_listed.level = stations_counted.level
            and targets_listed.target = stations_counted.target

)

select * from targets_filled
