{# Boolean: does `expression` match the POSIX `pattern`? #}
{% macro wattlas_regex_matches(expression, pattern) -%}
    {{ return(adapter.dispatch('wattlas_regex_matches', 'wattlas')(expression, pattern)) }}
{%- endmacro %}

{% macro default__wattlas_regex_matches(expression, pattern) -%}
    ({{ expression }} ~ '{{ pattern }}')
{%- endmacro %}

{% macro duckdb__wattlas_regex_matches(expression, pattern) -%}
    regexp_matches({{ expression }}, '{{ pattern }}')
{%- endmacro %}
