"""The `audit` command as a user runs it (typer's CliRunner), on the real seeds and on bad input."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from tests.helpers import SEEDS, seed_paths

runner = CliRunner()


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path


def test_score_prints_ranked_table_stores_and_exports(workdir):
    res = runner.invoke(app, ["score", "seeds", "--json", "out.json"])
    assert res.exit_code == 0, res.output
    data = json.loads((workdir / "out.json").read_text(encoding="utf-8"))
    ids = [a["id"] for a in data["articles"]]
    assert sorted(ids) == sorted(p.stem for p in seed_paths())
    scores = [a["score"] for a in data["articles"]]
    assert scores == sorted(scores)  # ranked, lowest first
    # the table lists every article, in the same order
    positions = [res.output.index(i) for i in ids]
    assert positions == sorted(positions)
    # the default store is auditor.db in the working folder, with the run in it
    con = sqlite3.connect(workdir / "auditor.db")
    tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
    assert tables
    assert data["run"]["id"] in res.output


def test_every_finding_span_points_into_the_text_as_read(workdir):
    runner.invoke(app, ["score", "seeds", "--json", "out.json", "--no-db"])
    data = json.loads((workdir / "out.json").read_text(encoding="utf-8"))
    for a in data["articles"]:
        text = (workdir / "seeds" / f"{a['id']}.txt").read_text(encoding="utf-8")
        for f in a["findings"]:
            assert 0 <= f["start"] <= f["end"] <= len(text)
            assert text[f["start"]:f["end"]] == f["text"]
            assert f["rule"] and f["category"] and f["message"]
        for q in a["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"]


def test_rerun_is_idempotent(workdir):
    for _ in range(2):
        assert runner.invoke(app, ["score", "seeds", "--no-db", "--json", "a.json"]).exit_code == 0
    first = runner.invoke(app, ["score", "seeds"])
    second = runner.invoke(app, ["score", "seeds"])
    assert first.exit_code == second.exit_code == 0
    con = sqlite3.connect(workdir / "auditor.db")
    counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0]
              for (t,) in con.execute("select name from sqlite_master where type='table'")}
    runner.invoke(app, ["score", "seeds"])
    counts2 = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in counts}
    assert counts == counts2


def test_bad_inputs_are_named_and_the_rest_is_scored(workdir):
    d = workdir / "seeds"
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "latin1.txt").write_bytes("Le ministre a déclaré à Kyiv que la paix était proche.".encode("latin-1"))
    with open(d / "huge.txt", "wb") as fh:
        fh.truncate(60 * 1024 * 1024)  # 60 MB (sparse)
        fh.seek(0)
        fh.write(b"Huge. ")
    res = runner.invoke(app, ["score", "seeds", "--json", "out.json"])
    assert res.exception is None or isinstance(res.exception, SystemExit)
    assert res.exit_code == 1, res.output
    out = res.output
    for name in ("empty.txt", "binary.txt", "huge.txt", "latin1.txt"):
        lines = [ln for ln in out.splitlines() if name in ln]
        assert len(lines) == 1, (name, out)
    assert "Traceback" not in out
    data = json.loads((workdir / "out.json").read_text(encoding="utf-8"))
    ids = {a["id"] for a in data["articles"]}
    assert {p.stem for p in seed_paths()} <= ids
    assert not ids & {"empty", "binary", "huge"}
    errs = {e["source"].rsplit("/", 1)[-1]: e for e in data["errors"]["ingest"]}
    assert {"empty.txt", "binary.txt", "huge.txt", "latin1.txt"} <= set(errs)


def test_explain_marks_the_evidence(workdir):
    assert runner.invoke(app, ["score", "seeds"]).exit_code == 0
    art = next(p.stem for p in seed_paths() if p.stem.startswith("002"))
    res = runner.invoke(app, ["explain", art])
    assert res.exit_code == 0, res.output
    assert "donation-appeal" in res.output and "DONATE NOW" in res.output
    line = next(ln for ln in res.output.splitlines() if ln.strip().startswith("|") and "DONATE NOW" in ln)
    carets = res.output.splitlines()[res.output.splitlines().index(line) + 1]
    assert carets.index("^") == line.index("DONATE NOW") and carets.count("^") == len("DONATE NOW")


def test_explain_unknown_article(workdir):
    runner.invoke(app, ["score", "seeds"])
    res = runner.invoke(app, ["explain", "nope"])
    assert res.exit_code == 2 and "no article 'nope'" in res.output


def test_missing_path_is_a_usage_error(workdir):
    res = runner.invoke(app, ["score", "does-not-exist"])
    assert res.exit_code == 2 and "does-not-exist" in res.output


def test_nothing_readable_exits_3(workdir, tmp_path):
    empty = tmp_path / "only-empty"
    empty.mkdir()
    (empty / "a.txt").write_text("")
    res = runner.invoke(app, ["score", str(empty)])
    assert res.exit_code == 3


def test_rules_list_show_test(workdir):
    res = runner.invoke(app, ["rules", "list"])
    assert res.exit_code == 0 and "donation-appeal" in res.output and "built-in:" in res.output
    res = runner.invoke(app, ["rules", "show", "duplicate-line"])
    assert res.exit_code == 0 and "What it flags" in res.output and "Flagged examples" in res.output
    res = runner.invoke(app, ["rules", "show", "no-such-rule"])
    assert res.exit_code == 2


def test_rules_new_then_test_then_score(workdir):
    res = runner.invoke(app, ["rules", "new", "anonymous-officials", "--dir", "myrules"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["rules", "test", "myrules"])
    assert res.exit_code == 0 and "ok   anonymous-officials" in res.output, res.output
    res = runner.invoke(app, ["score", "seeds", "--rules", "myrules", "--json", "out.json", "--no-db"])
    data = json.loads((workdir / "out.json").read_text(encoding="utf-8"))
    assert all("anonymous-officials" in a["rules"] for a in data["articles"])


def test_rules_test_shows_a_diff_on_failure(workdir):
    runner.invoke(app, ["rules", "new", "loose-talk", "--dir", "myrules"])
    p = workdir / "myrules" / "loose-talk.yaml"
    p.write_text(p.read_text().replace("⟦loose talk⟧ said", "loose ⟦talk said⟧"), encoding="utf-8")
    res = runner.invoke(app, ["rules", "test", "myrules"])
    assert res.exit_code == 1
    assert "- expected" in res.output and "+ found" in res.output and "'loose talk'" in res.output


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "json"])
def test_graph_command_writes_a_file_that_loads_back(workdir, fmt):
    import networkx as nx

    res = runner.invoke(app, ["graph", "seeds", "--format", fmt, "-o", f"g.{fmt}"])
    assert res.exit_code == 0, res.output
    path = workdir / f"g.{fmt}"
    if fmt == "json":
        data = json.loads(path.read_text(encoding="utf-8"))
        G = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    else:
        G = (nx.read_gexf if fmt == "gexf" else nx.read_graphml)(path)
    kinds = {d.get("kind") for _, _, d in G.edges(data=True)}
    assert {"cites", "credits"} <= kinds
    labels = " ".join(str(d.get("label", n)) for n, d in G.nodes(data=True)).lower()
    assert "rada tv" in labels and "zhelezniak" in labels


def test_report_command_writes_the_site(workdir):
    res = runner.invoke(app, ["report", "seeds", "-o", "site"])
    assert res.exit_code == 0, res.output
    index = (workdir / "site" / "index.html").read_text(encoding="utf-8")
    assert all(p.stem in index for p in seed_paths())
    assert (workdir / "site" / "articles").is_dir()


def test_a_raising_rule_and_a_broken_rule_file_each_give_one_line(workdir):
    rules = workdir / "myrules"
    rules.mkdir()
    (rules / "broken.yaml").write_text("id: broken\nfamily: [unclosed\n", encoding="utf-8")
    (rules / "explodes.py").write_text(
        "from auditor.rules import rule\n\n"
        "@rule(id='explodes', name='Explodes', family='inference', docs={'what': 'x', 'why': 'y'},\n"
        "      examples={'flagged': ['⟦a⟧'], 'clean': ['b']})\n"
        "def check(doc):\n    raise RuntimeError('boom')\n", encoding="utf-8")
    res = runner.invoke(app, ["score", "seeds", "--rules", "myrules", "--no-db", "--json", "out.json"])
    assert res.exit_code == 1
    lines = [ln for ln in res.output.splitlines() if ln.startswith("rule error:")]
    assert len([ln for ln in lines if "broken.yaml" in ln]) == 1
    boom = [ln for ln in lines if "explodes" in ln]
    assert len(boom) == 1 and "failed on 5 articles" in boom[0] and "RuntimeError: boom" in boom[0]
    data = json.loads((workdir / "out.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 5


def test_outlets_keeps_each_outlets_score_over_runs(workdir):
    assert runner.invoke(app, ["score", "seeds"]).exit_code == 0
    smaller = workdir / "fewer"
    smaller.mkdir()
    for p in seed_paths()[1:3]:
        shutil.copy(p, smaller / p.name)
    assert runner.invoke(app, ["score", str(smaller)]).exit_code == 0
    from auditor.store.history import outlet_history

    rows = outlet_history(str(workdir / "auditor.db"), "interfax-ukraine")
    assert len(rows) == 2 and len({r["run"] for r in rows}) == 2
    res = runner.invoke(app, ["outlets", "Interfax-Ukraine"])
    assert res.exit_code == 0 and res.output.count("Interfax-Ukraine") >= 2


def test_rerun_on_a_grown_folder_reuses_the_stage_cache(workdir):
    from auditor.store import StageCache

    few = workdir / "few"
    few.mkdir()
    for p in seed_paths()[:3]:
        shutil.copy(p, few / p.name)
    assert runner.invoke(app, ["score", "few"]).exit_code == 0
    cache = StageCache(str(workdir / "auditor.db"))
    assert len(cache) == 3
    for p in seed_paths()[3:]:
        shutil.copy(p, few / p.name)
    assert runner.invoke(app, ["score", "few"]).exit_code == 0
    assert len(cache) == 5  # only the two new articles were added
