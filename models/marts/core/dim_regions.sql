{#
    One row per COG 2026 region code, built by int_regions_enriched (also
    read by the indicator models).
#}

with

regions as (

    select * from {{ ref('int_regions_enriched') }}

),

final as (

    select

        ----------  ids
        regions.region_code,
        regions.chef_lieu_commune_code,

        ----------  strings
        regions.region_name,
        regions.zone,

        ----------  numerics
        regions.population,
        regions.area_km2,
        regions.municipal_population_2019,
        regions.total_population_2019,
        regions.department_count

    from regions

)

select * from final
