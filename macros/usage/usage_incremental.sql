{#
    Incremental day windows of the usage models (local days, Europe/Paris).

    - usage_window_start_date(day_column, anchor)  first local day (re)built
      by this run, as a SQL date expression, or none on a full build:
        * var min_date when given (Dagster partition, half-open with max_date);
        * on an incremental run, anchor 'self' (the two base models): the
          latest day already in the model minus var
          usage_reprocessing_window_days (default 15); anchor 'inputs' (every
          model downstream): the earlier of the latest status day and the
          latest session day of the base models, minus the same window, so
          a late row picked up by a base model reaches every model;
        * none otherwise (full refresh: every day).
    - usage_window_end_date()  exclusive end (var max_date) or none.
    - usage_day_filter(date_column, day_column, lookback_days=0, anchor)  boolean SQL
      keeping the rows of the days to build, read back lookback_days earlier
      (state carried across days, sessions running over midnight).

    Late rows older than the window are therefore not merged: the mart
    fct_usage_dynamic_rows_daily reports them.
#}

{% macro usage_window_start_date(day_column, anchor='self') -%}
    {%- if var('min_date', none) -%}
        {{ return("cast('" ~ var('min_date') ~ "' as date)") }}
    {%- elif is_incremental() and anchor == 'inputs' -%}
        {{ return(
            "coalesce(least((select max(status_date) from "
            ~ ref('int_charge_point_statuses_daily') ~ "), (select max(start_date) from "
            ~ ref('int_charging_sessions_daily') ~ ")) - "
            ~ var('usage_reprocessing_window_days', 15) ~ ", cast('1900-01-01' as date))"
        ) }}
    {%- elif is_incremental() -%}
        {{ return(
            "coalesce((select cast(max(" ~ day_column ~ ") as date) - "
            ~ var('usage_reprocessing_window_days', 15) ~ " from " ~ this
            ~ "), cast('1900-01-01' as date))"
        ) }}
    {%- else -%}
        {{ return(none) }}
    {%- endif -%}
{%- endmacro %}

{% macro usage_window_end_date() -%}
    {%- if var('max_date', none) -%}
        {{ return("cast('" ~ var('max_date') ~ "' as date)") }}
    {%- else -%}
        {{ return(none) }}
    {%- endif -%}
{%- endmacro %}

{% macro usage_day_filter(date_column, day_column, lookback_days=0, anchor='inputs') -%}
    {%- set start = usage_window_start_date(day_column, anchor) -%}
    {%- set end = usage_window_end_date() -%}
    (
    {%- if start %}
        {{ date_column }} >= {{ start }} - {{ lookback_days }}
        {%- else %}
        1 = 1
    {%- endif %}
    {%- if end %}
        and {{ date_column }} < {{ end }}
    {%- endif %}
    )
{%- endmacro %}
