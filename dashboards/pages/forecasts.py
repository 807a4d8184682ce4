"""Next-day consumption and charging demand forecasts against what happened, with their
error bands and backtests."""

import sys
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import ui

st.title("Next-day consumption forecast")
ui.mart_or_stop(("fct_consumption_forecast_daily",), "Consumption forecast")
summary = ui.load("forecast_backtest_summary")
summary = summary[summary["forecast_target"] == "consumption"]
if summary.empty:
    st.info(
        "marts.fct_consumption_forecast_daily is empty: the forecast step has not run "
        "(`python -m orchestration.forecasts`, then `dbt build --select tag:forecast_output`)."
    )
    st.stop()

areas = sorted(summary["area_code"].unique())
area = st.selectbox("Area", areas, index=areas.index("FR") if "FR" in areas else 0, key="area")
forecast = ui.load("consumption_forecast", area)
scores = summary[(summary["area_code"] == area) & (summary["horizon_days"] == 1)]
published = scores[scores["is_published"].astype(bool)].iloc[0]
persistence = scores[scores["model_name"] == "same_weekday_persistence"]
next_day = forecast[forecast["forecast_kind"] == "next_day"]

col1, col2, col3 = st.columns(3)
if len(next_day):
    row = next_day.iloc[0]
    col1.metric(f"Forecast for {str(row['target_date'])[:10]}", f"{row['forecast_mwh']:,.0f} MWh")
col2.metric(f"Backtest MAPE, {published['model_name']}", f"{published['mape_pct']:.2f} %")
if len(persistence):
    col3.metric("Same-weekday persistence MAPE", f"{persistence.iloc[0]['mape_pct']:.2f} %")

dates = forecast["target_date"].astype(str).str[:10]
figure = go.Figure()
figure.add_scatter(
    x=list(dates) + list(dates[::-1]),
    y=list(forecast["forecast_upper_mwh"]) + list(forecast["forecast_lower_mwh"][::-1]),
    fill="toself",
    line={"width": 0},
    fillcolor="rgba(99, 110, 250, 0.2)",
    name=f"error band (± {forecast['band_pct'].iloc[0]:.1f} %)",
    hoverinfo="skip",
)
figure.add_scatter(x=dates, y=forecast["forecast_mwh"], mode="lines", name="forecast (D+1)")
figure.add_scatter(x=dates, y=forecast["actual_mwh"], mode="lines", name="actual")
figure.update_layout(height=420, yaxis_title="Energy (MWh/day)", xaxis_title="Day")
st.plotly_chart(figure, width="stretch", key="forecast")

st.subheader("Backtest: every model on the same days")
table = scores[
    ["model_name", "day_count", "mape_pct", "mae_value", "mean_error_value",
     "skill_vs_persistence", "model_rank", "is_published"]
].copy()  # fmt: skip
table["skill_vs_persistence"] = 100 * table["skill_vs_persistence"]
st.dataframe(
    table.rename(
        columns={
            "mape_pct": "MAPE %",
            "mae_value": "MAE (MWh)",
            "mean_error_value": "mean error (MWh)",
            "skill_vs_persistence": "skill vs persistence %",
        }
    ),
    hide_index=True,
    width="stretch",
)
st.caption(
    "Rolling origin: each day of the held-out year forecast from the day before, each model "
    "refitted on the days up to it. The fitted models read the observed temperature of the "
    "day they forecast in place of a weather forecast, so real day-ahead errors would be "
    "larger. The band is the 90th percentile of the published model's absolute percentage "
    "errors over the same days. Source: marts.fct_consumption_forecast_daily and "
    "marts.fct_forecast_backtest_summary."
)

st.header("Next-day charging demand")
charging = (
    ui.load("charging_demand_backtest_summary")
    if "fct_charging_demand_forecast_daily" in ui.load("existing_marts")
    else None
)
if charging is None or charging.empty:
    st.info(
        "marts.fct_charging_demand_forecast_daily is empty or not built: the forecast step "
        "has not run (`python -m orchestration.forecasts`, then "
        "`dbt build --select tag:forecast_output`)."
    )
else:
    LEVELS = {"national": "National", "region": "Region", "operational_unit": "Operational unit"}
    TARGETS = {"sessions": "Sessions", "energy": "Energy (kWh)"}
    col1, col2, col3 = st.columns(3)
    levels = [level for level in LEVELS if level in set(charging["area_level"])]
    level = col1.selectbox("Level", levels, format_func=LEVELS.get, key="charging_level")
    codes = sorted(charging.loc[charging["area_level"] == level, "area_code"].unique())
    code = col2.selectbox("Area", codes, key="charging_area")
    demand = col3.selectbox("Target", list(TARGETS), format_func=TARGETS.get,
                            key="charging_target")  # fmt: skip
    charging_scores = charging[
        (charging["area_level"] == level)
        & (charging["area_code"] == code)
        & (charging["forecast_target"] == demand)
        & (charging["horizon_days"] == 1)
    ]
    charging_forecast = ui.load("charging_demand_forecast", level, code, demand)
    if charging_scores.empty or charging_forecast.empty:
        st.info("No charging demand forecast for this area and target.")
    else:
        unit = charging_scores.iloc[0]["value_unit"]
        best = charging_scores[charging_scores["is_published"].astype(bool)].iloc[0]
        baseline = charging_scores[charging_scores["model_name"] == "same_weekday_persistence"]
        tomorrow = charging_forecast[charging_forecast["forecast_kind"] == "next_day"]
        col1, col2, col3 = st.columns(3)
        if len(tomorrow):
            row = tomorrow.iloc[0]
            col1.metric(
                f"Charging forecast for {str(row['target_date'])[:10]}",
                f"{row['forecast_value']:,.0f} {unit}",
            )
        col2.metric(f"Backtest WAPE, {best['model_name']}", f"{best['wape_pct']:.2f} %")
        if len(baseline):
            col3.metric("Same-weekday persistence WAPE", f"{baseline.iloc[0]['wape_pct']:.2f} %")
        days = charging_forecast["target_date"].astype(str).str[:10]
        chart = go.Figure()
        chart.add_scatter(
            x=list(days) + list(days[::-1]),
            y=list(charging_forecast["forecast_upper_value"])
            + list(charging_forecast["forecast_lower_value"][::-1]),
            fill="toself",
            line={"width": 0},
            fillcolor="rgba(99, 110, 250, 0.2)",
            name=f"error band (± {charging_forecast['band_value'].iloc[0]:,.0f} {unit})",
            hoverinfo="skip",
        )
        chart.add_scatter(x=days, y=charging_forecast["forecast_value"], mode="lines+markers",
                          name="forecast (D+1)")  # fmt: skip
        chart.add_scatter(x=days, y=charging_forecast["actual_value"], mode="lines+markers",
                          name="actual")  # fmt: skip
        chart.update_layout(height=380, yaxis_title=f"{TARGETS[demand]} per day", xaxis_title="Day")
        st.plotly_chart(chart, width="stretch", key="charging_forecast")
        charging_table = charging_scores[
            ["model_name", "day_count", "wape_pct", "mae_value", "mean_error_value",
             "skill_vs_persistence", "model_rank", "is_published"]
        ].copy()  # fmt: skip
        charging_table["skill_vs_persistence"] = 100 * charging_table["skill_vs_persistence"]
        st.dataframe(
            charging_table.rename(
                columns={
                    "wape_pct": "WAPE %",
                    "mae_value": f"MAE ({unit})",
                    "mean_error_value": f"mean error ({unit})",
                    "skill_vs_persistence": "skill vs persistence %",
                }
            ),
            hide_index=True,
            width="stretch",
        )
    st.caption(
        "Rolling origin over the days the session feeds covered whole (a missed or cut day is "
        "never read as low demand), after 21 such days; each model refitted on the days up to "
        "the one it forecasts. WAPE = sum of absolute errors / sum of actual values: a daily "
        "percentage error explodes on small counts. The sample holds a few weeks of sessions "
        "around Christmas: see docs/forecasts.md for the limits. The band is the 90th "
        "percentile of the published model's absolute errors. Source: "
        "marts.fct_charging_demand_forecast_daily and marts.fct_charging_demand_backtest_summary."
    )
ui.footer()
