{#
    Valid charge points of every static image (int_static_images_dated:
    the current static, each delivery snapshot) attached to every indicator
    level (macro infrastructure_levels): one row per image, charge point
    and level. A history point is located as the current ones are (its
    published code through the COG code table to the commune-actuelle).
#}

with

current_points as (

    select * from {{ ref('int_charge_points_located') }}
    where has_valid_charge_point_id

),

images as (

    select * from {{ ref('int_static_images_dated') }}

),

snapshot_points as (

    select * from {{ ref('int_charge_point_snapshots_resolved') }}
    where has_valid_charge_point_id

),

commune_codes as (

    select * from {{ ref('int_commune_codes_mapped') }}

),

communes as (

    select * from {{ ref('int_communes_enriched') }}

),

points_dated as (

    select
        images.image,
        images.valid_from,
        current_points.charge_point_id,
        current_points.station_id,
        current_points.operational_unit_code,
        current_points.commune_code,
        current_points.department_code,
        current_points.region_code,
        current_points.epci_code,
        current_points.power_category_label,
        current_points.operator_name,
        current_points.power_kw
    from current_points
    inner join images
        on images.image = 'current'

    union all

    select
        'history' as image,
        snapshot_points.snapshot_date as valid_from,
        snapshot_points.charge_point_id,
        snapshot_points.station_id,
        snapshot_points.operational_unit_code,
        communes.commune_code,
        communes.department_code,
        communes.region_code,
        communes.epci_code,
        {{ power_category_label('snapshot_points.power_kw') }} as power_category_label,
        snapshot_points.operator_name,
        snapshot_points.power_kw
    from snapshot_points
    left join commune_codes
        on snapshot_points.commune_code = commune_codes.geo_code
    left join communes
        on commune_codes.commune_code = communes.commune_code

),

attached as (
    {% for level, level_name, target in infrastructure_levels('points_dated') %}
        select
            points_dated.image,
            points_dated.valid_from,
            points_dated.charge_point_id,
            points_dated.station_id,
            {{ level }} as level,
            '{{ level_name }}' as level_name,
            {{ target }} as target,
            points_dated.power_category_label,
            coalesce(points_dated.operator_name, 'unknown') as operator_name,
            points_dated.power_kw
        from points_dated
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
)

select * from attached
