"""The streamed JSON export (auditor.export.write_json) writes what json.dumps(run_to_dict(run)) wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.config import Config
from auditor.engine import audit
from auditor.export import iter_json, run_to_dict, write_json
from auditor.ingest import iter_inputs
from auditor.models import Article, Finding, IngestError, RunResult
from auditor.rules import load_rules
from tests.helpers import ROOT


def _reference(run: RunResult) -> str:
    """The export as it was written before it was streamed."""
    return json.dumps(run_to_dict(run), ensure_ascii=False, indent=1, default=str)


@pytest.fixture(scope="module")
def seeds_run() -> RunResult:
    arts = [a for a in iter_inputs([ROOT / "seeds"]) if not hasattr(a, "reason")]
    return audit(arts, load_rules(), Config(), jobs=1,
                 ingest_errors=[IngestError(source="broken.html", reason="not UTF-8 and no charset", level="error")])


def test_streamed_export_is_the_same_document_byte_for_byte(seeds_run, tmp_path):
    out = write_json(seeds_run, tmp_path / "sub" / "run.json")
    text = out.read_text(encoding="utf-8")
    assert text == _reference(seeds_run)
    data = json.loads(text)
    assert len(data["articles"]) == 5 and data["quote_clusters"] and data["graph"]["edges"]
    # the quotes carry their unit clusters, as run_to_dict adds them
    assert any(q["clusters"] for a in data["articles"] for q in a["quotes"])
    assert data["errors"]["ingest"] == [{"source": "broken.html", "reason": "not UTF-8 and no charset",
                                         "level": "error"}]
    assert not list(tmp_path.joinpath("sub").glob(".*.tmp"))  # renamed into place


def test_streaming_does_not_touch_the_runs_objects(seeds_run):
    before = _reference(seeds_run)
    b"".join(iter_json(seeds_run))
    assert _reference(seeds_run) == before  # no "clusters" key leaked into the run's quotes, nothing mutated
    assert all("clusters" not in q.to_dict() for r in seeds_run.results for q in r.quotes)


def test_empty_lists_odd_values_and_many_batches(tmp_path, monkeypatch):
    """Lists with no items, non-ASCII text, control characters, a non-string key, an unknown object and
    more articles than one unit-cluster batch all come out as json.dumps wrote them."""
    import auditor.export as export

    monkeypatch.setattr(export, "UNIT_BATCH", 2)
    text = "Der Bürgermeister sagte: „Wir bauen die Brücke neu.“\tEnde\x01.\n"
    results = []
    for i in range(5):
        from auditor.models import ArticleResult

        a = Article(id=f"a{i}", text=text, outlet="Žurnal" if i % 2 else None)
        results.append(ArticleResult(article=a, score=50.0 + i, subscores={"attribution": 100.0},
                                     findings=[Finding(rule="r", category="attribution", message="m", start=4,
                                                       end=17, severity="low", data={"n": i, 7: Path("x")})],
                                     readability={"words": 7, "gunning_fog": 0.25 * i, "tiny": 1e-05}))
    run = RunResult(run_id="r1", started="s", finished="f", results=results)
    out = write_json(run, tmp_path / "run.json").read_text(encoding="utf-8")
    assert json.loads(out) == json.loads(_reference(run))
    assert out.replace("0.00001", "1e-05") == _reference(run)  # only a float's spelling may differ
    assert json.loads(out)["quote_clusters"] == [] and json.loads(out)["graph"] == {"nodes": [], "edges": []}


def test_a_failed_write_leaves_the_previous_export_in_place(seeds_run, tmp_path, monkeypatch):
    import auditor.export as export

    path = write_json(seeds_run, tmp_path / "run.json")
    good = path.read_bytes()

    def broken(run):
        yield b"{"
        raise RuntimeError("disk full")

    monkeypatch.setattr(export, "iter_json", broken)
    with pytest.raises(RuntimeError):
        write_json(seeds_run, path)
    assert path.read_bytes() == good
    assert not list(tmp_path.glob(".*.tmp"))
