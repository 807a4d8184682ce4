{#
    Charging sessions sent by operators (one raw table for every operator,
    the operator slug in _operator).
    Raw text mapped to the common session contract; stg_irve__charging_sessions
    parses start/end (epoch milliseconds or ISO-8601 with offset) and
    deduplicates after the union.
#}

with

source as (

    select
        id_pdc_itinerance,
        start,
        "end",
        energy,
        _operator,
        _source_file,
        _source_line,
        _loaded_at
    from {{ source('operators', 'sessions') }}

),

renamed as (

    select
        ----------  ids
        source.id_pdc_itinerance,

        ----------  strings
        'operator_sessions' as feed,
        source._operator as operator_slug,
        source._source_file as source_file,

        ----------  numerics (text until the staging model)
        source.energy,
        source._source_line as source_line,

        ----------  timestamps (text until the staging model)
        source.start as start_text,
        source."end" as end_text,
        source._loaded_at as loaded_at
    from source

)

select * from renamed
