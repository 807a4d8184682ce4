"""History of the static charge-point data, built end to end.

Files are loaded with the ingestion CLI into a throwaway DuckDB file and the
history models are built with dbt, as in production:

1. Three deliveries of a small static file (records of the shipped extract,
   modified by the test: a point re-powered, a point moved to another
   operator, a point added, a point removed) loaded OUT OF ORDER, then the
   oldest re-loaded: the type-2 history has exactly the expected rows, i1
   and t1 have the expected values on each date, and re-loading an old file
   changes nothing.
2. The shipped extract (data/sample/qualicharge/statique, its
   delivery date is its latest date_maj, 2025-07-21) and a copy with some
   points changed, landed under a tmp landing root with a later date in its
   name: history, migration report and daily i1 series on each date.
"""

import contextlib
import gzip
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[2]
STATIC_SAMPLE = ROOT / "data/sample/qualicharge/statique/irve-statique.json.gz"
CHARGE_POINT_ID = "id_pdc_itinerance"
SAMPLE_DELIVERY = date(2025, 7, 21)  # latest date_maj of the shipped extract
HISTORY_MODELS = ["models/intermediate/history", "models/marts/history"]
# Samples the selected models need besides the static data (COG, INSEE,
# calendar): the history tests load only these, not the heavy session and
# status feeds.
REFERENCE_DATASETS = (
    "cog/communes", "cog/departments", "cog/epcis", "cog/regions",
    "education/calendrier_scolaire", "education/vacances_scolaires_par_jour",
    "etalab/jours_feries_alsace_moselle", "etalab/jours_feries_metropole",
    "insee/comparateur_communes", "insee/populations_legales_regions",
)  # fmt: skip


def _sample_records() -> list[dict]:
    with gzip.open(STATIC_SAMPLE, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _write_delivery(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _power_label(power: float) -> str:
    """Same bins as macros/charging/power_category.sql."""
    bins = [
        (7.4, "[0.0, 7.4)"), (22.0, "[7.4, 22.0]"), (50.0, "(22.0, 50.0)"),
        (150.0, "[50.0, 150.0)"), (350.0, "[150.0, 350.0)"),
    ]  # fmt: skip
    for bound, label in bins:
        if power < bound or (bound == 22.0 and power == 22.0):
            return label
    return "[350.0, ∞)"


class Warehouse:
    """A tmp DuckDB file, loaded with the ingestion CLI and built with dbt."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.path = directory / "history.duckdb"
        self.env = {
            **os.environ,
            "DBT_PROFILES_DIR": "profiles",
            "WATTLAS_DUCKDB_PATH": str(self.path),
            "WATTLAS_TARGET": "duckdb",
        }

    def ingest(self, *args: str) -> None:
        command = [sys.executable, "-m", "orchestration.ingestion", "--duckdb-path",
                   str(self.path), *args]  # fmt: skip
        result = subprocess.run(command, cwd=ROOT, env=self.env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr[-4000:]

    def load_reference_samples(self) -> None:
        """The reference samples, loaded in-process (quicker than one CLI
        process each); every raw table is created, empty when not loaded."""
        from orchestration.ingestion.cli import main

        for key in REFERENCE_DATASETS:
            with contextlib.redirect_stdout(io.StringIO()):
                code = main(["--duckdb-path", str(self.path), "load", key, "--sample"])
            assert code == 0, key

    def dbt(self, command: str, *args: str) -> None:
        dbt = Path(sys.executable).with_name("dbt")
        result = subprocess.run(
            [str(dbt), command, "--target", "duckdb",
             "--target-path", str(self.directory / "target"),
             "--log-path", str(self.directory / "logs"), *args],
            cwd=ROOT, env=self.env, capture_output=True, text=True,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout[-4000:]

    def build(self, *selectors: str) -> None:
        self.dbt("build", "--resource-type", "model", "--resource-type", "seed",
                 "--select", *selectors)  # fmt: skip

    def rows(self, sql: str, *params) -> list[tuple]:
        connection = duckdb.connect(str(self.path), read_only=True)
        try:
            return connection.execute(sql, list(params)).fetchall()
        finally:
            connection.close()

    def history(self) -> list[tuple]:
        return self.rows(
            "select charge_point_id, version_number, power_kw, operator_name, "
            "valid_from, valid_to, change_type, end_reason "
            "from marts.dim_charge_points_history order by 1, 2"
        )

    def series(self, code: str, level: int = 0, target: str = "00") -> dict[date, float]:
        return dict(self.rows(
            "select period_start, value from marts.fct_indicators_history_long "
            "where indicator_code = ? and level = ? and target = ?", code, level, target,
        ))  # fmt: skip


# --- 1. three small deliveries, out of order ---------------------------------

D1, D2, D3 = date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    directory = tmp_path_factory.mktemp("history_small")
    records = [r for r in _sample_records() if r["id_station_itinerance"]]
    base = {}
    for record in records:  # five points of five different stations
        base.setdefault(record["id_station_itinerance"], record)
        if len(base) == 5:
            break
    p1, p2, p3, p4, p5 = (dict(record) for record in base.values())
    p2_new = {**p2, "puissance_nominale": "22.0" if p2["puissance_nominale"] != "22.0" else "7.0"}
    p3_new = {**p3, "nom_operateur": "Opérateur repreneur (test)"}
    deliveries = {
        D1: [p1, p2, p3, p4],
        D2: [p1, p2_new, p3, p4, p5],  # p2 re-powered, p5 added
        D3: [p1, p2_new, p3_new, p5],  # p3 moved to another operator, p4 removed
    }
    landing = directory / "files"
    files = {
        day: _write_delivery(landing / f"statique_{day.isoformat()}.json.gz", rows)
        for day, rows in deliveries.items()
    }
    warehouse = Warehouse(directory)
    warehouse.load_reference_samples()  # no static sample: only the files below
    # Out of order: the latest first, then the oldest, then the middle one.
    for day in (D3, D1, D2):
        warehouse.ingest("load", "qualicharge/statique", str(files[day]))
    warehouse.build(
        "+dim_charge_points_history", "+fct_indicators_history_long",
        "+fct_charge_point_operator_migrations", "+fct_indicators_infrastructure_as_of",
    )  # fmt: skip
    return warehouse, files, deliveries, (p1, p2, p3, p4, p5, p2_new, p3_new)


def test_small_history_rows(small):
    warehouse, _, _, points = small
    p1, p2, p3, p4, p5, p2_new, p3_new = points
    power = lambda record: float(record["puissance_nominale"])  # noqa: E731
    ids = lambda record: record[CHARGE_POINT_ID]  # noqa: E731
    expected = sorted([
        (ids(p1), 1, power(p1), p1["nom_operateur"], D1, None, "added", None),
        (ids(p2), 1, power(p2), p2["nom_operateur"], D1, D2, "added", "changed"),
        (ids(p2), 2, power(p2_new), p2["nom_operateur"], D2, None, "changed", None),
        (ids(p3), 1, power(p3), p3["nom_operateur"], D1, D3, "added", "changed"),
        (ids(p3), 2, power(p3), p3_new["nom_operateur"], D3, None, "changed", None),
        (ids(p4), 1, power(p4), p4["nom_operateur"], D1, D3, "added", "removed"),
        (ids(p5), 1, power(p5), p5["nom_operateur"], D2, None, "added", None),
    ])  # fmt: skip
    assert warehouse.history() == expected


def test_small_deliveries_ordered_by_delivery_date(small):
    warehouse, _, _, _ = small
    rows = warehouse.rows(
        "select delivery_date, delivery_seq, delivery_date_basis "
        "from intermediate.int_static_deliveries_ordered order by delivery_seq"
    )
    # Loaded D3, D1, D2 (the fixture's order; loaded_at has one-second
    # resolution, so it cannot tell those loads apart): sequenced by delivery
    # date all the same.
    assert rows == [(D1, 1, "file_name"), (D2, 2, "file_name"), (D3, 3, "file_name")]


def test_small_daily_i1_and_t1_per_date(small):
    warehouse, _, deliveries, _ = small
    i1 = warehouse.series("i1")
    assert min(i1) == D1 and max(i1) == D3
    assert len(i1) == (D3 - D1).days + 1  # one row per day
    assert i1[D1] == 4 and i1[date(2025, 1, 31)] == 4
    assert i1[D2] == 5 and i1[date(2025, 2, 28)] == 5
    assert i1[D3] == 4
    # i1 and t1 of every delivery date, from the as-of model (one run, all days).
    days = [day.isoformat() for day in deliveries]
    warehouse.dbt("run", "--select", "fct_indicators_infrastructure_as_of",
                  "--vars", json.dumps({"history_as_of_date": days}))  # fmt: skip
    for day, rows in deliveries.items():
        expected = {}
        for record in rows:
            label = _power_label(float(record["puissance_nominale"]))
            expected[label] = expected.get(label, 0) + 1
        t1 = dict(warehouse.rows(
            "select category, value from marts.fct_indicators_infrastructure_as_of "
            "where indicator_code = 't1' and level = 0 and period_start = ?", day,
        ))  # fmt: skip
        assert t1 == expected, day
        i1_as_of = warehouse.rows(
            "select value from marts.fct_indicators_infrastructure_as_of "
            "where indicator_code = 'i1' and level = 0 and period_start = ?", day,
        )  # fmt: skip
        assert i1_as_of == [(len(rows),)], day


def test_small_series_runs_to_the_end_date_with_the_last_delivery(small):
    warehouse, _, _, _ = small
    end = date(2025, 3, 10)
    warehouse.dbt("run", "--select", "fct_indicators_history_long",
                  "--vars", json.dumps({"history_series_end_date": end.isoformat()}))  # fmt: skip
    try:
        i1 = warehouse.series("i1")
        assert max(i1) == end and len(i1) == (end - D1).days + 1
        assert i1[end] == i1[D3] == 4  # the last delivery stays in force
    finally:  # back to the default end (the last delivery: no dynamic data here)
        warehouse.dbt("run", "--select", "fct_indicators_history_long")
    assert max(warehouse.series("i1")) == D3


def test_small_migration_report(small):
    warehouse, _, _, points = small
    p3, p3_new = points[2], points[6]
    rows = warehouse.rows(
        "select charge_point_id, changed_on, old_operator_name, new_operator_name, "
        "is_operator_changed from marts.fct_charge_point_operator_migrations"
    )
    assert rows == [(p3[CHARGE_POINT_ID], D3, p3["nom_operateur"], p3_new["nom_operateur"], True)]


def test_small_reloading_an_old_file_changes_nothing(small):
    warehouse, files, _, _ = small
    before = warehouse.history()
    # Forced: an unchanged file is otherwise skipped, and this re-reads it.
    warehouse.ingest("load", "--force", "qualicharge/statique", str(files[D1]))
    warehouse.dbt("run", "--select", *HISTORY_MODELS, "--exclude",
                  "fct_charging_sessions_attributed")  # fmt: skip
    assert warehouse.history() == before


# --- 2. the shipped extract and a changed later copy --------------------------

LATER = date(2025, 9, 1)
# The sample's Power Dot station in Belgium (Hermalle-sous-Argenteau), 4
# points flagged (coordinates outside French territory): counted in no
# delivery, no history version, no indicator.
ABROAD = 4


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    directory = tmp_path_factory.mktemp("history_real")
    records = _sample_records()
    by_id = {record[CHARGE_POINT_ID]: record for record in records}
    ids = sorted(by_id)
    removed = ids[:3]
    repowered = ids[100:102]
    migrated = ids[200:202]
    copy = []
    for record in records:
        point = record[CHARGE_POINT_ID]
        if point in removed:
            continue
        if point in repowered:
            power = float(record["puissance_nominale"]) + 100
            record = {**record, "puissance_nominale": str(power)}
        if point in migrated:
            record = {**record, "nom_operateur": "Opérateur repreneur (test)"}
        copy.append(record)
    landing = directory / "landing"
    _write_delivery(landing / "qualicharge/statique" / f"statique_{LATER.isoformat()}.json.gz",
                    copy)  # fmt: skip
    warehouse = Warehouse(directory)
    warehouse.load_reference_samples()
    warehouse.ingest("load", "qualicharge/statique", "--sample")
    warehouse.ingest("--landing-root", str(landing), "load", "qualicharge/statique")
    # the commune dimensions only for the per-region expectations below
    warehouse.build(
        "+fct_indicators_history_long", "+fct_charge_point_operator_migrations",
        "+dim_commune_codes", "+dim_communes",
    )  # fmt: skip
    changes = {"removed": removed, "repowered": repowered, "migrated": migrated}
    return warehouse, by_id, changes


def test_real_deliveries_dated(real):
    warehouse, _, _ = real
    rows = warehouse.rows(
        "select source_file, delivery_date, delivery_date_basis, charge_point_count "
        "from intermediate.int_static_deliveries_ordered order by delivery_date"
    )
    assert rows == [
        ("irve-statique.json.gz", SAMPLE_DELIVERY, "max_updated_date", 29109 - ABROAD),
        (f"statique_{LATER.isoformat()}.json.gz", LATER, "file_name", 29106 - ABROAD),
    ]


def test_real_history(real):
    warehouse, by_id, changes = real
    counts = warehouse.rows(
        "select count(*), count(distinct charge_point_id), "
        "sum(case when is_current then 1 else 0 end) from marts.dim_charge_points_history"
    )[0]
    assert counts == (29109 - ABROAD + 4, 29109 - ABROAD, 29106 - ABROAD)
    removed = warehouse.rows(
        "select charge_point_id, valid_from, valid_to from marts.dim_charge_points_history "
        "where end_reason = 'removed' order by 1"
    )
    assert removed == [(point, SAMPLE_DELIVERY, LATER) for point in changes["removed"]]
    repowered = warehouse.rows(
        "select charge_point_id, version_number, power_kw, valid_from, valid_to "
        "from marts.dim_charge_points_history where charge_point_id in (?, ?) order by 1, 2",
        *changes["repowered"],
    )
    expected = []
    for point in changes["repowered"]:
        power = float(by_id[point]["puissance_nominale"])
        expected += [
            (point, 1, power, SAMPLE_DELIVERY, LATER),
            (point, 2, power + 100, LATER, None),
        ]
    assert repowered == expected


def test_real_migration_report(real):
    warehouse, by_id, changes = real
    rows = warehouse.rows(
        "select charge_point_id, changed_on, old_operator_name, new_operator_name "
        "from marts.fct_charge_point_operator_migrations order by 1"
    )
    assert rows == [
        (point, LATER, by_id[point]["nom_operateur"], "Opérateur repreneur (test)")
        for point in changes["migrated"]
    ]


def test_real_daily_i1_series(real):
    warehouse, by_id, changes = real
    i1 = warehouse.series("i1")
    assert min(i1) == SAMPLE_DELIVERY and max(i1) == LATER
    assert len(i1) == (LATER - SAMPLE_DELIVERY).days + 1
    assert {i1[day] for day in i1 if day < LATER} == {29109 - ABROAD}
    assert i1[LATER] == 29106 - ABROAD
    i7 = warehouse.series("i7")
    delta = sum(-float(by_id[p]["puissance_nominale"]) for p in changes["removed"]) + 200
    assert i7[LATER] - i7[SAMPLE_DELIVERY] == pytest.approx(delta, abs=1e-6)
    # Per region: each removed point leaves its region (or 'unlocated').
    regions = dict(warehouse.rows(
        "select codes.geo_code, coalesce(communes.region_code, 'unlocated') "
        "from marts.dim_commune_codes as codes "
        "left join marts.dim_communes as communes on codes.commune_code = communes.commune_code"
    ))  # fmt: skip
    drops: dict[str, int] = {}
    for point in changes["removed"]:
        region = regions.get(by_id[point]["code_insee_commune"], "unlocated")
        drops[region] = drops.get(region, 0) + 1
    for region, drop in drops.items():
        series = warehouse.series("i1", level=1, target=region)
        assert series[SAMPLE_DELIVERY] - series[LATER] == drop
