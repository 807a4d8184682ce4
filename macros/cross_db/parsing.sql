{#
    Safe parsing of raw text columns (raw.* tables hold every value as text).

    Each macro returns NULL, never an error, when the text does not have the
    expected shape: the shape is checked with a portable regular expression
    (wattlas_regex_matches) before the cast, inside a CASE, so the cast only
    runs on values that it can read. The same SQL runs on DuckDB and
    PostgreSQL and gives the same results (no try_cast, no ::, no
    engine-only functions). Spark (the port in progress) gets its own regular
    expression operator and type names through wattlas_regex_matches and
    wattlas_type.

    - wattlas_parse_number(expr, data_type, decimal_comma)   '1 234,5' / '1234.5' / '-3' -> number
    - wattlas_parse_integer(expr, data_type, decimal_comma)  '280' / '280.0' -> integer
    - wattlas_parse_date(expr)                'YYYY-MM-DD' or 'DD/MM/YYYY' -> date
    - wattlas_parse_time_minutes(expr)        'HH:MM[:SS]' -> minutes after midnight
    - wattlas_parse_iso_timestamp_utc(expr)   ISO-8601 with offset -> UTC timestamp
    - wattlas_zero_pad_code(expr, width)      '1' -> '01' (INSEE codes stay text)

    Each rule has one home, a wattlas_type_* macro, that gives either the
    typed value (result='value', the wattlas_parse_* macros) or why the
    text cannot be typed (result='problem', the wattlas_*_problem macros:
    a short reason such as 'not a number', 'decimal comma', 'impossible
    date', 'number out of range'; NULL when the text types or is empty).
    Empty text or a lone '-' is a missing value (NULL), never a problem:
    it is what the ODRE exports write for a value they do not have. Calendar dates and
    clock times are checked before the cast (2024-02-30 gives NULL and
    'impossible date', never a cast error), and so is the range of the
    target type.

    decimal_comma (numbers): true reads '12,5' as 12.5 (French spreadsheet
    re-saves, the IRVE files); false, for exports written with a decimal
    point (every ODRE and ORE export), makes '12,5' untypable ('decimal
    comma') instead of guessing which separator was meant.
#}

{# Text with spaces (thousands separators, incl. no-break spaces) removed and,
   when decimal_comma, a French decimal comma turned into a point. #}
{% macro wattlas_clean_number_text(expression, decimal_comma=true) -%}
    {%- set without_spaces -%}
        replace(replace(replace(trim({{ expression }}), ' ', ''), chr(160), ''), chr(8239), '')
    {%- endset -%}
    {%- if decimal_comma -%}
        replace({{ without_spaces }}, ',', '.')
    {%- else -%}
        {{ without_spaces }}
    {%- endif -%}
{%- endmacro %}

{# Largest magnitude data_type holds (after rounding to its scale), or none
   for floating types: the range check of the number rules. #}
{% macro wattlas_type_limit(data_type) -%}
    {%- set normalized = data_type | lower | replace(' ', '') -%}
    {%- if normalized in ('integer', 'int', 'int4') -%}
        {{ return(2147483647.5) }}
    {%- elif normalized in ('bigint', 'int8') -%}
        {{ return(9223372036854775807) }}
    {%- elif normalized.startswith('numeric(') or normalized.startswith('decimal(') -%}
        {%- set arguments = normalized.split('(')[1].rstrip(')').split(',') -%}
        {%- set precision = arguments[0] | int -%}
        {%- set scale = (arguments[1] | int) if arguments | length > 1 else 0 -%}
        {{ return(10 ** (precision - scale) - 0.5 * 10 ** (0 - scale)) }}
    {%- else -%}
        {{ return(none) }}
    {%- endif -%}
{%- endmacro %}

{# Empty text, a lone dash or NULL: a missing value (the ODRE exports write
   an empty field or '-' for a value they do not have). #}
{% macro wattlas_is_missing(expression) -%}
    (coalesce(trim({{ expression }}), '') in ('', '-'))
{%- endmacro %}

{# The CASE branches of the rules below: in 'value' mode a branch gives
   the typed value (or NULL), in 'problem' mode NULL (or the reason). #}
{% macro wattlas_rule_branch(result, value, reason='null') -%}
    {{- value if result == 'value' else reason -}}
{%- endmacro %}

{% macro wattlas_missing_branch(expression, result) -%}
    {{- 'when ' ~ wattlas_is_missing(expression) ~ ' then null' if result == 'problem' else '' -}}
{%- endmacro %}

{% macro wattlas_comma_branch(cleaned, decimal_comma, result) -%}
    {%- if result == 'problem' and not decimal_comma -%}
        when {{ wattlas_regex_matches(cleaned, '^[+-]?[0-9]*,[0-9]+$') }} then 'decimal comma'
    {%- endif -%}
{%- endmacro %}

{# Decimal number (optional sign, optional fraction, optional exponent as
   in ORE's '6.23e-05') -> data_type. '1.234,5' (two separators) is not a
   number. A cleaned text of at most 40 characters always casts to double
   precision, so the range check itself cannot fail. #}
{% macro wattlas_type_number(expression, data_type, decimal_comma, result) -%}
    {%- set cleaned = wattlas_clean_number_text(expression, decimal_comma) -%}
    {%- set limit = wattlas_type_limit(data_type) -%}
    {%- set cast_type, float_type = wattlas_type(data_type), wattlas_type('double precision') -%}
    {%- set value = wattlas_rule_branch(result, 'cast(' ~ cleaned ~ ' as ' ~ cast_type ~ ')') -%}
    {%- set in_range = 'abs(cast(' ~ cleaned ~ ' as ' ~ float_type ~ ')) < ' ~ limit -%}
    {%- set pattern = '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]{1,2})?$' -%}
    (case
        {{ wattlas_missing_branch(expression, result) }}
        when {{ wattlas_regex_matches(cleaned, pattern) }} and length({{ cleaned }}) <= 40
            then (case
                when {{ 'true' if limit is none else in_range }} then {{ value }}
                else {{ wattlas_rule_branch(result, 'null', "'number out of range'") }}
            end)
        {{ wattlas_comma_branch(cleaned, decimal_comma, result) }}
        else {{ wattlas_rule_branch(result, 'null', "'not a number'") }}
    end)
{%- endmacro %}

{# Whole number, also written with a zero fraction ('280.0', '280,00' when
   decimal_comma) -> data_type; fractional text is not an integer. #}
{% macro wattlas_type_integer(expression, data_type, decimal_comma, result) -%}
    {%- set cleaned = wattlas_clean_number_text(expression, decimal_comma) -%}
    {%- set whole = "split_part(" ~ cleaned ~ ", '.', 1)" -%}
    {%- set limit = wattlas_type_limit(data_type) or 2147483647.5 -%}
    {%- set cast_type, float_type = wattlas_type(data_type), wattlas_type('double precision') -%}
    {%- set value = wattlas_rule_branch(result, 'cast(' ~ whole ~ ' as ' ~ cast_type ~ ')') -%}
    {%- set number_pattern = '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$' -%}
    (case
        {{ wattlas_missing_branch(expression, result) }}
        when {{ wattlas_regex_matches(cleaned, '^[+-]?[0-9]+([.]0*)?$') }}
            and length({{ cleaned }}) <= 40
            then (case
                when abs(cast({{ whole }} as {{ float_type }})) < {{ limit }} then {{ value }}
                else {{ wattlas_rule_branch(result, 'null', "'number out of range'") }}
            end)
        {{ wattlas_comma_branch(cleaned, decimal_comma, result) }}
        when {{ wattlas_regex_matches(cleaned, number_pattern) }}
            then {{ wattlas_rule_branch(result, 'null', "'not an integer'") }}
        else {{ wattlas_rule_branch(result, 'null', "'not a number'") }}
    end)
{%- endmacro %}

{# Integer year, month and day expressions -> is it a day of the Gregorian
   calendar? Only integer arithmetic: it never fails. #}
{% macro wattlas_is_calendar_date(year, month, day) -%}
    ({{ year }} >= 1
    and {{ month }} between 1 and 12
    and {{ day }} between 1 and (case
        when {{ month }} = 2
            then (case
                when mod({{ year }}, 4) = 0
                    and (mod({{ year }}, 100) <> 0 or mod({{ year }}, 400) = 0)
                    then 29
                else 28
            end)
        when {{ month }} in (4, 6, 9, 11) then 30
        else 31
    end))
{%- endmacro %}

{# 'YYYY-MM-DD' (ISO, official ODRE exports) or 'DD/MM/YYYY' (spreadsheet
   re-saves; day and month may have one digit) -> date. #}
{% macro wattlas_type_date(expression, result) -%}
    {%- set text = 'trim(' ~ expression ~ ')' -%}
    {%- set iso_parts = [] -%}
    {%- for position in [1, 2, 3] -%}
        {%- do iso_parts.append(
            "cast(split_part(" ~ text ~ ", '-', " ~ position ~ ") as integer)"
        ) -%}
    {%- endfor -%}
    {%- set dmy_parts = [] -%}
    {%- for position in [3, 2, 1] -%}
        {%- do dmy_parts.append(
            "cast(split_part(" ~ text ~ ", '/', " ~ position ~ ") as integer)"
        ) -%}
    {%- endfor -%}
    {%- set dmy_iso -%}
        split_part({{ text }}, '/', 3)
        || '-' || lpad(split_part({{ text }}, '/', 2), 2, '0')
        || '-' || lpad(split_part({{ text }}, '/', 1), 2, '0')
    {%- endset -%}
    {%- set impossible = wattlas_rule_branch(result, 'null', "'impossible date'") -%}
    (case
        {{ wattlas_missing_branch(expression, result) }}
        when {{ wattlas_regex_matches(text, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') }}
            then (case
                when {{ wattlas_is_calendar_date(*iso_parts) }}
                    then {{ wattlas_rule_branch(result, 'cast(' ~ text ~ ' as date)') }}
                else {{ impossible }}
            end)
        when {{ wattlas_regex_matches(text, '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$') }}
            then (case
                when {{ wattlas_is_calendar_date(*dmy_parts) }}
                    then {{ wattlas_rule_branch(result, 'cast(' ~ dmy_iso ~ ' as date)') }}
                else {{ impossible }}
            end)
        else {{ wattlas_rule_branch(result, 'null', "'not a date'") }}
    end)
{%- endmacro %}

{# 'HH:MM' or 'HH:MM:SS' (hour may have one digit) -> integer minutes after
   midnight (seconds ignored). #}
{% macro wattlas_type_time_minutes(expression, result) -%}
    {%- set text = 'trim(' ~ expression ~ ')' -%}
    {%- set minutes -%}
        cast(split_part({{ text }}, ':', 1) as integer) * 60
        + cast(split_part({{ text }}, ':', 2) as integer)
    {%- endset -%}
    (case
        {{ wattlas_missing_branch(expression, result) }}
        when {{ wattlas_regex_matches(text, '^([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$') }}
            then {{ wattlas_rule_branch(result, minutes) }}
        else {{ wattlas_rule_branch(result, 'null', "'not a time'") }}
    end)
{%- endmacro %}

{# ISO-8601 timestamp WITH an offset or Z ('2024-01-01T00:00:00+01:00',
   '2022-12-31T23:00:00+00:00') -> UTC timestamp (see iso_text_to_utc).
   Text without an offset is not a timestamp: its instant would depend on
   the session time zone. #}
{% macro wattlas_type_iso_timestamp_utc(expression, result) -%}
    {%- set text = 'trim(' ~ expression ~ ')' -%}
    {%- set parts = [] -%}
    {%- for start, width in [(1, 4), (6, 2), (9, 2), (12, 2), (15, 2)] -%}
        {%- do parts.append(
            'cast(substr(' ~ text ~ ', ' ~ start ~ ', ' ~ width ~ ') as integer)'
        ) -%}
    {%- endfor -%}
    {%- set second -%}
        (case
            when substr({{ text }}, 17, 1) = ':'
                then cast(substr({{ text }}, 18, 2) as integer)
            else 0
        end)
    {%- endset -%}
    {%- set pattern -%}
        ^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?([+-](0[0-9]|1[0-4])(:?[0-5][0-9])?|Z)$
    {%- endset -%}
    (case
        {{ wattlas_missing_branch(expression, result) }}
        when {{ wattlas_regex_matches(text, pattern) }}
            then (case
                when not {{ wattlas_is_calendar_date(parts[0], parts[1], parts[2]) }}
                    then {{ wattlas_rule_branch(result, 'null', "'impossible date'") }}
                when {{ parts[3] }} > 23 or {{ parts[4] }} > 59 or {{ second }} > 59
                    then {{ wattlas_rule_branch(result, 'null', "'impossible time'") }}
                else {{ wattlas_rule_branch(result, iso_text_to_utc(text)) }}
            end)
        else {{ wattlas_rule_branch(result, 'null', "'not a timestamp'") }}
    end)
{%- endmacro %}

{# --- typed values: NULL when the text is empty or cannot be typed ------- #}

{% macro wattlas_parse_number(expression, data_type='numeric(18, 3)', decimal_comma=true) -%}
    {{ wattlas_type_number(expression, data_type, decimal_comma, 'value') }}
{%- endmacro %}

{% macro wattlas_parse_integer(expression, data_type='integer', decimal_comma=true) -%}
    {{ wattlas_type_integer(expression, data_type, decimal_comma, 'value') }}
{%- endmacro %}

{% macro wattlas_parse_date(expression) -%}
    {{ wattlas_type_date(expression, 'value') }}
{%- endmacro %}

{% macro wattlas_parse_time_minutes(expression) -%}
    {{ wattlas_type_time_minutes(expression, 'value') }}
{%- endmacro %}

{% macro wattlas_parse_iso_timestamp_utc(expression) -%}
    {{ wattlas_type_iso_timestamp_utc(expression, 'value') }}
{%- endmacro %}

{# --- why a text cannot be typed: NULL when it types or is empty --------- #}

{% macro wattlas_number_problem(expression, data_type='numeric(18, 3)', decimal_comma=true) -%}
    {{ wattlas_type_number(expression, data_type, decimal_comma, 'problem') }}
{%- endmacro %}

{% macro wattlas_integer_problem(expression, data_type='integer', decimal_comma=true) -%}
    {{ wattlas_type_integer(expression, data_type, decimal_comma, 'problem') }}
{%- endmacro %}

{% macro wattlas_date_problem(expression) -%}
    {{ wattlas_type_date(expression, 'problem') }}
{%- endmacro %}

{% macro wattlas_time_problem(expression) -%}
    {{ wattlas_type_time_minutes(expression, 'problem') }}
{%- endmacro %}

{% macro wattlas_iso_timestamp_problem(expression) -%}
    {{ wattlas_type_iso_timestamp_utc(expression, 'problem') }}
{%- endmacro %}

{# A key column: empty is a problem ('empty key'), else the rule's problem
   (none for text keys). #}
{% macro wattlas_key_problem(expression, problem='null') -%}
    (case when {{ wattlas_is_missing(expression) }} then 'empty key' else {{ problem }} end)
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
