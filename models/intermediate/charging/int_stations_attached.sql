{#
    Stations with at least one valid charge point attached to every
    indicator level, through the station's own location (its
    representative record), so a station is counted once per level: one
    row per station and level. Targets as in int_charge_points_attached.
#}

with

stations as (

    select * from {{ ref('int_stations_aggregated') }}
    where valid_charge_point_count > 0

),

{% set levels = [
    (0, 'national', "'00'"),
    (1, 'region', "coalesce(stations.region_code, 'unlocated')"),
    (2, 'department', "coalesce(stations.department_code, 'unlocated')"),
    (3, 'epci', "coalesce(stations.epci_code, 'unlocated')"),
    (4, 'commune', "coalesce(stations.commune_code, 'unlocated')"),
    (5, 'operational_unit', "stations.operational_unit_code"),
] %}

attached as (
    {% for level, level_name, target in levels %}
        select
            stations.station_id,
            {{ level }} as level,
            '{{ level_name }}' as level_name,
            {{ target }} as target,
            stations.epci_code,
            cast(stations.valid_charge_point_count as integer) as charge_point_count,
            coalesce(stations.station_implantation, 'unknown') as station_implantation,
            coalesce(stations.operator_name, 'unknown') as operator_name
        from stations
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
)

select * from attached
