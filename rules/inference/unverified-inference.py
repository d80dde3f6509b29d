"""unverified-inference: a hedged conclusion in the author's voice that nothing in the coverage supports."""

from __future__ import annotations

import re

from auditor.rules import Hit, rule
from auditor.text.hedges import hedges
from auditor.vocab import load_phrases

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def _stop() -> set[str]:
    return {w.casefold() for w in load_phrases("attribution_stopwords")}


def _terms(text: str, stop: set[str], cue: str) -> tuple[list[str], list[str]]:
    """(proper-noun terms, other content terms) of a clause, lower-cased, possessives stripped."""
    cue_words = {w.casefold() for w in cue.split()}
    proper, other = [], []
    for m in _TOKEN.finditer(text):
        w = re.sub(r"['’]s$", "", m.group())
        low = w.casefold()
        if len(low) < 3 or low in stop or low in cue_words:
            continue
        (proper if w[:1].isupper() else other).append(low)
    return list(dict.fromkeys(proper)), list(dict.fromkeys(other))


def _doc_terms(corpus, aid: str) -> set[str]:
    return {re.sub(r"['’]s$", "", t) for t in corpus.doc_terms.get(aid, set())}


def _attributed_text(doc, exclude: tuple[int, int]) -> str:
    """The parts of the article a source speaks for (quotations, sentences holding an attribution),
    without the hedged clause itself."""
    spans = [(q.start, q.end) for q in _quotes(doc)]
    for a in doc.attributions:
        if a.kind in ("direct", "relayed"):
            s = doc.sentence_at(a.start)
            if s:
                spans.append(s)
    parts = []
    for s, e in spans:
        chunk = doc.text[s:e]
        lo, hi = max(s, exclude[0]), min(e, exclude[1])
        if lo < hi:
            chunk = chunk[:lo - s] + " " * (hi - lo) + chunk[hi - s:]
        parts.append(chunk)
    return " ".join(parts)


def _quotes(doc):
    try:
        return doc.quotes
    except Exception:  # noqa: BLE001 - the quote layer must not stop this rule
        return []


@rule(
    id="unverified-inference",
    name="Hedged conclusion without support",
    family="inference",
    severity="medium",
    scope="corpus",
    score="presence",
    penalty=0.4,
    docs={
        "what": "A hedged conclusion in the author's own voice ('likely referring to ...', 'apparently', "
                "'is believed to', 'may have caused'): flagged with the hedged clause as evidence. The clause "
                "is checked for support in the article (is it what a quoted or named source said?) and in the "
                "rest of the corpus (do other articles mention its proper nouns, or most of its content "
                "words?). Unsupported: severity medium (low for a modal 'may have'), the message says what no "
                "other article mentions. Supported: severity info, the message says where the support is.",
        "why": "A hedge marks the author's guess. Stated without a source and found in no other outlet's "
               "coverage, it is the outlet's own unverified inference presented next to verified reporting; "
               "readers take it as part of the news.",
        "limitations": "Hedges are found from the list in rules/data/hedges.yaml; bare modal verbs ('may', "
                       "'could') are left out as too common in neutral reporting. Quotations come from "
                       "doc.quotes plus a local quote-mark guard; a quotation with no marks at all is missed. "
                       "Corpus support is lexical: another article mentioning the same names is taken as "
                       "support even if it says something different about them. With one article in the run, "
                       "nothing can corroborate, so every hedge in the author's voice is reported unsupported.",
        "references": ["https://www.spj.org/ethicscode.asp (Seek Truth and Report It: identify sources, "
                       "never deliberately distort)"],
    },
    examples={
        "flagged": [
            {"a": 'Rutte said "a focus on other events might have caused concern," ⟦likely referring to '
                  "the dispute over Greenland⟧.",
             "b": "Rutte said other events might have caused concern in Kyiv."},
        ],
        "clean": [
            {"a": 'Rutte said "other events might have caused concern," he told lawmakers.',
             "b": "Rutte spoke to lawmakers."},
            {"a": "Rutte said the strike was likely aimed at the grid.",
             "b": "Rutte spoke about the grid."},
        ],
    },
)
def check(doc, corpus):
    stop = _stop()
    others = [d for d in corpus.docs if d is not doc] if corpus else []
    for h in hedges(doc):
        clause = doc.text[h.start:h.end]
        data = {"cue": h.cue, "cue_start": h.cue_start, "cue_end": h.cue_end, "strength": h.strength}
        if h.attribution is not None:
            # the source's own hedge, reported: not the author's inference
            continue
        proper, other = _terms(clause, stop, h.cue)
        attributed = {re.sub(r"['’]s$", "", t.casefold())
                      for t in _TOKEN.findall(_attributed_text(doc, (h.start, h.end)))}
        keys = proper or other
        if keys and all(t in attributed for t in keys):
            yield Hit(h.start, h.end, f"Hedged conclusion ('{h.cue}') that the article's own sources "
                      f"support (they mention {', '.join(keys)})", severity="info",
                      data={**data, "support": "article"})
            continue
        if not others:
            yield Hit(h.start, h.end, f"Hedged conclusion in the author's voice ('{h.cue}'), not attributed; "
                      "no other article in this run to check it against",
                      severity="medium" if h.strength == "strong" else "low", data={**data, "support": None})
            continue
        per = {d.article.id: _doc_terms(corpus, d.article.id) for d in others}
        missing = [t for t in proper if not any(t in terms for terms in per.values())]
        best_id, best = None, 0.0
        for aid, terms in per.items():
            cov = sum(t in terms for t in proper + other) / max(1, len(proper + other))
            if cov > best:
                best_id, best = aid, cov
        supported = not missing and best >= 0.5
        if supported:
            yield Hit(h.start, h.end, f"Hedged conclusion ('{h.cue}') that other coverage supports: "
                      f"{best_id} carries {round(100 * best)}% of its content terms", severity="info",
                      data={**data, "support": "corpus", "supporting_article": best_id})
            continue
        if missing:
            reason = f"no other article mentions {', '.join(t.capitalize() for t in missing)}"
        else:
            reason = (f"no other article carries more than {round(100 * best)}% of its content terms"
                      if best else "no other article carries its content terms")
        yield Hit(h.start, h.end, f"Unverified inference in the author's voice ('{h.cue}'), not attributed "
                  f"to any source: {reason}", severity="medium" if h.strength == "strong" else "low",
                  data={**data, "support": None, "missing_terms": missing, "best_coverage": round(best, 2)})
