{#
    Charge point status events from every status feed (national snapshot,
    status changes, QualiCharge statuses, operator feeds), typed by
    stg_irve__charge_point_statuses_typed: the lines that type, then one row
    kept per charge point and UTC instant (rule in _irve__models.yml).
    Lines that cannot be typed are listed by
    stg_irve__charge_point_statuses_quarantined instead; implausible lines
    are kept with their implausible_reason for the quality rules, and the
    usage models leave them out.
#}

{# Stored, not the staging default view: deduplicating the feeds is
   heavy, and every test and downstream model would redo it. Incremental by
   local day: a run deduplicates again only the days of the files typed
   since the previous run (their new lines' days, and the days their
   previous version had here), every feed of those days included. #}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='status_date',
        on_schema_change='append_new_columns',
        meta={'rebuilt_day_column': 'status_date'},
        post_hook="{{ wattlas_delete_replaced_lines('stg_irve__charge_point_statuses_typed') }}",
    )
}}

with

{% if is_incremental() %}

    {{ wattlas_days_to_rebuild(
        'stg_irve__charge_point_statuses_typed', 'status_date', 'parsed_status_date'
    ) }}

{% endif %}

typed as (

    select * from {{ ref('stg_irve__charge_point_statuses_typed') }}
    where
        quarantine_reason is null
        {% if is_incremental() -%}
            and parsed_status_date in (select days_to_rebuild.status_date from days_to_rebuild)
        {%- endif %}

),

parsed as (

    select
        typed.*,
        case typed.feed
            when 'operator_statuses' then 1
            when 'qualicharge_statuses' then 2
            when 'irve_status_changes' then 3
            else 4
        end as feed_priority
    from typed

),

ranked as (

    select
        parsed.*,
        row_number() over (
            partition by parsed.id_pdc_itinerance, parsed.parsed_status_at
            {# a plausible line first: an implausible copy of a good line
               (a re-delivery with a bad collection time) never hides it #}
            order by
                case when parsed.implausible_reason is null then 0 else 1 end asc,
                parsed.feed_priority asc,
                parsed.loaded_at desc,
                parsed.source_file desc,
                parsed.source_line desc
        ) as rn,
        count(*) over (
            partition by parsed.id_pdc_itinerance, parsed.parsed_status_at
        ) - 1 as duplicate_count
    from parsed

),

renamed as (

    select
        ----------  ids
        ranked.parsed_charge_point_id as charge_point_id,
        left(ranked.parsed_charge_point_id, 5) as operational_unit_code,

        ----------  strings
        {{ irve_clean_text('ranked.etat_pdc') }} as status,
        {{ irve_clean_text('ranked.occupation_pdc') }} as occupancy,
        {{ irve_clean_text('ranked.etat_prise_type_2') }} as socket_type_2_status,
        {{ irve_clean_text('ranked.etat_prise_type_combo_ccs') }} as socket_combo_ccs_status,
        {{ irve_clean_text('ranked.etat_prise_type_chademo') }} as socket_chademo_status,
        {{ irve_clean_text('ranked.etat_prise_type_ef') }} as socket_ef_status,
        ranked.horodatage as status_at_text,
        ranked.implausible_reason,
        ranked.feed,
        ranked.operator_slug,
        ranked.source_file,

        ----------  numerics
        ranked.source_line,
        ranked.duplicate_count,

        ----------  booleans
        ranked.is_offset_missing,

        ----------  dates
        ranked.parsed_status_date as status_date,

        ----------  timestamps
        ranked.parsed_status_at as status_at,
        ranked.parsed_collected_at as collected_at,
        ranked.loaded_at
    from ranked
    where ranked.rn = 1

)

select * from renamed
