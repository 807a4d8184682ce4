"""Reports on a finished run, for people (no Dagster here)."""
