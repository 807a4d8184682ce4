{#
    National consolidated static IRVE file (etalab schema irve-statique CSV).
    The IRVE statique fields (macros/irve/static_fields.sql) as raw text
    under their schema names, tagged with their source;
    stg_irve__charge_points types every source with the same code after the
    union.
#}

with

source as (

    select
        {%- for field in irve_static_fields() %}
            {{ field }},
        {%- endfor %}
        _source_file,
        _source_line,
        _loaded_at
    from {{ source('irve', 'consolidation_statique') }}

),

renamed as (

    select
        {%- for field in irve_static_fields() %}
            source.{{ field }},
        {%- endfor %}
        'irve_consolidation_statique' as source_dataset,
        source._source_file as source_file,
        source._source_line as source_line,
        source._loaded_at as loaded_at
    from source

)

select * from renamed
