"""INSEE (comparateur de territoires, legal populations) and the COG geography."""

from orchestration.assets.ingestion.factory import ingestion_assets

assets = ingestion_assets("insee") + ingestion_assets("cog")
