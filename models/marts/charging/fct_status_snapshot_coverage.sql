{#
    Join of the national dynamic status snapshot to the static charge
    points, counted both ways. One row per status feed (the national
    snapshot only for now).
#}

with

snapshot_ids as (

    select * from {{ ref('int_status_snapshot_ids_matched') }}

),

charge_points as (

    select * from {{ ref('dim_charge_points') }}

),

snapshot_counted as (

    select
        count(*) as snapshot_charge_point_count,
        sum(snapshot_ids.snapshot_row_count) as snapshot_row_count,
        sum(case when snapshot_ids.is_in_static_data then 1 else 0 end)
            as matched_charge_point_count,
        sum(case when snapshot_ids.is_in_static_data then 0 else 1 end)
            as unmatched_charge_point_count
    from snapshot_ids

),

static_counted as (

    select count(*) as static_charge_point_count
    from charge_points

),

final as (

    select
        ----------  ids
        cast('irve_snapshot' as text) as feed,

        ----------  numerics
        cast(snapshot_counted.snapshot_row_count as integer) as snapshot_row_count,
        cast(snapshot_counted.snapshot_charge_point_count as integer)
            as snapshot_charge_point_count,
        cast(snapshot_counted.matched_charge_point_count as integer)
            as matched_charge_point_count,
        cast(snapshot_counted.unmatched_charge_point_count as integer)
            as unmatched_charge_point_count,
        {{ wattlas_round(
            'case when snapshot_counted.snapshot_charge_point_count > 0 then 100.0'
            ~ ' * snapshot_counted.matched_charge_point_count'
            ~ ' / snapshot_counted.snapshot_charge_point_count end', 4
        ) }} as matched_share_pct,
        cast(static_counted.static_charge_point_count as integer)
            as static_charge_point_count,
        {{ wattlas_round(
            'case when static_counted.static_charge_point_count > 0 then 100.0'
            ~ ' * snapshot_counted.matched_charge_point_count'
            ~ ' / static_counted.static_charge_point_count end', 4
        ) }} as static_coverage_pct
    from snapshot_counted
    cross join static_counted

)

select * from final
