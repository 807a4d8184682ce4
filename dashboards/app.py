"""Wattlas dashboard: the marts of the warehouse, one page per question.

Run it with `make dashboard` (127.0.0.1 only). Reads DuckDB by default, PostgreSQL
when WATTLAS_DASHBOARD_TARGET=postgres (see query_layer.py).
"""

from pathlib import Path

import streamlit as st

HERE = Path(__file__).resolve().parent
PAGES = [
    st.Page(str(HERE / "pages" / "overview.py"), title="Overview", default=True),
    st.Page(
        str(HERE / "pages" / "charge_points.py"),
        title="Charge points per 100k inhabitants",
        url_path="charge_points",
    ),
    st.Page(
        str(HERE / "pages" / "consumption.py"),
        title="Consumption curves",
        url_path="consumption",
    ),
    st.Page(
        str(HERE / "pages" / "thermosensitivity.py"),
        title="Thermosensitivity",
        url_path="thermosensitivity",
    ),
    st.Page(
        str(HERE / "pages" / "forecasts.py"),
        title="Consumption forecast",
        url_path="forecasts",
    ),
    st.Page(
        str(HERE / "pages" / "availability.py"),
        title="Availability & saturation",
        url_path="availability",
    ),
    st.Page(
        str(HERE / "pages" / "quality.py"),
        title="Data quality",
        url_path="quality",
    ),
]

st.set_page_config(page_title="Wattlas", layout="wide")
st.navigation(PAGES).run()
