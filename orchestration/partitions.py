"""Daily partitions: one local (Europe/Paris by default) day each.

A partition ``D`` covers the half-open local interval ``[D, D + 1 day)``; a
range of partitions ``[D1 .. Dn]`` is passed to dbt as ``min_date = D1`` and
``max_date = Dn + 1 day`` (exclusive), never as an inclusive ``between``.
"""

from datetime import date, datetime, timedelta

import dagster as dg

from orchestration import settings

daily_partitions = dg.DailyPartitionsDefinition(
    start_date=settings.partitions_start(),
    timezone=settings.schedule_timezone(),
)


def half_open_dates(time_window: dg.TimeWindow) -> tuple[str, str]:
    """(min_date, max_date) of a partition time window, max exclusive."""
    return time_window.start.date().isoformat(), time_window.end.date().isoformat()


def partition_keys_for_days(days: set[date]) -> list[str]:
    """Existing partition keys of the given local days, sorted."""
    existing = set(daily_partitions.get_partition_keys(current_time=datetime.now()))
    return sorted(key for key in (day.isoformat() for day in days) if key in existing)


def contiguous_ranges(keys: list[str]) -> list[tuple[str, str]]:
    """Sorted day keys grouped into (first, last) runs of consecutive days."""
    ranges: list[tuple[str, str]] = []
    for key in sorted(keys):
        day = date.fromisoformat(key)
        if ranges and date.fromisoformat(ranges[-1][1]) + timedelta(days=1) == day:
            ranges[-1] = (ranges[-1][0], key)
        else:
            ranges.append((key, key))
    return ranges
