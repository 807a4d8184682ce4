{#
    Average load curve per region (and nationally) × meteorological season ×
    day type × local half hour of the day. Day types come from
    fct_consumption_daily (Sunday or public holiday, Saturday, weekday in
    the region's school holidays, working day). Only complete half hours
    are averaged. On the autumn DST day both local 02:00 and 02:30 occur
    twice and both instants count; on the spring day they do not exist.

    Numeric outputs go through numeric(38, 9) before their final scale: a
    double cast straight to numeric(p, s) rounds differently on PostgreSQL
    (15 significant digits first) and DuckDB (exact binary value), e.g.
    5544524.1 / 200 = 27722.6205 gave .621 and .620.
#}

with

half_hours as (

    select
        region_code,
        region_name,
        consumption_mw,
        is_complete,
        measured_date,
        measured_at
    from {{ ref('fct_consumption_half_hourly') }}

),

days as (

    select
        region_code,
        measured_date,
        season,
        day_type
    from {{ ref('fct_consumption_daily') }}

),

half_hours_classified as (

    select
        half_hours.region_code,
        half_hours.region_name,
        days.season,
        days.day_type,
        half_hours.measured_date,
        half_hours.consumption_mw,
        cast(
            extract(hour from {{ utc_to_local('half_hours.measured_at') }}) * 2
            + case
                when extract(minute from {{ utc_to_local('half_hours.measured_at') }}) >= 30
                    then 1
                else 0
            end
            as integer
        ) as half_hour_of_day
    from half_hours
    inner join days
        on
            half_hours.region_code = days.region_code
            and half_hours.measured_date = days.measured_date
    where half_hours.is_complete

),

slots_aggregated as (

    select
        half_hours_classified.region_code,
        half_hours_classified.season,
        half_hours_classified.day_type,
        half_hours_classified.half_hour_of_day,
        max(half_hours_classified.region_name) as region_name,
        avg(cast(half_hours_classified.consumption_mw as double precision))
            as mean_consumption_mw,
        min(half_hours_classified.consumption_mw) as min_consumption_mw,
        max(half_hours_classified.consumption_mw) as max_consumption_mw,
        count(*) as half_hour_count,
        count(distinct half_hours_classified.measured_date) as day_count
    from half_hours_classified
    group by 1, 2, 3, 4

),

curves_normalised as (

    select
        slots_aggregated.*,
        avg(slots_aggregated.mean_consumption_mw) over (
            partition by
                slots_aggregated.region_code,
                slots_aggregated.season,
                slots_aggregated.day_type
        ) as curve_mean_consumption_mw
    from slots_aggregated

),

final as (

    select
        ----------  ids
        curves_normalised.region_code,

        ----------  strings
        curves_normalised.region_name,
        curves_normalised.season,
        curves_normalised.day_type,
        lpad(
            cast(
                cast(
                    (
                        curves_normalised.half_hour_of_day
                        - mod(curves_normalised.half_hour_of_day, 2)
                    ) / 2 as integer
                ) as varchar
            ),
            2,
            '0'
        )
        || case when mod(curves_normalised.half_hour_of_day, 2) = 1 then ':30' else ':00' end
            as local_time_label,

        ----------  numerics
        curves_normalised.half_hour_of_day,
        cast(cast(curves_normalised.mean_consumption_mw as numeric(38, 9)) as numeric(18, 3))
            as mean_consumption_mw,
        cast(cast(curves_normalised.min_consumption_mw as numeric(38, 9)) as numeric(18, 4))
            as min_consumption_mw,
        cast(cast(curves_normalised.max_consumption_mw as numeric(38, 9)) as numeric(18, 4))
            as max_consumption_mw,
        -- the curve's own mean = 1: shape without level
        cast(cast(
            curves_normalised.mean_consumption_mw
            / nullif(curves_normalised.curve_mean_consumption_mw, 0) as numeric(38, 9)
        ) as numeric(10, 6)) as normalised_consumption,
        cast(curves_normalised.half_hour_count as integer) as half_hour_count,
        cast(curves_normalised.day_count as integer) as day_count

    from curves_normalised

)

select * from final
