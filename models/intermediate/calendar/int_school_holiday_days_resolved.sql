{#
    Switch-over rule, per zone A/B/C:
    - dates before the first official period of the zone (Toussaint 2017,
      2017-10-21) come from the legacy daily file;
    - dates from that day up to the last published boundary of the zone
      (latest end_date, or the start of a period whose end is unknown) come
      from the official periods, holiday days being [start_date, end_date);
    - later dates have no source: flags are NULL (unknown), not false;
    - a zone without any official period uses the legacy file throughout.
    The switch is at the first official period rather than at the start of
    school year 2017-2018 because the official file has no row for the end
    of the summer 2017 holidays (1-3 September 2017).
#}

with

dates as (

    select date_day from {{ ref('int_dates_spined') }}

),

school_holidays as (

    select
        zone_code,
        holiday_name,
        start_date,
        end_date
    from {{ ref('stg_calendar__school_holidays') }}
    where zone_code in ('zone_a', 'zone_b', 'zone_c')

),

legacy_days as (

    select * from {{ ref('stg_calendar__school_holiday_days_legacy') }}

),

zones as (

    select 'zone_a' as zone_code
    union all
    select 'zone_b' as zone_code
    union all
    select 'zone_c' as zone_code

),

official_coverage as (

    select
        school_holidays.zone_code,
        min(school_holidays.start_date) as first_start_date,
        max(coalesce(school_holidays.end_date, school_holidays.start_date)) as coverage_end_date
    from school_holidays
    group by 1

),

legacy_days_unpivoted as (

    select
        'zone_a' as zone_code,
        legacy_days.holiday_date,
        legacy_days.is_school_holiday_zone_a as is_school_holiday,
        legacy_days.holiday_name
    from legacy_days

    union all

    select
        'zone_b' as zone_code,
        legacy_days.holiday_date,
        legacy_days.is_school_holiday_zone_b as is_school_holiday,
        legacy_days.holiday_name
    from legacy_days

    union all

    select
        'zone_c' as zone_code,
        legacy_days.holiday_date,
        legacy_days.is_school_holiday_zone_c as is_school_holiday,
        legacy_days.holiday_name
    from legacy_days

),

official_days_matched as (

    select
        dates.date_day,
        zones.zone_code,
        count(school_holidays.start_date) as matching_period_count,
        min(school_holidays.holiday_name) as holiday_name
    from dates
    cross join zones
    left join school_holidays
        on
            zones.zone_code = school_holidays.zone_code
            and dates.date_day >= school_holidays.start_date
            and dates.date_day < school_holidays.end_date
    group by 1, 2

),

sources_chosen as (

    select
        official_days_matched.date_day,
        official_days_matched.zone_code,
        official_days_matched.matching_period_count,
        official_days_matched.holiday_name as official_holiday_name,
        case
            when
                official_coverage.first_start_date is null
                or official_days_matched.date_day < official_coverage.first_start_date
                then 'legacy_daily_file'
            when official_days_matched.date_day < official_coverage.coverage_end_date
                then 'official_calendar'
        end as holiday_source
    from official_days_matched
    left join official_coverage
        on official_days_matched.zone_code = official_coverage.zone_code

),

resolved as (

    select
        sources_chosen.date_day,
        sources_chosen.zone_code,
        case
            when sources_chosen.holiday_source = 'official_calendar'
                then sources_chosen.holiday_source
            when legacy_days_unpivoted.is_school_holiday is not null
                then sources_chosen.holiday_source
        end as school_holiday_source,
        case sources_chosen.holiday_source
            when 'official_calendar' then sources_chosen.matching_period_count > 0
            when 'legacy_daily_file' then legacy_days_unpivoted.is_school_holiday
        end as is_school_holiday,
        case
            when sources_chosen.holiday_source = 'official_calendar'
                then sources_chosen.official_holiday_name
            when
                sources_chosen.holiday_source = 'legacy_daily_file'
                and legacy_days_unpivoted.is_school_holiday
                then legacy_days_unpivoted.holiday_name
        end as school_holiday_name
    from sources_chosen
    left join legacy_days_unpivoted
        on
            sources_chosen.zone_code = legacy_days_unpivoted.zone_code
            and sources_chosen.date_day = legacy_days_unpivoted.holiday_date

)

select * from resolved
