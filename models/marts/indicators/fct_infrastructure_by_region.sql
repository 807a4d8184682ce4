{#
    Wide BI mart: one row per region plus one 'unlocated' row, every
    infrastructure indicator of level 1 as a column.
#}

with

indicators as (

    select * from {{ ref('fct_indicators_infrastructure_long') }}
    where level = 1

),

regions as (

    select * from {{ ref('dim_regions') }}

),

pivoted as (

    select
        indicators.target,
        indicators.period_start,
        {{ infrastructure_wide_columns('indicators', with_epci_density=true) }}
    from indicators
    group by 1, 2

),

final as (

    select
        ----------  ids
        pivoted.target as region_code,

        ----------  strings
        regions.region_name,
        regions.zone,

        ----------  numerics
        regions.population,
        regions.area_km2,
        pivoted.charge_point_count,
        pivoted.station_count,
        pivoted.installed_power_kw,
        pivoted.charge_points_per_100k_inhabitants,
        pivoted.charge_points_per_100_km2,
        pivoted.stations_per_100k_inhabitants,
        pivoted.stations_per_100_km2,
        pivoted.installed_power_kw_per_100k_inhabitants,
        pivoted.installed_power_kw_per_100_km2,
        pivoted.epci_density,
        pivoted.charge_point_count_power_1,
        pivoted.charge_point_count_power_2,
        pivoted.charge_point_count_power_3,
        pivoted.charge_point_count_power_4,
        pivoted.charge_point_count_power_5,
        pivoted.charge_point_count_power_6,

        ----------  booleans
        pivoted.target = 'unlocated' as is_unlocated,

        ----------  dates
        pivoted.period_start as snapshot_date
    from pivoted
    left join regions
        on pivoted.target = regions.region_code

)

select * from final
