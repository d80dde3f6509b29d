"""A normalised view of an article's text for matching, with offsets that map back to the original.

The view is *length-preserving*: every character is replaced by exactly one character (NBSP and the other
Unicode spaces by a space, curly quotes by straight ones, the dash family by ``-``). An offset into the view
is therefore the same offset into the original text, so the map back is the identity and no finding can be
shifted by normalisation. Matching that needs more does it in its pattern (rules match case-insensitively
with any run of spaces for a space) or on words with their own offsets (``Doc.words``).
"""

from __future__ import annotations

import re

NORMALIZE_MAP = {
    # spaces
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ",
    "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2008": " ", "\u3000": " ",
    "\u200b": " ", "\ufeff": " ", "\t": " ",
    # double quotes
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"', "\uff02": '"',
    # single quotes and apostrophes
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2039": "'", "\u203a": "'",
    "\u2032": "'", "\u00b4": "'", "\u0060": "'",
    # dashes and hyphens
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    # ellipsis keeps one char
    "\u2026": ".",
}
_TABLE = str.maketrans(NORMALIZE_MAP)


# Two single marks typed for a double one (``‘‘We will stay,’’ she said``, ``''We will stay,''``), as some
# outlets' copy prints quotations: one double mark beside a space, on the side away from the words, so that
# the quotation layer pairs it as a double mark and the words around it keep their offsets. Only a pair
# standing alone, open (after a space, a bracket or a dash, before a word) or closing (after a word,
# before a space or punctuation); a third mark, or a pair inside a word, is left as it is.
_DOUBLED_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[{/-]))''(?=[^\s'])", re.MULTILINE)
_DOUBLED_CLOSE = re.compile(r"(?<=[^\s'])''(?=$|[\s,.;:!?)\]}-])", re.MULTILINE)


def normalize(text: str) -> str:
    """Return the length-preserving normalised view of ``text``."""
    out = text.translate(_TABLE)
    if "''" in out:
        out = _DOUBLED_CLOSE.sub('" ', _DOUBLED_OPEN.sub(' "', out))
    assert len(out) == len(text)
    return out
