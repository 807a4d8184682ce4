{#
    One row per aménageur (owner) SIREN published in the static data. The
    name and contact come from the most recently updated record; name_count
    counts the distinct names published under the SIREN (quality rule 54).
    The logic behind dim_amenageurs, kept here so that intermediate models
    (the TIRUERT detail) can read the aménageur names without reading a mart.
#}

with

charge_points as (

    select * from {{ ref('stg_irve__charge_points') }}
    {# Implausible lines count in the quality rules, never in an indicator. #}
    where implausible_reason is null

),

ranked as (

    select
        charge_points.amenageur_siren,
        charge_points.amenageur_name,
        charge_points.amenageur_contact,
        row_number() over (
            partition by charge_points.amenageur_siren
            order by
                charge_points.updated_date desc nulls last,
                charge_points.charge_point_id asc
        ) as rn
    from charge_points
    where charge_points.amenageur_siren is not null

),

counted as (

    select
        charge_points.amenageur_siren,
        count(*) as charge_point_count,
        count(distinct charge_points.station_id) as station_count,
        count(distinct charge_points.amenageur_name) as name_count
    from charge_points
    where charge_points.amenageur_siren is not null
    group by 1

),

final as (

    select
        ----------  ids
        counted.amenageur_siren,

        ----------  strings
        ranked.amenageur_name,
        ranked.amenageur_contact,

        ----------  numerics
        cast(counted.charge_point_count as integer) as charge_point_count,
        cast(counted.station_count as integer) as station_count,
        cast(counted.name_count as integer) as name_count,

        ----------  booleans
        {# an aménageur without a SIREN cannot be identified: not valid #}
        coalesce({{ is_siren_valid('counted.amenageur_siren') }}, false) as is_siren_valid
    from counted
    inner join ranked
        on
            counted.amenageur_siren = ranked.amenageur_siren
            and ranked.rn = 1

)

select * from final
