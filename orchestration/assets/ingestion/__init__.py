"""Raw ingestion assets, one module per source group."""

from orchestration.assets.ingestion import calendar, insee, irve, odre, operators

ingestion_assets = [
    *odre.assets,
    *insee.assets,
    *calendar.assets,
    *irve.assets,
    *operators.assets,
]
