{# Digits-only text is cast; anything else (blank, 'NA') becomes NULL. #}
with

source as (

    select * from {{ source('cog', 'epcis') }}

),

renamed as (

    select

        ----------  ids
        code as epci_code,

        ----------  strings
        name as epci_name,
        type as epci_type,
        mode_financement as financing_mode,

        ----------  numerics
        case
            when translate(population, '0123456789', '') = '' and population <> ''
                then cast(population as bigint)
        end as population,
        case
            when translate(population_totale, '0123456789', '') = '' and population_totale <> ''
                then cast(population_totale as bigint)
        end as total_population,
        case
            when translate(n_communes, '0123456789', '') = '' and n_communes <> ''
                then cast(n_communes as integer)
        end as commune_count,
        case
            when translate(area_m2_approx, '0123456789', '') = '' and area_m2_approx <> ''
                then cast(area_m2_approx as bigint)
        end as area_m2_approx

    from source

)

select * from renamed
