{#
    Incremental day windows of the usage models (local days, Europe/Paris).

    - usage_window_start_date()  first local day (re)built by this run, as
      a SQL date expression, or none on a full build:
        * var min_date when given (a Dagster partition, half-open with
          max_date); with var usage_rebuild_changed_days true (the daily
          schedule), the first day of the latest rows loaded when it is
          earlier (late rows inside the reprocessing window);
        * on an incremental run without min_date, the first day of the
          latest rows loaded (the latest row of int_usage_rebuild_windows):
          a day's new files cost that day's work, whatever the history;
        * none otherwise (full refresh: every day).
    - usage_latest_window_first_day()  the first day of the latest row of
      int_usage_rebuild_windows, as a date literal read when the model
      compiles.
    - usage_window_end_date()  exclusive end (var max_date) or none.
    - usage_day_filter(date_column, lookback_days=0, lookahead_days=0)
      boolean SQL keeping the rows of the days to build, read back
      lookback_days earlier (state carried across days, sessions running
      over midnight) and, when the window has an end (a partition),
      lookahead_days after it (a flag that depends on the days after).
      When nothing was ever staged, an incremental run keeps no row.

    - usage_period_filter(date_column, trunc_unit, lookback_days=0,
      lookahead_days=0)  boolean SQL keeping the rows of the whole periods
      (week, month, quarter, year) that contain a day to build, or one of
      the lookback_days before the first or lookahead_days after the last:
      what a rollup of those periods reads.
    - usage_rollup_periods_filter(period_column, period_start_column)
      boolean SQL keeping the rolled-up rows (w, m, q, y) of those periods.

    Late rows older than the reprocessing window are therefore not merged:
    the mart fct_usage_dynamic_rows_daily reports them.
#}

{% macro usage_window_start_date() -%}
    {#- ref at parse time too (execute is false), so that dbt records the
        dependency; at run time only when the window needs it, so a unit
        test given min_date (which mocks no rebuild window) never reads it -#}
    {%- if not execute or is_incremental()
        or (var('min_date', none) and var('usage_rebuild_changed_days', false)) -%}
        {%- set changed = usage_latest_window_first_day() -%}
    {%- endif -%}
    {%- if var('min_date', none) and var('usage_rebuild_changed_days', false) -%}
        {{ return("coalesce(least(cast('" ~ var('min_date') ~ "' as date), " ~ changed
            ~ "), cast('" ~ var('min_date') ~ "' as date))") }}
    {%- elif var('min_date', none) -%}
        {{ return("cast('" ~ var('min_date') ~ "' as date)") }}
    {%- elif is_incremental() -%}
        {{ return(changed) }}
    {%- else -%}
        {{ return(none) }}
    {%- endif -%}
{%- endmacro %}

{#- The first day of the latest rebuild window, read when the model
    compiles (dbt compiles a model just before it runs, after
    int_usage_rebuild_windows): a date literal, so the engines push the day
    filters into their scans and through aggregations, where a scalar
    subquery would be applied after computing every day. NULL (no row kept)
    when nothing was ever staged. -#}
{% macro usage_latest_window_first_day() -%}
    {%- set windows = ref('int_usage_rebuild_windows') -%}
    {%- set first_day_sql = "select rebuild_window.first_day from " ~ windows
        ~ " as rebuild_window where rebuild_window.last_loaded_at = "
        ~ "(select max(latest.last_loaded_at) from " ~ windows ~ " as latest)" -%}
    {%- if not execute -%}
        {{ return('(' ~ first_day_sql ~ ')') }}
    {%- endif -%}
    {%- set rows = run_query(first_day_sql).rows -%}
    {%- if rows and rows[0][0] is not none -%}
        {{ return("cast('" ~ rows[0][0] ~ "' as date)") }}
    {%- else -%}
        {{ return('cast(null as date)') }}
    {%- endif -%}
{%- endmacro %}

{% macro usage_window_end_date() -%}
    {%- if var('max_date', none) -%}
        {{ return("cast('" ~ var('max_date') ~ "' as date)") }}
    {%- else -%}
        {{ return(none) }}
    {%- endif -%}
{%- endmacro %}

{% macro usage_day_filter(date_column, lookback_days=0, lookahead_days=0) -%}
    {%- set start = usage_window_start_date() -%}
    {%- set end = usage_window_end_date() -%}
    {%- set ahead = ' + ' ~ lookahead_days if lookahead_days else '' -%}
    (
    {%- if start %}
        {{ date_column }} >= {{ start }} - {{ lookback_days }}
        {%- else %}
        1 = 1
    {%- endif %}
    {%- if end %}
        and {{ date_column }} < {{ end }}{{ ahead }}
    {%- endif %}
    )
{%- endmacro %}

{% macro usage_period_filter(date_column, trunc_unit, lookback_days=0, lookahead_days=0) -%}
    {%- set start = usage_window_start_date() -%}
    {%- set end = usage_window_end_date() -%}
    {%- set back = ' - ' ~ lookback_days if lookback_days else '' -%}
    {%- set ahead = ' + ' ~ lookahead_days if lookahead_days else '' -%}
    (
    {%- if start %}
        {{ date_column }} >= cast(date_trunc('{{ trunc_unit }}', {{ start }}{{ back }}) as date)
        {%- else %}
        1 = 1
    {%- endif %}
    {%- if end %}
        and date_trunc('{{ trunc_unit }}', {{ date_column }})
        <= date_trunc('{{ trunc_unit }}', {{ end }} - 1{{ ahead }})
    {%- endif %}
    )
{%- endmacro %}

{% macro usage_rollup_periods_filter(period_column, period_start_column) -%}
    {%- set conditions = [] -%}
    {%- for code, unit in [('w', 'week'), ('m', 'month'), ('q', 'quarter'), ('y', 'year')] -%}
        {%- do conditions.append(
            '(' ~ period_column ~ " = '" ~ code ~ "' and "
            ~ usage_period_filter(period_start_column, unit) ~ ')'
        ) -%}
    {%- endfor -%}
    ({{ conditions | join(' or ') }})
{%- endmacro %}
