{#
    Reference figure: on the Hauts-de-France (32) 2024 data,
    thermosensitivity on working heating days has a negative slope with
    R² >= 0.65 (measured on the shipped sample: -3 716.520 MWh/day per °C,
    R² 0.720889, 162 days). Checked when the regression rests on at least
    100 days. A failing row means the slope or R² moved: check the
    heating-day filter, the working-day flag of dim_dates and the daily
    energy before the data.
#}

select
    region_code,
    period_type,
    period_label,
    day_scope,
    day_count,
    slope_mwh_per_day_per_c,
    r_squared
from {{ ref('fct_thermosensitivity') }}
where
    region_code = '32'
    and period_type = 'calendar_year'
    and period_label = '2024'
    and day_scope = 'working_days'
    and day_count >= 100
    and (
        slope_mwh_per_day_per_c is null
        or slope_mwh_per_day_per_c >= 0
        or r_squared < 0.65
    )
