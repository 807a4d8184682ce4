{{
    config(
        tags=['daily_partitioned'],
    )
}}

{#
    Session indicators, one row per indicator, level, target, category and
    local day of the session start, in the shape of fct_indicators_usage_daily
    (which unions the families):
      - u5 sessions by Europe/Paris start hour (every kept session);
      - from the point-days with a session: u6 hours and u9 energy by power
        category, u10 sessions, u11 successful sessions, q5 = u11 / u10, u14
        energy by supply type.
    The pro-rated ones (u6p, u9p, q4) are int_prorated_session_indicators_computed.
    Levels are those indicator_catalogue allows (int_indicator_levels_allowed).
    Energies and hours are summed exactly as integers (same bits on both
    engines); a ratio gets no row when its denominator is 0.
#}

with

{# points absent from the static data are reported in
   fct_undeclared_charge_points_daily, never counted here #}
point_days as (

    select * from {{ ref('int_usage_point_days') }}
    where is_declared

),

sessions as (

    select * from {{ ref('int_charging_sessions_flagged') }}
    where is_declared

),

allowed_levels as (

    select * from {{ ref('int_indicator_levels_allowed') }}

),

list_point_levels as (

    select distinct allowed_levels.level
    from allowed_levels
    where allowed_levels.indicator_code in ('u6', 'u9', 'u10', 'u11', 'u14', 'q5')

),

list_session_levels as (

    select distinct allowed_levels.level
    from allowed_levels
    where allowed_levels.indicator_code = 'u5'

),

{# only the columns the sums read: PostgreSQL materialises a CTE read more
    than once, and this one repeats each point-day once per level #}
attach_point_levels as (

    select
        list_point_levels.level,
        {{ usage_level_target('list_point_levels.level', 'point_days') }} as target,
        point_days.power_category_label,
        point_days.supply_type,
        point_days.session_count,
        point_days.successful_session_count,
        point_days.session_hours,
        point_days.energy_kwh,
        point_days.u14_energy_kwh,
        point_days.date_day
    from point_days
    cross join list_point_levels

),

sum_by_power_category as (

    select
        level,
        target,
        power_category_label,
        date_day,
        {{ usage_exact_sum('session_hours') }} as session_hours,
        {{ usage_exact_sum('energy_kwh', 6) }} as energy_kwh
    from attach_point_levels
    where session_count > 0
    group by level, target, power_category_label, date_day

),

sum_sessions as (

    select
        level,
        target,
        date_day,
        sum(session_count) as session_count,
        sum(successful_session_count) as successful_session_count
    from attach_point_levels
    where session_count > 0
    group by level, target, date_day

),

compute_u14 as (

    select
        'u14' as indicator_code,
        level,
        target,
        supply_type as category,
        date_day as period_start,
        {{ usage_exact_sum('u14_energy_kwh', 6) }} as value,
        cast(null as double precision) as numerator,
        cast(null as double precision) as denominator
    from attach_point_levels
    where session_count > 0
    group by level, target, supply_type, date_day

),

compute_u5 as (

    select
        'u5' as indicator_code,
        list_session_levels.level,
        {{ usage_level_target('list_session_levels.level', 'sessions') }} as target,
        cast(sessions.start_local_hour as varchar) as category,
        sessions.start_date as period_start,
        cast(count(*) as double precision) as value,
        cast(null as double precision) as numerator,
        cast(null as double precision) as denominator
    from sessions
    cross join list_session_levels
    group by
        list_session_levels.level,
        target,
        category,
        sessions.start_date

),

compute_indicators as (

    select * from compute_u5
    union all
    select * from compute_u14
    union all
    select
        'u6' as indicator_code,
        level,
        target,
        power_category_label as category,
        date_day as period_start,
        session_hours as value,
        cast(null as double precision) as numerator,
        cast(null as double precision) as denominator
    from sum_by_power_category
    union all
    select
        'u9' as indicator_code,
        level,
        target,
        power_category_label as category,
        date_day as period_start,
        energy_kwh as value,
        cast(null as double precision) as numerator,
        cast(null as double precision) as denominator
    from sum_by_power_category
    union all
    select
        'u10' as indicator_code,
        level,
        target,
        cast(null as varchar) as category,
        date_day as period_start,
        cast(session_count as double precision) as value,
        cast(null as double precision) as numerator,
        cast(null as double precision) as denominator
    from sum_sessions
    union all
    select
        'u11' as indicator_code,
        level,
        target,
        cast(null as varchar) as category,
        date_day as period_start,
        cast(successful_session_count as double precision) as value,
        cast(null as double precision) as numerator,
        cast(null as double precision) as denominator
    from sum_sessions
    union all
    select
        'q5' as indicator_code,
        level,
        target,
        cast(null as varchar) as category,
        date_day as period_start,
        cast(successful_session_count / session_count as double precision) as value,
        cast(successful_session_count as double precision) as numerator,
        cast(session_count as double precision) as denominator
    from sum_sessions

),

final as (

    {{ usage_indicator_rows(with_extras=false) }}

)

select * from final
