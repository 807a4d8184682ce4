{#
    Evaluation days of the quality grid: every Europe/Paris day on which a
    charge point of the static data has a session start or a status
    (domain.md §3.3 runs the dynamic rules day by day).
#}

with

charge_points as (

    select * from {{ ref('int_quality__charge_points_prepared') }}

),

sessions as (

    select * from {{ ref('stg_irve__charging_sessions') }}

),

statuses as (

    select * from {{ ref('stg_irve__charge_point_statuses') }}

),

session_days as (

    select distinct
        {{ quality_evaluation_day('sessions.start_date', 'sessions.loaded_at') }} as day
    from sessions
    inner join charge_points
        on sessions.charge_point_id = charge_points.charge_point_id

),

status_days as (

    select distinct
        {{ quality_evaluation_day('statuses.status_date', 'statuses.loaded_at') }} as day
    from statuses
    inner join charge_points
        on statuses.charge_point_id = charge_points.charge_point_id

),

unioned as (

    select session_days.day from session_days
    union
    select status_days.day from status_days

)

select unioned.day from unioned
