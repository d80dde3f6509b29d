"""Schema migrations: the ordered steps that bring a store of an older schema version forward in place.

A fresh database gets the tables of ``auditor.store.models`` as they are now and the current
``SCHEMA_VERSION``. An existing database of an older version gets the steps below, in order, on first
use (``init_db``, ``save_run``, ``StageCache``, or any read), all in ONE write transaction together with
the new version number: if a step fails, the database stays exactly at its old version with its runs.
SQLite and PostgreSQL both run DDL inside a transaction, so there is no half-migrated state.

Writing a migration (schema version N -> N+1):

1. change the table models in ``auditor.store.models`` and set ``SCHEMA_VERSION = N + 1``;
2. append ``Migration(N + 1, "what changes", _function)`` to ``MIGRATIONS``, where ``_function(conn)``
   issues the DDL (and any data changes) with SQLAlchemy against *its own* table definitions, frozen
   as they are at version N + 1, never against ``models`` (which will keep changing);
3. ``tests/test_migrations.py`` then checks that a version-N database, brought forward, has the same
   tables, columns, keys and indexes as a fresh one, and that its runs survive.

A database of a newer version than this auditor knows is refused with a message saying so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import JSON, Column, Connection, Index, MetaData, String, Table, Text, text, update

from . import models as m


@dataclass(frozen=True)
class Migration:
    """The step that brings a version ``version - 1`` database to ``version``."""

    version: int
    description: str
    upgrade: Callable[[Connection], None]


class MigrationError(Exception):
    """No migration path from the database's version to this auditor's."""


# ------------------------------------------------------------------------------------------------ steps

def _add_stage_cache(conn: Connection) -> None:
    """Version 2: the stage cache, article-stage payloads by content key (``auditor.store.cache``)."""
    meta = MetaData()
    table = Table("stage_cache", meta,
                  Column("key", Text, primary_key=True),
                  Column("payload", Text, nullable=False),
                  Column("created_at", String, nullable=False))
    Index("ix_stage_cache_created_at", table.c.created_at)
    meta.create_all(conn, checkfirst=True)


def _add_article_features(conn: Connection) -> None:
    """Version 3: ``articles.features`` and ``articles.contributions`` (JSON, NULL for older runs): what
    the score model weighed and the points each feature added or took."""
    json_type = JSON().compile(dialect=conn.dialect)
    for name in ("features", "contributions"):
        conn.execute(text(f"ALTER TABLE articles ADD COLUMN {name} {json_type}"))


MIGRATIONS: tuple[Migration, ...] = (
    Migration(2, "add the stage_cache table", _add_stage_cache),
    Migration(3, "add articles.features and articles.contributions", _add_article_features),
)

FIRST_VERSION = 1  # the version of the oldest database a migration path starts from


# ---------------------------------------------------------------------------------------------- running

def path(from_version: int, to_version: int = m.SCHEMA_VERSION,
         migrations: tuple[Migration, ...] | None = None) -> list[Migration]:
    """The steps, in order, from ``from_version`` to ``to_version``; ``MigrationError`` if one is missing."""
    by_version = {s.version: s for s in (MIGRATIONS if migrations is None else migrations)}
    steps = []
    for v in range(from_version + 1, to_version + 1):
        step = by_version.get(v)
        if step is None:
            raise MigrationError(f"this auditor has no migration to schema version {v}, so it cannot bring a "
                                 f"version {from_version} database to version {to_version}")
        steps.append(step)
    return steps


def upgrade(conn: Connection, from_version: int, *, written_by: str = "",
            migrations: tuple[Migration, ...] | None = None) -> list[int]:
    """Run every step from ``from_version`` up to ``models.SCHEMA_VERSION`` inside the caller's
    transaction, recording each new version in ``schema_version``; return the versions reached.

    The caller owns the transaction (and, on PostgreSQL, the lock that keeps two processes from
    migrating at once): if a step raises, rolling it back leaves the database at ``from_version``.
    """
    steps = path(from_version, m.SCHEMA_VERSION, migrations)
    for step in steps:
        step.upgrade(conn)
        conn.execute(update(m.SCHEMA_VERSION_TABLE).values(version=step.version, written_by=written_by))
    return [s.version for s in steps]
