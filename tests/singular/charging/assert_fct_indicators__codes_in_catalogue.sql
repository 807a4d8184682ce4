{#
    Every indicator code of the long indicator table is defined in the
    indicator catalogue (dim_indicators). Returns the codes
    without a definition.
#}

with

indicators as (

    select distinct indicator_code from {{ ref('fct_indicators') }}

),

catalogue as (

    select * from {{ ref('dim_indicators') }}

)

select indicators.indicator_code
from indicators
left join catalogue
    on indicators.indicator_code = catalogue.indicator_code
where catalogue.indicator_code is null or catalogue.definition is null
