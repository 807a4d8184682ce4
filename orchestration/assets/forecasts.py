"""The next-day forecasts: Python assets between the dbt models they read
(``int_consumption_days_enriched_for_forecasts`` and
``int_charging_days_enriched_for_forecasts``, built by ``dbt_models``) and
the dbt models reading what they write (the ``forecast_output`` models,
``dbt_forecast_models``). Any job that rebuilds the consumption models or
the usage indicators (``daily_job``) therefore refreshes the forecasts and
their marts after them.
"""

import dagster as dg

from orchestration import settings
from orchestration.forecasts import charging
from orchestration.forecasts.backtest import RAW_TABLE
from orchestration.forecasts.backtest import run as run_forecasts
from orchestration.resources import WAREHOUSE_POOL, WarehouseResource

FORECAST_INPUT = dg.AssetKey(["intermediate", "int_consumption_days_enriched_for_forecasts"])


@dg.asset(
    key=["raw", RAW_TABLE],
    deps=[FORECAST_INPUT],
    group_name="consumption",
    description=(
        "Next-day daily consumption forecasts of every model of the ladder: the rolling-origin "
        f"backtest and tomorrow's forecast (orchestration.forecasts), written to raw.{RAW_TABLE}."
    ),
    kinds={"python", settings.target()},
    owners=["team:wattlas"],
    pool=WAREHOUSE_POOL,
)
def consumption_forecasts(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    connection = warehouse.connect()
    try:
        lines = run_forecasts(connection, verbose=False)
    finally:
        connection.close()
    for line in lines:
        context.log.info(
            f"{line['area_code']} h{line['horizon_days']} {line['model_name']}: "
            f"MAPE {line['mape_pct']:.3f} % over {line['days']} days"
        )
    return dg.MaterializeResult(
        metadata={
            f"mape_pct/{line['area_code']}/{line['model_name']}": round(line["mape_pct"], 6)
            for line in lines
        }
    )


CHARGING_INPUT = dg.AssetKey(["intermediate", "int_charging_days_enriched_for_forecasts"])


@dg.asset(
    key=["raw", charging.RAW_TABLE],
    deps=[CHARGING_INPUT],
    group_name="charging",
    description=(
        "Next-day charging demand forecasts (sessions and energy per area) of every model of "
        "the charging ladder: the rolling-origin backtest and the next day "
        f"(orchestration.forecasts.charging), written to raw.{charging.RAW_TABLE}."
    ),
    kinds={"python", settings.target()},
    owners=["team:wattlas"],
    pool=WAREHOUSE_POOL,
)
def charging_demand_forecasts(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    connection = warehouse.connect()
    try:
        lines = charging.run(connection, verbose=False)
    finally:
        connection.close()
    published = {}
    for line in lines:
        key = (line["area_level"], line["area_code"], line["forecast_target"])
        if key not in published or line["wape_pct"] < published[key]["wape_pct"]:
            published[key] = line
    context.log.info(f"{len(published)} area and target series backtested")
    return dg.MaterializeResult(
        metadata={
            f"wape_pct/{line['area_level']}/{line['area_code']}/{line['forecast_target']}": round(
                line["wape_pct"], 6
            )
            for line in published.values()
        }
    )


forecast_assets = [consumption_forecasts, charging_demand_forecasts]
