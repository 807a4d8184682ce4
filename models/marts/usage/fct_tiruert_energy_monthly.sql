{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='month_start',
        on_schema_change='fail',
        tags=['daily_partitioned'],
    )
}}

{#
    Monthly TIRUERT declaration per aménageur SIREN (docs/indicators.md,
    tirue): one row per SIREN and local calendar month with the eligible
    energy in MWh, its sessions, stations and operational units
    (fct_tiruert_energy_daily), and the sessions left out with the count per
    reason (fct_tiruert_sessions_excluded; a session without a SIREN counts
    under 'unknown'). The month is complete when every one of its days has
    at least one session loaded (any aménageur, eligible or not).
    Incremental like fct_indicators_usage_rollups: a run recomputes the
    whole months that contain a day it rebuilds, from the daily marts, which
    hold the month's other days; the energy is summed exactly (the daily
    MWh are micro-kWh sums), so it equals the sum of the daily rows.
#}

{%- set reasons = ['NEGS', 'ENEX', 'ENEU', 'ENEA', 'ODUS', 'OVER', 'SIRE'] %}

with

daily as (

    select * from {{ ref('fct_tiruert_energy_daily') }}
    where {{ usage_period_filter('start_date', 'month') }}

),

excluded as (

    select * from {{ ref('fct_tiruert_sessions_excluded') }}
    where {{ usage_period_filter('start_date', 'month') }}

),

amenageurs as (

    select * from {{ ref('int_amenageurs_aggregated') }}

),

sum_eligible as (

    select
        daily.amenageur_siren,
        cast(date_trunc('month', daily.start_date) as date) as month_start,
        {{ usage_exact_sum('daily.energy_mwh', 9) }} as energy_mwh,
        sum(daily.session_count) as session_count,
        count(distinct daily.station_id) as station_count,
        count(distinct daily.operational_unit_code) as operational_unit_count
    from daily
    group by
        daily.amenageur_siren,
        cast(date_trunc('month', daily.start_date) as date)

),

sum_excluded as (

    select
        coalesce(excluded.amenageur_siren, 'unknown') as amenageur_siren,
        cast(date_trunc('month', excluded.start_date) as date) as month_start,
        count(*) as excluded_session_count,
        {{ usage_exact_sum('excluded.energy_kwh', 6) }} / 1000.0 as excluded_energy_mwh,
        {%- for reason in reasons %}
            sum(case when excluded.exclusion_reason = '{{ reason }}' then 1 else 0 end)
                as excluded_{{ reason | lower }}_count{% if not loop.last %},{% endif %}
        {%- endfor %}
    from excluded
    group by
        coalesce(excluded.amenageur_siren, 'unknown'),
        cast(date_trunc('month', excluded.start_date) as date)

),

{# every local day of the months read with a session, eligible or not #}
list_session_days as (

    select daily.start_date from daily
    union
    select excluded.start_date from excluded

),

count_session_days as (

    select
        cast(date_trunc('month', list_session_days.start_date) as date) as month_start,
        count(*) as session_day_count
    from list_session_days
    group by cast(date_trunc('month', list_session_days.start_date) as date)

),

joined as (

    select
        coalesce(sum_eligible.amenageur_siren, sum_excluded.amenageur_siren) as amenageur_siren,
        coalesce(sum_eligible.month_start, sum_excluded.month_start) as month_start,
        sum_eligible.energy_mwh,
        sum_eligible.session_count,
        sum_eligible.station_count,
        sum_eligible.operational_unit_count,
        sum_excluded.excluded_session_count,
        sum_excluded.excluded_energy_mwh,
        {%- for reason in reasons %}
            sum_excluded.excluded_{{ reason | lower }}_count{% if not loop.last %},{% endif %}
        {%- endfor %}
    from sum_eligible
    full outer join sum_excluded
        on
            sum_eligible.amenageur_siren = sum_excluded.amenageur_siren
            and sum_eligible.month_start = sum_excluded.month_start

),

final as (

    select
        ----------  ids
        joined.amenageur_siren,

        ----------  strings
        amenageurs.amenageur_name,

        ----------  numerics
        {{ wattlas_round_sum('coalesce(joined.energy_mwh, 0)', 9) }} as energy_mwh,
        cast(coalesce(joined.session_count, 0) as bigint) as session_count,
        cast(coalesce(joined.station_count, 0) as bigint) as station_count,
        cast(coalesce(joined.operational_unit_count, 0) as bigint) as operational_unit_count,
        cast(coalesce(joined.excluded_session_count, 0) as bigint) as excluded_session_count,
        {{ wattlas_round_sum('joined.excluded_energy_mwh', 9) }} as excluded_energy_mwh,
        {%- for reason in reasons %}
            cast(coalesce(joined.excluded_{{ reason | lower }}_count, 0) as bigint)
                as excluded_{{ reason | lower }}_count,
        {%- endfor %}
        cast(
            (cast(joined.month_start + interval '1 month' as date) - joined.month_start)
            as integer
        ) as day_count,
        cast(count_session_days.session_day_count as integer) as session_day_count,

        ----------  booleans
        (
            count_session_days.session_day_count
            = cast(joined.month_start + interval '1 month' as date) - joined.month_start
        ) as is_month_complete,

        ----------  dates
        joined.month_start
    from joined
    inner join count_session_days
        on joined.month_start = count_session_days.month_start
    left join amenageurs
        on joined.amenageur_siren = amenageurs.amenageur_siren

)

select * from final
