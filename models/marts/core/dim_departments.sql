{#
    One row per COG 2026 department code, built by
    int_departments_enriched (also read by the indicator models).
#}

with

departments as (

    select * from {{ ref('int_departments_enriched') }}

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
        departments.area_km2,
        departments.commune_count

    from departments

)

select * from final
