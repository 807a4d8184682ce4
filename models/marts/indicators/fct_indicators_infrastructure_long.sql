{#
    Infrastructure indicators i1-i9 and t1-t9 (+ t8p/t9p, the charge point
    variant of t8/t9) in the QualiCharge indicator-store shape, one row per
    indicator, level, target and category, for the static snapshot.
    Definitions: seeds/reference/indicator_catalogue.csv.
#}

with

charge_points_attached as (

    select * from {{ ref('int_charge_points_attached') }}

),

stations_attached as (

    select * from {{ ref('int_stations_attached') }}

),

charge_points as (

    select * from {{ ref('dim_charge_points') }}

),

epcis as (

    select * from {{ ref('dim_epcis') }}

),

communes as (

    select * from {{ ref('dim_communes') }}

),

snapshot_dated as (

    {# Snapshot date of the static data: the latest date_maj. #}
    select max(charge_points.updated_date) as period_start
    from charge_points
    where charge_points.has_valid_charge_point_id

),

quantities_unpivoted as (

    select * from {{ ref('int_infrastructure_quantities_computed') }}

),

{# Category counts: only (target, category) pairs with data (t1 right join). #}
categories_counted as (

    select
        't1' as indicator_code,
        charge_points_attached.level,
        charge_points_attached.level_name,
        charge_points_attached.target,
        charge_points_attached.power_category_label as category,
        count(distinct charge_points_attached.charge_point_id) as category_count
    from charge_points_attached
    group by 1, 2, 3, 4, 5

    union all

    select
        't3' as indicator_code,
        stations_attached.level,
        stations_attached.level_name,
        stations_attached.target,
        cast(stations_attached.charge_point_count as text) as category,
        count(distinct stations_attached.station_id) as category_count
    from stations_attached
    group by 1, 2, 3, 4, 5

    union all

    select
        't5' as indicator_code,
        stations_attached.level,
        stations_attached.level_name,
        stations_attached.target,
        stations_attached.station_implantation as category,
        count(distinct stations_attached.station_id) as category_count
    from stations_attached
    group by 1, 2, 3, 4, 5

    union all

    select
        't8' as indicator_code,
        stations_attached.level,
        stations_attached.level_name,
        stations_attached.target,
        stations_attached.operator_name as category,
        count(distinct stations_attached.station_id) as category_count
    from stations_attached
    group by 1, 2, 3, 4, 5

    union all

    select
        't8p' as indicator_code,
        charge_points_attached.level,
        charge_points_attached.level_name,
        charge_points_attached.target,
        charge_points_attached.operator_name as category,
        count(distinct charge_points_attached.charge_point_id) as category_count
    from charge_points_attached
    group by 1, 2, 3, 4, 5

),

categories_shared as (

    {# Share codes: t1 -> t2, t3 -> t4, t5 -> t6, t8 -> t9, t8p -> t9p. #}
    select
        case categories_counted.indicator_code
            when 't1' then 't2'
            when 't3' then 't4'
            when 't5' then 't6'
            when 't8' then 't9'
            when 't8p' then 't9p'
        end as indicator_code,
        categories_counted.level,
        categories_counted.level_name,
        categories_counted.target,
        categories_counted.category,
        {{ charging_round(
            '100.0 * categories_counted.category_count / sum(categories_counted.category_count)'
            ~ ' over (partition by categories_counted.indicator_code,'
            ~ ' categories_counted.level, categories_counted.target)', 6
        ) }} as value
    from categories_counted

),

epcis_with_stations as (

    select
        stations_attached.level,
        stations_attached.target,
        count(distinct stations_attached.epci_code) as epci_count
    from stations_attached
    where
        stations_attached.level in (0, 1, 2)
        and stations_attached.epci_code is not null
    group by 1, 2

),

epcis_of_targets as (

    select
        0 as level,
        'national' as level_name,
        '00' as target,
        count(*) as epci_count
    from epcis

    union all

    select
        1 as level,
        'region' as level_name,
        communes.region_code as target,
        count(distinct communes.epci_code) as epci_count
    from communes
    where communes.epci_code is not null
    group by 1, 2, 3

    union all

    select
        2 as level,
        'department' as level_name,
        communes.department_code as target,
        count(distinct communes.epci_code) as epci_count
    from communes
    where communes.epci_code is not null
    group by 1, 2, 3

),

epci_density_computed as (

    select
        't7' as indicator_code,
        epcis_of_targets.level,
        epcis_of_targets.level_name,
        epcis_of_targets.target,
        {{ charging_round(
            'coalesce(epcis_with_stations.epci_count, 0) * 1.0'
            ~ ' / epcis_of_targets.epci_count', 6
        ) }} as value
    from epcis_of_targets
    left join epcis_with_stations
        on
            epcis_of_targets.level = epcis_with_stations.level
            and epcis_of_targets.target = epcis_with_stations.target
    where epcis_of_targets.epci_count > 0

),

unioned as (

    select
        quantities_unpivoted.indicator_code,
        quantities_unpivoted.level,
        quantities_unpivoted.level_name,
        quantities_unpivoted.target,
        null as category,
        quantities_unpivoted.value
    from quantities_unpivoted

    union all

    select
        categories_counted.indicator_code,
        categories_counted.level,
        categories_counted.level_name,
        categories_counted.target,
        categories_counted.category,
        categories_counted.category_count as value
    from categories_counted

    union all

    select
        categories_shared.indicator_code,
        categories_shared.level,
        categories_shared.level_name,
        categories_shared.target,
        categories_shared.category,
        categories_shared.value
    from categories_shared

    union all

    select
        epci_density_computed.indicator_code,
        epci_density_computed.level,
        epci_density_computed.level_name,
        epci_density_computed.target,
        null as category,
        epci_density_computed.value
    from epci_density_computed

),

final as (

    select
        cast(unioned.indicator_code as text) as indicator_code,
        cast(unioned.level as integer) as level,
        cast(unioned.level_name as text) as level_name,
        cast(unioned.target as text) as target,
        cast(unioned.category as text) as category,
        cast('s' as text) as period,
        snapshot_dated.period_start,
        cast(unioned.value as double precision) as value,
        cast(null as text) as extras
    from unioned
    cross join snapshot_dated

)

select * from final
