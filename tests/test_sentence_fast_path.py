"""A line with no terminal before its closing one and no opening bracket is one sentence without calling
syntok: the same spans syntok gives, on generated lines and on every line of real text we have."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.models import Article
from auditor.text.document import _LINE_TAIL, _ONE_SENTENCE, Doc, strip_span, syntok_sentences


def through_syntok(text: str) -> list[tuple[int, int]]:
    """What ``Doc.sentences`` gives when every line goes through syntok (the path before the fast one)."""
    doc = Doc(Article(id="x", text=text))
    return doc._fill_gaps([(ls + s, ls + e) for ls, le in doc.lines if text[ls:le].strip()
                           for s, e in syntok_sentences(text[ls:le])])


WORDS = st.sampled_from(["Roe", "said", "the", "talks", "would", "go", "on", "Norland's", "2025", "don't",
                         "élan", "Kyiv", "and", "3%", "AT&T", "$5", "it’s", "O'Neill", "x", "I", "U.S.", "Dr.",
                         "3.5", "No.", "IV.", "e.g.", "(AP)", "[sic]", "well-known", "\u201cpeace\u201d",
                         '"Go"', "'yes'", "\u00abnon\u00bb", "\u2026", "#tag", "@roe", "a/b", "*", "\u200b",
                         "\u2018so\u2019", "10:30", "50\u00a0km"])
SEPARATORS = [" ", ", ", "  ", " ,", "\t", ": ", "; ", " - ", " \u2014 ", "\u2014", " \u2013 ", "... ", "\u2026 ",
              ". ", "! ", "? ", '" ', ' "', "\u201d ", " \u201c", "' ", " (", ") ", "\u00a0"]
LINE = st.builds(lambda ws, seps, end: "".join(w + s for w, s in zip(ws, seps, strict=False)).strip() + end,
                 st.lists(WORDS, min_size=1, max_size=14),
                 st.lists(st.sampled_from(SEPARATORS), min_size=14, max_size=14),
                 st.sampled_from(["", ".", "!", "?", '."', ".\u201d", "?'", ")", "...", "?!", ".)", ';', ":",
                                  '!"\u201d', "\u2026", "\u201d.", ".]"]))


@settings(max_examples=1000, deadline=None)
@given(lines=st.lists(LINE, min_size=1, max_size=4), indent=st.sampled_from(["", " ", "\u00a0", "\u200b", "\u2022 "]))
def test_lines_split_as_syntok_splits_them(lines: list[str], indent: str) -> None:
    text = "\n".join(indent + line for line in lines)
    assert Doc(Article(id="x", text=text)).sentences == through_syntok(text)


def test_lines_with_other_punctuation_still_go_through_syntok() -> None:
    text = ("TALLINN (Civic Dispatch) - Officials met on Tuesday, the ministry said.\n"
            "He arrived. She left; they stayed.\n"
            "Roe said the talks would go on, and Lee agreed.")
    sents = Doc(Article(id="x", text=text)).sentences
    assert sents == through_syntok(text)
    assert [text[s:e] for s, e in sents][-1] == "Roe said the talks would go on, and Lee agreed."
    assert len(sents) >= 4  # the dateline and the two sentences of the second line are split by syntok


ZYTE = Path(__file__).resolve().parents[2] / "shared" / "bench" / "zyte" / "ground-truth.json"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _real_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if ZYTE.is_file():
        gt = json.loads(ZYTE.read_text(encoding="utf-8"))
        texts += [v["articleBody"] for _, v in sorted(gt.items()) if v.get("articleBody")]
    return texts


def test_every_line_of_real_text_splits_as_syntok_splits_it() -> None:
    texts = _real_texts()
    fast = 0
    for text in texts:
        assert Doc(Article(id="x", text=text)).sentences == through_syntok(text)
        fast += sum(1 for ls, le in Doc(Article(id="x", text=text)).lines if _fast(text[ls:le]))
    assert fast > 0  # the path is taken on real lines, not only generated ones


def _fast(line: str) -> bool:
    s, _ = strip_span(line, 0, len(line))
    return bool(line.strip()) and _ONE_SENTENCE.fullmatch(line, s, _LINE_TAIL.search(line, s).start()) is not None
