{#
    The stations in force on each snapshot date, from the charge points in
    force (int_charge_point_snapshots_resolved): station fields of a
    representative record (latest date_maj, then smallest charge point id,
    as int_stations_aggregated) and aggregates over the station's points.
    One row per snapshot date and station.
#}

{{ config(materialized='table') }}

with

charge_points as (

    select * from {{ ref('int_charge_point_snapshots_resolved') }}
    where station_id is not null

),

ranked as (

    select
        charge_points.*,
        row_number() over (
            partition by charge_points.snapshot_date, charge_points.station_id
            order by
                charge_points.updated_date desc nulls last,
                charge_points.charge_point_id asc
        ) as rn
    from charge_points

),

aggregated as (

    select
        charge_points.snapshot_date,
        charge_points.station_id,
        cast(count(*) as integer) as charge_point_count,
        cast(sum(
            case when charge_points.has_valid_charge_point_id then 1 else 0 end
        ) as integer) as valid_charge_point_count,
        {{ wattlas_round('sum(charge_points.power_kw)', 6) }} as total_power_kw,
        bool_or({{ is_dc_charge_point(
            'charge_points.power_kw',
            'charge_points.has_socket_combo_ccs',
            'charge_points.has_socket_chademo',
        ) }}) as is_dc
    from charge_points
    group by 1, 2

),

joined as (

    select
        ----------  ids
        ranked.station_id,
        ranked.operational_unit_code,
        ranked.amenageur_siren,
        ranked.commune_code,
        ranked.pdl_number,

        ----------  strings
        ranked.amenageur_name,
        ranked.operator_name,
        ranked.brand_name,
        ranked.station_name,
        ranked.station_implantation,
        ranked.raccordement,

        ----------  numerics
        ranked.snapshot_seq,
        aggregated.charge_point_count,
        aggregated.valid_charge_point_count,
        aggregated.total_power_kw,

        ----------  booleans
        aggregated.is_dc,

        ----------  dates
        ranked.snapshot_date,
        ranked.next_snapshot_date,
        ranked.updated_date
    from ranked
    inner join aggregated
        on
            ranked.snapshot_date = aggregated.snapshot_date
            and ranked.station_id = aggregated.station_id
    where ranked.rn = 1

)

select * from joined
