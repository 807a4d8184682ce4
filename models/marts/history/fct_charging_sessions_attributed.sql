{{
    config(
        materialized='view',
        meta={'rebuilt_day_column': 'start_date'},
    )
}}

{#
    Charging sessions attributed to the charge point's operator,
    operational unit, aménageur and station valid at the session's start
    (the version of int_charge_point_attribution_periods covering
    start_date), not today's. A session earlier than the point's first
    known version takes that first version ('earliest_known'); a session of
    a point absent from the static history, or after its removal, stays
    unattributed ('unknown').
    One row per session (charge point, start, end).
    A view: the attribution follows the latest static history without
    rewriting every past session on each run. Its tests read the rebuilt
    days (meta rebuilt_day_column) on a daily run: the tested key and ids
    come from staging, which is incremental by day, and the periods it
    joins follow one another per point (int_charge_point_attribution_periods).
#}

with

sessions as (

    select * from {{ ref('stg_irve__charging_sessions') }}
    {# Implausible lines count in the quality rules, never in an indicator. #}
    where implausible_reason is null

),

periods as (

    select * from {{ ref('int_charge_point_attribution_periods') }}

),

history as (

    select * from {{ ref('dim_charge_points_history') }}

),

latest_versions as (

    {# Latest version of each point (in force, or the last before removal). #}
    select
        history.charge_point_id,
        history.operator_name,
        row_number() over (
            partition by history.charge_point_id order by history.version_number desc
        ) as recency
    from history

),

attributed as (

    select
        ----------  ids
        sessions.charge_point_id,
        periods.station_id,
        periods.operational_unit_code,
        periods.amenageur_siren,
        periods.charge_point_version_id,

        ----------  strings
        periods.operator_name,
        periods.amenageur_name,
        latest_versions.operator_name as latest_operator_name,
        case
            when periods.charge_point_id is null then 'unknown'
            when sessions.start_date >= periods.valid_from then 'valid_at_start'
            else 'earliest_known'
        end as attribution_basis,
        sessions.feed,

        ----------  numerics
        sessions.energy_kwh,
        sessions.duration_seconds,

        ----------  dates
        sessions.start_date,

        ----------  timestamps
        sessions.start_at,
        sessions.end_at
    from sessions
    left join periods
        on {{ usage_period_covers('sessions.charge_point_id', 'sessions.start_date') }}
    left join latest_versions
        on
            sessions.charge_point_id = latest_versions.charge_point_id
            and latest_versions.recency = 1

),

final as (

    select
        cast(attributed.charge_point_id as text) as charge_point_id,
        cast(attributed.station_id as text) as station_id,
        cast(attributed.operational_unit_code as text) as operational_unit_code,
        cast(attributed.amenageur_siren as text) as amenageur_siren,
        cast(attributed.charge_point_version_id as text) as charge_point_version_id,
        cast(attributed.operator_name as text) as operator_name,
        cast(attributed.amenageur_name as text) as amenageur_name,
        cast(attributed.latest_operator_name as text) as latest_operator_name,
        cast(attributed.attribution_basis as text) as attribution_basis,
        cast(attributed.feed as text) as feed,
        cast(attributed.energy_kwh as double precision) as energy_kwh,
        cast(attributed.duration_seconds as double precision) as duration_seconds,
        (attributed.operator_name is distinct from attributed.latest_operator_name)
            as is_operator_changed_since,
        attributed.start_date,
        attributed.start_at,
        attributed.end_at
    from attributed

)

select * from final
