{#
    Long indicator table in the QualiCharge indicator-store shape: the
    union of the family long models (same nine columns each): the
    infrastructure snapshot (i, t, p), the daily i1/i4/i7 and p history series,
    usage (u, e, c, q, tirue) and data quality (qua).
#}

{% set family_models = [
    'fct_indicators_infrastructure_long',
    'fct_indicators_history_long',
    'fct_indicators_usage_long',
    'fct_indicators_quality_long',
] %}

with

{% for model_name in family_models %}
    {{ model_name }} as (

        select
            indicator_code,
            level,
            level_name,
            target,
            category,
            period,
            period_start,
            value,
            extras
        from {{ ref(model_name) }}

    ),

{% endfor %}

unioned as (
    {% for model_name in family_models %}
        select * from {{ model_name }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
)

select * from unioned
