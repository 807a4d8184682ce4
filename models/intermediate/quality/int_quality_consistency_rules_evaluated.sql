{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='day',
        on_schema_change='append_new_columns',
        meta={'rebuilt_day_column': 'day'},
        tags=['daily_partitioned'],
    )
}}

{#
    Status-session consistency rules of docs/domain_rules.md §3.2 (RATS, OCCT, SEST)
    per operational unit × Europe/Paris day, on DC direct charge points
    (raccordement NULL or Direct, and DC). One row per rule × unit × day
    with a status or a session of such a point. RATS has no value (no_data)
    on a day without sessions instead of dividing by zero; OCCT counts the
    sessions starting on the day of the busy statuses. Incremental by day
    over the rebuild window of the usage models.
#}

{# (rule code, checked rows, offending rows, value expression) #}
{%- set rules = [
    ('RATS', 'session_count', 'status_count',
        quality_ratio('units.status_count', 'units.session_count')),
    ('OCCT', 'occt_checked', 'occt', quality_ratio('units.occt', 'units.occt_checked')),
    ('SEST', 'sest_checked', 'sest', quality_ratio('units.sest', 'units.sest_checked')),
] %}

with

charge_points as (

    select * from {{ ref('int_quality_charge_points_prepared') }}
    where is_dc_direct

),

sessions as (

    select * from {{ ref('stg_irve__charging_sessions') }}
    where {{ usage_day_filter('start_date') }}

),

statuses as (

    select * from {{ ref('stg_irve__charge_point_statuses') }}
    where {{ usage_day_filter('status_date') }}

),

session_point_days as (

    select
        charge_points.operational_unit_code,
        sessions.charge_point_id,
        sessions.start_date as day,
        count(*) as session_count,
        sum(
            case
                when sessions.energy_kwh > {{ var('quality_sest_min_energy_kwh') }} then 1 else 0
            end
        ) as energetic_session_count
    from sessions
    inner join charge_points
        on sessions.charge_point_id = charge_points.charge_point_id
    group by 1, 2, 3

),

status_point_days as (

    select
        charge_points.operational_unit_code,
        statuses.charge_point_id,
        statuses.status_date as day,
        count(*) as status_count,
        sum(case when statuses.occupancy = 'occupe' then 1 else 0 end) as busy_status_count
    from statuses
    inner join charge_points
        on statuses.charge_point_id = charge_points.charge_point_id
    group by 1, 2, 3

),

point_days as (

    select
        coalesce(
            session_point_days.operational_unit_code, status_point_days.operational_unit_code
        ) as operational_unit_code,
        coalesce(session_point_days.day, status_point_days.day) as day,
        coalesce(session_point_days.session_count, 0) as session_count,
        coalesce(session_point_days.energetic_session_count, 0) as energetic_session_count,
        coalesce(status_point_days.status_count, 0) as status_count,
        coalesce(status_point_days.busy_status_count, 0) as busy_status_count
    from session_point_days
    full outer join status_point_days
        on
            session_point_days.charge_point_id = status_point_days.charge_point_id
            and session_point_days.day = status_point_days.day

),

units as (

    select
        point_days.operational_unit_code,
        point_days.day,
        sum(point_days.session_count) as session_count,
        sum(point_days.status_count) as status_count,
        sum(
            case
                when point_days.busy_status_count > {{ var('quality_occt_min_busy_statuses') }}
                    then 1
                else 0
            end
        ) as occt_checked,
        sum(
            case
                when
                    point_days.busy_status_count > {{ var('quality_occt_min_busy_statuses') }}
                    and point_days.session_count = 0
                    then 1
                else 0
            end
        ) as occt,
        sum(case when point_days.energetic_session_count > 0 then 1 else 0 end) as sest_checked,
        sum(
            case
                when point_days.energetic_session_count > 0 and point_days.busy_status_count = 0
                    then 1
                else 0
            end
        ) as sest
    from point_days
    group by 1, 2

),

evaluated as (

    {% for code, checked, offending, value in rules %}
        select
            '{{ code }}' as rule_code,
            units.operational_unit_code,
            units.day,
            cast(units.{{ checked }} as bigint) as checked_rows,
            cast(units.{{ offending }} as bigint) as offending_rows,
            cast({{ value }} as double precision) as value
        from units
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select * from evaluated
