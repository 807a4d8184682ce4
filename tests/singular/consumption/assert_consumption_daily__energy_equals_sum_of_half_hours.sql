{#
    Daily energy equals the sum of the half-hourly energies of the same
    region and local day, exactly (numeric arithmetic on both engines).
    A failing row is a region-day whose fct_consumption_daily.energy_mwh
    differs from the sum over fct_consumption_half_hourly (or a day present
    on one side only): check the local-date assignment of the half hours
    (Europe/Paris, DST days) and the joins in fct_consumption_daily.
#}

with

half_hours_summed as (

    select
        region_code,
        measured_date,
        sum(energy_mwh) as energy_mwh
    from {{ ref('fct_consumption_half_hourly') }}
    group by 1, 2

),

days as (

    select
        region_code,
        measured_date,
        energy_mwh
    from {{ ref('fct_consumption_daily') }}

),

compared as (

    select
        coalesce(days.region_code, half_hours_summed.region_code) as region_code,
        coalesce(days.measured_date, half_hours_summed.measured_date) as measured_date,
        days.energy_mwh as daily_energy_mwh,
        half_hours_summed.energy_mwh as half_hourly_energy_mwh
    from days
    full outer join half_hours_summed
        on
            days.region_code = half_hours_summed.region_code
            and days.measured_date = half_hours_summed.measured_date

)

select * from compared
where
    daily_energy_mwh is null
    or half_hourly_energy_mwh is null
    or daily_energy_mwh <> half_hourly_energy_mwh
