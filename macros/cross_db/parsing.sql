{#
    Safe parsing of raw text columns (raw.* tables hold every value as text).

    Each macro returns NULL, never an error, when the text does not have the
    expected shape: the shape is checked with a portable regular expression
    (wattlas_regex_matches) before the cast, inside a CASE, so the cast only
    runs on values that it can read. The same SQL runs on DuckDB and
    PostgreSQL and gives the same results (no try_cast, no ::, no
    engine-only functions).

    - wattlas_parse_number(expr, data_type)   '1 234,5' / '1234.5' / '-3' -> number
    - wattlas_parse_integer(expr, data_type)  '280' / '280.0' -> integer
    - wattlas_parse_date(expr)                'YYYY-MM-DD' or 'DD/MM/YYYY' -> date
    - wattlas_parse_time_minutes(expr)        'HH:MM[:SS]' -> minutes after midnight
    - wattlas_parse_iso_timestamp_utc(expr)   ISO-8601 with offset -> UTC timestamp
    - wattlas_zero_pad_code(expr, width)      '1' -> '01' (INSEE codes stay text)

    Known limit: the date macro checks the shape only, so an impossible
    calendar date such as 2024-02-30 still raises a cast error (loudly).
#}

{# Text with spaces (thousands separators, incl. no-break spaces) removed and
   a French decimal comma turned into a point. #}
{% macro wattlas_clean_number_text(expression) -%}
    replace(
        replace(
            replace(
                replace(trim({{ expression }}), ' ', ''),
                chr(160), ''
            ),
            chr(8239), ''
        ),
        ',', '.'
    )
{%- endmacro %}

{# Decimal number (optional sign, optional fraction; no exponent) -> data_type;
   NULL when empty or not a number. '1.234,5' (two separators) gives NULL. #}
{% macro wattlas_parse_number(expression, data_type='numeric(18, 3)') -%}
    {%- set cleaned = wattlas_clean_number_text(expression) -%}
    (case
        when {{ wattlas_regex_matches(cleaned, '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$') }}
            then cast({{ cleaned }} as {{ data_type }})
    end)
{%- endmacro %}

{# Whole number, also written with a zero fraction ('280.0', '280,00') ->
   data_type; NULL when empty, fractional or not a number. #}
{% macro wattlas_parse_integer(expression, data_type='integer') -%}
    {%- set cleaned = wattlas_clean_number_text(expression) -%}
    (case
        when {{ wattlas_regex_matches(cleaned, '^[+-]?[0-9]+([.]0*)?$') }}
            then cast(split_part({{ cleaned }}, '.', 1) as {{ data_type }})
    end)
{%- endmacro %}

{# 'YYYY-MM-DD' (ISO, official ODRE exports) or 'DD/MM/YYYY' (spreadsheet
   re-saves; day and month may have one digit) -> date; NULL otherwise. #}
{% macro wattlas_parse_date(expression) -%}
    (case
        when {{ wattlas_regex_matches('trim(' ~ expression ~ ')',
                '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') }}
            then cast(trim({{ expression }}) as date)
        when {{ wattlas_regex_matches('trim(' ~ expression ~ ')',
                '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$') }}
            then cast(
                split_part(trim({{ expression }}), '/', 3)
                || '-' || lpad(split_part(trim({{ expression }}), '/', 2), 2, '0')
                || '-' || lpad(split_part(trim({{ expression }}), '/', 1), 2, '0')
                as date
            )
    end)
{%- endmacro %}

{# 'HH:MM' or 'HH:MM:SS' (hour may have one digit) -> integer minutes after
   midnight (seconds ignored); NULL otherwise. #}
{% macro wattlas_parse_time_minutes(expression) -%}
    (case
        when {{ wattlas_regex_matches('trim(' ~ expression ~ ')',
                '^([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$') }}
            then cast(split_part(trim({{ expression }}), ':', 1) as integer) * 60
                + cast(split_part(trim({{ expression }}), ':', 2) as integer)
    end)
{%- endmacro %}

{# ISO-8601 timestamp WITH an offset or Z ('2024-01-01T00:00:00+01:00',
   '2022-12-31T23:00:00+00:00') -> UTC timestamp (see iso_text_to_utc).
   Text without an offset gives NULL: its instant would depend on the
   session time zone. #}
{% macro wattlas_parse_iso_timestamp_utc(expression) -%}
    (case
        when {{ wattlas_regex_matches('trim(' ~ expression ~ ')',
                '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?([+-][0-9]{2}(:?[0-9]{2})?|Z)$') }}
            then {{ iso_text_to_utc('trim(' ~ expression ~ ')') }}
    end)
{%- endmacro %}

{# Code shorter than width -> left-padded with zeros ('1' -> '01'); longer
   codes ('2A', '971') are kept as they are, never truncated. #}
{% macro wattlas_zero_pad_code(expression, width=2) -%}
    (case
        when length(trim({{ expression }})) < {{ width }}
            then lpad(trim({{ expression }}), {{ width }}, '0')
        else trim({{ expression }})
    end)
{%- endmacro %}
