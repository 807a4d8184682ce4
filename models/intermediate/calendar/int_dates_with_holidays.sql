{#
    Public-holiday flags are NULL outside the years the Etalab files cover
    (2006-2031); school-holiday flags follow int_school_holiday_days_resolved.
#}

with

dates as (

    select date_day from {{ ref('int_dates_spined') }}

),

public_holidays as (

    select
        zone_code,
        holiday_date,
        holiday_name
    from {{ ref('stg_calendar__public_holidays') }}

),

school_holiday_days as (

    select
        date_day,
        zone_code,
        school_holiday_source,
        is_school_holiday,
        school_holiday_name
    from {{ ref('int_school_holiday_days_resolved') }}

),

public_holiday_coverage as (

    select
        public_holidays.zone_code,
        min(extract(year from public_holidays.holiday_date)) as first_year,
        max(extract(year from public_holidays.holiday_date)) as last_year
    from public_holidays
    group by 1

),

public_holidays_joined as (

    select
        dates.date_day,
        case
            when
                extract(year from dates.date_day)
                between metropole_coverage.first_year and metropole_coverage.last_year
                then metropole.holiday_date is not null
        end as is_public_holiday,
        metropole.holiday_name as public_holiday_name,
        case
            when
                extract(year from dates.date_day)
                between alsace_moselle_coverage.first_year and alsace_moselle_coverage.last_year
                then alsace_moselle.holiday_date is not null
        end as is_public_holiday_alsace_moselle,
        alsace_moselle.holiday_name as public_holiday_name_alsace_moselle
    from dates
    left join public_holidays as metropole
        on
            dates.date_day = metropole.holiday_date
            and metropole.zone_code = 'metropole'
    left join public_holidays as alsace_moselle
        on
            dates.date_day = alsace_moselle.holiday_date
            and alsace_moselle.zone_code = 'alsace_moselle'
    left join public_holiday_coverage as metropole_coverage
        on metropole_coverage.zone_code = 'metropole'
    left join public_holiday_coverage as alsace_moselle_coverage
        on alsace_moselle_coverage.zone_code = 'alsace_moselle'

),

school_holidays_joined as (

    select
        public_holidays_joined.*,
        zone_a.is_school_holiday as is_school_holiday_zone_a,
        zone_b.is_school_holiday as is_school_holiday_zone_b,
        zone_c.is_school_holiday as is_school_holiday_zone_c,
        zone_a.school_holiday_name as school_holiday_name_zone_a,
        zone_b.school_holiday_name as school_holiday_name_zone_b,
        zone_c.school_holiday_name as school_holiday_name_zone_c,
        coalesce(
            zone_a.school_holiday_source,
            zone_b.school_holiday_source,
            zone_c.school_holiday_source
        ) as school_holiday_source
    from public_holidays_joined
    left join school_holiday_days as zone_a
        on
            public_holidays_joined.date_day = zone_a.date_day
            and zone_a.zone_code = 'zone_a'
    left join school_holiday_days as zone_b
        on
            public_holidays_joined.date_day = zone_b.date_day
            and zone_b.zone_code = 'zone_b'
    left join school_holiday_days as zone_c
        on
            public_holidays_joined.date_day = zone_c.date_day
            and zone_c.zone_code = 'zone_c'

)

select * from school_holidays_joined
