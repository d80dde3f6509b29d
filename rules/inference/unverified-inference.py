"""unverified-inference: a hedged conclusion in the author's voice that nothing in the coverage supports."""

from __future__ import annotations

import re

from auditor.rules import Hit, rule
from auditor.text.hedges import hedges
from auditor.vocab import cached, load_phrases

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


def _postings(corpus) -> dict[str, set[str]]:
    """Term -> the articles carrying it (possessives folded), built once per corpus."""
    def build() -> dict[str, set[str]]:
        index: dict[str, set[str]] = {}
        for aid, terms in corpus.doc_terms.items():
            for t in terms:
                index.setdefault(re.sub(r"['’]s$", "", t), set()).add(aid)
        return index

    return corpus.memo("inference_postings", build)


def _best_coverage(index: dict[str, set[str]], terms: list[str], aid: str) -> tuple[str | None, float]:
    """The other article sharing the largest share of ``terms`` when that share is at least a half
    (else the best among the candidates looked at). An article sharing half of k terms holds one of
    any k // 2 + 1 of them, so only the postings of the rarest k // 2 + 1 terms are candidates: never
    a scan of the whole corpus."""
    if not terms:
        return None, 0.0
    rare = sorted(terms, key=lambda t: len(index.get(t, ())))[: len(terms) // 2 + 1]
    candidates = set().union(*(index.get(t, set()) for t in rare)) - {aid}
    best_id, best = None, 0.0
    for other in sorted(candidates):
        cov = sum(other in index.get(t, ()) for t in terms) / len(terms)
        if cov > best:
            best_id, best = other, cov
    return best_id, best


def _attributed_text(doc, exclude: tuple[int, int], kinds: tuple[str, ...] = ("direct", "relayed")) -> str:
    """The parts of the article a source speaks for (quotations, sentences holding an attribution of one
    of ``kinds``), without the hedged clause itself."""
    spans = [(q.start, q.end) for q in _quotes(doc)]
    for a in doc.attributions:
        if a.kind in kinds:
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


def _sourced_there(other, terms: list[str]) -> bool:
    """Whether the other article puts at least half of ``terms`` in a source's mouth: in its quotations
    or in sentences holding an attribution (vague ones too: "officials said" is a claim of a source)."""
    said = {re.sub(r"['’]s$", "", t.casefold())
            for t in _TOKEN.findall(_attributed_text(other, (0, 0), ("direct", "relayed", "vague")))}
    return sum(t in said for t in terms) >= 0.5 * len(terms)


def _quotes(doc):
    try:
        return doc.quotes
    except Exception:  # noqa: BLE001 - the quote layer must not stop this rule
        return []


@cached
def _reading() -> re.Pattern:
    """A verb of reading an act ("seen", "viewed as", "in what some called"): hedges.yaml's reading_verbs and
    in_what_verbs."""
    words = sorted({w.casefold() for w in load_phrases("hedges.reading_verbs") + load_phrases("hedges.in_what_verbs")},
                   key=len, reverse=True)
    return re.compile(r"(?i)\b(?:" + "|".join(map(re.escape, words)) + r")\b")


def _crowd_reading(doc, h) -> bool:
    """A reading the article puts on an unnamed crowd ("widely viewed as a rebuke", "in what is being seen
    as", "taken by many as"): vague sourcing, which the attribution rules report, not the author's own
    guess. The vague attribution is a reading and stands in the hedged clause, before the hedge's cue ends.
    A crowd's expectation ("Trump was widely expected to outline a plan") stays the author's forecast."""
    return any(a.kind == "vague" and h.start <= a.start < h.cue_end and a.end > h.start
               and (_reading().search(doc.text, a.start, a.end) or _reading().search(h.cue))
               for a in doc.attributions)


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
                "other article mentions. Supported by a source (in this article, or in another article's "
                "quotations or attributed sentences): severity info, the message says where. The same words "
                "in another article's own voice only: severity low (an echo is no source). A reading the "
                "article puts on an unnamed crowd ('widely viewed as', 'in what is seen as') is both vague "
                "sourcing, which the attribution rules report, and the author's interpretation: flagged "
                "here too, severity low.",
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
            {"a": "⟦The remark was widely viewed as a rebuke to the governor⟧.",
             "b": "The governor spoke on Monday."},
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
    has_others = corpus is not None and len(corpus.docs) > 1
    aid = doc.article.id
    for h in hedges(doc):
        clause = doc.text[h.start:h.end]
        data = {"cue": h.cue, "cue_start": h.cue_start, "cue_end": h.cue_end, "strength": h.strength}
        if h.attribution is not None:
            # the source's own hedge, reported: not the author's inference
            continue
        if _crowd_reading(doc, h):
            # both vague sourcing (the attribution rules report it) and the author's interpretation put on
            # no one in particular: flagged, low, whatever other coverage says
            yield Hit(h.start, h.end, f"Interpretation credited to an unnamed crowd ('{h.cue}'): the author's "
                      "reading, with no one named who holds it", severity="low",
                      data={**data, "support": None, "crowd": True})
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
        if not has_others:
            yield Hit(h.start, h.end, f"Hedged conclusion in the author's voice ('{h.cue}'), not attributed; "
                      "no other article in this run to check it against",
                      severity="low" if h.strength == "weak" else "medium", data={**data, "support": None})
            continue
        index = _postings(corpus)
        missing = [t for t in proper if not index.get(t, set()) - {aid}]
        best_id, best = _best_coverage(index, proper + other, aid)
        supported = not missing and best >= 0.5
        if supported and _sourced_there(corpus.by_id[best_id], proper + other):
            yield Hit(h.start, h.end, f"Hedged conclusion ('{h.cue}') that other coverage supports: "
                      f"{best_id} carries {round(100 * best)}% of its content terms", severity="info",
                      data={**data, "support": "corpus", "supporting_article": best_id})
            continue
        if supported:
            # the same names and words elsewhere, but in that article's own voice (or its own guess): no
            # source stands behind the reading, so it is still this author's, if less remarkable
            yield Hit(h.start, h.end, f"Hedged conclusion in the author's voice ('{h.cue}'), not attributed: "
                      f"{best_id} carries {round(100 * best)}% of its content terms, but no source there says it",
                      severity="low", data={**data, "support": "echo", "supporting_article": best_id})
            continue
        if missing:
            reason = f"no other article mentions {', '.join(t.capitalize() for t in missing)}"
        else:
            reason = "no other article carries half of its content terms"
        yield Hit(h.start, h.end, f"Unverified inference in the author's voice ('{h.cue}'), not attributed "
                  f"to any source: {reason}", severity="low" if h.strength == "weak" else "medium",
                  data={**data, "support": None, "missing_terms": missing, "best_coverage": round(best, 2)})
