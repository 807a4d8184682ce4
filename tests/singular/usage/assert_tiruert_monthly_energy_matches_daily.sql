{#
    The monthly TIRUERT declaration adds up to the daily energy: for every
    aménageur SIREN and local month, fct_tiruert_energy_monthly holds the
    sum of fct_tiruert_energy_daily's MWh (1e-9 MWh of tolerance, the
    digits stored) and sessions, and no SIREN-month of either is missing
    from the other (a monthly row without eligible energy has 0 MWh).
#}

with

daily as (

    select * from {{ ref('fct_tiruert_energy_daily') }}

),

monthly as (

    select * from {{ ref('fct_tiruert_energy_monthly') }}
    where session_count > 0

),

sum_daily as (

    select
        daily.amenageur_siren,
        cast(date_trunc('month', daily.start_date) as date) as month_start,
        sum(daily.energy_mwh) as energy_mwh,
        sum(daily.session_count) as session_count
    from daily
    group by
        daily.amenageur_siren,
        cast(date_trunc('month', daily.start_date) as date)

)

select
    coalesce(sum_daily.amenageur_siren, monthly.amenageur_siren) as amenageur_siren,
    coalesce(sum_daily.month_start, monthly.month_start) as month_start,
    sum_daily.energy_mwh as daily_energy_mwh,
    monthly.energy_mwh as monthly_energy_mwh,
    sum_daily.session_count as daily_session_count,
    monthly.session_count as monthly_session_count
from sum_daily
full outer join monthly
    on
        sum_daily.amenageur_siren = monthly.amenageur_siren
        and sum_daily.month_start = monthly.month_start
where
    sum_daily.amenageur_siren is null
    or monthly.amenageur_siren is null
    or abs(sum_daily.energy_mwh - monthly.energy_mwh) > 1e-9
    or sum_daily.session_count <> monthly.session_count
