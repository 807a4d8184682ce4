{#
    Both éCO2mix regional variants in one model: the lines of
    stg_odre__eco2mix_regional_measurements_typed that type (the others are
    in stg_odre__eco2mix_regional_measurements_quarantined), then one row
    kept per region and UTC instant (rule in _odre__models.yml). A slot
    published without consumption (empty value) is kept with a NULL, but
    never hides a measured row of the same instant.
#}

with

typed as (

    select * from {{ ref('stg_odre__eco2mix_regional_measurements_typed') }}
    where quarantine_reason is null

),

ranked as (

    select
        typed.*,
        row_number() over (
            partition by typed.region_code, typed.measured_at
            order by
                case when typed.consumption_mw is null then 1 else 0 end,
                case when typed.is_real_time then 1 else 0 end,
                case when typed.is_reported_time_consistent then 0 else 1 end,
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
        ranked.data_status,
        ranked.source_dataset,
        ranked.source_file,
        ranked.consumption_mw,
        ranked.thermal_mw,
        ranked.nuclear_mw,
        ranked.wind_mw,
        ranked.solar_mw,
        ranked.hydro_mw,
        ranked.pumping_mw,
        ranked.bioenergy_mw,
        ranked.physical_exchanges_mw,
        ranked.step_minutes,
        ranked.source_line,
        ranked.is_real_time,
        ranked.measured_date,
        ranked.measured_at,
        ranked.loaded_at
    from ranked
    where ranked.row_rank = 1

)

select * from deduplicated
