{#
    The indicator catalogue as a dimension of fct_indicators: one row per
    indicator code with its family, name, unit, kind of category,
    definition and allowed levels (seed indicator_catalogue). BI tools join
    it for labels; the tests of the long indicator marts check their codes
    and levels against it.
#}

with

catalogue as (

    select * from {{ ref('indicator_catalogue') }}

),

final as (

    select
        ----------  ids
        cast(catalogue.indicator_code as text) as indicator_code,

        ----------  strings
        cast(catalogue.family as text) as family,
        cast(catalogue.name as text) as indicator_name,
        cast(catalogue.unit as text) as unit,
        cast(catalogue.category_kind as text) as category_kind,
        cast(catalogue.definition as text) as definition,
        cast(catalogue.levels as text) as levels
    from catalogue

)

select * from final
