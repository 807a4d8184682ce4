"""Per-operator feeds (statique, statuses, sessions) from data/landing/operators/."""

from orchestration.assets.ingestion.factory import ingestion_assets

assets = ingestion_assets("operators")
