{#
    Charging sessions from every session feed (QualiCharge JSON lines in
    epoch milliseconds, operator feeds in ISO-8601 with offset), typed by
    stg_irve__charging_sessions_typed: the lines that type (the others are
    listed by stg_irve__charging_sessions_quarantined; implausible ones
    stay with their implausible_reason for the quality rules), then the
    canonical dedup: one row per (charge point, start, end), keeping the largest
    energy; the rows removed are counted in duplicate_count.
#}

{# A table, not the staging default view: parsing and deduplicating the
   feeds is heavy, and every test and downstream model would redo it. #}
{{ config(materialized='table') }}

with

parsed as (

    select * from {{ ref('stg_irve__charging_sessions_typed') }}
    where quarantine_reason is null

),

ranked as (

    select
        parsed.*,
        row_number() over (
            partition by
                parsed.parsed_charge_point_id,
                parsed.parsed_start_at,
                parsed.parsed_end_at
            order by
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
        {{ utc_to_local_date('ranked.parsed_start_at') }} as start_date,

        ----------  timestamps
        ranked.parsed_start_at as start_at,
        ranked.parsed_end_at as end_at,
        ranked.loaded_at
    from ranked
    where ranked.rn = 1

)

select * from renamed
