{#
    Typing of the IRVE static fields (macros/irve/static_fields.sql) read
    as raw text, shared by stg_irve__charge_points and the delivery history
    (int_charge_point_deliveries_typed), so that every model reading the
    static base models types them identically.

    - irve_static_typed_columns(relation)
          select list (no trailing comma) of the typed static columns of
          `relation` (a CTE with the base-model columns: the schema fields,
          source_dataset, source_file, source_line, loaded_at), under the
          stg_irve__charge_points column names. Only parsing macros are
          called, so the values are those of the staging model.
#}

{% macro irve_static_typed_columns(relation) -%}
        ----------  ids
        {{ irve_clean_text(relation ~ '.id_pdc_itinerance') }} as charge_point_id,
        {{ irve_clean_text(relation ~ '.id_station_itinerance') }} as station_id,
        left({{ irve_clean_text(relation ~ '.id_station_itinerance') }}, 5)
            as operational_unit_code,
        {{ irve_clean_text(relation ~ '.id_pdc_local') }} as charge_point_local_id,
        {{ irve_clean_text(relation ~ '.id_station_local') }} as station_local_id,
        {{ irve_clean_text(relation ~ '.siren_amenageur') }} as amenageur_siren,
        {{ irve_clean_text(relation ~ '.code_insee_commune') }} as commune_code,
        {{ irve_clean_text(relation ~ '.num_pdl') }} as pdl_number,

        ----------  strings
        {{ irve_clean_text(relation ~ '.nom_amenageur') }} as amenageur_name,
        {{ irve_clean_text(relation ~ '.contact_amenageur') }} as amenageur_contact,
        {{ irve_clean_text(relation ~ '.nom_operateur') }} as operator_name,
        {{ irve_clean_text(relation ~ '.contact_operateur') }} as operator_contact,
        {{ irve_clean_text(relation ~ '.telephone_operateur') }} as operator_phone,
        {{ irve_clean_text(relation ~ '.nom_enseigne') }} as brand_name,
        {{ irve_clean_text(relation ~ '.nom_station') }} as station_name,
        {{ irve_clean_text(relation ~ '.implantation_station') }} as station_implantation,
        {{ irve_clean_text(relation ~ '.adresse_station') }} as station_address,
        {{ irve_clean_text(relation ~ '.coordonneesxy') }} as coordinates_text,
        {{ irve_clean_text(relation ~ '.tarification') }} as pricing,
        {{ irve_clean_text(relation ~ '.condition_acces') }} as access_condition,
        {{ irve_clean_text(relation ~ '.horaires') }} as opening_hours,
        {{ irve_clean_text(relation ~ '.accessibilite_pmr') }} as pmr_accessibility,
        {{ irve_clean_text(relation ~ '.restriction_gabarit') }} as size_restriction,
        {{ irve_clean_text(relation ~ '.raccordement') }} as raccordement,
        {{ irve_clean_text(relation ~ '.observations') }} as observations,
        {{ relation }}.source_dataset,
        {{ relation }}.source_file,

        ----------  numerics
        {{ wattlas_parse_integer(relation ~ '.nbre_pdc') }} as station_charge_point_count,
        {{ wattlas_parse_number(relation ~ '.puissance_nominale', 'double precision') }}
            as power_kw,
        {{ irve_parse_coordinate(relation ~ '.coordonneesxy', 'lon') }} as longitude,
        {{ irve_parse_coordinate(relation ~ '.coordonneesxy', 'lat') }} as latitude,
        {{ relation }}.source_line,

        ----------  booleans
        {{ irve_parse_boolean(relation ~ '.prise_type_ef') }} as has_socket_ef,
        {{ irve_parse_boolean(relation ~ '.prise_type_2') }} as has_socket_type_2,
        {{ irve_parse_boolean(relation ~ '.prise_type_combo_ccs') }} as has_socket_combo_ccs,
        {{ irve_parse_boolean(relation ~ '.prise_type_chademo') }} as has_socket_chademo,
        {{ irve_parse_boolean(relation ~ '.prise_type_autre') }} as has_socket_other,
        {{ irve_parse_boolean(relation ~ '.gratuit') }} as is_free,
        {{ irve_parse_boolean(relation ~ '.paiement_acte') }} as has_pay_per_charge,
        {{ irve_parse_boolean(relation ~ '.paiement_cb') }} as has_card_payment,
        {{ irve_parse_boolean(relation ~ '.paiement_autre') }} as has_other_payment,
        {{ irve_parse_boolean(relation ~ '.reservation') }} as is_reservable,
        {{ irve_parse_boolean(relation ~ '.station_deux_roues') }} as is_two_wheeler_station,
        {{ irve_parse_boolean(relation ~ '.cable_t2_attache') }} as has_attached_t2_cable,

        ----------  dates
        {{ wattlas_parse_date(relation ~ '.date_mise_en_service') }} as commissioned_date,
        {{ wattlas_parse_date(relation ~ '.date_maj') }} as updated_date,

        ----------  timestamps
        {{ relation }}.loaded_at
{%- endmacro %}
