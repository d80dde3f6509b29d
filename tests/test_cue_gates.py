"""The cue patterns anchored before a quotation are searched only where a part every match holds matches (a gate):
the gated search answers exactly what the pattern alone answers, on the seeds' windows and on generated
ones."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.text.speakers import _Gated, cue_patterns
from tests.helpers import seed_paths

GATED = sorted(k for k, p in cue_patterns().items() if isinstance(p, _Gated))


def _span(m: re.Match | None) -> tuple | None:
    return None if m is None else (m.span(), m.groupdict())


def _same(text: str) -> None:
    for key in GATED:
        p = cue_patterns()[key]
        assert _span(p.search(text)) == _span(p.pattern.search(text)), (key, text)


def test_the_anchored_patterns_are_gated() -> None:
    assert {"before_who_verb", "before_colon", "before_names_it"} <= set(GATED)


def test_gated_and_plain_searches_agree_before_every_quotation_mark_of_the_seeds() -> None:
    found = 0
    for path in seed_paths():
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"[\"\u201c\u2018']", text):
            window = text[max(0, m.start() - 160):m.start()]
            _same(window)
            found += any(cue_patterns()[k].search(window) for k in GATED)
    assert found  # windows where a gated pattern matches are among them


WORDS = st.sampled_from(["Roe", "Jo Rae", "the mayor", "President Ola Berg", "she", "they", "said", "told",
                         "reporters", "added", "warned", "has", "repeatedly", "called", "described", "the offer",
                         "as", "an", "that", "on", "Monday", "in", "a", "statement", "it", "Dr.", "von der",
                         "Leyen", "2025", "however", "later"])
ENDS = st.sampled_from(["", ",", ":", " :", ", ", ": ", ":\n", "\n", " that", "."])


@settings(max_examples=600, deadline=None)
@given(words=st.lists(WORDS, min_size=1, max_size=12), end=ENDS)
def test_gated_and_plain_searches_agree_on_generated_windows(words: list[str], end: str) -> None:
    _same(" ".join(words) + end)
