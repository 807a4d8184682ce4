"""Freshness in Dagster, from the rules the project already states.

- Raw tables (the ingestion assets): the ``freshness`` of their dbt source
  (``warn_after`` / ``error_after`` in the sources' YAML), read from the
  manifest, so ``dbt source freshness`` and the Dagster UI judge a feed by
  the same delays. A source that only warns in dbt (fetch-only datasets with
  no shipped sample: an empty table after ``make run`` must not fail the
  command) fails in Dagster at its warning delay: there the asset is fetched
  by Dagster itself, so a feed that stops arriving is a failure to report.
- Daily-partitioned dbt models: materialized between the daily schedule's
  start (05:00) and ``DAILY_DEADLINE_CRON`` (08:00), in the schedule's time
  zone.

Freshness states are shown and alerted on; they never stop a run.
"""

from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

import dagster as dg

from orchestration import settings
from orchestration.dbt_sources import ingested_sources

# The daily schedule starts at 05:00 (schedules.DAILY_CRON); its models are
# late when they have not landed by 08:00.
DAILY_DEADLINE_CRON = "0 8 * * *"
DAILY_RUN_ALLOWANCE = timedelta(hours=3)

_PERIODS = {"minute": "minutes", "hour": "hours", "day": "days"}


def _delay(rule: Mapping[str, Any] | None) -> timedelta | None:
    """A dbt ``{count, period}`` delay as a timedelta; None when unset."""
    if not rule or rule.get("count") is None or rule.get("period") is None:
        return None
    return timedelta(**{_PERIODS[rule["period"]]: rule["count"]})


def source_policy(freshness: Mapping[str, Any] | None) -> dg.FreshnessPolicy | None:
    """The Dagster policy of a dbt source's ``freshness`` block."""
    freshness = freshness or {}
    warn, error = _delay(freshness.get("warn_after")), _delay(freshness.get("error_after"))
    if error is not None:
        return dg.FreshnessPolicy.time_window(fail_window=error, warn_window=warn)
    if warn is not None:
        return dg.FreshnessPolicy.time_window(fail_window=warn)
    return None


def source_freshness_policies(manifest_path: Path) -> dict[tuple[str, ...], dg.FreshnessPolicy]:
    """Policy of every dbt source that names its ingestion asset
    (``meta.dagster.asset_key``) and declares a freshness."""
    policies = {}
    for key, source in ingested_sources(manifest_path).items():
        policy = source_policy(source.get("freshness"))
        if policy is not None:
            policies[key] = policy
    return policies


def daily_model_policy() -> dg.FreshnessPolicy:
    return dg.FreshnessPolicy.cron(
        deadline_cron=DAILY_DEADLINE_CRON,
        lower_bound_delta=DAILY_RUN_ALLOWANCE,
        timezone=settings.schedule_timezone(),
    )
