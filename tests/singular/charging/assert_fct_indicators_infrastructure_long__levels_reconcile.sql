{#
    Reconciliation across levels: for the additive indicators (i1, i4, i7,
    the pool counts p300-p3600 and the t1/t3/t5/t8/t8p counts per
    category), the sum over the targets
    of every level 1-5 (regions + 'unlocated', departments + 'unlocated',
    ...) equals the national value. Returns the mismatches.
#}

with

indicators as (

    select * from {{ ref('fct_indicators_infrastructure_long') }}
    where indicator_code in (
        {% for tier in pool_tiers() %}
            '{{ tier[0] }}',
        {% endfor %}
        'i1', 'i4', 'i7', 't1', 't3', 't5', 't8', 't8p'
    )

),

national as (

    select
        indicators.indicator_code,
        coalesce(indicators.category, '') as category,
        indicators.value
    from indicators
    where indicators.level = 0

),

summed as (

    select
        indicators.indicator_code,
        indicators.level,
        coalesce(indicators.category, '') as category,
        sum(indicators.value) as value
    from indicators
    where indicators.level between 1 and 5
    group by 1, 2, 3

),

compared as (

    select
        national.indicator_code,
        summed.level,
        national.category,
        national.value as national_value,
        summed.value as summed_value
    from national
    left join summed
        on
            national.indicator_code = summed.indicator_code
            and national.category = summed.category

)

select * from compared
where
    summed_value is null
    or abs(summed_value - national_value) > 0.001
