"""Every relation dbt creates fits PostgreSQL's 63-character identifiers.

PostgreSQL truncates or refuses longer names; dbt then fails only on the
PostgreSQL half of the suite, long after DuckDB passed. No warehouse: the
names are read from the model files and the unit-test YAML.
"""

from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
LIMIT = 63


def test_model_names_fit_postgres():
    too_long = [path.stem for path in (REPO / "models").rglob("*.sql") if len(path.stem) > LIMIT]
    assert not too_long, f"model names over {LIMIT} characters: {too_long}"


def test_unit_test_names_fit_postgres():
    too_long = []
    for path in (REPO / "models").rglob("*.yml"):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for unit_test in document.get("unit_tests") or []:
            if len(unit_test["name"]) > LIMIT:
                too_long.append(unit_test["name"])
    assert not too_long, f"unit test names over {LIMIT} characters: {too_long}"
