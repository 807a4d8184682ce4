{#
    The versions of a charge point follow each other without overlap: a
    version ends (valid_to) on or before the next one starts, and only the
    last version may be open (valid_to NULL). Returns offending versions.
#}

with

history as (

    select
        dim_charge_points_history.charge_point_id,
        dim_charge_points_history.version_number,
        dim_charge_points_history.valid_to,
        lead(dim_charge_points_history.valid_from) over (
            partition by dim_charge_points_history.charge_point_id
            order by dim_charge_points_history.version_number
        ) as next_valid_from
    from {{ ref('dim_charge_points_history') }} as dim_charge_points_history

)

select * from history
where
    next_valid_from is not null
    and (valid_to is null or valid_to > next_valid_from)
