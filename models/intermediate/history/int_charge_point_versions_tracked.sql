{#
    Type-2 history of the static charge points, built from every loaded
    delivery in delivery-date order (int_charge_point_snapshots_resolved):
    one row per charge point version, valid on the days
    valid_from <= day < valid_to (valid_to NULL: in force). The columns of
    dim_charge_points_history; the attribution periods read it here.
#}

{# A table: the gaps-and-islands windows are heavy and two models read it. #}
{{ config(materialized='table') }}

with

snapshots as (

    select * from {{ ref('int_charge_point_snapshots_resolved') }}

),

{{ history_type2_ctes('snapshots', 'charge_point_id', history_charge_point_tracked_columns()) }},

final as (

    select
        ----------  ids
        cast(
            history_versioned.charge_point_id || '|'
            || cast(history_versioned.version_number as varchar) as text
        ) as charge_point_version_id,
        cast(history_versioned.charge_point_id as text) as charge_point_id,
        cast(history_versioned.station_id as text) as station_id,
        cast(history_versioned.operational_unit_code as text) as operational_unit_code,
        cast(history_versioned.amenageur_siren as text) as amenageur_siren,
        cast(history_versioned.commune_code as text) as commune_code,
        cast(history_versioned.pdl_number as text) as pdl_number,

        ----------  strings
        cast(history_versioned.amenageur_name as text) as amenageur_name,
        cast(history_versioned.operator_name as text) as operator_name,
        cast(history_versioned.brand_name as text) as brand_name,
        cast(history_versioned.station_implantation as text) as station_implantation,
        cast(history_versioned.raccordement as text) as raccordement,
        cast(history_versioned.change_type as text) as change_type,
        cast(history_versioned.end_reason as text) as end_reason,
        cast(history_versioned.source_dataset as text) as source_dataset,
        cast(history_versioned.source_file as text) as source_file,

        ----------  numerics
        history_versioned.version_number,
        history_versioned.station_charge_point_count,
        cast(history_versioned.power_kw as double precision) as power_kw,
        cast(history_versioned.longitude as double precision) as longitude,
        cast(history_versioned.latitude as double precision) as latitude,

        ----------  booleans
        history_versioned.has_socket_ef,
        history_versioned.has_socket_type_2,
        history_versioned.has_socket_combo_ccs,
        history_versioned.has_socket_chademo,
        history_versioned.has_socket_other,
        history_versioned.has_valid_charge_point_id,
        history_versioned.valid_to is null as is_current,

        ----------  dates
        history_versioned.valid_from,
        history_versioned.valid_to,
        history_versioned.commissioned_date,
        history_versioned.updated_date
    from history_versioned

)

select * from final
