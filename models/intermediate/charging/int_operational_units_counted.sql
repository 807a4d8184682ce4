{#
    One row per operational unit, the columns of dim_operational_units:
    the AFIREV register plus every prefix found in the static data but
    absent from the register (kept, flagged), with its charge point and
    station counts. The indicators list their level-5 targets from here.
#}

with

register as (

    select * from {{ ref('afirev_operational_units') }}

),

charge_points as (

    select * from {{ ref('int_charge_points_located') }}

),

counted as (

    select
        charge_points.operational_unit_code,
        count(*) as charge_point_count,
        count(distinct charge_points.station_id) as station_count
    from charge_points
    group by 1

),

codes_unioned as (

    select cast(register.code as text) as operational_unit_code
    from register
    union all
    select counted.operational_unit_code
    from counted

),

codes as (

    select codes_unioned.operational_unit_code
    from codes_unioned
    group by 1

),

final as (

    select
        ----------  ids
        codes.operational_unit_code,

        ----------  strings
        cast(register.name as text) as operational_unit_name,

        ----------  numerics
        cast(coalesce(counted.charge_point_count, 0) as integer) as charge_point_count,
        cast(coalesce(counted.station_count, 0) as integer) as station_count,

        ----------  booleans
        register.code is not null as is_in_afirev_register,
        {{ wattlas_regex_matches(
            'codes.operational_unit_code', '^[A-Z]{2}[A-Z0-9]{3}$'
        ) }} as has_valid_code
    from codes
    left join register
        on codes.operational_unit_code = register.code
    left join counted
        on codes.operational_unit_code = counted.operational_unit_code

)

select * from final
