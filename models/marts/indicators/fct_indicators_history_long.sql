{#
    Daily series of i1 (charge points), i4 (stations), i7 (installed
    power, kW) and the pool counts p300-p3600 nationally and per region, from the static history: each
    day from the first delivery date to the series end takes the snapshot
    in force (the latest delivery date on or before the day). The series
    ends on var history_series_end_date, by default the latest day with
    data (a delivery, a status or a session), so the last delivery stays in
    force until the next one arrives. The values are the history image
    rows of int_infrastructure_indicators_dated (computed once per
    delivery). Long indicator shape (fct_indicators), period 'd'; extras
    NULL (the pool station lists of a day are in
    fct_indicators_infrastructure_as_of).
#}

with

charge_points as (

    select * from {{ ref('int_charge_point_snapshots_resolved') }}

),

indicators as (

    select * from {{ ref('int_infrastructure_indicators_dated') }}
    where
        image = 'history'
        and indicator_code in (
            {% for tier in pool_tiers() %}
                '{{ tier[0] }}',
            {% endfor %}
            'i1', 'i4', 'i7'
        )
        and level in (0, 1)

),

dates as (

    select * from {{ ref('dim_dates') }}

),

sessions as (

    select * from {{ ref('stg_irve__charging_sessions') }}
    {# Implausible lines count in the quality rules, never in an indicator. #}
    where implausible_reason is null

),

statuses as (

    select * from {{ ref('stg_irve__charge_point_statuses') }}
    {# Implausible lines count in the quality rules, never in an indicator. #}
    where implausible_reason is null

),

series_end as (

    {%- set end_date = var('history_series_end_date') %}
    select
        coalesce(
            {{ "cast('" ~ end_date ~ "' as date)" if end_date else 'cast(null as date)' }},
            max(latest.day)
        ) as end_date
    from (
        select max(charge_points.snapshot_date) as day from charge_points
        union all
        select max(sessions.start_date) as day from sessions
        union all
        select max(statuses.status_date) as day from statuses
    ) as latest

),

snapshots_listed as (

    select distinct
        charge_points.snapshot_date,
        charge_points.next_snapshot_date
    from charge_points

),

days_in_force as (

    select
        dates.date_day,
        snapshots_listed.snapshot_date
    from dates
    cross join series_end
    inner join snapshots_listed
        on
            dates.date_day >= snapshots_listed.snapshot_date
            and (
                dates.date_day < snapshots_listed.next_snapshot_date
                or (
                    snapshots_listed.next_snapshot_date is null
                    and dates.date_day <= series_end.end_date
                )
            )
    where dates.date_day <= series_end.end_date

),

days_filled as (

    select
        indicators.indicator_code,
        indicators.level,
        indicators.level_name,
        indicators.target,
        days_in_force.date_day,
        indicators.value
    from days_in_force
    inner join indicators
        on days_in_force.snapshot_date = indicators.valid_from

),

final as (

    select
        cast(days_filled.indicator_code as text) as indicator_code,
        cast(days_filled.level as integer) as level,
        cast(days_filled.level_name as text) as level_name,
        cast(days_filled.target as text) as target,
        cast(null as text) as category,
        cast('d' as text) as period,
        days_filled.date_day as period_start,
        cast(days_filled.value as double precision) as value,
        cast(null as text) as extras
    from days_filled

)

select * from final
