{#
    Quarantine of raw lines that cannot be typed (the stg_*_typed views).

    - wattlas_quarantine_columns(relation, checks)
          quarantine_column, quarantine_reason, quarantine_value of the
          FIRST checked column whose problem is not null (NULL when the
          line types). `checks` lists (raw column name, column of
          `relation`) pairs in the order of the raw file; `relation` holds
          each column's raw text and its problem as <column>__problem (a
          wattlas_*_problem macro of macros/cross_db/parsing.sql).

    - wattlas_quarantined_lines(typed_relation, dataset)
          the common shape of the stg_*_quarantined views, one row per
          quarantined line: dataset (raw table name), source_file,
          source_line, column_name, reason, raw_value,
          operational_unit_code, loaded_at. fct_quarantined_lines unions
          them, so every dataset gives exactly these names and types.
#}

{% macro wattlas_quarantine_columns(relation, checks) -%}
    {%- set problems = [] -%}
    {%- for raw_column, column in checks -%}
        {%- do problems.append(relation ~ '.' ~ column ~ '__problem') -%}
    {%- endfor -%}
    case
    {%- for raw_column, column in checks %}
        when {{ problems[loop.index0] }} is not null then '{{ raw_column }}'
    {%- endfor %}
    end as quarantine_column,
    coalesce({{ problems | join(', ') }}) as quarantine_reason,
    case
    {%- for raw_column, column in checks %}
        when {{ problems[loop.index0] }} is not null
            then cast({{ relation }}.{{ column }} as varchar)
    {%- endfor %}
    end as quarantine_value
{%- endmacro %}

{% macro wattlas_quarantined_lines(typed_relation, dataset, operational_unit_code='null') -%}
    select
        cast({{ dataset }} as varchar) as dataset,
        cast(typed.source_file as varchar) as source_file,
        cast(typed.source_line as bigint) as source_line,
        cast(typed.quarantine_column as varchar) as column_name,
        cast(typed.quarantine_reason as varchar) as reason,
        cast(typed.quarantine_value as varchar) as raw_value,
        cast({{ operational_unit_code }} as varchar) as operational_unit_code,
        cast(typed.loaded_at as timestamp) as loaded_at
    from {{ typed_relation }} as typed
    where typed.quarantine_reason is not null
{%- endmacro %}
