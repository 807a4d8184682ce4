"""pyproject.toml declares the same pins as requirements.txt, and its commands exist."""

from __future__ import annotations

import importlib
import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text())


def test_declared_dependencies_are_requirements_txt():
    project = _pyproject()["project"]
    declared = set(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        declared |= set(extra)
    pinned = {
        line.strip()
        for line in (REPO / "requirements.txt").read_text().splitlines()
        if re.match(r"^[A-Za-z0-9]", line)
    }
    assert declared == pinned, {
        "in requirements.txt only": sorted(pinned - declared),
        "in pyproject.toml only": sorted(declared - pinned),
    }


def test_console_scripts_point_at_callables():
    for name, target in _pyproject()["project"]["scripts"].items():
        module, _, function = target.partition(":")
        assert callable(getattr(importlib.import_module(module), function)), name
