{#
    The rolling-origin backtest as data: each model's forecast of each day
    of the held-out year, made from the day before (train up to D, forecast
    D + 1), beside the measured energy. Only complete days are scored: a
    day missing half hours is under-counted, so its "actual" is not one.

    Errors go through double precision and numeric(38, 9) before their
    final scale, so that both engines round the same value.
#}

with

forecasts as (

    select
        area_code,
        model_name,
        model_version,
        horizon_days,
        forecast_mwh,
        origin_date,
        target_date
    from {{ ref('stg_forecasts__consumption_forecasts') }}
    where forecast_kind = 'backtest'

),

actuals as (

    select
        region_code,
        measured_date,
        energy_mwh
    from {{ ref('fct_consumption_daily') }}
    where is_complete_day

),

joined as (

    select
        forecasts.area_code,
        forecasts.model_name,
        forecasts.model_version,
        forecasts.horizon_days,
        forecasts.origin_date,
        forecasts.target_date,
        forecasts.forecast_mwh,
        cast(actuals.energy_mwh as numeric(20, 3)) as actual_mwh
    from forecasts
    inner join actuals
        on
            forecasts.area_code = actuals.region_code
            and forecasts.target_date = actuals.measured_date

),

final as (

    select
        ----------  ids
        'consumption' as forecast_target,
        joined.area_code,

        ----------  strings
        joined.model_name,
        joined.model_version,
        'MWh' as value_unit,

        ----------  numerics
        joined.horizon_days,
        joined.actual_mwh as actual_value,
        joined.forecast_mwh as forecast_value,
        cast(joined.forecast_mwh - joined.actual_mwh as numeric(20, 3)) as error_value,
        cast(cast(
            100 * abs(
                cast(joined.forecast_mwh as double precision)
                - cast(joined.actual_mwh as double precision)
            )
            / cast(joined.actual_mwh as double precision)
            as numeric(38, 9)
        ) as numeric(12, 6)) as absolute_percentage_error,

        ----------  dates
        joined.origin_date,
        joined.target_date

    from joined

)

select * from final
