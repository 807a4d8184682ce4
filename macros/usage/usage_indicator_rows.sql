{#
    usage_indicator_rows(indicators, allowed_levels, with_category, with_ratio, with_extras)

    The rows a usage indicator family gives fct_indicators_usage_daily, in
    the store's shape: the family's computed rows (`indicators`, a CTE with
    indicator_code, level, target, period_start, value, and category /
    numerator / denominator / extras unless the flags say the family has
    none) kept at the levels the catalogue allows (`allowed_levels`, a CTE
    over int_indicator_levels_allowed), period 'd', value and the ratio
    parts rounded to 9 decimals so both engines store the same bits.
#}

{% macro usage_indicator_rows(
    indicators='compute_indicators', allowed_levels='allowed_levels',
    with_category=true, with_ratio=true, with_extras=true
) -%}
    {%- set no_number = 'cast(null as double precision)' -%}
    {%- set category = indicators ~ '.category' if with_category else 'null' -%}
    {%- set extras = indicators ~ '.extras' if with_extras else 'cast(null as varchar)' -%}
    select
        {{ indicators }}.indicator_code,
        {{ allowed_levels }}.level,
        {{ allowed_levels }}.level_name,
        {{ indicators }}.target,
        cast({{ category }} as varchar) as category,
        'd' as period,
        {{ indicators }}.period_start,
        {{ wattlas_round_sum(indicators ~ '.value', 9) }} as value,
        {{ wattlas_round_sum(indicators ~ '.numerator', 9) if with_ratio else no_number }}
            as numerator,
        {{ wattlas_round_sum(indicators ~ '.denominator', 9) if with_ratio else no_number }}
            as denominator,
        {{ extras }} as extras
    from {{ indicators }}
    inner join {{ allowed_levels }}
        on
            {{ indicators }}.indicator_code = {{ allowed_levels }}.indicator_code
            and {{ indicators }}.level = {{ allowed_levels }}.level
{%- endmacro %}
