{#
    Every COG 2026 code (commune-actuelle or arrondissement-municipal) mapped
    to the code of its commune: an arrondissement maps to its parent
    (Paris 75056, Lyon 69123, Marseille 13055), a commune to itself.
#}

with

communes as (

    select
        geo_code,
        geo_name,
        geo_type,
        parent_commune_code,
        department_code,
        is_municipal_arrondissement
    from {{ ref('stg_cog__communes') }}

),

mapped as (

    select
        communes.geo_code,
        communes.geo_name,
        case
            when communes.is_municipal_arrondissement then 'municipal_arrondissement'
            else 'commune'
        end as geo_type,
        case
            when communes.is_municipal_arrondissement then communes.parent_commune_code
            else communes.geo_code
        end as commune_code,
        communes.department_code,
        communes.is_municipal_arrondissement
    from communes

)

select * from mapped
