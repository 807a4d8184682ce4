{#
    Resolves any commune code found in facts (a COG 2026 commune, a
    municipal arrondissement of Paris, Lyon or Marseille, or the former code
    of a merged commune) to its dim_communes key.
#}

with

commune_codes as (

    select * from {{ ref('int_commune_codes_mapped') }}

),

final as (

    select

        ----------  ids
        commune_codes.geo_code,
        commune_codes.commune_code,
        commune_codes.department_code,

        ----------  strings
        commune_codes.geo_name,
        commune_codes.geo_type,
        commune_codes.resolved_by,

        ----------  booleans
        commune_codes.is_municipal_arrondissement

    from commune_codes

)

select * from final
