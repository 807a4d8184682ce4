{#
    Helpers of the data-quality rules (docs/domain_rules.md §3.2), shared by the rule
    models in models/intermediate/quality and the tests in
    tests/generic/quality. Plain SQL, same result on DuckDB and PostgreSQL.

    - quality_is_fake_pdl(expr)        PDL number on the PDLM "fake" list
                                       (NULL, space, 'NA', '', placeholders)
    - quality_territory(commune_code)  territory of an INSEE commune code:
                                       metropole, corse, 971..978 or NULL
                                       (the territory codes of seed
                                       territory_boundary_edges)
    - quality_ratio(numerator, denominator)
                                       double precision share, NULL on a
                                       zero denominator
    - quality_status(value, checked_rows, warn_below, warn_above,
                     error_below, error_above)
                                       the one definition of a rule's status:
                                       no_data when nothing was checked
                                       (checked_rows = 0) or there is no
                                       value; fail when the value crosses a
                                       catalogue threshold (error_*); warn
                                       when it only crosses a warning level
                                       (warn_*, stricter than error_* or
                                       alone for informational checks);
                                       pass otherwise. A NULL level never
                                       triggers.
#}

{% macro quality_is_fake_pdl(expression) -%}
    ({{ expression }} is null
        or {{ expression }} like '% %'
        or {{ expression }} like '%NA%'
        or {{ expression }} in (
            '{{ var("quality_fake_pdl_numbers") | join("', '") }}'
        ))
{%- endmacro %}

{% macro quality_territory(commune_code) -%}
    (case
        when {{ commune_code }} is null then null
        when left({{ commune_code }}, 2) in ('2A', '2B') then 'corse'
        when left({{ commune_code }}, 2) = '97' then left({{ commune_code }}, 3)
        else 'metropole'
    end)
{%- endmacro %}

{% macro quality_ratio(numerator, denominator) -%}
    (case
        when {{ denominator }} > 0
            then cast({{ numerator }} as double precision)
                / cast({{ denominator }} as double precision)
    end)
{%- endmacro %}

{% macro quality_status(
    value, checked_rows, warn_below, warn_above, error_below, error_above
) -%}
    (case
        when {{ checked_rows }} = 0 or {{ value }} is null then 'no_data'
        when {{ value }} < {{ error_below }} or {{ value }} > {{ error_above }}
            then 'fail'
        when {{ value }} < {{ warn_below }} or {{ value }} > {{ warn_above }}
            then 'warn'
        else 'pass'
    end)
{%- endmacro %}

{#
    quality_evaluation_day(event_date, loaded_at)
        The quality-grid day of a status or session: its own local day, or
        the local day it was loaded when its time is later than that, so a
        future timestamp is counted on the day it arrived (when that day is
        evaluated: int_quality_days_listed) instead of stretching the grid.
#}
{% macro quality_evaluation_day(event_date, loaded_at) -%}
    least({{ event_date }}, {{ utc_to_local_date(loaded_at) }})
{%- endmacro %}

{#
    quality_event_day_filter(event_date, lookback_days=0)
        Boolean SQL keeping the statuses or sessions an incremental run of
        a dynamic rule must read: those whose own day is on or after the
        first day built (macro usage_window_start_date), lookback_days
        earlier. Only that bound can be applied before the evaluation day
        is computed, which is never later than the event's day; the models
        then keep the evaluation days they build (usage_day_filter).
#}
{% macro quality_event_day_filter(event_date, lookback_days=0) -%}
    {%- set start = usage_window_start_date() -%}
    {%- if start -%}
        ({{ event_date }} >= {{ start }} - {{ lookback_days }})
    {%- else -%}
        (1 = 1)
    {%- endif -%}
{%- endmacro %}
