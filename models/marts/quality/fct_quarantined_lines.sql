{#
    Every raw line that does not reach the indicators, with the first
    column that failed, why, and its raw text: lines staging could not type
    (disposition 'quarantined') and IRVE lines typed but implausible
    ('flagged'). The union of the stg_*_quarantined views (one per dataset
    family, all in the shape of wattlas_quarantined_lines); a dataset joins
    by appending its view to the list below.
#}

{# Incremental by file: a run lists the lines of the files loaded since the
   previous one (a file loaded again replaces its lines), so its cost
   follows the new files, not the history. The post-hook drops the lines of
   a file loaded again whose new version has nothing set aside. #}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['dataset', 'source_file'],
        on_schema_change='fail',
        post_hook="{{ wattlas_delete_reloaded_files() }}",
    )
}}

-- depends_on: {{ ref('stg_loader__loaded_files') }}

{% set quarantined_models = [
    'stg_odre__eco2mix_regional_measurements_quarantined',
    'stg_odre__national_consumption_measurements_quarantined',
    'stg_odre__regional_annual_consumptions_quarantined',
    'stg_odre__regional_daily_temperatures_quarantined',
    'stg_ore__department_sector_consumptions_quarantined',
    'stg_irve__charge_points_quarantined',
    'stg_irve__charge_point_statuses_quarantined',
    'stg_irve__charging_sessions_quarantined',
] -%}

with

unioned as (

    {%- for model_name in quarantined_models %}

        select
            dataset,
            source_file,
            source_line,
            column_name,
            disposition,
            reason,
            raw_value,
            operational_unit_code,
            loaded_at
        from {{ ref(model_name) }}
        {%- if is_incremental() %}
            where loaded_at >= {{ wattlas_watermark('loaded_at') }}
        {%- endif %}
        {%- if not loop.last %}

            union all
        {%- endif %}
    {%- endfor %}

),

final as (

    select
        ----------  ids
        cast(unioned.dataset as text) as dataset,
        cast(unioned.source_file as text) as source_file,
        cast(unioned.source_line as bigint) as source_line,

        ----------  strings
        cast(unioned.column_name as text) as column_name,
        cast(unioned.disposition as text) as disposition,
        cast(unioned.reason as text) as reason,
        cast(unioned.raw_value as text) as raw_value,
        -- IRVE lines carry their unit; NULL for ODRE and ORE
        cast(unioned.operational_unit_code as text) as operational_unit_code,

        ----------  timestamps
        cast(unioned.loaded_at as timestamp) as loaded_at
    from unioned

)

select * from final
