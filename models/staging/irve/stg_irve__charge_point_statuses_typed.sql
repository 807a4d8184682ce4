{#
    Every status line of every status feed, typed once, with the first
    check it fails (quarantine_*: the line cannot be typed) or the reason
    its typed values cannot be true (implausible_reason). Read by the
    staging model (clean lines) and by the quarantine listing, so both
    apply the same checks.
#}

{# Stored, not the staging default view: its two readers and their tests
   would each parse every status line again. Incremental by file
   (feed_file): a run types only the files loaded since the previous one (a
   file loaded again replaces its lines), so its cost follows the new
   files, not the history. A new column fails the run rather than be NULL
   on the lines already typed (rebuild with --full-refresh). #}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='feed_file',
        on_schema_change='fail',
    )
}}

{%- set statuses = ['en_service', 'hors_service', 'inconnu'] -%}
{%- set occupancies = ['libre', 'occupe', 'reserve', 'inconnu'] -%}
{%- set socket_statuses = ['fonctionnel', 'hors_service', 'inconnu'] -%}

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

    select * from (
        select * from operator_feeds
        union all
        select * from qualicharge
        union all
        select * from status_changes
        union all
        select * from snapshot
    ) as feeds
    {% if is_incremental() -%}
        {# ">=": a file loaded in the same second as the last one read is
           typed again, which replaces its lines with the same lines. #}
        where loaded_at >= {{ wattlas_watermark('loaded_at') }}
    {%- endif %}

),

parsed as (

    {# Only the national snapshot carries times without an offset (a
       third of its rows, all other values UTC): read as UTC there and
       flagged; every other feed's schema requires the offset. #}
    select
        unioned.*,
        {{ irve_clean_text('unioned.id_pdc_itinerance') }} as parsed_charge_point_id,
        case
            when unioned.feed = 'irve_snapshot'
                then {{ irve_parse_timestamp_utc('unioned.horodatage', naive_as_utc=true) }}
            else {{ irve_parse_timestamp_utc('unioned.horodatage') }}
        end as parsed_status_at,
        {{ irve_is_naive_timestamp('unioned.horodatage') }} as is_offset_missing,
        {{ irve_parse_timestamp_utc('unioned.horodatage_collecte') }} as parsed_collected_at,
        {# the file's key: delete+insert replaces a file's lines by one column #}
        unioned.feed || '/' || unioned.source_file as feed_file
    from unioned

),

{%- set checks = [
    ['id_pdc_itinerance', 'empty key', 'parsed.parsed_charge_point_id is null',
     'parsed.id_pdc_itinerance'],
    ['horodatage', 'empty timestamp', irve_clean_text('parsed.horodatage') ~ ' is null',
     'parsed.horodatage'],
    ['horodatage', 'timestamp without UTC offset',
     "parsed.feed <> 'irve_snapshot' and " ~ irve_is_naive_timestamp('parsed.horodatage'),
     'parsed.horodatage'],
    ['horodatage', 'not a timestamp', 'parsed.parsed_status_at is null', 'parsed.horodatage'],
    ['horodatage_collecte', 'not a timestamp',
     irve_clean_text('parsed.horodatage_collecte') ~ ' is not null'
     ~ ' and parsed.parsed_collected_at is null', 'parsed.horodatage_collecte'],
    ['etat_pdc', 'empty value', irve_clean_text('parsed.etat_pdc') ~ ' is null', 'parsed.etat_pdc'],
    ['etat_pdc', 'unknown value', irve_clean_text('parsed.etat_pdc')
     ~ " not in ('" ~ statuses | join("', '") ~ "')", 'parsed.etat_pdc'],
    ['occupation_pdc', 'empty value', irve_clean_text('parsed.occupation_pdc') ~ ' is null',
     'parsed.occupation_pdc'],
    ['occupation_pdc', 'unknown value', irve_clean_text('parsed.occupation_pdc')
     ~ " not in ('" ~ occupancies | join("', '") ~ "')", 'parsed.occupation_pdc'],
] -%}
{%- for socket in ['type_2', 'type_combo_ccs', 'type_chademo', 'type_ef'] -%}
    {%- do checks.append(['etat_prise_' ~ socket, 'unknown value',
        irve_clean_text('parsed.etat_prise_' ~ socket)
        ~ " not in ('" ~ socket_statuses | join("', '") ~ "')",
        'parsed.etat_prise_' ~ socket]) -%}
{%- endfor %}

checked as (

    select
        parsed.*,
        {{ wattlas_check_columns(checks, 'quarantine') }}
    from parsed

),

{# Typed values that cannot be true (checked on typed lines only). The
   tolerance absorbs clock skew between an operator's system and the
   collector or the loader. #}
{%- set tolerance = "interval '" ~ var('irve_clock_skew_tolerance_minutes') ~ " minutes'" -%}
{%- set era_start = var('irve_data_era_start') -%}
{%- set plausibility_checks = [
    ['horodatage', 'status time after the load time',
     'checked.parsed_status_at > checked.loaded_at + ' ~ tolerance, 'checked.horodatage'],
    ['horodatage', 'status time before ' ~ era_start,
     "checked.parsed_status_at < cast('" ~ era_start ~ "' as timestamp)", 'checked.horodatage'],
    ['horodatage', 'status time after its collection time',
     'checked.parsed_status_at > checked.parsed_collected_at + ' ~ tolerance,
     'checked.horodatage'],
] %}

judged as (

    select
        checked.*,
        {{ utc_to_local_date('checked.parsed_status_at') }} as parsed_status_date,
        {{ wattlas_check_columns(plausibility_checks, 'implausible',
            when='checked.quarantine_reason is null') }}
    from checked

)

select * from judged
