{#
    Every static delivery kept: each loaded static file (QualiCharge
    statique, national consolidated file) stays in raw with its lineage,
    and each of its records is typed here with the staging parsing macros
    (irve_static_typed_columns), one row per file and charge point. Unlike
    stg_irve__charge_points, no record of an older delivery is dropped.
#}

{# A table: typing every delivery is heavy and three models read it. #}
{{ config(materialized='table') }}

with

qualicharge as (

    select * from {{ ref('base_qualicharge__charge_points') }}

),

consolidation as (

    select * from {{ ref('base_irve__charge_points') }}

),

unioned as (

    select * from qualicharge
    union all
    select * from consolidation

),

typed as (

    select
        {{ irve_static_typed_columns('unioned') }}
    from unioned

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
    where typed.charge_point_id is not null

),

deduplicated as (

    select ranked.* from ranked
    where ranked.rn = 1

)

select * from deduplicated
