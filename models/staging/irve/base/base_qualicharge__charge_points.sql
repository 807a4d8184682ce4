{#
    QualiCharge flat Statique records (JSON lines, values serialized as
    strings, e.g. 'True', '50.0').
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
    from {{ source('qualicharge', 'statique') }}

),

renamed as (

    select
        {%- for field in irve_static_fields() %}
            source.{{ field }},
        {%- endfor %}
        'qualicharge_statique' as source_dataset,
        source._source_file as source_file,
        source._source_line as source_line,
        source._loaded_at as loaded_at
    from source

)

select * from renamed
