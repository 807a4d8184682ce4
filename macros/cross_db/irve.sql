{#
    Parsing of IRVE / QualiCharge raw text (static, statuses, sessions).
    Same results on DuckDB and PostgreSQL, with Spark variants for the Spark
    port (dispatching macros fall back to the default variant where `adapter`
    is undefined, i.e. under sqlfluff); NULL, never an error, on text of an
    unexpected shape (the shape is checked before any cast).

    - irve_epoch_ms_to_utc(expr)              epoch milliseconds -> UTC timestamp
    - irve_parse_timestamp_utc(expr, naive_as_utc=false)
                                              epoch ms, or ISO-8601 with offset/Z
                                              ('2026-07-13 13:42:40+00:00',
                                              '2025-04-25T00:03:49.925816+02:00',
                                              '2026-06-01T17:33:02Z') -> UTC
                                              timestamp; text without offset only
                                              when naive_as_utc (read as UTC)
    - irve_is_naive_timestamp(expr)           ISO date-time without offset?
    - irve_seconds_between(start, end)        double precision seconds
    - irve_parse_boolean(expr)                'True'/'false'/'1'/'0'... -> boolean
    - irve_parse_coordinate(expr, axis)       '[lon, lat]', 'POINT(lon lat)',
                                              'SRID=4326;POINT(lon lat)' -> lon or
                                              lat as double precision
    - irve_clean_text(expr)                   trimmed text, '' -> NULL
#}

{# Epoch milliseconds (integer text) -> UTC timestamp, exact to the
   millisecond. Integer arithmetic on both engines rather than
   to_timestamp(ms / 1000.0), whose double precision can move the value by
   a microsecond and differently on each engine. #}
{% macro irve_epoch_ms_to_utc(expression) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('irve_epoch_ms_to_utc', 'wattlas')(expression)) }}
    {%- else -%}
        {{ return(default__irve_epoch_ms_to_utc(expression)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__irve_epoch_ms_to_utc(expression) -%}
    (cast('1970-01-01 00:00:00' as timestamp)
        + cast({{ expression }} as bigint) * interval '1 millisecond')
{%- endmacro %}

{% macro duckdb__irve_epoch_ms_to_utc(expression) -%}
    epoch_ms(cast({{ expression }} as bigint))
{%- endmacro %}

{# Spark: timestamp_millis() is exact to the millisecond too. #}
{% macro spark__irve_epoch_ms_to_utc(expression) -%}
    timestamp_millis(cast({{ expression }} as bigint))
{%- endmacro %}

{% macro irve_is_naive_timestamp(expression) -%}
    {{ wattlas_regex_matches('trim(' ~ expression ~ ')',
        '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?$') }}
{%- endmacro %}

{% macro irve_parse_timestamp_utc(expression, naive_as_utc=false) -%}
    (case
        when {{ wattlas_regex_matches('trim(' ~ expression ~ ')', '^[0-9]{10,15}$') }}
            then {{ irve_epoch_ms_to_utc('trim(' ~ expression ~ ')') }}
    {%- if naive_as_utc %}
        when {{ irve_is_naive_timestamp(expression) }}
            then cast(replace(trim({{ expression }}), 'T', ' ') as timestamp)
    {%- endif %}
        else {{ wattlas_parse_iso_timestamp_utc(expression) }}
    end)
{%- endmacro %}

{# Seconds from start to end (negative when end is earlier). #}
{% macro irve_seconds_between(start_timestamp, end_timestamp) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('irve_seconds_between', 'wattlas')(start_timestamp, end_timestamp)) }}
    {%- else -%}
        {{ return(default__irve_seconds_between(start_timestamp, end_timestamp)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__irve_seconds_between(start_timestamp, end_timestamp) -%}
    cast(extract(epoch from ({{ end_timestamp }} - {{ start_timestamp }})) as double precision)
{%- endmacro %}

{% macro duckdb__irve_seconds_between(start_timestamp, end_timestamp) -%}
    ((epoch_us({{ end_timestamp }}) - epoch_us({{ start_timestamp }})) / 1000000.0)
{%- endmacro %}

{# Spark: no epoch of an interval; the microsecond difference as a double. #}
{% macro spark__irve_seconds_between(start_timestamp, end_timestamp) -%}
    (cast(unix_micros({{ end_timestamp }}) - unix_micros({{ start_timestamp }}) as double) / 1000000)
{%- endmacro %}

{# Python/JSON/CSV spellings of booleans (the QualiCharge extract writes
   'True'/'False', the etalab CSV 'true'/'false'); anything else is NULL. #}
{% macro irve_parse_boolean(expression) -%}
    (case
        when lower(trim({{ expression }})) in ('true', 't', '1', 'yes', 'oui', 'vrai') then true
        when lower(trim({{ expression }})) in ('false', 'f', '0', 'no', 'non', 'faux') then false
    end)
{%- endmacro %}

{% macro irve_clean_text(expression) -%}
    nullif(trim({{ expression }}), '')
{%- endmacro %}

{# One axis ('lon' or 'lat') of a coordinates text. Longitude comes first
   in every accepted shape (IRVE coordonneesXY convention). #}
{% macro irve_parse_coordinate(expression, axis) -%}
    {%- set number = '([+-]?[0-9]+([.][0-9]+)?)' -%}
    {%- set group = '\\1' if axis == 'lon' else '\\3' -%}
    {%- set bracket = '^\\[ *' ~ number ~ ' *, *' ~ number ~ ' *\\]$' -%}
    {%- set point = '^(SRID=[0-9]+;)?POINT *\\( *' ~ number ~ ' +' ~ number ~ ' *\\)$' -%}
    {%- set point_group = '\\2' if axis == 'lon' else '\\4' -%}
    (case
        when {{ wattlas_regex_matches('trim(' ~ expression ~ ')', bracket) }}
            then cast(
                {{ wattlas_regex_replace('trim(' ~ expression ~ ')', bracket, group) }}
                as {{ wattlas_type('double precision') }}
            )
        when {{ wattlas_regex_matches('upper(trim(' ~ expression ~ '))', point) }}
            then cast(
                {{ wattlas_regex_replace('upper(trim(' ~ expression ~ '))', point, point_group) }}
                as {{ wattlas_type('double precision') }}
            )
    end)
{%- endmacro %}
