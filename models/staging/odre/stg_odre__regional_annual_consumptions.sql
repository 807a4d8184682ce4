{#
    Annual gross electricity and gas consumption by region, in GWh (gas in
    GWh PCS 0°C): the lines of stg_odre__regional_annual_consumptions_typed
    that type (the others are in
    stg_odre__regional_annual_consumptions_quarantined). Gas columns are
    NULL where an operator is absent (Corse). Géo-shape and géo-point are
    not staged.
#}

with

typed as (

    select * from {{ ref('stg_odre__regional_annual_consumptions_typed') }}
    where quarantine_reason is null

),

ranked as (

    select
        typed.*,
        row_number() over (
            partition by typed.region_code, typed.consumption_year
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
        ranked.electricity_data_status,
        ranked.gas_natran_data_status,
        ranked.gas_terega_data_status,
        ranked.source_file,
        ranked.consumption_year,
        ranked.electricity_consumption_gwh,
        ranked.gas_consumption_natran_gwh,
        ranked.gas_consumption_terega_gwh,
        ranked.gas_consumption_gwh,
        ranked.total_consumption_gwh,
        ranked.source_line,
        ranked.loaded_at
    from ranked
    where ranked.row_rank = 1

)

select * from deduplicated
