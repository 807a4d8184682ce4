{#
    Static charge point records from every static source (QualiCharge JSON
    lines, national consolidated etalab CSV), typed with the same code after
    the union, then one row kept per charge point (rule in
    _irve__models.yml: latest date_maj, then latest load).
#}

{# A table, not the staging default view: parsing and deduplicating the
   feeds is heavy, and every test and downstream model would redo it. #}
{{ config(materialized='table') }}

with

qualicharge as (

    select * from {{ ref('base_qualicharge__charge_points') }}

),

consolidation as (

    select * from {{ ref('base_irve__charge_points') }}

),

unioned as (

    select * from qualicharge
    union all
    select * from consolidation

),

typed as (

    select
        ----------  ids
        {{ irve_clean_text('unioned.id_pdc_itinerance') }} as charge_point_id,
        {{ irve_clean_text('unioned.id_station_itinerance') }} as station_id,
        left({{ irve_clean_text('unioned.id_station_itinerance') }}, 5)
            as operational_unit_code,
        {{ irve_clean_text('unioned.id_pdc_local') }} as charge_point_local_id,
        {{ irve_clean_text('unioned.id_station_local') }} as station_local_id,
        {{ irve_clean_text('unioned.siren_amenageur') }} as amenageur_siren,
        {{ irve_clean_text('unioned.code_insee_commune') }} as commune_code,
        {{ irve_clean_text('unioned.num_pdl') }} as pdl_number,

        ----------  strings
        {{ irve_clean_text('unioned.nom_amenageur') }} as amenageur_name,
        {{ irve_clean_text('unioned.contact_amenageur') }} as amenageur_contact,
        {{ irve_clean_text('unioned.nom_operateur') }} as operator_name,
        {{ irve_clean_text('unioned.contact_operateur') }} as operator_contact,
        {{ irve_clean_text('unioned.telephone_operateur') }} as operator_phone,
        {{ irve_clean_text('unioned.nom_enseigne') }} as brand_name,
        {{ irve_clean_text('unioned.nom_station') }} as station_name,
        {{ irve_clean_text('unioned.implantation_station') }} as station_implantation,
        {{ irve_clean_text('unioned.adresse_station') }} as station_address,
        {{ irve_clean_text('unioned.coordonneesxy') }} as coordinates_text,
        {{ irve_clean_text('unioned.tarification') }} as pricing,
        {{ irve_clean_text('unioned.condition_acces') }} as access_condition,
        {{ irve_clean_text('unioned.horaires') }} as opening_hours,
        {{ irve_clean_text('unioned.accessibilite_pmr') }} as pmr_accessibility,
        {{ irve_clean_text('unioned.restriction_gabarit') }} as size_restriction,
        {{ irve_clean_text('unioned.raccordement') }} as raccordement,
        {{ irve_clean_text('unioned.observations') }} as observations,
        unioned.source_dataset,
        unioned.source_file,

        ----------  numerics
        {{ wattlas_parse_integer('unioned.nbre_pdc') }} as station_charge_point_count,
        {{ wattlas_parse_number('unioned.puissance_nominale', 'double precision') }}
            as power_kw,
        {{ irve_parse_coordinate('unioned.coordonneesxy', 'lon') }} as longitude,
        {{ irve_parse_coordinate('unioned.coordonneesxy', 'lat') }} as latitude,
        unioned.source_line,

        ----------  booleans
        {{ irve_parse_boolean('unioned.prise_type_ef') }} as has_socket_ef,
        {{ irve_parse_boolean('unioned.prise_type_2') }} as has_socket_type_2,
        {{ irve_parse_boolean('unioned.prise_type_combo_ccs') }} as has_socket_combo_ccs,
        {{ irve_parse_boolean('unioned.prise_type_chademo') }} as has_socket_chademo,
        {{ irve_parse_boolean('unioned.prise_type_autre') }} as has_socket_other,
        {{ irve_parse_boolean('unioned.gratuit') }} as is_free,
        {{ irve_parse_boolean('unioned.paiement_acte') }} as has_pay_per_charge,
        {{ irve_parse_boolean('unioned.paiement_cb') }} as has_card_payment,
        {{ irve_parse_boolean('unioned.paiement_autre') }} as has_other_payment,
        {{ irve_parse_boolean('unioned.reservation') }} as is_reservable,
        {{ irve_parse_boolean('unioned.station_deux_roues') }} as is_two_wheeler_station,
        {{ irve_parse_boolean('unioned.cable_t2_attache') }} as has_attached_t2_cable,

        ----------  dates
        {{ wattlas_parse_date('unioned.date_mise_en_service') }} as commissioned_date,
        {{ wattlas_parse_date('unioned.date_maj') }} as updated_date,

        ----------  timestamps
        unioned.loaded_at
    from unioned

),

ranked as (

    select
        typed.*,
        row_number() over (
            partition by typed.charge_point_id
            order by
                typed.updated_date desc nulls last,
                typed.loaded_at desc,
                typed.source_dataset asc,
                typed.source_file desc,
                typed.source_line desc
        ) as rn,
        count(*) over (partition by typed.charge_point_id) - 1 as duplicate_count
    from typed
    where typed.charge_point_id is not null

),

renamed as (

    select
        ----------  ids
        ranked.charge_point_id,
        ranked.station_id,
        ranked.operational_unit_code,
        ranked.charge_point_local_id,
        ranked.station_local_id,
        ranked.amenageur_siren,
        ranked.commune_code,
        ranked.pdl_number,

        ----------  strings
        ranked.amenageur_name,
        ranked.amenageur_contact,
        ranked.operator_name,
        ranked.operator_contact,
        ranked.operator_phone,
        ranked.brand_name,
        ranked.station_name,
        ranked.station_implantation,
        ranked.station_address,
        ranked.coordinates_text,
        ranked.pricing,
        ranked.access_condition,
        ranked.opening_hours,
        ranked.pmr_accessibility,
        ranked.size_restriction,
        ranked.raccordement,
        ranked.observations,
        ranked.source_dataset,
        ranked.source_file,

        ----------  numerics
        ranked.station_charge_point_count,
        ranked.power_kw,
        ranked.longitude,
        ranked.latitude,
        ranked.source_line,
        ranked.duplicate_count,

        ----------  booleans
        ranked.has_socket_ef,
        ranked.has_socket_type_2,
        ranked.has_socket_combo_ccs,
        ranked.has_socket_chademo,
        ranked.has_socket_other,
        ranked.is_free,
        ranked.has_pay_per_charge,
        ranked.has_card_payment,
        ranked.has_other_payment,
        ranked.is_reservable,
        ranked.is_two_wheeler_station,
        ranked.has_attached_t2_cable,
        coalesce(
            left(ranked.charge_point_id, 5) = ranked.operational_unit_code, false
        ) as has_matching_id_prefixes,

        ----------  dates
        ranked.commissioned_date,
        ranked.updated_date,

        ----------  timestamps
        ranked.loaded_at
    from ranked
    where ranked.rn = 1

)

select * from renamed
