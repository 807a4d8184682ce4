{#
    Regional éCO2mix measurements (definitive half hours and real-time
    quarter hours) and national half-hourly consumption in one relation, at
    the step they were published with, each row tagged with the half hour
    it falls in. National rows get the area code
    var('consumption_national_area_code') and no production columns. Slots
    staged without a value (published empty) are not measurements: a
    regional row needs its consumption, a national row any of its values.
#}

with

regional_measurements as (

    select
        region_code,
        region_name,
        data_status,
        source_dataset,
        consumption_mw,
        thermal_mw,
        nuclear_mw,
        wind_mw,
        solar_mw,
        hydro_mw,
        pumping_mw,
        bioenergy_mw,
        physical_exchanges_mw,
        step_minutes,
        is_real_time,
        measured_at
    from {{ ref('stg_odre__eco2mix_regional_measurements') }}
    where consumption_mw is not null

),

national_measurements as (

    select
        electricity_data_status,
        electricity_consumption_mw,
        measured_at
    from {{ ref('stg_odre__national_consumption_measurements') }}
    where
        electricity_consumption_mw is not null
        or gas_consumption_mw is not null
        or total_consumption_mw is not null

),

unioned as (

    select
        regional_measurements.region_code,
        regional_measurements.region_name,
        regional_measurements.data_status,
        regional_measurements.source_dataset,
        regional_measurements.consumption_mw,
        regional_measurements.thermal_mw,
        regional_measurements.nuclear_mw,
        regional_measurements.wind_mw,
        regional_measurements.solar_mw,
        regional_measurements.hydro_mw,
        regional_measurements.pumping_mw,
        regional_measurements.bioenergy_mw,
        regional_measurements.physical_exchanges_mw,
        regional_measurements.step_minutes,
        false as is_national,
        regional_measurements.is_real_time,
        regional_measurements.measured_at
    from regional_measurements

    union all

    select
        cast('{{ var("consumption_national_area_code") }}' as varchar) as region_code,
        cast('{{ var("consumption_national_area_name") }}' as varchar) as region_name,
        national_measurements.electricity_data_status as data_status,
        cast('consommation_quotidienne_brute' as varchar) as source_dataset,
        national_measurements.electricity_consumption_mw as consumption_mw,
        cast(null as numeric(18, 3)) as thermal_mw,
        cast(null as numeric(18, 3)) as nuclear_mw,
        cast(null as numeric(18, 3)) as wind_mw,
        cast(null as numeric(18, 3)) as solar_mw,
        cast(null as numeric(18, 3)) as hydro_mw,
        cast(null as numeric(18, 3)) as pumping_mw,
        cast(null as numeric(18, 3)) as bioenergy_mw,
        cast(null as numeric(18, 3)) as physical_exchanges_mw,
        30 as step_minutes,
        true as is_national,
        false as is_real_time,
        national_measurements.measured_at
    from national_measurements

),

half_hours_assigned as (

    select
        unioned.*,
        -- step length in hours as an exact decimal (0.2500, 0.5000), so
        -- that energy = MW x hours stays exact numeric on both engines
        cast(cast(unioned.step_minutes as double precision) / 60 as numeric(6, 4))
            as step_hours,
        date_trunc('hour', unioned.measured_at)
        + case
            when extract(minute from unioned.measured_at) >= 30
                then interval '30 minute'
            else interval '0 minute'
        end as half_hour_start_at
    from unioned

)

select * from half_hours_assigned
