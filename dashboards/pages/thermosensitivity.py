"""Thermosensitivity by region: how much consumption rises per °C colder on heating days."""

import sys
from pathlib import Path

import plotly.express as px
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import ui

st.title("Thermosensitivity of electricity consumption by region")
ui.mart_or_stop(("fct_thermosensitivity",), "Thermosensitivity")
table = ui.load("thermosensitivity")
if table.empty:
    st.info("marts.fct_thermosensitivity is empty: the sample has no region with temperatures.")
    st.stop()

col_a, col_b = st.columns(2)
period_types = sorted(table["period_type"].unique())
period_type = col_a.selectbox(
    "Period type",
    period_types,
    index=period_types.index("calendar_year") if "calendar_year" in period_types else 0,
    key="period_type",
)
scopes = sorted(table["day_scope"].unique())
scope = col_b.selectbox(
    "Days",
    scopes,
    index=scopes.index("working_days") if "working_days" in scopes else 0,
    key="day_scope",
)
subset = table[(table["period_type"] == period_type) & (table["day_scope"] == scope)].copy()
subset["region"] = subset["region_name"] + " (" + subset["region_code"] + ")"
for column in ("first_date", "last_date"):
    subset[column] = subset[column].astype(str).str[:10]

best = subset.sort_values("r_squared", ascending=False).iloc[0]
col1, col2, col3 = st.columns(3)
col1.metric("Regions × periods", f"{len(subset)}")
col2.metric(
    f"Slope, {best['region_name']} {best['period_label']}",
    f"{best['slope_mw_per_c']:,.1f} MW/°C",
)
col3.metric("R²", f"{best['r_squared']:.3f}")

figure = px.bar(
    subset,
    x="region",
    y="slope_mw_per_c",
    color="period_label",
    barmode="group",
    hover_data=["slope_mwh_per_day_per_c", "r_squared", "day_count", "first_date", "last_date"],
    labels={"slope_mw_per_c": "Slope (MW per °C)", "region": "Region", "period_label": "Period"},
    height=380,
)
st.plotly_chart(figure, width="stretch", key="slopes")

st.subheader("Daily energy against mean temperature")
regions = dict(zip(subset["region_code"], subset["region"], strict=False))
region = st.selectbox("Region", list(regions), format_func=regions.get, key="scatter_region")
daily = ui.load("consumption_daily", region)
daily = daily[daily["is_complete_day"].fillna(False).astype(bool)].dropna(
    subset=["mean_temperature_c", "energy_mwh"]
)
daily["day"] = daily["is_heating_day"].map({True: "heating day", False: "other day"})
scatter = px.scatter(
    daily,
    x="mean_temperature_c",
    y="energy_mwh",
    color="day",
    hover_data=["measured_date"],
    labels={"mean_temperature_c": "Daily mean temperature (°C)", "energy_mwh": "Energy (MWh/day)"},
    height=420,
)
fit = subset[subset["region_code"] == region].iloc[0]
heating = daily[daily["mean_temperature_c"] < 15]["mean_temperature_c"]
if len(heating):
    xs = [heating.min(), heating.max()]
    scatter.add_scatter(
        x=xs,
        y=[fit["intercept_mwh_per_day"] + fit["slope_mwh_per_day_per_c"] * x for x in xs],
        mode="lines",
        name=f"fit {fit['period_label']} ({fit['slope_mwh_per_day_per_c']:,.0f} MWh/day per °C)",
    )
st.plotly_chart(scatter, width="stretch", key="scatter")
st.dataframe(
    subset[
        [
            "region",
            "period_label",
            "day_count",
            "mean_temperature_c",
            "slope_mwh_per_day_per_c",
            "slope_mw_per_c",
            "r_squared",
            "first_date",
            "last_date",
        ]
    ],
    hide_index=True,
    width="stretch",
)
st.caption(
    "Ordinary least squares on heating days (daily mean below 15 °C), complete days only. "
    "Source: marts.fct_thermosensitivity and marts.fct_consumption_daily."
)
ui.footer()
