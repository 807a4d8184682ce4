{#
    One row per indicator code and aggregation level the indicator_catalogue
    seed allows for it (its `levels` column, codes joined by ';'), with the
    level's name (docs/domain_rules.md §2.1, plus 7 = operator). The usage
    indicator families join it so that the catalogue is the one place that
    decides at which levels an indicator is published.
#}

with

indicator_catalogue as (

    select * from {{ ref('indicator_catalogue') }}

),

list_levels as (

    select
        levels.level,
        levels.level_name
    from (
        values
        (0, 'national'),
        (1, 'region'),
        (2, 'department'),
        (3, 'epci'),
        (4, 'commune'),
        (5, 'operational_unit'),
        (6, 'amenageur'),
        (7, 'operator')
    ) as levels (level, level_name)

),

final as (

    select
        ----------  ids
        indicator_catalogue.indicator_code,
        list_levels.level,

        ----------  strings
        indicator_catalogue.family,
        list_levels.level_name
    from indicator_catalogue
    inner join list_levels
        on
            (';' || indicator_catalogue.levels || ';')
            like ('%;' || cast(list_levels.level as varchar) || ';%')

)

select * from final
