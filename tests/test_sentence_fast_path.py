"""A line of words, spaces and commas is one sentence without calling syntok: the same spans syntok gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.models import Article
from auditor.text.document import Doc, syntok_sentences


def through_syntok(text: str) -> list[tuple[int, int]]:
    """What ``Doc.sentences`` gives when every line goes through syntok (the path before the fast one)."""
    doc = Doc(Article(id="x", text=text))
    return doc._fill_gaps([(ls + s, ls + e) for ls, le in doc.lines if text[ls:le].strip()
                           for s, e in syntok_sentences(text[ls:le])])


WORDS = st.sampled_from(["Roe", "said", "the", "talks", "would", "go", "on", "Norland's", "2025", "don't",
                         "élan", "Kyiv", "and", "3%", "AT&T", "$5", "it’s", "O'Neill", "x", "I"])
LINE = st.builds(lambda ws, seps, end: "".join(w + s for w, s in zip(ws, seps, strict=False)).strip() + end,
                 st.lists(WORDS, min_size=1, max_size=14),
                 st.lists(st.sampled_from([" ", ", ", "  ", " ,", "\t"]), min_size=14, max_size=14),
                 st.sampled_from(["", ".", "!", "?", '."', ".\u201d", "?'", ")", "..."]))


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(LINE, min_size=1, max_size=4), indent=st.sampled_from(["", " ", "\u00a0"]))
def test_lines_of_words_and_commas_split_as_syntok_splits_them(lines: list[str], indent: str) -> None:
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
