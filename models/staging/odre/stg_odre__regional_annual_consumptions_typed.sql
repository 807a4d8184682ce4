{#
    Annual regional consumption typed once, every raw line kept: the typed
    columns of stg_odre__regional_annual_consumptions plus the first column
    of the line that cannot be typed (quarantine_column, quarantine_reason,
    quarantine_value; NULL when the line types). Empty values (gas where an
    operator is absent) are missing, not problems; the export writes a
    decimal point, so a decimal comma is a problem.
#}

{%- set status_columns = {
    'statut_rte': 'electricity_data_status',
    'statut_natran': 'gas_natran_data_status',
    'statut_terega': 'gas_terega_data_status',
} -%}

{#- raw column, staged column: the measures, in file order -#}
{%- set measures = [
    ('consommation_brute_gaz_gwh_pcs_0c_natran', 'gas_consumption_natran_gwh'),
    ('consommation_brute_gaz_gwh_pcs_0c_terega', 'gas_consumption_terega_gwh'),
    ('consommation_brute_electricite_gwh_rte', 'electricity_consumption_gwh'),
    ('consommation_brute_gaz_totale_gwh_pcs_0c', 'gas_consumption_gwh'),
    ('consommation_brute_totale_gwh', 'total_consumption_gwh'),
] -%}

{%- set checks = [('annee', 'annee'), ('code_insee_region', 'code_insee_region')] -%}
{%- for raw_column, column in measures -%}
    {%- do checks.append((raw_column, raw_column)) -%}
{%- endfor -%}

with

source as (

    select
        annee,
        code_insee_region,
        region,
        consommation_brute_electricite_gwh_rte,
        statut_rte,
        consommation_brute_gaz_gwh_pcs_0c_natran,
        statut_natran,
        consommation_brute_gaz_gwh_pcs_0c_terega,
        statut_terega,
        consommation_brute_gaz_totale_gwh_pcs_0c,
        consommation_brute_totale_gwh,
        _source_file,
        _source_line,
        _loaded_at
    from {{ source('odre', 'consommation_annuelle_brute_regionale') }}

),

checked as (

    select
        {{ wattlas_key_problem(
            'source.annee', wattlas_integer_problem('source.annee', decimal_comma=false),
        ) }} as annee__problem,
        {{ wattlas_key_problem('source.code_insee_region') }} as code_insee_region__problem,
        {%- for raw_column, column in measures %}
            {{ wattlas_number_problem('source.' ~ raw_column, decimal_comma=false) }}
                as {{ raw_column }}__problem,
        {%- endfor %}
        source.*
    from source

),

typed as (

    select
        ----------  ids
        {{ wattlas_zero_pad_code('checked.code_insee_region') }} as region_code,

        ----------  strings
        checked.region as region_name,
        {%- for raw_column, status_column in status_columns.items() %}
            {{ odre_data_status('checked.' ~ raw_column) }} as {{ status_column }},
        {%- endfor %}
        checked._source_file as source_file,
        {{ wattlas_quarantine_columns('checked', checks) }},

        ----------  numerics
        {{ wattlas_parse_integer('checked.annee', decimal_comma=false) }} as consumption_year,
        {%- for raw_column, column in measures %}
            {{ wattlas_parse_number('checked.' ~ raw_column, decimal_comma=false) }}
                as {{ column }},
        {%- endfor %}
        cast(checked._source_line as integer) as source_line,

        ----------  timestamps
        checked._loaded_at as loaded_at

    from checked

)

select * from typed
