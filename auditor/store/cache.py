"""The stage cache: article-stage payloads kept by content key, so a rerun scores only what is new.

The engine keys each article's stage payload by a hash of the article (text and metadata) and of the
rule set that scored it (``auditor.engine.stage_key``), puts payloads in batches as they are computed,
and on a rerun gets back the ones it already has. Every ``put_many`` is its own short transaction,
committed at once: a run killed midway leaves the payloads it finished, and the same command run again
computes only the rest. The cache is not a run: ``runs``, ``articles`` and the other run tables are
written only by ``save_run``, whole or not at all.

Payloads are opaque JSON objects; they are stored as JSON text and come back exactly as put (a tuple
comes back as a list; NaN and infinities survive). Keys are strings.

It lives in the same database as the runs (table ``stage_cache``), SQLite or PostgreSQL, and writes
the way ``save_run`` does: on SQLite a writer takes the write lock up front (``BEGIN IMMEDIATE``) and
waits up to the busy timeout for another writer, then raises ``StoreBusy``.

    cache = StageCache("runs.db")
    found = cache.get_many(keys)            # {key: payload} for the keys it has
    cache.put_many({key: payload, ...})     # upsert, committed now
    cache.prune(keep_keys=current_keys)     # forget payloads no current article needs
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from . import models as m
from .database import BUSY_TIMEOUT_S, Target, _reading, _translated, _writing, get_engine, init_db, where

# Keys per IN (...) list and rows per INSERT: far below SQLite's variable limit (999 before 3.32) and
# PostgreSQL's 65535 parameters.
CHUNK = 500

TABLE = m.STAGE_CACHE
_c = TABLE.c


def _chunks(items: list, n: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _encode(key: str, payload: Any) -> str:
    """``payload`` as JSON text; TypeError if it is not a JSON object of JSON values."""
    if not isinstance(key, str):
        raise TypeError(f"stage cache keys are strings, not {type(key).__name__} ({key!r})")
    if not isinstance(payload, Mapping):
        raise TypeError(f"stage cache payloads are JSON objects (dicts); {key!r} has a {type(payload).__name__}")
    try:
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError) as e:
        raise TypeError(f"stage cache payload {key!r} is not JSON data: {e}") from e
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: keep it, \u-escaped
        text = json.dumps(payload, ensure_ascii=True, separators=(",", ":"))
    return text


def _decode(text: str) -> dict | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _cutoff(older_than: datetime | timedelta) -> str:
    if isinstance(older_than, timedelta):
        return (datetime.now(UTC) - older_than).isoformat(timespec="microseconds")
    if older_than.tzinfo is None:  # a naive time is taken as UTC, like the stored times
        older_than = older_than.replace(tzinfo=UTC)
    return older_than.astimezone(UTC).isoformat(timespec="microseconds")


class StageCache:
    """The stage cache in the store at ``url`` (the forms ``save_run`` takes: a URL, a SQLite file path,
    None for ``auditor.db`` in the working directory, or an ``Engine``).

    Opening it creates the store, or migrates an older one, so that a store that cannot be written
    fails here, before any scoring (``StoreError``; ``StoreBusy`` past the busy timeout).
    """

    def __init__(self, url: Target = None, *, busy_timeout: float = BUSY_TIMEOUT_S):
        self.engine: Engine = url if isinstance(url, Engine) else get_engine(url, busy_timeout=busy_timeout)
        init_db(self.engine)

    def __repr__(self) -> str:
        return f"StageCache({where(self.engine)!r})"

    def get_many(self, keys: Iterable[str]) -> dict[str, dict]:
        """The payloads stored under ``keys``, by key; keys not in the cache are simply absent.

        A payload that is no longer a readable JSON object is treated as absent (it is recomputed and
        overwritten), so a damaged entry costs time, never a run.
        """
        wanted = list(dict.fromkeys(keys))
        found: dict[str, dict] = {}
        if not wanted:
            return found
        with _translated(self.engine, "read the stage cache"), _reading(self.engine) as conn:
            for chunk in _chunks(wanted):
                for key, text in conn.execute(select(_c.key, _c.payload).where(_c.key.in_(chunk))):
                    payload = _decode(text)
                    if payload is not None:
                        found[key] = payload
        return found

    def put_many(self, items: Mapping[str, Mapping[str, Any]]) -> None:
        """Store every ``key: payload`` of ``items`` in one short transaction, committed on return.

        An existing entry under the same key is replaced (and its time renewed): putting the same items
        twice leaves one row per key. Nothing is written if any payload is not JSON data (TypeError).
        """
        if not items:
            return
        now = _now()
        # sorted: two writers of overlapping keys lock rows in the same order (no deadlock on PostgreSQL)
        rows = [{"key": k, "payload": _encode(k, v), "created_at": now} for k, v in sorted(items.items())]
        with (_translated(self.engine, f"write {len(rows)} payloads to the stage cache"),
              _writing(self.engine) as conn):
            for chunk in _chunks(rows):
                self._upsert(conn, chunk)

    def _upsert(self, conn: Any, rows: list[dict[str, Any]]) -> None:
        dialect = self.engine.dialect.name
        if dialect in ("sqlite", "postgresql"):
            stmt = (sqlite.insert(TABLE) if dialect == "sqlite" else postgresql.insert(TABLE))
            stmt = stmt.on_conflict_do_update(index_elements=[_c.key], set_={
                "payload": stmt.excluded.payload, "created_at": stmt.excluded.created_at})
            conn.execute(stmt, rows)
            return
        conn.execute(delete(TABLE).where(_c.key.in_([r["key"] for r in rows])))  # any other database
        conn.execute(insert(TABLE), rows)

    def prune(self, keep_keys: Iterable[str] | None = None,
              older_than: datetime | timedelta | None = None) -> int:
        """Delete entries and return how many: those whose key is not in ``keep_keys`` (when given) AND
        that were written before ``older_than`` (when given: a time, naive meaning UTC, or an age as a
        ``timedelta``). With neither, the whole cache is emptied. One transaction."""
        where_clause = [] if older_than is None else [_c.created_at < _cutoff(older_than)]
        with _translated(self.engine, "prune the stage cache"), _writing(self.engine) as conn:
            if keep_keys is None:
                return conn.execute(delete(TABLE).where(*where_clause)).rowcount
            keep = set(keep_keys)
            doomed = [k for k in conn.execute(select(_c.key).where(*where_clause)).scalars() if k not in keep]
            for chunk in _chunks(doomed):
                conn.execute(delete(TABLE).where(_c.key.in_(chunk)))
            return len(doomed)

    def __len__(self) -> int:
        """How many payloads the cache holds."""
        with _translated(self.engine, "count the stage cache"), _reading(self.engine) as conn:
            return conn.execute(select(func.count()).select_from(TABLE)).scalar_one()
