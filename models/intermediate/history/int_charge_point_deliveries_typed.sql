{#
    Every static delivery kept: each loaded static file (QualiCharge
    statique, national consolidated file) stays in raw with its lineage,
    and each of its records is typed by stg_irve__charge_points_typed, one
    row per file and charge point. Unlike
    stg_irve__charge_points, no record of an older delivery is dropped.
#}

{# A table: typing every delivery is heavy and three models read it. #}
{{ config(materialized='table') }}

with

typed as (

    {# Implausible lines (a future date_maj would date the delivery) are
       listed in the quarantine, never part of the history. #}
    select * from {{ ref('stg_irve__charge_points_typed') }}
    where quarantine_reason is null and implausible_reason is null

),

ranked as (

    {# A file listing a point twice: latest date_maj, then last line. #}
    select
        typed.*,
        row_number() over (
            partition by typed.source_dataset, typed.source_file, typed.charge_point_id
            order by typed.updated_date desc nulls last, typed.source_line desc
        ) as rn,
        count(*) over (
            partition by typed.source_dataset, typed.source_file, typed.charge_point_id
        ) - 1 as duplicate_count
    from typed

),

deduplicated as (

    select ranked.* from ranked
    where ranked.rn = 1

)

select * from deduplicated
