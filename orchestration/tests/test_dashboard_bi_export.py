"""The marts export for DuckDB 1.x BI clients (dashboards/export_bi.py).

duckdb 2.x writes storage version number 999, which 1.x drivers refuse; the export
writes the marts in the v1.4 format (number 67) and as Parquet. When
``WATTLAS_DUCKDB1_PYTHON`` names a Python with duckdb 1.x installed, the export is
also opened by that real 1.x client.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "dashboards"))
import export_bi  # noqa: E402


@pytest.fixture
def small_warehouse(tmp_path) -> Path:
    path = tmp_path / "warehouse.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute("create schema raw")
    con.execute(
        "create table marts.fct_example as select range as id, range * 1.5 as value from range(100)"
    )
    # as dbt writes a view: its relations named with the file's catalog
    con.execute("create view marts.v_example as select * from warehouse.marts.fct_example")
    con.execute("create table raw.secret as select 1 as id")
    con.close()
    return path


def test_export_is_readable_by_duckdb_1x(small_warehouse, tmp_path):
    assert export_bi.storage_version_number(small_warehouse) > 67  # written by duckdb 2.x
    output = tmp_path / "bi" / "marts_v1.duckdb"
    tables = export_bi.export_marts(small_warehouse, output, tmp_path / "parquet")
    assert tables == ["fct_example", "v_example"]  # a view is exported as a table
    assert 64 <= export_bi.storage_version_number(output) <= 67
    con = duckdb.connect(str(output), read_only=True)
    try:
        for table in tables:
            assert con.execute(f"select count(*), sum(value) from marts.{table}").fetchone() == (
                100,
                7425.0,
            )
        schemas = {r[0] for r in con.execute("select schema_name from duckdb_schemas()").fetchall()}
        assert "raw" not in schemas
    finally:
        con.close()
    parquet = tmp_path / "parquet" / "fct_example.parquet"
    assert duckdb.sql(f"select count(*) from '{parquet}'").fetchall() == [(100,)]

    client = os.environ.get("WATTLAS_DUCKDB1_PYTHON")
    if client:
        script = (
            "import duckdb, sys; assert duckdb.__version__.startswith('1.'), duckdb.__version__;"
            f"c = duckdb.connect(r'{output}', read_only=True);"
            "print(c.execute('select count(*) from marts.fct_example').fetchone()[0])"
        )
        result = subprocess.run([client, "-c", script], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "100"
