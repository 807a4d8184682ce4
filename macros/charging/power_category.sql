{#
    Power category of a charge point (docs/domain_rules.md §2.2, current QualiCharge
    POWER_RANGE_CTE, AFIR/Avere bins; the older 15/26/65/175/360 bins are
    superseded). Bounds, kW:
        1  [0, 7.4)      2  [7.4, 22]     3  (22, 50)
        4  [50, 150)     5  [150, 350)    6  [350, ∞)
    22 kW falls into bin 2. NULL (or negative) power gives NULL.

    - power_category(power_column)        integer 1-6
    - power_category_label(power_column)  text, e.g. '[7.4, 22.0]'
    - power_category_code_label(code)     label of a category code 1-6
    - power_category_labels()             the six labels, in order (Jinja list):
                                          the one place they are written
#}

{% macro power_category_labels() -%}
    {{ return([
        '[0.0, 7.4)', '[7.4, 22.0]', '(22.0, 50.0)',
        '[50.0, 150.0)', '[150.0, 350.0)', '[350.0, ∞)',
    ]) }}
{%- endmacro %}

{% macro power_category(power_column) -%}
    case
        when {{ power_column }} is null or {{ power_column }} < 0 then null
        when {{ power_column }} < 7.4 then 1
        when {{ power_column }} <= 22 then 2
        when {{ power_column }} < 50 then 3
        when {{ power_column }} < 150 then 4
        when {{ power_column }} < 350 then 5
        else 6
    end
{%- endmacro %}

{% macro power_category_code_label(code_column) -%}
    case {{ code_column }}
    {%- for label in power_category_labels() %}
        when {{ loop.index }} then '{{ label }}'
    {%- endfor %}
    end
{%- endmacro %}

{% macro power_category_label(power_column) -%}
    {{ power_category_code_label(power_category(power_column)) }}
{%- endmacro %}
