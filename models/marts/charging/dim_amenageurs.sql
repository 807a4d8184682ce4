{#
    Aménageur (owner) dimension, one row per published SIREN: a select over
    int_amenageurs_aggregated, which builds it (the name and contact of the
    most recently updated record, quality rule 54's name count).
#}

with

amenageurs as (

    select * from {{ ref('int_amenageurs_aggregated') }}

),

final as (

    select
        ----------  ids
        amenageurs.amenageur_siren,

        ----------  strings
        amenageurs.amenageur_name,
        amenageurs.amenageur_contact,

        ----------  numerics
        amenageurs.charge_point_count,
        amenageurs.station_count,
        amenageurs.name_count,

        ----------  booleans
        amenageurs.is_siren_valid
    from amenageurs

)

select * from final
