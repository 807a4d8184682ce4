{#
    Calendar of the temporal indicators (d-family, models
    fct_indicators_temporal_*): the period granularities they report and
    the bounds of a period, written once for both engines (date_trunc gives
    ISO weeks starting on Monday on DuckDB and PostgreSQL alike; intervals
    in days and months, as PostgreSQL has no quarter interval).

    temporal_periods()                        list of (period code, date_trunc
                                              unit, length as an interval)
    temporal_period_start(day, period_code)   first day of the period holding day
    temporal_period_end(period_start, period_code)       last day of the period
    temporal_previous_start(period_start, period_code)   start of the period before
    temporal_period_end_of(period_column, start_column)  last day, for a period
                                              code held in a column
    temporal_previous_start_of(period_column, start_column)  likewise
#}

{% macro temporal_periods() -%}
    {{ return([
        ('d', 'day', '1 day'),
        ('w', 'week', '7 days'),
        ('m', 'month', '1 month'),
        ('q', 'quarter', '3 months'),
        ('y', 'year', '1 year'),
    ]) }}
{%- endmacro %}

{% macro _temporal_period(period_code) -%}
    {%- for period in temporal_periods() if period[0] == period_code -%}
        {{ return(period) }}
    {%- endfor -%}
    {{ exceptions.raise_compiler_error('unknown period code ' ~ period_code) }}
{%- endmacro %}

{% macro temporal_period_start(day, period_code) -%}
    cast(date_trunc('{{ _temporal_period(period_code)[1] }}', {{ day }}) as date)
{%- endmacro %}

{% macro temporal_period_end(period_start, period_code) -%}
    (cast({{ period_start }} + interval '{{ _temporal_period(period_code)[2] }}' as date) - 1)
{%- endmacro %}

{% macro temporal_previous_start(period_start, period_code) -%}
    cast({{ period_start }} - interval '{{ _temporal_period(period_code)[2] }}' as date)
{%- endmacro %}

{% macro temporal_period_end_of(period_column, start_column) -%}
    case {{ period_column }}
    {%- for period in temporal_periods() %}
            when '{{ period[0] }}' then {{ temporal_period_end(start_column, period[0]) }}
    {%- endfor %}
    end
{%- endmacro %}

{% macro temporal_previous_start_of(period_column, start_column) -%}
    case {{ period_column }}
    {%- for period in temporal_periods() %}
            when '{{ period[0] }}' then {{ temporal_previous_start(start_column, period[0]) }}
    {%- endfor %}
    end
{%- endmacro %}
