{# Digits-only text is cast; anything else (blank, 'NA') becomes NULL. #}
with

source as (

    select * from {{ source('cog', 'communes') }}

),

renamed as (

    select

        ----------  ids
        code as geo_code,
        parent_commune as parent_commune_code,
        department_code,
        region_code,
        epci_code,

        ----------  strings
        name as geo_name,
        type as geo_type,
        zone,

        ----------  numerics
        case
            when translate(population, '0123456789', '') = '' and population <> ''
                then cast(population as bigint)
        end as population,
        case
            when translate(area_m2_approx, '0123456789', '') = '' and area_m2_approx <> ''
                then cast(area_m2_approx as bigint)
        end as area_m2_approx,

        ----------  booleans
        type = 'arrondissement-municipal' as is_municipal_arrondissement

    from source

)

select * from renamed
