"""Quote clusters across articles: every rendering of one utterance, its consensus wording, and how
faithful each rendering is to it.

``cluster_quotes(docs)`` returns the ``QuoteCluster``s carried by two articles or more and sets, on each
``Quote`` of each doc, ``cluster`` (its primary cluster; None for a quote no other article carries:
uncorroborated), ``fidelity`` (0..1, None when uncorroborated) and ``differences`` (typed, see below).

**Utterance units.** What is clustered is not a quotation but each of its *units*: the sentences inside
it (split at ``. ! ? ; ...`` before a new sentence; a piece under three words stays with its neighbour),
and the clause before a colon when both sides have ``CLAUSE_MIN`` words ("Let me be clear: ..."). Words
elided inside one sentence ("build bridges... uniting us", the next word in lower case) do not cut it.
One outlet quotes three sentences in one quotation where others quote them one by one, so one quotation
may belong to several clusters. Each cluster member is a unit (``members[i]``: ``article``, ``quote``
(index into the article's quotes), ``unit``, ``start``/``end`` (the unit's span), ``quote_start``/
``quote_end``, ``text``, ``fidelity``, ``differences``). A quotation's ``cluster`` is its *primary*
cluster: that of its first unit that another article carries, or none when its opening unit (of
``LEAD_UNIT_WORDS`` words or more: what it is quoted for) is carried by no other article. Quotations of a kind
that is not the speaker's own words (``SKIP_KINDS``: scare quotes, spans reporting their speaker in the
third person) are not clustered.

**Sentences.** The clusters of the clauses of one sentence (units cut at a colon or at a comma before a
second main clause) that ``SENTENCE_GROUP_MIN`` articles or more quote side by side are joined into one,
the utterance: an outlet printing "Some of the warnings came too late" and another printing "I will not
pretend otherwise" render one sentence of the speech. Each member keeps the fidelity its own clause's
consensus gave it; the joined consensus is the clauses' in the quotations' order. A sentence's end between
two units (a full stop, a semicolon, an ellipsis) never joins them.

**Matching two units.** News renderings of one utterance are cut, reordered, paraphrased and, for a
speech given in another language, translations of translations ("we will stand with you for as long as
it takes" / "for as long as it takes, we stand by you"). In the spirit of MemeTracker's phrase graph
(Leskovec et al., KDD 2009) a unit is matched by the *content words* it shares with another, weighted by
their rarity among all units (IDF) and stemmed (the first five letters of the Snowball stem: "heal" and "healing"
meet). The score is the larger of

* the weighted Jaccard overlap of the two sets (blind to word order), and
* the weighted containment of the smaller in a local stretch of the larger (an excerpt of 3 to 6 words
  inside a full rendering), in full only when three content words are shared; an excerpt of three
  content words or fewer must also align in order with the stretch (rapidfuzz ``partial_ratio`` of the
  stems >= ``EXCERPT_ALIGN``), so two common words do not make an excerpt,

scaled by ``SPEAKER_FACTOR`` when both units name different speakers, and by ``SCATTERED_FACTOR`` when they
share ``FEW_SHARED`` content words or fewer and no two of them stand together in both (side by side or
across a determiner: "strong support", "rebuild the harbour"): a few common words scattered in two sentences
are weak evidence.

**Clustering without comparing all pairs.** Units are visited longest first, full quotations before
partial ones. Each cluster is indexed under the content words of its representatives (its first
``SEED_REPS`` members and later ones that widen its words by ``WIDEN``, up to ``MAX_REPS``); a unit is
scored against the clusters found through that index (its rarest words first until ``BUDGET`` postings
are read, and every shared word under its speaker; for a unit of ``NEAR_WORDS`` content words or fewer,
also the ``NEAR_CANDIDATES`` clusters whose representatives are nearest it in weight, or a short greeting
never meets its own among the many clusters sharing its one word) and joins the best one above ``THRESHOLD`` that holds
no other unit of its article (a repeat or excerpt of the same words excepted, or the same content words
with the other's words kept in order: "Peace be with you" / "Peace be with all of you"). A merge pass joins
a cluster to a larger one its leader matches (wider blocking, ``MERGE_BUDGET``; a cluster of
``SMALL_CLUSTER`` units or fewer is compared with every distinct member of the candidate, not only its
representatives).

**Excerpts: a last pass.** A partial quote of ``EXCERPT_MIN``-``EXCERPT_MAX`` words goes to the cluster of
the longer unit of another quotation that contains it, read with its function words ("one way or the
other"): the best aligned (rapidfuzz ``partial_ratio`` of the lower-cased words >= ``EXCERPT_MATCH``), ties
to the *shortest* containing unit (where those words are closest to a sentence of their own: an outlet that
quoted "One way or the other, we will get it" as a sentence, rather than the long sentence ending with
them), then to the larger cluster. A term of one or two words ("unstoppable") goes only to a cluster whose
units carry it word for word when no other cluster does. Candidates come from the word index
(``EXCERPT_CLUSTERS`` clusters, ``EXCERPT_MEMBERS`` distinct units each), never from all units.

**Translations: a second pass on the units left alone.** A unit no other article matched is compared
with scikit-learn TF-IDF vectors (character n-grams of its content words, and word uni- and bigrams)
against the representatives of clusters *of the same speaker* (the block; units with no speaker are
compared with everything when the corpus is small, ``RESCUE_ALL``), and within the block only with the
clusters sharing a word stem with one of its units; each block is vectorised on its own (its vocabulary and
IDF), so memory follows the block, not the corpus. It joins a cluster when the cosine is
at least ``RESCUE_HIGH``, or at least ``RESCUE_LOW`` and the alignment of the quotations agrees: a
neighbouring unit of its quotation belongs to the cluster of the neighbouring unit on the same side of
the candidate (the way sentences are aligned in a parallel text). Both floors were measured on the
development set (README-quotes.md).

**Consensus.** A primary source outranks the majority: a unit from a transcript the speaker's side
published, or from a rendering marked as the prepared text (``PRIMARY``), is the consensus where one is
present, whole. Otherwise the medoid: the full rendering with the highest summed word-level similarity
to the other members (rapidfuzz Indel on stems), ties to the longer, a statement always preferred to a
yes/no question (a statement turned into a question stays the least faithful rendering however the
votes split), of the parity of negations most full renderings hold when three or more vote (a dropped "no"
is the change, however close the rest of its words), trimmed to the stretch that at least one other
rendering also carries.

**Fidelity** of a unit, 0..1: it is aligned word by word with the consensus (matching blocks of a longest
common subsequence of stems, rapidfuzz ``LCSseq``; Levenshtein opcodes for the edits inside; a window
reaches to an edge where the rendering and the consensus both end, or both begin, with a few words of
their own, ``EDGE_WORDS``: "calm and bright" / "... calm and clear" replaces a word, it does not stop short), and

    fidelity = 1 - word edits in the window / window length     (not for a translated speech: see below)
               - 0.30 polarity flip (a negated predicate on one side only: "would not want" / "would like")
               - 0.10 weak negation ("no", "without", "lack of": rules/data/weak_negators.txt)
               - 0.15 statement turned into a question (or back)
               - 0.20 a number changed, 0.20 a name changed, 0.20 a cut clause that carried a condition
               - 0.20 a verb's time changed: the future told as past or perfect, or back ("we will open" /
                 "we opened", "will be reopened" / "was reopened"; rules/data/tense.yaml)
               - 0.20 a hedge dropped or added: a possibility told as fact, or back ("it is possible that the number
                 will change" / "it is certain that ..."; "may show" / "show": the word the hedge governs on both sides)
               - 0.10 words added inside the shared stretch (translated speech only; otherwise an edit)
               - 0.05 / 0.15 another remark joined on with / without an ellipsis
    then, when the meaning changed (a polarity flip, a question, a number, a name, a condition, a tense, a hedge),
    x 0.5: a changed meaning ranks below any choice of words, however many words the choice changes

**Polarity by vote.** A clause outside the stretch the consensus keeps can still be turned round ("our
patience is unlimited" where the others print "is not unlimited", "has its limits", "is not endless"): each
clause of each rendering (cut at a semicolon, a colon, a dash, a comma before a conjunction) is compared with
the clause of every other article's rendering that shares most of its content stems (``VOTE_OVERLAP``); when
at least ``VOTE_MIN`` of them, and ``VOTE_SHARE`` of those compared, have the other parity of negations, it is
a ``negation`` difference (``vote``: against, for), a change of meaning. A word negated by its form counts
as a negation and stands for its base ("unlimited", "endless"; a verb in un- only where the renderings carry
its base: "unveiled" reverses, it does not negate).

Negation idioms ("without delay", "not only": ``negation_idioms.txt``) do not count as negators. A number
spelled in words or in digits is one number ("ten years" / "10 years", "1,000" / "1000").
**Translated speech**: when the article says so (``translated``, ``interpreter``, ``speaking in
Ukrainian``, ...: ``_TRANSLATED``, ``_SPOKE_IN``), when another article says it of the same speaker, or
when most of a cluster's full renderings share under ``DIVERGENT`` of their words with the consensus while
none differs in meaning, every rendering is a translation: synonyms and word order cost nothing, only the
meaning changes above do. A quotation's fidelity is the lowest of its units'.

**Differences** (dicts with ``type``, ``rendering`` and ``consensus`` words, ``start``/``end`` in the
article when they are the rendering's own words): ``substitution``, ``cut``, ``addition``, ``negation``
(``weak`` when it rests on a weak negator), ``question``, ``number``, ``name``, ``condition``, ``tense``,
``stitched``, ``paraphrase`` and ``translated`` (recorded, not penalised).

**Determinism.** Nothing here depends on the interpreter's hash seed or the order of the input: floating
IDF weights are integers (``WEIGHT_SCALE`` units), so their sums are exact whatever the order; sets are sorted before their order can matter,
ties are broken by article id and position, and cluster ids are content hashes.
"""

from __future__ import annotations

import gc
import hashlib
import math
import re
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, LCSseq, Levenshtein

from ..models import QuoteCluster
from ..text.document import WORD_RE
from ..text.normalize import normalize
from ..text.speakers import (  # _REGNAL: "Leo XIV", the number is part of the name
    _REGNAL,
    _adjective_like,
    inner_words,
    same_roles,
    titles,
)
from ..vocab import cached, load_mapping, load_phrases

THRESHOLD = 0.42
SEED_REPS = 3  # the first renderings of a cluster are always its representatives
MAX_REPS = 12  # more become representatives only when they widen the cluster's words ...
WIDEN = 3  # ... by this many content words at least (another part of the speech, not a substitution)
REPS_TRIED = 3  # a rendering is scored against the representatives sharing most of its words
MAX_POSTING = 400  # a word carried by more clusters is too common to block on (alone; with the speaker it is not)
BUDGET = 150  # a rendering blocks on its rarest words, until this many postings are read
MERGE_BUDGET = 1000  # ... and in the merge pass on more of them
MAX_CANDIDATES = 8
SMALL_CLUSTER = 3  # in the merge pass, a cluster this small is compared with every distinct member of a candidate
NEAR_CANDIDATES = 4  # ... and this many more: those whose representatives are closest to it in weight,
NEAR_WORDS = 3  # ... for a unit of this many content words or fewer
GOOD_ENOUGH = 0.85  # a representative this close settles the score of its cluster
MEDOID_POOL = 8
MIN_UNIT_WORDS = 3
_COORDINATORS = frozenset({"and", "but", "yet", "so"})
_CLAUSE_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "it", "they", "that", "this", "there", "these",
                              "those"})
_PERSONAL_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they"})
CLAUSE_MIN = 4  # a colon separates two units when each side has this many words
FEW_SHARED = 3  # units sharing this many content words or fewer ...
SCATTERED_FACTOR = 0.65  # ... count this share of their similarity when no two-word run is shared
SPEAKER_FACTOR = 0.7  # the similarity of two units attributed to different speakers is scaled by this
EXCERPT_WORDS = 8  # a partial quote this short is an excerpt (several may come from one sentence of one article)
EXCERPTS_SHARE = True  # a piece of a quotation shorter than this stays with its neighbour
CONTAIN_MIN = 0.5  # a unit of 4+ content words is contained only when this share (IDF weight) of it is in the larger
EXCERPT_ALIGN = 75  # an excerpt of <= 3 content words must align in order (partial_ratio of stems)
EXCERPT_MIN, EXCERPT_MAX = 3, 6  # a partial quote of this many words is placed by the excerpt pass
EXCERPT_MATCH = 84  # ... where its words (function words included) align this well (rapidfuzz partial_ratio)
EXCERPT_CLUSTERS = 12  # ... looking into this many clusters sharing its content words
EXCERPT_MEMBERS = 16  # ... and this many distinct units of each
RESCUE_HIGH = 0.55  # TF-IDF cosine at which a lone unit joins a cluster of its speaker
RESCUE_LOW = 0.30  # ... or this, when a neighbouring unit agrees (alignment of the quotations)
RESCUE_REPS = 4  # a lone unit is compared with this many representatives of each cluster
RESCUE_ALIGN = 80  # ... or, for a unit of the same speaker, when the whole words align this well (rapidfuzz ratio)
RESCUE_SHARED = 0.6  # ... and share this share of the smaller unit's content stems (two at least)
RESCUE_MIN_WORDS = 3  # a lone unit with fewer content words is not rescued (one shared word would decide)
RESCUE_ALL = 20000  # units without a speaker are compared with every cluster up to this many representatives
DIVERGENT = 0.6  # renderings sharing less of their words than this with the consensus: a translation
SKIP_KINDS = frozenset({"scare", "reported", "third-person", "indirect", "narrative"})
METHOD = ("utterance units (sentences) clustered by content-word overlap (IDF, Snowball prefix stems, local containment), "
          "longest-first leader clustering blocked on rare words and speaker, merge pass, TF-IDF (char and word "
          "n-grams) rescue within the speaker aligned on neighbouring units; consensus = primary source, else "
          "trimmed medoid preferring statements; fidelity = word alignment with typed differences")

_TRANSLATED = re.compile(
    r"\b(?:translat(?:ed|ion|ing|or)|interpret(?:ed|er|ers|ing|ation)|voice-?over|dubbed)\b", re.IGNORECASE)
_LANGUAGES = (r"Ukrainian|Russian|French|German|Spanish|Italian|Polish|Dutch|Arabic|Chinese|Mandarin|Japanese|"
              r"Korean|Turkish|Persian|Farsi|Hebrew|Hindi|Portuguese|Romanian|Hungarian|Czech|Greek|Swedish|"
              r"Finnish|Danish|Norwegian|Serbian|Croatian|Bulgarian|Georgian|Armenian|Belarusian|Lithuanian|"
              r"Latvian|Estonian|Slovak|Slovenian|Urdu|Bengali|Indonesian|Vietnamese|Thai|Swahili")


def _spoke_in(languages: str = _LANGUAGES) -> re.Pattern:
    """A sentence saying the speaker spoke one of ``languages`` (an alternation)."""
    return re.compile(
        r"\b(?i:speaking|spoke|speaks|said|told\s+\w+|addressed\s+\w+|address|remarks|speech|announcement|"
        r"statement)\s+(?:\w+\s+)?in\s+(?:" + languages + r")\b|\b(?:in|from)\s+(?:the\s+)?(?:" + languages +
        r")(?:-language)?\s+(?:original|remarks|speech|address)\b")


_SPOKE_IN = _spoke_in()
# a capitalised word the text itself uses as a language: translated from it, interpreted into it, an
# "X-language" edition, "in X and English" ("Translated from Dravenskan by the English desk", "live with
# interpretation into Velmoran"): the languages of an invented or unlisted country are found in the corpus
_NAMED_LANGUAGE = re.compile(
    r"\b(?i:translat(?:ed|ion|ions)|interpret(?:ed|ation))\s+(?:\w+\s+){0,2}?(?i:from|into)\s+(?:(?i:the|its|their|his|"
    r"her)\s+)?([A-Z][a-z]{3,})\b|\b([A-Z][a-z]{3,})-language\b|\bin\s+([A-Z][a-z]{3,})\s+and\s+English\b|"
    r"\bin\s+English\s+and\s+([A-Z][a-z]{3,})\b")


def corpus_languages(docs) -> str:
    """The language alternation for ``_spoke_in``: the built-in list and the words the corpus's texts use as
    languages (``_NAMED_LANGUAGE``), outside quotations, in sorted order."""
    known = set(_LANGUAGES.split("|"))
    found: set[str] = set()
    for d in docs:
        for m in _NAMED_LANGUAGE.finditer(d.norm):
            w = next(g for g in m.groups() if g)
            if w not in known and w != "English" and not any(q.start <= m.start() < q.end for q in d.quotes):
                found.add(w)
    return "|".join([_LANGUAGES, *sorted(found)])
PRIMARY = re.compile(
    r"\b(?:as\s+prepared\s+for\s+delivery|check\s+against\s+delivery|prepared\s+(?:remarks|text|speech)|"
    r"(?:full|official)\s+(?:text|transcript)|transcript\s+of|text\s+of\s+(?:the|his|her|their)\s+"
    r"(?:speech|address|remarks|statement)|speech\s+as\s+delivered)\b", re.IGNORECASE)
_TRANSCRIPT_HEAD = re.compile(r"\b(?:transcript|remarks\s+by|speech\s+by|address\s+by|statement\s+by)\b",
                              re.IGNORECASE)
_CONDITION = frozenset({"if", "unless", "provided", "providing", "until", "whether", "condition", "conditions",
                        "conditional"})
_NUMBER_WORDS = frozenset({"zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleve",
                           "twelv", "twent", "thirt", "forti", "fifti", "sixti", "ninet", "hundr", "thous", "milli",
                           "billi", "trill", "half", "dozen", "fifte"})  # stems (``stem``)
_SMALL_NUMBERS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())} | {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
                                                     "seventy": "70", "eighty": "80", "ninety": "90"}


_ORDINALS = {w: str(i) for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)} | {"thirtieth": "30"}


_ABBREV = frozenset({"mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "prof", "jr", "sr",
                     "no", "vs", "etc", "inc", "ltd", "co", "jan", "feb", "aug", "sept", "oct", "nov", "dec"})
_DETERMINERS = frozenset({"the", "a", "an", "our", "their", "its", "his", "her", "your", "this", "that", "these",
                          "those", "my"})
_SENT_END = re.compile(r"[!?;\u2026]|\.\.\.")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(w.lower() for w in load_phrases("quote_stopwords"))


@lru_cache(maxsize=1)
def _negators() -> frozenset[str]:
    return frozenset(w.lower() for w in load_phrases("negators"))


@lru_cache(maxsize=1)
def _weak_negators() -> frozenset[str]:
    return frozenset(w.lower() for w in load_phrases("weak_negators"))


@lru_cache(maxsize=1)
def _hedge_modals() -> frozenset[str]:
    return frozenset(w.lower() for w in load_phrases("hedge_modals"))


@lru_cache(maxsize=1)
def _idioms() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The negation idioms by their first word (only positions starting with one are tried)."""
    by: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for idiom in sorted({tuple(p.lower().split()) for p in load_phrases("negation_idioms") if p.strip()}):
        by[idiom[0]].append(idiom)
    return {k: tuple(v) for k, v in by.items()}


def _plain(word: str) -> str:
    """A word lower-cased with a curly apostrophe made straight ("We\u2019ll" -> "we'll")."""
    return word.lower().replace("\u2019", "'")


@dataclass(frozen=True)
class _Tense:
    """The word lists of rules/data/tense.yaml, read once."""
    future: frozenset  # future markers of one word ("will")
    future_pairs: frozenset  # of two ("going to"), as word pairs
    past_aux: frozenset
    subordinate: frozenset
    modals: frozenset
    irregular: dict  # irregular past or participle -> base form


@cached
def _tense() -> _Tense:
    m = load_mapping("tense")
    fut = [_plain(str(w)) for w in m.get("future", [])]
    words = {k: frozenset(_plain(str(w)) for w in m.get(k, []) or []) for k in ("past_aux", "subordinate", "modals")}
    return _Tense(frozenset(w for w in fut if " " not in w), frozenset(tuple(w.split()) for w in fut if " " in w),
                  irregular={str(k).lower(): str(v).lower() for k, v in sorted((m.get("irregular") or {}).items())},
                  **words)


def _timeless(ws: list[str], i: int) -> bool:
    """Whether the verb at ``i`` has a form that does not tell when: up to three words after a subordinator
    ("until we have brought", "once we opened"), or a modal perfect ("could have prevented", "could've
    prevented")."""
    t = _tense()
    before = [_plain(w) for w in ws[max(0, i - 3):i]]
    if any(w in t.subordinate for w in before):
        return True
    if before and before[-1].endswith("'ve") and before[-1][:-3] in t.modals:
        return True
    return len(before) >= 2 and before[-1] == "have" and before[-2] in t.modals


_VERB_PREFIXES = ("re", "over", "under", "out", "mis", "with", "up", "fore")


def _irregular_base(w: str) -> str | None:
    """The base form of an irregular past or participle of tense.yaml, prefixed or not ("rebuilt": rebuild)."""
    irregular = _tense().irregular
    if w in irregular:
        return irregular[w]
    for p in _VERB_PREFIXES:
        if w.startswith(p) and w[len(p):] in irregular:
            return p + irregular[w[len(p):]]
    return None


def _is_past(w: str) -> bool:
    """A past or past-participle form: an irregular one (tense.yaml), or a regular ``-ed`` ending ("opened",
    not "need" or "red")."""
    return _irregular_base(w) is not None or (len(w) >= 5 and w.endswith("ed") and not w.endswith("eed"))


def _marked(ws: list[str], i: int, future: bool) -> bool:
    """Whether the verb at ``i`` has a future marker (``future``) or a past auxiliary one or two words
    before it."""
    t = _tense()
    before = [_plain(w) for w in ws[max(0, i - 2):i]]
    if future:
        return any(w in t.future or w.endswith("'ll") for w in before) or tuple(before) in t.future_pairs
    return any(w in t.past_aux or w.endswith("'ve") for w in before)


_SUBJECTS = frozenset({"i", "we", "you", "they"})


def _base_of(base: str, past: str) -> bool:
    """Whether ``base`` is the bare form of the past ``past`` ("open"/"opened", "carry"/"carried",
    "stop"/"stopped", "build"/"built")."""
    irregular = _irregular_base(past)
    if irregular is not None:
        return base == irregular
    if not past.endswith("ed"):
        return False
    stems = {past[:-2], past[:-1]}
    if past.endswith("ied"):
        stems.add(past[:-3] + "y")
    if len(past) > 4 and past[-3] == past[-4]:
        stems.add(past[:-3])
    return base in stems


def _verb_place(ws: list[str], i: int, past: bool) -> bool:
    """Whether the word at ``i`` stands where a finite verb or an infinitive does: first in the unit (the
    quotation goes on from a reporting clause: he said he "opened ..."), after a subject pronoun, after a
    past auxiliary (``past``), or after "to" or a modal (the bare form)."""
    if i == 0:
        return True
    prev = _plain(ws[i - 1])
    if prev in _SUBJECTS:
        return True
    if past:
        return prev in ("he", "she", "it") or _marked(ws, i, False)
    return prev == "to" or prev in _tense().modals


def tense_change(rws: list[str], cws: list[str], pairs) -> tuple[int, int, bool] | None:
    """The first aligned pair of words (rendering index, consensus index) where one side puts in the past
    or perfect the verb the other has in the future, and whether the rendering is the past side ("we
    opened a channel" / "we will open a channel"), or where neither is future and one side has in the past
    what the other has in its bare form, both in a verb's place ("opened a channel" / "open a channel");
    the two must be forms of one verb, and the past side must carry no future marker of its own ("will have
    opened" is future); a verb after a subordinator or in a modal perfect is not compared (``_timeless``)."""
    for ri, ci in pairs:
        a, b = rws[ri].lower(), cws[ci].lower()
        pa, pb = _is_past(a), _is_past(b)
        if not (pa or pb) or stem(_irregular_base(a) or a) != stem(_irregular_base(b) or b):
            continue
        if _timeless(rws, ri) or _timeless(cws, ci):
            continue
        fa, fb = _marked(rws, ri, True), _marked(cws, ci, True)
        if fa == fb:
            # neither side future: a past in a verb's place against the bare form of the same verb in a verb's
            # place ("opened a channel" / "open a channel", "we built" / "we build"); not "a united front"
            if not fa and pa != pb:
                past, pi, base, bi = (rws, ri, cws, ci) if pa else (cws, ci, rws, ri)
                if (_base_of(base[bi].lower(), past[pi].lower()) and _verb_place(past, pi, past=True)
                        and _verb_place(base, bi, past=False)):
                    return ri, ci, pa
            continue
        if a != b and pa != pb and (pa and fb or pb and fa):
            return ri, ci, pa
        # the same participle, future on one side and past on the other ("will be opened" / "was opened")
        if a == b and pa and (fb and _marked(rws, ri, False) or fa and _marked(cws, ci, False)):
            return ri, ci, fb
    return None


def is_negator(word: str) -> bool:
    w = _plain(word)
    return w in _negators() or w.endswith("n't")


@lru_cache(maxsize=1)
def _snowball():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@cached
def synonym_keys() -> dict[str, str]:
    """Stem -> the key of its synonym group (``synonyms.yaml``: words translators put for one another,
    "talks = negotiations"); the key is the group's first word's stem. A stem in two groups keeps the first."""
    out: dict[str, str] = {}
    for line in load_phrases("synonyms"):
        words = [w.strip() for w in str(line).split("=") if w.strip()]
        if len(words) < 2 or any(" " in w for w in words):
            continue
        key = stem(words[0])
        for w in words:
            out.setdefault(stem(w), key)
    return {k: v for k, v in out.items() if k != v}


@cached
def antonym_stems() -> dict[str, frozenset[str]]:
    """Stem -> the stems of its opposites (``antonyms.yaml``: "rise, fell, ... | fall, fell, ..."); a stem
    on both sides of one pair is dropped from it (it cannot tell the two apart)."""
    out: dict[str, set[str]] = defaultdict(set)
    for line in load_phrases("antonyms.pairs"):
        left, sep, right = str(line).partition("|")
        if not sep:
            continue
        a = {stem(w.strip()) for w in left.split(",") if w.strip() and " " not in w.strip()}
        b = {stem(w.strip()) for w in right.split(",") if w.strip() and " " not in w.strip()}
        a, b = a - b, b - a
        for x in a:
            out[x] |= b
        for x in b:
            out[x] |= a
    return {k: frozenset(v) for k, v in out.items()}


def antonym_pair(rws: list[str], cws: list[str]) -> tuple[str, str] | None:
    """A word of ``rws`` that is the opposite of a word of ``cws`` ("fallen" / "risen"), as (rendering's,
    consensus's); None when none is, or when a stretch is longer than ANTONYM_SPAN words."""
    if not rws or not cws or len(rws) > ANTONYM_SPAN or len(cws) > ANTONYM_SPAN:
        return None
    opp = antonym_stems()
    cst = [(stem(w), w) for w in cws]
    for w in rws:
        o = opp.get(stem(w))
        if o:
            for s, cw in cst:
                if s in o:
                    return w, cw
    return None


ANTONYM_SPAN = 3  # an antonym is read only in a substitution of at most this many words a side


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The first five letters of the word's Snowball stem: inflections and derivations meet ("heal" and
    "healing", "unite" and "united", "economy" and "economic") where a bare five-letter prefix kept the short
    ones apart."""
    w = _plain(word)
    if w.endswith("'s"):
        w = w[:-2]
    if w in _SMALL_NUMBERS and w != "one":  # "ten" and "10" are one word to both the clustering and fidelity
        return _SMALL_NUMBERS[w]  # ("one" is also a pronoun: "no one", "the one who")
    return "not" if is_negator(w) else _snowball().stemWord(w)[:5]


WEIGHT_SCALE = 1 << 20  # IDF weights are kept as integers in these units: sums are exact, whatever the order


def _fsum_idf(idf: dict, terms) -> float:
    """The IDF weight of a set of terms; exact (integer units), so independent of the set's order."""
    return sum(idf.get(t, WEIGHT_SCALE) for t in terms) / WEIGHT_SCALE


@dataclass(slots=True, eq=False)
class Rendering:
    """One utterance unit of one quotation as the clustering sees it. Kept lean (a corpus holds hundreds of
    thousands): the words are offsets into the article's normalised text, read back on demand."""

    doc_i: int
    quote_i: int
    article: str
    quote: object
    text: str  # the article's normalised text (shared, not copied)
    offsets: array  # start, end of each word in ``text``
    stems: tuple[str, ...]
    questions: tuple[int, ...]  # indices of the words a question mark follows
    content: frozenset[str]
    speaker: str | None
    full: bool
    ellipses: tuple[int, ...] = ()  # word indices an ellipsis precedes
    weight: float | None = None  # IDF weight of ``content``, set by the Scorer
    unit_i: int = 0
    n_units: int = 1
    start: int = 0  # the unit's span in the article
    end: int = 0
    primary: bool = False  # from a transcript or the prepared text
    neg: tuple[int, ...] = ()  # word indices of negators that count (idioms left out)
    # the stems as the clustering compares them: a word of a synonym group (synonyms.yaml) becomes its
    # group's key, so two translations' "talks" and "negotiations" meet; fidelity compares ``stems``
    keys: tuple[str, ...] = ()
    names: frozenset[str] = frozenset()  # the content keys of capitalised words not opening the unit
    opening_only: bool = False  # joined its cluster by its opening clause alone (``opening_pass``)

    def __post_init__(self) -> None:
        if not self.keys:  # no synonym in the unit: the clustering compares the stems themselves
            self.keys = self.stems

    @property
    def size(self) -> int:
        return len(self.stems)

    @property
    def words(self) -> list[tuple[str, int, int]]:
        """(word, start, end) in the article text, for each word."""
        o, t = self.offsets, self.text
        return [(t[o[i]:o[i + 1]], o[i], o[i + 1]) for i in range(0, len(o), 2)]

    @property
    def qmark(self) -> list[bool]:
        """For each word: a question mark follows it."""
        out = [False] * len(self.stems)
        for i in self.questions:
            out[i] = True
        return out

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.article, self.quote.start, self.unit_i)


def _unit_bounds(words: list[tuple[str, int, int]], text: str, raw: str) -> list[tuple[int, int]]:
    """Word index ranges [a, b) of the units of a quotation: split where a sentence ends inside it."""
    cuts = [0]
    for i in range(len(words) - 1):
        e, s = words[i][2], words[i + 1][1]
        gap = text[e:s]
        if not gap.strip():
            if words[i + 1][0].lower() in ("and", "but") and i + 2 < len(words) and \
                    words[i + 2][0].lower() in _PERSONAL_SUBJECTS and CLAUSE_MIN <= i + 1 - cuts[-1] and \
                    len(words) - i - 1 >= CLAUSE_MIN + 1:
                # (session 33) a second main clause with its own subject, no comma ("I am responsible for this
                # result and I will not hide behind anyone"): other outlets print the two as sentences
                cuts.append(i + 1)
            continue
        nxt = words[i + 1][0]
        ellipsis = "..." in gap or "\u2026" in raw[e:s]
        if ellipsis and nxt[:1].islower() and not re.search(r"[!?;]", gap):
            continue  # words elided inside one sentence ("build bridges... uniting us"): still one unit
        if _SENT_END.search(gap) or ellipsis:
            cuts.append(i + 1)
        elif ":" in gap and CLAUSE_MIN <= i + 1 - cuts[-1] and len(words) - i - 1 >= CLAUSE_MIN:
            cuts.append(i + 1)  # a clause introducing the rest ("Let me repeat it: ...") is a unit of its own
        elif re.search(r"[,;]", gap) and i + 2 < len(words) and nxt.lower() in _COORDINATORS and \
                words[i + 2][0].lower() in _CLAUSE_SUBJECTS and CLAUSE_MIN <= i + 1 - cuts[-1] and \
                len(words) - i - 1 >= CLAUSE_MIN + 1:
            # a second main clause joined by a comma and a conjunction ("..., and that is why we ..."):
            # other outlets often print the two as sentences of their own
            cuts.append(i + 1)
        elif "." in gap and nxt[:1].isupper() and len(words[i][0]) > 1 and words[i][0].lower() not in _ABBREV:
            cuts.append(i + 1)
    cuts.append(len(words))
    units = [[cuts[k], cuts[k + 1]] for k in range(len(cuts) - 1) if cuts[k + 1] > cuts[k]]
    merged: list[list[int]] = []
    for u in units:  # a piece under MIN_UNIT_WORDS stays with the previous unit
        if merged and u[1] - u[0] < MIN_UNIT_WORDS:
            merged[-1][1] = u[1]
        else:
            merged.append(u)
    if len(merged) > 1 and merged[0][1] - merged[0][0] < MIN_UNIT_WORDS:
        merged[1][0] = merged[0][0]
        merged.pop(0)
    return [(a, b) for a, b in merged]


_IDIOM_FILLERS = frozenset({"any", "the", "a", "further", "undue", "slightest", "much", "real", "unnecessary"})


def _negator_positions(low: list[str]) -> tuple[int, ...]:
    """Indices of the negators that count among lower-cased words (idioms such as "without delay" left out)."""
    neg = _negators()
    found = [i for i, w in enumerate(low) if w in neg or w.endswith(("n't", "n\u2019t"))]
    if not found:
        return ()
    skip: set[int] = set()
    idioms = _idioms()
    for i, w in enumerate(low):
        for idiom in idioms.get(w, ()):
            n = len(idiom)
            if tuple(low[i:i + n]) == idiom:
                skip.update(range(i, i + n))
                continue
            # a filler or two may follow the idiom's first word: "without any delay", "without the slightest doubt"
            j = i + 1
            while n > 1 and j < len(low) and j - i <= 2 and low[j] in _IDIOM_FILLERS and low[j] != idiom[1]:
                j += 1
            if n > 1 and j > i + 1 and tuple(low[j:j + n - 1]) == idiom[1:]:
                skip.update(range(i, j + n - 1))
    return tuple(i for i in found if i not in skip)


# the words of a quotation, a number with its decimal point or thousands separator one word ("2.3 million" against
# "3.2 million" is a changed number, not the same two digits in another order; "1,000" is "1000")
_QUOTE_WORD_RE = re.compile(r"\d+(?:[.,]\d+)+(?![\w])|[^\W_]+(?:['\-][^\W_]+)*", re.UNICODE)


def _renderings(doc, doc_i: int, quote_i: int, q, primary: bool, shared: dict | None = None) -> list[Rendering]:
    """The units of quote ``q``; ``shared`` (a dict kept across calls) lets units with the same words share
    their stems and content set."""
    text, raw = doc.norm, doc.text
    found = [(m.group(), m.start(), m.end()) for m in _QUOTE_WORD_RE.finditer(text, q.start, q.end)]
    if found and found[-1][2] >= len(text.rstrip()) and len(found) > 1:
        found.pop()  # the text stops inside this word (a page cut short): its letters are not a word of the speech
    if not found:
        return []
    bounds = _unit_bounds(found, text, raw)
    sp = (q.speaker or "").split()
    if len(sp) > 1 and _REGNAL.match(sp[-1]):
        sp = sp[:-1]  # "Charles III": the speaker's key is his name, not the number
    speaker = sp[-1].lower() if sp else None
    stop = _stopwords()
    canon = synonym_keys()
    out = []
    for ui, (a, b) in enumerate(bounds):
        ws = found[a:b]
        s = q.start if ui == 0 else ws[0][1]
        if ui == len(bounds) - 1:
            e = q.end
        else:
            gap = text[ws[-1][2]:found[b][1]]
            e = ws[-1][2] + len(gap.rstrip())
        offsets = array("i", [x for w in ws for x in (w[1], w[2])])
        words = [w[0] for w in ws]
        questions: list[int] = []
        ell: list[int] = []
        prev = s
        for i, (_, ws_, we_) in enumerate(ws):
            gap = text[prev:ws_]
            if "..." in gap or "\u2026" in raw[prev:ws_]:
                ell.append(i)
            if i and "?" in gap:
                questions.append(i - 1)
            prev = we_
        if "?" in text[ws[-1][2]:e + 1] and len(words) - 1 not in questions:
            questions.append(len(words) - 1)
        low = [w.lower() for w in words]
        stems = tuple(stem(w) for w in words)
        keys = tuple(canon.get(st, st) for st in stems) if canon and not canon.keys().isdisjoint(stems) else ()
        content = frozenset(k for k, w in zip(keys or stems, low, strict=True) if len(w) > 1 and w not in stop)
        if not content:
            continue
        names = frozenset(k for i, (k, w) in enumerate(zip(keys or stems, words, strict=True))
                          if i and w[:1].isupper() and k in content)
        if shared is not None:
            stems, content = shared.setdefault(stems, stems), shared.setdefault(content, content)
            keys = shared.setdefault(keys, keys) if keys else keys
            names = shared.setdefault(names, names)
        out.append(Rendering(doc_i, quote_i, doc.article.id, q, text, offsets, stems, tuple(questions), content,
                             speaker, q.kind != "partial", tuple(ell), None, ui, len(bounds), s, e,
                             primary or q.kind == "transcript", _negator_positions(low), keys, names))
    for r in out:
        r.n_units = len(out)
    return out


class Scorer:
    """Similarity of two units (see the module docstring), with IDF over all units."""

    def __init__(self, renderings: list[Rendering]):
        df: Counter = Counter()
        for r in renderings:
            df.update(r.content)
        self.df = df
        n = max(len(renderings), 1)
        self.idf = {t: round((math.log((n + 1) / (c + 1)) + 1.0) * WEIGHT_SCALE) for t, c in df.items()}

    def weight(self, terms) -> float:
        return _fsum_idf(self.idf, terms)

    def total(self, r: Rendering) -> float:
        if r.weight is None:
            r.weight = self.weight(r.content)
        return r.weight

    def sim(self, a: Rendering, b: Rendering, floor: float = 0.0) -> float:
        """The similarity; a value under ``floor`` may be returned as 0 without computing it in full."""
        inter = a.content & b.content
        if len(inter) < 2 and not (inter and len(a.content) == len(b.content) == 1):
            return 0.0
        if a.names and inter <= a.names and inter <= b.names and inter != a.content and inter != b.content:
            return 0.0  # only a name in common ("the Free Coast Movement"): a speech names it in many sentences
        wi = _fsum_idf(self.idf, inter)
        wa, wb = self.total(a), self.total(b)
        jac = wi / (wa + wb - wi)
        s = jac
        factor = SPEAKER_FACTOR if a.speaker and b.speaker and a.speaker != b.speaker else 1.0
        bound = 0.9 * wi / min(wa, wb)
        if max(bound, jac) * factor < floor:
            return 0.0
        if bound > jac:  # containment could win: find it locally
            small, large = (a, b) if (wa, a.key) <= (wb, b.key) else (b, a)
            wl, nl = self._local(small, large, inter)
            ratio = wl / min(wa, wb)
            c = 0.9 * ratio * min(1.0, nl / 3) if ratio >= CONTAIN_MIN or len(small.content) <= 3 else 0.0
            if c > jac and len(small.content) <= 3:
                # a short excerpt: its words must come in the same order in the larger unit
                if fuzz.partial_ratio(" ".join(small.keys), " ".join(large.keys)) < EXCERPT_ALIGN:
                    c = jac
                elif len(small.content) <= 2 and f" {' '.join(_undetermined(small.keys))} " not in \
                        f" {' '.join(large.keys)} ":
                    c = jac  # two content words are a refrain of many sentences: only the whole phrase counts
            s = max(jac, c)
        if len(inter) <= FEW_SHARED and s * factor >= floor and not _shared_run(a, b, inter):
            s *= SCATTERED_FACTOR  # a few common words scattered in both: weaker evidence than a phrase
        return s * factor

    def _local(self, small: Rendering, large: Rendering, inter: frozenset) -> tuple[float, int]:
        """Weight and count of the shared words found together in one stretch of the larger unit (at most
        twice the smaller one's length, plus four words): containment must be local."""
        idf = self.idf
        pos = [(i, t) for i, t in enumerate(large.keys) if t in inter]
        width = 2 * small.size + 4
        best_w, best_n, n, w = 0, 0, 0, 0  # integer weight units: the running sum is exact
        seen: dict[str, int] = {}
        j = 0
        for i, t in pos:
            c = seen.get(t, 0)
            if not c:
                n += 1
                w += idf.get(t, WEIGHT_SCALE)
            seen[t] = c + 1
            while pos[j][0] < i - width:
                u = pos[j][1]
                seen[u] -= 1
                if not seen[u]:
                    del seen[u]
                    n -= 1
                    w -= idf.get(u, WEIGHT_SCALE)
                j += 1
            if n >= best_n and w > best_w:
                best_w, best_n = w, n
        return best_w / WEIGHT_SCALE, best_n


RUN_GAP = 3  # shared content words with at most this many function words between them form a phrase


def _undetermined(stems: tuple[str, ...]) -> tuple[str, ...]:
    """The words without the determiners that open them ("the ferry will ..." -> "ferry will ...")."""
    i = 0
    while i < len(stems) - 1 and stems[i] in _DETERMINERS:
        i += 1
    return stems[i:]


def _runs(r: Rendering, inter: frozenset) -> set[tuple]:
    """Pairs of shared content words standing next to each other in ``r``, or with a few function words
    between them, the same ones in both units ("will always be a response"); a determiner between them
    may differ ("rebuild the harbour" / "rebuild our harbour")."""
    st, content = r.keys, r.content
    out = set()
    for i, x in enumerate(st[:-1]):
        if x not in inter:
            continue
        gap = []
        for j in range(i + 1, min(len(st), i + 2 + RUN_GAP)):
            y = st[j]
            if y in content:
                if y in inter:
                    out.add((x, tuple(gap), y))
                break
            if y not in _DETERMINERS:
                gap.append(y)
    return out


def _shared_run(a: Rendering, b: Rendering, inter: frozenset) -> bool:
    """The two units share a run of two of their shared content words ("strong support", "rebuild the
    harbour"): the shared words are a phrase, not scattered."""
    return not _runs(a, inter).isdisjoint(_runs(b, inter))


def _top(weight: dict[int, int], k: int) -> list[int]:
    """The ``k`` keys of highest (integer) weight, ties to the smaller key: in numpy, as these dicts hold
    thousands of clusters for a common word."""
    if len(weight) <= k:
        return sorted(weight, key=lambda ci: (-weight[ci], ci))
    ids = np.fromiter(weight.keys(), dtype=np.int64, count=len(weight))
    ws = np.fromiter(weight.values(), dtype=np.int64, count=len(weight))
    return ids[np.lexsort((ids, -ws))[:k]].tolist()


@dataclass(eq=False, slots=True)
class _Cluster:
    """A cluster under construction. Most clusters of a corpus keep one unit, so their word sets are that
    unit's own (shared, not copied) until a second representative widens them."""

    members: list[Rendering]
    reps: list[Rendering]
    articles: set[str]
    words: frozenset[str] = frozenset()  # content words of the representatives (indexed)
    spoken: dict[str, frozenset[str]] = field(default_factory=dict)  # speaker -> the words indexed for them
    merged_into: int = -1
    minw: float = math.inf  # the smallest IDF weight of a representative's content words


def _within(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The shorter word sequence is a subsequence of the longer (words added, none changed or moved)."""
    if len(a) > len(b):
        a, b = b, a
    it = iter(b)
    return all(w in it for w in a)


def _excerpt_of(a: Rendering, b: Rendering) -> bool:
    """``a``'s words are a run of ``b``'s (a headline quoting a few words of the body's quotation)."""
    return a.size < b.size and f" {' '.join(a.keys)} " in f" {' '.join(b.keys)} "


class _Grouper:
    """Longest-first leader clustering over an inverted index of the clusters' words (see ``group``)."""

    def __init__(self, scorer: Scorer):
        self.scorer = scorer
        self.clusters: list[_Cluster] = []
        self.index: dict[str, list[int]] = defaultdict(list)  # content word -> clusters
        self.by_speaker: dict[tuple[str, str], list[int]] = defaultdict(list)  # (speaker, word) -> clusters
        self.seen: dict[tuple, int] = {}  # (speaker, stems) of a clustered unit -> its cluster
        self.where: dict[int, int] = {}  # id(unit) -> its cluster (before merges: follow merged_into)

    def _index(self, ci: int, r: Rendering) -> None:
        c = self.clusters[ci]
        c.minw = min(c.minw, self.scorer.total(r))
        for t in sorted(r.content - c.words):
            self.index[t].append(ci)
        c.words = c.words | r.content if c.words else r.content
        if r.speaker:
            had = c.spoken.get(r.speaker)
            for t in sorted(r.content if had is None else r.content - had):
                self.by_speaker[(r.speaker, t)].append(ci)
            c.spoken[r.speaker] = r.content if had is None else had | r.content

    def root(self, ci: int) -> int:
        while self.clusters[ci].merged_into >= 0:
            ci = self.clusters[ci].merged_into
        return ci

    def candidates(self, r: Rendering, budget: int) -> list[int]:
        """Clusters sharing rare words with ``r``, best first (ties: the older cluster)."""
        idf, index, by_speaker, spk = self.scorer.idf, self.index, self.by_speaker, r.speaker
        lists = []
        for t in r.content:
            p = index.get(t)
            sp = by_speaker.get((spk, t)) if spk else None
            if sp is not None and len(sp) > MAX_POSTING:
                sp = None
            if p or sp:
                lists.append(((len(p) if p else 0), t, p, sp))
        lists.sort(key=lambda x: (x[0], x[1]))  # the rarest words first
        weight: dict[int, int] = defaultdict(int)
        read = 0
        for n, t, p, sp in lists:
            wt = idf.get(t, WEIGHT_SCALE)
            if p and n <= MAX_POSTING and (read + n <= budget or read == 0):
                read += n
                for ci in p:
                    weight[ci] += wt
            if sp:
                for ci in sp:
                    weight[ci] += wt
        best = _top(weight, MAX_CANDIDATES)
        if len(r.content) > NEAR_WORDS:
            return best
        # a unit of few words shares them with many clusters alike: also the clusters whose representatives
        # are closest in size (an estimate of the Jaccard overlap), or a short greeting never meets its own
        wr = self.scorer.total(r)
        ids = np.fromiter(weight.keys(), dtype=np.int64, count=len(weight))
        w = np.fromiter(weight.values(), dtype=np.float64, count=len(weight)) / WEIGHT_SCALE
        minw = np.fromiter((self.clusters[ci].minw for ci in weight), dtype=np.float64, count=len(weight))
        est = w / np.maximum(wr + minw - w, w)
        near = ids[np.lexsort((ids, -est))[:NEAR_CANDIDATES]].tolist()
        return best + [ci for ci in near if ci not in best]

    def _score(self, r: Rendering, c: _Cluster, floor: float) -> float:
        reps = c.reps
        if len(reps) > REPS_TRIED:
            reps = sorted(reps, key=lambda x: -len(r.content & x.content))[:REPS_TRIED]
        s = 0.0
        for rep in reps:
            s = max(s, self.scorer.sim(r, rep, floor))
            if s >= GOOD_ENOUGH:
                break
        return s

    def _score_members(self, r: Rendering, c: _Cluster, floor: float) -> float:
        """``r`` against the members of ``c`` (distinct wordings sharing most of its words, up to
        ``EXCERPT_MEMBERS``), not only its representatives: for a small cluster looking for its larger one."""
        seen: set[tuple[str, ...]] = set()
        pool = []
        for m in c.members:
            if m.stems not in seen:
                seen.add(m.stems)
                pool.append(m)
        pool.sort(key=lambda m: -len(r.content & m.content))  # stable: ties keep the members' order
        s = 0.0
        for m in pool[:EXCERPT_MEMBERS]:
            s = max(s, self.scorer.sim(r, m, floor))
        return s

    def _same_article_ok(self, r: Rendering, c: _Cluster) -> bool:
        """A cluster holds no other unit of ``r``'s article, unless one repeats it (word for word, or as an
        excerpt of the other: a headline quoting a few words of the body's quotation)."""
        if r.article not in c.articles or (EXCERPTS_SHARE and not r.full and r.size <= EXCERPT_WORDS):
            return True  # an article may quote several pieces of one sentence
        return any(
            m.article == r.article and (m.content == r.content and _within(m.stems, r.stems)  # "Peace be with you (all)!"
                                        or Levenshtein.normalized_similarity(m.stems, r.stems) >= 0.9
                                        or _excerpt_of(m, r) or _excerpt_of(r, m))
            for m in c.members)

    def best(self, r: Rendering, cands: list[int], skip: int = -1) -> int:
        best, best_s = -1, THRESHOLD
        for ci in cands:
            c = self.clusters[ci]
            if ci == skip or c.merged_into >= 0:
                continue
            s = self._score(r, c, best_s)
            if s > best_s or (s == best_s and s > 0 and best < 0):
                if self._same_article_ok(r, c):
                    best, best_s = ci, s
                    if s >= GOOD_ENOUGH:
                        break
        return best

    def join(self, ci: int, r: Rendering) -> None:
        c = self.clusters[ci]
        c.members.append(r)
        c.articles.add(r.article)
        self.where[id(r)] = ci
        if len(c.reps) < SEED_REPS or (len(c.reps) < MAX_REPS and len(r.content - c.words) >= WIDEN):
            c.reps.append(r)  # another part of the speech: later excerpts of that part must find it
            self._index(ci, r)

    def add(self, r: Rendering) -> None:
        key = (r.speaker, r.stems)
        ci = self.seen.get(key, -1)  # the same words already clustered (wire copy): no need to search
        if ci >= 0:
            ci = self.root(ci)
            if not self._same_article_ok(r, self.clusters[ci]):
                ci = -1
        if ci < 0:
            ci = self.best(r, self.candidates(r, BUDGET))
        if ci < 0:
            self.clusters.append(_Cluster([r], [r], {r.article}))
            self.where[id(r)] = len(self.clusters) - 1
            self._index(len(self.clusters) - 1, r)
            self.seen.setdefault(key, len(self.clusters) - 1)
            return
        self.seen.setdefault(key, ci)
        self.join(ci, r)

    def merge(self, ci: int, ti: int) -> None:
        c, t = self.clusters[ci], self.clusters[ti]
        t.members.extend(c.members)
        t.articles |= c.articles
        for r in c.reps:
            if len(t.reps) < MAX_REPS and len(r.content - t.words) >= WIDEN:
                t.reps.append(r)
                self._index(ti, r)
        c.merged_into = ti
        c.members, c.reps = [], []

    def merge_pass(self) -> None:
        """Merge a cluster into a larger one its leader matches, found with wider blocking than on the
        first pass (``MERGE_BUDGET``)."""
        for ci, c in enumerate(self.clusters):
            if c.merged_into >= 0:
                continue
            lead = c.reps[0]
            cands = [x for x in self.candidates(lead, MERGE_BUDGET) if x != ci]
            ti = -1
            best_s = THRESHOLD
            for x in cands:
                t = self.clusters[x]
                if t.merged_into >= 0 or (len(t.members), -x) < (len(c.members), -ci):
                    continue  # the smaller cluster moves into the larger one (ties: into the older)
                if t.articles & c.articles and not all(self._same_article_ok(m, t) for m in c.members):
                    continue
                s = self._score(lead, t, best_s)
                if s <= best_s and len(c.members) <= SMALL_CLUSTER:
                    s = max(s, self._score_members(lead, t, best_s))
                if s > best_s or (s == best_s and ti < 0):
                    ti, best_s = x, s
            if ti >= 0:
                self.merge(ci, ti)

    def groups(self) -> list[list[Rendering]]:
        return [c.members for c in self.clusters if c.merged_into < 0]


def _per_rendering(fn: Callable[[Rendering], str]) -> Callable[[Rendering], str]:
    """``fn`` computed once per rendering for the length of one pass (renderings are not hashable)."""
    seen: dict[int, str] = {}

    def get(r: Rendering) -> str:
        k = id(r)
        if k not in seen:
            seen[k] = fn(r)
        return seen[k]

    return get


def _unit_text(r: Rendering) -> str:
    """The content words of a unit, for TF-IDF (function words out: they make all sentences alike)."""
    stop = _stopwords()
    return " ".join(w.lower() for w, _, _ in r.words if w.lower() not in stop)


def rescue_pass(g: _Grouper, renderings: list[Rendering]) -> int:
    """Units left alone after the first passes join a cluster of their speaker by TF-IDF cosine (character
    n-grams of content words and word n-grams), backed by the alignment of neighbouring units for a
    middling cosine (see the module docstring). Returns how many joined."""
    alone = [r for r in renderings if len(g.clusters[g.root(g.where[id(r)])].members) == 1
             and len(r.content) >= RESCUE_MIN_WORDS]
    if not alone:
        return 0
    targets: list[tuple[Rendering, int]] = []
    for ci, c in enumerate(g.clusters):
        if c.merged_into < 0 and len(c.members) >= 1:
            for rep in c.reps[:RESCUE_REPS]:
                targets.append((rep, ci))
    if not targets:
        return 0
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer

    unit_text = _per_rendering(_unit_text)

    def vectors(rows_r: list[Rendering], cols_r: list[Rendering]):
        """TF-IDF of one block (its own units and the representatives it is compared with): a block's
        vocabulary and IDF only, so memory follows the block, not the corpus."""
        texts = [unit_text(r) for r in rows_r] + [unit_text(r) for r in cols_r]
        try:
            xc = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                                 dtype=np.float32).fit_transform(texts)
            xw = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                                 token_pattern=r"(?u)\b\w+\b", dtype=np.float32).fit_transform(texts)
        except ValueError:  # nothing to vectorise
            return None
        x = hstack([xc * math.sqrt(0.5), xw * math.sqrt(0.5)]).tocsr()  # cosine = mean of the two cosines
        return x[:len(rows_r)], x[len(rows_r):]
    # blocks: the speaker's own clusters; speakerless units against everything while that stays small
    by_spk: dict[str | None, list[int]] = defaultdict(list)
    for j, (rep, _) in enumerate(targets):
        by_spk[rep.speaker].append(j)
    quote_units: dict[tuple[str, int], list[Rendering]] = defaultdict(list)
    for r in renderings:
        quote_units[(r.article, r.quote_i)].append(r)

    def neighbour_clusters(r: Rendering) -> tuple[int, int]:
        units = quote_units[(r.article, r.quote_i)]
        pos = units.index(r)
        before = g.root(g.where[id(units[pos - 1])]) if pos > 0 else -1
        after = g.root(g.where[id(units[pos + 1])]) if pos + 1 < len(units) else -1
        return before, after

    alone_by_spk: dict[str | None, list[int]] = defaultdict(list)
    for i, r in enumerate(alone):
        alone_by_spk[r.speaker].append(i)
    # scikit-learn's fit leaves each block's whole n-gram vocabulary in a reference cycle (a defaultdict whose
    # default_factory is its own ``__len__``), freed only by a collection of the oldest generation, which a
    # large corpus's heap makes rare: the garbage of every block piled up (about 8 kB an article). So what
    # exists before the pass is frozen out of the collector, and each block's garbage is collected after it
    # at the cost of the block's own objects, not the corpus's.
    gc.freeze()
    try:
        return _rescue_blocks(g, alone, alone_by_spk, targets, by_spk, vectors, neighbour_clusters)
    finally:
        gc.unfreeze()


def _rescue_blocks(g: _Grouper, alone, alone_by_spk, targets, by_spk, vectors, neighbour_clusters) -> int:
    joined = 0
    for spk in sorted(alone_by_spk, key=lambda s: (s is None, s or "")):
        rows = alone_by_spk[spk]
        cols = by_spk.get(spk, []) if spk is not None else []
        if spk is None or len(cols) == 0:
            cols = list(range(len(targets))) if len(targets) <= RESCUE_ALL else cols
        if spk is not None:
            cols = sorted(set(cols) | set(by_spk.get(None, [])))
        # only the clusters sharing a word stem with one of the block's units: a pair with none is no match
        near: set[int] = set()
        for i in rows:
            for t in alone[i].content:
                p = g.index.get(t)
                if p and len(p) <= MAX_POSTING:
                    near.update(g.root(ci) for ci in p)
        cols = [j for j in cols if g.root(targets[j][1]) in near]
        if not cols:
            continue
        vx = vectors([alone[i] for i in rows], [targets[j][0] for j in cols])
        gc.collect()
        gc.freeze()  # what survives the block (its unit texts) is not scanned again by the next block's collection
        if vx is None:
            continue
        sims = (vx[0] @ vx[1].T).tocsr()
        for k, i in enumerate(rows):
            r = alone[i]
            row = sims.getrow(k)
            order = sorted(zip(row.data.tolist(), row.indices.tolist(), strict=True), key=lambda x: (-x[0], x[1]))
            before, after = neighbour_clusters(r)
            for cos, jj in order[:MAX_CANDIDATES]:
                if cos < RESCUE_LOW:
                    break
                rep, ci = targets[cols[jj]]
                ti = g.root(ci)
                if ti == g.root(g.where[id(r)]):
                    continue
                ok = cos >= RESCUE_HIGH
                if not ok:
                    nb, na = neighbour_clusters(rep)
                    ok = (before >= 0 and before == nb) or (after >= 0 and after == na)
                if not ok and spk is not None:
                    ok = _aligned(r, rep)
                if ok and g._same_article_ok(r, g.clusters[ti]):
                    own = g.root(g.where[id(r)])
                    g.merge(own, ti)
                    joined += 1
                    break
    return joined


def _aligned(a: Rendering, b: Rendering) -> bool:
    """(session 33) Two units of one speaker that differ in a word or two of their frame and share most of their
    content ("has been secured and handed over to the prosecutor" / "... and transferred to the prosecutor"):
    the whole words, function words too, align (rapidfuzz ``ratio`` >= ``RESCUE_ALIGN``) and at least two
    content stems, ``RESCUE_SHARED`` of the smaller unit's, are shared. The function words the TF-IDF leaves
    out are what two renderings of one sentence keep in common; two sentences of one frame ("we will not close
    the port" / "we will not raise the fares") share too few content words."""
    shared = len(a.content & b.content)
    if shared < 2 or shared < RESCUE_SHARED * min(len(a.content), len(b.content)):
        return False
    return fuzz.ratio(_lower_words(a), _lower_words(b)) >= RESCUE_ALIGN


OPENING_CLAUSE_MIN = 4  # words of an opening clause two units share, set off by a comma in both


def _opening_clause(r: Rendering) -> int:
    """How many words the unit's opening clause has: the words before a comma that follows its
    ``OPENING_CLAUSE_MIN``-th word or a later one, with more words after it; 0 when there is none."""
    words = r.words
    for i in range(OPENING_CLAUSE_MIN - 1, len(words) - 1):
        if r.text[words[i][2]:words[i + 1][1]].strip().startswith(","):
            return i + 1
    return 0


def opening_pass(g: _Grouper, renderings: list[Rendering]) -> int:
    """(session 34) A unit left alone that opens with the same clause as the units of one cluster of its
    speaker, word for word and set off by a comma, and goes on differently ("If you are taking it, please speak
    to your doctor before you stop" / "If you are taking it, stop taking it now"): one sentence, its second half
    changed by an outlet; it joins that cluster, where fidelity weighs the change. The clause must carry a
    content word; a clause that opens the units of two clusters decides nothing. Returns how many joined."""
    by_open: dict[tuple, list[Rendering]] = defaultdict(list)
    for r in renderings:
        n = _opening_clause(r) if r.speaker else 0
        if n and any(st in r.content for st in r.stems[:n]):
            by_open[(r.speaker, tuple(_plain(w) for w, _, _ in r.words[:n]))].append(r)
    joined = 0
    for key in sorted(by_open):
        units = by_open[key]
        roots = sorted({g.root(g.where[id(r)]) for r in units})
        held = [ci for ci in roots if len(g.clusters[ci].members) >= 2]
        if len(held) != 1:
            continue
        target = held[0]
        for r in sorted(units, key=lambda r: r.key):
            own = g.root(g.where[id(r)])
            if own != target and len(g.clusters[own].members) == 1 and g._same_article_ok(r, g.clusters[target]):
                r.opening_only = True
                g.merge(own, target)
                target = g.root(target)
                joined += 1
    return joined


def _lower_words(r: Rendering) -> str:
    """All the unit's words, function words included, lower-cased and joined by one space."""
    return " ".join(_plain(w) for w, _, _ in r.words)


CONTINUATION_MAX = 20  # a second half quoted on its own ("but a decision like that changes a match") is placed so


def _opens_with_conjunction(e: Rendering) -> bool:
    """A partial quote that opens with "but" or "and": the second half of a sentence, quoted on its own."""
    return bool(e.words) and e.words[0][0].lower() in ("but", "and", "yet", "or")


def excerpt_pass(g: _Grouper, renderings: list[Rendering]) -> int:
    """A partial quote of ``EXCERPT_MIN``-``EXCERPT_MAX`` words goes to the cluster of the longer unit that
    contains it, read with its function words ("one way or the other"): the containing unit of another
    quotation whose words align best with it (rapidfuzz ``partial_ratio`` >= ``EXCERPT_MATCH``), ties to the
    shortest such unit (where the excerpt is closest to a clause of its own, as when an outlet made those
    words a sentence), then to the larger cluster. A shorter one (a term of one or two words) goes only where
    its words stand as they are in the units of one cluster and of no other. Candidates come from the
    clusters' word index, never from all units. Returns how many units moved."""
    idf, index = g.scorer.idf, g.index
    words_of = _per_rendering(_lower_words)

    moved = 0
    for e in renderings:
        conj = _opens_with_conjunction(e)
        if (e.full and not conj) or e.size > (CONTINUATION_MAX if conj else EXCERPT_MAX):
            continue
        term = e.size < EXCERPT_MIN  # a word or two presented as the speaker's ("unstoppable")
        # clusters sharing the excerpt's content words, most weight first
        weight: dict[int, int] = defaultdict(int)
        for t in sorted(e.content):
            p = index.get(t)
            if p and len(p) <= MAX_POSTING:
                for ci in p:
                    weight[ci] += idf.get(t, WEIGHT_SCALE)
        roots = sorted({g.root(ci) for ci in _top(weight, EXCERPT_CLUSTERS)})
        need = len(e.content) - (1 if len(e.content) >= 3 else 0)
        ew = words_of(e)
        best = None
        holding: set[int] = set()  # for a term: every cluster with a unit containing it
        tried: set[tuple[str, ...]] = set()
        for ci in roots:
            c = g.clusters[ci]
            n = 0
            for u in c.members:
                if u.size <= e.size or u.stems in tried or (u.article == e.article and u.quote_i == e.quote_i):
                    continue
                tried.add(u.stems)
                n += 1
                if n > EXCERPT_MEMBERS:
                    break
                if len(e.content & u.content) < need:
                    continue
                if term:
                    if f" {ew} " in f" {words_of(u)} ":
                        holding.add(ci)
                        best = ((100, 0, 0, 0), ci)
                    continue
                score = round(fuzz.partial_ratio(ew, words_of(u)))
                if score < EXCERPT_MATCH:
                    continue
                key = (score, -u.size, len(c.members), -ci)
                if best is None or key > best[0]:
                    best = (key, ci)
        if best is None or (term and len(holding) != 1):
            continue  # a term found in several clusters is ambiguous: it stays where it is
        ti, own = best[1], g.root(g.where[id(e)])
        if ti == own:
            continue
        c = g.clusters[own]
        c.members = [m for m in c.members if m is not e]
        c.reps = [m for m in c.reps if m is not e]
        if not any(m.article == e.article for m in c.members):
            c.articles.discard(e.article)
        if not c.members:
            c.merged_into = ti
        g.join(ti, e)
        moved += 1
    return moved


def group(renderings: list[Rendering], scorer: Scorer) -> list[list[Rendering]]:
    """Longest-first leader clustering with blocking on rare content words and on the speaker, a pass
    merging clusters whose leaders match, and the TF-IDF rescue of lone units (see the module docstring)."""
    order = sorted(renderings, key=lambda r: (not r.full, -len(r.content), -r.size, r.article, r.quote.start,
                                              r.unit_i))
    g = _Grouper(scorer)
    for r in order:
        g.add(r)
    g.merge_pass()
    rescue_pass(g, renderings)
    opening_pass(g, renderings)
    excerpt_pass(g, renderings)
    return g.groups()


# -- consensus and fidelity --------------------------------------------------------------------------


_AUXILIARIES = frozenset("would will do does did is are was were am can could should shall may might must have has had "
                         "isn't aren't wasn't weren't don't doesn't didn't won't wouldn't can't couldn't shouldn't "
                         "haven't hasn't hadn't".split())


def _yes_no_marks(r: Rendering) -> frozenset[int]:
    """Indices of the words a yes/no question ends on: its clause opens with an auxiliary ("Would you like
    a second ...?"). An alternative ("Peace or war?") or a wh-question is not a statement turned round."""
    if not r.questions:
        return frozenset()
    words, text = r.words, r.text
    out = set()
    for i in r.questions:
        j = i
        while j > 0 and not re.search(r"[.!?:;\u2026]", text[words[j - 1][2]:words[j][1]]):
            j -= 1
        first = _plain(words[j][0])
        if first in _AUXILIARIES:
            out.add(i)
    return frozenset(out)


def _yes_no_question(r: Rendering) -> bool:
    """A question that is not a wh-question: what a statement turned into a question looks like."""
    if not r.questions:
        return False
    first = r.words[0][0].lower() if r.stems else ""
    return first not in {"what", "why", "how", "who", "whom", "whose", "where", "when", "which"}


# words after "no" that make a phrase of their own, not a noun denied ("no one", "no more than", "no doubt")
_NO_PHRASES = frozenset("one more longer less doubt matter way sooner fewer".split())


def _medoid(members: list[Rendering]) -> Rendering:
    primary = [m for m in members if m.primary]
    if primary:
        return min(primary, key=lambda m: (-m.size, m.key))
    pool = [m for m in members if m.full and not m.opening_only] or [m for m in members if not m.opening_only] or \
        members
    statements = [m for m in pool if not _yes_no_question(m)]
    pool = statements or pool
    # (session 32) a negation dropped in one rendering stays the change however close its words are to the rest:
    # when three full renderings or more vote, the consensus holds the parity of negations most of them hold
    # ("we have no evidence that" twice against "we have evidence that" once)
    voters = [m for m in members if m.full]
    if len(voters) >= 3:
        odd = sum(len(m.neg) % 2 for m in voters)
        even = len(voters) - odd
        if odd != even:
            keep = [m for m in pool if len(m.neg) % 2 == (1 if odd > even else 0)]
            pool = keep or pool
    pool = sorted(pool, key=lambda m: (-m.size, m.key))[:MEDOID_POOL]
    others = members if len(members) <= 4 * MEDOID_POOL else members[: 4 * MEDOID_POOL]

    def score(m: Rendering) -> tuple[float, int]:
        return (round(math.fsum(Indel.normalized_similarity(m.stems, o.stems) for o in others if o is not m), 6),
                m.size)

    return max(pool, key=score)  # max keeps the first of equals: pool is in a fixed order


def _blocks(a, b) -> list[tuple[int, int, int]]:
    """The matching blocks (a start, b start, size) of a longest common subsequence of two word lists. When
    the shorter list stands whole and in one piece in the longer, that one block ("nobody asked us not to"
    in "nobody from the ministry asked us to raise rates, and nobody asked us not to": the subsequence that
    starts with the first "nobody" spans the whole sentence, the excerpt is its end)."""
    blocks = [(x.a, x.b, x.size) for x in LCSseq.opcodes(a, b).as_matching_blocks() if x.size]
    if len(blocks) > 1 and sum(x[2] for x in blocks) == min(len(a), len(b)):
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        at = _contiguous(short, long_)
        if at >= 0:
            return [(0, at, len(a))] if short is a else [(at, 0, len(b))]
    return blocks


def _contiguous(short, long_) -> int:
    """Where the word list ``short`` stands in one piece in ``long_`` (its first index), else -1."""
    sep = "\x00"
    k = (sep + sep.join(long_) + sep).find(sep + sep.join(short) + sep)
    return -1 if k < 0 else (sep + sep.join(long_) + sep).count(sep, 0, k + 1) - 1


CARRIERS = 50  # members read for a carrier of the words a unit renders beyond the consensus


def _carrier(m: Rendering, cons: Consensus, members: list[Rendering]) -> Rendering | None:
    """Another article's rendering that carries the words ``m`` renders where the consensus does not: ``m``
    shares under half its words with the consensus, and some member that carries at least half the
    consensus shares at least 70% (and three words) of them, in order. "never forget the lessons", in a
    cluster whose consensus is the sentence's first clause ("We are over the shock of the betrayal"), is an
    excerpt of the second clause that longer renderings carry, not a paraphrase of the first."""
    if m.primary or m.size < 3:
        return None
    shared = sum(b[2] for b in _blocks(m.stems, cons.stems))
    if shared * 2 >= m.size:
        return None
    best, best_n = None, max(3, math.ceil(0.7 * m.size), shared + 3)
    anchor = max(3, math.ceil(0.5 * len(cons.stems)))
    for o in members[:CARRIERS]:
        if o.article == m.article or o.size < m.size:
            continue
        n = sum(b[2] for b in _blocks(m.stems, o.stems))
        if n >= best_n and sum(b[2] for b in _blocks(o.stems, cons.stems)) < anchor:
            continue  # the carrier must carry the consensus too: a longer rendering of the whole utterance,
            # not another outlet's same wording vouching for a paraphrase
        if n >= best_n and (best is None or n > best_n or (o.size, o.key) < (best.size, best.key)):
            best, best_n = o, n
    return best


def _consensus_window(med: Rendering, members: list[Rendering]) -> tuple[int, int]:
    if med.primary:
        return 0, med.size
    lo, hi = med.size, 0
    for m in members:
        if m is med or m.opening_only:
            continue  # (a unit that shares only its opening clause says nothing of what the others carry)
        bl = [b for b in _blocks(med.stems, m.stems) if b[2] >= 2 or med.size <= 3]
        if bl:
            lo = min(lo, bl[0][0])
            hi = max(hi, bl[-1][0] + bl[-1][2])
            if lo == 0 and hi == med.size:
                break  # the whole medoid is carried: the window cannot widen
    return (lo, hi) if hi > lo else (0, med.size)


@dataclass
class Consensus:
    rendering: Rendering
    lo: int
    hi: int
    cid: str = ""  # the cluster's id
    translated: bool = False

    @property
    def stems(self) -> tuple[str, ...]:
        return self.rendering.stems[self.lo:self.hi]

    def text(self, docs) -> str:
        r = self.rendering
        s, e = r.offsets[2 * self.lo], r.offsets[2 * self.hi - 1]
        if r.qmark[self.hi - 1] and "?" in docs[r.doc_i].text[e:e + 2]:
            e = docs[r.doc_i].text.index("?", e) + 1
        return normalize(docs[r.doc_i].text[s:e])


_SENTENCE_GAP = re.compile(r"[.!?\u2026]")


def _own_sentence(cons: Consensus, c0: int, c1: int) -> tuple[int, int]:
    """The stretch of the consensus words (indices into ``cons.stems``) that shares a sentence with its words
    ``c0:c1``: from the last sentence end before ``c0`` to the first after ``c1``."""
    r, n = cons.rendering, cons.hi - cons.lo
    o, t = r.offsets, r.text

    def ends_before(j: int) -> bool:  # a sentence ends between consensus words j - 1 and j
        a = cons.lo + j
        return bool(_SENTENCE_GAP.search(t, o[2 * a - 1], o[2 * a]))

    left = next((j for j in range(c0, 0, -1) if ends_before(j)), 0)
    right = next((j for j in range(max(c1, 1), n) if ends_before(j)), n)
    return left, right


def _words_text(words: list[tuple[str, int, int]], i: int, j: int) -> str:
    return " ".join(w for w, _, _ in words[i:j])


class ConsensusWords:
    """The content words of every cluster's consensus, indexed: which other cluster carries a stretch."""

    def __init__(self, sets: list[tuple[str, frozenset]], adjacent: frozenset = frozenset()):
        self.sets = sets
        # (cluster, cluster) pairs some quotation carries as consecutive units: parts of one passage
        self.adjacent = adjacent
        self.index: dict[str, list[int]] = defaultdict(list)
        for i, (_, cs) in enumerate(sets):
            for t in sorted(cs):
                self.index[t].append(i)

    def carrying(self, words: frozenset, skip: str | None = None) -> str | None:
        """The first cluster (other than ``skip``) whose consensus holds half of ``words`` (two at least)."""
        need = max(2, 0.5 * len(words))
        hits: Counter = Counter()
        for t in words:
            hits.update(self.index.get(t, ()))
        found = [i for i, n in hits.items() if n >= need and self.sets[i][0] != skip]
        return self.sets[min(found)][0] if found else None


def _hyphen_parts(words: list[str]) -> set[str]:
    """The parts of the hyphenated words ("zero-sum" -> zero, sum): "zero sum" against "zero-sum" spells
    the same words, it changes no number."""
    return {_number_value(p) for w in words if "-" in w for p in w.split("-") if p}


def _numbers_both(a: list[str], b: list[str]) -> bool:
    """Both edges hold a number ("Some 12 million" / "1.2 million"): a number put for another at the edge."""
    return any(_is_number(w) for w in a) and any(_is_number(w) for w in b)


def _is_number(w: str) -> bool:
    s = stem(w)
    return any(ch.isdigit() for ch in w) or s[:1].isdigit() or s in _NUMBER_WORDS


def _number_value(w: str) -> str:
    """A number as one spelling: "ten" and "10" are the same number, and so are "1,000" and "1000", and
    "tenth", "10th" and "10" (an ordinal is its number: "the tenth of March" / "10 March")."""
    low = w.lower()
    if low in _SMALL_NUMBERS:
        return _SMALL_NUMBERS[low]
    if low in _ORDINALS:
        return _ORDINALS[low]
    if re.fullmatch(r"\d+(?:st|nd|rd|th)", low):
        return low[:-2]
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", low):
        return low.replace(",", "")
    return low


def _same_with_ordinals(a: list[str], b: list[str]) -> bool:
    """Whether the numbers of ``a`` and ``b`` agree once ordinal words count as their numbers ("the tenth
    of March" / "10 March"); an ordinal word can only settle a difference, never make one ("first" for
    "initial" is a translator's word)."""
    def values(ws: list[str]) -> set[str]:
        return {_number_value(w) for w in ws if _is_number(w) or w.lower() in _ORDINALS}
    return bool(values(a)) and values(a) == values(b)


def _is_name(w: str, i: int) -> bool:
    return i > 0 and w[:1].isupper() and not w.isupper() or (len(w) > 1 and w.isupper())


def _title_case(words: list[str]) -> bool:
    """Most words capitalised (a headline's style): capitals then say nothing about names."""
    long = [w for w in words[1:] if len(w) > 3]
    return len(long) >= 4 and sum(1 for w in long if w[:1].isupper()) >= 0.75 * len(long)


# "as long as" / "so long as" opens a condition ("as long as Norland pays"), but a duration after "for" or
# before what it takes ("for as long as it takes", "as long as needed") is no condition a cut could drop
_AS_LONG_AS = re.compile(r"(?<!\bfor )\b(?:as|so) long as\b(?! (?:needed|necessary|required|possible|it takes|it took|"
                         r"it will take|it may take|it might take)\b)")


def _has_condition(words: list[str]) -> bool:
    low = [w.lower() for w in words]
    joined = f" {' '.join(low)} "
    return any(w in _CONDITION for w in low) or bool(_AS_LONG_AS.search(joined))


def _none_of(words: list[tuple[str, int, int]], i: int) -> bool:
    """Whether the negator at ``i`` is "none of", the subject's determiner ("None of the warnings were ...")."""
    return _plain(words[i][0]) == "none" and i + 1 < len(words) and words[i + 1][0].lower() == "of"


def compare(r: Rendering, cons: Consensus, cons_words: list[str], other_sets: ConsensusWords,
            scorer: Scorer, translated: bool | None = None,
            agreed_numbers: frozenset[str] = frozenset()) -> tuple[float, list[dict]]:
    """Fidelity of unit ``r`` to the consensus, with its typed differences; ``translated`` (default: the
    consensus's flag) says the rendering is a translation. ``agreed_numbers``: when ``cons`` is another
    outlet's longer rendering standing in for the consensus, the cluster consensus's own numbers; a number
    of the rendering's among them is the consensus's, not a change (the stand-in may be the one that
    changed it)."""
    tr = cons.translated if translated is None else translated
    C = cons.stems
    words = r.words
    crend = cons.rendering
    diffs: list[dict] = []
    blocks = _blocks(r.stems, C)
    matched = sum(b[2] for b in blocks)
    if not blocks or matched < 2 and min(len(C), r.size) > 2:
        s = scorer.sim(r, crend)
        diffs.append({"type": "paraphrase", "rendering": _words_text(words, 0, r.size), "consensus": " ".join(cons_words),
                      "start": r.start, "end": r.end})
        q_r, q_c = bool(_yes_no_marks(r)), bool(_yes_no_marks(crend))
        fid = 1.0 if tr else max(0.0, min(0.5, s))
        if q_r != q_c:
            fid = (fid - 0.15) * MEANING_FACTOR
            diffs.append({"type": "question", "rendering": _words_text(words, 0, r.size), "consensus": " ".join(cons_words),
                          "start": r.start, "end": r.end,
                          "note": "statement turned into a question" if q_r else "question turned into a statement"})
        return round(max(0.0, fid), 3), diffs
    r0, c0 = blocks[0][0], blocks[0][1]
    r1, c1 = blocks[-1][0] + blocks[-1][2], blocks[-1][1] + blocks[-1][2]
    # An edge where both end (or begin) after a few other words ("strong and true" / "... strong and
    # free", "World is going to hell" / "Your countries are going to hell"): the rendering put its own
    # words where the speaker's stand, a substitution, not a cut beside an addition. At most EDGE_WORDS
    # on each side, a content word among the rendering's, and not where an ellipsis joins another remark on.
    if 0 < r0 <= EDGE_WORDS and 0 < c0 <= EDGE_WORDS and (
            _content([w for w, _, _ in words[:r0]]) or _numbers_both([w for w, _, _ in words[:r0]], cons_words[:c0])) \
            and not any(0 < i <= r0 for i in r.ellipses):
        r0 = c0 = 0
    if 0 < r.size - r1 <= EDGE_WORDS and 0 < len(C) - c1 <= EDGE_WORDS and (
            _content([w for w, _, _ in words[r1:]]) or _numbers_both([w for w, _, _ in words[r1:]], cons_words[c1:])) \
            and not any(r1 <= i < r.size for i in r.ellipses):
        r1, c1 = r.size, len(C)
    R, Cw = r.stems[r0:r1], C[c0:c1]
    dist = Levenshtein.distance(R, Cw)
    base = 1.0 if tr else 1.0 - dist / max(len(R), len(Cw), 1)
    penalty = 0.0
    number = name = added = antonym = False
    titled = _title_case([w for w, _, _ in words]) or _title_case(cons_words)
    ops = Levenshtein.opcodes(R, Cw)
    # the window's numbers agree as a whole (an ordinal counting as its number): no op's split of the words
    # ("between 10 March" / "between the tenth of March") makes a changed number
    window_numbers = _same_with_ordinals([w for w, _, _ in words[r0:r1]], cons_words[c0:c1])
    # aligned words (rendering, consensus): one to one in a shared block; between two blocks, each word of the
    # rendering's stretch with each of the consensus's ("will build" / "built": how the edits split is arbitrary)
    pairs: list[tuple[int, int]] = []
    gap: list[tuple[int, int, int, int]] = []
    for op in ops:
        if op.tag == "equal":
            pairs += zip(range(r0 + op.src_start, r0 + op.src_end), range(c0 + op.dest_start, c0 + op.dest_end),
                         strict=True)
        elif gap and gap[-1][1] == op.src_start and gap[-1][3] == op.dest_start:
            gap[-1] = (gap[-1][0], op.src_end, gap[-1][2], op.dest_end)
        else:
            gap.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    for a0, a1, b0, b1 in gap:
        if (a1 - a0) * (b1 - b0) <= 36:
            pairs += [(r0 + i, c0 + j) for i in range(a0, a1) for j in range(b0, b1)]
    pairs.sort()
    for op in ops:
        if op.tag == "equal":
            continue
        rw = (r0 + op.src_start, r0 + op.src_end)
        cw_words = cons_words[c0 + op.dest_start:c0 + op.dest_end]
        cw = " ".join(cw_words)
        typ = {"replace": "substitution", "delete": "addition", "insert": "cut"}[op.tag]
        rws = [w for w, _, _ in words[rw[0]:rw[1]]]
        d = {"type": typ, "rendering": " ".join(rws), "consensus": cw}
        if rw[1] > rw[0]:
            d["start"], d["end"] = words[rw[0]][1], words[rw[1] - 1][2]
        if tr and typ == "substitution":
            d["translation"] = True  # a translator's word, not the outlet's: recorded, not counted
        diffs.append(d)
        nr = sorted({_number_value(w) for w in rws if _is_number(w)} - _hyphen_parts(cw_words))
        nc = sorted({_number_value(w) for w in cw_words if _is_number(w)} - _hyphen_parts(rws))
        if nr != nc and (nr or nc) and typ == "substitution" and not number and \
                not (nr and set(nr) <= agreed_numbers) and not window_numbers and \
                not _same_with_ordinals(rws, cw_words):
            number = True
            diffs.append({**{k: v for k, v in d.items() if k != "translation"}, "type": "number",
                          "note": "a number differs"})
        namer = [w for i, w in enumerate(rws) if _is_name(w, rw[0] + i) and not _is_number(w)]
        namec = [w for i, w in enumerate(cw_words) if _is_name(w, c0 + op.dest_start + i + cons.lo) and not _is_number(w)]
        # one name put for another: both sides names through and through ("Kharkiv" / "Kyiv"), in renderings
        # not set in title case; "Mahmoud Abbas" / "the President of the State of Palestine" is a translator's
        # description, and a headline's capitals ("a Great Honour") name nobody
        if typ == "substitution" and namer and namec and {w.lower() for w in namer} != {w.lower() for w in namec} \
                and len(namer) == len(rws) and len(namec) == len(cw_words) and not titled and not name:
            name = True
            diffs.append({**{k: v for k, v in d.items() if k != "translation"}, "type": "name",
                          "note": "a name differs"})
        opp = antonym_pair(rws, cw_words) if typ == "substitution" and not antonym else None
        if opp:
            antonym = True
            diffs.append({**{k: v for k, v in d.items() if k != "translation"}, "type": "antonym",
                          "note": f"\u201c{opp[0]}\u201d says the opposite of \u201c{opp[1]}\u201d"})
        if typ == "addition" and tr and not added:
            if _content(rws):
                added = True
                diffs.append({**d, "type": "addition", "note": "words added inside the shared stretch"})
        if typ == "cut" and _has_condition(cw_words) and len(cw_words) >= 2:
            penalty += 0.20
            diffs.append({"type": "condition", "rendering": "", "consensus": cw,
                          "note": "a clause carrying a condition is cut"})
    tense = tense_change([w for w, _, _ in words], cons_words, pairs)
    if tense:
        ri, ci, told_done = tense
        lo = max(r0, ri - 2)
        penalty += 0.20
        diffs.append({"type": "tense", "rendering": _words_text(words, lo, ri + 1),
                      "consensus": " ".join(cons_words[max(c0, ci - 2):ci + 1]),
                      "start": words[lo][1], "end": words[ri][2],
                      "note": "a promise told as done" if told_done else "a deed told as a promise"})
    r_all, c_all = [_plain(w) for w, _, _ in words], [_plain(w) for w in cons_words]
    hedge = _hedge_change(r_all[r0:r1], c_all[c0:c1], r_all, c_all)
    if hedge:
        penalty += 0.20
        diffs.append({"type": "hedge", "rendering": _words_text(words, r0, r1), "consensus": " ".join(cons_words[c0:c1]),
                      "start": words[r0][1], "end": words[r1 - 1][2],
                      "note": "a hedge dropped: a possibility told as fact" if hedge == "dropped" else
                      "a hedge added: a statement told as a possibility"})
    penalty += 0.20 * number + 0.20 * name + 0.10 * added + 0.30 * antonym
    # polarity: negators inside the shared window, the consensus side widened by the words just around it
    neg_r = [i for i in r.neg if r0 <= i < r1]
    clo, chi = cons.lo + max(0, c0 - 2), cons.lo + min(len(C), c1 + 1)
    neg_c = [i for i in crend.neg if clo <= i < chi]
    if bool(neg_r) != bool(neg_c):
        side = [words[i][0] for i in neg_r] or [crend.words[i][0] for i in neg_c]
        wl = words if neg_r else crend.words
        # ("None of the warnings were late" denies the predicate of the whole subject: no weak negation)
        # ("we have no evidence that" against "we have evidence that": "no" denies a noun the other side asserts, a
        # flip, not a choice of words; "no one" against "everyone", "no more than" against "up to" stay weak)
        other = {_plain(w[0]) for w in (crend.words if neg_r else words)}
        weak = all(_plain(wl[i][0]) in _weak_negators() and not _none_of(wl, i) and
                   not (_plain(wl[i][0]) == "no" and i + 1 < len(wl) and _plain(wl[i + 1][0]) in other and
                        _plain(wl[i + 1][0]) not in _NO_PHRASES)
                   for i in (neg_r or neg_c))
        penalty += 0.10 if weak else 0.30
        d = {"type": "negation", "rendering": _words_text(words, r0, r1), "consensus": " ".join(cons_words[c0:c1]),
             "start": words[r0][1], "end": words[r1 - 1][2],
             "note": f"{len(neg_r)} negator(s) against {len(neg_c)} in the consensus ({', '.join(side)})"}
        if weak:
            d["weak"] = True
        diffs.append(d)
    yn_r, yn_c = _yes_no_marks(r), _yes_no_marks(crend)
    q_r = any(i in yn_r for i in range(r0, r1)) or (r1 == r.size and r.size - 1 in yn_r)
    q_c = any(cons.lo + i in yn_c for i in range(c0, c1))
    if q_r != q_c:
        penalty += 0.15
        diffs.append({"type": "question", "rendering": _words_text(words, r0, r1), "consensus": " ".join(cons_words[c0:c1]),
                      "start": words[r0][1], "end": words[r1 - 1][2],
                      "note": "statement turned into a question" if q_r else "question turned into a statement"})
    if matched < 0.5 * min(len(C), r.size) and not tr:
        diffs.append({"type": "paraphrase", "rendering": _words_text(words, r0, r1), "consensus": " ".join(cons_words[c0:c1]),
                      "start": words[r0][1], "end": words[r1 - 1][2]})
    # beyond the window: words the rendering adds, or another remark joined on
    for a, b in ((0, r0), (r1, r.size)):
        if b - a <= 0:
            continue
        part = r.stems[a:b]
        joined_by_ellipsis = any(a < i <= b for i in r.ellipses) or r0 in r.ellipses or r1 in r.ellipses
        other = None
        if b - a >= 4:
            stop = _stopwords()
            ps = frozenset(s for s, (w, _, _) in zip(part, words[a:b], strict=True) if w.lower() not in stop)
            other = other_sets.carrying(ps, cons.cid) if ps else None
            if other and not joined_by_ellipsis and (cons.cid, other) in other_sets.adjacent:
                other = None  # "by June and do it without raising taxes": the next part of the same passage,
                # which other renderings carry right after this one, is more of the speech, not a remark joined on
        d = {"rendering": _words_text(words, a, b), "consensus": "", "start": words[a][1], "end": words[b - 1][2]}
        if other or (joined_by_ellipsis and b - a >= 4):
            penalty += 0.15 if other and not joined_by_ellipsis else 0.05
            d.update(type="stitched", note=("joined with an ellipsis" if joined_by_ellipsis else "joined without a mark")
                     + (f"; carried elsewhere as cluster {other}" if other else ""))
            if other:
                d["cluster"] = other
        else:
            d["type"] = "addition"
            d["note"] = "more of the speech than the other renderings carry"
        diffs.append(d)
    if c0 > 0 or c1 < len(C):
        # a condition cut from another sentence of the consensus governs that sentence, not this one
        # ("If a nation wants peace, it must arm. Weapons decide who survives": "Weapons decide who
        # survives" cuts no condition of its own)
        left, right = _own_sentence(cons, c0, c1)
        cut_words = cons_words[left:c0] + cons_words[c1:right]
        cut = " ... ".join(x for x in (" ".join(cons_words[:c0]), " ".join(cons_words[c1:])) if x)
        diffs.append({"type": "cut", "rendering": "", "consensus": cut, "boundary": True})
        if _has_condition(cut_words) and len(cut_words) >= 2:
            penalty += 0.20
            diffs.append({"type": "condition", "rendering": "", "consensus": cut,
                          "start": r.start, "end": r.end, "note": "a clause carrying a condition is cut"})
    fid = max(0.0, min(1.0, base - penalty))
    if any(d["type"] in MEANING_TYPES and not d.get("weak") for d in diffs):
        fid *= MEANING_FACTOR  # a changed meaning ranks below any wording, however many words that changes
    return round(fid, 3), diffs


def translation_notes(doc, spoke_in: re.Pattern = _SPOKE_IN) -> list[dict]:
    """Where the article says the words were translated or interpreted, or that the speaker spoke another
    language (outside quotations; ``spoke_in`` knows the corpus's languages, ``corpus_languages``)."""
    spans = [(q.start, q.end) for q in doc.quotes]
    for rx in (_TRANSLATED, spoke_in):
        for m in rx.finditer(doc.norm):
            if any(s <= m.start() < e for s, e in spans) or doc.in_boilerplate(m.span()):
                continue
            sent = doc.sentence_at(m.start()) or m.span()
            return [{"type": "translated", "start": m.start(), "end": m.end(),
                     "note": f"the article says: {normalize(doc.text[sent[0]:sent[1]]).strip()[:160]}"}]
    return []


def _note_scope(doc, note: dict) -> frozenset[str] | None:
    """The speakers (last names, lower case) a translation note is about: those quoted in the note's own sentence
    ("Speaking through an interpreter, the mother said: '...'" is about her words, not the judge's quoted elsewhere
    in the article); None, the whole article, when that sentence quotes no one ("Quotations are in our
    translation", "She spoke in Dravenskan")."""
    sent = doc.sentence_at(note["start"]) or (note["start"], note["end"])
    stop = sent[1] + (4 if doc.text[sent[0]:sent[1]].rstrip().endswith(":") else 0)  # (or just after its colon)
    speakers = {q.speaker.split()[-1].lower() for q in doc.quotes
                if q.speaker and sent[0] <= q.start < stop and "\n" not in doc.text[sent[0]:q.start]}
    return frozenset(speakers) or None


def primary_source(doc) -> bool:
    """The article presents itself as a transcript or the prepared text of a speech: its headline area
    says "transcript", "remarks by", "speech by", or its text outside quotations says "as prepared for
    delivery", "full text", "prepared remarks" and the like."""
    head = doc.norm[:300]
    if _TRANSCRIPT_HEAD.search(head):
        return True
    spans = [(q.start, q.end) for q in doc.quotes]
    return any(not any(s <= m.start() < e for s, e in spans) for m in PRIMARY.finditer(doc.norm))


def _cluster_id(speaker: str | None, consensus: str) -> str:
    key = f"{(speaker or '').lower()}\0{' '.join(WORD_RE.findall(consensus.lower()))}"
    return "q" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _translated(g: list[Rendering], cons: Consensus, speakers_translated: set[str]) -> bool:
    """The cluster's renderings are translations: its speaker is said to speak another language, or its
    full renderings diverge in wording (most share under ``DIVERGENT`` of their words with the consensus)
    while none differs in polarity or mood."""
    if cons.rendering.speaker and cons.rendering.speaker in speakers_translated:
        return True
    full = [m for m in g if m.full and m is not cons.rendering]
    if len(full) < 2:
        return False
    C = cons.stems
    low = 0
    for m in full:
        if bool([i for i in m.neg]) != bool([i for i in cons.rendering.neg if cons.lo <= i < cons.hi]):
            return False  # a meaning change: do not excuse the wording as a translation
        if bool(m.questions) != bool(cons.rendering.questions):
            return False
        low += Indel.normalized_similarity(m.stems, C) < DIVERGENT
    return low * 2 > len(full)


MEANING_TYPES = frozenset({"negation", "question", "number", "name", "condition", "tense", "antonym", "hedge"})

# (session 32) the words a hedge governs are read past these ("It is possible that the number will change": "number")
_HEDGE_SKIP = frozenset("the a an that it is be have been well to also yet".split())


def _hedge_change(rws: list[str], cws: list[str], r_all: list[str], c_all: list[str]) -> str | None:
    """"dropped" when the consensus words ``cws`` hold a hedge the rendering ``rws`` lacks, "added" the other way,
    else None: only when the content word the hedge governs (the next one, articles and auxiliaries skipped) stands
    on the other side too ("may show" / "show"; not "could not reach" / "were unable to reach"), and when the side
    said to lack a hedge holds none in all its words either (``r_all``, ``c_all``): "It is possible the tests will
    show ..." keeps the possibility of "the tests may show ..." in words before the stretch the two share."""
    hedges = _hedge_modals()
    hr = [i for i, w in enumerate(rws) if w in hedges]
    hc = [i for i, w in enumerate(cws) if w in hedges]
    if bool(hr) == bool(hc):
        return None
    side, other = (rws, cws) if hr else (cws, rws)
    i = (hr or hc)[0]
    nxt = next((w for w in side[i + 1:i + 5] if w not in _HEDGE_SKIP), None)
    if nxt is None or nxt in hedges or nxt not in set(other) or any(w in hedges for w in (c_all if hr else r_all)):
        return None
    return "added" if hr else "dropped"
EDGE_WORDS = 3  # at most this many words of a rendering beyond its shared stretch can replace the speaker's


def _content(words: list[str]) -> bool:
    """Whether ``words`` hold a content word (not a stop word, three letters or more)."""
    stop = _stopwords()
    return any(w.lower() not in stop and len(w) > 2 for w in words)


MEANING_FACTOR = 0.5  # a unit whose meaning changed keeps this share of the fidelity its wording gives


def _fold(name: str) -> tuple[str, ...]:
    """A name's words without diacritics or hyphens, lower-cased ("Erdoğan" and "Erdogan" are one spelling)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return tuple(plain.casefold().replace("-", " ").split())  # "Jae-myung" and "Jae Myung" are one spelling


def _extends(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """``long`` names the same person more fully than ``short``: ``short`` plus a regnal number ("Leo" /
    "Leo XIV"), ``short`` is the end of it, the surname kept ("Erdogan" / "Recep Tayyip Erdogan"), its
    start ("Yoon" / "Yoon Suk Yeol"), or one word inside a name of three words or more ("Lula" / "Luiz
    Inacio Lula da Silva")."""
    if len(long) <= len(short):
        return False
    if len(long) == len(short) + 1 and long[:-1] == short and _REGNAL.match(long[-1].upper()):
        return True
    core = long[:-1] if _REGNAL.match(long[-1].upper()) else long
    if len(short) == 1 and short[0] in inner_words(core):
        return True  # the name a person goes by, inside the full one: "Lula" / "Luiz Inacio Lula da Silva"
    if len(short) >= 2 and core[:len(short)] == short:
        return True  # a given name cut at its hyphen: "Yoon Suk" (of "Yoon Suk-yeol") / "Yoon Suk Yeol" (a
        # single word, "Yoon", only where the coverage uses it alone: ``_family_first``)
    return len(core) > len(short) and core[-len(short):] == short


_ROLE_BEFORE = re.compile(r"(?<![\w'\u2019-])[Tt]he\s+((?:[\w'\u2019-]+\s+){0,3}?)([\w-]+)\s*,?\s*$")
_ROLE_AFTER = re.compile(r"\s*,?\s*[Tt]he\s+((?:[\w'\u2019-]+\s+){0,3}?)([\w-]+)")
_PRONOUN_BEFORE = re.compile(r"(?<![\w'])(?:[Hh]e|[Ss]he)\s+$")
_PRONOUN_AFTER = re.compile(r"\s+(?:he|she)(?![\w'])")
ROLE_SHARE = 0.75  # the share of a role's named renderings one person must hold to name the rest
ROLE_MIN = 2  # ... and at least this many


def _role_key(mods: str, head: str) -> str | None:
    """"the French president" -> "french president", "the pontiff" -> "pope" (``same_role`` groups), or
    None when the head is no role word (``speaker_titles.yaml``)."""
    head = head.lower()
    groups = same_roles()
    if head not in titles() and not any(head in w for g in groups for w in g):
        return None
    group = next((g for g in groups if frozenset({head}) in g), None)
    if group:
        head = " ".join(sorted(group[0]))
    capmods = [w.lower() for w in mods.split() if w[:1].isupper() and w.lower() not in titles()]
    # a common noun before the role says whose it is: "the fire chief" is not the police chief
    nounmods = [w for w in mods.split() if w.isalpha() and w.islower() and w not in titles() and not _adjective_like(w)]
    return " ".join(capmods + nounmods + [head])


def _cue_role(doc, q) -> str | None:
    """The role words a quotation's cue is attributed to ("the King said", "said the pontiff"), or None."""
    if q.cue_start is None or q.cue_end is None:
        return None
    text = doc.norm
    m = _ROLE_BEFORE.search(text, max(0, q.cue_start - 60), q.cue_start)
    if not m and q.cue_end <= len(text):
        m = _ROLE_AFTER.match(text, q.cue_end, min(len(text), q.cue_end + 60))
    return _role_key(m.group(1), m.group(2)) if m else None


_ROLE_MENTION = re.compile(r"(?<![\w'\u2019-])[Tt]he\s+((?:[\w'\u2019-]+\s+){0,2}?)([\w-]+)(?![\w'\u2019-])")
_CAP_NAME = re.compile(r"(?<=[a-z,;]\s)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")


def _role_before(doc, pos: int, window: int = 400) -> str | None:
    """The role of the last "the <role>" before ``pos`` in its passage (``window`` characters), when no
    capitalised name follows it there (someone else may have taken over)."""
    text = doc.norm
    lo = max(0, pos - window)
    found = None
    for m in _ROLE_MENTION.finditer(text, lo, pos):
        if doc.inside_quotation(m.start(), m.end()):
            continue
        key = _role_key(m.group(1), m.group(2))
        if key:
            found = (key, m.end())
    if not found or _CAP_NAME.search(text, found[1], pos):
        return None
    return found[0]


def _role_speakers(docs) -> int:
    """A quotation whose cue names only a role ("the King said", and the "he said" that follows it) takes
    the person other articles of the corpus name in that role, when one person holds it
    (``ROLE_SHARE`` of ``ROLE_MIN`` or more named renderings): in coverage of one event "the monarch" is
    the monarch every other outlet names. Returns how many were named."""
    named: dict[str, Counter] = defaultdict(Counter)
    pending: list[tuple[object, str]] = []
    for d in docs:
        last_role = current = None
        for q in d.quotes:
            role = _cue_role(d, q)
            if q.speaker:
                if role:
                    named[role][q.speaker] += 1
                last_role, current = None, q.speaker
                continue
            if role:
                last_role = role
            elif q.cue_start is None or _PRONOUN_BEFORE.search(d.norm, max(0, q.cue_start - 8), q.cue_start) \
                    or _PRONOUN_AFTER.match(d.norm, q.cue_end or q.cue_start):
                # "he said" (or no cue) after "the King said", or after the passage's last mention of a role
                # ("the King read out that ..."): that role, when no name stands between
                role = _role_before(d, q.start) or last_role
            if role:
                pending.append((q, role, current))
    titled = _titled_mentions(docs, sorted({role for _, role, _ in pending})) if pending else {}
    n = 0
    for q, role, current in pending:
        # the quotations other articles credit to the role by name; else those with the coverage's titled
        # mentions of its quoted speakers ("Prime Minister Keir Starmer"), unless the coverage titles another
        # person so too (a role two people hold names no one)
        top = _holder(named.get(role))
        if not top and role in titled:
            quoted, everyone = titled[role]
            top = _holder((named.get(role) or Counter()) + quoted)
            if top and any(k >= ROLE_MIN for who, k in everyone.items() if who != top):
                top = None
        if top:
            q.speaker = top
            n += 1
            continue
        if current and (_holds(current, role, named) or role in titled and titled[role][1][current] >= ROLE_MIN):
            # the role alone names no one here (a Ukrainian and a US president in one coverage): the person
            # this article was quoting, when the coverage names them in that role (with any modifier; or
            # titles them so: "Lusavia coach Marta Ferreira-Quist" in two articles or more)
            q.speaker = current
            n += 1
    return n


def _holder(c: Counter | None) -> str | None:
    """The one person holding a role by these counts: ``ROLE_MIN`` or more, ``ROLE_SHARE`` of all."""
    if not c:
        return None
    (top, k), total = max(c.items(), key=lambda x: (x[1], x[0])), sum(c.values())
    return top if k >= ROLE_MIN and k >= ROLE_SHARE * total else None


TITLED_SPEAKERS = 20  # the most quoted speakers whose titled mentions count as evidence of a role


def _titled_mentions(docs, roles: list[str]) -> dict[str, tuple[Counter, Counter]]:
    """For each role, the articles writing a name right after the role's words ("Prime Minister Keir
    Starmer", "President Tom Hale"): counted for the most quoted speakers, and for every name (mapped to a
    quoted speaker where one fits: "Charles" -> "Charles III")."""
    quoted_n = Counter(q.speaker for d in docs for q in d.quotes if q.speaker)
    speakers = _by_word(sorted(quoted_n))
    top = [s for s, _ in sorted(quoted_n.items(), key=lambda x: (-x[1], x[0]))[:TITLED_SPEAKERS]]
    out: dict[str, tuple[Counter, Counter]] = {}
    for role in roles:
        words = role.split()
        if len(words) > 3:
            continue
        lead = r"(?i:\b" + r"\s+".join(map(re.escape, words)) + r")\s+(?:(?:Sir|Dame)\s+)?"
        pats = {s: re.compile(lead + r"\s+".join(map(re.escape, s.split())) + r"\b") for s in top}
        anyone = re.compile(lead + r"((?-i:[A-Z][\w\u2019-]+)(?:\s+(?-i:[A-Z][\w\u2019-]+)){0,3})")
        # every match of a pattern starts where the role's first word does: each speaker's pattern is tried
        # there only, not searched for through the whole text
        first = re.compile(r"(?i:\b" + re.escape(words[0]) + r")")
        quoted, everyone = Counter(), Counter()
        for d in docs:
            text = d.norm
            if words[-1] not in text.lower():
                continue
            at = [m.start() for m in first.finditer(text)]
            for s, rx in pats.items():
                if any(rx.match(text, p) for p in at):
                    quoted[s] += 1
            for name in sorted({m.group(1) for m in anyone.finditer(text)}):
                everyone[_as_speaker(name, speakers)] += 1
        out[role] = (quoted, everyone)
    return out


def _by_word(names: list[str]) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Each folded word -> the names holding it, with their folded words, in the order of ``names``."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for n in names:
        f = _fold(n)
        for w in dict.fromkeys(f):
            out[w].append((n, f))
    return out


def _as_speaker(name: str, speakers: dict[str, list[tuple[str, tuple[str, ...]]]]) -> str:
    """The one quoted speaker a titled name stands for ("Charles" -> "Charles III"), else the name.
    ``speakers`` is ``_by_word`` of the quoted speakers: the same name, or a fuller one, holds the name's
    first word."""
    f = _fold(name)
    if not f:
        return name
    fits = [s for s, fs in speakers.get(f[0], ()) if fs == f or _extends(fs, f)]
    return fits[0] if len(fits) == 1 else name


def _holds(person: str, role: str, named: dict[str, Counter]) -> bool:
    """Whether the coverage names ``person`` (by surname) in ``role`` or a role with the same head ("the
    Ukrainian president" for "the president") at least ``ROLE_MIN`` times."""
    head = role.split()[-1]
    surname = _fold(person)[-1:]
    k = sum(n for key, c in named.items() if key.split()[-1] == head
            for who, n in c.items() if _fold(who)[-1:] == surname)
    return k >= ROLE_MIN


MISSPELT_MIN = 7  # a surname this long that differs by one letter from a far more quoted one is a typo
MISSPELT_SHARE = 3  # ... quoted at least this many times as often


def _misspelt(count: Counter) -> dict[str, str]:
    """Speakers whose surname is a typing slip of a far more quoted speaker's ("Netyanyahu" where the
    corpus quotes "Netanyahu" thirty times): one letter added, dropped, changed or two swapped (Damerau-
    Levenshtein distance 1), a surname of ``MISSPELT_MIN`` letters or more, the same first names if any,
    and exactly one such surname in the corpus; mapped to that speaker's fullest name. Also a whole name
    one such slip from exactly one far more quoted name with the same first word."""
    from rapidfuzz.distance import DamerauLevenshtein

    by_last: dict[str, list[str]] = defaultdict(list)
    for n in sorted(count):
        by_last[_fold(n)[-1]].append(n)
    quoted = {k: sum(count[n] for n in v) for k, v in by_last.items()}
    by_len: dict[int, list[str]] = defaultdict(list)
    for k in sorted(by_last):
        by_len[len(k)].append(k)
    out: dict[str, str] = {}
    for k in sorted(by_last):
        if len(k) < MISSPELT_MIN:
            continue
        near = [o for size in (len(k) - 1, len(k), len(k) + 1) for o in by_len.get(size, ())
                if o != k and DamerauLevenshtein.distance(o, k, score_cutoff=1) <= 1]
        if len(near) != 1 or quoted[near[0]] < MISSPELT_SHARE * quoted[k]:
            continue
        for n in by_last[k]:
            first = _fold(n)[:-1]
            fits = [m for m in by_last[near[0]] if not first or _fold(m)[:-1] == first]
            if fits:
                out[n] = max(fits, key=lambda m: (len(m.split()), count[m], m))
    # a whole name one slip from a far more quoted one with the same first word, whatever its last word's
    # length ("Yoon Suk Yoel" beside "Yoon Suk Yeol", the family name first): ten letters or more
    by_first: dict[tuple[str, int], list[str]] = defaultdict(list)
    for n in sorted(count):
        f = _fold(n)
        if len(f) >= 2:
            by_first[(f[0], len(f))].append(n)
    for group in by_first.values():
        for n in group:
            whole = " ".join(_fold(n))
            near = [m for m in group if m != n and
                    DamerauLevenshtein.distance(" ".join(_fold(m)), whole, score_cutoff=1) <= 1]
            if n not in out and len(near) == 1 and len(" ".join(_fold(near[0]))) >= 10 and \
                    count[near[0]] >= MISSPELT_SHARE * count[n]:
                out[n] = near[0]
    return out


FAMILY_FIRST_DOCS = 50  # articles quoting a full name read for that name's first word used alone


def _family_first(word: str, fuller: list[str], docs_of: dict[str, list]) -> list[str]:
    """The fuller names that start with ``word`` where an article quoting one of them in full also writes
    ``word`` alone as that person's name ("Yoon Suk Yeol" ... "Yoon said"): a family name written first,
    which a single "Yoon" stands for; a given name alone ("Joao" of "Joao Pedro Lima da Costa") seldom is."""
    out = []
    for m in fuller:
        second = m.split()[1]
        alone = re.compile(rf"\b{re.escape(word)}\b(?![\s-]+{re.escape(second)})")
        if any(m in d.norm and alone.search(d.norm) for d in docs_of.get(m, ())[:FAMILY_FIRST_DOCS]):
            out.append(m)
    return out


def canonical_speakers(docs) -> dict[str, str]:
    """One name per speaker across the corpus: a speaker an article names in part ("King Charles",
    "Erdogan") takes the fuller name other articles give the same person ("Charles III", "Recep Tayyip
    Erdoğan"), when exactly one fuller name fits (two people sharing a surname leave it as it is). The
    fullest name wins, then the most quoted spelling; sets each quotation's speaker and returns the map."""
    raw = Counter(q.speaker for d in docs for q in d.quotes if q.speaker)
    variants: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for n in sorted(raw):
        variants[_fold(n)].append(n)
    same: dict[str, str] = {}  # one name spelt several ways ("Yoon Suk-yeol", "Yoon Suk Yeol"): the most quoted
    spelt: Counter = Counter()
    for group in variants.values():
        top = max(group, key=lambda n: (raw[n], n))
        for n in group:
            spelt[top] += raw[n]
            if n != top:
                same[n] = top
    misspelt = _misspelt(spelt)
    count: Counter = Counter()  # a misspelt name counts as the name it slips from
    for n, k in spelt.items():
        count[misspelt.get(n, n)] += k
    names = sorted(count)
    folded = {n: _fold(n) for n in names}
    canon: dict[str, str] = {}
    by_first: dict[str, list[str]] = defaultdict(list)
    for n in names:
        by_first[folded[n][0]].append(n)
    docs_of: dict[str, list] = defaultdict(list)  # the articles quoting each speaker, by article id (not by
    for d in sorted(docs, key=lambda d: d.article.id):  # the order files were named in)
        for sp in sorted({q.speaker for q in d.quotes if q.speaker}):
            docs_of[sp].append(d)
    # a fuller name holds every word of the shorter one (``_extends``), its first word included: only the
    # names sharing that word are compared, not every pair (names stay in sorted order)
    holding = _by_word(names)
    for n in names:
        longer = [m for m, fm in holding[folded[n][0]] if _extends(fm, folded[n])]
        if not longer and len(folded[n]) == 1:
            longer = _family_first(n, [m for m in by_first[folded[n][0]] if len(folded[m]) >= 2], docs_of)
        if not longer:
            continue
        top = [m for m in longer if not any(_extends(folded[o], folded[m]) for o in longer)]
        if len({folded[m] for m in top}) != 1:
            continue  # two different people could be meant
        canon[n] = max(top, key=lambda m: (count[m], m))
    for n, m in misspelt.items():
        canon[n] = canon.get(m, m)
    for n, m in same.items():
        canon[n] = canon.get(m, m)
    for d in docs:
        for q in d.quotes:
            if q.speaker in canon:
                q.speaker = canon[q.speaker]
    _role_speakers(docs)
    return canon


def cluster_quotes(docs) -> list[QuoteCluster]:
    """Cluster every utterance unit across ``docs``; set cluster/fidelity/differences on each quote."""
    docs = list(docs)
    canonical_speakers(docs)
    renderings: list[Rendering] = []
    shared: dict = {}
    notes_of: dict[int, list[dict]] = {}
    noted: dict[str, frozenset[str] | None] = {}  # article -> the speakers its translation note is about (None: all)
    speakers_translated: set[str] = set()
    units_of: dict[tuple[int, int], list[Rendering]] = {}
    spoke_in = _spoke_in(corpus_languages(docs))
    for di, d in enumerate(docs):
        notes = translation_notes(d, spoke_in)
        notes_of[di] = notes
        prim = primary_source(d)
        scope = _note_scope(d, notes[0]) if notes else None
        if notes:
            noted[d.article.id] = scope
        for qi, q in enumerate(d.quotes):
            q.cluster, q.fidelity = None, None
            q.differences = [dict(n) for n in notes]
            if q.kind in SKIP_KINDS:
                continue
            units = _renderings(d, di, qi, q, prim, shared)
            units_of[(di, qi)] = units
            renderings.extend(units)
            if q.speaker and any(spoke_in.search(n["note"]) for n in notes) and (
                    scope is None or q.speaker.split()[-1].lower() in scope):
                speakers_translated.add(q.speaker.split()[-1].lower())  # the article says the speaker spoke another language
    del shared
    scorer = Scorer(renderings)
    groups = [g for g in group(renderings, scorer) if len({m.article for m in g}) >= 2]
    prepared = []
    used_ids: set[str] = set()
    for g in groups:
        g.sort(key=lambda m: m.key)
        med = _medoid(g)
        lo, hi = _consensus_window(med, g)
        cons = Consensus(med, lo, hi)
        text = cons.text(docs)
        sp = Counter(m.quote.speaker for m in g if m.quote.speaker).most_common()
        speaker = min((s for s, n in sp if n == sp[0][1]), default=None)
        cid = _cluster_id(speaker, text)
        k = 2
        while cid in used_ids:  # the same words in two clusters: ids stay unique
            cid = _cluster_id(speaker, f"{text}\0{k}")
            k += 1
        used_ids.add(cid)
        cons.cid = cid
        cons.translated = _translated(g, cons, speakers_translated)
        prepared.append((cid, g, cons, text, speaker))
    stop = _stopwords()
    where = {(m.doc_i, m.quote_i, m.unit_i): cid for cid, g, _, _, _ in prepared for m in g}
    adjacent = frozenset(pair for (d, q, u), cid in where.items() if (d, q, u + 1) in where
                         for pair in ((cid, where[(d, q, u + 1)]), (where[(d, q, u + 1)], cid)))
    sets = ConsensusWords([(cid, frozenset(s for s, w in zip(cons.stems, cons.rendering.words[cons.lo:cons.hi],
                                                           strict=True) if w[0].lower() not in stop))
                           for cid, _, cons, _, _ in prepared], adjacent)
    out = []
    unit_results: dict[tuple[int, int], list[tuple[Rendering, str, float, list[dict], int]]] = defaultdict(list)
    for cid, g, cons, text, speaker in prepared:
        cons_words = [w for w, _, _ in cons.rendering.words[cons.lo:cons.hi]]
        n_articles = len({m.article for m in g})
        votes = polarity_votes(g) if n_articles >= 3 else {}
        members = []
        for mi, m in enumerate(g):
            mcons, mwords, agreed = cons, cons_words, frozenset()
            carrier = _carrier(m, cons, g)
            if carrier is not None:  # a part of the utterance the consensus does not carry: judged by another
                mcons = Consensus(carrier, 0, carrier.size, cid, cons.translated)  # outlet's rendering of it
                mwords = [w for w, _, _ in carrier.words]
                agreed = frozenset(_number_value(w) for w in cons_words if _is_number(w))
            fid, diffs = compare(m, mcons, mwords, sets, scorer, cons.translated or m.article in noted and (
                noted[m.article] is None or m.speaker in noted[m.article]), agreed)
            if mi in votes and not any(d["type"] in MEANING_TYPES for d in diffs):
                ci, against, agree = votes[mi]
                fid = round(max(0.0, (fid - 0.30) * MEANING_FACTOR), 3)
                diffs.append({"type": "negation", "rendering": normalize(docs[m.doc_i].text[m.start:m.end]),
                              "consensus": text, "start": m.start, "end": m.end, "vote": [against, agree],
                              "note": f"a clause's polarity against {against} other rendering(s) of it "
                                      f"({agree} agree)"})
            if cons.translated and not any(d["type"] == "translated" for d in notes_of[m.doc_i]):
                diffs.append({"type": "translated", "note": "the renderings of this utterance are translations"})
            unit_results[(m.doc_i, m.quote_i)].append((m, cid, fid, diffs, n_articles))
            q = m.quote
            members.append({"article": m.article, "quote": m.quote_i, "unit": m.unit_i, "text": normalize(
                docs[m.doc_i].text[m.start:m.end]), "start": m.start, "end": m.end, "quote_start": q.start,
                "quote_end": q.end, "speaker": q.speaker, "fidelity": fid, "differences": diffs,
                **({"primary_source": True} if m.primary else {})})
        out.append(QuoteCluster(id=cid, consensus=text, speaker=speaker, members=members, method=METHOD))
    out = _sentence_groups(out, unit_results, units_of)
    for (di, qi), res in sorted(unit_results.items()):
        _set_quote(docs[di], docs[di].quotes[qi], res, notes_of[di], units_of[(di, qi)])
    _speakers_from_clusters(docs, prepared)
    out.sort(key=lambda c: (-len(c.members), c.id))
    return out


_CAP_WORD = r"[A-Z][a-z][\w'’-]*"  # a capitalised word of a name
# two capitalised words or more opening the words right before a quotation, a verb or two between ("Katarina
# Lemberg blasted: '")
_NAME_LEADS = re.compile(r"(?<![\w'’-])(" + _CAP_WORD + r"(?:\s+" + _CAP_WORD + r")+)(?:\s+[a-z]+){0,3}\s*[:,]?\s*"
                         r"[\"“‘']?\s*$")
# a cue's subject, before or after its verb: a noun phrase's head, or a name
_SUBJECT_LEFT = re.compile(r"(?:\b(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w'’-]+\s+){0,3}?(?P<noun>[a-z][\w-]*)|"
                           r"(?P<name>" + _CAP_WORD + r"(?:\s+" + _CAP_WORD + r")*))\s*,?\s*$")
_SUBJECT_RIGHT = re.compile(r"\s*(?:(?:the|a|an|one)\s+(?:[\w'’-]+\s+){0,3}?(?P<noun>[a-z][\w-]*)\b|"
                            r"(?P<name>" + _CAP_WORD + r"(?:\s+" + _CAP_WORD + r")*))")


def _cue_names_someone(doc, q) -> bool:
    """Whether the cue the speaker layer read, and resolved to no one, has a person for its subject ("the harbour
    master said", "said a dock worker", "Tor Ekman scoffed"): the article decided, for someone it does not name in
    full. A pronoun ("she said"), a document ("the transcript has her saying") or a body does not decide."""
    from ..text.attribution import vocab

    v = vocab()
    left = _SUBJECT_LEFT.search(doc.norm, max(0, q.cue_start - 60), q.cue_start)
    right = _SUBJECT_RIGHT.match(doc.norm, q.cue_end) if q.cue_end is not None else None
    for m in (left, right):
        if m is None:
            continue
        if m.group("name") and m.group("name").split()[0] not in ("The", "It", "He", "She", "They", "In", "But", "And"):
            return True
        noun = (m.group("noun") or "").casefold()
        if noun and (v.person_noun(noun) or v.person_plural(noun)):
            return True
    return False


CLUSTER_SPEAKER_MIN = 2  # other articles that credit the utterance to one person, and to no one else


def _speakers_from_clusters(docs, prepared) -> None:
    """(session 34) A quotation its own article credits to no one ('"...," the transcript has her saying', a
    headline's words, an outlet's own rendering set beside another's) takes the speaker that other articles give
    the same utterance: when every clustered unit of it belongs to clusters whose other members are credited to
    one person only, by at least ``CLUSTER_SPEAKER_MIN`` other articles. A quotation with a speaker keeps it."""
    credited: dict[str, dict[str, set[str]]] = {}  # cluster -> speaker -> articles crediting it
    clusters_of: dict[tuple[int, int], set[str]] = defaultdict(set)
    for cid, g, _, _, _ in prepared:
        by: dict[str, set[str]] = defaultdict(set)
        for m in g:
            clusters_of[(m.doc_i, m.quote_i)].add(cid)
            if m.quote.speaker:
                by[m.quote.speaker].add(m.article)
        credited[cid] = by
    for (di, qi), cids in sorted(clusters_of.items()):
        q = docs[di].quotes[qi]
        if q.speaker or (q.cue_start is not None and _cue_names_someone(docs[di], q)):
            continue
        own = docs[di].article.id
        names = {n for cid in cids for n in credited[cid]}
        if len(names) != 1:
            continue
        name = next(iter(names))
        if not all(len(credited[cid].get(name, set()) - {own}) >= CLUSTER_SPEAKER_MIN for cid in cids):
            continue
        # (not when the quotation's own sentence names someone else before it: 'Katarina Lemberg blasted: "He
        # should go today"', a cue no pattern read, whose words another outlet's speaker may seem to echo)
        sent = docs[di].sentence_at(q.start)
        before = docs[di].norm[sent[0]:q.start] if sent is not None else ""
        lead = _NAME_LEADS.search(before)
        if lead and lead.group(1) not in name:
            continue
        q.speaker = name


SENTENCE_GROUP_MIN = 2  # clause clusters quoted side by side, in one sentence, by this many articles are one,
SENTENCE_GROUP_SHARE = 0.34  # ... and by this share of the articles carrying the smaller of the two


def _clause_boundary(a: Rendering, b: Rendering) -> bool:
    """Whether units ``a`` and ``b`` (consecutive units of one quotation) part inside one sentence (a colon,
    a semicolon, a comma before a conjunction), not at a sentence's end (a full stop, a question or
    exclamation mark, an ellipsis). A semicolon joins two clauses of one sentence (session 31: the blind
    tax-breach event's "I am not going to speculate ...; that is a matter for the police", printed whole by
    two outlets and clause by clause by others, had been two clusters)."""
    end, start = a.offsets[-1], b.offsets[0]
    return not _SENTENCE_END.search(a.text, max(a.offsets[-2], end - 1), start)


_SENTENCE_END = re.compile(r"[.!?\u2026]")
# words a sentence opens with that carry on the one before it: a translation that breaks one sentence of the
# speech in two ("This is not about saving money. It is about having specialists where ...", "None of the
# buildings will be abandoned. Each one will become ...") starts the second half so
_CONTINUATION = frozenset({"it", "it's", "each", "but", "and", "nor", "what", "instead", "rather"})


def _continues(b: Rendering) -> bool:
    """Whether unit ``b`` opens with a word that carries on the sentence before it (``_CONTINUATION``)."""
    return bool(b.words) and b.words[0][0].lower().replace("\u2019", "'") in _CONTINUATION


def _sentence_groups(out: list[QuoteCluster], unit_results, units_of) -> list[QuoteCluster]:
    """Join the clusters of the clauses of one sentence. Units are cut at a colon and at a comma before a
    second main clause, so that an outlet quoting one clause alone meets the others; but the utterance is
    the sentence, and a reader (and the annotators) count "Some of the warnings were too late" and "I will
    not pretend otherwise" as renderings of one sentence when outlets print them as one. Two clusters
    whose units stand side by side across such a clause boundary, in quotations of ``SENTENCE_GROUP_MIN``
    articles or more and of ``SENTENCE_GROUP_SHARE`` of the articles carrying the smaller cluster (a clause
    wrongly clustered with another sentence links two sentences in a few articles only), become one cluster:
    its members are both clusters' units, each keeping the fidelity and the differences its own clause's
    consensus gave it, and its consensus is the clauses' consensuses in the order the quotations give them."""
    by_id = {c.id: c for c in out}
    unit_cid = {(m.doc_i, m.quote_i, m.unit_i): cid for res in unit_results.values() for m, cid, *_ in res}
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    order: dict[tuple[str, str], tuple[str, str]] = {}
    for (di, qi), units in sorted(units_of.items()):
        for a, b in zip(units, units[1:], strict=False):
            ca, cb = unit_cid.get((di, qi, a.unit_i)), unit_cid.get((di, qi, b.unit_i))
            if ca is None or cb is None or ca == cb or not (_clause_boundary(a, b) or _continues(b)):
                continue
            key = tuple(sorted((ca, cb)))
            seen[key].add(a.article)
            order.setdefault(key, (ca, cb))
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    carried = {c.id: len({m["article"] for m in c.members}) for c in out}
    for key in sorted(k for k, arts in seen.items() if len(arts) >= SENTENCE_GROUP_MIN and
                      len(arts) >= SENTENCE_GROUP_SHARE * min(carried[k[0]], carried[k[1]])):
        ra, rb = root(key[0]), root(key[1])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for cid in sorted(by_id):
        groups[root(cid)].append(cid)
    if all(len(g) == 1 for g in groups.values()):
        return out
    new_id: dict[str, str] = {}
    merged: list[QuoteCluster] = []
    for g in groups.values():
        if len(g) == 1:
            merged.append(by_id[g[0]])
            continue
        # the clauses in the order the quotations give them: a clause before the other in a pair comes first
        before = Counter()
        for x, y in order.values():
            if x in g and y in g:
                before[x] += 1
        seq = sorted(g, key=lambda c: (-before[c], c))
        members = sorted((m for c in seq for m in by_id[c].members),
                         key=lambda m: (m["article"], m["quote_start"], m["start"]))
        consensus = " ".join(by_id[c].consensus for c in seq)
        sp = Counter(m["speaker"] for m in members if m["speaker"]).most_common()
        speaker = min((x for x, n in sp if n == sp[0][1]), default=None)
        cid = _cluster_id(speaker, consensus)
        for c in g:
            new_id[c] = cid
        merged.append(QuoteCluster(id=cid, consensus=consensus, speaker=speaker, members=members,
                                   method=by_id[seq[0]].method))
    carried = {c.id: len({m["article"] for m in c.members}) for c in merged}
    for key, res in unit_results.items():
        unit_results[key] = [(m, new_id.get(cid, cid), fid, diffs, carried.get(new_id.get(cid, cid), k))
                             for m, cid, fid, diffs, k in res]
    return merged


# -- polarity by clause, against the other renderings ---------------------------------------------------------
# A rendering can turn a clause's meaning outside the stretch the consensus keeps ("our patience is unlimited"
# where the others print "not unlimited", "has its limits", "is not endless"): each clause's polarity is put
# to the vote of the other renderings' clauses about the same thing.
# (and a conjunction that opens a clause with its own subject pronoun, comma or none: "I am not a politician
# and I am not asking for ...", where the two negations are one in each clause, not two in one)
_CLAUSE_BREAK = re.compile(r"\s*(?:[;:\u2013\u2014]|\s-\s|,\s*(?=(?:and|but|yet|nor|while|whereas|though|although)\b)"
                           r"|(?=(?:and|but|yet|while|whereas)\s+(?:I|we|you|he|she|they|it)\b))",
                           re.IGNORECASE)
_LESS_STOP = frozenset({"unless", "less", "bless", "nevertheless", "nonetheless", "regardless", "doubtless"})
# an adjective's ending: "unable", "unlawful", "unusual", "unlikely" (not a verb's: "unveiled", "unlocking"
# reverse an act, they negate nothing; those count only where the renderings carry the base)
_UN_ADJECTIVE = re.compile(r"(?:able|ible|ful|al|ic|ive|ous|ent|ant|ary|ly|y)$")
_UN_WORDS = frozenset({"unclear", "unfair", "unsafe", "unknown", "unjust", "unwise", "unfit", "unwell", "unsure",
                       "unreal", "untrue", "unkind", "unseen", "unsound", "unfinished", "unchanged", "unlimited",
                       "unprepared", "unwilling", "unending", "unfounded", "unacceptable"})
VOTE_MIN = 2  # a clause's polarity is flipped when at least this many other renderings disagree with it ...
VOTE_SHARE = 2 / 3  # ... and this share of those that speak of the same thing: clauses whose content stems
VOTE_OVERLAP = 0.7  # overlap by this share (Jaccard) at least


def _morph_negation(word: str, vocab: frozenset[str]) -> str | None:
    """The base of a word negated by its form ("unlimited" -> "limited", "endless" -> "end"), else None. A
    word in un- counts as an adjective's negation, or when the renderings carry its base ("unveil" is no
    negation of "veil")."""
    w = word.lower()
    if w.startswith("un") and len(w) >= 6 and w[2:].isalpha() and (
            w in _UN_WORDS or _UN_ADJECTIVE.search(w) or stem(w[2:]) in vocab):
        return w[2:]
    if w.endswith("less") and len(w) >= 7 and w not in _LESS_STOP and w[:-4].isalpha():
        return w[:-4]
    return None


def _clauses(m: Rendering, vocab: frozenset[str]) -> list[tuple[frozenset[str], int]]:
    """(content stems, negations) of each clause of a unit: cut where a semicolon, a colon, a dash or a comma
    before a conjunction stands between two words. A word negated by its form counts one negation and
    stands for its base in the stems, so "unlimited" and "limits" speak of the same thing."""
    words = m.words
    stop = _stopwords()
    out, stems, neg = [], set(), 0
    negs = set(m.neg)
    for i, (w, s, _) in enumerate(words):
        brk = _CLAUSE_BREAK.match(m.text, words[i - 1][2]) if i else None
        if brk and brk.end() <= s:
            out.append((frozenset(stems), neg))
            stems, neg = set(), 0
        base = _morph_negation(w, vocab)
        if i in negs:
            neg += 1
        elif base:
            neg += 1
            stems.add(stem(base))
        elif w.lower() not in stop:
            stems.add(m.stems[i])
    out.append((frozenset(stems), neg))
    return [c for c in out if c[0]]


def polarity_votes(g: list[Rendering]) -> dict[int, tuple[int, int, int]]:
    """For each member of a cluster (by index) whose clause's polarity (the parity of its negations) the
    other renderings' clauses about the same thing vote down: (clause index, against, for). The clauses
    compared share most of their content stems (``VOTE_OVERLAP``), each other rendering giving the one clause
    that shares the most: two clauses cut differently are not compared."""
    vocab = frozenset(st for m in g for st in m.stems)
    cl = [_clauses(m, vocab) for m in g]
    flagged: dict[int, tuple[int, int, int]] = {}
    for i, clauses in enumerate(cl):
        for ci, (stems_i, neg_i) in enumerate(clauses):
            agree = against = 0
            for j, other in enumerate(cl):
                if j == i or g[j].article == g[i].article or not other:
                    continue
                best = max(other, key=lambda c: len(c[0] & stems_i))
                if len(best[0] & stems_i) < VOTE_OVERLAP * len(best[0] | stems_i):
                    continue  # a clause about something else, or more besides
                if best[1] % 2 == neg_i % 2:
                    agree += 1
                else:
                    against += 1
            if against >= VOTE_MIN and against >= VOTE_SHARE * (agree + against):
                flagged[i] = (ci, against, agree)
                break
    return flagged


PRIMARY_RULE = "first"
LEAD_UNIT_WORDS = 8  # a quotation whose opening unit of this many words no other article carries has no primary cluster


def _primary_unit(res):
    if PRIMARY_RULE == "first":
        return res[0]
    return max(res, key=lambda x: (x[4], -x[0].unit_i))  # carried by most articles; ties: the earlier unit


def _set_quote(doc, q, res: list[tuple[Rendering, str, float, list[dict], int]], notes: list[dict],
               units: list[Rendering]) -> None:
    """A quotation's primary cluster, fidelity (its lowest unit's) and differences, from its units'."""
    res = sorted(res, key=lambda x: x[0].unit_i)
    prim = _primary_unit(res)
    q.cluster = prim[1]
    if LEAD_UNIT_WORDS and prim[0].unit_i > 0 and units and units[0].size >= LEAD_UNIT_WORDS:
        q.cluster = None  # quoted for its opening sentence, which no other article carries
    diffs: list[dict] = []
    inferred = False
    for _, _, _, ds, _ in res:
        for d in ds:
            if d["type"] == "translated":
                inferred = True
            else:
                diffs.append(d)
    fid = min(x[2] for x in res)
    # units joined with an ellipsis, in different clusters (or one uncorroborated): a remark stitched on
    cluster_of = {m.unit_i: cid for m, cid, _, _, _ in res}
    for a, b in zip(units, units[1:], strict=False):
        gap_s, gap_e = a.offsets[-1], b.offsets[0]
        if "..." not in doc.norm[gap_s:gap_e] and "\u2026" not in doc.text[gap_s:gap_e]:
            continue
        ca, cb = cluster_of.get(a.unit_i), cluster_of.get(b.unit_i)
        if ca is not None and ca == cb:
            continue
        other = a if cb == prim[1] else b
        ws = other.words
        diffs.append({"type": "stitched", "rendering": _words_text(ws, 0, other.size), "consensus": "",
                      "start": ws[0][1], "end": ws[-1][2], "note": "joined with an ellipsis"})
        fid -= 0.05
    q.fidelity = round(max(0.0, fid), 3)
    notes = [dict(n) for n in notes]
    if inferred and not notes:
        notes = [{"type": "translated", "note": "the renderings of this utterance are translations"}]
    q.differences = diffs + notes


def units_by_article(corpus) -> dict[str, list[tuple[QuoteCluster, dict]]]:
    """Each article's clustered units, as (cluster, member) pairs in text order; computed once a corpus."""
    def build() -> dict[str, list[tuple[QuoteCluster, dict]]]:
        out: dict[str, list[tuple[QuoteCluster, dict]]] = defaultdict(list)
        for c in corpus.quote_clusters:
            for m in c.members:
                out[m["article"]].append((c, m))
        for v in out.values():
            v.sort(key=lambda cm: (cm[1]["start"], cm[1]["end"], cm[0].id))
        return out

    return corpus.memo("quote_units", build)


def with_unit_clusters(articles: list[dict], clusters) -> list[dict]:
    """The export's articles with, on each quote, ``clusters``: every cluster its units belong to, as
    ``{"id", "start", "end"}`` (the unit's span), in text order. Derived from the clusters' members, so
    nothing new is stored."""
    units: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for c in clusters:
        for m in c.members:
            if isinstance(m.get("quote"), int):
                units[(str(m.get("article")), m["quote"])].append(
                    {"id": c.id, "start": m.get("start"), "end": m.get("end")})
    for a in articles:
        for qi, q in enumerate(a.get("quotes") or []):
            q["clusters"] = sorted(units.get((str(a.get("id")), qi), []), key=lambda u: (u["start"], u["end"], u["id"]))
    return articles
