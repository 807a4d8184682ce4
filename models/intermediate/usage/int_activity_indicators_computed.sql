{{
    config(
        tags=['daily_partitioned'],
    )
}}

{#
    Activity indicators, one row per indicator, level, target, category and
    local day, in the shape of fct_indicators_usage_daily (which unions the
    families):
      - u12 charge points in operation (a status that day) by power category,
        u13 their nominal power;
      - e4 charge points with a session starting in [D - 1 month, D), their ids
        in extras, on every calendar day from the day after the first session
        to the latest day with dynamic data (a day without any status or
        session still has points active in the month before it).
    Levels are those indicator_catalogue allows (int_indicator_levels_allowed).
#}

with

{# only the columns read: PostgreSQL materialises a CTE read twice (the
   point-days and their list of days) #}
point_days as (

    select
        region_code,
        department_code,
        epci_code,
        commune_code,
        operational_unit_code,
        amenageur_siren,
        operator_name,
        power_category_label,
        power_kw,
        is_in_operation,
        date_day
    from {{ ref('int_usage_point_days') }}
    {# points absent from the static data: fct_undeclared_charge_points_daily #}
    where is_declared

),

sessions as (

    select * from {{ ref('int_charging_sessions_flagged') }}
    where is_declared

),

dates as (

    select date_day from {{ ref('int_dates_enriched') }}

),

allowed_levels as (

    select * from {{ ref('int_indicator_levels_allowed') }}

),

list_point_levels as (

    select distinct allowed_levels.level
    from allowed_levels
    where allowed_levels.indicator_code in ('u12', 'u13')

),

list_session_levels as (

    select distinct allowed_levels.level
    from allowed_levels
    where allowed_levels.indicator_code = 'e4'

),

attach_point_levels as (

    select
        list_point_levels.level,
        {{ usage_level_target('list_point_levels.level', 'point_days') }} as target,
        point_days.power_category_label,
        point_days.power_kw,
        point_days.date_day
    from point_days
    cross join list_point_levels
    where point_days.is_in_operation

),

count_points_in_operation as (

    select
        level,
        target,
        power_category_label,
        date_day,
        count(*) as point_count
    from attach_point_levels
    group by level, target, power_category_label, date_day

),

sum_power_in_operation as (

    select
        level,
        target,
        date_day,
        coalesce({{ usage_exact_sum('power_kw', 6) }}, 0) as power_kw
    from attach_point_levels
    group by level, target, date_day

),

find_session_bounds as (

    select
        min(sessions.start_date) as first_session_date,
        max(sessions.start_date) as last_session_date
    from sessions

),

find_point_day_bounds as (

    select max(point_days.date_day) as last_point_date
    from point_days

),

find_dynamic_data_bounds as (

    select
        find_session_bounds.first_session_date,
        greatest(
            find_session_bounds.last_session_date, find_point_day_bounds.last_point_date
        ) as last_data_date
    from find_session_bounds
    cross join find_point_day_bounds

),

list_days as (

    select dates.date_day
    from dates
    inner join find_dynamic_data_bounds
        on
            dates.date_day > find_dynamic_data_bounds.first_session_date
            and dates.date_day <= find_dynamic_data_bounds.last_data_date

),

{#
    e4 on day D: the points with a session in [D - 1 month, D). Each session
    day of a point is chained to the point's next one, so a point and day
    match one session day (the latest before D) and the count needs no
    distinct. The point's location is today's; its operator, unit and
    aménageur those of that session day (the smallest if they changed within
    the day).
#}
list_session_point_days as (

    select
        sessions.charge_point_id,
        sessions.start_date,
        min(sessions.region_code) as region_code,
        min(sessions.department_code) as department_code,
        min(sessions.epci_code) as epci_code,
        min(sessions.commune_code) as commune_code,
        min(sessions.operational_unit_code) as operational_unit_code,
        min(sessions.amenageur_siren) as amenageur_siren,
        min(sessions.operator_name) as operator_name
    from sessions
    group by sessions.charge_point_id, sessions.start_date

),

find_next_session_days as (

    select
        list_session_point_days.*,
        lead(list_session_point_days.start_date) over (
            partition by list_session_point_days.charge_point_id
            order by list_session_point_days.start_date
        ) as next_start_date
    from list_session_point_days

),

{# materialised: left to itself, the planner repeats the range join once
   per level instead of joining once and repeating its result #}
list_active_points as materialized (

    select
        find_next_session_days.*,
        list_days.date_day
    from list_days
    inner join find_next_session_days
        on
            list_days.date_day > find_next_session_days.start_date
            and (
                list_days.date_day <= find_next_session_days.next_start_date
                or find_next_session_days.next_start_date is null
            )
            and find_next_session_days.start_date
            >= cast(list_days.date_day - interval '1 month' as date)

),

attach_active_point_levels as (

    select
        list_session_levels.level,
        {{ usage_level_target('list_session_levels.level', 'list_active_points') }}
            as target,
        list_active_points.charge_point_id,
        list_active_points.date_day
    from list_active_points
    cross join list_session_levels

),

compute_indicators as (

    select
        'u12' as indicator_code,
        level,
        target,
        power_category_label as category,
        date_day as period_start,
        cast(point_count as double precision) as value,
        cast(null as varchar) as extras
    from count_points_in_operation
    union all
    select
        'u13' as indicator_code,
        level,
        target,
        cast(null as varchar) as category,
        date_day as period_start,
        power_kw as value,
        cast(null as varchar) as extras
    from sum_power_in_operation
    union all
    select
        'e4' as indicator_code,
        level,
        target,
        cast(null as varchar) as category,
        date_day as period_start,
        cast(count(*) as double precision) as value,
        '{"list": ["'
        || string_agg(charge_point_id, '", "' order by charge_point_id)
        || '"]}' as extras
    from attach_active_point_levels
    group by level, target, date_day

),

final as (

    {{ usage_indicator_rows(with_ratio=false) }}

)

select * from final
