"""Availability and saturation trends by operational unit (usage marts)."""

import sys
from pathlib import Path

import plotly.express as px
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import query_layer
import ui

st.title("Availability and saturation by operational unit")
table = ui.mart_or_stop(query_layer.UNIT_AVAILABILITY, "Availability by operational unit")
daily = ui.load("unit_availability_daily", table)
if daily.empty:
    st.info(f"marts.{table} is empty: the sample has no status or session data yet.")
    st.stop()

daily["unit"] = daily["operational_unit_code"] + daily["operational_unit_name"].map(
    lambda name: f" · {name}" if isinstance(name, str) and name else ""
)
ranked = daily.groupby("unit")["point_count"].max().sort_values(ascending=False).index.tolist()
units = st.multiselect("Operational units", ranked, default=ranked[:5], key="units")
shown = daily[daily["unit"].isin(units)] if units else daily

col1, col2, col3, col4 = st.columns(4)
col1.metric("Operational units", f"{daily['operational_unit_code'].nunique()}")
col2.metric("Days", f"{daily['date_day'].nunique()}")
col3.metric("Mean availability", f"{shown['availability_rate'].mean():.1%}")
col4.metric("Mean saturation", f"{shown['saturation_rate'].mean():.1%}")

measure_labels = {
    "availability_rate": "Availability rate",
    "saturation_rate": "Saturation rate",
    "utilisation_rate": "Utilisation rate",
}
for measure, label in measure_labels.items():
    st.subheader(label)
    figure = px.line(
        shown,
        x="date_day",
        y=measure,
        color="unit",
        markers=True,
        labels={"date_day": "Local day", measure: label, "unit": "Operational unit"},
        height=320,
    )
    figure.update_yaxes(tickformat=".0%")
    st.plotly_chart(figure, width="stretch", key=f"trend_{measure}")

st.caption(
    f"Source: marts.{table}. Availability = (free + occupied) / opening time; "
    "saturation = share of station time with fewer than 10 % of points free."
)
ui.footer()
