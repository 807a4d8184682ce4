"""Orchestration parameters, read from environment variables with defaults.

Every knob of the Dagster code lives here, so the defaults are documented in
one place (variable, default: meaning):

- WATTLAS_TARGET, duckdb: dbt target and loader engine (duckdb | postgres)
- WATTLAS_DUCKDB_PATH, warehouse.duckdb: DuckDB file, relative to the repo root
- WATTLAS_OFFLINE, 0: 1 loads the shipped sample instead of fetching
- WATTLAS_LANDING_ROOT, data/landing: landing folder loaded and watched
- WATTLAS_DAGSTER_DBT_TARGET_PATH, target/dagster: dbt manifest and run folders
- WATTLAS_SCHEDULE_TIMEZONE, Europe/Paris: schedules and daily partitions
- WATTLAS_PARTITIONS_START, 2024-01-01: first daily partition (local day)
- WATTLAS_REPROCESSING_WINDOW_DAYS, 15: days the daily run rebuilds before
  yesterday (as the dbt var usage_reprocessing_window_days)
- WATTLAS_ALERT_WEBHOOK_URL, unset: JSON alerts are POSTed there; unset, they
  are only logged
- WATTLAS_OPERATOR_STALE_HOURS, 48: an operator without a new file for that
  long triggers an alert
- WATTLAS_FETCH_MAX_RETRIES, 3 and WATTLAS_FETCH_RETRY_DELAY_SECONDS, 60:
  Dagster retries of a failed fetch, exponential backoff with jitter (each
  fetch also retries 4 times inside, 2 s doubling)
- WATTLAS_MAX_REJECT_SHARE, 0.05: largest share of rejected lines of an
  operator feed (blocking check)

Values are read when a function is called, so tests can change them with
``monkeypatch.setenv``; the partitions definition, schedules' time zone and
the resources are built when ``orchestration.definitions`` is imported.
"""

import os
from datetime import date
from pathlib import Path

from orchestration.ingestion.registry import LANDING_ROOT, REPO_ROOT


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


def target() -> str:
    return _env("WATTLAS_TARGET", "duckdb")


def duckdb_path() -> Path:
    """Relative paths are relative to the repository root, where dbt runs."""
    path = Path(_env("WATTLAS_DUCKDB_PATH", "warehouse.duckdb"))
    return path if path.is_absolute() else REPO_ROOT / path


def offline() -> bool:
    return _env("WATTLAS_OFFLINE", "0").lower() in {"1", "true", "yes"}


def landing_root() -> Path:
    path = Path(_env("WATTLAS_LANDING_ROOT", str(LANDING_ROOT)))
    return path if path.is_absolute() else REPO_ROOT / path


def dbt_target_path() -> Path:
    path = Path(_env("WATTLAS_DAGSTER_DBT_TARGET_PATH", "target/dagster"))
    return path if path.is_absolute() else REPO_ROOT / path


def schedule_timezone() -> str:
    return _env("WATTLAS_SCHEDULE_TIMEZONE", "Europe/Paris")


def partitions_start() -> str:
    value = _env("WATTLAS_PARTITIONS_START", "2024-01-01")
    date.fromisoformat(value)  # fail early on a typo
    return value


def duckdb_config(path: Path) -> dict[str, object]:
    """DuckDB's memory limit, threads and spill folder for the file ``path``,
    with the dbt profile's defaults (profiles/profiles.yml): safe on an 8 GB
    laptop."""
    return {
        "memory_limit": _env("WATTLAS_DUCKDB_MEMORY_LIMIT", "3GB"),
        "threads": int(_env("WATTLAS_DUCKDB_THREADS", "2")),
        "temp_directory": _env("WATTLAS_DUCKDB_TEMP_DIRECTORY", f"{path}.tmp"),
    }


def backfill_chunk_days() -> int:
    """Daily partitions per run of a backfill: memory follows the chunk, not
    the range."""
    return max(int(_env("WATTLAS_BACKFILL_CHUNK_DAYS", "5")), 1)


def reprocessing_window_days() -> int:
    return int(_env("WATTLAS_REPROCESSING_WINDOW_DAYS", "15"))


def alert_webhook_url() -> str | None:
    return os.environ.get("WATTLAS_ALERT_WEBHOOK_URL", "").strip() or None


def operator_stale_hours() -> float:
    return float(_env("WATTLAS_OPERATOR_STALE_HOURS", "48"))


def fetch_max_retries() -> int:
    return int(_env("WATTLAS_FETCH_MAX_RETRIES", "3"))


def fetch_retry_delay_seconds() -> float:
    return float(_env("WATTLAS_FETCH_RETRY_DELAY_SECONDS", "60"))


def max_reject_share() -> float:
    """Largest share of rejected lines in an operator feed's latest files."""
    return float(_env("WATTLAS_MAX_REJECT_SHARE", "0.05"))
