"""Readability from one syllable lookup per word gives textstat's figures exactly (auditor.text.readability)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.models import Article
from auditor.text import readability as rd
from auditor.text.document import Doc
from tests.helpers import ROOT


def _textstat_figures(text: str) -> dict[str, float]:
    """What the module computed before: textstat called on the text, rounded as the profile rounds."""
    ts = rd._textstat()
    return {
        "words": ts.lexicon_count(text),
        "sentences": ts.sentence_count(text),
        "syllables": ts.syllable_count(text),
        "flesch_reading_ease": round(ts.flesch_reading_ease(text), 2),
        "flesch_kincaid_grade": round(ts.flesch_kincaid_grade(text), 2),
        "gunning_fog": round(ts.gunning_fog(text), 2),
    }


def _ours(text: str) -> dict[str, float]:
    m = rd.measures(text)
    return {k: (round(v, 2) if isinstance(v, float) else v) for k, v in m.items()}


# Texts written for this test: contractions in both cases, numbers, hyphens, initials, quotation marks,
# words outside the CMU dictionary, very short pieces, no final stop, non-ASCII letters.
OWN_TEXTS = [
    "The harbour board met on Tuesday. It voted to close the northern pier until the spring.",
    "\"We can't promise anything,\" the mayor's spokeswoman said. \"DON'T expect a decision before May.\"",
    "Unemployment rose to 7.4% in Q3, up from 6.9%; economists at the Ostrava Institute call it temporary",
    "Dr. K. L. Marsh-Whitfield, a ninety-two-year-old hydrogeologist, disputes the survey's methodology!",
    "Yes. No. Maybe so. The committee's deliberations, however, continued uninterrupted throughout the night?",
    "İstanbul's Çağlayan courthouse heard the case; the judge adjourned it. Señora Núñez declined to comment.",
    "Quarterly revenues: €4.2bn (2024), €3.9bn (2023). Analysts' consensus had anticipated considerably more...",
    "a",
    "'Tis the season,' they'd say. Rock 'n' roll isn't dead, y'all — it's merely resting.",
    "Internationalisation, bureaucratisation and overcentralisation were denounced by parliamentarians.",
]


@pytest.mark.parametrize("text", OWN_TEXTS)
def test_measures_equal_textstat_on_own_texts(text):
    assert _ours(text) == _textstat_figures(text)


@pytest.mark.parametrize("seed", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda p: p.name)
def test_profile_equals_textstat_on_the_seeds(seed: Path):
    doc = Doc(Article(id=seed.stem, text=seed.read_text(encoding="utf-8")))
    body = " ".join(doc.text[s:e] for s, e in doc.sentences if not doc.in_boilerplate((s, e)))
    profile = rd.readability_profile(doc)
    assert profile["words"] > 100
    assert profile == _textstat_figures(body)
    # and sentence by sentence, where the counts are small and any off-by-one would show
    for s, e in doc.sentences[:40]:
        assert _ours(doc.text[s:e]) == _textstat_figures(doc.text[s:e]), doc.text[s:e]


def test_syllable_table_agrees_with_textstats_dictionary_for_every_word():
    """Every entry of the CMU dictionary textstat reads (through NLTK) gets textstat's count."""
    from textstat.backend.utils._get_cmudict import get_cmudict

    rd.ensure_cmudict()
    cmu = get_cmudict(rd.LANG)
    table = rd.syllable_table()
    assert len(cmu) > 100_000
    wrong = [w for w, prons in cmu.items() if table[w] != sum(1 for p in prons[0] if p[-1].isdigit())]
    assert wrong == []


def test_words_outside_the_dictionary_fall_back_to_hyphenation_and_are_remembered():
    ts = rd._textstat()
    table = rd.syllable_table()
    word = "zorbulantishness"  # not an English word
    assert word not in rd.syllable_table().table or table.table[word] == ts.syllable_count(word)
    assert table[word] == ts.syllable_count(word) >= 3
    assert table.table[word] == table[word]


def test_empty_body_gives_no_profile():
    doc = Doc(Article(id="empty", text="   \n  "))
    assert rd.readability_profile(doc) == {}


_alphabet = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                 "éüİß0123456789 .,;:!?'\"-()\n—’") + ["the ", "ment", "tion ", "'s ", "n't "])


@settings(max_examples=200, deadline=None)
@given(st.lists(_alphabet, max_size=120).map("".join))
def test_measures_equal_textstat_on_random_text(text):
    assert _ours(text) == _textstat_figures(text)
