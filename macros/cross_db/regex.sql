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

{# Spark: rlike (Java regular expressions, which read the project's patterns
   as POSIX does). A backslash in a Spark string literal is an escape
   character, so each one of the pattern is doubled. #}
{% macro spark__wattlas_regex_matches(expression, pattern) -%}
    ({{ expression }} rlike '{{ wattlas_spark_escape_backslashes(pattern) }}')
{%- endmacro %}

{#
    Text of `expression` with the first match of `pattern` replaced by
    `replacement`, where \1 .. \9 stand for the pattern's groups (the
    PostgreSQL and DuckDB spelling).
#}
{% macro wattlas_regex_replace(expression, pattern, replacement) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('wattlas_regex_replace', 'wattlas')(expression, pattern, replacement)) }}
    {%- else -%}
        {{ return(default__wattlas_regex_replace(expression, pattern, replacement)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__wattlas_regex_replace(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, '{{ pattern }}', '{{ replacement }}')
{%- endmacro %}

{# Spark: groups are $1 .. $9 in the replacement, and backslashes doubled in
   the literals. Spark replaces every match: the project's patterns are
   anchored (^...$), so there is only one. #}
{% macro spark__wattlas_regex_replace(expression, pattern, replacement) -%}
    {%- set groups = modules.re.sub('\\\\([1-9])', '$\\1', replacement) -%}
    regexp_replace(
        {{ expression }},
        '{{ wattlas_spark_escape_backslashes(pattern) }}',
        '{{ wattlas_spark_escape_backslashes(groups) }}'
    )
{%- endmacro %}

{# A text written for a SQL string literal where backslash is an ordinary
   character (PostgreSQL, DuckDB), with each backslash doubled for Spark. #}
{% macro wattlas_spark_escape_backslashes(text) -%}
    {{- text | replace('\\', '\\\\') -}}
{%- endmacro %}
