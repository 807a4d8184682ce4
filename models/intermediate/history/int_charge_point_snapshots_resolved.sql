{#
    The static charge points in force on each snapshot date. Snapshot
    dates are the delivery dates of the kept deliveries (every source);
    on a snapshot date, each source contributes its latest delivery on or
    before that date (a delivery is a full image of its source: a point
    missing from it is removed), and a point found in several sources keeps
    the staging rule (latest date_maj, then latest delivery, then source
    name). One row per snapshot date and charge point.
#}

{{ config(materialized='table') }}

with

deliveries as (

    select * from {{ ref('int_static_deliveries_ordered') }}
    where not is_superseded

),

records as (

    select * from {{ ref('int_charge_point_deliveries_typed') }}

),

snapshot_dates as (

    select distinct deliveries.delivery_date as snapshot_date
    from deliveries

),

snapshots_sequenced as (

    select
        snapshot_dates.snapshot_date,
        cast(row_number() over (
            order by snapshot_dates.snapshot_date
        ) as integer) as snapshot_seq,
        lead(snapshot_dates.snapshot_date) over (
            order by snapshot_dates.snapshot_date
        ) as next_snapshot_date
    from snapshot_dates

),

deliveries_in_force as (

    select
        snapshots_sequenced.snapshot_date,
        snapshots_sequenced.snapshot_seq,
        snapshots_sequenced.next_snapshot_date,
        deliveries.source_dataset,
        deliveries.source_file,
        deliveries.delivery_date,
        row_number() over (
            partition by snapshots_sequenced.snapshot_date, deliveries.source_dataset
            order by deliveries.delivery_date desc
        ) as rn
    from snapshots_sequenced
    inner join deliveries
        on snapshots_sequenced.snapshot_date >= deliveries.delivery_date

),

states_ranked as (

    select
        deliveries_in_force.snapshot_date,
        deliveries_in_force.snapshot_seq,
        deliveries_in_force.next_snapshot_date,
        deliveries_in_force.delivery_date,
        records.*,
        row_number() over (
            partition by deliveries_in_force.snapshot_date, records.charge_point_id
            order by
                records.updated_date desc nulls last,
                deliveries_in_force.delivery_date desc,
                records.source_dataset asc
        ) as rn_point
    from deliveries_in_force
    inner join records
        on
            deliveries_in_force.source_dataset = records.source_dataset
            and deliveries_in_force.source_file = records.source_file
    where deliveries_in_force.rn = 1

),

resolved as (

    select
        ----------  ids
        states_ranked.charge_point_id,
        states_ranked.station_id,
        states_ranked.operational_unit_code,
        states_ranked.amenageur_siren,
        states_ranked.commune_code,
        states_ranked.pdl_number,

        ----------  strings
        states_ranked.amenageur_name,
        states_ranked.operator_name,
        states_ranked.brand_name,
        states_ranked.station_name,
        states_ranked.station_implantation,
        states_ranked.raccordement,
        states_ranked.source_dataset,
        states_ranked.source_file,

        ----------  numerics
        states_ranked.snapshot_seq,
        states_ranked.station_charge_point_count,
        states_ranked.power_kw,
        states_ranked.longitude,
        states_ranked.latitude,

        ----------  booleans
        states_ranked.has_socket_ef,
        states_ranked.has_socket_type_2,
        states_ranked.has_socket_combo_ccs,
        states_ranked.has_socket_chademo,
        states_ranked.has_socket_other,
        {{ wattlas_regex_matches(
            'states_ranked.charge_point_id', '^[A-Z]{2}[A-Z0-9]{4,33}$'
        ) }} as has_valid_charge_point_id,

        ----------  dates
        states_ranked.snapshot_date,
        states_ranked.next_snapshot_date,
        states_ranked.delivery_date,
        states_ranked.commissioned_date,
        states_ranked.updated_date
    from states_ranked
    where states_ranked.rn_point = 1

)

select * from resolved
