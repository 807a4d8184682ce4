"""Every ``WATTLAS_*`` environment variable the code reads is in the analyst guide's table.

Scans the code (Python, shell, SQL, YAML, the Makefile), not the docs, for
``WATTLAS_<NAME>`` and compares with the variables named in the first column of
the table under "Environment variables" in docs/analyst_guide.md.
"""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "docs" / "analyst_guide.md"
CODE_ROOTS = ("orchestration", "dashboards", "scripts", "superset", "macros", "models", "profiles")
CODE_FILES = ("Makefile", "dbt_project.yml", ".ci/run")
CODE_SUFFIXES = {".py", ".sh", ".sql", ".yml", ".yaml", ".toml", ".cfg"}
VARIABLE = re.compile(r"\bWATTLAS_[A-Z0-9_]*[A-Z0-9]\b")


def _code_files() -> list[Path]:
    files = [REPO / name for name in CODE_FILES if (REPO / name).is_file()]
    for root in CODE_ROOTS:
        for path in (REPO / root).rglob("*"):
            if path.is_file() and (path.suffix in CODE_SUFFIXES or path.name == "check.sh"):
                files.append(path)
    return files


def _variables_read() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in _code_files():
        for name in VARIABLE.findall(path.read_text(encoding="utf-8", errors="replace")):
            found.setdefault(name, str(path.relative_to(REPO)))
    return found


def _documented() -> set[str]:
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index("## Environment variables") :]
    section = section[: section.find("\n## ", 1) if "\n## " in section[1:] else len(section)]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in VARIABLE.findall(row.split("|")[1])}


def test_the_scan_finds_the_known_variables():
    found = _variables_read()
    assert {"WATTLAS_DUCKDB_PATH", "WATTLAS_OFFLINE", "WATTLAS_DUCKDB1_PYTHON"} <= set(found)


def test_every_variable_read_is_documented():
    documented = _documented()
    missing = {name: where for name, where in _variables_read().items() if name not in documented}
    assert not missing, (
        "WATTLAS_* variables read by the code but not in the table of "
        f"docs/analyst_guide.md (variable: first file reading it): {missing}"
    )
