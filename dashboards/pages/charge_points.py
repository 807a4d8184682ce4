"""Charge points per 100,000 inhabitants by department (indicator i2), as a choropleth."""

import gzip
import json
import sys
from pathlib import Path

import plotly.express as px
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import query_layer
import ui

CONTOURS = Path(__file__).resolve().parent.parent / "assets" / "departments.geojson.gz"


@st.cache_resource
def department_contours(overseas: bool) -> dict:
    """The metropolitan (2-character codes) or overseas (3-digit codes) contours."""
    with gzip.open(CONTOURS, "rt", encoding="utf-8") as handle:
        collection = json.load(handle)
    size = 3 if overseas else 2
    features = [f for f in collection["features"] if len(f["properties"]["code"]) == size]
    return {"type": "FeatureCollection", "features": features}


@st.cache_resource(show_spinner=False)
def choropleth(target_label: str, overseas: bool):
    """The map, built once per target and territory (plotly validates the GeoJSON: slow)."""
    departments = ui.load("infrastructure_by_department")
    shown = departments[departments["department_code"].str.len() == (3 if overseas else 2)]
    figure = px.choropleth_map(
        shown,
        geojson=department_contours(overseas),
        locations="department_code",
        featureidkey="properties.code",
        color="charge_points_per_100k_inhabitants",
        color_continuous_scale="Viridis",
        hover_name="department_name",
        hover_data={
            "department_code": True,
            "charge_point_count": ":,.0f",
            "population": ":,.0f",
            "charge_points_per_100k_inhabitants": ":.1f",
        },
        labels={"charge_points_per_100k_inhabitants": "per 100k inh."},
        map_style="white-bg",
        center={"lat": 4.0, "lon": -20.0} if overseas else {"lat": 46.6, "lon": 2.4},
        zoom=1.3 if overseas else 4.7,
        opacity=0.85,
        height=640,
    )
    figure.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 0})
    return figure


st.title("Charge points per 100,000 inhabitants, by department")
ui.mart_or_stop(("fct_infrastructure_by_department",), "Infrastructure by department")
departments = ui.load("infrastructure_by_department")
national = ui.load("infrastructure_national").iloc[0]

with_points = departments[departments["charge_point_count"] > 0]
population = departments["population"].sum()
st.info(
    "**Figures of the static data loaded, not national totals.** `make run` loads the "
    "shipped extract of the consolidated IRVE file (a subset of France's charge "
    "points), so the counts and rates below describe that extract; a department "
    "with few or no points may simply be outside it. Fetch the full file "
    "(`python -m orchestration.ingestion fetch ...`) for national figures."
)
col1, col2, col3 = st.columns(3)
col1.metric(
    "Charge points in the loaded extract",
    f"{national['charge_point_count']:,.0f}",
    help="Every charge point of the static data in the warehouse, unlocated ones included.",
)
col2.metric(
    "Per 100k inhabitants, extract ÷ population",
    f"{national['charge_point_count'] / population * 100_000:,.1f}" if population else "n/a",
    help="The extract's charge points over the population of every department.",
)
col3.metric(
    "Departments with charge points in the extract", f"{len(with_points)} / {len(departments)}"
)

territory = st.radio(
    "Territory", ["Metropolitan France", "Overseas departments"], horizontal=True, key="zone"
)
overseas = territory == "Overseas departments"
figure = choropleth(query_layer.current_target().label, overseas)
st.plotly_chart(figure, width="stretch", key="choropleth")

st.subheader("Top departments")
st.dataframe(
    departments.sort_values("charge_points_per_100k_inhabitants", ascending=False)
    .head(15)[
        [
            "department_code",
            "department_name",
            "charge_point_count",
            "population",
            "charge_points_per_100k_inhabitants",
        ]
    ]
    .round({"charge_points_per_100k_inhabitants": 1}),
    hide_index=True,
    width="stretch",
)
st.caption(
    f"Snapshot of {str(national['snapshot_date'])[:10]}; "
    f"{national['unlocated_charge_point_count']:,.0f} charge points have a commune code that "
    "does not resolve (not on the map). Indicator i2 of marts.fct_infrastructure_by_department. "
    "Contours: Etalab, contours administratifs (Licence Ouverte 2.0), via MTES-MCT/qualicharge."
)
ui.footer()
