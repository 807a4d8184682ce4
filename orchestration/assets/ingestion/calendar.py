"""School holidays (Éducation nationale) and public holidays (Etalab)."""

from orchestration.assets.ingestion.factory import ingestion_assets

assets = ingestion_assets("education") + ingestion_assets("etalab")
