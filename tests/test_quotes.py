"""Quotation extraction and speakers, on annotated fixtures and on the real seed articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from auditor.models import Article
from auditor.ruletest import parse_marked
from auditor.text.document import Doc
from auditor.text.quotes import extract_quotes, scare_quotes
from tests import helpers
from tests.helpers import match_gold_quotes

ROOT = Path(__file__).resolve().parents[1]
CASES = yaml.safe_load((ROOT / "tests/fixtures/quotes/cases.yaml").read_text(encoding="utf-8"))
GOLD_PATH = Path(__file__).resolve().parent / "gold" / "seeds_gold.json"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def doc_of(text: str, aid: str = "t") -> Doc:
    return Doc(Article(id=aid, text=text))


def _check_case(case: dict) -> None:
    text, spans, _ = parse_marked(case["text"])
    doc = doc_of(text)
    quotes = doc.quotes
    assert [(q.start, q.end) for q in quotes] == spans, [q.text for q in quotes]
    for field in ("speakers", "kinds", "cues"):
        if field in case:
            got = [getattr(q, field[:-1]) for q in quotes]
            assert got == case[field], field
    if "scare" in case:
        assert [q.text for q in scare_quotes(doc)] == case["scare"]
        assert all(q.kind == "scare" for q in scare_quotes(doc))
    for q in quotes:
        if q.cue_start is not None and q.cue != ":":
            assert doc.text[q.cue_start:q.cue_end] == q.cue


@pytest.mark.parametrize("case", [c for c in CASES if not c.get("known_miss")], ids=lambda c: c["name"])
def test_fixture_case(case):
    _check_case(case)


@pytest.mark.parametrize("case", [c for c in CASES if c.get("known_miss")], ids=lambda c: c["name"])
def test_known_miss(case):
    pytest.xfail(case["known_miss"]) if _fails(case) else None
    _check_case(case)  # it passes now: remove known_miss from the fixture


def _fails(case) -> bool:
    try:
        _check_case(case)
    except AssertionError:
        return True
    return False


def test_quote_text_drops_the_mark_that_reopens_a_paragraph():
    text = '"First paragraph of the quote.\n\n"Second paragraph of it," he said.'
    (q,) = extract_quotes(doc_of(text))
    assert text[q.start:q.end] == 'First paragraph of the quote.\n\n"Second paragraph of it'
    assert q.text == "First paragraph of the quote.\n\nSecond paragraph of it"


def test_boilerplate_is_not_a_quote_source():
    text = 'Rutte said: "We stand with Ukraine."\nRelated: "Ten things to know about the summit in Kyiv today"\n'
    doc = doc_of(text)
    cap = text.index("Related")
    doc.boilerplate.append((cap, len(text) - 1))
    assert [q.text for q in doc.quotes] == ["We stand with Ukraine."]


def test_unbalanced_marks_never_give_spans_outside_the_text():
    for text in ['"', '""', 'a " b', '"abc', 'abc"', '“a ‘b” c’', "'''", '"a "b "c', "« »"]:
        for q in doc_of(text).quotes:
            assert 0 <= q.start < q.end <= len(text)


# -- the real seed articles ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_docs():
    return {d.article.id: d for d in helpers.seed_docs()}


@pytest.fixture(scope="module")
def gold():
    if not GOLD_PATH.is_file():
        pytest.skip("hand annotations not available")
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))


def test_seed_quotes_found_and_attributed(seed_docs, gold):
    pairs = match_gold_quotes(seed_docs.values(), gold)
    assert len(pairs) >= 0.9 * len(gold["quotes"])
    surname = gold["speaker"].split()[-1]
    right = sum(1 for _, q in pairs if q.speaker and surname in q.speaker)
    assert right >= 0.9 * len(pairs)


def test_seed_stray_mark_and_unclosed_nesting(seed_docs):
    doc = seed_docs["001_cb8b0833114ab846"]
    # line 13's stray closing mark (its opening mark lost) after a cue: the words from the cue recovered ...
    (rec,) = [q for q in doc.quotes if "security vision" in q.text]
    assert rec.text == "Ukraine was and remains at the center of our security vision."
    assert rec.kind == "partial" and rec.speaker == "Mark Rutte" and rec.cue == "assured"
    assert doc.text[rec.end] == '"' and not any(q.start < rec.start < q.end for q in doc.quotes if q is not rec)
    # ... and line 33's unclosed outer quotation ends where the inner question opens
    inner = next(q for q in doc.quotes if q.text.startswith("Would you like"))
    assert inner.text == "Would you like a second Budapest Memorandum or another Minsk?"
    assert inner.speaker == "Mark Rutte" and inner.cue == "said"
    outer = next(q for q in doc.quotes if q.text.startswith("Ukraine must understand"))
    assert outer.end < inner.start and outer.text.endswith("major countries.")


def test_seed_scare_quotes_kept_apart(seed_docs):
    assert seed_docs["003_f833416351632bbc"].quotes == []
    assert {q.text for q in scare_quotes(seed_docs["003_f833416351632bbc"])} == {
        "willing coalition", "contact group for arming Ukraine"}
    assert "serious" in {q.text for q in scare_quotes(seed_docs["004_7f91a2f5f40fcb4f"])}
    assert all("serious" != q.text for q in seed_docs["004_7f91a2f5f40fcb4f"].quotes)


def test_seed_spans_are_offsets_into_the_text_as_read(seed_docs):
    for doc in seed_docs.values():
        for q in doc.quotes:
            if "\n" not in doc.text[q.start:q.end]:
                assert doc.text[q.start:q.end] == q.text
            marks = "\"“”‘’'«»„"
            # right after its opening mark, or (a quotation whose opening mark was lost) closed by one
            assert doc.text[q.start - 1] in marks or not doc.text[q.start - 1].isspace() or doc.text[q.end] in marks
