"""Shared page helpers: cached loading through the query layer, and graceful messages."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

import query_layer

CACHE_SECONDS = 300


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def _load(name: str, target_label: str, args: tuple):
    return getattr(query_layer, name)(*args)


def load(name: str, *args):
    """Call ``query_layer.<name>(*args)``, cached per target for a few minutes."""
    return _load(name, query_layer.current_target().label, args)


def warehouse_or_stop() -> set[str]:
    """The marts present, or an error message and the end of the page."""
    try:
        return load("existing_marts")
    except query_layer.WarehouseUnavailable as exc:
        st.error(f"Warehouse not available. {exc}")
        st.stop()


def mart_or_stop(candidates: tuple[str, ...], what: str) -> str:
    """The first built mart among the candidates, or a 'not built yet' note and stop."""
    present = warehouse_or_stop()
    for name in candidates:
        if name in present:
            return name
    st.info(
        f"**{what}: not built yet.** This page reads `marts.{candidates[0]}`, which is not "
        f"in the warehouse ({query_layer.current_target().label}). Build it with "
        "`make run` (or `dbt build --select +" + candidates[0] + "`) and reload."
    )
    st.stop()


def footer() -> None:
    st.caption(f"Source: {query_layer.current_target().label} · schema `marts`.")
