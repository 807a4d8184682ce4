{#
    Rounding that gives the same digits on DuckDB and PostgreSQL. Two
    macros for two kinds of value, both here so the choice is made once:

    - wattlas_round(expression, scale=6)  a value computed once from exact
      inputs (a ratio, a share, a mean of a few values): half up at `scale`
      decimals through numeric(38, 12), returned as double precision.
    - wattlas_round_sum(expression, scale=6)  a float sum or mean whose
      terms each engine adds in its own order (usage durations, energy):
      half up in double precision in two steps, first at scale + 3
      decimals, which absorbs the last-bit noise of the different order,
      then at scale. Not through numeric: a cast of a large double to
      numeric is not exact on DuckDB. The first step can move a value whose
      digits past `scale` read 4999... by one unit of the last decimal,
      which is why exact values use wattlas_round.
    - wattlas_round_significant(expression)  about 9 significant digits (6
      decimals below 1,000, 3 below 1,000,000, none above) of such a sum.
    NULL stays NULL.

    wattlas_round and wattlas_round_sum dispatch (default: DuckDB and
    PostgreSQL) so that Spark gets its own spelling of the same arithmetic:
    `double` for double precision, and a floor that stays a double (Spark's
    floor() of a double is a bigint, which overflows past 9.2e18).
#}

{% macro wattlas_round(expression, scale=6) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('wattlas_round', 'wattlas')(expression, scale)) }}
    {%- else -%}
        {{ return(default__wattlas_round(expression, scale)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__wattlas_round(expression, scale=6) -%}
    cast(round(cast({{ expression }} as numeric(38, 12)), {{ scale }}) as double precision)
{%- endmacro %}

{# Spark: round() of a decimal is half up, as numeric on PostgreSQL. #}
{% macro spark__wattlas_round(expression, scale=6) -%}
    cast(round(cast({{ expression }} as decimal(38, 12)), {{ scale }}) as double)
{%- endmacro %}

{% macro wattlas_round_sum(expression, scale=6) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('wattlas_round_sum', 'wattlas')(expression, scale)) }}
    {%- else -%}
        {{ return(default__wattlas_round_sum(expression, scale)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__wattlas_round_sum(expression, scale=6) -%}
    cast(
        floor(
            floor(cast({{ expression }} as double precision) * {{ 10 ** (scale + 3) }} + 0.5)
            / 1000.0 + 0.5
        ) / {{ 10 ** scale }}.0 as double precision
    )
{%- endmacro %}

{% macro spark__wattlas_round_sum(expression, scale=6) -%}
    {%- set first -%}
        {{ wattlas_spark_double_floor(
            'cast(' ~ expression ~ ' as double) * ' ~ 10 ** (scale + 3) ~ ' + 0.5'
        ) }}
    {%- endset -%}
    cast(
        {{ wattlas_spark_double_floor(first ~ ' / 1000.0 + 0.5') }}
        / {{ 10 ** scale }}.0 as double
    )
{%- endmacro %}

{# Spark: floor of a double expression, as a double. From 2^52 on, every
   double is a whole number (its own floor), so floor() (a bigint) only runs
   below that and cannot overflow. #}
{% macro wattlas_spark_double_floor(expression) -%}
    (case
        when abs({{ expression }}) >= 4503599627370496 then ({{ expression }})
        else cast(floor({{ expression }}) as double)
    end)
{%- endmacro %}

{% macro wattlas_round_significant(expression) -%}
    (case
        when abs({{ expression }}) < 1000 then {{ wattlas_round_sum(expression, 6) }}
        when abs({{ expression }}) < 1000000 then {{ wattlas_round_sum(expression, 3) }}
        else {{ wattlas_round_sum(expression, 0) }}
    end)
{%- endmacro %}
