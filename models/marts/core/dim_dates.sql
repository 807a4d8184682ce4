{#
    Calendar dimension: one row per local (Europe/Paris) date. The
    attributes are derived in int_dates_enriched (which the intermediate
    models read too); this mart publishes them under its contract.
#}

with

dates_enriched as (

    select * from {{ ref('int_dates_enriched') }}

),

final as (

    select

        ----------  ids
        dates_enriched.date_day,

        ----------  numerics
        dates_enriched.calendar_year,
        dates_enriched.quarter_of_year,
        dates_enriched.month_of_year,
        dates_enriched.day_of_month,
        dates_enriched.day_of_year,
        dates_enriched.iso_weekday,
        dates_enriched.hours_in_day,

        ----------  strings
        dates_enriched.weekday_name,
        dates_enriched.month_name,
        dates_enriched.season,
        dates_enriched.heating_season,
        dates_enriched.public_holiday_name,
        dates_enriched.public_holiday_name_alsace_moselle,
        dates_enriched.school_holiday_name_zone_a,
        dates_enriched.school_holiday_name_zone_b,
        dates_enriched.school_holiday_name_zone_c,
        dates_enriched.school_holiday_source,

        ----------  booleans
        dates_enriched.is_weekend,
        dates_enriched.is_working_day,
        dates_enriched.is_public_holiday,
        dates_enriched.is_public_holiday_alsace_moselle,
        dates_enriched.is_school_holiday_zone_a,
        dates_enriched.is_school_holiday_zone_b,
        dates_enriched.is_school_holiday_zone_c,
        dates_enriched.is_heating_season,
        dates_enriched.is_dst_change_day,

        ----------  timestamps
        dates_enriched.day_start_at,
        dates_enriched.day_end_at

    from dates_enriched

)

select * from final
