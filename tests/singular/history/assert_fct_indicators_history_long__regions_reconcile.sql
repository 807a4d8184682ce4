{#
    On every day and for i1, i4, i7 and the pool counts, the regions plus 'unlocated'
    (level 1) add up to the national value (level 0). Returns the
    (indicator, day) pairs that do not.
#}

with

series as (

    select * from {{ ref('fct_indicators_history_long') }}

),

summed as (

    select
        series.indicator_code,
        series.period_start,
        sum(case when series.level = 0 then series.value else 0 end) as national_value,
        sum(case when series.level = 1 then series.value else 0 end) as region_value
    from series
    group by 1, 2

)

select * from summed
where abs(national_value - region_value) > 0.001
