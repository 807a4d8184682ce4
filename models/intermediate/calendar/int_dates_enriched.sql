{#
    One row per local (Europe/Paris) date of the spine, with its calendar
    attributes and the UTC instants bounding it: the logic behind dim_dates,
    kept here so that intermediate models (usage timelines) can read the
    calendar without reading a mart. hours_in_day is exact: the UTC instants
    of local midnight of the day and of the next day, subtracted. 23 on the
    last Sunday of March, 25 on the last Sunday of October, 24 otherwise.
#}

with

dates_with_holidays as (

    select * from {{ ref('int_dates_with_holidays') }}

),

day_boundaries_computed as (

    select
        dates_with_holidays.*,
        {{ local_to_utc('cast(dates_with_holidays.date_day as timestamp)') }} as day_start_at,
        {{ local_to_utc('cast(dates_with_holidays.date_day + 1 as timestamp)') }} as day_end_at,
        cast(extract(year from dates_with_holidays.date_day) as integer) as calendar_year,
        cast(extract(month from dates_with_holidays.date_day) as integer) as month_of_year,
        {{ wattlas_iso_weekday('dates_with_holidays.date_day') }} as iso_weekday
    from dates_with_holidays

),

attributes_derived as (

    select

        ----------  ids
        day_boundaries_computed.date_day,

        ----------  numerics
        day_boundaries_computed.calendar_year,
        cast(extract(quarter from day_boundaries_computed.date_day) as integer) as quarter_of_year,
        day_boundaries_computed.month_of_year,
        cast(extract(day from day_boundaries_computed.date_day) as integer) as day_of_month,
        cast(extract(doy from day_boundaries_computed.date_day) as integer) as day_of_year,
        day_boundaries_computed.iso_weekday,
        {{ wattlas_hours_between(
            'day_boundaries_computed.day_start_at',
            'day_boundaries_computed.day_end_at'
        ) }} as hours_in_day,

        ----------  strings
        case day_boundaries_computed.iso_weekday
            when 1 then 'Monday'
            when 2 then 'Tuesday'
            when 3 then 'Wednesday'
            when 4 then 'Thursday'
            when 5 then 'Friday'
            when 6 then 'Saturday'
            when 7 then 'Sunday'
        end as weekday_name,
        case day_boundaries_computed.month_of_year
            when 1 then 'January'
            when 2 then 'February'
            when 3 then 'March'
            when 4 then 'April'
            when 5 then 'May'
            when 6 then 'June'
            when 7 then 'July'
            when 8 then 'August'
            when 9 then 'September'
            when 10 then 'October'
            when 11 then 'November'
            when 12 then 'December'
        end as month_name,
        case
            when day_boundaries_computed.month_of_year in (12, 1, 2) then 'winter'
            when day_boundaries_computed.month_of_year in (3, 4, 5) then 'spring'
            when day_boundaries_computed.month_of_year in (6, 7, 8) then 'summer'
            else 'autumn'
        end as season,
        case
            when day_boundaries_computed.month_of_year >= 10
                then
                    cast(day_boundaries_computed.calendar_year as varchar)
                    || '-'
                    || cast(day_boundaries_computed.calendar_year + 1 as varchar)
            when day_boundaries_computed.month_of_year <= 4
                then
                    cast(day_boundaries_computed.calendar_year - 1 as varchar)
                    || '-'
                    || cast(day_boundaries_computed.calendar_year as varchar)
        end as heating_season,
        day_boundaries_computed.public_holiday_name,
        day_boundaries_computed.public_holiday_name_alsace_moselle,
        day_boundaries_computed.school_holiday_name_zone_a,
        day_boundaries_computed.school_holiday_name_zone_b,
        day_boundaries_computed.school_holiday_name_zone_c,
        day_boundaries_computed.school_holiday_source,

        ----------  booleans
        day_boundaries_computed.iso_weekday >= 6 as is_weekend,
        day_boundaries_computed.iso_weekday < 6
        and not day_boundaries_computed.is_public_holiday as is_working_day,
        day_boundaries_computed.is_public_holiday,
        day_boundaries_computed.is_public_holiday_alsace_moselle,
        day_boundaries_computed.is_school_holiday_zone_a,
        day_boundaries_computed.is_school_holiday_zone_b,
        day_boundaries_computed.is_school_holiday_zone_c,
        day_boundaries_computed.month_of_year >= 10
        or day_boundaries_computed.month_of_year <= 4 as is_heating_season,

        ----------  timestamps
        day_boundaries_computed.day_start_at,
        day_boundaries_computed.day_end_at

    from day_boundaries_computed

),

final as (

    select
        attributes_derived.*,
        attributes_derived.hours_in_day <> 24 as is_dst_change_day
    from attributes_derived

)

select * from final
