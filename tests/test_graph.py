"""The citation and echo graph (auditor.graph): nodes, edges, metrics and the three export formats."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import networkx as nx
import pytest

from auditor.corpus import Corpus
from auditor.corpus.reuse import Echo
from auditor.graph import build_graph, graph_metrics, graph_to_dict, source_key, write_graph
from auditor.models import Article, ArticleResult, Attribution, RunResult
from auditor.text.document import Doc

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate_corpus import generate  # noqa: E402

TEXT_A = ("Rada TV reported the speech. Yaroslav Zhelezniak reported the vote, according to reports. "
          "Photo: StratcomCentre/X. Rada TV showed it again.")
TEXT_B = "Zhelezniak said the vote was close. The StratcomCentre posted a video."


def _att(text: str, phrase: str, source, kind: str, source_type=None, chain=None) -> Attribution:
    s = text.index(phrase)
    return Attribution(source=source, kind=kind, start=s, end=s + len(phrase), cue="", chain=chain or [],
                       source_type=source_type)


def hand_run() -> RunResult:
    a = Article(id="a1", text=TEXT_A, outlet="Kyiv Daily", title="Speech")
    b = Article(id="b1", text=TEXT_B, outlet="The Other Post")
    atts_a = [
        _att(TEXT_A, "Rada TV reported", "Rada TV", "relayed", "broadcaster", ["Mark Rutte", "Rada TV"]),
        _att(TEXT_A, "Yaroslav Zhelezniak reported", "Yaroslav Zhelezniak", "relayed", "person"),
        _att(TEXT_A, "according to reports", None, "vague"),
        _att(TEXT_A, "StratcomCentre/X", "StratcomCentre/X", "credit", "social", ["StratcomCentre", "X"]),
        _att(TEXT_A, "Rada TV showed", "Rada TV", "direct", "broadcaster"),
    ]
    atts_b = [
        _att(TEXT_B, "Zhelezniak said", "Zhelezniak", "direct", "person"),
        _att(TEXT_B, "The StratcomCentre posted", "The StratcomCentre", "direct", "social"),
    ]
    return RunResult(run_id="hand", results=[ArticleResult(article=a, attributions=atts_a, score=71.5),
                                             ArticleResult(article=b, attributions=atts_b, score=90.0)],
                     outlets={"Kyiv Daily": {"score": 71.5, "articles": 1}})


def edges(G, kind):
    return {(u, v): d for u, v, k, d in G.edges(keys=True, data=True) if k == kind}


def test_source_ids_are_normalised():
    assert source_key("StratcomCentre/X") == "stratcomcentre"
    assert source_key("@StratcomCentre") == "stratcomcentre"
    assert source_key("The Associated Press") == "associated press"
    assert source_key("Zelensky's") == "zelensky"
    assert source_key(" Rada  TV ") == "rada tv"


def test_cites_and_credits_from_hand_made_attributions():
    G = build_graph(hand_run(), echoes=[])
    kinds = {n: d["kind"] for n, d in G.nodes(data=True)}
    assert kinds["outlet:kyiv daily"] == "outlet" and kinds["article:a1"] == "article"
    # one node per source across articles: "Zhelezniak" joins "Yaroslav Zhelezniak", "/X" and "The " go
    sources = {n for n, k in kinds.items() if k == "source"}
    assert sources == {"source:rada tv", "source:yaroslav zhelezniak", "source:stratcomcentre",
                       "source:mark rutte"}
    assert G.nodes["source:yaroslav zhelezniak"]["label"] == "Yaroslav Zhelezniak"
    assert G.nodes["source:stratcomcentre"]["label"] == "StratcomCentre"
    assert G.nodes["article:a1"]["outlet"] == "Kyiv Daily" and G.nodes["article:a1"]["score"] == 71.5

    cites, credits = edges(G, "cites"), edges(G, "credits")
    # article level: the credit is its own edge kind
    assert cites[("article:a1", "source:rada tv")]["weight"] == 2
    assert cites[("article:a1", "source:rada tv")]["via"] == ["direct", "relayed"]
    assert ("article:a1", "source:stratcomcentre") not in cites
    assert credits[("article:a1", "source:stratcomcentre")]["weight"] == 1
    ev = credits[("article:a1", "source:stratcomcentre")]["evidence"][0]
    assert TEXT_A[ev["start"]:ev["end"]] == "StratcomCentre/X"
    assert cites[("article:b1", "source:yaroslav zhelezniak")]["weight"] == 1
    assert cites[("article:b1", "source:stratcomcentre")]["via"] == ["direct"]
    # outlet level: every source it names is cited, the kinds in ``via``
    assert cites[("outlet:kyiv daily", "source:stratcomcentre")]["via"] == ["credit"]
    assert cites[("outlet:kyiv daily", "source:rada tv")]["weight"] == 2
    assert cites[("outlet:kyiv daily", "source:rada tv")]["articles"] == ["a1"]
    # the vague attribution has no node and no edge
    assert all("report" not in n for n in G.nodes)
    # the chain: Rada TV relays Mark Rutte; the platform "X" is no source
    assert edges(G, "relays") == {("source:rada tv", "source:mark rutte"): {"kind": "relays", "weight": 1}}
    assert set(edges(G, "publishes")) == {("outlet:kyiv daily", "article:a1"),
                                          ("outlet:the other post", "article:b1")}


def test_an_outlet_written_with_its_capital_the_keeps_it_in_its_label():
    """"The Vell Chronicle reported" names the outlet whole; "the Vell Ledger reported" writes the article in
    lower case, and a social account's "The" goes as before."""
    text = "The Vell Chronicle reported the verdict. Later the Vell Ledger reported it too."
    atts = [_att(text, "The Vell Chronicle reported", "Vell Chronicle", "relayed", "media"),
            _att(text, "the Vell Ledger reported", "Vell Ledger", "relayed", "media")]
    run = RunResult(run_id="the", results=[ArticleResult(article=Article(id="c1", text=text), attributions=atts,
                                                         score=80.0)])
    G = build_graph(run, echoes=[])
    assert G.nodes["source:vell chronicle"]["label"] == "The Vell Chronicle"
    assert G.nodes["source:vell ledger"]["label"] == "Vell Ledger"
    assert G.nodes.get("source:the vell chronicle") is None  # one node, under the name without its article


def test_an_outlets_short_name_joins_the_outlet_it_ends():
    """"the Echo" in one article is the Carrow Ford Echo another names in full; a surname joins its person as
    before, and a short name that ends two outlets' names joins neither."""
    text = "The Carrow Ford Echo reported it. The Echo quoted her. The Vale Post and the Hill Post agreed. The Post said so."
    atts = [_att(text, "The Carrow Ford Echo reported", "Carrow Ford Echo", "relayed", "media"),
            _att(text, "The Echo quoted", "Echo", "relayed", "media"),
            _att(text, "The Vale Post", "Vale Post", "relayed", "media"),
            _att(text, "the Hill Post", "Hill Post", "relayed", "media"),
            _att(text, "The Post said", "Post", "relayed", "media")]
    run = RunResult(run_id="short", results=[ArticleResult(article=Article(id="c1", text=text), attributions=atts,
                                                           score=80.0)])
    G = build_graph(run, echoes=[])
    assert "source:echo" not in G and "source:carrow ford echo" in G
    assert {"source:post", "source:vale post", "source:hill post"} <= set(G)


def test_json_export_has_the_scorer_fields():
    d = graph_to_dict(build_graph(hand_run(), echoes=[]))
    json.dumps(d)  # serialisable as is
    assert {"id", "kind", "label"} <= set(d["nodes"][0])
    assert all({"source", "target", "kind", "weight", "evidence"} <= set(e) for e in d["edges"])
    assert "metrics" in d and d["metrics"]["counts"]["edges"]["credits"] == 1
    # what the evaluation checks: a cites edge from the article (or its outlet) to the named source
    label = {n["id"]: f"{n['id']} {n['label']}".lower() for n in d["nodes"]}
    assert any(e["kind"] == "cites" and "rada tv" in label[e["target"]] and "a1" in label[e["source"]]
               for e in d["edges"])
    assert any(e["kind"] == "cites" and "stratcomcentre" in label[e["target"]]
               and "kyiv daily" in label[e["source"]] for e in d["edges"])


def _echo(copy, source, words=100, directed=True):
    return Echo(copy=copy, source=source, directed=directed, shared_words=words, copy_share=0.8,
                source_share=0.6, passages=[((0, 10), (5, 15))], method="test",
                direction_by="time" if directed else "none")


def echo_run(ids):
    return RunResult(run_id="e", results=[
        ArticleResult(article=Article(id=i, text=f"text of {i} " * 20, outlet="O1" if i < "m" else "O2"))
        for i in ids])


def test_metrics_on_hand_made_echoes():
    ids = ["a", "b", "c", "d", "r1", "r2", "x", "y", "p", "q"]
    echoes = [_echo("b", "a"), _echo("c", "b"), _echo("d", "a"),  # story 1: one origin, chain c-b-a
              _echo("x", "r1"), _echo("y", "r1"), _echo("x", "r2"),  # story 2: x compiles r1 and r2
              _echo("p", "q", directed=False)]  # story 3: direction unknown
    G = build_graph(echo_run(ids), echoes=echoes)
    m = graph_metrics(G)
    assert m["originators"] == ["a", "r1", "r2"]
    assert m["echo_chains"][0] == ["c", "b", "a"] and m["longest_chain"] == 2
    stories = {tuple(s["articles"]): s for s in m["stories"]}
    s1 = stories[("a", "b", "c", "d")]
    assert s1["roots"] == [["a"]] and s1["independent_origins"] == 1 and s1["effective_origins"] == 1.0
    s2 = stories[("r1", "r2", "x", "y")]
    assert s2["independent_origins"] == 2
    # r1 carries r1, y and half of x; r2 carries r2 and half of x
    p = [2.5 / 4, 1.5 / 4]
    assert s2["effective_origins"] == pytest.approx(math.exp(-sum(q * math.log(q) for q in p)), abs=1e-3)
    s3 = stories[("p", "q")]
    assert s3["roots"] == [["p", "q"]] and s3["independent_origins"] == 1
    # outlets: O1 holds a b c d (b, c, d copy); the reuse shares are over their words
    o1 = m["outlets"]["O1"]
    assert o1["articles"] == 4 and o1["copies"] == 3 and 0 < o1["reused_share"] <= o1["shared_share"] <= 1
    assert {"copy": "O1", "source": "O1", "echoes": 3, "words": 300} in m["outlet_echoes"]
    ev = [d for u, v, d in G.edges(data=True) if d["kind"] == "echoes" and u == "article:p"][0]
    assert ev["directed"] is False and ev["evidence"] == [{"copy": [0, 10], "source": [5, 15]}]


def test_echo_edges_from_a_generated_corpus():
    records, truth = generate(150, seed=11)
    run = RunResult(run_id="g", results=[ArticleResult(article=Article(
        id=r["id"], text=r["text"], outlet=r["outlet"], published=r.get("published"))) for r in records])
    G = build_graph(run)
    found = {(u.removeprefix("article:"), v.removeprefix("article:"))
             for u, v, k in G.edges(keys=True) if k == "echoes"}
    true_pairs = {frozenset(t) for t in truth}
    assert len({frozenset(f) for f in found} & true_pairs) >= 0.8 * len(true_pairs)
    for u, v, k, d in G.edges(keys=True, data=True):
        if k != "echoes":
            continue
        text_u, text_v = G.nodes[u], G.nodes[v]
        assert text_u["kind"] == text_v["kind"] == "article"
        assert d["weight"] >= 25 and d["evidence"]
    m = graph_metrics(G)
    assert m["originators"] and m["stories"] and max(len(c) for c in m["echo_chains"]) >= 2
    assert all(0 <= o["reused_share"] <= 1 for o in m["outlets"].values())


def test_graph_from_the_seeds():
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    docs = [Doc(Article(id=p.stem, text=p.read_text(encoding="utf-8"), outlet=f"Outlet {i}"))
            for i, p in enumerate(paths)]
    run = RunResult(run_id="seeds", results=[ArticleResult(article=d.article, attributions=list(d.attributions))
                                             for d in docs])
    G = build_graph(run, Corpus(docs))
    arts = {n for n, d in G.nodes(data=True) if d["kind"] == "article"}
    assert arts == {f"article:{p.stem}" for p in paths}
    # five reports of one speech share its quotations, and none copies another
    assert not [k for _, _, k in G.edges(keys=True) if k == "echoes"]
    assert all(G.nodes[n]["words"] > 100 for n in arts)
    # every named attribution is an edge to its source's node, from the article and from its outlet
    for d in docs:
        for att in d.attributions:
            if att.kind == "vague" or not att.source:
                continue
            kind = "credits" if att.kind == "credit" else "cites"
            target = "source:" + source_key(att.source)
            hits = [t for _, t, k in G.out_edges(f"article:{d.article.id}", keys=True) if k == kind]
            assert any(t == target or G.nodes[t]["label"].endswith(att.source.split()[-1]) for t in hits)
    json.dumps(graph_to_dict(G))


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_gexf_and_graphml_round_trip(tmp_path, fmt):
    ids = ["a", "b", "c"]
    run = echo_run(ids)
    run.results[0].attributions = [Attribution(source="AFP", kind="credit", start=0, end=4,
                                               source_type="agency")]
    G = build_graph(run, echoes=[_echo("b", "a"), _echo("c", "a", directed=False)])
    path = write_graph(G, tmp_path / f"g.{fmt}")
    H = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    assert set(H.nodes) == set(G.nodes)
    assert H.number_of_edges() == G.number_of_edges()
    assert H.nodes["source:afp"]["kind"] == "source" and H.nodes["source:afp"]["label"] == "AFP"
    echo = [d for u, v, d in H.edges(data=True) if d["kind"] == "echoes" and u == "article:b"][0]
    assert json.loads(echo["evidence"]) == [{"copy": [0, 10], "source": [5, 15]}]
    assert float(echo["weight"]) == 100
    und = [d for u, v, d in H.edges(data=True) if d["kind"] == "echoes" and u == "article:c"][0]
    assert und["directed"] in (False, "false", "False")


def test_json_file_round_trip(tmp_path):
    G = build_graph(hand_run(), echoes=[])
    path = write_graph(G, tmp_path / "graph.json")
    d = json.loads(path.read_text(encoding="utf-8"))
    assert len(d["nodes"]) == G.number_of_nodes() and len(d["edges"]) == G.number_of_edges()
    with pytest.raises(ValueError):
        write_graph(G, tmp_path / "graph.dot")


def test_consuming_export_is_the_same_and_empties_the_graph():
    ids = ["a", "b", "c", "d", "r1", "r2", "x", "y", "p", "q"]
    echoes = [_echo("b", "a"), _echo("c", "b"), _echo("d", "a"), _echo("x", "r1"), _echo("p", "q", directed=False)]
    for run, ech in ((echo_run(ids), echoes), (hand_run(), [])):
        kept = graph_to_dict(build_graph(run, echoes=ech))
        G = build_graph(run, echoes=ech)
        assert json.dumps(graph_to_dict(G, consume=True)) == json.dumps(kept)
        assert G.number_of_nodes() == 0


def test_a_source_that_is_one_of_the_runs_outlets_is_one_node_named_as_the_outlet_names_itself():
    # short forms a text names a run's outlet by: its last word, the name without "News", its initials
    texts = {
        "c1": "The ferry will run, the Harbour Chronicle reported.",
        "k1": "KBC News heard the minister in the chamber.",
        "m1": "The fare stays, Meridian Press Agency said.",
        "x1": ("The ferry will run, the Chronicle reported. KBC reported the fare. MPA said the fare stays. "
               "The Review said it would wait."),
    }
    outlets = {"c1": "The Harbour Chronicle", "k1": "KBC News", "m1": "Meridian Press Agency", "x1": "Vell Digest"}
    found = {"x1": [("the Chronicle reported", "Chronicle", "media"), ("KBC reported", "KBC", "broadcaster"),
                    ("MPA said", "MPA", "agency"), ("The Review said", "Review", "media")],
             "c1": [("the Harbour Chronicle reported", "Harbour Chronicle", "media")],
             "m1": [("Meridian Press Agency said", "Meridian Press Agency", "agency")]}
    results = []
    for aid in sorted(texts):
        t = texts[aid]
        atts = [_att(t, phrase, src, "relayed", st) for phrase, src, st in found.get(aid, [])]
        results.append(ArticleResult(article=Article(id=aid, text=t, outlet=outlets[aid]), attributions=atts))
    G = build_graph(RunResult(run_id="o", results=results), echoes=[])
    cited = {G.nodes[v]["label"] for (u, v) in edges(G, "cites") if u == "article:x1"}
    assert cited == {"The Harbour Chronicle", "KBC News", "Meridian Press Agency", "The Review"}
    assert G.nodes["source:harbour chronicle"]["outlet"] == "outlet:the harbour chronicle"
    assert "source:mpa" not in G and "source:kbc" not in G and "source:chronicle" not in G
    # "the Review" is no outlet of the run: it stays a source of its own, named as the text names it
    assert "outlet" not in G.nodes["source:review"]
