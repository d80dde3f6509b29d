"""The notebook API: a stored run as pandas DataFrames and a networkx graph.

    >>> import auditor
    >>> run = auditor.open_run("auditor.db")          # the latest run; or run_id="12147a29"
    >>> run.articles.sort_values("score").head()       # one DataFrame per tidy table (auditor.tables)
    >>> run.findings.groupby("rule").size()
    >>> run.graph                                      # networkx.MultiDiGraph

The DataFrames have exactly the columns of the CSV tables (``audit export RUN --csv DIR``), described in
``auditor.tables.TABLES`` and in ``run.describe(NAME)``; JSON columns hold Python lists and dicts, and
integer columns with gaps use pandas' nullable ``Int64``. pandas is an optional extra
(``pip install 'auditor[notebook]'``).
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from . import tables
from .models import RunResult

_DTYPES = {"string": "string", "integer": "Int64", "number": "float64", "boolean": "boolean"}


class Run:
    """One stored run. ``run.NAME`` is the table NAME (``run.tables`` lists them) as a DataFrame."""

    def __init__(self, result: RunResult, url: str | None = None):
        self.result = result
        self.url = url
        self._frames: dict[str, Any] = {}

    @property
    def id(self) -> str:
        return self.result.run_id

    @property
    def tables(self) -> list[str]:
        return [t.name for t in tables.TABLES]

    @cached_property
    def export(self) -> dict[str, Any]:
        """The run's JSON export (``auditor.export.run_to_dict``), which the tables are made from."""
        from .export import run_to_dict

        return run_to_dict(self.result)

    def table(self, name: str):
        """The table ``name`` as a pandas DataFrame (built once, then cached)."""
        if name not in tables.BY_NAME:
            raise KeyError(f"no table {name!r}; the tables are {', '.join(self.tables)}")
        if name not in self._frames:
            try:
                import pandas as pd
            except ImportError as e:
                raise ImportError("the notebook API needs pandas: pip install 'auditor[notebook]'") from e
            spec = tables.BY_NAME[name]
            frame = pd.DataFrame.from_records(list(spec.rows(self.export)), columns=spec.names)
            for c in spec.columns:
                if c.type in _DTYPES:
                    frame[c.name] = frame[c.name].astype(_DTYPES[c.type])
            self._frames[name] = frame
        return self._frames[name]

    def __getattr__(self, name: str):
        if name.startswith("_") or name not in tables.BY_NAME:
            raise AttributeError(name)
        return self.table(name)

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(self.tables))

    def describe(self, name: str) -> dict[str, str]:
        """Each column of table ``name`` with its meaning (and unit)."""
        return {c.name: c.description + (f" [{c.unit}]" if c.unit else "") for c in tables.BY_NAME[name].columns}

    @cached_property
    def graph(self):
        """The citation and echo graph as a ``networkx.MultiDiGraph`` (node and edge attributes as in
        the JSON export's ``graph``)."""
        import networkx as nx

        data = {k: v for k, v in self.result.graph.items() if k in ("nodes", "edges")}
        return nx.node_link_graph({"directed": True, "multigraph": True, "graph": {"run_id": self.id}, **data},
                                  directed=True, multigraph=True, edges="edges")

    def text(self, article_id: str) -> str:
        """The article's text exactly as read: every ``start``/``end`` of the tables points into it."""
        for r in self.result.results:
            if r.article.id == article_id:
                return r.article.text
        raise KeyError(f"no article {article_id!r} in run {self.id}")

    def __repr__(self) -> str:
        return f"<auditor run {self.id}: {len(self.result.results)} articles>"


def open_run(db: str | None = "auditor.db", run_id: str | None = None) -> Run:
    """A stored run: the latest saved in ``db`` (a file path or an SQLAlchemy URL), or ``run_id`` (a unique
    prefix is enough). Raises ``auditor.store.StoreError`` when there is no such store or run."""
    from .store import load_result, resolve_url

    url = resolve_url(db)
    return Run(load_result(url, run_id), url)
