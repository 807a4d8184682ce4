{#
    Daily minimum, maximum and mean temperature by region (°C). The raw
    rows are unsorted; the ID column (<date>T00:00:00-<region>) is not
    staged since date and region carry the same information.
#}

with

source as (

    select
        date,
        code_insee_region,
        region,
        tmin_c,
        tmax_c,
        tmoy_c,
        _source_file,
        _source_line,
        _loaded_at
    from {{ source('odre', 'temperature_quotidienne_regionale') }}

),

renamed as (

    select
        ----------  ids
        {{ wattlas_zero_pad_code('source.code_insee_region') }} as region_code,

        ----------  strings
        source.region as region_name,
        source._source_file as source_file,

        ----------  numerics
        {{ wattlas_parse_number('source.tmin_c', 'numeric(5, 2)') }} as min_temperature_c,
        {{ wattlas_parse_number('source.tmax_c', 'numeric(5, 2)') }} as max_temperature_c,
        {{ wattlas_parse_number('source.tmoy_c', 'numeric(5, 2)') }} as mean_temperature_c,
        cast(source._source_line as integer) as source_line,

        ----------  dates
        {{ wattlas_parse_date('source.date') }} as measured_date,

        ----------  timestamps
        source._loaded_at as loaded_at

    from source

),

ranked as (

    select
        renamed.*,
        row_number() over (
            partition by renamed.region_code, renamed.measured_date
            order by
                renamed.loaded_at desc nulls last,
                renamed.source_file desc nulls last,
                renamed.source_line desc nulls last
        ) as row_rank
    from renamed

),

deduplicated as (

    select
        ranked.region_code,
        ranked.region_name,
        ranked.source_file,
        ranked.min_temperature_c,
        ranked.max_temperature_c,
        ranked.mean_temperature_c,
        ranked.source_line,
        ranked.measured_date,
        ranked.loaded_at
    from ranked
    where ranked.row_rank = 1

)

select * from deduplicated
