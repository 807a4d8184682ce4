{#
    What the next-day consumption forecasts read (orchestration/forecasts):
    for each area with daily consumption, every day from its first measured
    day to the day after its last one (the day to forecast), with the
    measured energy (NULL on the day to forecast), the calendar and the
    day's mean temperature. For the national rows the temperature is the
    mean of the regional temperatures weighted by the regions' population
    (regions with a temperature that day only).
#}

with

consumption as (

    select
        region_code,
        measured_date,
        energy_mwh,
        mean_temperature_c,
        is_complete_day
    from {{ ref('fct_consumption_daily') }}

),

dates as (

    select
        date_day,
        iso_weekday,
        hours_in_day,
        is_public_holiday,
        is_school_holiday_zone_a,
        is_school_holiday_zone_b,
        is_school_holiday_zone_c,
        is_dst_change_day
    from {{ ref('dim_dates') }}

),

regions as (

    select
        region_code,
        population
    from {{ ref('dim_regions') }}

),

temperatures as (

    select
        region_code,
        measured_date,
        mean_temperature_c
    from {{ ref('stg_odre__regional_daily_temperatures') }}

),

areas as (

    select
        consumption.region_code,
        min(consumption.measured_date) as first_date,
        max(consumption.measured_date) as last_date
    from consumption
    group by 1

),

dates_flagged as (

    select
        dates.*,
        -- a bridge day: a Monday before a public-holiday Tuesday, or a
        -- Friday after a public-holiday Thursday
        coalesce(
            not dates.is_public_holiday
            and (
                (
                    dates.iso_weekday = 1
                    and lead(dates.is_public_holiday) over (order by dates.date_day)
                )
                or (
                    dates.iso_weekday = 5
                    and lag(dates.is_public_holiday) over (order by dates.date_day)
                )
            ),
            false
        ) as is_bridge_day
    from dates

),

national_temperatures as (

    select
        temperatures.measured_date,
        sum(temperatures.mean_temperature_c * regions.population)
        / sum(regions.population) as mean_temperature_c
    from temperatures
    inner join regions
        on temperatures.region_code = regions.region_code
    where
        temperatures.mean_temperature_c is not null
        and regions.population > 0
    group by 1

),

area_days as (

    select
        areas.region_code,
        dates_flagged.date_day as measured_date,
        dates_flagged.iso_weekday,
        dates_flagged.hours_in_day,
        dates_flagged.is_public_holiday,
        dates_flagged.is_bridge_day,
        dates_flagged.is_dst_change_day,
        (
            case when dates_flagged.is_school_holiday_zone_a then 1 else 0 end
            + case when dates_flagged.is_school_holiday_zone_b then 1 else 0 end
            + case when dates_flagged.is_school_holiday_zone_c then 1 else 0 end
        ) as school_holiday_zone_count,
        {{ consumption_is_school_holiday('areas.region_code', 'dates_flagged') }}
            as is_school_holiday,
        dates_flagged.date_day > areas.last_date as is_forecast_day
    from areas
    inner join dates_flagged
        on
            areas.first_date <= dates_flagged.date_day
            and areas.last_date + 1 >= dates_flagged.date_day

),

final as (

    select
        ----------  ids
        area_days.region_code,

        ----------  numerics
        consumption.energy_mwh,
        cast(cast(
            case
                when area_days.region_code = '{{ var("consumption_national_area_code") }}'
                    then national_temperatures.mean_temperature_c
                else regional_temperatures.mean_temperature_c
            end
            as numeric(38, 9)
        ) as numeric(6, 3)) as mean_temperature_c,
        area_days.iso_weekday,
        area_days.hours_in_day,
        area_days.school_holiday_zone_count,

        ----------  booleans
        coalesce(consumption.is_complete_day, false) as is_complete_day,
        area_days.is_public_holiday,
        area_days.is_bridge_day,
        area_days.is_school_holiday,
        area_days.is_dst_change_day,
        area_days.is_forecast_day,

        ----------  dates
        area_days.measured_date

    from area_days
    left join consumption
        on
            area_days.region_code = consumption.region_code
            and area_days.measured_date = consumption.measured_date
    left join national_temperatures
        on area_days.measured_date = national_temperatures.measured_date
    left join temperatures as regional_temperatures
        on
            area_days.region_code = regional_temperatures.region_code
            and area_days.measured_date = regional_temperatures.measured_date

)

select * from final
