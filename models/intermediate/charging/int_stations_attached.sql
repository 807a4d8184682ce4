{#
    Stations with at least one valid charge point, of every static image
    (int_static_images_dated), attached to every indicator level (macro
    infrastructure_levels) through the station's own location (its
    representative record), so a station is counted once per level: one
    row per image, station and level.
#}

with

current_stations as (

    select * from {{ ref('int_stations_aggregated') }}
    where valid_charge_point_count > 0

),

images as (

    select * from {{ ref('int_static_images_dated') }}

),

snapshot_stations as (

    select * from {{ ref('int_station_snapshots_resolved') }}
    where valid_charge_point_count > 0

),

commune_codes as (

    select * from {{ ref('int_commune_codes_mapped') }}

),

communes as (

    select * from {{ ref('int_communes_enriched') }}

),

stations_dated as (

    select
        images.image,
        images.valid_from,
        current_stations.station_id,
        current_stations.operational_unit_code,
        current_stations.commune_code,
        current_stations.department_code,
        current_stations.region_code,
        current_stations.epci_code,
        current_stations.valid_charge_point_count,
        current_stations.station_implantation,
        current_stations.operator_name
    from current_stations
    inner join images
        on images.image = 'current'

    union all

    select
        'history' as image,
        snapshot_stations.snapshot_date as valid_from,
        snapshot_stations.station_id,
        snapshot_stations.operational_unit_code,
        communes.commune_code,
        communes.department_code,
        communes.region_code,
        communes.epci_code,
        snapshot_stations.valid_charge_point_count,
        snapshot_stations.station_implantation,
        snapshot_stations.operator_name
    from snapshot_stations
    left join commune_codes
        on snapshot_stations.commune_code = commune_codes.geo_code
    left join communes
        on commune_codes.commune_code = communes.commune_code

),

attached as (
    {% for level, level_name, target in infrastructure_levels('stations_dated') %}
        select
            stations_dated.image,
            stations_dated.valid_from,
            stations_dated.station_id,
            {{ level }} as level,
            '{{ level_name }}' as level_name,
            {{ target }} as target,
            stations_dated.epci_code,
            cast(stations_dated.valid_charge_point_count as integer) as charge_point_count,
            coalesce(stations_dated.station_implantation, 'unknown') as station_implantation,
            coalesce(stations_dated.operator_name, 'unknown') as operator_name
        from stations_dated
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
)

select * from attached
