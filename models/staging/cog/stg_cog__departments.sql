{# Digits-only text is cast; anything else (blank, 'NA') becomes NULL. #}
with

source as (

    select * from {{ source('cog', 'departments') }}

),

renamed as (

    select

        ----------  ids
        code as department_code,
        region_code,
        chef_lieu as chef_lieu_commune_code,

        ----------  strings
        name as department_name,
        zone,

        ----------  numerics
        case
            when translate(population, '0123456789', '') = '' and population <> ''
                then cast(population as bigint)
        end as population,
        case
            when translate(area_m2_approx, '0123456789', '') = '' and area_m2_approx <> ''
                then cast(area_m2_approx as bigint)
        end as area_m2_approx

    from source

)

select * from renamed
