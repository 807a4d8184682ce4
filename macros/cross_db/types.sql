{#
    wattlas_type(name): the engine's spelling of a SQL type written as on
    PostgreSQL, for the casts that macros (and models) write. DuckDB and
    PostgreSQL read the name as it is; Spark has no double precision, text,
    unsized varchar or timestamptz, so its variant maps those (and the
    PostgreSQL int4/int8/float8 aliases) to Spark's names. Any other name
    (integer, bigint, numeric(p, s), date, boolean...) is valid on all three
    and is kept. The name is a Python string, the result too, so the macro
    can be used inside string concatenations.
#}
{% macro wattlas_type(name) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('wattlas_type', 'wattlas')(name)) }}
    {%- else -%}
        {{ return(default__wattlas_type(name)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__wattlas_type(name) -%}
    {{ return(name) }}
{%- endmacro %}

{% macro spark__wattlas_type(name) -%}
    {%- set spark_names = {
        'double precision': 'double',
        'float8': 'double',
        'float': 'double',
        'real': 'float',
        'float4': 'float',
        'text': 'string',
        'varchar': 'string',
        'character varying': 'string',
        'timestamptz': 'timestamp',
        'timestamp with time zone': 'timestamp',
        'int4': 'int',
        'int8': 'bigint',
        'int2': 'smallint',
    } -%}
    {%- set key = name | lower | trim -%}
    {{ return(spark_names.get(modules.re.sub('\\s+', ' ', key), name)) }}
{%- endmacro %}
