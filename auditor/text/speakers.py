"""Who said a quotation: the cue that attributes it and the speaker, resolved to a full name where possible.

``attribute_speakers(doc, quotes, raws)`` fills ``speaker``, ``cue``, ``cue_start``/``cue_end`` in place.
The cue is a reporting verb (``rules/data/reporting_verbs.txt``) in one of these places, first found wins:

1. right after the closing mark: ``"...," he said`` / ``"...," said NATO Secretary General Mark Rutte``
   / ``"...," according to Rutte``;
2. right before the opening mark: ``Rutte said: "..."``, ``Rutte said that "..."``, ``according to
   Rutte, "..."``, ``Rutte: "..."``;
3. for a quotation inside the author's sentence, the last ``X verb`` of that sentence before it
   (``Rutte noted that reaching an agreement "will require ..."``).

The words naming the speaker are then resolved: a full name is kept without its titles (``NATO Secretary
General Mark Rutte`` -> ``Mark Rutte``); a surname alone becomes the full name the article introduced; a
pronoun (``he``) becomes the last person the article named *outside quotations* before the quotation
(so ``"Putin ... thought he would win," he emphasized`` is not Putin's); a role (``the Secretary
General``, ``the NATO chief``) becomes the last person introduced with a matching title
(``rules/data/speaker_titles.txt``), else the article's main speaker.

A quotation with no cue takes the speaker of the quotation just before it when that one is in the same or
the previous paragraph (a floating quote paragraph continues the last speaker), else the person its own
sentence names, else the article's main speaker (the person it names most often); ``cue`` stays None then.

Limitations: persons are recognised by capitalisation next to a title or a reporting verb, not by a
named-entity model, so an untitled name that never governs a reporting verb is not a person here; plural
speakers ("they said") are left unresolved.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..vocab import load_phrases

CAPW = r"(?:[A-Z][\w'\-]*|[A-Z]\.(?:[A-Z]\.)*)"
PRONOUNS = {"he": "person", "she": "person", "they": "plural", "we": "plural", "i": "person"}
_ADVERB = r"(?:(?:also|then|later|further|again|once\s+again|particularly|previously|repeatedly|[a-z]+ly)\s+)"


@lru_cache(maxsize=1)
def _verbs() -> tuple[str, ...]:
    return tuple(sorted(load_phrases("reporting_verbs"), key=len, reverse=True))


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    return frozenset(t.lower() for t in load_phrases("speaker_titles"))


@lru_cache(maxsize=1)
def reporting_verb_re() -> re.Pattern:
    alts = "|".join(r"\s+".join(re.escape(w) for w in v.split()) for v in _verbs())
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def cue_patterns() -> dict[str, re.Pattern]:
    verb = reporting_verb_re().pattern
    tw = "|".join(re.escape(t) for t in sorted(titles(), key=len, reverse=True) if " " not in t)
    word = rf"(?:{CAPW}|(?i:{tw}))"
    spk = rf"(?:(?i:\b(?:he|she|they|we)\b)|(?:(?i:the)\s+)?(?:{word}\s+){{0,5}}{word})"
    return {
        "after_who_verb": re.compile(rf"^[\s,]*(?P<who>{spk})\s+{_ADVERB}?(?P<verb>{verb})"),
        "after_verb_who": re.compile(rf"^[\s,]*(?P<verb>{verb})\s+(?P<who>{spk})"),
        "before_who_verb": re.compile(
            rf"(?P<who>{spk})\s+{_ADVERB}?(?P<verb>{verb})(?:\s+\w+){{0,3}}?(?:\s+that)?\s*[,:]?\s*$"),
        "before_according": re.compile(rf"(?P<verb>(?i:according\s+to))\s+(?P<who>{spk})\s*,?\s*$"),
        "before_colon": re.compile(rf"(?P<who>{spk})\s*(?P<verb>:)\s*$"),
        "inside_who_verb": re.compile(rf"(?P<who>{spk})\s+{_ADVERB}?(?P<verb>{verb})"),
        "inside_according": re.compile(rf"(?P<verb>(?i:according\s+to))\s+(?P<who>{spk})"),
    }


@dataclass
class Person:
    name: str
    titles: set[str] = field(default_factory=set)
    mentions: list[int] = field(default_factory=list)


@dataclass
class People:
    persons: dict[str, Person]
    mentions: list[tuple[int, str]]  # (position, full name) outside quotations, in text order

    def by_surname(self, token: str) -> str | None:
        token = token.lower()
        best = [p for p in self.persons.values() if p.name.split()[-1].lower() == token]
        return max(best, key=lambda p: len(p.mentions)).name if best else None

    def last_before(self, pos: int, names: set[str] | None = None) -> str | None:
        for p, n in reversed(self.mentions):
            if p < pos and (names is None or n in names):
                return n
        return None

    @property
    def main(self) -> str | None:
        if not self.persons:
            return None
        return max(self.persons.values(), key=lambda p: (len(p.mentions), -min(p.mentions or [0]))).name


_RUN = re.compile(rf"{CAPW}(?:\s+(?:{CAPW}|van|von|de|der|da|bin|al))*")


_APPOSITIVE = re.compile(r",\s+((?:the\s+)?(?:[\w'.-]+\s+){0,3}[\w'.-]+)\s*[,.]")


def _strip_possessive(tok: str) -> str:
    return re.sub(r"['\u2019]s$", "", tok)


def split_name(phrase: str) -> tuple[list[str], list[str]]:
    """(title words, name words) of a capitalised run such as ``NATO Secretary General Mark Rutte``."""
    toks = [_strip_possessive(t) for t in phrase.split()]
    ts = titles()
    i = 0
    while i < len(toks) and (toks[i].lower() in ts or toks[i].lower() == "the" or
                             (toks[i].isupper() and len(toks[i]) > 1) or "." in toks[i]):
        i += 1
    return toks[:i], toks[i:]


def find_people(doc, quote_spans: list[tuple[int, int]]) -> People:
    """Persons the article names outside its quotations, with the titles they were introduced with."""
    norm = doc.norm
    ts = titles()
    verb_rx = reporting_verb_re()
    persons: dict[str, Person] = {}
    singles: list[tuple[int, str]] = []
    full: list[tuple[int, str]] = []
    solo: list[tuple[int, str]] = []  # a single name governing a reporting verb ("Rutte said")

    def inside(pos: int) -> bool:
        return any(s <= pos < e for s, e in quote_spans)

    for m in _RUN.finditer(norm):
        if inside(m.start()):
            continue
        title_words, name = split_name(m.group())
        lead = norm[max(0, m.start() - 40):m.start()].split()
        lead_titles = [w for w in lead[-3:] if w.lower().strip(",") in ts]
        appos = _APPOSITIVE.match(norm, m.end())  # "Mark Rutte, NATO's Secretary General, ..."
        if appos:
            lead_titles += [w for w in appos.group(1).split() if w.lower() in ts]
        after = norm[m.end():m.end() + 40]
        near_verb = bool(verb_rx.match(after.lstrip(" ,"))) or bool(
            re.search(rf"(?:{verb_rx.pattern})\s*$", norm[max(0, m.start() - 25):m.start()], re.IGNORECASE))
        name = [t for t in name if t[:1].isupper()]
        # a possessor ("Trump's plea") is named but is not what a later "he" refers back to
        possessive = bool(re.search(r"'s$", m.group())) or norm[m.end():m.end() + 1] == "'"
        if not name:
            continue
        pos = m.start() + m.group().find(name[0])
        if len(name) >= 2 and len(name) <= 4 and all(not t.isupper() for t in name) and (
                title_words or lead_titles or near_verb or after.startswith(", who")):
            key = " ".join(name)
            p = persons.setdefault(key, Person(key))
            p.titles.update(t.lower() for t in title_words + lead_titles)
            p.mentions.append(pos)
            if not possessive:
                full.append((pos, key))
        elif len(name) == 1:
            singles.append((pos, name[0], possessive))
            if near_verb and not title_words and name[0].lower() not in PRONOUNS:
                solo.append((pos, name[0]))
    people = People(persons, [])
    for _pos, tok in solo:  # a speaker known by one name only, when no full name ends with it
        if not people.by_surname(tok):
            persons[tok] = Person(tok)
    mentions = list(full)
    for pos, tok, possessive in singles:
        fn = people.by_surname(tok)
        if fn:
            persons[fn].mentions.append(pos)
            if not possessive:
                mentions.append((pos, fn))
    people.mentions = sorted(mentions)
    return people


def resolve(who: str, pos: int, people: People) -> str | None:
    """The full name the words ``who`` (found at ``pos``) stand for, or None for a plural or unknown."""
    w = who.strip()
    low = w.lower()
    if low in PRONOUNS:
        return people.last_before(pos) or people.main if PRONOUNS[low] == "person" else None
    title_words, name = split_name(w)
    name = [t for t in name if t[:1].isupper() and t.lower() not in titles()]
    if len(name) >= 2:
        fn = people.by_surname(name[-1])
        return fn if fn and fn.split()[0] == name[0] else " ".join(name) if not fn else fn
    if len(name) == 1:
        return people.by_surname(name[0]) or name[0]
    role = {t.lower() for t in title_words if t.lower() != "the"}
    if role:
        match = {p.name for p in people.persons.values() if p.titles & role}
        return people.last_before(pos, match) if match and people.last_before(pos, match) else \
            (sorted(match)[0] if match else people.main)
    return None


def attribute_speakers(doc, quotes, raws) -> None:
    norm = doc.norm
    spans = [(r.open, (r.close + 1) if r.close is not None else r.end) for r in raws]
    people = find_people(doc, spans)
    pats = cue_patterns()
    for q, r in zip(quotes, raws, strict=True):
        para = doc.paragraph_at(r.open) or (r.open, r.end)
        sent = doc.sentence_at(r.open) or para
        close = (r.close + 1) if r.close is not None else r.end
        last_para = doc.paragraph_at(max(close - 1, r.open)) or para
        after = norm[close:min(last_para[1], close + 120)]
        lo = max(para[0], sent[0]) if sent[0] >= para[0] else para[0]
        before = norm[lo:r.open]
        done = False
        for key in ("after_who_verb", "after_verb_who"):
            m = pats[key].match(after)
            if m:
                done = _apply(q, m, close, people, r.open)
                break
        if not done:
            for key in ("before_according", "before_who_verb", "before_colon"):
                m = pats[key].search(before)
                if m:
                    done = _apply(q, m, lo, people, lo + m.start("who"))
                    break
        if not done and q.kind == "partial":
            found = list(pats["inside_who_verb"].finditer(before)) + list(pats["inside_according"].finditer(before))
            if found:
                m = max(found, key=lambda x: x.start("verb"))
                done = _apply(q, m, lo, people, lo + m.start("who"))
    # quotations with no cue: a floating paragraph continues the last speaker
    main = Counter(q.speaker for q in quotes if q.speaker).most_common(1)
    main_speaker = main[0][0] if main else people.main
    for i, (q, r) in enumerate(zip(quotes, raws, strict=True)):
        if q.speaker or q.cue:
            continue
        para_i = _para_no(doc, r.open)
        prev = next(((quotes[j], raws[j]) for j in range(i - 1, -1, -1) if quotes[j].speaker), None)
        if prev is not None and 0 <= para_i - _para_no(doc, prev[1].open) <= 1 + _reopen_paras(doc, prev[1]):
            q.speaker = prev[0].speaker
            continue
        sent = doc.sentence_at(r.open)
        named = [n for p, n in people.mentions if sent and sent[0] <= p < sent[1]]
        q.speaker = named[0] if named else main_speaker


def _apply(q, m, base: int, people: People, resolve_at: int) -> bool:
    who = m.group("who")
    q.speaker = resolve(who, resolve_at, people)
    q.cue = m.group("verb") if m.group("verb") != ":" else ":"
    q.cue_start, q.cue_end = base + m.start("verb"), base + m.end("verb")
    return True


def _para_no(doc, pos: int) -> int:
    for i, (s, e) in enumerate(doc.paragraphs):
        if s <= pos < e:
            return i
    return -1


def _reopen_paras(doc, r) -> int:
    return len(r.reopens)
