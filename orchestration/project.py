"""The dbt project, built once: ``get_dbt_project()``.

``prepare_if_dev()`` runs ``dbt parse`` only under ``dagster dev``; everywhere
else (CI, tests, ``dagster definitions validate``) the manifest must exist
first: run ``dbt parse --target-path target/dagster`` (``make dagster`` and
``make test`` do). Nothing here runs dbt at import time otherwise.
"""

import os
from functools import cache

from dagster_dbt import DbtProject

from orchestration import settings
from orchestration.ingestion.registry import REPO_ROOT

PROFILES_DIR = REPO_ROOT / "profiles"


@cache
def get_dbt_project() -> DbtProject:
    os.environ.setdefault("DBT_PROFILES_DIR", str(PROFILES_DIR))
    project = DbtProject(
        project_dir=REPO_ROOT,
        profiles_dir=PROFILES_DIR,
        target=settings.target(),
        target_path=settings.dbt_target_path(),
    )
    project.prepare_if_dev()
    return project
