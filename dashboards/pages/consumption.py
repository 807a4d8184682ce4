"""Electricity consumption curves by region: half-hourly power and daily energy."""

import datetime as dt
import sys
from pathlib import Path

import plotly.express as px
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import ui

st.title("Electricity consumption curves by region")
ui.mart_or_stop(("fct_consumption_half_hourly",), "Half-hourly consumption")
regions = ui.load("consumption_regions")
if regions.empty:
    st.info("marts.fct_consumption_half_hourly is empty: load the consumption sources.")
    st.stop()

labels = {row.region_code: f"{row.region_name} ({row.region_code})" for row in regions.itertuples()}
regional_codes = set(regions.loc[regions["is_national"] == 0, "region_code"])
regional = [code for code in labels if code in regional_codes]
default = regional[:1] or list(labels)[:1]
selected = st.multiselect(
    "Regions", options=list(labels), default=default, format_func=labels.get, key="regions"
)
if not selected:
    st.warning("Select at least one region.")
    st.stop()

span = regions[regions["region_code"].isin(selected)]
first = min(span["first_date"])
last = max(span["last_date"])
default_start = max(first, last - dt.timedelta(days=13))
period = st.date_input(
    "Local dates", value=(default_start, last), min_value=first, max_value=last, key="period"
)
start, end = period if isinstance(period, tuple) and len(period) == 2 else (default_start, last)

curves = ui.load("consumption_half_hourly", tuple(selected), start, end)
curves["region"] = curves["region_code"].map(labels)
col1, col2, col3 = st.columns(3)
col1.metric("Half-hours shown", f"{len(curves):,}")
col2.metric("Peak (MW)", f"{curves['consumption_mw'].max():,.0f}" if len(curves) else "n/a")
col3.metric("Mean (MW)", f"{curves['consumption_mw'].mean():,.0f}" if len(curves) else "n/a")

figure = px.line(
    curves,
    x="local_time",
    y="consumption_mw",
    color="region",
    labels={"local_time": "Local time (Europe/Paris)", "consumption_mw": "Consumption (MW)"},
    height=460,
)
figure.update_layout(legend={"orientation": "h", "y": -0.2})
st.plotly_chart(figure, width="stretch", key="half_hourly")

st.subheader("Daily energy")
daily = ui.load("consumption_daily_energy", tuple(selected), start, end)
daily["region"] = daily["region_code"].map(labels)
st.caption("Energy of each local day (DST days are 23 or 25 hours long).")
bars = px.bar(
    daily,
    x="measured_date",
    y="energy_mwh",
    color="region",
    barmode="group",
    labels={"measured_date": "Local date", "energy_mwh": "Energy (MWh)"},
    height=320,
)
st.plotly_chart(bars, width="stretch", key="daily")
st.caption(
    "Source: marts.fct_consumption_half_hourly and marts.fct_consumption_daily "
    "(RTE éCO2mix via ODRE, Licence Ouverte 2.0). Only the areas and dates loaded in the "
    "warehouse are offered: after `make run`, those of the shipped sample, not every region."
)
ui.footer()
