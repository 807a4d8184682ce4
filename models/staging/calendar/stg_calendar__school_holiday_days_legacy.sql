{#
    Legacy daily flags (vacances-scolaires-france). Used by
    int_school_holiday_days_resolved only before the official calendar covers
    zones A/B/C (its first zone A/B/C period, Toussaint 2017).
#}

with

source as (

    select * from {{ source('education', 'vacances_scolaires_par_jour') }}

),

renamed as (

    select

        ----------  strings
        nom_vacances as holiday_name,

        ----------  booleans
        case vacances_zone_a
            when 'True' then true
            when 'False' then false
        end as is_school_holiday_zone_a,
        case vacances_zone_b
            when 'True' then true
            when 'False' then false
        end as is_school_holiday_zone_b,
        case vacances_zone_c
            when 'True' then true
            when 'False' then false
        end as is_school_holiday_zone_c,

        ----------  dates
        cast(date as date) as holiday_date

    from source

)

select * from renamed
