{#
    Quarantine of raw lines in the stg_*_typed views: each raw line either
    types cleanly or is set aside with the first check it fails, so it is
    listed with its reason instead of disappearing or stopping a model.

    - wattlas_first_failed_check(checks, part, quoted=true)
          `checks` is a list of [column_name, reason, failing_condition,
          raw_value]; a CASE giving, for the first check whose
          failing_condition is true, its column name (part='column'), its
          reason (part='reason': the text itself, or with quoted=false a
          SQL expression giving it) or its raw value as text
          (part='value'); NULL when every check passes. Order the checks
          from the most basic (an empty key) to the most specific.

    - wattlas_check_columns(checks, prefix, quoted=true, when=none)
          the three columns <prefix>_column, <prefix>_reason and
          <prefix>_value of wattlas_first_failed_check, each NULL unless
          the SQL condition `when` holds (when given): prefix 'quarantine'
          for the typing checks, 'implausible' for the checks of typed
          lines.

    - wattlas_quarantine_columns(relation, checks)
          quarantine_column, quarantine_reason, quarantine_value of the
          FIRST checked column whose problem is not null (NULL when the
          line types). `checks` lists (raw column name, column of
          `relation`) pairs in the order of the raw file; `relation` holds
          each column's raw text and its problem as <column>__problem (a
          wattlas_*_problem macro of macros/cross_db/parsing.sql).

    - wattlas_quarantined_lines(typed_relation, dataset,
                                operational_unit_code='null',
                                has_implausible=false)
          the common shape of the stg_*_quarantined views, one row per
          line that does not reach the indicators: dataset (raw table
          name), source_file, source_line, column_name, disposition,
          reason, raw_value, operational_unit_code, loaded_at.
          disposition 'quarantined': the line cannot be typed and is not
          in staging; 'flagged' (typed views with has_implausible, which
          carry implausible_column / _reason / _value): typed but
          implausible, kept in staging for the quality rules and left out
          of every indicator. fct_quarantined_lines unions them, so every
          dataset gives exactly these names and types.
#}

{% macro wattlas_first_failed_check(checks, part, quoted=true) -%}
    {%- set whens = [] -%}
    {%- for check in checks -%}
        {%- if part == 'value' -%}
            {%- set result = 'cast(' ~ check[3] ~ ' as varchar)' -%}
        {%- elif part == 'reason' and not quoted -%}
            {%- set result = check[1] -%}
        {%- elif part == 'reason' -%}
            {%- set result = "'" ~ check[1] ~ "'" -%}
        {%- else -%}
            {%- set result = "'" ~ check[0] ~ "'" -%}
        {%- endif -%}
        {%- do whens.append('when ' ~ check[2] ~ ' then ' ~ result) -%}
    {%- endfor -%}
    (case {{ whens | join(' ') }} end)
{%- endmacro %}

{% macro wattlas_check_columns(checks, prefix, quoted=true, when=none) -%}
    {%- set columns = [] -%}
    {%- for part in ['column', 'reason', 'value'] -%}
        {%- set result = wattlas_first_failed_check(checks, part, quoted=quoted) -%}
        {%- if when -%}
            {%- set result = '(case when ' ~ when ~ ' then ' ~ result ~ ' end)' -%}
        {%- endif -%}
        {%- do columns.append(result ~ ' as ' ~ prefix ~ '_' ~ part) -%}
    {%- endfor -%}
    {{ columns | join(',\n        ') }}
{%- endmacro %}

{% macro wattlas_quarantine_columns(relation, checks) -%}
    {%- set first_checks = [] -%}
    {%- for raw_column, column in checks -%}
        {%- set problem = relation ~ '.' ~ column ~ '__problem' -%}
        {%- do first_checks.append([raw_column, problem, problem ~ ' is not null',
            relation ~ '.' ~ column]) -%}
    {%- endfor -%}
    {{ wattlas_check_columns(first_checks, 'quarantine', quoted=false) }}
{%- endmacro %}

{% macro wattlas_quarantined_lines(
    typed_relation, dataset, operational_unit_code='null', has_implausible=false
) -%}
    {%- if has_implausible -%}
        {%- set column_name = 'coalesce(typed.quarantine_column, typed.implausible_column)' -%}
        {%- set reason = 'coalesce(typed.quarantine_reason, typed.implausible_reason)' -%}
        {%- set raw_value = 'coalesce(typed.quarantine_value, typed.implausible_value)' -%}
    {%- else -%}
        {%- set column_name = 'typed.quarantine_column' -%}
        {%- set reason = 'typed.quarantine_reason' -%}
        {%- set raw_value = 'typed.quarantine_value' -%}
    {%- endif -%}
    select
        cast({{ dataset }} as varchar) as dataset,
        cast(typed.source_file as varchar) as source_file,
        cast(typed.source_line as bigint) as source_line,
        cast({{ column_name }} as varchar) as column_name,
        cast(
            case when typed.quarantine_reason is null then 'flagged' else 'quarantined' end
            as varchar
        ) as disposition,
        cast({{ reason }} as varchar) as reason,
        cast({{ raw_value }} as varchar) as raw_value,
        cast({{ operational_unit_code }} as varchar) as operational_unit_code,
        cast(typed.loaded_at as timestamp) as loaded_at
    from {{ typed_relation }} as typed
    {%- set kept = 'typed.quarantine_reason is not null' -%}
    {%- if has_implausible -%}
        {%- set kept = kept ~ ' or typed.implausible_reason is not null' -%}
    {%- endif %}
    where {{ kept }}
{%- endmacro %}
