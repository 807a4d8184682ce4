"""Overview: headline figures and which marts the warehouse holds."""

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import query_layer
import ui

st.title("Wattlas: electricity consumption and EV charging")
st.write(
    "Open data on French electricity consumption and electric-vehicle charging "
    "infrastructure, modelled into marts by dbt. Pick a page on the left."
)
present = ui.warehouse_or_stop()

if "fct_infrastructure_by_department" in present:
    row = ui.load("infrastructure_national").iloc[0]
    col1, col2, col3 = st.columns(3)
    col1.metric("Charge points in the loaded extract", f"{row['charge_point_count']:,.0f}")
    col2.metric("Stations in the loaded extract", f"{row['station_count']:,.0f}")
    col3.metric("Installed power of the extract", f"{row['installed_power_kw'] / 1000:,.1f} MW")
    st.caption(
        f"Charging snapshot of {str(row['snapshot_date'])[:10]}: the static IRVE data "
        "loaded in the warehouse. After `make run` it is the shipped extract (a subset "
        "of France's charge points), not a national total."
    )
if "fct_consumption_half_hourly" in present:
    regions = ui.load("consumption_regions")
    col1, col2 = st.columns(2)
    col1.metric("Areas with half-hourly consumption", f"{len(regions)}")
    col2.metric(
        "Consumption data",
        f"{min(regions['first_date'])} → {max(regions['last_date'])}" if len(regions) else "none",
    )

st.subheader("Marts behind the pages")
pages = [
    ("Charge points per 100k inhabitants", ("fct_infrastructure_by_department",)),
    ("Consumption curves", ("fct_consumption_half_hourly",)),
    ("Thermosensitivity", ("fct_thermosensitivity", "fct_consumption_daily")),
    ("Availability & saturation", query_layer.UNIT_AVAILABILITY),
    ("Data quality", query_layer.QUALITY_RESULTS),
]
st.dataframe(
    [
        {
            "page": page,
            "mart": ", ".join(f"marts.{name}" for name in names),
            "status": "built" if any(name in present for name in names) else "not built yet",
        }
        for page, names in pages
    ],
    hide_index=True,
    width="stretch",
)
ui.footer()
