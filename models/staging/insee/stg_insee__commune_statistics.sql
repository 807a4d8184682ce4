{#
    Blank cells are NULL on load (secret or unavailable values). A value is
    cast only when it is made of digits and at most one decimal point (the
    translate() check keeps the lint templater free of dispatched macros), so
    a stray symbol becomes NULL instead of failing the build; French decimal
    commas are turned into points first. The columns hold no signs.
#}
{% set measures = {
    'p18_pop': 'population_2018',
    'superf': 'area_km2',
    'p18_men': 'households_2018',
    'p18_log': 'dwellings_2018',
    'p18_rp': 'principal_residences_2018',
    'p18_rsecocc': 'secondary_residences_2018',
    'p18_logvac': 'vacant_dwellings_2018',
} %}

with

source as (

    select * from {{ source('insee', 'comparateur_communes') }}

),

renamed as (

    select

        ----------  ids
        codgeo as geo_code,

        ----------  numerics
        {% for raw_column, column_name in measures.items() %}
            case
                when
                    translate(replace({{ raw_column }}, ',', '.'), '0123456789.', '') = ''
                    and replace({{ raw_column }}, ',', '.') not like '%.%.%'
                    and replace({{ raw_column }}, ',', '.') <> '.'
                    then cast(replace({{ raw_column }}, ',', '.') as double precision)
            end as {{ column_name }},
        {% endfor %}

        ----------  booleans
        p18_pop is not null as has_statistics

    from source

)

select * from renamed
