{#
    Reconciliation across levels for additive indicators: per indicator,
    period, period start and category, the values of the targets of each
    level 1-5 (regions + 'unlocated', departments + 'unlocated', ...,
    operational units) add up to the national value (level 0). A level or
    category missing on one side counts 0. Model test; `families` and
    `indicator_codes` (lists) pick the additive indicators, a family through
    `catalogue`: the indicator_catalogue seed, or dim_indicators for a mart
    built after the models that read the seed (a test with the seed as a
    parent would run with them). Fails on every mismatch above 0.1 %.
#}
{% test levels_add_up_to_national(model, families=[], indicator_codes=[], catalogue=none) %}

with

catalogue as (

    select * from {{ catalogue if catalogue is not none else ref('indicator_catalogue') }}

),

indicators as (

    select * from {{ model }}
    where
        indicator_code in (
            select catalogue.indicator_code from catalogue
            where
                catalogue.family in ('{{ families | join("', '") }}')
                or catalogue.indicator_code in ('{{ indicator_codes | join("', '") }}')
        )

),

national as (

    select
        indicators.indicator_code,
        indicators.period,
        indicators.period_start,
        coalesce(indicators.category, '') as category,
        indicators.value
    from indicators
    where indicators.level = 0

),

summed as (

    select
        indicators.indicator_code,
        indicators.level,
        indicators.period,
        indicators.period_start,
        coalesce(indicators.category, '') as category,
        sum(indicators.value) as value
    from indicators
    where indicators.level between 1 and 5
    group by 1, 2, 3, 4, 5

),

list_levels as (

    select distinct
        summed.indicator_code,
        summed.level
    from summed

),

expected as (

    select
        national.indicator_code,
        list_levels.level,
        national.period,
        national.period_start,
        national.category,
        national.value
    from national
    inner join list_levels
        on national.indicator_code = list_levels.indicator_code

),

compared as (

    select
        coalesce(expected.indicator_code, summed.indicator_code) as indicator_code,
        coalesce(expected.level, summed.level) as level,
        coalesce(expected.period, summed.period) as period,
        coalesce(expected.period_start, summed.period_start) as period_start,
        coalesce(expected.category, summed.category) as category,
        coalesce(expected.value, 0) as national_value,
        coalesce(summed.value, 0) as summed_value
    from expected
    full outer join summed
        on
            expected.indicator_code = summed.indicator_code
            and expected.level = summed.level
            and expected.period = summed.period
            and expected.period_start = summed.period_start
            and expected.category = summed.category

)

select * from compared
where abs(summed_value - national_value) > 0.001 * greatest(1, abs(national_value))

{% endtest %}
