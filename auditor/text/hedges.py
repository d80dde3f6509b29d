"""Hedged statements: where the text signals a conclusion that is not established ("likely", "appears to").

``hedges(doc)`` finds hedge cues (``rules/data/hedges.yaml``) in the author's voice only: never inside a
quotation (``doc.inside_quotation``, the text layer's one guard), never inside
boilerplate, never inside an attribution clause (there "it is believed" is vague sourcing, reported by the
attribution rules). Strong cues ("likely", "apparently", "is believed to") count anywhere in the author's
voice; modal verbs only in the speculative perfect ("may have caused"), since "may", "might" and "could"
are common in neutral reporting.

Each ``Hedge`` carries the clause it qualifies (``start``/``end``: from the cue, or from the clause start
when the cue sits inside its clause, to the next clause boundary) and, when the clause lies inside the
scope of an attribution in the same sentence ("Rutte said Russia will likely ..."), that attribution:
the hedge is then the source's, reported by the author.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..models import Attribution
from ..vocab import cached, longest_first
from .attribution import _alts, matches_at_word_starts
from .speakers import _CLOSED_CLASS, _FUNCTION, SECOND_PERSON, _speech_nouns

Span = tuple[int, int]


@dataclass
class Hedge:
    cue: str
    cue_start: int
    cue_end: int
    start: int  # the hedged clause
    end: int
    strength: str  # interpretive | strong | weak
    attribution: Attribution | None = None  # the attribution whose scope holds the clause


@cached
def _hedge_table(extra_dirs: tuple = ()) -> list[tuple[re.Pattern, str, frozenset[str]]]:
    """Every hedge pattern with its strength and the words a match starts with (see ``attribution.scan``),
    built once from ``hedges.yaml`` (and ``attribution_cues.yaml`` for the crowd's adverbs)."""
    from ..vocab import load_mapping
    from .attribution import first_words

    data = load_mapping("hedges", extra_dirs)
    cues = load_mapping("attribution_cues", extra_dirs)

    def lst(key: str, src=data) -> list[str]:
        return [str(p) for p in src.get(key, []) or []]

    def alt(key: str, src=data) -> str:
        return _alts(lst(key, src))

    out: list[tuple[re.Pattern, str, frozenset[str]]] = []
    for strength, key in (("interpretive", "interpretation"), ("strong", "strong"), ("weak", "weak_perfect")):
        phrases = lst(key)
        if not phrases:
            continue
        tail = r"(?=\s+(?:been|[a-z]+(?:ed|en|wn|ne|un|ht|lt|pt|nt)\b))" if strength == "weak" else ""
        out.append((re.compile(rf"(?<![\w'-])(?:{_alts(phrases)})(?![\w-]){tail}", re.IGNORECASE), strength,
                    first_words(phrases)))

    # the author's forecast with no hedge word: odds ("looks like a long shot", "looked set to"), a modal and
    # a noun of consequence ("could be a significant blow")
    if data.get("odds") and data.get("odds_verbs"):
        rest = [p for p in lst("odds") if p not in ("set to", "like a long shot")]
        out.append((re.compile(rf"(?<![\w'-])(?:(?:{alt('odds_verbs')})\s+(?:still\s+)?(?:{alt('odds')})"
                               rf"|(?:is|are|was|were)\s+(?:still\s+)?(?:{_alts(rest)}))(?![\w-])", re.IGNORECASE),
                    "strong", first_words(lst("odds_verbs")) | {"is", "are", "was", "were"}))
    if data.get("outcome_nouns"):
        out.append((re.compile(r"(?<![\w'-])(?:could|may|might|would)\s+(?:well\s+)?(?:be|prove|become|spell|mark)"
                               r"\s+(?:to\s+be\s+)?(?:a|an)\s+(?:[a-z-]+\s+){0,2}?(?:" + alt("outcome_nouns")
                               + r")(?![\w-])", re.IGNORECASE), "strong", frozenset({"could", "may", "might", "would"})))
    if data.get("forecast_verbs"):
        # ... and an expectation no one is named for ("the address is expected to resonate with")
        out.append((re.compile(r"(?<![\w'-])(?:could|may|might|(?:is|are)\s+(?:widely\s+)?expected\s+to)\s+"
                               r"(?:well\s+|also\s+|further\s+|even\s+|yet\s+|ultimately\s+|eventually\s+|soon\s+|"
                               r"therefore\s+|thus\s+|potentially\s+|seriously\s+|in\s+turn\s+)?(?:"
                               + alt("forecast_verbs") + r")(?![\w-])",
                               re.IGNORECASE), "strong", frozenset({"could", "may", "might", "is", "are"})))
    if data.get("forecast_participles") or data.get("forecast_adjectives"):
        alts = [a for a in (alt("forecast_participles") and r"be\s+(?:[a-z]+ly\s+)?(?:" + alt("forecast_participles") + ")",
                            alt("forecast_adjectives") and r"prove\s+(?:to\s+be\s+)?(?:" + alt("forecast_adjectives") + ")")
                if a]
        out.append((re.compile(r"(?<![\w'-])(?:could|may|might)\s+(?:well\s+|also\s+|yet\s+|ultimately\s+|eventually\s+)?"
                               r"(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE), "strong",
                    frozenset({"could", "may", "might"})))
    # the author naming an act by a modal label: "in what may be his last address", "what could be a turning point"
    out.append((re.compile(r"(?<![\w'-])what\s+(?:may|might|could)\s+(?:well\s+)?be(?=\s+(?:his|her|their|its|the|a|an|"
                           r"one)\b)", re.IGNORECASE), "strong", frozenset({"what"})))
    if data.get("mind_reading") and data.get("mind_verbs"):
        out.append((re.compile(r"(?<![\w'-])(?:" + alt("mind_reading") + r")(?=\s+(?:[\w'’-]+\s+){0,6}?"
                               r"(?:(?:did|does|do)\s+not\s+|(?:didn|doesn|don)['’]t\s+|no\s+longer\s+)?(?:"
                               + alt("mind_verbs") + r")\b)", re.IGNORECASE), "interpretive",
                    first_words(lst("mind_reading"))))
    if data.get("before_consequence"):
        out.append((re.compile(r"(?<=, )(?:" + alt("before_consequence") + r")(?=\s+[a-z]+ing\b)", re.IGNORECASE),
                    "strong", first_words(lst("before_consequence"))))
    if data.get("thing_hints"):
        out.append((re.compile(r"(?<![\w'-])(?:" + alt("thing_hints") + r")(?![\w-])", re.IGNORECASE), "thing",
                    first_words(lst("thing_hints"))))
    if data.get("impression_of_words") and data.get("impression_verbs"):  # "a phrase that sounded generous but"
        out.append((re.compile(r"(?<![\w'-])(?:an?|the|his|her|their)\s+(?:[\w-]+\s+)?(?:" + alt("impression_of_words")
                               + r")\s+(?:that|which)\s+(?:" + alt("impression_verbs") + r")(?![\w-])", re.IGNORECASE),
                    "interpretive", frozenset({"a", "an", "the", "his", "her", "their"})))
    if data.get("thing_readings"):  # "the fact that ... suggests that", "the decision to wait is a sign that"
        out.append((re.compile(r"(?<![\w'-])(?:" + alt("thing_readings") + r")(?![\w-])", re.IGNORECASE), "thing",
                    first_words(lst("thing_readings"))))
    # a crowd's reading: an adverb of extent and a verb of reading ("widely seen as", "generally regarded
    # as", "increasingly viewed as"), or the verb with a crowd as agent ("seen by many as", "viewed by
    # critics as")
    if data.get("reading_verbs") and cues.get("crowd_adverbs"):
        srcs = load_mapping("sources", extra_dirs)
        crowd = sorted({*lst("vague_quantifiers", cues), "many", "some", "most", "others",
                        *(n for n in lst("vague_nouns", srcs) if " " not in n)})
        out.append((re.compile(r"(?<![\w'-])(?:(?:" + alt("crowd_adverbs", cues) + r")\s+(?:" + alt("reading_verbs")
                               + r")(?:\s+(?:in|across|among|within|inside)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?"
                               r"\s+as|(?:" + alt("reading_verbs") + r")\s+by\s+(?:(?:" + _alts(crowd)
                               + r")|(?:some|many)\s+[a-z]+)\s+as)(?![\w-])", re.IGNORECASE), "interpretive",
                    first_words(lst("crowd_adverbs", cues) + lst("reading_verbs"))))
    # "in what": the author names an act by its reading ("in what is seen as", "in what some saw as", "in
    # what appeared to be", "in what amounted to")
    # what of "in what he described as" is the speaker's own name for the act, reported: not a reading
    if data.get("in_what_verbs"):
        # (also "in what host Tom Bergeron described as", "in what the minister called": a named or titled
        # describer's words)
        own = (r"(?!(?-i:he|she|they|we|I|(?:[a-z][\w-]*\s+){0,2}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
               r"|(?:the|his|her|their)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+(?:has\s+|had\s+)?"
               r"(?:described|called|characterised|characterized|dubbed|termed|labelled|labeled)\b)")
        out.append((re.compile(r"(?<![\w'-])in\s+what\s+" + own + r"(?:[\w'’-]+\s+){0,3}?(?:" + alt("in_what_verbs")
                               + r")(?![\w-])", re.IGNORECASE), "interpretive", frozenset({"in"})))
    # an implied target: "a veiled threat", "a thinly veiled reference to", "an oblique dig at"
    if data.get("implied_adjectives") and data.get("implied_nouns"):
        out.append((re.compile(r"(?<![\w'-])(?:" + alt("implied_adjectives") + r")\s+(?:" + alt("implied_nouns")
                               + r")(?![\w-])", re.IGNORECASE), "interpretive", first_words(lst("implied_adjectives"))))
    # a speech or an act that "suggests", "implies", "hints at": the author's hedged reading ("her remarks suggest
    # a shift", "the timing hints at impatience", "which suggests that")
    if data.get("implication_nouns") and data.get("implication_verbs"):
        # (the noun may carry its complement: "the decision to pay without a claim suggests")
        out.append((re.compile(r"(?<![\w'-])(?:" + alt("implication_nouns") + r")(?:\s+(?:to|of|by)\s+[^,.;:!?\n\"]{1,60}?)?"
                               r"\s+(?:" + alt("implication_verbs") + r")(?![\w-])", re.IGNORECASE), "strong",
                    first_words(lst("implication_nouns"))))
    # ... in the past too when what "suggested" is no speech that could have said it: "her tone suggested she had
    # lost patience" is the author's reading ("the statement suggested that talks resume" reports the statement)
    if data.get("implication_things") and data.get("implication_past_verbs"):
        out.append((re.compile(r"(?<![\w'-])(?:" + alt("implication_things") + r")\s+(?:" + alt("implication_past_verbs")
                               + r")(?![\w-])", re.IGNORECASE), "strong", first_words(lst("implication_things"))))
    # ... or with a verb of evidence, hedged by a possibility in the clause it reads ("the remarks signal that
    # the port may close"), or a participle before a possible outcome ("..., indicating a potential shift")
    if data.get("possibility_words"):
        maybe = alt("possibility_words")
        if data.get("implication_nouns") and data.get("evidence_verbs"):
            out.append((re.compile(r"(?<![\w'-])(?:" + alt("implication_nouns") + r")\s+(?:" + alt("evidence_verbs")
                                   + r")(?:\s+that)?(?=[^.;:!?\n]{0,80}?(?<![\w'-])(?:" + maybe + r")(?![\w-]))",
                                   re.IGNORECASE), "strong", first_words(lst("implication_nouns"))))
        if data.get("evidence_participles"):
            out.append((re.compile(r"(?<![\w'-])(?:" + alt("evidence_participles") + r")(?=\s+(?:that\s+[^.;:!?\n]{0,80}?"
                                   r"(?<![\w'-])(?:may|might|could)|(?:a|an|the)\s+(?:" + maybe + r"))(?![\w-]))",
                                   re.IGNORECASE), "strong", first_words(lst("evidence_participles"))))
    # a mind read in the author's voice: "she knows that", "he is well aware that" (the subject is checked)
    if data.get("knowing_verbs"):
        out.append((re.compile(r"(?<![\w'-])(?:" + alt("knowing_verbs") + r")\s+(?:that|full\s+well|all\s+too\s+well|"
                               r"only\s+too\s+well|what|how)(?![\w-])", re.IGNORECASE), "mind",
                    first_words(lst("knowing_verbs"))))
    # ... or asserted by an adverb of evidence: "the judge plainly knew it", "she clearly wanted a vote"
    if data.get("evident_adverbs") and data.get("known_states"):
        # (session 35: "Sennholt is evidently also counting on its partners")
        out.append((re.compile(r"(?<![\w'-])(?:" + alt("evident_adverbs") + r")\s+(?:(?:also|still|already)\s+)?(?:"
                               + alt("known_states") + r")(?![\w-])",
                               re.IGNORECASE), "mind", first_words(lst("evident_adverbs"))))
    # a forecast in the imperative, opening a sentence: "Expect the regional parliament to push for a delay"
    if data.get("forecast_imperatives"):
        out.append((re.compile(r"(?:(?<=^)|(?<=[.!?:]\s)|(?<=\n))(?:" + alt("forecast_imperatives") +
                               # (session 32: "Expect every auction house to re-examine", "Expect their bills to
                               # rise"; one addressed to the reader, "your inbox", stays advice: SECOND_PERSON)
                               r")(?=\s+(?:more|further|less|fewer|the|a|an|some|no|[A-Z]|\w+\s+to\b|"
                               r"(?:their|his|her|its|every|each|any)\s+\w+(?:\s+\w+){0,4}?\s+to\b|"
                               # (session 35: "Expect other commissions in the region to audit their stocks")
                               # ("Expect capacity auction premiums on the Lusk-Varo line to stay high")
                               r"(?:other|many|most|all|both|several|[a-z]+)\s+(?:[\w'’-]+\s+){0,7}?to\s+[a-z]))",
                               re.MULTILINE),
                    "strong", first_words(lst("forecast_imperatives"))))
    # (session 35) where someone could be by a day the author names: "The suspects could be back on the streets by
    # Thursday", "might be home by Christmas" (not "may", as often a permission: "may be submitted by Friday")
    out.append((re.compile(r"(?<![\w'-])(?:could|might)\s+(?:well\s+)?be\s+(?:back\s+|home\s+|out\s+|free\s+|gone\s+)"
                           r"[^.;:,\n]{0,40}?\bby\s+(?:the\s+end\s+of\s+|next\s+|this\s+)?(?:Monday|Tuesday|Wednesday|"
                           r"Thursday|Friday|Saturday|Sunday|Christmas|Easter|spring|summer|autumn|winter|the\s+weekend|"
                           r"tomorrow|tonight|morning|week|month|year)\b", re.IGNORECASE),
                "strong", frozenset({"could", "might"})))
    # (session 32) a hedge opening the author's sentence: "Maybe the paintings are already abroad"
    if data.get("opening_hedges"):
        out.append((re.compile(r"(?:(?<=^)|(?<=[.!?]\s)|(?<=\n))(?:" + alt("opening_hedges") + r")\b(?!,)", re.MULTILINE),
                    "strong", first_words(lst("opening_hedges"))))
    # an aim read off appearances: "the clip looked like a bid to save her job"
    if data.get("aim_nouns"):
        out.append((re.compile(r"(?<![\w'-])(?:seem|seems|seemed|look|looks|looked|sound|sounds|sounded)\s+like\s+"
                               r"(?:a|an)\s+(?:[a-z-]+\s+)?(?:" + alt("aim_nouns") + r")(?![\w-])", re.IGNORECASE),
                    "strong", frozenset({"seem", "seems", "seemed", "look", "looks", "looked", "sound", "sounds",
                                         "sounded"})))
    # a state of mind or an outcome read off appearances: "seems determined to", "appeared unfazed",
    # "looks certain to"
    if data.get("state_adjectives"):
        out.append((re.compile(r"(?<![\w'-])(?:seem|seems|seemed|seeming|appear|appears|appeared|appearing|look|"
                               r"looks|looked|looking)\s+(?:(?:now|more|less|increasingly|ever|all\s+the\s+more|very|"
                               r"so|rather|quite|somewhat|genuinely|truly|firmly|clearly|fully|particularly|largely|mainly|"
                               r"chiefly|primarily|partly|squarely)\s+)*(?:"
                               + _alts_degree(lst("state_adjectives")) + r")(?![\w-])", re.IGNORECASE), "strong",
                    frozenset({"seem", "seems", "seemed", "seeming", "appear", "appears", "appeared", "appearing",
                               "look", "looks", "looked", "looking"})))
    if data.get("conditional_openers"):
        # (also on the author's own reading: "If that holds, the fix could be quick", "If so, ...")
        out.append((re.compile(r"(?<![\w'-])If\s+(?:(?:fully\s+|ever\s+)?(?:" + alt("conditional_openers") + r")|so|"
                               r"(?:that|this)\s+(?:holds|is\s+(?:right|correct|true|so|the\s+case)|proves\s+"
                               r"(?:right|correct|true|to\s+be\s+the\s+case)))\s*,"
                               r"(?=[^.;!?\n]{0,80}?\b(?:could|would|may|might|will)\s+[a-z]+)|"
                               # (session 31) the author's premise granted, whatever the tense after it: "If that
                               # is right, the inspectors were relying on the very paperwork ..."
                               r"(?<![\w'-])If\s+(?:(?:that|this)\s+(?:is|was)\s+(?:right|correct|true|so|confirmed)|so)\s*,"),
                    "strong", frozenset({"if"})))
    # (session 31) the author's reading put as the only one possible: "It is hard to read that sentence as anything
    # other than a rebuke", "hard to read as anything other than an admission"
    out.append((re.compile(r"(?<![\w'-])(?:hard|difficult)\s+to\s+(?:read|see)\s+(?:[^.;:!?\n]{1,60}?\s+)?as\s+"
                           r"anything\s+(?:other|else)\s+than\b"), "strong", frozenset({"hard", "difficult"})))
    if data.get("reaction_forecasts"):
        # (session 31) a reaction or an outcome foreseen after "will", no hedge word ("will be quietly relieved")
        be = "|".join(re.escape(p[3:]) for p in lst("reaction_forecasts") if p.startswith("be "))
        other = "|".join(re.escape(p) for p in lst("reaction_forecasts") if not p.startswith("be "))
        out.append((re.compile(r"(?<![\w'-])(?:will|won['\u2019]t)\s+(?:(?:also|quietly|surely|certainly|not|no\s+doubt|still)\s+){0,2}"
                               r"(?:be\s+(?:[a-z]+ly\s+)?(?:" + be + r")|" + other + r")(?![\w-])", re.IGNORECASE),
                    "strong", frozenset({"will", "won"})))
    # (session 33) an act named by its intent after a comma, no adjective: "..., in a nod to the fishermen"
    if data.get("intent_nouns"):
        adj = r"(?:(?:" + alt("intent_adjectives") + r")\s+)?" if data.get("intent_adjectives") else ""
        out.append((re.compile(r"(?<=,\s)in\s+an?\s+" + adj + r"(?:" + alt("intent_nouns") + r")\s+(?:to|at)(?![\w-])",
                               re.IGNORECASE),
                    "interpretive", frozenset({"in"})))
    # (session 33) what something will fail to do, its object next: "will not stop two officers", "won't save his job"
    if data.get("inefficacy_verbs"):
        out.append((re.compile(r"(?<![\w'-])(?:will\s+not|won['\u2019]t)\s+(?:(?:even|ever|alone|by\s+itself)\s+)?(?:"
                               + alt("inefficacy_verbs") + r")\s+(?!(?:at|in|on|for|until|before|after|by|from|to|with|"
                               r"there|here|today|tomorrow|now|yet)\b)(?:the|a|an|his|her|their|its|two|three|any|anyone|"
                               r"anybody|anything|everyone|everybody|people|them|him|her|[A-Z])", re.IGNORECASE), "strong",
                    frozenset({"will", "won"})))
    # (session 33) a motive read off conduct in an idiom: "is keeping his options open", "was preparing the ground"
    if data.get("motive_idioms"):
        out.append((re.compile(r"(?<![\w'-])(?:is|are|was|were|'s|\u2019s)\s+(?:(?:clearly|simply|merely|just|now|"
                               r"already|quietly)\s+)?(?:" + alt("motive_idioms") + r")(?![\w-])", re.IGNORECASE),
                    "interpretive", frozenset({"is", "are", "was", "were"})))
    # (session 33) an unknown agent's choice asserted: "Someone in the ministry decided that ...", "Somebody planned
    # this for months", "Someone, somewhere, decided", "and somebody wrote that list" (not "Someone at the council
    # told us": a source; nor "Someone called the police": an act the article reports)
    out.append((re.compile(r"(?:(?<=^)|(?<=[.!?]\s)|(?<=\n)|(?<=\band\s)|(?<=\bbut\s))(?i:some(?:one|body))"
                           r"(?:\s*,\s*somewhere\s*,|\s+(?:in|at|inside|within|on)\s+[^.;:!?\n\"]{1,60}?)?\s+"
                           r"(?:decided|chose|wanted|made\s+sure|ordered|opted|planned|wrote|let|knew|tipped)(?![\w-])",
                           re.MULTILINE), "strong", frozenset({"someone", "somebody"})))
    # (session 33) the author's gloss: "Translation: the bank is prepared to ..." (not a credit, "Translation: Ana Vos")
    out.append((re.compile(r"(?:(?<=^)|(?<=[.!?]\s)|(?<=\n))Translation\s*:\s+(?=[a-z])", re.MULTILINE), "interpretive",
                frozenset({"translation"})))
    # (session 33) the author's forecast of what something is going to be: "This is going to be a long one"
    out.append((re.compile(r"(?<![\w'-])(?:this|that|it)\s+is\s+going\s+to\s+be\s+(?:a|an)\s", re.IGNORECASE), "strong",
                frozenset({"this", "that", "it"})))
    # (session 33) a change foreseen for what the sentence just described: "After Tuesday, that will change."
    out.append((re.compile(r"(?<![\w'-])(?:that|this|all\s+that|things)\s+will\s+(?:soon\s+|surely\s+|have\s+to\s+)?"
                           r"change(?=\s*[.!])", re.IGNORECASE), "strong", frozenset({"that", "this", "all", "things"})))
    # (session 33) what people can expect of another ("Suppliers can expect the ministry's phones to start ringing");
    # minds read in the future perfect ("his officials will have least wanted", "the board will have known")
    out.append((re.compile(r"(?<![\w'-])can\s+expect\s+(?:(?:the|a|an|his|her|their|its|more|further)\s+(?:[\w'\u2019-]+\s+){0,4}?"
                           r"to\s+[a-z]+|(?:far\s+|much\s+|even\s+)?(?:more|fewer|less|tougher|harder|higher|stricter|"
                           r"longer|bigger|steeper|closer)\b)|(?<![\w'-])will\s+have\s+(?:been\s+)?"
                           r"(?:(?:least|most|long|already|surely)\s+|[a-z]+ly\s+)?"
                           r"(?:wanted|hoped|feared|expected|noticed|known|realised|realized|understood|dreaded|welcomed|heard)"
                           r"(?![\w-])", re.IGNORECASE), "strong", frozenset({"can", "will"})))
    # (session 34) the past guessed in the future perfect passive ("The phrase will have been chosen with care",
    # "it will have been checked by the lawyers"), and an act read as plainly so ("was plainly drafted before
    # Thursday", "was, plainly, aimed at foreign readers"; not "clearly", which also says how a thing looks: "the
    # exit was clearly marked")
    out.append((re.compile(r"(?<![\w'-])will\s+have\s+been\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn|ght)(?![\w-])"
                           # (not a schedule: "will have been published by then", "by the end of May", "by 2030")
                           r"(?![^.;:!?\n]{0,40}?\bby\s+(?:then|now|the\s+time|the\s+(?:end|start|middle)|next|this|"
                           r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                           r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\d))|"
                           r"(?<![\w'-])(?:is|was|are|were)\s*,?\s*(?:plainly|obviously|evidently|surely|doubtless)"
                           r"\s*,?\s+[a-z]+(?:ed|en)(?![\w-])", re.IGNORECASE), "strong",
                frozenset({"will", "is", "was", "are", "were"})))
    # readings first: where a reading and a plain hedge share words ("in an apparent swipe at"), the
    # reading wins, and a reading stays the author's after a speaker's clause
    return sorted(out, key=lambda t: t[1] != "interpretive")


# a degree between an aim's participle and its preposition ("appeared designed as much for the cameras",
# "seemed aimed mainly at")
_DEGREE = (r"(?:(?:as\s+much|more|less|mainly|chiefly|largely|partly|primarily|mostly|also|squarely|at\s+least"
           r"|in\s+part)\s+)?")


def _alts_degree(phrases: list[str]) -> str:
    """``_alts``, where a phrase that ends in a preposition of aim (for, at, to, towards) lets a degree stand
    before that preposition."""
    from ..vocab import longest_first

    parts = []
    for p in longest_first(phrases):
        w = p.split()
        if len(w) >= 2 and w[-1].casefold() in ("for", "at", "to", "towards"):
            parts.append(r"\s+".join(map(re.escape, w[:-1])) + r"\s+" + _DEGREE + re.escape(w[-1]))
        else:
            parts.append(r"\s+".join(map(re.escape, w)))
    return "|".join(parts)


@cached
def hedge_patterns(extra_dirs: tuple = ()) -> list[tuple[re.Pattern, str]]:
    return [(rx, strength) for rx, strength, _ in _hedge_table(extra_dirs)]


@cached
def hedge_first_words(extra_dirs: tuple = ()) -> list[frozenset[str]]:
    """For each of ``hedge_patterns()``, the words a match starts with (see ``attribution.scan``)."""
    return [first for _, _, first in _hedge_table(extra_dirs)]


@cached
def belief_before(extra_dirs: tuple = ()) -> re.Pattern:
    """A word of fear, hope or expectation and "that" at the end of a stretch ("allies fear that"): the
    clause after it is someone's belief (``belief_words`` in hedges.yaml)."""
    from ..vocab import load_mapping

    words = [str(p) for p in load_mapping("hedges", extra_dirs).get("belief_words", []) or []]
    return re.compile(r"(?<![\w'-])(?:" + (_alts(words) or "(?!)") + r")\s+that\s*$", re.IGNORECASE)


@cached
def sign_sources(extra_dirs: tuple = ()) -> frozenset[str]:
    """Nouns of a source or a piece of evidence (``sign_sources`` in hedges.yaml): what one "suggests" is
    sourcing, not the author's reading of a sign."""
    from ..vocab import load_mapping

    return frozenset(str(p).casefold() for p in load_mapping("hedges", extra_dirs).get("sign_sources", []) or [])


@cached
def scene_verbs(extra_dirs: tuple = ()) -> re.Pattern:
    """Verbs of the scene after "seemed to" / "appeared to": a description, not a conclusion."""
    from ..vocab import load_mapping

    verbs = [str(p) for p in load_mapping("hedges", extra_dirs).get("scene_verbs", []) or []]
    return re.compile(r"\s+(?:" + (_alts(verbs) or "(?!)") + r")(?![\w-])", re.IGNORECASE)


_SEEM = re.compile(r"(?:appear|seem)(?:s|ed)?\s+to$", re.IGNORECASE)


# an adjective (or participle) and the noun it modifies right after the hedge: "seemingly misplaced receptors"
_ADJ_BEFORE_NOUN = re.compile(r"\s+[a-z]+(?:ed|al|ous|ive|ant|ent|ic|able|ible|less|ful)\s+[a-z]+s?\b(?!\s+(?:to|that|is|are|was|were)\b)")


_LIKELY_VOTERS = re.compile(r"\s+(?:(?:[A-Z][\w-]*|primary|general[- ]election)\s+){0,2}(?:voters?|caucus-?goers?|"
                            r"electors?)\b")


# a step of a timetable and its day ("be published on Friday", "take place on Friday", "begin at 9am")
_SCHEDULED = re.compile(r"\s+(?:be\s+(?:published|announced|released|held|certified|signed|debated|heard|sworn\s+in)|"
                        r"take\s+place|begin|start|open|close|resume|end|finish)\s+(?:[a-z]+\s+){0,2}?(?:on|by|at|before|"
                        r"after|from|until|next|this|later\s+(?:on\s+)?(?:today|this))\s+(?:[A-Z][a-z]+|\d|week|month|"
                        r"year|morning|afternoon|evening|today|tomorrow)")


def _descriptive(doc, cs: int, ce: int) -> bool:
    """"what appeared to be a new missile" (naming what one sees, not concluding: unless "in what
    appeared to be a swipe"), and "seemed to vibrate through the square" (a verb of the scene)."""
    text = doc.norm
    cue = text[cs:ce].casefold()
    before = text[max(0, cs - 12):cs].casefold()
    if cue == "likely" and re.search(r"\bthe\s+(?:least|most)\s+$", before) and re.match(r"\s+of\b", text[ce:ce + 5]):
        return True  # "the least likely of your controllers to look grimy": comparing things, no guess
    if cue == "likely" and _LIKELY_VOTERS.match(text, ce):
        return True  # "a poll of likely voters": the pollsters' term for whom they asked, no guess
    if cue == "likely" and (re.search(r"\bwill\s+$", before) and _SCHEDULED.match(text, ce) or re.search(
            r"\b(?:is|are)\s+$", before) and text[ce:ce + 3] == " to" and _SCHEDULED.match(text, ce + 3)):
        return True  # "The final count will likely be published on Friday morning", "The funeral is likely to take
        # place on Friday": a timetable, no guess
    if cue in ("perhaps", "arguably") and re.match(r"\s+the\s+(?:most|least|single\s+most)\s+[a-z-]+\s+"
                                                  r"(?:moment|passage|line|part|thing|exchange|point|aspect|detail|sign)s?\b",
                                                  text[ce:ce + 60]):
        return True  # "Perhaps the most revealing moment came ...": the writer ranking what they report, no
        # guess about what is not known
    if cue in ("seemingly", "apparently") and _ADJ_BEFORE_NOUN.match(text, ce) and \
            re.search(r"\b(?:the|a|an|these|those|this|that|its|their|his|her|our|some|many)\s+$", before):
        return True  # "these seemingly misplaced receptors": a description in passing, not a conclusion
    if not _SEEM.search(text[cs:ce]):
        return False
    if re.search(r"\bwhat\s+$", before) and not re.search(r"\bin\s+what\s+$", before):
        return True
    return bool(scene_verbs().match(text, ce))


# the last word before the cue when its verb is coordinated with another ("said ... and suggested that") or is an
# infinitive or a modal's ("tried to suggest that"), and finite verbs that show the words are no noun phrase
_LAST_NOT_THING = frozenset("and but or then also to will would could may might did does do not".split())
_FINITE = frozenset("has have had tried tries try wants wanted sought seeks".split())
_PREPOSITIONS = frozenset("of to by with from on in over about between among inside at".split())


def _thing_subject(doc, sent: Span, cs: int) -> bool:
    """Whether the subject before a verb of hinting is a thing: one to eight words, lower case after the
    first, with no pronoun, title, source noun or institution ("Amphibious assault vehicles hinted at"), or
    a fact ("The fact that the pumps kept running suggests that")."""
    from .attribution import vocab

    v = vocab()
    head = doc.norm[sent[0]:cs]
    lead = re.sub(r"^\W*(?:(?:But|And|Yet|So|Still|Instead)\s*,?\s+)?", "", head)
    if re.match(r"(?:(?:the\s+(?:very\s+)?fact|the\s+way)\s+that|that)\s+[^,;:()\"]+$", lead, re.IGNORECASE):
        return True  # "The fact that hourly contact has been kept up suggests that ...": a fact read as a sign
    left = max((m.end() for m in re.finditer(r"[,;:()\"]|\s-\s|\bthat\b|\bwhich\b", head)), default=0)
    if not head[left:].strip() and re.search(r",\s*$", head):
        # the cue right after a clause set off by commas ("The choice of Hollis, whose review embarrassed two
        # ministers, signals that", "The decision to shut all decks, rather than restrict lorries, suggests"):
        # the subject is what opens the sentence, before the first comma
        first = re.match(r"[^,;:()\"]+,", lead)
        if first and re.match(r"\s*(?:who|whose|which|rather\s+than|not|unlike|like|despite|instead\s+of)\b",
                              head[len(head) - len(lead) + first.end():]):
            left = len(head) - len(lead) + first.end() - 1
            head = head[:left]
            left = 0 if not re.search(r"[,;:()\"]", head[len(head) - len(lead):]) else left
    words = head[left:].split()
    if words and words[0].casefold() in ("but", "and", "yet", "so", "still"):
        words = words[1:]
    if words and words[-1].casefold() in _LAST_NOT_THING or set(w.casefold() for w in words) & _FINITE:
        return False  # "Trump has tried to suggest that": a verb before the cue, so no thing as its subject
    # the head noun phrase, before what it is of or about ("The refusal of the president to name anyone", "The
    # mood on Harbour Road"): its words decide
    cut = next((i for i, w in enumerate(words) if i and w.casefold() in _PREPOSITIONS), len(words))
    if cut < len(words) and (len(words) <= 12 or cut <= 3 and words[0].casefold() in ("the", "this", "that", "her",
                                                                                     "his", "its", "their")):
        words = words[:cut]  # ("The decision to publish the numbers ... before the clinics wrote": its head)
    if not 1 <= len(words) <= 8 or any(w[:1].isupper() for w in words[1:]):
        return False
    low = [w.casefold().strip(".,") for w in words]
    if len(low) >= 2 and low[0].endswith("ing") and words[0][:1].isupper() and head[:left].strip() == "" and \
            low[1] in ("the", "a", "an", "its", "his", "her", "their"):
        return True  # "Naming the contractor on the first day signals that": an act opens the sentence
    if set(low) & (v.pronouns | {"they", "it", "we", "i", "you", "who"}) or low[-1] in v.vague_nouns or \
            v.person_noun(low[-1]):  # ("the harbour master suggests the cause is fog": a person's proposal)
        return False
    cue = doc.norm[cs:cs + 30].casefold()
    if not cue.startswith("hint") and (low[-1] in sign_sources() or (
            cue.startswith("suggested") and (low[-1] in _speech_nouns() or low[-1] + "s" in _speech_nouns()))):
        return False  # "the report suggests that", "the statement suggested that talks resume": sourcing
    names = {w for a in doc.attributions if a.source_type == "person" and a.source for w in a.source.split()}
    if len(words) == 1 and words[0].strip(".,") in names:
        return False  # "Marsh suggested that ...": a person's proposal
    phrase = " ".join(words)
    return not (v.title_rx.search(phrase) or v.source_rx.search(phrase)
                or any(" ".join(low).endswith(h) for h in v.institution_heads))


_NOT_A_PERSON = {"i", "we", "you", "they", "it", "this", "that", "everyone", "everybody", "nobody", "no", "one",
                 "who", "which", "anyone", "anybody", "someone", "somebody", "all", "what"}
# an impression ("sounds like", "seems", "looks like") and the next sentence denying it ("It is not.")
_IMPRESSION = re.compile(r"(?:seem|appear|look|sound)", re.IGNORECASE)
_DENIED_NEXT = re.compile(r"\s*(?:But\s+)?(?:it|that|this|they|he|she)\s+(?:(?:is|was|are|were)\s+not|isn['\u2019]t|"
                          r"wasn['\u2019]t|aren['\u2019]t|weren['\u2019]t)\s*[,.;:!]", re.IGNORECASE)
_GENERIC_SUBJECT = {"anyone", "anybody", "everyone", "everybody", "whoever", "nobody", "those"}
_MIND_ADVERBS = {"surely", "clearly", "certainly", "probably", "well", "must", "also", "now", "already", "still",
                 "doubtless", "undoubtedly", "too", "very", "only"}


def _person_subject(doc, sent: Span, cs: int) -> bool:
    """Whether the subject right before a verb of knowing is a person: he/she, a capitalised name or a
    title ("She knows that", "the commissioner surely knows that"), not I/we/they/everyone."""
    from .attribution import vocab

    head = doc.norm[sent[0]:cs]
    words = re.findall(r"[\w'’.-]+", head)
    while words and words[-1].casefold() in _MIND_ADVERBS:
        words.pop()
    if words and words[-1].casefold() in ("is", "was", "are", "were") and \
            re.match(r"\s*\w+\s+\w+ing\b", doc.norm[cs:cs + 40]):
        words.pop()  # "Trevell is plainly betting that": the progressive's subject
    if words and words[-1].casefold() in ("has", "have", "had"):
        words.pop()  # "Ellory has clearly studied it": the perfect's subject
    if not words:
        return False
    last = re.sub(r"['’]s$", "", words[-1])
    if last.casefold() in _NOT_A_PERSON or words[0].casefold() in _GENERIC_SUBJECT:
        return False  # (and "Anyone who has driven the pass in January knows that ...": everyone's knowledge)
    return last.casefold() in ("he", "she") or last[:1].isupper() or bool(vocab().title_rx.fullmatch(last)) or \
        vocab().person_noun(last.casefold())  # "the harbour master plainly knew it"


# words that open a sentence capitalised and name no one: determiners, pronouns, prepositions, conjunctions
_NOT_OPENING_NAMES = _CLOSED_CLASS | _FUNCTION | {"the", "a", "an", "our", "my"}


# the last clause before a participle opens with a name and a verb in the past ("until Trump attacked ...,")
_NAMED_CLAUSE = re.compile(r"(?:^|,|\b(?:until|when|after|as|because|since|while|and|but))\s+"
                           r"(?-i:[A-Z][a-z][\w'\u2019-]*)(?:\s+(?-i:[A-Z][\w'\u2019-]*))?\s+(?:[a-z]+ly\s+)?[a-z]+ed\b"
                           r"[^,;:]*(?:,[^,;:]*)?,?\s*$")


def _opens_with_person(doc, s0: int, cs: int) -> bool:
    """Whether the sentence opens with a person as its subject: he/she, a capitalised name, or "the" and a
    title ("The mayor surprised many by suggesting ..."), not a thing ("The new trains arrived")."""
    from .attribution import vocab

    head = doc.norm[s0:cs]
    if _NAMED_CLAUSE.search(head):
        return True  # "... until Trump attacked the economy, suggesting ...": the participle's own clause
    words = re.findall(r"[\w'’.-]+", head)[:3]
    if not words:
        return False
    first = words[0].casefold()
    if first in ("he", "she"):
        return True
    if first == "the" and len(words) > 1:
        return bool(vocab().title_rx.fullmatch(re.sub(r"['’]s$", "", words[1])))
    return words[0][:1].isupper() and first not in _NOT_OPENING_NAMES and first not in _NOT_A_PERSON


_BOUNDARY_LEFT = re.compile(r"""[,;:()"\u2014]|\s-\s|\bthat\b|\bwhich\b|\bwho\b""", re.IGNORECASE)
_BOUNDARY_RIGHT = re.compile(r"""[,;:!?()"\u2014]|\s-\s|\.(?=\s|$)""")


def clause_span(doc, sent: Span, cs: int, ce: int) -> Span:
    """The clause a cue at ``cs..ce`` qualifies, inside sentence ``sent``."""
    text = doc.norm
    left = sent[0]
    for m in _BOUNDARY_LEFT.finditer(text, sent[0], cs):
        left = m.end()
    right = sent[1]
    m = _BOUNDARY_RIGHT.search(text, ce, sent[1])
    if m:
        right = m.start()
    start = cs if not text[left:cs].strip() else left
    while start < cs and text[start].isspace():
        start += 1
    while right > ce and text[right - 1].isspace():
        right -= 1
    return start, max(right, ce)


def in_scope(doc, att: Attribution, clause: Span, cue_start: int | None = None) -> bool:
    """Whether ``clause`` is what ``att`` (same sentence) reports: after its clause with no quotation
    closing in between ("Rutte said Russia will likely ..."), or before a trailing ", X said"."""
    text = doc.norm
    first = clause[0] if cue_start is None else cue_start
    if att.end <= first:
        between = text[att.end:first]
        if _APPOSITION.search(between):
            return False  # "He acknowledged the mood, a sentiment likely stirred by ...": the author's comment
        if re.match(r"\s+(?:for|against|about|over)\b[^,;]*,\s+(?:and|but|while)\s", between):
            return False  # "A member argued for holding rates, and the governor's insistence was probably aimed at
            # ...": the verb took an object, not a clause; the clause after "and" is the author's
        if re.search(r"[\u2013\u2014]|\s-\s", between) and re.search(
                r"(?:[\u2013\u2014]|\s-\s)[^.!?\u2013\u2014]*\"[^.!?\u2013\u2014]*$", text[max(0, att.start - 200):att.start]):
            return False  # 'Her refusal - "It is too soon," she told one reporter - appeared to be a signal
            # that ...': the clause between dashes reports its quotation; what follows the pair is the author's
        if re.fullmatch(r"\s*(?:,|-{1,2}|[\u2013\u2014])\s*", between) and \
                text[max(0, att.start - 6):att.start].rstrip().endswith('"'):
            return False  # '"...," she said, apparently a response to ...', '"...," he said - likely a
            # reference to ...': the cue reports the quotation before it; a comment after it is the author's
        return '"' not in between and "." not in between.strip(". ")
    if att.start >= clause[1]:
        between = text[clause[1]:att.start]
        if text[att.end:att.end + 4].lstrip()[:1] in (":", '"'):
            # "During the speech, a likely nod to X, the mayor said: "...": the verb reports the quotation
            # after it; the words before are the author's setting
            return False
        return '"' not in between and bool(re.fullmatch(r"[\s,]*", between))
    return False


def _speech_noun_cue(cue: str) -> bool:
    """Whether an attribution's cue is a noun for what someone said ("remark", "comments": speech_nouns.txt, the
    list the speaker layer reads, in the singular too), not a verb."""
    c = cue.casefold()
    return c in _speech_nouns() or c + "s" in _speech_nouns() or c in _SPOKEN_LINES


_SPOKEN_LINES = frozenset({"line", "quip", "answer", "reply"})  # what is said, by its form
# a noun phrase set after a comma, re-describing what was reported, just before the cue: the author's voice
_APPOSITION = re.compile(r",\s+(?:a|an)\s+[\w-]+(?:\s+(?!said\b|says\b)[\w-]+){0,3}\s*$")
_FIRST_PERSON = re.compile(r"(?<![\w'])(?:I|[Mm]y|[Mm]e|[Mm]yself|I've|I'm|I'd)(?![\w'])")
# The author's own guess in the first person: "I suspect the board will go", "He is also, I suspect, boxed
# in", "my guess is that ...". What follows about the author ("I suspect I was not the only reporter who
# ...") is an aside about their own experience (_SELF_NEXT).
_OWN_GUESS = re.compile(r"(?<![\w'])(?:I\s+(?:(?:strongly|rather|half)\s+)?(?:suspect|reckon|imagine|doubt|"
                        r"would\s+(?:guess|bet|wager|venture)|bet|wager|predict)|I'd\s+(?:guess|bet|wager|venture)|[Mm]y\s+(?:guess|hunch|bet|"
                        # (session 33: "My prediction: the prosecutor will charge ...", "My money is on the board")
                        # (session 35: "My fear is that he will refuse", "My worry is")
                        r"suspicion|sense|prediction|forecast|fear|worry|expectation|instinct)\s+is"
                        # (not about the guess itself: "My guess is wrong as often as it is right")
                        r"(?!\s+(?:often\s+|usually\s+|sometimes\s+)?(?:wrong|right|correct|as\s+good|no\s+better|worth\s+little))|"
                        # (session 35: "My guess? The recount moves a few hundred votes": the next sentence)
                        r"[Mm]y\s+(?:prediction|forecast|guess|bet|hunch)(?=\s*\?)|[Mm]y\s+(?:prediction|forecast|guess|bet)"
                        # (session 34: "My prediction, for what it is worth:", "was, to my mind, the wrong answer")
                        r"(?:\s*,\s*[^,:.;\n]{1,40},?)?\s*:|(?:[Tt]o|[Ii]n)\s+my\s+(?:mind|view|reading)\b(?!\s+(?:from|of|over|across)\b)|[Tt]o\s+my\s+(?:ear|eye|ears|eyes)\b|"
                        r"[Mm]y\s+money\s+is\s+on|"
                        # (session 35: "My read: the dates are in there because ...", "Our reading is that the ministry
                        # drafted it with the owners in mind")
                        r"[Mm]y\s+(?:read|reading|take|hunch)\s*:|[Oo]ur\s+(?:read|reading|take|guess|hunch|bet)\s+is\s+that|"
                        # (session 34: "I would be astonished if the panel does not say so", "You can bet the board
                        # will beg her to stay")
                        r"I\s+would\s+be\s+(?:astonished|surprised|amazed|stunned|shocked)\s+if|"
                        r"I'd\s+be\s+(?:astonished|surprised|amazed|stunned|shocked)\s+if|"
                        r"(?:(?<=^)|(?<=[.!?]\s)|(?<=\n))(?:You|you)\s+can\s+bet)(?![\w'])")
_SELF_NEXT = re.compile(r"[\s,]*(?:that\s+)?(?:I|[Ww]e|[Mm]y|[Oo]ur|[Mm]e|[Uu]s)(?:['\u2019][a-z]+)?(?![\w'\u2019])")
_MEASURE_OF_SPEECH = re.compile(r"[\s,]*(?:far\s+|much\s+|rather\s+|a\s+little\s+|a\s+lot\s+|a\s+good\s+deal\s+)?"
                                r"(?:more|less|further)\s+than\s+(?:he|she|they|it)\b", re.IGNORECASE)
_FIRST_PERSON_ANY = re.compile(r"(?<![\w'])(?:I|my|me|we|our|us|I've|I'm|we're|we've)(?![\w'])", re.IGNORECASE)
_PARTICIPLE = re.compile(r",\s*$")
_HE_SHE = re.compile(r"^\W*(?:he|she)\b", re.IGNORECASE)


@cached
def _speech_subject() -> re.Pattern:
    """A person's speech as the subject of the main clause: "His comments", "Her remarks", "Vance's address"
    (speech_nouns.txt, the list the speaker layer reads)."""
    from ..vocab import load_phrases

    nouns = "|".join(re.escape(n) for n in longest_first(load_phrases("speech_nouns")))
    return re.compile(r"\W*(?:[Hh]is|[Hh]er|[Tt]heir|(?:[Tt]he\s+)?[\w-]+(?:\s+[\w-]+)?['’]s?)\s+(?:[a-z-]+\s+)?"
                      rf"(?:{nouns})\b")


# an appearance in the past tense, and a time before the story's that it belonged to ("until" after it: how
# things looked until something changed them; "That was until he appeared to ..." is the later act)
_PAST_LOOK = re.compile(r"\b(?:seemed|appeared|looked)\b", re.IGNORECASE)
_RETROSPECT = re.compile(r"\b(?:ago|until|till|at\s+the\s+(?:start|beginning|outset)\s+of|at\s+one\s+point|back\s+then"
                         r"|(?:days|weeks|months|years)\s+(?:earlier|before|after)|earlier\s+(?:this|that)\s+\w+)\b",
                         re.IGNORECASE)
# what follows a "suggest" that proposes: a clause with a modal of obligation ("suggesting it should become")
_PROPOSAL = re.compile(r"(?:\s+that)?\s+(?:[\w'\u2019.-]+\s+){1,5}?(?:should|ought\s+to|must|be\s+allowed\s+to)\b",
                       re.IGNORECASE)
# a choice not taken: "X could have attempted a charm offensive ... Instead, ..."
_INSTEAD = re.compile(r"\W*(?:[Ii]nstead\b|[Bb]ut\s+instead\b|[Rr]ather\b)")


def _author_text(doc, span: Span) -> str:
    """The words of ``span`` outside quotations (quoted words blanked)."""
    s, e = span
    spans = doc.quotation_spans  # sorted and disjoint
    i = max(0, bisect.bisect_right(doc._quotation_starts, s) - 1)
    parts, pos = [], s
    while i < len(spans) and spans[i][0] < e:
        qs, qe = max(spans[i][0], pos), min(spans[i][1], e)
        if qe > qs:
            parts += (doc.norm[pos:qs], " " * (qe - qs))
            pos = qe
        i += 1
    parts.append(doc.norm[pos:e])
    return "".join(parts)


def is_transcript(doc) -> bool:
    """A text in a speaker's own voice throughout (a published transcript or statement): most of its
    sentences speak in the first person and almost none holds a reporting clause. Its hedges are the
    speaker's, not an author's."""
    sents = [s for s in doc.sentences if not doc.in_boilerplate(s)]
    if len(sents) < 8:
        return False
    atts = {doc.sentence_at(a.start) for a in doc.attributions if a.kind != "credit"}
    if len(atts) > 0.1 * len(sents):
        return False  # a report (the cheaper test first: most articles stop here)
    first = sum(1 for s in sents if _FIRST_PERSON_ANY.search(_author_text(doc, s)))
    return first >= 0.4 * len(sents)


def _speaker_subject(doc, sent: Span, cs: int, atts: list[Attribution]) -> Attribution | None:
    """For a participle after a comma ("..., suggesting that ..."): the person attribution whose speaker
    is the subject of the main clause (a reporting clause of the sentence, or "he"/"she" for the last
    person attributed before it), whose argument the participle continues."""
    if not _PARTICIPLE.search(doc.norm[sent[0]:cs]):
        return None
    own = [a for a in atts if sent[0] <= a.start < cs and a.kind != "vague"]
    if own:
        return own[-1]
    head = re.sub(r"^(?:On|In|At|Last|Earlier|Later|Speaking|After|Before)\b[^,]{0,40},\s*", "",
                  doc.norm[sent[0]:cs])
    if _HE_SHE.match(head):
        before = [a for a in atts if a.start < sent[0] and a.source_type == "person"]
        if before:
            return before[-1]
    # the main clause's subject is a person: a pronoun, a title ("The senator listed ..."), or a name the
    # article attributes words to
    from .attribution import vocab

    subj = re.match(r"\W*((?:[\w'-]+\s+){0,4}?)(?=[a-z][\w-]*(?:ed|s)\b)", head)
    words = subj.group(1).strip() if subj else ""
    names = {w for a in atts if a.source_type == "person" and a.source for w in a.source.split()}
    if _speech_subject().match(head):
        # "His comments also touched on ..., suggesting that ...": the participle continues the speech's argument
        s = cs - len(head)
        return Attribution(source=None, kind="direct", start=s, end=s, cue="", chain=[], hops=1,
                           source_type="person")
    if _HE_SHE.match(head) or (words and (vocab().title_rx.search(words) or set(words.split()) & names)):
        s = cs - len(head) + (subj.start(1) if subj else 0)
        return Attribution(source=words or None, kind="direct", start=s, end=s + len(words), cue="",
                           chain=[words] if words else [], hops=1, source_type="person")
    return None


def _reported_by_participle(doc, s0: int, cs: int) -> Attribution | None:
    """'..., saying it likely holds only a few': a clause after the participle of a reporting verb in
    the same sentence (no quotation between) is what the subject said."""
    from .attribution import vocab

    v = vocab()
    verbs = v.reporting_verbs | v.beside_quote_verbs
    for m in re.finditer(r"(?<!\w)to\s+([a-z]+)\s+that\b", doc.norm[s0:cs]):
        # "used his address to warn that free speech appears to be ...": what the speech said
        if m.group(1) in verbs and not re.search(r'[";:]', doc.norm[s0 + m.end():cs]):
            return Attribution(source=None, kind="direct", start=s0 + m.start(), end=s0 + m.end(), cue=m.group(),
                               chain=[], hops=1, source_type="unknown")
    for m in re.finditer(r"(?<!\w)([a-z]+)ing\b", doc.norm[s0:cs]):
        stem = m.group(1)
        if not ({stem, stem + "e", stem + "s", stem + "ed", stem[:-1] if stem[-1:] == stem[-2:-1] else stem}
                & verbs):
            continue
        if re.search(r'[",;:\u2013\u2014]|\s-\s', doc.norm[s0 + m.end():cs]):
            continue  # a quotation or another clause between: not what the participle reports ('... quoted her
            # as saying - an apparent attempt to ...': the dash sets off the author's comment)
        return Attribution(source=None, kind="direct", start=s0 + m.start(), end=s0 + m.end(), cue=m.group(),
                           chain=[], hops=1, source_type="unknown")
    return None


def _quoted_next(doc, pos: int, end: int) -> bool:
    """Whether a quotation opens right after ``pos`` (after "that" and spaces, before ``end``): the words
    the hedge introduces are a speaker's, reported."""
    m = re.match(r"(?:\s+that)?\s*\S", doc.text[pos:end])
    if not m:
        return False
    at = pos + m.end()  # just past the first character: a quotation span starts after its opening mark
    return doc.inside_quotation(at, at + 1)


@cached
def _reporting_word() -> re.Pattern:
    """A reporting verb or its -ing form (the vocabulary the speaker and attribution layers share)."""
    from .speakers import _ing_forms, shared_verbs

    words = longest_first({w.lower() for w in (*shared_verbs(), *_ing_forms()) if " " not in w.strip()})
    return re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, words)) + r")(?![\w'])", re.IGNORECASE)


@cached
def _reported_that() -> re.Pattern:
    """A reporting verb and "that" at the end of a stretch ("the harbour master warned that"): what follows
    is reported, whoever the attribution layer took the subject for."""
    # a noun after a determiner is no reporting clause ("a comment that may have drawn applause")
    # ("told US media this month that", "said in a statement on Monday that": a setting before "that")
    return re.compile(r"(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!\bits )(?:"
                      + _reporting_word().pattern + r")(?:\s+[\w'’-]+){0,5}?\s+that\s*$", re.IGNORECASE)


_OUTLET_OURS = re.compile(r"[^\S\n]+(?:(?:live|full|latest|own|continuing|ongoing)[^\S\n]+)?(?:coverage|blog|live\b|"
                          r"read|take|view|analysis|verdict|reporters?|correspondents?|team|newsroom|readers|"
                          r"newsletter|podcast|editorial|journalists?|editors?)\b", re.IGNORECASE)
_WE_OPENING = re.compile(r"[^\S\n]*(?:[^\n\"\u201c\u201d\u2018\u2019.!?]{0,40}?)(?<![\w'])(?:[Ww]e|[Oo]ur|[Uu]s)(?![\w'])")


def _unmarked_words(doc, s0: int, atts: list[Attribution]) -> bool:
    """A paragraph that opens in the first person plural, outside quotation marks, right after a paragraph
    that reports someone (a reporting clause of a named source): that source's words printed without their
    marks ("The ministry rejected the claim, saying ... \n As far as we understand, ..."), not the author's."""
    para = doc.paragraph_at(s0)
    we = _WE_OPENING.match(doc.norm, para[0], para[1]) if para else None
    if not we or _OUTLET_OURS.match(doc.norm, we.end()):
        return False  # (the outlet's own "we": "welcome to our live coverage", "Our read:", "our reporter")
    prev = next((p for p in reversed(doc.paragraphs) if p[1] <= para[0] and doc.norm[p[0]:p[1]].strip()), None)
    if prev is None:
        return False
    return any(a.kind in ("direct", "relayed") and prev[0] <= a.start < prev[1] for a in atts) or \
        bool(_reporting_word().search(doc.norm, prev[0], prev[1]))


_REPORTED_GAP = re.compile(r"[^,;:\"()\u2014\u2013]*")
_ADJUNCT_CUE = re.compile(r"(?:in|judging|with)\b", re.IGNORECASE)
_CLOSES_QUOTE = re.compile(r"[\"\u201d\u2019]\s*,?\s*$")
_FRONT_SOURCE = re.compile(r"(?:according|per|citing)\b", re.IGNORECASE)


def _reported_clause_of(doc, atts: list[Attribution], sent: Span, clause: Span, cs: int) -> Attribution | None:
    """The reporting clause whose reported content an interpretive cue stands in: the cue follows it in the
    same sentence with nothing but the content's own words between ("Officials said it was unclear whether
    ...", "Analysts told reporters the move appeared to signal ...") or after a sourcing phrase set before a
    comma ("According to the coast guard, it remains unclear ..."). A comma after a reporting verb starts the
    author's comment ("The mayor spoke, implying that ...", "Roe said X, in what was seen as ...")."""
    text = doc.norm
    if _ADJUNCT_CUE.match(text, cs):
        return None  # "in an apparent swipe at", "judging by": a phrase set beside the clause, never its content
    for a in atts:
        if a.kind not in ("direct", "relayed", "vague") or not (sent[0] <= a.start and a.end <= cs):
            continue
        if _CLOSES_QUOTE.search(text, sent[0], a.start):
            continue  # '"We will rebuild," the mayor added ...': the verb reports the quotation before it
        gap = text[a.end:cs]
        if _REPORTED_GAP.fullmatch(gap) and len(gap.split()) <= 8 and in_scope(doc, a, clause, cs):
            return a
        if re.fullmatch(r"\s*,\s*", gap) and _FRONT_SOURCE.match(text, a.start, a.end):
            return a
    return None


def _closing_report(doc, atts: list[Attribution], sent: Span, pos: int, *, last: bool) -> Attribution | None:
    """A reporting clause after a comma, later in the sentence than ``pos``: it reports the words before it.
    With ``last`` it must close the sentence ("It is unclear how many came, police said."); without, the
    sentence must hold no quotation and the clause may have its setting after it ("..., or at least often
    enough to be noted, Paganini and his team wrote in the new paper, which ...")."""
    text = doc.norm
    if not last and re.search(r'["\u201c\u201d]', text[sent[0]:sent[1]]):
        return None
    for a in atts:
        if (last or a.kind in ("direct", "relayed", "vague")) and pos < a.start < sent[1] and \
                re.search(r",\s*$", text[max(sent[0], a.start - 3):a.start]) and \
                not (last and text[a.end:sent[1]].strip(" .!?\"'\u201d\u2019")):
            return a
    return None


_SUBJECT_WORDS = re.compile(r"[\w'’.-]+")
_NOT_IN_SUBJECT = frozenset({"who", "which", "that", "whose", "whom", "if", "when", "while", "because", "although",
                             "it", "there", "this", "a", "an"})


def _subject_reports(doc, clause: Span, cs: int) -> Attribution | None:
    """A clause whose subject (its first one to five words: "Simpson", "Both sides", "The union's leader")
    is followed by a verb of saying with its content after it, no "that", no comma between ("Simpson
    suggested the most likely reason is fear", "Both sides said the swap could lead to a breakthrough"):
    the hedge is in what the subject says."""
    text = doc.norm
    m = _reporting_word().search(text, clause[0], cs)
    if not m or re.search(r'[,;:"\u201c\u201d()]', text[clause[0]:cs]):
        return None
    if _DETERMINER_END.search(text, clause[0], m.start()):
        return None  # "The promised tour seems designed to ...", "The minister's promise of a tour appeared to
        # be ...": a word of saying after a determiner or a possessor is a noun's modifier or a noun, no verb
    words = _SUBJECT_WORDS.findall(text[clause[0]:m.start()])
    if not 1 <= len(words) <= 5 or any(w.casefold() in _NOT_IN_SUBJECT for w in words) or \
            not (words[0][:1].isupper() or words[0].casefold() in ("he", "she", "they", "both")):
        return None
    if re.search(r"\b(?:that|which|who|whose)\b", text[m.end():cs]):
        return None  # "Roe announced a plan that could reshape the port": the author's word on the thing named
    if not re.match(r"\s+\w", text[m.end():cs]):
        return None
    return Attribution(source=None, kind="direct", start=clause[0], end=m.end(), cue=m.group(), chain=[], hops=1,
                       source_type="unknown")


_DETERMINER_END = re.compile(r"(?:\b(?:the|a|an|his|her|their|its|our|this|that|these|those)|\w['\u2019]s?)\s+$",
                             re.IGNORECASE)
_LAST_NOUN = re.compile(r"([a-z]+)\s+$")


def _claim_noun_before(text: str, lo: int, cs: int) -> bool:
    """The word right before the cue names claims or evidence nobody named: "theories", "reports", "data"
    (the attribution vocabulary's vague nouns) or words of speech ("remarks", "statement")."""
    from .attribution import vocab

    m = _LAST_NOUN.search(text, lo, cs)
    if not m:
        return False
    word = m.group(1)
    v = vocab()
    return word in v.vague_nouns or word in v.evidence_nouns or word in _speech_nouns()


_GERUND_AFTER_PREP = re.compile(r"(?<![\w-])(?:such\s+as|like|by|for|of|from|without|about|in|on)\s+$", re.IGNORECASE)


def _own_guess(doc, sent: Span, atts: list[Attribution]) -> Hedge | None:
    """The author's first-person guess in ``sent`` ("I suspect the deal will hold"), outside quotations and
    a speaker's unmarked words; None for an aside about the author ("I suspect I was not alone")."""
    text = doc.norm
    s0, e0 = sent
    for m in _OWN_GUESS.finditer(text, s0, e0):
        cs, ce = m.span()
        if doc.inside_quotation(cs, ce) or _unmarked_words(doc, s0, atts):
            continue
        if any(a.start < ce and cs < a.end for a in atts):
            continue
        aside = re.search(r",\s*$", text[s0:cs]) and re.match(r"\s*,", text[ce:e0])
        if aside:  # "He is also, I suspect, boxed in": a guess about the sentence's subject
            if _SELF_NEXT.match(text, s0):
                continue
            start, end = s0, e0
        else:
            if _SELF_NEXT.match(text, ce):
                continue
            start, end = cs, clause_span(doc, sent, cs, ce)[1]
            if re.fullmatch(r"\s*\?[\s\"'”’]*", text[ce:e0]):  # "My guess?": the guess is the next sentence
                nxt = doc.sentence_at(e0 + len(re.match(r"\s*", text[e0:e0 + 40]).group()))
                if nxt and nxt[0] >= e0:
                    end = nxt[1]
        while end > start and text[end - 1] in ".!?;:, ":
            end -= 1
        return Hedge(cue=doc.text[cs:ce], cue_start=cs, cue_end=ce, start=start, end=end, strength="strong")
    return None


def hedges(doc) -> list[Hedge]:
    patterns = hedge_patterns()
    starts: dict[str, list[int]] = {}
    for i, first in enumerate(hedge_first_words()):
        for w in sorted(first):
            starts.setdefault(w, []).append(i)
    text = doc.norm
    atts = [a for a in doc.attributions if a.kind != "credit"]
    out: list[Hedge] = []
    if is_transcript(doc):
        return out
    for s0, e0 in doc.sentences:
        if doc.in_boilerplate((s0, e0)):
            continue
        cues = matches_at_word_starts(text, s0, e0, patterns, starts)
        if not any(cues):
            if _OWN_GUESS.search(text, s0, e0):
                guess = _own_guess(doc, (s0, e0), atts)
                if guess is not None:
                    out.append(guess)
            continue  # no hedge's words in the sentence (most sentences): the tests below are dearer
        if _FIRST_PERSON.search(_author_text(doc, (s0, e0))):
            guess = _own_guess(doc, (s0, e0), atts)
            if guess is not None:
                out.append(guess)
            continue  # the author's aside about their own experience, or a speaker's unmarked words
        if _unmarked_words(doc, s0, atts):
            continue
        for (_rx, strength), found in zip(patterns, cues, strict=True):
            for m in found:
                cs, ce = m.span()
                if doc.inside_quotation(cs, ce):
                    continue
                if any(a.start < ce and cs < a.end and (strength not in ("interpretive", "thing") or a.kind == "vague")
                       and not (strength == "interpretive" and cs <= a.start < ce) for a in atts):
                    continue  # part of an attribution clause ("it is believed"); a crowd's reading ("widely
                    # seen as") is both vague sourcing and the author's interpretation: the same words
                if strength == "strong" and _descriptive(doc, cs, ce):
                    continue
                if m.group().casefold().startswith("it looks") and \
                        re.search(r"(?<![\w-])(?:what|how)\s+$", text[max(s0, cs - 6):cs], re.IGNORECASE):
                    continue  # (session 35) "showed us what it looks like up close": how a thing looks, no guess
                if strength == "weak" and re.search(r"\b(?:never|hardly|scarcely)\s+$", text[max(s0, cs - 10):cs]):
                    continue  # "a place she never could have imagined": what was out of reach, no guess
                if strength == "weak" and (_INSTEAD.match(text, e0) or re.search(
                        r"[,;]\s*(?:but\s+)?(?:instead|rather)\b", text[ce:e0])):
                    continue  # "X could have tried a charm offensive. Instead, ...": a choice not taken
                if strength != "interpretive" and _PAST_LOOK.search(text, max(s0, cs - 12), ce) and any(
                        not r.group().casefold().startswith(("until", "till")) or r.start() >= ce
                        for r in _RETROSPECT.finditer(text, s0, e0)):
                    continue  # "a party that seemed headed for collapse just months ago": how things looked
                    # once, which the article goes on to say they did not stay, not the author's guess
                if _DENIED_NEXT.match(text, e0) and _IMPRESSION.match(m.group()):
                    continue  # "Read quickly, that sounds like a let-off. It is not.": an impression the author
                    # raises to deny it, no guess of theirs
                if m.group().casefold().startswith("suggesting") and _GERUND_AFTER_PREP.search(text, max(s0, cs - 12), cs):
                    continue  # "features such as suggesting a lane change", "angered fishers by suggesting that
                    # ...": a gerund after a preposition names an act, it is no participle of the author's reading
                if m.group().casefold().startswith(("suggesting", "indicating", "implying")) and \
                        _claim_noun_before(text, max(s0, cs - 30), cs):
                    continue  # "conspiracy theories suggesting he had been murdered", "reports indicating ...":
                    # what the theories or reports say, vague sourcing the attribution rules read, not the author's
                if m.group()[:7].casefold() == "suggest" and _PROPOSAL.match(text, ce, e0) and \
                        _opens_with_person(doc, s0, cs):
                    continue  # "threatened its sovereignty, suggesting it should become the 51st state": a
                    # proposal someone made (a speech act), not a hedged reading
                if strength == "thing":
                    if not _thing_subject(doc, (s0, e0), cs):
                        continue
                    strength = "interpretive"
                if strength == "mind":
                    if not _person_subject(doc, (s0, e0), cs):
                        continue
                    strength = "strong"
                if any(h.cue_start < ce and cs < h.cue_end for h in out):
                    continue
                clause = clause_span(doc, (s0, e0), cs, ce)
                colon = re.match(r"\s*:\s*(?=\S)", text[clause[1]:e0]) if clause[1] <= ce + 1 else None
                if colon:  # "Make no mistake: her concession was arithmetic": the cue governs what the colon opens
                    nxt = re.search(r"[.!?](?:\s|$)", text[clause[1] + colon.end():e0])
                    clause = (clause[0], clause[1] + colon.end() + (nxt.start() if nxt else e0 - clause[1] - colon.end()))
                if any(h.start == clause[0] and h.end == clause[1] for h in out):
                    continue  # (session 33) one hedged clause, one finding: "probably won't last" is no two guesses
                if SECOND_PERSON.search(text, clause[0], clause[1]):
                    continue  # "you've probably heard", "the more you're likely to have": advice to the reader in
                    # the hedged clause, no conclusion about the events reported
                if strength != "interpretive" and _quoted_next(doc, ce, e0):
                    continue  # '..., suggesting that "X pays off"': what follows the cue is the speaker's words
                if strength != "interpretive" and s0 < clause[0] and (
                        belief_before().search(text, s0, clause[0]) or _reported_that().search(text, s0, clause[0])):
                    continue  # "allies fear that a victory could embolden ...", "the harbour master warned that
                    # ...": what someone fears or says, not the author's forecast
                if strength == "interpretive":  # the author's reading, whoever spoke before it
                    # ... but a reporting clause closing the sentence holds it ("It is unclear how many came,
                    # police said."), and so does one whose reported clause the cue stands in ("Officials
                    # said it was unclear whether ...")
                    closing = _closing_report(doc, atts, (s0, e0), ce, last=True) or \
                        _reported_clause_of(doc, atts, (s0, e0), clause, cs)
                    out.append(Hedge(cue=doc.text[cs:ce], cue_start=cs, cue_end=ce, start=clause[0],
                                     end=clause[1], strength=strength, attribution=closing))
                    continue
                scope = next((a for a in atts if s0 <= a.start < e0 and in_scope(doc, a, clause, cs)), None)
                if scope is not None and scope.end <= cs and re.search(r",\s*$", text[scope.end:cs]) and \
                        re.match(r"\s+\w+ing\b", text[ce:e0]):
                    scope = None  # 'X said ..., seemingly downplaying ...': the author's reading of X
                if scope is not None and (scope.cue or "").casefold().startswith("according to") and \
                        scope.end <= cs and re.fullmatch(r"[^,;:\"]*,\s*", text[scope.end:cs]) and \
                        re.match(r"[a-z]+ing\b", m.group()):
                    scope = None  # 'pressure never rose, according to reports, suggesting that ...': the source
                    # gave the fact; the participle reading it is the author's
                if scope is None:
                    scope = _reported_by_participle(doc, s0, cs)
                if scope is None and m.group().casefold().endswith(("ing", "ing that")):
                    scope = _speaker_subject(doc, (s0, e0), cs, atts)
                if scope is None:
                    scope = _closing_report(doc, atts, (s0, e0), cs, last=False) or _subject_reports(doc, clause, cs)
                if scope is not None and scope.end <= cs and _speech_noun_cue(scope.cue or "") and \
                        re.fullmatch(r"\s+(?:was|is|were|are)\s+", text[scope.end:cs]):
                    scope = None  # "The remark was likely a nod to ...": the author reading the words
                if scope is not None and scope.end <= cs and _MEASURE_OF_SPEECH.match(text, scope.end, cs):
                    scope = None  # "he conceded more than he perhaps meant to": the author's measure of what
                    # was said, not its content
                if scope is not None and clause[0] < scope.end <= cs:
                    # "Rutte said the strike was likely ...": the clause is the reported content
                    m2 = re.match(r"[\s,]*(?:that\b)?\s*", text[scope.end:cs])
                    clause = (scope.end + (m2.end() if m2 else 0), clause[1])
                out.append(Hedge(cue=doc.text[cs:ce], cue_start=cs, cue_end=ce, start=clause[0],
                                 end=clause[1], strength=strength, attribution=scope))
    out.sort(key=lambda h: h.cue_start)
    return out
