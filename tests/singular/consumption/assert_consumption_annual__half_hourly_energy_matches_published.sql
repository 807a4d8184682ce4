{#
    Check against published figures: for every region and year with
    half-hourly éCO2mix data on every day of the year, the energy summed
    from the half hours agrees with ODRE's published annual gross
    electricity consumption within var('consumption_annual_check_tolerance_pct')
    (2 %). A failing row is a region-year whose gap is larger: look for
    missing or duplicated half hours, a unit error (MW x hours) or a
    time-zone shift in fct_consumption_half_hourly before doubting the
    published figure. Shipped sample: Hauts-de-France 2024, 46 002.551 GWh
    from the half hours against 46 215 GWh published, -0.460 %.
#}

select
    region_code,
    consumption_year,
    electricity_consumption_gwh,
    half_hourly_electricity_gwh,
    half_hourly_gap_pct
from {{ ref('fct_consumption_annual') }}
where
    half_hourly_measured_day_count = days_in_year
    and abs(half_hourly_gap_pct) > {{ var('consumption_annual_check_tolerance_pct') }}
