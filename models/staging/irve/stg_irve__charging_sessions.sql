{#
    Charging sessions from every session feed (QualiCharge JSON lines in
    epoch milliseconds, operator feeds in ISO-8601 with offset), typed by
    stg_irve__charging_sessions_typed: the lines that type (the others are
    listed by stg_irve__charging_sessions_quarantined; implausible ones
    stay with their implausible_reason for the quality rules), then the
    canonical dedup: one row per (charge point, start, end), keeping a
    plausible row over an implausible copy, then the largest energy; the rows
    removed are counted in duplicate_count.
#}

{# Stored, not the staging default view: deduplicating the feeds is
   heavy, and every test and downstream model would redo it. Incremental by
   local start day, as stg_irve__charge_point_statuses: a run deduplicates
   again only the days of the files typed since the previous run (their new
   lines' days, and the days their previous version had here). #}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='start_date',
        on_schema_change='append_new_columns',
        meta={'rebuilt_day_column': 'start_date'},
        post_hook="{{ wattlas_delete_replaced_lines('stg_irve__charging_sessions_typed') }}",
    )
}}

with

{% if is_incremental() %}

    {{ wattlas_days_to_rebuild(
        'stg_irve__charging_sessions_typed', 'start_date', 'parsed_start_date'
    ) }}

{% endif %}

parsed as (

    select * from {{ ref('stg_irve__charging_sessions_typed') }}
    where
        quarantine_reason is null
        {% if is_incremental() -%}
            and parsed_start_date in (select days_to_rebuild.start_date from days_to_rebuild)
        {%- endif %}

),

ranked as (

    select
        parsed.*,
        row_number() over (
            partition by
                parsed.parsed_charge_point_id,
                parsed.parsed_start_at,
                parsed.parsed_end_at
            {# a plausible line first: an implausible copy never hides a good one #}
            order by
                case when parsed.implausible_reason is null then 0 else 1 end asc,
                parsed.parsed_energy_kwh desc nulls last,
                parsed.loaded_at desc,
                parsed.source_file desc,
                parsed.source_line desc
        ) as rn,
        count(*) over (
            partition by
                parsed.parsed_charge_point_id,
                parsed.parsed_start_at,
                parsed.parsed_end_at
        ) - 1 as duplicate_count
    from parsed

),

renamed as (

    select
        ----------  ids
        ranked.parsed_charge_point_id as charge_point_id,
        left(ranked.parsed_charge_point_id, 5) as operational_unit_code,

        ----------  strings
        ranked.start_text,
        ranked.end_text,
        ranked.implausible_reason,
        ranked.feed,
        ranked.operator_slug,
        ranked.source_file,

        ----------  numerics
        ranked.parsed_energy_kwh as energy_kwh,
        {{ irve_seconds_between('ranked.parsed_start_at', 'ranked.parsed_end_at') }}
            as duration_seconds,
        ranked.source_line,
        ranked.duplicate_count,

        ----------  dates
        ranked.parsed_start_date as start_date,

        ----------  timestamps
        ranked.parsed_start_at as start_at,
        ranked.parsed_end_at as end_at,
        ranked.loaded_at
    from ranked
    where ranked.rn = 1

)

select * from renamed
