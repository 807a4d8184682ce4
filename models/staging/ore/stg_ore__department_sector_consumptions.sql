{#
    Agence ORE annual consumption by department: one raw row per operator ×
    year × energy × department with one column group per sector, typed,
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

source as (

    select
        operateur,
        annee,
        filiere,
        code_departement,
        libelle_departement,
        code_region,
        libelle_region,
        {%- for raw_sector, quality_column, sector in sectors %}
            consommation_{{ raw_sector }}_mwh,
            nombre_de_points_{{ raw_sector }},
            nombre_de_mailles_secretisees_{{ raw_sector }},
            {{ quality_column }},
        {%- endfor %}
        _source_file,
        _source_line,
        _loaded_at
    from {{ source('ore', 'conso_secteur_departement') }}

),

renamed as (

    select
        ----------  ids
        -- 'NA' = consumption not assigned to a department: NULL code
        case
            when trim(source.code_departement) <> 'NA'
                then {{ wattlas_zero_pad_code('source.code_departement') }}
        end as department_code,
        {{ wattlas_zero_pad_code('source.code_region') }} as region_code,

        ----------  strings
        trim(source.operateur) as operator_name,
        case
            when source.filiere like '%lectricit%' then 'electricity'
            when source.filiere like 'Gaz%' then 'gas'
            else source.filiere
        end as energy,
        source.libelle_departement as department_name,
        source.libelle_region as region_name,
        source._source_file as source_file,

        ----------  numerics
        {{ wattlas_parse_integer('source.annee') }} as consumption_year,
        {%- for raw_sector, quality_column, sector in sectors %}
            {{ wattlas_parse_number('source.consommation_' ~ raw_sector ~ '_mwh') }}
                as {{ sector }}_consumption_mwh,
            {{ wattlas_parse_integer('source.nombre_de_points_' ~ raw_sector) }}
                as {{ sector }}_delivery_point_count,
            {{ wattlas_parse_integer('source.nombre_de_mailles_secretisees_' ~ raw_sector) }}
                as {{ sector }}_secret_mesh_count,
            {{ wattlas_parse_number('source.' ~ quality_column, 'numeric(8, 4)') }}
                as {{ sector }}_quality_index,
        {%- endfor %}
        cast(source._source_line as integer) as source_line,

        ----------  timestamps
        source._loaded_at as loaded_at

    from source

),

ranked as (

    select
        renamed.*,
        row_number() over (
            partition by
                renamed.operator_name,
                renamed.consumption_year,
                renamed.energy,
                renamed.department_code
            order by
                renamed.loaded_at desc nulls last,
                renamed.source_file desc nulls last,
                renamed.source_line desc nulls last
        ) as row_rank
    from renamed

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
