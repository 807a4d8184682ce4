"""Per-operator feeds: who sends what, in which format, and where it lands.

Operators send three feeds (``statique``, ``statuses``, ``sessions``). Each
operator writes them its own way (CSV, JSON lines, a JSON array...), so each
(operator, feed) pair is declared here with its file format and timestamp
format. Files land under ``data/landing/operators/<operator>/<feed>/`` and
the shipped samples under ``data/sample/operators/<operator>/<feed>/``.

Raw table naming: **one raw table per feed**, ``raw.operators__statique``,
``raw.operators__statuses`` and ``raw.operators__sessions``, each row tagged
with an ``_operator`` lineage column (the operator slug), rather than one
table per operator (``raw.operators__<operator>__<feed>``). Reasons:

- the feed, not the operator, fixes the staging contract: a new operator is a
  new registry line and a landing folder, not a new dbt source, base model
  and union branch;
- the loader already adds columns for keys or header cells it has not seen,
  so operators whose files carry extra fields share the table without
  conflicts (their extra columns are NULL for the others);
- idempotency stays per file: the source file is recorded as
  ``<operator>/<file name>``, so two operators may send files with the same
  name without replacing each other's rows.

The timestamp format is declared for the record and the docs; the staging
macros recognise both declared shapes (epoch milliseconds and ISO-8601 with
offset) from the value itself, so a feed that changes format does not break.
"""

from dataclasses import dataclass, field, replace
from pathlib import Path

from .registry import LANDING_ROOT, SAMPLE_ROOT, Dataset, get_dataset

FEEDS = ("statique", "statuses", "sessions")
FORMATS = ("csv", "jsonl", "json_array")
TIMESTAMP_FORMATS = ("iso8601_offset", "epoch_ms", "none")


@dataclass(frozen=True)
class OperatorFeed:
    """One operator's feed: its file format and where its files are."""

    operator: str  # slug, also the landing folder name
    feed: str  # statique | statuses | sessions
    format: str  # csv | jsonl | json_array
    timestamp_format: str  # iso8601_offset | epoch_ms | none
    publisher: str
    licence: str
    description: str
    separator: str = ","  # csv only
    encoding: str = "utf-8"
    sample_files: tuple[str, ...] = field(default=())

    def __post_init__(self):
        if self.feed not in FEEDS:
            raise ValueError(f"unknown feed {self.feed!r}: expected one of {FEEDS}")
        if self.format not in FORMATS:
            raise ValueError(f"unknown format {self.format!r}: expected one of {FORMATS}")
        if self.timestamp_format not in TIMESTAMP_FORMATS:
            raise ValueError(f"unknown timestamp format {self.timestamp_format!r}")

    @property
    def key(self) -> str:
        return f"operators/{self.operator}/{self.feed}"

    @property
    def dataset(self) -> Dataset:
        """The feed's registry dataset, read with this operator's format."""
        return replace(
            get_dataset(f"operators/{self.feed}"),
            format=self.format,
            separator=self.separator,
            encoding=self.encoding,
            sample_files=self.sample_files,
        )

    @property
    def sample_dir(self) -> Path:
        return SAMPLE_ROOT / "operators" / self.operator / self.feed

    def landing_dir(self, landing_root: Path = LANDING_ROOT) -> Path:
        return landing_root / "operators" / self.operator / self.feed


RTET_PACA = {
    "publisher": "loco-labs/qualicharge-rtet (saturation/data), real QualiCharge "
    "production extracts for the Bouches-du-Rhône, 2025-04-25",
    "licence": "MIT",
}

_FEEDS = [
    OperatorFeed(
        operator="rtet-paca",
        feed="statique",
        format="json_array",
        timestamp_format="none",
        description="PDCs active in PACA in April 2025: id_pdc_itinerance, "
        "id_station_itinerance, puissance_nominale (a partial static feed)",
        sample_files=("pdc_en_activite_paca_avril_prod.json.gz",),
        **RTET_PACA,
    ),
    OperatorFeed(
        operator="rtet-paca",
        feed="statuses",
        format="json_array",
        timestamp_format="iso8601_offset",
        description="Statuses {horodatage, etat_pdc, occupation_pdc, "
        "id_pdc_itinerance} for 2025-04-25, morning and afternoon files",
        sample_files=(
            "status_bouches_du_rhone_25_avril_AM_prod.json.gz",
            "status_bouches_du_rhone_25_avril_PM24_prod.json.gz",
        ),
        **RTET_PACA,
    ),
    OperatorFeed(
        operator="rtet-paca",
        feed="sessions",
        format="json_array",
        timestamp_format="iso8601_offset",
        description="Sessions {start, end, energy, id_pdc_itinerance} on "
        "2025-04-25, start/end ISO-8601 with a +02:00 offset",
        sample_files=("session_bouches_du_rhone_25_avril_prod.json.gz",),
        **RTET_PACA,
    ),
]

OPERATOR_FEEDS: dict[tuple[str, str], OperatorFeed] = {
    (feed.operator, feed.feed): feed for feed in _FEEDS
}


class UnknownOperatorFeedError(KeyError):
    """A file for an operator feed that is not declared in the registry."""

    def __str__(self) -> str:
        known = ", ".join(sorted(feed.key for feed in OPERATOR_FEEDS.values()))
        return f"unknown operator feed {self.args[0]!r}; declared feeds: {known}"


def get_operator_feed(operator: str, feed: str) -> OperatorFeed:
    try:
        return OPERATOR_FEEDS[(operator, feed)]
    except KeyError:
        raise UnknownOperatorFeedError(f"operators/{operator}/{feed}") from None


def feeds_for(dataset_key: str) -> list[OperatorFeed]:
    """Declared operator feeds that load into ``dataset_key`` (operators/<feed>)."""
    feed = dataset_key.split("/", 1)[1]
    return [item for item in OPERATOR_FEEDS.values() if item.feed == feed]


def operator_from_path(path: Path, feed: str) -> str | None:
    """The operator slug of a file under ``.../operators/<operator>/<feed>/``."""
    parts = Path(path).resolve().parts
    for index in range(len(parts) - 3, -1, -1):
        if parts[index] == "operators" and parts[index + 2] == feed:
            return parts[index + 1]
    return None


def landed_files(dataset_key: str, landing_root: Path = LANDING_ROOT) -> list[tuple[str, Path]]:
    """(operator, file) for every landed file of the feed, in path order.

    Every folder under ``operators/*/<feed>/`` must be a declared feed: a file
    from an undeclared operator raises rather than being skipped silently.
    Hidden files (downloads in progress) are skipped.
    """
    feed = dataset_key.split("/", 1)[1]
    root = landing_root / "operators"
    if not root.is_dir():
        return []
    found = []
    for folder in sorted(path for path in root.glob(f"*/{feed}") if path.is_dir()):
        operator = folder.parent.name
        files = sorted(
            path for path in folder.rglob("*") if path.is_file() and not path.name.startswith(".")
        )
        if files:
            get_operator_feed(operator, feed)  # raises for an undeclared operator
        found.extend((operator, path) for path in files)
    return found
