{#
    Agence ORE annual consumption by department typed once, every raw line
    kept: the typed columns of stg_ore__department_sector_consumptions
    (before the unpivot) plus the first column of the line that cannot be
    typed (quarantine_column, quarantine_reason, quarantine_value; NULL
    when the line types). Empty values are missing, not problems; the
    export writes a decimal point (and tiny quality indexes as 6.23e-05),
    so a decimal comma is a problem. Code région is empty on the lines not
    assigned to a department ('NA'): not a key.
#}

{#- raw column suffix, raw quality-index column, English sector -#}
{%- set sectors = [
    ('agriculture', 'indique_qualite_agriculture', 'agriculture'),
    ('industrie', 'indice_qualite_industrie', 'industry'),
    ('tertiaire', 'indice_qualite_tertiaire', 'tertiary'),
    ('residentiel', 'indice_qualite_residentiel', 'residential'),
    ('secteur_inconnu', 'indice_qualite_non_affecte', 'unknown'),
] -%}

{#- raw column, typing rule: the typed columns, in file order -#}
{%- set checked_columns = [('annee', 'integer')] -%}
{%- for raw_sector, quality_column, sector in sectors -%}
    {%- do checked_columns.append(('consommation_' ~ raw_sector ~ '_mwh', 'number')) -%}
    {%- do checked_columns.append(('nombre_de_points_' ~ raw_sector, 'integer')) -%}
    {%- do checked_columns.append(('nombre_de_mailles_secretisees_' ~ raw_sector, 'integer')) -%}
    {%- do checked_columns.append((quality_column, 'index')) -%}
{%- endfor -%}
{#- the typing rule of each checked column; the year is also a key -#}
{%- set ore_problems = {} -%}
{%- for raw_column, rule in checked_columns -%}
    {%- set expression = 'source.' ~ raw_column -%}
    {%- if rule == 'integer' -%}
        {%- set problem = wattlas_integer_problem(expression, decimal_comma=false) -%}
    {%- elif rule == 'index' -%}
        {%- set problem = wattlas_number_problem(
            expression, 'numeric(8, 4)', decimal_comma=false
        ) -%}
    {%- else -%}
        {%- set problem = wattlas_number_problem(expression, decimal_comma=false) -%}
    {%- endif -%}
    {%- if raw_column == 'annee' -%}
        {%- set problem = wattlas_key_problem(expression, problem) -%}
    {%- endif -%}
    {%- do ore_problems.update({raw_column: problem}) -%}
{%- endfor -%}

{%- set checks = [('operateur', 'operateur')] -%}
{%- for raw_column, rule in checked_columns -%}
    {%- do checks.append((raw_column, raw_column)) -%}
    {%- if raw_column == 'annee' -%}
        {%- do checks.append(('filiere', 'filiere')) -%}
    {%- endif -%}
{%- endfor -%}
{%- do checks.append(('code_departement', 'code_departement')) -%}

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

checked as (

    select
        {%- for raw_column, rule in checked_columns %}
            {{ ore_problems[raw_column] }} as {{ raw_column }}__problem,
        {%- endfor %}
        {{ wattlas_key_problem('source.operateur') }} as operateur__problem,
        {{ wattlas_key_problem('source.filiere') }} as filiere__problem,
        {{ wattlas_key_problem('source.code_departement') }} as code_departement__problem,
        source.*
    from source

),

typed as (

    select
        ----------  ids
        -- 'NA' = consumption not assigned to a department: NULL code
        case
            when trim(checked.code_departement) <> 'NA'
                then {{ wattlas_zero_pad_code('checked.code_departement') }}
        end as department_code,
        {{ wattlas_zero_pad_code('checked.code_region') }} as region_code,

        ----------  strings
        trim(checked.operateur) as operator_name,
        case
            when checked.filiere like '%lectricit%' then 'electricity'
            when checked.filiere like 'Gaz%' then 'gas'
            else checked.filiere
        end as energy,
        checked.libelle_departement as department_name,
        checked.libelle_region as region_name,
        checked._source_file as source_file,
        {{ wattlas_quarantine_columns('checked', checks) }},

        ----------  numerics
        {{ wattlas_parse_integer('checked.annee', decimal_comma=false) }} as consumption_year,
        {%- for raw_sector, quality_column, sector in sectors %}
            {{ wattlas_parse_number(
                'checked.consommation_' ~ raw_sector ~ '_mwh', decimal_comma=false
            ) }}
                as {{ sector }}_consumption_mwh,
            {{ wattlas_parse_integer(
                'checked.nombre_de_points_' ~ raw_sector, decimal_comma=false
            ) }}
                as {{ sector }}_delivery_point_count,
            {{ wattlas_parse_integer(
                'checked.nombre_de_mailles_secretisees_' ~ raw_sector, decimal_comma=false
            ) }}
                as {{ sector }}_secret_mesh_count,
            {{ wattlas_parse_number(
                'checked.' ~ quality_column, 'numeric(8, 4)', decimal_comma=false
            ) }}
                as {{ sector }}_quality_index,
        {%- endfor %}
        cast(checked._source_line as integer) as source_line,

        ----------  timestamps
        checked._loaded_at as loaded_at

    from checked

)

select * from typed
