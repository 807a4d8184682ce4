{#
    INSEE 2018 population, households and principal residences summed from
    the communes (int_communes_enriched) to departments and regions, the
    denominators of the per-inhabitant and per-household figures. It holds
    one row per commune-actuelle with Paris, Lyon and Marseille already
    rolled up from their municipal arrondissements, so each inhabitant is
    counted once.
    Communes without INSEE figures (PACA is not in this copy, Mayotte,
    codes created after 2021) add nothing and are counted.
#}

with

communes as (

    select
        commune_code,
        department_code,
        region_code,
        insee_population_2018,
        insee_households_2018,
        insee_principal_residences_2018,
        has_insee_statistics
    from {{ ref('int_communes_enriched') }}

),

areas_assigned as (

    select
        'department' as area_level,
        communes.department_code as area_code,
        communes.insee_population_2018,
        communes.insee_households_2018,
        communes.insee_principal_residences_2018,
        communes.has_insee_statistics
    from communes

    union all

    select
        'region' as area_level,
        communes.region_code as area_code,
        communes.insee_population_2018,
        communes.insee_households_2018,
        communes.insee_principal_residences_2018,
        communes.has_insee_statistics
    from communes

),

areas_aggregated as (

    select
        cast(areas_assigned.area_level as varchar) as area_level,
        areas_assigned.area_code,
        sum(areas_assigned.insee_population_2018) as insee_population_2018,
        sum(areas_assigned.insee_households_2018) as insee_households_2018,
        sum(areas_assigned.insee_principal_residences_2018)
            as insee_principal_residences_2018,
        count(*) as commune_count,
        sum(case when areas_assigned.has_insee_statistics then 0 else 1 end)
            as commune_without_statistics_count
    from areas_assigned
    group by 1, 2

)

select * from areas_aggregated
