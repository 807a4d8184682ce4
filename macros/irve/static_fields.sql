{#
    The 40 fields of the etalab IRVE static schema (schema-irve-statique
    v2.3), as raw column names. Every static feed selects them in this order,
    so the base models union without a column-by-column list each.
#}
{% macro irve_static_fields() %}
    {{ return([
        'nom_amenageur', 'siren_amenageur', 'contact_amenageur',
        'nom_operateur', 'contact_operateur', 'telephone_operateur',
        'nom_enseigne', 'id_station_itinerance', 'id_station_local',
        'nom_station', 'implantation_station', 'adresse_station',
        'code_insee_commune', 'coordonneesxy', 'nbre_pdc',
        'id_pdc_itinerance', 'id_pdc_local', 'puissance_nominale',
        'prise_type_ef', 'prise_type_2', 'prise_type_combo_ccs',
        'prise_type_chademo', 'prise_type_autre', 'gratuit',
        'paiement_acte', 'paiement_cb', 'paiement_autre', 'tarification',
        'condition_acces', 'reservation', 'horaires', 'accessibilite_pmr',
        'restriction_gabarit', 'station_deux_roues', 'raccordement',
        'num_pdl', 'date_mise_en_service', 'observations', 'date_maj',
        'cable_t2_attache',
    ]) }}
{% endmacro %}
