{#
    Operator dimension, one row per operator name (nom_operateur), the
    category of t8/t9. Contact and phone come from the operator's most
    recently updated station.
#}

with

stations as (

    select * from {{ ref('int_stations_aggregated') }}

),

charge_points as (

    select * from {{ ref('stg_irve__charge_points') }}
    {# Implausible lines count in the quality rules, never in an indicator. #}
    where implausible_reason is null

),

contacts_ranked as (

    select
        charge_points.operator_name,
        charge_points.operator_contact,
        charge_points.operator_phone,
        row_number() over (
            partition by charge_points.operator_name
            order by
                charge_points.updated_date desc nulls last,
                charge_points.charge_point_id asc
        ) as rn
    from charge_points
    where charge_points.operator_name is not null

),

counted as (

    select
        stations.operator_name,
        count(*) as station_count,
        sum(stations.charge_point_count) as charge_point_count,
        {{ wattlas_round('sum(stations.total_power_kw)', 6) }} as total_power_kw,
        count(distinct stations.operational_unit_code) as operational_unit_count,
        count(distinct stations.amenageur_siren) as amenageur_count
    from stations
    where stations.operator_name is not null
    group by 1

),

final as (

    select
        ----------  ids
        counted.operator_name,

        ----------  strings
        contacts_ranked.operator_contact,
        contacts_ranked.operator_phone,

        ----------  numerics
        cast(counted.station_count as integer) as station_count,
        cast(counted.charge_point_count as integer) as charge_point_count,
        counted.total_power_kw,
        cast(counted.operational_unit_count as integer) as operational_unit_count,
        cast(counted.amenageur_count as integer) as amenageur_count
    from counted
    inner join contacts_ranked
        on
            counted.operator_name = contacts_ranked.operator_name
            and contacts_ranked.rn = 1

)

select * from final
