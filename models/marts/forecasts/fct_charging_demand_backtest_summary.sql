{{ config(meta={'domain': 'charging'}) }}

{#
    How good each charging demand model has been over the backtested days:
    the weighted absolute percentage error (WAPE = 100 x sum of the
    absolute errors / sum of the actual values), MAE, mean error and the
    skill against same-weekday persistence, per area, target, model and
    horizon. WAPE, not MAPE: a day's percentage error explodes on the small
    counts of a quiet area, the weighted one does not. The model with the
    lowest WAPE (ties: the name) is the published one (is_published).

    The sums are exact (numeric) and the ratios go through double precision
    and numeric(38, 9) before their final scale, so that both engines round
    the same value.
#}

with

backtest as (

    select * from {{ ref('fct_charging_demand_backtest_daily') }}

),

scored as (

    select
        backtest.area_level,
        backtest.area_code,
        backtest.forecast_target,
        backtest.model_name,
        backtest.horizon_days,
        max(backtest.model_version) as model_version,
        max(backtest.value_unit) as value_unit,
        count(*) as day_count,
        min(backtest.target_date) as first_target_date,
        max(backtest.target_date) as last_target_date,
        sum(backtest.absolute_error_value) as absolute_error_sum,
        sum(backtest.error_value) as error_sum,
        sum(backtest.actual_value) as actual_sum
    from backtest
    group by 1, 2, 3, 4, 5

),

measured as (

    select
        scored.*,
        100 * cast(scored.absolute_error_sum as double precision)
        / nullif(cast(scored.actual_sum as double precision), 0) as wape_pct
    from scored

),

baselines as (

    select
        measured.area_level,
        measured.area_code,
        measured.forecast_target,
        measured.horizon_days,
        measured.wape_pct as persistence_wape_pct
    from measured
    where measured.model_name = 'same_weekday_persistence'

),

ranked as (

    select
        measured.*,
        baselines.persistence_wape_pct,
        row_number() over (
            partition by
                measured.area_level,
                measured.area_code,
                measured.forecast_target,
                measured.horizon_days
            order by
                round(cast(measured.wape_pct as numeric(38, 9)), 6) nulls last,
                measured.model_name
        ) as model_rank
    from measured
    left join baselines
        on
            measured.area_level = baselines.area_level
            and measured.area_code = baselines.area_code
            and measured.forecast_target = baselines.forecast_target
            and measured.horizon_days = baselines.horizon_days

),

final as (

    select
        ----------  ids
        ranked.area_level,
        ranked.area_code,

        ----------  strings
        ranked.forecast_target,
        ranked.model_name,
        ranked.model_version,
        ranked.value_unit,

        ----------  numerics
        ranked.horizon_days,
        cast(ranked.day_count as integer) as day_count,
        cast(ranked.actual_sum as numeric(20, 3)) as actual_sum,
        cast(ranked.absolute_error_sum as numeric(20, 3)) as absolute_error_sum,
        cast(cast(ranked.wape_pct as numeric(38, 9)) as numeric(12, 6)) as wape_pct,
        cast(cast(
            cast(ranked.absolute_error_sum as double precision) / ranked.day_count
            as numeric(38, 9)
        ) as numeric(20, 3)) as mae_value,
        cast(cast(
            cast(ranked.error_sum as double precision) / ranked.day_count
            as numeric(38, 9)
        ) as numeric(20, 3)) as mean_error_value,
        cast(cast(ranked.persistence_wape_pct as numeric(38, 9)) as numeric(12, 6))
            as persistence_wape_pct,
        cast(cast(
            1 - ranked.wape_pct / nullif(ranked.persistence_wape_pct, 0)
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
