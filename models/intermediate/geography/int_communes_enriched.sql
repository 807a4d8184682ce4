{#
    One row per commune-actuelle of COG 2026, the columns of dim_communes.
    Municipal arrondissements are not rows here: resolve their codes with
    int_commune_codes_mapped. INSEE 2018
    columns come from int_commune_statistics_rolled_up (arrondissement
    figures summed into the parent when the parent has no row of its own).
#}

with

communes as (

    select * from {{ ref('stg_cog__communes') }}
    where not is_municipal_arrondissement

),

commune_statistics as (

    select * from {{ ref('int_commune_statistics_rolled_up') }}

),

final as (

    select

        ----------  ids
        communes.geo_code as commune_code,
        communes.department_code,
        communes.region_code,
        communes.epci_code,

        ----------  strings
        communes.geo_name as commune_name,
        communes.zone,
        commune_statistics.statistics_source as insee_statistics_source,

        ----------  numerics
        communes.population,
        cast(communes.area_m2_approx as double precision) / 1000000 as area_km2,
        commune_statistics.arrondissement_count,
        commune_statistics.population_2018 as insee_population_2018,
        commune_statistics.households_2018 as insee_households_2018,
        commune_statistics.dwellings_2018 as insee_dwellings_2018,
        commune_statistics.principal_residences_2018 as insee_principal_residences_2018,
        commune_statistics.secondary_residences_2018 as insee_secondary_residences_2018,
        commune_statistics.vacant_dwellings_2018 as insee_vacant_dwellings_2018,
        commune_statistics.area_km2 as insee_area_km2,

        ----------  booleans
        commune_statistics.statistics_source is not null as has_insee_statistics

    from communes
    left join commune_statistics
        on communes.geo_code = commune_statistics.commune_code

)

select * from final
