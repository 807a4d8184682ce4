"""Which local days an operator file covers (the daily partitions its load
touches).

Statuses count by ``horodatage``, sessions by ``start`` and ``end`` (a session
running over midnight touches both days). Timestamps are ISO-8601 with an
offset or epoch milliseconds, as the staging macros accept; they are turned
into local days in ``WATTLAS_SCHEDULE_TIMEZONE``. Unparseable values are
ignored here (the loader rejects or keeps them, and dbt tests report them).
The static feed has no day: a statique file covers no partition.

The loader computes the days from the parse it loads, and records them in
``raw._load_days``: the landing sensor reads them there instead of parsing
the file a second time.
"""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from orchestration import settings

from .parsed import ParsedFile
from .registry import Dataset

TIMESTAMP_COLUMNS = {"statuses": ("horodatage",), "sessions": ("start", "end")}


def has_days(dataset: Dataset) -> bool:
    """Whether the dataset's files cover days (operator statuses and sessions)."""
    return dataset.operator_feed and dataset.name in TIMESTAMP_COLUMNS


def parse_timestamp(value: str | None) -> datetime | None:
    if not value:
        return None
    text = value.strip()
    try:
        if text.lstrip("-").isdigit():
            return datetime.fromtimestamp(int(text) / 1000, tz=UTC)
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, OverflowError):
        return None
    return parsed if parsed.tzinfo else None  # a naive time has no known day


def covered_days(parsed: ParsedFile, dataset: Dataset) -> set[date]:
    """The local days of the parsed file's records (empty for a dataset
    without days)."""
    if not has_days(dataset):
        return set()
    columns = TIMESTAMP_COLUMNS[dataset.name]
    indexes = [parsed.columns.index(name) for name in columns if name in parsed.columns]
    zone = ZoneInfo(settings.schedule_timezone())
    days = set()
    for _, values in parsed.records:
        for index in indexes:
            moment = parse_timestamp(values[index] if index < len(values) else None)
            if moment is not None:
                days.add(moment.astimezone(zone).date())
    return days
