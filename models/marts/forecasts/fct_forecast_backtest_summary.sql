{#
    How good each model has been: MAPE, MAE and the skill against
    same-weekday persistence over the backtest days, per forecast target,
    area, model and horizon. The model with the lowest MAPE (ties: the
    name) is the published one (is_published), read by the forecast marts.
#}

with

backtest as (

    select * from {{ ref('fct_forecast_backtest_daily') }}

),

scored as (

    select
        backtest.forecast_target,
        backtest.area_code,
        backtest.model_name,
        backtest.horizon_days,
        max(backtest.model_version) as model_version,
        max(backtest.value_unit) as value_unit,
        count(*) as day_count,
        min(backtest.target_date) as first_target_date,
        max(backtest.target_date) as last_target_date,
        avg(cast(backtest.absolute_percentage_error as double precision)) as mape_pct,
        avg(abs(cast(backtest.error_value as double precision))) as mae_value,
        avg(cast(backtest.error_value as double precision)) as mean_error_value
    from backtest
    group by 1, 2, 3, 4

),

baselines as (

    select
        scored.forecast_target,
        scored.area_code,
        scored.horizon_days,
        scored.mape_pct as persistence_mape_pct
    from scored
    where scored.model_name = 'same_weekday_persistence'

),

ranked as (

    select
        scored.*,
        baselines.persistence_mape_pct,
        row_number() over (
            partition by scored.forecast_target, scored.area_code, scored.horizon_days
            order by round(cast(scored.mape_pct as numeric(38, 9)), 6), scored.model_name
        ) as model_rank
    from scored
    left join baselines
        on
            scored.forecast_target = baselines.forecast_target
            and scored.area_code = baselines.area_code
            and scored.horizon_days = baselines.horizon_days

),

final as (

    select
        ----------  ids
        ranked.forecast_target,
        ranked.area_code,

        ----------  strings
        ranked.model_name,
        ranked.model_version,
        ranked.value_unit,

        ----------  numerics
        ranked.horizon_days,
        cast(ranked.day_count as integer) as day_count,
        cast(cast(ranked.mape_pct as numeric(38, 9)) as numeric(12, 6)) as mape_pct,
        cast(cast(ranked.mae_value as numeric(38, 9)) as numeric(20, 3)) as mae_value,
        cast(cast(ranked.mean_error_value as numeric(38, 9)) as numeric(20, 3))
            as mean_error_value,
        cast(cast(ranked.persistence_mape_pct as numeric(38, 9)) as numeric(12, 6))
            as persistence_mape_pct,
        cast(cast(
            1 - ranked.mape_pct / nullif(ranked.persistence_mape_pct, 0)
            as numeric(38, 9)
        ) as numeric(12, 6)) as skill_vs_persistence,
        cast(ranked.model_rank as integer) as model_rank,

        ----------  booleans
        ranked.model_rank = 1 as is_published,

        ----------  dates
        ranked.first_target_date,
        ranked.last_target_date

    from ranked

)

select * from final
