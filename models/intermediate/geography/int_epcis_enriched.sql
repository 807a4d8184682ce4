{#
    One row per EPCI of COG 2026, the columns of dim_epcis (area in km²),
    so the indicators can read them without going through a mart.
#}

with

epcis as (

    select * from {{ ref('stg_cog__epcis') }}

),

final as (

    select

        ----------  ids
        epcis.epci_code,

        ----------  strings
        epcis.epci_name,
        epcis.epci_type,
        epcis.financing_mode,

        ----------  numerics
        epcis.population,
        epcis.total_population,
        epcis.commune_count,
        cast(epcis.area_m2_approx as double precision) / 1000000 as area_km2

    from epcis

)

select * from final
