{#
    Calendar helpers of the consumption marts.

    The school-holiday zone of a region comes from
    var('consumption_school_holiday_zone_by_region') (region code -> A, B, C
    or "any"). Under sqlfluff's jinja templater `var` is a stub that returns
    no mapping: the helpers then render a NULL of the right type, so the
    lint still parses the model.
#}

{% macro _consumption_school_holiday_zones() -%}
    {%- set zones = var('consumption_school_holiday_zone_by_region', {}) -%}
    {%- if zones is not mapping -%}{%- set zones = {} -%}{%- endif -%}
    {{ return(zones) }}
{%- endmacro %}

{# The zone ('A', 'B', 'C' or 'any') of region_code, NULL when the region
   has no zone in the var. #}
{% macro consumption_school_holiday_zone(region_code) -%}
    {%- set whens = [] -%}
    {%- for code, zone in _consumption_school_holiday_zones().items() -%}
        {%- do whens.append("when '" ~ code ~ "' then '" ~ zone ~ "'") -%}
    {%- endfor -%}
    (case {{ region_code }} {{ whens | join(' ') }} else cast(null as varchar) end)
{%- endmacro %}

{# Is the day a school holiday in the region's zone? Reads the
   is_school_holiday_zone_a/b/c columns of `dates` (a dim_dates relation
   alias); "any" = at least one zone on holiday (SQL three-valued "or":
   NULL when no zone is on holiday and one flag is NULL). #}
{% macro consumption_is_school_holiday(region_code, dates) -%}
    {%- set whens = [] -%}
    {%- for code, zone in _consumption_school_holiday_zones().items() -%}
        {%- if zone | lower == 'any' -%}
            {%- set flag = '(' ~ dates ~ '.is_school_holiday_zone_a or '
                ~ dates ~ '.is_school_holiday_zone_b or '
                ~ dates ~ '.is_school_holiday_zone_c)' -%}
        {%- else -%}
            {%- set flag = dates ~ '.is_school_holiday_zone_' ~ (zone | lower) -%}
        {%- endif -%}
        {%- do whens.append("when '" ~ code ~ "' then " ~ flag) -%}
    {%- endfor -%}
    (case {{ region_code }} {{ whens | join(' ') }} else cast(null as boolean) end)
{%- endmacro %}
