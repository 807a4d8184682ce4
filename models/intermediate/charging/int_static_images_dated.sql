{#
    One row per image of the static data the infrastructure indicators are
    computed on, with the days it answers for (valid_from <= day <
    valid_to, valid_to NULL: open):
    - 'current': the current static (stg_irve__charge_points, every source
      merged), dated by its latest date_maj among valid points;
    - 'history': each delivery snapshot (int_charge_point_snapshots_resolved)
      until the next one, plus the days before the first delivery, when no
      point is known (the indicators are then 0).
    Indicators are computed once per image, never per calendar day.
#}

with

current_points as (

    select * from {{ ref('int_charge_points_located') }}
    where has_valid_charge_point_id

),

snapshot_points as (

    select * from {{ ref('int_charge_point_snapshots_resolved') }}

),

snapshots_listed as (

    select distinct
        snapshot_points.snapshot_date,
        snapshot_points.next_snapshot_date
    from snapshot_points

),

images_unioned as (

    select
        'current' as image,
        max(current_points.updated_date) as valid_from,
        cast(null as date) as valid_to
    from current_points

    union all

    select
        'history' as image,
        cast('0001-01-01' as date) as valid_from,
        min(snapshots_listed.snapshot_date) as valid_to
    from snapshots_listed

    union all

    select
        'history' as image,
        snapshots_listed.snapshot_date as valid_from,
        snapshots_listed.next_snapshot_date as valid_to
    from snapshots_listed

),

final as (

    select
        ----------  ids
        cast(images_unioned.image as text) as image,

        ----------  dates
        images_unioned.valid_from,
        images_unioned.valid_to
    from images_unioned

)

select * from final
