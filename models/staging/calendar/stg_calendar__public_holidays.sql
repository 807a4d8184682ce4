{#
    Dedup rule: one row per date x zone. When two holidays fall on the same
    day (2008-05-01: 1er mai and Ascension) their names are joined with
    " / " in alphabetical order and holiday_count says how many there are.
#}

with

metropole as (

    select * from {{ source('etalab', 'jours_feries_metropole') }}

),

alsace_moselle as (

    select * from {{ source('etalab', 'jours_feries_alsace_moselle') }}

),

renamed as (

    select
        'metropole' as zone_code,
        cast(metropole.date as date) as holiday_date,
        metropole.nom_jour_ferie as holiday_name
    from metropole

    union all

    select
        'alsace_moselle' as zone_code,
        cast(alsace_moselle.date as date) as holiday_date,
        alsace_moselle.nom_jour_ferie as holiday_name
    from alsace_moselle

),

deduplicated as (

    select
        renamed.zone_code,
        renamed.holiday_date,
        string_agg(renamed.holiday_name, ' / ' order by renamed.holiday_name) as holiday_name,
        count(*) as holiday_count
    from renamed
    group by 1, 2

),

final as (

    select

        ----------  ids
        deduplicated.zone_code,

        ----------  strings
        deduplicated.holiday_name,

        ----------  numerics
        cast(deduplicated.holiday_count as integer) as holiday_count,

        ----------  dates
        deduplicated.holiday_date

    from deduplicated

)

select * from final
