"""Relays read off the whole text, after the sentence-by-sentence reading of ``attribution``.

Each pass finds one way a go-between is named that the clause patterns do not read: an account given to an
outlet, a person in a relative clause who passed the words on, a note saying whose version the quotations
follow, a post on a platform, a document described to the outlet by someone. Each appends to ``atts`` (or
turns a first-hand attribution into a relay) and returns how many it added; the caller sorts once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..models import Attribution
from .attribution import _DET_RX, Vocab, _own_outlet, outlet_of

# a capitalised word of a name and a run of them ("Ida Marsk", "Civil Works Journal"): the patterns below build on these
_CAP = r"[A-Z][\w'’.-]*"
_CAP_AMP = r"[A-Z][\w'’.&-]*"  # ... an outlet's, which may hold "&" ("Ballot & Booth")


def _caps(lo: int, hi: int, word: str = _CAP) -> str:
    """A run of ``lo`` + 1 to ``hi`` + 1 capitalised words."""
    return word + r"(?:\s+" + word + r"){" + f"{lo},{hi}" + "}"


def _overlaps(atts: list[Attribution], s: int, e: int, kinds: tuple[str, ...] = ()) -> bool:
    return any(a.start < e and s < a.end and (not kinds or a.kind in kinds) for a in atts)


def _drop_direct(atts: list[Attribution], s: int, e: int) -> None:
    """Remove the first-hand attributions that overlap ``s``..``e``: a relay read there holds the clause ("it quoted
    Malinsek", "the Foreign Ministry, quoting its ambassador, X, said": the one quoted speaks to no reporter)."""
    atts[:] = [a for a in atts if not (a.kind == "direct" and a.start < e and s < a.end)]


def _taken(doc, atts: list[Attribution], m: re.Match) -> bool:
    """Whether match ``m`` lies in a quotation or on a relay already read."""
    return doc.inside_quotation(m.start(), m.end()) or _overlaps(atts, m.start(), m.end(), ("relayed",))


def _untaken(doc, atts: list[Attribution], text: str, patterns) -> Iterator[tuple[re.Pattern, re.Match]]:
    """Each pattern's matches in ``text`` that no quotation holds and no relay read already covers (read as the
    caller adds relays: a later match sees the earlier ones)."""
    for rx in patterns:
        for m in rx.finditer(text):
            if not _taken(doc, atts, m):
                yield rx, m


def _new_relay(atts: list[Attribution], party: str, stype: str, start: int, end: int, cue: str,
               origin: str | None = None) -> int:
    """Append a relay through ``party`` (``origin`` first in the chain when known); returns 1, for the count."""
    atts.append(Attribution(source=party, kind="relayed", start=start, end=end, cue=cue,
                            chain=[x for x in (origin, party) if x], hops=2, source_type=stype))
    return 1


def _relay_sentence(doc, atts: list[Attribution], m: re.Match, party: str, stype: str, cue: str) -> int:
    """The channel ``m`` names in a sentence: the sentence's first-hand attribution of a person (not the party
    itself) becomes a relay through ``party``, stretched over ``m``; else a relay is read at ``m``. Returns how many
    it added."""
    sent = doc.sentence_at(m.start()) or (m.start(), m.end())
    own = next((a for a in atts if a.kind == "direct" and sent[0] <= a.start < sent[1] and a.source_type == "person"
                and a.source and a.source.casefold() not in party.casefold()), None)
    if own is None:
        return _new_relay(atts, party, stype, m.start(), m.end(), cue)
    _relay_through(own, own.source, party, stype, own.end)
    own.start, own.end = min(own.start, m.start()), max(own.end, m.end())
    return 0


def _direct_ending_at(doc, atts: list[Attribution], pos: int) -> Attribution | None:
    """The first-hand attribution of ``pos``'s sentence that ends right before ``pos`` ("said in a statement, read
    out by ...", "X, in remarks reported by ..., said"): the one whose words a go-between after it carried."""
    sent = doc.sentence_at(pos) or (pos, pos)
    return next((a for a in atts if a.kind == "direct" and sent[0] <= a.start < pos and a.end >= pos - 2), None)


def _direct_after(atts: list[Attribution], pos: int, within: int) -> Attribution | None:
    """The first-hand attribution opening within ``within`` characters after ``pos`` ("Writing on Chirp, the deputy
    said", "In a translation prepared by X, he said")."""
    return next((a for a in atts if a.kind == "direct" and pos <= a.start <= pos + within), None)


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
    r"(?P<np>(?:[Tt]he\s+)?" + _caps(0, 4) + r")\s+(?:has\s+|had\s+)?(?:spoken|spoke|talked)\s+"
    r"(?:to|with)\b")
# "whose contents were described to GCW by Tomas Arvik": the describer relays the document
_DESCRIBED_TO_BY_RX = re.compile(
    r"\b(?:described|read\s+out|summari[sz]ed|outlined|shown)\s+to\s+(?:the\s+)?" + _caps(0, 3) +
    r"\s+by\s+(?:the\s+(?:[a-z-]+\s+){1,3})?(?P<who>" + _caps(0, 3) + r")")


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
            if _taken(doc, atts, m):
                continue
            phrase = doc.text[m.start(group):m.end(group)].rstrip(".")
            party = _party(phrase, v) if group == "who" else outlet_of(phrase, v)
            if not party or _own_outlet(doc, party[0]):
                continue
            added += _new_relay(atts, party[0], party[1], m.start(), m.end(), m.group().split()[0])
    return added


# -- a go-between in a relative clause --------------------------------------------------------------

# a relative clause saying its person passed the words on ("X told Y, who relayed his comments on air",
# "according to Y, who passed the call on to the Post", "his agent, who spoke with him by telephone and passed
# his account on to the Post")
_WHO_RELAYED_RX = re.compile(
    r",\s+who\s+(?:[^,.;:\"]{0,60}?\s+and\s+)?(?:later\s+|then\s+|in\s+turn\s+|afterwards\s+)?(?:relayed|"
    r"passed\s+(?:on|along)|passed\s+(?:[\w'’-]+\s+){1,3}(?:on|along)|recounted|conveyed|forwarded|repeated|"
    r"shared\s+(?:his|her|their|the)\s+[\w'’-]+['’]s?\s+(?:account|words|message|story|version))\b")
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
        if a.kind == "direct" and a.start < m.start() < a.end and a.source and \
                re.search(r"\bshared\s", text[m.start():m.end()]):
            # "Her daughter Mia Holt, who shared her mother's account in a post, said": the subject passes on
            # another's account; she is the go-between
            _relay_through(a, None, a.source, a.source_type or "person", a.end)
            continue
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

_VERSION_WORDS = ("transcript", "translation", "interpret", "rendering", "version", "account", "text", "summary",
                  "readout")
_VERSION_NOUNS = r"(?:transcript|translation|interpretation|rendering|version|account|text|interpreter|summary|readout)"
# "Quotations here follow the federation's English transcript", "the quotations here are from the simultaneous
# interpretation by QBC's Sanja Morrow", "quotes in this blog are from the federation's in-room interpreter, Ilka
# Brandt", "The federation's English transcript, the version I am quoting from here, ..."
_QUOTES_FOLLOW_RX = re.compile(
    r"(?i:quotations?|quotes)\s+(?:(?i:here|below|above)\s+|(?i:in\s+this\s+(?:article|story|blog|report|piece|"
    r"live\s+blog|page))\s+)(?i:follow|are\s+(?:taken\s+)?from|come\s+from|are\s+those\s+of|rely\s+on|use)\s+"
    r"(?P<np>[^.;:\n]{3,140})")
# a version's owner and up to two words before its noun: "the federation's English", "MPA's full"
_OWNED = r"(?:[Tt]he\s+(?:[\w'’.-]+\s+){0,3}?[\w.-]+|" + _caps(0, 4) + r")['’]s?\s+(?:[\w-]+\s+){0,2}?"
_RENDERING_NOUNS = r"(?:transcript|translation|interpretation|rendering|version|summary|readout)"
_VERSION_QUOTED_RX = re.compile(
    r"(?P<np>" + _OWNED + _VERSION_NOUNS
    + r")(?:\s*,\s*(?:the\s+version|which|the\s+one)[^,]{0,60}(?i:quot)[^,]{0,30},|\s+(?:has|had|quotes|quoted)\s+"
    r"(?:him|her|them|[A-Z][\w'’-]+)\s+(?:as\s+)?(?:saying|telling|stating|promising|warning|ruling|calling|insisting|"
    r"admitting|accepting|conceding|refusing|pledging|vowing|describing)|\s+renders\s+(?:[\w'’-]+\s+){1,4}?as\b)")
# (session 34) a rendering that speaks for itself: "The interpreter's rendering: '...'", "The company's own English
# summary later said '...'" (not an account, which is someone's own story)
_VERSION_SPEAKS_RX = re.compile(
    r"(?P<np>" + _OWNED + r"(?:" + _RENDERING_NOUNS + r"|interpreter))"
    r"(?:\s*:(?=\s*[\"“])|\s+(?:later\s+|also\s+|then\s+)?(?:said|says|reads|read|put\s+it|has\s+it|had\s+it)\b)")
# (session 34) "the live blog cited the company's English summary:", "quoting the ministry's readout": the words come
# from that version
_CITED_VERSION_RX = re.compile(
    r"\b(?:cited|quoted|citing|quoting)\s+(?P<np>" + _OWNED + _RENDERING_NOUNS + r")\b")
# "by the Quorvian Gazette's account", "The Gazette's account, based on ..., has a different wording"
_OUTLET_ACCOUNT_RX = re.compile(
    r"(?P<np>(?:[Tt]he\s+)?" + _caps(0, 4) + r")['’]s?\s+(?:own\s+|English\s+)?"
    r"(?:account|version|reporting|telling|English\s+edition|"
    # (session 34) "The Daily Beacon's coverage on Thursday", "The Lindmark Standard's interview with Sofie Lindqvart"
    r"coverage|interview\s+with|report\s+on|story\s+on|investigation\s+into)\b|"
    # ... and an outlet's clip or recording of someone: "the Radio Kesta clip of Ingrid Malvane"
    r"\b[Tt]he\s+(?P<np2>" + _caps(0, 3) + r")\s+(?:clip|recording|footage|broadcast|tape)\s+of\b")


# (session 31) "In Tagvesti's English-language account", "in DTV's interpretation", "via DTV's live interpretation",
# "as DTV's interpreter put it", "In the agency's English rendering of her remarks": the words as another party
# gave them. A translation or an interpreter is anyone's (a body in lower case too); an account or a version only
# an outlet's ("In Smith's account" is Smith's own)
_IN_VERSION_RX = re.compile(
    r"\b(?:[Ii]n|[Vv]ia|[Pp]er|[Ff]rom|[Aa]s|[Bb]y)\s+(?P<np>(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4}|the\s+"
    r"(?:[a-z-]+\s+){0,2}?[a-z]+)(?P<poss>['’]s?)?\s+(?:(?:own|English|English-language|[A-Z]?[a-z]+-language|live|"
    r"official|simultaneous|on-air|in-house|staff|subtitled)\s+){0,2}(?P<noun>interpretation|translation|rendering|"
    r"transcript|interpreter|translator|account|version|wording|phrasing|subtitles|footage)\b")
_VERSION_BODIES = frozenset("agency ministry office channel broadcaster station network government presidency "
                            "department service council company firm campaign party palace transcript wire".split())


_NOT_VERSION_OWNERS = frozenset({"English", "French", "German", "Spanish", "Russian", "Arabic", "Chinese", "official",
                                 "new", "final", "full", "latest", "original"})


def in_version_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """Words given as another party rendered them ("in DTV's interpretation", "In Tagvesti's English-language
    account", "as the broadcaster's interpreter put it"): relayed through that party (not the article's own)."""
    text = doc.norm
    low = text.casefold()
    if not any(w in low for w in ("interpret", "translat", "rendering", "transcript", "account", "version", "wording",
                                  "phrasing", "subtitle", "footage")):
        return 0
    added = 0
    for m in _IN_VERSION_RX.finditer(text):
        if _taken(doc, atts, m):
            continue
        np = doc.text[m.start("np"):m.end("np")]
        poss = m.group("poss")
        if re.search(r"['’]s?$", np):  # ("OBN's": the run took the possessive)
            np, poss = re.sub(r"['’]s?$", "", np), "'s"
        core = _DET_RX.sub("", np.strip())
        if not poss and (core in _NOT_VERSION_OWNERS or not (outlet_of(np, v) or core in _VERSION_BODIES)):
            continue  # "the Meridian Press rendering", "the wire translation": no possessive, only an outlet or a
            # body; not "In the English translation", "In the new version"
        anyone = m.group("noun") not in ("account", "version", "wording", "phrasing") or core == "transcript"
        if np[:1].isupper() or np.startswith("the ") and core[:1].isupper():
            party = outlet_of(np, v) or ((core, "media") if _ACRONYM_RX.fullmatch(core) else None) or (
                _party(np, v) if anyone else None)
        else:
            party = (core, "institution") if anyone and core.split()[-1] in _VERSION_BODIES | {"interpreter"} else None
        if not party or _own_outlet(doc, party[0]) or party[0].casefold() in ("our", "my", "his", "her", "their"):
            continue
        added += _new_relay(atts, party[0], party[1], m.start(), m.end(), "version")
    return added


def _owner(np: str, v: Vocab) -> tuple[str, str] | None:
    """The party whose version ``np`` names: a person named after a comma or "by" ("the interpreter, Ilka
    Brandt", "the interpretation by QBC's Sanja Morrow"), else the possessor ("the federation's transcript")."""
    person = re.search(r"(?:,\s*|\bby\s+(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}['’]s\s+)?)(?P<p>" + _caps(1, 3) + r")\s*$",
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
    for rx, words in ((_QUOTES_FOLLOW_RX, ("quot",)), (_VERSION_QUOTED_RX, _VERSION_WORDS), (_CITED_VERSION_RX, ("cit", "quot")),
                      (_VERSION_SPEAKS_RX, _VERSION_WORDS),
                      (_OUTLET_ACCOUNT_RX, ("account", "version", "reporting", "telling", "edition", "coverage", "interview", "report",
                                             "story", "investigation", "clip", "recording", "footage", "broadcast",
                                             "tape"))):
        if not any(w in low for w in words):
            continue  # (most texts name no version: the patterns are not tried)
        for m in rx.finditer(text):
            if _taken(doc, atts, m):
                continue
            np = doc.text[m.start("np"):m.end("np")]
            if rx is _OUTLET_ACCOUNT_RX:
                if m.group("np2"):
                    np = doc.text[m.start("np2"):m.end("np2")]
                party = outlet_of(np, v)  # (a known outlet only: "China's version of Twitter" is no one's account)
            else:
                party = _owner(np, v)
            if not party or _own_outlet(doc, party[0]) or party[0].casefold() in ("our", "my", "his", "her", "their"):
                continue
            added += _new_relay(atts, party[0], party[1], m.start(), m.end(), "version")
    return added


# -- an interpretation the words came through --------------------------------------------------------------

# (session 34) "Via the English interpretation provided for foreign media, she said", "through the live translation":
# the words reached the outlet through an interpretation nobody is named for
_VIA_RENDERING_RX = re.compile(
    r"\b(?:[Vv]ia|[Tt]hrough)\s+(?:the|an?)\s+(?:[\w-]+\s+){0,3}?(?P<noun>interpretation|translation)\b"
    r"(?:\s+(?:provided|offered|supplied|given|laid\s+on|arranged)\s+(?:for|to|by)\s+[^,.;:\"“]{1,40})?")
# "In interpreter Ada Venn's English version, her closing promise was:", "as translator Ola Berg rendered it"
_RENDERER_VERSION_RX = re.compile(
    r"\b(?:[Ii]n|[Aa]s|[Vv]ia|[Ff]rom)\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:interpreter|translator)\s+(?P<n>" + _caps(1, 2) + r")"
    r"(?:['’]s?\s+(?:[\w-]+\s+){0,2}?(?:version|rendering|translation|interpretation|words)\b|\s+(?:put|rendered|"
    r"translated|interpreted)\s+it\b)")
# "in Venn's words", "as Venn put it": the words of a person the article introduced as an interpreter
_IN_WORDS_RX = re.compile(r"\b(?:[Ii]n\s+(?P<a>" + _caps(0, 2) + r")['’]s?\s+(?:own\s+)?words|[Aa]s\s+(?P<b>"
                          + _caps(0, 2) + r")\s+(?:put|rendered|phrased)\s+it)\b")


def _renderers(doc) -> dict[str, str]:
    """Each word of the names of the persons the quotations layer introduced as an interpreter or a translator
    (and as nothing else a title names) -> the full name."""
    from .speakers import _renderer

    disc = doc.__dict__.get("_discourse")
    if disc is None:
        return {}
    return {w: n for n, p in sorted(disc.people.persons.items()) if _renderer(p) for w in n.split()}


# (session 35) an interpreter no name is given for: "speaking through an interpreter", "As rendered by the
# interpreter:", "she adds, in the interpreter's words", "The interpreter's next line:"
_THE_INTERPRETER_RX = re.compile(
    r"\b(?:(?:speaking|talking|answering|replying|spoke|talked)\s+through\s+(?:an?|the|her|his|their)\s+(?:[\w-]+\s+)?"
    r"(?:interpreter|translator)|[Aa]s\s+(?:rendered|translated|interpreted|put)\s+(?:into\s+English\s+)?by\s+(?:the|an?|her|"
    r"his)\s+(?:[\w-]+\s+)?(?:interpreter|translator)|in\s+the\s+(?:[\w-]+\s+)?(?:interpreter|translator)['’]s\s+"
    r"(?:own\s+)?(?:words|rendering|version|translation|English)|[Tt]he\s+(?:[\w-]+\s+)?(?:interpreter|translator)['’]s\s+"
    r"(?:next|first|last|closing|following|opening)\s+(?:line|lines|words|sentence)(?=\s*:))")


def rendering_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """Words that came through an interpretation or an interpreter ("Via the English interpretation provided for
    foreign media, she said", "In interpreter Ada Venn's English version, her promise was:", "as Venn put it",
    "she told the hall, in Venn's words:"): the sentence's first-hand attribution is relayed through it, or a
    relay is read where none is."""
    text = doc.norm
    if "interpret" not in text and "translat" not in text and "words" not in text and " put it" not in text:
        return 0
    added = 0
    renderers = _renderers(doc) if ("words" in text or " put it" in text) else {}
    found: list[tuple[re.Match, str, str]] = []
    for m in _VIA_RENDERING_RX.finditer(text):
        found.append((m, m.group("noun"), "translation"))
    for m in _RENDERER_VERSION_RX.finditer(text):
        found.append((m, m.group("n"), "person"))
    for m in _THE_INTERPRETER_RX.finditer(text):
        found.append((m, "interpreter", "translation"))
    for m in _IN_WORDS_RX.finditer(text) if renderers else ():
        who = m.group("a") or m.group("b")
        full = renderers.get(who.split()[-1])
        if full:
            found.append((m, full, "person"))
    for m, party, stype in sorted(found, key=lambda x: x[0].start()):
        if _taken(doc, atts, m):
            continue
        added += _relay_sentence(doc, atts, m, party, stype, "interpretation")
    return added


# -- a post on a platform ---------------------------------------------------------------------------

# "in a post on the club's official account", "said in a post on its corporate account on the social network
# Chirp", "has posted on Chirp": words put online reach the article through the account or the platform
_IN_A_POST_RX = re.compile(
    # (session 35: "In a video posted on her Parley account", "in a post on an online forum")
    r"\b(?:[Ii]n|[Oo]n)\s+a\s+(?:[\w-]+\s+)?(?:post|message|video|thread)\s+(?:(?:posted|shared|published)\s+)?on\s+"
    r"(?P<np>(?:the\s+|its\s+|his\s+|her\s+|their\s+|an?\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:account|channel|page|feed|profile|forum|group|message\s+board)(?:\s+on\s+(?:the\s+)?(?:social\s+network|platform|"
    r"app|site)\s+(?P<platform>[A-Z][\w-]*))?)")
_POSTED_ON_RX = re.compile(r"\b(?:has|have|had)\s+(?:also\s+)?posted\s+(?:a\s+[\w-]+\s+)?on\s+(?P<platform>[A-Z][\w-]*)\b|"
                           r"\b(?:[Ii]n|[Oo]n)\s+a\s+(?:[\w-]+\s+)?(?:post|message|video|thread)\s+on\s+"
                           # (session 35: "in a post on the social platform Parley shortly after 7 a.m., writing that")
                           r"(?:the\s+(?:social\s+(?:platform|network|media\s+(?:site|platform))|(?:messaging\s+)?app|platform)\s+)?"
                           r"(?P<platform2>[A-Z][\w-]*)"
                           r"(?=\s*(?:,|:|at\b|on\b|late\b|early\b|this\b|last\b|shortly\b|writing\b|saying\b))|"
                           # (session 35: "Pelloran was on Parley declaring that", "In a message posted to his followers")
                           r"\b(?:was|were|is|are|went)\s+on\s+(?P<platform3>[A-Z][\w-]*)\s+(?:declaring|saying|writing|insisting|"
                           r"claiming|announcing|vowing|calling|demanding)\b|"
                           r"\b[Ii]n\s+a\s+(?:[\w-]+\s+)?(?:post|message|video|note)\s+(?:posted|sent)\s+to\s+(?P<followers>(?:his|her|"
                           r"its|their)\s+(?:followers|subscribers|supporters|members))\b")


# (session 31) "according to a post he later deleted": the words reach the article through a post
_ACCORDING_TO_POST_RX = re.compile(r"\baccording\s+to\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:post|tweet|"
                                   r"message|video|livestream|story)\b(?:\s+(?:he|she|they|it)\s+(?:later\s+)?(?:deleted|"
                                   r"removed|posted|published|shared))?(?!\s+(?:posted\s+|published\s+|shared\s+)?"
                                   r"(?:on\s+[\w.-]+\s+)?by\b)")  # (a video posted by the council is the council's)


# (session 34) the speaker's own post, as the clause that reports it names it: "wrote on Facebook that", "posted on
# social media:", "has written on Chirp that", "fumed on social media", "wrote in a LinkedIn post", "said on its
# Facebook page", "wrote on the campus forum TessTalk", "posted from her hospital bed on Instagram", "bragged online"
@lru_cache(maxsize=4)
def _own_post_rx(platforms: str) -> re.Pattern:
    """The speaker's own post pattern, the platforms being those of sources.yaml's ``social`` list."""
    return re.compile(
        r"\b(?P<verb>wrote|writes|written|posted|posts|said|says|declared|declaring|fumed|announced|bragged|boasted|"
        r"claimed|complained|went\s+further|added|insisted|warned)\b(?P<mid>[^.,;:!?\"“”\n]{0,50}?)\s"
        r"(?:(?:on|in|via)\s+(?P<where>social\s+media|social\s+channels|(?:" + platforms + r")(?![\w-])|"
        # (a post, a thread, a forum anyone's; a page, an account, a channel only the speaker's own: not "remarks
        # on the same channel", a broadcaster's)
        r"(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){0,3}?(?:post|posts|tweet|thread|forum|blog)\b"
        r"(?:\s+(?:on\s+)?(?P<named>[A-Z][\w-]+))?|"
        r"(?:his|her|its|their)\s+(?:[\w'’-]+\s+){0,3}?(?:post|posts|tweet|thread|forum|blog|page|account|channel|"
        r"feed|profile)\b)|(?P<online>online)\b)")


@lru_cache(maxsize=4)
def _platform_rx(platforms: str) -> re.Pattern:
    return re.compile(r"\bon\s+(?:" + platforms + r")(?![\w-])")

_WROTE_ON_RX = re.compile(r"\b(?:wrote|written|posted|posts)\b(?:\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:message|note|"
                          r"thread|post|comment|video))?\s+on\s+(?P<where>[A-Z][\w-]+)\b(?!\s+[A-Z])")
_NAMED_POSTER = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+\s+[A-Z][\w'’-]+(?:\s+(?:has|have|had|also|then))*\s+$")
_POST_ANCHOR_RX = re.compile(r"\b(?:(?:on|in|via)\s+(?:\S+\s+){0,4}?(?:post|posts|tweet|thread|forum|blog|page|account|"
                             r"channel|feed|profile|media)\b|on\s+[A-Z]|online\b)")
_NOT_PLATFORMS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
                           "July August September October November December".split())


def own_post_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """A person's or a body's own post, named in the clause that reports it ("wrote on Facebook that", "posted on
    social media:", "has written on Chirp that", "said on its Facebook page"): their first-hand attribution is
    relayed through the platform or the post. Words passed on nowhere else are left ("said on Monday", "shared a
    photo", no reporting clause)."""
    text = doc.norm
    low = text.casefold()
    if not any(w in low for w in ("post", "wrote", "written", "social", "online", "page", "account", "thread", "forum",
                                  "channel", "feed", "blog", "profile", "tweet")) and \
            not _platform_rx(v.platforms).search(text):
        return 0
    # (the sentences that name a platform, a post or an account only: the verb pattern is dear on every "said")
    spans = sorted({doc.sentence_at(a.start()) or (a.start(), a.end()) for a in _POST_ANCHOR_RX.finditer(text)})
    found = []
    own_post_rx = _own_post_rx(v.platforms)
    for m in (m for s0, e0 in spans for m in own_post_rx.finditer(text, s0, e0)):
        saying = not m.group("verb").startswith(("wrote", "writes", "written", "posted", "posts"))
        if saying and (m.group("online") and m.group("verb") not in ("bragged", "boasted", "fumed") or m.group("mid").strip()):
            continue  # (a verb of saying must take the platform right after it, "said on Twitter", "said in a
            # tweet": "said he received threats on social media" reports no post; "bragged online" does)
        named = m.group("named") if m.group("named") not in _NOT_PLATFORMS else None
        where = named or m.group("where") or m.group("online")
        found.append((m, where))
    for m in (m for s0, e0 in spans for m in _WROTE_ON_RX.finditer(text, s0, e0)):
        if m.group("where") not in _NOT_PLATFORMS and not outlet_of(m.group("where"), v):
            found.append((m, m.group("where")))
    changed = 0
    for m, where in sorted(found, key=lambda x: (x[0].start(), x[0].end())):
        if _taken(doc, atts, m):
            continue
        sent = doc.sentence_at(m.start()) or (m.start(), m.end())
        own = next((a for a in atts if a.kind == "direct" and sent[0] <= a.start <= m.start() + 2 and
                    a.end >= m.start() - 2 and a.source_type in ("person", "institution", "unknown", None)), None)
        party = " ".join(where.split())
        party = re.sub(r"(?i)^(?:a|an|the|his|her|its|their)\s+", "", party)
        if own is None:
            if not doc.in_boilerplate(sent) and _NAMED_POSTER.search(text, sent[0], m.start()) and (
                    re.match(r"(?:wrote|written|posted)\b", m.group()) or not m.group("mid").strip()):
                # ("Civic Party spokeswoman Lena Marsh has written on Chirp that": a named poster right before, no
                # clause the sentence pass read; not "propaganda was posted online")
                changed += _new_relay(atts, party, "social", m.start(), m.end(), "post")
            continue
        _relay_through(own, own.source, party, "social", max(own.end, m.end()))
        changed += 1
    return changed  # (none added; a count that is not zero has the caller sort the stretched spans again)


def post_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """A post someone put on an account or a platform: relayed through the platform when it is named ("on the
    social network Chirp", "has posted on Chirp"), else through the account ("the club's official account")."""
    text = doc.norm
    added = 0
    if "post" not in text and "message" not in text and "video" not in text and "thread" not in text and \
            not re.search(r"\bon\s+[A-Z][\w-]*\s+(?:declaring|saying|writing|insisting|claiming|announcing|vowing|calling|"
                          r"demanding)\b", text):
        return 0
    for m in _ACCORDING_TO_POST_RX.finditer(text):
        if _taken(doc, atts, m):
            continue
        _drop_direct(atts, m.start(), m.end())  # ("according to a post he" is no speaker)
        added += _new_relay(atts, "post", "social", m.start(), m.end(), "post")
    for rx in (_IN_A_POST_RX, _POSTED_ON_RX):
        for m in rx.finditer(text):
            if _taken(doc, atts, m):
                continue
            gd = m.groupdict()
            name = gd.get("platform") or gd.get("platform2") or gd.get("platform3") or \
                ("post" if gd.get("followers") else _DET_RX.sub("", doc.text[m.start("np"):m.end("np")].strip()))
            own_platform = re.match(r"(?:its|his|her|their)\s+(?P<p>[A-Z][\w-]*)\s+(?:account|channel|page|feed|profile)$", name)
            if own_platform:
                name = own_platform.group("p")  # "on its Instagram account": the platform named with the account
            elif re.match(r"(?i)(?:its|his|her|their)\s", name):
                # (session 34) "on its corporate account" with no platform: the words reach the article through
                # the speaker's own account all the same (every coder of 13 invented events marks a speaker's
                # own post relayed, as the rubric lists "a lawmaker's post" among relays)
                name = re.sub(r"(?i)^(?:its|his|her|their)\s+", "", name)
            sent = doc.sentence_at(m.start()) or (m.start(), m.end())
            poster = next((a for a in atts if a.kind == "direct" and sent[0] <= a.start < m.end() and
                           a.end >= m.start() - 2), None) or (next((a for a in atts if a.kind == "direct" and
                                                                    m.end() <= a.start <= m.end() + 60 and
                                                                    a.start < sent[1]), None)
                                                              if gd.get("platform2") or gd.get("followers") or
                                                              (m.group().startswith("In ") and gd.get("np")) else None)
            # ("In a post on X at 10.05pm, the fire service said": the poster after the post)
            if poster is not None:  # "The unit has posted on Chirp": the poster first, the platform relays
                _relay_through(poster, poster.source, name, "social", m.end())
                continue
            added += _new_relay(atts, name, "social", m.start(), m.end(), "post")
    return added


# -- a statement read out or relayed by a go-between -------------------------------------------------

# "said in a statement read out by its spokesman, Aron Beleth", "Dolent's remarks, relayed by the Civic Alliance
# press office in a statement": the go-between named after "by" carried the words
# (session 31) the verb may be parted from "by" by where or to whom ("a statement read outside the hospital by
# their lawyer, Edda Strom", "read out to reporters in Ostrel by company spokeswoman Ida Marsk", "passed on to the
# Post by her cousin Marco Lenz", "extracts of which were read to CWJ by the office of ...", "comments forwarded to
# us by the ministry press office", "her words as rendered by the channel's interpreter, Lena Obrist")
_GO_BETWEEN_NOUNS = (r"spokesman|spokeswoman|spokesperson|lawyer|solicitor|attorney|agent|aide|representative|office|"
                     r"secretary|interpreter|translator|cousin|nephew|niece|sister|brother|daughter|son|wife|husband|"
                     r"mother|father|friend|colleague|manager|uncle|aunt|partner|neighbour|neighbor|presenter|anchor|"
                     r"newsreader|host|correspondent|mission|observers|deputy")
_READ_OUT_BY_RX = re.compile(
    r"\b(?P<verb>read(?:\s+out|\s+aloud)?|relayed|passed\s+(?:on|along)|forwarded|rendered|conveyed|supplied|leaked|"
    r"interpreted|translated|shared(?=\s+with\b))"  # ("shared with OBS by X"; not "interests shared by two states")
    r"(?:\s+(?:to|with|outside|at|in|on|before|for)\b[^,.;:\"()\n]{0,50}?)?\s+by\s+(?P<np>(?:(?:its|his|her|their|the)\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:[A-Z][\w'’.-]*|" + _GO_BETWEEN_NOUNS + r")(?:['’]s\s+(?:(?:[\w-]+\s+){0,3}?(?:head|director|"
    r"chief|officer|manager)\s+of\s+[a-z]+|(?:[\w-]+\s+){0,2}?(?:"
    + _GO_BETWEEN_NOUNS + r")))?(?:\s*,\s*" + _caps(0, 2) + r"|\s+of\s+(?:[a-z]+\s+){0,4}?[A-Z][\w'’.-]*"
    r"(?:\s+[A-Z][\w'’.-]*){0,3}|(?:\s+[A-Z][\w'’.-]*){0,3}(?:\s+(?:press\s+)?office)?))")


# (a name alone after "read out by" may be the speaker's own: "a statement read out by Mayor Roe")
_GO_BETWEEN_WORDS = re.compile(r"(?i)\b(?:press|" + _GO_BETWEEN_NOUNS + r")\b")
_NAME_RUN_END_RX = re.compile(r"(?<![\w'’])(?P<n>" + _caps(0, 2) + r")\s*$")


# "forwarded to the Post by Halberg's head of communications, Maja Lindahl": a description with a go-between's word,
# then the name after a comma
_BY_DESCRIBED_NAME_RX = re.compile(
    r"\b(?:read(?:\s+out)?|relayed|passed\s+(?:on|along)|forwarded|rendered|conveyed|shown|sent)(?:\s+(?:to|outside|at|in|on)"
    r"\b[^,.;:\"()\n]{0,50}?)?\s+by\s+(?P<desc>[^,.;:\"()\n]{3,70}?),\s+(?P<n>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,2})")
_DESC_WORDS = re.compile(r"(?i)\b(?:head|director|chief|officer|manager|communications|press|spokes\w+|lawyer|"
                         r"solicitor|aide|adviser|advisor|secretary|representative|agent)\b")


def read_out_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """Words read out or relayed by a named go-between (a spokesman named after a comma, a press office, an
    outlet): the sentence's first-hand attribution becomes a relay through the go-between, its owner first in
    the chain; with none, the go-between is added as the relay."""
    text = doc.norm
    added = 0
    for m in _READ_OUT_BY_RX.finditer(text):
        if _taken(doc, atts, m):
            continue
        np = doc.text[m.start("np"):m.end("np")]
        named = re.search(r",\s*(?P<n>" + _caps(0, 2) + r")$", np)
        # a go-between's name after its description ("company spokeswoman Ida Marsk", "her cousin Marco Lenz",
        # "the office of ... spokesman Conrad Bellamy"): the name at its end
        tail = _NAME_RUN_END_RX.search(np) if _GO_BETWEEN_WORDS.search(np) and not np[:1].isupper() else None
        office = re.search(r"(?i)\b(?:press\s+)?office$", np)
        passed = not m.group("verb").startswith("read")  # (a name alone after "read out by" may be the speaker's own)
        if re.search(r"['’]s$", np.strip()):
            continue  # "by Halberg's head of communications, X": the description's owner, not the go-between
        party = (named.group("n"), "person") if named else outlet_of(np, v) or (
            (tail.group("n"), "person") if tail and not outlet_of(tail.group("n"), v) else
            _party(np, v) if _GO_BETWEEN_WORDS.search(np) or passed and _DET_RX.sub("", np.strip())[:1].isupper()
            else None) or (
            (_DET_RX.sub("", np.strip()), "institution") if office else None)  # "the mayor's press office"
        if party:
            party = (party[0].rstrip("."), party[1])
        if not party or _own_outlet(doc, party[0]) or re.match(r"(?i)(?:its|his|her|their)\s+\w+$", party[0]):
            continue
        owner = _direct_ending_at(doc, atts, m.start())
        end = m.end() - (len(np) - len(np.rstrip(".")))
        if owner is not None and (owner.cue or "").casefold().startswith("according"):
            owner.source = None  # "according to an email shared with OBS by X": the email, not a speaker
        if owner is not None:
            _relay_through(owner, owner.source, party[0], party[1], end)
            owner.start = min(owner.start, m.start())
            continue
        added += _new_relay(atts, party[0], party[1], m.start(), end, "relayed by")
    for m in _BY_DESCRIBED_NAME_RX.finditer(text):
        if _taken(doc, atts, m) or not _DESC_WORDS.search(m.group("desc")):
            continue
        name = m.group("n")
        owner = _direct_ending_at(doc, atts, m.start())
        if owner is not None:
            _relay_through(owner, owner.source, name, "person", m.end())
            continue
        added += _new_relay(atts, name, "person", m.start(), m.end(), "relayed by")
    return added


# -- an outlet named as the one that reported, quoted or was told ----------------------------------------

# (session 31) "was first reported on Saturday by the Ostrel Gazette", "in remarks reported by DPS", "was quoted by
# Vestnik Dravenski as saying", "As Professor Lotte Vasko put it to Civil Works Journal": the words reach the
# article through that outlet (an unlisted name counts when the verb says it is one: quoted "as saying", a
# wire's call letters after "reported by")
_REPORTED_BY_RX = re.compile(
    r"\b(?:reported|cited|carried|published|broadcast)\s+(?:[\w'’-]+\s+){0,3}?by\s+(?P<np>(?:the\s+)?[A-Z][\w'’.&-]*"
    r"(?:\s+[A-Z][\w'’.&-]*){0,4})")
# "The Daily Clarion, a tabloid, reported that": an outlet named by what it is
_OUTLET_APPOSED_RX = re.compile(
    r"(?P<np>(?:[Tt]he\s+)?" + _caps(0, 4, _CAP_AMP) + r"),\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:tabloid|"
    r"newspaper|broadsheet|paper|daily|weekly|broadcaster|channel|station|agency|news\s+site|website|magazine|"
    r"outlet|radio|network)(?:\s+[^,.;]{0,40})?,\s+(?:has\s+|had\s+)?(?:reported|said|says|wrote|writes|reports|"
    r"quoted|claimed|claims)\b")
_QUOTED_BY_RX = re.compile(
    r"\b(?:was|were|is|are|has\s+been|had\s+been|been)\s+(?:also\s+)?quoted\s+by\s+(?P<np>(?:the\s+)?[A-Z][\w'’.&-]*"
    r"(?:\s+[A-Z][\w'’.&-]*){0,4})\s+as\s+(?:saying|telling|stating|warning|promising|describing|calling)\b")
_PUT_IT_TO_RX = re.compile(
    r"\b[Aa]s\s+(?P<who>[^,;:.\"“”]{2,60}?)\s+put\s+it\s+to\s+(?P<np>(?:the\s+)?" + _caps(0, 4, _CAP_AMP) + r")")
_ACRONYM_RX = re.compile(r"[A-Z]{2,6}")


def outlet_named_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """An outlet that first reported the news, quoted someone as saying, or was told ("reported on Saturday by the
    Ostrel Gazette", "was quoted by Vestnik Dravenski as saying", "as X put it to Civil Works Journal"): relayed
    through it; a first-hand attribution of the same clause becomes the relay, its speaker first in the chain."""
    text = doc.norm
    if not any(w in text for w in ("reported", "quoted by", "put it to", " by ", ", a", ", an")):
        return 0
    added = 0
    for rx, m in _untaken(doc, atts, text, (_REPORTED_BY_RX, _QUOTED_BY_RX, _PUT_IT_TO_RX, _OUTLET_APPOSED_RX)):
        np = doc.text[m.start("np"):m.end("np")].rstrip(".")
        core = _DET_RX.sub("", np.strip())
        party = outlet_of(np, v) or ((core, "media") if rx in (_QUOTED_BY_RX, _OUTLET_APPOSED_RX) and
                                    len(core.split()) <= 4 or _ACRONYM_RX.fullmatch(core) else None)
        if not party or _own_outlet(doc, party[0]):
            continue
        sent = doc.sentence_at(m.start()) or (m.start(), m.end())
        owner = next((a for a in atts if a.kind == "direct" and sent[0] <= a.start <= m.end() and
                      a.end >= m.start() - 2), None)
        end = m.start("np") + len(np)
        if owner is not None:
            _relay_through(owner, owner.source, party[0], party[1], end)
            continue
        origin = m.group("who").strip() if rx is _PUT_IT_TO_RX else None
        added += _new_relay(atts, party[0], party[1], m.start(), end, "reported by", origin)
    return added


# -- hearsay no one is named for -----------------------------------------------------------------------

# (session 31) "Word along Ossel Quay is that", "Word on parents' forums this afternoon is that", "Ministry circles
# say that", "Talk in the yard is that", "Rumour has it that": vague sourcing
_HEARSAY_RX = re.compile(
    r"\b(?:(?:[Tt]he\s+)?[Ww]ord|[Tt]alk|[Rr]umou?rs?|[Tt]he\s+(?:gossip|whispers?)|[Ww]hispers)\s+(?:(?:on|along|around|in|at|"
    r"among|across|from|inside|within)\s+[^,.;:\"“”\n]{1,60}?(?:,[^,.;:\"“”\n]{1,60},)?\s+)?(?:is|was|are|were|has\s+it)\s+"
    r"that\b|"
    # (session 32) "There were unconfirmed reports on local radio that", "There have been rumours that"
    r"\b[Tt]here\s+(?:were|are|have\s+been|had\s+been)\s+(?:(?:unconfirmed|unverified|uncorroborated|some|several|"
    r"conflicting|persistent|other)\s+)?(?:reports|rumou?rs|claims|suggestions)\b|"
    r"\b[Rr]umou?r\s+has\s+it\b|"
    # (session 32) the outlet's own hearsay: "Some of his staff, we hear, would rather", "We understand that"
    r"(?<=,\s)we\s+(?:hear|understand|gather|are\s+told)(?=\s*,)|(?:^|(?<=[.!?]\s))[Ww]e\s+(?:hear|understand|gather|"
    r"are\s+told|have\s+been\s+told)\s+that\b|"
    r"\b(?:[A-Z][\w-]*|[a-z]+)\s+circles\s+(?:(?:in|at)\s+[A-Z][\w-]*\s+)?(?:say|said|believe|believed|suggest|"
    r"suggested|claim|claimed|insist|insisted|are\s+saying|were\s+saying|expect|expected|fear|feared)\b")


_HEARSAY_GATE_RX = re.compile(r"\bthere\s+(?:were|are|have\s+been|had\s+been)\b|\bwe\s+(?:hear|understand|gather|are\s+told|"
                              r"have\s+been\s+told)\b")


def hearsay_vague(doc, atts: list[Attribution], v: Vocab) -> int:
    """Word going round a place or a milieu ("Word along the quay is that", "Ministry circles say"): vague."""
    text = doc.norm
    low = text.casefold()
    if "word" not in low and "circles" not in low and "rumo" not in low and "talk" not in low and \
            "gossip" not in low and "whisper" not in low and "anonym" not in low and "identified" not in low and \
            "named" not in low and "privately" not in low and not _HEARSAY_GATE_RX.search(low):
        return 0
    added = 0
    for m in _HEARSAY_RX.finditer(text):
        if doc.inside_quotation(m.start(), m.end()) or _overlaps(atts, m.start(), m.end(), ("vague", "relayed")):
            continue
        for a in [a for a in atts if a.kind == "direct" and m.start() <= a.start < m.end()]:
            atts.remove(a)  # ("... who asked not to be named, said": no first-hand speaker inside the group's clause)
        atts.append(Attribution(source=None, kind="vague", start=m.start(), end=m.end(), cue=m.group().split()[0],
                                chain=[], hops=0, source_type="unknown"))
        added += 1
    return added


# -- a name the article itself shows to be an outlet -----------------------------------------------------

# "Our colleagues at Vestnik Dravenski report": a sister outlet's report
_COLLEAGUES_AT_RX = re.compile(
    r"\b[Oo]ur\s+(?:(?:colleagues|partners|friends)\s+(?:at|on|from)|sister\s+(?:paper|title|station|site|publication|"
    r"channel)(?:\s+(?:at|on|from))?,?)\s+"
    r"(?P<np>(?:the\s+)?" + _caps(0, 4, _CAP_AMP) + r")")
_MEDIA_TYPES = ("agency", "broadcaster", "media")
_SOURCES_LINE_RX = re.compile(r"(?im)^[^\S\n]*(?:sources?|compiled\s+from|based\s+on\s+reports\s+(?:by|from))[^\S\n]*:"
                              r"[^\S\n]*(?P<list>[^\n]{3,300})$")


def same_outlet_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """A name the article shows to be an outlet ("DPS reported", "Our colleagues at Vestnik Dravenski") relays
    where the article names it as a source ("according to DPS"): its first-hand attributions become relays.
    A name read as an outlet by its own clause only ("DPS reported") relays where it is cited ("according to"),
    not where it speaks ("McClatchy said its finances ...", the chain whose results "McClatchy reported"); one the
    article names as an outlet (its "Sources:" line, "our colleagues at") relays wherever it is a source.
    Turns attributions into relays; returns 0."""
    weak = {a.source: a.source_type for a in atts if a.kind == "relayed" and a.source and
            a.source_type in _MEDIA_TYPES and a.source_type}
    outlets: dict[str, str] = {}
    for m in _SOURCES_LINE_RX.finditer(doc.norm):  # "Sources: Casterland Wire Press, CBN News, ...": an aggregator's
        for name in re.split(r"\s*(?:,|;|\band\b|\|)\s*", m.group("list")):  # list of the outlets it drew on
            name = _DET_RX.sub("", name.strip(" .")).strip()
            if 1 <= len(name.split()) <= 5 and name[:1].isupper() and not _own_outlet(doc, name):
                outlets.setdefault(name, "media")
    for m in _COLLEAGUES_AT_RX.finditer(doc.norm):
        if not doc.inside_quotation(m.start(), m.end()):
            name = _DET_RX.sub("", doc.text[m.start("np"):m.end("np")].strip())
            if not _own_outlet(doc, name):
                outlets.setdefault(name, "media")
    # an outlet's name by its first word, its letters ("CBN" for "CBN News")
    for group in (weak, outlets):
        for name, t in list(group.items()):
            first = name.split()[0]
            if len(name.split()) > 1 and _ACRONYM_RX.fullmatch(first):
                group.setdefault(first, t)
    if not outlets and not weak:
        return 0
    for a in atts:
        if a.kind != "direct" or not a.source or _own_outlet(doc, a.source):
            continue
        t = outlets.get(a.source) or (weak.get(a.source) if (a.cue or "").casefold().startswith("according") else None)
        if t:
            _relay_through(a, None, a.source, t, a.end)
    return 0


# -- a relative speaking for the person the sentence is about -----------------------------------------------

# (session 31) "Rafael's sister Carla posted a photo of his van, saying he "keeps asking ..."", "Her son Piet told
# the Post that she "wants to thank them"": a relative passes on what the principal said or feels
_KIN_RX = re.compile(r"(?i)\b(?:(?P<poss>[A-Z][\w'’-]*)['’]s|his|her|their)\s+(?:(?:older|younger|elder|twin|late)\s+)?"
                     r"(?P<kin>sister|brother|daughter|son|wife|husband|mother|father|mum|mom|dad|cousin|nephew|niece|uncle|"
                     r"aunt|partner|fianc[ée]e?|grandson|granddaughter|grandmother|grandfather)(?:-in-law)?\s*,?\s*$")
# the relative's own pronoun, by the kin word ("His sister Carla said she was proud" is her own view); a cousin or a
# partner says nothing of it
_KIN_PRONOUN = {w: "she" for w in ("sister", "daughter", "wife", "mother", "mum", "mom", "aunt", "niece",
                                   "granddaughter", "grandmother", "fiancée", "fiancee")} | \
    {w: "he" for w in ("brother", "son", "husband", "father", "dad", "uncle", "nephew", "grandson", "grandfather",
                       "fiancé", "fiance")}
_HIS_WORDS_RX = re.compile(r"\b(?:saying|said|says|told\s+[\w\s]{1,30}?)\s+(?:that\s+)?(?:he|she|they)\b"
                           r"[^.;]{0,80}?[\"“‘']|"
                           # ("Her sister, Agneta Lind, said by telephone that Drost had called her to say")
                           # ... ("told the Herald-Times that he had texted the family", "told OBC he had telephoned her")
                           r"^[^.;\"“]{0,120}?\b(?:that\s+|[A-Z][\w-]*\s+)(?:he|she|[A-Z][a-z]+)\s+had\s+(?:called|phoned|"
                           r"telephoned|rung|texted|messaged|emailed|written\s+to|told)\s+(?:her|him|them|us|the\s+family|"
                           r"(?:his|her|their)\s+(?:family|parents|wife|husband|mother|father|sister|brother))\b|"
                           # ('Her son Daniel told the Blaze: "Mum said it was like ..."': the quotation reports her)
                           r"^[^.;\"“]{0,60}:\s*[\"“‘]\s*(?:Mum|Mom|Dad|Mother|Father|Gran|Grandma|Grandad|Grandpa|He|She|"
                           r"My\s+(?:mother|father|mum|dad|son|daughter|brother|sister|wife|husband))\s+(?:said|told|says|"
                           r"kept\s+saying|was\s+saying|tells|messaged|texted|phoned|called|rang|wrote)\b")


def kin_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """A relative named as the subject who passes on the principal's words ("Rafael's sister Carla posted a photo
    ..., saying he "keeps asking ..."": a relay through the relative). Only where what follows is a third person's
    quoted words; the relative's own view ("his sister said she was proud") stays first hand. Returns 0."""
    text = doc.norm
    for a in atts:
        if a.kind != "direct" or not a.source or a.source_type not in (None, "person"):
            continue
        kin = _KIN_RX.search(text[max(0, a.start - 60):a.start])
        if not kin:
            continue
        sent = doc.sentence_at(a.start) or (a.start, a.end)
        at = a.start + len(a.source) if text.startswith(a.source, a.start) else a.end  # (from after the name: the
        said = _HIS_WORDS_RX.search(text[at:min(sent[1] + 40, at + 200)])  # clause may hold "told reporters she had")
        if not said:
            continue
        pron = re.search(r"\b(he|she)\b", said.group())
        if pron and pron.group(1).lower() == _KIN_PRONOUN.get(kin.group("kin").lower()):
            continue  # "His sister Carla said she was proud": her own view, the pronoun is hers
        _relay_through(a, kin.group("poss"), a.source, "person", a.end)
    return 0


# -- a go-between the speaker talked through, or who spoke on the speaker's behalf ---------------------------

# (session 31) "said through spokeswoman Nadia Froome", "through its press officer Leon Dacre, said", "through his
# granddaughter Elif, who translated", "Station Commander Ayo Brandt, speaking on behalf of Chief Fire Officer X"
_THROUGH_RX = re.compile(
    r"\bthrough\s+(?:(?:his|her|its|their|the|a)\s+)?(?:[\w'’-]+\s+){0,2}?(?:" + _GO_BETWEEN_NOUNS + r"|officer|"
    r"granddaughter|grandson|grandmother|grandfather|son-in-law|daughter-in-law|spokes(?:man|woman|person))\s*,?\s+"
    r"(?P<n>" + _caps(0, 2) + r")|"
    # ("said through his office that": the office passed the words on; session 34: "said through the infirmary's
    # press office", "said in a statement released through the journal's publisher", "responded through his
    # lawyers")
    r"(?:(?<=said\s)|(?<=spoke\s)|(?<=responded\s)|(?<=replied\s)|(?<=commented\s)|"
    r"(?<=released\s)|(?<=issued\s)|(?<=sent\s)|(?<=distributed\s))through\s+"
    r"(?P<o>(?:his|her|their|its|the\s+[\w'’-]+['’]s?|[A-Z][\w'’-]*['’]s?)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:office|publisher|publishers|lawyers?|attorneys?|solicitors?|representatives?|agent|publicist|aides?|"
    r"spokes(?:man|woman|person|people|men|women)|press\s+secretary|"
    r"communications\s+(?:team|department|office)))\b(?!\s*,?\s+[A-Z])")
# "Reading a statement on the ministry steps on Velt's behalf, Hanna Scholt said", "Speaking through an interpreter,
# the chairman said": the one who speaks next relays
_BEHALF_OPENING_RX = re.compile(
    r"\b(?:[Rr]eading|[Ss]peaking|[Ww]riting)\s+(?:[^,.;:\"“]{0,80}?\bon\s+(?P<p>" + _caps(0, 2) + r")['’]s?"
    r"\s+behalf|through\s+(?:an?|his|her|their|the)\s+(?P<i>interpreter|translator)"
    # ... ("Speaking through an interpreter on business channel BFN,": the channel's interpreter)
    r"(?:\s+(?:on|for|from|of|provided\s+by)\s+(?:[a-z][\w-]*\s+){0,3}?(?P<ch>" + _caps(0, 3, _CAP_AMP) + r"))?)\s*,")
# (session 33) "Speaking to reporters, as interpreted live on KBN News, he said": the channel's interpretation
_AS_INTERPRETED_RX = re.compile(
    r"\bas\s+(?:interpreted|translated|rendered)\s+(?:live\s+|simultaneously\s+)?(?:on|by)\s+(?P<ch>"
    + _caps(0, 3, _CAP_AMP) + r")")
# "Holt said through BFN's interpreter", "said through an interpreter that": the interpreter passed the words on
_SAID_THROUGH_RX = re.compile(
    r"(?<=\s)through\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+|(?P<o>" + _caps(0, 2, _CAP_AMP) + r")['’]s?\s+)"
    r"(?:[\w'’-]+\s+){0,2}?(?:interpreter|translator)s?\b")
# "Ostrik, reading from a statement by district police chief Marek Telenz, said": she reads another's words
_READING_STATEMENT_RX = re.compile(
    r"(?P<n>" + _caps(0, 2) + r"),\s+reading\s+(?:out\s+|from\s+|aloud\s+from\s+)?(?:a|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:statement|letter|message|note)\s+(?:by|from|of)\s+(?P<p>[^,]{3,80}?),\s+(?:said|says|told|added)\b")
# "In a translation prepared for the Chronicle by the interpreter Dalia Wren, he said"
_PREPARED_BY_RX = re.compile(
    r"\b(?:translation|rendering|transcript|interpretation|version)\s+(?:prepared|made|done|produced|provided)\s+"
    r"(?:for\s+[^,.;]{1,40}?\s+)?by\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?P<n>" + _caps(0, 2) + r")")
_ON_BEHALF_RX = re.compile(
    r"(?P<n>" + _caps(1, 2) + r")\s*,\s*(?:who\s+(?:was\s+)?)?(?:speaking|spoke|speaks|talking)\s+"
    r"(?:on\s+behalf\s+of|for)\s+(?P<p>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*)")


# (session 32) "Press officer Jonas Brink read out a two-line statement on his behalf, saying": the reader relays
_READ_ON_BEHALF_RX = re.compile(
    r"(?P<n>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s+(?:read(?:\s+out)?|delivered|issued)\s+(?:a|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:statement|message|letter|note)\s+on\s+(?:his|her|their|(?P<p>[A-Z][\w'’.-]*)['’]s?)\s+"
    r"behalf\b(?:,?\s+saying)?")
# "Norland's Foreign Ministry, quoting its ambassador in the capital, Elek Morrow, said": the body relays the one quoted
_QUOTING_SAID_RX = re.compile(
    r"(?P<body>(?:[A-Z][\w'’.&-]*\s+){0,4}[A-Z][\w'’.&-]*),\s+quoting\s+(?:its|his|her|their|the|a|an)\s+[^,.;:\"“\n]{1,80}?"
    r"(?:,\s+(?P<n>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,2}))?,\s+(?:said|says|told|reported|added)\b")


def _through_interpreter(a: Attribution, channel: str | None, unnamed: str, end: int, v: Vocab) -> bool:
    """Relay ``a`` through whoever interpreted the words: the ``channel`` named (an outlet's interpreter, a media
    relay), else ``unnamed`` (a translation). Whether a named party was read in ``channel``."""
    party = _party(channel, v) if channel else None
    _relay_through(a, a.source, party[0] if party else unnamed,
                   party[1] if party and party[1] == "media" else "translation", end)
    return party is not None


def go_between_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """Words passed through a named spokesman, press officer or relative ("said through spokeswoman Nadia Froome",
    "through his granddaughter Elif, who translated"), or said on someone's behalf ("Ayo Brandt, speaking on behalf
    of Chief Fire Officer Tomas Reindl"): relayed through that go-between, the principal first in the chain."""
    text = doc.norm
    if "through" not in text and "behalf" not in text and " for " not in text and "reading" not in text and \
            " by " not in text and "quoting" not in text and "interpreted" not in text and "translated" not in text:
        return 0
    added = 0
    for rx, word in ((_READ_ON_BEHALF_RX, "behalf"), (_QUOTING_SAID_RX, "quoting")):
        if word not in text:
            continue
        for m in rx.finditer(text):
            if _taken(doc, atts, m):
                continue
            _drop_direct(atts, m.start(), m.end())  # the one read for or quoted is no first-hand speaker of the clause
            gd = m.groupdict()
            party = _DET_RX.sub("", (gd.get("n") if rx is _READ_ON_BEHALF_RX else gd.get("body")) or "").strip()
            origin = gd.get("p") if rx is _READ_ON_BEHALF_RX else gd.get("n")
            added += _new_relay(atts, party, "person" if rx is _READ_ON_BEHALF_RX else "institution", m.start(), m.end(),
                                "on behalf of" if rx is _READ_ON_BEHALF_RX else "quoting", origin)
    for m in _READING_STATEMENT_RX.finditer(text):
        if doc.inside_quotation(m.start(), m.end()):
            continue
        a = next((a for a in atts if a.kind == "direct" and a.start <= m.start("n") < a.end), None)
        if a is not None:
            _relay_through(a, m.group("p").strip(), m.group("n"), "person", max(a.end, m.end()))
    for m in _PREPARED_BY_RX.finditer(text):
        if _taken(doc, atts, m):
            continue
        nxt = _direct_after(atts, m.end(), 40)
        if nxt is not None:
            _relay_through(nxt, nxt.source, m.group("n"), "person", nxt.end)
            nxt.start = min(nxt.start, m.start())
        else:
            added += _new_relay(atts, m.group("n"), "person", m.start(), m.end(), "translation")
    for m in _BEHALF_OPENING_RX.finditer(text):
        if doc.inside_quotation(m.start(), m.end()):
            continue
        nxt = _direct_after(atts, m.end(), 80)
        if nxt is None:
            continue
        if m.group("i"):
            if _through_interpreter(nxt, m.group("ch"), "interpreter", nxt.end, v):
                nxt.start = min(nxt.start, m.start())
        else:
            _relay_through(nxt, m.group("p"), nxt.source or "", "person", nxt.end)
            nxt.start = min(nxt.start, m.start())
    for m in _AS_INTERPRETED_RX.finditer(text) if "as " in text else ():
        if doc.inside_quotation(m.start(), m.end()):
            continue
        nxt = _direct_after(atts, m.end(), 80)
        if nxt is None:
            continue
        _through_interpreter(nxt, m.group("ch"), m.group("ch"), nxt.end, v)
        nxt.start = min(nxt.start, m.start())
    for m in _SAID_THROUGH_RX.finditer(text):
        if _taken(doc, atts, m):
            continue
        sent = doc.sentence_at(m.start()) or (m.start(), m.end())
        owner = next((a for a in atts if a.kind == "direct" and sent[0] <= a.start < m.start() and
                      a.end >= m.start() - 30), None)
        if owner is None:
            continue
        _through_interpreter(owner, m.group("o"), "interpreter", m.end(), v)
    for rx in (_THROUGH_RX, _ON_BEHALF_RX):
        for m in rx.finditer(text):
            if _taken(doc, atts, m):
                continue
            if m.groupdict().get("o"):
                sent = doc.sentence_at(m.start()) or (m.start(), m.end())
                owner = next((a for a in atts if a.kind == "direct" and sent[0] <= a.start < m.start() and
                              a.end >= m.start() - 60), None)
                if owner is not None:
                    go = re.sub(r"^(?i:his|her|their|its)\s+", "", " ".join(m.group("o").split()))
                    _relay_through(owner, owner.source, go, "institution",
                                   max(owner.end, m.end()))
                continue
            name = m.group("n").rstrip(".")
            if outlet_of(name, v):
                continue
            parts = name.split()
            while len(parts) > 2 and v.title_rx.fullmatch(parts[0]):
                parts = parts[1:]  # ("Station Commander Ayo Brandt": the name after the title)
            name = " ".join(parts)
            sent = doc.sentence_at(m.start()) or (m.start(), m.end())
            principal = m.group("p").strip() if rx is _ON_BEHALF_RX else None
            owner = next((a for a in atts if a.kind == "direct" and sent[0] <= a.start and a.start < m.end() + 40 and
                          a.end >= m.start() - 40 and a.start < sent[1]), None)
            if rx is _ON_BEHALF_RX:
                _drop_direct(atts, m.start(), m.end())  # the principal named inside the clause is no speaker of it
                added += _new_relay(atts, name, "person", m.start(), m.end(), "on behalf of", principal)
            elif owner is not None:
                _relay_through(owner, owner.source if owner.source != name else None, name, "person", owner.end)
            else:
                added += _new_relay(atts, name, "person", m.start(), m.end(), "through")
    return added


# -- what others had told the speaker ----------------------------------------------------------------------

# (session 31) "Priya Lund said the Red Cross team there had told her", "Bernard Oyelaran said neighbours on Quay
# Street had told him", "LanRail spokesperson Jo Kerrigan said the fire service had told the operator": the
# speaker passes on what someone else told them (or their organisation)
_HAD_TOLD_RX = re.compile(r"\b(?:had|have|has)\s+(?:also\s+|already\s+)?(?:told|phoned|called|rung|texted|emailed|written\s+to)"
                          r"\s+(?:him|her|them|the\s+[a-z]+|us|[a-z]+s)\b|"
                          # (session 35) "She said Ms Brask had asked her supporters to stay calm": a named person's
                          # request or order, passed on by the speaker
                          r"(?<![\w'’-])(?:(?:Ms|Mr|Mrs|Dr)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+had\s+(?:also\s+)?"
                          r"(?:asked|urged|told|instructed|begged|implored|ordered)\s+(?:her|his|their|its|the)\s+[a-z]+\b|"
                          # "The Chief Justice, Dressler added, had asked him to say that": a message given to pass on
                          r"\b(?:had|has|have)\s+asked\s+(?:him|her|them|us)\s+to\s+(?:say|tell|pass\s+on|convey|relay|"
                          r"make\s+clear|stress)\b|"
                          # "Malvane said survivors had described rafts that failed", "she revealed witnesses told
                          # rescuers": people the speaker does not name, whose account the speaker passes on
                          # ... ("crew members it had spoken to had described")
                          r"(?<![\w'’-])(?:[a-z]+s|(?:crew|staff|family)\s+members)"
                          r"(?:\s+(?:it|he|she|they|we|who)\s+(?:had\s+|has\s+)?[a-z]+(?:\s+(?:to|with))?)?\s+"
                          r"(?:(?:had|have)\s+)?(?:also\s+)?"
                          r"(?:told|described|reported|recounted)\b(?!\s+by\b)|"
                          # "said she had been told by the company's office that": what the speaker was told
                          r"\b(?P<passive>(?:had|has|have|was|were)\s+been\s+told\s+by|(?:was|were)\s+told\s+by)\b")
_OUTER_SAID_RX = re.compile(r"\b(?:said|says|told(?:\s+\w+)?|explained|added|revealed|reported|confirmed|noted|"
                            r"disclosed|passed\s+on)\s*(?:that\s*)?$")


def told_them_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """A first-hand speaker who says what someone else had told them: relayed through the speaker (the one whose
    account reaches the article), and the inner "X had told" is no first-hand attribution of its own. Returns 0."""
    text = doc.norm
    for m in _HAD_TOLD_RX.finditer(text):
        if doc.inside_quotation(m.start(), m.end()):
            continue
        sent = doc.sentence_at(m.start()) or (m.start(), m.end())
        if not m.group("passive") and \
                re.search(r"\b(?:he|she|they|I|we|it|who)\s+$", text[max(sent[0], m.start() - 8):m.start()], re.IGNORECASE):
            continue  # "Ana Pell said she had told the mayor twice": the speaker told, no one told her
        if re.search(r"\b(?:in|of|on|with|from|by|for|at|to)\s+$", text[max(sent[0], m.start() - 6):m.start()]):
            continue  # "Ellory said, in remarks reported by CNS": a participle, no one telling the speaker
        outer = [a for a in atts if a.kind == "direct" and sent[0] <= a.start and a.end <= m.start() and
                 a.source_type in (None, "person", "institution") and a.source and
                 _OUTER_SAID_RX.search(text[a.start:a.end].rstrip()) and
                 not re.search(r"[.;:!?\"“”]", text[a.end:m.start()])]
        if not outer and "asked" in m.group():  # ("The Chief Justice, Dressler added, had asked him to say that")
            outer = [a for a in atts if a.kind == "direct" and sent[0] <= a.start < m.start() and a.source and
                     a.source_type in (None, "person") and re.search(r"\b(?:added|said|says)$", text[a.start:a.end])]
        if not outer:
            continue
        a = outer[-1]
        inner = [b for b in atts if b is not a and b.kind == "direct" and a.end <= b.start and b.end <= m.end() + 2]
        for b in inner:
            atts.remove(b)
        _relay_through(a, None, a.source, a.source_type or "person", a.end)
    return 0


# -- a document an outlet has seen, a post written on a platform, an outlet named by what it is -------------

# (session 31) "An internal memo from the Attorney General's chambers, seen by the Review", "Writing on Chirp, the
# deputy said", "According to OBS, the Orvenian public broadcaster"
_SEEN_BY_RX = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,3}?(?P<doc>memos?|memorandum|documents?|letters?|e-?mails|email|e-mail|drafts?|"
    # (session 33: plurals, "The emails seen by the Chronicle, sent between 2021 and 2024, show")
    r"reports?|minutes|briefing\s+notes?|notes?|files?|bulletins?|cop(?:y|ies)|schedules?|logs?|logbooks?|records?|"
    r"spreadsheets?|contracts?|invoices?|manifests?|messages|texts|"
    r"audit|assessment|circular|presentation)\b(?:\s+(?:from|by|of)\s+(?P<from>(?:the\s+)?" + _caps(0, 4) +
    r"(?:['’]s?\s+[a-z]+)?))?[^.;:\"“]{0,60}?,?\s+(?:seen|obtained|reviewed)\s+by\s+(?P<np>(?:the\s+)?[A-Z][\w'’.&-]*"
    r"(?:\s+[A-Z][\w'’.&-]*){0,3})")
_WRITING_ON_RX = re.compile(r"\b[Ww]riting\s+on\s+(?P<platform>[A-Z][\w-]*)\s*,")
_ACCORDING_APPOSED_RX = re.compile(
    # (session 33: a learner's "According to the information of KNB, the Karvenian public broadcaster,")
    r"\b[Aa]ccording\s+to\s+(?:the\s+(?:information|reporting|data|findings)\s+(?:of|from)\s+)?"
    r"(?P<np>(?:the\s+)?" + _caps(0, 3, _CAP_AMP) + r"),\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:broadcaster|newspaper|paper|daily|weekly|tabloid|agency|news\s+agency|wire|magazine|channel|station|"
    r"website|news\s+site|radio)\b")


# an outlet's name as a subject: "Telco Ledger", "the Evening Clarion", "Gavel & Frame"
_OUTLET_NP = r"(?<![\w'’&-])(?P<np>(?:[Tt]he\s+)?" + _CAP_AMP + r"(?:\s+(?:&\s+)?" + _CAP_AMP + r"){0,3})"
# (session 32) "Telco Ledger, the trade publication, first reported", "Gavel & Frame, the art-trade weekly, reckons": an
# outlet named by what it is, as the subject that reports
_OUTLET_APPOSED_SUBJECT_RX = re.compile(
    _OUTLET_NP + r",\s+(?:the|a|an)\s+"
    r"(?:[\w-]+\s+){0,3}?"
    r"(?:publication|newspaper|paper|daily|weekly|tabloid|agency|news\s+agency|wire|wire\s+service|magazine|"
    r"broadcaster|channel|station|website|news\s+site|radio|outlet|journal|newsletter)\s*,\s+"
    r"(?:(?:first|also|later|earlier|originally|\w+ly)\s+)?(?:reported|reports|said|says|reckons|reckoned|wrote|writes|"
    r"revealed|reveals|claims|claimed|found|estimates|estimated|understands|learned|learnt|quoted|quotes|cited|cites|"
    r"published|publishes)\b")


# (session 33) "the Evening Clarion has a university source describing an open secret", "The Herald quotes one insider
# saying": an outlet passes on what its unnamed source says
_OUTLET_HAS_SOURCE_RX = re.compile(
    _OUTLET_NP + r"\s+(?:has|had|quotes|quoted|cites|cited)\s+(?:an?|one|two|three|several|its\s+own)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:sources?|insiders?|officials?|informants?)\s+(?:describing|saying|claiming|suggesting|alleging|"
    r"who\s+(?:says|said|describes|described|claims|claimed))\b")


_OUTLET_APPOSED_GATE_RX = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:publication|newspaper|paper|daily|weekly|tabloid|agency|wire|magazine|"
    r"broadcaster|channel|station|website|news\s+site|radio|outlet|journal|newsletter|service)\s*,")


def document_and_platform_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """A document an outlet has seen (relayed, its author the source when named), a post written on a platform
    (relayed through the platform, the writer first), an outlet named by what it is after "according to"."""
    text = doc.norm
    added = 0
    for m in _SEEN_BY_RX.finditer(text):
        if _taken(doc, atts, m):
            continue
        src = _DET_RX.sub("", (m.group("from") or m.group("doc")).strip())
        added += _new_relay(atts, src, "institution" if m.group("from") else "document", m.start(), m.end(), "seen by")
    for m in _OUTLET_APPOSED_SUBJECT_RX.finditer(text) if _OUTLET_APPOSED_GATE_RX.search(text) else ():
        if _taken(doc, atts, m):
            continue
        name = _DET_RX.sub("", m.group("np").strip())
        if _own_outlet(doc, name):
            continue
        _drop_direct(atts, m.start(), m.end())
        added += _new_relay(atts, name, "media", m.start(), m.end(), "reported")
    for m in _OUTLET_HAS_SOURCE_RX.finditer(text) if " source" in text or " insider" in text else ():
        if _taken(doc, atts, m):
            continue
        name = _DET_RX.sub("", m.group("np").strip())
        if _own_outlet(doc, name) or not outlet_of(name, v):
            continue
        added += _new_relay(atts, name, "media", m.start(), m.end(), "source")
    for m in _WRITING_ON_RX.finditer(text):
        if doc.inside_quotation(m.start(), m.end()):
            continue
        nxt = _direct_after(atts, m.end(), 80)
        if nxt is not None:
            _relay_through(nxt, nxt.source, m.group("platform"), "social", nxt.end)
            nxt.start = min(nxt.start, m.start())
        elif not _overlaps(atts, m.start(), m.end()):
            added += _new_relay(atts, m.group("platform"), "social", m.start(), m.end(), "post")
    for m in _ACCORDING_APPOSED_RX.finditer(text):
        if doc.inside_quotation(m.start(), m.end()):
            continue
        name = _DET_RX.sub("", m.group("np").strip())
        if _own_outlet(doc, name):
            continue
        a = next((a for a in atts if a.start <= m.start() + 2 and a.end >= m.start("np") and a.kind == "direct"), None)
        if a is not None:
            _relay_through(a, None, name, "media", m.end())
        elif not _overlaps(atts, m.start(), m.end()):
            added += _new_relay(atts, name, "media", m.start(), m.end(), "according to")
    return added


# -- a text that carries someone's words: "the release quotes her as saying" -------------------------------

_TEXT_NOUNS = (r"(?:press\s+)?release|statement|summary|transcript|readout|read-out|communiqu[eé]|text|version|"
               r"memo|letter|bulletin|post")
# (session 32) "the release quotes her as saying", "The bank's English release has her saying", "it quoted Malinsek
# as saying", "the federation's summary renders him as saying": the words reach the article through the text (and
# whoever put it out), not from the speaker to the reporter
_TEXT_QUOTES_RX = re.compile(
    r"(?<![\w'’-])(?P<np>(?:(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+|(?P<owner>[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3})['’]s?\s+)"
    r"(?:(?P<poss>[a-z][\w-]*)['’]s\s+)?(?:[\w-]+\s+){0,2}?(?:" + _TEXT_NOUNS + r")|[Ii]t)\s+"
    r"(?:(?:also|further|then)\s+)?(?P<verb>quotes|quoted|has|had|renders|rendered|cites|cited)\s+"
    # (session 33: "The ministry's English text also quotes him: ...")
    r"(?P<who>him|her|them|" + _caps(0, 3) + r")(?:\s+(?:as\s+)?(?:saying|having\s+said)\b|(?<=him|her)\s*:)")
# "Holt said in remarks the bank released in English", "In a statement issued in English by the bank, Holt said",
# "In remarks released by the federation": a person's words that a body put out
_RELEASED_BY_RX = re.compile(
    r"\b(?:in\s+)?(?:a\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:remarks|statement|summary|transcript|text|version|comments|"
    r"translation|rendering|interpretation)\s+"
    r"(?:(?P<body>the\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*|" + _caps(0, 4, _CAP_AMP) + r")\s+"
    r"(?:released|issued|published|distributed|circulated|put\s+out)|"
    r"(?:released|issued|published|distributed|circulated|put\s+out)\s+(?:in\s+[A-Z][a-z]+\s+)?by\s+"
    r"(?P<body2>the\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*|(?:the\s+)?" + _caps(0, 4, _CAP_AMP) + r")|"
    # (session 33) the speaker's own body, when it put the words into another language ("in a statement released
    # in English by his ministry"; "a transcript released by his office" stays his own words)
    r"(?:released|issued|published|distributed|circulated|put\s+out)\s+in\s+[A-Z][a-z]+\s+by\s+"
    r"(?P<body3>(?:his|her|their|its)\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*))"
    r"(?:\s+in\s+[A-Z][a-z]+)?\b")


_OWNED_TEXT_RX = re.compile(
    r"(?:(?<![\w'’-])(?P<owner>(?:[Tt]he[^\S\n]+[a-z][\w-]*|" + _caps(0, 3, _CAP_AMP) + r"))['’]s?[^\S\n]+"
    r"(?:[\w-]+[^\S\n]+){0,2}?(?:" + _TEXT_NOUNS + r")\b|"
    r"\b(?:" + _TEXT_NOUNS + r")[^\S\n]+(?:[\w-]+[^\S\n]+){0,3}?(?:by|from)[^\S\n]+(?P<by>the[^\S\n]+[a-z][\w-]*|" +
    _caps(0, 4, _CAP_AMP) + r"))")


_RELEASED_GATE_RX = re.compile(r"\b(?:released|issued|published|distributed|circulated|put\s+out)\b")


def _text_owner(text: str, pos: int) -> str | None:
    """Whose text "the release" or "it" at ``pos`` is: the owner of the last text named in the 400 characters
    before ("The bank's English statement was candid. '...,' it quoted her as saying": the bank)."""
    found = list(_OWNED_TEXT_RX.finditer(text, max(0, pos - 400), pos))
    if not found:
        return None
    m = found[-1]
    return (m.group("owner") or m.group("by")).strip()


def text_voice_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """A text that quotes a person ("the release quotes her as saying") or a person's words a body put out ("Holt
    said in remarks the bank released"): relayed through the text's owner, the person first in the chain. A first-
    hand attribution the clause already holds becomes the relay; else one is added. Returns how many it added."""
    text = doc.norm
    added = 0
    for m in _TEXT_QUOTES_RX.finditer(text) if "saying" in text or "having said" in text or "quote" in text else ():
        if _taken(doc, atts, m):
            continue
        owner = m.group("owner") or m.group("poss") or _text_owner(text, m.start())
        if owner is None and m.group("np").lower() == "it":
            bare = list(re.finditer(r"\b(?:" + _TEXT_NOUNS + r")\b", text[max(0, m.start() - 400):m.start()]))
            if not bare:
                continue  # "it quoted her" with no text named before: not read
            owner = bare[-1].group()
        party = _DET_RX.sub("", owner or m.group("np")).strip()
        _drop_direct(atts, m.start(), m.end())  # "it quoted Malinsek": Malinsek is quoted, not the one who speaks to the reporter
        who = m.group("who")
        added += _new_relay(atts, party, "institution" if owner else "document", m.start(), m.end(), m.group("verb"),
                            who if who[:1].isupper() else None)
    for m in _RELEASED_BY_RX.finditer(text) if _RELEASED_GATE_RX.search(text) else ():
        if _taken(doc, atts, m):
            continue
        body = _DET_RX.sub("", (m.group("body") or m.group("body2") or m.group("body3")).strip())
        body = re.sub(r"^(?:his|her|their|its)\s+", "", body)
        if _own_outlet(doc, body):
            continue  # "In the translation published by the Vell Courier" in the Courier: its own
        sent = doc.sentence_at(m.start()) or (m.start(), m.end())
        near = [a for a in atts if a.kind == "direct" and a.source_type in (None, "person") and a.source and
                a.source.casefold() not in body.casefold() and sent[0] <= a.start < sent[1] and
                abs(a.start - m.start()) < 120 and not a.cue.lower().startswith("according")]
        if not near:
            continue  # "the statement the ministry issued on Monday" with no one speaking through it
        a = min(near, key=lambda a: abs(a.start - m.start()))
        start, end = min(a.start, m.start()), max(a.end, m.end())
        _relay_through(a, a.source, body, "institution", end)
        a.start = start
    return added


# (session 35) a version someone put out, named in the clause that gives the words: "In the English version the
# ministry posted in the afternoon, the charge is ...", "the last sentence of the statement as the foreign ministry
# published it in English", "Elsewhere the text says", "The minister's own text concedes that", "KBC's live blog,
# which ran the interpreter's version, has her saying"
_PUT_OUT = r"(?:posted|published|released|issued|circulated|distributed|put\s+out|rendered|translated)"
_PARTY = r"(?P<np>(?:the|its|his|her)\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*|(?:the\s+)?" + _caps(0, 3, _CAP_AMP) + r")"
_IN_VERSION_PUT_OUT_RX = re.compile(
    r"\b[Ii]n\s+(?:the|its|her|his)\s+(?:[\w-]+\s+){0,2}?(?:version|text|transcript|translation)\s+(?:that\s+)?" + _PARTY +
    r"\s+" + _PUT_OUT + r"\b")
_AS_PUT_OUT_RX = re.compile(r"\b[Aa]s\s+" + _PARTY + r"\s+" + _PUT_OUT + r"\s+it\b")
_TEXT_SAYS_RX = re.compile(
    r"(?<![\w'’-])(?P<np>(?:[Tt]he|[Hh]er|[Hh]is|[Ii]ts)\s+(?:[a-z][\w-]*['’]s\s+)?"
    r"(?:own\s+)?(?:[\w-]+\s+)?(?:text|transcript|translation))\s+(?:also\s+|then\s+)?"
    r"(?:says|said|concedes|conceded|reads|notes|noted|states|stated|adds|added|admits|admitted|has\s+(?:him|her)\s+saying)\b")
_OUTLET_HAS_SAYING_RX = re.compile(
    r"(?<![\w'’-])(?P<np>(?:[Tt]he\s+)?" + _caps(0, 3, _CAP_AMP) + r")(?:['’]s?\s+(?:[\w-]+\s+){0,2}?(?:blog|report|story|"
    r"article|piece|site|website|coverage|account|feed))?(?:\s*,\s*which\s+[^,;:\"“”\n]{3,80},)?\s+(?:also\s+)?(?:has|had)\s+"
    r"(?:him|her|them)\s+(?:as\s+)?saying\b")


def published_version_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """(session 35) A version of the words someone put out, or an outlet that has the speaker saying them, named in
    the clause that gives the words: the sentence's first-hand attribution is relayed through that party, or a relay
    is read where none is. Returns how many it added."""
    text = doc.norm
    low = text.casefold()
    if not any(w in low for w in ("version", "text", "transcript", "translation", " it", "saying")):
        return 0
    added = 0
    for rx, m in _untaken(doc, atts, text, (_IN_VERSION_PUT_OUT_RX, _AS_PUT_OUT_RX, _TEXT_SAYS_RX, _OUTLET_HAS_SAYING_RX)):
        phrase = doc.text[m.start("np"):m.end("np")]
        if rx is _OUTLET_HAS_SAYING_RX:
            party = outlet_of(phrase, v)
            if not party:
                continue  # ("Roe has her saying" is no outlet's)
        elif rx is _TEXT_SAYS_RX:
            owner = _text_owner(text, m.start())
            party = (_DET_RX.sub("", owner), "institution") if owner else ("text", "document")
        else:
            party = outlet_of(phrase, v) or (_DET_RX.sub("", phrase.strip()), "institution")
        if _own_outlet(doc, party[0]) or party[0].casefold() in ("he", "she", "they", "we", "i"):
            continue
        atts[:] = [a for a in atts if not (a.kind == "direct" and a.source_type != "person" and
                                           m.start() <= a.start < m.end())]  # ("the ministry posted": the party's)
        added += _relay_sentence(doc, atts, m, party[0], party[1], "version")
    return added


# -- the channel an article gets a speaker's words through ---------------------------------------------------

def channel_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """(session 35) An article whose first attribution of a person relays their words through a channel (a
    broadcast, an interpreter, another outlet, a posted text) got that person's words through it: a later plain
    "she said" or "the minister added" with no channel of its own is relayed through the same one. Not when the
    article heard the person first hand before any relay ("she told a news conference ... she added, according
    to a transcript": the reporter was there). Returns 0."""
    first: dict[str, Attribution] = {}  # a person's last name -> the relay that opened the article's account
    heard: set[str] = set()  # persons the article reports first hand before any relay
    parties: dict[str, set[str]] = {}  # a person's last name -> every party the article relays them through
    atts_ = [a for a in atts if a.cue != "dateline"]  # (a wire's dateline is its own story, or the whole copy's)
    for a in atts_:
        if a.kind == "relayed" and len(a.chain) >= 2 and a.chain[0] and a.chain[0] != a.source:
            parties.setdefault(a.chain[0].split()[-1].casefold(), set()).add(a.source.casefold())
    for a in sorted(atts_, key=lambda a: (a.start, a.end)):
        if a.kind == "relayed" and len(a.chain) >= 2 and a.chain[0] and a.chain[0] != a.source:
            key = a.chain[0].split()[-1].casefold()
            if key not in heard:
                first.setdefault(key, a)
        elif a.kind == "direct" and a.source and a.source_type == "person" and len(a.source.split()) >= 2 and \
                all(w[:1].isupper() for w in a.source.split()):
            key = a.source.split()[-1].casefold()
            relay = first.get(key)
            if relay is not None and doc.sentence_at(relay.start) == doc.sentence_at(a.start):
                continue  # "Speaking on Vell TV, the mayor said": the one statement, relayed once
            if relay is not None and len(parties.get(key, ())) > 1:
                continue  # an aggregator's "according to A ... B reported": no one channel, each line its own
            if relay is None:
                heard.add(key)
            elif not doc.inside_quotation(a.start, a.end):
                _relay_through(a, a.source, relay.source, relay.source_type or "media", a.end)
    return 0
