{{ config(meta={'domain': 'charging'}) }}

{#
    What the next-day charging demand forecasts read
    (orchestration/forecasts/charging.py): for the nation, each region and
    each operational unit with at least one session, every day from the
    first day the session feeds had data to the day after the last one,
    with the sessions (u10) and their energy (u9, every power category)
    started that day, and the calendar.

    A day the feeds missed is not a day without demand: the counts are
    NULL on a day with no session anywhere (no usage indicator row), and
    is_whole_feed_day says whether sessions start nationally both in the
    first and in the last local hour of the day, i.e. whether the feeds
    covered the whole day (their first and last days are cut by the
    extract window).
#}

with

indicators as (

    select
        indicator_code,
        level,
        target,
        category,
        period_start,
        value
    from {{ ref('fct_indicators_usage_daily') }}
    where
        period = 'd'
        and level in (0, 1, 5)
        and indicator_code in ('u5', 'u9', 'u10')

),

dates as (

    select
        date_day,
        iso_weekday,
        is_public_holiday,
        is_school_holiday_zone_a,
        is_school_holiday_zone_b,
        is_school_holiday_zone_c
    from {{ ref('dim_dates') }}

),

feed_days as (

    select
        indicators.period_start as date_day,
        sum(case when indicators.category = '0' then indicators.value else 0 end)
            as first_hour_session_count,
        sum(case when indicators.category = '23' then indicators.value else 0 end)
            as last_hour_session_count
    from indicators
    where indicators.indicator_code = 'u5' and indicators.level = 0
    group by 1

),

area_values as (

    select
        case indicators.level
            when 0 then 'national'
            when 1 then 'region'
            else 'operational_unit'
        end as area_level,
        case
            when indicators.level = 0 then 'FR'
            else indicators.target
        end as area_code,
        indicators.period_start as date_day,
        sum(case when indicators.indicator_code = 'u10' then indicators.value else 0 end)
            as session_count,
        sum(case when indicators.indicator_code = 'u9' then indicators.value else 0 end)
            as energy_kwh
    from indicators
    where indicators.indicator_code in ('u9', 'u10')
    group by 1, 2, 3

),

areas as (

    select
        area_values.area_level,
        area_values.area_code
    from area_values
    group by 1, 2
    having sum(area_values.session_count) > 0

),

feed_span as (

    select
        min(feed_days.date_day) as first_date,
        max(feed_days.date_day) as last_date
    from feed_days

),

area_days as (

    select
        areas.area_level,
        areas.area_code,
        dates.date_day,
        dates.iso_weekday,
        dates.is_public_holiday,
        (
            case when dates.is_school_holiday_zone_a then 1 else 0 end
            + case when dates.is_school_holiday_zone_b then 1 else 0 end
            + case when dates.is_school_holiday_zone_c then 1 else 0 end
        ) as school_holiday_zone_count,
        dates.date_day > feed_span.last_date as is_forecast_day
    from areas
    cross join feed_span
    inner join dates
        on
            feed_span.first_date <= dates.date_day
            and feed_span.last_date + 1 >= dates.date_day

),

final as (

    select
        ----------  ids
        area_days.area_level,
        area_days.area_code,

        ----------  numerics
        cast(area_values.session_count as integer) as session_count,
        cast(cast(area_values.energy_kwh as numeric(38, 9)) as numeric(20, 3)) as energy_kwh,
        area_days.iso_weekday,
        area_days.school_holiday_zone_count,

        ----------  booleans
        coalesce(
            feed_days.first_hour_session_count > 0 and feed_days.last_hour_session_count > 0,
            false
        ) as is_whole_feed_day,
        area_days.is_public_holiday,
        area_days.is_forecast_day,

        ----------  dates
        area_days.date_day

    from area_days
    left join feed_days
        on area_days.date_day = feed_days.date_day
    left join area_values
        on
            area_days.area_level = area_values.area_level
            and area_days.area_code = area_values.area_code
            and area_days.date_day = area_values.date_day

)

select * from final
