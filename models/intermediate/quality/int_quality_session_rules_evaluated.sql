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
    Session rules of docs/domain_rules.md §3.2 (plus rule 10, no overlapping sessions)
    per operational unit × Europe/Paris day of the session start, on the
    sessions of charge points declared in the static data. One row per rule
    × unit × day with at least one session. Incremental by evaluation day
    over the rebuild window of the usage models; OVLP reads the sessions of
    var usage_overlap_lookback_days days before it (as the TIRUERT OVER flag
    does), so an earlier session longer than that (a LONS offender) is not
    looked up by an incremental run.
#}

{# (rule code, checked rows, offending rows, value expression or none) #}
{%- set rules = [
    ('DUPS', 'session_rows', 'dups', quality_ratio('units.dups', 'units.session_rows')),
    ('OVRS', 'point_day_count', 'ovrs', none),
    ('LONS', 'session_count', 'lons', quality_ratio('units.lons', 'units.session_count')),
    ('NEGS', 'session_count', 'negs', none),
    ('FRES', 'fres_checked', none,
        'round(cast(units.fres as numeric), 6)'),
    ('ENEU', 'session_count', 'eneu', none),
    ('ODUR', 'odur_checked', 'odur', quality_ratio('units.odur', 'units.odur_checked')),
    ('ENEA', 'enea_checked', 'enea', quality_ratio('units.enea', 'units.enea_checked')),
    ('ENEX', 'session_count', 'enex', none),
    ('OVLP', 'session_count', 'ovlp', none),
] %}

with

charge_points as (

    select * from {{ ref('int_quality_charge_points_prepared') }}

),

sessions as (

    select * from {{ ref('stg_irve__charging_sessions') }}
    where {{ quality_event_day_filter('start_date', var('usage_overlap_lookback_days')) }}

),

joined as (

    select
        charge_points.operational_unit_code,
        sessions.charge_point_id,
        {{ quality_evaluation_day('sessions.start_date', 'sessions.loaded_at') }} as day,
        sessions.start_at,
        sessions.end_at,
        sessions.energy_kwh,
        sessions.duration_seconds,
        sessions.duration_seconds / 3600.0 as duration_hours,
        sessions.duplicate_count,
        charge_points.power_kw,
        {% if var('quality_fres_use_load_time') -%}
            {{ irve_seconds_between('sessions.end_at', 'sessions.loaded_at') }} / 86400.0
        {%- else -%}
            cast(null as double precision)
        {%- endif %} as reception_delay_days,
        max(sessions.end_at) over (
            partition by sessions.charge_point_id
            order by sessions.start_at, sessions.end_at
            rows between unbounded preceding and 1 preceding
        ) as previous_max_end_at
    from sessions
    inner join charge_points
        on sessions.charge_point_id = charge_points.charge_point_id

),

flagged as (

    select
        joined.*,
        joined.energy_kwh > {{ var('quality_session_min_energy_kwh') }}
        and joined.energy_kwh <= {{ var('quality_session_max_energy_kwh') }}
            as is_energy_in_range,
        coalesce(joined.start_at < joined.previous_max_end_at, false) as is_overlapping
    from joined
    where {{ usage_day_filter('joined.day') }}

),

point_days as (

    select
        flagged.operational_unit_code,
        flagged.day,
        flagged.charge_point_id,
        count(*) as session_count
    from flagged
    group by 1, 2, 3

),

aggregate_point_days as (

    select
        point_days.operational_unit_code,
        point_days.day,
        count(*) as point_day_count,
        sum(
            case
                when point_days.session_count > {{ var('quality_max_sessions_per_day') }}
                    then 1
                else 0
            end
        ) as ovrs
    from point_days
    group by 1, 2

),

aggregate_sessions as (

    select
        flagged.operational_unit_code,
        flagged.day,
        count(*) as session_count,
        count(*) + sum(flagged.duplicate_count) as session_rows,
        sum(flagged.duplicate_count) as dups,
        sum(
            case
                when flagged.duration_seconds > {{ var('quality_max_session_days') }} * 86400
                    then 1
                else 0
            end
        ) as lons,
        sum(case when flagged.start_at > flagged.end_at then 1 else 0 end) as negs,
        count(flagged.reception_delay_days) as fres_checked,
        max(flagged.reception_delay_days) as fres,
        sum(
            case
                when flagged.energy_kwh > {{ var('quality_session_max_energy_kwh') }} then 1 else 0
            end
        ) as eneu,
        sum(case when flagged.is_energy_in_range then 1 else 0 end) as odur_checked,
        sum(
            case when flagged.is_energy_in_range and flagged.duration_seconds = 0 then 1 else 0 end
        ) as odur,
        sum(
            case when flagged.is_energy_in_range and flagged.duration_seconds <> 0 then 1 else 0 end
        ) as enea_checked,
        sum(
            case
                when
                    flagged.is_energy_in_range
                    and flagged.duration_seconds <> 0
                    and flagged.power_kw > {{ var('quality_enea_min_power_kw') }}
                    and flagged.energy_kwh > {{ var('quality_enea_energy_factor') }}
                    * flagged.power_kw * flagged.duration_hours
                    and (
                        flagged.energy_kwh < {{ var('quality_enex_energy_factor') }}
                        * flagged.power_kw * flagged.duration_hours
                        or flagged.energy_kwh <= {{ var('quality_enex_min_energy_kwh') }}
                    )
                    then 1
                else 0
            end
        ) as enea,
        sum(
            case
                when
                    flagged.duration_seconds <> 0
                    and flagged.energy_kwh > {{ var('quality_enex_min_energy_kwh') }}
                    and flagged.energy_kwh <= {{ var('quality_session_max_energy_kwh') }}
                    and flagged.energy_kwh > {{ var('quality_enex_energy_factor') }}
                    * flagged.power_kw * flagged.duration_hours
                    then 1
                else 0
            end
        ) as enex,
        sum(case when flagged.is_overlapping then 1 else 0 end) as ovlp
    from flagged
    group by 1, 2

),

units as (

    select
        aggregate_sessions.*,
        aggregate_point_days.point_day_count,
        aggregate_point_days.ovrs
    from aggregate_sessions
    inner join aggregate_point_days
        on
            aggregate_sessions.operational_unit_code = aggregate_point_days.operational_unit_code
            and aggregate_sessions.day = aggregate_point_days.day

),

evaluated as (

    {% for code, checked, offending, value in rules %}
        select
            '{{ code }}' as rule_code,
            units.operational_unit_code,
            units.day,
            cast(units.{{ checked }} as bigint) as checked_rows,
            cast({{ 'units.' ~ offending if offending else 'null' }} as bigint) as offending_rows,
            cast({{ value if value else 'units.' ~ offending }} as double precision) as value
        from units
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select * from evaluated
