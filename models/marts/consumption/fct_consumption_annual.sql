{#
    Annual gross electricity and gas consumption per region (ODRE), per
    inhabitant and per household (INSEE 2018, one reference year for every
    year), year-on-year change, and the electricity energy summed from the
    half-hourly éCO2mix data of the same region and year with its gap to
    the published figure (a check of the half-hourly pipeline).

    Numeric outputs go through numeric(38, 9) before their final scale: a
    double cast straight to numeric(p, s) rounds differently on PostgreSQL
    (15 significant digits first) and DuckDB (exact binary value), e.g.
    5544524.1 / 200 = 27722.6205 gave .621 and .620.
#}

with

annual_consumptions as (

    select
        region_code,
        region_name,
        electricity_data_status,
        consumption_year,
        electricity_consumption_gwh,
        gas_consumption_gwh,
        total_consumption_gwh
    from {{ ref('stg_odre__regional_annual_consumptions') }}

),

area_populations as (

    select
        area_code,
        insee_population_2018,
        insee_principal_residences_2018,
        commune_without_statistics_count
    from {{ ref('int_area_populations_aggregated') }}
    where area_level = 'region'

),

daily_consumptions as (

    select
        region_code,
        measured_date,
        energy_mwh,
        is_complete_day
    from {{ ref('fct_consumption_daily') }}
    where not is_national

),

dates as (

    select
        calendar_year,
        count(*) as day_count
    from {{ ref('dim_dates') }}
    group by 1

),

half_hourly_years_aggregated as (

    select
        daily_consumptions.region_code,
        cast(extract(year from daily_consumptions.measured_date) as integer)
            as consumption_year,
        sum(daily_consumptions.energy_mwh) as energy_mwh,
        count(*) as measured_day_count,
        sum(case when daily_consumptions.is_complete_day then 1 else 0 end)
            as complete_day_count
    from daily_consumptions
    group by 1, 2

),

years_joined as (

    select
        annual_consumptions.*,
        lag(annual_consumptions.consumption_year) over (
            partition by annual_consumptions.region_code
            order by annual_consumptions.consumption_year
        ) as previous_year,
        lag(annual_consumptions.electricity_consumption_gwh) over (
            partition by annual_consumptions.region_code
            order by annual_consumptions.consumption_year
        ) as previous_electricity_consumption_gwh,
        lag(annual_consumptions.gas_consumption_gwh) over (
            partition by annual_consumptions.region_code
            order by annual_consumptions.consumption_year
        ) as previous_gas_consumption_gwh,
        cast(area_populations.insee_population_2018 as double precision)
            as insee_population_2018,
        cast(area_populations.insee_principal_residences_2018 as double precision)
            as insee_principal_residences_2018,
        area_populations.commune_without_statistics_count,
        half_hourly_years_aggregated.energy_mwh as half_hourly_energy_mwh,
        half_hourly_years_aggregated.measured_day_count as half_hourly_measured_day_count,
        half_hourly_years_aggregated.complete_day_count as half_hourly_complete_day_count,
        dates.day_count as days_in_year
    from annual_consumptions
    left join area_populations
        on annual_consumptions.region_code = area_populations.area_code
    left join half_hourly_years_aggregated
        on
            annual_consumptions.region_code = half_hourly_years_aggregated.region_code
            and annual_consumptions.consumption_year
            = half_hourly_years_aggregated.consumption_year
    left join dates
        on annual_consumptions.consumption_year = dates.calendar_year

),

final as (

    select
        ----------  ids
        years_joined.region_code,

        ----------  strings
        years_joined.region_name,
        years_joined.electricity_data_status,

        ----------  numerics
        cast(years_joined.consumption_year as integer) as consumption_year,
        cast(cast(years_joined.electricity_consumption_gwh as numeric(38, 9)) as numeric(18, 3))
            as electricity_consumption_gwh,
        cast(cast(years_joined.gas_consumption_gwh as numeric(38, 9)) as numeric(18, 3))
            as gas_consumption_gwh,
        cast(cast(years_joined.total_consumption_gwh as numeric(38, 9)) as numeric(18, 3))
            as total_consumption_gwh,
        cast(round(years_joined.insee_population_2018) as bigint) as insee_population_2018,
        cast(cast(years_joined.insee_principal_residences_2018 as numeric(38, 9)) as numeric(14, 1))
            as insee_principal_residences_2018,
        cast(years_joined.commune_without_statistics_count as integer)
            as commune_without_statistics_count,
        -- GWh -> kWh: x 1e6
        cast(cast(
            cast(years_joined.electricity_consumption_gwh as double precision) * 1000000
            / nullif(years_joined.insee_population_2018, 0) as numeric(38, 9)
        ) as numeric(14, 3)) as electricity_kwh_per_inhabitant,
        cast(cast(
            cast(years_joined.electricity_consumption_gwh as double precision) * 1000000
            / nullif(years_joined.insee_principal_residences_2018, 0) as numeric(38, 9)
        ) as numeric(14, 3)) as electricity_kwh_per_household,
        cast(cast(
            cast(years_joined.gas_consumption_gwh as double precision) * 1000000
            / nullif(years_joined.insee_population_2018, 0) as numeric(38, 9)
        ) as numeric(14, 3)) as gas_kwh_per_inhabitant,
        cast(cast(
            cast(years_joined.gas_consumption_gwh as double precision) * 1000000
            / nullif(years_joined.insee_principal_residences_2018, 0) as numeric(38, 9)
        ) as numeric(14, 3)) as gas_kwh_per_household,
        cast(cast(
            case
                when years_joined.previous_year = years_joined.consumption_year - 1
                    then (
                        cast(years_joined.electricity_consumption_gwh as double precision)
                        / nullif(
                            cast(
                                years_joined.previous_electricity_consumption_gwh
                                as double precision
                            ),
                            0
                        )
                        - 1
                    ) * 100
            end as numeric(38, 9)
        ) as numeric(10, 3)) as electricity_yoy_change_pct,
        cast(cast(
            case
                when years_joined.previous_year = years_joined.consumption_year - 1
                    then (
                        cast(years_joined.gas_consumption_gwh as double precision)
                        / nullif(
                            cast(years_joined.previous_gas_consumption_gwh as double precision),
                            0
                        )
                        - 1
                    ) * 100
            end as numeric(38, 9)
        ) as numeric(10, 3)) as gas_yoy_change_pct,
        cast(cast(years_joined.half_hourly_energy_mwh / 1000 as numeric(38, 9)) as numeric(18, 3))
            as half_hourly_electricity_gwh,
        cast(years_joined.half_hourly_measured_day_count as integer)
            as half_hourly_measured_day_count,
        cast(years_joined.half_hourly_complete_day_count as integer)
            as half_hourly_complete_day_count,
        cast(years_joined.days_in_year as integer) as days_in_year,
        cast(cast(
            (
                cast(years_joined.half_hourly_energy_mwh as double precision) / 1000
                / nullif(
                    cast(years_joined.electricity_consumption_gwh as double precision), 0
                )
                - 1
            ) * 100 as numeric(38, 9)
        ) as numeric(10, 3)) as half_hourly_gap_pct

    from years_joined

)

select * from final
