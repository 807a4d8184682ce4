{#
    Static charge point records from every static source (QualiCharge JSON
    lines, national consolidated etalab CSV), typed by
    stg_irve__charge_points_typed: the lines that type (the others are
    listed by stg_irve__charge_points_quarantined), then one row kept per
    charge point (rule in _irve__models.yml: a plausible line first, then
    latest date_maj, then latest load). An implausible line kept (no
    plausible version) carries its implausible_reason: the quality rules
    count it, the indicators leave it out.
#}

{# A table, not the staging default view: parsing and deduplicating the
   feeds is heavy, and every test and downstream model would redo it. #}
{{ config(materialized='table') }}

with

typed as (

    select * from {{ ref('stg_irve__charge_points_typed') }}
    where quarantine_reason is null

),

ranked as (

    select
        typed.*,
        row_number() over (
            partition by typed.charge_point_id
            order by
                {# An implausible line never hides a plausible version. #}
                case when typed.implausible_reason is null then 0 else 1 end,
                typed.updated_date desc nulls last,
                typed.loaded_at desc,
                typed.source_dataset asc,
                typed.source_file desc,
                typed.source_line desc
        ) as rn,
        count(*) over (partition by typed.charge_point_id) - 1 as duplicate_count
    from typed

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
        ranked.implausible_reason,
        ranked.coordinates_territory,
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
