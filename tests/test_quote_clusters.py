"""Quote clusters, consensus and fidelity: on the real seeds against the hand annotations, on small built
cases for each kind of difference, on a synthetic corpus with known truth, and the quote-fidelity rules'
own examples."""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import sys
from pathlib import Path

import pytest

from auditor.corpus import Corpus
from auditor.corpus.quotes import cluster_quotes
from auditor.models import Article
from auditor.rules import load_rules
from auditor.text.document import Doc
from tests.helpers import first_quotes, match_gold_quotes, seed_docs

ROOT = Path(__file__).resolve().parents[1]
GOLD_PATH = Path(__file__).resolve().parent / "gold" / "seeds_gold.json"


def docs_of(texts: dict[str, str]) -> list[Doc]:
    return [Doc(Article(id=k, text=v)) for k, v in texts.items()]


@pytest.fixture(scope="module")
def gold():
    if not GOLD_PATH.is_file():
        pytest.skip("hand annotations not available")
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seeds():
    docs = seed_docs()
    clusters = cluster_quotes(docs)
    return docs, clusters


def test_seed_clusters_match_the_hand_annotations(seeds, gold):
    docs, _ = seeds
    tp = fp = fn = 0
    for (g1, q1), (g2, q2) in itertools.combinations(match_gold_quotes(docs, gold), 2):
        same_g = g1["cluster"] == g2["cluster"]
        same_t = q1.cluster is not None and q1.cluster == q2.cluster
        tp += same_g and same_t
        fp += same_t and not same_g
        fn += same_g and not same_t
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    # units are shorter than quotations: a few common words scattered in two units ("Ukraine needs strong
    # support" / "Ukraine proved to be strong, and our support arrived") must not join them (SCATTERED_FACTOR)
    assert p >= 0.95 and f1 >= 0.85, (p, r, f1)  # tests/gold/floors.json


def test_seed_inverted_rendering_is_least_faithful(seeds, gold):
    docs, _ = seeds
    lf = gold["least_faithful"]
    fid = {g["article"]: q for g, q in match_gold_quotes(docs, gold) if g["cluster"] == lf["cluster"]}
    worst = fid[lf["article"]]
    others = [q.fidelity for a, q in fid.items() if a != lf["article"]]
    assert len(others) >= 2 and all(o is not None and worst.fidelity < o for o in others)
    types = {d["type"] for d in worst.differences}
    assert {"negation", "question"} <= types


def test_seed_translation_is_recorded_not_penalised(seeds):
    docs, _ = seeds
    by = {d.article.id[:3]: d for d in docs}
    notes = [d for q in by["001"].quotes for d in q.differences if d["type"] == "translated"]
    assert notes and all(by["001"].text[n["start"]:n["end"]].lower().startswith("translat") for n in notes)
    # 000 does not say so (a cluster whose renderings diverge may still be inferred translated: no span then)
    assert not any(d["type"] == "translated" and "start" in d for q in by["000"].quotes for d in q.differences)


def test_seed_partial_quote_joins_the_rendering_it_comes_from(seeds):
    docs, _ = seeds
    by = {d.article.id[:3]: d for d in docs}
    part = next(q for q in by["001"].quotes if q.text.startswith("will require difficult choices"))
    full = next(q for q in by["004"].quotes if "require difficult choices" in q.text and q is not part)
    assert part.kind == "partial" and part.cluster is not None and part.cluster == full.cluster


def test_seed_uncorroborated_quotes_have_no_fidelity(seeds):
    docs, _ = seeds
    winter = next(q for q in docs[0].quotes if q.text.startswith("The winter is long"))
    assert winter.cluster is None and winter.fidelity is None


def test_seed_known_miss_translated_paraphrase(seeds):
    """Known miss: 004's "Troops on the ground, jets in the air" shares too few content words with the
    other two renderings of that passage (a translation of a translation) to be clustered with them."""
    docs, _ = seeds
    by = {d.article.id[:3]: d for d in docs}
    t004 = next(q for q in by["004"].quotes if "Troops on the ground" in q.text)
    t002 = next(q for q in by["002"].quotes if q.text.startswith("As"))
    if t004.cluster is not None and t004.cluster == t002.cluster:
        pytest.fail("fixed: turn this known miss into a regular assertion")
    pytest.xfail("translated paraphrase with two shared content words is not clustered")


def test_cluster_ids_are_stable_and_order_free():
    a = [c.id for c in cluster_quotes(seed_docs())]
    b = [c.id for c in cluster_quotes(list(reversed(seed_docs())))]
    assert a and sorted(a) == sorted(b)


def test_quotes_of_one_article_do_not_cluster_together():
    docs = docs_of({
        "a": '"We will not accept a frozen conflict," Rutte said. Later: "We will accept no frozen conflict," he said.',
        "b": '"We will not accept a frozen conflict," Rutte said.',
    })
    clusters = cluster_quotes(docs)
    for c in clusters:
        arts = [m["article"] for m in c.members]
        assert len(arts) == len(set(arts)) or len({m["text"] for m in c.members}) == 1


def test_stitched_quotation_is_typed():
    docs = docs_of({
        "a": '"Your peace is our peace... You would not want a second Budapest Memorandum or another Minsk," Rutte said.',
        "b": '"You would not want a second Budapest Memorandum or another Minsk," Rutte said.',
        "c": '"You would not want another Budapest Memorandum or another Minsk," Rutte said.',
    })
    cluster_quotes(docs)
    qa = docs[0].quotes[0]
    assert qa.cluster == docs[1].quotes[0].cluster
    st = [d for d in qa.differences if d["type"] == "stitched"]
    assert st and docs[0].text[st[0]["start"]:st[0]["end"]] == "Your peace is our peace"
    assert qa.fidelity < 1.0 and docs[1].quotes[0].fidelity == 1.0


def test_the_next_part_of_one_passage_is_no_stitched_remark_but_a_remark_from_elsewhere_is():
    passage = "We will rebuild the north pier by June, and we will do it without raising taxes"
    docs = docs_of({
        "a": f'"{passage}," Roe told the council.',
        "b": f'"{passage}," Mayor Roe said. "The fishers have waited long enough," she added.',
        "c": f'Roe said: "{passage}."',
        "d": '"The fishers have waited long enough," Roe said.',
        # the two clauses joined without the comma and the second "we will": the same passage, condensed
        "e": '"We will rebuild the north pier by June and do it without raising taxes," Roe said.',
        # a remark the others carry apart, joined on without a mark
        "f": '"We will rebuild the north pier by June and the fishers have waited long enough," Roe said.',
    })
    cluster_quotes(docs)
    qe, qf = docs[4].quotes[0], docs[5].quotes[0]
    assert qe.cluster == qf.cluster == docs[0].quotes[0].cluster
    assert not [d for d in qe.differences if d["type"] == "stitched"] and qe.fidelity == 1.0, qe.differences
    assert [d for d in qf.differences if d["type"] == "stitched"] and qf.fidelity < 1.0, qf.differences


def test_substitution_costs_less_than_a_polarity_flip():
    docs = docs_of({
        "a": '"We will never abandon our partners in Ukraine," Rutte said.',
        "b": 'Rutte said: "We will never abandon our partners in Ukraine."',
        "c": '"We will never abandon our friends in Ukraine," Rutte said.',
        "d": '"We will abandon our partners in Ukraine," Rutte said.',
    })
    cluster_quotes(docs)
    fc, fd = docs[2].quotes[0], docs[3].quotes[0]
    assert fc.cluster == fd.cluster == docs[0].quotes[0].cluster
    assert [d["type"] for d in fc.differences] == ["substitution"]
    assert fc.differences[0]["rendering"] == "friends" and fc.differences[0]["consensus"] == "partners"
    assert "negation" in {d["type"] for d in fd.differences}
    assert fd.fidelity < fc.fidelity < 1.0


@pytest.mark.parametrize(("idiom", "negated"), [
    ("without any delay", False),            # an idiom of manner with a filler inside it negates nothing
    ("without the slightest doubt", False),
    ("without further delay", False),
    ("without any ferries", True),            # a weak negator with a noun of its own still counts
])
def test_a_negation_idiom_with_a_filler_is_no_negation(idiom, negated):
    base = "We will send the fuel without delay to every island"
    docs = docs_of({
        "a": f'"{base}," Varga said.',
        "b": f'Varga said: "{base}."',
        "c": f'"{base.replace("without delay", idiom)}," Varga said.',
    })
    cluster_quotes(docs)
    q = docs[2].quotes[0]
    assert q.cluster == docs[0].quotes[0].cluster
    assert ("negation" in {d["type"] for d in q.differences}) is negated, q.differences


def test_a_word_replaced_at_the_edge_of_an_excerpt_is_a_substitution():
    # the last word ("calm and bright" for "calm and clear") and the first word ("Harbours ..." for
    # "Rivers ...") of a short rendering, where it ends or begins as the speech does: a substitution
    docs = docs_of({
        "a": 'Mayor Ilse Varga said: "Our northern sky is always calm and clear."',
        "b": 'Varga told residents that "our northern sky is always calm and clear".',
        "c": 'The mayor promised a sky "always calm and clear", Varga said.',
        "d": 'The mayor, Varga said, promised a sky "always calm and bright".',
        "e": '"Rivers will carry our grain to every port," Varga said on Monday.',
        "f": 'Varga said: "Rivers will carry our grain to every port."',
        "g": 'Varga said: "Harbours will carry our grain to every port."',
        "h": 'She said the "grain to every port" pledge stands, Varga said.',
    })
    cluster_quotes(docs)
    q = {d.article.id: d.quotes[0] for d in docs}
    assert q["c"].cluster == q["d"].cluster == q["a"].cluster
    assert q["c"].fidelity == 1.0  # an excerpt that stops where the speech goes on: a cut, no change
    subs = [d for d in q["d"].differences if d["type"] == "substitution"]
    assert [(d["rendering"], d["consensus"]) for d in subs] == [("bright", "clear")]
    assert docs[3].text[subs[0]["start"]:subs[0]["end"]] == "bright"
    assert q["d"].fidelity < 1.0
    assert q["g"].cluster == q["e"].cluster and q["h"].cluster == q["e"].cluster
    subs = [d for d in q["g"].differences if d["type"] == "substitution"]
    assert [(d["rendering"], d["consensus"]) for d in subs] == [("Harbours", "Rivers")]
    assert q["g"].fidelity < 1.0 and q["h"].fidelity == 1.0


def test_a_subject_replaced_at_the_start_and_a_hyphen_spelled_apart():
    q = first_quotes({
        "a": 'Varga warned the council: "Your harbours are sinking slowly into the cold grey sea."',
        "b": '"Your harbours are sinking slowly into the cold grey sea," Varga said.',
        "c": 'Varga said: "Your harbours are sinking slowly into the cold grey sea."',
        "d": 'Varga told reporters: "Town is sinking slowly into the cold grey sea."',
        "e": '"This is a contest of open trade or zero-sum rivalry for the ports," Varga said.',
        "f": 'Varga said: "This is a contest of open trade or zero-sum rivalry for the ports."',
        "g": '"This is a contest of open trade or zero sum rivalry for the ports," Varga said.',
    })
    assert q["d"].cluster == q["a"].cluster
    subs = [(d["rendering"], d["consensus"]) for d in q["d"].differences if d["type"] == "substitution"]
    assert [r for r, _ in subs] == ["Town is"] and "harbours" in subs[0][1]
    assert q["d"].fidelity < min(q["a"].fidelity, q["b"].fidelity, q["c"].fidelity)
    assert q["g"].cluster == q["e"].cluster
    assert not [d for d in q["g"].differences if d["type"] == "number"]  # "zero sum" is "zero-sum"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_quotes", ROOT / "benchmarks/bench_quotes.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_quotes"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_synthetic_corpus_pair_precision_and_recall():
    b = _bench()
    docs, truth = b.make_corpus(300, 80, seed=3)
    cluster_quotes(docs)
    p, r, _, _ = b.pair_scores(docs, truth)
    assert p >= 0.95 and r >= 0.9, (p, r)


def test_synthetic_corpus_with_popular_utterances_is_not_split():
    """Many renderings of each utterance (cut, excerpted, words substituted): the excerpts must find the
    cluster of the utterance they come from rather than found clusters of their own."""
    b = _bench()
    docs, truth = b.make_corpus(2000, 1000, seed=11)
    cluster_quotes(docs)
    p, r, _, _ = b.pair_scores(docs, truth)
    assert p >= 0.95 and r >= 0.93, (p, r)


def test_excerpt_of_another_part_of_the_speech_joins_through_the_rendering_carrying_it():
    speech = ("Ukraine must understand that the documents signed in Washington will be implemented by major "
              "countries, and every sacrifice made for freedom will be honoured by the alliance, its members "
              "and partners in Europe tomorrow")
    w = speech.split()
    texts = {f"head{i}": f'"{" ".join(w[:26])}," Rutte said.' for i in range(5)}  # no rendering has it all
    texts["tail"] = f'"{" ".join(w[10:])}," Rutte said.'  # shorter, so visited later; it alone has the end
    texts["excerpt"] = f'Rutte noted that "{" ".join(w[26:])}."'
    docs = docs_of(texts)
    cluster_quotes(docs)
    by = {d.article.id: d.quotes[0] for d in docs}
    assert by["excerpt"].kind == "partial"
    assert by["excerpt"].cluster is not None and len({q.cluster for q in by.values()}) == 1


def test_same_words_in_one_article_twice_do_not_join_one_cluster_twice_by_the_shortcut():
    docs = docs_of({
        "a": '"We will not accept a frozen conflict," Rutte said. "We will not accept any deal over Ukraine," he said.',
        "b": '"We will not accept a frozen conflict," Rutte said.',
        "c": '"We will not accept a frozen conflict," Rutte said. Later he repeated: "We will not accept a frozen '
             'conflict."',
    })
    clusters = cluster_quotes(docs)
    (c,) = [c for c in clusters if "frozen" in c.consensus]
    assert sorted(m["article"] for m in c.members) == ["a", "b", "c", "c"]  # c repeats it word for word
    assert docs[0].quotes[1].cluster is None


# -- the quote-fidelity rules on the seeds (their examples run in test_rules_examples.py) ------------------------------------------------------

RULES = load_rules(select=["quote-fidelity"])


def test_rules_load():
    assert not RULES.errors
    assert {r.id for r in RULES.rules} >= {"altered-quote", "quote-polarity-flip", "quote-turned-question",
                                           "uncorroborated-quote"}


def test_altered_quote_flags_the_inverted_seed(seeds):
    docs = seed_docs()
    corpus = Corpus(docs)
    rule = RULES.get("altered-quote")
    by = {d.article.id[:3]: d for d in docs}
    hits = rule.run(by["001"], corpus)
    texts = [by["001"].text[f.start:f.end] for f in hits]
    assert "Would you like a second Budapest Memorandum or another Minsk?" in texts
    f = next(f for f in hits if by["001"].text[f.start:f.end].startswith("Would"))
    assert f.severity == "high" and "negation" in f.message and "You would not want" in f.message
    assert rule.score(by["001"], hits) < 1.0


def test_a_condition_is_cut_only_from_its_own_sentence():
    # the consensus joins two sentences with an ellipsis; a rendering of the second alone cuts no
    # condition (the "if" governs the first), a rendering that drops the "if" clause of its own does
    two = '"If the tide turns, we will rebuild the quay... boats decide who stays on the island," Varga said.'
    docs = docs_of({
        "a": two,
        "b": two.replace("Varga said", "Varga told the council"),
        "c": two.replace("Varga said", "the mayor, Varga, said"),
        "d": 'Varga said: "Boats decide who stays on the island."',
        "e": 'Varga said: "We will rebuild the quay."',
    })
    cluster_quotes(docs)
    qd, qe = docs[3].quotes[0], docs[4].quotes[0]
    assert qd.fidelity is not None and qe.fidelity is not None  # both corroborated
    assert not [d for d in qd.differences if d["type"] == "condition"] and qd.fidelity == 1.0
    assert [d for d in qe.differences if d["type"] == "condition"] and qe.fidelity < 1.0


@pytest.mark.parametrize(("tail", "condition"), [
    ("for as long as it takes", False),   # a duration: an excerpt that stops before it cuts no condition
    ("as long as needed", False),
    ("for as long as the storms last", False),
    ("as long as the council pays", True),  # a condition: cutting it changes the promise
    ("so long as the council pays", True),
])
def test_a_duration_is_no_condition_but_as_long_as_with_a_clause_is(tail, condition):
    full = f"We will keep the ferry running {tail}"
    docs = docs_of({
        "a": f'"{full}," Varga said.',
        "b": f'Varga told the council: "{full}."',
        "c": 'Varga promised to "keep the ferry running".',
    })
    cluster_quotes(docs)
    q = docs[2].quotes[0]
    assert q.fidelity is not None  # corroborated: an excerpt of the others' rendering
    assert bool([d for d in q.differences if d["type"] == "condition"]) is condition, q.differences
    assert (q.fidelity == 1.0) is not condition


def test_a_number_in_words_and_in_digits_is_the_same_number():
    q = first_quotes({
        "a": '"If the island can survive 10 years of storms, it can survive one winter of debt," Varga said.',
        "b": 'Varga said: "If the island can survive 10 years of storms, it can survive one winter of debt."',
        "c": '"If the island can survive ten years of storms, it can survive one winter of debt," Varga said.',
        "d": '"If the island can survive 12 years of storms, it can survive one winter of debt," Varga said.',
    })
    assert q["c"].cluster == q["a"].cluster == q["d"].cluster
    # nor a changed word: an outlet's house style spells the number, the speaker's words are the same
    assert not [d for d in q["c"].differences if d["type"] in ("number", "substitution")] and q["c"].fidelity == 1.0
    assert [d for d in q["d"].differences if d["type"] == "number"] and q["d"].fidelity < q["c"].fidelity


def test_one_stays_a_word_not_the_number():
    from auditor.corpus.quotes import _is_number, stem

    assert stem("ten") == stem("10") and stem("Twenty") == stem("20")
    assert stem("one") != stem("1") and not _is_number("one")  # "no one", "the one who": a pronoun as often


def test_an_excerpt_of_a_clause_the_consensus_does_not_carry_is_judged_by_the_rendering_carrying_it():
    # most outlets print only the sentence's first clause, so the consensus is that clause; an excerpt of
    # the second clause joins the cluster through a longer rendering, and must not read as a paraphrase of
    # the first (fidelity 0) nor as its negation
    first = "The harbour has weathered the storm of the northern blockade"
    texts = {f"short{i}": f'"{first}," Varga told reporters.' for i in range(8)}
    texts["long1"] = f'"{first} but we must never forget its lessons," Varga said.'  # one unit: no comma
    texts["long2"] = f'Varga said: "{first} but we must never forget its lessons."'
    texts["excerpt"] = 'Varga urged islanders to "never forget its lessons" as the ferries returned.'
    texts["twisted"] = 'Varga said islanders should "always forget its lessons" as the ferries returned.'
    docs = docs_of(texts)
    cluster_quotes(docs)
    q = {d.article.id: d.quotes[0] for d in docs}
    assert q["excerpt"].cluster == q["long1"].cluster == q["short0"].cluster
    assert q["excerpt"].fidelity == 1.0
    assert not [d for d in q["excerpt"].differences if d["type"] in ("paraphrase", "negation")]
    # a word changed inside such an excerpt is still a change
    assert q["twisted"].cluster == q["excerpt"].cluster and q["twisted"].fidelity < 1.0


@pytest.mark.parametrize("promise, told", [
    ("we will open a ferry line to the mainland within the year", "we opened a ferry line to the mainland within the year"),
    ("we will open a ferry line to the mainland within the year", "we have opened a ferry line to the mainland within the year"),
    ("the council will build a new sea wall before the storms", "the council built a new sea wall before the storms"),
    ("we'll rebuild every quay the flood took from the island", "we rebuilt every quay the flood took from the island"),
    ("the harbour will be reopened to the fishing fleet in spring", "the harbour was reopened to the fishing fleet in spring"),
    # no future marker on the speaker's side: the bare verb (a plan, a habit) against its past
    ("open a ferry line to the mainland and carry the mail every week", "opened a ferry line to the mainland and carry the mail every week"),
    ("we carry the mail to the mainland on every ferry", "we carried the mail to the mainland on every ferry"),
])
def test_a_promise_told_as_done_changes_the_meaning(promise, told):
    # a verb the speaker put in the future, rendered in the past or perfect (or back): typed "tense", a
    # changed meaning, in a translated speech too (a translator picks words, not when a thing happens)
    for note in ("", " Varga spoke in Hungarian."):
        docs = docs_of({
            "a": f'"{promise.capitalize()}," Varga said.{note}',
            "b": f'Varga said: "{promise.capitalize()}."{note}',
            "c": f'"{promise.capitalize()}," Varga told the council.{note}',
            "d": f'Varga said: "{told.capitalize()}."{note}',
            "e": f'Varga said: "{promise.capitalize().replace("the ", "our ", 1)}."{note}',
        })
        cluster_quotes(docs)
        q = {d.article.id: d.quotes[0] for d in docs}
        assert q["d"].cluster == q["a"].cluster
        tense = [d for d in q["d"].differences if d["type"] == "tense"]
        assert tense and tense[0]["note"] == "a promise told as done", (told, q["d"].differences)
        # the evidence ends on the changed verb, the rendering's own word
        verb = docs[3].text[tense[0]["start"]:tense[0]["end"]].split()[-1]
        assert verb == tense[0]["rendering"].split()[-1] and verb.lower() in told.split()
        assert q["d"].fidelity < q["e"].fidelity and q["d"].fidelity <= 0.5
        # the other way round: a deed told as a promise
        docs = docs_of({"a": f'"{told.capitalize()}," Varga said.{note}', "b": f'Varga said: "{told.capitalize()}."{note}',
                        "c": f'"{told.capitalize()}," Varga told the council.{note}',
                        "d": f'Varga said: "{promise.capitalize()}."{note}'})
        cluster_quotes(docs)
        assert [d["note"] for d in docs[3].quotes[0].differences if d["type"] == "tense"] == ["a deed told as a promise"]


@pytest.mark.parametrize("consensus, rendering", [
    # the same time in other words (shall, a future perfect, a present progressive, a perfect passive), and
    # an -ed adjective beside a changed word
    ("we will open a ferry line to the mainland within the year", "we shall open a ferry line to the mainland within the year"),
    ("we will open a ferry line to the mainland within the year", "we will have opened a ferry line to the mainland within the year"),
    ("we will open a ferry line to the mainland within the year", "we are opening a ferry line to the mainland within the year"),
    ("the harbour was reopened to the fishing fleet in spring", "the harbour has been reopened to the fishing fleet in spring"),
    ("the island will remember the sacred pledge of its founders", "the island will remember the sacred pledges of its founders"),
    # a past participle that is no verb's past (an adjective, a passive after "be") against the bare verb
    ("we must unite the island behind the ferry plan this year", "we must be a united island behind the ferry plan this year"),
    ("to open the harbour to the fishing fleet in spring", "to be opened to the fishing fleet in spring"),
    ("we open the harbour to the fishing fleet every spring", "we open the harbour to the fishing fleet every spring again"),
    # a clause whose verb's time follows another's, and a thing that could have been (no deed)
    ("we will not rest until we bring every fisherman home", "we will not rest until we have brought every fisherman home"),
    ("the flood came through those who could have stopped it", "the flood came through those who can stop it"),
    ("the flood came through those who could've stopped it", "the flood came through those who can stop it"),
])
def test_the_same_time_in_other_words_is_not_a_tense_change(consensus, rendering):
    docs = docs_of({
        "a": f'"{consensus.capitalize()}," Varga said.',
        "b": f'Varga said: "{consensus.capitalize()}."',
        "c": f'"{consensus.capitalize()}," Varga told the council.',
        "d": f'Varga said: "{rendering.capitalize()}."',
    })
    cluster_quotes(docs)
    q = docs[3].quotes[0]
    assert q.cluster == docs[0].quotes[0].cluster
    assert not [d for d in q.differences if d["type"] == "tense"], q.differences


def _fidelity_of(texts: dict[str, str]) -> dict[str, float | None]:
    docs = docs_of(texts)
    cluster_quotes(docs)
    return {d.article.id: d.quotes[0].fidelity for d in docs}


def test_a_decimal_number_changed_is_an_alteration():
    # "2.3" and "3.2" are two numbers, not the same two digits in another order
    line = ('"Our best estimate is that the files of about {n} million customers were copied, roughly one in '
            'every three accounts," the director said.')
    fid = _fidelity_of({"a": line.format(n="2.3"), "b": line.format(n="2.3"), "c": line.format(n="3.2")})
    assert fid["c"] < 0.8 and fid["a"] == fid["b"] == 1.0, fid


def test_a_number_the_consensus_carries_is_no_change_whoever_carries_the_rest():
    # two long renderings disagree on a number the short ones all give: the one that keeps it is faithful
    long = ('"Some {n} million people are now displaced inside Varra, and a further 340,000 have crossed into '
            'neighbouring countries," the envoy said.')
    short = 'The envoy said "1.2 million people are now displaced inside Varra".'
    fid = _fidelity_of({"a": long.format(n="1.2"), "b": short, "c": short, "d": long.format(n="12")})
    assert fid["a"] > 0.9 and fid["d"] < 0.5, fid


def _differences_of(texts: dict[str, str], art: str) -> list[dict]:
    docs = docs_of(texts)
    cluster_quotes(docs)
    return next(d for d in docs if d.article.id == art).quotes[0].differences


@pytest.mark.parametrize("said, old, new", [
    ("Spending on school repairs has risen in each of the past four years", "risen", "fallen"),
    ("The regional council accepted the auditors' findings in full last spring", "accepted", "rejected"),
    ("Ticket sales for the autumn season were higher than the board expected", "higher", "lower"),
    ("The committee will publish its report before the harbour vote next month", "before", "after"),
    ("Our team won the argument on water prices at every meeting so far", "won", "lost"),
])
def test_a_word_put_for_its_opposite_changes_the_meaning(said, old, new):
    # "risen" for "fallen" is one word: a plain substitution scored it near 1.0, above the renderings
    # that only trimmed a word
    texts = {"a": f'"{said}," the treasurer said.', "b": f'The treasurer said: "{said}."',
             "c": f'"{said}," the treasurer told reporters.', "d": f'"{said.replace(old, new)}," the treasurer said.'}
    fid = _fidelity_of(texts)
    assert fid["d"] < 0.6 and fid["a"] == fid["b"] == fid["c"] == 1.0, fid
    diffs = _differences_of(texts, "d")
    assert [d["type"] for d in diffs if d["type"] == "antonym"] == ["antonym"], diffs


@pytest.mark.parametrize("said, old, new", [
    ("Spending on school repairs has risen in each of the past four years", "risen", "increased"),  # one side
    ("The regional council accepted the auditors' findings in full last spring", "accepted", "welcomed"),
    ("Our team won the argument on water prices at every meeting so far", "won", "carried"),
    ("Ticket sales for the autumn season were higher than the board expected", "autumn", "winter"),
])
def test_a_word_put_for_another_of_the_same_sense_is_no_antonym(said, old, new):
    texts = {"a": f'"{said}," the treasurer said.', "b": f'The treasurer said: "{said}."',
             "d": f'"{said.replace(old, new)}," the treasurer said.'}
    assert not [d for d in _differences_of(texts, "d") if d["type"] == "antonym"]


def test_an_opposite_counts_in_a_translated_speech_where_a_synonym_does_not():
    # the speech was interpreted: "lots" / "batches" is the translator's word, "risen" / "fallen" is not
    line = ('The Norlandic minister spoke in Norlandic through an interpreter. "The number of {w} has {v} '
            'every year since the new rules came in," she said.')
    fid = _fidelity_of({"a": line.format(w="batches", v="risen"), "b": line.format(w="lots", v="risen"),
                        "c": line.format(w="consignments", v="risen"), "d": line.format(w="lots", v="fallen")})
    assert fid["d"] < 0.6 and min(fid["a"], fid["b"], fid["c"]) == 1.0, fid


@pytest.mark.parametrize("said, rendered, changed", [
    ("between 10 March and last Friday", "between the tenth of March and last Friday", False),
    ("from the 3rd of June", "from the third of June", False),
    ("between 10 March and last Friday", "between the eleventh of March and last Friday", True),
    ("in the first round of talks", "in the initial round of talks", False),  # an ordinal makes no number
])
def test_an_ordinal_is_its_number(said, rendered, changed):
    line = '"About 9,400 pupils were sent home {t}, and every school has been told," the director said.'
    texts = {"a": line.format(t=said), "b": line.format(t=said), "c": line.format(t=said),
             "d": line.format(t=rendered)}
    numbers = [d for d in _differences_of(texts, "d") if d["type"] == "number"]
    assert bool(numbers) == changed, numbers


def test_a_language_the_corpus_names_makes_its_speakers_renderings_translations():
    # "Velmoran" is on no list: the corpus says it is a language ("translated from Velmoran"), so an
    # article saying the minister spoke in it marks her renderings as translations, and a translator's
    # words cost nothing; the changed number still does
    line = ('Minister Ilse Varga {note} "Close to {n} families have asked for the grant since it opened in '
            'spring, and the {w} are being paid this week," she said.')
    texts = {"a": line.format(note="spoke in Velmoran at the ministry.", n="4,200", w="payments"),
             "b": line.format(note="addressed reporters in Velmoran.", n="4,200", w="sums"),
             "c": line.format(note="said in Velmoran that the money was ready.", n="4,200", w="transfers"),
             "d": line.format(note="spoke in Velmoran.", n="2,400", w="payments"),
             "e": "The Herald's report was translated from Velmoran by its own desk. Nothing more was said."}
    docs = docs_of(texts)
    cluster_quotes(docs)
    fid = {d.article.id: d.quotes[0].fidelity for d in docs if d.quotes}
    assert fid["d"] < 0.6 and min(fid["a"], fid["b"], fid["c"]) == 1.0, fid
    del texts["e"]  # no language named: the wording counts
    assert min(_fidelity_of(texts)[k] for k in "abc") < 1.0


def test_clauses_parted_by_a_semicolon_are_one_sentence_when_outlets_print_them_together():
    # "I will not guess who did this; that is for the police" is one sentence of the speech: two outlets print
    # it whole, others one clause each, and all are renderings of the one utterance
    whole = ('"I will not guess at who broke into the archive or why; that is a question for the police," the '
             'director said.')
    texts = {"a": whole, "b": whole.replace("the director said", "the director told reporters"),
             "c": 'The director said: "I will not guess at who broke into the archive or why."',
             "d": 'That, she added, "is a question for the police".',
             "e": 'Asked who was behind it, the director said "that is a question for the police".'}
    ids = _first_quote_clusters(texts)
    assert ids["a"] and len(set(ids.values())) == 1, ids


def _first_quote_clusters(texts: dict[str, str]) -> dict[str, str | None]:
    """The cluster of each article's first quotation, the articles clustered together."""
    return {k: q.cluster for k, q in first_quotes(texts).items()}


def test_a_translation_note_about_one_speaker_leaves_the_others_words_untranslated():
    # the article says a mother spoke through an interpreter; the judge's words it also quotes are the judge's
    # English, and a cut clause of hers still counts
    said = ("Detainees must be brought before a judge within two days of this order or set free, and the "
            "ministry must report to parliament every month")
    cut = "Detainees must be set free within two days of this order, and the ministry must report to parliament every month"
    note = ('Speaking through an interpreter, Mila Horvat, the mother of one detainee, said: "I just want him home." ')
    texts = {"a": f'"{said}," Judge Ada Roe said.', "b": f'Judge Ada Roe said: "{said}."',
             "c": f'"{said}," Judge Ada Roe told the court.', "d": note + f'"{cut}," Judge Ada Roe said.'}
    def judge_fidelity(texts):
        docs = docs_of(texts)
        cluster_quotes(docs)
        return {d.article.id: next(q.fidelity for q in d.quotes if "Detainees" in d.text[q.start:q.end])
                for d in docs}

    fid = judge_fidelity(texts)
    assert fid["d"] < min(fid["a"], fid["b"], fid["c"]), fid
    # ... and a note about the whole article ("Quotations are in our translation") still covers every speaker
    texts["d"] = f'Quotations are in our translation. "{cut}," Judge Ada Roe said.'
    assert judge_fidelity(texts)["d"] == 1.0


def test_a_second_main_clause_without_a_comma_meets_the_outlets_that_print_it_as_a_sentence():
    # session 33: "I am responsible for this result and I will not hide behind anyone" is one sentence of the
    # speech; some outlets print it whole, others as two sentences, one only its first half
    whole = "I am responsible for this defeat and I will not hide behind anyone in the squad"
    texts = {"a": f'"{whole}," coach Ivo Marr said.', "b": f'Coach Ivo Marr said: "{whole}."',
             "c": 'Coach Ivo Marr said: "I am responsible for this defeat. I do not hide behind anyone in the squad."',
             "d": '"I am the one responsible for this defeat," coach Ivo Marr said.',
             "e": 'Coach Ivo Marr said: "I am the one responsible for this defeat. I will not hide behind anyone."'}
    ids = _first_quote_clusters(texts)
    assert ids["a"] and len(set(ids.values())) == 1, ids
    # ... while two clauses joined by "and" with no subject of their own stay one unit, and one with its own does not
    from auditor.corpus.quotes import _unit_bounds
    for text, units in (("We met the families and talked for hours", 1),
                        ("We met all the families and we talked for hours", 2)):
        words = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\w+", text)]
        assert len(_unit_bounds(words, text, "")) == units, text


def test_two_renderings_of_one_sentence_a_word_apart_join_where_word_overlap_alone_falls_short():
    # session 33: "handed over" / "transferred" leave two of three content words shared; the whole words align
    texts = {"a": 'Footage from the cameras, Interior Minister Aurel Vos said, "has been secured and handed over to '
                  'the prosecutor".',
             "b": 'The camera footage, Interior Minister Aurel Vos said, "has been secured and transferred to the '
                  'prosecutor".',
             # one frame, other content: no rendering of the same sentence
             "c": 'Interior Minister Aurel Vos said the ferries "have been secured and moved to the harbour".'}
    ids = _first_quote_clusters(texts)
    assert ids["a"] and ids["a"] == ids["b"] and ids["c"] != ids["a"], ids


# -- session 34: a quotation its own article credits to no one takes the speaker other articles give it ------

_CREDITED = {
    "a": "Port news\n\nHarbour master Ilse Marrow spoke on Monday. \"We will reopen the north quay before the "
         "winter storms,\" Marrow said.\n",
    "b": "Port news\n\nIlse Marrow, the harbour master, addressed the board. \"We will reopen the north quay before "
         "the winter storms,\" she said.\n",
    "c": "Port news\n\nThe harbour master, Ilse Marrow, was firm. \"We will reopen the north quay before the winter "
         "storms,\" Marrow told reporters.\n",
}


def test_session34_an_uncredited_rendering_takes_the_speaker_the_other_articles_give():
    got = first_quotes({**_CREDITED, "d": "Port news\n\nThe board met on Monday. The transcript has the line "
                                "in full. \"We will reopen the north quay before the winter storms.\"\n"})
    assert got["d"].speaker == "Ilse Marrow", got["d"]


@pytest.mark.parametrize("text", [
    # the article's own sentence names another speaker right before it, in a cue no pattern reads
    "Port news\n\nThe board met on Monday. Dock leader Tor Ekman scoffed: \"We will reopen the north quay before "
    "the winter storms.\"\n",
    # ... or its own cue has a person for subject whom it does not name
    "Port news\n\nThe board met on Monday. \"We will reopen the north quay before the winter storms,\" the dock "
    "foreman said.\n",
])
def test_session34_a_rendering_whose_sentence_names_someone_else_stays_uncredited(text):
    got = first_quotes({**_CREDITED, "d": text})
    assert got["d"].speaker != "Ilse Marrow", got["d"]


def test_session34_one_other_article_is_not_enough():
    got = first_quotes({"a": _CREDITED["a"], "d": "Port news\n\nThe board met on Monday. \"We will reopen "
                                "the north quay before the winter storms.\"\n"})
    assert got["d"].speaker is None, got["d"]


# -- session 34: one sentence whose second half an outlet changed --------------------------------------------

def _pharmacy(sentence: str) -> str:
    return f"Health news\n\nChief pharmacist Ilse Marrow spoke on Monday. \"{sentence}\" Marrow said.\n"


def test_session34_a_rendering_that_keeps_the_opening_clause_and_changes_the_rest_joins_and_ranks_lowest():
    full = "If you are taking it, please speak to your doctor before you stop or change anything,"
    got = first_quotes({"a": _pharmacy(full), "b": _pharmacy(full), "c": _pharmacy("If you are taking it, stop taking it now,")})
    assert got["c"].cluster is not None and got["c"].cluster == got["a"].cluster, got
    assert got["c"].fidelity < min(got["a"].fidelity, got["b"].fidelity), got


def test_session34_two_sentences_with_one_opening_clause_stay_apart():
    see = "If you are taking it, please speak to your doctor before you stop or change anything,"
    keep = "If you are taking it, keep the box and the leaflet somewhere safe,"
    got = first_quotes({"a": _pharmacy(see), "b": _pharmacy(see), "c": _pharmacy(keep), "d": _pharmacy(keep),
                        "e": _pharmacy("If you are taking it, stop taking it now,")})
    assert got["a"].cluster != got["c"].cluster
    assert got["e"].cluster not in (got["a"].cluster, got["c"].cluster), got  # two clusters: nothing decides
