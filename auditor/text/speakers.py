"""Who said a quotation: the cue that attributes it and the speaker, resolved through the article's discourse.

``attribute_speakers(doc, quotes, raws)`` fills ``speaker``, ``cue``, ``cue_start``/``cue_end`` in place.

**The cue** is a reporting verb (``rules/data/reporting_verbs.yaml``, every key: the one vocabulary the
attribution layer reads too) in one of these places, first found wins:

1. right after the closing mark: ``"...," he said`` / ``"...," said NATO Secretary General Mark Rutte`` /
   ``"...," the ex-banker told delegates`` / ``"...," according to Rutte``;
2. right before the opening mark: ``Rutte said: "..."``, ``Rutte said that "..."``, ``according to
   Rutte, "..."``, ``Rutte: "..."``;
3. for a quotation inside the author's sentence, the last ``X verb`` of that sentence before it
   (``Rutte noted that reaching an agreement "will require ..."``).

**The entity table** (``find_people``): every person the article names outside its quotations, with what
the article says they are: title words in front of the name (``Prime Minister Jane Roe`` -> roles
``prime``, ``minister``), capitalised modifiers of the title (``NATO Secretary General``, ``Norlandic
Prime Minister`` -> attributes ``nato``, ``norlandic``), ``of Norland`` after the name, an apposition
(``Jane Roe, a former banker,`` -> role ``banker``) and a role before a comma (``Norland's prime minister,
Jane Roe,``).

**The words naming the speaker** are resolved in this order:

* a full name is kept without its titles (``NATO Secretary General Mark Rutte`` -> ``Mark Rutte``); a
  surname alone becomes the full name the article introduced;
* a role or an epithet (``the Norlandic PM``, ``the prime minister``, ``the ex-banker``, ``the NATO
  chief``) becomes the one person of the table that carries that role (abbreviations such as ``PM`` are
  expanded, ``ex-``/``former`` dropped; a capitalised modifier must match one of the person's attributes by
  its stem, so ``Norlandic`` matches ``Norland``; a generic head such as ``chief`` or ``leader`` matches
  through its modifier). When several persons carry it, the current speaker if they are one of them, else
  nobody;
* a pronoun (``he``, ``she``) becomes the **current speaker of the passage**: the subject of the last
  reporting clause, or the last person who opened a sentence as its subject (``Roe met Smith. "...," she
  said`` -> Roe). It is *not* the most recently mentioned name: a person named after a preposition
  (``in a letter to X``, ``a swipe at X``, ``without mentioning X by name``), a possessor (``X's
  government``) or inside a quotation never becomes the current speaker.

**A quotation with no cue** takes, in order: the speaker of the published transcript it lies in
(``transcripts``); the current speaker of the passage (so a list of quotations after ``Other lines stood
out:`` inherits the speaker of the clause before it, and a floating quote paragraph continues the last
speaker); for a quotation before anyone has spoken (a headline), the article's dominant speaker when one
person has most of the cued quotations; else it stays empty. ``cue`` stays None then.

**A published transcript** (``Full text of Roe's speech``, ``Remarks by Prime Minister Jane Roe``,
``Transcript:``, ``as prepared for delivery``, followed by first-person paragraphs) is its speaker's words
throughout: every quotation inside it is theirs.

**Round 2** (see ``rules/data/README-quotes.md``, "How speakers are found", items 5-11): cues without a
subject of their own (``..., stating, "..."``, ``and said that "..."``) take their sentence's subject
(``sentence_subject``); a colon cue needs a person of the table (``Tarnland: "..."`` is a label); ``quoted
X: "..."`` keeps the quoting speaker; ``Highlights from the prime minister:`` makes the speaker current;
words that name nobody (``This``, ``Observers``, ``On Russia``) are passed over; a floating quotation
continues the last quoted speaker within about two paragraphs; ``same_role`` synonyms in
``speaker_titles.yaml``.

**Round 3** (items 14-20 there): ``find_people`` in two passes (each run's own evidence, then every
mention of a person); names with no evidence of their own join the name they became; a titled surname
whose titles disagree with an earlier-named person's is someone else; descriptions matched against the
age and origin the article gave a person (``_add_facts``); a role several carry goes to the passage's
subject; subjects past an apposition; the speaker as the owner of the words (``the minister's speech
states``, ``"...", Roe's first words``).

Limitations: persons are recognised by capitalisation next to a title, an apposition or a reporting verb,
not by a named-entity model; gender agreement knows only what titles and the article's own pronouns say
(``Queen``, ``She added``, ``Roe said she would``), so ``she`` may still be resolved to a man the article
never calls ``he``; plural speakers (``they said``) and organisations are left unresolved; a demonym that
does not share its stem with the country (``Dutch`` / ``Netherlands``) does not match.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..vocab import cached, load_phrases, longest_first
from .document import WORD_RE

HEADLINE_MAX = 160  # a top line this long or shorter, with no closing stop, reads as a headline
# one syllable of a romanised East Asian given name ("Jae", "myung", "yeol", "un", "Jin", "ping", "wen")
_SYL = (r"[bcdfghjklmnpqrstwxyz]{0,3}(?:yeo|yae|wae|eui|iao|uai|ae|ai|ao|au|ea|ee|ei|eo|eu|ia|ie|io|iu|oe|oi|oo|"
        r"ou|ua|ue|ui|uo|wa|we|wi|wo|ya|ye|yo|yu|a|e|i|o|u)(?:ng|nh|n|m|l|k|p|t|r)?")
# a hyphen joins capitalised parts ("Saint-Exupery", "Jae-Myung"), and a capitalised syllable to a lower-case
# one, the given names of "Lee Jae-myung", "Kim Jong-un", "Tsai Ing-wen"; not "Chicago-born", "Seoul-based",
# "Follow-up" or a dash glued to a word
# Initials before a name ("J.D. Vance", "George R.R. Martin") are one word of it; an Arabic article or
# kinship word glued to a capitalised name by a hyphen ("al-Sharaa", "bin-Zayed", "abu-Bakr") is a word of
# the name, not a lower-case word that ends it.
_ARABIC_PREFIX = r"(?:al|el|ad|ar|as|ash|at|az|an|ul|bin|ibn|abu|bint)"
CAPW = (rf"(?:(?-i:(?=[A-Z][a-z])(?i:{_SYL})-(?!(?:up|on|out|run|long|war|op)\b){_SYL})(?![\w'\u2019-])"
        rf"|[A-Z]\.(?:[A-Z]\.)+(?=[^\S\n]+[A-Z][a-z])|[A-Z]\.(?=[^\S\n]*[A-Z]\.?[^\S\n]+[A-Z][a-z])"
        rf"|(?-i:{_ARABIC_PREFIX})-[A-Z][\w'\u2019]*"
        r"|[A-Z][\w'\u2019]*(?:-[A-Z][\w'\u2019]*)*|[A-Z]\.(?:[A-Z]\.)*)")
_PREFIXED = re.compile(rf"{_ARABIC_PREFIX}-[A-Z]")
_PREFIX_OF = re.compile(rf"^{_ARABIC_PREFIX}-(?=\w)", re.IGNORECASE)
PRONOUNS = {"he": "person", "she": "person", "they": "plural", "we": "plural", "i": "person"}
# the gender a pronoun says ("he" cannot stand for "Queen Elizabeth II": title_gender.yaml)
_GENDER = {"he": "m", "she": "f"}


@lru_cache(maxsize=1)
def _title_gender() -> dict[str, str]:
    """Title word -> "f" or "m" (``title_gender.yaml``); titles in neither list say nothing."""
    from ..vocab import load_mapping

    data = load_mapping("title_gender")
    return {**{str(t).lower(): "f" for t in data.get("female", []) or []},
            **{str(t).lower(): "m" for t in data.get("male", []) or []}}


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    """Given name (accents folded, lower case) -> "f" or "m" (``given_names.txt``, built from nomquamgender by
    ``build_given_names.py``): read only when the article says nothing of a person's gender."""
    from ..vocab import load_phrases

    out: dict[str, str] = {}
    for line in load_phrases("given_names"):
        g, _, name = line.partition(" ")
        if g in ("f", "m") and name:
            out[name.strip()] = g
    return out


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).casefold()


_ADV1 = r"(?:also|then|later|further|again|once\s+again|once|famously|particularly|previously|repeatedly|[a-z]+ly)"
# an adverb, or a perfect auxiliary with one: '"...," Roe has said', 'Roe, ..., has also said "..."'
# ... or a short parenthesis after the name, with an adverb or not: '"...," Roe (left) said', 'Sen. Ana Ruiz
# (D-Vell) also said'
_PAREN = r"\([^()\n\"]{1,24}\)\s+"
_ADVERB = rf"(?:{_PAREN}(?:(?:has|have|had)\s+(?:{_ADV1}\s+)?|{_ADV1}\s+)?|(?:has|have|had)\s+(?:{_ADV1}\s+)?|{_ADV1}\s+)"
# Role heads that say nothing on their own: "the NATO chief" is matched through its modifier.
GENERIC_HEADS = frozenset({"chief", "head", "leader", "boss", "official", "officer", "figure"})
# Abbreviations of roles, expanded before a role is matched ("the Norlandic PM" -> prime minister).
# the abbreviations written with a full stop before a name ("Rep. Ana Ruiz", "Dr. Jo Rae", "St. Peter"): the
# sentence splitter may break after them, and they are titles, never names
NAME_ABBREVIATIONS = frozenset("mr mrs ms dr rep reps sen sens gov gen lt col st prof capt sgt adm maj cmdr rev fr "
                               "hon pres sec supt insp det cpl pvt amb atty brig cdr gens msgr".split())


def title_abbreviation(tok: str) -> bool:
    """``tok`` (its full stop or not) abbreviates a title written before a name: "Lt.", "Gov", "Prof"."""
    low = tok.rstrip(".").casefold()
    return low in NAME_ABBREVIATIONS or low in ABBREVIATIONS


ABBREVIATIONS = {"pm": "prime minister", "fm": "foreign minister", "sg": "secretary general",
                 "potus": "president", "veep": "vice president",
                 # a title abbreviated before a name ("Gov. Eric Holcomb"): the role a later "the governor" names
                 "gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
                 "lt": "lieutenant", "col": "colonel", "adm": "admiral", "capt": "captain", "sgt": "sergeant",
                 "prof": "professor", "supt": "superintendent", "amb": "ambassador", "atty": "attorney",
                 "det": "detective", "insp": "inspector"}
_DESC_STOP = frozenset({"a", "an", "the", "of", "who", "and", "in", "for", "to", "at", "on", "with", "has", "have",
                        "is", "was", "his", "her", "its", "their", "former", "ex", "then", "now", "current", "new",
                        "s", "by", "from", "as", "that", "which", "also", "long", "time", "once"})


@lru_cache(maxsize=1)
def _verbs() -> tuple[str, ...]:
    """Every verb of ``reporting_verbs.yaml``: the quotes layer's cues (``quotation_verbs`` too)."""
    return tuple(longest_first(load_phrases("reporting_verbs")))


@cached
def shared_verbs() -> tuple[str, ...]:
    """The reporting verbs the other layers read as reports of speech: all but ``quotation_verbs``, which
    carry a quotation only ("Velt praised the dockers and ..." reports nothing)."""
    from ..vocab import load_mapping

    only = {str(v).lower() for v in load_mapping("reporting_verbs").get("quotation_verbs", []) or []}
    return tuple(v for v in _verbs() if v.lower() not in only)


@lru_cache(maxsize=1)
def _verb_set() -> frozenset[str]:
    return frozenset(v.lower() for v in _verbs())


def _person_noun(word: str) -> bool:
    """A lower-case noun naming a person that no title lists ("harbour master Ola Berg", "beekeeper Mia
    Lund"): the attribution vocabulary's WordNet list (``person_nouns.txt``)."""
    from .attribution import vocab

    return vocab().person_noun(word)


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    return frozenset(t.lower() for t in load_phrases("speaker_titles") if " " not in t.strip())


@cached
def relations() -> frozenset[str]:
    """Relations that introduce someone (``speaker_titles.yaml``, ``relations``: "wife", "first lady"), their
    single words, lower case."""
    from ..vocab import load_mapping

    return frozenset(w for x in load_mapping("speaker_titles").get("relations", []) or [] for w in str(x).lower().split()
                     if w != "first")


@cached
def go_betweens() -> frozenset[str]:
    """Roles that speak for someone else (``speaker_titles.yaml``, ``go_betweens``: "spokesperson", "press
    secretary"), lower case."""
    from ..vocab import load_mapping

    return frozenset(str(x).strip().lower() for x in load_mapping("speaker_titles").get("go_betweens", []) or [])


@cached
def same_roles() -> tuple[frozenset[str], ...]:
    """Groups of role words naming the same role (``speaker_titles.yaml``, ``same_role``: ``pope = pontiff =
    holy father``), each as the set of its words: a person carrying every word of one member carries all."""
    from ..vocab import load_mapping

    out = []
    for line in load_mapping("speaker_titles").get("same_role", []) or []:
        members = [m.strip().lower().split() for m in str(line).split("=") if m.strip()]
        out.append(tuple(frozenset(w for w in m if w not in _DESC_STOP) for m in members))
    return tuple(out)


@cached
def kinds() -> dict[str, tuple[frozenset[str], ...]]:
    """General words for a role (``speaker_titles.yaml``, ``kind_of``: ``cleric, holy man: patriarch,
    bishop``): each general word or phrase, lower case, with the roles it covers as sets of words."""
    from ..vocab import load_mapping

    out: dict[str, list[frozenset[str]]] = {}
    for line in load_mapping("speaker_titles").get("kind_of", []) or []:
        # YAML reads an unquoted "cleric, holy man: patriarch, bishop" as a one-entry mapping
        general, roles = next(iter(line.items())) if isinstance(line, dict) else str(line).partition(":")[::2]
        general, roles = str(general), ", ".join(roles) if isinstance(roles, list) else str(roles or "")
        covered = [frozenset(r.strip().lower().split()) for r in roles.split(",") if r.strip()]
        for g in general.split(","):
            if g.strip():
                out.setdefault(" ".join(g.strip().lower().split()), []).extend(covered)
    return {g: tuple(dict.fromkeys(rs)) for g, rs in out.items()}


_OTHER_OFFICE = frozenset({"minister", "ministry", "secretary"})


def _of_kind(p, general: str) -> bool:
    """``p`` holds a role that the general word ``general`` covers (``the cleric`` for Patriarch Vos), as
    their office, not as a part of another (``Justice Minister Ola Berg`` is no judge)."""
    return not (p.titles & _OTHER_OFFICE) and any(r <= p.titles for r in kinds().get(general, ()))


def _with_same_roles(roles: set[str]) -> set[str]:
    for group in same_roles():
        if any(m and m <= roles for m in group):
            for m in group:
                roles |= m
    return roles


@lru_cache(maxsize=1)
def reporting_verb_re() -> re.Pattern:
    alts = "|".join(r"\s+".join(re.escape(w) for w in v.split()) for v in _verbs())
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


class _Gated:
    """A pattern searched only where a cheaper one, which every match of it contains, matches (``gate``):
    the patterns anchored before a quotation try their speaker's alternatives at every position of the
    window, about 0.4 ms a search, where a gate (the part from the verb on, or the possessive and its noun
    of speech) takes a fiftieth of that and passes about one window in twenty. The answers are the same.
    Only ``search`` over a whole string is gated; anything else is the pattern's own."""

    def __init__(self, pattern: str, gate: str):
        self.pattern, self.gate = re.compile(pattern), re.compile(gate)

    def search(self, text: str) -> re.Match | None:
        return self.pattern.search(text) if self.gate.search(text) else None

    def __getattr__(self, name: str):
        return getattr(self.pattern, name)


@lru_cache(maxsize=1)
def cue_patterns() -> dict[str, re.Pattern | _Gated]:
    verb = reporting_verb_re().pattern
    tw = "|".join(re.escape(t) for t in longest_first(titles()))
    # ... a title's abbreviation with its full stop among them ('said Rep. Brian Babin', 'Gov. Jo Rae said')
    abbrev = "|".join(sorted(w.capitalize() for w in NAME_ABBREVIATIONS))
    word = rf"(?:(?:{abbrev})\.(?=[^\S\n]+[A-Z])|{CAPW}|(?i:{tw}))"
    # a name's particles may come first or between its words: '"...," von der Leyen said'
    # ... and a description may stand between "the" and the name ('"...," the 14th-ranked Schwartzman said')
    spk = (rf"(?:(?i:\b(?:he|she|they|we)\b)|(?:(?i:the)[^\S\n]+(?:\d[\w\-]*[^\S\n]+|[a-z][\w\-]*-[a-z][\w\-]*"
           rf"[^\S\n]+)?)?(?:(?:{word}|{_PARTICLE})[^\S\n]+){{0,5}}{word})")
    # next to the marks, an epithet in lower case also names the speaker: '"...," the ex-banker told ...'
    rw = (r"(?!(?:the|and|or|but|that|who|which|to|of|in|on|at|for|with|once|also|then|later|again|further|"
          r"previously|repeatedly|famously)\b)[a-z][\w\-]*(?:['\u2019]s)?")
    rw2 = rf"(?:{rw}|{CAPW}|\d+-[a-z][\w\-]*)"
    # ... its head may be an age ('"...," the 23-year-old said')
    role = rf"(?:(?i:the|its|their)[^\S\n]+(?:{rw2}[^\S\n]+){{0,3}}(?:{rw}|\d{{1,3}}-year-old))"
    near = rf"(?:{spk}|{role})"
    quoted = r"(?i:(?:was|were|is|has[^\S\n]+been)[^\S\n]+quoted(?=[^\S\n]+(?:as|by)\b))"
    # a lower-case word of a role (not a function word or an adverb: '" even as Governor Ola Berg said')
    nw = rf"(?!(?:{'|'.join(sorted(_FUNCTION))}|the|a|an|even|just|also|then|only|still|now)\b)[a-z][\w\-]*"
    role_word = rf"(?:[a-z][\w\-]*|(?i:{tw}))"
    roles = rf"(?:{role_word},[^\S\n]+){{0,3}}(?:{role_word}[^\S\n]+and[^\S\n]+)?"
    ing = "|".join(r"[^\S\n]+".join(re.escape(w) for w in v.split()) for v in _ing_forms())
    # after the closing mark the cue stays on its line; a colon may part them ('"...": Roe calls for ...'), or
    # a dash ('"...," \u2014Xi said': the normalised view spells every dash "-")
    lead = r"^[^\S\n]*(?:[,:]|-{1,2})?[^\S\n]*"
    # parts of the patterns anchored before a quotation that every match holds: each is also its pattern's gate
    verb_to_end = rf"(?P<verb>{verb})(?:\s+\w+){{0,4}}?(?:\s+that)?\s*[,:]?\s*$"
    # ... or voicing words that the quotation holds ('Roe expressed "my thanks to you all"')
    names_to_end = (r"(?P<verb>called|calls|described|describes|dubbed|dubs|labell?ed|labels|branded|brands|termed|"
                    r"terms|expressed|expresses|voiced|voices|conveyed|conveys)\s+(?:[\w'\u2019\-]+\s+){0,6}?(?:as\s+)?(?:(?:an?|the|his|her|their|its)\s+)?$")
    possessed_words = rf"['\u2019]s?[^\S\n]+(?:[a-z]+[^\S\n]+){{0,2}}?(?P<verb>{_SPEECH_NOUNS})\b"
    # the one an intermediary quoted ("quoting Roe as saying", "quoted him as saying")
    # ... or a text that has them saying it ('The bank's release has her saying that ...')
    quoted_as = (rf"(?P<verb>(?i:quoting|quoted|quotes|citing|cited|cites|has|had|have)(?=\s+(?i:him|her)\s+saying)|"
                 rf"(?i:quoting|quoted|quotes|citing|cited|cites))\s+(?P<who>(?i:him|her)|{near})\s+"
                 r"(?i:(?:as\s+)?(?:saying|having\s+said))")
    return {
        # a text reading out the words: '"...," it read', '"...," the sign reads'
        "after_text_reads": re.compile(rf"{lead}(?P<who>(?i:it|the[^\S\n]+(?:[a-z]+[^\S\n]+)?[a-z]+))[^\S\n]+"
                                       r"(?P<verb>read|reads)\b"),
        # ... or quoted by someone ('"...," Lee was quoted as saying by the Courier')
        "after_who_verb": re.compile(rf"{lead}(?P<who>{near})[^\S\n]+{_ADVERB}?(?P<verb>{verb}|{quoted})"),
        # (session 33) a role and the body it heads, no name: '"...," the rector of the University of Tessenburg
        # told a packed hall' (the role speaks, not the body's name)
        "after_role_of_verb": re.compile(
            rf"{lead}(?P<who>(?i:the)[^\S\n]+(?:{rw2}[^\S\n]+){{0,2}}{rw})[^\S\n]+(?:of|at|for)[^\S\n]+"
            rf"(?:(?i:the)[^\S\n]+)?(?:{CAPW}[^\S\n]+(?:(?:of|for|and)[^\S\n]+)?){{0,4}}{CAPW}[^\S\n]+{_ADVERB}?(?P<verb>{verb})"),
        # a role in lower case before the name, right after the quotation: '"...," councillor Jo Rae added'
        # ... or several ('"...," chairman, CEO and president Jo Rae said')
        "after_role_who_verb": re.compile(rf"{lead}(?:{CAPW}[^\S\n]+(?=[a-z]))?{roles}"
                                          # ('"...," lead researcher and NASA planetary scientist Ana Ruiz said')
                                          rf"(?:(?:{nw}[^\S\n]+){{1,2}}and[^\S\n]+(?:{CAPW}[^\S\n]+(?=[a-z]))?)?"
                                          rf"(?P<who>(?:{nw}[^\S\n]+){{0,2}}[a-z][\w\-]*[^\S\n]+"
                                          rf"(?:{CAPW}[^\S\n]+){{0,3}}{CAPW})[^\S\n]+{_ADVERB}?(?P<verb>{verb})"),
        # a role with the holder's name set off, before the verb: '"...," Roe's lawyer, Ola Berg, said',
        # '"...," one dock worker, Ali Sen, 33, said'
        "after_role_appos_verb": re.compile(
            rf"{lead}(?:(?i:the|a|an|one|his|her|their)[^\S\n]+|{CAPW}['\u2019]s?[^\S\n]+)(?:{rw}[^\S\n]+){{0,3}}"
            rf"(?:(?:of|for|at)[^\S\n]+(?:the[^\S\n]+)?(?:{rw2}[^\S\n]+){{0,2}})?"
            rf"{rw2},[^\S\n]+(?P<who>{CAPW}(?:[^\S\n]+{CAPW}){{1,3}}),[^\S\n]+(?:\d{{1,3}},[^\S\n]+)?{_ADVERB}?"
            rf"(?P<verb>{verb})"),
        # a relative clause set off between the name and its verb: '"...," Minister Jo Rae, who took office
        # in May, said'
        # ... or an apposition ('"...," Roe, the mayor, said', '"...," Roe, 61, said')
        "after_who_rel_verb": re.compile(rf"{lead}(?P<who>{spk}),[^\S\n]+(?:who[^\S\n]+[^,\n\"\u201c\u201d]{{1,100}}"
                                         rf"|(?:(?i:the|a|an|his|her|their)|{CAPW}['\u2019]s?|(?i:{tw}))[^\S\n]+"
                                         rf"[^,\n\"\u201c\u201d]{{1,100}}|\d{{1,3}}),"
                                         rf"[^\S\n]+{_ADVERB}?(?P<verb>{verb})"),
        "after_verb_who": re.compile(rf"{lead}(?P<verb>{verb})[^\S\n]+(?P<who>{near})"),
        # the one named leading a team that speaks: '"...," Paganini and his team wrote in the paper'
        "after_who_team_verb": re.compile(
            rf"{lead}(?P<who>{spk})[^\S\n]+and[^\S\n]+(?i:his|her|their)[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+)?"
            rf"(?:team|colleagues|co-?authors|co-?workers|collaborators|fellow[^\S\n]+researchers)[^\S\n]+"
            rf"{_ADVERB}?(?P<verb>{verb})"),
        # ... with the role in lower case before the name: '"...," said planetary geologist Ana Ruiz of ...',
        # '"...," said lead author Tom Hale'
        "after_verb_role_who": re.compile(rf"{lead}(?P<verb>{verb})[^\S\n]+(?:(?i:the)[^\S\n]+)?"
                                          rf"(?:(?:{nw}[^\S\n]+){{1,2}}and[^\S\n]+(?:{CAPW}[^\S\n]+(?=[a-z]))?)?"
                                          rf"(?:{nw}[^\S\n]+){{1,3}}"
                                          rf"(?P<who>{CAPW}(?:[^\S\n]+(?:{CAPW}|{_PARTICLE})){{0,3}})(?![\w\-])"),
        # ... someone or something unnamed after the verb ('"...," said a report from Kotak', 'said one fan')
        "after_verb_unnamed": re.compile(rf"{lead}(?P<verb>{verb})[^\S\n]+(?P<who>(?i:an?|one|another)[^\S\n]+"
                                         r"(?:[\w\-]+[^\S\n]+){0,3}?[a-z][\w\-]*)\b"),
        # a cue with no subject of its own: ", stating, "..."", "and said that "..."", "by stating, "...""
        "before_bare": re.compile(
            rf"(?:,|\b(?:and|by|while|before|after))[^\S\n]+{_ADVERB}?(?P<verb>(?i:{ing})|{verb})"
            rf"(?:[^\S\n]+\w+){{0,3}}?(?:[^\S\n]+that)?[^\S\n]*[,:]?[^\S\n]*$"),
        "before_who_verb": _Gated(rf"(?P<who>{near})\s+{_ADVERB}?{verb_to_end}", verb_to_end),
        # (session 32) a question put to the speaker set off between the name and the verb: 'The Observer reports
        # that Malinsek, asked whether she had considered resigning, replied: "..."'
        "before_who_asked_verb": _Gated(rf"(?P<who>{spk}),\s+(?i:asked|pressed|questioned|challenged)\b[^,\n\"\u201c\u201d]{{1,140}},"
                                        rf"\s+{_ADVERB}?{verb_to_end}", verb_to_end),
        # someone's office or aide as the subject ("Marko's office said in a statement that "..."", "Vos's
        # spokesman said"): no one the article names, not the passage's speaker
        "before_poss_who_verb": _Gated(rf"(?<![\w'\u2019])(?P<who>{CAPW}['\u2019]s?[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+){{0,2}}"
                                       rf"(?!(?:{_SPEECH_NOUNS})\b)[a-z][\w\-]*)\s+{_ADVERB}?{verb_to_end}", verb_to_end),
        # the one an intermediary quoted: '..., quoting Roe as saying: "..."', 'Hale quoted the mayor as saying
        # "..."' (the intermediary relays; the words are the one quoted)
        "before_quoted_as": re.compile(rf"{quoted_as}(?:\s*that(?:\s+[\w'\u2019-]+){{0,3}}?)?"
                                       # ('quoted the coach as saying after Friday's defeat:')
                                       r"(?:\s+(?:after|before|on|at|in|during|following|when)\b[^:\"\n]{1,80}?)?\s*[,:]?\s*$"),
        "before_according": re.compile(rf"(?P<verb>(?i:according\s+to))\s+(?P<who>{spk})\s*,?\s*$"),
        # 'According to his aunt, Jane Roe, "..."': the name set off after the role
        "before_according_appos": re.compile(
            rf"(?P<verb>(?i:according\s+to))\s+(?:(?i:his|her|their|its|the)\s+|{CAPW}['\u2019]s\s+)"
            rf"(?:[a-z][\w\-]*\s+){{0,3}}?[a-z][\w\-]*\s*,\s*(?P<who>{CAPW}(?:\s+{CAPW}){{1,3}})\s*,?\s*$"),
        # 'As Sherlock would say, "..."', 'as Churchill once put it:': a saying of the one named (a role in lower
        # case may stand before the name: 'As early retiree Sam Ode wrote on his blog, "..."')
        "before_as_said": re.compile(
            rf"(?:^|(?<=[.;:!?\n])|(?<=,))\s*(?i:as)\s+(?:{nw}\s+){{0,3}}(?P<who>{CAPW}(?:\s+{CAPW}){{0,3}})\s+"
            rf"(?:(?:would|might|once|famously|often|memorably)\s+)?(?P<verb>say|says|said|put\s+it|wrote|quipped)"
            rf"(?:\s+(?:on|in)\s+[^\n\"]{{1,50}}?)?\s*[,:]?\s*$"),
        "before_colon": _Gated(rf"(?P<who>{spk})\s*(?P<verb>:)\s*$", r":\s*$"),
        # ... or a manner of speaking between them: 'Union chief Tomas Vik was blunt: "..."'
        "before_manner_colon": _Gated(
            rf"(?P<who>{spk})\s+(?P<verb>(?:was|is|were|are|sounded|sounds)\s+(?:(?:more|less|even|equally|just\s+as)\s+)?"
            rf"(?:{_MANNER_ADJECTIVES}))\s*:\s*$", r":\s*$"),
        # ... or a live blog's or a summary's lead-in: 'Castagne closes on a cautious note: "..."', 'Roe on the
        # border: "..."', 'Roe, in French: "..."' (the name opens its sentence or entry)
        "before_topic_colon": _Gated(
            rf"(?:^|(?<=[.!?\n])|(?<=[\u2014\u2013\-][^\S\n]))[^\S\n]*(?P<who>{spk})(?P<verb>,?[^\S\n]+"
            rf"(?:(?:opens|closes|ends|begins|finishes|concludes|wraps[^\S\n]+up|signs[^\S\n]+off|turns[^\S\n]+to|"
            rf"moves[^\S\n]+on[^\S\n]+to|returns[^\S\n]+to)\b[^:\"\n\u201c\u201d]{{0,60}}"
            rf"|on[^\S\n]+[^:\"\n\u201c\u201d,]{{1,40}}|in[^\S\n]+[A-Z][a-z]+))\s*:\s*$", r":\s*$"),
        # ... or people the article does not name, opening the sentence: 'Former palace aides called it "a
        # collapse"', 'Critics have described the plan as "a trap"'
        "before_plural_names_it": _Gated(
            rf"(?:^|(?<=[.;!?\n]))[^\S\n]*(?P<who>(?:[\w\-]+[^\S\n]+){{0,3}}[A-Za-z][\w\-]*[^\W\dsuA-Z]s)"
            rf"[^\S\n]+(?:have[^\S\n]+|had[^\S\n]+)?{names_to_end}", names_to_end),
        # a person naming a thing in their own words: 'Lee called the offer "an insult"', 'she described it as
        # "a trap"'
        "before_names_it": _Gated(
            rf"(?P<who>{near})\s+(?:has\s+|had\s+|also\s+|repeatedly\s+)?{names_to_end}", names_to_end),
        # a headline's credit after the closing mark: "'We can no longer wait': Macron" (the name ends its line)
        "after_colon": re.compile(rf"^[^\S\n]*(?P<verb>:)[^\S\n]*(?P<who>{spk})[^\S\n]*(?=\n|$)"),
        # a credit line after the closing mark: '"..." — Neil Gaiman', '"...," - Jane Roe, mayor of Ostby'
        "after_dash": re.compile(rf"^[^\S\n]*,?[^\S\n]*(?P<verb>[\u2014\u2013-])[^\S\n]*(?P<who>{CAPW}(?:[^\S\n]+{CAPW}){{1,3}})"
                                 rf"[^\S\n]*(?:,[^\n]{{0,60}})?(?=\n|$)"),
        "inside_who_verb": re.compile(rf"(?P<who>{spk})\s+{_ADVERB}?(?P<verb>{verb})"),
        # the one an intermediary quoted, earlier in the sentence of a partial quotation: 'Hale quoted the
        # mayor as saying that peace "..."' (the intermediary, the sentence's subject, relays)
        "inside_quoted_as": re.compile(rf"{quoted_as}\b"),
        "inside_according": re.compile(rf"(?P<verb>(?i:according\s+to))\s+(?P<who>{spk})"),
        # a verb of saying right before a partial quotation ('Fifty-one percent say that "..."'): its clause
        # decides whether anyone the article names speaks
        "before_verb_that": re.compile(rf"(?P<verb>{verb})(?:[^\S\n]+that)?[^\S\n]*[,:]?[^\S\n]*$"),
        # the reporting clause that closes the sentence a partial quotation lies in: 'It is vital to "take
        # detailed histories" of patients, Dempsey said.' (no other quotation between)
        "sentence_end_who_verb": re.compile(
            rf",[^\S\n]+(?P<who>{spk})[^\S\n]+{_ADVERB}?(?P<verb>{verb})(?:[^\S\n]+(?:on|in|at|during|to|last|this)"
            rf"[^\S\n][^,.;:!?\"\n]{{0,40}})?[^\S\n]*[.!?]?[^\S\n]*$"),
        # an apposition set off between the name and its verb: 'General Ivo Ras, chief of the general staff,
        # told reporters that the troops would stay "for years"'
        # (or two: 'Cmdr. Ivo Ras, a spokesman for Task Force Vell, the navy's mission in the north, told')
        "inside_who_appos_verb": re.compile(rf"(?P<who>{spk})(?:,[^\S\n]+(?:the[^\S\n]+|an?[^\S\n]+)?[a-z][^,\n\"]{{0,100}})"
                                            rf"{{1,2}},[^\S\n]+{_ADVERB}?(?P<verb>{verb})"),
        # a relative clause between the name and its verb: 'Roe, who in her speech called for "..."'
        "inside_who_rel": re.compile(rf"(?P<who>{spk}),[^\S\n]+who[^\S\n]+(?:[^,\n\"]{{0,60}}?[^\S\n]+)?"
                                     rf"(?P<verb>{verb})"),
        # the speaker as the possessor of the words: 'the minister's speech, read out in Latin, states:
        # "..."', 'in Roe's words, "..."'
        "before_poss": _Gated(
            rf"(?P<who>(?:(?i:the)[^\S\n]+)?(?:{word}[^\S\n]+){{0,3}}{word}|(?i:the)[^\S\n]+{rw}){possessed_words}"
            rf"(?:[^\"\n:]{{0,60}}?[^\S\n]+(?:states?|stated|says|said|reads?|goes|went|runs|ran)"
            rf"(?:[^\S\n]+(?:as[^\S\n]+follows|like[^\S\n]+this|thus))?)?[^\S\n]*[,:]?"
            rf"[^\S\n]*$", possessed_words),
        # after the closing mark (and a translation in brackets), the words as someone's: '"...", Roe's first
        # words in office, ...', '"...", the first words spoken by the new queen'
        "after_poss": re.compile(
            rf"^[^\S\n]*(?:\([^)\n]{{0,80}}\))?[^\S\n]*[,:\u2014\u2013]?[^\S\n]*"
            rf"(?P<who>(?:(?i:the)[^\S\n]+)?(?:{word}[^\S\n]+){{0,3}}{word}|(?i:the)[^\S\n]+{rw})['\u2019]s?"
            rf"[^\S\n]+(?:[a-z]+[^\S\n]+){{0,2}}?(?P<verb>{_SPEECH_NOUNS})\b"),
        # an intermediary who quoted or rendered the speaker: '"...," the interpreter rendered him as saying',
        # '"...," Hale quoted the mayor as saying' (the words are the one quoted)
        "after_quoted_as": re.compile(
            rf"{lead}(?P<relay>(?i:the|a|an|his|her|their|its)[^\S\n]+(?:[a-z][\w\-]*(?:['\u2019]s)?[^\S\n]+){{0,2}}"
            rf"[a-z][\w\-]*|(?i:it)|{near})"
            rf"[^\S\n]+(?P<verb>quoted|quotes|rendered|renders|translated|translates|cited|cites|has|had)[^\S\n]+"
            rf"(?P<who>(?i:him|her)|{near})[^\S\n]+"
            # (session 34: '"...," the transcript has her saying', '"...," it quoted her telling staff')
            r"(?:as[^\S\n]+)?(?:saying|telling)\b"),
        "after_words_of": re.compile(
            rf"{lead}(?:(?:were|was|are|is)[^\S\n]+)?(?:the|his|her|their)[^\S\n]+(?:[a-z]+[^\S\n]+){{0,2}}?"
            rf"(?P<verb>{_SPEECH_NOUNS})[^\S\n]+(?:[a-z]+[^\S\n]+)?(?:by|of|from)[^\S\n]+"
            rf"(?P<who>(?:(?i:the)[^\S\n]+)?(?:[\w\-'\u2019]+[^\S\n]+){{0,3}}?[\w\-'\u2019]+)(?=[^\S\n]*(?:[.,;:!?]|$))"),
    }


@lru_cache(maxsize=1)
def _ing_forms() -> tuple[str, ...]:
    """The -ing forms of the reporting verbs (``stating``, ``adding``, ``pointing out``), derived from their
    base forms in the word list (a participle cue: ``..., stating, "..."``)."""
    out = set()
    heads = {v.split()[0].lower() for v in shared_verbs()}
    for v in shared_verbs():
        head, _, rest = v.lower().partition(" ")
        if head.endswith("ing"):
            if head != "according":  # a preposition, read by its own pattern
                out.add(v)
            continue
        if not ({head + "s", head + "es", head + "d", head + "ed"} & heads):
            continue  # not a base form ("said", "according")
        ing = head[:-1] + "ing" if head.endswith("e") and not head.endswith("ee") else head + "ing"
        out.add(f"{ing} {rest}".strip())
        if re.fullmatch(r"[a-z]*[^aeiou][aeiou][^aeiouwxy]", head) and len(head) <= 5:
            out.add(f"{head}{head[-1]}ing {rest}".strip())  # admit -> admitting
    return tuple(longest_first(out))


@cached
def _ing_cue() -> re.Pattern:
    """A participle of saying after a comma in a sentence ("..., saying she did not accept that")."""
    return re.compile(rf",[^\S\n]+(?:{_ADVERB})?((?i:{'|'.join(re.escape(v) for v in _ing_forms())}))\b")


_SPEECH_NOUNS = (r"(?:words|speech|address|remarks|message|statement|homily|sermon|greeting|letter|argument|reasoning|"
                 r"answer|reply|response|explanation)")
# 'according to' a rendering of the words or the one who rendered them: the channel, not the speaker
# ('"...," according to a translation by AFP', 'According to the interpretation, he said ...')
_CHANNEL = re.compile(r"(?i:(?:the|a|an|his|her|its|their)\s+)?(?:[\w\-'\u2019]+\s+){0,5}?"
                      r"(?i:translations?|transcripts?|interpretation|interpreters?|translators?|rendering|"
                      r"version|readout|read-out|recording|footage|livestream|broadcast|video|clip|summary|summaries|account|minutes|notes)\b")
_FIRST_WORD = re.compile(r"[\s,]*([\w\-]+)")


@lru_cache(maxsize=1)
def _verb_edge_words() -> tuple[frozenset[str], frozenset[str]]:
    """The first and the last words of the reporting verbs: a cheap test before the verb pattern runs."""
    words = [v.lower().split() for v in _verbs()]
    return frozenset(w[0] for w in words), frozenset(w[-1] for w in words)


@lru_cache(maxsize=1)
def _verb_at_end() -> re.Pattern:
    return re.compile(rf"(?:{reporting_verb_re().pattern})\s*$", re.IGNORECASE)


# -- the entity table -------------------------------------------------------------------------------------

@dataclass
class Person:
    name: str
    titles: set[str] = field(default_factory=set)  # role words, lower case: "prime", "minister", "banker"
    attrs: set[str] = field(default_factory=set)  # modifiers, lower case: "nato", "norland", "norlandic"
    mentions: list[int] = field(default_factory=list)
    first: int = 0  # where the article first names them in full
    lead: set[str] = field(default_factory=set)  # title words written in front of the full name ("rev")
    described: bool = False  # given an age or a description somewhere ("Kamla, 61,", "Kamla, a farmer,")
    # what a sentence says they are ("Roe is a former banker"): matched by a later epithet ("the ex-banker"),
    # but no evidence that the name is a person's (an opinion piece calls anyone "a buffoon")
    epithets: set[str] = field(default_factory=set)
    # what the text says of the name says it is an organisation's ("Aune Water, which ...", "the board of Aune
    # Water", ``_firms``), or it names one of the article's own writers ("By Ines Garrow and Rafe Okoli", "our
    # reporter in the hall, Rafe Okoli"): a cue's subject still ("Okoli says"), but no one a "he" or "she" means
    aside: bool = False


def _compatible(a, b) -> bool:
    """Two sets of title words may belong to one person: either is empty or they share a word (``same_role``
    synonyms counted: ``pope`` ~ ``pontiff``)."""
    a, b = set(a) - _HONORIFICS, set(b) - _HONORIFICS
    if not a or not b:
        return True
    return bool(_with_same_roles(a) & _with_same_roles(b))


_HONORIFICS = frozenset("mr mrs ms miss sir dr".split())


@dataclass
class People:
    persons: dict[str, Person]
    mentions: list[tuple[int, str]]  # (position, full name) outside quotations, in text order
    subjects: list[tuple[int, str]] = field(default_factory=list)  # persons opening a sentence as subject
    full_forms: Counter = field(default_factory=Counter)  # every 2-3 word name run outside quotations
    aliases: dict[str, str] = field(default_factory=dict)  # earlier name -> the name it became
    proper: frozenset = frozenset()  # words the article capitalises inside a sentence (names, not openers)
    head_end: int = 0  # the end of the text's first paragraph: a headline's role may name someone introduced later
    body_start: int = 0  # where the body opens: its first line that is long or ends a sentence (the top lines
    # before it are a headline, a dateline, metadata)
    single_first: dict = field(default_factory=dict)  # a name written alone -> where it first stands (headline aside)
    text: str = ""  # the normalised text the table was read from
    _index: tuple | None = field(default=None, repr=False)
    _forms_index: dict | None = field(default=None, repr=False)

    def full_form(self, token: str, skip=()) -> str | None:
        """The one full name the article writes around a single name (``Xi`` -> ``Xi Jinping`` when the
        article says "Xi Jinping" somewhere, even untitled), or None when there is none or several (those
        in ``skip`` aside)."""
        if self._forms_index is None:
            idx: dict[str, tuple[list[str], list[str]]] = {}
            for f in self.full_forms:
                w = f.split()
                idx.setdefault(w[-1], ([], []))[0].append(f)
                if w[0] != w[-1]:
                    idx.setdefault(w[0], ([], []))[1].append(f)
            self._forms_index = idx
        last, first = self._forms_index.get(token, ((), ()))
        forms = [f for f in last if f not in skip] or [f for f in first if f not in skip]
        return forms[0] if len(forms) == 1 else None

    def _by_token(self) -> dict[str, tuple[list[Person], list[Person], list[Person]]]:
        """Persons by the lower-case last word of their name, by the first word of a longer name and by an
        inner word of a name of three words or more (an index rebuilt when the table grows or shrinks)."""
        version = (len(self.persons), len(self.aliases))
        if self._index is None or self._index[0] != version:
            idx: dict[str, tuple[list[Person], list[Person], list[Person]]] = {}
            for p in self.persons.values():
                w = p.name.lower().split()
                idx.setdefault(w[-1], ([], [], []))[0].append(p)
                bare = _PREFIX_OF.sub("", w[-1])
                if bare != w[-1]:  # "Sharaa" and "Al-Sharaa" for "Ahmed al-Sharaa"
                    idx.setdefault(bare, ([], [], []))[0].append(p)
                if len(w) > 1:
                    idx.setdefault(w[0], ([], [], []))[1].append(p)
                for x in inner_words(w):  # a name known by a word inside it: "Lula"
                    idx.setdefault(x, ([], [], []))[2].append(p)
            self._index = (version, idx)
        return self._index[1]

    def by_surname(self, token: str, lead=None, pos: int | None = None, strict: bool = False) -> str | None:
        """The person a single name stands for: the one whose full name ends (or, family name first,
        begins) with it. With the title words written in front of it (``lead``), a person introduced with
        other titles and named in full only after ``pos`` is someone else (``Pope Francis`` early on is not
        ``Rev. Mark Francis`` quoted at the end); ``strict`` then gives None when every candidate is."""
        token = token.lower().split()[-1]  # "van der Wal" is found by "wal"
        last, first, inner = self._by_token().get(token, ((), (), ()))
        best = list(last)
        if lead and best:
            fits = [p for p in best if _compatible(lead, p.lead) or (pos is not None and pos > p.first)]
            if strict or fits:
                best = fits
                if not best:
                    return None
        if not best and self.aliases:
            old = sorted(a for a in self.aliases if a.split()[-1].lower() == token)
            if old:  # a name the person had before ("Vesely", who became "Pius XIII")
                return self.aliases[old[0]]
        if not best:  # family name first ("Xi" for "Xi Jinping"), when one person only has it
            best = list(first)
            if pos is not None and not self._in_headline(pos):
                # named in full only after this use: someone else ('"...," Lee said' all through the
                # article, then "the minister Lee Ju-ho" once near its end)
                aliased = set(self.aliases.values())
                best = [p for p in best if p.first <= pos or p.name in aliased]
            if len(best) > 1:
                return None
        if not best:  # the name a person goes by, inside the full one ("Lula"), when one person only has it
            best = list(inner)
            if len(best) > 1:
                return None
        if len(best) > 1 and not lead:
            # a bare surname shared with someone introduced by a relation ("First Lady Melania Trump"): the
            # one the relation is to, whom the article names by surname alone
            best = [p for p in best if not (p.lead & relations())] or best
        return max(best, key=lambda p: (len(p.mentions), p.name)).name if best else None

    def _in_headline(self, pos: int) -> bool:
        """Whether ``pos`` lies in the lines above the body: a headline, a dateline, metadata."""
        return pos < self.body_start

    def last_before(self, pos: int, names: set[str] | None = None) -> str | None:
        for p, n in reversed(self.mentions):
            if p < pos and (names is None or n in names):
                return n
        return None

    @property
    def dominant(self) -> str | None:
        """The person the article is about when one clearly is: the only person, or one named at least
        three times and twice as often as anyone else (what a pronoun before any subject refers to)."""
        counts = sorted(((len(p.mentions), n) for n, p in self.persons.items() if not p.aside), reverse=True)
        if len(counts) == 1:
            return counts[0][1]
        if counts and counts[0][0] >= 3 and counts[0][0] >= 2 * counts[1][0]:
            return counts[0][1]
        return None

    @property
    def main(self) -> str | None:
        if not self.persons:
            return None
        return max(self.persons.values(), key=lambda p: (len(p.mentions), -min(p.mentions or [0]), p.name)).name


# name particles inside a run ("Ursula von der Leyen"), whole words only
_PARTICLE = r"(?:van|von|der|den|de|del|della|da|dos|du|bin|al)(?![\w'\u2019-])"
# a lower-case particle may open a run when a capitalised word follows ("von der Leyen said")
# ... and a middle initial inside it ("Sonya A. Zoghlin", "George W. Bush")
_RUN = re.compile(rf"(?<![\w'\u2019])(?<![\w'\u2019]-)(?:{_PARTICLE}[^\S\n]+)*{CAPW}"
                  rf"(?:[^\S\n]+(?:[A-Z]\.(?=[^\S\n]+[A-Z][a-z])|{CAPW}|{_PARTICLE}))*")
_PARTICLES = frozenset("van von der den de del della da dos du bin al".split())
_LABEL_NEXT = re.compile(r":[^\S\n]*\d")  # a label before a time or a date
# (session 35) ... or with no colon: "Published 00:38, 15 Oct 2025"
_DATE_LABELS = frozenset({"Published", "Updated", "Posted", "Modified", "Edited", "PUBLISHED", "UPDATED"})
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:his|her)[^\S\n]+[a-z]")
_HE_SHE_NEXT = re.compile(r"[.!?][^\S\n]+(?:He|She)[^\S\n]+(?:[a-z]+ly[^\S\n]+)?[a-z]{3,}\b")  # the next sentence's subject
_HE_SHE_ACTS = re.compile(r"\b(?:he|she)[^\S\n]+(?:[a-z]+ly[^\S\n]+)?(?:did|had|was|is|has|said|told|added|[a-z]+ed)\b")
_BYLINE_LINE = re.compile(r"[^\S\n]*(?i:by|words\s+by|written\s+by|reporting\s+by)[^\S\n]+[A-Z]")


def inner_words(words: list[str] | tuple[str, ...]) -> list[str]:
    """The words inside a name of three words or more, particles aside: the name a person may go by ("Lula"
    of "Luiz Inacio Lula da Silva"). The speaker layer, the attribution layer and the corpus's one name per
    speaker all read a single name against it."""
    return [w for w in words[1:-1] if w.lower() not in _PARTICLES] if len(words) >= 3 else []


def _name_words(name: list[str]) -> list[str]:
    """The capitalised words of a name, with the particles between two of them (``Anna van der Berg``)."""
    if len(name) > 2 and name[0].lower() in _PARTICLES and name[1] in _PARTICLES:
        name = [name[0].lower(), *name[1:]]  # "Von der Leyen" opening a sentence is "von der Leyen"
    caps = [i for i, t in enumerate(name) if t[:1].isupper() or _PREFIXED.match(t)]
    if not caps:
        return []
    lead = caps[0]
    while lead > 0 and name[lead - 1] in _PARTICLES:  # "von der Leyen": particles right before the name
        lead -= 1
    return [t for i, t in enumerate(name) if t[:1].isupper() or _PREFIXED.match(t)
            or (lead <= i < caps[-1] and t in _PARTICLES)]
_APPOSITIVE = re.compile(r",\s+((?:[\w'\u2019.-]+\s+){0,11}[\w'\u2019.-]+)\s*(?=[,.;:]|$)")
_OF_PLACE = re.compile(rf"\s+of\s+(?:the\s+)?({CAPW}(?:\s+{CAPW}){{0,2}})")
_TITLE_OF = re.compile(r"(?<![\w'\u2019-])([A-Za-z][\w-]*)[^\S\n]+(?:of|for|to)[^\S\n]+(?:the[^\S\n]+)?$")


def _place_prefix(name: list[str]) -> int:
    """How many words open ``name`` that are the place or body of a title before it ("Argentina" of
    "Argentina Javier Milei", "South Korea", "European Commission"): the longest opening that is a
    territory or ends in an organisation's head word, leaving a word at least; else, for a place or body
    the lists do not know, all but the last two words of four or more ("Foreign Affairs Jane Roe") and
    the first of three ("Norland Jane Roe"); else none."""
    for k in range(min(4, len(name) - 1), 0, -1):
        if " ".join(name[:k]).lower() in _place_names() or name[k - 1].lower() in _organisation_heads():
            return k
    return len(name) - 2 if len(name) >= 4 else 1 if len(name) == 3 else 0


# "Roe and Brandt met", "India, Mexico" (not an apposition naming whose role: "Zoghlin, Carlineo's attorney,")
_COORD = re.compile(r",?\s+(?:and|or|&)\s+[A-Z]|,[^\S\n]+[A-Z](?![\w\-]*['\u2019]s\b)")
_ROLE_COMMA = re.compile(r"((?:[\w'\u2019.-]+\s+){0,4}[\w'\u2019.-]+),\s*$")
_ROLE_OPENS_SENTENCE = re.compile(
    r"(?:^|[.!?][\"'\u201d\u2019]?[^\S\n]+|\n[^\S\n]*)(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w\-]*['\u2019]s?)"
    r"[^\S\n]+(?P<role>(?:[\w'\u2019\-]+[^\S\n]+){0,2}?[\w'\u2019\-]+)"
    # ... and whose role it is ("of University of Tessenburg in neighbour Karvenia"): its capitalised words
    r"(?:[^\S\n]+(?:of|at|for|in)[^\S\n]+(?P<org>[^,.;:!?\"\n\u201c\u201d]{1,80}?))?,\s*$")


def _names_another(appos: str) -> bool:
    """The words set off after a name are a role and a full name ("professor Ana Vos", "the lawyer Piet
    Hals"): they introduce that person, and say nothing of the words before them ("in neighbour Karvenia,
    professor Ana Vos,"); not "an adviser to Prime Minister Roe", whose capitals are a title."""
    w = appos.split()
    return 3 <= len(w) <= 5 and w[-3].islower() and (w[-3] in titles() or _person_noun(w[-3])) and \
        all(t[:1].isupper() and t.lower() not in titles() for t in w[-2:]) and \
        all(t.islower() for t in w[:-2])


_PLACE_PREPS = frozenset({"At", "In", "From", "Near", "Outside", "Inside", "Across"})  # ("At Cauldmere" as one run)
_PLACE_PREP_END = re.compile(r"(?:^|[\s(])(?:[Aa]t|[Ii]n|[Ff]rom|[Nn]ear|[Oo]utside|[Ii]nside|[Aa]cross)[^\S\n]+$")
_ITS_NEXT = re.compile(r"[^\S\n]+[a-z][\w\-]*[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+)?its\b")  # "Vessmark gave its ..."
_POSS = re.compile(r"['\u2019]s?$")
# the space after a name that opens a reporting clause set off by commas ("Lind noted,")
_PARENTHETICAL = re.compile(r"([^\S\n]+)(?:[a-z]+ly[^\S\n]+)?[a-z]+(?:[^\S\n]+[a-z]+)?[^\S\n]*,")


def _strip_possessive(tok: str) -> str:
    return _POSS.sub("", tok) if tok[-2:-1] in "'\u2019" or tok[-1:] in "'\u2019" else tok


_REGNAL = re.compile(r"^[IVX]{1,5}$")  # "Leo XIV", "Charles III": part of the name


def _is_title(tok: str) -> bool:
    low = tok.lower().rstrip(".")
    if tok.endswith(".") and 2 <= len(tok) <= 5 and tok[:1].isupper() and tok[1:-1].islower():
        return True  # an abbreviated title: "Rev.", "Sen.", "Gov.", "Fr."
    return low in titles() or low == "the" or (
        tok.isupper() and len(tok) > 1 and tok.isalpha() and not _REGNAL.match(tok))


# Closed-class words that open a sentence or a heading capitalised ("On Russia's response", "What Putin
# said", "And Xi said"): never the first word of a name.
_FUNCTION = frozenset("on in at as and but or nor so yet what when where why how if for with by from after before "
                      "during while since of to under over into onto upon about against among between through "
                      "unlike like despite although though because once than whether whose whom".split())
# adverbs that open a sentence before its subject ("Still, Roe warned", "Meanwhile Roe said"): capitalised
# there, they are no part of the name after them
OPENING_ADVERBS = frozenset("still now then meanwhile however instead indeed later earlier also thus again finally "
                            "previously separately similarly likewise moreover besides even only yesterday "
                            "whatever whichever whoever whenever wherever".split())


# a compound adjective in lower case after its hyphen ("Grim-faced", "Tight-lipped", "Long-serving"), not a
# double name ("Jean-Paul", "Ahn-Li")
_EPITHET_COMPOUND = re.compile(r"[A-Z][a-z]+-[a-z]+(?:-[a-z]+)?")


def split_name(phrase: str) -> tuple[list[str], list[str]]:
    """(title words, name words) of a capitalised run such as ``NATO Secretary General Mark Rutte``: the
    name is what follows the last title word (at least one word is left for the name). Function words and
    adverbs that open the run (``On``, ``What``, ``And``, ``Meanwhile``) are dropped first."""
    raw = phrase.split()
    while len(raw) > 1 and (raw[0].lower() in _FUNCTION or raw[0].lower() in OPENING_ADVERBS or
                            _EPITHET_COMPOUND.fullmatch(raw[0])):
        raw = raw[1:]  # (and a compound epithet opening the sentence: "Grim-faced Minister Ana Pell")
    toks = [_strip_possessive(t) for t in raw]
    last = -1
    for i, t in enumerate(toks[:-1]):
        if _is_title(t) or t != raw[i]:  # a title, or a possessor ("China's Xi", "Norland's Jane Roe")
            last = i
    if toks and _is_title(toks[-1]) and (last == len(toks) - 2 or len(toks) == 1):
        return toks, []  # "the Secretary General", "Prime Minister": a role, no name
    if len(toks) > 1 and _is_title(toks[-1]) and all(_institution_word(t) for t in toks[:-1]):
        return toks, []  # "Commission President", "Kremlin spokesman", "Ukraine President": a role
    return toks[:last + 1], strip_post_nominals(toks[last + 1:])


def strip_post_nominals(words: list[str]) -> list[str]:
    """``words`` of a name without the letters after it ("Tom Reed KC", "Reed KC", "Ana Lind MP"), a word left
    at least."""
    post = _post_nominals()
    while len(words) > 1 and words[-1].rstrip(".,") in post:
        words = words[:-1]
    return words


@lru_cache(maxsize=1)
def _demonym_nouns() -> dict[str, str]:
    """A people's noun for one of them -> its adjective, where they differ (``speaker_titles.yaml``,
    ``demonyms``: "dane" -> "danish")."""
    from ..vocab import load_mapping

    out = {}
    for line in load_mapping("speaker_titles").get("demonyms", []) or []:
        noun, _, adj = str(line).partition("=")
        if adj.strip():
            out[noun.strip().lower()] = adj.strip().lower()
    return out


@lru_cache(maxsize=1)
def _demonym_adjectives() -> frozenset[str]:
    return frozenset(_demonym_nouns().values())


@lru_cache(maxsize=1)
def _post_nominals() -> frozenset[str]:
    """Letters after a name that are no part of it (``speaker_titles.yaml``, ``post_nominals``: "KC", "MP")."""
    from ..vocab import load_mapping

    return frozenset(str(w) for w in load_mapping("speaker_titles").get("post_nominals", []) or [])


_INITIALS = re.compile(r"(?:[A-Z]\.)+")  # "J.D." of "J.D. Vance": capitals, but no acronym


def _namelike(tok: str) -> bool:
    return not tok.isupper() or bool(_REGNAL.match(tok)) and len(tok) > 1 or bool(_INITIALS.fullmatch(tok))


def _role_words(words) -> tuple[set[str], set[str]]:
    """(role words, attributes) of descriptive words: lower-case words are roles, capitalised ones
    attributes; titles are roles whatever their case."""
    roles, attrs = set(), set()
    for w in words:
        w = _strip_possessive(w.strip(",.;:()"))
        low = w.lower()
        for part in _expand(low):
            if not part or part in _DESC_STOP or part.isdigit():
                continue
            if part.startswith("age:") or (w.lower().endswith("-born") and w[:1].isupper()):
                attrs.add(part)
            elif part in titles() or not w[:1].isupper():
                roles.add(part)
            else:
                attrs.add(part)
    return roles, attrs


_REL_CUT = re.compile(r"(?:^|\s)(?:who|whom|whose|which|that|where|when)\s")
# an auxiliary after the comma: a clause ("..., the 43-year-old man had suffered months of ..."), no apposition
# ... or a verb in the past and its object: "In the words of the interpreter, Ferrer, the minister framed it
# as a staffing matter:" (not "a retired judge", "the man accused of fraud", "an engineer who inspected it")
_APPOS_VERB_OBJECT = re.compile(r"(?:the|a|an|his|her|their)\s+(?:(?!(?:who|whom|whose|which|that)\b)[\w'\u2019-]+\s+){0,3}?"
                                r"(?:[a-z]+ed|said|told|made|"
                                r"gave|put|took|set)\s+(?:it|them|him|her|this|that|the|a|an|his|their|its)\b",
                                re.IGNORECASE)
# a verb in the simple past opening what follows a name and a comma: the sentence's predicate ("The mayor's aide,
# Owen Tarr, came over to the benches"), no apposition (only forms no participle shares)
_APPOS_PAST = re.compile(r"(?:came|went|spoke|sat|stood|ran|took|gave|wrote|drove|flew|rose|fell|began|saw|knew|"
                         r"grew|threw|chose|broke|stole|swore|tore|wore|woke)\b")
_FINITE = re.compile(r"\s(?:had|has|have|was|were|is|are|will|would|did|does|do)\s")
_AGE_WORD = re.compile(r"(\d{2,3})(?:-years?-old)?")


@cached
def _ranks() -> frozenset[str]:
    """Words that make a title another role (``speaker_titles.yaml``, ``ranks``: "prime", "vice",
    "deputy"): a person introduced with one is not the plain role without it."""
    from ..vocab import load_mapping

    return frozenset(str(w).lower() for w in load_mapping("speaker_titles").get("ranks", []) or [])


_ADJECTIVE_ENDINGS = ("ly", "ed", "ing", "ive", "ous", "ful", "ist", "ent", "ant", "al", "ic", "ian", "ish", "ese")
_ADJECTIVES = frozenset({"top", "senior", "junior", "late", "longtime", "veteran", "young", "old", "powerful",
                         "outspoken", "hardline", "interim", "own", "same", "other", "sole", "only", "chief",
                         "first", "second", "third", "last", "next", "previous", "future", "youngest", "oldest"})


def _adjective_like(word: str) -> bool:
    """A lower-case word before a role that describes its holder rather than naming whose role it is."""
    return word in _DESC_STOP or word in _ADJECTIVES or word.endswith(_ADJECTIVE_ENDINGS) or \
        word.startswith("age:") or "-" in word


def _expand(low: str) -> list[str]:
    """A descriptive word as the words a role is matched by: ``ex-``/``former`` dropped, an abbreviation
    expanded (``pm``), an age as ``age:69`` (``69-year-old``, an apposition's ``69``), ``chicago-born`` as
    the place ``chicago``."""
    if low[:1].isdigit():
        m = _AGE_WORD.fullmatch(low)
        return [f"age:{m.group(1)}"] if m else []
    if low.endswith("-born"):
        return [low[:-5]]
    low = re.sub(r"^(?:ex|former)-", "", low)
    return ABBREVIATIONS.get(low, low).split()


_OPENER = re.compile(r"^(?:(?:and|but|yet|so|meanwhile|however|later|earlier|then|also|still|now)\b[\s,]*)?",
                     re.IGNORECASE)


# a subordinate clause's opening word and the lower-case words describing its subject ("where mum-of-two",
# "after resident")
_SUBORDINATE_LEAD = re.compile(r"(?:where|when|after|while|because|since|until|as)(?:[^\S\n]+[a-z][\w\-]*){0,2}")


def _opens_sentence(norm: str, sent_start: int, run_start: int, reporting: bool = False) -> bool:
    """True when a person named at ``run_start`` is the subject opening its sentence: nothing but an opener
    word or an introductory phrase closed by a comma comes before (``Speaking in Kyiv, Roe said``), never a
    preposition (``In a letter to X``)."""
    prefix = norm[sent_start:run_start]
    if not prefix.strip() and _ABBREV_END.search(norm, max(0, sent_start - 8), sent_start):
        # the sentence splitter broke after "Rep." or "Sen.": the sentence began before it ("At a hearing,
        # Rep. Robert Aderholt pushed ..."); the title is read as a title
        line = norm.rfind("\n", 0, sent_start) + 1
        stops = [m.end() for m in _SENTENCE_STOP.finditer(norm, line, sent_start)
                 if not _ABBREV_END.search(norm, max(0, m.end() - 9), m.end())]
        real = stops[-1] if stops else line
        if real >= sent_start:
            return False
        return _opens_sentence(norm, real, run_start, reporting)
    prefix = _DATELINE.sub("", prefix)
    if "," in prefix:
        intro, prefix = prefix.rsplit(",", 1)
        last = intro.rsplit(",", 1)[-1]
        if _POSSESSED_END.search(last) and ("," in intro or not _PREP_OPEN.match(last)):
            # (a sentence that opens with such a phrase introduces its subject: "In his first address, X said")
            return False  # "... in the spirit of his predecessor, Pope Francis": the apposition of an object
        # "Speaking in Kyiv, Roe said", "On Monday, Roe said"; not "Roe thanked his predecessor, X", nor
        # "Speaking in Kyiv, Roe thanked her predecessor, X" (each comma's phrase must introduce); any fronted
        # words before a reporting clause ("Support has not diminished, Roe said")
        if "," not in intro and not prefix.strip() and _POSSESSED_ROLE_OPEN.fullmatch(intro.strip(" \"'\u201c\u201d(")):
            return True  # "Her deputy, Tom Lee, was blunter": the name set off after the subject's role
        if not reporting and not (_intro_like(intro.split(",", 1)[0]) and (
                "," not in intro or _intro_like(intro.rsplit(",", 1)[-1], place=True))):
            return False
        lead = re.match(r"\s*(?:and|but|or|&)\b", prefix)
        if lead and not (reporting and lead.group().strip() in ("and", "but")):
            return False  # the last item of a list: "in Italian, Spanish and Latin"
        if lead:  # "..., and President Roe announced that ...": a clause of its own, with its subject
            prefix = prefix[lead.end():]
    prefix = _OPENER.sub("", prefix.strip(" \"'\u201c\u201d(")).strip()
    if reporting and _SUBORDINATE_LEAD.fullmatch(prefix):
        return True  # "..., where mum-of-two Hanne Rud said": the subject of a clause of saying of its own
    words = prefix.split()
    if words and words[0].lower() in ("the", "a", "an") and len(words) <= 4 and \
            not any(x.lower() in _FUNCTION for x in words[1:]):
        return True  # a determiner and its modifiers: "the newly elected Pope Leo XIV delivered ..."
    if words and len(words) <= 4 and all(w.islower() and w.isalpha() for w in words) and \
            (_is_title(words[-1]) or _person_noun(words[-1])) and not any(w in _FUNCTION for w in words):
        return True  # "The inquiry chair, retired judge Miriam Aldecott, said": a role in lower case before it
    return not words or all(_is_title(w) or w[:1].isupper() for w in words)


def _coordinated(norm: str, end: int) -> bool:
    """A name followed by another in a list ("Roe, Berg and Lund met", "Roe, Governor Berg and Lund"), not by
    its apposition ("Pankaj Pandey, Head of Research at ICICI Securities, pointed out": a title after the comma
    and a lower-case word after it)."""
    m = _COORD.match(norm, end)
    if not m:
        return False
    nxt = _APPOS_TITLE.match(norm, end)
    return not (nxt and (nxt.group(1).lower() in titles() or _person_noun(nxt.group(1).lower())))


_APPOS_TITLE = re.compile(r",[^\S\n]+([A-Z][a-z]+)(?=[^\S\n]+[a-z])")  # "Head of Research", not "President Berg"


@lru_cache(maxsize=1)
def _appos_clause() -> re.Pattern:
    """What follows a name and a comma is a clause with its own subject and verb of saying, no apposition
    ("Speaking on Vell Radio, the minister said the port would close")."""
    return re.compile(r"(?:the|a|an|his|her|their)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:" + reporting_verb_re().pattern + ")",
                      re.IGNORECASE)


# a noun possessed by a pronoun at the end of a phrase that has words before it ("thanked his predecessor",
# "in the spirit of her late husband"): a name set off after it is that noun's apposition
_POSSESSED_END = re.compile(r"\w[^,]*\s(?:his|her|their|its)\s+(?:[\w\-]+\s+){0,2}[\w\-]+\s*$")
# a role possessed by a pronoun or a name, opening the sentence: "Her deputy", "Roe's lawyer", "The mayor's aide",
# "Vell Rail's chief executive"
_POSSESSED_ROLE_OPEN = re.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir|(?:[Tt]he[^\S\n]+)?(?:[A-Z][\w\-]*[^\S\n]+){0,3}[A-Z][\w\-]*['\u2019]s?"
                                  r"|[Tt]he[^\S\n]+[a-z]+['\u2019]s)"
                                  r"[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+){0,2}[a-z][\w\-]*")
_PREP_OPEN = re.compile(r"\s*(?:in|on|at|during|after|before|with|for|from|by|as|under|amid|since|upon|over)\s",
                        re.IGNORECASE)


def _intro_like(seg: str, place: bool = False) -> bool:
    """An introductory phrase: it opens with a preposition, an intro adverb, a participle, an -ly adverb, a
    number or a calendar name; with ``place``, a short capitalised place or date after another introductory
    phrase (``In Vell, Norland, Roe said``)."""
    words = seg.strip(" \"'\u201c\u201d(").split()
    if not words:
        return True
    w = words[0].lower()
    if w in ("the", "a", "an") and any(x.lower() in _verb_set() for x in words[1:]):
        return False  # a clause of its own: "the Argentine president said that the head of the government,"
    if w in _FUNCTION or w in _INTRO_WORDS or w.endswith(("ing", "ly", "ed")) or w[:1].isdigit() or w in _CALENDAR \
            or w in _PARTICIPLES:
        return True
    return place and len(words) <= 3 and all(x[:1].isupper() or x[:1].isdigit() for x in words)


# "ROME (OSV News) -- ", "KYIV, Nov 21 (Reuters) - ": a wire dateline opens the first sentence
_WIRE_DATELINE = r"\s*[A-Z][A-Z .'\u2019-]+(?:,[^()\n]{0,30})?(?:\([^)\n]{0,40}\))?\s*(?:--|\u2014|\u2013|-)\s*"
# ... or a machine date with its label ("date 2025-05-09 ") left before the first sentence by an extractor
# (and a live page's time opening its entry: "23:44 Ferreira-Quist opens in Portuguese")
_DATELINE = re.compile(rf"^\s*(?:[a-z]+\s+)?\d{{4}}-\d\d-\d\d\s+|^{_WIRE_DATELINE}|^\s*\d{{1,2}}[:.]\d\d\b(?:[^\S\n]*(?:[ap]m|GMT|BST|CET))?(?:[^\S\n]*[|:\u2013\u2014-])?[^\S\n]+")
_PARTICIPLES = frozenset("born raised known seen chosen given taken grown driven shown".split())
_INTRO_WORDS = frozenset("meanwhile however later earlier then also still now today yesterday tonight last this "
                         "addressing speaking asked in a an the".split())


# closed-class words that open sentences capitalised and are never names ("This reiterated", "His words")
_CLOSED_CLASS = frozenset("this that these those his her its their who which what it there here some many "
                          "others all both each one nobody somebody everybody anybody everyone someone anyone "
                          "none".split())
_CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april "
                      "may june july august september october november december".split())
# a month's or a day's abbreviation before its full stop ("Sept. 23", "Jan. 20", "Tues."): a date, no name
# feasts and seasons that a date is named by ("on Easter Sunday", "before Pentecost"), never a person
_FEASTS = frozenset("easter christmas pentecost lent advent epiphany ramadan eid passover hanukkah diwali "
                    "yom kippur".split())
_CALENDAR_ABBR = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri "
                           "sat sun".split())
# the subject of a sentence that reports its death ("Agnes Roe, 79, and her neighbour Tomas Pell died on
# Weir Street"): no one a later "she said" can mean (a relative clause or a reporting verb first ends it:
# "Roe, whose son drowned, said")
_DIED = re.compile(r"(?:(?!\b(?:who|whose|whom|which|that|said|says|told|tells)\b)[^.!?\n])*?"
                   r"\b(?:died|drowned|perished|(?:was|were|had\s+been|have\s+been|has\s+been)\s+"
                   r"(?:killed|found\s+dead|pronounced\s+dead|buried)|lost\s+(?:their|his|her)\s+lives?)\b")
# an inverted reporting clause closing the sentence: "..., said Mary E. Lovely, a Syracuse economist."
_SAID_BEFORE = re.compile(r"[,\"\u201d][^\S\n]*(?:[a-z]+ly[^\S\n]+)?(?:said|says|added|adds|noted|notes|explained|"
                          r"explains|wrote|writes|recalled|recalls)[^\S\n]+$")
_INVERTED_END = re.compile(r"[^\S\n]*(?:[,.;:!?)]|$)")  # ... the name ends its clause (not "said Tyvak would")
_NEXT_WORD = re.compile(r"[^\S\n]+([a-z][\w\-]*)")


@cached
def _speech_of() -> re.Pattern:
    """After a person's name: their speech as the subject of an active verb ("Vance's address emphasised",
    "Lula's address today expressed"), which makes that person the current speaker (speech_nouns.txt)."""
    nouns = "|".join(re.escape(n) for n in longest_first(load_phrases("speech_nouns")))
    return re.compile(rf"(?:['\u2019]s?)?[^\S\n]+(?:[\w-]+[^\S\n]+)?(?:{nouns})[^\S\n]+(?:[a-z]+[^\S\n]+)?"
                      r"(?!(?:was|were|is|has|had)\b)[a-z]+(?:ed|s)\b")


_AGE_APPOS = re.compile(r",[^\S\n]+\d{1,3},")  # "Vance, 40, said": an age in apposition names a person
# a title's abbreviation the splitter may break after ("Rep. Ana Ruiz"): not a sentence's end; a short name
# that ends a sentence ("in Kyiv.", "in Vell.") or a full stop before a line break is one
_SENTENCE_STOP = re.compile(r"[.!?][\"'\u201d\u2019)]?[^\S\n]+")
_ABBREV_END = re.compile(r"\b(?:" + "|".join(sorted(w.capitalize() for w in NAME_ABBREVIATIONS | {"mt", "jr", "sr"}))
                         + r")\.[^\S\n]*$")
_GENDERED = re.compile(r"\b(?:he|she|his|her|him)\b", re.IGNORECASE)
_DESCRIBES = re.compile(r"(?:a|an|the|his|her|its|their|[A-Z][\w\-]*['\u2019]s?)\s+(?:[\w\-]+\s+){0,3}[a-z][\w\-]*")


_MID_CAP = re.compile(r"(?<=[a-z,;] )(?<!['\u2019]s )[A-Z][\w\-]*")
_LINE = re.compile(r"[^\n]+")


_WRITER_NAME = r"[A-Z][\w'\u2019-]+(?:[^\S\n]+[A-Z][\w'\u2019-]+){1,2}"
# the top lines' byline: a name alone on its line ("Rosalind Tabb"), after "By", or a credit ("Live updates by
# Tom Greaves and Anika Soble"); and a writer's bio anywhere ("Rosalind Tabb writes on politics ...")
_WRITER_LINE = re.compile(rf"^[^\S\n]*(?:(?:[Bb]y|[Ww]ords:?|[A-Z][a-z]+(?:[^\S\n]+[a-z]+){{0,2}}[^\S\n]+by)[^\S\n]+)?"
                          rf"(?P<names>{_WRITER_NAME}(?:(?:,[^\S\n]*|[^\S\n]+(?:and|&)[^\S\n]+){_WRITER_NAME})*)"
                          rf"(?:,[^\S\n]+[A-Za-z ]{{3,40}})?[^\S\n]*$", re.MULTILINE)
_WRITER_BIO = re.compile(rf"(?:^|\n)[^\S\n]*(?P<name>{_WRITER_NAME})[^\S\n]+(?:writes|has\s+written|reports)[^\S\n]+"
                         rf"(?:on|about|for)\b")


def _byline_writers(norm: str, byline: str | None) -> set[str]:
    """The article's own writers: the names of its byline (the ingested one, and one among its first eight
    lines) and of a writer's bio line. They are no speakers a "he" or "she" can mean."""
    out: set[str] = set()
    top_end = 0
    for _ in range(8):
        nl = norm.find("\n", top_end)
        if nl < 0:
            top_end = len(norm)
            break
        top_end = nl + 1
    for text in [x for x in (byline, norm[:top_end]) if x]:
        for m in _WRITER_LINE.finditer(text):
            out |= {n.strip() for n in re.split(r",|\s+(?:and|&)\s+", m.group("names")) if n.strip()}
    out |= {m.group("name") for m in _WRITER_BIO.finditer(norm)}
    return out


def _body_start(norm: str) -> int:
    """Where the body opens: the first line longer than ``HEADLINE_MAX`` or ending a sentence (a stop, or a
    closing quotation mark after one); the text's end when none does."""
    for m in _LINE.finditer(norm):
        line = m.group().rstrip()
        if len(line) > HEADLINE_MAX or re.search(r"[.!?][\"\u201d\u2019']?$", line):
            return m.start()
    return len(norm)


def _is_heading(line: str) -> bool:
    """A title-case line (``Trump's Plans for the Panama Canal``): its capitals say nothing about names and
    it has no subject."""
    words = line.split()
    if len(words) < 2 or line.rstrip()[-1:] in ".!?\"\u201d':":
        return False  # two words will do ("True North" as a subhead); "Jane Roe:" opens a transcript turn
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= 0.6 * len(words)


def _text_index(norm: str) -> tuple[frozenset[str], list[tuple[int, int]]]:
    """(words capitalised inside a sentence, after a lower-case word or a comma, so names and not sentence
    openers such as "Without" or "Analysts"; spans of title-case heading lines), in one pass."""
    mid: set[str] = set()
    heads = []
    for m in _LINE.finditer(norm):
        if _is_heading(m.group()):
            heads.append(m.span())
        else:
            mid.update(_MID_CAP.findall(m.group()))
    return frozenset(mid), heads


# (session 31) a name set before a parenthetical reporting clause whose quotation carries on its sentence
# ('Korvane Biologics, she said, "has accepted that ..."'): the topic of what was said, not a subject who acts or
# speaks; the pronoun is the speaker
_TOPIC_OF_REPORT = re.compile(r"[^\S\n]*,[^\S\n]*(?:he|she|they)[^\S\n]+(?:said|says|added|told\s+\w+)[^\S\n]*,"
                              r"[^\S\n]*[\"\u201c\u2018'][^\S\n]*[a-z]")


@dataclass(slots=True)
class _Run:
    """One capitalised run outside quotations that may name a person (``find_people``, first pass)."""
    start: int
    end: int  # after the run and an "of Norland" that belongs to it
    pos: int  # where the name's first word stands
    key: str  # the name words
    single: bool
    lead: frozenset  # title words written in front of the name ("pope", "rev"), possessors left out
    roles: set
    attrs: set
    possessive: bool
    verb_after: bool
    evidence: bool  # a person on this mention's own evidence (a title, a reporting verb, "who", a description)
    heading: bool
    described: bool = False  # an age or an indefinite description set off after the name


def find_people(doc, quote_spans: list[tuple[int, int]]) -> People:
    """Persons the article names outside its quotations, with the roles and attributes it gives them.

    Two passes over the capitalised runs (``_RUN``, once): the first reads each run's own evidence (titles,
    apposition, ``of Norland``, a reporting verb next to it); the persons are those with evidence somewhere,
    and one person's earlier name is linked to the later one (``_find_aliases``); the second records every
    mention of a person, wherever it had evidence or not, and only then decides (for those alone) whether
    the mention opens its sentence as the subject."""
    norm = doc.norm
    verb_rx = reporting_verb_re()
    verb_end = _verb_at_end()
    vfirst, vlast = _verb_edge_words()
    tls = titles()
    skip = _skip_words()
    spans = sorted(quote_spans)
    starts = [s for s, _ in spans]
    sents = doc.sentences
    sent_starts = [s for s, _ in sents]

    def inside(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return any(s <= pos < e for s, e in spans[max(0, i - 3):i + 1])

    def sent_start(pos: int) -> int:
        i = bisect.bisect_right(sent_starts, pos) - 1
        return sents[i][0] if i >= 0 and sents[i][0] <= pos < sents[i][1] else pos

    mid_caps, heads = _text_index(norm)
    head_starts = [s for s, _ in heads]
    places = frozenset(m.group("place").lower() for m in _LOCATIVE.finditer(norm) if not inside(m.start("place")))
    firms = _firms(norm)
    writers = {m.group("name") for m in _OUR_WRITER.finditer(norm)} if "our " in norm.lower() else set()
    writers |= _byline_writers(norm, getattr(doc.article, "byline", None))

    def in_heading(pos: int) -> bool:
        i = bisect.bisect_right(head_starts, pos) - 1
        return i >= 0 and pos < heads[i][1]

    subject_of: dict[int, bool] = {}

    def subject(r: _Run) -> bool:
        """The mention opens its sentence as the subject, or that of a reporting clause ("..., Roe said")."""
        s = subject_of.get(r.start)
        if s is None:
            s = subject_of[r.start] = ((not r.possessive or bool(_speech_of().match(norm, r.end))) and not r.heading
                                       and not _coordinated(norm, r.end)
                                       and (_opens_sentence(norm, sent_start(r.start), r.start, r.verb_after)
                                            or bool(_SAID_BEFORE.search(norm, max(0, r.start - 30), r.start)
                                                    and _INVERTED_END.match(norm, r.end))))
        return s

    links = _link_lines(norm)

    runs: list[_Run] = []
    body_at = _body_start(norm)
    for m in _RUN.finditer(norm):
        g = m.group()
        if " " not in g and g.lower() in skip:
            continue  # "The", "In", "He", "Monday": never a name, the cheapest test first
        if inside(m.start()):
            continue
        if links and any(a <= m.start() < b for a, b in links):
            continue  # "ALSO READ | Trump pauses ...": another article's headline, nobody of this one
        if _LABEL_NEXT.match(norm, m.end()) or g in _DATE_LABELS and re.match(r"[^\S\n]+\d", norm[m.end():m.end() + 3]):
            continue  # "Published: 00:47, 25 October", "Updated: 09:12": a page's label, no one
        if m.start() < body_at and _BYLINE_LINE.match(norm, norm.rfind("\n", 0, m.start()) + 1):
            writers.add(" ".join(_name_words(split_name(g)[1])))
            continue  # "By Dan Kersh, Chief Football Reporter" above the body: who wrote it, no one it quotes
        title_words, name = split_name(g)
        name = _name_words(name)
        if not name:
            continue
        # a surname that opens with its particles ("van der Wal said") names one person as a surname does
        single = len(name) == 1 or name[0] in _PARTICLES
        if single and name[0].lower() in skip:
            continue
        if single and m.start() < body_at and (m.start() == 0 or norm[m.start() - 1] == "\n") and \
                name[0].endswith("s") and \
                re.match(r"[^\S\n]+(?:from|on|of|for|about)[^\S\n]+", norm[m.end():m.end() + 8]):
            continue  # (session 35) "Dispatches from the Ostra borderlands", "Notes on ...": a page's tagline, no one
        if single and norm.startswith(".", m.end()) and title_abbreviation(name[0]):
            continue  # "Rep." of "said Rep. Brian Babin", "Gov." of "Gov. Kristi Noem": a title, not a name
        if single and norm.startswith(".", m.end()) and name[0].lower() in _CALENDAR_ABBR:
            continue  # "on Tuesday, Sept. 23 in Manhattan": a date
        nxt = _NEXT_WORD.match(norm, m.end())
        if nxt and nxt.group(1) in tls:
            continue  # a modifier of a role ("the Chinese president", "Norlandic minister"), not a name
        if title_words and title_words[0].lower() in ("the", "a", "an") and (len(title_words) == 1 or any(
                not _is_title(t) for t in title_words[1:])):
            continue  # "The People's Liberation Army", "The Kremlin": an article makes no person's name
        lead = norm[max(0, m.start() - 60):m.start()]
        tof = _TITLE_OF.search(lead) if len(title_words) + len(name) >= 2 else None
        if tof and tof.group(1).lower() not in tls:
            tof = None
        if not title_words and not tof and lead[-4:].lower() == "the " and (len(lead) == 4 or not lead[-5].isalnum()):
            continue  # names take no article: "the People's Liberation Army", "the Chinese"
        # a possessor is no title: "Editor's Digest", "Peter's Successor" name no one
        possessed = {_strip_possessive(t) for t in g.split()[:-1] if _POSS.search(t)} if "'" in g or "\u2019" in g \
            else ()
        own_titles = [t for t in title_words if t not in possessed]
        roles, attrs = _role_words(own_titles)
        if possessed:
            attrs |= _role_words([t for t in title_words if t in possessed and not _is_title(t)])[1]
        roles.discard("the")
        # titles just before the run: "Ukrainian lawmaker Yaroslav Zhelezniak", "Rev. Mark Francis" (the
        # abbreviation's full stop ends the run before it)
        before_titles = []
        person_lead = False  # a person's noun no title lists right before a full name ("beekeeper Mia Lund"; a
        # one-word name after one is more often a business: "retailer Tesco", "lender Nordbank")
        par = _PARENTHETICAL.match(norm, m.end())
        par = bool(par) and bool(verb_rx.match(norm, par.end(1)))  # "Lind noted,": a reporting clause set off
        taken = 0  # the words before the name the loop reads as its titles
        for w in reversed(lead.split()[-3:]):
            if w.endswith(",") and par:
                break  # "The patriarch, Lind noted, was careful": the role is the sentence's subject, not Lind's
            low = w.lower().strip(",").rstrip(".")
            if w.endswith(".") and _is_title(w) and low in ABBREVIATIONS:
                low = ABBREVIATIONS[low]  # "Gov. Eric Holcomb": the governor
            if not low.split() or (low.split()[-1] not in tls and not (w.isalpha() and w.islower() and _person_noun(low))) or \
                    (w.endswith(".") and not _is_title(w)) or \
                    (w.endswith(".") and w.lower().strip(",").rstrip(".") not in ABBREVIATIONS and len(w) > 5):
                # ("... to be a leader. Welcome to": a title word ending a sentence is no title of the name;
                # "Rev. Mark Francis", "Prof. Ana Ruiz": an abbreviation's full stop is none)
                if roles and w[:1].isupper() and low.isalpha() and (
                        low in _demonym_adjectives() or _demonym(low) or low in _place_names()):
                    attrs.add(low)  # "Danish coach Anders Holm": whose coach ("the Dane", "the Danish coach")
                elif roles and w[:1].isupper() and _POSS.search(w):
                    # "Skyline Nordic's chief executive Ana Lind", "Estmark's Prime Minister Tor Ek": whose role
                    # it is ("the Skyline Nordic chief executive", "the Estmark PM")
                    at = lead.rfind(w)
                    owner = _OWNER_WORDS.search(lead, 0, at + len(w)) if at >= 0 else None
                    attrs |= {_strip_possessive(x).lower() for x in (owner.group(1).split() if owner else [w])}
                break
            roles.update(low.split())
            taken += 1
            if w[:1].isupper():
                before_titles += low.split()
            elif low.split()[-1] not in tls:
                person_lead = True
        rc = _ROLE_COMMA.search(lead[-50:]) if lead.endswith(", ") else None  # "Norland's prime minister, Jane Roe,"
        words = rc.group(1).split() if rc else []
        if not rc and taken and not par:
            # ... with the person's own title between ("The rector of the university, professor Ana Vos,"): a
            # noun phrase that opens its sentence, a role word its head
            before = norm[max(0, m.start() - 120):m.start()].rsplit(None, taken)[0]
            ro = _ROLE_OPENS_SENTENCE.search(before + " ") if before.endswith(",") else None
            if ro and ro.group("role").split()[-1].lower() in tls:
                words = [*ro.group("role").split(), *(w for w in (ro.group("org") or "").split() if w[:1].isupper())]
        if words:
            # the role phrase is the words after any verb or pronoun: in '"...," the judge told him, Tam
            # reported' nothing before "Tam" describes him
            k = max((i + 1 for i, w in enumerate(words) if w.lower() in PRONOUNS or verb_rx.fullmatch(w)), default=0)
            rc = words[k:] if any(w.lower() in tls for w in words[k:]) else None
            if par:
                rc = None  # "The patriarch, Lind noted, was careful": a reporting clause set off, no apposition
        if rc:
            # ("The minister's aide, Owen Tarr,": the aide is Tarr; the minister, whose aide, is someone else)
            rc = [w for i, w in enumerate(rc) if not (i < len(rc) - 1 and w[:1].islower() and _POSS.search(w))]
            r2, a2 = _role_words(rc)
            roles |= r2
            attrs |= a2
        if tof:
            # "President of Argentina Javier Milei", "Minister of Foreign Affairs Jane Roe": the run opens with
            # the place or body of the title before it, which is no part of the name
            full = [*(t for t in title_words if t.lower() != "the"), *name]
            k = _place_prefix(full)
            if k:
                attrs |= {w.lower() for w in full[:k]}
                roles.add(tof.group(1).lower())
                name = full[k:]
                title_words = own_titles = []
                single = len(name) == 1 or name[0] in _PARTICLES
        if not title_words and len(name) >= 3 and name[0].isalpha() and name[0].lower() not in tls and \
                _person_noun(name[0].lower()) and not re.fullmatch(r"[A-Z]\.?", name[1]) and \
                name[1].lower() not in _PARTICLES and name[-1].lower() not in _organisation_heads() and \
                _opens_sentence(norm, sent_start(m.start()), m.start()) and \
                not _capitalised_inside(norm, f"{name[0]} {name[1]}", sent_start):
            # "Striker Tor Ek", "Investor Paul Varga": a person's noun opening a run of three words, where the
            # sentence capitalised it, is a role before a full name ("the striker" is Tor Ek); not "Hunter S.
            # Thompson", an initial after it, nor "Hunter Biden", a name of two words
            roles.add(name[0].lower())
            person_lead = True
            name = name[1:]
        end = m.end()
        of = _OF_PLACE.match(norm, end) if norm.startswith(" of ", end) else None  # "... Jane Roe of Norland"
        if of and (roles or title_words):
            attrs |= {_strip_possessive(w).lower() for w in of.group(1).split()}
            end = of.end()
        appos = _APPOSITIVE.match(norm, end) if norm.startswith(",", end) else None  # "Jane Roe, a banker,"
        if appos and appos.group(1).lower().startswith(("which ", "that ")):
            appos = None  # "Tor, which had been acquired by St. Martin's,": a thing's relative clause, no role
        if appos and single and (_PLACE_PREP_END.search(lead) or g.split()[0] in _PLACE_PREPS):
            appos = None  # (session 33) "At Cauldmere, a commissioner who refused to guess": a place, then its person
        if appos and _names_another(appos.group(1)):
            appos = None  # "in neighbour Karvenia, professor Ana Vos,": the words set off name another person
        if appos and len(appos.group(1).split()) > 8 and not any(
                _is_title(w) or _person_noun(_strip_possessive(w).lower()) for w in appos.group(1).split()[:5]):
            appos = None  # a long apposition names its role near its start ("general secretary of the Rail and
            # Signal Workers' Union"); else it is some clause
        if appos and (verb_end.search(appos.group(1)) or _appos_clause().match(appos.group(1)) or
                      _APPOS_PAST.match(appos.group(1)) or
                      _APPOS_VERB_OBJECT.match(appos.group(1)) or
                      _FINITE.search(" " + _REL_CUT.split(appos.group(1), maxsplit=1)[0])):
            appos = None  # "Unchecked, the president warned, an oligarchy ...": a reporting clause set off, no role;
            # "Speaking on Vell Radio, the minister said the port would close": the sentence's own subject and verb
        if appos and not inside(appos.start(1)):
            # (the apposition's own noun phrase: not the words of a relative clause in it, "a 43-year-old man
            # who had suffered months of dizziness")
            r2, a2 = _role_words(_REL_CUT.split(appos.group(1), maxsplit=1)[0].split())
            roles |= r2
            attrs |= a2
        age = _AGE_APPOS.match(norm, m.end())  # "Hanne Rud, 34, said": the verb after the age
        after = norm[age.end() if age else m.end():(age.end() if age else m.end()) + 40]
        first_after = _FIRST_WORD.match(after)
        verb_after = bool(first_after) and first_after.group(1).lower() in vfirst and \
            bool(verb_rx.match(after.lstrip(" ,")))
        near_verb = verb_after
        if not near_verb:
            last_word = lead[-25:].rstrip().rsplit(None, 1)[-1:] or [""]
            near_verb = last_word[0].lower() in vlast and bool(verb_end.search(lead[-25:]))
        # a possessor ("Trump's plea") is named but is not what a later "he" refers back to
        possessive = bool(_POSS.search(g)) or norm[m.end():m.end() + 1] in "'\u2019"
        lead_titles = frozenset([t.lower().rstrip(".") for t in own_titles
                                 if _is_title(t) and t.lower() != "the" and not t.isupper()] + before_titles)
        titled = bool(lead_titles) or any(r in tls for r in roles) or (person_lead and len(name) > 1)
        if _not_a_person(name, bool(lead_titles), places):
            continue
        if not titled and doc.boilerplate and doc.in_boilerplate((m.start(), m.end())):
            continue  # "Follow Telvik 24 on X": the page's furniture names no one untitled ("Video: Governor
            # Ana Lind and Tor Ek MP" still introduces the governor)
        described = bool(appos) and bool(_DESCRIBES.match(appos.group(1)))
        r = _Run(m.start(), end, m.start() + g.find(name[0]), " ".join(name), single, lead_titles, roles, attrs,
                 possessive, verb_after, False, in_heading(m.start()),
                 bool(_AGE_APPOS.match(norm, m.end())) or described and appos.group(1)[:2].lower() in ("a ", "an"))
        if single and not titled and not verb_after and nxt and nxt.group(1) not in skip and _demonym(name[0]):
            continue  # "European leaders applauded", "Israeli troops": a people's adjective, nobody's name
        if single:
            r.evidence = (near_verb and not title_words and not (
                verb_after and _plural_subject(name[0], first_after.group(1), mid_caps)) and not (
                verb_after and lead.endswith(" of "))) or titled or (
                bool(_AGE_APPOS.match(norm, m.end()))) or (
                described and appos.group(1)[:2].lower() in ("a ", "an") and _appos_verb(norm, end, vfirst, verb_rx))
            # "Kamla, a farmer in Ostby, said" (not "the People's Daily, the party's mouthpiece, warned"); a
            # name after "of" is no subject ("the rector of the University of Tessenburg told")
        elif sum(1 for t in name if t.lower() not in _PARTICLES) <= 4 and all(_namelike(t) for t in name):
            r.evidence = titled or near_verb or after.startswith(", who") or described or (
                norm.startswith(",", end) and _appos_verb(norm, end, vfirst, verb_rx)) or (
                bool(_AGE_APPOS.match(norm, m.end())))  # "Piet Lang, 61, took over": an age names a person
        else:
            continue
        if not r.evidence and name[0] in mid_caps:
            # a subject the next words refer back to as "he"/"she" is a person ("Trump expressed his ...")
            r.evidence = bool(_GENDERED.search(norm, m.end(), min(len(norm), m.end() + 150))) and subject(r)
        elif not r.evidence and len(name) >= 2 and not r.single and "-" in name[-1]:
            # ... and a full name opening its sentence, its surname joined by a hyphen, that a "he"/"she"
            # then acts for ("Kwame Osei-Lindqvist had a message for Kelmar, and he did not bury it"), or
            # whose sentence goes on with "his"/"her" ("Marta Ferreira-Quist is on her way to the room")
            sent = doc.sentence_at(m.start())
            r.evidence = (bool(_HE_SHE_ACTS.search(norm, m.end(), min(len(norm), m.end() + 150))) or bool(
                sent and _POSSESSIVE_PRONOUN.search(norm, m.end(), sent[1]))) and subject(r)
        if not r.evidence and len(name) == 2 and not r.single and _given_names().get(_fold(name[0])) and \
                name[1] not in _organisation_heads():
            # ... and a full name whose first word is a given name, opening its sentence as the subject, that a
            # "he"/"she" then acts for ("Corinne Abersley did well today, up to a point. She stood in ...")
            r.evidence = bool(_HE_SHE_NEXT.search(norm, m.end(), min(len(norm), m.end() + 150))) and subject(r)
        if r.evidence and r.single and not titled and _ITS_NEXT.match(norm, m.end()):
            r.evidence = False  # (session 33) a name its own clause calls "its" ("Vessmark gave its former mayor 68
            # per cent", "Vessmark reacts as its most famous daughter concedes"): a town, a firm, no person
        runs.append(r)

    persons: dict[str, Person] = {}
    forms: Counter = Counter()
    for r in runs:
        if r.single:
            continue
        toks = r.key.split()
        if len(toks) <= 3 and all(_namelike(t) and not _is_title(t) for t in toks):
            forms[r.key] += 1
        if r.evidence:
            p = persons.get(r.key) or persons.setdefault(r.key, Person(r.key, first=r.pos))
            # a relation written before the name ("first lady Ana Velt", "his wife Ana Velt") says who she is
            # as a title would: not the "President Velt" her surname also names
            p.lead |= r.lead | (r.roles & relations())
    people = People(persons, [], full_forms=forms, proper=mid_caps, text=norm,
                    head_end=(doc.paragraphs[0][1] if doc.paragraphs else 0),
                    body_start=_body_start(norm))
    for r in runs:
        if r.single and r.key not in people.single_first and not people._in_headline(r.pos):
            people.single_first[r.key] = r.pos
    for r in runs:  # a speaker known by one name only, when no full name ends with it
        if not r.single or not r.evidence or r.key in persons:
            continue
        fn = people.by_surname(r.key, lead=r.lead, pos=r.pos, strict=True)
        related = [n for n, p in persons.items() if p.lead & relations()]
        if fn and not (fn in related and people.full_form(r.key, skip=related)):
            continue  # (a relation's full name, "First Lady Melania Trump", does not claim a bare "Trump"
            # when the article writes another full name with it, "Donald Trump")
        if r.lead and any(p.name.split()[-1] == r.key for p in persons.values()):
            key = r.key  # "Pope Francis" is not "Rev. Mark Francis": titles disagree, named before him
        else:
            key = people.full_form(r.key, skip=related) or r.key
        persons.setdefault(key, Person(key, first=r.pos)).lead |= r.lead
    alias = _find_aliases(norm, people, runs)
    people.aliases = alias
    mentions: list[tuple[int, str]] = []
    subjects: list[tuple[int, str]] = []
    by_sentence: dict[int, set[str]] = {}  # sentence start -> persons named in it
    for r in runs:
        if r.single:
            fn = people.by_surname(r.key, lead=r.lead, pos=r.pos)
        else:
            fn = r.key if r.key in persons or r.key in alias else None
        fn = alias.get(fn, fn)
        if not fn or fn not in persons:
            continue
        p = persons[fn]
        by_sentence.setdefault(sent_start(r.start), set()).add(fn)
        p.mentions.append(r.pos)
        p.titles |= r.roles
        p.attrs |= r.attrs
        p.described |= r.described
        if r.single and r.possessive and not _speech_of().match(norm, r.end):
            continue
        mentions.append((r.pos, fn))
        if subject(r) and not _DIED.match(norm, r.end) and not _TOPIC_OF_REPORT.match(norm, r.end):
            subjects.append((r.pos, fn))
    subjects.sort()
    for name, p in persons.items():  # (a news outlet by its form, "Meridian News Wire", is an organisation too)
        if name in writers or not p.lead and not p.titles and (name in firms or " " in name and _is_outlet(name)):
            p.aside = True
        elif name in firms and not p.lead and p.titles and all(t.split()[-1] in _BODY_NOUNS for t in p.titles):
            p.aside = True  # (session 34) "the state-owned carrier Aervald", "Radio Kesta, the Seltz station
    _add_facts(norm, persons, by_sentence, subjects, doc.sentences)
    _add_descriptions(norm, persons, by_sentence, subjects, doc.sentences, inside)
    _lede_role(norm, people, _lede_start(doc, norm, people.body_start))
    for a, b in sorted(alias.items()):  # the earlier name's person joins the later one
        pa_, pb = persons.pop(a, None), persons.get(b)
        if pa_ and pb:
            pb.titles |= pa_.titles
            pb.attrs |= pa_.attrs
            pb.mentions += pa_.mentions
    _sole_untitled_role(norm, people, inside, {n for _, n in subjects})
    for p in persons.values():
        p.mentions.sort()
        _with_same_roles(p.titles)
    people.mentions = sorted(mentions)
    people.subjects = subjects
    people._index = None
    return people


# a role opening a sentence as its subject (a live blog's "14:30 The transport minister is due to speak")
_THE_ROLE = re.compile(r"(?:^|(?<=[.!?][^\S\n])|(?<=[\u2014\u2013\d][^\S\n]))The[^\S\n]+"
                       r"((?:[a-z][\w\-]*(?![\w'\u2019\-])[^\S\n]*){1,3})", re.MULTILINE)


# ... or of a clause after a conjunction ("but the rector warned against ...")
_THE_ROLE_IN_CLAUSE = re.compile(r"(?<=[,;][^\S\n])(?:but|and|while|yet)[^\S\n]+the[^\S\n]+"
                                 r"((?:[a-z][\w\-]*(?![\w'\u2019\-])[^\S\n]*){1,3})")


@cached
def _honours() -> frozenset[str]:
    """Titles of learning or honour that hold no office (``speaker_titles.yaml``, ``honours``), lower case,
    with their abbreviations ("prof")."""
    from ..vocab import load_mapping

    words = {str(x).strip().lower() for x in load_mapping("speaker_titles").get("honours", []) or []}
    return frozenset(words | {a for a, full in ABBREVIATIONS.items() if full in words})


def _sole_untitled_role(norm: str, people: People, inside, subjects: set[str]) -> None:
    """A role the article names someone by, as a sentence's subject, and gives no one ("The transport minister is
    due to speak", a live blog's first entry, then "Corinne Abersley is on her feet"; not a role in a cue only,
    '"...," the president said'), when the article names exactly one person in
    full with no role, age or description at all, and more than once: that role is theirs, so that "the
    minister" later is them. With two such persons, or none, nothing is decided."""
    # (a person by the look of them: the subject of a sentence, or a given name first; not "Vell East")
    honours = _honours()
    untitled = [p for p in people.persons.values() if not (p.titles - honours) and not (p.lead - honours)
                and not p.aside and (not p.described or p.lead & honours)  # ("Professor Ana Vos, 61,")
                and len(p.name.split()) >= 2 and len(p.mentions) >= 2
                and (p.name in subjects or _given_names().get(_fold(p.name.split()[0])))]
    if len(untitled) != 1:
        return
    held = set().union(*(_with_same_roles(set(p.titles - honours)) for p in people.persons.values()))
    tls = titles() - honours
    for m in itertools.chain(_THE_ROLE.finditer(norm), _THE_ROLE_IN_CLAUSE.finditer(norm)):
        if inside(m.start()):
            continue
        words = m.group(1).split()
        k = next((i for i, w in enumerate(words) if w in tls), None)
        if k is None or words[k] in held or (k + 1 < len(words) and words[k + 1] in tls) or \
                any(_of_kind(p, words[k]) for p in people.persons.values()):
            continue  # (held by someone, or a general word for a role someone holds: "the judge" for Mrs Justice X)
        if re.search(rf"(?<![\w'])(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[a-z-]+\s+){{0,2}}{re.escape(words[k])}s?(?![\w-])", norm):
            continue  # "an official repeated the point ... the official said": someone of that role no one names
        words = words[:k + 1]
        roles, _ = _role_words(words)
        untitled[0].titles |= roles
        return


# a lede that names its subject by role only, after any dateline: "KALVIK, March 12 (Nordwire) - The chief
# executive of regional carrier Skyline Nordic apologised ..."
_LEDE_ROLE = re.compile(r"(?:[A-Z][A-Z .'\-]{1,30}(?:,[^\n\-\u2013\u2014(]{1,30})?[^\S\n]*(?:\([^)\n]{1,30}\))?"
                        r"[^\S\n]*(?:-{1,2}|[\u2013\u2014])[^\S\n]*)?The[^\S\n]+"
                        # (whose role, capitalised before it: "The United Nations envoy for Tessaly asked ...")
                        r"(?P<pre>(?:[A-Z][\w&\-]*[^\S\n]+){1,3})?"
                        r"(?P<role>(?:(?!of\b)[a-z][\w\-]*[^\S\n]+){0,2}(?!of\b)[a-z][\w\-]*)"
                        r"(?:[^\S\n]+(?:of|for|at)[^\S\n]+(?:the[^\S\n]+)?(?:[a-z][\w\-]*[^\S\n]+){0,3}?"
                        r"(?P<org>[A-Z][\w&'\u2019\-]*(?:[^\S\n]+[A-Z][\w&'\u2019\-]*){0,3}))?[^\S\n]+"
                        r"(?:has[^\S\n]+|had[^\S\n]+|on[^\S\n]+[A-Z]\w+[^\S\n]+)?[a-z]+\b")


def _lede_start(doc, norm: str, start: int) -> int:
    """Where the lede opens: the body's first line that the boilerplate rules left as text (a caption or a
    section label at the body's top is furniture: "Image caption: ..." above "The transport minister has ...")."""
    pos = start
    for _ in range(6):
        end = norm.find("\n", pos)
        end = len(norm) if end < 0 else end
        if norm[pos:end].strip() and not (doc.boilerplate and doc.in_boilerplate((pos, end))):
            return pos
        if end >= len(norm):
            break
        pos = end + 1
    return start


def _lede_role(norm: str, people: People, start: int | None = None) -> None:
    """A lede that names its subject by role only ("The chief executive of Skyline Nordic apologised on
    Tuesday ...") introduces the person the story names next: the role becomes theirs ("the chief executive
    said" later is them). Only for a person the article gives no role of their own, named before anyone else
    after the lede's sentence."""
    m = _LEDE_ROLE.match(norm, people.body_start if start is None else start)
    role = m.group("role").split() if m else []
    while len(role) > 1 and role[-1] in ("has", "had", "have", "is", "was", "will", "would"):
        role.pop()  # "The transport minister has urged": the auxiliary is no part of the role
    if not m or not (role[-1] in titles() or _person_noun(role[-1])):
        return
    # (a person by the look of the name: "from Varna, Kwame Osei-Lindqvist told" names a city first)
    after = [(min(p.mentions), p) for p in people.persons.values() if p.mentions and min(p.mentions) >= m.end()
             and (p.titles or p.described or len(p.name.split()) > 1)]
    if not after or any(role[-1] in p.titles for p in people.persons.values()):
        return  # someone the article titles so already: the lede's role is theirs
    _, p = min(after, key=lambda x: (x[0], x[1].name))
    if p.lead or (p.titles and not (p.described and any(
            set(role[-1:]) >= r for t in p.titles for r in kinds().get(t, ())))):
        # (a description of their own that is a kind of the lede's role, "a Swedish-Ghanaian diplomat" for "the
        # United Nations envoy", names the same person; "an engineer who inspected it" for "the mayor" does not)
        return
    p.titles |= _role_words(role)[0]
    for part in ("org", "pre"):
        if m.group(part):
            p.attrs |= {_strip_possessive(w).lower() for w in m.group(part).split()}


_HE_SHE = re.compile(r"\s*(?:he|she)\b", re.IGNORECASE)
_FACT_CUE = re.compile(r"\b(?:born|native|aged|age\s+of|years?[\s-]old|raised|grew\s+up|hails?\s+from)\b|-born\b",
                       re.IGNORECASE)
_FACTS = re.compile(
    rf"\b(?i:born|raised|grew[^\S\n]+up)[^\S\n]+in[^\S\n]+(?P<p1>{CAPW})|\bnative[^\S\n]+of[^\S\n]+(?P<p2>{CAPW})"
    rf"|\bhails?[^\S\n]+from[^\S\n]+(?P<p3>{CAPW})|(?P<p4>{CAPW})-born\b|(?P<p5>{CAPW})[^\S\n]+native\b"
    r"|\baged[^\S\n]+(?P<a1>\d{1,3})\b|\bage[^\S\n]+of[^\S\n]+(?P<a2>\d{1,3})\b"
    r"|\b(?P<a3>\d{1,3})[^\S\n-]*-?years?[\s-]+old\b|\bwho[^\S\n]+is[^\S\n]+(?P<a4>\d{1,3})\b")


@lru_cache(maxsize=1)
def _link_rx():
    import regex

    from .lines import phrase_matcher

    return regex.compile(r"^[^\S\n]*(?:" + phrase_matcher("boilerplate.navigation").pattern + r")[^\S\n]*[:|\-\u2013\u2014>]",
                         regex.IGNORECASE | regex.MULTILINE)


def _link_lines(norm: str) -> list[tuple[int, int]]:
    """Lines that point to other articles ("ALSO READ | ...", "Read more: ..."; the navigation phrases of
    ``boilerplate.yaml``): their names belong to those articles."""
    out = []
    for m in _link_rx().finditer(norm):
        e = norm.find("\n", m.end())
        out.append((m.start(), len(norm) if e < 0 else e))
    return out


def _add_facts(norm: str, persons: dict, by_sentence: dict[int, set[str]], subjects, sentences) -> None:
    """What the article says of a person in a sentence that names no one else (or opens with ``he``/``she``
    and names nobody: the subject of the passage): where they were born or are from (``Born in Vell, Roe
    ...``, ``a native of Vell``, ``Vell-born``) and their age (``aged 52``, ``at the age of 52``, ``52
    years old``), as attributes a description is matched against (``the 52-year-old Vell native``)."""
    if not _FACT_CUE.search(norm):
        return
    for s0, end in sentences:
        if not _FACT_CUE.search(norm, s0, end):
            continue
        names = by_sentence.get(s0)
        if names is None and _HE_SHE.match(norm, s0):
            i = bisect.bisect_left(subjects, (s0, "")) - 1
            names = {subjects[i][1]} if i >= 0 else None
        if not names or len(names) != 1:
            continue
        (name,) = names
        if name not in persons:
            continue
        for m in _FACTS.finditer(norm, s0, end):
            for k, v in m.groupdict().items():
                if v:
                    persons[name].attrs.add(f"age:{v}" if k[0] == "a" else v.lower())


# what a sentence says a person is: "Roe is a former banker", "she was a central banker", and a description
# opening the sentence before its subject, "A former banker, Roe took office"; the noun phrase ends at a
# preposition, a conjunction or a relative word
_DESC_PREDICATE = re.compile(r"\b(?:is|was|has[^\S\n]+been|had[^\S\n]+been|became|remains|remained)[^\S\n]+"
                             r"(?:also[^\S\n]+|now[^\S\n]+)?(?:an?)[^\S\n]+(?P<np>[\w'\u2019-]+(?:[^\S\n]+[\w'\u2019-]+){0,4})")
_DESC_FRONT = re.compile(r"[^\S\n]*(?:An?)[^\S\n]+(?P<np>[\w'\u2019-]+(?:[^\S\n]+[\w'\u2019-]+){0,4}),[^\S\n]+"
                         r"(?P<who>[Hh]e|[Ss]he|[A-Z])")
_DESC_END = frozenset("of in at for with who whom whose that which and but or from to on since before after when "
                      "while by as than under over into".split())


def _add_descriptions(norm: str, persons: dict, by_sentence: dict[int, set[str]], subjects, sentences,
                      inside) -> None:
    """What the article says a person is, in a sentence that names no one else (or opens with ``he``/``she``
    or with the description and names nobody: the subject of the passage): ``Roe is a former banker``, ``A
    former central banker, she took office``, as roles a later epithet is matched against (``the
    ex-banker told delegates``), as an apposition's are (``Jane Roe, a former banker,``)."""
    if " a " not in norm and " an " not in norm and "A " not in norm:
        return
    for s0, end in sentences:
        found = [m for m in (_DESC_FRONT.match(norm, s0, end),) if m] + list(_DESC_PREDICATE.finditer(norm, s0, end))
        found = [m for m in found if not inside(m.start("np"))]
        if not found:
            continue
        names = by_sentence.get(s0)
        if names is None and (_HE_SHE.match(norm, s0) or any(m.re is _DESC_FRONT and m.group("who")[0] in "Hh"
                                                                  "Ss" for m in found)):
            i = bisect.bisect_left(subjects, (s0, "")) - 1
            names = {subjects[i][1]} if i >= 0 else None
        if not names or len(names) != 1:
            continue
        (name,) = names
        if name not in persons:
            continue
        for m in found:
            words = []
            for w in m.group("np").split():
                if w.lower() in _DESC_END:
                    break
                words.append(w)
            if words and not any(w[:1].isupper() and w.lower() not in titles() for w in words[-1:]):
                roles, attrs = _role_words(words)
                persons[name].epithets |= roles | attrs


_APPOS_VERB = re.compile(r",[^,\n\"]{1,120},[^\S\n]+(?:(?:has|had|also|then)[^\S\n]+)?(?=([a-z]+))")


def _appos_verb(norm: str, end: int, vfirst, verb_rx) -> bool:
    """``Mara Lind, the first engineer to run the board, declared ...``: a phrase set off by commas after
    the name, then a reporting verb."""
    m = _APPOS_VERB.match(norm, end)
    return bool(m) and m.group(1) in vfirst and bool(verb_rx.match(norm, m.end()))


_PAST = frozenset("said told wrote spoke went gave made took put read".split())


def _plural_subject(tok: str, verb: str, mid_caps) -> bool:
    """``Analysts believe``, ``Observers say``: a plural noun opening a sentence (never capitalised inside
    one) with a verb in the plural present, not a person's name (``Rutte says``, ``Rutte assured``)."""
    v = verb.lower()
    return tok.endswith("s") and tok not in mid_caps and not v.endswith(("s", "ed")) and v not in _PAST


@cached
def _place_names() -> frozenset[str]:
    """Lower-case names of countries and regions, in English (babel's CLDR territory names: "Ukraine",
    "North Korea", "Palestinian Territories", "Europe"): a place is never a person's name."""
    from babel import Locale

    return frozenset(n.lower() for n in Locale("en").territories.values())


@cached
def _languages() -> frozenset[str]:
    """Languages' English names that read as a people's adjective, lower case ("english", "french", "polish";
    not "lu" or "ewe", which name people too): a language alone is no person."""
    from babel import Locale

    return frozenset(n.lower() for n in Locale("en").languages.values()
                     if " " not in n and len(n) >= 5 and n.lower().endswith(("ish", "ese", "ian", "ean", "ic", "ch", "ek"))
                     ) | {"german", "hebrew", "hindi", "urdu", "farsi", "swahili"}


@cached
def _organisation_heads() -> frozenset[str]:
    """The words that end an organisation's name ("European Commission", "Foreign Ministry"): the one-word
    ``institution_heads`` the attribution layer reads and the ``organisation_heads`` of ``sources.yaml``."""
    inst = [w for w in load_phrases("sources.institution_heads") if " " not in w.strip()]
    return frozenset(w.lower() for w in (*inst, *load_phrases("sources.organisation_heads")))


def _news_outlet(name: str) -> bool:
    """An agency, broadcaster or newspaper the attribution vocabulary knows ("Al Jazeera reports")."""
    from .attribution import vocab

    return vocab().source_type(name) in ("agency", "broadcaster", "media")


# a capitalised word after a locative preposition names a place ("in Gaza", "across Europe")
# what the text says only of an organisation: "X, which", "X's board", "X boss Jo Lind", "the chief executive
# of X", "engineers working for X", "the operator, X" (not "X's spokesman", "X's staff": a person has those)
_FIRM_NOUNS = r"(?:board|shareholders|chief[^\S\n]+executive|CEO|chairman|chairwoman|workforce|subsidiar(?:y|ies)|headquarters)"
# (session 34) what the text calls a body, in an apposition or as a name's title ("Radio Kesta, the Seltz station",
# "the state-owned carrier Aervald")
_BODY_NOUNS = frozenset("station broadcaster channel network newspaper paper tabloid agency outlet website company "
                        "firm airline carrier operator utility insurer lender".split())
_FIRM = re.compile(
    rf"(?i:\b(?:{_FIRM_NOUNS}|employees|managers|executives|engineers)[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?"
    rf"|\b(?:engineers|employees|staff|workers|managers)[^\S\n]+(?:working[^\S\n]+for|employed[^\S\n]+by|at)[^\S\n]+"
    # (session 34: a modifier or two between, "the state-owned carrier Aervald")
    rf"|\b(?:the[^\S\n]+)?(?:[a-z][\w-]*[^\S\n]+){{0,2}}?(?:operator|company|firm|utility|carrier|airline|insurer|"
    rf"lender|manufacturer|supplier|contractor|developer|retailer),?[^\S\n]+)?"
    rf"(?P<name>{CAPW}(?:[^\S\n]+{CAPW}){{0,3}})"
    rf"(?P<after>(?P<which>,[^\S\n]+which\b)|['\u2019]s[^\S\n]+{_FIRM_NOUNS}\b"
    rf"|[^\S\n]+(?:{_FIRM_NOUNS}|managers|executives|employees|boss)\b"
    # (session 34) an apposition that calls it a body or an outlet: "Radio Kesta, the Seltz station that first aired"
    rf"|,[^\S\n]+(?:the|a|an)[^\S\n]+(?:[\w-]+[^\S\n]+){{0,2}}?(?:{'|'.join(sorted(_BODY_NOUNS))})\b)?")
# the outlet's own journalist named in the text: "our reporter in the hall, Rafe Okoli", "Our correspondent Jo Lind"
_OUR_WRITER = re.compile(rf"\b(?i:our)[^\S\n]+(?:[a-z]+[^\S\n]+){{0,2}}(?:reporter|correspondent|journalist|editor|"
                         rf"writer|photographer)(?:[^\S\n]+(?:in|at|on|from)[^\S\n]+[^,\n]{{1,30}})?,?[^\S\n]+"
                         rf"(?P<name>{CAPW}(?:[^\S\n]+{CAPW}){{1,2}})")
# before "X, which": X opens its sentence or follows a preposition ("through Big Machine, which was bought"),
# not a verb ("Cook told Benioff, which meant ...": the clause's "which")
_WHICH_BEFORE = re.compile(r"(?:^|[.!?:;\n]|\b(?:through|by|with|for|from|at|of|into|in|on|to|the|and|or))[^\S\n]*$",
                           re.IGNORECASE)


def _firms(norm: str) -> frozenset[str]:
    """Names the text shows to be an organisation's by what it says of them (``_FIRM``)."""
    found = set()
    for m in _FIRM.finditer(norm):
        if m.group("which") and m.start("name") == m.start() and \
                not _WHICH_BEFORE.search(norm, max(0, m.start() - 12), m.start()):
            continue
        if m.group("after") or m.start("name") > m.start():
            name = _strip_possessive(m.group("name"))
            if " " in name or name.lower() not in _skip_words():
                found.add(name)
    return frozenset(found)


_LOCATIVE = re.compile(rf"\b(?:in|into|across|throughout|inside|within)[^\S\n]+(?:the[^\S\n]+)?(?P<place>{CAPW})"
                       rf"(?![\w'\u2019-])(?![^\S\n]*[A-Z])")


def _institution_word(tok: str) -> bool:
    """A word naming an organisation or a place ("Commission", "Kremlin", "Ukraine", "Europe-Commission")."""
    low = tok.lower()
    last = low.rsplit("-", 1)[-1]
    return low in _organisation_heads() or last in _organisation_heads() or low in _place_names()


_CONTRACTION = re.compile(r"(?i:i|you|we|they|he|she|it|that|there|here|what|who|let)['\u2019](?i:ll|re|ve|m|d|s)")


def _not_a_person(name: list[str], titled: bool, places: frozenset[str]) -> bool:
    """Words that name a place or an organisation, not a person: a territory ("Ukraine", "North Korea"), a
    news outlet the sources list knows ("Al Jazeera"), a
    single word the article also writes after "in"/"across" ("in Gaza") unless a title goes with it, a
    people ("Canadians"), or a run ending in an organisation's head word ("European Commission",
    "Interior Ministry")."""
    joined = " ".join(name).lower()
    if joined in _place_names() or _news_outlet(" ".join(name)):
        return True
    if name[-1].lower() in _CALENDAR or name[-1].lower() in _FEASTS or (
            len(name) == 1 and not titled and joined in _languages()):
        return True  # "Easter Sunday", "Good Friday", "Ramadan"; "an official English translation"
    if any(_CONTRACTION.fullmatch(w) for w in name):
        return True  # "You'll", "We're", "It's": a pronoun and its verb, capitalised where a line opens
    if len(name) == 1 and not titled and (name[0].lower() in places or _demonym_plural(name[0])):
        return True
    if len(name) == 1 and name[0].lower() in _organisation_heads():
        return True  # "the General Assembly": a title word before an institution's name makes no person
    if len(name) > 1 and name[-1].lower() in _speech_nouns():
        return True  # the name of a speech, not of its speaker ("Inaugural Address", "Farewell Speech")
    if len(name) > 1 and name[-1].lower() in _place_heads():
        return True  # "Cathedral Square", "Vintner Street": a place in a town, however its sentence goes on
    return len(name) > 1 and name[-1].lower() in _organisation_heads()


@lru_cache(maxsize=1)
def _place_heads() -> frozenset[str]:
    """The last words of a place's name in a town (``place_heads`` of ``sources.yaml``)."""
    return frozenset(w.lower() for w in load_phrases("sources.place_heads"))


@lru_cache(maxsize=1)
def _speech_nouns() -> frozenset[str]:
    return frozenset(n.lower() for n in load_phrases("speech_nouns") if " " not in n)


@lru_cache(maxsize=4096)
def _demonym_plural(word: str) -> bool:
    """A people named after its country ("Canadians", "Germans", "Israelis"): a plural whose singular ends
    like a demonym and begins like a territory's name. A surname ending in -s ("Evans") begins like none."""
    return word.lower().endswith("s") and _demonym(word[:-1], ("an", "i"))


@lru_cache(maxsize=4096)
def _demonym(word: str, endings: tuple[str, ...] = ("an", "ese", "ish", "i")) -> bool:
    """An adjective of a people or place ("European", "Russian", "Israeli", "Chinese", "British"): a
    singular that ends like a demonym and begins like a territory's name. Before a lower-case noun it
    modifies the noun ("European leaders"); it names no one."""
    low = word.lower()
    return len(low) >= 5 and low.endswith(endings) and low[:4] in _territory_prefixes()


@lru_cache(maxsize=1)
def _territory_prefixes() -> frozenset[str]:
    return frozenset(n[:4] for n in _place_names() if len(n) >= 4 and " " not in n)


@lru_cache(maxsize=1)
def _skip_words() -> frozenset[str]:
    """Lower-case words that are never a name on their own (closed-class words, calendar names, pronouns)."""
    return frozenset(_FUNCTION | _CLOSED_CLASS | _CALENDAR | OPENING_ADVERBS | set(PRONOUNS) | {"the", "a", "an"})


_ALIAS = re.compile(rf"\b(?:became|becomes|now|as|known\s+as|renamed|(?:took|taken|takes|take|taking|chose|chosen"
                    rf"|chooses|choosing|adopted|adopts|adopting|picked|picking)\s+the\s+(?:[a-z]+\s+)?name(?:\s+of)?)"
                    rf"[^\S\n]+(?:the[^\S\n]+)?(?P<run>{CAPW}(?:[^\S\n]+{CAPW}){{0,3}})")
# the alias word right after a name that has no evidence of its own ("Robert Prevost became Pope Leo XIV")
_ALIAS_NEAR = re.compile(r"[\s,]*(?:who\s+)?(?:(?:has|had|was|is|then|officially|formally)\s+)*$")
_ALIAS_BEFORE = re.compile(rf"\bas[^\S\n]+(?P<run>{CAPW}(?:[^\S\n]+{CAPW}){{1,3}}),[^\S\n]+"
                           rf"(?P<old>{CAPW}(?:[^\S\n]+{CAPW}){{1,2}})")
# the new name first, the old one after: "Pope Leo XIV - formerly Cardinal Robert Prevost", "(born X)"
_ALIAS_FORMER = re.compile(rf"(?P<run>{CAPW}(?:[^\S\n]+{CAPW}){{0,3}})[^\S\n]*(?:,|\(|-{{1,2}})[^\S\n]*"
                           rf"(?:formerly|previously|born|n[e\u00e9]e?)[^\S\n]+(?:known[^\S\n]+as[^\S\n]+)?"
                           rf"(?P<old>{CAPW}(?:[^\S\n]+{CAPW}){{1,4}})")
_CLAUSE_VERB = re.compile(r"[^\S\n]+(?:[a-z]+(?:ed|s)|said|told|spoke|wrote|came|went|made|took|gave|saw|met|"
                          r"left|stood|held|led|sent|kept|brought|thought|knew|got|found|began|ran|won|lost|sat|"
                          r"will|would|could|can|may|might|must|should|has|had|is|was|were|are)\b")
# "even as", "just as", "such as": a conjunction or a list, not a new name
_AS_CONJUNCTION = re.compile(r"\b(?:even|just|such|so|while|as|same|well)[^\S\n]+$", re.IGNORECASE)
# an object right before "as": the name after it is the object's ("named them as", "identified the man as")
_OBJECT_BEFORE_AS = re.compile(r"\b(?:them|him|her|it|us|me|those|these|both|(?:the|a|an|two|three|four|all)"
                               r"(?:[^\S\n]+[a-z]+){1,2})[^\S\n]*,?[^\S\n]*$|"
                               # (session 31) "a tribute to the dead man, named by police as Ludek Marrin": someone
                               # else named, a participle of naming with its agent before "as"
                               r"\b(?:named|identified|listed|described|formally\s+identified)(?:[^\S\n]+by[^\S\n]+"
                               r"(?:[\w'\u2019-]+[^\S\n]+){0,4}?[\w'\u2019-]+)?[^\S\n]*$")
_POSSESSOR_IN = re.compile(r"['\u2019]s?(?:\s|$)")


def _find_aliases(norm: str, people: People, runs: list[_Run]) -> dict[str, str]:
    """One person under two names (``Robert Prevost became Pope Leo XIV``, ``X, now Y``, ``X, known as
    Y``, ``X took the name Y``, ``as Y, X``, ``Y, formerly X``): earlier name -> later name. A name with
    no evidence of its own takes part only when the alias words follow it directly; the later name
    becomes a person with the titles written in front of it."""
    alias: dict[str, str] = {}
    persons = people.persons
    starts: list[tuple[int, str, bool, int]] = []
    for r in runs:
        if not r.single:
            starts.append((r.pos, r.key, r.key in persons, r.end))
        else:
            fn = people.by_surname(r.key, lead=r.lead, pos=r.pos)
            if fn:
                starts.append((r.pos, fn, True, r.end))
    for name in sorted(persons):  # persons known from a single name: where their full form is written
        i = norm.find(name) if " " in name else -1
        if i >= 0:
            starts.append((i, name, True, i + len(name)))
    starts.sort()
    # the alias phrases of the whole text, found once; each name looks up the first after it in its sentence
    found = list(_ALIAS.finditer(norm)) if ("became" in norm or " now " in norm or " as " in norm or " name" in norm
                                            or "renamed" in norm or "becomes" in norm) else []
    found_at = [m.start() for m in found]
    for pa, a, known, a_end in (starts if found else ()):
        if a in alias:
            continue
        stop = min(len(norm), pa + 260)
        for cut in (". ", "\n"):
            i = norm.find(cut, pa, stop)
            stop = i if i >= 0 else stop
        i = bisect.bisect_left(found_at, pa + len(a.split()[-1]))
        if i >= len(found) or found[i].end() > stop:
            continue
        m = found[i]
        if not known and not _ALIAS_NEAR.fullmatch(norm, a_end, m.start()):
            continue
        if any(a_end <= p2 < m.start() and n2 != a for p2, n2, _, _ in starts):
            continue  # "Neil Gaiman, Jo Walton, James Rigney (better known as Robert Jordan)": the alias is the
            # name's right before it, not the list's first
        if m.group().startswith("as") and _OBJECT_BEFORE_AS.search(norm, a_end, m.start()):
            continue  # "Aldecott named them as Agnes Roe", "police identified the driver as Tom Hale": the new
            # name is the object's, not the subject's
        if _POSSESSOR_IN.search(m.group("run")):
            continue  # "elected him as Peter's Successor": a possessed noun, not a new name
        nxt = _NEXT_WORD.match(norm, m.end("run"))
        if nxt and nxt.group(1) in titles():
            continue  # "his appointment as Liberal Party leader": a body's name before a role, not a new name
        if m.group().startswith("as") and (_CLAUSE_VERB.match(norm, m.end())
                                           or _AS_CONJUNCTION.search(norm, max(0, m.start() - 12), m.start())):
            continue  # "watched as Abbess Clara blessed the fleet", "even as Governor Berg said": 'as' opens a
            # clause, no new name
        title_words, name = split_name(m.group("run"))
        name = [t for t in name if t[:1].isupper() and _namelike(t)]
        if not name or (len(name) < 2 and not title_words):
            continue
        b = people.by_surname(name[-1]) if len(name) == 1 else " ".join(name)
        if b and b != a and alias.get(b) != a:
            alias[a] = b
            pb = persons.setdefault(b, Person(b, first=m.start("run")))
            pb.titles |= {t.lower() for t in title_words}
    # "In his first address as Pope Leo XIV, Robert Prevost told ...": the new name first
    pairs = []
    if " as " in norm or "\nas " in norm or "As " in norm:
        pairs += [(m.group("run"), m.group("old"), True) for m in _ALIAS_BEFORE.finditer(norm)]
    if "formerly" in norm or "previously" in norm or "born" in norm or "n\u00e9" in norm or "nee " in norm:
        pairs += [(m.group("run"), m.group("old"), False) for m in _ALIAS_FORMER.finditer(norm)]
    for run, old_run, must_know in pairs:
        _, old = split_name(old_run)
        title_words, name = split_name(run)
        old_name = " ".join(t for t in old if _namelike(t))
        if len(old_name.split()) < 2 or old_name in alias or (must_know and old_name not in persons):
            continue
        if len(name) >= 2 and title_words:
            b = " ".join(name)
        elif len(name) == 1 and title_words:
            b = people.by_surname(name[0]) or people.full_form(name[0])
        else:
            continue
        if b and b != old_name:
            alias[old_name] = b
            persons.setdefault(b, Person(b, first=len(norm))).titles |= {t.lower() for t in title_words}
    return {a: _final(alias, b) for a, b in alias.items()}


def _final(alias: dict[str, str], b: str) -> str:
    seen = set()
    while b in alias and b not in seen:
        seen.add(b)
        b = alias[b]
    return b


# -- resolution ---------------------------------------------------------------------------------------------

def _stem_match(a: str, b: str) -> bool:
    """``Norlandic`` ~ ``Norland``, ``Ukrainian`` ~ ``Ukraine``: a shared prefix nearly as long as the
    shorter word (at least 4 letters)."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 4 and n >= min(len(a), len(b)) - 2


UNNAMED = ""  # a discourse event: someone the article does not name spoke (see ``Discourse.add``)


class Discourse:
    """The entity table plus who is speaking where: the events (position, person) that make someone the
    current speaker, from sentence subjects and the resolved speakers of quotations, in text order."""

    def __init__(self, people: People):
        self.people = people
        self.events: list[tuple[int, str]] = list(people.subjects)
        self._pos = [p for p, _ in self.events]
        self.speech: list[tuple[int, str]] = []  # resolved speakers of quotations only
        self._speech_pos: list[int] = []
        # the gender the article's own pronouns gave a person ("She added ..." after Roe spoke): a later
        # "he said" passes over her, as over a person whose title says the other gender
        self.gender: dict[str, str] = {}
        self.sentences: list[tuple[int, int]] = []  # the document's sentence spans (no reference to the Doc)
        self.entries: list[int] = []  # where each entry of a reverse-order live page starts (live_entries)

    def add(self, pos: int, name: str | None, spoke: bool = True) -> None:
        """``name`` is the current speaker from ``pos``; with ``spoke`` False, as a sentence's subject under a
        role (``The new pontiff gave ...``), which no quotation is credited by. ``UNNAMED`` records that
        someone the article does not name spoke there (``"...," the spokesperson said``): the passage's
        speaker is then nobody a pronoun can be resolved to."""
        if name == UNNAMED:
            i = bisect.bisect_right(self._pos, pos)
            self._pos.insert(i, pos)
            self.events.insert(i, (pos, UNNAMED))
            return
        if name and name in self.people.persons:
            lists = ((self.events, self._pos), (self.speech, self._speech_pos)) if spoke else ((self.events, self._pos),)
            for evs, poss in lists:
                i = bisect.bisect_right(poss, pos)
                poss.insert(i, pos)
                evs.insert(i, (pos, name))

    def learn(self, name: str, gender: str) -> None:
        """The article called ``name`` by a pronoun of ``gender``; both genders, and neither is kept."""
        if self.gender.get(name, gender) != gender:
            gender = "?"
        self.gender[name] = gender

    def current(self, pos: int) -> str | None:
        """The current speaker at ``pos``: the last person who spoke or opened a sentence as its subject
        (None after someone unnamed spoke)."""
        return self._current(pos) or None

    def _current(self, pos: int) -> str | None:
        i = bisect.bisect_left(self._pos, pos) - 1
        return self.events[i][1] if i >= 0 else None

    def current_agreeing(self, pos: int, gender: str) -> str | None:
        """The current speaker at ``pos`` that a pronoun of ``gender`` can stand for: a person whose titles
        say the other gender is passed over ("King Charles' mother, Queen Elizabeth II, did it twice. '...',
        he said": the King)."""
        return self._agreeing(pos, gender) or None

    def _agreeing(self, pos: int, gender: str) -> str | None:
        gender_of = _title_gender()
        first = None
        for i in range(bisect.bisect_left(self._pos, pos) - 1, -1, -1):
            name = self.events[i][1]
            if name == UNNAMED:
                return self._unclear_or_speaker(first, pos, gender, gender_of) if first else UNNAMED
            person = self.people.persons.get(name) if name else None
            said = self._genders(name, gender_of)
            if said and gender not in said or person is not None and person.aside:
                continue
            clearly = person is not None and (_clearly_a_person(person) or self._spoke_often(name))
            if not said and (person is None or clearly):
                # a person of no known gender: a speaker the pronoun is known to fit, quoted within the
                # passage, is likelier ('Pell had made "...", she said' after the judge, Mrs Justice X, spoke)
                # (not over the one quoted last: '"...," Ras said. "...," he added' is Ras; only for the subject
                # of the pronoun's own sentence, the one a quotation inside it speaks about: "Sims said his firm
                # ... '...,' he said" is Sims)
                sent = self._sentence_at(pos)
                if name == self.current_speaker(pos) or not sent or self.events[i][0] < sent[0]:
                    return name
                return self._known_speaker(pos, gender, gender_of) or name
            if person is None or clearly:
                return name
            # a one-word subject with nothing that says it is a person ("Twitter pledged", "Web of Angels
            # was"): a person named fully just before it in the passage is likelier whom "he" means
            if first is None:
                first = (self.events[i][0], name)
            elif first[0] - self.events[i][0] > _PASSAGE:
                break
        return self._unclear_or_speaker(first, pos, gender, gender_of) if first else None

    def _unclear_or_speaker(self, first: tuple[int, str], pos: int, gender: str, gender_of: dict[str, str]) -> str:
        """(session 32) A one-word name nothing shows to be a person ("The customers ringing Brennick this week"),
        with no one clearly a person near it: the last speaker quoted, when clearly a person whom the pronoun fits,
        is likelier ("She closed with a sentence: '...'" is the chief executive quoted before, not the town)."""
        last = self.current_speaker(pos)
        person = self.people.persons.get(last) if last else None
        if person is not None and last != first[1] and _clearly_a_person(person) and \
                (not (said := self._genders(last, gender_of)) or gender in said):
            return last
        return first[1]

    def _spoke_often(self, name: str) -> bool:
        """Credited with two quotations or reporting clauses or more: a one-word name that speaks so often is
        a person ("Castagne says", "Castagne on the border:", "Castagne, in French:"), not a firm's or a place's."""
        return sum(1 for _, n in self.speech if n == name) >= 2

    def _sentence_at(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.sentences, (pos, 1 << 60)) - 1
        return self.sentences[i] if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1] else None

    def _known_speaker(self, pos: int, gender: str, gender_of: dict[str, str]) -> str | None:
        """The last person quoted before ``pos``, within two paragraphs and with no one unnamed speaking since,
        whom the article gave the pronoun's gender (by a title or its own pronouns)."""
        unnamed = max((p for p, n in self.events if n == UNNAMED and p < pos), default=-1)
        for i in range(bisect.bisect_left(self._speech_pos, pos) - 1, -1, -1):
            p, name = self.speech[i]
            if pos - p > 2 * _PASSAGE or p < unnamed:
                return None
            if self._genders(name, gender_of) == {gender}:
                return name
        return None

    def _genders(self, name: str | None, gender_of: dict[str, str]) -> set[str]:
        """The genders what the article says of ``name`` allows: its titles (the one written before the name
        first, "Queen Elizabeth II": other titles gather noise), else the article's own pronouns for them, else
        the given name's ("Tom Vik", given_names.txt)."""
        person = self.people.persons.get(name) if name else None
        return {gender_of.get(t) for t in (person.lead if person else ())} - {None} or \
            {gender_of.get(t) for t in (person.titles if person else ())} - {None} or \
            ({self.gender[name]} - {"?"} if name in self.gender else set()) or \
            ({g} if person and not person.aside and " " in name and (g := _given_names().get(_fold(name.split()[0])))
             and name not in self.gender else set())  # (the article's own "he" and "she" disagreeing: neither)

    def gender_of(self, name: str | None) -> str | None:
        """"m" or "f" when what the article says of ``name`` gives one gender, else None."""
        said = self._genders(name, _title_gender())
        return next(iter(said)) if len(said) == 1 else None

    def _entry(self, pos: int) -> tuple[int, int] | None:
        """The entry of a reverse-order live page (newest first) that ``pos`` lies in, else None."""
        i = bisect.bisect_right(self.entries, pos) - 1
        return (self.entries[i], self.entries[i + 1] if i + 1 < len(self.entries) else 1 << 60) if i >= 0 else None

    def _below(self, end: int, gender: str | None) -> str | None:
        """The person of ``gender`` who last spoke or opened a sentence before ``end`` in time: in the entries
        below it, nearest first."""
        gender_of = _title_gender()
        for _p, name in self.events[bisect.bisect_left(self._pos, end):]:
            if name == UNNAMED or name not in self.people.persons or not _clearly_a_person(self.people.persons[name]):
                continue  # (a one-word subject that may be a subhead's word: "Emergency declared")
            said = self._genders(name, gender_of)
            if gender is None or not said or gender in said:
                return name
        return None

    def _only_named(self, pos: int, gender: str | None) -> str | None:
        """The one person named before ``pos`` whom a pronoun of ``gender`` may stand for, when no one has
        spoken or opened a sentence yet ("By the time Patriarch Vos stepped out, the square was full. '...,'
        he called out"); None when two or more were named."""
        gender_of = _title_gender()
        persons = self.people.persons
        names = {n for p, n in self.people.mentions if p < pos and not (gender and n in persons and persons[n].aside) and
                 (gender is None or not (said := self._genders(n, gender_of)) or gender in said)}
        return next(iter(names)) if len(names) == 1 else None

    def speech_within(self, pos: int, dist: int) -> bool:
        """A quotation was attributed less than ``dist`` characters before ``pos``."""
        i = bisect.bisect_left(self._speech_pos, pos) - 1
        return i >= 0 and pos - self._speech_pos[i] < dist

    def last_of(self, pos: int, names, gender: str | None = None) -> str | None:
        """The last of ``names`` who spoke or opened a sentence as its subject before ``pos``; when a ``gender``
        is given, not one the article gives the other, and one it gives that gender before one it says
        nothing of, within a passage ('Judge Ana Moretti read the verdict. Lawyer Piet Hals objected. "...,"
        the summary renders her as saying': the judge)."""
        gender_of = _title_gender()
        first = None
        for i in range(bisect.bisect_left(self._pos, pos) - 1, -1, -1):
            p, name = self.events[i]
            if name not in names:
                continue
            said = self._genders(name, gender_of) if gender else set()
            if not gender or said == {gender}:
                return name
            if first is not None and first[0] - p > _PASSAGE:
                break
            if first is None and (gender in said or not said):
                first = (p, name)
        return first[1] if first else None

    def current_speaker(self, pos: int) -> str | None:
        """The speaker of the last attributed quotation before ``pos``."""
        i = bisect.bisect_left(self._speech_pos, pos) - 1
        return self.speech[i][1] if i >= 0 else None

    def resolve(self, who: str, pos: int) -> str | None:
        """The full name the words ``who`` (found at ``pos``) stand for, or None (plural, unknown, ambiguous)."""
        name = self._resolve(who, pos)
        return self.people.aliases.get(name, name) if name else None

    def _resolve(self, who: str, pos: int) -> str | None:
        people = self.people
        w = who.strip()
        if w.isupper() and len(w) > 3:  # an all-capitals headline: "TRUMP DECLARES"
            w = w.title()
        low = w.lower()
        if low in PRONOUNS:
            if PRONOUNS[low] != "person":
                return None
            entry = self._entry(pos)
            if entry is not None and not any(entry[0] <= p < pos for p in self._pos):
                # a reverse-order live page: no one spoke or opened a sentence earlier in this entry; the
                # entries below it came before it
                return self._below(entry[1], _GENDER.get(low))
            found = self._agreeing(pos, _GENDER[low]) if low in _GENDER else self._current(pos)
            if found == UNNAMED:
                return None  # '"...," the spokesperson said. He added: "..."': the one the article did not name
            return found or people.dominant or self._only_named(pos, _GENDER.get(low))
        toks = w.split()
        if len(toks) == 1 and toks[0][:1].isupper() and _is_title(toks[0]):
            # a surname that is also a title word ("King said" after "Carla King")
            fn = people.by_surname(toks[0], strict=True)
            if fn and fn.split()[-1] == toks[0]:
                return fn
        if toks[0].lower() == "the" and len(toks) > 2 and toks[-1][:1].isupper() and \
                toks[-1].lower() not in titles() and all(t[:1].isdigit() or t.islower() for t in toks[1:-1]):
            toks = toks[-1:]  # "the 14th-ranked Schwartzman", "the veteran Roe": a description before a name
            w = toks[0]
        elif toks[0].lower() == "the" or not any(t[:1].isupper() or _PREFIXED.match(t) for t in toks):
            return self.resolve_role(toks, pos)
        elif 2 <= len(toks) <= 3 and toks[-1][:1].isupper() and _is_title(toks[-1]) and \
                not any(_is_title(t) for t in toks[:-1]) and \
                not any(t in n.split() for n in people.persons if n != w for t in toks[:-1]):
            # (not letters after a name the article gives: "Reed KC", "Ana Lind MP")
            # "Estmark PM tells ...", "Norland President warns": a title after the words is a role of the place
            # they name (English writes a person's title before the name)
            return self.resolve_role(toks, pos)
        title_words, name = split_name(w)
        name = [t for t in _name_words(name) if t in _PARTICLES or t.lower() not in titles()]
        if len(name) >= 2:
            if " ".join(name) in people.persons:
                return " ".join(name)
            fn = people.by_surname(name[-1])
            if fn and (fn.split()[0] == name[0] or len(fn.split()) < 2 or name[0] in _PARTICLES
                       or name[-len(fn.split()):] == fn.split()):  # "Argentina Javier Milei": a place before
                return fn
            return None if _not_a_person(name, False, frozenset()) else " ".join(name)
        if len(name) == 1:
            if name[0].lower() in _CLOSED_CLASS:
                return None
            lead = {t.lower().rstrip(".") for t in title_words if _is_title(t) and t.lower() != "the" and not t.isupper()}
            known = people.by_surname(name[0], lead=lead, pos=pos) or people.full_form(name[0])
            if known and known.split()[0] == name[0] != known.split()[-1] and known in people.persons and \
                    people.persons[known].first > min(pos, people.single_first.get(name[0], pos)) and \
                    not people._in_headline(pos) and known not in people.aliases.values():
                known = None  # family name first, and written alone before that name was given in full: the
                # one name stands for someone else ('"...," Lee said' from the start, the minister Lee Ju-ho later)
            if not known:
                # one name several persons share ("Leo" for "Leo XIV" and "Leo XIII"): the one the passage
                # is about, if it is one of them
                cands = {n for n in people.persons if name[0] in (n.split()[0], n.split()[-1])}
                if len(cands) > 1:
                    return self.last_of(pos, cands)
            # a word capitalised only where a sentence opens ("Observers noted") is not a name
            if known:
                return known
            if name[0] not in people.persons and (name[0] not in people.proper or _not_a_person(name, False, frozenset())):
                return None  # a word capitalised only where a sentence opens, a country or an institution
            return name[0]
        return self.resolve_role(toks, pos)

    def resolve_role(self, toks: list[str], pos: int) -> str | None:
        """The one person of the table carrying the role ``toks`` (``the Norlandic PM``), else None."""
        words: list[tuple[str, bool]] = []  # (lower-case word, capitalised and not a title)
        for t in toks:
            t = _strip_possessive(t.strip(",.;:"))
            if not t or t.lower() == "the":
                continue
            cap = t[:1].isupper() and t.lower() not in titles() and not (t.isupper() and t.lower() in ABBREVIATIONS)
            words += [(part, cap) for part in _expand(t.lower())]
        if not words:
            return None
        ages = [x for x, _ in words if x.startswith("age:")]
        words = [w for w in words if not w[0].startswith("age:")]
        if not words:  # "the 69-year-old"
            return self._described("", [], ages, pos)
        head = words[-1][0]
        # a general word for the role (``the white-bearded cleric``, ``the holy man``): its words are the head
        general = next((g for g in (" ".join(x for x, _ in words[-2:]), head) if g in kinds() and
                        (len(words) > 1 or " " not in g)), None)
        if general and " " in general:
            words, head = words[:-2] + [(general, False)], general
        capmods = [x for x, cap in words[:-1] if cap]
        titlemods = [x for x, cap in words[:-1] if not cap and x in titles()]
        # a common noun before the role says whose role it is ("the fire chief", "the ferry captain"): the
        # person must carry it; an adjective ("the new", "the embattled", "the outgoing") says nothing
        nounmods = [x for x, cap in words[:-1] if not cap and x not in titles() and not _adjective_like(x)]
        said = {x for x, _ in words}
        cands = []
        for p in self.people.persons.values():
            feats = p.titles | p.attrs | p.epithets
            if not all(any(_stem_match(c, f) for f in feats) for c in capmods):
                continue
            # a common noun that is not theirs, when the article gave them another ("Police Chief Dan Roe" is
            # not "the fire chief"; "Opposition leader Mia Lund", whose first word the sentence capitalised,
            # may be "the opposition leader")
            if any(not any(_stem_match(c, f) for f in feats) for c in nounmods) and \
                    any(not a.startswith("age:") for a in p.attrs):
                continue
            if not all(t in p.titles for t in titlemods):
                continue
            if head in p.lead and any(r in p.lead and r not in said for r in _ranks()):
                continue  # "the minister" is not Prime Minister Roe, "the president" not the vice president
            if p.mentions and min(p.mentions) > pos > self.people.head_end and self._entry(pos) is None:
                continue  # "The prime minister insisted ..." before Denmark's prime minister is introduced
                # (a headline's role names whom the story goes on to introduce)
            owned = capmods or (nounmods and all(any(_stem_match(c, f) for f in feats) for c in nounmods))
            if head in p.titles or head in p.epithets or (head in GENERIC_HEADS and owned and p.titles) or \
                    (general and _of_kind(p, general)):
                # ("the NATO chief", "the alliance chief" of Alliance Secretary General Jan Vos: a generic head
                # through the body the person's introduction named)
                cands.append(p.name)
        if len(cands) == 1:
            return cands[0]
        if not cands and words[-1][1] and (head in _demonym_nouns() or _demonym(head)):
            # "the Dane admitted", "the Australian said": a people's noun is the one person of that people
            return self._described("", [*capmods, _demonym_nouns().get(head, head)], ages, pos)
        if not cands:
            return self._described(head, capmods, ages, pos) or self._untitled_before(
                [x for x, _ in words], pos)
        cur = self.current_speaker(pos)
        if cur not in cands:
            # "Pope Leo XIV called for ... The new pontiff urged ...": the subject of the passage, when no
            # other candidate was named since
            cur = self.current(pos)
            if cur != self.people.last_before(pos, set(cands)):
                cur = None
        return cur if cur in cands else None

    def _untitled_before(self, role: list[str], pos: int) -> str | None:
        """(session 34) A role the article gives no one, right after it names one person with no title ("It
        was quiet when Marlene Oberhauser stepped up to the microphone. '...,' the Stahlbrück chief executive
        told the employees"): that person, when no one else is named between, in this sentence or the one
        before. Not when anyone in the article holds that title (then it is theirs, or nobody's)."""
        head = role[-1] if role else ""
        # a title, or a person's noun a title qualifies ("the chief executive")
        if not (head in titles() or len(role) > 1 and role[-2] in titles() and _person_noun(head)) or \
                head in go_betweens() or any(head in p.titles for p in self.people.persons.values()):
            return None
        here = self._sentence_at(pos)
        if here is None:
            return None
        i = self.sentences.index(here)
        lo = self.sentences[i - 1][0] if i > 0 else here[0]
        near = {n for p, n in self.people.mentions if lo <= p < pos}
        if len(near) != 1:
            return None
        name = next(iter(near))
        p = self.people.persons.get(name)
        if p is None or p.titles or p.aside or len(name.split()) < 2:
            return None
        # (another name written there that the people table did not keep: "Ilse Marrow and Tor Ekman walked in")
        span = self.people.text[lo:pos]
        if not span or any(f != name and f in span for f in self.people.full_forms):
            return None
        if any(lo <= at < pos for at, _ in self.speech):
            return None  # ('"The fleet is ready," Berg said. "We sail at dawn," the president said.': a new cue
            # right after someone spoke, under a role they were never given, is someone else's)
        return name

    def _described(self, head: str, capmods: list[str], ages: list[str], pos: int) -> str | None:
        """A description that names no role (``the 69-year-old Chicago native``): the one person of whom
        the article said every identifying thing in it (a place they are from, their age). A role word as
        head (``the Harbour Authority spokesman``) is someone else's role, and nothing identifying, nobody."""
        if head in titles() or not (capmods or ages):
            return None
        cands = [p.name for p in self.people.persons.values()
                 if all(any(_stem_match(c, f) for f in p.attrs) for c in capmods)
                 and all(a in p.attrs for a in ages)]
        return cands[0] if len(cands) == 1 else None


_OWNER_WORDS = re.compile(r"((?:[A-Z][\w&\-]*\s+){0,2}[A-Z][\w&\-]*['\u2019]s?)$")


def resolve(who: str, pos: int, people: People) -> str | None:
    """The full name ``who`` stands for at ``pos`` (without the quotations' discourse)."""
    return Discourse(people).resolve(who, pos)


# -- transcripts --------------------------------------------------------------------------------------------

_TRANSCRIPT_HEAD = re.compile(
    r"\b(?:full\s+text|transcript|(?:text|excerpts?)\s+of\s+(?:the\s+|his\s+|her\s+)?(?:speech|remarks|address)"
    r"|remarks\s+by|speech\s+by|address\s+by|as\s+prepared\s+for\s+delivery"
    r"|(?:read|here\s+is|here\s+are)\s+(?:the\s+)?(?:full\s+|complete\s+)?(?:speech|remarks|address))\b",
    re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Uu]s|[Mm]e)\b")  # (a sentence may open with "We", "Our")
# the second person: a speech speaks to its audience ("We will stand with you"); the hedge layer reads it as
# advice to the reader ("you've probably heard")
SECOND_PERSON = re.compile(r"\b[Yy]ou(?:rs?|rself|rselves)?\b")
_THIRD_PERSON_CUE = re.compile(r"\b(?:he|she)\s+(?:said|added|told|continued|went\s+on)\b", re.IGNORECASE)


def transcripts(doc, disc: Discourse) -> list[tuple[int, int, str | None]]:
    """Published transcripts in the article: (start, end, speaker). A short paragraph announcing one
    (``Full text of Roe's speech:``, ``Remarks by ...``) followed by first-person paragraphs; it runs to
    the end of the article or to the first paragraph back in the author's voice (``he said``)."""
    norm = doc.norm
    paras = doc.paragraphs
    out = []
    for i, (s, e) in enumerate(paras):
        head = norm[s:e]
        if len(head.split()) > 30 or not _TRANSCRIPT_HEAD.search(head) or i + 1 >= len(paras):
            continue
        body = paras[i + 1:]
        opening = norm[body[0][0]:body[min(2, len(body) - 1)][1]]
        if len(_FIRST_PERSON.findall(opening)) + len(SECOND_PERSON.findall(opening)) < 2:
            continue  # (a speech speaks to its audience too: "We will stand with you")
        end = body[-1][1]
        for bs, be in body[1:]:
            if _THIRD_PERSON_CUE.search(norm[bs:be]) or _TRANSCRIPT_HEAD.search(norm[bs:be][:200]):
                end = bs
                break
        speaker = None
        for m in _RUN.finditer(head):
            _, name = split_name(m.group())
            name = [t for t in name if t[:1].isupper()]
            if name and not _TRANSCRIPT_HEAD.fullmatch(m.group()):
                speaker = disc.people.by_surname(name[-1]) or (" ".join(name) if len(name) >= 2 else None)
                if speaker:
                    break
        out.append((body[0][0], end, speaker or disc.people.main))
        if end == body[-1][1]:
            break
    return out


# a paragraph of an interview printed as a script: its speaker's label and a colon ("Ruiz: Because the quay
# ...", "A: Because ...", "Question: Why now?")
_LABEL_LINE = re.compile(r"[^\S\n]*(?P<label>(?:[A-Z][\w'\u2019.\-]*[^\S\n]+){0,3}[A-Z][\w'\u2019.\-]*)[^\S\n]*:[^\S\n]+"
                         r"(?=\S)")
_QUESTION_LABELS = frozenset({"q", "question", "interviewer"})


@cached
def _interviewers() -> frozenset[str]:
    """Who asks an interview's questions: the attribution vocabulary's journalists' nouns (``sources.yaml``,
    ``journalist_nouns``: reporter, correspondent, editor, anchor, ...) and those who host a conversation."""
    from .attribution import vocab

    return frozenset(vocab().journalist_nouns) | {"interviewer", "host", "moderator"}


_ANSWER_LABELS = frozenset({"a", "answer"})


def labelled_lines(doc, disc: Discourse) -> list[tuple[int, int, str]]:
    """An interview printed as a script: (start, end, speaker) of each answer paragraph, its label aside.
    A paragraph opening with a person's name and a colon ("Ruiz: Because the quay ...") is that person's
    words; "A:" ("Answer:") is the words of the person the article is about, when "Q:" lines ask. Only
    in an article with two labelled paragraphs or more (a script, not a headline's "Roe: Levy will rise"),
    and only paragraphs of six words or more with no quotation mark (their marks are read as such). The
    questions are the interviewer's and are left out."""
    norm = doc.norm
    found: list[tuple[int, int, str]] = []
    asked = 0
    for ps, pe in doc.paragraphs:
        m = _LABEL_LINE.match(norm, ps, pe)
        if not m or doc.in_boilerplate((ps, pe)):
            continue
        label = m.group("label").strip().lower().rstrip(".")
        if label in _QUESTION_LABELS:
            asked += 1
            continue
        if '"' in norm[m.end():pe] or len(norm[m.end():pe].split()) < 6:
            continue
        if label in _ANSWER_LABELS:
            who = "\0answer"
        else:
            if label.startswith("dear ") or m.group("label").isupper():
                continue  # "DEAR ABBY: My sister ...": a letter's salutation names whom it is written to
            who = disc.resolve(m.group("label"), m.start("label"))
            person = disc.people.persons.get(who) if who else None
            if person is None or not person.titles or person.titles & _interviewers():
                continue  # someone the article introduces by a role ("Mayor Ana Ruiz"), not a team ("Lakers:
                # Kyle Kuzma left ...") nor the reporter asking ("our reporter Tor Ek")
        found.append((m.end(), pe, who))
    # the one answering: the person the article is clearly about, named in full (not "Experience", the firm
    # whose new chief answers, nor a name the table holds in part); else the answers are nobody's to give
    main = disc.people.dominant
    if main and len(main.split()) < 2:
        main = None
    out = [(s, e, main if who == "\0answer" else who) for s, e, who in found
           if who != "\0answer" or (asked >= 2 and main)]
    return out if len(out) >= 2 else []


# -- attribution -------------------------------------------------------------------------------------------

_PASSAGE = 300  # characters: about one paragraph of news copy
_RIGHT_AFTER = 200  # characters: a quotation's own words and the next one's opening (about two sentences)
_QUOTING = re.compile(r"(?:\b(?:quot|cit|invok|paraphras|echo)\w*|\bin\s+the\s+words\s+of)"
                      r"(?:[^\S\n]+[a-z][\w\-]*){0,3}[^\S\n]+$",
                      re.IGNORECASE)
# a preposition right before a name that a colon follows: the name is an object ("a warning shot at Trump:")
_TOLD_BEFORE = re.compile(r"\b(?:told|tells|telling|wrote\s+to|writes\s+to)\s+(?:the\s+)?$", re.IGNORECASE)
_OBJECT_PREP = re.compile(r"\b(?:at|to|against|on|with|for|over|from|about|towards?|into)\s+$", re.IGNORECASE)
_HE_OR_SHE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
# a role with its article opening a sentence, then a verb or an apposition ("The new pontiff, formerly ...,")
_REPORT_VERBS_PRESENT = r"(?:says|said|adds|added|explains|explained|insists|insisted|warns|warned|argues|argued)"
_NAMED_REPORT_END = re.compile(r",[^\S\n]+(?P<who>[A-Z][\w'\u2019\-]+(?:[^\S\n]+[A-Z][\w'\u2019\-]+){0,2})[^\S\n]+"
                               + _REPORT_VERBS_PRESENT + r"[.!?](?=\s|$)")
_NAMED_REPORT_START = re.compile(r"(?:^|(?<=[.!?][^\S\n])|(?<=[\u2014\u2013][^\S\n]))(?P<who>[A-Z][\w'\u2019\-]+"
                                 r"(?:[^\S\n]+[A-Z][\w'\u2019\-]+){0,2})[^\S\n]+" + _REPORT_VERBS_PRESENT +
                                 r"[^\S\n]+(?:that[^\S\n]+)?(?=[a-z]|[A-Z][a-z])(?![^\n]{0,3}[\"\u201c\u2018'])", re.MULTILINE)
# "According to Ms Brask, that uncertainty will not last long.": a named person's account opening a sentence makes
# them the passage's speaker (the "she told reporters" after it is theirs)
_ACCORDING_START = re.compile(r"(?:^|(?<=[.!?][^\S\n]))[^\S\n]*[Aa]ccording[^\S\n]+to[^\S\n]+(?P<who>(?:(?:Mr|Mrs|Ms|Dr|Prof)"
                              r"\.?[^\S\n]+)?[A-Z][\w'\u2019\-]+(?:[^\S\n]+[A-Z][\w'\u2019\-]+){0,2}),"
                              # (not a channel: "According to Nemirski Glas, he told worshippers")
                              r"(?![^\S\n]*(?:he|she|they|the\s+(?:[a-z]+\s+)?(?:minister|president|patriarch|pope|"
                              r"governor|mayor|chief|leader))\b)", re.MULTILINE)
# how someone spoke: "was blunt:", "was blunter than the minister", "sounded cautious"
_MANNER_ADJECTIVES = (r"blunt|blunter|clear|clearer|direct|frank|defiant|firm|emphatic|candid|unequivocal|adamant|"
                      r"scathing|brief|briefer|succinct|terse")
_MANNER_WORDS = (r"(?:(?:more|less|even|far|much|rather|equally|just\s+as)\s+)?(?:" + _MANNER_ADJECTIVES +
                 r"|franker|firmer|cautious|guarded|combative|conciliatory|upbeat|downbeat|sombre|somber|blunt-spoken|"
                 r"outspoken)")
# (session 31) ... or would not be drawn on a question ("Asked whether the firm would be fined, the director
# general would not be drawn.")
_NOT_DRAWN = r"(?:would|could|will)\s+not\s+be\s+drawn|(?:declined|refused)\s+to\s+be\s+drawn"
_MANNER_PREDICATE = re.compile(rf"\s(?:was|is|sounded|sounds)\s+{_MANNER_WORDS}\b|\s(?:struck|took)\s+an?\s+"
                               r"(?:[a-z]+\s+)?(?:tone|line|note)\b|\s(?:" + _NOT_DRAWN + r")\b")
_MANNER_SUBJECT = re.compile(
    r"[^\S\n]*(?:[A-Z][^,\n\"\u201c]{0,60},[^\S\n]+)?(?P<who>[A-Z][\w'\u2019\-]+(?:[^\S\n]+[A-Z][\w'\u2019\-]+){0,2}|"
    r"the(?:[^\S\n]+[a-z][\w\-]*){1,3})"
    r"(?:,[^\n\"\u201c]{1,120}?,)?[^\S\n]+(?:(?:was|is|sounded|sounds)[^\S\n]+" + _MANNER_WORDS +
    r"\b|(?:struck|took)[^\S\n]+an?[^\S\n]+(?:[a-z]+[^\S\n]+)?(?:tone|line|note)\b|" + _NOT_DRAWN.replace(r"\s", r"[^\S\n]") + r")")
_EMPHATIC_SUBJECT = re.compile(
    r"(?<![\w'\u2019-])(?P<who>(?:[Tt]he(?:[^\S\n]+[a-z][\w\-]*){1,3})|[A-Z][\w'\u2019\-]+(?:[^\S\n]+[A-Z][\w'\u2019\-]+){0,2})"
    r"[^\S\n]+(?P<self>[Hh]imself|[Hh]erself)[^\S\n]+(?:[a-z]+ly[^\S\n]+)?(?:would|will|had|has|was|is|did|does|could|can|"
    r"said|says|told|[a-z]+ed)\b")
_ROLE_SUBJECT = re.compile(r"[^\S\n]*(?P<who>(?:The|the)(?:[^\S\n]+[\w\-]+,?){1,5})")
_SPEECH_INTRO = re.compile(
    r"\b(?:lines|words|quotes|quotations|remarks|highlights|excerpts|comments|moments|statements)[^\S\n]+"
    r"(?:from|by|of)[^\S\n]+(?P<who>(?:the[^\S\n]+)?[\w'\u2019.\-]+(?:[^\S\n]+[\w'\u2019.\-]+){0,4}?)[^\S\n]*:[^\S\n]*$",
    re.IGNORECASE | re.MULTILINE)

# a heading that announces someone's words: "What Putin said", "What the minister said:", "What Roe told
# the assembly"
_WHAT_SAID = re.compile(
    r"^[^\S\n]*What[^\S\n]+(?P<who>(?:the[^\S\n]+)?[\w'\u2019.\-]+(?:[^\S\n]+[\w'\u2019.\-]+){0,4}?)[^\S\n]+"
    r"(?:said|says|told|tells|announced|declared)\b[^\n.?!]{0,40}[:]?[^\S\n]*$", re.MULTILINE)


# a paragraph that closes on a colon after someone's words ("The mayor's argument, in the council's version,
# runs as follows:"): the quotation that opens the next is theirs
_POSSESSED_INTRO = re.compile(
    rf"(?:^|(?<=[.!?][^\S\n]))[^\S\n]*(?P<who>(?:[Tt]he[^\S\n]+)?[\w.\-]+(?:[^\S\n]+[\w.\-]+){{0,3}}?)['\u2019]s?"
    rf"[^\S\n]+(?:[a-z]+[^\S\n]+){{0,2}}?{_SPEECH_NOUNS}\b[^\"\n:\u201c\u201d]{{0,80}}:[^\S\n]*$", re.MULTILINE)


@lru_cache(maxsize=1)
def _subject_re() -> re.Pattern:
    """The subject opening a sentence (after an optional introductory phrase): a pronoun, a role with its
    article or a capitalised run, followed by a verb-like word."""
    run = rf"{CAPW}(?:[^\S\n]+{CAPW}){{0,4}}"
    role = r"(?i:the)[^\S\n]+(?:[\w\-]+[^\S\n]+){0,3}?[\w\-]+"
    # ... a relative clause or an apposition may stand between the subject and its verb ("Buckley, who phoned in
    # from the set, had a similar feeling:")
    between = r"(?:,[^\S\n]+(?:who[^\S\n]|an?[^\S\n]|the[^\S\n]|\d{1,3},)[^\n]{0,120}?,[\"\u201d]?)?"
    return re.compile(rf"(?:[^\n]{{0,160}},[^\S\n]*)?(?:{_EPITHET_COMPOUND.pattern}[^\S\n]+(?=[A-Z]))?(?P<who>(?i:he|she)|{role}|{run})"
                      rf"(?={between}[^\S\n]+(?:(?:also|then|later|again)[^\S\n]+)?(?:[a-z]+(?:ed|s)|{_IRREGULAR_PAST})\b)")


# verbs in the past that end in neither -ed nor -s ("Xi said this to the crowd:", "Roe told delegates:")
_IRREGULAR_PAST = ("(?:said|told|spoke|wrote|gave|made|put|had|sent|took|began|went|came|struck|held|led|"
                   "set|drew|threw|met|left|stood|kept|brought|thought|found|read|hit|laid|paid)")


_APPOS_SUBJECT = re.compile(
    rf"[^\S\n]*(?:[^\n:]{{0,40}}:[^\S\n]+|{_WIRE_DATELINE})?"
    rf"(?P<who>{CAPW}(?:[^\S\n]+{CAPW}){{0,4}}|(?i:the)[^\S\n]+(?:[\w\-]+[^\S\n]+){{0,3}}?[\w\-]+),")


def sentence_subject(norm: str, disc: Discourse, lo: int, pos: int, fallback: bool = True) -> str | None:
    """Who the sentence running from ``lo`` to the cue at ``pos`` is about: its subject resolved (``The
    Russian leader accused ..., stating,``), else the current speaker (else None, without ``fallback``)."""
    unnamed = False
    m = _subject_re().match(norm, lo, pos)
    if m:
        who = disc.resolve(m.group("who"), m.start("who"))
        if who and who in disc.people.persons:
            return who
        unnamed = _unnamed_role(m.group("who"))
    # "Robert Roe, the first banker to lead Norland, declared": the sentence opens with a name (or a
    # description) and a phrase set off by commas, then the cue
    if norm.find(",", lo, pos) >= 0:
        m = _APPOS_SUBJECT.match(norm, lo, pos)
        if m:
            who = disc.resolve(m.group("who"), m.start("who"))
            if who and who in disc.people.persons:
                return who
            unnamed = unnamed or _unnamed_role(m.group("who"))
    # "A study by the Centre ..., a think tank, concluded": an indefinite subject with no person of the article
    # in it is nothing the passage continues
    if not unnamed and _INDEFINITE_OPENING.match(norm, lo, pos) and not any(
            lo <= p < pos for p, _ in disc.people.mentions):
        unnamed = True
    # "The harbour master, who asked not to be named, said": the subject is someone the article does not
    # name, not the passage's current speaker
    return None if unnamed or not fallback else disc.current(pos)


def _clause_subject(norm: str, disc: Discourse, lo: int, pos: int) -> str | None:
    """The person the clause holding ``pos`` opens with, or None (no fallback to the passage's speaker): the
    clause runs from the sentence's start or its last semicolon ('Speaking in Quorvian, he thanked the
    staff; the federation's transcript has him saying:' is the transcript's clause, not his)."""
    semi = norm.rfind(";", lo, pos)
    return sentence_subject(norm, disc, semi + 1 if semi >= 0 else lo, pos, fallback=False)


_INDEFINITE_OPENING = re.compile(r"[^\S\n]*(?:An?|One|Another)[^\S\n]+[a-z]")


def _unnamed_role(who: str) -> bool:
    """A subject that is a role in lower case (``the harbour master``, ``the fire chief``), not a speech noun
    (``the statement``, whose words are the current speaker's)."""
    toks = who.split()
    if len(toks) < 2 or toks[0].lower() != "the" or not all(t.islower() for t in toks[1:]):
        return False
    return toks[-1] not in _speech_nouns() and not _demonym_plural(toks[-1])


def _not_a_subject(who: str, verb: str) -> bool:
    """The words before a verb of saying that cannot be its subject: a day or a month ("on Friday said"),
    or one name before the verb's bare form, which a single speaker never takes ("a Palestinian state",
    "the Norland add-on"): the verb is a noun there."""
    toks = who.split()
    if not toks:
        return False
    if toks[-1].lower() in _CALENDAR:
        return True
    v = verb.lower()
    return (len(toks) == 1 and toks[0].lower() not in ("i", "we", "you", "they") and v.isalpha()
            and f"{v}s" in _verb_set())


def _who_is_junk(who: str, resolved: str | None, people: People) -> bool:
    """The words in the speaker's place name nobody at all: a lone closed-class word (``This call for``) or
    a word the article capitalises only where a sentence opens (``Observers noted``)."""
    toks = who.split()
    if resolved or not toks:
        return False
    first = toks[0].lower()
    if first in _CLOSED_CLASS or first in _FUNCTION:
        return True
    return len(toks) == 1 and toks[0][:1].isupper() and first not in PRONOUNS and first not in titles()


def attribute_speakers(doc, quotes, raws) -> Discourse:
    norm = doc.norm
    spans = [(r.open, (r.close + 1) if r.close is not None else r.end) for r in raws]
    people = find_people(doc, spans)
    disc = Discourse(people)
    disc.sentences = list(doc.sentences)
    disc.entries = live_entries(doc.norm)
    pats = cue_patterns()
    # "Standout lines from the president:": the quotations that follow are theirs
    for rx, hint in ((_SPEECH_INTRO, ":"), (_WHAT_SAID, "What "), (_POSSESSED_INTRO, ":")):
        if hint in norm:
            for m in rx.finditer(norm):
                disc.add(m.start(), disc.resolve(m.group("who"), m.start("who")))
    # "A refugee inside the camp, who asked not to be named, said ...", "Later, an official repeated ...": a
    # sentence whose subject is someone the article does not name hands the passage to them
    if _UNNAMED_HINT.search(norm):
        for s0, _ in doc.sentences:
            m = _UNNAMED_SUBJECT.match(norm, s0)
            if m and not (spans and any(a <= s0 < b for a, b in spans)):
                disc.add(m.start("verb"), UNNAMED)
    _learn_genders(doc, disc, spans)
    # "The pope gave his regards to his predecessor, Pope Francis. '...,' he said": a sentence whose subject
    # is a role the article's table gives one person makes that person the current speaker, not the name
    # mentioned after it
    if _HE_OR_SHE.search(norm):
        for s0, _ in doc.sentences:
            m = _ROLE_SUBJECT.match(norm, s0)
            if not m or spans and any(a <= s0 < b for a, b in spans):
                continue
            toks = m.group("who").split()
            # the role word closes the phrase ("The newly elected pontiff"), a verb or a comma follows
            k = next((i for i, t in enumerate(toks) if i and t.rstrip(",").lower() in titles()), None)
            if k is None or not (toks[k].endswith(",") or k + 1 == len(toks) or toks[k + 1][:1].islower()) or \
                    any(t.lower() in _FUNCTION or t.lower() in ("the", "a", "an") or t.endswith(",")
                        for t in toks[1:k]):
                continue  # "The rallying call from the head of ...": the role is not the subject's head
            disc.add(m.start("who"), disc.resolve_role(toks[:k + 1], m.start("who")), spoke=False)
    # (session 33) "That line matters, because the rector herself would not rule it out.": a subject set off by
    # "herself"/"himself", in whatever clause, is whom the passage is about (the "she replied" after it is hers)
    if "self " in norm:
        for m in _EMPHATIC_SUBJECT.finditer(norm):
            if spans and any(a <= m.start() < b for a, b in spans):
                continue
            who = disc.resolve(m.group("who"), m.start("who"))
            gender = "f" if m.group("self").lower() == "herself" else "m"
            if who and gender in (disc._genders(who, _title_gender()) or {gender}):
                disc.add(m.start("who"), who, spoke=False)
    # "The troops will pull back, Castagne says.", "Castagne says the troops will pull back": a named person's
    # reporting clause with no quotation makes them the passage's speaker ("He calls it '...'" after it)
    for rx in (_NAMED_REPORT_END, _NAMED_REPORT_START, _ACCORDING_START):
        for m in rx.finditer(norm):
            if spans and any(a <= m.start() < b for a, b in spans):
                continue
            if rx is _ACCORDING_START and _is_outlet(m.group("who")):
                continue  # "According to the Vell Herald, ...": a channel, no speaker
            who = disc.resolve(m.group("who"), m.start("who"))
            if who:
                disc.add(m.start("who"), who)
    # "Outside the Chamber, Dan Falk, the union's leader, was blunter than the minister.": a sentence that says
    # how a named person spoke makes them the current speaker (the "he said" after it is theirs)
    if _MANNER_PREDICATE.search(norm):
        for s0, e0 in doc.sentences:
            m = _MANNER_SUBJECT.match(norm, s0, e0)
            if not m or spans and any(a <= s0 < b for a, b in spans):
                continue
            who = disc.resolve(m.group("who"), m.start("who"))
            if who:
                disc.add(m.start("who"), who, spoke=False)
            elif m.group("who").startswith("the "):
                # a role the article gives no one ("the director general would not be drawn"): the "she said"
                # after it is that unnamed person's, not the last woman named
                disc.add(m.start("who"), UNNAMED, spoke=False)
    # sentences opening with "He"/"She" outside the quotations: read in text order with the quotations, each
    # teaches the current speaker's gender ("She added that ..."), which a later pronoun agrees with
    pronoun_subjects = [m for m in _PRONOUN_SUBJECT.finditer(norm) if not any(a <= m.start() < b for a, b in spans)] \
        if "He " in norm or "She " in norm else []
    pk = 0
    # "She said four bases would ...", "On maternity, she said ...": a pronoun reporting outside any quotation
    # keeps (or makes) its person the speaker of the passage, for a quotation with no cue after it
    reporting = [m for m in _PRONOUN_REPORTS.finditer(norm) if not any(a <= m.start() < b for a, b in spans)] \
        if "he " in norm or "He " in norm else []
    rk = 0
    prior = None
    for q, r in zip(quotes, raws, strict=True):
        prior, earlier = (q, r), prior
        while rk < len(reporting) and reporting[rk].start() < r.open:
            pr = reporting[rk]
            rk += 1
            who = disc.current_agreeing(pr.start(), _GENDER[pr.group(1).lower()])
            if who and who != UNNAMED and who != disc.current(pr.start()):
                disc.add(pr.start(), who, spoke=False)
        while pk < len(pronoun_subjects) and pronoun_subjects[pk].start() < r.open:
            ps = pronoun_subjects[pk]
            pk += 1
            last = disc.current_speaker(ps.start())
            if last is None or not disc.speech_within(ps.start(), _PASSAGE) or disc.current(ps.start()) != last:
                continue  # only right after someone spoke, with no one else opening a sentence since
            if disc.current_agreeing(ps.start(), _GENDER[ps.group(1).lower()]) == last:
                disc.learn(last, _GENDER[ps.group(1).lower()])  # "She added that ..." after Roe spoke
        para = doc.paragraph_at(r.open) or (r.open, r.end)
        sent = doc.sentence_at(r.open) or para
        close = (r.close + 1) if r.close is not None else r.end
        last_para = doc.paragraph_at(max(close - 1, r.open)) or para
        after = norm[close:min(last_para[1], close + 120)]
        lo = max(para[0], sent[0]) if sent[0] >= para[0] else para[0]
        before = norm[lo:r.open]
        done = False
        # '"Will you quit?" Roe is asked.': the asker's question; '"...," a senior official said': someone
        # the article does not name
        unnamed = (_ASKED.match(after) if "asked" in after[:60] else None) or \
            (_UNNAMED_AFTER.match(after) if _UNNAMED_HINT.search(after, 0, 110) else None) or \
            _IT_SAID.match(after)  # '"...," it added': the body the passage is about, no person
        if unnamed:
            done = _nobody_named(q, unnamed, close, "asked" if unnamed.re is _ASKED else None)
            if unnamed.re not in (_ASKED, _IT_SAID):
                disc.add(q.cue_start, UNNAMED)  # the one not named holds the passage: "he added" is them
        m = None if done else pats["after_quoted_as"].match(after)
        if m and m.group("who").lower() in ("him", "her"):
            done = _quoted_pronoun(q, m, close, disc, r.open, disc.resolve(m.group("relay"), close + m.start("relay")))
        elif m:
            done = _apply(q, m, close, disc, close + m.start("who"), r.open, norm=norm)
        for key in () if done else ("after_who_verb", "after_text_reads", "after_role_who_verb", "after_role_appos_verb",
                                    "after_who_rel_verb", "after_verb_who", "after_verb_role_who", "after_verb_unnamed",
                                    "after_who_team_verb", "after_role_of_verb",
                                    "after_words_of", "after_poss", "after_colon", "after_dash"):
            m = pats[key].match(after)
            if m and m.group("verb").lower().startswith("according") and _channel(after, m.start("who")):
                break  # '"...," according to a translation by AFP': how the words came, not whose they are
            if m and m.group("verb").lower().startswith("according") and _ing_cue().search(before):
                # 'The judge turned to the board, saying she did not accept that "...", according to Breck':
                # the sentence's subject says it; the one "according to" names passes it on
                who = sentence_subject(norm, disc, lo, r.open)
                if who and who in disc.people.persons:
                    ing = _ing_cue().search(before)
                    q.speaker, q.cue, q.cue_start, q.cue_end = who, ing.group(1), lo + ing.start(1), lo + ing.end(1)
                    done = True
                    break
            if m and key != "after_verb_unnamed" and _ENDS_SENTENCE.search(q.text) and \
                    (_THAT_NEXT.match(after, m.end()) or _COLON_NEXT.match(after, m.end()) or (
                        m.group("verb").lower() in _SAY_VERBS and _CLAUSE_NEXT.match(after, m.end())) or
                     _TOLD_CLAUSE.match(after, m.end()) or
                     _INTRODUCED.search(before)):
                continue  # '"... among his belongings." Martha added that ...': a new sentence reporting more;
                # '"Winter is coming." The ex-banker told delegates: "..."': a new sentence that opens the next;
                # 'The patriarch said of the nurses that "they never left." Petrik laughed.': the sentence that
                # introduced the quotation ended with it
            if m and key == "after_verb_unnamed":
                done = _nobody_named(q, m, close)  # '"...," said one legal expert'
                disc.add(q.cue_start, UNNAMED)
            elif m and key in ("after_who_verb", "after_role_who_verb") and _JOINT.search(after, 0, m.start("verb")):
                done = _nobody_named(q, m, close)  # '"...," Ruiz and Tor Ek said': two speak as one, neither alone
                disc.add(q.cue_start, UNNAMED)
                break
            elif m:
                done = _apply(q, m, close, disc, close + m.start("who"), r.open, colon=key == "after_colon",
                              norm=norm)
                if done:
                    break
        if done and q.speaker is None and earlier and earlier[0].speaker and q.cue_start is not None:
            # 'In a statement, Governor Roe said: "...". "...," the statement went on.': the text that carried
            # the last quotation goes on with the same person's words
            m = _TEXT_GOES_ON.match(norm, close)
            if m and q.cue_start >= close and re.search(
                    rf"\b{m.group('noun')}\b", norm[(doc.sentence_at(earlier[1].open) or para)[0]:r.open], re.I):
                q.speaker = earlier[0].speaker
        if not done and earlier and earlier[0].cue and _split_rest(norm, earlier[0], earlier[1], r):
            # '"...," Roe, the board's chair, said, "..."': the second half of the utterance the cue splits
            q.speaker, q.cue, q.cue_start, q.cue_end = (earlier[0].speaker, earlier[0].cue, earlier[0].cue_start,
                                                        earlier[0].cue_end)
            done = True
        tail = before[-160:]
        base = lo + len(before) - len(tail)
        unnamed = (_UNNAMED_BEFORE.search(tail) or _GROUP_BEFORE.search(tail)) \
            if not done and _UNNAMED_HINT.search(tail, max(0, len(tail) - 60)) else None
        if not done and not unnamed and _UNNAMED_HINT.search(tail):
            unnamed = _GROUP_LONG.search(tail)
        if unnamed:
            done = _nobody_named(q, unnamed, base, unnamed.group("verb").split()[0])
            disc.add(q.cue_start, UNNAMED)
        if not done:
            for key in ("before_quoted_as", "before_poss", "before_according_appos", "before_as_said",
                        "before_according", "before_who_verb", "before_who_asked_verb", "before_poss_who_verb", "before_colon",
                        "before_manner_colon", "before_topic_colon"):
                m = pats[key].search(tail)
                if not m:
                    continue
                if key == "before_quoted_as" and m.group("who").lower() in ("him", "her"):
                    # 'Hale quoted him as saying "..."': not the sentence's subject, who quotes
                    done = _quoted_pronoun(q, m, base, disc, base + m.start("who"),
                                           _clause_subject(norm, disc, lo, base + m.end("verb")))
                    break
                if key == "before_who_verb" and _relative_that(tail, m.start("who")):
                    continue  # 'He said the release of detainees that Varna pledged at Selvik was "..."': a
                    # relative clause's subject, not whoever says the words
                if key == "before_who_verb" and _inside_subject(tail, m.start("who")):
                    # 'Tor Ek of the Bank of Calder said that "..."': the subject the name is part of speaks
                    q.speaker = _named_subject(norm, disc, lo, base + m.start("verb"))
                    q.cue, q.cue_start, q.cue_end = m.group("verb"), base + m.start("verb"), base + m.end("verb")
                    done = True
                    break
                if key == "before_colon" and _OBJECT_PREP.match(m.group("who").split()[0] + " "):
                    continue  # 'On Inês: "..."', 'About Tuesday: "..."': a topic, no speaker; the passage's goes on
                if key == "before_colon" and _OBJECT_PREP.search(tail, 0, m.start("who")):
                    # 'Roe fires a warning shot at Trump: "..."': the name after a preposition is the object;
                    # the clause's subject speaks
                    ls = max(lo, norm.rfind("\n", 0, base + m.start("who")) + 1)  # the headline's own line
                    run = _RUN.search(norm, ls, ls + 80)  # the name the line opens with
                    who = disc.resolve(run.group(), run.start()) if run and not norm[ls:run.start()].strip() else None
                    if who and who in disc.people.persons:
                        q.speaker = who
                        q.cue, q.cue_start, q.cue_end = ":", base + m.start("verb"), base + m.end("verb")
                        done = True
                        break
                    continue
                if key == "before_colon" and _TOLD_BEFORE.search(tail, 0, m.start("who")):
                    # 'Ian Hale, a professor, told Newsweek: "..."': the addressee is no speaker; the subject is
                    q.speaker = sentence_subject(norm, disc, lo, base + m.start("who"))
                    q.cue, q.cue_start, q.cue_end = ":", base + m.start("verb"), base + m.end("verb")
                    done = True
                    break
                if key == "before_colon" and _QUOTING.search(tail, 0, m.start("who")):
                    # 'he quoted St Augustine: "..."': the quoted author is not the speaker
                    q.speaker = sentence_subject(norm, disc, lo, base + m.start("who"))
                    q.cue, q.cue_start, q.cue_end = ":", base + m.start("verb"), base + m.end("verb")
                    done = True
                else:
                    done = _apply(q, m, base, disc, base + m.start("who"), r.open, colon=key == "before_colon")
                    if not done and key == "before_as_said":
                        done = _nobody_named(q, m, base)  # a saying of someone the article does not introduce
                if done:
                    break
        if not done and before.rstrip().endswith(":"):
            # 'Lee disagreed: "..."', 'Her deputy was blunter: "..."': a sentence whose subject is a person of
            # the table, closed by a colon, introduces that person's words
            m = _subject_re().match(norm, lo, r.open)
            colon = lo + len(before.rstrip()) - 1
            if m and _OBJECT_PREP.search(norm, lo, m.start("who")):
                m = None  # 'On Inês: "..."': the topic after a preposition, no subject
            if m and _NEXT_CLAUSE.search(norm, m.end(), colon):
                m = None  # "Swift has a new deal, and the Group will be left to wonder:": another clause's
            who = disc.resolve(m.group("who"), m.start("who")) if m else None
            if who and who in disc.people.persons:
                q.speaker, q.cue, q.cue_start, q.cue_end = who, ":", colon, colon + 1
                done = True
            elif m and who is None and _unnamed_role(m.group("who")) and m.group("who").split()[-1] in titles() \
                    and not any(c.isdigit() for c in m.group("who")):
                # 'The mayor played it down: "..."' where no one is named the mayor: someone the article does
                # not name, not the passage's last speaker (an epithet that is no title, "the 56-year-old",
                # "the Portuguese boss", may well be the passage's own speaker: left to the passage)
                q.speaker, q.cue, q.cue_start, q.cue_end = None, ":", colon, colon + 1
                disc.add(colon, UNNAMED)
                done = True
        if not done and ("report" in tail or "wrote" in tail or "writes" in tail):
            # 'As the Vell Herald reported, "..."': an outlet's words, not the passage's speaker
            m = _OUTLET_REPORTED.search(tail)
            if m and _is_outlet(m.group("who")):
                done = _nobody_named(q, m, base)
        if not done:
            m = pats["before_bare"].search(tail)
            if m:
                q.speaker = sentence_subject(norm, disc, lo, base + m.start())
                q.cue, q.cue_start, q.cue_end = m.group("verb"), base + m.start("verb"), base + m.end("verb")
                done = True
        if not done and q.kind == "partial":
            m = pats["before_names_it"].search(tail)
            if m and disc.resolve(m.group("who"), base + m.start("who")) in disc.people.persons:
                done = _apply(q, m, base, disc, base + m.start("who"), r.open)
            elif m and m.group("who").split()[0].lower() not in PRONOUNS:
                # naming a thing is no evidence of a person: the Arab League calling it 'an adverse development'
                # speaks the body's words, as a company's '"...," the company said' does
                done = _nobody_named(q, m, base)
            elif not m:
                m = pats["before_plural_names_it"].search(tail)
                if m:
                    done = _nobody_named(q, m, base)
                    disc.add(q.cue_start, UNNAMED)
        if not done and q.kind == "partial" and sent[1] > close and '"' not in norm[close:sent[1]]:
            m = pats["sentence_end_who_verb"].search(norm, close, sent[1])
            if m and m.group("verb").lower().startswith("according") and _channel(norm, m.start("who")):
                m = None  # '... "full responsibility", according to the federation's summary': the channel
            if m:
                done = _apply(q, m, 0, disc, m.start("who"), r.open)
        if not done and q.kind == "partial":
            m = next(iter(reversed(list(pats["inside_quoted_as"].finditer(before)))), None)
            if m and m.group("who").lower() in ("him", "her"):
                done = _quoted_pronoun(q, m, lo, disc, lo + m.start("who"),
                                     _clause_subject(norm, disc, lo, lo + m.end("verb")))
            elif m:
                done = _apply(q, m, lo, disc, lo + m.start("who"), r.open)
        if not done and q.kind == "partial":
            found = [m for k in ("inside_who_verb", "inside_according", "inside_who_rel", "inside_who_appos_verb")
                     for m in pats[k].finditer(before)
                     if not (k == "inside_according" and _channel(before, m.start("who")))]
            for m in sorted(found, key=lambda x: x.start("verb"), reverse=True):
                if _relative_that(before, m.start("who")):
                    continue  # "He said the release of detainees that Varna pledged was ...": a relative clause
                if m.re is pats["inside_who_verb"] and _inside_subject(before, m.start("who")):
                    q.speaker = _named_subject(norm, disc, lo, lo + m.start("verb"))
                    q.cue, q.cue_start, q.cue_end = m.group("verb"), lo + m.start("verb"), lo + m.end("verb")
                    done = True  # 'Tor Ek of the Bank of Calder said that "..."': the subject the name is part of
                    break
                if _apply(q, m, lo, disc, lo + m.start("who"), r.open):
                    done = True
                    if m.re is pats["inside_who_appos_verb"] and q.speaker not in people.persons:
                        q.speaker = None  # 'the Centre for Policy Research, a think tank, concluded': a body's
                        # words (the name before the apposition is cut at "for"), nobody the passage continues
                    break
        if not done and q.kind == "partial":
            # 'Fifty-one percent say that "..."': a verb of saying right before the words, whose clause names
            # no person of the article and has no pronoun for one, is no one's the passage could continue
            m = pats["before_verb_that"].search(tail)
            if m and not _PERSON_PRONOUN.search(norm, lo, base + m.start("verb")) and not any(
                    lo <= pos < base + m.start("verb") for pos, _ in people.mentions):
                done = _nobody_named(q, m, base)
        if done:
            disc.add(q.cue_start, q.speaker)
    # published transcripts: their speaker's words throughout
    for s, e, who in transcripts(doc, disc):
        for q in quotes:
            if s <= q.start < e:
                q.speaker, q.cue, q.cue_start, q.cue_end = who, None, None, None
    # quotations with no cue: the current speaker of the passage, else the dominant speaker
    cued = Counter(q.speaker for q in quotes if q.cue and q.speaker)
    total = sum(cued.values())
    top = cued.most_common(1)
    dominant = top[0][0] if top and top[0][1] >= 2 and top[0][1] >= 0.6 * total else None
    # else the only person the article names, for a quotation after it names them, when it is clearly a
    # person: a title, or a name of two words ("Vellcorp is thrilled ..." names a firm; "How to Adopt an
    # Online Leader Growth Mindset" at a blog's end names no one, least of all the speaker of its quotations)
    only = next(iter(people.persons.values())) if len(people.persons) == 1 and not dominant else None
    if only and not _clearly_a_person(only):
        only = None
    prev = None
    for q, r in zip(quotes, raws, strict=True):
        before, prev = prev, (q, r)
        if q.speaker or q.cue:
            continue
        if before and _split_rest(norm, before[0], before[1], r):
            q.speaker = before[0].speaker  # '"...," said the harbour master, "..."': the same utterance
            continue
        if disc._current(r.open) == UNNAMED:
            continue  # '"...," an officer ordered. "Step out."': the one the article did not name goes on
        # a floating quotation continues the last speaker quoted in the passage (a sentence about someone
        # else in between, who says nothing, does not take it over)
        last = disc.current_speaker(r.open)
        recent = last and disc.speech_within(r.open, 2 * _PASSAGE)
        current = disc.current(r.open)
        if current and current in people.persons and not _clearly_a_person(people.persons[current]):
            current = None  # "Vellcorp is thrilled ...": a firm's name opening sentences speaks no quotation
        entry = disc._entry(r.open)
        if entry is not None:
            # a reverse-order live page: the entry's own last speaker or subject, else the entries below it,
            # which came first (not the entry above, which came later)
            inside = [n for p, n in disc.events if entry[0] <= p < r.open and (
                n == UNNAMED or n in people.persons and _clearly_a_person(people.persons[n]))]
            last = current = inside[-1] if inside else disc._below(entry[1], None)
            if last == UNNAMED:
                last = current = None
            recent = bool(last)
        said = _reported_since(norm, disc, before[1] if before else None, r.open)
        if said and said != last and current in (None, said):
            last, recent = said, True  # 'His grandmother, he said, was nine. "She remembered ..."': the one
            # reported since the last quotation, by a clause of saying, speaks on
        # the only person, when named before the quotation or in its paragraph (a cue no pattern read:
        # '"...," Kamla, a farmer in Ostby, said by phone'), not pages later
        end = r.close if r.close is not None else r.end
        named = only and only.mentions and only.mentions[0] < (doc.paragraph_at(end) or (0, end))[1]
        q.speaker = (last if recent else None) or current or dominant or (only.name if named else None)
    _interpreted(doc, quotes, people)
    _headline_repeats(quotes, people.body_start, norm)
    return disc


_RENDERERS = frozenset({"interpreter", "translator"})


def _renderer(p: Person | None) -> bool:
    """Introduced as an interpreter or a translator, and as nothing else a title names (a minister "speaking
    with an interpreter" is no interpreter)."""
    if p is None:
        return False
    words = {w for t in p.titles for w in t.split()}
    return bool(words & _RENDERERS) and not any(w in titles() for w in words - _RENDERERS)


def _interpreted(doc, quotes, people: People) -> None:
    """(session 34) An interpreter's or a translator's quotations are the words of the one they render ('"This
    affects 1,400 jobs," as Vennemann put it', 'Oberhauser told the hall, in Vennemann's words:', a "she" the
    interpreter's lines made the passage's speaker): the person named in the sentence that introduces the
    interpreter ("listening to Marlene Oberhauser ... while interpreter Clara Vennemann turned it into
    English"), else the one the article quotes most among the others when no one else is quoted as often."""
    renderers = sorted(n for n, p in people.persons.items() if _renderer(p))
    if not renderers or not any(q.speaker in renderers for q in quotes):
        return
    principal = None
    for name in renderers:
        sent = doc.sentence_at(people.persons[name].first)
        near = sorted((pos, n) for pos, n in people.mentions if sent and sent[0] <= pos < sent[1] and
                      n not in renderers and n in people.persons and _clearly_a_person(people.persons[n]))
        if len({n for _, n in near}) == 1:
            principal = near[0][1]
            break
    if principal is None:
        others = Counter(q.speaker for q in quotes if q.speaker and q.speaker not in renderers)
        top = sorted(others.items(), key=lambda kv: (-kv[1], kv[0]))
        principal = top[0][0] if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] > top[1][1]) else None
    if principal is None:
        return
    for q in quotes:
        if q.speaker in renderers:
            q.speaker = principal


_OF_BEFORE = re.compile(r"([\w\-]+)[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?$")
_THAT_BEFORE = re.compile(r"(?<![\w'\u2019-])([a-z][\w\-]*)[^\S\n]+that[^\S\n]+$")


def _named_subject(norm: str, disc: Discourse, lo: int, pos: int) -> str | None:
    """The person the sentence's subject names ("Tor Ek of the Bank of Calder"), else None ("The head of the
    Bank of Calder": a role the article gives no one), never the passage's speaker."""
    m = _subject_re().match(norm, lo, pos) or _RUN.match(norm, lo + len(norm[lo:pos]) - len(norm[lo:pos].lstrip()))
    who = disc.resolve(m.group("who") if "who" in m.groupdict() else m.group(), m.start()) if m else None
    return who if who in disc.people.persons else None


def _inside_subject(text: str, at: int) -> bool:
    """Whether the name at ``at`` follows "of" ("Tor Ek of the Bank of Calder said", "The head of the Central
    Bank of Calder said"): it is inside the subject, not the subject (not after a title's "of": "Minister of
    Foreign Affairs Karl Ostby")."""
    of = _OF_BEFORE.search(text, max(0, at - 40), at)
    return bool(of) and of.group(1).lower() not in titles()


def _relative_that(text: str, at: int) -> bool:
    """Whether the words before ``at`` end in a noun and "that" ("the release of detainees that "): what
    follows is a relative clause, whose subject says nothing quoted after it."""
    m = _THAT_BEFORE.search(text, max(0, at - 40), at)
    return bool(m) and not reporting_verb_re().fullmatch(m.group(1)) and m.group(1) not in _FUNCTION and \
        not m.group(1).endswith(("ed", "ly")) and m.group(1) not in _THAT_CLAUSE_WORDS


# words before a "that" opening a clause of its own, not a relative one: 'The Ledger reports that Roe replied:'
_THAT_CLAUSE_WORDS = frozenset(("so", "such", "now", "is", "was", "are", "were", "reports", "report", "reveals",
                                "shows", "learns", "learnt", "understands", "hears", "heard", "knows", "finds",
                                "found", "means", "recalls", "remembers"))


_ENTRY_TIME = re.compile(r"^[^\S\n]*(\d{1,2})[:.](\d{2})\b(?![:.]\d)", re.MULTILINE)


def live_entries(norm: str) -> list[int]:
    """Where each entry of a live page written newest first starts: lines that open with a time ("12:52",
    "23:47 Now the penalty."), at least three, each no later than the one above it and at least two
    earlier; [] for any other text (a page in time order reads as prose does)."""
    found = [(m.start(), int(m.group(1)) * 60 + int(m.group(2))) for m in _ENTRY_TIME.finditer(norm)
             if int(m.group(1)) < 24]
    if len(found) < 3:
        return []
    times = [t for _, t in found]
    # (past midnight, going down the page: "00:06" then "23:58" is the day before, once)
    steps = [(b - a - 1440 if b - a > 720 else b - a) for a, b in zip(times, times[1:], strict=False)]
    if any(d > 0 for d in steps) or sum(1 for d in steps if d < 0) < 2 or \
            sum(1 for a, b in zip(times, times[1:], strict=False) if b - a > 720) > 1:
        return []
    return [p for p, _ in found]


def _quoted_pronoun(q, m, base: int, disc: Discourse, at: int, quoting: str | None) -> bool:
    """'Hale quoted him as saying "..."', '"...," the interpreter rendered him as saying': the words are the last
    person's before ``at``, other than the one ``quoting`` (an object pronoun is never its own subject), whom
    the article does not give the other gender ('Port director Ilse Varga spoke. Union leader Tom Bale was not
    there. "...," the release quotes her as saying': Varga)."""
    gender = {"him": "m", "her": "f"}.get(m.group("who").lower())
    q.speaker = disc.last_of(at, set(disc.people.persons) - {quoting}, gender)
    q.cue, q.cue_start, q.cue_end = m.group("verb"), base + m.start("verb"), base + m.end("verb")
    return True


def _headline_repeats(quotes, body_at: int, norm: str) -> None:
    """A headline's quotation that names no one ("Tessaly ceasefire 'holding, but only just'") is the words
    of whoever the body quotes saying them: the same words inside a quotation of the body with a speaker."""
    def words(q) -> str:
        return " ".join(WORD_RE.findall(norm[q.start:q.end].lower()))

    for q in quotes:
        if q.speaker or q.start >= body_at:
            continue
        mine = words(q)
        if len(mine.split()) < 2:
            continue
        for later in quotes:
            if later.start >= body_at and later.speaker and f" {mine} " in f" {words(later)} ":
                q.speaker = later.speaker
                break


@lru_cache(maxsize=1)
def _reporting_subject() -> re.Pattern:
    """A subject (he, she, a capitalised name) and a verb of saying right after it ("he said", "Roe added")."""
    return re.compile(rf"(?:^|(?<=[.!?,;:]\s)|(?<=\band\s)|(?<=\n))"
                      rf"(?P<who>\b(?:[Hh]e|[Ss]he)|{CAPW}(?:[^\S\n]+{CAPW}){{0,2}})[^\S\n]*,?[^\S\n]+"
                      rf"(?:also[^\S\n]+)?{reporting_verb_re().pattern}")


def _reported_since(norm: str, disc: Discourse, prev, open_at: int) -> str | None:
    """The person a clause of saying reports between the previous quotation (``prev``, its raw match) and the
    one opening at ``open_at``: the last such clause outside quotation marks, when its subject resolves."""
    lo = (prev.close + 1 if prev.close is not None else prev.end) if prev is not None else max(0, open_at - 400)
    seg = norm[lo:open_at]
    if '"' in seg or not seg.strip():
        return None
    found = None
    for m in sorted([*_reporting_subject().finditer(seg), *_ASKED_SUBJECT.finditer(seg)], key=lambda x: x.start("who")):
        who = disc.resolve(m.group("who"), lo + m.start("who"))
        if who and who in disc.people.persons and _clearly_a_person(disc.people.persons[who]):
            found = who
    return found


# 'Asked about the keeper, Ferreira-Quist leaned forward.': the one asked answers next
_ASKED_SUBJECT = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))Asked\b[^.!?\n\"]{{0,200}}?,[^\S\n]+"
                            rf"(?P<who>(?:[Hh]e|[Ss]he)|{CAPW}(?:[^\S\n]+{CAPW}){{0,2}})(?=[^\S\n]+[a-z])")


_PERSON_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|I|[Ww]e|[Tt]hey)\b")
_NEXT_CLAUSE = re.compile(r";|,[^\S\n]+(?:and|but|while|whereas|yet|so)[^\S\n]")
_PRONOUN_REPORTS = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=,\s))([Hh]e|[Ss]he)[^\S\n]+(?:[a-z]+ly[^\S\n]+|also[^\S\n]+)?"
                              r"(?:said|says|told|tells|added|adds|explained|explains|insisted|insists|argued|"
                              r"argues|noted|notes|warned|warns|promised|promises|stressed|stresses)\b", re.MULTILINE)
_PRONOUN_SUBJECT = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=\n))(He|She)[^\S\n]+(?=[a-z])", re.MULTILINE)


# the subject pronoun of what a person is reported to say ("Roe said she would stay", "Ford told friends that
# he was tired"): an object, a possessive or a pronoun elsewhere after a name is as often someone else's ("Ek
# introduced her", "Roe thanked the king for his support", "Berg met the mayor, and she thanked him")
@lru_cache(maxsize=1)
def _reported_pronoun() -> re.Pattern:
    verb = reporting_verb_re().pattern
    return re.compile(rf"{verb}(?:[^\S\n]+(?:[a-z]+[^\S\n]+)?that)?[^\S\n]+(?P<p>[Hh]e|[Ss]he)(?![\w'\u2019])")


_OWN_PRONOUN = re.compile(r"(?<![\w'\u2019])([Hh]e|[Hh]is|[Hh]im(?:self)?|[Ss]he|[Hh]er(?:self)?)(?![\w'\u2019])")


def _learn_genders(doc, disc: Discourse, spans: list[tuple[int, int]]) -> None:
    """The gender the article's own pronouns give a person, from sentences (outside the quotations) that name
    that person and nobody else: the subject pronoun of what they are reported to say ("Ford said he would
    write", "Roe told reporters that she would stay"), and the pronouns after them where they open the
    sentence as its subject ("Pell, 54, pleaded guilty on the first day of his trial"; not "her" or "him", as
    often another person's, "Roe thanked her", which only tell that someone of that gender is there). A
    person the pronouns of both genders follow, or whose votes are close, learns nothing; so a pronoun of the
    other gender later passes over them ("'...,' she recalled" after Ford spoke is not Ford's)."""
    mentions = disc.people.mentions
    if not mentions:
        return
    starts = [pos for pos, _ in mentions]
    votes: dict[str, list[int]] = {}

    def named_in(s0: int, e0: int) -> set[str]:
        i = bisect.bisect_left(starts, s0)
        return {mentions[k][1] for k in range(i, bisect.bisect_left(starts, e0, i))}

    def outside(x: re.Match) -> bool:
        return not any(a < x.end() and x.start() < b for a, b in spans)

    def vote(name: str, m: int, f: int) -> None:
        if m and f or not (m or f):
            return  # both genders (someone else is meant), or no pronoun
        votes.setdefault(name, [0, 0])[0 if m else 1] += 1

    for s0, e0 in doc.sentences:
        names = named_in(s0, e0)
        if len(names) != 1:
            continue
        first = mentions[bisect.bisect_left(starts, s0)][0]
        found = [x.group("p").lower() for x in _reported_pronoun().finditer(doc.norm, first, e0) if outside(x)]
        vote(next(iter(names)), found.count("he"), found.count("she"))
    for pos, name in disc.people.subjects:
        sent = doc.sentence_at(pos)
        if not sent or named_in(*sent) != {name}:
            continue
        found = [x.group(1).lower() for x in _OWN_PRONOUN.finditer(doc.norm, pos, sent[1]) if outside(x)]
        m = sum(1 for x in found if x in ("he", "his", "himself"))
        f = sum(1 for x in found if x in ("she", "herself"))
        if not ((m and "her" in found) or (f and "him" in found)):  # ("Ras met the mayor, and she thanked him")
            vote(name, m, f)
    for name, (m, f) in sorted(votes.items()):
        if m >= 2 * f + 1 and m > f:
            disc.learn(name, "m")
        elif f >= 2 * m + 1 and f > m:
            disc.learn(name, "f")


def _clearly_a_person(p: Person) -> bool:
    """A title, an age or a description, or a name of two words or more: what a quotation with no cue may be
    given to (a single word with none, "Vellcorp", "Experience", may be a firm or a product the article's
    sentences open with)."""
    return not p.aside and (bool(p.titles) or p.described or len(p.name.split()) > 1)


_OUTLET_REPORTED = re.compile(rf"(?P<who>(?:(?i:the)[^\S\n]+)?{CAPW}(?:[^\S\n]+{CAPW}){{0,4}}|(?i:the)[^\S\n]+[a-z]+)"
                             r"[^\S\n]+(?:first[^\S\n]+)?(?P<verb>reported|reports|wrote|writes)"
                             r"(?:[^\S\n]+that)?[^\S\n]*[,:]?[^\S\n]*$")


def _channel(text: str, at: int) -> bool:
    """Whether the words after 'according to' at ``at`` name how a quotation reached the article (a
    translation, a transcript, an interpreter, a clip: ``_CHANNEL``; or a news outlet), not its speaker."""
    if _CHANNEL.match(text, at):
        return True
    np = re.match(r"[^,.;:!?\n\"]{1,60}", text[at:])
    return bool(np) and _is_outlet(np.group().strip())


def _is_outlet(phrase: str) -> bool:
    """A news outlet by name or form ("the Vell Herald", "Reuters") or a media noun ("the newspaper")."""
    from .attribution import outlet_of, vocab

    v = vocab()
    return bool(outlet_of(phrase, v) or v.media_noun_rx.fullmatch(phrase.split()[-1]))


_JOINT = re.compile(r"[A-Z][\w'\u2019\-]*[^\S\n]+(?:and|&)[^\S\n]+[A-Z]")
# the words before a quotation in its sentence introduce it: "... said of the staff that", "told them:"
# (not a label's colon: 'Claim: "..." - Interior Minister Dag Solheim')
_INTRODUCED = re.compile(r"(?:\bthat|\b(?:said|says|told|tells|wrote|writes|added|adds|declared|declares)\b"
                         r"(?:[^:\n]{0,30}:|(?:[^\S\n]+[\w'\u2019-]+){1,6}))[^\S\n]*$")
# ... or the verb and the subject of the reported clause, no punctuation between: "the minister said construction"
_ENDS_SENTENCE = re.compile(r"[.!?\u2026][\s'\u2019\u201d\"]*$")
# the rest of a reporting clause up to a colon and the next quotation's opening mark
_COLON_NEXT = re.compile(r"[^.!?\"\u201c\u201d\n]{0,80}:[^\S\n]*[\"\u201c]")
# a listener and a clause of its own after "told" ('"..." Ibarra told the Ledger he had heard it before')
_TOLD_CLAUSE = re.compile(r"(?:(?<=told)|(?<=tells))[^\S\n]+(?:the[^\S\n]+)?(?:[A-Z][\w'\u2019-]*"
                          r"(?:[^\S\n]+[A-Z][\w'\u2019-]*){0,2}|him|her|them|us|me|reporters|journalists)[^\S\n]+"
                          r"(?:that[^\S\n]+)?(?:he|she|they|it|we|I|the|a|an|his|her|their)[^\S\n]+[\w'\u2019-]+")
_THAT_NEXT = re.compile(r"[^\S\n]+that\b")
# ... or the subject of a that-less reported clause ('"... of membership." Hrad said the plan was ...'): verbs
# that take no listener as their object ("told the chamber" names whom it was said to)
_SAY_VERBS = frozenset({"said", "says", "added", "adds", "noted", "notes", "stated", "states", "explained",
                        "explains", "argued", "argues", "insisted", "insists", "claimed", "claims", "wrote", "writes",
                        "admitted", "admits", "acknowledged", "acknowledges", "believes", "believed"})
_CLAUSE_NEXT = re.compile(r"[^\S\n]+(?:the|a|an|his|her|their|its|this|these|those|he|she|they|it|we|i)[^\S\n]+"
                          r"[\w\u2019'-]+", re.IGNORECASE)


def _split_rest(norm: str, q0, r0, r) -> bool:
    """Quotation ``r`` opens right after the cue of the quotation ``q0`` before it, on its line, with
    only the cue's clause between them: the second half of one utterance the cue splits."""
    if r0.close is None or q0.cue_start is None or q0.cue_end is None:
        return False
    gap = norm[r0.close + 1:r.open]
    return (r0.close < q0.cue_start and q0.cue_end <= r.open and len(gap) <= 120 and "\n" not in gap
            and gap.rstrip().endswith((",", ":")) and not re.search(r"[.!?;]", gap)
            and not cue_patterns()["before_quoted_as"].search(gap))  # '..., quoting Roe as saying: "..."'



# an indefinite speaker: "A Norland official", "one resident", "another fan" (not "A. Roe", an initial; its
# head must be a common noun: "One Nation leader Pauline Hanson" is named)
_INDEFINITE_WHO = re.compile(r"(?i:an?|one|another|two|three|several|some)[^\S\n]+(?![A-Z]\.)[\w\-][^\n]*?"
                             r"(?<![\w\-])[a-z][\w\-]*$")
# an indefinite subject whose head is a common noun ("a senior Norland official", "another fan"; not "a
# defiant Roe", a name after an adjective), a phrase set off by commas allowed before the verb
_UNNAMED_NP = (r"(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome)[^\S\n]+(?![A-Z]\.)"
               r"(?:[\w\-\u2019']+[^\S\n]+){0,5}?[a-z][\w\-]*"
               # whom the unnamed one serves: "a spokesperson for Jane Roe", "an aide to the mayor"
               # ... or where they are ("one user on Weibo", "a resident in Vell")
               r"(?:[^\S\n]+(?:for|of|to|close[^\S\n]+to|on|at|in|from)[^\S\n]+(?:the[^\S\n]+)?[A-Z][\w\u2019'\-]*"
               r"(?:[^\S\n]+[A-Z][\w\u2019'\-]*){0,3})?"
               r"(?:,[^,\"\u201c\u201d\n]{1,60},)?[^\S\n]+(?:[a-z]+ly[^\S\n]+)?")
_UNNAMED_VERBS = ("said|says|told|tells|added|adds|urged|urges|warned|warns|insisted|insists|explained|explains|"
                  "wrote|writes|noted|notes|recalled|recalls|admitted|admits|quipped|quips|joked|jokes|posted|posts|"
                  "tweeted|tweets|asked|asks|replied|replies|argued|argues|claimed|claims|complained|complains|"
                  "announced|announces|shouted|shouts|yelled|yells|chanted|chants|ordered|orders|cried|cries|"
                  "wondered|wonders|screamed|screams|alleged|alleges|contended|contends|maintained|maintains")
_UNNAMED_VERB = rf"(?P<verb>{_UNNAMED_VERBS})\b"
_UNNAMED_HINT = re.compile(rf"\b(?:{_UNNAMED_VERBS})\b")  # a cheap test before the patterns
# ... or no noun at all, or a body no one names, bare ('"...," another added', '"...," police urged residents')
_UNNAMED_BARE = (r"(?:[Aa]nother|[Oo]thers|[Pp]olice|[Oo]fficials|[Aa]uthorities|[Ww]itnesses|[Rr]esidents|"
                 r"[Rr]escuers|[Aa]nalysts|[Ee]xperts|[Cc]ritics|[Oo]rgani[sz]ers|[Pp]rosecutors|[Dd]octors|"
                 r"[Oo]fficers|[Tt]roopers|[Dd]eputies|[Aa]gents|[Ss]oldiers|[Pp]rotesters|[Ff]ans|[Uu]sers|"
                 r"[Vv]oters|[Ss]upporters"
                 # ... or named by whom they are close to ('People close to the admiral said', '"...," allies of
                 # the mayor said'): the one named after them is no speaker
                 r"|(?:[Pp]eople|[Ss]ources|[Aa]llies|[Aa]ides|[Ff]riends|[Aa]ssociates|[Cc]onfidants|[Rr]elatives|"
                 r"[Ii]nsiders|[Aa]dvis[eo]rs|[Mm]embers|[Oo]fficials|[Ss]upporters)[^\S\n]+"
                 r"(?:close[^\S\n]+to|familiar[^\S\n]+with|of|to|around)[^\S\n]+"
                 r"(?:[\w.'\u2019\-]+[^\S\n]+){0,3}[\w.'\u2019\-]+)"
                 r"[^\S\n]+(?:[a-z]+ly[^\S\n]+)?")
# the same before the quotation ('A Norland official, speaking anonymously, said: "..."', after an opening
# phrase: 'According to AFP, one user on Weibo posted: "..."') and after it
_UNNAMED_BEFORE = re.compile(rf"(?:^|(?<=[.;!?\n]))[^\S\n]*(?:[A-Z][^,\n\"\u201c\u201d]{{1,40}},[^\S\n]+)?{_UNNAMED_NP}{_UNNAMED_VERB}[^\S\n\w]*(?:\w+[^\S\n\w]*){{0,2}}[,:]?"
                             r"[^\S\n]*$")
# ... a body no one names opening the sentence, with the words reported after "that" ('Prosecutors alleged that
# Epstein "..."', 'Police said the driver was "..."')
_GROUP_BEFORE = re.compile(rf"(?:^|(?<=[.;!?\n]))[^\S\n]*(?:[Tt]he[^\S\n]+)?{_UNNAMED_BARE}{_UNNAMED_VERB}(?:[^\S\n]+that)?"
                           r"(?:[^\S\n]+[\w'\u2019\-]+){0,4}[^\S\n]*[,:]?[^\S\n]*$")
# ... or with a longer clause of their own before it, no other verb of saying in it ('The doctors said they
# have a network of volunteers to work with CBP to "..."')
_GROUP_LONG = re.compile(rf"(?:^|(?<=[.;!?\n]))[^\S\n]*(?:[Tt]he[^\S\n]+)?{_UNNAMED_BARE}{_UNNAMED_VERB}"
                         rf"(?:[^\S\n]+(?!(?:{_UNNAMED_VERBS})\b)[\w'\u2019\-,]+){{5,30}}[^\S\n]*$")
# ... opening a sentence, an adverb before it allowed ("Later, an official repeated the point")
_UNNAMED_SUBJECT = re.compile(rf"(?:[A-Z][a-z]+,[^\S\n]+)?{_UNNAMED_NP}(?P<verb>{_UNNAMED_VERBS}|repeated|echoed)\b")
_UNNAMED_AFTER = re.compile(rf"^[^\S\n]*,?[^\S\n]*(?:{_UNNAMED_NP}|{_UNNAMED_BARE}){_UNNAMED_VERB}")
# a body's words after its quotation ('"...," it added', '"...," it said in a statement')
_IT_SAID = re.compile(r"^[^\S\n]*,?[^\S\n]*(?i:it)[^\S\n]+(?:(?:also|then|later)[^\S\n]+)?(?P<verb>said|says|added|adds|"
                      r"stated|states|continued|concluded|noted|notes|warned|warns|wrote|writes)\b")
# a question put to the speaker ('"Will you quit?" Roe is asked.')
_ASKED = re.compile(r"^[^\S\n]*,?[^\S\n]*(?:[\w.\-]+[^\S\n]+){1,4}(?P<verb>(?:is|was|were|are|being|been)[^\S\n]+asked)\b")


def _nobody_named(q, m, base: int, cue: str | None = None) -> bool:
    """The cue ``m`` (its ``verb`` group, ``cue`` for short; ``base`` the offset of the text it matched) names
    nobody: the quotation keeps the cue and no speaker."""
    q.speaker, q.cue = None, cue or m.group("verb")
    q.cue_start, q.cue_end = base + m.start("verb"), base + m.end("verb")
    return True


# a text that says the words: "it", "the statement", "a letter", "the sign" (read, reads, said, states)
_DOCUMENT_WHO = re.compile(r"(?i:it|(?:the|a|an|his|her|their|its)(?:[^\S\n]+[\w\-]+){0,2}?[^\S\n]+"
                           r"(?:statement|letter|note|post|message|sign|banner|placard|notice|text|release|tweet|"
                           r"poster|document|memo|decree|ruling|filing|complaint|indictment|communique|communiqu\u00e9|"
                           r"readout|transcript|caption|headline|editorial))")

# the text that carried a quotation going on with it: '"...," the statement went on'
_TEXT_GOES_ON = re.compile(r"[^\S\n]*,?[^\S\n]*(?i:the|its|their|his|her)[^\S\n]+(?:[\w\-]+[^\S\n]+){0,2}?"
                           r"(?P<noun>statement|letter|release|message|post|note|memo|transcript|remarks|text)[^\S\n]+"
                           r"(?:went[^\S\n]+on|goes[^\S\n]+on|continued|continues|added|adds)\b")

# a name set off by commas after a role: 'said Lund's deputy, Tom Berg, "..."'
_APPOSED_AFTER_ROLE = re.compile(rf"[^\S\n]*,[^\S\n]*(?P<name>{CAPW}(?:[^\S\n]+{CAPW}){{1,3}})[^\S\n]*(?:,|[.;]|$)")


def _apply(q, m, base: int, disc: Discourse, resolve_at: int, open_at: int, colon: bool = False,
           norm: str | None = None) -> bool:
    """Take the cue ``m`` for ``q``; False (nothing set) when its speaker words name nobody, or, for a bare
    colon (``India: "..."``), no person of the article's table."""
    who = m.group("who")
    if _DOCUMENT_WHO.fullmatch(who.strip()) and not colon:
        # '"...," it read', '"...," the statement said': a text's words, no person the article names
        return _nobody_named(q, m, base)
    if _INDEFINITE_WHO.match(who.strip()) and not colon:
        # '"...," a senior official said': someone the article does not name, not the passage's speaker,
        # and the one a pronoun or a further quotation right after it stands for
        _nobody_named(q, m, base)
        disc.add(q.cue_start, UNNAMED)
        return True
    if _not_a_subject(who, m.group("verb")):
        return False
    if who.split()[-1] in ("I", "We", "we"):
        return False  # (session 35) 'So I called her up and said "..."' inside someone's words: no name to give
    # (session 35) '"...," fumed Velichko supporter Dragomir Petrov': the name after the role speaks, not the one
    # the role is of
    role_name = _ROLE_THEN_NAME_WHO.fullmatch(who.strip())
    if role_name and _is_person_word(role_name.group("role")):
        who = role_name.group("name")
    elif norm is not None and who[:1].isupper() and (
            after := _ROLE_NAME_AFTER.match(norm, base + m.end("who"))) and _is_person_word(after.group("role")):
        who = after.group("name")
    # a pronoun after the quotation refers to whoever spoke before it, not to a name inside it
    speaker = disc.resolve(who, min(resolve_at, open_at))
    if speaker is None and norm is not None and not colon and who.split()[0].lower() not in PRONOUNS:
        # the role after the verb is set off by commas with the holder's name: the name speaks
        ap = _APPOSED_AFTER_ROLE.match(norm, base + m.end("who"))
        if ap:
            speaker = disc.resolve(ap.group("name"), ap.start("name"))
    if _who_is_junk(who, speaker, disc.people) or (colon and speaker not in disc.people.persons):
        return False
    if speaker is None and _AGE_ONLY.fullmatch(who.strip()):
        return False  # '"...," the 56-year-old said' with no one of that age named: the passage's speaker
    q.speaker = speaker
    q.cue = m.group("verb") if m.group("verb") != ":" else ":"
    q.cue_start, q.cue_end = base + m.start("verb"), base + m.end("verb")
    if speaker is None and (_speaks_for_another(who) or (
            _described_not_titled(who) and not disc.speech_within(open_at, _RIGHT_AFTER))):
        # '"...," the prime minister's spokesperson said': someone the article does not name, speaking for
        # another, holds the passage now (an unresolved role of the passage's own speaker, "the Liberal
        # leader said", does not: a pronoun after it still means that speaker)
        disc.add(q.cue_start, UNNAMED)
    return True


def _capitalised_inside(norm: str, words: str, sent_start) -> bool:
    """Whether the article writes ``words`` capitalised where no sentence opens ("... of Amazon Music
    Unlimited"): then their first word is part of a name, not a role the sentence's opening capitalised."""
    for m in re.finditer(rf"(?<![\w'\u2019-]){re.escape(words)}(?![\w-])", norm):
        if not _opens_sentence(norm, sent_start(m.start()), m.start()):
            return True
    return False


_ROLE_NAME_AFTER = re.compile(r"[^\S\n]+(?P<role>[a-z]+)[^\S\n]+(?P<name>[A-Z][\w'\u2019-]+(?:[^\S\n]+[A-Z][\w'\u2019-]+){0,2})")
_ROLE_THEN_NAME_WHO = re.compile(r"(?:[A-Z][\w'\u2019-]*\s+)?(?P<role>[a-z]+)\s+(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})")


def _is_person_word(word: str) -> bool:
    """A lower-case noun naming a person ("supporter", "fan", "nurse") or a title word."""
    from .attribution import vocab

    return vocab().person_noun(word) or word in titles()


_AGE_ONLY = re.compile(r"(?i:the)\s+\d{1,3}-year-old")


def _described_not_titled(who: str) -> bool:
    """The speaker words describe someone by what they are, not by a role a person of the article could hold
    ("the refugee", "the source", "the patient"; not "the Liberal leader", which may be the passage's own
    speaker under another title, nor "the production company", a body the article may have named): someone
    the article does not name. (Right after a quotation of someone named, "said the actor" is more likely
    that person's epithet: the caller asks.)"""
    toks = who.lower().split()
    return len(toks) >= 2 and toks[0] in ("the", "this", "that") and toks[-1].isalpha() and \
        toks[-1] not in titles() and toks[-1] not in PRONOUNS and who.split()[-1].islower() and \
        toks[-1] not in _organisation_heads()


def _speaks_for_another(who: str) -> bool:
    """The speaker words are a role that speaks for someone else: a go-between ("the spokesperson", "a
    press secretary") or anyone's role in the possessive ("the minister's aide")."""
    low = " ".join(who.lower().split())
    if not low or low.split()[0] in PRONOUNS:
        return False
    return any(low.endswith(" " + g) or low == g for g in go_betweens()) or bool(
        re.search(r"\w['\u2019]s?\s+(?:[\w-]+\s+){0,2}[\w-]+$", low))
