"""Schedules, in ``WATTLAS_SCHEDULE_TIMEZONE`` (default Europe/Paris).

- ``daily_schedule`` 05:00: ``daily_job`` for yesterday's partition, with the
  reprocessing window (``WATTLAS_REPROCESSING_WINDOW_DAYS``) before it;
- ``weekly_rollups_schedule`` Monday 06:00 and ``monthly_rollups_schedule``
  the 10th at 06:00: ``rollups_job`` (the reference system's rhythm);
- ``annual_reference_schedule`` 15 January 06:00: ``annual_reference_job``
  (INSEE and annual ODRE/ORE refresh).
"""

from datetime import timedelta

import dagster as dg

from orchestration import settings
from orchestration.assets.dbt import dbt_daily_models
from orchestration.jobs import annual_reference_job, daily_job, rollups_job

DAILY_CRON = "0 5 * * *"
WEEKLY_CRON = "0 6 * * 1"
MONTHLY_CRON = "0 6 10 * *"
ANNUAL_CRON = "0 6 15 1 *"


def daily_run_config() -> dict:
    if dbt_daily_models is None:
        return {}
    window = settings.reprocessing_window_days()
    return {"ops": {dbt_daily_models.op.name: {"config": {"reprocessing_window_days": window}}}}


@dg.schedule(
    cron_schedule=DAILY_CRON,
    job=daily_job,
    execution_timezone=settings.schedule_timezone(),
    description="05:00: new operator and ODRE data, yesterday's partition and the "
    "reprocessing window.",
)
def daily_schedule(context: dg.ScheduleEvaluationContext):
    yesterday = (context.scheduled_execution_time - timedelta(days=1)).date().isoformat()
    return dg.RunRequest(
        run_key=yesterday,
        partition_key=yesterday if dbt_daily_models is not None else None,
        run_config=daily_run_config(),
        tags={"wattlas/day": yesterday},
    )


weekly_rollups_schedule = dg.ScheduleDefinition(
    name="weekly_rollups_schedule",
    job=rollups_job,
    cron_schedule=WEEKLY_CRON,
    execution_timezone=settings.schedule_timezone(),
    tags={"wattlas/rollup": "weekly"},
)
monthly_rollups_schedule = dg.ScheduleDefinition(
    name="monthly_rollups_schedule",
    job=rollups_job,
    cron_schedule=MONTHLY_CRON,
    execution_timezone=settings.schedule_timezone(),
    tags={"wattlas/rollup": "monthly"},
)
annual_reference_schedule = dg.ScheduleDefinition(
    name="annual_reference_schedule",
    job=annual_reference_job,
    cron_schedule=ANNUAL_CRON,
    execution_timezone=settings.schedule_timezone(),
)

schedules = [
    daily_schedule,
    weekly_rollups_schedule,
    monthly_rollups_schedule,
    annual_reference_schedule,
]
