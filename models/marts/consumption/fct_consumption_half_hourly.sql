{#
    Half-hourly consumption per region and nationally. Quarter-hour rows of
    the real-time éCO2mix variant are aggregated to their half hour; when a
    half hour holds definitive rows, real-time rows in it are ignored (the
    staging model already prefers definitive rows per instant, this extends
    the rule to the half hour, so a definitive :00 and a real-time :15 are
    never added up). The number of source rows and the minutes they cover
    are kept: a half hour with one quarter missing is not filled, its energy
    covers the measured quarter only.

    Numeric outputs go through numeric(38, 9) before their final scale: a
    double cast straight to numeric(p, s) rounds differently on PostgreSQL
    (15 significant digits first) and DuckDB (exact binary value), e.g.
    5544524.1 / 200 = 27722.6205 gave .621 and .620.
#}

with

measurements as (

    select * from {{ ref('int_consumption_measurements_unioned') }}

),

measurements_ranked as (

    select
        measurements.*,
        min(case when measurements.is_real_time then 1 else 0 end) over (
            partition by measurements.region_code, measurements.half_hour_start_at
        ) as preferred_real_time_flag
    from measurements

),

preferred_measurements as (

    select * from measurements_ranked
    where
        case when is_real_time then 1 else 0 end = preferred_real_time_flag

),

half_hours_aggregated as (

    select
        preferred_measurements.region_code,
        preferred_measurements.half_hour_start_at,
        max(preferred_measurements.region_name) as region_name,
        max(preferred_measurements.data_status) as data_status,
        max(preferred_measurements.source_dataset) as source_dataset,
        -- rows of one half hour share their step after the preference, so
        -- the plain mean is the time-weighted mean power
        avg(preferred_measurements.consumption_mw) as consumption_mw,
        avg(preferred_measurements.thermal_mw) as thermal_mw,
        avg(preferred_measurements.nuclear_mw) as nuclear_mw,
        avg(preferred_measurements.wind_mw) as wind_mw,
        avg(preferred_measurements.solar_mw) as solar_mw,
        avg(preferred_measurements.hydro_mw) as hydro_mw,
        avg(preferred_measurements.pumping_mw) as pumping_mw,
        avg(preferred_measurements.bioenergy_mw) as bioenergy_mw,
        avg(preferred_measurements.physical_exchanges_mw) as physical_exchanges_mw,
        sum(
            preferred_measurements.consumption_mw * preferred_measurements.step_hours
        ) as energy_mwh,
        min(preferred_measurements.step_minutes) as step_minutes,
        count(*) as source_row_count,
        sum(preferred_measurements.step_minutes) as measured_minutes,
        max(case when preferred_measurements.is_national then 1 else 0 end) as is_national_flag,
        max(case when preferred_measurements.is_real_time then 1 else 0 end) as is_real_time_flag
    from preferred_measurements
    group by 1, 2

),

final as (

    select
        ----------  ids
        half_hours_aggregated.region_code,

        ----------  strings
        half_hours_aggregated.region_name,
        half_hours_aggregated.data_status,
        half_hours_aggregated.source_dataset,

        ----------  numerics
        cast(cast(half_hours_aggregated.consumption_mw as numeric(38, 9)) as numeric(18, 4))
            as consumption_mw,
        cast(cast(half_hours_aggregated.thermal_mw as numeric(38, 9)) as numeric(18, 4))
            as thermal_mw,
        cast(cast(half_hours_aggregated.nuclear_mw as numeric(38, 9)) as numeric(18, 4))
            as nuclear_mw,
        cast(cast(half_hours_aggregated.wind_mw as numeric(38, 9)) as numeric(18, 4)) as wind_mw,
        cast(cast(half_hours_aggregated.solar_mw as numeric(38, 9)) as numeric(18, 4)) as solar_mw,
        cast(cast(half_hours_aggregated.hydro_mw as numeric(38, 9)) as numeric(18, 4)) as hydro_mw,
        cast(cast(half_hours_aggregated.pumping_mw as numeric(38, 9)) as numeric(18, 4))
            as pumping_mw,
        cast(cast(half_hours_aggregated.bioenergy_mw as numeric(38, 9)) as numeric(18, 4))
            as bioenergy_mw,
        cast(cast(half_hours_aggregated.physical_exchanges_mw as numeric(38, 9)) as numeric(18, 4))
            as physical_exchanges_mw,
        cast(cast(half_hours_aggregated.energy_mwh as numeric(38, 9)) as numeric(20, 6))
            as energy_mwh,
        cast(half_hours_aggregated.step_minutes as integer) as step_minutes,
        cast(half_hours_aggregated.source_row_count as integer) as source_row_count,
        cast(30 / half_hours_aggregated.step_minutes as integer) as expected_source_row_count,
        cast(half_hours_aggregated.measured_minutes as integer) as measured_minutes,

        ----------  booleans
        half_hours_aggregated.is_national_flag = 1 as is_national,
        half_hours_aggregated.is_real_time_flag = 1 as is_real_time,
        half_hours_aggregated.measured_minutes = 30 as is_complete,

        ----------  dates
        {{ utc_to_local_date('half_hours_aggregated.half_hour_start_at') }} as measured_date,

        ----------  timestamps
        half_hours_aggregated.half_hour_start_at as measured_at

    from half_hours_aggregated

)

select * from final
