{#
    National gross electricity and gas consumption, half-hourly: the lines
    of stg_odre__national_consumption_measurements_typed that type (the
    others are in stg_odre__national_consumption_measurements_quarantined).
    Gas is published on the hour only (NULL on the half hours). One row
    kept per UTC instant (rule in _odre__models.yml); a line without any
    value is kept with NULLs but never hides a line with values.
#}

with

typed as (

    select * from {{ ref('stg_odre__national_consumption_measurements_typed') }}
    where quarantine_reason is null

),

ranked as (

    select
        typed.*,
        row_number() over (
            partition by typed.measured_at
            order by
                case
                    when
                        typed.electricity_consumption_mw is null
                        and typed.gas_consumption_mw is null
                        and typed.total_consumption_mw is null
                        then 1
                    else 0
                end,
                case when typed.is_reported_time_consistent then 0 else 1 end,
                typed.loaded_at desc nulls last,
                typed.source_file desc nulls last,
                typed.source_line desc nulls last
        ) as row_rank
    from typed

),

deduplicated as (

    select
        ranked.electricity_data_status,
        ranked.gas_natran_data_status,
        ranked.gas_terega_data_status,
        ranked.source_file,
        ranked.electricity_consumption_mw,
        ranked.gas_consumption_natran_mw,
        ranked.gas_consumption_terega_mw,
        ranked.gas_consumption_mw,
        ranked.total_consumption_mw,
        ranked.source_line,
        ranked.measured_date,
        ranked.measured_at,
        ranked.loaded_at
    from ranked
    where ranked.row_rank = 1

)

select * from deduplicated
