{#
    Infrastructure indicators i1-i9 and t1-t9 (+ t8p/t9p, the charge point
    variant of t8/t9) and the pool counts p300-p3600 (their station ids in
    extras) in the QualiCharge indicator-store shape, one row per
    indicator, level, target and category, for the current static image,
    dated by its snapshot date (the latest date_maj). Computed by
    int_infrastructure_indicators_dated; definitions:
    seeds/reference/indicator_catalogue.csv.
#}

with

indicators as (

    select * from {{ ref('int_infrastructure_indicators_dated') }}
    where image = 'current'

),

final as (

    select
        indicators.indicator_code,
        indicators.level,
        indicators.level_name,
        indicators.target,
        indicators.category,
        cast('s' as text) as period,
        indicators.valid_from as period_start,
        indicators.value,
        indicators.extras
    from indicators

)

select * from final
