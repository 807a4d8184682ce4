{#
    Daily series of i1 (charge points), i4 (stations) and i7 (installed
    power, kW) nationally and per region, from the static history: each
    day from the first delivery date to the series end takes the snapshot
    in force (the latest delivery date on or before the day). The series
    ends on var history_series_end_date, by default the latest day with
    data (a delivery, a status or a session), so the last delivery stays in
    force until the next one arrives. Long indicator shape
    (fct_indicators), period 'd'.
#}

with

charge_points as (

    select * from {{ ref('int_charge_point_snapshots_resolved') }}

),

stations as (

    select * from {{ ref('int_station_snapshots_resolved') }}
    where valid_charge_point_count > 0

),

commune_codes as (

    select * from {{ ref('dim_commune_codes') }}

),

communes as (

    select * from {{ ref('dim_communes') }}

),

regions as (

    select * from {{ ref('dim_regions') }}

),

dates as (

    select * from {{ ref('dim_dates') }}

),

sessions as (

    select * from {{ ref('stg_irve__charging_sessions') }}
    {# Implausible lines count in the quality rules, never in an indicator. #}
    where implausible_reason is null

),

statuses as (

    select * from {{ ref('stg_irve__charge_point_statuses') }}
    {# Implausible lines count in the quality rules, never in an indicator. #}
    where implausible_reason is null

),

series_end as (

    {%- set end_date = var('history_series_end_date') %}
    select
        coalesce(
            {{ "cast('" ~ end_date ~ "' as date)" if end_date else 'cast(null as date)' }},
            max(latest.day)
        ) as end_date
    from (
        select max(charge_points.snapshot_date) as day from charge_points
        union all
        select max(sessions.start_date) as day from sessions
        union all
        select max(statuses.status_date) as day from statuses
    ) as latest

),

snapshots_listed as (

    select distinct
        charge_points.snapshot_date,
        charge_points.next_snapshot_date
    from charge_points

),

days_in_force as (

    select
        dates.date_day,
        snapshots_listed.snapshot_date
    from dates
    cross join series_end
    inner join snapshots_listed
        on
            dates.date_day >= snapshots_listed.snapshot_date
            and (
                dates.date_day < snapshots_listed.next_snapshot_date
                or (
                    snapshots_listed.next_snapshot_date is null
                    and dates.date_day <= series_end.end_date
                )
            )
    where dates.date_day <= series_end.end_date

),

charge_points_located as (

    select
        charge_points.snapshot_date,
        charge_points.charge_point_id,
        charge_points.power_kw,
        coalesce(communes.region_code, 'unlocated') as region_code
    from charge_points
    left join commune_codes
        on charge_points.commune_code = commune_codes.geo_code
    left join communes
        on commune_codes.commune_code = communes.commune_code
    where charge_points.has_valid_charge_point_id

),

stations_located as (

    select
        stations.snapshot_date,
        stations.station_id,
        coalesce(communes.region_code, 'unlocated') as region_code
    from stations
    left join commune_codes
        on stations.commune_code = commune_codes.geo_code
    left join communes
        on commune_codes.commune_code = communes.commune_code

),

targets_listed as (

    select
        0 as level,
        'national' as level_name,
        '00' as target

    union all

    select
        1 as level,
        'region' as level_name,
        regions.region_code as target
    from regions

    union all

    select
        1 as level,
        'region' as level_name,
        'unlocated' as target

),

charge_points_counted as (

    select
        charge_points_located.snapshot_date,
        0 as level,
        '00' as target,
        count(*) as charge_point_count,
        sum(cast(charge_points_located.power_kw as numeric(18, 6))) as power_kw
    from charge_points_located
    group by 1, 2, 3

    union all

    select
        charge_points_located.snapshot_date,
        1 as level,
        charge_points_located.region_code as target,
        count(*) as charge_point_count,
        sum(cast(charge_points_located.power_kw as numeric(18, 6))) as power_kw
    from charge_points_located
    group by 1, 2, 3

),

stations_counted as (

    select
        stations_located.snapshot_date,
        0 as level,
        '00' as target,
        count(*) as station_count
    from stations_located
    group by 1, 2, 3

    union all

    select
        stations_located.snapshot_date,
        1 as level,
        stations_located.region_code as target,
        count(*) as station_count
    from stations_located
    group by 1, 2, 3

),

days_filled as (

    select
        days_in_force.date_day,
        targets_listed.level,
        targets_listed.level_name,
        targets_listed.target,
        coalesce(charge_points_counted.charge_point_count, 0) as charge_point_count,
        coalesce(stations_counted.station_count, 0) as station_count,
        coalesce(charge_points_counted.power_kw, 0) as power_kw
    from days_in_force
    cross join targets_listed
    left join charge_points_counted
        on
            days_in_force.snapshot_date = charge_points_counted.snapshot_date
            and targets_listed.level = charge_points_counted.level
            and targets_listed.target = charge_points_counted.target
    left join stations_counted
        on
            days_in_force.snapshot_date = stations_counted.snapshot_date
            and targets_listed.level = stations_counted.level
            and targets_listed.target = stations_counted.target

),

{% set quantities = [
    ('i1', 'charge_point_count'),
    ('i4', 'station_count'),
    ('i7', 'power_kw'),
] %}

unpivoted as (
    {% for code, column in quantities %}
        select
            '{{ code }}' as indicator_code,
            days_filled.level,
            days_filled.level_name,
            days_filled.target,
            days_filled.date_day,
            {{ charging_round('days_filled.' ~ column, 6) }} as value
        from days_filled
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

final as (

    select
        cast(unpivoted.indicator_code as text) as indicator_code,
        cast(unpivoted.level as integer) as level,
        cast(unpivoted.level_name as text) as level_name,
        cast(unpivoted.target as text) as target,
        cast(null as text) as category,
        cast('d' as text) as period,
        unpivoted.date_day as period_start,
        cast(unpivoted.value as double precision) as value,
        cast(null as text) as extras
    from unpivoted

)

select * from final
