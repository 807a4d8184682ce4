{#
    Charging sessions from every session feed (QualiCharge JSON lines in
    epoch milliseconds, operator feeds in ISO-8601 with offset), parsed with
    the same code after the union, then the canonical dedup of domain.md
    §5.10: one row per (charge point, start, end), keeping the largest
    energy; the rows removed are counted in duplicate_count.
#}

{# A table, not the staging default view: parsing and deduplicating the
   feeds is heavy, and every test and downstream model would redo it. #}
{{ config(materialized='table') }}

with

qualicharge as (

    select * from {{ ref('base_qualicharge__charging_sessions') }}

),

operator_feeds as (

    select * from {{ ref('base_operators__charging_sessions') }}

),

unioned as (

    select * from qualicharge
    union all
    select * from operator_feeds

),

parsed as (

    select
        unioned.*,
        trim(unioned.id_pdc_itinerance) as parsed_charge_point_id,
        {{ irve_parse_timestamp_utc('unioned.start_text') }} as parsed_start_at,
        {{ irve_parse_timestamp_utc('unioned.end_text') }} as parsed_end_at,
        {{ wattlas_parse_number('unioned.energy', 'double precision') }} as parsed_energy_kwh
    from unioned

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
    where
        nullif(parsed.parsed_charge_point_id, '') is not null
        and parsed.parsed_start_at is not null
        and parsed.parsed_end_at is not null

),

renamed as (

    select
        ----------  ids
        ranked.parsed_charge_point_id as charge_point_id,
        left(ranked.parsed_charge_point_id, 5) as operational_unit_code,

        ----------  strings
        ranked.start_text,
        ranked.end_text,
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
