{#
    The published next-day consumption forecast (the model with the best
    backtest MAPE for the area, fct_forecast_backtest_summary) for every
    backtest day and for the day after the last measured one, beside the
    measured energy and an error band: the forecast plus or minus the
    90th percentile of the model's absolute percentage errors over the
    backtest (an in-sample band: it is computed on the days it is drawn on).
#}

with

forecasts as (

    select
        area_code,
        model_name,
        model_version,
        forecast_kind,
        horizon_days,
        forecast_mwh,
        origin_date,
        target_date
    from {{ ref('stg_forecasts__consumption_forecasts') }}

),

summary as (

    select
        area_code,
        model_name,
        horizon_days,
        mape_pct
    from {{ ref('fct_forecast_backtest_summary') }}
    where forecast_target = 'consumption' and is_published

),

backtest as (

    select
        area_code,
        model_name,
        horizon_days,
        absolute_percentage_error
    from {{ ref('fct_forecast_backtest_daily') }}
    where forecast_target = 'consumption'

),

actuals as (

    select
        region_code,
        measured_date,
        energy_mwh,
        is_complete_day
    from {{ ref('fct_consumption_daily') }}

),

bands as (

    select
        backtest.area_code,
        backtest.model_name,
        backtest.horizon_days,
        percentile_cont(0.9) within group (
            order by cast(backtest.absolute_percentage_error as double precision)
        ) as band_pct
    from backtest
    group by 1, 2, 3

),

published as (

    select
        forecasts.*,
        summary.mape_pct,
        bands.band_pct
    from forecasts
    inner join summary
        on
            forecasts.area_code = summary.area_code
            and forecasts.model_name = summary.model_name
            and forecasts.horizon_days = summary.horizon_days
    inner join bands
        on
            forecasts.area_code = bands.area_code
            and forecasts.model_name = bands.model_name
            and forecasts.horizon_days = bands.horizon_days

),

final as (

    select
        ----------  ids
        published.area_code,

        ----------  strings
        published.model_name,
        published.model_version,
        published.forecast_kind,

        ----------  numerics
        published.horizon_days,
        published.forecast_mwh,
        cast(cast(
            cast(published.forecast_mwh as double precision) * (1 - published.band_pct / 100)
            as numeric(38, 9)
        ) as numeric(20, 3)) as forecast_lower_mwh,
        cast(cast(
            cast(published.forecast_mwh as double precision) * (1 + published.band_pct / 100)
            as numeric(38, 9)
        ) as numeric(20, 3)) as forecast_upper_mwh,
        cast(actuals.energy_mwh as numeric(20, 3)) as actual_mwh,
        case
            when actuals.is_complete_day
                then cast(
                    published.forecast_mwh - cast(actuals.energy_mwh as numeric(20, 3))
                    as numeric(20, 3)
                )
        end as error_mwh,
        published.mape_pct as backtest_mape_pct,
        cast(cast(published.band_pct as numeric(38, 9)) as numeric(12, 6)) as band_pct,

        ----------  booleans
        coalesce(actuals.is_complete_day, false) as is_complete_actual,

        ----------  dates
        published.origin_date,
        published.target_date

    from published
    left join actuals
        on
            published.area_code = actuals.region_code
            and published.target_date = actuals.measured_date

)

select * from final
