"""Data quality: each operator's (operational unit's) failing rules."""

import sys
from pathlib import Path

import plotly.express as px
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import query_layer
import ui

st.title("Data quality: failing rules per operator")
table = ui.mart_or_stop(query_layer.QUALITY_RESULTS, "Quality results")
failing = ui.load("quality_failing_rules", table)
units = ui.load("quality_evaluated_units", table)
catalogue = ui.load("quality_rule_catalogue")

col1, col2, col3 = st.columns(3)
col1.metric("Operational units evaluated", f"{len(units)}")
col2.metric("Units with a failing rule", f"{failing['operational_unit_code'].nunique()}")
col3.metric("Failing (unit, rule) pairs", f"{len(failing)}")
if failing.empty:
    st.success("No rule is breached (warn or fail) in the evaluated period.")
    st.stop()

if not catalogue.empty:
    failing = failing.merge(catalogue, on="rule_code", how="left")
failing["operator"] = failing["operational_unit_code"] + failing["operational_unit_name"].map(
    lambda name: f" · {name}" if isinstance(name, str) and name else ""
)
per_unit = (
    failing.groupby(["operator", "worst_status"], as_index=False)
    .size()
    .rename(columns={"size": "rules"})
)
figure = px.bar(
    per_unit,
    x="rules",
    y="operator",
    color="worst_status",
    orientation="h",
    color_discrete_map={"fail": "#d62728", "warn": "#ff7f0e"},
    labels={"rules": "Failing rules", "operator": "Operational unit", "worst_status": "Worst"},
    height=max(300, 28 * per_unit["operator"].nunique() + 120),
)
st.plotly_chart(figure, width="stretch", key="failing_per_unit")

st.subheader("Failing rules by operator")
operators = sorted(failing["operator"].unique())
chosen = st.selectbox("Operator", ["All operators", *operators], key="operator")
shown = failing if chosen == "All operators" else failing[failing["operator"] == chosen]
columns = [
    "operator",
    "rule_code",
    "family",
    "worst_status",
    "breached_day_count",
    "failed_day_count",
    "first_breach_day",
    "last_breach_day",
    "last_value",
    "description",
]
st.dataframe(shown[[c for c in columns if c in shown]], hide_index=True, width="stretch")
st.caption(
    f"Source: marts.{table} (status warn or fail), marts.dim_quality_rules, "
    "marts.dim_operational_units."
)
ui.footer()
