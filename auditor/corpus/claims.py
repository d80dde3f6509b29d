"""Numeric claims across outlets: numbers with what they quantify, grouped, with their disagreements.

``numbers(doc)`` finds each number in the author's text (not boilerplate; dates, times, years and ordinals
left out) with what it quantifies: "75% of all missiles" -> value 75, unit "percent", what "all missiles",
head "missile". ``extract_claims(corpus)`` groups the mentions of all articles into claims:

* two mentions in different articles belong to one claim when they have the same unit and either the same
  value and at least one content word in common in what they quantify ("90% of air defense systems" and
  "90% of Ukraine's air defense missiles"), or different values but the same head noun and at least half
  of their content words in common ("12 people killed" and "15 people killed");
* a claim *disagrees* when its mentions give different values (``field: "value"``) or quantify different
  things (different head nouns: ``field: "what"``, "systems" vs "missiles"); each disagreement lists the
  competing renderings with their articles.

Each claim is a dict: ``id``, ``value``, ``unit``, ``what`` (the most common rendering), ``articles``
(``[{article, start, end, text, what, value}]``), ``outlets`` (distinct outlets, an article with no outlet
counting as its own), ``origins`` (independent origins: articles whose statement rests on the same relay,
e.g. the same intermediary in their attribution chain, count once; an article with no relay is its own
origin), ``disagreements``. Word lists: ``rules/data/claim_units.yaml``.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..packed import pack
from ..vocab import cached, longest_first

Span = tuple[int, int]

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")


@dataclass
class NumberMention:
    article: str
    start: int
    end: int
    value: float | str
    unit: str
    what: str
    head: str
    terms: frozenset[str]
    text: str


@cached
def _data(extra_dirs: tuple = ()) -> dict:
    from ..vocab import load_mapping, load_phrases

    d = load_mapping("claim_units", extra_dirs)
    stop = {w.casefold() for w in load_phrases("attribution_stopwords")}
    return {"units": d.get("units", {}), "words": d.get("number_words", {}),
            "mult": d.get("multipliers", {}), "stops": {str(w).casefold() for w in d.get("phrase_stops", [])},
            "spelling": d.get("spelling", {}), "stop": stop}


@cached
def _number_rx(extra_dirs: tuple = ()) -> re.Pattern:
    d = _data(extra_dirs)
    words = "|".join(r"\s+".join(map(re.escape, w.split())) for w in longest_first(d["words"]))
    mult = "|".join(map(re.escape, longest_first(d["mult"])))
    unit_words = [u for us in d["units"].values() for u in us]
    units = "|".join(r"\s*" + r"\s+".join(map(re.escape, u.split())) if not u[0].isalpha() else
                     r"\s+" + r"\s+".join(map(re.escape, u.split())) + r"\b"
                     for u in longest_first(unit_words))
    pre = "|".join(re.escape(u) for u in unit_words if not u[0].isalnum())
    return re.compile(
        rf"(?<![\w.,:/-])(?P<pre>{pre})?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?i:{words}))"
        rf"(?:\s+(?P<mult>{mult})\b)?(?P<unit>{units})?(?![\w:/]|[.,]\d)", re.UNICODE)


def _stem(word: str, spelling: dict) -> str:
    w = re.sub(r"['’]s$", "", word.casefold())
    w = spelling.get(w, w)
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w


def _what(doc, pos: int, hi: int, d: dict) -> Span | None:
    text = doc.norm
    m = re.match(r"\s+of\s+|\s+", text[pos:hi])
    if not m:
        return None
    start = pos + m.end()
    end = None
    for n, w in enumerate(re.finditer(r"[^\W_][\w'’-]*", text[start:hi])):
        gap = text[(end if end is not None else start):start + w.start()]
        if n >= 7 or re.search(r"[,.;:!?\"()]", gap) or w.group().casefold() in d["stops"]:
            break
        end = start + w.end()
    return (start, end) if end else None


def numbers(doc) -> list[NumberMention]:
    """The numbers of ``doc``'s own text (read once a document: the unattributed-claim rule and the corpus's
    claims both ask)."""
    got = doc.__dict__.get("_numbers")
    if got is None:
        got = doc.__dict__["_numbers"] = _numbers(doc)
    return got


def _numbers(doc) -> list[NumberMention]:
    d = _data()
    rx = _number_rx()
    text = doc.norm
    out: list[NumberMention] = []
    for s0, e0 in doc.sentences:
        if doc.in_boilerplate((s0, e0)):
            continue
        for m in rx.finditer(text, s0, e0):
            num = m.group("num")
            before = text[max(s0, m.start() - 12):m.start()].casefold()
            after = text[m.end():m.end() + 12].casefold()
            if re.fullmatch(r"(?:19|20)\d\d", num) and not m.group("unit"):
                continue  # a year
            if re.search(rf"\b(?:{_MONTHS})\.?\s*$", before) or re.match(rf"\s*(?:{_MONTHS})\b", after):
                continue  # a date
            if re.match(r"(?:st|nd|rd|th)\b", text[m.end():m.end() + 2]) or re.match(r"\s*min\b", after):
                continue
            unit = next((k for k, us in d["units"].items()
                         if (m.group("unit") or "").strip().casefold() in [u.casefold() for u in us]
                         or (m.group("pre") or "") in us and m.group("pre")), None)
            low = num.casefold()
            if low in d["words"]:
                value = d["words"][low]
            else:
                value = float(num.replace(",", ""))
                if m.group("mult"):
                    value *= d["mult"][m.group("mult").casefold()]
                value = int(value) if float(value).is_integer() else value
            if value == 1 and not num.isdigit():
                continue  # "one of the topics": not a quantity
            w = _what(doc, m.end(), e0, d)
            if unit is None and not w:
                continue
            what = doc.text[w[0]:w[1]] if w else ""
            words = re.findall(r"[^\W_][\w'’-]*", what)
            head_i = next((i for i, x in enumerate(words) if i > 0 and (x.casefold() in
                           ("by", "in", "to", "of", "from", "for", "on", "at", "with", "used", "delivered",
                            "received", "supplied", "provided", "sent") or re.fullmatch(r"\w+ed", x))), len(words))
            head = _stem(words[head_i - 1], d["spelling"]) if words and head_i else ""
            terms = frozenset(_stem(x, d["spelling"]) for x in words
                              if x.casefold() not in d["stop"] and len(x) > 2)
            if unit is None:
                unit = "count"
            if unit == "count" and (not head or head in d["stop"]):
                continue
            end = w[1] if w else m.end()
            out.append(NumberMention(doc.article.id, m.start(), end, value, unit, what, head, terms,
                                     doc.text[m.start():end]))
    return out


def _linked(a: NumberMention, b: NumberMention) -> bool:
    if a.unit != b.unit:
        return False
    if a.value == b.value:
        return bool(a.terms & b.terms) or (not a.terms and not b.terms)
    union = a.terms | b.terms
    return a.head == b.head and bool(a.head) and len(a.terms & b.terms) / max(1, len(union)) >= 0.5


BUCKET_LIMIT = 400  # a block larger than this is split further by shared terms (never all pairs)


def _candidate_pairs(mentions: list[NumberMention]):
    """Pairs that could satisfy ``_linked``, found by blocking instead of comparing all pairs.

    The same value needs a shared term (or no terms on either side): block on (unit, value, term).
    Different values need the same head and a term overlap of >= 0.5, so a shared term: block on
    (unit, head), and inside a large block on (unit, head, term). Every linked pair shares a block.
    A pair in several blocks is yielded once for each (no set of the pairs seen is kept: on a large corpus
    it outgrew everything else); the caller skips a pair already joined.
    """
    blocks: dict[tuple, list[int]] = {}
    for i, m in enumerate(mentions):
        for t in (m.terms or {""}):
            blocks.setdefault(("v", m.unit, str(m.value), t), []).append(i)
        if m.head:
            blocks.setdefault(("h", m.unit, m.head), []).append(i)
    for key, members in blocks.items():
        groups = [members]
        if key[0] == "h" and len(members) > BUCKET_LIMIT:
            sub: dict[str, list[int]] = {}
            for i in members:
                for t in mentions[i].terms:
                    sub.setdefault(t, []).append(i)
            groups = [g for g in sub.values() if len(g) <= BUCKET_LIMIT]
        elif key[0] == "v":
            # same value and a shared term: all linked with each other (across articles), so linking each
            # member to the block's first member (or, from that member's own article, to the first member
            # of another article) joins the same groups as all pairs would
            anchor = members[0]
            alt = next((i for i in members if mentions[i].article != mentions[anchor].article), None)
            for i in members[1:]:
                other = anchor if mentions[i].article != mentions[anchor].article else alt
                if other is not None and other != i:
                    yield min(i, other), max(i, other)
            continue
        for g in groups:
            for x in range(len(g)):
                for y in range(x + 1, len(g)):
                    yield g[x], g[y]


def _origins(doc, mentions: list[NumberMention]) -> list[str]:
    """Where each of an article's number mentions comes from: the end of the relay chain covering it, else
    the article itself. The article's attributions are read once for all its mentions (packed, each reading
    decodes them)."""
    from ..text.attribution import relay_covering

    if not mentions:
        return []
    own = f"article:{doc.article.id}"
    atts = list(doc.attributions)
    out = []
    for m in mentions:
        r = relay_covering(doc, (m.start, m.end), atts)
        out.append(f"relay:{r.chain[-1]}" if r is not None and r.hops >= 2 and r.chain else own)
    return out


def extract_claims(corpus) -> list[dict]:
    """Every numeric claim of the corpus, grouped across articles (see the module docstring)."""
    mentions: list[NumberMention] = []
    origin_of: list[str] = []  # by mention, as ``mentions``
    for doc in corpus.docs:
        found = numbers(doc)
        mentions.extend(found)
        origin_of.extend(_origins(doc, found))
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(mentions):
        ri, rj = find(i), find(j)
        if ri != rj and mentions[i].article != mentions[j].article and _linked(mentions[i], mentions[j]):
            parent[ri] = rj
    groups: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        groups.setdefault(find(i), []).append(i)
    claims = []
    for group in groups.values():
        members = [mentions[i] for i in group]
        members.sort(key=lambda m: (m.article, m.start))
        values = Counter(str(m.value) for m in members)
        heads = Counter(m.head for m in members)
        top_value = values.most_common(1)[0][0]
        rep = next(m for m in members if str(m.value) == top_value)
        disagreements = []
        for fld, counter, key in (("value", values, lambda m: str(m.value)), ("what", heads, lambda m: m.head)):
            if len(counter) > 1 and len({m.article for m in members}) > 1:
                disagreements.append({"field": fld, "renderings": [
                    {"article": m.article, "text": m.text, "value": m.value, "what": m.what,
                     "start": m.start, "end": m.end, "key": key(m), "share": counter[key(m)] / len(members)}
                    for m in members]})
        outlets = {(corpus.by_id[m.article].article.outlet or m.article) for m in members}
        origins = {origin_of[i] for i in group}
        cid = hashlib.sha1(f"{rep.value}|{rep.unit}|{rep.head}|{rep.article}|{rep.start}".encode()).hexdigest()[:10]
        claims.append({
            "id": f"claim-{cid}", "value": rep.value, "unit": rep.unit, "what": rep.what,
            "articles": [{"article": m.article, "start": m.start, "end": m.end, "text": m.text, "what": m.what,
                          "value": m.value} for m in members],
            "outlets": len(outlets), "origins": len(origins), "disagreements": disagreements,
        })
    claims.sort(key=lambda c: (-len({a["article"] for a in c["articles"]}), c["articles"][0]["article"],
                               c["articles"][0]["start"]))
    return claims


def corpus_claims(corpus) -> Sequence[dict]:
    """``extract_claims(corpus)``, computed once per corpus and kept on the corpus object packed
    (``auditor.packed``): the corpus rules read them while the rest of the corpus stage runs, and as
    dicts they were the largest thing held then."""
    return corpus.memo("claims", lambda: pack(extract_claims(corpus)), keep=True)


def disagreements_of(corpus, article_id: str) -> list[tuple[dict, dict]]:
    """The (claim, disagreement) pairs an article takes part in, from an index built once per corpus."""
    def build() -> dict[str, list[tuple[dict, dict]]]:
        index: dict[str, list[tuple[dict, dict]]] = {}
        for claim in corpus_claims(corpus):
            for dis in claim["disagreements"]:
                for aid in dict.fromkeys(r["article"] for r in dis["renderings"]):
                    index.setdefault(aid, []).append((claim, dis))
        return index

    return corpus.memo("disagreements", build).get(article_id, [])
