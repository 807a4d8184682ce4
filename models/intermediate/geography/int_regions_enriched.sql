{#
    One row per COG 2026 region code, the columns of dim_regions: the COG
    fields, the area in km², the INSEE 2019 legal populations and the
    number of departments, so the indicators can read them without going
    through a mart.
#}

with

regions as (

    select * from {{ ref('stg_cog__regions') }}

),

region_legal_populations as (

    select * from {{ ref('stg_insee__region_legal_populations') }}

),

departments as (

    select region_code from {{ ref('stg_cog__departments') }}

),

departments_counted as (

    select
        departments.region_code,
        count(*) as department_count
    from departments
    group by 1

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
        cast(regions.area_m2_approx as double precision) / 1000000 as area_km2,
        region_legal_populations.municipal_population_2019,
        region_legal_populations.total_population_2019,
        cast(coalesce(departments_counted.department_count, 0) as integer) as department_count

    from regions
    left join region_legal_populations
        on regions.region_code = region_legal_populations.region_code
    left join departments_counted
        on regions.region_code = departments_counted.region_code

)

select * from final
