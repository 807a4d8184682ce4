"""The next-day consumption forecasts: a Python asset between the dbt models
it reads (``int_consumption_days_enriched_for_forecasts``, built by
``dbt_models``) and the dbt models reading what it writes (the
``forecast_output`` models, ``dbt_forecast_models``). Any job that rebuilds
the consumption models (``daily_job``: the ODRE files are part of its
selection) therefore refreshes the forecasts and their marts after them.
"""

import dagster as dg

from orchestration import settings
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


forecast_assets = [consumption_forecasts]
