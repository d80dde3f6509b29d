"""The one place that creates engines and transactions, and the store's functions over them.

A store is an SQLAlchemy URL: SQLite by default (``auditor.db`` in the working directory, nothing to
install), PostgreSQL (``postgresql+psycopg://user@host/db``) for a shared store. Every function takes
``url`` as a URL, a bare file path (SQLite), None (the default file) or an ``Engine``.

Writing: ``save_run`` writes a whole run in ONE transaction, deleting the rows a previous save of the
same run id left and inserting the new ones with bulk (executemany) inserts, so a run is either all there
or not there at all, and saving it again is idempotent.

Concurrency: on SQLite a writer takes the write lock when its transaction begins (``BEGIN IMMEDIATE``)
and waits up to ``BUSY_TIMEOUT_S`` for another writer, then raises ``StoreBusy``; the journal is WAL, so
readers never wait for writers. On PostgreSQL two saves of the same run id are serialised by an advisory
lock, and reads run in one REPEATABLE READ snapshot.
"""

from __future__ import annotations

import hashlib
import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Connection,
    Engine,
    Table,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel

from ..collect import fewer_collections
from ..models import ArticleResult, RunResult
from . import migrations
from . import models as m
from .convert import article_result, dumps, run_result, run_row_batches

DEFAULT_URL = "sqlite:///auditor.db"
BUSY_TIMEOUT_S = 30.0

Target = str | Engine | None


class StoreError(Exception):
    """The store cannot do what was asked; the message says why and what to do."""


class StoreBusy(StoreError):
    """Another process held the SQLite write lock for longer than the busy timeout."""


# ---------------------------------------------------------------------------------------------- engines

def resolve_url(url: str | None) -> str:
    """An SQLAlchemy URL for ``url``: None -> ``sqlite:///auditor.db``; a bare file path -> its SQLite URL."""
    if url is None or not str(url).strip():
        return DEFAULT_URL
    url = str(url).strip()
    if "://" in url:
        return url
    return f"sqlite:///{Path(url).expanduser()}"


def _is_sqlite(engine_or_url: Engine | URL) -> bool:
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else engine_or_url
    return url.get_backend_name() == "sqlite"


def _in_memory(url: URL) -> bool:
    return url.database in (None, "", ":memory:")


def where(engine: Engine) -> str:
    """The store as a user would name it: the SQLite file, or the URL without its password."""
    if _is_sqlite(engine):
        return ":memory:" if _in_memory(engine.url) else str(engine.url.database)
    return engine.url.render_as_string(hide_password=True)


_engines: dict[tuple[str, float], Engine] = {}
_lock = threading.Lock()


def get_engine(url: str | None, *, busy_timeout: float = BUSY_TIMEOUT_S) -> Engine:
    """The engine for ``url``, created once per URL (and busy timeout) and cached.

    SQLite gets the WAL journal, foreign keys on, a busy timeout of ``busy_timeout`` seconds, and
    transactions begun by SQLAlchemy (``BEGIN``, or ``BEGIN IMMEDIATE`` for writers) rather than by the
    sqlite3 module. A relative SQLite path is made absolute against the current directory now.
    """
    try:
        parsed = make_url(resolve_url(url))
    except (ArgumentError, ValueError) as e:
        raise StoreError(f"not a database URL or file path: {url!r} ({e})") from e
    sqlite = _is_sqlite(parsed)
    if sqlite and not _in_memory(parsed):
        parsed = parsed.set(database=str(Path(parsed.database or "").expanduser().absolute()))
    key = (parsed.render_as_string(hide_password=False), float(busy_timeout))
    with _lock:
        engine = _engines.get(key)
        if engine is None:
            engine = _sqlite_engine(parsed, busy_timeout) if sqlite else _server_engine(parsed)
            _engines[key] = engine
    return engine


def _server_engine(url: URL) -> Engine:
    try:
        return create_engine(url, pool_pre_ping=True, json_serializer=dumps)
    except (NoSuchModuleError, ModuleNotFoundError) as e:
        hint = " (pip install 'auditor[postgres]')" if url.get_backend_name() == "postgresql" else ""
        raise StoreError(f"no driver for {url.drivername}{hint}: {e}") from e


def _sqlite_engine(url: URL, busy_timeout: float) -> Engine:
    memory = _in_memory(url)
    engine = create_engine(
        url, json_serializer=dumps,
        connect_args={"timeout": busy_timeout, "check_same_thread": False},
        # an in-memory database lives as long as its one connection
        **({"poolclass": StaticPool} if memory else {}),
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy, not the sqlite3 module, emits BEGIN
        cur = dbapi_connection.cursor()
        try:
            cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            cur.execute("PRAGMA foreign_keys = ON")
            if not memory:
                cur.execute("PRAGMA journal_mode = WAL").fetchall()
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("auditor_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def dispose_engines() -> None:
    """Close every cached engine's connections and forget them (tests, or before a fork)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


def _engine_for(url: Target) -> Engine:
    return url if isinstance(url, Engine) else get_engine(url)


def get_session(url: Target = None) -> Session:
    """An sqlmodel ``Session`` on the store for ad-hoc queries over the table models (``store.models``),
    e.g. in a notebook: ``with get_session() as s: s.exec(select(FindingRow).where(...))``.
    Writing goes through ``save_run``.
    """
    return Session(_engine_for(url))


# ---------------------------------------------------------------------------------------- transactions

def _is_busy(e: DBAPIError) -> bool:
    orig = e.orig
    name = getattr(orig, "sqlite_errorname", "")
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(orig)


@contextmanager
def _translated(engine: Engine, action: str) -> Iterator[None]:
    """Turn driver errors into ``StoreError`` / ``StoreBusy`` with a message naming the store."""
    try:
        yield
    except StoreError:
        raise
    except DBAPIError as e:
        if _is_sqlite(engine) and _is_busy(e):
            timeout = _busy_timeout(engine)
            raise StoreBusy(
                f"{where(engine)} is locked by another writer and stayed locked for {timeout:g} s, so "
                f"auditor could not {action}. Wait for the other `audit` process to finish and try again, "
                f"or use another database file (--db). If no other process is running, close any program "
                f"that has the file open (a DB browser, a notebook).") from e
        if isinstance(e, OperationalError) and not _is_sqlite(engine):
            raise StoreError(f"could not {action} on {where(engine)}: {e.orig}") from e
        if isinstance(e, OperationalError) and "unable to open" in str(e.orig):
            raise StoreError(f"could not {action}: cannot open {where(engine)} ({e.orig}). Does its "
                             f"folder exist, and may you write there?") from e
        raise StoreError(f"could not {action} in {where(engine)}: {e.orig}") from e


def _busy_timeout(engine: Engine) -> float:
    for (_url, timeout), cached in _engines.items():
        if cached is engine:
            return timeout
    return BUSY_TIMEOUT_S


def _lock_key(name: str) -> int:
    """A signed 64-bit key for ``pg_advisory_xact_lock`` derived from ``name``."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


@contextmanager
def _writing(engine: Engine, lock_name: str | None = None) -> Iterator[Connection]:
    """A write transaction: committed when the block ends, rolled back entirely if it raises.

    SQLite: ``BEGIN IMMEDIATE`` takes the write lock up front (waiting up to the busy timeout), so two
    writers never deadlock on a lock upgrade. PostgreSQL: an advisory lock on ``lock_name`` serialises
    writers of the same run (None: no advisory lock).
    """
    with engine.connect() as conn:
        conn.execution_options(auditor_write=True)
        with conn.begin():
            if lock_name is not None and engine.dialect.name == "postgresql":
                conn.execute(select(func.pg_advisory_xact_lock(_lock_key("auditor:" + lock_name))))
            yield conn


@contextmanager
def _reading(engine: Engine) -> Iterator[Connection]:
    """A read transaction seeing one consistent state of the store."""
    if _is_sqlite(engine) and not _in_memory(engine.url) and not Path(where(engine)).exists():
        raise StoreError(f"no database at {where(engine)}: save a run there first (audit score ...), "
                         f"or point --db at the database you saved to.")
    if _outdated(engine):  # first use by this auditor: bring the schema forward, then read
        init_db(engine)
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            _check_version(engine, conn, required=True)
            yield conn


# ---------------------------------------------------------------------------------------------- schema

def _auditor_version() -> str:
    try:
        from importlib.metadata import version

        return version("auditor")
    except Exception:
        return ""


def _read_version(conn: Connection) -> int | None:
    if not inspect(conn).has_table(m.SCHEMA_VERSION_TABLE.name):
        return None
    return conn.execute(select(m.SCHEMA_VERSION_TABLE.c.version)).scalar()


def _check_version(engine: Engine, conn: Connection, *, required: bool) -> int | None:
    version = _read_version(conn)
    if version is None and required:
        raise StoreError(f"{where(engine)} holds no auditor runs (it has no schema_version table): "
                         f"save a run there first, or point --db at the database you saved to.")
    if version is not None and version > m.SCHEMA_VERSION:
        raise StoreError(
            f"{where(engine)} was written by a newer auditor (schema version {version}; this auditor "
            f"knows up to version {m.SCHEMA_VERSION}). Upgrade auditor (pip install -U auditor), or save "
            f"to another database file.")
    return version


def _prepare_schema(engine: Engine, conn: Connection) -> None:
    """Inside a write transaction: create the tables of a new database, migrate an older schema (all
    steps in this transaction, see ``auditor.store.migrations``), refuse a newer one."""
    version = _check_version(engine, conn, required=False)
    if version == m.SCHEMA_VERSION:
        return
    if engine.dialect.name == "postgresql":  # two first writers must not both create or migrate
        conn.execute(select(func.pg_advisory_xact_lock(_lock_key("auditor:schema"))))
        version = _check_version(engine, conn, required=False)
        if version == m.SCHEMA_VERSION:
            return
    if version is None:
        SQLModel.metadata.create_all(conn, tables=list(m.ALL_TABLES))
        conn.execute(insert(m.SCHEMA_VERSION_TABLE).values(id=1, version=m.SCHEMA_VERSION,
                                                           written_by=_auditor_version()))
        return
    try:
        migrations.upgrade(conn, version, written_by=_auditor_version())
    except migrations.MigrationError as e:
        raise StoreError(f"{where(engine)} has schema version {version}, and {e}. Save to a new "
                         f"database file (--db).") from e


def _outdated(engine: Engine) -> bool:
    """Whether the store holds an older schema version than this auditor's (a quick read)."""
    with engine.connect() as conn, conn.begin():
        version = _read_version(conn)
    return version is not None and version < m.SCHEMA_VERSION


def init_db(engine: Engine) -> None:
    """Create the tables and record the schema version; refuse a database of a newer schema version.

    Idempotent and safe to run from two processes at once (it runs inside a write transaction). A
    database of an older version is brought forward in place by the steps of
    ``auditor.store.migrations``, in this one transaction. ``save_run`` does this itself, in the
    transaction that saves the run, and reads do it before they read.
    """
    with _translated(engine, "create or migrate the tables"), _writing(engine) as conn:
        _prepare_schema(engine, conn)


# ---------------------------------------------------------------------------------------------- saving

def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _check_run(run: RunResult) -> None:
    """Refuse, before writing anything, a run the database would refuse midway (two articles of one id)."""
    seen: set[str] = set()
    for r in run.results:
        if r.article.id in seen:
            raise StoreError(f"run {run.run_id} has two articles with the id {r.article.id!r}; article ids "
                             f"must be unique within a run (rename one of the files).")
        seen.add(r.article.id)


def _check_rows(engine: Engine, table: Table, table_rows: list[dict[str, Any]]) -> None:
    """Refuse rows PostgreSQL cannot store: text cannot hold NUL characters. Checked on each batch before it
    is written; the refusal rolls the whole save back, so the store is as it was."""
    if engine.dialect.name != "postgresql":
        return
    for row in table_rows:
        for column, value in row.items():
            if isinstance(value, str) and "\x00" in value:
                if "article_id" in row:
                    owner = f"article {row['article_id']}"
                elif table is m.ARTICLES:
                    owner = f"article {row['id']}"
                else:
                    owner = f"run {row.get('run_id', row.get('id'))}"
                raise StoreError(
                    f"{owner} has a NUL character in {table.name}.{column}, which PostgreSQL cannot "
                    f"store in text; save this run to SQLite (--db FILE.db) or remove the NUL "
                    f"characters from the input.")


def _insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Bulk-insert ``rows`` into ``table``: PostgreSQL's COPY through psycopg, elsewhere one executemany
    of the Core ``insert()`` compiled once. Either way the values are converted for the driver here, in
    one pass (JSON columns serialized once, by ``dumps``), instead of per row by SQLAlchemy's bind
    processing. Rows of differing keys (none that ``run_rows`` makes) take ``conn.execute(insert(...))``."""
    columns = list(rows[0])
    if any(len(r) != len(columns) or r.keys() != rows[0].keys() for r in rows):
        conn.execute(insert(table), rows)
        return
    get = itemgetter(*columns)
    values: list[Any] = [list(get(r)) if len(columns) > 1 else [get(r)] for r in rows]
    for i, f in enumerate(_converters(conn, table, columns)):
        if f is not None:
            for v in values:
                v[i] = f(v[i])
    driver = conn.connection.driver_connection
    if conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg":  # psycopg 3: cursor.copy
        quote = conn.dialect.identifier_preparer
        sql = (f"COPY {quote.format_table(table)} ({', '.join(quote.quote(c) for c in columns)}) "
               f"FROM STDIN")
        with driver.cursor() as cur, cur.copy(sql) as copy:
            for v in values:
                copy.write_row(v)
        return
    compiled = insert(table).compile(dialect=conn.dialect, column_keys=columns)
    order = compiled.positiontup if compiled.positional else None
    if set(order if order is not None else compiled.params) != set(columns):  # defaults filled in by SQLAlchemy
        conn.execute(insert(table), rows)
        return
    if order is not None and list(order) != columns:
        index = {c: i for i, c in enumerate(columns)}
        values = [tuple(v[index[c]] for c in order) for v in values]
    elif order is None:
        values = [dict(zip(columns, v, strict=True)) for v in values]
    else:
        values = [tuple(v) for v in values]
    conn.exec_driver_sql(str(compiled), values)


def _converters(conn: Connection, table: Table, columns: list[str]) -> list[Any]:
    """Per column, what turns a row's value into the driver's value (None: passed as is): the column
    type's own bind processor, and for JSON columns what SQLAlchemy's JSON type does (``JSON.NULL`` ->
    JSON null, None -> SQL NULL when ``none_as_null``, else the serialized text)."""
    out: list[Any] = []
    for name in columns:
        col = table.c[name]
        if isinstance(col.type, JSON):
            out.append(_json_converter(bool(col.type.none_as_null)))
        else:
            out.append(col.type.bind_processor(conn.dialect))
    return out


def _json_converter(none_as_null: bool):
    def convert(value: Any) -> str | None:
        if value is JSON.NULL:
            return "null"
        if value is None:
            return None if none_as_null else "null"
        return dumps(value)

    return convert


def _delete_run(conn: Connection, run_id: str) -> None:
    for table in reversed(m.RUN_TABLES):
        key = table.c.id if table is m.RUNS else table.c.run_id
        conn.execute(delete(table).where(key == run_id))


def save_run(run: RunResult, url: Target = None) -> str:
    """Save ``run`` in one transaction, replacing an earlier save of the same run id; return the run id.

    Either the whole run is written or, if anything fails, nothing is and the store is as it was.
    """
    engine = _engine_for(url)
    _check_run(run)
    saved_at = _now()
    with fewer_collections(), _translated(engine, f"save run {run.run_id}"), \
            _writing(engine, "run:" + run.run_id) as conn:
        _prepare_schema(engine, conn)
        _delete_run(conn, run.run_id)
        # made and written a batch at a time: the rows of a large run are never all held beside the run
        for table, batch in run_row_batches(run, saved_at=saved_at):
            _check_rows(engine, table, batch)
            _insert(conn, table, batch)
    return run.run_id


# ---------------------------------------------------------------------------------------------- reading

def list_runs(url: Target = None) -> list[dict[str, Any]]:
    """The saved runs, latest saved first, with their counts."""
    engine = _engine_for(url)
    r = m.RUNS.c
    with _translated(engine, "list the runs"), _reading(engine) as conn:
        result = conn.execute(select(r.id, r.started, r.finished, r.saved_at, r.inputs, r.article_count,
                                     r.finding_count, r.quote_count, r.error_count)
                              .order_by(r.saved_at.desc(), r.id))
        return [dict(row._mapping) for row in result]


def _find_run(engine: Engine, conn: Connection, run_id: str | None) -> str:
    r = m.RUNS.c
    if run_id is None:
        found = conn.execute(select(r.id).order_by(r.saved_at.desc(), r.id).limit(1)).scalar()
        if found is None:
            raise StoreError(f"no runs saved in {where(engine)} yet: run `audit score` first.")
        return found
    ids = conn.execute(select(r.id).where(r.id.startswith(run_id, autoescape=True)).limit(2)).scalars().all()
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise StoreError(f"no run {run_id!r} in {where(engine)} "
                         f"(`audit runs` lists the saved runs).")
    raise StoreError(f"{run_id!r} matches several runs in {where(engine)}; give more of the run id.")


def _rows(conn: Connection, table: Table, run_id: str, order: Any, *extra: Any,
          article_id: str | None = None) -> list[Any]:
    query = select(table, *extra).where(table.c.run_id == run_id)
    if article_id is not None:
        query = query.where((table.c.id if table is m.ARTICLES else table.c.article_id) == article_id)
    return [row._mapping for row in conn.execute(query.order_by(*(order if isinstance(order, tuple) else (order,))))]


def _by_article(rows: list[Any]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        out[row["article_id"]].append(row)
    return out


def _results(conn: Connection, run_id: str, article_id: str | None = None) -> list[ArticleResult]:
    """The run's article results in saved order (or just the one article), with five queries in all."""
    children = [_by_article(_rows(conn, t, run_id, (t.c.article_id, order), article_id=article_id))
                for t, order in ((m.RULE_RESULTS, m.RULE_RESULTS.c.position), (m.FINDINGS, m.FINDINGS.c.idx),
                                 (m.QUOTES, m.QUOTES.c.idx), (m.ATTRIBUTIONS, m.ATTRIBUTIONS.c.idx))]
    return [article_result(a, *(c[a["id"]] for c in children))
            for a in _rows(conn, m.ARTICLES, run_id, m.ARTICLES.c.position, article_id=article_id)]


def load_result(url: Target = None, run_id: str | None = None) -> RunResult:
    """A saved run as the ``RunResult`` that was saved (texts included): the latest saved when ``run_id``
    is None; a unique prefix of a run id is enough."""
    engine = _engine_for(url)
    with _translated(engine, "read the run"), _reading(engine) as conn:
        rid = _find_run(engine, conn, run_id)
        run = conn.execute(select(m.RUNS).where(m.RUNS.c.id == rid)).one()._mapping
        edges = m.GRAPH_EDGES
        return run_result(
            run, _results(conn, rid),
            outlets=_rows(conn, m.OUTLETS, rid, m.OUTLETS.c.position),
            clusters=_rows(conn, m.QUOTE_CLUSTERS, rid, m.QUOTE_CLUSTERS.c.position),
            claims=_rows(conn, m.CLAIMS, rid, m.CLAIMS.c.idx),
            nodes=_rows(conn, m.GRAPH_NODES, rid, m.GRAPH_NODES.c.idx),
            edges=_rows(conn, edges, rid, edges.c.idx, edges.c.evidence.is_(None).label("no_evidence")),
            ingest_errors=_rows(conn, m.INGEST_ERRORS, rid, m.INGEST_ERRORS.c.idx),
            rule_errors=_rows(conn, m.RULE_ERRORS, rid, m.RULE_ERRORS.c.idx))


def load_run(url: Target = None, run_id: str | None = None) -> dict[str, Any]:
    """A saved run as its JSON export (``auditor.export.run_to_dict``): the latest saved when ``run_id``
    is None; a unique prefix of a run id is enough."""
    from ..export import run_to_dict

    return run_to_dict(load_result(url, run_id))


def article_findings(url: Target, article_id: str, run_id: str | None = None) -> dict[str, Any] | None:
    """For ``audit explain``: one article with its text, scores, findings, quotes and attributions.

    ``article_id`` is an article id or its content hash. Without ``run_id`` the latest saved run that
    contains the article is used. Returns None when no such article was saved; otherwise the article as
    in the JSON export (``auditor.export.article_to_dict``) plus ``text`` and ``run_id``.
    """
    from ..export import article_to_dict

    engine = _engine_for(url)
    a, r = m.ARTICLES.c, m.RUNS.c
    with _translated(engine, f"read article {article_id}"), _reading(engine) as conn:
        query = (select(a.run_id, a.id).join(m.RUNS, r.id == a.run_id)
                 .where((a.id == article_id) | (a.hash == article_id)))
        if run_id is not None:
            query = query.where(a.run_id == _find_run(engine, conn, run_id))
        hit = conn.execute(query.order_by(r.saved_at.desc(), a.position).limit(1)).first()
        if hit is None:
            return None
        (result,) = _results(conn, hit.run_id, article_id=hit.id)
    return {"run_id": hit.run_id, **article_to_dict(result), "text": result.article.text}
