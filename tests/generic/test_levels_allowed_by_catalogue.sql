{#
    Fails on every distinct (indicator code, level) pair of the model that the
    indicator_catalogue seed does not allow: a code absent from the catalogue,
    or a level missing from its `levels` list (codes joined by ';'). Column
    test on the indicator code column; `level_column` names the level column.
    `catalogue` is the seed, or a model with its indicator_code and levels
    (dim_indicators, for a mart built after the models that read the seed).
#}
{% test levels_allowed_by_catalogue(model, column_name, level_column='level', catalogue=none) %}

with

pairs as (

    select distinct
        {{ column_name }} as indicator_code,
        {{ level_column }} as level
    from {{ model }}

),

catalogue as (

    select * from {{ catalogue if catalogue is not none else ref('indicator_catalogue') }}

),

validation_errors as (

    select
        pairs.indicator_code,
        pairs.level,
        catalogue.levels as allowed_levels
    from pairs
    left join catalogue
        on pairs.indicator_code = catalogue.indicator_code
    where
        catalogue.levels is null
        or (';' || catalogue.levels || ';')
        not like ('%;' || cast(pairs.level as varchar) || ';%')

)

select * from validation_errors
{% endtest %}
