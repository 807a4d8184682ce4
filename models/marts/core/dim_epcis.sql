{#
    One row per EPCI of COG 2026, built by int_epcis_enriched (also read by
    the indicator models).
#}

with

epcis as (

    select * from {{ ref('int_epcis_enriched') }}

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
        epcis.area_km2

    from epcis

)

select * from final
