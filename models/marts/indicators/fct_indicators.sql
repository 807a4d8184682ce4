{#
    Long indicator table in the QualiCharge indicator-store shape: the
    union of the family long models (same nine columns each). dbt needs
    every ref at parse time, so a family model is listed here once it
    exists in the project: add 'fct_indicators_usage_long' and
    'fct_indicators_quality_long' when they are merged.
#}

{% set family_models = [
    'fct_indicators_infrastructure_long',
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
