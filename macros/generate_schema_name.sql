{#
    Models land in the schema their folder names (staging, intermediate,
    marts), with no target prefix: BI tools and the quality checks read
    fixed schema names on every engine.
#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
