{{ config(meta={'domain': 'charging'}) }}

{#
    The rolling-origin backtest of the next-day charging demand forecasts
    as data: each model's forecast of each backtested day, made from the
    day before, beside the sessions or energy of that day. Only days the
    session feeds covered whole are scored (a day they missed or cut is
    not a day of low demand).
#}

with

forecasts as (

    select
        area_level,
        area_code,
        forecast_target,
        model_name,
        model_version,
        horizon_days,
        forecast_value,
        origin_date,
        target_date
    from {{ ref('stg_forecasts__charging_demand_forecasts') }}
    where forecast_kind = 'backtest'

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

joined as (

    select
        forecasts.*,
        cast(
            case forecasts.forecast_target
                when 'sessions' then actuals.session_count
                else actuals.energy_kwh
            end
            as numeric(20, 3)
        ) as actual_value
    from forecasts
    inner join actuals
        on
            forecasts.area_level = actuals.area_level
            and forecasts.area_code = actuals.area_code
            and forecasts.target_date = actuals.date_day

),

final as (

    select
        ----------  ids
        joined.area_level,
        joined.area_code,

        ----------  strings
        joined.forecast_target,
        joined.model_name,
        joined.model_version,
        case joined.forecast_target when 'sessions' then 'sessions' else 'kWh' end
            as value_unit,

        ----------  numerics
        joined.horizon_days,
        joined.actual_value,
        joined.forecast_value,
        cast(joined.forecast_value - joined.actual_value as numeric(20, 3)) as error_value,
        cast(abs(joined.forecast_value - joined.actual_value) as numeric(20, 3))
            as absolute_error_value,

        ----------  dates
        joined.origin_date,
        joined.target_date

    from joined

)

select * from final
