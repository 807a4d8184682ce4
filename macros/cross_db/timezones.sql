{#
    Time-zone conversions that read the same on DuckDB (ICU) and PostgreSQL.
    Both engines give "timestamptz at time zone 'X'" the meaning "wall-clock
    time in X", and "timestamp at time zone 'X'" the meaning "this wall-clock
    time in X, as an instant", so these never depend on the session zone.
#}

{# An ISO-8601 text with offset (2024-01-01T00:00:00+01:00) -> UTC timestamp. #}
{% macro iso_text_to_utc(text_column) -%}
    (cast({{ text_column }} as timestamptz) at time zone 'UTC')
{%- endmacro %}

{# A wall-clock timestamp in the local zone -> UTC timestamp. #}
{% macro local_to_utc(timestamp_column, zone=none) -%}
    (({{ timestamp_column }} at time zone '{{ zone or var("local_timezone") }}')
        at time zone 'UTC')
{%- endmacro %}

{# A UTC timestamp -> wall-clock timestamp in the local zone. #}
{% macro utc_to_local(timestamp_column, zone=none) -%}
    (({{ timestamp_column }} at time zone 'UTC')
        at time zone '{{ zone or var("local_timezone") }}')
{%- endmacro %}

{# A UTC timestamp -> local calendar date (Europe/Paris by default). #}
{% macro utc_to_local_date(timestamp_column, zone=none) -%}
    cast({{ utc_to_local(timestamp_column, zone) }} as date)
{%- endmacro %}
