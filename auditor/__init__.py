"""auditor: source-reliability scoring and provenance auditing for news coverage."""

__version__ = "0.1.0"


def open_run(db: str | None = "auditor.db", run_id: str | None = None):
    """A stored run as pandas DataFrames and a networkx graph: see ``auditor.api``."""
    from .api import open_run as _open_run

    return _open_run(db, run_id)


__all__ = ["__version__", "open_run"]
