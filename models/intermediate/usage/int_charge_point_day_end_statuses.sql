{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='status_date',
        on_schema_change='append_new_columns',
        meta={'rebuilt_day_column': 'status_date'},
        tags=['daily_partitioned'],
    )
}}

{#
    Each charge point's last explicit status (en_service or hors_service)
    and last declared occupancy (libre, occupe, reserve) of every local day
    it sent one, with their instants: what a timeline starting after that
    day carries in from it. An incremental timeline run reads these rows
    for its lookback days instead of every status of them (about a quarter
    of the rows). Incremental by day, on the days the statuses are rebuilt.
#}

with

statuses as (

    select * from {{ ref('int_charge_point_statuses_daily') }}
    where {{ usage_day_filter('status_date') }}

),

find_last_instants as (

    select
        statuses.charge_point_id,
        statuses.status_date,
        max(
            case when statuses.status in ('en_service', 'hors_service') then statuses.status_at end
        ) as explicit_status_at,
        max(
            case
                when statuses.occupancy in ('libre', 'occupe', 'reserve') then statuses.status_at
            end
        ) as occupancy_at
    from statuses
    group by 1, 2

),

final as (

    select
        ----------  ids
        find_last_instants.charge_point_id,

        ----------  strings
        explicit_statuses.status as explicit_status,
        occupancies.occupancy as declared_occupancy,

        ----------  dates
        find_last_instants.status_date,

        ----------  timestamps
        find_last_instants.explicit_status_at,
        find_last_instants.occupancy_at
    from find_last_instants
    left join statuses as explicit_statuses
        on
            find_last_instants.charge_point_id = explicit_statuses.charge_point_id
            and find_last_instants.explicit_status_at = explicit_statuses.status_at
    left join statuses as occupancies
        on
            find_last_instants.charge_point_id = occupancies.charge_point_id
            and find_last_instants.occupancy_at = occupancies.status_at
    where
        find_last_instants.explicit_status_at is not null
        or find_last_instants.occupancy_at is not null

)

select * from final
