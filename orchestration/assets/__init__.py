"""Assets: raw ingestion per source (``ingestion/``) and the dbt project (``dbt.py``)."""
