{#
    One row per static image (int_static_images_dated), indicator level and
    target (int_indicator_targets_listed: the same targets and denominators
    for every image) with
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

targets_listed as (

    select * from {{ ref('int_indicator_targets_listed') }}

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
