{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='month_start',
        on_schema_change='fail',
        meta={'rebuilt_day_column': 'month_end'},
        tags=['daily_partitioned'],
    )
}}

{#
    The flagged charge point days summarised by month: one row per charge
    point, month and set of targets the point had during the month (its
    operational unit is the one of each day, so a point that changed unit
    has one row under each), with whether a day of the month is in a long
    unavailable run. What d8 counts its months, quarters and years from:
    at most twelve rows a point a year instead of a row a day. Incremental
    by month: a run rewrites the months holding the days the flags
    rewrote.
#}

{%- set reach = var('temporal_unavailable_min_days') | int + 1 -%}

with

point_days as (

    select * from {{ ref('int_unavailability_point_days_flagged') }}
    where {{ usage_period_filter('date_day', 'month', reach, reach) }}

),

summarise_months as (

    select
        point_days.charge_point_id,
        point_days.region_code,
        point_days.department_code,
        point_days.epci_code,
        point_days.commune_code,
        point_days.operational_unit_code,
        point_days.amenageur_siren,
        point_days.operator_name,
        {{ temporal_period_start('point_days.date_day', 'm') }} as month_start,
        max(case when point_days.is_in_long_run then 1 else 0 end) as long_run_day_flag
    from point_days
    group by
        point_days.charge_point_id,
        point_days.region_code,
        point_days.department_code,
        point_days.epci_code,
        point_days.commune_code,
        point_days.operational_unit_code,
        point_days.amenageur_siren,
        point_days.operator_name,
        {{ temporal_period_start('point_days.date_day', 'm') }}

),

final as (

    select
        ----------  ids
        summarise_months.charge_point_id,
        summarise_months.region_code,
        summarise_months.department_code,
        summarise_months.epci_code,
        summarise_months.commune_code,
        summarise_months.operational_unit_code,
        summarise_months.amenageur_siren,

        ----------  strings
        summarise_months.operator_name,

        ----------  booleans
        summarise_months.long_run_day_flag = 1 as has_long_run_day,

        ----------  dates
        summarise_months.month_start,
        {{ temporal_period_end('summarise_months.month_start', 'm') }} as month_end
    from summarise_months

)

select * from final
