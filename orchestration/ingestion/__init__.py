"""Raw landing and loading for the Wattlas warehouse.

Plain Python with no Dagster imports: the Dagster assets in
``orchestration/assets`` call these functions, and so does the command line
(``python -m orchestration.ingestion``).
"""
