"""Availability and saturation trends by operational unit (usage marts).

Every rate on this page is a ratio of summed hours over its scope (never a mean of
unit-day rates), and days without data are gaps in the lines, not joined.
"""

import sys
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import query_layer
import ui

FRAGILE_STATIONS = 10  # a day resting on fewer stations than this is flagged as fragile

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

overall = query_layer.weighted_rates(daily)
selected = query_layer.weighted_rates(shown)


def percent(value: float) -> str:
    return "n/a" if value != value else f"{value:.1%}"  # NaN: no opening hours in scope


col1, col2, col3, col4 = st.columns(4)
col1.metric("Operational units", f"{daily['operational_unit_code'].nunique()}")
col2.metric("Days with data", f"{daily['date_day'].nunique()}")
col3.metric(
    "Availability, all units",
    percent(overall["availability_rate"]),
    help="Σ(free + occupied hours) / Σ opening hours over every unit and day of the warehouse.",
)
col4.metric(
    "Saturation, all units",
    percent(overall["saturation_rate"]),
    help="Σ saturated station hours / Σ station hours over every unit and day.",
)
col1, col2, col3, col4 = st.columns(4)
col1.metric("Units selected", f"{len(units) if units else len(ranked)}")
col2.metric("Availability, selected units", percent(selected["availability_rate"]))
col3.metric("Utilisation, selected units", percent(selected["utilisation_rate"]))
col4.metric("Saturation, selected units", percent(selected["saturation_rate"]))

st.warning(
    "Weighted rates: each is Σ hours in the numerator state / Σ hours in scope, so a "
    "unit weighs by its opening hours. **A day resting on few stations is fragile**: "
    f"days with fewer than {FRAGILE_STATIONS} stations are marked, and one station's "
    "outage moves them a lot. Days without data are gaps in the lines."
)


def rate_line(frame, measure: str, name: str, hover_head: str) -> go.Scatter:
    """A daily rate line broken at gaps, with the stations and points behind each day."""
    return go.Scatter(
        x=frame["date_day"],
        y=frame[measure],
        name=name,
        mode="lines+markers",
        connectgaps=False,
        customdata=frame[["station_count", "point_count"]],
        hovertemplate=f"{hover_head}<br>%{{customdata[0]:.0f}} stations, "
        "%{customdata[1]:.0f} points<extra></extra>",
    )


measure_labels = {
    "availability_rate": "Availability rate",
    "utilisation_rate": "Utilisation rate",
    "saturation_rate": "Saturation rate",
}

# --- all selected units together: the weighted rate, with what stands behind each day
scope = query_layer.weighted_daily(shown)
st.subheader("Selected units together, per day")
figure = make_subplots(specs=[[{"secondary_y": True}]])
figure.add_trace(
    go.Bar(
        x=scope["date_day"],
        y=scope["station_count"],
        name="Stations with opening time",
        marker_color="rgba(150,150,150,0.35)",
        customdata=scope[["point_count"]],
        hovertemplate="%{x|%Y-%m-%d}: %{y:.0f} stations, %{customdata[0]:.0f} points"
        "<extra></extra>",
    ),
    secondary_y=True,
)
for measure, label in measure_labels.items():
    figure.add_trace(rate_line(scope, measure, label, f"{label} %{{y:.1%}}"), secondary_y=False)
fragile = scope[(scope["station_count"] < FRAGILE_STATIONS) & scope["availability_rate"].notna()]
if len(fragile):
    figure.add_trace(
        go.Scatter(
            x=fragile["date_day"],
            y=fragile["availability_rate"],
            name=f"Fragile day (< {FRAGILE_STATIONS} stations)",
            mode="markers",
            marker={"symbol": "x", "size": 10, "color": "#d62728"},
            hoverinfo="skip",
        ),
        secondary_y=False,
    )
figure.update_yaxes(tickformat=".0%", title_text="Rate", secondary_y=False)
figure.update_yaxes(title_text="Stations with opening time", secondary_y=True, showgrid=False)
figure.update_layout(height=380, hovermode="x unified", legend={"orientation": "h"})
st.plotly_chart(figure, width="stretch", key="trend_scope")

# --- one line per unit (each unit-day rate is itself Σ hours / Σ hours in the mart)
per_unit = query_layer.weighted_daily(shown, by="unit")
for measure, label in measure_labels.items():
    st.subheader(f"{label} per operational unit")
    figure = go.Figure()
    for unit, series in per_unit.groupby("unit", sort=False):
        figure.add_trace(
            rate_line(series, measure, unit, f"{unit}<br>%{{x|%Y-%m-%d}}: {label} %{{y:.1%}}")
        )
    figure.update_yaxes(tickformat=".0%", title_text=label)
    figure.update_xaxes(title_text="Local day")
    figure.update_layout(height=320, legend_title_text="Operational unit")
    st.plotly_chart(figure, width="stretch", key=f"trend_{measure}")

st.subheader("What stands behind each day (selected units)")
behind = scope[scope["station_count"] > 0].copy()
behind["fragile"] = behind["station_count"] < FRAGILE_STATIONS
behind["date_day"] = behind["date_day"].dt.date
st.dataframe(
    behind[["date_day", "station_count", "point_count", *measure_labels, "fragile"]].round(4),
    hide_index=True,
    width="stretch",
)

st.caption(
    f"Source: marts.{table} (hour columns); stations and points behind a day: those of "
    f"marts.{query_layer.STATION_AVAILABILITY[0]} with opening time that day. "
    "Availability = Σ(free + occupied hours) / Σ opening hours; "
    "utilisation = Σ occupied / Σ(free + occupied); saturation = Σ hours "
    "of stations with fewer than 10 % of points free / Σ station hours."
)
ui.footer()
