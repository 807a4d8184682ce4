{#
    Agence ORE annual consumption by department: one raw row per operator ×
    year × energy × department with one column group per sector, typed in
    stg_ore__department_sector_consumptions_typed (lines that do not type
    are in stg_ore__department_sector_consumptions_quarantined),
    deduplicated, then unpivoted (union all, one select per sector) to one
    row per sector. The raw per-row total (Consommation totale) is not
    carried, so that a sum over sectors never counts it twice.
#}

{#- raw column suffix, raw quality-index column, English sector -#}
{%- set sectors = [
    ('agriculture', 'indique_qualite_agriculture', 'agriculture'),
    ('industrie', 'indice_qualite_industrie', 'industry'),
    ('tertiaire', 'indice_qualite_tertiaire', 'tertiary'),
    ('residentiel', 'indice_qualite_residentiel', 'residential'),
    ('secteur_inconnu', 'indice_qualite_non_affecte', 'unknown'),
] -%}

with

typed as (

    select * from {{ ref('stg_ore__department_sector_consumptions_typed') }}
    where quarantine_reason is null

),

ranked as (

    select
        typed.*,
        row_number() over (
            partition by
                typed.operator_name,
                typed.consumption_year,
                typed.energy,
                typed.department_code
            order by
                typed.loaded_at desc nulls last,
                typed.source_file desc nulls last,
                typed.source_line desc nulls last
        ) as row_rank
    from typed

),

deduplicated as (

    select * from ranked
    where row_rank = 1

),

unpivoted as (

    {%- for raw_sector, quality_column, sector in sectors %}

        select
            ----------  ids
            deduplicated.department_code,
            deduplicated.region_code,

            ----------  strings
            deduplicated.operator_name,
            deduplicated.energy,
            cast('{{ sector }}' as varchar) as sector,
            deduplicated.department_name,
            deduplicated.region_name,
            deduplicated.source_file,

            ----------  numerics
            deduplicated.consumption_year,
            deduplicated.{{ sector }}_consumption_mwh as consumption_mwh,
            deduplicated.{{ sector }}_delivery_point_count as delivery_point_count,
            deduplicated.{{ sector }}_secret_mesh_count as secret_mesh_count,
            deduplicated.{{ sector }}_quality_index as quality_index,
            deduplicated.source_line,

            ----------  timestamps
            deduplicated.loaded_at

        from deduplicated
        {%- if not loop.last %}

            union all
        {%- endif %}
    {%- endfor %}

)

select * from unpivoted
