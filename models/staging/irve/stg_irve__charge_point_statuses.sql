{#
    Charge point status events from every status feed (national snapshot,
    status changes, QualiCharge statuses, operator feeds), parsed with the
    same code after the union, then one row kept per charge point and UTC
    instant (rule in _irve__models.yml).
#}

{# A table, not the staging default view: parsing and deduplicating the
   feeds is heavy, and every test and downstream model would redo it. #}
{{ config(materialized='table') }}

with

snapshot as (

    select * from {{ ref('base_irve__snapshot_statuses') }}

),

status_changes as (

    select * from {{ ref('base_irve__status_changes') }}

),

qualicharge as (

    select * from {{ ref('base_qualicharge__charge_point_statuses') }}

),

operator_feeds as (

    select * from {{ ref('base_operators__charge_point_statuses') }}

),

unioned as (

    select * from operator_feeds
    union all
    select * from qualicharge
    union all
    select * from status_changes
    union all
    select * from snapshot

),

parsed as (

    select
        unioned.*,
        {{ irve_parse_timestamp_utc('unioned.horodatage', naive_as_utc=true) }}
            as parsed_status_at,
        {{ irve_is_naive_timestamp('unioned.horodatage') }} as is_offset_missing,
        case unioned.feed
            when 'operator_statuses' then 1
            when 'qualicharge_statuses' then 2
            when 'irve_status_changes' then 3
            else 4
        end as feed_priority
    from unioned

),

ranked as (

    select
        parsed.*,
        row_number() over (
            partition by parsed.id_pdc_itinerance, parsed.parsed_status_at
            order by
                parsed.feed_priority asc,
                parsed.loaded_at desc,
                parsed.source_file desc,
                parsed.source_line desc
        ) as rn,
        count(*) over (
            partition by parsed.id_pdc_itinerance, parsed.parsed_status_at
        ) - 1 as duplicate_count
    from parsed
    where
        {{ irve_clean_text('parsed.id_pdc_itinerance') }} is not null
        and parsed.parsed_status_at is not null

),

renamed as (

    select
        ----------  ids
        trim(ranked.id_pdc_itinerance) as charge_point_id,
        left(trim(ranked.id_pdc_itinerance), 5) as operational_unit_code,

        ----------  strings
        {{ irve_clean_text('ranked.etat_pdc') }} as status,
        {{ irve_clean_text('ranked.occupation_pdc') }} as occupancy,
        {{ irve_clean_text('ranked.etat_prise_type_2') }} as socket_type_2_status,
        {{ irve_clean_text('ranked.etat_prise_type_combo_ccs') }} as socket_combo_ccs_status,
        {{ irve_clean_text('ranked.etat_prise_type_chademo') }} as socket_chademo_status,
        {{ irve_clean_text('ranked.etat_prise_type_ef') }} as socket_ef_status,
        ranked.horodatage as status_at_text,
        ranked.feed,
        ranked.operator_slug,
        ranked.source_file,

        ----------  numerics
        ranked.source_line,
        ranked.duplicate_count,

        ----------  booleans
        ranked.is_offset_missing,

        ----------  dates
        {{ utc_to_local_date('ranked.parsed_status_at') }} as status_date,

        ----------  timestamps
        ranked.parsed_status_at as status_at,
        {{ irve_parse_timestamp_utc('ranked.horodatage_collecte') }} as collected_at,
        ranked.loaded_at
    from ranked
    where ranked.rn = 1

)

select * from renamed
