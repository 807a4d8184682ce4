{#
    Daily consumption per region and nationally, per local (Europe/Paris)
    day: energy = sum of the half-hourly energies (MW x step hours, so a
    23- or 25-hour day is never a mean times 24), power statistics over the
    half hours, measured versus expected half hours (46/48/50), the region's
    daily temperatures and the calendar.

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
        energy_mwh,
        source_row_count,
        measured_minutes,
        is_national,
        is_complete,
        measured_date,
        measured_at
    from {{ ref('fct_consumption_half_hourly') }}

),

dates as (

    select * from {{ ref('dim_dates') }}

),

temperatures as (

    select
        region_code,
        measured_date,
        min_temperature_c,
        max_temperature_c,
        mean_temperature_c
    from {{ ref('stg_odre__regional_daily_temperatures') }}

),

peaks_ranked as (

    select
        half_hours.region_code,
        half_hours.measured_date,
        half_hours.measured_at,
        row_number() over (
            partition by half_hours.region_code, half_hours.measured_date
            order by half_hours.consumption_mw desc, half_hours.measured_at asc
        ) as peak_rank
    from half_hours

),

days_aggregated as (

    select
        half_hours.region_code,
        half_hours.measured_date,
        max(half_hours.region_name) as region_name,
        sum(half_hours.energy_mwh) as energy_mwh,
        min(half_hours.consumption_mw) as min_consumption_mw,
        max(half_hours.consumption_mw) as max_consumption_mw,
        count(*) as measured_half_hour_count,
        sum(case when half_hours.is_complete then 0 else 1 end) as incomplete_half_hour_count,
        sum(half_hours.source_row_count) as source_row_count,
        sum(half_hours.measured_minutes) as measured_minutes,
        max(case when half_hours.is_national then 1 else 0 end) as is_national_flag
    from half_hours
    group by 1, 2

),

days_enriched as (

    select
        days_aggregated.*,
        peaks_ranked.measured_at as peak_at,
        dates.hours_in_day,
        dates.iso_weekday,
        dates.weekday_name,
        dates.season,
        dates.heating_season,
        dates.public_holiday_name,
        dates.is_weekend,
        dates.is_working_day,
        dates.is_public_holiday,
        dates.is_school_holiday_zone_a,
        dates.is_school_holiday_zone_b,
        dates.is_school_holiday_zone_c,
        dates.is_dst_change_day,
        {{ consumption_school_holiday_zone('days_aggregated.region_code') }}
            as school_holiday_zone,
        {{ consumption_is_school_holiday('days_aggregated.region_code', 'dates') }}
            as is_school_holiday,
        temperatures.min_temperature_c,
        temperatures.max_temperature_c,
        temperatures.mean_temperature_c
    from days_aggregated
    inner join dates
        on days_aggregated.measured_date = dates.date_day
    left join peaks_ranked
        on
            days_aggregated.region_code = peaks_ranked.region_code
            and days_aggregated.measured_date = peaks_ranked.measured_date
            and peaks_ranked.peak_rank = 1
    left join temperatures
        on
            days_aggregated.region_code = temperatures.region_code
            and days_aggregated.measured_date = temperatures.measured_date

),

final as (

    select
        ----------  ids
        days_enriched.region_code,

        ----------  strings
        days_enriched.region_name,
        days_enriched.weekday_name,
        days_enriched.season,
        days_enriched.heating_season,
        days_enriched.public_holiday_name,
        days_enriched.school_holiday_zone,
        case
            when days_enriched.iso_weekday = 7 or days_enriched.is_public_holiday
                then 'sunday_or_public_holiday'
            when days_enriched.iso_weekday = 6 then 'saturday'
            when days_enriched.is_school_holiday then 'school_holiday'
            else 'working_day'
        end as day_type,

        ----------  numerics
        cast(cast(days_enriched.energy_mwh as numeric(38, 9)) as numeric(20, 6)) as energy_mwh,
        -- time-weighted mean power over the measured minutes
        cast(cast(
            cast(days_enriched.energy_mwh as double precision) * 60
            / days_enriched.measured_minutes as numeric(38, 9)
        ) as numeric(18, 3)) as mean_consumption_mw,
        cast(cast(days_enriched.min_consumption_mw as numeric(38, 9)) as numeric(18, 4))
            as min_consumption_mw,
        cast(cast(days_enriched.max_consumption_mw as numeric(38, 9)) as numeric(18, 4))
            as max_consumption_mw,
        cast(days_enriched.measured_half_hour_count as integer) as measured_half_hour_count,
        cast(days_enriched.hours_in_day * 2 as integer) as expected_half_hour_count,
        cast(days_enriched.hours_in_day * 2 - days_enriched.measured_half_hour_count as integer)
            as missing_half_hour_count,
        cast(days_enriched.incomplete_half_hour_count as integer) as incomplete_half_hour_count,
        cast(days_enriched.source_row_count as integer) as source_row_count,
        cast(days_enriched.measured_minutes as integer) as measured_minutes,
        cast(days_enriched.hours_in_day as integer) as hours_in_day,
        cast(days_enriched.iso_weekday as integer) as iso_weekday,
        cast(cast(days_enriched.min_temperature_c as numeric(38, 9)) as numeric(5, 2))
            as min_temperature_c,
        cast(cast(days_enriched.max_temperature_c as numeric(38, 9)) as numeric(5, 2))
            as max_temperature_c,
        cast(cast(days_enriched.mean_temperature_c as numeric(38, 9)) as numeric(5, 2))
            as mean_temperature_c,
        cast(
            case
                when days_enriched.mean_temperature_c is not null
                    then greatest(
                        {{ var('consumption_degree_day_base_c') }}
                        - days_enriched.mean_temperature_c,
                        0
                    )
            end
            as numeric(6, 2)
        ) as heating_degree_days,

        ----------  booleans
        days_enriched.is_national_flag = 1 as is_national,
        days_enriched.measured_minutes = days_enriched.hours_in_day * 60
        and days_enriched.measured_half_hour_count = days_enriched.hours_in_day * 2
            as is_complete_day,
        days_enriched.mean_temperature_c < {{ var('consumption_heating_threshold_c') }}
            as is_heating_day,
        days_enriched.is_weekend,
        days_enriched.is_working_day,
        days_enriched.is_public_holiday,
        days_enriched.is_school_holiday,
        days_enriched.is_school_holiday_zone_a,
        days_enriched.is_school_holiday_zone_b,
        days_enriched.is_school_holiday_zone_c,
        days_enriched.is_dst_change_day,

        ----------  dates
        days_enriched.measured_date,

        ----------  timestamps
        days_enriched.peak_at

    from days_enriched

)

select * from final
