"""Line-level features for the boilerplate rules: word counts (textstat), shapes, phrase lists."""

from __future__ import annotations

import re

import regex

from ..vocab import cached, load_phrases, longest_first
from .readability import word_count as _textstat_word_count

_END_PUNCT = re.compile(r"""[.!?]["'\u201d\u2019)]?\s*$""")
QUOTE_CHARS = "\"\u201c\u201d\u00ab\u00bb\u201e"
# the icons a link's or a button's label starts with: "↻ Refresh", "💬 38 comments", "🔊 Listen" (a copyright or
# registered sign is no icon)
LEADING_ICON = regex.compile(r"^(?:(?![©®])[\p{So}\p{Sm}\p{Sk}\uFE0F\u200D]\s*)+")
# what parts the links of a bar: a bar, a middle dot, a bullet ("Home | World · Sport")
BAR_SEPARATORS = regex.compile(r"\s*[|·•]\s*")
# links kept apart by nothing but wide gaps: "HOME  NEWS  SPORT", "Share  Tweet  Email"
WIDE_GAP = regex.compile(r"[^\S\n]{2,}")


def bar_pieces(line: str, separators: regex.Pattern = BAR_SEPARATORS) -> list[str]:
    """The labels of a bar of links, each without the icon it starts with ("↻ Refresh · Key events" ->
    ["Refresh", "Key events"]); a piece left empty by two separators in a row stays, empty."""
    return [LEADING_ICON.sub("", p.strip()).strip() for p in separators.split(line)]


def word_count(line: str) -> int:
    """Words as textstat's ``lexicon_count`` counts them (punctuation stripped), without its per-call cost."""
    return _textstat_word_count(line)


def ends_like_sentence(line: str) -> bool:
    return bool(_END_PUNCT.search(line))


def canon(line: str) -> str:
    """A line folded for comparison: normalised quotes/dashes/spaces, case-folded, spaces collapsed."""
    from .normalize import normalize

    return " ".join(normalize(line).casefold().split())


@cached
def phrase_matcher(list_name: str, extra: tuple[str, ...] = ()):
    """A compiled pattern matching any phrase of a word list (whole words, any spacing, any case), the longest
    phrase first where two start alike ("Related coverage" before "Related")."""
    from ..rules import _phrase_pattern

    phrases = longest_first(load_phrases(list_name, extra_dirs=extra))
    return regex.compile("|".join(_phrase_pattern(p) for p in phrases), regex.IGNORECASE)


def nonblank_lines(doc) -> list[tuple[int, int]]:
    return [s for s in doc.lines if doc.text[s[0]:s[1]].strip()]


def body_start(doc) -> int:
    """Offset of the first line that reads as body text (>= 15 words ending like a sentence); lines before
    it are the page header (masthead, headline, byline box, captions)."""
    for s, e in nonblank_lines(doc):
        line = doc.text[s:e]
        if word_count(line) >= 15 and ends_like_sentence(line):
            return s
    return 0
