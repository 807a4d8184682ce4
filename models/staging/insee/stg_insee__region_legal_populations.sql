{# Digits-only text is cast; anything else (blank, 'NA') becomes NULL. #}
with

source as (

    select * from {{ source('insee', 'populations_legales_regions') }}

),

renamed as (

    select

        ----------  ids
        codreg as region_code,

        ----------  strings
        reg as region_name,

        ----------  numerics
        case
            when translate(pmun, '0123456789', '') = '' and pmun <> ''
                then cast(pmun as bigint)
        end as municipal_population_2019,
        case
            when translate(ptot, '0123456789', '') = '' and ptot <> ''
                then cast(ptot as bigint)
        end as total_population_2019

    from source

)

select * from renamed
