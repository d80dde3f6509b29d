"""Attribution extraction: who each statement is attributed to, through whom, and how.

``extract_attributions(doc)`` (read lazily as ``doc.attributions``) returns one ``Attribution`` per
attribution clause found in the author's voice (never inside a quotation: a speaker's own "as Zelensky
said" is not the article's sourcing). Rule-based, no parser; every word list is data in
``rules/data/sources.yaml`` and ``rules/data/attribution_cues.yaml`` (documented for researchers in
``rules/data/README-attribution.md``).

Kinds and fields
----------------
* ``direct``  first hand: a named speaker or institution said it ("Rutte said", "he told lawmakers",
  "according to Rutte", "According to Kyiv authorities"). ``chain = [speaker]``, ``hops = 1``.
* ``relayed`` the article got it through a named intermediary: "lawmaker X reported" (when the sentence
  names another speaker), "according to Reuters", "citing Suspilne", "as quoted by", "broadcast and
  translated into Ukrainian by the Rada TV channel". ``source`` is the intermediary the article cites,
  ``chain = [original speaker (when named), intermediaries...]``, ``hops = number of links between the
  original source and the outlet`` (2 for one intermediary).
* ``vague``   an unidentified source: "according to reports", "sources say", "it is believed".
  ``source = None``, ``chain = []``, ``hops = 0`` (unknown).
* ``credit``  a caption or embed credit ("Andrii Nesterenko / AFP", "(Source: StratcomCentre/X)"): where
  a picture came from, not the text's sourcing. ``chain = [creator or handle, agency or platform]``.

The clause span (``start``/``end``) runs from the subject to the verb and any setting that follows it
("said during a speech broadcast ... by the Rada TV channel"), or covers the "according to X" phrase.

Speakers are resolved within the article: a surname to the full name it was introduced with ("Rutte" ->
"Mark Rutte"), a title alone ("the Secretary General") to the person introduced with that title, "he"/"she"
to the last person attributed or named before it.

Relay coverage: a relayed attribution whose chain starts with a named speaker S covers the article's other
statements by S. Their ``kind`` stays ``direct`` (that is the form of their own clause) but their ``chain``
becomes the relay's chain and their ``hops`` its hops: in an article whose lead says "Mark Rutte addressed
Parliament, lawmaker Yaroslav Zhelezniak reported", a later "Rutte said" has chain
``["Mark Rutte", "Yaroslav Zhelezniak"]`` and hops 2. The assumption (documented limitation): one article
reached one speaker through one channel.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..models import Attribution
from ..vocab import cached, longest_first
from .speakers import (
    _ARABIC_PREFIX,
    _CONTRACTION,
    _GENDER,
    _INITIALS,
    _PREFIXED,
    _TITLE_OF,
    GENERIC_HEADS,
    OPENING_ADVERBS,
    _place_names,
    _post_nominals,
    strip_post_nominals,
    title_abbreviation,
)

Span = tuple[int, int]

_WORD = re.compile(r"[^\W_][\w'’.&+/-]*", re.UNICODE)
_STOP_LEFT = {"also", "further", "later", "then", "particularly", "repeatedly", "previously", "earlier",
              "again", "once", "had", "has", "have", "did", "does", "do", "was", "is", "recently", "publicly", "reportedly",
              "firmly", "clearly", "explicitly", "specifically", "however", "would", "will",
              "separately", "subsequently", "today", "yesterday", "personally", "notably",
              "strongly", "first", "initially", "originally", "exclusively", "since", "just", "last", "week", "on", "monday", "tuesday", "wednesday", "thursday",
              "friday", "saturday", "sunday",
              # (session 33) "Residents here say", "Officials now say", "Diplomatic sources are saying"
              "here", "there", "now", "still", "privately", "openly", "increasingly", "already"}
# an unnamed group and whom it serves or where it sits ("allies of X", "an official in X's office")
_GROUP_PREP = r"of|to|close\s+to|in|at|from|within|around"
_GROUP_OF_RX = re.compile(rf"(?<![\w-])([A-Za-z]+)\s+(?:{_GROUP_PREP})\s+(?:the\s+)?$")
# ("Insiders in Jane Roe's camp say", "friends close to the couple say": a group by whom it is close to)
_GROUP_AT_RX = re.compile(r"(?<![\w-])([A-Za-z]+)\s+(?:at|in|on|from|within|inside|across|around|close\s+to)\s+"
                          r"(?:the|this|that|these|those|his|her|their|(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*['’]s)\s+"
                          r"(?:[a-z-]+\s+){0,2}?[a-z-]+\s+$")
_GROUP_HEAD_RX = re.compile(rf"((?:[a-z-]+\s+){{0,2}}?[a-z-]+)\s+(?:{_GROUP_PREP}|inside|familiar\s+with)\s+\S")
# people the text describes only by where they were or what they did ("according to people sitting near
# them", "according to those who were in the room", "according to someone at the hearing")
_UNNAMED_PEOPLE_RX = re.compile(r"(?:people|persons|those|someone|somebody|(?:a|one)\s+person|others)\s+(?:"
                                r"[a-z]+ing|who|with|in|at|near|inside|outside|close\s+to|from|on)\b")
# a capitalised name's possessive and up to three lower-case words after it ("Harbour One TV's court
# correspondent"): read by the journalist pattern
_OUTLET_POSSESSOR_RX = re.compile(r"((?:[A-Z][\w&\-]*\s+){0,3}[A-Z][\w&\-]*)['\u2019]s(?:\s+[a-z][\w\-]*){1,3}")
# the journalists whose account of an event another outlet relays (not an editor or a columnist: a
# publisher's "editor in chief" reports nothing)
_REPORTERS = frozenset({"correspondent", "reporter", "journalist", "stringer"})
_REPORTER_RX = re.compile(rf"(?i)\b(?:{'|'.join(sorted(_REPORTERS))})s?\b")
_OWN_REPORTER_RX = re.compile(r"(?i)\b(?:our|this\s+(?:paper|newspaper|website|site|station)['\u2019]s)\s")
_TIME_LEFT_RX = re.compile(r"(?<!\w)(?:earlier|later|late|last|this|next)\s+(?:week|month|year|morning|afternoon|"
                           r"evening|night|weekend)\s*$", re.IGNORECASE)
_DETS = {"the", "a", "an", "this", "that", "its", "his", "her", "their"}
_CLAUSE_STOP = {"that", "who", "which", "whose", "whom", "when", "while", "as", "and", "but", "if",
                "because", "after", "before", "on", "in", "at", "to", "for", "with", "from", "over",
                "about", "since", "amid", "during", "than", "is", "was", "are", "were", "has", "have",
                "had", "will", "would", "said", "says", "ahead", "following", "prior", "earlier", "later",
                "yesterday", "today", "tonight", "recently", "citing", "quoting"}
_PRONOUNS_SKIP = {"it", "they", "we", "i", "you", "this", "that", "there", "which", "who"}


# -- vocabulary ------------------------------------------------------------------------------------


@dataclass
class Vocab:
    sources: dict[str, str]  # phrase (as written) -> source type
    institution_heads: list[str]
    vague_nouns: set[str]
    unowned_nouns: set[str]
    reporting_verbs: set[str]
    beside_quote_verbs: set[str]  # report speech only beside a quotation, a that-clause or a colon
    naming_verbs: frozenset  # verbs of naming: speech when the name given is a quotation (reporting_verbs.yaml)
    relay_verbs: set[str]
    relay_phrases: list[str]
    vague_phrases: list[str]
    settings: list[str]
    credit_markers: list[str]
    media_heads: list[str]
    media_nouns: list[str]
    signoff_phrases: list[str]
    vague_sources: list[str]
    vague_links: list[str]
    vague_quantifiers: list[str]
    opinion_verbs: list[str]
    vague_agent_verbs: list[str]
    vague_passives: list[str]
    outlet_verbs: set[str]
    titles: list[str]
    title_modifiers: list[str]
    pronouns: set[str]
    stance_verbs: set[str] = field(default_factory=set)
    vague_modifiers: set[str] = field(default_factory=set)
    crowd_adverbs: list[str] = field(default_factory=list)
    crowd_verbs: list[str] = field(default_factory=list)
    crowd_bare_verbs: list[str] = field(default_factory=list)
    crowd_reading_verbs: list[str] = field(default_factory=list)
    journalist_nouns: list[str] = field(default_factory=list)
    media_heads_after_the: frozenset = field(default_factory=frozenset)
    go_betweens: list[str] = field(default_factory=list)
    representatives: list[str] = field(default_factory=list)
    scene_people: set[str] = field(default_factory=set)
    reception_verbs: list[str] = field(default_factory=list)
    reception_nouns: list[str] = field(default_factory=list)
    person_nouns: frozenset = field(default_factory=frozenset)  # common nouns naming a person (WordNet)
    evidence_nouns: list[str] = field(default_factory=list)  # "studies", "research": with evidence_verbs, vague
    evidence_verbs: list[str] = field(default_factory=list)
    source_rx: re.Pattern = field(init=False)
    types: dict[str, str] = field(init=False)  # casefolded phrase -> source type
    title_rx: re.Pattern = field(init=False)
    media_head_rx: re.Pattern = field(init=False)
    media_noun_rx: re.Pattern = field(init=False)
    journalist_rx: re.Pattern = field(init=False)
    institution_words: frozenset = field(init=False)  # the last word of each institution head ("ministry")
    platforms: str = field(init=False)  # the social platforms (sources.yaml ``social``) as a regex alternation

    def __post_init__(self) -> None:
        self.institution_words = frozenset(h.split()[-1] for h in self.institution_heads)
        self.platforms = _alts([n for n, t in self.sources.items() if t == "social"])
        self.types = {}
        for n, t in self.sources.items():
            self.types.setdefault(n.casefold(), t)
        names = longest_first(self.sources)
        parts = []
        for n in names:
            body = r"\s+".join(re.escape(w) for w in n.split())
            # short all-capital names (AP, X, RT) only as written, longer names in any case; a four-letter
            # one also as a word ("TASS" / "Tass", "WAFA" / "Wafa": agencies written both ways)
            if n.isupper() and len(n) == 4 and n.isalpha():
                parts.append(f"(?-i:{body}|{re.escape(n.capitalize())})")
            elif n.split()[0] == "The" and len(n.split()) > 1:
                # "The Guardian", "The Sun", "The Independent": the words after "The" as written (or in
                # capitals); in lower case they are no outlet ("the guardian of the boy", "the sun rose",
                # "the independent candidate", "the athletic director")
                rest = n.split()[1:]
                parts.append(r"(?i:the)\s+(?-i:" + r"\s+".join(map(re.escape, rest)) + "|"
                             + r"\s+".join(re.escape(w.upper()) for w in rest) + ")")
            else:
                parts.append(f"(?-i:{body})" if (n.isupper() and len(n) <= 4) or len(n) <= 2 else body)
        self.source_rx = re.compile(r"(?<![\w@])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)
        # a title is a run of title words ending in one that names a role ("Deputy Prime Minister"):
        # a modifier ("foreign", "vice") only counts in front of one
        def alts(words: list[str]) -> str:
            return "|".join(r"\s+".join(re.escape(w) for w in t.split())
                            for t in longest_first(words))

        heads, every = alts(self.titles), alts(self.titles + self.title_modifiers)
        self.title_rx = re.compile(rf"(?<!\w)(?:(?:{every})\s+)*(?:{heads})(?!\w)", re.IGNORECASE)

        self.media_head_rx = re.compile(r"(?:^|\s)(?:" + "|".join(
            r"\s+".join(map(re.escape, h.split())) for h in longest_first(self.media_heads))
            + r")$")
        self.media_noun_rx = re.compile(r"(?<!\w)(?:" + "|".join(
            r"\s+".join(map(re.escape, h.split())) for h in longest_first(self.media_nouns))
            + r")(?!\w)", re.IGNORECASE)
        # "a European Pravda correspondent", "the Courier's reporter": the name before a journalist's role
        # is an outlet; "a correspondent for the Valley Courier": so is the name after for/of/with/at
        jn = _alts(self.journalist_nouns) or "(?!)"
        self.journalist_rx = re.compile(
            rf"^(?:(?:the|a|an)\s+)?(?P<pre>.+?)(?:['’]s)?\s+(?:{jn})$|^(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+)?(?:{jn})"
            rf"\s+(?:for|of|with|at)\s+(?P<post>.+)$", re.IGNORECASE)

    def source_type(self, phrase: str) -> str | None:
        return self.types.get(phrase.casefold())

    def person_noun(self, word: str) -> bool:
        """A lower-case singular noun naming a person ("coroner", "skipper", the "master" of "harbour
        master"), or a closed compound ending in such a noun of an agent's form ("headteacher",
        "groundskeeper")."""
        if not (word.isalpha() and word.islower()):
            return False
        if word in self.person_nouns:
            return True
        return word.endswith(("er", "or", "ist")) and any(
            word[k:] in self.person_nouns for k in range(3, len(word) - 5))

    def person_plural(self, word: str) -> bool:
        """The plural of a noun naming a person ("farmers", "fishermen", "union leaders"' "leaders",
        "nurses"): a group no one names."""
        if not (word.isalpha() and word.islower() and word.endswith(("s", "men"))) or word in self.person_nouns:
            return False
        if word.endswith("men"):
            return self.person_noun(word[:-3] + "man")
        if word.endswith("ies") and self.person_noun(word[:-3] + "y"):
            return True  # "deputies", "secretaries"
        return self.person_noun(word[:-1]) or (word.endswith("es") and self.person_noun(word[:-2]))


_TYPE_OF_KEY = {"agencies": "agency", "broadcasters": "broadcaster", "media": "media", "social": "social"}


@cached
def vocab(extra_dirs: tuple = ()) -> Vocab:
    """The attribution vocabulary from ``rules/data`` (plus any extra data directories)."""
    from ..vocab import load_mapping, load_phrases

    src = load_mapping("sources", extra_dirs)
    cues = load_mapping("attribution_cues", extra_dirs)
    verbs = load_mapping("reporting_verbs", extra_dirs)
    roles = load_mapping("speaker_titles", extra_dirs)
    sources: dict[str, str] = {}  # as written: short all-capital names (AP, X) match only so
    for key, typ in _TYPE_OF_KEY.items():
        for name in src.get(key, []) or []:
            sources.setdefault(str(name), typ)
    v = Vocab(
        sources=sources,
        institution_heads=[str(x).casefold() for x in src.get("institution_heads", [])],
        vague_nouns={str(x).casefold() for x in [*src.get("vague_nouns", []), *(src.get("scene_people") or [])]},
        scene_people={str(x).casefold() for x in src.get("scene_people", []) or []},
        unowned_nouns={str(x).casefold() for x in src.get("unowned_nouns", [])},
        reporting_verbs={str(x).casefold() for x in verbs.get("speech", []) or []},
        beside_quote_verbs={str(x).casefold() for x in verbs.get("beside_quote", []) or []} | (
            {str(x).casefold() for x in verbs.get("naming", []) or []} -
            {str(x).casefold() for x in cues.get("stance_verbs", []) or []}),
        naming_verbs=frozenset(str(x).casefold() for x in verbs.get("naming", []) or []),
        relay_verbs={str(x).casefold() for x in cues.get("relay_verbs", [])},
        relay_phrases=[str(x).casefold() for x in cues.get("relay_phrases", [])],
        vague_phrases=[str(x) for x in cues.get("vague_phrases", [])],
        settings=[str(x).casefold() for x in cues.get("settings", [])],
        credit_markers=[str(x) for x in cues.get("credit_markers", [])],
        media_heads=[str(x) for x in src.get("media_heads", []) or []],
        media_nouns=[str(x) for x in src.get("media_nouns", []) or []],
        signoff_phrases=[str(x).casefold() for x in cues.get("signoff_phrases", []) or []],
        vague_sources=[str(x) for x in cues.get("vague_sources", []) or []],
        vague_links=[str(x) for x in cues.get("vague_links", []) or []],
        vague_quantifiers=[str(x) for x in cues.get("vague_quantifiers", []) or []],
        opinion_verbs=[str(x) for x in cues.get("opinion_verbs", []) or []],
        vague_agent_verbs=[str(x) for x in cues.get("vague_agent_verbs", []) or []],
        vague_passives=[str(x) for x in cues.get("vague_passives", []) or []],
        outlet_verbs={str(x).casefold() for x in cues.get("outlet_verbs", []) or []},
        titles=[str(x) for x in roles.get("titles", []) or []],
        title_modifiers=[str(x) for x in roles.get("modifiers", []) or []],
        pronouns={str(x).casefold() for x in cues.get("pronouns", [])},
        stance_verbs={str(x).casefold() for x in cues.get("stance_verbs", []) or []},
        vague_modifiers={str(x).casefold() for x in cues.get("vague_modifiers", []) or []},
        crowd_adverbs=[str(x) for x in cues.get("crowd_adverbs", []) or []],
        crowd_verbs=[str(x) for x in cues.get("crowd_verbs", []) or []],
        crowd_bare_verbs=[str(x) for x in cues.get("crowd_bare_verbs", []) or []],
        crowd_reading_verbs=[str(x) for x in cues.get("crowd_reading_verbs", []) or []],
        journalist_nouns=[str(x) for x in src.get("journalist_nouns", []) or []],
        media_heads_after_the=frozenset(str(x) for x in src.get("media_heads_after_the", []) or []),
        go_betweens=[str(x).casefold() for x in roles.get("go_betweens", []) or []],
        representatives=[str(x).casefold() for x in roles.get("representatives", []) or []],
        reception_verbs=[str(x) for x in cues.get("reception_verbs", []) or []],
        reception_nouns=[str(x) for x in cues.get("reception_nouns", []) or []],
        person_nouns=frozenset(w.casefold() for w in load_phrases("person_nouns", extra_dirs)),
        evidence_nouns=[str(x) for x in cues.get("evidence_nouns", []) or []],
        evidence_verbs=[str(x) for x in cues.get("evidence_verbs", []) or []],
    )
    return v


_DET_RX = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# a people's or a country's word before the noun of an outlet's kind ("the Lusavian sports daily O Farol",
# "Norland's state broadcaster NRT")
_OWNER_WORD = re.compile(r"[A-Z][a-z]+(?:an|ian|ese|ish|ic|i|ean|['\u2019]s)")
# a media head written as one word with the name before it, as broadcasters and sites name themselves
# ("NordTV", "RadioFM", "PulseNews", "MarketWire"; "Newswire"): a capital inside the word, after a letter
_COMPOUND_HEAD = re.compile(r"^[A-Z][A-Za-z]*?(?:[a-z](?:TV|FM|News|Post|Media|Press|Times|Wire|Radio|Daily|Online)|"
                            r"[A-Z](?:TV|FM))$|^(?:[A-Z][a-z]*)?[Nn]ewswire$|"
                            # (session 34) a name and a head joined by a hyphen ("Zuliefer-Kurier", "Hafen-Zeitung")
                            r"^[A-Z][a-z]+-(?:Kurier|Zeitung|Post|News|Blatt|Anzeiger|Rundschau|Journal|Gazette)$")


_NUMBERED_HEADS = frozenset({"radio", "tv", "channel", "television"})
_BROADCAST_HEAD = re.compile(r"(?i)(?:tv|radio|television|broadcasting|channel|fm)$")
_AGENCY_HEAD = re.compile(r"(?i)(?:wire|newswire)$")  # ("Agency" alone: a space or an environment agency too)


def _head_kind(word: str) -> str:
    """The kind of outlet a name's head word says ("Vell One TV" a broadcaster, "Harbour Newswire" an agency),
    so that "the broadcaster" or "the agency" later points back to it; a newspaper's head, "media"."""
    return "broadcaster" if _BROADCAST_HEAD.search(word) else "agency" if _AGENCY_HEAD.search(word) else "media"


# a broadcaster's call letters: three capitals ending in BC, or up to three before TV ("KBC", "NTV", "RTTV")
_CALL_SIGN_RX = re.compile(r"[A-Z]BC|[A-Z]{1,3}TV")


def outlet_of(phrase: str, v: Vocab) -> tuple[str, str] | None:
    """(name, source type) when ``phrase`` names a news outlet: a listed agency, broadcaster or medium
    (sources.yaml), a capitalised name ending in a media head ("the Daily Courier", "Radio Meridian"), or
    a name beside a media noun ("the newspaper Kurier", "state broadcaster NRT", "the Kurier daily")."""
    sm = v.source_rx.search(phrase)
    if sm and v.source_type(sm.group()) != "social":
        return sm.group(), v.source_type(sm.group()) or "media"
    core = _DET_RX.sub("", phrase.strip())
    words = core.split()
    if not words:
        return None
    if len(words) == 1 and "." in core[1:-1]:
        from ..ingest.urls import site_address

        if site_address(core):
            return core, "media"  # "Biziday.ro noted", "cgtn.com": a site named by its address
    tm = _TEXT_BY_RX.match(core)
    if tm:  # "a report by the Daily Courier", "an article in the Valley Gazette": whose text it is
        pub = _PUBLISHED_IN.fullmatch(phrase.strip())
        if pub and pub.group("pub").split()[-1].casefold() in v.institution_words:
            pub = None  # "a report in the White House": a body, no publication
        return outlet_of(tm.group("by"), v) or ((_DET_RX.sub("", pub.group("pub")), "media") if pub else None)
    edition = re.fullmatch(r"(?:the\s+)?(?P<o>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})['’]s?\s+(?:(?:English|"
                           r"international|online|foreign|weekend|Sunday)\s+)?(?:-language\s+)?edition", phrase.strip())
    if edition:  # "Halmark Tidende's English edition quoted her": the paper's edition is the paper
        return outlet_of(edition.group("o"), v) or (edition.group("o"), "media")
    named_agency = re.fullmatch(r"(?:the\s+)?agency\s+(?P<n>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)", phrase.strip())
    if named_agency:
        return named_agency.group("n"), "agency"  # "as the agency HPA transmitted"
    if len(words) == 1 and _CALL_SIGN_RX.fullmatch(core):
        return core, "broadcaster"  # "told KBC", "MBC reported": a broadcaster's call letters
    if 2 <= len(words) <= 3 and _CALL_SIGN_RX.fullmatch(words[0]) and all(w[:1].isupper() for w in words[1:]) \
            and not v.title_rx.search(core):
        return core, "broadcaster"  # "QBC Sport", "KBC News Tonight": the call letters and a service's name
    caps = all(w[:1].isupper() or w[:1].isdigit() or w in ("of", "and", "&", "de", "la", "der") for w in words)
    # a station's number after the head is part of the name ("Kaldra Radio 1", "BBC Radio 4", "Vell TV 2")
    numbered = len(words) >= 2 and re.fullmatch(r"\d{1,3}", words[-1]) and words[-2].casefold() in _NUMBERED_HEADS
    head_core = " ".join(words[:-1]) if numbered else core
    if caps and words[0][:1].isupper() and v.media_head_rx.search(head_core):
        return core, _head_kind(head_core.split()[-1])
    if caps and len(words) >= 2 and words[-1] in v.media_heads_after_the and re.match(r"(?i)the\s", phrase.strip()) \
            and not v.title_rx.search(core):
        return core, "media"  # "the Cauldmere Mercury", "the Vell Star": a surname takes no article
    if caps and len(words) >= 2 and v.media_head_rx.search(" " + words[0]) and words[0].casefold() in _LEADING_HEADS:
        return core, _head_kind(words[0])  # "News Beast", "Radio Meridian", "TV Harbour": a head word in front
    if caps and _COMPOUND_HEAD.search(words[-1]):
        return core, _head_kind(words[-1])  # "NordTV", "PulseNews", "Harbour Newswire": a head joined to the name
    nm = v.media_noun_rx.search(core)
    # (a noun opening the phrase may be capitalised: "Local paper the Obertaler Rundschau reported")
    # ... when it is two words or "the" follows it: "Station Commander Ayo Brandt" is a title and a name)
    low_nm = bool(nm) and (nm.group().islower() or nm.start() == 0 and nm.group()[1:].islower() and (
        " " in nm.group() or core[nm.end():].lstrip().startswith("the ")))
    if nm and low_nm and nm.end() == len(core) and re.match(r"(?i)(?:an?|one|another)\s", phrase.strip()):
        nm = None  # "a Norland newspaper": an outlet of Norland's that the text does not name
    if nm and low_nm and nm.end() < len(core) and core[:nm.start()].strip() and \
            all(_OWNER_WORD.fullmatch(w) or w.casefold() in _MEDIA_MODIFIERS for w in core[:nm.start()].split()) and \
            all(w[:1].isupper() or w in ("de", "da", "do", "of", "and", "&") for w in re.sub(r"^\s*the\s", " ", core[nm.end():]).split()):
        # "the Lusavian sports daily O Farol", "Norland's state broadcaster NRT": a people's or a country's word
        # before the noun says whose it is; the capitalised words after it are its name ("Local paper the X")
        return " ".join(w for w in re.sub(r"^\s*the\s", " ", core[nm.end():]).split()), "media"
    poss = re.search(r"['\u2019]s?\s+(?:[a-z]+\s+)?$", core[:nm.start()]) if nm and nm.end() == len(core) else None
    if poss and low_nm:
        # "the federation's website", "the club's official channel": its own medium (an outlet's, the outlet:
        # "the Harbour Herald's podcast")
        return outlet_of(core[:poss.start()], v) or (core, "media")
    if nm and low_nm:
        # "the newspaper Kurier", "state media outlet Norpress", "state-run news agency Vellpress": what the
        # noun of its kind and the words that say whose it is leave is its name
        rest = [w for w in (core[:nm.start()] + " " + core[nm.end():]).split()
                if not (w.islower() and w in _MEDIA_MODIFIERS) and w != "the"]  # ("local paper the X")
        name = [w for w in rest if w[:1].isupper()]
        if name and all(w[:1].isupper() for w in rest) and (
                nm.start() == 0 or nm.end() == len(core) or not core[:nm.start()].split() or
                all(w.islower() and w in _MEDIA_MODIFIERS for w in core[:nm.start()].split())):
            return " ".join(name), "media"
    jm = v.journalist_rx.match(core) if len(words) >= 2 else None
    if jm:  # "a European Pravda correspondent", "a reporter for the Valley Courier"
        name = (jm.group("pre") or jm.group("post") or "").strip()
        if jm.group("post"):
            inner = outlet_of(name, v)
            if inner:
                return inner
        else:
            nw = name.split()
            if 1 <= len(nw) <= 4 and all(w[:1].isupper() or w[:1].isdigit() for w in nw) and \
                    not _DEMONYM_RX.search(nw[-1]) and not v.title_rx.search(name) and \
                    not any(name.casefold().endswith(h) for h in v.institution_heads):
                return name, v.source_type(name) or "media"
    # "a Meridian report", "the Tidewire story", "CNBC's report": a name before a report noun is whose
    # report it is (an institution's is left to institution_heads; a nationality names no one)
    rm = _REPORT_NOUN_RX.search(core)
    if rm and len(words) >= 2:
        name = re.sub(r"['’]s?$", "", core[:rm.start()].strip())
        nw = name.split()
        if 1 <= len(nw) <= 4 and all(w[:1].isupper() or w[:1].isdigit() for w in nw) and \
                not _DEMONYM_RX.search(nw[-1]) and not v.title_rx.search(name) and \
                not any(name.casefold().endswith(h) for h in v.institution_heads) and \
                nw[-1].casefold() not in v.vague_nouns and nw[0].casefold() not in _NEVER_OUTLETS:
            return name, v.source_type(name) or "media"
    return None


_LEADING_HEADS = {"news", "radio", "tv", "television", "channel", "press", "daily"}
_MEDIA_MODIFIERS = frozenset({"state", "state-run", "state-owned", "state-controlled", "local", "national", "public",
                              "private", "official", "independent", "online", "regional", "pro-government",
                              "opposition", "media", "news", "leading", "daily", "weekly", "business", "sports",
                              "financial", "economic", "political", "evening", "morning", "football", "tabloid",
                              "trade", "specialist"})
_REPORT_NOUN_RX = re.compile(r"\s+(?:report|reports|article|story|broadcast|dispatch|interview|investigation|"
                             r"analysis|bulletin|documentary|newscast)$", re.IGNORECASE)
_DEMONYM_RX = re.compile(r"(?:an|ian|ese|ish|ic|i)$|^(?:Western|Eastern|Northern|Southern|Foreign|Local|State)$")


# a label with no one behind it: "in what is being branded", "in what has been dubbed" (the crowd's or the
# press's name for the thing, nobody the reader can check)
_LABEL_RX = re.compile(r"(?<!\w)in\s+what\s+(?:(?:is|was|are|were)\s+being|has\s+been|had\s+been|(?:is|was|are|were)"
                       r"(?=\s+(?:widely\s+|already\s+)?\w+(?:\s+as)?\s*[\"\u201c\u2018']))\s+(?:widely\s+|already\s+)?"
                       r"(?:called|dubbed|branded|billed|labell?ed|termed|touted|described\s+as|hailed\s+as)(?!\w)",
                       re.IGNORECASE)  # a plain "is"/"was" only before the label in quotation marks


# a people's plural name alone as a subject, at the start of its clause ("Canadians have seen",
# "Republicans see"): nobody named
_PEOPLE_SUBJECT_RX = re.compile(r"(?:^|(?<=[\s(]))(?-i:[A-Z][a-z]+(?:ans|ese|is|ons))\s+"
                                r"(?:(?:have|has|had)\s+(?:long\s+|also\s+)?)?\Z")


def _crowd(phrase: str, v: Vocab) -> bool:
    """A quantified crowd ("many Canadians", "some residents", "both voters and observers"): nobody named."""
    words = phrase.split()
    if len(words) < 2 or not words[-1].endswith("s"):
        return False
    head = words[0].casefold()
    return head == "both" or any(phrase.casefold().startswith(q.casefold() + " ") for q in v.vague_quantifiers)


def vague_np(phrase: str, v: Vocab) -> bool:
    """A noun phrase that names no identifiable source ("foreign media", "agencies", "local reports")."""
    low = _DET_RX.sub("", phrase.strip().casefold())
    if not low or outlet_of(phrase, v):
        return False
    if low in v.vague_nouns or low.split()[-1] in v.vague_nouns or _ANONYMOUS_RX.search(low):
        return True  # (or one the text says it does not name: "an unnamed military official")
    # "two people in the room", "three people briefed on it": a count of people, none named
    head = _PLACE_TAIL_RX.split(low, maxsplit=1)[0].split()
    if len(head) == 2 and head[1] in ("people", "persons") and (head[0] in _COUNT_WORDS or head[0].isdigit()):
        return True
    if head == ["people"] and len(low.split()) > 1:
        return True  # (session 35) "citing people present at the session": people of a place, none named
    # (session 35) a group of a kind with no determiner, placed or knowing ("Shop owners on the square", "Election
    # workers in Varnit", "Suppliers familiar with the contract"): none named
    if 1 <= len(head) <= 3 and len(low.split()) > len(head) and low == phrase.strip().casefold() and \
            all(w.isalpha() for w in head) and v.person_plural(head[-1]) and head[-1] not in v.go_betweens and \
            head[0] not in _POSSESSIVE_DETS and not outlet_of(phrase, v) and not outlet_of(low[len(" ".join(head)):], v):
        return True
    # "two engineers who work on the type", "several senior pilots": a count of people of a kind, none named
    if 2 <= len(head) <= 4 and (head[0] in _COUNT_WORDS or head[0].isdigit() or head[0] in _SOME_WORDS) and \
            all(w.isalpha() for w in head[1:]) and v.person_plural(head[-1]):
        return True
    # "a member of the delegation", "one official present", "a senior diplomat at the talks": one person of a
    # kind, not named (a go-between, "a spokesman for the ministry", speaks for a body the text names)
    one = _ONE_OF_KIND_RX.match(phrase.strip().casefold())
    if one and (v.person_noun(one.group(1)) or v.person_plural(one.group(1)) or one.group(1) in _STAFF_NOUNS) and \
            one.group(1) not in v.go_betweens and not _name_after(phrase.strip()[one.end():], v):
        return True
    return _unowned(phrase, v)


def _name_after(rest: str, v: Vocab) -> bool:
    """A person's name after a role of a kind ("a member of the delegation, Jane Roe"): two capitalised words, the
    second no institution's head word (session 35: "One former member of the Monetary Council" names a body)."""
    return any(m.group(1).casefold() not in v.institution_words for m in _TWO_CAPS_RX.finditer(rest))


_TWO_CAPS_RX = re.compile(r"\b[A-Z][a-z]+\s+([A-Z][a-z]+)\b")
_ONE_OF_KIND_LEFT_RX = re.compile(
    r"(?<![\w'’-])(?P<np>(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome)\s+(?:[a-z-]+\s+){0,2}?(?P<head>[a-z]+)"
    r"(?:\s+(?:of|from|at|in|on|with|inside|close\s+to|familiar\s+with)\s+(?:the\s+)?(?:[A-Za-z-]+\s+){0,3}[A-Za-z-]+|\s+present|"
    # (session 35: "Some commentators online have questioned")
    r"\s+(?:online|locally|abroad|here))?"
    # (session 30) a plural with no determiner, placed: "Staff at the clinic", "Officials at the Minaseki centre"
    # (session 35: or after a modifier or two, "Shop owners on the square", "Election workers in Varnit", and known to a
    # thing, "Suppliers familiar with the contract")
    r"|(?P<bare>(?:[A-Z][a-z]+|[a-z]+)(?:\s+[a-z]+){0,2}?)\s+(?:at|in|from|inside|on|familiar\s+with)\s+(?:the\s+)?"
    r"(?:[A-Za-z'’-]+\s+){0,3}[A-Za-z-]+)\s*\Z")
# a person of a kind with a relative clause saying why they go unnamed, however long ("A rescue official who
# asked not to be named because he was not authorised to speak to the media said")
_ANONYMITY_LEFT_RX = re.compile(
    r"(?P<np>(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Tt]he)\s+(?:[\w'’-]+\s+){0,3}?[a-z]+)"
    r"\s+who\s+(?=[^.;:!?\",]{0,40}?\b(?:named|anonymity|anonymous|identified|authori[sz]ed|permitted|cleared)\b)"
    r"[^.;:!?\",]{4,170}?\s*\Z")
# ... or a group, placed or not, with the reason set off by commas ("Two officials at the palace, speaking on
# condition of anonymity because they were not authorised to discuss it,", "Election officials in two districts,
# who asked not to be identified because ...,")
_ANONYMITY_SET_OFF_LEFT_RX = re.compile(
    r"(?P<np>(?:[A-Z][a-z]+|two|three|four|several|some|many)\s+(?:[\w'’-]+\s+){0,6}?(?:officials?|sources?|people|staff|"
    r"workers|diplomats|aides|members|employees|officers|insiders|advisers|advisors|organisers|organizers|managers|"
    # (session 33: "Admissions directors at three other universities, speaking on condition that they not be named,")
    r"directors|executives|lecturers|teachers|academics|doctors|nurses|bankers|traders|engineers|inspectors)"
    # (session 32) ... or one person of a kind, placed or not ("A freight forwarder in Port Selvan, who asked not to
    # be named,", "A customs broker on Dock Street, who did not want his name printed because ...,")
    r"\b|(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w'’-]+\s+){0,3}?[a-z][\w-]*)"
    r"[^.;:!?\"“\n,]{0,80}?,\s*(?:speaking\s+(?:on\s+condition\s+of\s+anonymity|privately|anonymously|on\s+condition\s+that\s+"
    r"(?:they|he|she)\s+(?:not\s+be|were\s+not|was\s+not|are\s+not|is\s+not|remain)\s+(?:named|identified|anonymous))|who\s+(?:asked|"
    r"spoke|requested|declined)\s+(?:not\s+to\s+be\s+(?:identified|named)|on\s+condition\s+of\s+anonymity|anonymity|"
    # (session 35: "who spoke on condition that their countries not be named")
    r"on\s+condition\s+that\s+[^,.;:\"“\n]{1,60}?\s+not\s+be\s+(?:identified|named)|to\s+be\s+"
    r"(?:named|identified))|who\s+(?:did\s+not|didn['’]t|does\s+not|doesn['’]t)\s+want\s+(?:his|her|their)\s+names?\s+"
    r"(?:printed|used|published|given|disclosed|mentioned))[^.;:!?\"“\n]{0,160}?,\s*\Z")
# (session 35) a group by where it comes from at large, no group anyone could ask ("Tourists from around the world
# say", "visitors from all over the country")
_GENERIC_PLACE_RX = re.compile(r"\s+(?:from\s+(?:around|all\s+over|across|everywhere|far\s+and\s+wide)|around\s+the\s+world|"
                               r"all\s+over|everywhere)\b", re.IGNORECASE)
# words that cannot modify a group's noun (a verb or an auxiliary before it: "would allow leaders from both countries")
_NOT_MODIFIER_WORDS = (r"(?i:would|could|should|will|can|may|might|must|to|and|or|but|allow|allows|allowed|let|lets|help|"
                       r"helps|helped|make|makes|made|see|saw|urge|urged|ask|asked|tell|told|get|got|have|has|had|were|was|"
                       r"are|is|be|been)\s")
_POSSESSIVE_DETS = frozenset(_DETS | {"our", "my", "your"})
_STAFF_NOUNS = frozenset({"staff", "personnel", "crew", "crews", "officials", "workers", "employees", "insiders"})
_ONE_OF_KIND_RX = re.compile(r"(?:a|an|one|another|some|several|two|three)\s+(?:[a-z-]+\s+){0,2}?([a-z]+)(?=\s+(?:of|from|at|in|on|close\s+to|"
                             r"with|inside|present|involved|who)\b|$)")
_ANONYMOUS_RX = re.compile(r"(?<![\w-])(?:unnamed|anonymous|unidentified)(?![\w-])")
_PLACE_TAIL_RX = re.compile(r"\s+(?:in|at|on|inside|within|close|familiar|briefed|with|who|from|near|present|"
                            r"involved)\b")
_COUNT_WORDS = frozenset("two three four five six seven eight nine ten dozen dozens".split())
_SOME_WORDS = frozenset("several some many few various numerous".split())


def _unowned(phrase: str, v: Vocab) -> bool:
    """Figures or authorities that no named body owns: only lower-case words or a people's name before
    them ("Norlandic tallies", "local health authorities"), not "UN figures" or "the Harbour Board's data"."""
    words = re.split(r"\s+in\s+|\s+of\s+|,", _DET_RX.sub("", phrase.strip()), maxsplit=1)[0].split()
    if not words or words[-1].casefold() not in v.unowned_nouns:
        return False
    return all(w.islower() or _DEMONYM_RX.search(w) for w in words[:-1])


# what an outlet found out from informants: in its own story, vague sourcing ("The Klaxon understands")
_OWN_FINDINGS = frozenset({"understands", "learned", "learnt", "has learned", "has learnt"})


def _own_outlet(doc, name: str) -> bool:
    """Whether ``name`` is the article's own outlet ("X told Reuters" in a Reuters story is first hand). An
    outlet read off an agency's copyright notice is none: the notice is what the agency's copy carries on
    every site that resells it (``_resold_agency_copy``)."""
    own = (doc.article.outlet or "").casefold()
    n = name.casefold()
    if not own or not n:
        return False
    same = bool(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", own) or re.search(rf"(?<!\w){re.escape(own)}(?!\w)", n))
    if not same and name.isupper() and 2 <= len(name) <= 6:  # "PWJ" in a Permanent Way Journal story
        same = n == "".join(w[0] for w in own.split() if w not in ("the", "of", "and", "&"))
    return same and not _resold_agency_copy(doc)


def _resold_agency_copy(doc) -> bool:
    """The article's outlet was read off a copyright notice (``ingest.metadata``) naming a news agency, and
    the article's address, if any, is not the agency's own site: the text is the agency's copy as some
    site printed it, so the agency is a relay, not the publisher."""
    meta = doc.article.meta or {}
    rule = (meta.get("detected") or {}).get("outlet", {}).get("rule", "")
    outlet = doc.article.outlet or ""
    if not rule.startswith("copyright") or not outlet or meta.get("outlet_from") == "url":
        return False
    v = vocab()
    name = re.sub(r"(?i)^the\s+", "", outlet)
    agency = (v.source_rx.fullmatch(name) and v.source_type(name) == "agency") or _AGENCY_NAME_RX.search(name)
    return bool(agency) and not _site_of(doc, name)


def _phrase_rx(phrases: list[str]) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + _alts(phrases) + r")(?!\w)", re.IGNORECASE)


# -- persons ----------------------------------------------------------------------------------------

# a capitalised word of a name; also initials ("R.J." of "R.J. Holm") and an Arabic article glued to a
# capitalised name ("al-Nadri"), as the speaker layer reads them (``speakers.CAPW``)
_CAP = (rf"(?:(?:[A-Z]\.){{1,3}}(?=\s+[A-Z])|{_ARABIC_PREFIX}-[A-Z][\w'’-]*"
        r"|[A-Z\u00C0-\u024F\u0400-\u042F][\w'’-]*)")
_PARTICLE_LIST = ("da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du", "van", "von", "al", "bin",
                  "la", "le")
_PARTICLE_WORDS = "(?:" + "|".join(_PARTICLE_LIST) + ")"
_NAME_RX = re.compile(rf"(?<![\w'’]){_CAP}(?:\s+(?:{_CAP}|{_PARTICLE_WORDS})){{0,3}}\s+{_CAP}")


@dataclass
class Person:
    name: str
    titles: set[str]
    first: int
    # the words written just before a title ("police" of "Police Chief Dan Roe", "norland" of "Norland's
    # Prime Minister"): whose role it is, which a later "the police chief" names again
    attrs: set[str] = field(default_factory=set)


class Persons(list):
    """The persons introduced with a title, in order of first mention; ``table()`` gives, computed once and
    only when asked, the speaker layer's persons with their role words (every form of introduction:
    "Karl Ostby, Norland's defence minister", "Mia Lund, who heads the port authority"), which a role no
    titled introduction holds is matched against."""

    table: Callable[[], list[Person]]


def _role_table(doc) -> list[Person]:
    """The speaker layer's persons (``speakers.find_people``) as this layer's: each role word a title of its
    own, the person's attributes and role words as attributes."""
    from .speakers import find_people

    disc = doc.__dict__.get("_discourse")  # the quotes layer's own reading, when it ran: one reading for both
    people = disc.people if disc is not None else find_people(doc, doc.quotation_spans)
    return [Person(p.name, set(p.titles), p.first, set(p.titles) | set(p.attrs))
            for p in sorted(people.persons.values(), key=lambda p: (p.first, p.name)) if p.titles]


_OF_PLACE_RX = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}")


def _persons(doc, v: Vocab) -> list[Person]:
    """Persons introduced with a title ("NATO Secretary General Mark Rutte"), in order of first mention."""
    text = doc.norm
    found: dict[str, Person] = {}
    _patterns(v)  # (fills ``v._first``: where each pattern can start)
    for m in scan(v.title_rx, v._first["title_rx"], text, 0, len(text)):
        after = text[m.end():m.end() + 80]
        # allow "Secretary General of NATO Mark Rutte": skip "of X" after the title
        skip = re.match(r"\s+of\s+(?:the\s+)?[A-Z][\w-]*(?=\s+[A-Z])", after)
        offset = skip.end() if skip else 0
        run = _TITLE_OBJECT_RUN.match(after)
        if run:  # "Minister of Foreign Affairs Ana Ruiz", "Minister for Europe Tor Ek": the place or body, then
            # the name
            words = list(_NAME_WORD.finditer(after, run.start(1), run.end(1)))
            k = _place_words([w.group() for w in words])
            if k:
                offset = words[k - 1].end()
        of_text = after[:offset] if offset else None
        nm = re.match(r"\s+(" + _CAP + r"(?:\s+(?:" + _PARTICLE_WORDS + r"\s+)*" + _CAP + r"){1,3})", after[offset:])
        if not nm:
            continue
        name = nm.group(1)
        words = name.split()
        # drop a trailing capitalised word that is a title or source (e.g. "... Rutte NATO"), or letters
        # after the name ("Tom Reed KC")
        while words and (v.title_rx.fullmatch(words[-1]) or v.source_type(words[-1])
                         or words[-1].rstrip(".,") in _post_nominals()):
            words.pop()
        if len(words) < 2 or any(w.isupper() and len(w) > 1 and not _INITIALS.fullmatch(w) for w in words):
            continue
        # a possessive's ending, not every final "s" ("Ilarion Vos" stays whole; "Rutte's", "Davis'" lose it)
        name = re.sub(r"['\u2019]s?$", "", " ".join(words))
        p = found.setdefault(name, Person(name, set(), m.start()))
        p.titles.add(m.group().casefold())
        p.attrs.update(w.casefold().removesuffix("'s").removesuffix("’s")
                       for w in _WORD.findall(text, max(0, m.start() - 40), m.start())[-2:])
        # "Secretary General of NATO Mark Rutte", "Prime Minister Jon Alder of Norland": the body or place
        of_place = _OF_PLACE_RX.match(after, offset + nm.end())
        of_text = of_text or (of_place.group() if of_place else None)
        if of_text:
            p.attrs.update(w.casefold() for w in _WORD.findall(of_text)[1:] if w[:1].isupper())
    out = Persons(sorted(found.values(), key=lambda p: p.first))
    memo: list[list[Person]] = []
    out.table = lambda: memo[0] if memo else memo.append(_role_table(doc)) or memo[0]
    return out


def _table_of(persons: list[Person]) -> list[Person]:
    """The speaker layer's persons (``Persons.table``), or none for a plain list."""
    table = getattr(persons, "table", None)
    return table() if table is not None else []


def _holders(phrase: str, title: str, persons: list[Person]) -> list[Person]:
    """``_role_holders`` among the titled persons, else among the speaker layer's table."""
    found = _role_holders(phrase, title, persons)
    table = getattr(persons, "table", None)
    if not found and table is not None:
        titled = {p.name for p in persons}
        found = [p for p in _role_holders(phrase, title, table()) if p.name not in titled]
    return found


_LEADER = r"((?:[A-Z][\w'\u2019-]+\s+){0,2}[A-Z][\w'\u2019-]+)\s+and\s+"  # "Paganini and" his team
_LED_BY_RX = re.compile(_LEADER + r"(?:his|her|their)\s+(?:[\w-]+\s+){0,2}[\w-]+")
_LEADER_LEFT_RX = re.compile(_LEADER + r"\Z")


def _resolve(subject: str, pos: int, persons: list[Person], history: list[tuple[int, str]],
             v: Vocab) -> tuple[str, str]:
    """(canonical name, source type) for a subject noun phrase found at ``pos``."""
    s = subject.strip()
    led = _LED_BY_RX.fullmatch(s)
    if led:  # "Paganini and his team": the one named
        s = led.group(1)
    toks = s.split()
    if len(toks) > 1 and toks[-2][:1].isupper() and len(strip_post_nominals(toks)) < len(toks):
        s = " ".join(strip_post_nominals(toks))  # "Ana Lind MP said": letters after a name are no part of it
    low = s.casefold()
    if low in v.pronouns:
        before = [n for p, n in history if p < pos]
        if before:
            return before[-1], "person"
        named = [p for p in persons if p.first < pos]
        if named:
            return named[-1].name, "person"
        return (persons[0].name, "person") if persons else (s, "person")
    if toks and toks[-1].islower() and toks[-1].casefold() in v.institution_words and \
            not v.title_rx.fullmatch(toks[-1]):
        return s, "institution"  # "the prosecutor's office", "the town's council": a body, whoever it serves
    # "The President of Ukraine", "the prime minister of Norland": the role of that place's holder
    of = _TITLE_OF_RX.match(s)
    if of and v.title_rx.fullmatch(of.group("title")) and not v.source_rx.search(of.group("place")) and \
            not persons_named(of.group("place").split(), persons):
        t = of.group("title").casefold()
        holders = _holders(f"{of.group('place')} {of.group('title')}", t, persons)
        return (holders[0].name if len(holders) == 1 else s), "person"
    # a body named with its district or place ("the U.S. Attorney's Office for the Western District of New
    # York"): the body, whatever places its name holds
    bm = _BODY_OF_RX.match(s)
    if bm and bm.group("head").casefold() in v.institution_words:
        return s, "institution"
    # a known source inside the phrase, or an outlet by its form ("the Daily Courier")
    sm = v.source_rx.search(s)
    if sm:
        return sm.group(), v.source_type(sm.group()) or "media"
    outlet = outlet_of(s, v)
    if outlet:
        return outlet
    # a person's name or surname
    core = re.sub(r"^(?:the|a|an)\s+", "", s, flags=re.IGNORECASE)
    titles_in = list(v.title_rx.finditer(core))
    named_after = bool(titles_in) and bool(core[titles_in[-1].end():].strip())
    if titles_in and not named_after and re.search(r"(?:['’]s|(?<!\w)(?i:his|her|their|its))\s*$",
                                                   core[:titles_in[-1].start()]):
        return s, "person"  # "Morrison's lawyer", "her lawyer": the one holding the role speaks
    if named_after and core[:titles_in[-1].start()].strip():
        # "Oklahoma City coach Billy Donovan", "U.S. Attorney James Kennedy Jr.": the name is what follows
        # the last title word; what stands before it is whose role it is
        core = core[titles_in[-1].end():]
        obj = re.match(r"\s*(?:of|for|to)\s+(?:the\s+)?", core)
        names = core[obj.end():].split() if obj else []
        k = _place_words(names) if all(_NAME_WORD.fullmatch(w) for w in names) else 0
        if k:  # "Minister of Foreign Affairs Ana Ruiz", "Minister for Europe Tor Ek": the title's place or body,
            core = " ".join(names[k:])  # then the name
    core = v.title_rx.sub(" ", core)
    tokens = [t.rstrip("'’s") if t.endswith(("'s", "’s")) else t for t in core.split()]
    caps = [t for t in tokens if (t[:1].isupper() or _PREFIXED.match(t))
            and not (t.isupper() and len(t) > 1 and not _INITIALS.fullmatch(t))]
    if caps and _INITIALS.fullmatch(caps[-1]):
        caps = []  # "the U.S.", "the U.N.": initials name someone only before a name ("R.J. Holm")
    if v.title_rx.search(s) and not named_after:  # "the Alliance chief": organisation and nationality words
        # before a role are no name ("Coach Billy Donovan" keeps "Donovan")
        caps = [t for t in caps if t.casefold() not in v.institution_heads
                and not re.search(r"(?:an|ian|ese|ish|ic)$", t) and not v.source_type(t)]
    from .speakers import _HONORIFICS, _demonym, _demonym_nouns, _place_names

    honorific = _HONORIFICS | {"mx", "dame", "lord", "lady"}  # the speaker layer's, and those no title list holds

    for p in persons:
        pw = p.name.split()
        # a surname names the person, unless a given name other than theirs goes with it ("Patrick Nielsen
        # Hayden" is not "Teresa Nielsen Hayden")
        # "Mr Biden", "Israel's Netanyahu", "Israeli PM Netanyahu": an honorific or a place is no given name
        given = [c for c in caps if c.casefold().rstrip(".") not in honorific
                 and c.casefold() not in _place_names() and not _demonym(c)]
        if caps and (" ".join(caps) == p.name or caps[-1] == pw[-1] and not (len(given) == len(pw) > 1
                                                                           and given[0] != pw[0])):
            return p.name, "person"
    if len(caps) == 1:  # the name a person goes by, inside the full one ("Lula" of "Luiz Inacio Lula da Silva")
        from .speakers import inner_words

        inner = [p for p in persons if caps[0] in inner_words(p.name.split())]
        if len(inner) == 1:
            return inner[0].name, "person"
    has_title = bool(v.title_rx.search(s))
    if has_title and not caps:
        # a title alone: the person the article introduced with that role; when two hold it, the one named
        # last before it; when no one does, the role itself ("the fire chief" is not the police chief
        # introduced earlier, nor the last person named)
        t = v.title_rx.search(s).group().casefold()
        holders = _holders(s[:v.title_rx.search(s).end()], t, persons)
        if len(holders) > 1:
            named = [n for p2, n in history if p2 < pos and n in {h.name for h in holders}]
            return (named[-1] if named else holders[0].name), "person"
        if holders:
            return holders[0].name, "person"
        org = [w.casefold() for w in _WORD.findall(s[:v.title_rx.search(s).start()]) if w[:1].isupper()
               and w.casefold() not in _DETS]
        if t in GENERIC_HEADS and org:
            # "the NATO chief", "the Alliance chief": the head of a body, named by it, is the person the
            # article introduced as of that body, else the one it is about
            of_org = [p for p in persons if any(o in p.attrs for o in org)]
            if len(of_org) == 1:
                return of_org[0].name, "person"
            before = [n for p2, n in history if p2 < pos]
            if before or persons:
                return (before[-1] if before else persons[0].name), "person"
        return s, "person"
    if len(caps) == 1 and not has_title and re.match(r"(?i:the)\s", s):
        # "the Dane admitted", "the Australian said": the one person the article gave that people's
        # adjective ("Danish coach Anders Holm")
        noun = caps[0].casefold()
        if noun in _demonym_nouns() or _demonym(noun):
            adj = _demonym_nouns().get(noun, noun)
            table = getattr(persons, "table", None)
            of_people = [p for p in persons if adj in p.attrs] or \
                [p for p in (table() if table else []) if adj in p.attrs]
            if len(of_people) == 1:
                return of_people[0].name, "person"
    head = low.split()[-1] if low.split() else low
    if any(low.endswith(h) for h in v.institution_heads):
        return s, "institution"
    if head in v.vague_nouns:
        return s, "unknown"
    if caps and has_title and not named_after and not persons_named(caps, persons):
        # "the Norland prime minister": a place or body before a role, no name
        t = v.title_rx.search(s)
        holders = _holders(s[:t.end()], t.group().casefold(), persons)
        return (holders[0].name if len(holders) == 1 else s), "person"
    if caps:
        if re.search(r",|\band\b", s):
            return s, "unknown"
        return " ".join(caps) if has_title else s, "person" if len(caps) <= 3 else "unknown"
    return s, "unknown"


def persons_named(caps: list[str], persons: list[Person]) -> bool:
    """Some word of ``caps`` is a word of a person's name."""
    return any(c in p.name.split() for p in persons for c in caps)


_TITLE_OF_RX = re.compile(r"(?:[Tt]he\s+)?(?P<title>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+of\s+(?:the\s+)?"
                          r"(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})$")


def _role_holders(phrase: str, title: str, persons: list[Person]) -> list[Person]:
    """The persons who hold the role ``phrase`` names (its title word ``title``): introduced with that
    title, a title it ends (``the minister``: Foreign Minister Mia Lund, not Prime Minister Jon Alder; a rank
    word, ``speaker_titles.yaml``'s ``ranks``, makes another role), or one of the same role (``premier``:
    a prime minister). A common noun before the title (``the fire chief``) must be whose role it was."""
    from .speakers import _adjective_like, _ranks, _stem_match, same_roles

    said = set(phrase.casefold().split())
    tw = title.split()
    before = [w.rstrip(",").removesuffix("'s").removesuffix("\u2019s") for w in phrase.split()[:-len(tw)]]
    # a capitalised word (a place, a people, a body: "the Norlandic premier") is one of the person's
    # attributes by its stem; a common noun ("the fire chief") is one of their words
    places = [w.casefold() for w in before if w[:1].isupper() and w.casefold() not in _DETS]
    mods = [w for w in before if w.isalpha() and w.islower() and w not in _DETS and not _adjective_like(w)]
    out = []
    for p in persons:
        for pt in sorted(p.titles):
            pw = pt.split()
            # "vice" of a vice president (a title of its own in the speaker layer's table)
            unsaid = {r for r in _ranks() if (r in pw or r in p.titles) and r not in said}
            if not unsaid and (pt == title or pw[-1] == tw[-1] and all(w in pw or w in p.attrs for w in tw)):
                held = True
            else:  # "premier" for a prime minister, "the pontiff" for a pope (not "president" for a vice one)
                held = any(any(m == set(tw) for m in group) and any(m and unsaid <= m <= set(pw) for m in group)
                           for group in same_roles())
            if held and all(m in pw or m in p.attrs for m in mods) and \
                    all(any(_stem_match(c, a) for a in p.attrs | set(pw)) for c in places):
                out.append(p)
                break
    return out


# -- noun phrases ------------------------------------------------------------------------------------


_PARTICLES_LEFT = frozenset(_PARTICLE_LIST) | {"ibn"}
# words that end a noun phrase on its left: what comes before them is no modifier of it
# words that open a sentence before its subject ("But Vaughan cautioned", "Still, Roe warned"): capitalised
# there, they are no part of the name after them
_SENTENCE_OPENERS = OPENING_ADVERBS | frozenset({"but", "and", "yet", "so", "or", "nor", "when", "while", "as",
                                                 "if", "because", "since", "although", "though", "after",
                                                 "before", "once"})


def _opens_sentence(text: str, pos: int, lo: int) -> bool:
    """Whether the word at ``pos`` opens its sentence (or the segment ``lo`` starts)."""
    before = text[lo:pos].rstrip()[-1:]
    return not before or before in ".!?:;(\n\"\u201c\u201d"


_NOT_MODIFIERS = frozenset({"after", "before", "of", "at", "atop", "in", "on", "by", "for", "with", "from", "to",
                            "and", "or", "but", "than", "as", "when", "while", "that", "which", "who", "where"})


_NAME_RUN = rf"[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*|{_PARTICLE_WORDS}))*"
_ROLE_THEN_NAME = re.compile(rf"([^,]*?)(\S+)\s*,\s*({_NAME_RUN})\s*,\s*$")
_POSSESSED_THEN_NAME = re.compile(rf"(?:^|(?<=[.;:]\s))\s*(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w\-]*['\u2019]s?)\s+"
                                  rf"(?:[a-z][\w\-]*\s+){{0,2}}[a-z][\w\-]*\s*,\s*({_NAME_RUN})\s*,\s*$")
_ROLE_FOR_LEFT_RX = re.compile(r"(?:^|(?<=[.;:]\s)|\s)(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[A-Z][\w\-]*['\u2019]s?)\s+"
                               r"(?:[a-z][\w\-]*\s+){0,2}?([a-z][\w\-]*)\s+(?:of|for|at|to)\s+(?:the\s+)?"
                               r"[A-Z][\w'\u2019&\-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'\u2019&\-]*){0,5}$")
# (session 35: and what the person is, "Dana Ilic, 34, a nurse, said")
_NAME_THEN_AGE = re.compile(rf"({_NAME_RUN})\s*,\s*\d{{1,3}}\s*,(?:\s*(?:an?|the)\s+[^,;:\"“”\n]{{1,50}},)?\s*$")
# ("Michael Sims, chief executive of Ceres Robotics, said": a bare role in lower case, as news copy writes it)
# (session 32: the role may run long, "a former art-crime investigator who now teaches at the University of Saltmere",
# or carry a relative clause of its own, "a partner at the loss adjusters Praet & Holm, which is not involved,")
_NAME_THEN_ROLE = re.compile(rf"({_NAME_RUN})\s*,\s*((?:(?:the|a|an|his|her|its|their|[A-Z][\w'\u2019.-]*['\u2019]s)\s+"
                             r"|(?-i:[a-z][\w-]*)\s+)?[^,]{1,100}?)(?:\s*,\s*(?:which|who|whose|where)\s+[^,]{1,80}?)?"
                             r"\s*,\s*$")


_SPACES = re.compile(r"\s*")
_LAST_CONJUNCT = re.compile(r",\s+and\s+([A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)+)$")
_TITLE_OBJECT_RUN = re.compile(r"\s+(?:of|for|to)\s+(?:the\s+)?((?:[A-Z][\w'\u2019.-]*\s+){2,5}[A-Z][\w'\u2019.-]*)")
_NAME_WORD = re.compile(r"[A-Z][\w'\u2019.-]*")


def _place_words(names: list[str]) -> int:
    """How many of ``names`` (a run of capitalised words after a title's "of", "to" or "for") are the
    title's place or body, the rest being the holder's name: ``speakers._place_prefix``, leaving two words
    at least; none when the run ends in an organisation's head word ("the British Foreign Office": a body,
    no name after it)."""
    from .speakers import _organisation_heads, _place_prefix

    if len(names) < 3 or names[-1].lower() in _organisation_heads():
        return 0
    k = _place_prefix(names)
    return k if 0 < k <= len(names) - 2 else 0


def _past_title_object(text: str, lo: int, subj: Span, v: Vocab) -> Span:
    """The subject without the place or body a title before it names ("ambassador to the Ukraine Marie
    Yovanovitch" -> "Marie Yovanovitch", "envoy to Norland Ana Ruiz"): when a title or a person's noun and
    "to", "of" or "for" stand right before a run of capitalised words, the opening words that are the
    place (``speakers._place_prefix``: a territory, an organisation's head word, else the first of three)
    are the title's object, and the name is the rest."""
    core = re.match(r"(?:the\s+)?", text[subj[0]:subj[1]], re.IGNORECASE)
    start = subj[0] + core.end()
    title = _TITLE_OF.search(text, max(lo, subj[0] - 40), subj[0])
    if not title or not (v.title_rx.fullmatch(title.group(1)) or v.person_noun(title.group(1).lower())):
        return subj
    words = list(_NAME_WORD.finditer(text, start, subj[1]))
    if text[start:subj[1]].split() != [w.group() for w in words]:
        return subj
    k = _place_words([w.group() for w in words])
    return (words[k].start(), subj[1]) if k else subj


def _apposed_subject(seg: str, v: Vocab) -> int | None:
    """Where the name ends in a subject set off with its role by commas, just before the verb: "The mayor,
    Jane Roe, said", "Norland's prime minister, Jane Roe, said" (the role ends in a title word), or "Jane
    Roe, the mayor, said" (the apposition holds a title word). The name is the subject."""
    from .speakers import _FUNCTION

    quoted = re.compile("[\"\u201c\u201d]")  # a quotation inside the apposition: '"...", said X' is inverted
    m = _ROLE_THEN_NAME.search(seg)
    if m and not quoted.search(m.group()) and m.group(3).split()[0].casefold() not in _DETS | _FUNCTION:
        if v.title_rx.fullmatch(m.group(2).rstrip(".")) or v.person_noun(m.group(2)):
            return m.end(3)
        # (session 33) "A spokesman for the Port Authority, Anton Weiler, said": the role's head before what
        # it serves, the name set off after it
        head = _ROLE_FOR_LEFT_RX.search(m.group(1) + m.group(2))
        if head and (v.title_rx.fullmatch(head.group(1)) or v.person_noun(head.group(1))):
            return m.end(3)
    m = _POSSESSED_THEN_NAME.search(seg)
    if m and not quoted.search(m.group()):
        return m.end(1)  # "Her friend, Ola Berg, said", "Roe's neighbour, Ali Sen, said": a possessed noun's name
    m = _NAME_THEN_AGE.search(seg)
    if m and m.group(1).split()[0].casefold() not in _DETS | _FUNCTION:
        return m.end(1)  # "Ana Ruiz, 45, said": a name and the age the article gives
    m = _NAME_THEN_ROLE.search(seg)
    if m and any(v.title_rx.fullmatch(w) or v.person_noun(w) for w in m.group(2).split()) and \
            not quoted.search(m.group()) and \
            m.group(1).split()[0].casefold() not in _DETS | _FUNCTION:  # not "Like Francis, the new pope ..."
        return m.end(1)
    return None


_ROLE_OF_LEFT_RX = re.compile(r"(?:(?<![\w-])[Tt]he\s+)?(?P<title>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+of\s+"
                              r"(?:the\s+)?\Z")


# a relative clause of one to eight words right before a verb: no word that opens another clause in it ("who
# reported the call recalled that he said": "he" says), and no determiner or preposition last ("who comprise
# two-thirds of the state's": a noun, no verb, follows)
_REL_STOP = r"(?:that|and|but|or|because|if|when|while|whether|he|she|they|we|i|it|you)\s"
_PAREN_LEFT = re.compile(r"(?<=\w)\s*\([^()\n\"]{1,24}\)\s+(?:(?:also|then|later|has|have|had)\s+)*$")
# those who speak for another, who stays the source ("a spokesperson for the Foreign Office said", "a lawyer
# for Ana Ruiz said": the go-between is read by ``_go_between_relays``)
_SPEAKS_FOR = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative", "lawyer", "lawyers",
                         "attorney", "attorneys", "counsel", "agent", "publicist", "spokespeople"})
# a determiner and up to two modifiers before a person's noun and "of" / "for" / "to" ("The mother of", "A
# lawyer for", "the elder sister of")
_HEAD_OF_LEFT = re.compile(r"(?<![\w-])(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne)\s+(?:[a-z][\w-]*\s+){0,2}?"
                           r"([a-z][\w-]*)\s+(?:of|for|to)\s+(?:the\s+)?$")
_RELATIVE_LEFT = re.compile(rf"(?<=[a-z])\s+who\s+(?:(?!{_REL_STOP})[^\s,;:.!?\"()]+\s+){{0,7}}?"
                            rf"(?!{_REL_STOP}|(?:the|a|an|of|to|in|on|at|for|with|by|from|his|her|their|its)\s)"
                            r"[^\s,;:.!?\"()]+\s+$", re.IGNORECASE)


def _person_head(phrase: str, v: Vocab) -> bool:
    """Whether a noun phrase ends in a lower-case noun for a person or a group of people ("a senior
    diplomat", "two officers", "residents")."""
    words = phrase.split()
    last = words[-1] if words else ""
    if len(words) == 1 and last[:1].isupper():
        last = last.lower()  # "Residents who fled the fire said": a common noun opening the sentence
    return last.islower() and bool(v.person_noun(last) or v.person_plural(last) or last in v.vague_nouns or
                                   v.title_rx.fullmatch(last))


# (session 35) what opens a reported clause ("The Courier said diplomats in the capital fear ...")
_REPORTED_CLAUSE_LEFT_RX = re.compile(r"(?<![\w-])(?:that|said|says|reported|reports|wrote|writes|added|adds)\s+\Z")


def _of_kind_left(text: str, lo: int, pos: int, v: Vocab) -> Span | None:
    """"A member of the delegation said", "one official present said", "two bus operators told": people of a
    kind, with where they belong or were, and no name, opening a clause right before ``pos`` (vague_np reads
    them as vague sourcing); a go-between ("a spokesman for the ministry") speaks for the body and is left."""
    at = max(lo, pos - 90)
    while True:  # the first that opens a clause ("The Courier said diplomats in the capital": not "Courier said ...")
        kind = _ONE_OF_KIND_LEFT_RX.search(text, at, pos)
        if not kind:
            return None
        if kind.start() <= lo or re.search(r"(?:^|[,;:.!?\n\u2014(])\s*$", text[max(0, kind.start() - 3):kind.start()]) \
                or _REPORTED_CLAUSE_LEFT_RX.search(text, max(0, kind.start() - 16), kind.start()):
            break
        at = kind.start() + 1
    if kind.group("bare"):
        bare = kind.group("bare").split()
        head = bare[-1].casefold()
        if (head in _STAFF_NOUNS or v.person_plural(head) and head not in v.go_betweens) and \
                all(w.islower() for w in bare[1:]) and bare[0].casefold() not in _POSSESSIVE_DETS and \
                not _GENERIC_PLACE_RX.match(text, kind.end("bare")) and \
                not outlet_of(text[kind.end("bare"):kind.end("np")], v):
            return kind.start(), kind.end("np")  # "Staff at the hospital told the Herald", "Shop owners on the
            # square said": nobody named
        return None
    head = kind.group("head").casefold()
    if (v.person_noun(head) or v.person_plural(head)) and head not in v.go_betweens and head not in v.vague_nouns:
        return kind.start(), kind.end("np")  # (a vague noun's phrase, "a source close to the talks", is read apart)
    if head in v.vague_nouns and re.search(r"\s(?:on|in|at|from)\s+(?:the\s+)?[A-Z]|\sfamiliar\s+with\s", kind.group("np")):
        return kind.start(), kind.end("np")  # "Several traders on Mill Street said": not the street's words
    return None


# a paper's edition as a subject ("Halmark Tidende's English edition quoted her")
_EDITION_LEFT_RX = re.compile(r"(?<![\w'’])(?:[Tt]he\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}['’]s?\s+(?:(?:English|"
                              r"international|online|foreign|weekend|Sunday)\s+)?edition\s*\Z")
# an outlet, a comma and a relative clause before its verb ("The Courier, which had a reporter there, quoted")
_WHICH_LEFT_RX = re.compile(r"(?P<np>(?:[Tt]he\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4}),\s+which\s+[^,;:.!?\"]{3,100},\s*\Z")


_ONE_WHO_LEFT_RX = re.compile(r"(?:^|(?<=[\n.!?;:,\u2014(]))\s*(?P<np>(?:[Oo]ne|[Aa]n?|[Aa]nother)\s+"
                              # (session 35: a capitalised word of where they are from, "A Talmerian contact who")
                              r"(?:[A-Z][a-z]+\s+)?(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\Z")


def _np_left(text: str, end: int, lo: int, v: Vocab) -> Span | None:
    """The subject noun phrase that ends right before ``end`` (skipping adverbs and a parenthetical); none when
    the phrase is the object of a participle ("The union representing border guards said": not the guards)."""
    np = _np_left_words(text, end, lo, v)
    if np is not None and np[0] > lo and _PARTICIPLE_LEFT_RX.search(text, max(lo, np[0] - 30), np[0]):
        return None
    return np


_PARTICIPLE_LEFT_RX = re.compile(r"(?<![\w-])(?:representing|employing|supporting|advising|defending|"
                                 r"backing|leading|including|joining|helping|hiring)\s+(?:[a-z][\w-]*\s+){0,2}\Z")


def _np_left_words(text: str, end: int, lo: int, v: Vocab) -> Span | None:
    """``_np_left`` before its check of a participle on the left."""
    pos = end
    paren = _PAREN_LEFT.search(text, max(lo, end - 40), end)
    if paren:  # "Ana Ruiz (left) said", "Sen. Ana Ruiz (D-Vell) said": a short note in brackets after the name
        pos = paren.start()
    # skip adverbs/auxiliaries between subject and verb ("POLITICO first reported", "Reuters exclusively
    # reported", "the agency had earlier reported"): the listed words and any adverb in -ly
    while True:
        t = _TIME_LEFT_RX.search(text, lo, pos)  # "Reports earlier this week suggested"
        if t:
            pos = t.start()
            continue
        m = re.search(r"(\w+)\s*$", text[lo:pos])
        if m and m.group(1).casefold() in ("are", "were", "is", "was") and re.match(r"\s*[a-z]+ing\b", text[pos:pos + 20]):
            pos = lo + m.start()  # (session 33) "Diplomatic sources are saying": the progressive's auxiliary
            continue
        if m and (m.group(1).casefold() in _STOP_LEFT or
                  (m.group(1).islower() and len(m.group(1)) > 4 and m.group(1).endswith("ly")
                   and m.group(1) not in ("only", "early", "family", "rally", "ally", "italy", "july"))):
            pos = lo + m.start()
            continue
        break
    anon = _ANONYMITY_LEFT_RX.search(text, max(lo, pos - 220), pos) or \
        _ANONYMITY_SET_OFF_LEFT_RX.search(text, max(lo, pos - 300), pos)
    if anon and re.search(r"(?:^|[,;:.!?\n\u2014(])\s*$", text[max(0, anon.start() - 3):anon.start()]) or \
            anon and anon.start() <= lo:
        return anon.span("np")  # "A rescue official who asked not to be named because ... said": no one named
    kind = _of_kind_left(text, lo, pos, v)
    if kind:
        return kind
    if " who " in text[max(lo, pos - 90):pos]:
        # "A diplomat who requested anonymity said", "two officers who saw the crash told": the subject is the
        # person before a relative clause with no commas round it, when a common noun names that person
        rel = _RELATIVE_LEFT.search(text, max(lo, pos - 90), pos)
        head = _np_left(text, rel.start(), lo, v) if rel else None
        if head and text[head[0]:head[1]].casefold() in ("people", "those", "others"):
            return head[0], rel.end() - len(rel.group()) + len(rel.group().rstrip())  # "People who have sat on ..."
        if head and _person_head(text[head[0]:head[1]], v):
            return head
        if rel and rel.group().lstrip().lower().startswith("who"):
            # (session 33) "One integrator who has bid for border contracts said": one unnamed person of a kind,
            # whatever the noun ("who" makes a person), opening the clause
            one = _ONE_WHO_LEFT_RX.search(text, max(lo, rel.start() - 60), rel.start())
            if one:
                return one.span("np")
    seg = text[lo:pos]
    edition = _EDITION_LEFT_RX.search(text, max(lo, pos - 80), pos)
    if edition:
        return edition.start(), edition.end() - len(edition.group()) + len(edition.group().rstrip())
    which = _WHICH_LEFT_RX.search(text, lo, pos)
    if which and outlet_of(text[which.start("np"):which.end("np")], v):
        # "The Brindle Courier, which had a reporter at the hearing, quoted": an outlet before its relative
        # clause (a name that is no outlet stays unread: "Tor, which Vellcorp had bought, published")
        return which.start("np"), which.end("np")
    # a parenthetical ", speaking during ..., said": jump back over it
    if re.search(r",\s*$", seg):
        # (or an adverb set off by commas: "Critics, however, argue")
        inner = re.search(r"(\w[^,]*?),\s*(?:speaking|addressing|writing|answering|responding|"
                          r"according|in|at|during|while|who|however|though|meanwhile|too|also|instead|"
                          # (session 35: "Local shop owners, some of whom have traded there for decades, said")
                          r"for|by|citing|quoting|(?:some|many|most|all|several|none|both)\s+of\s+whom|"
                          # (session 35: "One woman, clutching her son's contract, sobbed:")
                          r"[a-z]{3,}ing)\b[^,]*,\s*$", seg)
        if inner:
            pos = lo + inner.start() + len(inner.group(1))
            kind = _of_kind_left(text, lo, pos, v)  # "A member of the delegation, who asked not to be named,"
            if kind:
                return kind
            aged = _NAME_THEN_AGE.search(text[lo:pos] + ",")
            if aged and aged.group(1).split()[0].casefold() not in _DETS:
                pos = lo + aged.end(1)  # (session 34) "Greta Holm, 58, who took the pills for months, told"
        else:
            name_at = _apposed_subject(seg, v)
            if name_at is None:
                return None
            pos = lo + name_at
    words = list(_WORD.finditer(text, lo, pos))
    start = None
    i = len(words) - 1
    # the words must be contiguous with pos (only spaces between)
    if not words or text[words[-1].end():pos].strip():
        return None
    while i >= 0:
        w = words[i]
        tok = w.group()
        low = tok.casefold().rstrip("'’s") if tok.endswith(("'s", "’s")) else tok.casefold()
        gap = text[w.end():words[i + 1].start()] if i + 1 < len(words) else ""
        if gap.strip():
            break
        if start is None and low in v.pronouns:
            start = w.start()
            break
        if (low in _PRONOUNS_SKIP or _CONTRACTION.fullmatch(tok)) and start is None:
            return None  # "it", "You'll": no source
        if start is not None and low in _PARTICLES_LEFT and i > 0 and words[i - 1].group()[:1].isupper() and \
                not text[words[i - 1].end():w.start()].strip():
            start = w.start()  # "Faisal bin Adel", "Luiz da Silva": a particle between two words of a name
            i -= 1
            continue
        if start is not None and low in _SENTENCE_OPENERS and _opens_sentence(text, w.start(), lo):
            break  # "But Vaughan cautioned that ...": a conjunction or adverb opening the sentence is no name
        if tok[:1].isupper() or _PREFIXED.match(tok) or tok[:1].isdigit() and tok[:1] == "1" or \
                (start is None and tok.islower() and v.source_rx.fullmatch(tok)) or \
                v.title_rx.fullmatch(tok) or low in v.vague_nouns or low in v.institution_words \
                or (start is None and v.media_noun_rx.fullmatch(tok)) \
                or (start is None and (v.person_noun(tok) or v.person_plural(tok))):
            # ("a Norland newspaper reported", "the coroner said", "union leaders warned")
            start = w.start()
            i -= 1
            continue
        if low in _DETS and start is not None:
            if low == "that" and text[start:start + 1].isupper():
                break  # "said that Vos had promised": the conjunction, before a name no demonstrative precedes
            start = w.start()
            break
        if start is not None and _INDEFINITE.match(tok + " "):
            start = w.start()  # ", one analyst said": the indefinite word belongs to its noun
            break
        if low in v.vague_modifiers and start is not None:
            start = w.start()
            i -= 1
            continue
        head_is_role = start is not None and (v.title_rx.fullmatch(words[-1].group()) is not None or
                                              words[-1].group().casefold() in v.institution_words or
                                              v.person_noun(words[-1].group()))
        if head_is_role and low not in _NOT_MODIFIERS:
            # "the fire chief", "The Norland prime minister": up to three words between "the" and a role
            # say whose role it is
            det = next((k for k in range(i, max(-1, i - 4), -1) if words[k].group().casefold() == "the"), None)
            if det is not None and not text[words[det].start():words[-1].end()].count("\n") and all(
                    (x.group().isalpha() or x.group()[:1].isupper() or _POSSESSIVE_WORD.fullmatch(x.group()))
                    and x.group().casefold() not in _NOT_MODIFIERS
                    and not text[x.end():words[k + 1].start()].strip()
                    for k, x in enumerate(words[det + 1:i + 1], start=det + 1)):
                start = words[det].start()
                break
        if start is not None and tok.islower() and tok.isalpha() and text[start:words[-1].end()].islower() and \
                low not in _NOT_MODIFIERS:
            # "A palace aide", "two army officers": one or two plain nouns between an indefinite
            # determiner and the head name no one either; "the fire chief", "the ferry captain": between
            # "the" and a role they say whose role it is
            for back in (1, 2):
                if i - back < 0 or text[words[i - back].end():words[i - back + 1].start()].strip():
                    break
                prev = words[i - back].group()
                if _INDEFINITE.match(prev + " ") or (prev.casefold() == "the" and head_is_role):
                    start = words[i - back].start()
                    break
                if not (prev.islower() and prev.isalpha()) or prev in _NOT_MODIFIERS:
                    break
        break
    if start is None or text[start:words[-1].end()].casefold() in _DETS:
        return None  # "The first reported case": a determiner alone is no subject
    # "The President of Ukraine told", "the prime minister of Norland said": the role of the place named
    of = _ROLE_OF_LEFT_RX.search(text, lo, start)
    if of and text[start:start + 1].isupper() and v.title_rx.fullmatch(of.group("title")):
        start = of.start()
    # "the U.S. Attorney's Office for the Western District of New York announced": a body named with its
    # district or place is the body, not the place
    body = _BODY_OF_LEFT_RX.search(text, max(lo, start - 120), start) if text[start:start + 1].isupper() else None
    if body and body.group("head").casefold() in v.institution_words:
        start = body.start()
    if words[-1].group().islower() and v.media_noun_rx.fullmatch(words[-1].group()) and \
            not _INDEFINITE.match(text[start:words[-1].end()]) and \
            not v.title_rx.fullmatch(words[-1].group()) and words[-1].group().casefold() not in v.vague_nouns:
        return None  # a media noun heads a subject only as "a Norland newspaper" (the anaphor is read apart)
    if re.match(r"(?:his|her|their)\s", text[start:words[-1].end()], re.IGNORECASE):
        # "Paganini and his team wrote", "Roe and her colleagues said": the one named leads the words
        lead = _LEADER_LEFT_RX.search(text[max(lo, start - 60):start])
        if lead:
            start = max(lo, start - 60) + lead.start(1)
    joined = False
    while not v.title_rx.search(text[start:words[-1].end()]):  # "The United States, Europe, and Canada"
        link = r"(?:,\s*and|\s+and)" if not joined else ","
        m = re.search(rf"((?:(?:the|The)\s+)?{_CAP}(?:\s+{_CAP}){{0,3}}){link}\s+$", text[lo:start])
        if not m or not text[start:start + 1].isupper():
            break
        start, joined = lo + m.start(1), True
    return start, words[-1].end()


_BODY_OF_RX = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}(?P<head>[A-Z][a-z]+)\s+(?:for|of)\s+(?:the\s+)?[A-Z]")
_BODY_OF_LEFT_RX = re.compile(
    r"(?:(?<![\w-])[Tt]he\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}(?P<head>[A-Z][a-z]+)\s+(?:for|of)\s+(?:the\s+)?"
    r"(?:[A-Z][\w.'’-]*\s+){0,4}?(?:(?:of|for)\s+(?:the\s+)?)?\Z")


def _np_right(text: str, start: int, hi: int, max_words: int = 8) -> Span | None:
    """The noun phrase starting at ``start``: up to punctuation or a clause word."""
    m = re.match(r"\s*", text[start:hi])
    pos = start + (m.end() if m else 0)
    words = list(_WORD.finditer(text, pos, hi))
    end = None
    for n, w in enumerate(words[:max_words]):
        gap = text[(end if end is not None else pos):w.start()]
        if gap.startswith(".") and n > 0 and not gap[1:].strip() and title_abbreviation(words[n - 1].group()) and \
                w.group()[:1].isupper():
            gap = gap[1:]  # "Lt. Matt Harris", "Gov. Eric Holm": the abbreviation's full stop ends no phrase
        if re.search(r"[,.;:!?\"()\[\]]", gap):
            break
        tok = w.group().rstrip(".")
        if n > 0 and tok.casefold() in _CLAUSE_STOP:
            break
        if n > 0 and tok.endswith("ing") and tok.islower() and text[end - 1:end].isalpha() and \
                text[words[n - 1].start()].isupper():
            break  # a participle after a name opens a clause: "the Harbour Daily using generative AI"
        end = w.start() + len(tok)
    if end is None:
        return None
    return pos, end


# -- extraction --------------------------------------------------------------------------------------


@dataclass
class _Cand:
    att: Attribution
    speaker: str | None = None  # the original speaker of a relayed statement


def _patterns(v: Vocab) -> dict[str, re.Pattern]:
    """The extraction's patterns, compiled once per vocabulary (never per article)."""
    cached_rx = getattr(v, "_patterns", None)
    if cached_rx is not None:
        return cached_rx
    vague_rx = _phrase_rx(v.vague_phrases)
    accord_rx = re.compile(r"(?<!\w)(?:according\s+to|in\s+the\s+words\s+of)\b", re.IGNORECASE)
    verbs = longest_first(v.reporting_verbs | v.beside_quote_verbs | v.relay_verbs | v.outlet_verbs | v.stance_verbs)
    verb_rx = re.compile(r"(?<![\w-])(?:" + "|".join(r"\s+".join(map(re.escape, x.split())) for x in verbs)
                         + r")(?![\w-])", re.IGNORECASE)
    relay_by_rx = re.compile(
        r"(?<!\w)(?:(?:broadcast|aired|translated|quoted|reported|relayed|published|cited|streamed|"
        r"carried|transcribed)\b[^,.;\"]*?\bby|in\s+an\s+interview\s+(?:with|to)|citing|told"
        # words given to an outlet: "said in a separate statement to Rolling Stone", "in an email sent to Reuters"
        r"|in\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:statement|note|e-?mail|message|letter|"
        r"comments?|remarks?)\s+(?:(?:sent|emailed|provided|given|released)\s+)?to"
        r"|(?:sent|emailed|provided)\s+to"
        r"|(?:broadcast|aired|televised|carried|streamed|shown)\s+(?:live\s+)?on)\s+",
        re.IGNORECASE)

    relay_phrase_rx = _phrase_rx(v.relay_phrases + v.signoff_phrases)
    signoff_rx = _phrase_rx(v.signoff_phrases)
    vague_src_rx = re.compile(r"(?<!\w)(?:" + _alts(v.vague_sources) + r")\s+(?:" + _alts(v.vague_links)
                              + r")(?!\w)", re.IGNORECASE)
    # crowd opinion: find the (rare) opinion verb first, then read its left context
    opinion_rx = re.compile(r"(?<!\w)(?:" + _alts(v.opinion_verbs) + r")(?!\w)", re.IGNORECASE)
    crowd_left_rx = re.compile(
        r"(?<!\w)(?:(?:" + _alts(v.vague_quantifiers) + r")\s+(?:(?:[\w-]+\s+){0,2}(?:"
        + _alts(v.vague_nouns) + r")\s+|(?:in|within|among)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+"
        r"|of\s+(?:the|his|her|their|its|[\w.-]+['’]s)\s+(?:[\w'’.-]+\s+){0,2}?(?:"
        + _alts(v.vague_nouns) + r"|[a-z]+s)\s+)?"
        r"|(?-i:[A-Z][\w.-]*\s+){0,2}(?:" + _alts(v.vague_nouns) + r")\s+)"
        r"(?:(?:have|has|had)\s+(?:long\s+|also\s+)?)?(?:(?-i:[a-z]+ly)\s+)?\Z",  # "many have perceived"
        re.IGNORECASE)  # ("officials privately blame")
    with_rx = re.compile(r"(?<!\w)with\s+\Z", re.IGNORECASE)
    # a vague agent of a verb of naming ("labelled ... by Western analysts") and an agentless passive of
    # report or belief ("is believed to be", ", reported to have")
    agent_rx = re.compile(r"(?<!\w)(?:" + _alts(v.vague_agent_verbs) + r")\b[^.;:!?]{0,60}?\bby\s+",
                          re.IGNORECASE)
    # a judgement received from a group ("won high marks from many commentators"): read like an agent
    reception_rx = re.compile(r"(?<!\w)(?:" + _alts(v.reception_verbs) + r")\s+(?:[\w-]+\s+){0,3}?(?P<n>(?:"
                              + _alts(v.reception_nouns) + r"))\s+from\s+", re.IGNORECASE) \
        if v.reception_verbs and v.reception_nouns else re.compile("(?!)")
    # a crowd's reading with no agent: "was widely seen as", ", widely viewed as", "is generally expected to"
    crowd = r"(?:" + _alts(v.crowd_adverbs) + r")\s+(?:" + _alts(v.crowd_verbs) + r")"
    be = r"(?<!\w)(?:is|are|was|were|been|being|be)\s+(?:also\s+|now\s+|still\s+)?"
    bare = (r"|(?:" + be + r"|(?<=,\s))(?P<c>(?:" + _alts(v.crowd_bare_verbs) + r")\s+as)(?!\w)"
            if v.crowd_bare_verbs else "")  # the verb alone, right before "as": "is seen as", ", viewed as"
    crowd_rx = re.compile(
        r"(?:" + be + r"(?P<a>" + crowd + r")(?!\w)|(?<!\w)(?P<b>" + crowd + r")\s+(?:as|to)(?!\w)" + bare + ")",
        re.IGNORECASE) if v.crowd_adverbs and v.crowd_verbs else re.compile("(?!)")
    evidence_rx = re.compile(
        r"(?<![\w-])(?:(?:some|other|several|many|recent|new|previous|earlier|more|most|the|such)\s+)?(?:"
        + (_alts(v.evidence_nouns) or "(?!)") + r")\s+(?:also\s+|have\s+|has\s+|had\s+)?(?:"
        + (_alts(v.evidence_verbs) or "(?!)") + r")(?![\w-])", re.IGNORECASE)
    passive_rx = re.compile(
        r"(?:(?<!\w)(?:is|are|was|were|been|being)\s+(?:widely\s+|also\s+|now\s+|long\s+|still\s+)?|(?<=,)\s*"
        r"|(?<!\w)(?:still|widely|long)\s+)"  # "hostages still believed to be held": a reduced relative
        r"(?:" + _alts(v.vague_passives) + r")\s+to\s+(?!(?:the|a|an|his|her|their|its|our|my|me|him|them|us|"
        r"reporters|journalists|police|lawmakers)\b)[a-z]+\b", re.IGNORECASE)

    # a crowd's reading in the active voice: the verb, its object (no clause break, no "as"), then "as", but
    # not an "as" that opens a clause ("saw the smoke as they left", "as soon as")
    reading_rx = re.compile(
        r"(?<!\w)(?:" + _alts(v.crowd_reading_verbs) + r")\s+(?:(?!as\b)[^\s.;:!?,\"\u201c\u201d]+\s+){1,8}?"
        r"as(?!\w)(?!\s+(?:they|he|she|we|i|you|soon|long|well|if|though|of)\b)",
        re.IGNORECASE) if v.crowd_reading_verbs else re.compile("(?!)")
    v._first = {"verb_rx": first_words(verbs), "vague_rx": first_words(v.vague_phrases),
                "title_rx": first_words(v.titles + v.title_modifiers),
                "relay_phrase_rx": first_words(v.relay_phrases + v.signoff_phrases),
                "opinion_rx": first_words(v.opinion_verbs),
                "crowd_rx": first_words(v.crowd_adverbs) | first_words(v.crowd_bare_verbs)
                | {"is", "are", "was", "were", "been", "being", "be"}}
    # a stance verb counts only after an unnamed or vague subject: the word before it must be a vague noun,
    # a title, an adverb the subject may be separated by, or a name (read cheaply before the subject is)
    v._stance_before = frozenset({n.split()[-1] for n in v.vague_nouns} | {t.split()[-1].casefold() for t in v.titles}
                                 | _STOP_LEFT)
    v._patterns = {
        "vague_rx": vague_rx,
        "accord_rx": accord_rx,
        "verb_rx": verb_rx,
        "relay_by_rx": relay_by_rx,
        "relay_phrase_rx": relay_phrase_rx,
        "signoff_rx": signoff_rx,
        "vague_src_rx": vague_src_rx,
        "opinion_rx": opinion_rx,
        "crowd_left_rx": crowd_left_rx,
        "with_rx": with_rx,
        "agent_rx": agent_rx,
        "reception_rx": reception_rx,
        "passive_rx": passive_rx,
        "evidence_rx": evidence_rx,
        "crowd_rx": crowd_rx,
        "reading_rx": reading_rx,
    }
    return v._patterns


def extract_attributions(doc) -> list[Attribution]:
    v = vocab()
    text = doc.norm
    persons = _persons(doc, v)
    out: list[Attribution] = list(_credits(doc, v))
    credit_spans = [(a.start, a.end) for a in out if a.kind == "credit"]
    history: list[tuple[int, str]] = []
    outlets: list[tuple[int, str, str]] = []  # (start, outlet, type) of the outlets met so far: "the agency"
    taken: list[Span] = list(credit_spans)

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in taken)

    def add(att: Attribution) -> None:
        out.append(att)
        taken.append((att.start, att.end))
        if att.source_type == "person" and att.kind == "direct" and att.source:
            history.append((att.start, att.source))
        elif att.source_type in _ANAPHOR_TYPES and att.source:
            outlets.append((att.start, att.source, att.source_type))
        if att.source_type == "person" and "s " in text[att.start:att.end]:
            # "according to Harbour One TV's court correspondent Hannah Breck": the journalist's outlet is
            # one "the broadcaster" may point back to
            for m in _OUTLET_POSSESSOR_RX.finditer(text, att.start, att.end):
                outlet = outlet_of(m.group(1), v)
                jm = v.journalist_rx.match(text[m.start(1):m.end()].strip())
                if outlet and outlet[1] in _ANAPHOR_TYPES and jm and jm.group("pre"):
                    outlets.append((att.start, outlet[0], outlet[1]))

    def relay_to(addressee: tuple[tuple[str, str], int] | None, start: int, cue: str) -> None:
        """The outlet an unnamed source spoke to relays its words ("A source told Reuters"): from ``start``
        to the end of the outlet's name, when those words are free."""
        if addressee and free(start, addressee[1]):
            (name, stype), end = addressee
            add(Attribution(source=name, kind="relayed", start=start, end=end, cue=cue, chain=[name], hops=2,
                            source_type=stype))

    for att in _provenance(doc, v, persons):
        if free(att.start, att.end):  # its own form: the guard may read an unclosed post as one quotation
            add(att)

    P = _patterns(v)
    vague_rx = P["vague_rx"]
    accord_rx = P["accord_rx"]
    verb_rx = P["verb_rx"]
    relay_by_rx = P["relay_by_rx"]
    relay_phrase_rx = P["relay_phrase_rx"]
    signoff_rx = P["signoff_rx"]
    vague_src_rx = P["vague_src_rx"]
    opinion_rx = P["opinion_rx"]
    crowd_left_rx = P["crowd_left_rx"]
    with_rx = P["with_rx"]
    agent_rx = P["agent_rx"]
    passive_rx = P["passive_rx"]

    for s0, e0 in doc.sentences:
        if doc.in_boilerplate((s0, e0)) or any(cs <= s0 and e0 <= ce for cs, ce in credit_spans):
            continue

        def quoted(s: int, e: int) -> bool:
            return doc.inside_quotation(s, e)

        # every word-started pattern's matches in the sentence, its words read once for all of them
        m_vague, m_opinion, m_crowd, m_verb, m_relay = scan_many(
            ((vague_rx, "vague_rx"), (opinion_rx, "opinion_rx"), (P["crowd_rx"], "crowd_rx"),
             (verb_rx, "verb_rx"), (relay_phrase_rx, "relay_phrase_rx")), v, text, s0, e0)
        # 1. vague phrases
        for m in m_vague:
            if quoted(*m.span()) or not free(*m.span()):
                continue
            add(Attribution(source=None, kind="vague", start=m.start(), end=m.end(),
                            cue=doc.text[m.start():m.end()], chain=[], hops=0, source_type="unknown"))
        # 1b. an unnamed source with what it knows ("sources familiar with the talks"), crowd opinion
        found = []
        for m in vague_src_rx.finditer(text, s0, e0):
            if m.group().casefold().endswith(("around", "inside")):
                # (session 33) "People around the minister", "sources inside the ministry": a person, a role or a
                # body after it, not "people around the world"
                nxt = re.match(r"\s+(?:(?:the|his|her|their)\s+)?([\w'’-]+)", text[m.end():e0])
                if not nxt or not (nxt.group(1)[:1].isupper() or v.title_rx.fullmatch(nxt.group(1)) or
                                   nxt.group(1).casefold() in v.institution_words):
                    continue
            np = _np_right(text, m.end(), e0, max_words=6)
            end = np[1] if np else m.end()
            verb_in = next((x for x in m_verb if m.end() < x.start() < end), None)
            if verb_in is not None:  # "A source close to the talks told Reuters": the source ends at its verb
                end = m.end() + len(text[m.end():verb_in.start()].rstrip())
            found.append((m.start(), end))
        for m in m_opinion:
            lo = max(s0, m.start() - 80)
            left = crowd_left_rx.search(text, lo, m.start())
            if left:
                if m.group().casefold().endswith("ing"):  # a participle: only in "with many calling it ..."
                    w = with_rx.search(text, max(s0, left.start() - 8), left.start())
                    if not w:
                        continue
                    found.append((w.start(), m.end()))
                    continue
                found.append((left.start(), m.end()))
        for m, at in [*((m, m.start() + m.group().casefold().rfind("by")) for m in agent_rx.finditer(text, s0, e0)),
                      *((m, m.start("n")) for m in P["reception_rx"].finditer(text, s0, e0))]:
            np = _np_right(text, m.end(), e0, max_words=6)
            if np and re.search("[\u2014\u2013]", doc.text[np[0]:np[1]]):  # a dash the normal view folded
                np = (np[0], np[0] + re.search("[\u2014\u2013]", doc.text[np[0]:np[1]]).start())
            agent = doc.text[np[0]:np[1]] if np else ""
            if np and not vague_np(agent, v) and re.search(r"\s+of\s+\S", agent):
                # "accused by critics of favouring ...": the agent ends before what it accuses of
                cut = re.search(r"\s+of\s+\S", agent).start()
                np, agent = (np[0], np[0] + cut), agent[:cut]
            if np and (vague_np(agent, v) or agent.casefold() in {q.casefold() for q in v.vague_quantifiers}
                       or _crowd(agent, v)) and \
                    not re.search(r"(?i)reports?$", doc.text[np[0]:np[1]]):
                found.append((at, np[1]))
        for m in P["reading_rx"].finditer(text, s0, e0):  # "many Canadians have seen the visit as"
            lo = max(s0, m.start() - 80)
            left = crowd_left_rx.search(text, lo, m.start()) or _PEOPLE_SUBJECT_RX.search(text, lo, m.start())
            if left:
                found.append((left.start(), m.end()))
        if "what" in text[s0:e0]:
            for m in _LABEL_RX.finditer(text, s0, e0):  # 'in what is being branded "the biggest shake-up"'
                found.append(m.span())
        for m in _TRANSLATION_RX.finditer(text, s0, e0):  # "the speech translated into English reads"
            found.append(m.span())
        for m in passive_rx.finditer(text, s0, e0):
            fs = m.start() + len(m.group()) - len(m.group().lstrip(" ,"))
            found.append((fs, m.end()))
        for m in P["evidence_rx"].finditer(text, s0, e0):  # "studies show that", "other research suggests"
            found.append(m.span())
        if "reported" in text[s0:e0] or "rumo" in text[s0:e0]:
            for m in _REPORTED_FIGURE.finditer(text, s0, e0):  # "who earns a reported 1.2 million euros"
                found.append(m.span())
        for m in m_crowd:
            g = "a" if m.group("a") else "b" if m.group("b") else "c"
            found.append((m.start(g), m.end()))
        for fs, fe in found:
            if quoted(fs, fe) or not free(fs, fe):
                continue
            if re.search(r"(?<!\w)(?:to|with|from|about)\s+the\s+$", text[max(s0, fs - 12):fs]) and \
                    _ANONYMITY_LEFT_RX.search(text, max(s0, fs - 220), fs + len(text[fs:fe].split()[0])):
                continue  # "A rescue official who asked not to be named because he was not authorised to speak
                # to the media said": the noun is an object in the relative clause; the verb patterns read the
                # subject before it
            add(Attribution(source=None, kind="vague", start=fs, end=fe, cue=doc.text[fs:fe], chain=[],
                            hops=0, source_type="unknown"))
        # 2. "according to X"
        for m in accord_rx.finditer(text, s0, e0):
            if quoted(*m.span()) or not free(*m.span()):
                continue
            np = _np_right(text, m.end(), e0)
            if not np:
                continue
            phrase = doc.text[np[0]:np[1]]
            np, phrase = _via_outlet(doc, np, e0, v)
            if _POSSESSED_ROLE_RX.fullmatch(phrase) or phrase.split()[0].casefold() in _COUNT_WORDS | _SOME_WORDS:
                # "according to his aunt, Jane Roe,", "according to two engineers, Ana Lind and Tor Ek,": the
                # name set off after the role is the source
                named = _apposed_name(text, np[1], e0)
                if named and not text[np[1]:named[0]].strip(" ,"):
                    np, phrase = (np[0], named[1]), doc.text[named[0]:named[1]]
            whose = _DATA_FROM.match(phrase)
            owner = _OWNED_TEXT.fullmatch(phrase)
            rendered = bool(whose) and re.search(r"(?i)\b(?:translation|interpretation)\b", phrase[:whose.start(1)])
            if whose:  # "according to a statement released by the board": whose statement it is is the source
                phrase = whose.group(1)
                full = _np_right(text, np[0] + whose.start(1), e0)  # (the owner read whole: the phrase's
                if full and full[1] > np[1]:  # words ran out at "the Prime Minister's", before "Office")
                    np, phrase = (np[0], full[1]), doc.text[full[0]:full[1]]
            elif owner:  # "according to Kvaale's clip", "the mayor's statement": whose it is
                # (a version of someone's words that the owner made, "the federation's English-language summary
                # of her remarks", "the ministry's readout", is relayed through the owner)
                noun = _VERSION_NOUN_RX.search(phrase, owner.end("owner"))
                rendered = bool(noun)
                if noun and noun.group().casefold() in ("summary", "readout") and \
                        not re.match(r"\s+of\b", phrase[noun.end():] or text[np[1]:np[1] + 4]) and \
                        not _WORDS_IN_RX.search(text, s0, e0):
                    # (session 35) "According to the commission's written summary, the count will be filmed": what
                    # the body's own summary says, no one's words in it, is the body's (first hand)
                    rendered = False
                phrase = owner.group("owner")
            elif _DATA_HEAD.fullmatch(phrase):
                # "according to figures from the health ministry": the phrase stopped at "from"
                by = _FROM_SOURCE.match(text, np[1], e0)
                np2 = _np_right(text, by.end(), e0) if by else None
                if np2:
                    np, phrase = (np[0], np2[1]), doc.text[np2[0]:np2[1]]
            carried = _CARRIED_BY.match(phrase)
            if carried and free(m.start(), np[1]):
                # "according to local officials cited by the Vell Courier": the officials' words, which the
                # outlet carried (vague or first hand, and relayed)
                cut = np[0] + carried.end(1)
                outlet = outlet_of(carried.group(3), v)
                if outlet and not _own_outlet(doc, outlet[0]):
                    add(_classify_np(doc, carried.group(1), m.start(), cut, "according to", persons, history, v,
                                     outlets))
                    at = np[0] + carried.start(2) + len(carried.group(2)) - len(carried.group(2).lstrip())
                    add(Attribution(source=outlet[0], kind="relayed", start=at, end=np[1],
                                    cue=" ".join(carried.group(2).split()), chain=[outlet[0]], hops=2,
                                    source_type=outlet[1]))
                    continue
            if not free(m.start(), np[1]):
                continue  # "according to three people briefed on it": the vague source already read
            att = _classify_np(doc, phrase, m.start(), np[1], "according to", persons, history, v, outlets)
            if rendered and att.kind == "direct" and att.source and not _OWN_SIDE_RX.match(att.source):
                # "according to a translation by Northline": whoever translated the words passed them on
                att.kind, att.hops = "relayed", 2
            add(att)
        # 2b. an outlet's own research ("a Reuters/Ipsos poll found", "An Associated Press review of court filings
        # shows"): the outlet's reporting, relayed here
        if _RESEARCH_HINT.search(text, s0, e0):
            for m in _OUTLET_RESEARCH_RX.finditer(text, s0, e0):
                outlet = outlet_of(m.group("o"), v)
                if outlet and not _own_outlet(doc, outlet[0]) and free(*m.span()) and not quoted(*m.span()) and \
                        _RESEARCH_VERB_RX.search(text, m.end(), e0):
                    add(Attribution(source=outlet[0], kind="relayed", start=m.start(), end=m.end(),
                                    cue=m.group("n"), chain=[outlet[0]], hops=2, source_type=outlet[1]))
        # 3. reporting and relay verbs
        for m in m_verb:
            vs, ve = m.span()
            if quoted(vs, ve) or not free(vs, ve):
                continue
            verb = m.group().casefold()
            if verb in ("reported", "reports", "report") and _REPORTS_TO.match(text, ve, e0):
                continue  # "Vindman reported to him": a line of command, no words relayed
            if verb in ("wrote", "writes", "write") and _WROTE_WORK.match(text, ve, e0) and \
                    not re.search(r"\bthat\b(?!\s+(?:year|summer|spring|autumn|winter|day|week|month|night|"
                                  r"morning|evening|time)\b)|[:\"\u201c\u201d]", text[ve:e0]) and \
                    not re.search(r"[,\"\u201d\u2019']\s*$", text[s0:vs]):  # not '..., wrote Taylor'
                continue  # "before George R.R. Martin wrote A Song of Ice and Fire": a work written, no words
            if verb in ("added", "adds", "add") and _ADDED_THING.match(text, ve, e0) and \
                    not re.search(r"\bthat\b|[:\"\u201c\u201d]", text[ve:e0]):
                continue  # "Clifton added a goal", "added 12 points": a thing added, no words
            hearsay = _SAID_TO_BE.match(text, ve, e0) if verb in ("said", "reported", "believed", "rumoured",
                                                                  "rumored", "alleged") else None
            if hearsay and not _PRONOUN_LEFT.search(text, max(s0, vs - 6), vs):
                # "The man said to have organised the raid", "a fund reported to be worth": hearsay about
                # the subject (a reduced passive), who says nothing; somebody unnamed says so
                if free(vs, hearsay.end()) and not quoted(vs, hearsay.end()):
                    add(Attribution(source=None, kind="vague", start=vs, end=hearsay.end(), cue=m.group(),
                                    chain=[], hops=0, source_type="unknown"))
                continue
            if re.match(r"\s+down\b", text[ve:ve + 6]):
                continue  # (session 35) "which the lawyers in the room wrote down word for word": taking notes
            if verb in ("quoted", "cited") and _BY_NEXT.match(text, ve, e0) and not _SAYING_NEXT.match(text, ve, e0):
                continue  # "Officials quoted by Norpress said": a participle, read with the verb that follows
            if verb == "quoted" and _QUOTED_AS_RX.match(text, vs) and not outlet_of(text[max(s0, vs - 40):vs], v):
                continue  # "her lawyer quoted her as saying": read below, as a relay through the lawyer
            if verb in v.stance_verbs and verb not in v.reporting_verbs | v.beside_quote_verbs | v.relay_verbs | \
                    v.outlet_verbs:
                prev = _LAST_WORD.search(text, max(s0, vs - 30), vs)
                if (not prev or prev.group(1).casefold() not in v._stance_before) and \
                        not _of_kind_left(text, s0, len(text[:vs].rstrip()), v) and \
                        not (verb in v.naming_verbs and _NAMED_AS_QUOTE_RX.match(text, ve, e0)):
                    continue  # "the board rejected": no unnamed or vague subject (but "Diplomats in the capital
                    # fear": a group of a kind, placed)
            if verb != "quoted" and (verb.endswith("ed") or verb in ("told", "said", "written")) and \
                    _PASSIVE_RX.search(text, max(s0, vs - 16), vs) and not re.match(r"\s+by\b", text[ve:e0]):
                continue  # "He was admitted to hospital", "residents were told to leave": the subject speaks not
            subj = _np_left(text, vs, s0, v)
            inverted = False
            if verb in ("according to",):
                continue  # read above, as a phrase
            if m.group()[:1].isupper() and not _headline(doc, vs) and not (
                    verb.endswith("ing") and not text[s0:vs].strip(" \"'\u201c(")):
                continue  # "the United States": a capitalised verb form is a name, except in a headline
            if subj is None and _invertible(verb, v) and re.search(r"[,\"]\s*$", text[s0:vs]):
                subj = _np_right(text, ve, e0, max_words=7)
                if subj and subj[1] + 1 >= e0 and text[subj[1]:subj[1] + 1] == "." and \
                        title_abbreviation(text[subj[0]:subj[1]].split()[-1]):
                    # the sentence splitter broke after "Lt.": the name goes on in the next "sentence"
                    nxt = doc.sentence_at(e0 + 1) or doc.sentence_at(e0)
                    subj = _np_right(text, ve, max(e0, nxt[1] if nxt else e0), max_words=7)
                inverted = subj is not None and _inverted_subject(doc.text[subj[0]:subj[1]], v)
                if inverted and verb in v.relay_verbs and verb not in v.reporting_verbs | v.beside_quote_verbs and \
                        not re.search(r"[\"\u201d]\s*,?\s*$", text[s0:vs]) and \
                        not outlet_of(doc.text[subj[0]:subj[1]], v) and (
                            vague_np(doc.text[subj[0]:subj[1]], v) or not doc.text[subj[0]:subj[0] + 1].isupper()):
                    inverted = False  # "Tor, acquired by X, published Scholars": a book, not "..., reported Reuters"
                if not inverted:
                    subj = None
            if subj is None and not inverted and any(
                    a.kind == "vague" and s0 <= a.start and a.end <= vs and not text[a.end:vs].strip() for a in out):
                # "two people with knowledge of the matter told Norpress": the vague source read already is the
                # subject, and the outlet it spoke to relays its words
                relay_to(_addressee(doc, ve, e0, v), vs, m.group())
                continue
            if subj is None:
                # "Observers at the meeting called", "experts in the field say": an unnamed group before a
                # place or setting of common words (a named one, "Analysts in Washington", is read below)
                group = _GROUP_AT_RX.search(text, max(s0, vs - 70), vs)
                if group and group.group(1).casefold() in v.vague_nouns and free(group.start(1), ve) and \
                        not quoted(group.start(1), ve):
                    add(Attribution(source=None, kind="vague", start=group.start(1), end=ve, cue=m.group(),
                                    chain=[], hops=0, source_type="unknown"))
                continue
            lead = _LEAD_CONJ_RX.match(text, subj[0], subj[1])
            if lead:  # "Though Trump said", "As Reuters explained": the subject follows the conjunction
                if lead.end() >= subj[1]:
                    # "As reported, ...", "As previously reported,": no one named, so vague; "As reported by
                    # Reuters" is read as a relay by the cue after it ("If confirmed, ...", "Once announced,": a
                    # condition or a time, no one's report)
                    if re.match(r"\s*,", text[ve:ve + 3]) and free(subj[0], ve) and \
                            text[subj[0]:lead.end()].strip().casefold() == "as":
                        add(Attribution(source=None, kind="vague", start=subj[0], end=ve, cue=m.group(),
                                        chain=[], hops=0, source_type="unknown"))
                    continue
                subj = (lead.end(), subj[1])
            if not inverted:
                subj = _past_title_object(text, s0, subj, v)
                conj = _LAST_CONJUNCT.search(text, subj[0], subj[1])
                if conj:  # "Kurt Volker, former envoy to Kyiv, and Tim Morrison, an aide, testified": the words
                    subj = (conj.start(1), subj[1])  # of both; the one named last stands for them
            phrase = doc.text[subj[0]:subj[1]]
            if not inverted and _QUESTION_AUX.search(text, max(s0, subj[0] - 12), subj[0]) and \
                    text[s0:e0].rstrip().endswith("?"):
                continue  # "What did the prosecutors say?": a question about words, no words reported
            if not inverted:
                # "Allies of Mayor Roe have argued", "aides to the governor said": the speakers are the
                # unnamed group, not the person named after it
                group = _GROUP_OF_RX.search(text, s0, subj[0])
                someone = _SOMEONE_LEFT.search(text, max(s0, subj[0] - 30), subj[0])
                if someone and free(someone.start(), ve):
                    # "Someone at the council told us": the speaker is whoever it was, the council is where
                    add(Attribution(source=None, kind="vague", start=someone.start(), end=ve, cue=m.group(),
                                    chain=[], hops=0, source_type="unknown"))
                    continue
                head = _HEAD_OF_LEFT.search(text, max(s0, subj[0] - 60), subj[0])
                if head and head.group(1).casefold() not in v.vague_nouns | _SPEAKS_FOR and \
                        free(head.start(), subj[0]) and (
                        v.person_noun(head.group(1)) or v.title_rx.fullmatch(head.group(1))):
                    # "The mother of the victim said", "A lawyer for Ana Ruiz said": the person the noun names
                    # speaks, not the one named after it
                    subj, group = (head.start(), subj[1]), None
                    phrase = doc.text[subj[0]:subj[1]]
                if group and (group.group(1).casefold() in v.vague_nouns or not free(group.start(1), subj[0])):
                    # (or one read already as a vague phrase: "People close to the admiral said")
                    if free(group.start(1), ve):
                        add(Attribution(source=None, kind="vague", start=group.start(1), end=ve, cue=m.group(),
                                        chain=[], hops=0, source_type="unknown"))
                    # ("Allies of the admiral told Reuters": and the outlet relays)
                    relay_to(_addressee(doc, ve, e0, v), _SPACES.match(text, ve).end(), m.group())
                    continue  # read already as an unnamed source ("sources close to X"): X is not the speaker
            if not _looks_like_subject(phrase, v):
                continue
            if not inverted and (phrase.casefold() in ("others", "staff", "this", "that", "these", "those") or
                                 len(phrase.split()) == 1 and phrase[:1].isupper() and
                                 _PP_OBJECT_LEFT.search(text, max(s0, subj[0] - 12), subj[0])):
                continue  # "Others reported being logged off", "Staff Reports", "those with BED reported": no source
                # (but "with some reports suggesting" is vague sourcing)
            if verb in v.stance_verbs and verb not in v.reporting_verbs | v.beside_quote_verbs | v.relay_verbs | \
                    v.outlet_verbs and not (verb in v.naming_verbs and not inverted and
                                            _NAMED_AS_QUOTE_RX.match(text, ve, e0) and not _vague_subject(phrase, v)):
                # "an official spokesperson demanded", "critics countered": a position held by nobody named (but
                # "the mayor dismissed the report as "nonsense"": a named person's words, read below)
                # (not "protesters responded with violence": people at the scene act, they hold no position)
                if not inverted and _vague_subject(phrase, v) and free(subj[0], ve) and \
                        phrase.casefold().split()[-1] not in v.scene_people:
                    add(Attribution(source=None, kind="vague", start=subj[0], end=ve, cue=m.group(), chain=[],
                                    hops=0, source_type="unknown"))
                continue
            if verb in v.beside_quote_verbs and verb not in v.reporting_verbs | v.relay_verbs and \
                    not _beside_quote(text, s0, e0, min(subj[0], vs), max(subj[1], ve)) and \
                    not (verb in v.naming_verbs and not inverted and _NAMED_AS_QUOTE_RX.match(text, ve, e0)) and \
                    not (verb not in _CONTINUE and not inverted and _vague_subject(phrase, v) and (
                        verb not in v.naming_verbs or _source_head(phrase) in v._stance_before or
                        _ANONYMITY_WORDS_RX.search(text, subj[0], vs))) and \
                    not (not inverted and _TOLD_VERB_RX.search(verb) and _addressee(doc, ve, e0, v)):
                continue  # "Russia continued the offensive": no speech reported (but "experts suggest ...",
                # and "confirmed the split to the Harbour Courier": said to an outlet)
            declared = None  # an outlet the subject names by its kind
            if not inverted:
                if _kind_noun(phrase):
                    # "Yonhap news agency noted", "the Harbour Times newspaper said": an outlet's name before
                    # the lower-case noun of its kind
                    pre = _NAME_BEFORE_KIND.search(text, max(s0, subj[0] - 60), subj[0])
                    declared = outlet_of(pre.group(1), v) if pre else None
                    if declared:
                        subj = (pre.start(1), subj[1])
                        phrase = doc.text[subj[0]:subj[1]]
                elif not outlet_of(phrase, v) or (_CALL_SIGN_RX.fullmatch(phrase.strip()) and
                                                  not v.source_rx.fullmatch(phrase.strip())):
                    # "state broadcaster VTV said", "the tabloid Bildo said": a name the vocabulary does not know,
                    # set after the lower-case noun of its kind, is that outlet
                    kind = _kind_before(text, max(s0, subj[0] - 60), subj, v)
                    if kind:
                        declared, subj = kind
                        phrase = doc.text[subj[0]:subj[1]]
                declared = declared or _outlet_anaphor(phrase, subj[0], outlets)  # "The agency said"
                poss = _OUTLET_STAFF_RX.match(phrase)
                if not declared and poss:  # "The Harbour Courier's Mia Lund said", "CNBC's David Faber said"
                    declared = outlet_of(poss.group(1), v)
            cs, ce = (vs, subj[1]) if inverted else (subj[0], ve)
            tail_end = _setting_tail(text, ce, e0) if not inverted else ce
            source, stype = declared or _resolve(phrase, subj[0], persons, history, v)
            if verb in v.outlet_verbs and verb not in v.reporting_verbs | v.beside_quote_verbs | v.relay_verbs:
                if verb in _OWN_FINDINGS and _own_outlet(doc, _DET_RX.sub("", phrase.strip())):
                    # "The Klaxon understands the board met twice" in the Klaxon's own story: its informants,
                    # whom it does not name
                    add(Attribution(source=None, kind="vague", start=cs, end=ce, cue=m.group(), chain=[], hops=1,
                                    source_type=None))
                    continue
                if stype not in ("agency", "broadcaster", "media") or _own_outlet(doc, source):
                    continue  # "which the Courier sees as": only an outlet's reading is relayed
                add(Attribution(source=source, kind="relayed", start=cs, end=ce, cue=m.group(), chain=[source],
                                hops=2, source_type=stype))
                continue
            # "Mayor Roe, speaking to Vell TV, said", "A senior aide, in an interview with the Courier, said":
            # an outlet named in the parenthesis between the subject and its verb carried the words
            gap = None if inverted else _relay_between(doc, [x for x in m_relay if subj[1] <= x.start() < vs],
                                                       vs, v)
            by = None if inverted or gap else _PARTICIPLE_BY_LEFT.search(text, s0, subj[0])
            # (a name the vocabulary does not know carries the words only when it quoted or cited them: "reached
            # by", "interviewed by" an unknown name is as likely the article's own reporter)
            carrier = (outlet_of(phrase, v) or ((_DET_RX.sub("", phrase), "media") if _unlisted_name(
                phrase, persons, v) and by.group()[:1].casefold() in "qc" else None)) if by else None
            head = _np_left(text, by.start(), s0, v) if by else None
            if head and _looks_like_subject(doc.text[head[0]:head[1]], v):
                # "Officials quoted by Norpress said": the officials speak, and the outlet carried their words;
                # "Residents interviewed by Ana Roe said": the residents speak, whoever interviewed them
                if carrier and not _own_outlet(doc, carrier[0]):
                    gap = (by.start(), subj[1], carrier, " ".join(by.group().casefold().split()))
                subj, phrase = head, doc.text[head[0]:head[1]]
                cs = subj[0]
                source, stype = _resolve(phrase, subj[0], persons, history, v)
            named = _apposed_name(text, subj[1], e0) if inverted and (
                _vague_subject(phrase, v) or re.match(r"(?:his|her|their)\s", phrase)) else None
            if named:  # "said another witness in the inquiry, former adviser Jane Roe": named after all
                source, stype = _resolve(doc.text[named[0]:named[1]], named[0], persons, history, v)
            elif _unnamed(phrase, v):
                stype, source = "unknown", "sources"  # "a senior diplomat said": nobody the reader can check
            last = source.split()[-1] if source and source.split() else ""
            group = stype in ("unknown", "person") and not inverted and not _ANAPHORIC_GROUP.match(phrase) and (
                v.person_plural(last) or (
                source == phrase and len(phrase.split()) == 1 and _opens_sentence(text, subj[0], s0)
                and v.person_plural(last.lower()) and not any(p.name.split()[-1] == last for p in persons)
                and not re.search(rf"(?:[a-z,;]|[A-Z][\w.]*)\s+{re.escape(last)}\b", text)))
            # "union leaders warned", "Farmers said": nobody named ("Democrats said", whom the article
            # capitalises inside a sentence too, are a party; "the doctors said", "his doctors say", "both men
            # claimed": the group the article has named, not vague sourcing)
            if (stype == "unknown" and last.casefold() in v.vague_nouns) or group or (
                    stype == "institution" and last.casefold() in v.vague_nouns and last.islower() and
                    len(phrase.split()) == 2 and not re.search(r"['’]s\b", phrase)):  # "Hospital staff told"
                # an unnamed source whose words an outlet carried: vague, and relayed by the outlet ("A source
                # told Reuters", "Two diplomats, speaking to Vell TV, said"), each on its own words
                addressee = None if inverted or gap else _addressee(doc, ve, e0, v)
                vague_end = subj[1] if gap else ce
                if free(cs, vague_end):
                    add(Attribution(source=None, kind="vague", start=cs, end=vague_end, cue=m.group(), chain=[],
                                    hops=0, source_type="unknown"))
                elif not gap and not addressee:
                    continue  # "media reports indicate": the same subject read once
                if gap and free(gap[0], gap[1]):
                    add(Attribution(source=gap[2][0], kind="relayed", start=gap[0], end=gap[1], cue=gap[3],
                                    chain=[gap[2][0]], hops=2, source_type=gap[2][1]))
                else:
                    relay_to(addressee, _SPACES.match(text, ve).end(), m.group())
                continue
            if gap:
                add(Attribution(source=gap[2][0], kind="relayed", start=cs, end=ce, cue=gap[3],
                                chain=[source, gap[2][0]], hops=2, source_type=gap[2][1]))
                continue
            addressee = None if inverted else _addressee(doc, ve, e0, v)
            if addressee:  # "the minister told the Daily Courier": first hand to that outlet, relayed here
                add(Attribution(source=addressee[0][0], kind="relayed", start=cs, end=addressee[1],
                                cue=m.group(), chain=[source, addressee[0][0]], hops=2,
                                source_type=addressee[0][1]))
                continue
            tail = text[ce:tail_end]
            relay = relay_by_rx.search(tail)
            if relay:
                rnp = _np_right(text, ce + relay.end(), tail_end, max_words=10)
                rphrase = doc.text[rnp[0]:rnp[1]] if rnp else ""
                rout = outlet_of(rphrase, v) if rnp else None
                if not rout and _STATE_BROADCASTER_RX.fullmatch(rphrase.strip()):
                    # "in remarks broadcast on state television": the country's broadcaster, unnamed but one
                    rout = (_DET_RX.sub("", rphrase.strip()), "broadcaster")
                # (told to someone: only an outlet relays; "in a letter to Jane Roe" names an addressee; a
                # statement, a note or an email is given to a publication unless the article names the person)
                rcue = " ".join(relay.group().casefold().split())
                is_told = rcue == "told" or (rcue.endswith(" to") and (" letter " in rcue or not _unlisted_name(
                    rphrase, persons, v)))
                if rout and _own_outlet(doc, rout[0]):
                    rout = None  # "X told Reuters" in Reuters' own story: first hand
                elif not rout and rnp and not is_told and re.search(_CAP, rphrase) and \
                        not any(rphrase.endswith(h) for h in v.institution_heads):
                    rout = (_DET_RX.sub("", rphrase), "media")
                if rout:
                    inter, itype = rout
                    add(Attribution(source=inter, kind="relayed", start=cs, end=tail_end,
                                    cue=doc.text[ce + relay.start():ce + relay.end()].strip(),
                                    chain=[source, inter], hops=2, source_type=itype))
                    continue
            interp = _INTERPRETER_RX.search(tail)
            if interp and stype == "person":
                # "Lula said through an interpreter": the words reach the outlet in the interpreter's rendering
                add(Attribution(source="interpreter", kind="relayed", start=cs, end=tail_end, cue=interp.group(1),
                                chain=[source, "interpreter"], hops=2, source_type="translation"))
                continue
            if verb == "quoted" and not inverted and stype == "person" and \
                    _PASSIVE_RX.search(text, max(s0, vs - 24), vs):
                # "Lee was quoted as saying by the Harbour Courier", "Lee was quoted by Reuters as saying":
                # the outlet relays the person's words
                by = _QUOTED_BY_RX.match(text, ve, e0)
                np = _np_right(text, by.end(), e0, max_words=6) if by else None
                if np:
                    np, ophrase = _via_outlet(doc, np, e0, v)
                    by_name = _AS_SAYING_RX.sub("", ophrase)
                    outlet = outlet_of(by_name, v)
                    if not outlet and len(by_name.split()) == 1 and _unlisted_name(by_name, persons, v):
                        outlet = (by_name, "media")  # "quoted by Norpress as saying": a publication, as after "per"
                    if outlet and not _own_outlet(doc, outlet[0]):
                        add(Attribution(source=outlet[0], kind="relayed", start=cs, end=np[1], cue="quoted by",
                                        chain=[source, outlet[0]], hops=2, source_type=outlet[1]))
                        continue
                    if not outlet and vague_np(by_name, v):
                        # "was quoted as saying by local media": the words reach the article through no one named
                        add(Attribution(source=None, kind="vague", start=cs, end=np[1], cue="quoted by", chain=[],
                                        hops=0, source_type="unknown"))
                        continue
            if verb in ("reports", "report") and _DET_RX.sub("", phrase.strip()).casefold() in v.vague_modifiers:
                # "Unconfirmed reports overnight put the toll higher": an adjective and the noun, no one's reports
                add(Attribution(source=None, kind="vague", start=cs, end=tail_end, cue=m.group(), chain=[], hops=0,
                                source_type="unknown"))
                continue
            if verb in v.relay_verbs:
                speaker = _other_speaker(doc, text, s0, e0, subj, persons, v)
                if not speaker and stype not in ("agency", "broadcaster", "media", "social") and \
                        verb in _REPORTED_FORMS and not inverted and not re.match(r"\s+by\b", text[ve:ve + 4]) and \
                        _unknown_outlet(doc, phrase, persons, v):  # ("Cases reported by the ministry": a participle)
                    source, stype = _DET_RX.sub("", phrase.strip()), "media"
                if not speaker and not inverted:  # "The Vell Herald, citing the mayor, reported"
                    speaker = _citing_between(doc, subj[1], vs, v, add)
                if speaker or stype in ("agency", "broadcaster", "media", "social"):
                    chain = ([speaker] if speaker else []) + [source]
                    add(Attribution(source=source, kind="relayed", start=cs, end=tail_end, cue=m.group(),
                                    chain=chain, hops=len(chain) if speaker else len(chain) + 1,
                                    source_type=stype))
                    continue
            if stype not in ("agency", "broadcaster", "media", "social") and not inverted and \
                    _CITING_NEXT.match(text, ve, e0) and _unknown_outlet(doc, phrase, persons, v):
                # "Norrbladet said, citing the interior ministry, ...": a one-word name that cites a source is
                # an outlet the vocabulary does not know, as one that "reported" is
                source, stype = _DET_RX.sub("", phrase.strip()), "media"
            if stype in ("agency", "broadcaster", "media") and not _own_outlet(doc, source):
                # "Reuters said", "a Daily Courier report said": the outlet relays what it was told
                origin = _citing_origin(doc, tail_end, e0, v)
                if origin is None and not inverted:  # "Reuters, citing the ministry, reported"
                    origin = _citing_between(doc, subj[1], vs, v, add)
                chain = ([origin] if origin else []) + [source]
                add(Attribution(source=source, kind="relayed", start=cs, end=tail_end, cue=m.group(),
                                chain=chain, hops=len(chain) if origin else 2, source_type=stype))
                continue
            principal = _principal_before(out, text, s0, cs, source) if stype == "person" and \
                verb in v.reporting_verbs and _CLOSES_SENTENCE.match(text, tail_end, e0) else None
            if principal:
                # "Vos said the allies would not waver, Hrad wrote.": one person's account of another's words,
                # closing the sentence, relays them (as "..., lawmaker Hrad reported" does)
                add(Attribution(source=source, kind="relayed", start=cs, end=tail_end, cue=m.group(),
                                chain=[principal, source], hops=2, source_type=stype))
                continue
            add(Attribution(source=source, kind="direct", start=cs, end=tail_end, cue=m.group(),
                            chain=[source], hops=1, source_type=stype))
        # 3b. "his brother quoted him as saying", "her lawyer quoted her as saying": a go-between no verb
        # pattern above took for a subject relays the words of the person quoted
        for m in _QUOTED_AS_RX.finditer(text, s0, e0):
            if quoted(*m.span("verb")) or not free(*m.span("verb")):
                continue
            subj = _np_left(text, m.start("verb"), s0, v) or _KIN_LEFT_RX.search(text, s0, m.start("verb")) or \
                _CARRIER_LEFT_RX.search(text, s0, m.start("verb"))
            if subj is None:
                continue
            ss, se = subj if isinstance(subj, tuple) else subj.span(1)
            if not free(ss, m.end("verb")):
                continue
            phrase = doc.text[ss:se]
            origin, _ = _resolve(doc.text[m.start("obj"):m.end("obj")], m.start("obj"), persons, history, v)
            source, stype = _outlet_anaphor(phrase, ss, outlets) or _resolve(phrase, ss, persons, history, v)
            if stype == "unknown" and not isinstance(subj, tuple) and subj.re is _CARRIER_LEFT_RX:
                source, stype = _DET_RX.sub("", _PUT_OUT_RX.split(phrase.strip())[0]), "institution"
            elif stype == "unknown":
                source, stype = _DET_RX.sub("", phrase), "person"
            add(Attribution(source=source, kind="relayed", start=ss, end=m.end(), cue="quoted ... as saying",
                            chain=[origin, source], hops=2, source_type=stype))
        # 4. relay phrases standing on their own (", citing foreign media", "as reported by", "per")
        _relay_phrases(doc, v, s0, e0, relay_phrase_rx, quoted, free, add, persons, matches=m_relay,
                       outlets=outlets)
        # ... and an outlet's own rendering named by its possessive ("in Channel Nine's translation")
        if "translation" in text[s0:e0] or "rendering" in text[s0:e0]:
            for m in _POSSESSED_TRANSLATION_RX.finditer(text, s0, e0):
                if quoted(*m.span()) or not free(*m.span()):
                    continue
                who = doc.text[m.start("who"):m.end("who")]
                outlet = outlet_of(who, v) or (
                    (_DET_RX.sub("", who), "media") if len(_DET_RX.sub("", who).split()) <= 3 and
                    _unlisted_name(who, persons, v) else None)  # ("the Orzelny Kurant's English translation")
                if outlet and not _own_outlet(doc, outlet[0]):
                    add(Attribution(source=outlet[0], kind="relayed", start=m.start(), end=m.end(), cue="translation",
                                    chain=[outlet[0]], hops=2, source_type=outlet[1]))
    # sign-offs ("(With inputs from agencies.)"), on boilerplate lines too
    for s0, e0 in doc.sentences:
        if doc.in_boilerplate((s0, e0)):
            _relay_phrases(doc, v, s0, e0, signoff_rx, lambda s, e: doc.inside_quotation(s, e), free, add)
    out.sort(key=lambda a: (a.start, a.end))
    _names_from_speakers(doc, out)
    _link_trailing_relays(doc, out)
    _cover_relays(out)
    _go_between_relays(doc, out, persons, v)
    from . import relays

    relays.relative_relays(doc, out, v)
    # relays read off the whole text, after the sentence-by-sentence reading: versions someone else put out,
    # posts of someone's words, an outlet's interpreter, accounts given to an outlet, notes on whose version
    # the quotations follow (each adds to ``out``; one sort puts them in place)
    if _version_relays(doc, out, v) + _poster_relays(doc, out, v) + _outlet_interpreter_relays(doc, out, v) + \
            relays.outlet_account_relays(doc, out, v) + relays.version_note_relays(doc, out, v) + \
            relays.post_relays(doc, out, v) + relays.read_out_relays(doc, out, v) + \
            relays.outlet_named_relays(doc, out, v) + relays.hearsay_vague(doc, out, v) + \
            relays.in_version_relays(doc, out, v) + relays.go_between_relays(doc, out, v) + \
            relays.document_and_platform_relays(doc, out, v) + relays.text_voice_relays(doc, out, v) + \
            relays.rendering_relays(doc, out, v) + relays.published_version_relays(doc, out, v):
        out.sort(key=lambda a: (a.start, a.end))
    relays.same_outlet_relays(doc, out, v)
    relays.kin_relays(doc, out, v)
    relays.told_them_relays(doc, out, v)
    # last: a post of the speaker's own, where no go-between passed the words on ("his sister Carla posted on
    # Instagram, saying he ..." stays hers to relay)
    if relays.own_post_relays(doc, out, v):
        out.sort(key=lambda a: (a.start, a.end))
    relays.channel_relays(doc, out, v)
    return out


# "which the KNT interpreter rendered as", "as the LTV Desporto interpreter put it": an outlet's interpreter
_OUTLET_INTERPRETER_RX = re.compile(
    r"(?<![\w-])(?:the|an?)\s+(?P<o>[A-Z][\w&'\u2019.-]*(?:\s+[A-Z][\w&'\u2019.-]*){0,3})\s+(?:interpreter|translator)\b"
    r"(?=[^.\n]{0,40}?\b(?:rendered|put\s+it|translated|gave\s+it|had\s+it|rendering)\b)")


def _outlet_interpreter_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """An outlet's interpreter rendering someone's words ("which the KNT interpreter rendered as ...", "as the
    LTV Desporto interpreter put it"): the words reach the article through that outlet, a relay (not the
    article's own outlet's interpreter, whose rendering is its own). Returns how many it added."""
    text = doc.norm
    added = 0
    for m in _OUTLET_INTERPRETER_RX.finditer(text):
        name = m.group("o")
        if doc.inside_quotation(m.start(), m.end()) or _own_outlet(doc, name) or \
                any(a.start < m.end() and m.start() < a.end and a.kind == "relayed" for a in atts):
            continue
        outlet = outlet_of(name, v) or ((name, "broadcaster") if name.isupper() or _unlisted_name(name, [], v)
                                        else None)
        if not outlet:
            continue
        atts.append(Attribution(source=outlet[0], kind="relayed", start=m.start(), end=m.end(), cue="interpreter",
                                chain=[outlet[0]], hops=2, source_type=outlet[1]))
        added += 1
    return added


_PLATFORM_WORDS = r"(?:X|Twitter|Telegram|Facebook|Instagram|TikTok|YouTube|Threads|Bluesky|WhatsApp|Substack)"
_CARRIED_THING = r"(?:clip|video|recording|translation|transcript|excerpt|footage|audio|screenshot|livestream)"
# "The clip, posted on Telegram by opposition lawmaker Nadia Korvel,": someone's words a third person put online
_POSTED_BY_RX = re.compile(
    rf"\b(?:posted|shared|uploaded|circulated|tweeted|put\s+online)\s+(?:online\s+)?"
    rf"(?:on\s+(?:{_PLATFORM_WORDS}|(?:his|her|their)\s+(?:{_PLATFORM_WORDS}\s+)?(?:channel|account|page|feed))\s+)?"
    rf"(?:(?:within|minutes|hours|later|soon|shortly)[^,.;\n]{{0,30}}?\s+)?by\s+")
# "Einar Rusten, who shared a clip on his Telegram channel in which ...", "Paulo Bras from O Farol, who was in the
# room, posted on X that she also told the fans ...", "Roza Emmel, an opposition MP, who posted a translation of the
# key passages on her Telegram channel": the poster, then what they put online
_POSTER_RX = re.compile(
    rf"(?P<who>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){{1,3}})(?:\s+(?:from|of|at)\s+[^,\n]{{1,40}})?"
    rf"(?:,[^,\n]{{1,90}},\s*|,\s*|\s+)(?:who\s+)?(?:posted|shared|uploaded|tweeted)\s+"
    rf"(?:(?P<thing>(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){{0,3}}?{_CARRIED_THING}\b[^.;\n]{{0,80}}?)\s+)?"
    rf"on\s+(?:{_PLATFORM_WORDS}|(?:his|her|their)\s+(?:{_PLATFORM_WORDS}\s+)?(?:channel|account|page|feed))\b"
    rf"(?P<rest>[^.;\n]{{0,120}})")
_OTHERS_WORDS_RX = re.compile(r"\b(?:in\s+which|that)\s+(?:[A-Z][\w'\u2019-]+|he|she|they)\s+(?:also\s+|had\s+)?"
                              r"(?:says|said|told|tells|tell|warns|warned|called|calls)\b")


def _poster_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """A third person who put someone's words online (a clip, a translation, a post saying what the speaker
    told the room) relays them: "posted on Telegram by lawmaker Nadia Korvel", "Einar Rusten, who shared a
    clip on his Telegram channel in which Solheim says ...". The platform is no source of its own there. Returns
    how many it added."""
    text = doc.norm
    found: list[tuple[int, int, str]] = []
    for m in _POSTED_BY_RX.finditer(text):
        sent = doc.sentence_at(m.start())
        run = _NAME_RUN_RX.search(text, m.end(), min(m.end() + 80, sent[1] if sent else len(text)))
        if not run or doc.inside_quotation(m.start(), m.end()):
            continue
        words = [w for w in run.group().split() if w.casefold() != "the"]
        while len(words) > 2 and v.title_rx.fullmatch(words[0]):
            words.pop(0)  # "MP Einar Rusten": the name after the title
        if len(words) >= 2 and not outlet_of(run.group(), v):
            found.append((m.start(), run.end(), " ".join(words)))
    for m in _POSTER_RX.finditer(text):
        if doc.inside_quotation(m.start(), m.end()) or not (m.group("thing") or _OTHERS_WORDS_RX.search(m.group("rest"))):
            continue
        if outlet_of(m.group("who"), v):
            continue
        found.append((m.start("who"), m.end() - len(m.group("rest")), m.group("who")))
    added = 0
    for s, e, who in found:
        if any(a.kind == "relayed" and a.start < e and s < a.end for a in atts):
            continue
        atts[:] = [a for a in atts if not (a.source_type == "social" and a.kind == "direct" and a.start < e and s < a.end)]
        atts.append(Attribution(source=who, kind="relayed", start=s, end=e, cue="posted", chain=[who], hops=2,
                                source_type="person"))
        added += 1
    return added


# "In the English translation circulated by the foreign ministry, he said:", "according to a readout released
# by the palace": the words reach the outlet in a version someone else put out
_VERSION_BY_RX = re.compile(
    r"(?<![\w-])(?:[Ii]n|[Aa]ccording\s+to|[Pp]er)\s+(?:the|an?|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:translation|version|transcript|rendering|readout|text|summary)\s+(?:(?:that\s+)?(?:was\s+)?)?"
    r"(?:(?:circulated|released|published|provided|issued|distributed|posted|shared|sent\s+out|put\s+out)\s+)?by\s+")
# (the participle may go unsaid: "in a translation by the Herald", "in an English rendering by Vell TV")


def _version_relays(doc, atts: list[Attribution], v: Vocab) -> int:
    """A version of someone's words that another party put out and the article quotes from (a translation
    a ministry circulated, a readout, a transcript an agency published): relayed through that party, with
    the sentence's speaker first in the chain. Its own outlet's version is first hand. Returns how many it
    added."""
    text = doc.norm
    added = 0
    for m in _VERSION_BY_RX.finditer(text):
        sent = doc.sentence_at(m.start())
        if not sent or doc.inside_quotation(m.start(), m.end()):
            continue
        stop = re.compile(r"[,;:.]").search(text, m.end(), sent[1])
        np = _np_right(text, m.end(), stop.start() if stop else sent[1], max_words=8)
        if not np:
            continue
        party = _DET_RX.sub("", doc.text[np[0]:np[1]].strip())
        if not party or _own_outlet(doc, party) or any(a.start < np[1] and m.start() < a.end for a in atts):
            continue
        outlet = outlet_of(doc.text[np[0]:np[1]], v)
        speaker = next((a.source for a in atts if a.kind == "direct" and a.source and np[1] <= a.start < sent[1]),
                       None)
        atts.append(Attribution(source=party, kind="relayed", start=m.start(), end=np[1],
                                cue=" ".join(m.group().split()[-2:]), chain=[x for x in (speaker, party) if x],
                                hops=2, source_type=outlet[1] if outlet else "institution"))
        added += 1
    return added


def _names_from_speakers(doc, atts: list[Attribution]) -> None:
    """One reading of the passage for both layers. A pronoun's cue beside a quotation ('"...," he said')
    names whom the quotation layer's discourse gave the quotation (the current speaker of the passage, the
    pronoun's gender agreeing), not the last person this layer attributed something to; a surname, or a
    pronoun this layer read as someone, takes the full name the quotation layer's table gives that same
    person, never another."""
    # a full name only, none of whose words is a title: the discourse's one-word guesses ("Web", "Tor") and
    # split titles ("Republican Gov") are no better than this layer's own
    cues = {q.cue_start: q.speaker for q in doc.quotes if q.cue_start is not None and q.speaker
            and _full_name(q.speaker)}
    disc = doc.__dict__.get("_discourse")
    for a in atts:
        if a.kind != "direct" or a.source_type != "person" or not a.source:
            continue
        first = doc.norm[a.start:a.end].split(None, 1)
        pronoun = bool(first) and first[0].casefold() in ("he", "she")
        rest = a.source.split(None, 1)
        if disc is not None and len(rest) == 2 and rest[1] in disc.people.persons and \
                rest[1].split()[-1] == a.source.split()[-1] and len(rest[1].split()) >= 2 and \
                rest[0].isalpha() and vocab().person_noun(rest[0].lower()):
            # "Investor Paul Varga said": the quotation layer's table reads the opening noun as a role
            a.source, a.chain = rest[1], [rest[1] if x == a.source else x for x in a.chain]
            continue
        if not pronoun and disc is not None and " " not in a.source and a.source[:1].isupper():
            # a surname the article gives in full elsewhere ("Dempsey said" after "Chest doctor Owen Dempsey")
            full = disc.people.by_surname(a.source, pos=a.start)
            if full and full.split()[-1] == a.source and _full_name(full):
                a.source, a.chain = full, [full] if a.chain == [a.source] else a.chain
            continue
        if not pronoun:
            continue
        speaker = next((sp for pos, sp in cues.items() if a.start <= pos < a.end), None)
        if speaker is None and disc is not None:
            # no quotation beside it ("he explained that ..."): this layer's reading stands, completed to the
            # full name when the discourse reads the pronoun as the same person ("Dempsey" is Owen Dempsey)
            found = disc.resolve(first[0], a.start)
            if found and found in disc.people.persons and _full_name(found) and \
                    a.source.split()[-1] == found.split()[-1]:
                speaker = found
            elif found and found in disc.people.persons and found != a.source and \
                    disc.gender_of(a.source) not in (None, _GENDER[first[0].casefold()]) and \
                    disc.gender_of(found) in (None, _GENDER[first[0].casefold()]):
                speaker = found  # "his wife Kali ... he wrote in his book": not Kali, whom the article calls a wife
        if speaker and speaker != a.source:
            a.source, a.chain = speaker, [speaker]


def _full_name(name: str) -> bool:
    """Two words or more, none a title or its abbreviation ("Republican Gov" is no full name)."""
    from .speakers import _is_title

    words = name.split()
    return len(words) >= 2 and not any(_is_title(w.rstrip(".")) or title_abbreviation(w) for w in words)


_INTERPRETER_RX = re.compile(r"(?<!\w)(through|via|with\s+the\s+help\s+of)\s+(?:an?|his|her|their|the)\s+"
                             r"(?:(?:official|simultaneous|English)\s+)?(?:interpreters?|translators?|translation)\b",
                             re.IGNORECASE)
_INVERT_IRREGULAR = {"said", "says", "told", "tells", "wrote", "writes", "reports", "adds", "asked", "continued"}


def _invertible(verb: str, v: Vocab) -> bool:
    """A verb that may come before its subject after a quotation or a comma ('," said the minister',
    '," reiterated Roe'): any finite form (-ed, -s, or irregular) of a verb of saying or relaying."""
    return verb in _INVERT_IRREGULAR or (verb in v.reporting_verbs | v.beside_quote_verbs | v.relay_verbs and
                                         " " not in verb and verb.endswith(("ed", "es", "ts", "ns", "ds", "ys")))


# what may follow a reporting clause that closes its sentence: its setting ("on Tuesday", "in a statement")
_CLOSING_REST = re.compile(r"(?:\s+(?:on|in|at|late|early|last|this)\s+(?:[\w'\u2019-]+\s*){1,4}?)?"
                           r"[\s.!?\"'\u2019\u201d]*")
_SCENE_OPENER = re.compile(r"\W*(?:when|whenever|after|before|as|while|once|until|if|although|though|because|since|"
                           r"in|on|at|during|with|without|by|for|from|despite|asked|pressed)\b", re.IGNORECASE)


# (session 35) what follows a verb of naming whose name is a quotation: 'called the recount "a manoeuvre"',
# 'dismissed the report as "nonsense"' (the thing named, a few words, then the quotation)
_NAMED_AS_QUOTE_RX = re.compile(r"\s+(?:[\w'’-]+\s+){1,6}?(?:as\s+)?(?:an?\s+)?[\"“]")


def _beside_quote(text: str, s0: int, e0: int, start: int, end: int) -> bool:
    """Whether a clause stands beside the words it reports: a quotation closes right before it or opens
    right after it, or a that-clause or a colon follows it."""
    before, after = text[s0:start], text[end:e0]
    return bool(re.search(r"[\"'][\s,]*$", before) or re.match(r"\s*(?:,\s*)?[\"]", after)
                or re.match(r"\s*(?:that|whether|if|how|why|what)\b|\s*:", after, re.IGNORECASE)
                # (session 35) a time or a place before the colon: 'messaged me at lunchtime: "..."'
                or re.match(r"\s+(?:at|on|in|after|before|during|this|last|later|earlier|yesterday|today)\b"
                            r"[^:\"“\n.;]{0,30}:", after)
                # closing its sentence after a comma, it reports the clause before ("The team deserved to lose,
                # the coach conceded."); not after a clause that sets the scene ("When the rally ended, the
                # crowd shouted.")
                or _CLOSING_REST.fullmatch(after) and len(before.split()) >= 4
                and re.search(r"\w,\s*$", before) and not _SCENE_OPENER.match(before))


def _headline(doc, pos: int) -> bool:
    """A title-case line (most words capitalised): a headline, where verbs are capitalised too."""
    ls, le = doc.line_span_at(pos)
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", doc.text[ls:le]) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _inverted_subject(phrase: str, v: Vocab) -> bool:
    """After an inverted verb ('," said X'): a pronoun, a title, a known source or a capitalised name."""
    low = phrase.casefold()
    if low in v.pronouns or v.title_rx.search(phrase) or v.source_rx.search(phrase) or outlet_of(phrase, v):
        return True
    if _unnamed(phrase, v):  # '," remarked a local critic': nobody named, read as vague below
        return True
    kin = re.fullmatch(r"(?:his|her|their)\s+(?:[a-z-]+\s+){0,2}([a-z-]+)", low)
    if kin and (v.person_noun(kin.group(1)) or v.title_rx.fullmatch(kin.group(1))):
        return True  # '," said his brother', '..., said her lawyer, Ana Ruiz': someone named by a tie
    role = re.fullmatch(r"(?:[A-Z][\w'’-]*\s+)?([a-z]+)\s+(?:[A-Z][\w'’-]+\s*){1,3}", phrase.strip())
    if role and (v.person_noun(role.group(1)) or v.title_rx.fullmatch(role.group(1))):
        return True  # (session 35) '," fumed Velichko supporter Dragomir Petrov': a role, then the name
    words = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE).split()
    return bool(words) and all(w[:1].isupper() for w in words)


def _looks_like_subject(phrase: str, v: Vocab) -> bool:
    words = phrase.split()
    if not words:
        return False
    low = phrase.casefold()
    if low in v.pronouns:
        return True
    if re.search(r"['’]s?$", phrase):  # "Rutte's remarks": a possessive is no subject
        return False
    if any(w[:1].isupper() for w in words) or v.title_rx.search(phrase) or v.source_rx.search(phrase):
        return True
    if len(words) > 1 and _DEFINITE_RX.match(low) and v.person_noun(words[-1]):
        return True  # "the harbour master", "the town's baker": a person named by a role no title lists
    if len(words) > 1 and _INDEFINITE.match(phrase) and v.person_noun(words[-1]):
        return True  # "a trader", "one local fisherman": someone no one names (read as vague sourcing)
    if v.person_plural(words[-1]):
        return True  # "union leaders", "the farmers": a group no one names (read as vague sourcing)
    if _ONE_OF_KIND_RX.match(low) and vague_np(phrase, v):
        return True  # "a member of the delegation": one person of a kind, where they belong, no name
    if _unnamed(phrase, v) and _names_people(phrase, v):
        return True  # (session 35) "diplomats in the capital": a placed group no one names (not "a paper")
    return low.split()[-1] in v.vague_nouns or any(low.endswith(h) for h in v.institution_heads)


_SAID_TO_BE = re.compile(r"\s+to\s+(?:have|be\s+(?:behind|responsible|among|involved|linked|close|worth|part|one|the|"
                         r"a|an|in|at|on|from|[a-z]+ing|[a-z]+ed)(?!\w))", re.IGNORECASE)
_PRONOUN_LEFT = re.compile(r"(?<!\w)(?:he|she|they|we|i|you|it)\s+$", re.IGNORECASE)
_DATA_HEAD = re.compile(r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:figures|data|statistics|statement|records|filing|"
                        r"estimates?|numbers|documents?|census|tally|count|post|posts|tweet|tweets|message|video|clip|"
                        r"transcript|translation|readout|recording|footage|timeline|chronology|database|tracker)",
                        re.IGNORECASE)
# "from the ministry", "released by the board", "on Telegram by Tor Ek" (whose post it is)
_FROM_SOURCE = re.compile(r"\s+(?:on\s+(?-i:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+)?"
                          r"(?:(?:released|published|compiled|issued|provided|gathered|kept|posted|shared)\s+)?(?:from|by)\s+",
                          re.IGNORECASE)
_DATA_FROM = re.compile(_DATA_HEAD.pattern + _FROM_SOURCE.pattern + r"(\S.*)$", re.IGNORECASE)
# a figure that someone unnamed reported: "a reported 1.2 million euros a year", "a reported $40m"
_REPORTED_FIGURE = re.compile(r"(?<!\w)an?\s+(?:reported|rumou?red)\s+(?=[$\u20ac\u00a3\u00a5]?\s?\d)"
                              r"[$\u20ac\u00a3\u00a5]?\s?\d[\d,.]*(?:bn\b|[mkMK]\b)?"
                              r"(?:\s+(?:million|billion|thousand|per\s*cent|percent|%))?",
                              re.IGNORECASE)
_SOMEONE_LEFT = re.compile(r"(?<![\w-])(?:[Ss]omeone|[Ss]omebody|[Aa]\s+person)\s+(?:at|in|from|inside|within|close\s+to)"
                           r"\s+(?:the\s+)?$")
# a text by its owner's possessive: "Kvaale's clip", "the mayor's statement", "Reuters' translation"
_OWNED_TEXT = re.compile(r"(?P<owner>(?:the\s+)?[\w.&-]+(?:\s+[\w.&-]+){0,3}?)['\u2019]s?\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:post|posts|tweet|tweets|clip|video|statement|transcript|translation|account|interview|"
                         r"letter|speech|remarks|comments|message|version|readout|recording|footage|figures|data|"
                         r"summary)(?:\s+of\b.*)?", re.IGNORECASE)
_CARRIED_BY = re.compile(r"(.+?)(\s+(?:cited|quoted)\s+by\s+)(\S.*)$", re.IGNORECASE)
_RESEARCH_NOUNS = r"(?:poll|survey|analysis|review|investigation|tally|count|examination|audit)"
_RESEARCH_HINT = re.compile(rf"\b{_RESEARCH_NOUNS}\b", re.IGNORECASE)
_OUTLET_RESEARCH_RX = re.compile(
    rf"(?<!\w)(?:[Aa]n?|[Tt]he|[Aa]nother|[Aa]\s+new)\s+(?P<o>(?:[A-Z][\w&'’.-]*\s+){{0,3}}[A-Z][\w&'’.-]*)"
    rf"(?:/[A-Z][\w&'’.-]*)?\s+(?:[a-z]+\s+)?(?P<n>{_RESEARCH_NOUNS})\b")
_RESEARCH_VERB_RX = re.compile(r"\b(?:found|finds|showed|shows|revealed|reveals|suggested|suggests|concluded|concludes|"
                               r"indicated|indicates)\b")
_QUESTION_AUX = re.compile(r"(?<!\w)(?:did|does|do|will|would|can|could|should|has|have|had)\s+$", re.IGNORECASE)
_ANAPHORIC_GROUP = re.compile(r"(?:the|his|her|their|its|our|both|these|those|[A-Za-z]+['’]s)\s", re.IGNORECASE)
_POSSESSIVE_WORD = re.compile(r"[a-z]+['’]s")  # "the town's baker"
_DEFINITE_RX = re.compile(r"(?:the|his|her|their|its|our|my|[a-z]+['’]s)\s")


_PP_OBJECT_LEFT = re.compile(r"(?<!\w)(?:with|among)\s+$", re.IGNORECASE)
_LEAD_CONJ_RX = re.compile(r"(?:As|If|When|While|Unless|Because|Since|Although|Though|Than)\b\s*")
_LAST_WORD = re.compile(r"([\w.-]+)\s*$")
_CONTINUE = {"continue", "continues", "continued", "add", "post", "posts", "comment", "comments", "remarks",
             "responded", "responds", "retorted", "countered", "weighed in", "weighs in", "chimed in", "chimes in",
             "observed", "observe", "observes"}


_APPOSED_NAME_RX = re.compile(rf"(?:\s+(?:in|at|of|from|on|for|to)\s+[^,.;:\n]{{1,60}})?,\s+(?:[\w'’-]+\s+){{0,6}}?(?P<name>{_CAP}(?:\s+{_CAP}){{1,3}})(?:\s+and\s+{_CAP}(?:\s+{_CAP}){{1,3}})?\s*(?:[,.;:!?]|$)")


_POSSESSED_ROLE_RX = re.compile(r"(?:his|her|their|its|[Tt]he|an?|[A-Z][\w'\u2019-]*['\u2019]s)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*")


def _apposed_name(text: str, pos: int, hi: int) -> Span | None:
    """The name in an apposition right after a subject ("another witness, former adviser Jane Roe."): the
    person the subject turns out to be."""
    m = _APPOSED_NAME_RX.match(text, pos, hi)
    return m.span("name") if m else None


def _vague_subject(phrase: str, v: Vocab) -> bool:
    """An unnamed ("an official spokesperson") or vague ("critics", "media reports") subject."""
    low = _DET_RX.sub("", phrase.casefold())
    return bool(low) and (_unnamed(phrase, v) or (low.split()[-1] in v.vague_nouns and not outlet_of(phrase, v)))


_INDEFINITE = re.compile(r"^(?:a|an|one|two|three|several|some|another)\s", re.IGNORECASE)


_ANONYMITY_WORDS_RX = re.compile(r"\b(?:not\s+(?:to\s+)?be\s+(?:named|identified)|anonymity|anonymously|speaking\s+privately)\b")


_HEAD_END_RX = re.compile(r"\s+(?:of|in|at|on|from|for|with|to|close|familiar|who|that)\s")


def _head_words(phrase: str) -> list[str]:
    """The words of a noun phrase before its first preposition or relative ("Observers" of "Observers at the
    meeting", "a senior official" of "a senior official close to ...")."""
    return _HEAD_END_RX.split(" " + phrase.strip() + " ", maxsplit=1)[0].split()


def _source_head(phrase: str) -> str:
    """The last word of ``_head_words``, case-folded ("observers")."""
    head = _head_words(phrase)
    return head[-1].casefold() if head else ""


def _names_people(phrase: str, v: Vocab) -> bool:
    """(session 35) Whether the words before a noun phrase's first preposition hold a noun of people ("a senior
    official", "two sources close to"), not a thing ("citing a margin of less than half a point")."""
    head = _head_words(phrase)
    return any(v.person_noun(w) or v.person_plural(w) or w in v.vague_nouns or v.title_rx.fullmatch(w) or
               w in _STAFF_NOUNS or w in ("people", "persons", "someone", "somebody") for w in head)


def _unnamed(phrase: str, v: Vocab) -> bool:
    """"a senior official", "one diplomat", "two sources": an indefinite subject that names no one; so does
    a placed group with no determiner ("Staff at the hospital", "Officials at the Minaseki centre")."""
    if re.match(r"(?:people|those|others)\s+who\s", phrase.strip(), re.IGNORECASE):
        return True  # "People who have sat on the committee say": no one named
    # (session 35: after a modifier or two, "Shop owners on the square", and "familiar with" a thing)
    bare = re.match(r"\s*(?:(?!(?:[Oo]ur|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Yy]our)\s)(?!" + _NOT_MODIFIER_WORDS + r")"
                    r"[A-Za-z]+\s+(?:(?!" + _NOT_MODIFIER_WORDS + r")[a-z]+\s+)?)??"
                    r"([A-Za-z]+)\s+(?:at|in|from|inside|on|familiar\s+with)\s", phrase)
    if bare and not _GENERIC_PLACE_RX.match(phrase, bare.end(1)) and \
            not outlet_of(phrase[bare.end():], v) and (bare.group(1).casefold() in _STAFF_NOUNS or (
            v.person_plural(bare.group(1).casefold()) and bare.group(1).casefold() not in v.go_betweens)):
        return True
    if not _INDEFINITE.match(phrase) or outlet_of(phrase, v):
        return False
    rest = _INDEFINITE.sub("", phrase)
    words = rest.split()
    if len(words) >= 2 and words[-1] in v.go_betweens and words[0][:1].isupper() and not v.title_rx.fullmatch(words[0]):
        return False  # (session 35) "A KorvaNet spokesperson said": the named body's voice, first hand
    if len(words) == 2 and words[0][:1].isupper() and words[1].isalpha() and words[1].islower() and \
            v.person_noun(words[1]):
        return True  # (session 35) "A Talmerian contact", "a Tesla engineer": one of a place or a firm, no name
    if words and words[-1].islower() and (v.title_rx.fullmatch(words[-1]) or words[-1] in v.vague_nouns
                                          or v.media_noun_rx.fullmatch(words[-1])):
        return True  # "a White House official", "one Western diplomat", "a Norland newspaper": no name
    if _ONE_OF_KIND_RX.match(phrase.strip().casefold()) and vague_np(phrase, v):
        return True  # "a member of the Vell delegation", "some members of Congress": of a body the text names,
        # no one named
    return not any(w[:1].isupper() for w in words)


_NAME_RUN_RX = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w&'’.-]*\s+){0,4}[A-Z][\w&'’.-]*")
_TOLD_VERB_RX = re.compile(r"(?:confirmed|revealed|disclosed|explained|admitted|announced)$", re.IGNORECASE)
_TOLD_OBJECT_RX = re.compile(r"\s+(?:[\w'’-]+\s+){1,4}?(?:exclusively\s+)?to\s+(?=[A-Z]|the\s+[A-Z])")


def _addressee(doc, pos: int, hi: int, v: Vocab) -> tuple[tuple[str, str], int] | None:
    """The outlet right after a verb ("told Reuters", "said to the Daily Courier"), unless it is the
    article's own outlet: ((name, type), end of its noun phrase)."""
    # (session 35: "told the nation live on KBC", "said live on Radio Kesta")
    m = re.match(r"\s+(?:to\s+|(?:the\s+(?:nation|country|public|viewers|listeners)\s+)?(?:live\s+)?on\s+"
                 r"(?=(?:the\s+)?[A-Z]|state\s))?", doc.norm[pos:hi])
    if not m:
        return None
    on_air = m.group().strip().casefold().endswith("on")  # "said on Vell TV", "said on state television"
    if _TOLD_VERB_RX.search(doc.norm, max(0, pos - 12), pos):
        # "confirmed the split to the Harbour Courier", "revealed the news exclusively to TMZ": the words
        # told come between the verb and the outlet
        m = _TOLD_OBJECT_RX.match(doc.norm[pos:hi]) or m
    np = _np_right(doc.norm, pos + m.end(), hi, max_words=6)
    if not np:
        return None
    phrase = doc.text[np[0]:np[1]]
    outlet = outlet_of(phrase, v)
    if not outlet:
        state = _STATE_BROADCASTER_RX.match(phrase)
        show = _OUTLET_SHOW_RX.match(doc.text[np[0]:hi])
        if state:  # "told state media", "said on state television": the state's outlet, unnamed but one
            outlet, np = (_DET_RX.sub("", state.group()), "broadcaster"), (np[0], np[0] + state.end())
        elif show and outlet_of(show.group("o"), v):  # "said on Vell TV's morning show", "told the Courier's podcast"
            outlet = outlet_of(show.group("o"), v)
            np = (np[0], np[0] + show.end())
    if not outlet:  # "told the Harbour Courier she would stand": the outlet's name, not the clause after it
        run = _NAME_RUN_RX.match(doc.text, np[0], np[1])
        if run and run.end() < np[1]:
            outlet, np = outlet_of(run.group(), v), (np[0], run.end())
    if not outlet:  # "told local station Radio Vell he would ...": the noun of its kind, then its name
        kind = re.match(r"(?:the\s+)?", phrase)
        noun = v.media_noun_rx.match(phrase, kind.end())
        run = _NAME_RUN_RX.match(doc.text, np[0] + noun.end() + 1, np[1]) if noun and noun.group().islower() else None
        if run:
            outlet, np = outlet_of(doc.text[np[0]:run.end()], v), (np[0], run.end())
    if not outlet:  # "told Vell Today that ...", "told the Vell Today news site that ...": a name the noun
        # phrase was cut short of (a head word read as a time), alone or before the noun of its kind
        run = _NAME_RUN_RX.match(doc.text, np[0], hi)
        if run and run.end() > np[1]:
            outlet, end = outlet_of(run.group(), v), run.end()
            noun = None if outlet else v.media_noun_rx.match(doc.text, run.end() + 1)
            if noun and noun.group().islower() and doc.text[run.end()] == " ":
                outlet, end = outlet_of(doc.text[np[0]:noun.end()], v), noun.end()
            if outlet:
                np = (np[0], end)
    if not outlet or _own_outlet(doc, outlet[0]) or (on_air and outlet[1] == "social"):
        return None  # ("said on X", "wrote on Telegram": the speaker's own post, first hand)
    run = _NAME_RUN_RX.match(doc.text, np[0], np[1])
    if run and run.end() < np[1] and outlet_of(run.group(), v) == outlet:
        return outlet, run.end()  # "told Reuters the fleet had left": the outlet's name, not the words after it
    return outlet, np[1]


_OUTLET_SHOW_RX = re.compile(r"(?P<o>[^,.;:\n]+?)['’]s\s+(?:[\w-]+\s+){0,2}?(?:show|programme|program|podcast|broadcast|"
                             r"newscast|bulletin|channel)\b", re.IGNORECASE)


_WORD_START = re.compile(r"[^\W\d_]+")


def first_words(phrases) -> frozenset[str]:
    """The first words of ``phrases``, case-folded: where a match of their alternation can start."""
    out = set()
    for p in phrases:
        m = _WORD_START.match(p.strip())
        if m:
            out.add(m.group().casefold())
    return frozenset(out)


def scan(rx: re.Pattern, first: frozenset[str], text: str, start: int, end: int):
    """``rx.finditer(text, start, end)`` for a pattern that starts with one of the words ``first``, tried
    only where such a word starts (a long alternation tried at every character is the slow part)."""
    last = start
    for w in _WORD_START.finditer(text, start, end):
        if w.start() < last or w.group().casefold() not in first:
            continue
        m = rx.match(text, w.start(), end)
        if m and m.end() > m.start():
            last = m.end()
            yield m


def scan_many(items, v: Vocab, text: str, start: int, end: int) -> list[list[re.Match]]:
    """``scan`` for several patterns at once (``items``: (pattern, key of ``v._first``)): the words of
    ``text[start:end]`` are read once, each pattern tried only where one of its first words starts."""
    key = tuple(k for _, k in items)
    starts = v._starts.get(key) if hasattr(v, "_starts") else None
    if starts is None:
        starts = {}
        for i, (_, k) in enumerate(items):
            for w in v._first[k]:
                starts.setdefault(w, []).append(i)
        v.__dict__.setdefault("_starts", {})[key] = starts
    return matches_at_word_starts(text, start, end, items, starts)


def matches_at_word_starts(text: str, start: int, end: int, patterns, starts: dict[str, list[int]]
                           ) -> list[list[re.Match]]:
    """Each pattern's matches in ``text[start:end]`` (non-overlapping, in order; ``patterns[i][0]`` is
    the compiled pattern), tried only where a word in ``starts`` (word -> pattern indexes) begins: the
    words are read once for all patterns. The attribution and hedge layers both scan this way."""
    found: list[list[re.Match]] = [[] for _ in patterns]
    last = [start] * len(patterns)
    for w in _WORD_START.finditer(text, start, end):
        for i in starts.get(w.group().casefold(), ()):
            if w.start() < last[i]:
                continue
            m = patterns[i][0].match(text, w.start(), end)
            if m and m.end() > m.start():
                last[i] = m.end()
                found[i].append(m)
    return found


def _alts(phrases) -> str:
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in longest_first(phrases))


def _via_outlet(doc, np: Span, hi: int, v: Vocab) -> tuple[Span, str]:
    """"a report by the Daily Courier", "reports in local media": the noun phrase extended over a
    following "by/in/from/on X" when X is an outlet or a vague source (it is then the source)."""
    text = doc.norm
    phrase = doc.text[np[0]:np[1]]
    m = re.match(r"\s+(?:by|in|from|on|of)\s+", text[np[1]:hi])
    if m and _TEXT_NOUN_RX.search(phrase):
        np2 = _np_right(text, np[1] + m.end(), hi)
        if np2:
            p2 = doc.text[np2[0]:np2[1]]
            if outlet_of(p2, v) or vague_np(p2, v):
                return (np[0], np2[1]), p2
            if _NAMED_BODY.fullmatch(p2.strip()) and m.group().strip() in ("by", "from", "of"):
                return (np[0], np2[1]), p2  # "a report from the Mayo Clinic": the named body is the source
            run = _NAME_RUN_RX.match(doc.text, np2[0], np2[1])
            if m.group().strip() == "in" and run and _PUBLISHED_IN.fullmatch(doc.text[np[0]:run.end()]):
                # "a report in the Argus Leader (of Sioux Falls)": what a text appeared in is a publication
                return (np[0], run.end()), doc.text[np[0]:run.end()]
            np3 = _journalist_of(doc, np2, hi, v)  # "a report by Jane Roe, a Valley Courier correspondent"
            if np3:
                return (np[0], np3[1]), doc.text[np3[0]:np3[1]]
    m = re.match(r"\s+(?:for|of|with|at)\s+", text[np[1]:hi])
    if m and v.journalist_rx.match(_DET_RX.sub("", phrase.strip()) + " for X"):
        np2 = _np_right(text, np[1] + m.end(), hi)  # "a correspondent for the Valley Courier"
        if np2 and outlet_of(doc.text[np2[0]:np2[1]], v):
            return (np[0], np2[1]), doc.text[np2[0]:np2[1]]
    np3 = _journalist_of(doc, np, hi, v)  # "Jane Roe, a Valley Courier correspondent"
    if np3:
        return (np[0], np3[1]), doc.text[np3[0]:np3[1]]
    return np, phrase


# an outlet's journalist named with it: "The Harbour Courier's Mia Lund", "CNBC's David Faber"
_OUTLET_STAFF_RX = re.compile(r"(?:[Tt]he\s+)?(.+?)['’]s\s+(?:[a-z-]+\s+){0,2}[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,2}$")
_REPORTS_TO = re.compile(r"\s+(?:directly\s+)?to\s+(?:him|her|them|me|us|[A-Z][\w'’-]*)\b(?!\s+(?:that|on)\b)")
# what follows "wrote" when it wrote a work: its title or a determiner and a noun ("wrote A Song of Ice and
# Fire", "wrote a novel"); not "wrote in a letter", "wrote on X", "wrote that"
_WROTE_WORK = re.compile(r"\s+(?:(?:a|an|the|his|her|their|its|two|three|several|many|dozens|hundreds|thousands|"
                         r"\d[\d,]*)\s+[\w-]+|[A-Z][\w'’-]*)(?!\s*[,.:])")
# what follows "added" when it adds a thing, not words: a determiner or a number and a noun
_ADDED_THING = re.compile(r"\s+(?:a|an|another|two|three|four|five|\d+|his|her|their|its)\s+[\w-]+", re.IGNORECASE)
# the state's outlet, named by its kind ("state television", "the state-run news agency", "public radio")
_STATE_BROADCASTER_RX = re.compile(r"(?:the\s+)?(?:state|national|public)(?:-run|-owned)?\s+(?:media|television|tv|radio|"
                                   r"broadcaster|news\s+agency)\b", re.IGNORECASE)

# "Lee was quoted as saying by the Courier", "Lee was quoted by Reuters as saying"
# a passive auxiliary right before a verb ("was quoted", "has been reported", "was first reported")
_PASSIVE_RX = re.compile(r"(?<!\w)(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?(?:first\s+)?\Z", re.IGNORECASE)
_BY_NEXT = re.compile(r"\s+by\s", re.IGNORECASE)
_SAYING_NEXT = re.compile(r"[^.;]{0,80}?\bas\s+(?:saying|telling)\b", re.IGNORECASE)
_PARTICIPLE_BY_LEFT = re.compile(r"(?<!\w)(?:quoted|cited|interviewed|contacted|reached)\s+by\s+$", re.IGNORECASE)
_QUOTED_BY_RX = re.compile(r"\s+(?:as\s+saying\s+)?by\s+", re.IGNORECASE)
_AS_SAYING_RX = re.compile(r"\s+as\s+saying\b.*\Z", re.IGNORECASE | re.DOTALL)

# "X quoted Y as saying": the quoted speaker (a pronoun or up to four capitalised words) between the two
# (or a role: "quoted the prime minister as saying"); an interpreter "rendered him as saying"
_PUT_OUT_VERBS = r"(?:released|posted|published|issued|circulated|distributed|put\s+out|sent\s+out)"
_PUT_OUT_RX = re.compile(r"\s+" + _PUT_OUT_VERBS + r"\b")
_QUOTED_AS_RX = re.compile(r"(?<!\w)(?P<verb>quoted|quotes|rendered|renders|translated)\s+(?P<obj>him|her|them|"
                           r"(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*|(?-i:the)\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)"
                           r"(?:\s*,\s*[^,.;:\"]{3,80},)?\s+(?:as\s+(?:saying|telling)|"
                           # (session 35) "The tabloid also quoted Maresh urging both camps"
                           r"(?:urging|warning|insisting|promising|vowing|pledging|asking))\b")  # (", speaking through ...,")
# a relative or a representative named by their tie to someone ("his brother", "her lawyer", "the
# family's spokesman") before the verb
_KIN_LEFT_RX = re.compile(r"((?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he\s+[\w'’-]+['’]s?|(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*['’]s)"
                          r"\s+(?:[a-z-]+\s+)?[a-z-]+)\s+$")
_RELEASED_BY_RX = re.compile(r"\s(?:released|published|provided|issued|aired|broadcast|supplied|distributed|"
                             r"carried|translated|seen|reviewed|obtained|viewed)\s+by\s+(.+)$", re.IGNORECASE)
_TEXT_NOUNS = (r"report|reports|article|articles|story|piece|column|analysis|interview|broadcast|account|dispatch|"
               r"investigation|footage|video|coverage|translation|transcript|guidance|guidelines|data|figures|"
               r"estimates|survey|statement")
# a body by its name: "the Mayo Clinic", "Vell University", "the Harbour Board" (capitalised words after "the")
_NAMED_BODY = re.compile(r"(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'’.&-]*){0,5}")
_TEXT_NOUN_RX = re.compile(r"(?:" + _TEXT_NOUNS + r"|op-ed|editorial|commentary)$", re.IGNORECASE)
# "a report by the Daily Courier", "an article in the Valley Gazette": the text's outlet after the noun
# a text that appeared in a publication the vocabulary does not know: "a report in the Argus Leader"
_PUBLISHED_IN = re.compile(r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:report|article|story|editorial|column|interview|"
                           r"op-ed|piece)s?\s+in\s+(?P<pub>[Tt]he\s+(?:[A-Z][\w'’.&-]*\s+){1,3}[A-Z][\w'’.&-]*)")
_TEXT_BY_RX = re.compile(r"(?:[\w-]+\s+){0,2}?(?:" + _TEXT_NOUNS + r")\s+(?:by|in|from|on|of)\s+(?P<by>.+)$",
                         re.IGNORECASE)


def _journalist_of(doc, np: Span, hi: int, v: Vocab) -> Span | None:
    """A name followed by an apposition that makes it an outlet's journalist ("Jane Roe, a Valley Courier
    correspondent in Harbourton", "Jane Roe, a reporter for the Courier"): the apposition's span."""
    text = doc.norm
    name = doc.text[np[0]:np[1]]
    if not re.fullmatch(rf"{_CAP}(?:\s+{_CAP}){{1,3}}", name):
        return None
    m = re.match(r",\s+(?=(?:the|a|an)\s)", text[np[1]:hi], re.IGNORECASE)
    if not m:
        return None
    np2 = _np_right(text, np[1] + m.end(), hi, max_words=6)
    if not np2:
        return None
    phrase = doc.text[np2[0]:np2[1]]
    if v.journalist_rx.match(_DET_RX.sub("", phrase)) and outlet_of(phrase, v):
        return np2
    m2 = re.match(r"\s+(?:for|of|with|at)\s+", text[np2[1]:hi])
    if m2 and v.journalist_rx.match(_DET_RX.sub("", phrase) + " for X"):
        np3 = _np_right(text, np2[1] + m2.end(), hi)
        if np3 and outlet_of(doc.text[np3[0]:np3[1]], v):
            return np2[0], np3[1]
    return None


def _citing_between(doc, pos: int, hi: int, v: Vocab, add) -> str | None:
    """", citing the mayor," between an outlet and its verb: the origin of what the outlet relays; a vague one
    (", citing two officials,") is reported on its own beside the relay, and None returned."""
    origin = _citing_origin(doc, pos, hi, v)
    m = re.match(r"\s*,?\s*citing\s+", doc.norm[pos:hi], re.IGNORECASE)
    np = _np_right(doc.norm, pos + m.end(), hi) if m and origin is None else None
    if np and vague_np(_DET_RX.sub("", doc.text[np[0]:np[1]]), v):
        add(Attribution(source=None, kind="vague", start=pos + m.end() - len(m.group().lstrip(" ,")), end=np[1],
                        cue="citing", chain=[], hops=0, source_type="unknown"))
    return origin


def _citing_origin(doc, pos: int, hi: int, v: Vocab) -> str | None:
    """", citing the ministry" right after an outlet's clause: the origin of what the outlet relays
    (None when it is vague: the vague phrase is reported on its own)."""
    m = re.match(r"\s*,?\s*citing\s+", doc.norm[pos:hi], re.IGNORECASE)
    if not m:
        return None
    np = _np_right(doc.norm, pos + m.end(), hi)
    if not np:
        return None
    phrase = _DET_RX.sub("", doc.text[np[0]:np[1]])
    # ("citing a senior military official", "citing one diplomat": someone the text does not name)
    return None if vague_np(phrase, v) or _unnamed(doc.text[np[0]:np[1]].strip(), v) else phrase


_DESCRIBED_IN_RX = re.compile(r"\s+(?:described|reported|published|cited|shared|carried|circulating|circulated)"
                              r"\s+(?:in|by|on)\s+")
# the forms of "report" whose one-word unknown subject is an outlet ("Haaretz reported", "HPA is reporting")
_REPORTED_FORMS = frozenset({"reported", "reports", "report that", "is reporting", "are reporting", "was reporting",
                             "were reporting", "has reported", "have reported"})
_CITING_NEXT = re.compile(r"\s*,\s*citing\s", re.IGNORECASE)
_PUBLICATION_CUES = frozenset({"per", "reported by", "as reported by", "first reported by", "as first reported by",
                               "reported in", "as reported in", "published by", "carried by", "broadcast by",
                               "as broadcast by", "aired by", "as quoted by", "as cited by"})
# cues that name whom the words were given to, not who said them ("told", "sent the Courier a note", "in an
# email to Reuters"): an outlet there relays the words; anything else there is an addressee, no vague source
# relay phrases that take an outlet or nothing: "a draft seen by Reuters", never "seen by many" (a crowd's reading)
_OUTLET_ONLY_CUES = frozenset({"seen by", "obtained by", "reviewed by"})
_ADDRESSEE_CUES = frozenset({"told", "speaking to", "via", "sent", "sent to", "emailed", "interview to",
                             "in a statement to", "in a written statement to", "in a note to", "in an email to",
                             "in a message to", "in a letter to"})
# ... of them, those that take the addressee first and the words after it ("sent Reuters a statement")
_DITRANSITIVE_CUES = frozenset({"sent", "emailed"})
_SECOND_OBJECT = re.compile(r"\s+(?:a|an|his|her|their|its|the)\s")


_PUBLISHER_CUES = frozenset({"published by"})


def _institution_name(phrase: str, v: Vocab) -> bool:
    """A capitalised name ending in an institution's head word ("the Vell Courts Service", "the Harbour
    Authority"), the way the text writes a body's proper name."""
    core = _DET_RX.sub("", phrase.strip())
    words = core.split()
    return bool(words) and len(words) <= 6 and all(w[:1].isupper() or w in ("of", "and", "for", "&") for w in words) \
        and any(core.casefold().endswith(h) for h in v.institution_heads)


def _relay_phrases(doc, v: Vocab, s0: int, e0: int, rx: re.Pattern, quoted, free, add,
                   persons: list[Person] | None = None, matches: list[re.Match] | None = None,
                   outlets=()) -> None:
    """Relay phrases followed by an outlet (relayed) or a vague source (vague); see relay_phrases. ``the
    broadcaster`` after one is the outlet of that kind the text named before (``outlets``)."""
    text = doc.norm
    for m in (matches if matches is not None else rx.finditer(text, s0, e0)):
        if quoted(*m.span()) or not free(*m.span()):
            continue
        cue = re.sub(r"\s+", " ", m.group().casefold())
        np = _np_right(text, m.end(), e0, max_words=8)
        if not np:
            continue
        if cue in _DITRANSITIVE_CUES:
            second = _SECOND_OBJECT.search(text, np[0] + 1, np[1])
            if second:  # "sent the Norland Times a statement": the outlet ends where the thing sent begins
                np = (np[0], second.start())
        if cue in _OUTLET_ONLY_CUES:  # "a draft seen by Reuters shows ...": the outlet's name, not the clause after it
            run = _NAME_RUN_RX.match(text, np[0], np[1])
            if not run:
                continue
            np = (np[0], run.end())
        np, phrase = _via_outlet(doc, np, e0, v)
        if not free(m.start(), np[1]):
            continue
        outlet = outlet_of(phrase, v) or _outlet_anaphor(phrase, m.start(), outlets)
        if not outlet and cue in ("reported in", "as reported in") and \
                _PASSIVE_RX.search(text, max(s0, m.start() - 24), m.start()):
            continue  # "a case was reported in China", "the virus has been reported in Barry": where, not who
        if not outlet and cue == "per" and text[m.start()] == "P" and not _opens_sentence(text, m.start(), s0):
            continue  # "Revenue Per Thousand": a title-case name's word, no cue
        if not outlet and cue in _PUBLICATION_CUES and persons is not None and _unlisted_name(phrase, persons, v):
            # "per Forbes", "reported by RBK-Ukraine": these take a publication, not a person
            outlet = (_DET_RX.sub("", phrase), "media")
        if outlet and not _own_outlet(doc, outlet[0]):
            add(Attribution(source=outlet[0], kind="relayed", start=m.start(), end=np[1], cue=cue,
                            chain=[outlet[0]], hops=2, source_type=outlet[1]))
        elif not outlet and cue in _PUBLISHER_CUES and _institution_name(phrase, v):
            # "the sentencing remarks, published by the Vell Courts Service": the body that published the
            # document is its first-hand source
            name = _DET_RX.sub("", phrase.strip())
            add(Attribution(source=name, kind="direct", start=m.start(), end=np[1], cue=cue, chain=[name],
                            hops=1, source_type="institution"))
        elif not outlet and cue == "citing" and (tail := _DESCRIBED_IN_RX.search(text, np[0], e0)) and \
                tail.start() <= np[1] and len(text[np[0]:tail.start()].split()) <= 3 and \
                (inner := _np_right(text, tail.end(), e0, max_words=5)) and \
                vague_np(doc.text[inner[0]:inner[1]], v) and not outlet_of(doc.text[inner[0]:inner[1]], v):
            # "citing data described in Nerish media": what it cites came from no one named
            add(Attribution(source=None, kind="vague", start=m.start(), end=inner[1], cue=cue, chain=[],
                            hops=0, source_type="unknown"))
        elif not outlet and cue not in _ADDRESSEE_CUES and cue not in _OUTLET_ONLY_CUES and (
                vague_np(phrase, v) or cue == "citing" and _unnamed(phrase.strip(), v) and _names_people(phrase, v)):
            add(Attribution(source=None, kind="vague", start=m.start(), end=np[1], cue=cue, chain=[],
                            hops=0, source_type="unknown"))


def _relay_between(doc, matches: list[re.Match], hi: int, v: Vocab) -> tuple[int, int, tuple[str, str], str] | None:
    """(start, end, (outlet, type), cue) of a relay phrase and the outlet after it, among ``matches`` (relay
    phrases found before ``hi``, the reporting verb): the outlet a parenthesis between a subject and its verb
    names ("..., speaking to Vell TV, said", "..., in an interview with the Courier, said")."""
    text = doc.norm
    for m in matches:
        np = _np_right(text, m.end(), hi, max_words=8)
        if not np:
            continue
        np, phrase = _via_outlet(doc, np, hi, v)
        outlet = outlet_of(phrase, v)
        if not outlet and _OWN_CHANNEL_RX.fullmatch(phrase.strip()):
            # "speaking to the federation's website": a body's own medium interviewed the speaker
            outlet = (_DET_RX.sub("", phrase.strip()), "media")
        if outlet and not _own_outlet(doc, outlet[0]) and re.fullmatch(r"[\s,]*", text[np[1]:hi]):
            return m.start(), np[1], outlet, re.sub(r"\s+", " ", m.group().casefold())
    return None


_OWN_CHANNEL_RX = re.compile(r"(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}['’]s?\s+(?:own\s+|official\s+)?"
                             r"(?:website|web\s+site|channel|podcast|radio\s+station|TV\s+channel|magazine)",
                             re.IGNORECASE)


def _unknown_outlet(doc, phrase: str, persons: list[Person], v: Vocab) -> bool:
    """A one-word name that "reported" and that the vocabulary does not know ("Haaretz reported", "BNR
    reported"): an outlet, unless it is a person the article introduces, a title, an institution, or a place
    by the way the article uses it (its people's adjective, "Israeli" beside "Israel", or "in Israel")."""
    words = _DET_RX.sub("", phrase.strip()).split()
    if len(words) != 1 or not _unlisted_name(phrase, persons, v) or _own_outlet(doc, words[0]):
        return False
    w = words[0]
    if not re.fullmatch(r"[A-Z][\w'’-]+", w):
        return False
    if w.casefold() in _place_names():
        return False  # "Russia said, citing its defence ministry": a country, no outlet
    stem = re.escape(w[:-1] if w[-1:] in "aeiy" else w)
    if any(_DEMONYM_RX.search(m.group()) for m in re.finditer(rf"(?<!\w){stem}\w+", doc.text)):
        return False  # "Israeli" beside "Israel", "Norlandic" beside "Norland": a place
    # (or a condition people have: "those with BED reported")
    # ("according to DPS" is no place: "to" after "according" names a source)
    return not re.search(rf"(?<!\w)(?:in|from|(?<!according\s)to|across|with|among)\s+{re.escape(w)}(?!\w)", doc.text)


_NEVER_OUTLETS = frozenset("others other many some several most few both all each one this that these those staff "
                           "everyone everybody someone somebody nobody no".split())


def _unlisted_name(phrase: str, persons: list[Person], v: Vocab) -> bool:
    """A capitalised name (one to three words) that is no person the article introduces, no title, no
    institution and no vague noun: after "per", a publication."""
    words = _DET_RX.sub("", phrase.strip()).split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    low = " ".join(words).casefold()
    if words[0].casefold() in _NEVER_OUTLETS:
        return False  # "Others reported", "That report found", a "Staff Reports" byline: no name at all
    if v.title_rx.search(phrase) or any(low.endswith(h) for h in v.institution_heads) or \
            words[-1].casefold() in v.vague_nouns or low in v.pronouns:
        return False
    known = {w for p in persons for w in p.name.split()}
    return not set(words) & known


_SUMMARY_HEAD_RX = re.compile(r"(?:[\w-]+\s+){0,2}?(?:summary|translation|transcript|readout|version|rendering)\b")


def _classify_np(doc, phrase: str, start: int, end: int, cue: str, persons, history,
                 v: Vocab, outlets=()) -> Attribution:
    low = phrase.casefold()
    head = re.sub(r"^(?:the|a|an)\s+", "", low)
    rel = _RELEASED_BY_RX.search(phrase)  # "an English translation released by Norland TV": whose text it is
    outlet = (outlet_of(rel.group(1), v) if rel else None) or outlet_of(phrase, v) or \
        _outlet_anaphor(phrase, start, outlets)
    if outlet and not _own_outlet(doc, outlet[0]):
        return Attribution(source=outlet[0], kind="relayed", start=start, end=end, cue=cue,
                           chain=[outlet[0]], hops=2, source_type=outlet[1])
    if rel and _SUMMARY_HEAD_RX.match(head):
        # "according to a summary released by the agency's press office": a version of the words another
        # party put out relays them, whoever that party is (a body's own statement is first hand)
        party = _DET_RX.sub("", rel.group(1).strip())
        return Attribution(source=party, kind="relayed", start=start, end=end, cue=cue, chain=[party], hops=2,
                           source_type="institution")
    if _unowned(phrase, v):
        return Attribution(source=None, kind="vague", start=start, end=end, cue=cue, chain=[], hops=0,
                           source_type="unknown")
    group = _GROUP_HEAD_RX.match(head)
    # (the phrase may stop before what describes them: "according to those" + " who were in the room")
    if _UNNAMED_PEOPLE_RX.match(head + doc.norm[end:end + 40]) or \
            group and (group.group(1) in v.vague_nouns or group.group(1).split()[-1] in v.vague_nouns):
        # "an official in the vice president's office", "sources close to the minister": the head noun,
        # before its preposition, names nobody whoever the rest names
        return Attribution(source=None, kind="vague", start=start, end=end, cue=cue, chain=[], hops=0,
                           source_type="unknown")
    if any(low.endswith(h) for h in v.institution_heads):
        return Attribution(source=phrase, kind="direct", start=start, end=end, cue=cue, chain=[phrase],
                           hops=1, source_type="institution")
    if head.split()[-1] in v.vague_nouns or head in v.vague_nouns or low in v.vague_nouns or vague_np(phrase, v):
        return Attribution(source=None, kind="vague", start=start, end=end, cue=cue, chain=[], hops=0,
                           source_type="unknown")
    source, stype = _resolve(rel.group(1) if rel else phrase, start, persons, history, v)
    return Attribution(source=source, kind="direct", start=start, end=end, cue=cue, chain=[source], hops=1,
                       source_type=stype)


# a reading after a speaker's clause ("he added in an apparent dig at", "in what", "in a bid to", "in a nod
# to"): not part of the clause's setting
_READING_RX = re.compile(r"\s+in\s+(?:what|an?\s+(?:[\w-]+\s+){0,2}?(?:apparent|veiled|thinly|barely|implicit|oblique|subtle|"
                         r"clear|possible|likely|pointed|move|bid|attempt|effort|sign|signal|nod|swipe|dig|jab|rebuke|"
                         r"warning|threat|message|reference|allusion|gesture|rebuff)\b)", re.IGNORECASE)


def _setting_tail(text: str, pos: int, hi: int) -> int:
    """End of a setting after the verb ("during a speech ...", "in Parliament", "lawmakers")."""
    m = re.match(r"\s+(?:(?:during|in|at|on|before|to|while|from|via|through)\b|lawmakers\b|reporters\b|"
                 r"journalists\b|parliament\b|MPs\b)", text[pos:hi], re.IGNORECASE)
    if not m or _READING_RX.match(text, pos, hi):
        return pos
    end = pos
    for n, w in enumerate(_WORD.finditer(text, pos, hi)):
        if n >= 20:
            break
        if re.search(r"[,;:!?\"()]|\.\s", text[end:w.start()]) or w.group().casefold() in ("that", "saying"):
            break
        end = w.start() + len(w.group().rstrip("."))
    return end


# what may follow a reporting clause that closes its sentence: a participle naming its own source or adding
# more ("..., Hrad said, citing the secretary general."), then the sentence's end
_CLOSES_SENTENCE = re.compile(r"\s*(?:,\s*(?:citing|quoting|adding|referring|according)\b[^.!?]*)?"
                              r"[\s.!?\"'\u2019\u201d]*$")


def _principal_before(atts: list[Attribution], text: str, s0: int, cs: int, source: str) -> str | None:
    """The person whose words the clause at ``cs`` relays: it closes its sentence after a comma, and the
    sentence before it reports another person first hand ("Vos said ..., Hrad wrote"); else None."""
    if not re.search(r",\s*$", text[s0:cs]):
        return None
    before = [a for a in atts if a.kind == "direct" and a.source_type == "person" and a.source and
              s0 <= a.start and a.end <= cs and a.source != source and
              a.source.split()[-1] != source.split()[-1]]
    return before[-1].source if before else None


def _other_speaker(doc, text: str, s0: int, e0: int, subj: Span, persons: list[Person], v: Vocab,
                   outside_quotes: bool = False, exclude: str | None = None) -> str | None:
    """A person other than the relay's subject named in the sentence (the origin of a relayed account): not
    one named inside the subject's words, or, given ``exclude``, not that person; with ``outside_quotes``,
    named in the author's words only (one named inside a quotation is the quoted speaker's business:
    '"... Donald Trump," Grisham said')."""
    subj_text = text[subj[0]:subj[1]]
    for p in persons:
        if p.name == exclude:
            continue
        for form in (p.name, p.name.split()[-1]):
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text[s0:e0]):
                at = s0 + m.start()
                if subj[0] <= at < subj[1] or (exclude is None and form in subj_text) or \
                        outside_quotes and doc.inside_quotation(at, at + len(form)):
                    continue
                return p.name
    # a role that one person of the article holds ("the spokeswoman said the minister was willing"): that person
    holders = [*persons, *_table_of(persons)]
    for m in _THE_ROLE_RX.finditer(text, s0, e0):
        if subj[0] <= m.start() < subj[1] or outside_quotes and doc.inside_quotation(m.start(), m.end()):
            continue
        for word in m.group(1).casefold().split():
            held = sorted({p.name for p in holders if p.name != exclude and
                           any(t == word or t.endswith(" " + word) for t in p.titles)})
            if len(held) == 1:
                return held[0]
            if held:
                break
    return None


_THE_ROLE_RX = re.compile(r"(?<![\w'])[Tt]he\s+((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)")


def _credits(doc, v: Vocab):
    """Caption and embed credits: "(Source: StratcomCentre/X)", "... Andrii Nesterenko / AFP"."""
    text = doc.norm
    markers = "|".join(re.escape(m) for m in longest_first(v.credit_markers))
    paren_rx = re.compile(rf"\(\s*(?:{markers})\s*([^()\n]{{2,80}})\)", re.IGNORECASE)
    # a credit ends its line and holds no bracket ("(Video Source: HTV) pic.twitter.com/... - Harbour Wire
    # (@harbourwire)" is a video credit, then an embedded post)
    plain_rx = re.compile(rf"(?:^|(?<=[.\s]))(?:{markers})\s*([^\n()]{{2,80}})$", re.IGNORECASE)
    slash_rx = re.compile(rf"((?:{_CAP}\s+){{0,3}}{_CAP})\s+/\s+([\w][\w .&-]{{0,40}}?)\s*$")
    via_rx = re.compile(r"\(([^()\n]{2,80}?)\s+via\s+([\w][\w .&-]{0,40}?)\)\s*$")
    for ls, le in doc.lines:
        line = text[ls:le]
        sign = _agency_signoff(doc, v, ls, le) or _agency_copyright(doc, v, ls, le)
        if sign:
            yield from sign
            continue
        m = paren_rx.search(line) or plain_rx.search(line)
        if m:
            foot = _foot_source(doc, v, ls, m) if m.re is plain_rx else None
            outlet = outlet_of(m.group(1).strip(), v) if m.re is paren_rx else None
            if foot:
                yield from foot
            elif outlet and not _own_outlet(doc, outlet[0]) and len(line[:m.start()].split()) >= 10 and \
                    not doc.in_boilerplate((ls, le)):
                # "Fans gathered at the ground, some in tears (Source: Kelmar Courier).": a running sentence's
                # source in brackets, no picture's credit: the outlet relays what the sentence says
                yield Attribution(source=outlet[0], kind="relayed", start=ls + m.start(), end=ls + m.end(),
                                  cue="source", chain=[outlet[0]], hops=2, source_type=outlet[1])
            else:
                yield _credit(doc, v, ls + m.start(), ls + m.end(), m.group(1).strip(), m.group())
            continue
        m = via_rx.search(line)  # "(Presidential Press Service via AP)" under a picture
        if m and (v.source_rx.fullmatch(m.group(2).strip()) or m.group(2).strip().isupper()):
            yield _credit(doc, v, ls + m.start(), ls + m.end(), f"{m.group(1).strip()}/{m.group(2).strip()}", "via")
            continue
        m = slash_rx.search(line) if "/" in line else None
        if m and (v.source_rx.fullmatch(m.group(2).strip()) or m.group(2).strip().isupper()):
            yield _credit(doc, v, ls + m.start(), ls + m.end(), f"{m.group(1)}/{m.group(2).strip()}", "/")


def _agency_signoff(doc, v: Vocab, ls: int, le: int) -> list[Attribution]:
    """A line of news agencies' names alone ("Reuters, AP", "AFP/dpa") under the article's running text:
    the story came from them, a relay through each (under a picture it is a credit, read below)."""
    line = doc.norm[ls:le]
    body = line.strip().strip("()[]").strip()
    if not body or len(body) > 60 or not re.fullmatch(r"[\w .&'-]+(?:\s*(?:,|/|&|\band\b)\s*[\w .&'-]+){0,3}", body):
        return []
    out = []
    for piece in re.finditer(r"[^,/&]+", body):
        name = re.sub(r"^\s*and\s+|\s+and\s*$", "", piece.group()).strip()
        if not name or not v.source_rx.fullmatch(name) or v.source_type(name) != "agency":
            return []
        s = ls + line.find(body) + piece.start() + piece.group().find(name)
        out.append(Attribution(source=name, kind="relayed", start=s, end=s + len(name), cue="sign-off",
                               chain=[name], hops=2, source_type="agency"))
    if not out or not _prose_above(doc, ls) or any(_own_outlet(doc, a.source) for a in out):
        return []
    return out


_COPYRIGHT = re.compile(r"\s*(?:Copyright\s*(?:©\s*)?|©\s*|\([cC]\)\s*)(?:\d{4}(?:-\d{4})?\s+)?(?:The\s+)?"
                        r"(?P<name>[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,3})")


_AGENCY_NAME_RX = re.compile(r"\s(?:Wire|Wire\s+Service|News\s+Service|News\s+Agency|Press\s+Agency|Newswire|"
                             r"Press\s+Association)$")


def _agency_copyright(doc, v: Vocab, ls: int, le: int) -> list[Attribution]:
    """A copyright line naming a news agency ("Copyright 2025 The Associated Press. All rights reserved."):
    the text is the agency's copy, a relay through it (the outlet's own copyright names no relay)."""
    m = _COPYRIGHT.match(doc.norm, ls, le)
    if not m:
        return []
    name = m.group("name")
    known = v.source_rx.fullmatch(name) and v.source_type(name) == "agency"
    if not (known or _AGENCY_NAME_RX.search(name)):
        return []  # an agency by its name or by its kind ("Eastmark Wire Service")
    if _own_outlet(doc, name):
        return []  # the outlet's own notice names no relay
    return [Attribution(source=name, kind="relayed", start=m.start("name"), end=m.end("name"), cue="copyright",
                        chain=[name], hops=2, source_type="agency")]


def _site_of(doc, name: str) -> bool:
    """Whether the article's address is the site of ``name``: its host's first label starts with the
    name run together or with its initials ("apnews.com" for the Associated Press, "afp.com")."""
    url = doc.article.url or ""
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.casefold()).split("/")[0].split("@")[-1]
    labels = [x for x in host.split(".") if x and x != "www"]
    if not labels:
        return False
    words = [w for w in re.findall(r"[^\W_]+", name.casefold()) if w != "the"]
    keys = {"".join(words), "".join(w[0] for w in words)} - {""}
    return any(labels[0].startswith(k) for k in keys)


def _prose_above(doc, ls: int) -> bool:
    """Whether the nearest non-empty line above ``ls`` is running text (a sentence of twelve words or
    more), not a caption, a heading or a picture."""
    prev = [(s, e) for s, e in doc.lines if e <= ls and doc.norm[s:e].strip()]
    if not prev:
        return False
    above = doc.norm[prev[-1][0]:prev[-1][1]].strip()
    return len(above.split()) >= 12 and above[-1:] in '.!?"\')]\u2026'


def _foot_source(doc, v: Vocab, ls: int, m: re.Match) -> list[Attribution]:
    """"Source: Xinhua" on its own line under the article's text (not under a picture): the text came
    through that outlet, a relay. "Sources: Vell TV; agencies": each outlet a relay, the unnamed ones vague
    sourcing (none when no part names an outlet: the line is then read as a credit)."""
    if not m.group().lstrip().casefold().startswith("source") or not _prose_above(doc, ls):
        return []
    body = re.split(r"\s{2,}|\s+[|/]\s+|\s+(?:Editor|Edited by|Writer|Reporter)\b", m.group(1).strip())[0]
    at = ls + m.start(1) + len(m.group(1)) - len(m.group(1).lstrip())
    parts = [(at + p.start(), p.group()) for p in re.finditer(r"[^;,]+", body)] \
        if m.group().lstrip().casefold().startswith("sources") else [(at, body)]
    out, cue = [], m.group().strip().split()[0]
    for start, part in parts:
        part = re.sub(r"^(?:and|&)\s+", "", part.strip())
        start = at + doc.text[at:].find(part, start - at) if part else start
        outlet = outlet_of(part, v)
        if outlet and not _own_outlet(doc, outlet[0]):
            out.append(Attribution(source=outlet[0], kind="relayed", start=start, end=start + len(part), cue=cue,
                                   chain=[outlet[0]], hops=2, source_type=outlet[1]))
        elif part and vague_np(part, v) and len(parts) > 1:
            out.append(Attribution(source=None, kind="vague", start=start, end=start + len(part), cue=cue, chain=[],
                                   hops=0, source_type="unknown"))
    if not any(a.kind == "relayed" for a in out):
        return []
    if len(parts) == 1:  # "Source: Xinhua": the marker and the name, as one span
        out[0].start = ls + m.start() + len(m.group()) - len(m.group().lstrip())
    return out


_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
           r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATELINE_RX = re.compile(rf"\s*[A-Z][A-Za-z'’. -]{{1,30}}(?:,\s+{_MONTHS}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|,\s+\d{{1,2}}"
                          rf"\s+{_MONTHS}(?:\s+\d{{4}})?)?\s*\(([^()\n]{{2,40}})\)")
_DATE_AFTER_RX = re.compile(rf"\s*(?:{_MONTHS}\.?\s+\d{{1,2}}\b|\d{{1,2}}\s+{_MONTHS}\b)")
# a wire dateline in any of the forms sites print it: a place and/or a date, with commas, bars or dashes
# between, then the agency in brackets and a dash or a colon ("United Nations | September 24, 2025 (Reuters)
# :", "(AFP) -", "KYIV, Ukraine - Nov. 21, 2024 (AP) -")
_DATELINE2_RX = re.compile(r"\s*(?:[A-Z][^\n()]{0,70}?\s*)?\(([^()\n]{2,40})\)\s*[-:|\u2014\u2013]")
# a sign-off naming where the text came from: "(With PTI inputs)", "With agency inputs", "(with AFP)",
# "Reuters contributed to this report", "published from a wire agency feed"
_SIGNOFF_RX = re.compile(
    r"(?:(?:^|\(|(?<=[.!?]\s))[^\S\n]*(?:[-\u2013\u2014*\u2022][^\S\n]*)?(?:[Ww]ith\s+(?:additional\s+)?(?P<a>[^()\n.]{1,40}?)\s+(?:inputs?|reporting)"
    r"|[Ww]ith\s+(?P<b>[^()\n.]{1,30}?)\s*(?=\))"
    r"|(?P<c>[A-Z][^()\n.]{0,40}?)\s+contributed\s+to\s+this\s+(?:report|story|article))"
    r"|(?<!\w)(?:published|generated|taken|sourced|produced)\s+(?:directly\s+|automatically\s+)?from\s+(?:an?|the)\s+"
    r"(?P<d>(?:[\w&'\u2019-]+\s+){1,6}?)feeds?\b)", re.MULTILINE)
# the words naming a feed of no one in particular ("an automated news agency feed", "a syndicated feed")
_GENERIC_FEED = frozenset("automated automatic news agency agencies wire wires syndicated syndication rss partner "
                          "third-party content external global international live".split())
_POST_RX = re.compile(rf"[\u2014\u2013-]\s*([^\n()\u2014\u2013@]{{1,60}}?)\s*\((@\w{{1,30}})\)\s+{_MONTHS}\s+\d{{1,2}},\s+\d{{4}}")


# a rendering of the speaker's words by a translator the text does not name, as the subject of a verb of
# saying: "the speech translated into English states", "an English translation of the letter reads"
_POSSESSED_TRANSLATION_RX = re.compile(
    r"(?<!\w)(?:[Ii]n|[Aa]ccording\s+to|[Pp]er)\s+(?P<who>(?:the\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,3})"
    r"['\u2019]s?\s+(?:English\s+|official\s+|own\s+)?(?:translation|rendering)\b")
_TRANSLATION_RX = re.compile(
    r"(?<!\w)(?:translated\s+(?:in|into)\s+[A-Z]\w+|(?:[Aa]n?|[Tt]he)\s+(?:(?:English|rough|unofficial|machine)\s+)?"
    r"translation(?:\s+of\s+(?:the|his|her|their)\s+[\w'’-]+(?:\s+[\w'’-]+)?)?)\s+"
    r"(?:states|stated|says|said|reads|read|runs|ran|goes)\b")
_REFERENCES_RX = re.compile(r"\s*(?:References?|Sources?|Reference\(s\)|Source\(s\))\s*:\s*")
_DATE_LINE_RX = re.compile(rf"\s*(?:\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|{_MONTHS}\s+\d{{1,2}}\b|"
                           rf"\d{{1,2}}\s+{_MONTHS}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|Updated\b|Published\b)")
_SLASH_WIRE_RX = re.compile(r"\s*(?:[A-Z][^\n/]{0,60}?\s*)?/([A-Za-z][A-Za-z-]{1,15})/\.?")
_WIRE_LABEL_RX = re.compile(r"[^\S\n]*([A-Z][\w.&'\u2019-]*(?:[^\S\n][A-Z][\w.&'\u2019-]*){0,2})[^\S\n]*:(?=\s|$)")
_BYLINE_RX = re.compile(r"\s*By\s+([^\n]{2,80}?)\s*$")
_WRITTEN_FOR_RX = re.compile(r"\s+for\s+(.+)$")  # a byline's "for <outlet>": whose copy the text is
# an aggregator's card naming the outlet a story comes from, with its reading time or age ("BBC 1 min read
# 1 hour ago", "Valley Courier · 3 min read")
_AGE = r"(?:\d+\s*min(?:ute)?s?\s+read\b|\d+\s+(?:minutes?|hours?|days?)\s+ago\b)"
_CARD_RX = re.compile(rf"\s*([^\n·•|]{{2,40}}?)\s*[·•|]?\s*{_AGE}")
_AGE_LINE_RX = re.compile(rf"\s*{_AGE}(?:\s*[·•|]?\s*{_AGE})?\s*")


def _card_outlet(doc, v: Vocab, ls: int, le: int, next_line: Span | None) -> tuple[int, tuple[str, str]] | None:
    """(start, outlet) of an aggregator's card on line ``ls:le``: an outlet, then its reading time or age on
    the same line or alone on the next one; not the article's own outlet."""
    text = doc.norm
    m = _CARD_RX.match(text, ls, le)
    if m:
        s, name = m.start(1), m.group(1).strip()
    elif next_line and _AGE_LINE_RX.fullmatch(text, *next_line) and len(text[ls:le].split()) <= 5:
        name = text[ls:le].strip()
        s = ls + text[ls:le].find(name)
    else:
        return None
    outlet = outlet_of(name, v)
    if not outlet or outlet[0] != name or _own_outlet(doc, outlet[0]):
        return None
    return s, outlet


# page labels that sites print in brackets before a dash, as a wire prints its name ("(VIDEO) -")
_BRACKET_LABELS = frozenset({"video", "videos", "photo", "photos", "update", "updated", "live", "watch", "opinion",
                             "analysis", "exclusive", "editorial", "listen", "audio", "read", "sponsored", "ad",
                             "breaking", "new", "file"})


def _dateline_outlet(name: str, v: Vocab) -> tuple[str, str] | None:
    """Whose wire a dateline's bracket names: a known outlet, or any acronym (2 to 6 capitals, "(JTA) -",
    "(KUNA) -"): the form itself, a name in brackets before the dash that opens the text, is a credit."""
    outlet = outlet_of(name, v)
    if outlet:
        return outlet
    name = name.strip()
    if re.fullmatch(r"[A-Z]{2,6}", name) and name.casefold() not in _BRACKET_LABELS:
        return name, "agency"
    return None


# the lower-case nouns of an outlet's kind and the source types they name: after an outlet's name ("Yonhap
# news agency", "YTN TV") and, with "the", for the last outlet of that kind the text named ("the agency")
_OUTLET_KIND = {"agency": ("agency",), "wire": ("agency",), "wire service": ("agency",),
                "broadcaster": ("broadcaster",), "channel": ("broadcaster",), "network": ("broadcaster",),
                "station": ("broadcaster",), "tv": ("broadcaster",), "television": ("broadcaster",),
                "newspaper": ("media",), "paper": ("media",), "daily": ("media",),
                # (session 35) "The tabloid also quoted Maresh"
                "tabloid": ("media",), "broadsheet": ("media",), "weekly": ("media",), "magazine": ("media",),
                "outlet": ("agency", "broadcaster", "media")}
_ANAPHOR_TYPES = frozenset({"agency", "broadcaster", "media"})
_ANAPHOR_RX = re.compile(r"(?:the|this)\s+(?:news\s+|wire\s+|state\s+|public\s+)?("
                         + "|".join(k.replace(" ", r"\s+") for k in longest_first(_OUTLET_KIND))
                         + ")", re.IGNORECASE)
# (session 35) what carries someone's words as the subject of "quoted X as saying": an outlet by its kind ("The
# public broadcaster also quoted her", "The tabloid quoted Maresh") or a document, with where and when it was put
# out ("A written summary posted on the commission's website after midnight quotes Ms Maresh")
_CARRIER_LEFT_RX = re.compile(
    r"(?<![\w'’-])((?:[Tt]he|[Tt]his|[Aa]n?|[Ii]ts|[Hh]er|[Hh]is|[Tt]heir)\s+(?:(?:news|wire|state|public|written|official|"
    r"full|English|short|brief|printed|edited)\s+){0,2}(?:" + "|".join(k.replace(" ", r"\s+") for k in longest_first(_OUTLET_KIND))
    + r"|summary|transcript|readout|communiqu[eé]|press\s+release|release)"
    r"(?:\s+" + _PUT_OUT_VERBS + r"\b[^,.;:\"“”\n]{0,60}?)?)(?:\s+(?:also|later|then|too))?\s*\Z")


def _kind_noun(phrase: str) -> str | None:
    """The outlet kind a lower-case noun phrase is ("news agency" -> "agency"), else None."""
    low = " ".join(phrase.casefold().split())
    low = low[5:] if low.startswith("news ") else low
    return low if low in _OUTLET_KIND else None


def _outlet_anaphor(phrase: str, pos: int, outlets) -> tuple[str, str] | None:
    """The outlet ``the agency`` (``the broadcaster``, ``the newspaper``) points back to: the last one of
    that kind the text named before ``pos``; None when there is none."""
    m = _ANAPHOR_RX.fullmatch(phrase.strip())
    if not m:
        short = _DET_RX.sub("", phrase.strip()).split()
        if not 1 <= len(short) <= 2 or not all(w[:1].isupper() for w in short):
            return None
        # "The Echo quoted her" after "The Carrow Ford Echo had the best account": the last words of an
        # outlet's name the text gave in full
        before = [(p, name, t) for p, name, t in outlets
                  if p < pos and len(name.split()) > len(short) and name.split()[-len(short):] == short]
        return max(before)[1:] if before else None
    kinds = _OUTLET_KIND[" ".join(m.group(1).casefold().split())]
    before = [(p, name, t) for p, name, t in outlets if p < pos and t in kinds] or \
        [(p, name, t) for p, name, t in outlets if p < pos and t == "media" and "agency" not in kinds]
    # (session 35: an outlet the vocabulary does not know is of no kind, "media": "According to KBC, ..." then
    # "The public broadcaster also quoted her"; not "the agency", which is as often a government's)
    return max(before)[1:] if before else None


_WORD_LEFT = re.compile(r"(?<![\w'\u2019-])[\w'\u2019-]+\s+$")


def _kind_before(text: str, lo: int, subj: Span, v: Vocab) -> tuple[tuple[str, str], Span] | None:
    """The outlet a name is when the lower-case noun of an outlet's kind stands right before it, with the
    words that say whose it is ("state broadcaster VTV", "the Norland tabloid Bildo"), and the span of the
    whole phrase; None when no such noun is there or ``outlet_of`` reads the phrase as naming another."""
    name = _DET_RX.sub("", text[subj[0]:subj[1]].strip())
    noun = _WORD_LEFT.search(text, lo, subj[0])
    if not noun or not noun.group().islower() or not v.media_noun_rx.match(noun.group()):
        return None
    starts, pos = [noun.start()], noun.start()
    for _ in range(3):  # the words before the noun, nearest first: "state", "Norland's", "the"
        w = _WORD_LEFT.search(text, lo, pos)
        if not w:
            break
        starts.append(pos := w.start())
    for start in reversed(starts):  # the longest phrase that still names this name wins
        found = outlet_of(text[start:subj[1]], v)
        if found and found[0] == name:
            return found, (start, subj[1])
    return None

_NAME_BEFORE_KIND = re.compile(r"((?-i:[A-Z][\w.&'\u2019-]*)(?:\s+(?-i:[A-Z][\w.&'\u2019-]*)){0,3})\s+(?:news\s+)?$")
_STAFF_ROLE = re.compile(r"\s(?:Correspondent|Reporter|Writer|Editor|Staff|Journalist)\s*$", re.IGNORECASE)


def _staff_of(part: str, v: Vocab) -> tuple[str, str] | None:
    """The outlet a byline's "Nina Lloyd, PA Political Correspondent" names: the words before a staff role
    (one to three of them, the longest that is a known outlet)."""
    part = part.strip()
    if not _STAFF_ROLE.search(part):
        return None
    words = part.split()
    for k in (3, 2, 1):
        o = outlet_of(" ".join(words[:k]), v) if len(words) > k else None
        if o:
            return o
    return None


def _provenance(doc, v: Vocab, persons: list[Person]):
    """Lines that say where the text came from: a wire dateline ("HARBOURTON, May 4 (Tidewire) -") and an
    embedded post ("- Valley Courier (@vcourier) May 4, 2025") that carries someone's words. Both are
    relays (through the agency, through the posting account), unless the agency is the article's own
    outlet or the post is by a person the article introduces (their own words: first hand)."""
    text = doc.norm
    full = [(s, e) for s, e in doc.lines if text[s:e].strip()]
    next_full = dict(zip(full, full[1:], strict=False))  # each non-empty line -> the next non-empty one
    for i, (ls, le) in enumerate(full):
        if _REFERENCES_RX.fullmatch(text, ls, le):
            # "Reference(s):" / "Source:" then the story's title and its site's address on the lines below
            for ns, ne in full[i + 1:i + 4]:
                name = text[ns:ne].strip()
                outlet = outlet_of(name, v) if len(name.split()) <= 4 else None
                if outlet and outlet[0] == name and not _own_outlet(doc, name):
                    yield Attribution(source=name, kind="relayed", start=ls + len(text[ls:le]) - len(text[ls:le].lstrip()),
                                      end=ns + text[ns:ne].find(name) + len(name), cue="references",
                                      chain=[name], hops=2, source_type=outlet[1])
                    break
        elif i < 6 and i + 1 < len(full) and _DATE_LINE_RX.match(text, *full[i + 1]):
            # a wire's name alone on a line above the date, at the head of the text ("dpa" / "14.2.2025 - 21:01")
            name = text[ls:le].strip()
            outlet = outlet_of(name, v) if 1 <= len(name.split()) <= 3 else None
            if outlet and outlet[0].casefold() == name.casefold() and outlet[1] == "agency" and \
                    not _own_outlet(doc, outlet[0]):
                s = ls + text[ls:le].find(name)
                yield Attribution(source=outlet[0], kind="relayed", start=s, end=s + len(name), cue="wire line",
                                  chain=[outlet[0]], hops=2, source_type="agency")
    for ls, le in doc.lines:
        sw = _SLASH_WIRE_RX.match(text, ls, le)
        if sw and sw.end() - ls <= 90:
            outlet = outlet_of(sw.group(1), v) or outlet_of(sw.group(1).upper(), v)
            if outlet and outlet[1] == "agency" and not _own_outlet(doc, outlet[0]):
                # "MUNICH, February 14th. /tass/. ...": a wire's dateline between slashes
                s = sw.start() + len(sw.group()) - len(sw.group().lstrip())
                yield Attribution(source=outlet[0], kind="relayed", start=s, end=sw.end(), cue="dateline",
                                  chain=[outlet[0]], hops=2, source_type="agency")
        m = _WIRE_LABEL_RX.match(text, ls, le)
        if m:
            outlet = outlet_of(m.group(1), v)
            if outlet and outlet[1] == "agency" and outlet[0] == m.group(1) and not _own_outlet(doc, outlet[0]):
                # "AFP :" above the story, "Reuters: The prime minister said ...": a wire's label on its copy
                yield Attribution(source=outlet[0], kind="relayed", start=m.start(1), end=m.end(), cue="label",
                                  chain=[outlet[0]], hops=2, source_type="agency")
        m = _BYLINE_RX.match(text, ls, le)
        if m and len(m.group(1).split()) <= 10:
            body = re.split(r"\s+[-|\u2014\u2013]\s+|\s+(?:Published|Updated|Last updated)\b", m.group(1))[0]
            parts = [p for p in re.split(r",|&|\band\b", body) if p.strip()]
            s = m.start() + len(m.group()) - len(m.group().lstrip())
            wires = [o for o in (outlet_of(p.strip(), v) or _staff_of(p, v) for p in parts) if o and o[1] == "agency"
                     and not _own_outlet(doc, o[0])]
            written_for = _WRITTEN_FOR_RX.search(body)
            other = outlet_of(written_for.group(1), v) if written_for else None
            if other and not _own_outlet(doc, other[0]):  # "By Jane Roe for the Valley Courier": its copy
                yield Attribution(source=other[0], kind="relayed", start=s, end=m.start(1) + len(body), cue="byline",
                                  chain=[other[0]], hops=2, source_type=other[1])
            elif wires:  # "By PTI", "By Jane Roe, Reuters": the text came through a wire agency
                yield Attribution(source=wires[0][0], kind="relayed", start=s, end=m.start(1) + len(body), cue="byline",
                                  chain=[wires[0][0]], hops=2, source_type="agency")
            elif any(vague_np(p, v) for p in parts):  # "By Staff Writers and Agencies": a byline naming no one
                yield Attribution(source=None, kind="vague", start=s, end=m.end(1), cue="byline", chain=[],
                                  hops=0, source_type="unknown")
            continue
        card = _card_outlet(doc, v, ls, le, next_full.get((ls, le)))
        if card:
            s, outlet = card
            yield Attribution(source=outlet[0], kind="relayed", start=s, end=s + len(outlet[0]), cue="card",
                              chain=[outlet[0]], hops=2, source_type=outlet[1])
            continue
        for m in _SIGNOFF_RX.finditer(text, ls, le):
            g = next(k for k in "abcd" if m.group(k))
            body = m.group(g).strip()
            if g == "d":
                # "from a Press Trust of Norland feed": the one it names relays the text; "from a syndicated
                # feed" names no one
                named = " ".join(w for w in body.split() if w.casefold() not in _GENERIC_FEED)
                if not named:
                    outlet = None
                elif named[:1].isupper() and all(w[:1].isupper() or w in ("of", "and", "&") for w in named.split()):
                    outlet = outlet_of(named, v) or (_DET_RX.sub("", named), "agency")
                else:
                    continue  # "from the city's traffic feed": a feed of data, no source of the text
            else:
                # ("(With inputs from Northgate Wire)": the words before the name say what it gave)
                body = re.sub(r"(?i)^(?:(?:additional\s+)?(?:inputs?|reporting|contributions?)\s+(?:from|by)\s+)", "", body)
                outlet = outlet_of(body, v)
            s = m.start() + len(m.group()) - len(m.group().lstrip(" (\n-\u2013\u2014*\u2022"))
            if outlet and not _own_outlet(doc, outlet[0]):
                yield Attribution(source=outlet[0], kind="relayed", start=s, end=m.end(), cue="sign-off",
                                  chain=[outlet[0]], hops=2, source_type=outlet[1])
            elif not outlet and not re.match(r"(?i)(?:his|her|their|its|our|my)\s", body) and \
                    (g == "d" or vague_np(body, v) or re.search(r"(?i)\b(?:agency|agencies|wires?)$", body)):
                # (a sign-off names a source, never somebody's company: "(with her aides)" is no sign-off)
                yield Attribution(source=None, kind="vague", start=s, end=m.end(), cue="sign-off", chain=[],
                                  hops=0, source_type="unknown")
        m = _DATELINE_RX.match(text, ls, le)
        if m and not re.search(r"\d", m.group()) and not re.match(r"\s*[-:|\u2014\u2013]", text[m.end():le]) \
                and not _DATE_AFTER_RX.match(text, m.end(), le):
            # a place and a bracket with no date (before or after it: "Port Delmar (UPI) Oct 2, 2025") and no
            # dash: a caption's credit, not a dateline
            m = None
        if not (m and m.end() - ls <= 70 and _dateline_outlet(m.group(1), v)):
            m = _DATELINE2_RX.match(text, ls, le)
        if m and m.end() - ls <= 90:
            outlet = _dateline_outlet(m.group(1), v)
            if outlet and not _own_outlet(doc, outlet[0]):
                s = m.start() + len(m.group()) - len(m.group().lstrip())
                yield Attribution(source=outlet[0], kind="relayed", start=s, end=m.end(), cue="dateline",
                                  chain=[outlet[0]], hops=2, source_type=outlet[1])
        for m in _POST_RX.finditer(text, ls, le):
            name, handle = m.group(1).strip(), m.group(2)
            if not name:
                continue
            own = bool(set(name.split()) & {w for p in persons for w in p.name.split()})
            s, e = m.start(1), m.end(2) + 1
            if own:
                yield Attribution(source=name, kind="direct", start=s, end=e, cue="post", chain=[name],
                                  hops=1, source_type="social")
            else:
                yield Attribution(source=name, kind="relayed", start=s, end=e, cue=handle, chain=[name],
                                  hops=2, source_type=v.source_type(name) or "social")


def _credit(doc, v: Vocab, s: int, e: int, body: str, cue: str) -> Attribution:
    parts = [p.strip() for p in re.split(r"\s*/\s*", body) if p.strip()]
    if len(parts) >= 2 and v.source_type(parts[-1]) == "social":
        source, stype = parts[0], "social"
    elif len(parts) >= 2:
        source, stype = parts[-1], v.source_type(parts[-1]) or "agency"
    else:
        source = parts[0] if parts else body
        stype = v.source_type(source) or ("social" if source.startswith("@") else "unknown")
    return Attribution(source=source, kind="credit", start=s, end=e, cue=cue.strip()[:12], chain=parts,
                       hops=len(parts), source_type=stype)


# the speaker's side's own text ("according to a transcript released by his office", "according to a
# statement"): a primary source, no intermediary
_OWN_DOCUMENT_RX = re.compile(
    r"(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:statement|transcript|readout|read-out|text|release|"
    r"communiqu[eé]|post|video|recording)(?:\s+(?:released|published|issued|posted|shared|put\s+out)\s+by\s+"
    r"(?:his|her|their|its)\s+(?:[\w-]+\s+){0,2}?[\w-]+)?", re.IGNORECASE)


# the speaker's own side, named by a possessive pronoun ("according to a transcript released by his office")
_OWN_SIDE_RX = re.compile(r"(?:his|her|their|its)\s+(?:own\s+)?(?:[\w-]+\s+)?(?:office|team|staff|ministry|department|"
                          r"government|administration|party|campaign|spokesperson|spokesman|spokeswoman|press\s+office)$",
                          re.IGNORECASE)


_TRAILING_REPORT = frozenset({"reported", "reports", "wrote", "writes"})


def _link_trailing_relays(doc, atts: list[Attribution]) -> None:
    """"Kovalenko added that ..., according to Ukrinform": the relay's origin is the sentence's speaker.
    So is it where the intermediary is no outlet ("Roe declared, according to the Harbour Board"): a body
    that passes on what the sentence's speaker said relays it (the board's own figures, with no speaker
    in the sentence, stay first hand)."""
    for r in atts:
        trailing = r.cue in _TRAILING_REPORT and doc.norm[:r.start].rstrip().endswith(",")
        if r.kind != "direct" or not (r.cue == "according to" or trailing) or not r.source:
            continue
        sent = doc.sentence_at(r.start)
        if not sent:
            continue
        # ('"...," the judge told him, Tam reported': a reporter's clause after the speaker's is the relay;
        # before it, "Tam reported that the judge said", it is read by the relay patterns)
        speakers = [a for a in atts if a is not r and a.kind == "direct" and a.source_type == "person" and a.source
                    and a.cue != "according to" and sent[0] <= a.start < sent[1]
                    and (not trailing or a.end <= r.start)
                    and a.source.casefold() != r.source.casefold()]
        if speakers and not _OWN_DOCUMENT_RX.fullmatch(r.source.strip()) and not _OWN_SIDE_RX.match(r.source.strip()):
            r.kind, r.hops = "relayed", 2
    for r in atts:
        if r.kind != "relayed" or len(r.chain) != 1:
            continue
        sent = doc.sentence_at(r.start)
        if not sent:
            continue
        speakers = [a for a in atts if a.kind == "direct" and a.source_type == "person" and a.source
                    and sent[0] <= a.start < sent[1]]
        if speakers:
            r.chain = [speakers[0].source, *r.chain]
            r.hops = len(r.chain)
            for a in speakers:  # the sentence's own relay covers its statement
                a.chain, a.hops = list(r.chain), r.hops


def _go_between(att: Attribution, clause: str, persons: list[Person], v: Vocab) -> bool:
    """Whether the person ``att`` names speaks for someone else (a spokesperson, a press secretary): by the
    title they were introduced with, or one in their own clause ("according to spokesperson Tom Varga")."""
    titles = [t for p in persons if p.name == att.source for t in p.titles]
    if not titles:  # introduced by an apposition ("Owen Tarr, the minister's aide")
        titles = [t for p in _table_of(persons) if p.name == att.source for t in p.titles]
    titles += [m.group().casefold() for m in v.title_rx.finditer(clause)]
    low = " ".join(clause.casefold().split())
    return any(re.sub(r"\s+", " ", t).endswith(g) for t in titles for g in v.go_betweens) or \
        any(re.search(rf"(?<!\w){re.escape(g)}(?!\w)", low) for g in v.go_betweens)  # "the interpreter, X"


def _reporters(doc, persons: list[Person]) -> frozenset[str]:
    """The persons the article introduces as another outlet's journalist ("Harbour One TV's court
    correspondent Hannah Breck"; not "our correspondent Sam Ellis", whose account is the article's own), from
    the quotes layer's table when the document holds it; none when the article names no reporter at all."""
    text = doc.norm
    if not _REPORTER_RX.search(text):
        return frozenset()
    disc = doc.__dict__.get("_discourse")
    table = getattr(persons, "table", None)
    people = list(disc.people.persons.values()) if disc is not None else table() if table is not None else []
    return frozenset(p.name for p in people if p.titles & _REPORTERS and
                     not _OWN_REPORTER_RX.search(text, max(0, p.first - 40), p.first))


def _go_between_relays(doc, atts: list[Attribution], persons: list[Person], v: Vocab) -> None:
    """"She signed the order, according to spokesperson Tom Varga", "press secretary Ana Lind said Roe
    would attend": a go-between's account of another person (named in the sentence, or the sentence's
    subject pronoun) relays that person; the go-between's word on anything else stays first hand. Runs
    after ``_cover_relays``: one such relay covers its own sentence only, not the principal's other
    statements, which the article may well have first hand."""
    text = doc.norm
    reporters = _reporters(doc, persons)
    for r in atts:
        if r.kind != "direct" or r.source_type != "person" or not r.source:
            continue
        sent = doc.sentence_at(r.start)
        clause = text[r.start:r.end]
        role = _ROLE_BEFORE_RX.search(text[sent[0]:r.start]) if sent and r.start - sent[0] <= 80 else None
        if role:  # "Roe's spokesman, Ola Berg, said": the role set off before the name is theirs
            clause = role.group(1) + " " + clause
        # (a journalist's account of what another person said or did, "Breck, speaking from the court steps,
        # said the judge had ...": another outlet's reporter passes it on)
        if not sent:
            continue
        rep = _represents(text, sent[0], r, v) if not _go_between(r, clause, persons, v) else None
        if rep is not None:
            # (session 34) someone's lawyer: their account of the client, named outside that role
            subj = (min(rep, r.start), r.end)
            client = _other_speaker(doc, text, sent[0], sent[1], subj, persons, v, outside_quotes=True,
                                    exclude=r.source) or \
                _other_speaker(doc, text, sent[0], sent[1], subj, list(_table_of(persons)), v, outside_quotes=True,
                               exclude=r.source)
            if client and client.casefold() != r.source.casefold():
                r.kind, r.chain, r.hops = "relayed", [client, r.source], 2
            continue
        if not _go_between(r, clause, persons, v) and not (r.source in reporters and not _OWN_REPORTER_RX.search(clause)):
            other = _witnessed_other(doc, text, r, sent, persons, v) if r.cue == "according to" else None
            if other:  # "According to Rannoch, she put her notes down first": a witness's account of another
                r.kind, r.chain, r.hops = "relayed", [other, r.source], 2
            nested = _nested_report(doc, r, sent)
            if nested and r.kind == "direct":  # '"She looked at the row and said, 'You were right,'" Rannoch told'
                r.kind, r.chain, r.hops = "relayed", [r.source], 2
            continue
        principal = _other_speaker(doc, text, sent[0], sent[1], (r.start, r.end), persons, v, outside_quotes=True,
                                   exclude=r.source)
        if principal is None and _possessed_go_between(text[sent[0]:r.end], v):
            # (session 34) the go-between is someone's ("His spokesman"), and the one they speak for is named
            # with no title: the speaker layer's table
            principal = _other_speaker(doc, text, sent[0], sent[1], (r.start, r.end), list(_table_of(persons)), v,
                                       outside_quotes=True, exclude=r.source)
        if principal is None:  # "Breck said the judge explained that ...": the speaker of the clause reported
            principal = next((a.source for a in atts if a.kind == "direct" and a.source_type == "person" and
                              a.source and a.source != r.source and r.end <= a.start < sent[1]), None)
        if principal is None:  # "In the words of the interpreter, X, the minister framed it: "..."": whose
            # words the sentence quotes
            principal = next((q.speaker for q in doc.quotes if sent[0] <= q.start < sent[1] and q.speaker
                              and q.speaker != r.source), None)
        if principal is None:
            lead = re.match(r"[\"'“‘(\s]*([A-Za-z]+)\s", text[sent[0]:r.start])
            if not (lead and lead.group(1).casefold() in ("he", "she")):
                lead = re.match(r"[,\s]*([A-Za-z]+)\s", text[r.end:sent[1]])  # "According to X, she signed"
            if lead and lead.group(1).casefold() in ("he", "she"):
                before = [a.source for a in atts if a.kind == "direct" and a.source_type == "person"
                          and a.source and a.start < sent[0] and a.source != r.source]
                named = [p.name for p in persons if p.first < sent[0] and p.name != r.source]
                principal = (before or named or [None])[-1]
        owner = _speaks_for(clause, r.source, v) if principal is None else None
        if owner is not None:
            # (session 33) the go-between's title names whom they speak for ("A spokesman for the State
            # Prosecutor, Anton Weiler, said", "Its spokesman Anton Weiler said", "the board's press officer,
            # X, said"): the body's or person's word, passed on through them, whatever it is about
            r.kind, r.chain, r.hops = "relayed", ([owner] if owner else []) + [r.source], 2
        elif principal and principal.casefold() != r.source.casefold():
            r.kind, r.chain, r.hops = "relayed", [principal, r.source], 2
            _principals_line(doc, text, sent, r, principal, persons)
        elif r.cue == "according to" and r.source in reporters:
            r.kind, r.hops = "relayed", 2  # "..., according to Breck": another outlet's reporter's account


def _represents(text: str, s0: int, r: Attribution, v: Vocab) -> int | None:
    """Where a role that makes ``r``'s person someone's representative starts ("her lawyer Paul Renner", "His
    lawyer, Mira Tonn,", "Carlineo's attorney, Sonya Zoghlin,", "Mira Tonn, a lawyer for Ana Ruiz,"), right
    before the name or set off after it; None for a title naming no client ("U.S. Attorney James Kennedy", "the
    defence lawyer")."""
    if not v.representatives:
        return None
    g = _alts(v.representatives)
    at = text.find(r.source, r.start, r.end) if r.source else -1
    if at < 0:
        return None
    left = re.search(rf"(?:\b(?i:his|her|their)|[A-Z][\w'\u2019-]*['\u2019]s?)\s+(?:[a-z-]+\s+)?(?:{g})\s*,?\s*$",
                     text[max(s0, at - 60):at])
    if left:
        return max(s0, at - 60) + left.start()
    right = re.match(rf"\s*,\s*(?:an?|the|one)\s+(?:[a-z-]+\s+)?(?:{g})\s+(?:for|of|to)\s+[A-Z]",
                     text[at + len(r.source):at + len(r.source) + 60])
    return at if right else None


def _possessed_go_between(left: str, v: Vocab) -> bool:
    """Whether ``left`` calls a go-between someone's: "her lawyer", "His spokesman" (not "an aide")."""
    return bool(re.search(rf"\b(?i:his|her|their)\s+(?:[a-z-]+\s+)?(?:{_alts(v.go_betweens)})\b", left))


@cached
def _speaks_for_rx(go_betweens: tuple[str, ...]) -> re.Pattern:
    g = _alts(go_betweens)
    name = r"(?:[Tt]he\s+)?[A-Z][\w\u2019'&\-]*(?:\s+(?:(?:of|for|and)\s+)?[A-Z][\w\u2019'&\-]*){0,5}"
    return re.compile(
        rf"(?<![\w\-])(?:(?:{g})\s+(?:for|of|to)\s+(?P<for>{name}|the\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)"
        rf"|(?P<poss>{name}|(?i:the)\s+[a-z][\w\-]*)['\u2019]s?\s+(?:[a-z][\w\-]*\s+)?(?:{g})\b"
        rf"|(?P<pro>\b(?i:its|their))\s+(?:[a-z][\w\-]*\s+)?(?:{g})\b)")


def _speaks_for(clause: str, source: str, v: Vocab) -> str | None:
    """Whom the go-between ``source`` speaks for, when the title written right before the name or set off
    right after it names it: "for the State Prosecutor", "the mayor's", "Roe's"; "" for "its" or "their" (a
    body named before); None when the title names no one ("Press secretary Ana Lind said", "government
    spokesperson Tom Varga": their word on their own office's business stays first hand), or is someone
    else's ("read out by its spokesman", "through the broadcaster's interpreter")."""
    at = clause.find(source)
    if at < 0 or re.search(r"\b(?:by|through|via)\s", clause[at:]):
        return None  # ("Jon Hale, in comments forwarded by the mayor's press office, said": the channel relays)
    rx = _speaks_for_rx(tuple(v.go_betweens))
    m = next((x for x in rx.finditer(clause, 0, at) if not clause[x.end():at].strip(" ,")), None)
    if m is None:
        after = re.match(r"\s*,\s*(?:(?:an?|the|one)\s+)?", clause[at + len(source):])
        m = rx.match(clause, at + len(source) + after.end()) if after and after.group().strip() else None
    if not m:
        return None
    who = m.group("for") or m.group("poss")
    return re.sub(r"^(?i:the)\s+", "", " ".join(who.split())) if who else ""


def _witnessed_other(doc, text: str, r: Attribution, sent: Span, persons: list[Person], v: Vocab) -> str | None:
    """Whom a person's account after "according to" is about, when it is someone else's act: "According to
    Rannoch, she put her notes down first" (the "she" of another gender than Rannoch's given name), "according
    to Rannoch, the judge put her notes down" (a role another person holds). None for the person's own doing
    ("According to Rannoch, he had warned the council")."""
    from .speakers import _fold, _given_names

    disc = doc.__dict__.get("_discourse")

    def gender(name: str) -> str | None:  # "m" or "f": what the article says of them, else the given name's
        return disc.gender_of(name) if disc is not None and name in disc.people.persons else \
            _given_names().get(_fold(name.split()[0])) if " " in name else None

    lead = re.match(r"[,\s]*(?:(?P<pro>he|she)\s|(?P<role>the\s+(?:[a-z-]+\s+){0,2}[a-z-]+)\s)", text[r.end:sent[1]],
                    re.IGNORECASE)
    if not lead:
        return None
    if lead.group("pro"):
        want = "f" if lead.group("pro").casefold() == "she" else "m"
        own = gender(r.source or "")
        if not own or own == want:
            return None  # the witness's own doing, or no telling
        before = sorted({(p.first, p.name) for p in [*persons, *_table_of(persons)]
                         if p.first < sent[0] and p.name != r.source})
        fits = [n for _, n in before if gender(n) == want]
        return fits[-1] if fits else None
    return _other_speaker(doc, text, r.end, r.end + lead.end(), (r.start, r.end), persons, v, outside_quotes=True,
                          exclude=r.source)


_INNER_REPORT_RX = re.compile(r"\b(?:said|says|told\s+\w+|asked|replied|added|shouted|whispered)\s*[,:]?\s*['\u2018\"]")


def _nested_report(doc, r: Attribution, sent: Span) -> bool:
    """The quotation a person's reporting clause gives holds someone else's words reported inside it ('"She
    looked at the front row and said, 'You were right,'" Rannoch told the Courier'): the person relays them."""
    for q in doc.quotes:
        near = q.cue_start is not None and r.start <= q.cue_start < r.end
        inner = _INNER_REPORT_RX.search(doc.norm, q.start, q.end) if near or (
            q.speaker == r.source and sent[0] <= q.start < sent[1]) else None
        if not inner:
            continue
        # (the speaker's own story, "I called a friend and I said: '...'", "Coach came in and said,
        # 'Congratulations,' and I thought he was joking", is their account, not a relay of another's words)
        outer = doc.norm[q.start:inner.start()]
        if re.search(r"\b(?:she|he|they)\b", outer, re.IGNORECASE) and \
                not re.search(r"(?<![\w'])(?:I|[Mm]e|[Mm]y|[Ww]e|[Oo]ur|[Uu]s)(?![\w'])", doc.norm[q.start:q.end]):
            return True
    return False


# someone's words in a sentence: a quotation, or a verb of saying or quoting
_WORDS_IN_RX = re.compile(r"[\"“”]|(?<![\w-])(?:said|says|say|told|tells|added|adds|quot\w*|urg\w*|warn\w*|promis\w*)"
                          r"(?![\w-])", re.IGNORECASE)
_VERSION_NOUN_RX = re.compile(r"\b(?:summary|translation|transcript|version|readout|rendering|paraphrase|"
                              r"interpretation)\b", re.IGNORECASE)
_PREP_BEFORE_RX = re.compile(r"(?:about|of|on|for|to|with|over|from|at|by|against)\s+$", re.IGNORECASE)
_THIRD_PERSON_RX = re.compile(r"(?<![\w'])(?:he|she|him|his|her|hers)(?![\w'])", re.IGNORECASE)


def _principals_line(doc, text: str, sent: Span, r: Attribution, principal: str, persons: list[Person]) -> None:
    """A go-between's quotation introduced by a colon, after the author's words name the principal as the one
    who said or wanted it ("The minister wanted it underlined, he said: 'My door is open.'", "the spokesman
    told us the line the governor most wanted remembered was this one: '...'"), is the principal's line that
    the go-between passes on: its speaker is the principal. Not when the principal is only what the clause is
    about ("asked about the minister's plans, she said: ..."), nor when the words speak of him or her."""
    titles = {t.split()[-1] for p in [*persons, *_table_of(persons)] if p.name == principal for t in p.titles}
    forms = [re.escape(principal), re.escape(principal.split()[-1])] + \
        [r"the\s+(?:[a-z-]+\s+){0,2}" + re.escape(t) for t in sorted(titles) if t]
    mention = re.compile(r"(?<![\w'])(?:" + "|".join(forms) + r")(?![\w-])", re.IGNORECASE)
    for q in doc.quotes:
        if not sent[0] <= q.start < sent[1] or q.start < r.end or q.speaker != r.source:
            continue
        if not re.search(r":\s*[\"'\u201c\u2018]?\s*$", text[r.end:q.start]) or \
                _THIRD_PERSON_RX.search(text, q.start, q.end):
            continue
        named = [m for m in mention.finditer(text, sent[0], q.start)
                 if not r.start <= m.start() < r.end and not doc.inside_quotation(m.start(), m.end())
                 and not _PREP_BEFORE_RX.search(text, max(sent[0], m.start() - 10), m.start())]
        if named:
            q.speaker = principal


# the role set off by commas right before a name that opens the clause: "Roe's spokesman, " in "Roe's
# spokesman, Ola Berg, said"
_ROLE_BEFORE_RX = re.compile(r"(?:^|(?<=[.;:]\s))\s*([^,.;:\n]{1,60}),\s*\Z")


def _cover_relays(atts: list[Attribution]) -> None:
    """Give a relay's chain to the article's other direct statements by the relayed speaker."""
    relays = [a for a in atts if a.kind == "relayed" and len(a.chain) >= 2]
    for r in relays:
        speaker = r.chain[0]
        for a in atts:
            if a.kind == "direct" and a.source == speaker and len(a.chain) == 1:
                a.chain = list(r.chain)
                a.hops = r.hops


def attributions_in(doc, span: Span, atts: Sequence[Attribution] | None = None) -> list[Attribution]:
    """The article's non-credit attributions that overlap ``span`` (of ``atts``, when the caller holds the
    article's attributions already: ``doc.attributions`` is decoded anew at each reading once packed)."""
    atts = doc.attributions if atts is None else atts
    return [a for a in atts if a.kind != "credit" and a.start < span[1] and span[0] < a.end]


def relay_covering(doc, span: Span, atts: Sequence[Attribution] | None = None) -> Attribution | None:
    """The relayed attribution whose chain covers ``span`` (its own sentence's, else the article's)."""
    atts = list(doc.attributions) if atts is None else atts
    for a in attributions_in(doc, span, atts):
        if a.hops >= 2:
            return a
    relays = [a for a in atts if a.kind == "relayed"]
    return relays[0] if relays else None
