{#
    National consolidated static IRVE file (etalab schema irve-statique CSV).
    The IRVE statique fields as raw text under their schema names, tagged
    with their source; stg_irve__charge_points types every source with the
    same code after the union.
#}

with

source as (

    select
        nom_amenageur,
        siren_amenageur,
        contact_amenageur,
        nom_operateur,
        contact_operateur,
        telephone_operateur,
        nom_enseigne,
        id_station_itinerance,
        id_station_local,
        nom_station,
        implantation_station,
        adresse_station,
        code_insee_commune,
        coordonneesxy,
        nbre_pdc,
        id_pdc_itinerance,
        id_pdc_local,
        puissance_nominale,
        prise_type_ef,
        prise_type_2,
        prise_type_combo_ccs,
        prise_type_chademo,
        prise_type_autre,
        gratuit,
        paiement_acte,
        paiement_cb,
        paiement_autre,
        tarification,
        condition_acces,
        reservation,
        horaires,
        accessibilite_pmr,
        restriction_gabarit,
        station_deux_roues,
        raccordement,
        num_pdl,
        date_mise_en_service,
        observations,
        date_maj,
        cable_t2_attache,
        _source_file,
        _source_line,
        _loaded_at
    from {{ source('irve', 'consolidation_statique') }}

),

renamed as (

    select
        source.nom_amenageur,
        source.siren_amenageur,
        source.contact_amenageur,
        source.nom_operateur,
        source.contact_operateur,
        source.telephone_operateur,
        source.nom_enseigne,
        source.id_station_itinerance,
        source.id_station_local,
        source.nom_station,
        source.implantation_station,
        source.adresse_station,
        source.code_insee_commune,
        source.coordonneesxy,
        source.nbre_pdc,
        source.id_pdc_itinerance,
        source.id_pdc_local,
        source.puissance_nominale,
        source.prise_type_ef,
        source.prise_type_2,
        source.prise_type_combo_ccs,
        source.prise_type_chademo,
        source.prise_type_autre,
        source.gratuit,
        source.paiement_acte,
        source.paiement_cb,
        source.paiement_autre,
        source.tarification,
        source.condition_acces,
        source.reservation,
        source.horaires,
        source.accessibilite_pmr,
        source.restriction_gabarit,
        source.station_deux_roues,
        source.raccordement,
        source.num_pdl,
        source.date_mise_en_service,
        source.observations,
        source.date_maj,
        source.cable_t2_attache,
        'irve_consolidation_statique' as source_dataset,
        source._source_file as source_file,
        source._source_line as source_line,
        source._loaded_at as loaded_at
    from source

)

select * from renamed
