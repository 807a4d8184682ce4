{#
    Charge point ids of the national dynamic snapshot (consolidation
    nationale IRVE dynamique) matched against the static charge points:
    one row per distinct snapshot id, non-matching ids kept and flagged.
#}

with

snapshot_statuses as (

    select * from {{ ref('base_irve__snapshot_statuses') }}

),

charge_points as (

    select * from {{ ref('stg_irve__charge_points') }}
    {# Implausible lines count in the quality rules, never in an indicator. #}
    where implausible_reason is null

),

snapshot_ids as (

    select
        {{ irve_clean_text('snapshot_statuses.id_pdc_itinerance') }} as charge_point_id,
        count(*) as snapshot_row_count
    from snapshot_statuses
    where {{ irve_clean_text('snapshot_statuses.id_pdc_itinerance') }} is not null
    group by 1

),

matched as (

    select
        snapshot_ids.charge_point_id,
        cast(snapshot_ids.snapshot_row_count as integer) as snapshot_row_count,
        charge_points.charge_point_id is not null as is_in_static_data
    from snapshot_ids
    left join charge_points
        on snapshot_ids.charge_point_id = charge_points.charge_point_id

)

select * from matched
