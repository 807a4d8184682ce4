{#
    One row per commune-actuelle of COG 2026 (municipal arrondissements are
    resolved with dim_commune_codes). The columns are built by
    int_communes_enriched, which intermediate models read as well.
#}

with

communes as (

    select * from {{ ref('int_communes_enriched') }}

),

final as (

    select

        ----------  ids
        communes.commune_code,
        communes.department_code,
        communes.region_code,
        communes.epci_code,

        ----------  strings
        communes.commune_name,
        communes.zone,
        communes.insee_statistics_source,

        ----------  numerics
        communes.population,
        communes.area_km2,
        communes.arrondissement_count,
        communes.insee_population_2018,
        communes.insee_households_2018,
        communes.insee_dwellings_2018,
        communes.insee_principal_residences_2018,
        communes.insee_secondary_residences_2018,
        communes.insee_vacant_dwellings_2018,
        communes.insee_area_km2,

        ----------  booleans
        communes.has_insee_statistics

    from communes

)

select * from final
