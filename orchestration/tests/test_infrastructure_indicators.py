"""Infrastructure indicators, checked on the shipped sample.

1. i1 national equals the number of distinct valid charge points of the
   QualiCharge static extract (less its station abroad, flagged), counted
   here with pandas straight from the sample file (not from the
   warehouse), and t1 sums to i1.
2. The national status snapshot joins the static extract for the share of
   ids the data allows; the non-matching ids are counted, not dropped.

The warehouse is the one ``make test`` builds (WATTLAS_TEST_DUCKDB_PATH)
when set; otherwise the needed models are built here into a throwaway
DuckDB file with dbt.
"""

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
STATIC_SAMPLE = ROOT / "data/sample/qualicharge/statique/irve-statique.json.gz"
SNAPSHOT_SAMPLE = (
    ROOT
    / "data/sample/irve/consolidation_dynamique"
    / "consolidation-nationale-irve-dynamique_snapshot_2026-08-14.csv.gz"
)
# IRVE schema pattern of id_pdc_itinerance (same rule as the warehouse's
# has_valid_charge_point_id).
CHARGE_POINT_ID_PATTERN = r"^[A-Z]{2}[A-Z0-9]{4,33}$"
MODELS = ["+fct_indicators_infrastructure_long", "+fct_status_snapshot_coverage"]


def _build_warehouse(directory: Path) -> Path:
    path = directory / "infrastructure.duckdb"
    env = {
        **os.environ,
        "DBT_PROFILES_DIR": "profiles",
        "WATTLAS_DUCKDB_PATH": str(path),
        "WATTLAS_TARGET": "duckdb",
    }
    subprocess.run(
        [
            sys.executable,
            "-m",
            "orchestration.ingestion",
            "--duckdb-path",
            str(path),
            "load",
            "--sample",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    dbt = Path(sys.executable).with_name("dbt")
    result = subprocess.run(
        [
            str(dbt),
            "build",
            "--target",
            "duckdb",
            "--resource-type",
            "model",
            "--resource-type",
            "seed",
            "--select",
            *MODELS,
            "--target-path",
            str(directory / "target"),
            "--log-path",
            str(directory / "logs"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-4000:]
    return path


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    built = os.environ.get("WATTLAS_TEST_DUCKDB_PATH")
    path = Path(built) if built else _build_warehouse(tmp_path_factory.mktemp("infra"))
    connection = duckdb.connect(str(path), read_only=True)
    yield connection
    connection.close()


# The sample's Power Dot station in Belgium (Hermalle-sous-Argenteau): its
# points are flagged (coordinates outside French territory), in no indicator.
ABROAD_IDS = {f"FRPD1EINTHSAKPS20001{n}" for n in range(1, 5)}


def _static_ids() -> pd.Series:
    frame = pd.read_json(STATIC_SAMPLE, lines=True, dtype=str)
    ids = frame["id_pdc_itinerance"].dropna().str.strip()
    return ids[ids.str.match(CHARGE_POINT_ID_PATTERN) & ~ids.isin(ABROAD_IDS)]


def _scalar(connection, sql: str):
    return connection.execute(sql).fetchone()[0]


def test_i1_national_equals_distinct_valid_charge_points(warehouse):
    expected = _static_ids().nunique()
    i1 = _scalar(
        warehouse,
        "select value from marts.fct_indicators_infrastructure_long "
        "where indicator_code = 'i1' and level = 0 and target = '00'",
    )
    assert expected == 29109 - len(ABROAD_IDS)
    assert i1 == expected


def test_t1_sums_to_i1(warehouse):
    rows = warehouse.execute(
        "select level, target, "
        "sum(case when indicator_code = 't1' then value end), "
        "sum(case when indicator_code = 'i1' then value end) "
        "from marts.fct_indicators_infrastructure_long "
        "where indicator_code in ('i1', 't1') group by 1, 2 "
        "having sum(case when indicator_code = 'i1' then value end) > 0"
    ).fetchall()
    assert rows
    mismatches = [row for row in rows if row[2] != row[3]]
    assert mismatches == []


def test_regions_plus_unlocated_equal_national(warehouse):
    national, regions, unlocated = warehouse.execute(
        "select "
        "sum(case when level = 0 then value end), "
        "sum(case when level = 1 and target <> 'unlocated' then value end), "
        "sum(case when level = 1 and target = 'unlocated' then value end) "
        "from marts.fct_indicators_infrastructure_long where indicator_code = 'i1'"
    ).fetchone()
    # Former commune codes resolve through their successor, so none is left out.
    assert unlocated == 0
    assert regions + unlocated == national


def test_status_snapshot_matches_static_and_counts_unmatched(warehouse):
    snapshot = pd.read_csv(SNAPSHOT_SAMPLE, dtype=str, usecols=["id_pdc_itinerance"])
    snapshot_ids = set(snapshot["id_pdc_itinerance"].dropna().str.strip())
    static_ids = set(_static_ids())
    expected_matched = len(snapshot_ids & static_ids)

    row = warehouse.execute(
        "select snapshot_charge_point_count, matched_charge_point_count, "
        "unmatched_charge_point_count, matched_share_pct, static_coverage_pct "
        "from marts.fct_status_snapshot_coverage where feed = 'irve_snapshot'"
    ).fetchone()
    total, matched, unmatched, matched_share, static_coverage = row
    assert total == len(snapshot_ids)
    assert matched == expected_matched
    assert unmatched == total - matched > 0
    assert matched_share == pytest.approx(100 * matched / total, abs=1e-4)
    assert static_coverage == pytest.approx(100 * matched / len(static_ids), abs=1e-4)
    print(
        f"snapshot ids {total}: matched {matched} ({matched_share:.2f} %), "
        f"unmatched {unmatched}; static covered {static_coverage:.2f} %"
    )
