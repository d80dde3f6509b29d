"""Progress: each stage announces what it will process, and the counts add up (auditor.engine, --progress)."""

from __future__ import annotations

import shutil

from typer.testing import CliRunner

from auditor.cli import app
from auditor.config import Config
from auditor.engine import audit
from auditor.ingest import iter_inputs
from auditor.rules import load_rules
from auditor.store import StageCache
from tests.helpers import ROOT

SEEDS = ROOT / "seeds"


class Recorder:
    def __init__(self):
        self.events: list[tuple] = []

    def stage(self, name, total, note=""):
        self.events.append(("stage", name, total, note))

    def __call__(self, n=1):
        self.events.append(("done", n))

    def per_stage(self) -> list[tuple[str, int | None, str, int]]:
        out = []
        for e in self.events:
            if e[0] == "stage":
                out.append([e[1], e[2], e[3], 0])
            else:
                out[-1][3] += e[1]
        return [tuple(x) for x in out]


def _articles():
    return [a for a in iter_inputs([SEEDS]) if not hasattr(a, "reason")]


def test_each_stage_counts_exactly_the_articles_it_processes(tmp_path):
    arts = _articles()
    cache = StageCache(f"sqlite:///{tmp_path / 'cache.db'}")
    first = Recorder()
    audit(arts, load_rules(), Config(), progress=first, cache=cache, jobs=1)
    assert first.per_stage() == [("article stage", 5, "", 5), ("text reuse", None, "", 0), ("corpus stage", 5, "", 5),
                                 ("quote clusters, claims, graph", None, "", 0)]
    # a rerun reads every article back from the cache: nothing to compute, and nothing counted as computed
    second = Recorder()
    audit(arts, load_rules(), Config(), progress=second, cache=cache, jobs=1)
    assert second.per_stage()[0] == ("article stage", 0, "5 from the cache", 0)
    assert second.per_stage()[2] == ("corpus stage", 5, "", 5)


def test_a_plain_callable_still_gets_every_article_once():
    calls: list[int] = []
    audit(_articles(), load_rules(), Config(), progress=calls.append, jobs=1)
    assert sum(calls) == 5


def test_progress_option_shows_both_stages_with_rate(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    res = CliRunner().invoke(app, ["score", "seeds", "--progress", "--jobs", "1", "--no-db"],
                             env={"COLUMNS": "140"})
    assert res.exit_code == 0, res.output
    lines = {line.split("━")[0].strip(): line for line in res.output.splitlines() if "━" in line}
    assert "5/5" in lines["article stage"] and "articles/s" in lines["article stage"]
    assert "5/5" in lines["corpus stage"] and "articles/s" in lines["corpus stage"]
    quiet = CliRunner().invoke(app, ["score", "seeds", "--no-progress", "--jobs", "1", "--no-db"])
    assert quiet.exit_code == 0 and "article stage" not in quiet.output
