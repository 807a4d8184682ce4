{#
    National consolidated IRVE dynamique snapshot (transport.data.gouv.fr):
    the last status of each charge point at the snapshot time.
    Raw text mapped to the common status contract (the IRVE dynamique field
    names); stg_irve__charge_point_statuses parses and deduplicates after the
    union.
#}

with

source as (

    select
        id_pdc_itinerance,
        etat_pdc,
        occupation_pdc,
        horodatage,
        etat_prise_type_2,
        etat_prise_type_combo_ccs,
        etat_prise_type_chademo,
        etat_prise_type_ef,
        _source_file,
        _source_line,
        _loaded_at
    from {{ source('irve', 'consolidation_dynamique') }}

),

renamed as (

    select
        ----------  ids
        source.id_pdc_itinerance,

        ----------  strings
        source.etat_pdc,
        source.occupation_pdc,
        source.etat_prise_type_2,
        source.etat_prise_type_combo_ccs,
        source.etat_prise_type_chademo,
        source.etat_prise_type_ef,
        'irve_snapshot' as feed,
        cast(null as varchar) as operator_slug,
        source._source_file as source_file,

        ----------  numerics
        source._source_line as source_line,

        ----------  timestamps (text until the staging model)
        source.horodatage,
        cast(null as varchar) as horodatage_collecte,
        source._loaded_at as loaded_at
    from source

)

select * from renamed
