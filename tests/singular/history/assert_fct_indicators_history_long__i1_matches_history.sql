{#
    The daily national i1 equals, on every day of the series, the number of
    valid charge point versions of dim_charge_points_history in force that
    day (valid_from <= day < valid_to): the series and the type-2 history
    tell the same story. Returns the days that differ.
#}

with

series as (

    select
        fct_indicators_history_long.period_start,
        fct_indicators_history_long.value
    from {{ ref('fct_indicators_history_long') }} as fct_indicators_history_long
    where
        fct_indicators_history_long.indicator_code = 'i1'
        and fct_indicators_history_long.level = 0

),

history as (

    select * from {{ ref('dim_charge_points_history') }}
    where has_valid_charge_point_id

),

counted as (

    select
        series.period_start,
        series.value,
        count(history.charge_point_id) as version_count
    from series
    left join history
        on
            series.period_start >= history.valid_from
            and (series.period_start < history.valid_to or history.valid_to is null)
    group by 1, 2

)

select * from counted
where value <> version_count
