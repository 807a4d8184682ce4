{#
    Operational unit dimension: the AFIREV register plus every prefix found
    in the static data, built by int_operational_units_counted (also read
    by the indicator models).
#}

with

operational_units as (

    select * from {{ ref('int_operational_units_counted') }}

),

final as (

    select

        ----------  ids
        operational_units.operational_unit_code,

        ----------  strings
        operational_units.operational_unit_name,

        ----------  numerics
        operational_units.charge_point_count,
        operational_units.station_count,

        ----------  booleans
        operational_units.is_in_afirev_register,
        operational_units.has_valid_code

    from operational_units

)

select * from final
