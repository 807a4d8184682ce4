{#
    Time-zone conversions that read the same on DuckDB (ICU) and PostgreSQL.
    Both engines give "timestamptz at time zone 'X'" the meaning "wall-clock
    time in X", and "timestamp at time zone 'X'" the meaning "this wall-clock
    time in X, as an instant", so these never depend on the session zone.

    Spark (spark__ variants) has no "at time zone": from_utc_timestamp and
    to_utc_timestamp shift a timestamp read as UTC wall-clock time, which is
    how the project's timestamps are stored. Spark's casts between timestamp,
    date and text follow the session zone, so the Spark Thrift server must
    run with spark.sql.session.timeZone = UTC (scripts/spark.sh sets it).
#}

{# An ISO-8601 text with offset (2024-01-01T00:00:00+01:00) -> UTC timestamp. #}
{% macro iso_text_to_utc(text_column) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('iso_text_to_utc', 'wattlas')(text_column)) }}
    {%- else -%}
        {{ return(default__iso_text_to_utc(text_column)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__iso_text_to_utc(text_column) -%}
    (cast({{ text_column }} as timestamptz) at time zone 'UTC')
{%- endmacro %}

{# Spark: the cast reads the offset (+01, +0100, +01:00, Z) but needs the
   seconds, so ':00' is added to a time written HH:MM. #}
{% macro spark__iso_text_to_utc(text_column) -%}
    cast(
        regexp_replace(
            {{ text_column }}, '^([0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2})(?!:)', '$1:00'
        ) as timestamp
    )
{%- endmacro %}

{# A wall-clock timestamp in the local zone -> UTC timestamp. #}
{% macro local_to_utc(timestamp_column, zone=none) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('local_to_utc', 'wattlas')(timestamp_column, zone)) }}
    {%- else -%}
        {{ return(default__local_to_utc(timestamp_column, zone)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__local_to_utc(timestamp_column, zone=none) -%}
    (({{ timestamp_column }} at time zone '{{ zone or var("local_timezone") }}')
        at time zone 'UTC')
{%- endmacro %}

{# Spark: to_utc_timestamp() reads a wall-clock time of the autumn hour that
   occurs twice as the first one (summer time); DuckDB and PostgreSQL read it
   as the second one (standard time). `later` is the time read with the
   zone's offset three hours after the first reading: when it shows the same
   wall-clock time, the time was ambiguous and `later` is the answer. A time
   skipped in spring gives the same instant as on DuckDB and PostgreSQL. #}
{% macro spark__local_to_utc(timestamp_column, zone=none) -%}
    {%- set zone_name = "'" ~ (zone or var("local_timezone")) ~ "'" -%}
    {%- set first = 'to_utc_timestamp(' ~ timestamp_column ~ ', ' ~ zone_name ~ ')' -%}
    {%- set probe = '(' ~ first ~ ' + interval 3 hours)' -%}
    {%- set probe_local = 'from_utc_timestamp(' ~ probe ~ ', ' ~ zone_name ~ ')' -%}
    {%- set offset_after = '(' ~ probe_local ~ ' - ' ~ probe ~ ')' -%}
    {%- set later = '(' ~ timestamp_column ~ ' - ' ~ offset_after ~ ')' -%}
    (case
        when from_utc_timestamp({{ later }}, {{ zone_name }}) = {{ timestamp_column }} then {{ later }}
        else {{ first }}
    end)
{%- endmacro %}

{# A UTC timestamp -> wall-clock timestamp in the local zone. #}
{% macro utc_to_local(timestamp_column, zone=none) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('utc_to_local', 'wattlas')(timestamp_column, zone)) }}
    {%- else -%}
        {{ return(default__utc_to_local(timestamp_column, zone)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__utc_to_local(timestamp_column, zone=none) -%}
    (({{ timestamp_column }} at time zone 'UTC')
        at time zone '{{ zone or var("local_timezone") }}')
{%- endmacro %}

{% macro spark__utc_to_local(timestamp_column, zone=none) -%}
    from_utc_timestamp({{ timestamp_column }}, '{{ zone or var("local_timezone") }}')
{%- endmacro %}

{# A UTC timestamp -> local calendar date (Europe/Paris by default). #}
{% macro utc_to_local_date(timestamp_column, zone=none) -%}
    cast({{ utc_to_local(timestamp_column, zone) }} as date)
{%- endmacro %}
