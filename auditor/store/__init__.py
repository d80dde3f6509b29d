"""The store: saved runs in SQLite (default, ``auditor.db``) or PostgreSQL.

``models`` holds the tables, ``database`` the one place that creates engines and transactions and the
functions below, ``convert`` the mapping between a ``RunResult`` and table rows. ``load_run`` returns
the JSON export of ``auditor.export``; ``load_result`` the ``RunResult`` itself.
"""

from .cache import StageCache
from .database import (
    BUSY_TIMEOUT_S,
    DEFAULT_URL,
    StoreBusy,
    StoreError,
    article_findings,
    dispose_engines,
    get_engine,
    get_session,
    init_db,
    list_runs,
    load_result,
    load_run,
    resolve_url,
    save_run,
)
from .models import SCHEMA_VERSION

__all__ = [
    "BUSY_TIMEOUT_S", "DEFAULT_URL", "SCHEMA_VERSION", "StageCache", "StoreBusy", "StoreError", "article_findings",
    "dispose_engines", "get_engine", "get_session", "init_db", "list_runs", "load_result", "load_run",
    "resolve_url", "save_run",
]
