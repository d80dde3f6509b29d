"""Shared pytest fixtures."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

# --- store fixtures (auditor.store) ---------------------------------------------------------------------
# `store_url`: a fresh, empty store per test, once on SQLite (a file in tmp_path) and once on PostgreSQL
# when AUDITOR_TEST_POSTGRES_URL is set (in a schema of its own, dropped afterwards).

POSTGRES_ENV = "AUDITOR_TEST_POSTGRES_URL"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from auditor.store import dispose_engines

    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        dispose_engines()
        return
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"PostgreSQL store tests need {POSTGRES_ENV}, e.g. "
                    f"postgresql+psycopg://postgres@127.0.0.1:5432/test")
    schema = f"auditor_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        dispose_engines()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
# --- end of store fixtures ------------------------------------------------------------------------------


# --- no network (the whole suite) -----------------------------------------------------------------------
# auditor must never reach past this machine at run time: any test that tries fails loudly.


@pytest.fixture(autouse=True)
def _no_network():
    from tests.helpers import no_network

    with no_network():
        yield
