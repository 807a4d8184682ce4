{#
    t1 (charge points by power category) sums to i1 for every level and
    target that has charge points, and the t2 shares sum to 100. Returns
    the mismatches.
#}

with

indicators as (

    select * from {{ ref('fct_indicators_infrastructure_long') }}

),

i1 as (

    select
        indicators.level,
        indicators.target,
        indicators.value
    from indicators
    where indicators.indicator_code = 'i1' and indicators.value > 0

),

t_summed as (

    select
        indicators.level,
        indicators.target,
        sum(case when indicators.indicator_code = 't1' then indicators.value end) as t1_value,
        sum(case when indicators.indicator_code = 't2' then indicators.value end) as t2_value
    from indicators
    where indicators.indicator_code in ('t1', 't2')
    group by 1, 2

)

select
    i1.level,
    i1.target,
    i1.value as i1_value,
    t_summed.t1_value,
    t_summed.t2_value
from i1
left join t_summed
    on
        i1.level = t_summed.level
        and i1.target = t_summed.target
where
    t_summed.t1_value is null
    or t_summed.t1_value <> i1.value
    or abs(t_summed.t2_value - 100) > 0.0001
