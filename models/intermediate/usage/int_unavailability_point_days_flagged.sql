{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='date_day',
        on_schema_change='fail',
        meta={'rebuilt_day_column': 'date_day'},
        tags=['daily_partitioned'],
    )
}}

{#
    Every charge point day in the quality-of-service scope, flagged
    unavailable (out-of-service time and no free or occupied time) and in a
    long run (a day of a run of more than temporal_unavailable_min_days
    consecutive unavailable days): the point days d8 counts.

    Incremental by local day, with a bounded reach. A day's long-run flag
    depends on its neighbours, but only on the min_days + 1 days on each
    side: a run that reaches further is long whatever lies beyond. So a run
    rewrites its days and the min_days + 1 days around them (a run that
    crosses the threshold today turns long the days it began with), and
    reads twice that far (a run cut at the edge of what is read is long
    already). The days after only matter for a partition with an end.
#}

{%- set reach = var('temporal_unavailable_min_days') | int + 1 -%}

with

point_days as (

    select * from {{ ref('int_usage_point_days') }}
    where
        is_qos_scope
        and is_declared
        and {{ usage_day_filter('date_day', 2 * reach, 2 * reach) }}

),

flag_unavailable_days as (

    select
        point_days.charge_point_id,
        point_days.date_day,
        point_days.region_code,
        point_days.department_code,
        point_days.epci_code,
        point_days.commune_code,
        point_days.operational_unit_code,
        point_days.amenageur_siren,
        point_days.operator_name,
        (
            point_days.out_of_service_seconds > 0
            and point_days.free_seconds + point_days.occupied_seconds = 0
        ) as is_unavailable
    from point_days

),

{# consecutive unavailable days share one run key: the day minus its rank #}
number_unavailable_days as (

    select
        flag_unavailable_days.charge_point_id,
        flag_unavailable_days.date_day,
        flag_unavailable_days.date_day - cast(row_number() over (
            partition by flag_unavailable_days.charge_point_id
            order by flag_unavailable_days.date_day
        ) as integer) as run_key
    from flag_unavailable_days
    where flag_unavailable_days.is_unavailable

),

measure_runs as (

    select
        number_unavailable_days.charge_point_id,
        number_unavailable_days.run_key,
        count(*) as run_days
    from number_unavailable_days
    group by
        number_unavailable_days.charge_point_id,
        number_unavailable_days.run_key

),

flag_long_runs as (

    select
        flag_unavailable_days.*,
        measure_runs.charge_point_id is not null as is_in_long_run
    from flag_unavailable_days
    left join number_unavailable_days
        on
            flag_unavailable_days.charge_point_id = number_unavailable_days.charge_point_id
            and flag_unavailable_days.date_day = number_unavailable_days.date_day
    left join measure_runs
        on
            number_unavailable_days.charge_point_id = measure_runs.charge_point_id
            and number_unavailable_days.run_key = measure_runs.run_key
            and measure_runs.run_days > {{ var('temporal_unavailable_min_days') }}

),

final as (

    select
        ----------  ids
        flag_long_runs.charge_point_id,
        flag_long_runs.region_code,
        flag_long_runs.department_code,
        flag_long_runs.epci_code,
        flag_long_runs.commune_code,
        flag_long_runs.operational_unit_code,
        flag_long_runs.amenageur_siren,

        ----------  strings
        flag_long_runs.operator_name,

        ----------  booleans
        flag_long_runs.is_unavailable,
        flag_long_runs.is_in_long_run,

        ----------  dates
        flag_long_runs.date_day
    from flag_long_runs
    where {{ usage_day_filter('flag_long_runs.date_day', reach, reach) }}

)

select * from final
