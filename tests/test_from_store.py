"""`audit report --run` and `audit graph --run`: a stored run rendered as saved, without scoring again."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.store import load_run
from tests.helpers import SEEDS

runner = CliRunner()


@pytest.fixture
def stored(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.db'}"
    res = runner.invoke(app, ["score", str(SEEDS), "--db", db, "--html", str(tmp_path / "scored")])
    assert res.exit_code == 0, res.output
    return tmp_path, db


@pytest.fixture
def no_scoring(monkeypatch):
    """Any attempt to ingest or score fails the test."""
    import auditor.engine
    import auditor.ingest

    def refuse(*args, **kwargs):
        raise AssertionError("the run was scored again")

    monkeypatch.setattr(auditor.engine, "audit", refuse)
    monkeypatch.setattr(auditor.ingest, "iter_inputs", refuse)


def test_report_from_a_stored_run_is_the_report_of_that_run(stored, no_scoring):
    tmp, db = stored
    run_id = load_run(db)["run"]["id"]
    res = runner.invoke(app, ["report", "--run", run_id[:6], "--db", db, "-o", str(tmp / "stored")])
    assert res.exit_code == 0, res.output
    assert run_id in res.output and "not scored again" in res.output
    scored = sorted(p.relative_to(tmp / "scored") for p in (tmp / "scored").rglob("*.html"))
    assert scored == sorted(p.relative_to(tmp / "stored") for p in (tmp / "stored").rglob("*.html"))
    for page in ("index.html", "articles/004_7f91a2f5f40fcb4f.html"):
        same = (tmp / "stored" / page).read_text(encoding="utf-8")
        assert same == (tmp / "scored" / page).read_text(encoding="utf-8"), page
    # without --run: the latest run
    res = runner.invoke(app, ["report", "--db", db, "-o", str(tmp / "latest")])
    assert res.exit_code == 0 and (tmp / "latest" / "index.html").exists()


def test_graph_from_a_stored_run(stored, no_scoring):
    tmp, db = stored
    out = tmp / "graph.json"
    res = runner.invoke(app, ["graph", "--db", db, "--format", "json", "-o", str(out)])
    assert res.exit_code == 0, res.output
    graph = json.loads(out.read_text(encoding="utf-8"))
    saved = load_run(db)["graph"]
    assert sorted(n["id"] for n in graph["nodes"]) == sorted(n["id"] for n in saved["nodes"])
    assert len(graph["edges"]) == len(saved["edges"])


def test_report_refuses_paths_with_run_and_names_a_missing_run(stored):
    tmp, db = stored
    res = runner.invoke(app, ["report", str(SEEDS), "--run", "abc", "--db", db])
    assert res.exit_code == 2 and "not both" in res.output
    res = runner.invoke(app, ["report", "--run", "nosuchrun", "--db", db, "-o", str(tmp / "x")])
    assert res.exit_code == 4 and "nosuchrun" in res.output


def test_report_of_paths_with_db_saves_the_run_there(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.db'}"
    res = runner.invoke(app, ["report", str(SEEDS), "--db", db, "-o", str(tmp_path / "r")])
    assert res.exit_code == 0, res.output
    assert len(load_run(db)["articles"]) == 5
