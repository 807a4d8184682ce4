{#
    Valid charge points attached to every indicator level: one row per
    charge point and level (0 national, 1 region, 2 department, 3 EPCI,
    4 commune, 5 operational unit). A point without a member at a
    geographic level is attached to the target 'unlocated', so every level
    holds every point once and Σ targets = national.
#}

with

charge_points as (

    select * from {{ ref('int_charge_points_located') }}
    where has_valid_charge_point_id

),

{% set levels = [
    (0, 'national', "'00'"),
    (1, 'region', "coalesce(charge_points.region_code, 'unlocated')"),
    (2, 'department', "coalesce(charge_points.department_code, 'unlocated')"),
    (3, 'epci', "coalesce(charge_points.epci_code, 'unlocated')"),
    (4, 'commune', "coalesce(charge_points.commune_code, 'unlocated')"),
    (5, 'operational_unit', "charge_points.operational_unit_code"),
] %}

attached as (
    {% for level, level_name, target in levels %}
        select
            charge_points.charge_point_id,
            charge_points.station_id,
            {{ level }} as level,
            '{{ level_name }}' as level_name,
            {{ target }} as target,
            charge_points.power_category_label,
            coalesce(charge_points.operator_name, 'unknown') as operator_name,
            charge_points.power_kw
        from charge_points
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
)

select * from attached
