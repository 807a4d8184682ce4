{#
    The indicator levels of the infrastructure indicators
    (docs/domain_rules.md §5), one place for the charge point and the
    station attachment models.

    - infrastructure_levels(relation)
      list of (level, level_name, target expression over `relation`):
      0 national '00', 1 region, 2 department, 3 EPCI, 4 commune (a member
      missing at a geographic level gives the target 'unlocated', so every
      level holds every unit once and Σ targets = national), 5 operational
      unit. `relation` carries region_code, department_code, epci_code,
      commune_code (resolved) and operational_unit_code.
#}

{% macro infrastructure_levels(relation) %}
    {{ return([
        (0, 'national', "'00'"),
        (1, 'region', "coalesce(" ~ relation ~ ".region_code, 'unlocated')"),
        (2, 'department', "coalesce(" ~ relation ~ ".department_code, 'unlocated')"),
        (3, 'epci', "coalesce(" ~ relation ~ ".epci_code, 'unlocated')"),
        (4, 'commune', "coalesce(" ~ relation ~ ".commune_code, 'unlocated')"),
        (5, 'operational_unit', relation ~ ".operational_unit_code"),
    ]) }}
{% endmacro %}
