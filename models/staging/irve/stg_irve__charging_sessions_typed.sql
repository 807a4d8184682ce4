{#
    Every session line of every session feed, typed once, with the first
    check it fails (quarantine_*: the line cannot be typed) or the reason
    its typed values cannot be true (implausible_reason). Read by the
    staging model (clean lines) and by the quarantine listing, so both
    apply the same checks.
#}

{# Stored, not the staging default view: its two readers and their tests
   would each parse every session line again. Incremental by file, as
   stg_irve__charge_point_statuses_typed: a run types only the files loaded
   since the previous one (a file loaded again replaces its lines); a new
   column fails the run (rebuild with --full-refresh). #}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='feed_file',
        on_schema_change='fail',
    )
}}

with

qualicharge as (

    select * from {{ ref('base_qualicharge__charging_sessions') }}

),

operator_feeds as (

    select * from {{ ref('base_operators__charging_sessions') }}

),

unioned as (

    select * from (
        select * from qualicharge
        union all
        select * from operator_feeds
    ) as feeds
    {% if is_incremental() -%}
        {# ">=": a file loaded in the same second as the last one read is
           typed again, which replaces its lines with the same lines. #}
        where loaded_at >= {{ wattlas_watermark('loaded_at') }}
    {%- endif %}

),

parsed as (

    select
        unioned.*,
        {{ irve_clean_text('unioned.id_pdc_itinerance') }} as parsed_charge_point_id,
        {{ irve_parse_timestamp_utc('unioned.start_text') }} as parsed_start_at,
        {{ irve_parse_timestamp_utc('unioned.end_text') }} as parsed_end_at,
        {{ wattlas_parse_number('unioned.energy', 'double precision') }} as parsed_energy_kwh,
        {# the file's key: delete+insert replaces a file's lines by one column #}
        unioned.feed || '/' || unioned.source_file as feed_file
    from unioned

),

{#- The session schema writes energy with a decimal point: a comma is a
    spreadsheet re-save whose meaning cannot be trusted, so it is set
    aside rather than read as a French decimal. -#}
{%- set checks = [
    ['id_pdc_itinerance', 'empty key', 'parsed.parsed_charge_point_id is null',
     'parsed.id_pdc_itinerance'],
] -%}
{%- for field, column in [('start', 'start_text'), ('end', 'end_text')] -%}
    {%- do checks.extend([
        [field, 'empty timestamp', irve_clean_text('parsed.' ~ column) ~ ' is null',
         'parsed.' ~ column],
        [field, 'timestamp without UTC offset', irve_is_naive_timestamp('parsed.' ~ column),
         'parsed.' ~ column],
        [field, 'not a timestamp', 'parsed.parsed_' ~ field ~ '_at is null', 'parsed.' ~ column],
    ]) -%}
{%- endfor -%}
{%- do checks.extend([
    ['energy', 'empty value', irve_clean_text('parsed.energy') ~ ' is null', 'parsed.energy'],
    ['energy', 'decimal comma', "parsed.energy like '%,%'", 'parsed.energy'],
    ['energy', 'not a number', 'parsed.parsed_energy_kwh is null', 'parsed.energy'],
]) %}

checked as (

    select
        parsed.*,
        {{ wattlas_check_columns(checks, 'quarantine') }}
    from parsed

),

{# Typed values that cannot be true (checked on typed lines only). The
   tolerance absorbs clock skew between an operator's system and the
   loader. Energies above the catalogue's bound stay: the quality rules
   and TIRUERT judge them. #}
{%- set tolerance = "interval '" ~ var('irve_clock_skew_tolerance_minutes') ~ " minutes'" -%}
{%- set era_start = var('irve_data_era_start') -%}
{%- set plausibility_checks = [
    ['start', 'session start after the load time',
     'checked.parsed_start_at > checked.loaded_at + ' ~ tolerance, 'checked.start_text'],
    ['end', 'session end after the load time',
     'checked.parsed_end_at > checked.loaded_at + ' ~ tolerance, 'checked.end_text'],
    ['start', 'session start before ' ~ era_start,
     "checked.parsed_start_at < cast('" ~ era_start ~ "' as timestamp)", 'checked.start_text'],
    ['energy', 'negative energy', 'checked.parsed_energy_kwh < 0', 'checked.energy'],
] %}

judged as (

    select
        checked.*,
        {{ utc_to_local_date('checked.parsed_start_at') }} as parsed_start_date,
        {{ wattlas_check_columns(plausibility_checks, 'implausible',
            when='checked.quarantine_reason is null') }}
    from checked

)

select * from judged
