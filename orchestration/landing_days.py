"""Which local days an operator file covers (the partitions a sensor requests).

Statuses count by ``horodatage``, sessions by ``start`` and ``end`` (a session
running over midnight touches both days). Timestamps are ISO-8601 with an
offset or epoch milliseconds, as the staging macros accept; they are turned
into local days in ``WATTLAS_SCHEDULE_TIMEZONE``. Unparseable values are
ignored here (the loader rejects or keeps them, and dbt tests report them).
The static feed has no day: a statique file covers no partition.
"""

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from orchestration import settings
from orchestration.ingestion.operators import get_operator_feed
from orchestration.ingestion.parsing import parse_file

TIMESTAMP_COLUMNS = {"statuses": ("horodatage",), "sessions": ("start", "end")}


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


def covered_days(path: Path, operator: str, feed: str) -> set[date]:
    columns = TIMESTAMP_COLUMNS.get(feed, ())
    if not columns:
        return set()
    parsed = parse_file(Path(path), get_operator_feed(operator, feed).dataset)
    indexes = [parsed.columns.index(name) for name in columns if name in parsed.columns]
    zone = ZoneInfo(settings.schedule_timezone())
    days = set()
    for _, values in parsed.records:
        for index in indexes:
            moment = parse_timestamp(values[index] if index < len(values) else None)
            if moment is not None:
                days.add(moment.astimezone(zone).date())
    return days
