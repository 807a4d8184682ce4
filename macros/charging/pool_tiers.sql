{#
    The AFIR charging-pool tiers of the p-family indicators
    (docs/domain_rules.md, "Charging pools"), one place for the station
    model and its tests. A station meets a tier when its cumulated power
    (sum of the nominal power of its valid charge points) is strictly
    above min_pool_kw AND at least min_points of its charge points have a
    nominal power strictly above point_kw.

    - pool_tiers()
      list of (indicator code, min_pool_kw, point_kw, min_points).
    - pool_tier_met(pool_kw, points_above_150kw, points_above_350kw, tier)
      boolean SQL: `tier` is one entry of pool_tiers(); the point counts
      are the station's charge points strictly above 150 and 350 kW.
#}

{% macro pool_tiers() %}
    {{ return([
        ('p300', 300, 150, 1),
        ('p400', 400, 150, 1),
        ('p600', 600, 150, 2),
        ('p1400', 1400, 350, 1),
        ('p1500', 1500, 350, 1),
        ('p2800', 2800, 350, 2),
        ('p3600', 3600, 350, 2),
    ]) }}
{% endmacro %}

{% macro pool_tier_met(pool_kw, points_above_150kw, points_above_350kw, tier) -%}
    {%- set code, min_pool_kw, point_kw, min_points = tier -%}
    {%- set points = points_above_150kw if point_kw == 150 else points_above_350kw -%}
    {%- if point_kw not in (150, 350) -%}
        {{ exceptions.raise_compiler_error(
            'pool tier ' ~ code ~ ': point power must be 150 or 350 kW'
        ) }}
    {%- endif -%}
    ({{ pool_kw }} > {{ min_pool_kw }} and {{ points }} >= {{ min_points }})
{%- endmacro %}
