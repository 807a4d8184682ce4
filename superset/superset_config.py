"""Superset configuration of the opt-in check (`make superset-check`): a throwaway
instance on 127.0.0.1, metadata in SQLite under SUPERSET_HOME, no secret stored."""

import os
import secrets

_home = os.environ.get("SUPERSET_HOME", os.path.join(os.getcwd(), "target", "superset_home"))
SECRET_KEY = os.environ.get("SUPERSET_SECRET_KEY") or secrets.token_urlsafe(42)
SQLALCHEMY_DATABASE_URI = f"sqlite:///{os.path.join(_home, 'superset.db')}"
WTF_CSRF_ENABLED = False
TALISMAN_ENABLED = False
FEATURE_FLAGS = {"DASHBOARD_RBAC": False}
# Offline: no external calls for maps, fonts or version checks.
MAPBOX_API_KEY = ""
PREVENT_UNSAFE_DB_CONNECTIONS = False
