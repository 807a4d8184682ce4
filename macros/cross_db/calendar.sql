{#
    Calendar helpers that read the same on DuckDB and PostgreSQL, with Spark
    variants (spark__) for the Spark port.
#}

{#
    A one-column relation (date_day) with one row per local date in
    [start_date, end_date): end exclusive, as the dim_dates vars.
    Arguments are SQL date expressions, e.g. "cast('2006-01-01' as date)".
#}
{#
    `adapter` is undefined in sqlfluff's jinja templater: the lint then
    renders the default (PostgreSQL) variant instead of failing.
#}
{% macro wattlas_date_spine(start_date, end_date) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('wattlas_date_spine', 'wattlas')(start_date, end_date)) }}
    {%- else -%}
        {{ return(default__wattlas_date_spine(start_date, end_date)) }}
    {%- endif -%}
{%- endmacro %}

{# PostgreSQL: generate_series is inclusive; timestamp (not timestamptz) inputs
   keep the session time zone out of the day steps. #}
{% macro default__wattlas_date_spine(start_date, end_date) -%}
    select cast(series.day_at as date) as date_day
    from generate_series(
        cast({{ start_date }} as timestamp),
        cast({{ end_date }} as timestamp) - interval '1 day',
        interval '1 day'
    ) as series (day_at)
{%- endmacro %}

{# DuckDB: range() excludes its end, like the spine. #}
{% macro duckdb__wattlas_date_spine(start_date, end_date) -%}
    select cast(series.day_at as date) as date_day
    from range(
        cast({{ start_date }} as timestamp),
        cast({{ end_date }} as timestamp),
        interval 1 day
    ) as series (day_at)
{%- endmacro %}

{# Spark: sequence() of dates includes its end, so end minus one day; an empty
   range gives no row (sequence() would fail on a backwards range). #}
{% macro spark__wattlas_date_spine(start_date, end_date) -%}
    select explode(
        case
            when cast({{ start_date }} as date) < cast({{ end_date }} as date)
                then sequence(
                    cast({{ start_date }} as date),
                    date_sub(cast({{ end_date }} as date), 1),
                    interval 1 day
                )
            else array()
        end
    ) as date_day
{%- endmacro %}

{# ISO day of week of a date, 1 = Monday .. 7 = Sunday, as integer. #}
{% macro wattlas_iso_weekday(date_expression) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('wattlas_iso_weekday', 'wattlas')(date_expression)) }}
    {%- else -%}
        {{ return(default__wattlas_iso_weekday(date_expression)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__wattlas_iso_weekday(date_expression) -%}
    cast(extract(isodow from {{ date_expression }}) as integer)
{%- endmacro %}

{# Spark: no isodow, and its dayofweek() / extract(dow) count Sunday as 1;
   weekday() counts Monday as 0. #}
{% macro spark__wattlas_iso_weekday(date_expression) -%}
    cast(weekday({{ date_expression }}) + 1 as integer)
{%- endmacro %}

{# Whole hours between two UTC timestamps (exact for the 23/24/25 h local
   days): the interval's length in seconds / 3600, same on both engines. #}
{% macro wattlas_hours_between(start_timestamp, end_timestamp) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('wattlas_hours_between', 'wattlas')(start_timestamp, end_timestamp)) }}
    {%- else -%}
        {{ return(default__wattlas_hours_between(start_timestamp, end_timestamp)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__wattlas_hours_between(start_timestamp, end_timestamp) -%}
    cast(
        extract(epoch from ({{ end_timestamp }} - {{ start_timestamp }})) / 3600
        as integer
    )
{%- endmacro %}

{# Spark: no epoch of an interval; microseconds since the epoch of each side
   instead. round() first: Spark's cast to integer truncates where DuckDB and
   PostgreSQL round (the same for whole hours). #}
{% macro spark__wattlas_hours_between(start_timestamp, end_timestamp) -%}
    cast(
        round((unix_micros({{ end_timestamp }}) - unix_micros({{ start_timestamp }})) / 3600000000.0)
        as integer
    )
{%- endmacro %}
