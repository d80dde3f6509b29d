"""The shared text layer on the real seeds: spans inside the text, tiling, normalisation."""

from __future__ import annotations

import pytest

from auditor.models import Article
from auditor.text.document import Doc
from auditor.text.normalize import normalize
from tests.helpers import seed_paths


@pytest.fixture(params=seed_paths(), ids=lambda p: p.stem[:3])
def doc(request):
    p = request.param
    return Doc(Article(id=p.stem, text=p.read_text(encoding="utf-8")))


def test_text_is_kept_exactly_as_read(doc):
    p = next(q for q in seed_paths() if q.stem == doc.article.id)
    assert doc.text == p.read_text(encoding="utf-8")


def test_normalised_view_keeps_every_offset(doc):
    assert len(doc.norm) == len(doc.text)
    assert "\u00a0" not in doc.norm and "\u201c" not in doc.norm and "\u2019" not in doc.norm
    for i, (a, b) in enumerate(zip(doc.text, doc.norm, strict=True)):
        if a != b:
            assert normalize(a) == b, i


def test_lines_match_str_split(doc):
    assert [doc.text[s:e] for s, e in doc.lines] == doc.text.split("\n")


def test_sentences_stay_on_their_line_and_cover_its_words(doc):
    for s, e in doc.sentences:
        assert "\n" not in doc.text[s:e]
        assert doc.text[s:e] == doc.text[s:e].strip() and e > s
    covered = set()
    for s, e in doc.sentences:
        covered.update(range(s, e))
    words = [w for w in doc.words]
    assert all(set(range(*w)) <= covered for w in words)


def test_paragraphs_are_ordered_and_disjoint(doc):
    prev = -1
    for s, e in doc.paragraphs:
        assert s > prev and e > s and doc.text[s:e].strip() == doc.text[s:e]
        prev = e


def test_nbsp_in_002_is_a_space_in_the_view():
    p = next(q for q in seed_paths() if q.stem.startswith("002"))
    text = p.read_text(encoding="utf-8")
    i = text.index("Verkhovna Rada")
    d = Doc(Article(id="002", text=text))
    assert "\u00a0" in text and d.norm[i:i + 14] == "Verkhovna Rada"


def test_front_matter_is_left_out_of_the_layers():
    text = "---\noutlet: Example\n---\nThe talks resumed on Monday. Both sides met.\n"
    d = Doc(Article(id="fm", text=text, header_end=text.index("The")))
    assert all(s >= text.index("The") for s, _ in d.sentences)
    assert d.line_no(text.index("The")) == 4


def test_trailing_blank_line_does_not_merge_paragraphs():
    text = "First line here.\nSecond line here.\n"
    d = Doc(Article(id="t", text=text))
    assert [text[s:e] for s, e in d.paragraphs] == ["First line here.", "Second line here."]
    text2 = "One.\nStill one.\n\nTwo.\n"
    d2 = Doc(Article(id="t2", text=text2))
    assert [text2[s:e] for s, e in d2.paragraphs] == ["One.\nStill one.", "Two."]


def test_a_released_layer_comes_back_the_same(doc):
    layers = {name: getattr(doc, name) for name in Doc.RECOMPUTABLE}
    _ = doc.quotes
    spans = doc.quotation_spans
    doc.release("lines", "quotation_spans", "_quotation_starts")
    assert "lines" not in doc.__dict__ and "quotation_spans" not in doc.__dict__
    assert doc.quotation_spans == spans
    doc.release()
    assert not set(Doc.RECOMPUTABLE) & set(doc.__dict__)
    assert {name: getattr(doc, name) for name in Doc.RECOMPUTABLE} == layers
    with pytest.raises(ValueError):
        doc.release("quotes")  # the corpus stage writes into the quotes: never dropped


@pytest.mark.parametrize("text,view", [
    ("\u2018\u2018Stay,\u2019\u2019 she said.", ' "Stay,"  she said.'),
    ("''Stay,'' she said.", ' "Stay,"  she said.'),
    ("``Stay,'' she said.", ' "Stay,"  she said.'),
    ("(''No.'')", '( "No." )'),
    ("Falk''s ferry", "Falk''s ferry"),           # inside a word: no mark
    ("'''none'''", "'''none'''"),                  # three marks: left alone
    ("the drivers\u2019 \u2018deal\u2019", "the drivers' 'deal'"),  # apart: two single marks
])
def test_two_single_marks_typed_for_a_double_one_read_as_one(text, view):
    assert normalize(text) == view and len(view) == len(text)
