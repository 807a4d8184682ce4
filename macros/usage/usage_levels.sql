{#
    Target of a row at an aggregation level (docs/domain_rules.md §2.1):
    '00' at the national level, else the level's column of `relation`, which
    carries the location and attribution columns of dim_charge_points. A
    missing location is the 'unlocated' target (docs/domain_rules.md §5.8), a
    missing SIREN or operator 'unknown'. The level codes and names are listed
    in int_indicator_levels_allowed.

    usage_level_target(level, relation)  target expression of the integer
    level column `level`.
#}

{% macro usage_level_target(level, relation) -%}
    case {{ level }}
        when 0 then '00'
        when 1 then coalesce({{ relation }}.region_code, 'unlocated')
        when 2 then coalesce({{ relation }}.department_code, 'unlocated')
        when 3 then coalesce({{ relation }}.epci_code, 'unlocated')
        when 4 then coalesce({{ relation }}.commune_code, 'unlocated')
        when 5 then coalesce({{ relation }}.operational_unit_code, 'unlocated')
        when 6 then coalesce({{ relation }}.amenageur_siren, 'unknown')
        when 7 then coalesce({{ relation }}.operator_name, 'unknown')
    end
{%- endmacro %}
