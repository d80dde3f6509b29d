"""save_run's bulk insert: one executemany per table on SQLite, COPY on PostgreSQL, still one transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import event

import auditor.store.database as database
from auditor.export import run_to_dict
from auditor.store import StoreError, get_engine, load_result, load_run, save_run
from auditor.store import models as tables
from tests.test_store import make_run, row_counts


def _statements(url: str) -> list[tuple[str, bool]]:
    """Record (statement, executemany) of every statement SQLAlchemy sends for the engine of ``url``."""
    seen: list[tuple[str, bool]] = []

    @event.listens_for(get_engine(url), "before_cursor_execute")
    def _record(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement, executemany))

    return seen


def test_each_table_is_written_by_one_bulk_statement(store_url: str) -> None:
    run = make_run("bulk-1", n=4)
    run.results[0].findings[0].data = {"ratio": float("nan"), "pair": (1, 2), 3: "three"}  # made plain JSON
    seen = _statements(store_url)
    save_run(run, store_url)
    inserts = [(s.split("(")[0].split()[2].strip('"'), many) for s, many in seen
               if s.lstrip().upper().startswith("INSERT INTO")]
    run_tables = {t.name for t in tables.RUN_TABLES}
    into = [name for name, _ in inserts if name in run_tables]
    if store_url.startswith("postgresql"):
        # COPY goes through psycopg's own cursor: no INSERT into the run's tables passes through SQLAlchemy
        assert into == []
    else:
        assert len(into) == len(set(into)) and {"runs", "articles", "findings", "quotes"} <= set(into)
        assert all(many for name, many in inserts if name == "findings")  # one executemany for all rows
    loaded = load_result(store_url)
    assert loaded.results[0].findings[0].data == {"ratio": None, "pair": [1, 2], "3": "three"}
    run.results[0].findings[0].data = loaded.results[0].findings[0].data
    assert load_run(store_url) == run_to_dict(run)
    assert row_counts(store_url, "bulk-1")["findings"] == sum(len(r.findings) for r in run.results)


def test_a_failure_in_the_middle_of_the_bulk_write_leaves_the_earlier_save(store_url: str, monkeypatch) -> None:
    first = make_run("bulk-2", n=2)
    save_run(first, store_url)
    before = row_counts(store_url)
    real = database._insert
    calls = []

    def failing(conn, table, rows):
        calls.append(table.name)
        if table is tables.QUOTES:  # after runs, articles and findings were written in this transaction
            raise RuntimeError("the disk filled up")
        real(conn, table, rows)

    monkeypatch.setattr(database, "_insert", failing)
    bigger = make_run("bulk-2", n=3)
    with pytest.raises((RuntimeError, StoreError)):
        save_run(bigger, store_url)
    assert "articles" in calls and "quotes" in calls
    assert row_counts(store_url) == before
    assert load_run(store_url) == run_to_dict(first)


def test_rows_written_in_batches_are_the_rows_of_the_run(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large run is made and written a batch at a time (``run_row_batches``): the batches, read in
    order, are the run's rows table by table, and a run saved in batches of two rows reads back whole."""
    from auditor.store.convert import run_row_batches, run_rows

    run = make_run("batches", n=4)
    whole = run_rows(run, saved_at="t")
    joined: dict = {t: [] for t in tables.RUN_TABLES}
    for table, batch in run_row_batches(run, saved_at="t", size=2):
        assert 1 <= len(batch) <= 2
        joined[table].extend(batch)
    assert joined == whole
    assert sum(1 for _ in run_row_batches(run, size=2)) > len([t for t in whole if whole[t]])  # several a table

    real = database.run_row_batches
    monkeypatch.setattr(database, "run_row_batches", lambda r, **k: real(r, **{**k, "size": 2}))
    save_run(run, store_url)
    assert load_result(store_url, "batches") == run
