{#
    Aggregation levels of the usage indicators (docs/domain_rules.md §2.1, level enum of
    the reference code plus 7 = operator): (level, level_name, target
    expression on a relation with the dim_charge_points location columns).
    A missing location is the 'unlocated' target (docs/domain_rules.md §5.8), a missing
    SIREN or operator 'unknown'.

    - usage_levels()  list of (level, level_name, target column, default)
    - usage_level_target(level, relation)  target expression of one level
#}

{% macro usage_levels() -%}
    {{ return([
        (0, 'national', none, "'00'"),
        (1, 'region', 'region_code', "'unlocated'"),
        (2, 'department', 'department_code', "'unlocated'"),
        (3, 'epci', 'epci_code', "'unlocated'"),
        (4, 'commune', 'commune_code', "'unlocated'"),
        (5, 'operational_unit', 'operational_unit_code', "'unlocated'"),
        (6, 'amenageur', 'amenageur_siren', "'unknown'"),
        (7, 'operator', 'operator_name', "'unknown'"),
    ]) }}
{%- endmacro %}

{% macro usage_level_target(level, relation) -%}
    {%- for item in usage_levels() if item[0] == level -%}
        {%- if item[2] is none -%}
            {{ item[3] }}
        {%- else -%}
            coalesce({{ relation }}.{{ item[2] }}, {{ item[3] }})
        {%- endif -%}
    {%- endfor -%}
{%- endmacro %}

{% macro usage_level_name(level) -%}
    {%- for item in usage_levels() if item[0] == level -%}'{{ item[1] }}'{%- endfor -%}
{%- endmacro %}
