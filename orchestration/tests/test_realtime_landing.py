"""A real-time éCO2mix export dropped into the landing
folder reaches the consumption marts with no code change.

The CSV written here is CONSTRUCTED TEST INPUT, NOT REAL DATA: it has the
shape of an ODRE ``eco2mix-regional-tr`` export (semicolon separated,
quarter-hour rows, the consolidated/definitive columns plus columns only the
real-time export has, among them per-neighbour "Flux physiques ..." exchange
columns), for Île-de-France (region 11, absent from the shipped half-hourly
sample), with made-up values chosen so the expected energy is easy to compute
by hand.

The test loads the needed shipped sample datasets and the landed file into a
temporary DuckDB warehouse with the ingestion CLI, runs
``dbt build --select +fct_consumption_daily`` (unit tests excluded, as in
production) and reads the marts. About 30-40 s.
"""

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from orchestration.ingestion.registry import REPO_ROOT

DBT = Path(sys.executable).parent / "dbt"

pytestmark = pytest.mark.skipif(not DBT.exists(), reason="dbt is not installed in this venv")

# Shipped sample datasets that +fct_consumption_daily reads (éCO2mix
# definitive, national half-hourly, temperatures, the calendar sources).
SAMPLE_DATASETS = (
    "odre/eco2mix_regional_cons_def",
    "odre/consommation_quotidienne_brute",
    "odre/temperature_quotidienne_regionale",
    "etalab/jours_feries_metropole",
    "etalab/jours_feries_alsace_moselle",
    "education/calendrier_scolaire",
    "education/vacances_scolaires_par_jour",
)

HEADER = (
    "Code INSEE région;Région;Nature;Date;Heure;Date - Heure;Consommation (MW);"
    "Thermique (MW);Nucléaire (MW);Eolien (MW);Solaire (MW);Hydraulique (MW);"
    "Pompage (MW);Bioénergies (MW);Ech. physiques (MW);Stockage batterie;"
    "Déstockage batterie;Eolien terrestre;Eolien offshore;"
    "Flux physiques d'Auvergne-Rhône-Alpes vers Île-de-France;"
    "Flux physiques de Île-de-France vers Auvergne-Rhône-Alpes;"
    "Flux physiques de Normandie vers Île-de-France"
)

# Constructed day: 2024-01-15 (Monday, 24 h), local midnight = 2024-01-14
# 23:00 UTC. Quarter hour i (0..95) consumes 9000 + i MW.
DAY = dt.date(2024, 1, 15)
QUARTER_HOURS = 96
BASE_MW = 9000


def constructed_realtime_csv() -> str:
    """The constructed eco2mix-regional-tr export (test input, not real data)."""
    lines = [HEADER]
    start = dt.datetime.combine(DAY, dt.time(0, 0))
    for index in range(QUARTER_HOURS):
        local = start + dt.timedelta(minutes=15 * index)
        consumption = BASE_MW + index
        lines.append(
            ";".join(
                [
                    "11",
                    "Île-de-France",
                    "Données temps réel",
                    local.strftime("%Y-%m-%d"),
                    local.strftime("%H:%M"),
                    local.strftime("%Y-%m-%dT%H:%M:%S") + "+01:00",
                    str(consumption),
                    "400",  # thermique
                    "0",  # nucléaire
                    "20",  # éolien
                    "0",  # solaire
                    "5",  # hydraulique
                    "0",  # pompage
                    "60",  # bioénergies
                    str(consumption - 485),  # échanges physiques
                    "0",
                    "0",
                    "20",
                    "0",
                    "3000",  # flux ARA -> IDF
                    "-100",  # flux IDF -> ARA
                    "2500",  # flux Normandie -> IDF
                ]
            )
        )
    return "\n".join(lines) + "\n"


def _cli(database: Path, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "orchestration.ingestion", "--duckdb-path", str(database), *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def built_warehouse(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("realtime_landing")
    database = root / "warehouse.duckdb"
    landing = root / "landing"
    landed = landing / "odre" / "eco2mix_regional_tr" / "eco2mix-regional-tr_test.csv"
    landed.parent.mkdir(parents=True)
    landed.write_text(constructed_realtime_csv(), encoding="utf-8")

    for dataset in SAMPLE_DATASETS:
        _cli(database, "load", "--sample", dataset)
    _cli(database, "--landing-root", str(landing), "load", "odre/eco2mix_regional_tr")

    environment = {
        **os.environ,
        "DBT_PROFILES_DIR": str(REPO_ROOT / "profiles"),
        "WATTLAS_TARGET": "duckdb",
        "WATTLAS_DUCKDB_PATH": str(database),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    result = subprocess.run(
        [
            str(DBT),
            "build",
            "--select",
            "+fct_consumption_daily",
            "--exclude-resource-type",
            "unit_test",
            "--threads",
            "4",
            "--target-path",
            str(root / "target"),
            "--log-path",
            str(root / "logs"),
        ],
        cwd=REPO_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    yield database
    shutil.rmtree(root, ignore_errors=True)


def _query(database: Path, sql: str) -> list[tuple]:
    import duckdb

    connection = duckdb.connect(str(database), read_only=True)
    try:
        return connection.sql(sql).fetchall()
    finally:
        connection.close()


def test_quarter_hours_become_complete_half_hours(built_warehouse):
    rows = _query(
        built_warehouse,
        "select count(*), min(source_row_count), max(source_row_count), "
        "bool_and(is_complete), bool_and(is_real_time), min(measured_at), max(measured_at), "
        "min(source_dataset), max(source_dataset) "
        "from marts.fct_consumption_half_hourly where region_code = '11'",
    )
    assert rows == [
        (
            48,
            2,
            2,
            True,
            True,
            dt.datetime(2024, 1, 14, 23, 0),
            dt.datetime(2024, 1, 15, 22, 30),
            "eco2mix_regional_tr",
            "eco2mix_regional_tr",
        )
    ]
    # first half hour: quarters of 9000 and 9001 MW -> mean 9000.5 MW,
    # energy (9000 + 9001) x 0.25 h = 4500.25 MWh
    first = _query(
        built_warehouse,
        "select consumption_mw, energy_mwh, measured_date from marts.fct_consumption_half_hourly "
        "where region_code = '11' and measured_at = timestamp '2024-01-14 23:00:00'",
    )
    assert [(float(mw), float(mwh), day) for mw, mwh, day in first] == [(9000.5, 4500.25, DAY)]


def test_daily_energy_is_hand_computed(built_warehouse):
    rows = _query(
        built_warehouse,
        "select measured_date, energy_mwh, measured_half_hour_count, expected_half_hour_count, "
        "is_complete_day, max_consumption_mw, peak_at, day_type, mean_temperature_c is not null "
        "from marts.fct_consumption_daily where region_code = '11'",
    )
    # sum over i = 0..95 of (9000 + i) MW x 0.25 h = 0.25 x (96 x 9000 + 4560) = 217 140 MWh
    expected_mwh = 0.25 * sum(BASE_MW + index for index in range(QUARTER_HOURS))
    assert expected_mwh == 217140
    assert len(rows) == 1
    day, energy, measured, expected, complete, peak_mw, peak_at, day_type, has_temperature = rows[0]
    assert (day, float(energy), measured, expected, complete) == (DAY, 217140.0, 48, 48, True)
    # last half hour (23:30 local): quarters 9094 and 9095 MW
    assert (float(peak_mw), peak_at) == (9094.5, dt.datetime(2024, 1, 15, 22, 30))
    assert day_type == "working_day"
    assert has_temperature  # region 11 has a temperature that day in the sample


def test_shipped_regions_are_unchanged(built_warehouse):
    rows = _query(
        built_warehouse,
        "select region_code, count(*) from marts.fct_consumption_daily group by 1 order by 1",
    )
    assert rows == [("11", 1), ("32", 366), ("FR", 731)]
