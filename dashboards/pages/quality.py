"""Data quality: each operator's (operational unit's) rule results, warn and fail first."""

import sys
from pathlib import Path

import plotly.express as px
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import query_layer
import ui

st.title("Data quality: rule breaches (warn, fail) per operator")
table = ui.mart_or_stop(query_layer.QUALITY_RESULTS, "Quality results")
breached = ui.load("quality_failing_rules", table)
units = ui.load("quality_evaluated_units", table)
catalogue = ui.load("quality_rule_catalogue")

failing_units = breached.loc[breached["worst_status"] == "fail", "operational_unit_code"]
col1, col2, col3, col4 = st.columns(4)
col1.metric("Operational units evaluated", f"{len(units)}")
col2.metric("Units with a warn or fail", f"{breached['operational_unit_code'].nunique()}")
col3.metric("Units with a fail", f"{failing_units.nunique()}")
col4.metric("(Unit, rule) pairs with a warn or fail", f"{len(breached)}")

st.subheader("Results per operator, by status")
counts = units.rename(
    columns={"passed": "pass", "warned": "warn", "failed": "fail", "without_data": "no_data"}
)
st.dataframe(
    counts.sort_values(["fail", "warn"], ascending=False)[
        ["operational_unit_code", "day_count", "pass", "warn", "fail", "no_data"]
    ],
    hide_index=True,
    width="stretch",
)
st.caption(
    "One result per rule, operational unit and day: pass, warn or fail against the rule's "
    "thresholds, no_data when nothing could be checked."
)
if breached.empty:
    st.success("No rule is breached (warn or fail) in the evaluated period.")
    st.stop()

failing = breached
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
order = per_unit.groupby("operator")["rules"].sum().sort_values(ascending=False).index.tolist()
statuses = [status for status in ("fail", "warn") if status in set(per_unit["worst_status"])]
title = "Rules breached per operator, by worst status (" + " / ".join(statuses) + ")"
figure = px.bar(
    per_unit,
    x="rules",
    y="operator",
    color="worst_status",
    orientation="h",
    title=title,
    category_orders={"operator": order, "worst_status": ["fail", "warn"]},
    color_discrete_map={"fail": "#d62728", "warn": "#ff7f0e"},
    labels={
        "rules": "Rules with a warn or fail day",
        "operator": "Operational unit",
        "worst_status": "Worst status",
    },
    height=max(300, 28 * per_unit["operator"].nunique() + 120),
)
st.plotly_chart(figure, width="stretch", key="failing_per_unit")

st.subheader("Breached rules by operator")
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
