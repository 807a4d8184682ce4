{{ config(meta={'domain': 'charging'}) }}

{#
    The published next-day charging demand forecast (per area and target,
    the model with the lowest backtest WAPE, fct_charging_demand_backtest_summary)
    for every backtested day and for the day after the last day the session
    feeds covered whole, beside the actual value and an error band: the
    forecast plus or minus the 90th percentile of the model's absolute
    errors over the backtest (in the target's unit, not in percent: a
    percentage of a small count is meaningless), never below 0. The band is
    in-sample: it is computed on the days it is drawn on.
#}

with

forecasts as (

    select
        area_level,
        area_code,
        forecast_target,
        model_name,
        model_version,
        forecast_kind,
        horizon_days,
        forecast_value,
        origin_date,
        target_date
    from {{ ref('stg_forecasts__charging_demand_forecasts') }}

),

summary as (

    select
        area_level,
        area_code,
        forecast_target,
        model_name,
        horizon_days,
        value_unit,
        wape_pct
    from {{ ref('fct_charging_demand_backtest_summary') }}
    where is_published

),

backtest as (

    select
        area_level,
        area_code,
        forecast_target,
        model_name,
        horizon_days,
        absolute_error_value
    from {{ ref('fct_charging_demand_backtest_daily') }}

),

actuals as (

    select
        area_level,
        area_code,
        date_day,
        session_count,
        energy_kwh
    from {{ ref('int_charging_days_enriched_for_forecasts') }}
    where is_whole_feed_day

),

bands as (

    select
        backtest.area_level,
        backtest.area_code,
        backtest.forecast_target,
        backtest.model_name,
        backtest.horizon_days,
        percentile_cont(0.9) within group (
            order by cast(backtest.absolute_error_value as double precision)
        ) as band_value
    from backtest
    group by 1, 2, 3, 4, 5

),

published as (

    select
        forecasts.*,
        summary.value_unit,
        summary.wape_pct,
        cast(cast(bands.band_value as numeric(38, 9)) as numeric(20, 3)) as band_value
    from forecasts
    inner join summary
        on
            forecasts.area_level = summary.area_level
            and forecasts.area_code = summary.area_code
            and forecasts.forecast_target = summary.forecast_target
            and forecasts.model_name = summary.model_name
            and forecasts.horizon_days = summary.horizon_days
    inner join bands
        on
            forecasts.area_level = bands.area_level
            and forecasts.area_code = bands.area_code
            and forecasts.forecast_target = bands.forecast_target
            and forecasts.model_name = bands.model_name
            and forecasts.horizon_days = bands.horizon_days

),

final as (

    select
        ----------  ids
        published.area_level,
        published.area_code,

        ----------  strings
        published.forecast_target,
        published.model_name,
        published.model_version,
        published.forecast_kind,
        published.value_unit,

        ----------  numerics
        published.horizon_days,
        published.forecast_value,
        cast(
            case
                when published.forecast_value > published.band_value
                    then published.forecast_value - published.band_value
                else 0
            end
            as numeric(20, 3)
        ) as forecast_lower_value,
        cast(published.forecast_value + published.band_value as numeric(20, 3))
            as forecast_upper_value,
        cast(
            case published.forecast_target
                when 'sessions' then actuals.session_count
                else actuals.energy_kwh
            end
            as numeric(20, 3)
        ) as actual_value,
        cast(
            published.forecast_value
            - case published.forecast_target
                when 'sessions' then actuals.session_count
                else actuals.energy_kwh
            end
            as numeric(20, 3)
        ) as error_value,
        published.wape_pct as backtest_wape_pct,
        published.band_value,

        ----------  dates
        published.origin_date,
        published.target_date

    from published
    left join actuals
        on
            published.area_level = actuals.area_level
            and published.area_code = actuals.area_code
            and published.target_date = actuals.date_day

)

select * from final
