"""Echo detection (auditor.corpus.reuse): candidates, alignment, masking, direction, nearest source."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.corpus.reuse import (
    Echo,
    detect_reuse,
    earlier,
    find_echoes,
    nearest_sources,
    parse_time,
    template_lines,
    tokenize,
)
from auditor.models import Article
from auditor.text.document import WORD_RE, Doc

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate_corpus import generate  # noqa: E402

WORDS = ("harbour council budget bridge tanker grain convoy station reserve engineers officials repaired "
         "approved delayed northern eastern urgent modest pipeline corridor inspection summit brigade "
         "depot terminal network turbine generator shelter clinic archive market cargo vessel timetable "
         "outlined reviewed secured funded ordered questioned proposed cancelled resumed evacuated").split()


def paragraphs(seed: int, k: int = 8, words: int = 40) -> list[str]:
    """``k`` paragraphs of word-bank text no other seed shares (each word tagged with the seed)."""
    rng = random.Random(seed)
    out = []
    for p in range(k):
        ws = [rng.choice(WORDS) for _ in range(words)]
        ws[0] = f"S{seed}p{p}"  # a word that makes every paragraph unique
        out.append(" ".join(ws).capitalize() + ".")
    return out


def art(aid: str, paras: list[str], published: str | None = None, outlet: str | None = None) -> Article:
    return Article(id=aid, text="\n\n".join(paras) + "\n", published=published, outlet=outlet)


def pairs(echoes: list[Echo]) -> set[tuple[str, str]]:
    return {(e.copy, e.source) for e in echoes}


# -- direction ---------------------------------------------------------------------------------------
def test_direction_from_publication_time():
    src = paragraphs(1)
    a = art("a", src, "2025-03-01T10:00:00Z")
    b = art("b", paragraphs(2, 2) + src[:6], "2025-03-01T12:30:00+02:00")  # 10:30Z: later
    echoes = find_echoes([a, b])
    assert len(echoes) == 1
    e = echoes[0]
    assert (e.copy, e.source, e.directed, e.direction_by) == ("b", "a", True, "time")
    # the passages are the copied words, at their places in both texts
    for (cs, ce), (ss, se) in e.passages:
        assert b.text[cs:ce] == a.text[ss:se]
    assert e.shared_words == 6 * 40
    assert e.copy_share == pytest.approx(6 / 8, abs=0.01)


def test_time_wins_over_containment():
    src = paragraphs(3)
    # the longer text is the later one: by containment it would be the source, by time it is the copy
    a = art("a", src[:4], "2025-03-01")
    b = art("b", src, "2025-03-02")
    (e,) = find_echoes([a, b])
    assert (e.copy, e.source, e.direction_by) == ("b", "a", "time")


def test_direction_from_containment_without_times():
    src = paragraphs(4, 10)
    a = art("long", src)
    b = art("short", src[2:6] + paragraphs(5, 1))
    (e,) = find_echoes([a, b])
    assert (e.copy, e.source, e.directed, e.direction_by) == ("short", "long", True, "containment")
    assert e.copy_share > e.source_share


def test_undirected_when_neither_time_nor_containment_decides():
    src = paragraphs(6)
    a = art("a", src, "2025-03-01")
    b = art("b", src)  # no time, the same words
    (e,) = find_echoes([a, b])
    assert e.directed is False and e.direction_by == "none"
    # a same-day pair with only a date on one side does not decide either
    (e2,) = find_echoes([art("a", src, "2025-03-01"), art("b", src, "2025-03-01T18:00:00Z")])
    assert e2.directed is False


def test_copy_of_copy_points_to_nearest_source():
    orig = paragraphs(7, 10)
    # B rewrites A (drops a paragraph, changes a word in each of the others); C copies B whole
    b_paras = [p.replace(p.split()[5], "REWORDED", 1) for p in orig[:9]]
    a = art("A", orig, "2025-03-01T08:00:00Z")
    b = art("B", b_paras, "2025-03-01T09:00:00Z")
    c = art("C", b_paras + paragraphs(8, 1), "2025-03-01T10:00:00Z")
    echoes = find_echoes([a, b, c])
    assert pairs(echoes) == {("B", "A"), ("C", "B")}  # not C -> A


def test_siblings_point_to_their_common_source():
    orig = paragraphs(9, 10)
    a = art("orig", orig, "2025-03-01T08:00:00Z")
    s1 = art("s1", [p.replace(p.split()[3], "ALTERED") for p in orig[:8]], "2025-03-01T09:00:00Z")
    s2 = art("s2", [p.replace(p.split()[7], "CHANGED") for p in orig[1:]], "2025-03-01T10:00:00Z")
    assert pairs(find_echoes([a, s1, s2])) == {("s1", "orig"), ("s2", "orig")}


def test_verbatim_copies_point_to_the_first_published():
    orig = paragraphs(10)
    docs = [art("first", orig, "2025-03-01T08:00:00Z"), art("second", orig, "2025-03-01T09:00:00Z"),
            art("third", orig, "2025-03-01T10:00:00Z")]
    assert pairs(find_echoes(docs)) == {("second", "first"), ("third", "first")}


# -- what is not evidence of copying ------------------------------------------------------------------
QUOTE = ("We will rebuild every bridge and every station in this region before the winter comes, and we "
         "will not ask anyone for permission to do it, because the people here have waited long enough")


def test_a_shared_quotation_is_not_an_echo():
    a = art("a", paragraphs(11, 3) + [f'"{QUOTE}," the mayor said.'] + paragraphs(12, 3), "2025-03-01")
    b = art("b", paragraphs(13, 2) + [f'The mayor said: "{QUOTE}."'] + paragraphs(14, 4), "2025-03-02")
    assert find_echoes([a, b]) == []
    # the same words outside quotation marks are shared text: the mask is what keeps them out
    a2 = art("a", paragraphs(11, 3) + [f"{QUOTE}, the mayor said."] + paragraphs(12, 3), "2025-03-01")
    b2 = art("b", paragraphs(13, 2) + [f"The mayor said {QUOTE}."] + paragraphs(14, 4), "2025-03-02")
    assert pairs(find_echoes([a2, b2])) == {("b", "a")}


def test_curly_quotes_and_doc_quotes_are_masked():
    a = art("a", paragraphs(15, 3) + [f"\u201c{QUOTE}\u201d, the mayor said."] + paragraphs(16, 2))
    b = art("b", paragraphs(17, 3) + [f"\u201c{QUOTE}\u201d, the mayor said."] + paragraphs(18, 2))
    assert find_echoes([Doc(a), Doc(b)]) == []
    assert find_echoes([a, b]) == []


def test_boilerplate_spans_are_masked():
    appeal = " ".join(paragraphs(19, 1, 60))
    a, b = art("a", paragraphs(20, 4) + [appeal]), art("b", paragraphs(21, 4) + [appeal])
    assert pairs(find_echoes([a, b])) != set()  # the shared paragraph alone makes an echo
    da, db = Doc(a), Doc(b)
    for d in (da, db):
        s = d.text.index(appeal)
        d.boilerplate.append((s, s + len(appeal)))
    assert find_echoes([da, db]) == []


def test_an_outlets_template_lines_are_masked():
    appeal = "Independent journalism costs money and " + " ".join(paragraphs(22, 1, 30))
    docs = [art(f"x{i}", paragraphs(30 + i, 5) + [appeal], outlet="The Daily") for i in range(3)]
    assert find_echoes(docs) == []
    assert find_echoes(docs, template_lines=False) != []
    # across outlets the line is shared text of two articles (a copier took the appeal along)
    other = art("y", paragraphs(40, 5) + [appeal], outlet="Other Post")
    assert all("y" not in (e.copy, e.source) for e in find_echoes([*docs, other]))


def test_template_lines_rule():
    # 1 and 2 recur in three articles; 7 in two that share nothing else; 8, 9, 10 in two sharing a story
    docs = [{1, 2, 7, 8, 9, 10}, {1, 2, 7}, {1, 2}, {8, 9, 10}]
    assert template_lines(docs) == {1, 2, 7}


def test_short_shared_phrases_are_not_echoes():
    a = art("a", paragraphs(23, 6) + ["The regional council approved the budget on Monday morning."])
    b = art("b", paragraphs(24, 6) + ["The regional council approved the budget on Monday morning."])
    assert find_echoes([a, b]) == []


# -- generated corpora --------------------------------------------------------------------------------
def test_generated_corpus_truth_is_recovered():
    records, truth = generate(400, seed=5)
    arts = [Article(id=r["id"], text=r["text"], outlet=r["outlet"], published=r.get("published"))
            for r in records]
    res = detect_reuse(arts)
    true_pairs = {frozenset(t) for t in truth}
    found = {frozenset((e.copy, e.source)): e for e in res.echoes}
    tp = true_pairs & found.keys()
    assert len(tp) / len(found) >= 0.85
    assert len(tp) / len(true_pairs) >= 0.85
    right = sum(1 for k in tp if found[k].directed and (found[k].copy, found[k].source) in set(truth))
    assert right / len(tp) >= 0.85
    assert res.candidates < len(arts) * 5  # candidates come from the index, never from all pairs
    assert set(res.words) == {a.id for a in arts}


def test_results_do_not_depend_on_input_order():
    records, _ = generate(120, seed=6)
    arts = [Article(id=r["id"], text=r["text"], outlet=r["outlet"], published=r.get("published"))
            for r in records]
    first = [e.to_dict() for e in find_echoes(arts)]
    assert first
    assert [e.to_dict() for e in find_echoes(list(reversed(arts)))] == first


# -- pieces ---------------------------------------------------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Z9_'-\n\"é\u00dfİ\u0660\u2019.,")), max_size=60))
def test_tokenize_finds_the_words_of_word_re(text):
    starts, ends, hashes, _ = tokenize(text)
    assert list(zip(starts.tolist(), ends.tolist(), strict=True)) == [m.span() for m in WORD_RE.finditer(text)]
    # equal words (case aside) hash equal
    by_word = {}
    for s, e, h in zip(starts.tolist(), ends.tolist(), hashes.tolist(), strict=True):
        assert by_word.setdefault(text[s:e].lower(), h) == h


def test_tokenize_segments_split_at_masks():
    text = "one two three four five six"
    _, _, _, seg = tokenize(text, [(8, 13)])  # "three"
    assert [text[s:e] for s, e in [m.span() for m in re.finditer(r"\w+", text)] if not 8 <= s < 13] == \
        ["one", "two", "four", "five", "six"]
    assert seg.tolist()[:2] == [0, 0] and len(set(seg.tolist()[2:])) == 1 and seg[2] > seg[1]


def test_parse_time_and_earlier():
    a, b = parse_time("2025-03-01T10:00:00Z"), parse_time("2025-03-01T11:30:00+02:00")
    assert earlier(a, b) == 1  # 11:30+02:00 is 09:30Z
    assert earlier(parse_time("2025-03-01"), parse_time("2025-03-02T00:10:00Z")) == -1
    assert earlier(parse_time("2025-03-01"), a) == 0
    assert earlier(parse_time(None), a) == 0 and parse_time("not a date") is None


def test_nearest_sources_reduction():
    inf = float("inf")
    # chain 2 -> 1 -> 0: 2 shares more with 1 than with 0
    assert nearest_sources({(0, 1): 300, (1, 2): 280, (0, 2): 200}, [0, 1, 2]) == [(0, 1), (1, 2)]
    # a full tie: the first published explains the link between the later two
    assert nearest_sources({(0, 1): 300, (1, 2): 300, (0, 2): 300}, [0, 1, 2]) == [(0, 1), (0, 2)]
    # a partial copy (2) of an original (0) that 1 re-published whole: 2 points to the original
    assert nearest_sources({(0, 1): 400, (0, 2): 100, (1, 2): 100}, [0, 1, 2]) == [(0, 1), (0, 2)]
    # ... unless 1 was the earlier: then 1 explains it
    assert nearest_sources({(0, 1): 400, (0, 2): 100, (1, 2): 100}, [1, 0, 2]) == [(0, 1), (1, 2)]
    # unknown times never explain a full tie
    assert len(nearest_sources({(0, 1): 300, (1, 2): 300, (0, 2): 300}, [inf, inf, inf])) == 3
    # two unrelated sources of one compilation are both kept
    assert nearest_sources({(0, 2): 100, (1, 2): 120}, [0, 1, 2]) == [(0, 2), (1, 2)]


def test_empty_and_tiny_inputs():
    assert find_echoes([]) == []
    assert find_echoes([Article(id="a", text="")]) == []
    assert find_echoes([Article(id="a", text="word"), Article(id="b", text='""')]) == []


def test_generator_records_and_truth():
    from auditor.corpus.reuse import parse_time

    records, truth = generate(200, seed=3)
    assert (records, truth) == generate(200, seed=3)  # a seed gives one corpus
    assert len(records) == 200 and len({r["id"] for r in records}) == 200
    assert all({"id", "text", "outlet"} <= set(r) and set(r) <= {"id", "text", "outlet", "published"}
               for r in records)
    assert 2000 < sum(len(r["text"]) for r in records) / len(records) < 4500
    assert 0 < sum("published" not in r for r in records) < 60  # sometimes missing
    by_id = {r["id"]: r for r in records}
    assert truth and all(c in by_id and s in by_id and c != s for c, s in truth)
    assert all(by_id[c]["outlet"] != by_id[s]["outlet"] for c, s in truth)
    for c, s in truth:
        tc, ts = parse_time(by_id[c].get("published")), parse_time(by_id[s].get("published"))
        if tc and ts:
            assert ts[0] < tc[0]  # a copy comes after its source
    parents = {c for c, _ in truth}
    assert any(s in parents for _, s in truth)  # chains: some sources are copies themselves


def test_candidate_pairs_counted_by_ranges_of_documents_equal_a_direct_count():
    """Counting the pairs one range of first documents at a time (to bound the memory of the seeds) finds
    the same pairs as counting them all at once, and both equal counting each pair's shared hashes
    directly."""
    import itertools

    import numpy as np

    from auditor.corpus.reuse import ReuseParams, _candidate_pairs

    rng = np.random.default_rng(3)
    pool = rng.integers(0, 2**64 - 1, size=400, dtype=np.uint64, endpoint=True)  # shared n-grams
    sampled = [np.unique(rng.choice(pool, size=int(rng.integers(0, 60)))) for _ in range(80)]
    p = ReuseParams(min_seeds=3, max_df=12)
    whole = _candidate_pairs(sampled, p)
    ranged = _candidate_pairs(sampled, p, block=50)  # a range every few documents
    df = {}
    for s in sampled:
        for h in s.tolist():
            df[h] = df.get(h, 0) + 1
    indexed = [{h for h in s.tolist() if 2 <= df[h] <= p.max_df} for s in sampled]
    direct = [(i, j) for i, j in itertools.combinations(range(len(sampled)), 2)
              if len(indexed[i] & indexed[j]) >= p.min_seeds]
    assert len(direct) > 20
    assert whole.tolist() == ranged.tolist() == [list(x) for x in direct]
