"""RTE/ODRE (éCO2mix, national and annual consumption, temperatures) and Agence ORE."""

from orchestration.assets.ingestion.factory import ingestion_assets

assets = ingestion_assets("odre") + ingestion_assets("ore")
