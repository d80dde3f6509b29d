"""Numeric claims across outlets and the numeric-disagreement rule."""

from __future__ import annotations

from pathlib import Path

from auditor.corpus import Corpus
from auditor.corpus.claims import extract_claims, numbers
from auditor.models import Article
from auditor.rules import load_rules
from auditor.text.document import Doc

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures" / "attribution"


def doc_of(text: str, aid: str) -> Doc:
    return Doc(Article(id=aid, text=text))


def fixture_corpus() -> Corpus:
    return Corpus([doc_of((FIX / f"numbers_{k}.txt").read_text(encoding="utf-8"), k) for k in "abc"])


def test_numbers_skip_dates_years_and_ordinals():
    d = doc_of("On 3 February 2026, at the 15th session, 12:53, partners sent 40 tanks.", "x")
    assert [(n.value, n.unit, n.what) for n in numbers(d)] == [(40, "count", "tanks")]


def test_percent_with_what_it_quantifies():
    d = doc_of("Partners have provided 75% of all missiles and 90% of air defense systems.", "x")
    got = [(n.value, n.unit, n.what, n.head) for n in numbers(d)]
    assert got == [(75, "percent", "all missiles", "missile"), (90, "percent", "air defense systems", "system")]


def test_same_figure_for_different_things_is_a_disagreement():
    claims = extract_claims(fixture_corpus())
    (c,) = [c for c in claims if c["unit"] == "percent"]
    assert {a["article"] for a in c["articles"]} == {"a", "b", "c"}
    assert c["outlets"] == 3 and c["origins"] == 3
    (dis,) = c["disagreements"]
    assert dis["field"] == "what"
    assert {r["key"] for r in dis["renderings"]} == {"system", "missile"}


def test_different_figures_for_the_same_thing_is_a_disagreement():
    claims = extract_claims(fixture_corpus())
    (c,) = [c for c in claims if c["unit"] == "count" and "people" in c["what"]]
    assert sorted(a["value"] for a in c["articles"]) == [12, 15]
    assert [d["field"] for d in c["disagreements"]] == ["value"]


def test_claim_spans_point_at_the_text():
    corpus = fixture_corpus()
    for c in extract_claims(corpus):
        for a in c["articles"]:
            assert corpus.by_id[a["article"]].text[a["start"]:a["end"]] == a["text"]


def test_rule_flags_the_minority_rendering_hardest():
    corpus = fixture_corpus()
    r = load_rules(select=["numeric-disagreement"]).get("numeric-disagreement")
    a = corpus.by_id["a"]
    sev = {a.text[f.start:f.end]: f.severity for f in r.run(a, corpus)}
    assert sev["90% of air defence systems received by Ukraine"] == "medium"
    c = corpus.by_id["c"]
    assert {f.severity for f in r.run(c, corpus)} == {"info"}


def test_seeds_air_defense_figure():
    docs = [doc_of(p.read_text(encoding="utf-8"), p.stem[:3]) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    claims = extract_claims(Corpus(docs))
    (c,) = [c for c in claims if c["value"] == 90 and c["unit"] == "percent"]
    assert {a["article"] for a in c["articles"]} == {"000", "002", "003"}
    assert any(d["field"] == "what" for d in c["disagreements"])
    (c75,) = [c for c in claims if c["value"] == 75]
    assert c75["disagreements"] == [] and len(c75["articles"]) == 2


def test_blocking_joins_the_same_groups_as_all_pairs():
    """_candidate_pairs must not lose a link that comparing every pair would find."""
    import itertools
    import random

    from auditor.corpus.claims import NumberMention, _candidate_pairs, _linked

    rng = random.Random(3)
    vocab = ["missiles", "systems", "air", "defense", "troops", "deputies", "people"]
    ms = []
    for i in range(300):
        terms = frozenset(rng.sample(vocab, rng.randint(0, 3)))
        head = rng.choice(sorted(terms)) if terms and rng.random() < 0.8 else ""
        ms.append(NumberMention(f"a{rng.randint(0, 40)}", i, i + 1, rng.choice([75, 90, 450]), "percent", "", head,
                                terms, ""))

    def groups(pairs):
        parent = list(range(len(ms)))

        def find(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i
        for i, j in pairs:
            if ms[i].article != ms[j].article and _linked(ms[i], ms[j]):
                parent[find(i)] = find(j)
        return sorted(sorted(i for i in range(len(ms)) if find(i) == r) for r in {find(i) for i in range(len(ms))})

    assert groups(_candidate_pairs(ms)) == groups(itertools.combinations(range(len(ms)), 2))
