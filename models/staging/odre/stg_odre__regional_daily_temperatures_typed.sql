{#
    Daily regional temperatures typed once, every raw line kept: the typed
    columns of stg_odre__regional_daily_temperatures plus the first column
    of the line that cannot be typed (quarantine_column, quarantine_reason,
    quarantine_value; NULL when the line types). An empty temperature is
    missing, not a problem; the export writes a decimal point, so a
    decimal comma is a problem.
#}

{%- set measures = [
    ('tmin_c', 'min_temperature_c'),
    ('tmax_c', 'max_temperature_c'),
    ('tmoy_c', 'mean_temperature_c'),
] -%}

{%- set checks = [('date', 'date'), ('code_insee_region', 'code_insee_region')] -%}
{%- for raw_column, column in measures -%}
    {%- do checks.append((raw_column, raw_column)) -%}
{%- endfor -%}

with

source as (

    select
        date,
        code_insee_region,
        region,
        tmin_c,
        tmax_c,
        tmoy_c,
        _source_file,
        _source_line,
        _loaded_at
    from {{ source('odre', 'temperature_quotidienne_regionale') }}

),

checked as (

    select
        {{ wattlas_key_problem('source.date', wattlas_date_problem('source.date')) }}
            as date__problem,
        {{ wattlas_key_problem('source.code_insee_region') }} as code_insee_region__problem,
        {%- for raw_column, column in measures %}
            {{ wattlas_number_problem(
                'source.' ~ raw_column, 'numeric(5, 2)', decimal_comma=false
            ) }}
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
        checked._source_file as source_file,
        {{ wattlas_quarantine_columns('checked', checks) }},

        ----------  numerics
        {%- for raw_column, column in measures %}
            {{ wattlas_parse_number(
                'checked.' ~ raw_column, 'numeric(5, 2)', decimal_comma=false
            ) }}
                as {{ column }},
        {%- endfor %}
        cast(checked._source_line as integer) as source_line,

        ----------  dates
        {{ wattlas_parse_date('checked.date') }} as measured_date,

        ----------  timestamps
        checked._loaded_at as loaded_at

    from checked

)

select * from typed
