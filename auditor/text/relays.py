"""Relays read off the whole text, after the sentence-by-sentence reading of ``attribution``.

Each pass finds one way a go-between is named that the clause patterns do not read: an account given to an
outlet, a person in a relative clause who passed the words on, a note saying whose version the quotations
follow, a post on a platform, a document described to the outlet by someone. Each appends to ``atts`` (or
turns a first-hand attribution into a relay) and returns how many it added; the caller sorts once.
"""

from __future__ import annotations

import re

from ..models import Attribution
from .attribution import _DET_RX, Vocab, _own_outlet, outlet_of


def _overlaps(atts: list[Attribution], s: int, e: int, kinds: tuple[str, ...] = ()) -> bool:
    return any(a.start < e and s < a.end and (not kinds or a.kind in kinds) for a in atts)


def _relay_through(a: Attribution, origin: str | None, party: str, stype: str, end: int) -> None:
    """Turn ``a`` into a relay through ``party``: ``origin`` first in the chain (the words' first speaker, when
    known), the clause stretched to ``end``."""
    a.kind, a.hops, a.source_type = "relayed", 2, stype
    a.chain = [x for x in (origin, party) if x]
    a.source, a.end = party, max(a.end, end)


def _party(phrase: str, v: Vocab) -> tuple[str, str] | None:
    """(name, type) of a named party in ``phrase``: an outlet, or a capitalised name of one to six words with its
    determiner cut, a body when a word of it is an institution's head word ("the Civic Alliance press office"),
    else a person."""
    outlet = outlet_of(phrase, v)
    if outlet:
        return outlet
    core = _DET_RX.sub("", phrase.strip()).strip(" ,")
    words = core.split()
    if 1 <= len(words) <= 6 and words[0][:1].isupper():
        return core, "institution" if any(w.casefold() in v.institution_words for w in words) else "person"
    return None


# -- an account given to an outlet ------------------------------------------------------------------

# "gave the Vale Dispatch a fuller version of the moment", "granted Vell TV an interview": the outlet carried it
_GAVE_OUTLET_RX = re.compile(
    r"(?<![\w-])(?:gave|offered|granted|provided|gives|offers|grants)\s+(?P<np>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z]"
    r"[\w'’.-]*){0,4})\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?(?:version|account|interview|description|"
    r"statement|comments?|briefing|summary)\b")
# "The Brindle Courier has spoken to a shop owner, ..., who says": the outlet's own interview, relayed here
_OUTLET_SPOKE_TO_RX = re.compile(
    r"(?P<np>(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})\s+(?:has\s+|had\s+)?(?:spoken|spoke|talked)\s+"
    r"(?:to|with)\b")
# "whose contents were described to GCW by Tomas Arvik": the describer relays the document
_DESCRIBED_TO_BY_RX = re.compile(
    r"\b(?:described|read\s+out|summari[sz]ed|outlined|shown)\s+to\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
    r"\s+by\s+(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})")


def outlet_account_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """An account given to an outlet or taken by it ("Rannoch gave the Vale Dispatch a fuller version", "The
    Brindle Courier has spoken to a shop owner"), and a document described to an outlet by someone: relayed
    through the outlet (not the article's own) or the describer."""
    text = doc.norm
    added = 0
    for rx, group, words in ((_GAVE_OUTLET_RX, "np", ("gave", "offer", "grant", "provided", "gives")),
                             (_OUTLET_SPOKE_TO_RX, "np", ("spoke", "spoken", "talked")),
                             (_DESCRIBED_TO_BY_RX, "who", ("described", "read out", "summari", "outlined", "shown"))):
        if not any(w in text for w in words):
            continue  # (the patterns open on a capitalised word: tried only where their verb occurs)
        for m in rx.finditer(text):
            if doc.inside_quotation(m.start(), m.end()) or _overlaps(atts, m.start(), m.end(), ("relayed",)):
                continue
            phrase = doc.text[m.start(group):m.end(group)]
            party = _party(phrase, v) if group == "who" else outlet_of(phrase, v)
            if not party or _own_outlet(doc, party[0]):
                continue
            atts.append(Attribution(source=party[0], kind="relayed", start=m.start(), end=m.end(),
                                    cue=m.group().split()[0], chain=[party[0]], hops=2, source_type=party[1]))
            added += 1
    return added


# -- a go-between in a relative clause --------------------------------------------------------------

# a relative clause saying its person passed the words on ("X told Y, who relayed his comments on air",
# "according to Y, who passed the call on to the Post", "his agent, who spoke with him by telephone and passed
# his account on to the Post")
_WHO_RELAYED_RX = re.compile(
    r",\s+who\s+(?:[^,.;:\"]{0,60}?\s+and\s+)?(?:later\s+|then\s+|in\s+turn\s+|afterwards\s+)?(?:relayed|"
    r"passed\s+(?:on|along)|passed\s+(?:[\w'’-]+\s+){1,3}(?:on|along)|recounted|conveyed|forwarded|repeated)\b")
_TOLD_LEFT_RX = re.compile(r"\b(?:told|spoke\s+to|said\s+to|confided\s+(?:in|to)|wrote\s+to|phoned|called)\s*$")
_RELAYER_RUN_RX = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|bin|al))*")


def relative_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """A first-hand attribution whose addressee or source, in a relative clause, passed the words on ("Aikawa
    told the station's correspondent Mei Sorano, who relayed his comments on air", "according to family
    friend Rosa Venn, who relayed the conversation to the Mercury", "said his agent, Kiril Daan, who ... passed
    his account on"): relayed through that person, the first speaker first in the chain. Turns attributions
    into relays and adds none: returns 0."""
    text = doc.norm
    for m in _WHO_RELAYED_RX.finditer(text):
        sent = doc.sentence_at(m.start())
        if not sent or doc.inside_quotation(m.start(), m.end()):
            continue
        before = [a for a in atts if sent[0] <= a.start < m.start() and a.kind in ("direct", "relayed")]
        if not before:
            continue
        a = before[-1]
        between = text[a.end:m.start()]
        if '"' in between or len(between) > 100 or re.search(r"[.;:]", between) or between.count(",") > 1:
            continue
        said_by = re.fullmatch(r"\s*,\s*(?P<name>[A-Z][^,]{1,40})", between) if re.search(
            r"\b(?:said|says|added|told)\s+(?:his|her|their|the)\s+[a-z]+(?:\s+(?:of|for)\s+(?:the|his|her|their)\s+"
            r"[a-z]+)?$", text[a.start:a.end]) else None  # ("said the agent of the player, Kiril Daan, who ...")
        if (a.cue or "").casefold().startswith("according to") and not between.strip():
            relayer, origin = a.source, None
        elif said_by:  # "said his agent, Kiril Daan, who ... passed his account on": the agent relays
            relayer, origin = said_by.group("name").strip(), None
        elif a.kind == "direct" and (_TOLD_LEFT_RX.search(text, a.start, a.end) or
                                     _TOLD_LEFT_RX.search(text[a.end:m.start()].split(" ", 2)[0] + " ")):
            np = re.sub(r"^\s*(?:told|spoke\s+to|said\s+to)\s+", "", between).split(",")[-1]  # ("her deputy, Ivo Rusk")
            np = re.split(r"\s(?:of|at|from|in|on|with)\s", np, maxsplit=1)[0]
            runs = [r.group() for r in _RELAYER_RUN_RX.finditer(np) if not r.group().endswith(("'s", "’s"))]
            if not runs:
                continue
            relayer, origin = runs[-1], a.source
        else:
            continue
        if not relayer or (a.kind == "relayed" and a.source == relayer):
            continue
        outlet = outlet_of(relayer, v)
        _relay_through(a, origin, relayer, outlet[1] if outlet else "person", m.end())
    return 0


# -- whose version the quotations follow -----------------------------------------------------------

_VERSION_WORDS = ("transcript", "translation", "interpret", "rendering", "version", "account", "text")
_VERSION_NOUNS = r"(?:transcript|translation|interpretation|rendering|version|account|text|interpreter)"
# "Quotations here follow the federation's English transcript", "the quotations here are from the simultaneous
# interpretation by QBC's Sanja Morrow", "quotes in this blog are from the federation's in-room interpreter, Ilka
# Brandt", "The federation's English transcript, the version I am quoting from here, ..."
_QUOTES_FOLLOW_RX = re.compile(
    r"(?i:quotations?|quotes)\s+(?:(?i:here|below|above)\s+|(?i:in\s+this\s+(?:article|story|blog|report|piece|"
    r"live\s+blog|page))\s+)(?i:follow|are\s+(?:taken\s+)?from|come\s+from|are\s+those\s+of|rely\s+on|use)\s+"
    r"(?P<np>[^.;:\n]{3,140})")
_VERSION_QUOTED_RX = re.compile(
    r"(?P<np>(?:[Tt]he\s+(?:[\w'’.-]+\s+){0,3}?[\w.-]+|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})['’]s?\s+"
    r"(?:[\w-]+\s+){0,2}?" + _VERSION_NOUNS
    + r")(?:\s*,\s*(?:the\s+version|which|the\s+one)[^,]{0,60}(?i:quot)[^,]{0,30},|\s+(?:has|had|quotes|quoted)\s+"
    r"(?:him|her|them|[A-Z][\w'’-]+)\s+(?:as\s+)?(?:saying|telling|stating|promising|warning))")
# "by the Quorvian Gazette's account", "The Gazette's account, based on ..., has a different wording"
_OUTLET_ACCOUNT_RX = re.compile(
    r"(?P<np>(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})['’]s?\s+(?:own\s+|English\s+)?"
    r"(?:account|version|reporting|telling|English\s+edition)\b")


def _owner(np: str, v: Vocab) -> tuple[str, str] | None:
    """The party whose version ``np`` names: a person named after a comma or "by" ("the interpreter, Ilka
    Brandt", "the interpretation by QBC's Sanja Morrow"), else the possessor ("the federation's transcript")."""
    person = re.search(r"(?:,\s*|\bby\s+(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}['’]s\s+)?)(?P<p>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})\s*$",
                       np.strip().rstrip(",."))
    if person:
        return person.group("p"), "person"
    poss = re.match(r"\s*(?P<o>(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,4}?)['’]s?\s+(?:[\w-]+\s+){0,3}?"
                    + _VERSION_NOUNS + r"\b", np, re.IGNORECASE)
    if poss:
        name = _DET_RX.sub("", poss.group("o").strip())
        return outlet_of(name, v) or (name, "institution")
    return None


def version_note_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """A note saying whose version of the words the article quotes ("Quotations here follow the federation's
    English transcript", "the federation's English transcript has him saying", "by the Gazette's account"):
    relayed through that party (the article's own is first hand)."""
    text = doc.norm
    low = text.casefold()
    added = 0
    for rx, words in ((_QUOTES_FOLLOW_RX, ("quot",)), (_VERSION_QUOTED_RX, _VERSION_WORDS),
                      (_OUTLET_ACCOUNT_RX, ("account", "version", "reporting", "telling", "edition"))):
        if not any(w in low for w in words):
            continue  # (most texts name no version: the patterns are not tried)
        for m in rx.finditer(text):
            if doc.inside_quotation(m.start(), m.end()) or _overlaps(atts, m.start(), m.end(), ("relayed",)):
                continue
            np = doc.text[m.start("np"):m.end("np")]
            if rx is _OUTLET_ACCOUNT_RX:
                party = outlet_of(np, v)  # (a known outlet only: "China's version of Twitter" is no one's account)
            else:
                party = _owner(np, v)
            if not party or _own_outlet(doc, party[0]) or party[0].casefold() in ("our", "my", "his", "her", "their"):
                continue
            atts.append(Attribution(source=party[0], kind="relayed", start=m.start(), end=m.end(), cue="version",
                                    chain=[party[0]], hops=2, source_type=party[1]))
            added += 1
    return added


# -- a post on a platform ---------------------------------------------------------------------------

# "in a post on the club's official account", "said in a post on its corporate account on the social network
# Chirp", "has posted on Chirp": words put online reach the article through the account or the platform
_IN_A_POST_RX = re.compile(
    r"\b(?:in|on)\s+a\s+(?:[\w-]+\s+)?(?:post|message|video|thread)\s+on\s+(?P<np>(?:the\s+|its\s+|his\s+|her\s+|their\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:account|channel|page|feed|profile)(?:\s+on\s+(?:the\s+)?(?:social\s+network|platform|"
    r"app|site)\s+(?P<platform>[A-Z][\w-]*))?)")
_POSTED_ON_RX = re.compile(r"\b(?:has|have|had)\s+(?:also\s+)?posted\s+(?:a\s+[\w-]+\s+)?on\s+(?P<platform>[A-Z][\w-]*)\b")


def post_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """A post someone put on an account or a platform: relayed through the platform when it is named ("on the
    social network Chirp", "has posted on Chirp"), else through the account ("the club's official account")."""
    text = doc.norm
    added = 0
    if "post" not in text and "message" not in text and "video" not in text and "thread" not in text:
        return 0
    for rx in (_IN_A_POST_RX, _POSTED_ON_RX):
        for m in rx.finditer(text):
            if doc.inside_quotation(m.start(), m.end()) or _overlaps(atts, m.start(), m.end(), ("relayed",)):
                continue
            name = m.group("platform") or _DET_RX.sub("", doc.text[m.start("np"):m.end("np")].strip())
            if re.match(r"(?i)(?:its|his|her|their)\s", name):
                continue  # "on its corporate account" with no platform: the speaker's own channel
            sent = doc.sentence_at(m.start()) or (m.start(), m.end())
            poster = next((a for a in atts if a.kind == "direct" and sent[0] <= a.start < m.end() and
                           a.end >= m.start() - 2), None)
            if poster is not None:  # "The unit has posted on Chirp": the poster first, the platform relays
                _relay_through(poster, poster.source, name, "social", m.end())
                continue
            atts.append(Attribution(source=name, kind="relayed", start=m.start(), end=m.end(), cue="post",
                                    chain=[name], hops=2, source_type="social"))
            added += 1
    return added


# -- a statement read out or relayed by a go-between -------------------------------------------------

# "said in a statement read out by its spokesman, Aron Beleth", "Dolent's remarks, relayed by the Civic Alliance
# press office in a statement": the go-between named after "by" carried the words
_READ_OUT_BY_RX = re.compile(
    r"\b(?:read\s+out|relayed|passed\s+on)\s+by\s+(?P<np>(?:(?:its|his|her|their|the)\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:[A-Z][\w'’.-]*|spokesman|spokeswoman|spokesperson|lawyer|agent|aide|representative|office|secretary)"
    r"(?:\s*,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}|(?:\s+[A-Z][\w'’.-]*){0,3}(?:\s+(?:press\s+)?office)?))")


# (a name alone after "read out by" may be the speaker's own: "a statement read out by Mayor Roe")
_GO_BETWEEN_WORDS = re.compile(r"(?i)\b(?:office|spokes(?:man|woman|person)|press|representative|aide|agent|lawyer|"
                               r"secretary|interpreter|translator)\b")


def read_out_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """Words read out or relayed by a named go-between (a spokesman named after a comma, a press office, an
    outlet): the sentence's first-hand attribution becomes a relay through the go-between, its owner first in
    the chain; with none, the go-between is added as the relay."""
    text = doc.norm
    added = 0
    for m in _READ_OUT_BY_RX.finditer(text):
        if doc.inside_quotation(m.start(), m.end()) or _overlaps(atts, m.start(), m.end(), ("relayed",)):
            continue
        np = doc.text[m.start("np"):m.end("np")]
        named = re.search(r",\s*(?P<n>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})$", np)
        party = (named.group("n"), "person") if named else outlet_of(np, v) or (
            _party(np, v) if _GO_BETWEEN_WORDS.search(np) else None)
        if not party or _own_outlet(doc, party[0]) or re.match(r"(?i)(?:its|his|her|their)\s+\w+$", party[0]):
            continue
        sent = doc.sentence_at(m.start()) or (m.start(), m.end())
        owner = next((a for a in atts if a.kind == "direct" and sent[0] <= a.start < m.start() and
                      a.end >= m.start() - 2), None)
        if owner is not None:
            _relay_through(owner, owner.source, party[0], party[1], m.end())
            continue
        atts.append(Attribution(source=party[0], kind="relayed", start=m.start(), end=m.end(), cue="relayed by",
                                chain=[party[0]], hops=2, source_type=party[1]))
        added += 1
    return added
