{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='state_date',
        on_schema_change='append_new_columns',
        meta={'rebuilt_day_column': 'state_date'},
        tags=['daily_partitioned'],
    )
}}

{#
    Minutes of every station in each group state per hour of the local day
    (hour_index 0..hours_in_day-1 counted from the day's UTC start, so the
    25-hour day has two local 02 h hours), with the hourly booleans of
    docs/domain_rules.md §2.5 (loco-labs/qualicharge-rtet output): sature_h = minutes sature + hors_service
    ≥ θ (var usage_hourly_theta_minutes); surcharge_h = not sature_h and
    minutes surcharge + sature + hors_service ≥ θ.
#}

with

station_intervals as (

    select * from {{ ref('int_station_state_intervals') }}
    where {{ usage_day_filter('interval_date') }}

),

dates as (

    select * from {{ ref('int_dates_enriched') }}

),

expand_interval_hours as (

    {#- Each interval meets only the hours from the one holding its start to
        the one holding its end (one or two for most), not all of the day's:
        the expansion stays linear in intervals (24 × intervals spilled tens
        of GB to disk on PostgreSQL at national scale). #}
    select
        station_intervals.station_id,
        station_intervals.interval_date as state_date,
        station_intervals.point_count,
        station_intervals.group_state,
        station_intervals.is_full_use,
        station_intervals.interval_start_at,
        station_intervals.interval_end_at,
        hours.hour_index,
        dates.day_start_at + hours.hour_index * interval '1 hour' as hour_start_at,
        dates.day_start_at + (hours.hour_index + 1) * interval '1 hour' as hour_end_at
    from station_intervals
    inner join dates
        on station_intervals.interval_date = dates.date_day
    inner join {{ usage_hour_indexes() }} as hours
        on
            dates.hours_in_day > hours.hour_index
            and hours.hour_index >= floor({{ irve_seconds_between(
                'dates.day_start_at', 'station_intervals.interval_start_at'
            ) }} / 3600)
            and hours.hour_index <= floor({{ irve_seconds_between(
                'dates.day_start_at', 'station_intervals.interval_end_at'
            ) }} / 3600)

),

overlap_hours as (

    select
        station_id,
        state_date,
        point_count,
        hour_index,
        hour_start_at,
        group_state,
        is_full_use,
        {{ irve_seconds_between(
            'greatest(interval_start_at, hour_start_at)',
            'least(interval_end_at, hour_end_at)'
        ) }} as overlap_seconds
    from expand_interval_hours
    where
        hour_end_at > interval_start_at
        and hour_start_at < interval_end_at

),

sum_minutes as (

    select
        overlap_hours.station_id,
        overlap_hours.state_date,
        overlap_hours.point_count,
        overlap_hours.hour_index,
        overlap_hours.hour_start_at,
        {%- for state, name in station_group_states() %}
            sum(
                case
                    when
                        overlap_hours.group_state = '{{ state }}'
                        then overlap_hours.overlap_seconds
                    else 0
                end
            ) / 60.0 as {{ name }}_minutes,
        {%- endfor %}
        sum(case when overlap_hours.is_full_use then overlap_hours.overlap_seconds else 0 end)
        / 60.0 as full_use_minutes
    from overlap_hours
    group by 1, 2, 3, 4, 5

),

final as (

    select
        ----------  ids
        sum_minutes.station_id,

        ----------  numerics
        sum_minutes.hour_index,
        cast(extract(hour from {{ utc_to_local('sum_minutes.hour_start_at') }}) as integer)
            as local_hour,
        sum_minutes.point_count,
        {%- for name in station_group_states() | map(attribute=1) %}
            {{ wattlas_round_sum('sum_minutes.' ~ name ~ '_minutes', 6) }} as {{ name }}_minutes,
        {%- endfor %}
        {{ wattlas_round_sum('sum_minutes.full_use_minutes', 6) }} as full_use_minutes,

        ----------  booleans
        (
            sum_minutes.saturated_minutes + sum_minutes.out_of_service_minutes
            >= {{ var('usage_hourly_theta_minutes') }}
        ) as is_saturated_hour,
        (
            sum_minutes.saturated_minutes + sum_minutes.out_of_service_minutes
            < {{ var('usage_hourly_theta_minutes') }}
            and sum_minutes.overloaded_minutes + sum_minutes.saturated_minutes
            + sum_minutes.out_of_service_minutes
            >= {{ var('usage_hourly_theta_minutes') }}
        ) as is_overloaded_hour,

        ----------  dates
        sum_minutes.state_date,

        ----------  timestamps
        sum_minutes.hour_start_at
    from sum_minutes

)

select * from final
