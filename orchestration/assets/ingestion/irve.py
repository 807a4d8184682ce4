"""National IRVE consolidations (transport.data.gouv.fr) and QualiCharge extracts."""

from orchestration.assets.ingestion.factory import ingestion_assets

assets = ingestion_assets("irve") + ingestion_assets("qualicharge")
