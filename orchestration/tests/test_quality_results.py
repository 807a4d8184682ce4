"""Acceptance of issue 6 (data-quality rules) on the shipped sample.

1. fct_quality_results reports the known defects the QualiCharge README
   lists, with its counts: NULL raccordement (RACN) 18,675 rows, Direct
   rows without PDL (DPDL) 49, stations with fewer charge points than
   nbre_pdc (PDCL) 93, one station above 50 charge points (PDCM), 2,518
   rows with arrondissement codes (ARRO).
2. The grid is full: every rule x operational unit x evaluation day.
3. The sample's defects are warnings, never critical (the build passes),
   while a critical breach fails `dbt build`: the same quality test turns
   into an error when RACN gets a critical level of 0 (on a copy).

The warehouse is the one ``make test`` builds (WATTLAS_TEST_DUCKDB_PATH)
when set; otherwise the quality models are built here into a throwaway
DuckDB file with dbt.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[2]
KNOWN_DEFECTS = {"RACN": 18_675, "DPDL": 49, "PDCL": 93, "PDCM": 1, "ARRO": 2_518}


def _env(path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DBT_PROFILES_DIR": "profiles",
        "WATTLAS_DUCKDB_PATH": str(path),
        "WATTLAS_TARGET": "duckdb",
    }


def _dbt(directory: Path, path: Path, *args: str) -> subprocess.CompletedProcess:
    dbt = Path(sys.executable).with_name("dbt")
    return subprocess.run(
        [
            str(dbt),
            *args,
            "--target",
            "duckdb",
            "--target-path",
            str(directory / "target"),
            "--log-path",
            str(directory / "logs"),
        ],
        cwd=ROOT,
        env=_env(path),
        capture_output=True,
        text=True,
        timeout=1800,
    )


def _build_warehouse(directory: Path) -> Path:
    path = directory / "quality.duckdb"
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
        env=_env(path),
        check=True,
        capture_output=True,
    )
    result = _dbt(
        directory,
        path,
        "build",
        "--select",
        "+path:models/marts/quality",
        "--exclude",
        "test_type:data",
    )
    assert result.returncode == 0, result.stdout[-4000:]
    return path


@pytest.fixture(scope="module")
def warehouse_path(tmp_path_factory) -> Path:
    built = os.environ.get("WATTLAS_TEST_DUCKDB_PATH")
    if built:
        return Path(built)
    return _build_warehouse(tmp_path_factory.mktemp("quality"))


@pytest.fixture(scope="module")
def connection(warehouse_path):
    connection = duckdb.connect(str(warehouse_path), read_only=True)
    yield connection
    connection.close()


def test_known_defects_have_the_readme_counts(connection):
    rows = connection.execute(
        """
        select rule_code, sum(offending_rows), min(status), max(status)
        from marts.fct_quality_results
        where day = (select max(day) from marts.fct_quality_results)
            and rule_code in ('RACN', 'DPDL', 'PDCL', 'PDCM', 'ARRO')
            and offending_rows > 0
        group by rule_code
        """
    ).fetchall()
    found = {code: int(total) for code, total, _, _ in rows}
    assert found == KNOWN_DEFECTS


def test_known_defects_are_warnings_on_every_day(connection):
    statuses = dict(
        connection.execute(
            """
            select rule_code, string_agg(distinct status, ',' order by status)
            from marts.fct_quality_results
            where rule_code in ('RACN', 'DPDL', 'PDCL', 'ARRO') and offending_rows > 0
            group by rule_code
            """
        ).fetchall()
    )
    assert statuses == {code: "warn" for code in ("RACN", "DPDL", "PDCL", "ARRO")}
    # One station above 50 points out of 926 in FRPD1: 0.1% < the 1% threshold.
    pdcm = connection.execute(
        """
        select distinct operational_unit_code, offending_rows, checked_rows, status
        from marts.fct_quality_results where rule_code = 'PDCM' and offending_rows > 0
        """
    ).fetchall()
    assert len(pdcm) == 1
    assert pdcm[0][1] == 1
    assert pdcm[0][3] == "pass"


def test_full_grid_and_no_critical_breach_on_the_sample(connection):
    rules, units, days, rows, fails = connection.execute(
        """
        select
            (select count(*) from marts.dim_quality_rules),
            (select count(distinct operational_unit_code) from staging.stg_irve__charge_points),
            (select count(*) from intermediate.int_quality__days),
            (select count(*) from marts.fct_quality_results),
            (select count(*) from marts.fct_quality_results where status = 'fail')
        """
    ).fetchone()
    assert (units, rows) == (20, rules * units * days)
    assert rules >= 40
    assert fails == 0
    passes = connection.execute(
        "select count(*) from marts.fct_quality_results where status = 'pass'"
    ).fetchone()[0]
    assert passes > 0


def test_indicator_rows_are_the_breaches(connection):
    breached, indicators = connection.execute(
        """
        select
            (select count(*) from marts.fct_quality_results where is_breached and value > 0),
            (select count(*) from marts.fct_indicators_quality_long
             where indicator_code = 'qua' and level = 5 and period = 'd')
        """
    ).fetchone()
    assert breached == indicators > 0


def test_critical_breach_fails_the_build(warehouse_path, tmp_path):
    # Same file name: DuckDB views name their catalog after the file stem.
    (tmp_path / "copy").mkdir()
    copy = tmp_path / "copy" / warehouse_path.name
    shutil.copyfile(warehouse_path, copy)
    override = "{quality_alert_level_overrides: {RACN: {error_above: 0}}}"
    selection = ["--select", "int_quality__rules", "int_quality__rule_results", "quality_rule_racn"]
    result = _dbt(tmp_path, copy, "build", *selection, "--vars", override)
    assert result.returncode == 1, result.stdout[-4000:]
    assert "ERROR 2 quality_rule_racn" in result.stdout or "FAIL 2 quality_rule_racn" in (
        result.stdout
    )
    # Without the override the same test only warns.
    result = _dbt(tmp_path, copy, "build", *selection)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "WARN 1 quality_rule_racn" in result.stdout
