"""Database tables for saved runs (sqlmodel), apart from the plain data models in ``auditor.models``.

One table per kind of record a run produces. Every row carries ``run_id``; rows that belong to an article
are keyed by ``(run_id, article_id, ...)`` and point at their article through a composite foreign key.
There are no autoincrement ids: every key is derived from the run's content (the content-derived run id,
the article id, the position of a row within its article), so saving the same run twice writes the very
same rows.

Spans (``start``, ``end``) are half-open ``str`` offsets into ``articles.text``, exactly as in
``auditor.models``. Lists and open-ended dicts are JSON columns.

Besides the runs, ``stage_cache`` keeps article-stage payloads by content key (``auditor.store.cache``);
it is not part of any run.

Bump ``SCHEMA_VERSION`` whenever a table or column changes, and add a step to
``auditor.store.migrations.MIGRATIONS`` that brings a database of the previous version forward (the
tables here are what a fresh database gets; the steps are what an existing one gets, and
``tests/test_migrations.py`` checks that both end with the same schema).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKeyConstraint, Text
from sqlalchemy.schema import Table
from sqlmodel import Field, SQLModel

SCHEMA_VERSION = 3  # 1: the run tables; 2: + stage_cache; 3: + articles.features, articles.contributions

def _article_fk() -> tuple[ForeignKeyConstraint]:
    """A fresh composite foreign key to ``articles`` (a constraint object belongs to one table only)."""
    return (ForeignKeyConstraint(["run_id", "article_id"], ["articles.run_id", "articles.id"],
                                 ondelete="CASCADE"),)


class SchemaVersion(SQLModel, table=True):
    """The single row saying which schema version wrote this database."""

    __tablename__ = "schema_version"

    id: int = Field(default=1, primary_key=True)
    version: int
    written_by: str = ""  # auditor version that created or last migrated the database


class RunRow(SQLModel, table=True):
    """One ``audit score`` run. ``id`` is ``RunResult.run_id`` (derived from inputs, rules and weights)."""

    __tablename__ = "runs"

    id: str = Field(primary_key=True)
    started: str = ""
    finished: str = ""
    saved_at: str = Field(default="", index=True)  # ISO 8601 UTC; "latest run" means latest saved
    inputs: list[str] = Field(default_factory=list, sa_type=JSON)
    rules: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    graph_meta: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)  # graph keys besides nodes/edges
    article_count: int = 0
    finding_count: int = 0
    quote_count: int = 0
    error_count: int = 0  # ingest errors + rule errors


class OutletRow(SQLModel, table=True):
    """An outlet's score in one run. ``data`` is the outlet's entry as given; the columns are copies."""

    __tablename__ = "outlets"

    run_id: str = Field(primary_key=True, foreign_key="runs.id", ondelete="CASCADE")
    name: str = Field(primary_key=True)
    position: int = 0
    score: float | None = None
    article_count: int = 0
    data: Any = Field(default=None, sa_type=JSON)


class ArticleRow(SQLModel, table=True):
    """An article as read, with its scores. ``text`` is the exact text every span points into."""

    __tablename__ = "articles"

    run_id: str = Field(primary_key=True, foreign_key="runs.id", ondelete="CASCADE")
    id: str = Field(primary_key=True)
    hash: str = Field(index=True)  # content hash of ``text`` (``Article.hash``)
    position: int = 0
    outlet: str | None = Field(default=None, index=True)
    url: str | None = None
    published: str | None = None
    title: str | None = Field(default=None, sa_type=Text)
    byline: str | None = None
    dateline: str | None = None
    source: str = ""
    format: str = "txt"
    header_end: int = 0
    removed: list[list[int]] | None = Field(default=None, sa_type=JSON)
    meta: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    score: float = 100.0
    subscores: dict[str, float] = Field(default_factory=dict, sa_type=JSON)
    readability: dict[str, float] = Field(default_factory=dict, sa_type=JSON)
    errors: list[str] = Field(default_factory=list, sa_type=JSON)
    text: str = Field(sa_type=Text)
    # added in schema version 3 (NULL in runs saved before): auditor.features and the score model's points
    features: dict[str, float] | None = Field(default=None, sa_type=JSON)
    contributions: dict[str, float] | None = Field(default=None, sa_type=JSON)


class RuleResultRow(SQLModel, table=True):
    """One rule's 0..1 score on one article."""

    __tablename__ = "rule_results"
    __table_args__ = _article_fk()

    run_id: str = Field(primary_key=True)
    article_id: str = Field(primary_key=True)
    rule: str = Field(primary_key=True)
    position: int = 0
    category: str = ""
    score: float = 1.0
    weight: float = 1.0


class FindingRow(SQLModel, table=True):
    """A finding with the span of text that earned it."""

    __tablename__ = "findings"
    __table_args__ = _article_fk()

    run_id: str = Field(primary_key=True)
    article_id: str = Field(primary_key=True)
    idx: int = Field(primary_key=True)  # position among the article's findings
    rule: str = Field(index=True)
    category: str = ""
    severity: str = "medium"
    message: str = Field(default="", sa_type=Text)
    start: int = 0
    end: int = 0
    data: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)


class QuoteRow(SQLModel, table=True):
    """A quotation in an article; ``idx`` is the index quote clusters refer to."""

    __tablename__ = "quotes"
    __table_args__ = _article_fk()

    run_id: str = Field(primary_key=True)
    article_id: str = Field(primary_key=True)
    idx: int = Field(primary_key=True)
    text: str = Field(default="", sa_type=Text)
    start: int = 0
    end: int = 0
    speaker: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    kind: str = "direct"
    cluster: str | None = None
    fidelity: float | None = None
    differences: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)


class AttributionRow(SQLModel, table=True):
    """Who a statement is attributed to, through whom, and the span of the attribution clause."""

    __tablename__ = "attributions"
    __table_args__ = _article_fk()

    run_id: str = Field(primary_key=True)
    article_id: str = Field(primary_key=True)
    idx: int = Field(primary_key=True)
    source: str | None = None
    kind: str = ""
    hops: int = 0
    chain: list[str] = Field(default_factory=list, sa_type=JSON)
    start: int = 0
    end: int = 0
    cue: str = ""
    source_type: str | None = None


class QuoteClusterRow(SQLModel, table=True):
    """Every rendering of one utterance across the run's articles."""

    __tablename__ = "quote_clusters"

    run_id: str = Field(primary_key=True, foreign_key="runs.id", ondelete="CASCADE")
    id: str = Field(primary_key=True)
    position: int = 0
    consensus: str = Field(default="", sa_type=Text)
    speaker: str | None = None
    method: str = ""
    members: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)


class ClaimRow(SQLModel, table=True):
    """A corpus-level claim, kept as the JSON object the corpus stage made."""

    __tablename__ = "claims"

    run_id: str = Field(primary_key=True, foreign_key="runs.id", ondelete="CASCADE")
    idx: int = Field(primary_key=True)
    data: Any = Field(default=None, sa_type=JSON)


class GraphNodeRow(SQLModel, table=True):
    """A node of the run's provenance graph (outlet, article, source...).

    ``data`` is the node exactly as the graph gave it; ``id``, ``kind`` and ``label`` are copies for queries.
    """

    __tablename__ = "graph_nodes"

    run_id: str = Field(primary_key=True, foreign_key="runs.id", ondelete="CASCADE")
    idx: int = Field(primary_key=True)
    id: str = Field(index=True)
    kind: str | None = None
    label: str | None = None
    data: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)


class GraphEdgeRow(SQLModel, table=True):
    """An edge of the provenance graph (who copied or cited whom), with its evidence.

    ``data`` is the edge as the graph gave it except ``evidence``, which has its own column (SQL NULL when
    the edge had no evidence key, JSON null when it was None); ``source`` ... ``weight`` are copies.
    """

    __tablename__ = "graph_edges"

    run_id: str = Field(primary_key=True, foreign_key="runs.id", ondelete="CASCADE")
    idx: int = Field(primary_key=True)
    source: str = Field(index=True)
    target: str = Field(index=True)
    kind: str | None = None
    weight: float | None = None
    evidence: Any = Field(default=None, sa_type=JSON(none_as_null=True), nullable=True)
    data: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)


class IngestErrorRow(SQLModel, table=True):
    """A file or record the run could not read (or read with a warning)."""

    __tablename__ = "ingest_errors"

    run_id: str = Field(primary_key=True, foreign_key="runs.id", ondelete="CASCADE")
    idx: int = Field(primary_key=True)
    source: str = ""
    reason: str = Field(default="", sa_type=Text)
    level: str = "error"


class RuleErrorRow(SQLModel, table=True):
    """A rule that failed to load or raised during the run."""

    __tablename__ = "rule_errors"

    run_id: str = Field(primary_key=True, foreign_key="runs.id", ondelete="CASCADE")
    idx: int = Field(primary_key=True)
    message: str = Field(default="", sa_type=Text)


class StageCacheRow(SQLModel, table=True):
    """One article-stage payload, keyed by a hash of the article and the rule set that scored it.

    ``payload`` is JSON text (written and read by ``auditor.store.cache``, so it round-trips exactly);
    ``created_at`` is when it was last written (ISO 8601 UTC), for pruning.
    """

    __tablename__ = "stage_cache"

    key: str = Field(sa_type=Text, primary_key=True)
    payload: str = Field(sa_type=Text)
    created_at: str = Field(index=True)


def _table(model: type[SQLModel]) -> Table:
    return model.__table__  # type: ignore[attr-defined,return-value]


RUNS = _table(RunRow)
OUTLETS = _table(OutletRow)
ARTICLES = _table(ArticleRow)
RULE_RESULTS = _table(RuleResultRow)
FINDINGS = _table(FindingRow)
QUOTES = _table(QuoteRow)
ATTRIBUTIONS = _table(AttributionRow)
QUOTE_CLUSTERS = _table(QuoteClusterRow)
CLAIMS = _table(ClaimRow)
GRAPH_NODES = _table(GraphNodeRow)
GRAPH_EDGES = _table(GraphEdgeRow)
INGEST_ERRORS = _table(IngestErrorRow)
RULE_ERRORS = _table(RuleErrorRow)
SCHEMA_VERSION_TABLE = _table(SchemaVersion)
STAGE_CACHE = _table(StageCacheRow)

# Parents before children: the order to insert in (and, reversed, to delete in).
RUN_TABLES: tuple[Table, ...] = (RUNS, OUTLETS, ARTICLES, RULE_RESULTS, FINDINGS, QUOTES, ATTRIBUTIONS,
                                 QUOTE_CLUSTERS, CLAIMS, GRAPH_NODES, GRAPH_EDGES, INGEST_ERRORS,
                                 RULE_ERRORS)
ALL_TABLES: tuple[Table, ...] = (SCHEMA_VERSION_TABLE, *RUN_TABLES, STAGE_CACHE)
