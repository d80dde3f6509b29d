"""Schema migrations (auditor.store.migrations): an older store is brought forward in place on first use,
its runs intact, in one transaction; a migrated store has exactly the schema of a fresh one.

Tests taking ``store_url`` run on SQLite and, with AUDITOR_TEST_POSTGRES_URL set, on PostgreSQL.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, insert, inspect, select, text
from sqlmodel import SQLModel

import auditor.store.migrations as migrations
from auditor.store import (
    SCHEMA_VERSION,
    StoreError,
    get_engine,
    init_db,
    list_runs,
    load_result,
    load_run,
    save_run,
)
from auditor.store import models as tables
from auditor.store.cache import StageCache
from auditor.store.convert import run_rows
from tests.test_store import make_run

# The schema of version 1: the run tables and schema_version, as auditor 0.1.0 created them: today's
# tables without stage_cache (version 2) and without the article columns that version 3 added.
V1_TABLES = [t for t in tables.ALL_TABLES if t.name != "stage_cache"]
V3_ARTICLE_COLUMNS = ("features", "contributions")


def make_v1_store(url: str, run_id: str = "old-run") -> Any:
    """A store as auditor 0.1.0 left it (schema version 1) holding one saved run; returns that run."""
    run = make_run(run_id, n=3)
    engine = get_engine(url)
    with engine.begin() as conn:
        SQLModel.metadata.create_all(conn, tables=V1_TABLES)
        for name in V3_ARTICLE_COLUMNS:
            conn.execute(text(f"ALTER TABLE articles DROP COLUMN {name}"))
        conn.execute(insert(tables.SCHEMA_VERSION_TABLE).values(id=1, version=1, written_by="0.1.0"))
        for table, rows in run_rows(run, saved_at="2026-01-05T10:00:00.000000+00:00").items():
            if table.name == "articles":
                rows = [{k: v for k, v in r.items() if k not in V3_ARTICLE_COLUMNS} for r in rows]
                table = Table("articles", MetaData(), *[Column(c.name, c.type) for c in table.columns
                                                        if c.name not in V3_ARTICLE_COLUMNS])
            if rows:
                conn.execute(insert(table), rows)
    return run


def version_of(url: str) -> tuple[int, str]:
    with get_engine(url).connect() as conn:
        return tuple(conn.execute(select(tables.SCHEMA_VERSION_TABLE.c.version,
                                         tables.SCHEMA_VERSION_TABLE.c.written_by)).one())


def table_names(url: str) -> set[str]:
    with get_engine(url).connect() as conn:
        return set(inspect(conn).get_table_names())


def schema(url: str) -> dict[str, Any]:
    """Every table's columns, primary key, foreign keys and indexes, as the database reports them."""
    out: dict[str, Any] = {}
    with get_engine(url).connect() as conn:
        insp = inspect(conn)
        for name in sorted(insp.get_table_names()):
            out[name] = {
                "columns": [(c["name"], type(c["type"]).__name__, c["nullable"]) for c in insp.get_columns(name)],
                "pk": insp.get_pk_constraint(name)["constrained_columns"],
                "fks": sorted((tuple(f["constrained_columns"]), f["referred_table"],
                               tuple(f["referred_columns"])) for f in insp.get_foreign_keys(name)),
                "indexes": sorted((i["name"], tuple(i["column_names"]), bool(i["unique"]))
                                  for i in insp.get_indexes(name)),
            }
    return out


# -------------------------------------------------------------------------------------------- the list

def test_the_steps_lead_one_version_at_a_time_to_the_current_schema() -> None:
    versions = [s.version for s in migrations.MIGRATIONS]
    assert versions == list(range(migrations.FIRST_VERSION + 1, SCHEMA_VERSION + 1))
    assert all(s.description for s in migrations.MIGRATIONS)
    assert migrations.path(1) == list(migrations.MIGRATIONS)
    assert migrations.path(SCHEMA_VERSION) == []
    with pytest.raises(migrations.MigrationError, match="no migration to schema version 1"):
        migrations.path(0)


# ------------------------------------------------------------------------------------------- upgrading

def _open_cache(url: str) -> None:
    StageCache(url)


def _save_another(url: str) -> None:
    save_run(make_run("new-run", n=1), url)


def _read(url: str) -> None:
    assert load_run(url, "old-run")["run"]["id"] == "old-run"


def _init(url: str) -> None:
    init_db(get_engine(url))


@pytest.mark.parametrize("first_use", [_open_cache, _save_another, _read, _init],
                         ids=["stage-cache", "save_run", "load_run", "init_db"])
def test_a_version_1_store_is_upgraded_in_place_on_first_use(store_url: str,
                                                             first_use: Callable[[str], None]) -> None:
    old = make_v1_store(store_url)
    assert version_of(store_url) == (1, "0.1.0") and "stage_cache" not in table_names(store_url)
    first_use(store_url)
    assert version_of(store_url) == (SCHEMA_VERSION, "0.1.0")  # written_by: the auditor that migrated it
    assert "stage_cache" in table_names(store_url)
    assert load_result(store_url, "old-run") == old  # the saved run came through untouched
    assert list_runs(store_url)[-1]["saved_at"] == "2026-01-05T10:00:00.000000+00:00"
    cache = StageCache(store_url)  # and the new table works
    cache.put_many({"k": {"v": 1}})
    assert cache.get_many(["k"]) == {"k": {"v": 1}}
    first_use(store_url)  # a second use finds nothing to do
    assert version_of(store_url)[0] == SCHEMA_VERSION and load_result(store_url, "old-run") == old


def test_a_migrated_store_has_the_schema_of_a_fresh_one(store_url: str) -> None:
    make_v1_store(store_url)
    init_db(get_engine(store_url))
    migrated = schema(store_url)
    with get_engine(store_url).begin() as conn:
        SQLModel.metadata.drop_all(conn, tables=list(tables.ALL_TABLES))
    assert table_names(store_url) == set()
    init_db(get_engine(store_url))  # a fresh store: the tables of models.py, created directly
    fresh = schema(store_url)
    assert set(fresh) == {t.name for t in tables.ALL_TABLES}
    assert migrated == fresh
    assert fresh["stage_cache"]["pk"] == ["key"]
    assert ("ix_stage_cache_created_at", ("created_at",), False) in fresh["stage_cache"]["indexes"]


def test_a_failing_step_leaves_the_store_at_its_old_version_with_its_runs(
        store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    old = make_v1_store(store_url)

    def broken_step(conn) -> None:  # some DDL, then a failure: the DDL must be rolled back too
        Table("half_done", MetaData(), Column("id", Integer, primary_key=True)).create(conn)
        raise RuntimeError("migration step 3 failed")

    monkeypatch.setattr(tables, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS,
                                                   migrations.Migration(SCHEMA_VERSION + 1, "broken", broken_step)))
    with pytest.raises(RuntimeError, match="step 3 failed"):
        save_run(make_run("new-run", n=1), store_url)
    assert version_of(store_url) == (1, "0.1.0")
    assert table_names(store_url) == {t.name for t in V1_TABLES}  # no stage_cache, no half_done
    with get_engine(store_url).connect() as conn:  # raw SQL: a read through the store would migrate
        assert conn.execute(select(tables.RUNS.c.id)).scalars().all() == ["old-run"]
    monkeypatch.undo()
    assert load_result(store_url, "old-run") == old  # this auditor migrates it fine afterwards
    assert version_of(store_url)[0] == SCHEMA_VERSION
    assert [r["id"] for r in list_runs(store_url)] == ["old-run"]


def test_a_store_with_no_path_forward_is_refused_clearly(store_url: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    make_v1_store(store_url)
    monkeypatch.setattr(tables, "SCHEMA_VERSION", SCHEMA_VERSION + 1)  # a version with no step
    with pytest.raises(StoreError, match=f"has schema version 1, and this auditor has no migration to "
                                         f"schema version {SCHEMA_VERSION + 1}.*new database file"):
        StageCache(store_url)
    assert version_of(store_url) == (1, "0.1.0") and "stage_cache" not in table_names(store_url)


def test_a_store_of_a_newer_version_is_refused_not_migrated(store_url: str) -> None:
    make_v1_store(store_url)
    with get_engine(store_url).begin() as conn:
        conn.execute(tables.SCHEMA_VERSION_TABLE.update().values(version=SCHEMA_VERSION + 5))
    for use in (_open_cache, _save_another, _read):
        with pytest.raises(StoreError, match=f"newer auditor \\(schema version {SCHEMA_VERSION + 5}"):
            use(store_url)
    assert version_of(store_url)[0] == SCHEMA_VERSION + 5


def test_processes_meeting_an_old_store_at_once_migrate_it_once(store_url: str) -> None:
    """SQLite serialises them with BEGIN IMMEDIATE, PostgreSQL with an advisory lock on the schema."""
    old = make_v1_store(store_url)
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def use(action: Callable[[str], None]) -> None:
        barrier.wait()
        try:
            action(store_url)
        except Exception as e:  # reported by the assertion below
            errors.append(e)

    threads = [threading.Thread(target=use, args=(a,)) for a in (_open_cache, _open_cache, _save_another, _read)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert version_of(store_url)[0] == SCHEMA_VERSION
    assert load_result(store_url, "old-run") == old
    assert {r["id"] for r in list_runs(store_url)} == {"old-run", "new-run"}
