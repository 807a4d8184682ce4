{#
    Daily minimum, maximum and mean temperature by region (°C): the lines
    of stg_odre__regional_daily_temperatures_typed that type (the others
    are in stg_odre__regional_daily_temperatures_quarantined). The raw
    rows are unsorted; the ID column (<date>T00:00:00-<region>) is not
    staged since date and region carry the same information.
#}

with

typed as (

    select * from {{ ref('stg_odre__regional_daily_temperatures_typed') }}
    where quarantine_reason is null

),

ranked as (

    select
        typed.*,
        row_number() over (
            partition by typed.region_code, typed.measured_date
            order by
                typed.loaded_at desc nulls last,
                typed.source_file desc nulls last,
                typed.source_line desc nulls last
        ) as row_rank
    from typed

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
