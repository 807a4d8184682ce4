{#
    One row per static image (int_static_images_dated), day the image
    comes into force (valid_from) and station with at least one valid
    charge point: the station as an AFIR charging pool, with its
    cumulated power (p_cum: sum of the nominal power of its valid charge
    points), its most powerful point (p_max), its points strictly above
    150 and 350 kW, and the pool tiers it meets (macro pool_tiers). The
    points are those the infrastructure indicators count
    (int_charge_points_attached, national level: each point once), so a
    pool station is an i4 station.
#}

with

charge_points_attached as (

    select * from {{ ref('int_charge_points_attached') }}
    where level = 0

),

images as (

    select * from {{ ref('int_static_images_dated') }}

),

stations_summed as (

    select
        charge_points_attached.image,
        charge_points_attached.valid_from,
        charge_points_attached.station_id,
        count(*) as charge_point_count,
        -- an exact decimal sum: the tiers compare it with a threshold, and a
        -- float sum (order-dependent) could land on either side of 300.0
        sum(cast(charge_points_attached.power_kw as numeric(18, 6))) as pool_power_kw,
        max(charge_points_attached.power_kw) as max_point_power_kw,
        sum(case when charge_points_attached.power_kw > 150 then 1 else 0 end)
            as points_above_150kw,
        sum(case when charge_points_attached.power_kw > 350 then 1 else 0 end)
            as points_above_350kw
    from charge_points_attached
    group by
        charge_points_attached.image,
        charge_points_attached.valid_from,
        charge_points_attached.station_id

),

final as (

    select
        ----------  ids
        cast(stations_summed.image as text) as image,
        cast(stations_summed.station_id as text) as station_id,

        ----------  numerics
        cast(stations_summed.charge_point_count as integer) as charge_point_count,
        cast(stations_summed.pool_power_kw as double precision) as pool_power_kw,
        cast(stations_summed.max_point_power_kw as double precision) as max_point_power_kw,
        cast(stations_summed.points_above_150kw as integer) as points_above_150kw,
        cast(stations_summed.points_above_350kw as integer) as points_above_350kw,

        ----------  booleans
        {% for tier in pool_tiers() %}
            {{ pool_tier_met(
                'stations_summed.pool_power_kw',
                'stations_summed.points_above_150kw',
                'stations_summed.points_above_350kw',
                tier,
            ) }} as is_{{ tier[0] }},
        {% endfor %}

        ----------  dates
        images.valid_from,
        images.valid_to
    from stations_summed
    inner join images
        on
            stations_summed.image = images.image
            and stations_summed.valid_from = images.valid_from

)

select * from final
