{#
    Territory of WGS84 coordinates, without any spatial extension (plain
    arithmetic, same result on DuckDB and PostgreSQL).

    - irve_coordinates_territory(points_relation)
          a query (WITH ... SELECT, to use as a CTE body or subquery) giving
          one row per distinct (longitude, latitude) of `points_relation`
          (a relation or CTE with double precision longitude and latitude;
          NULL pairs left out) with territory_code: the territory (metropole,
          corse, 971-978) holding the point, NULL outside every one. Its
          CTEs (points, edges, inside, band_offsets, nearby_edges,
          projected, gaps, near) hide same-named relations of the caller.

    Ray casting on the outline of seed territory_boundary_edges, each edge
    listed in every 0.1-degree latitude band it spans: a point is in a
    territory when a ray going east crosses an odd number of that
    territory's edges of its band (an edge counts when its ends lie on
    both sides of the point's latitude, the ray's side at the crossing
    being the point's side). The outline is simplified (about 500 m on
    ~100 m contours), so a point within var irve_territory_tolerance_degrees
    of an edge (a quay, a beach, a border town) is in that territory too;
    that distance check joins the bands next to the point's, hence a
    tolerance of at most one band (0.1 degree). Distances are in degrees
    (a degree of longitude is shorter: ~0.7 of one of latitude in France).
#}

{% macro irve_coordinates_territory(points_relation) -%}
    {%- set tolerance = var('irve_territory_tolerance_degrees', 0.02) -%}
    with

    points as (

        select distinct
            given_points.longitude,
            given_points.latitude,
            cast(floor(given_points.latitude * 10) as integer) as lat_band
        from {{ points_relation }} as given_points
        where given_points.longitude is not null and given_points.latitude is not null

    ),

    edges as (

        select * from {{ ref('territory_boundary_edges') }}

    ),

    inside as (

        select
            points.longitude,
            points.latitude,
            edges.territory_code
        from points
        inner join edges
            on points.lat_band = edges.lat_band
        where
            {# CASE: the division only runs on edges that are not horizontal. #}
            case
                when (edges.lat1 > points.latitude) <> (edges.lat2 > points.latitude)
                    then
                        points.longitude < edges.lon1
                        + (points.latitude - edges.lat1) * (edges.lon2 - edges.lon1)
                        / (edges.lat2 - edges.lat1)
                else false
            end
        group by 1, 2, 3
        having count(*) % 2 = 1

    ),

    band_offsets as (

        select -1 as band_offset
        union all
        select 0 as band_offset
        union all
        select 1 as band_offset

    ),

    nearby_edges as (

        select
            points.longitude,
            points.latitude,
            edges.territory_code,
            edges.lon1,
            edges.lat1,
            edges.lon2 - edges.lon1 as delta_lon,
            edges.lat2 - edges.lat1 as delta_lat
        from points
        cross join band_offsets
        inner join edges
            on points.lat_band + band_offsets.band_offset = edges.lat_band
        where
            points.longitude
            between least(edges.lon1, edges.lon2) - {{ tolerance }}
            and greatest(edges.lon1, edges.lon2) + {{ tolerance }}

    ),

    projected as (

        {# Position of the point's projection on the edge, clamped to the edge. #}
        select
            nearby_edges.*,
            greatest(0, least(
                1,
                coalesce(
                    (
                        (nearby_edges.longitude - nearby_edges.lon1) * nearby_edges.delta_lon
                        + (nearby_edges.latitude - nearby_edges.lat1) * nearby_edges.delta_lat
                    )
                    / nullif(
                        nearby_edges.delta_lon * nearby_edges.delta_lon
                        + nearby_edges.delta_lat * nearby_edges.delta_lat, 0
                    ),
                    0
                )
            )) as position_on_edge
        from nearby_edges

    ),

    gaps as (

        {# From the point to the nearest point of the edge. #}
        select
            projected.longitude,
            projected.latitude,
            projected.territory_code,
            projected.lon1 + projected.position_on_edge * projected.delta_lon
            - projected.longitude as gap_lon,
            projected.lat1 + projected.position_on_edge * projected.delta_lat
            - projected.latitude as gap_lat
        from projected

    ),

    near as (

        select distinct
            gaps.longitude,
            gaps.latitude,
            gaps.territory_code
        from gaps
        where
            gaps.gap_lon * gaps.gap_lon + gaps.gap_lat * gaps.gap_lat
            <= {{ tolerance }} * {{ tolerance }}

    )

    {# Inside a territory first, then near one (the territories are far
        apart: a point is never near two). #}
    select
        points.longitude,
        points.latitude,
        coalesce(min(inside.territory_code), min(near.territory_code)) as territory_code
    from points
    left join inside
        on
            points.longitude = inside.longitude
            and points.latitude = inside.latitude
    left join near
        on
            points.longitude = near.longitude
            and points.latitude = near.latitude
    group by 1, 2
{%- endmacro %}
