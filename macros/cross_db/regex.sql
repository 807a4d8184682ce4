{#
    Boolean: does `expression` match the POSIX `pattern`?
    `adapter` is undefined in sqlfluff's jinja templater: the lint then
    renders the default (PostgreSQL) variant instead of failing.
#}
{% macro wattlas_regex_matches(expression, pattern) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('wattlas_regex_matches', 'wattlas')(expression, pattern)) }}
    {%- else -%}
        {{ return(default__wattlas_regex_matches(expression, pattern)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__wattlas_regex_matches(expression, pattern) -%}
    ({{ expression }} ~ '{{ pattern }}')
{%- endmacro %}

{% macro duckdb__wattlas_regex_matches(expression, pattern) -%}
    regexp_matches({{ expression }}, '{{ pattern }}')
{%- endmacro %}
