{#
    The days each charge point version answers for, when a session or a
    point-day is attributed to an operator, operational unit and aménageur:
    a version covers valid_from <= day < valid_to, and the first version
    also covers every day before it (a session older than the first known
    delivery takes the earliest known attributes). Days after a point's
    removal are covered by no version. One range join on
    (charge_point_id, attributed_from <= day < attributed_to) gives at
    most one version per point and day.
#}

with

history as (

    select * from {{ ref('int_charge_point_versions_tracked') }}

),

final as (

    select
        ----------  ids
        history.charge_point_version_id,
        history.charge_point_id,
        history.station_id,
        history.operational_unit_code,
        history.amenageur_siren,

        ----------  strings
        history.operator_name,
        history.amenageur_name,

        ----------  numerics
        history.version_number,

        ----------  dates
        history.valid_from,
        case
            when history.version_number = 1 then cast('0001-01-01' as date)
            else history.valid_from
        end as attributed_from,
        history.valid_to as attributed_to
    from history

)

select * from final
