{#
    One row per COG 2026 department code (101 departments, 8 COM codes),
    the columns of dim_departments: the COG fields, the area in km² and the
    number of communes-actuelles, so the indicators can read them without
    going through a mart.
#}

with

departments as (

    select * from {{ ref('stg_cog__departments') }}

),

communes as (

    select department_code from {{ ref('stg_cog__communes') }}
    where not is_municipal_arrondissement

),

communes_counted as (

    select
        communes.department_code,
        count(*) as commune_count
    from communes
    group by 1

),

final as (

    select

        ----------  ids
        departments.department_code,
        departments.region_code,
        departments.chef_lieu_commune_code,

        ----------  strings
        departments.department_name,
        departments.zone,

        ----------  numerics
        departments.population,
        cast(departments.area_m2_approx as double precision) / 1000000 as area_km2,
        cast(coalesce(communes_counted.commune_count, 0) as integer) as commune_count

    from departments
    left join communes_counted
        on departments.department_code = communes_counted.department_code

)

select * from final
