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
    Status rules of docs/domain_rules.md §3.2 per operational unit × Europe/Paris day,
    on the statuses of charge points declared in the static data. One row
    per rule × unit × day with at least one status, plus INAC and DECL for
    every unit × evaluation day. Incremental by evaluation day over the
    rebuild window of the usage models: INAC reads the point-days of the
    var quality_inactive_after_months calendar months before it
    (int_quality_status_point_days), DECL the first status day of each
    point (int_quality_charge_point_first_status_days), never the history.
#}

{# (rule code, checked rows, offending rows, value expression or none) #}
{%- set rules = [
    ('ERRT', 'status_count', 'errt', none),
    ('FTRT', 'status_count', 'ftrt', none),
    ('DUPT', 'status_rows', 'dupt', quality_ratio('units.dupt', 'units.status_rows')),
    ('FRET', 'fret_checked', none, 'round(cast(units.fret as numeric), 3)'),
    ('OVRT', 'point_day_count', 'ovrt', none),
] %}

with

charge_points as (

    select * from {{ ref('int_quality_charge_points_prepared') }}

),

statuses as (

    select * from {{ ref('stg_irve__charge_point_statuses') }}
    where {{ quality_event_day_filter('status_date') }}

),

status_point_days as (

    select * from {{ ref('int_quality_status_point_days') }}
    where {{ usage_day_filter('day', 31 * var('quality_inactive_after_months')) }}

),

first_status_days as (

    select * from {{ ref('int_quality_charge_point_first_status_days') }}

),

days as (

    select * from {{ ref('int_quality_days_listed') }}
    where {{ usage_day_filter('day') }}

),

joined as (

    select
        charge_points.operational_unit_code,
        statuses.charge_point_id,
        {{ quality_evaluation_day('statuses.status_date', 'statuses.loaded_at') }} as day,
        statuses.status,
        statuses.occupancy,
        statuses.status_at,
        statuses.loaded_at,
        statuses.duplicate_count,
        {{ irve_seconds_between('statuses.status_at', 'statuses.collected_at') }}
            as collection_delay_seconds
    from statuses
    inner join charge_points
        on statuses.charge_point_id = charge_points.charge_point_id
    where
        {{ usage_day_filter(
            quality_evaluation_day('statuses.status_date', 'statuses.loaded_at')
        ) }}

),

{# the point-days of the days built, counted once in int_quality_status_point_days #}
point_days as (

    select
        charge_points.operational_unit_code,
        status_point_days.day,
        status_point_days.status_count
    from status_point_days
    inner join charge_points
        on status_point_days.charge_point_id = charge_points.charge_point_id
    where {{ usage_day_filter('status_point_days.day') }}

),

aggregate_point_days as (

    select
        point_days.operational_unit_code,
        point_days.day,
        count(*) as point_day_count,
        sum(
            case
                when point_days.status_count > {{ var('quality_max_statuses_per_day') }}
                    then 1
                else 0
            end
        ) as ovrt
    from point_days
    group by 1, 2

),

aggregate_statuses as (

    select
        joined.operational_unit_code,
        joined.day,
        count(*) as status_count,
        count(*) + sum(joined.duplicate_count) as status_rows,
        sum(joined.duplicate_count) as dupt,
        sum(
            case
                when joined.status in ('hors_service', 'inconnu') and joined.occupancy = 'occupe'
                    then 1
                else 0
            end
        ) as errt,
        sum(
            case
                when
                    joined.status_at is null
                    or joined.status_at < cast('{{ var("irve_data_era_start") }}' as timestamp)
                    or joined.status_at > joined.loaded_at
                    then 1
                else 0
            end
        ) as ftrt,
        count(joined.collection_delay_seconds) as fret_checked,
        avg(joined.collection_delay_seconds) as fret
    from joined
    group by 1, 2

),

units as (

    select
        aggregate_statuses.*,
        aggregate_point_days.point_day_count,
        aggregate_point_days.ovrt
    from aggregate_statuses
    inner join aggregate_point_days
        on
            aggregate_statuses.operational_unit_code = aggregate_point_days.operational_unit_code
            and aggregate_statuses.day = aggregate_point_days.day

),

-- INAC and DECL: a charge point is "covered" on day D from its first
-- status day on, and "active" on D when its latest status day s on or
-- before D is after D - quality_inactive_after_months calendar months
-- (evaluated at the end of D: a status on exactly D - 1 month is a month
-- old). Each status day is chained to the point's next one, so a point
-- and day match one status day (the latest) and the count needs no
-- distinct.
point_status_days as (

    select
        charge_points.operational_unit_code,
        status_point_days.day,
        lead(status_point_days.day) over (
            partition by status_point_days.charge_point_id order by status_point_days.day
        ) as next_day
    from status_point_days
    inner join charge_points
        on status_point_days.charge_point_id = charge_points.charge_point_id

),

active_points as (

    select
        point_status_days.operational_unit_code,
        days.day,
        count(*) as active_count
    from point_status_days
    inner join days
        on
            point_status_days.day <= days.day
            and (point_status_days.next_day > days.day or point_status_days.next_day is null)
            and point_status_days.day > cast(
                days.day
                - interval '{{ var("quality_inactive_after_months") }} month' as date
            )
    group by 1, 2

),

covered_points as (

    select
        charge_points.operational_unit_code,
        days.day,
        count(*) as covered_count
    from first_status_days
    inner join charge_points
        on first_status_days.charge_point_id = charge_points.charge_point_id
    inner join days
        on first_status_days.first_day <= days.day
    group by 1, 2

),

declared_points as (

    select
        charge_points.operational_unit_code,
        count(*) as declared_count
    from charge_points
    group by 1

),

unit_days as (

    select
        declared_points.operational_unit_code,
        declared_points.declared_count,
        days.day,
        coalesce(covered_points.covered_count, 0) as covered_count,
        coalesce(active_points.active_count, 0) as active_count
    from declared_points
    cross join days
    left join covered_points
        on
            declared_points.operational_unit_code = covered_points.operational_unit_code
            and days.day = covered_points.day
    left join active_points
        on
            declared_points.operational_unit_code = active_points.operational_unit_code
            and days.day = active_points.day

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
        union all
    {% endfor %}
    select
        'INAC' as rule_code,
        unit_days.operational_unit_code,
        unit_days.day,
        cast(unit_days.declared_count as bigint) as checked_rows,
        cast(unit_days.covered_count - unit_days.active_count as bigint)
            as offending_rows,
        {{ quality_ratio('unit_days.covered_count - unit_days.active_count',
            'unit_days.declared_count') }} as value
    from unit_days
    union all
    select
        'DECL' as rule_code,
        unit_days.operational_unit_code,
        unit_days.day,
        cast(unit_days.declared_count as bigint) as checked_rows,
        cast(unit_days.declared_count - unit_days.covered_count as bigint)
            as offending_rows,
        {{ quality_ratio('unit_days.declared_count - unit_days.covered_count',
            'unit_days.declared_count') }} as value
    from unit_days

)

select * from evaluated
