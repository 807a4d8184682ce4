{#
    Operator migration report: one row per charge point version whose
    operator, operational unit or aménageur differs from the point's
    previous version (dim_charge_points_history), with the date of the
    change and the old and new values, so that an operator transfer can be
    checked point by point.
#}

with

history as (

    select * from {{ ref('dim_charge_points_history') }}

),

paired as (

    select
        history.*,
        lag(history.operator_name) over (
            partition by history.charge_point_id order by history.version_number
        ) as old_operator_name,
        lag(history.operational_unit_code) over (
            partition by history.charge_point_id order by history.version_number
        ) as old_operational_unit_code,
        lag(history.amenageur_siren) over (
            partition by history.charge_point_id order by history.version_number
        ) as old_amenageur_siren,
        lag(history.amenageur_name) over (
            partition by history.charge_point_id order by history.version_number
        ) as old_amenageur_name,
        lag(history.valid_from) over (
            partition by history.charge_point_id order by history.version_number
        ) as old_valid_from
    from history

),

migrations as (

    select
        ----------  ids
        paired.charge_point_id,
        paired.station_id,
        paired.old_operational_unit_code,
        paired.operational_unit_code as new_operational_unit_code,
        paired.old_amenageur_siren,
        paired.amenageur_siren as new_amenageur_siren,

        ----------  strings
        paired.old_operator_name,
        paired.operator_name as new_operator_name,
        paired.old_amenageur_name,
        paired.amenageur_name as new_amenageur_name,
        paired.change_type,

        ----------  booleans
        (paired.old_operator_name is distinct from paired.operator_name)
            as is_operator_changed,
        (paired.old_operational_unit_code is distinct from paired.operational_unit_code)
            as is_operational_unit_changed,
        (paired.old_amenageur_siren is distinct from paired.amenageur_siren)
            as is_amenageur_changed,

        ----------  dates
        paired.valid_from as changed_on,
        paired.old_valid_from
    from paired
    where
        paired.version_number > 1
        and (
            paired.old_operator_name is distinct from paired.operator_name
            or paired.old_operational_unit_code is distinct from paired.operational_unit_code
            or paired.old_amenageur_siren is distinct from paired.amenageur_siren
        )

)

select * from migrations
