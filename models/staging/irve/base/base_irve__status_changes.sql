{#
    Status changes detected between successive national snapshots
    (irve-collecte); horodatage_collecte is the collector's UTC time.
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
        horodatage_collecte,
        _source_file,
        _source_line,
        _loaded_at
    from {{ source('irve', 'changements_statut') }}

),

renamed as (

    select
        ----------  ids
        source.id_pdc_itinerance,

        ----------  strings
        source.etat_pdc,
        source.occupation_pdc,
        cast(null as varchar) as etat_prise_type_2,
        cast(null as varchar) as etat_prise_type_combo_ccs,
        cast(null as varchar) as etat_prise_type_chademo,
        cast(null as varchar) as etat_prise_type_ef,
        'irve_status_changes' as feed,
        cast(null as varchar) as operator_slug,
        source._source_file as source_file,

        ----------  numerics
        source._source_line as source_line,

        ----------  timestamps (text until the staging model)
        source.horodatage,
        source.horodatage_collecte,
        source._loaded_at as loaded_at
    from source

)

select * from renamed
