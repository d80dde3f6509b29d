"""What a careful reader weighs, as numbers: the features the article score is computed from.

Every feature is read from what the rules and the text layer already produced for an article (its
findings, quotations, attributions, boilerplate ratio and metadata, as in the JSON export) plus its text,
so the same function serves a run in memory, a JSON export and a stored run (``audit calibrate``).
Each lies in 0..1 and has a *direction*: +1 when more of it is better sourcing, -1 when worse. The score
model (``auditor.calibration``) is constrained to respect the directions, so more vague sourcing can
never raise a score.

| feature | direction | what it is |
|---|---|---|
| ``first_hand`` | + | share of the article's attributions (photo credits aside) that name a first-hand source directly |
| ``agency`` | + | a named news agency is credited or cited for the reporting (its own reporting counts as named) |
| ``own_reporting`` | + | the outlet's own reporter: a byline or a dateline, or an interview given to the outlet |
| ``primary_reference`` | + | a link or a reference to the primary source (transcript, full text, official statement, a URL) |
| ``quoted`` | + | share of the text in quotations with a speaker (the speaker's own words), 1 from 40% on |
| ``corroborated`` | + | quotations that other articles render too (the speaker's words, confirmed), 1 from ten on |
| ``relayed`` | - | attributions relayed through a named outlet, broadcaster or post (not an agency: its own reporting counts as named, the rubric says; not a person quoting another), 1 from two on |
| ``vague`` | - | vague attributions ("according to reports"), 1 from two on |
| ``unattributed_quotes`` | - | share of quotations with no speaker |
| ``unattributed_claims`` | - | unattributed figures, per 1,000 words, 1 from 10 on |
| ``unsourced`` | - | nothing in the article is attributed to anyone and no quotation has a speaker |
| ``uncorroborated`` | - | share of quotations of four words or more that no other article renders (invented or unique) |
| ``infidelity`` | - | 1 - the mean fidelity of the quotations that other articles render too |
| ``alterations`` | - | meaning-changing quote alterations (a negation flipped, a statement turned into a question, a changed number), 1 from two on |
| ``inferences`` | - | unverified inferences in the author's voice (reported-only ones aside), 1 from two on |
| ``boilerplate`` | - | the boilerplate ratio (share of the text that is not the article) |
| ``editorial`` | - | evaluative wording in the author's voice: the subjectivity of the adjectives outside quotations (De Smedt and Daelemans' lexicon, shipped with TextBlob, public domain), per word, 1 from 5% on |

``editorial`` is what readers name when they mark a commentary down ("florid", "polemic", "the writer's own
reading"), and none of the findings above measures it. On the development set's 273 rated articles (eight
events) it agrees with the readers' rating at rho -0.32, with the same sign in each event (-0.09 to
-0.41); in the model it raised the cross-validated rho (leave one event out, the 214 articles of six
events) from 0.38 to 0.40. It is a density, not a verdict: ``editorial_words`` gives the words behind it
(``audit explain`` lists them).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from .vocab import cached, load_phrases, longest_first


@dataclass(frozen=True)
class Feature:
    name: str
    direction: int  # +1: more is better sourcing; -1: more is worse
    description: str


FEATURES: tuple[Feature, ...] = (
    Feature("first_hand", +1, "share of attributions (credits aside) naming a first-hand source directly"),
    Feature("agency", +1, "a named news agency is credited or cited for the reporting"),
    Feature("own_reporting", +1, "the outlet's own reporter: a byline, a dateline or an interview given to it"),
    Feature("primary_reference", +1, "a link or a reference to the primary source"),
    Feature("quoted", +1, "share of the text in quotations with a speaker, divided by 0.4, at most 1"),
    Feature("corroborated", +1, "quotations other articles render too, a tenth each, at most 1"),
    Feature("relayed", -1, "attributions relayed through a named outlet, broadcaster or post (not an agency, "
                           "not a person quoting another), 0.5 each, at most 1"),
    Feature("vague", -1, "vague attributions, 0.5 each, at most 1"),
    Feature("unattributed_quotes", -1, "share of quotations with no speaker"),
    Feature("unattributed_claims", -1, "unattributed figures per 1,000 words, divided by 10, at most 1"),
    Feature("unsourced", -1, "1 when nothing is attributed to anyone and no quotation has a speaker"),
    Feature("uncorroborated", -1, "share of quotations (four words or more) no other article renders"),
    Feature("infidelity", -1, "1 - the mean fidelity of the quotations other articles also render"),
    Feature("alterations", -1, "meaning-changing quote alterations, 0.5 each, at most 1"),
    Feature("inferences", -1, "unverified inferences in the author's voice, 0.5 each, at most 1"),
    Feature("boilerplate", -1, "the boilerplate ratio"),
    Feature("editorial", -1, "subjectivity of the adjectives outside quotations per word (a lexicon), "
                             "divided by 0.05, at most 1"),
)
FEATURE_NAMES = tuple(f.name for f in FEATURES)
DIRECTION = {f.name: f.direction for f in FEATURES}

# Findings that change what a quotation means (not merely its wording): these two at any severity, and
# ``altered-quote`` where its own evidence rated the change medium or high (a changed number, name or cut
# condition; a different but faithful translation is low).
ALTERATION_RULES = ("quote-polarity-flip", "quote-turned-question")
SCORED = ("low", "medium", "high")


def _is_alteration(f: dict) -> bool:
    return f.get("rule") in ALTERATION_RULES or (
        f.get("rule") == "altered-quote" and f.get("severity") in ("medium", "high"))


# The two evidence patterns are searched in the lower-cased text, not with re.IGNORECASE: only whether one
# matches is read, and an alternation matched ignoring case is tried about three times slower.
@cached
def _primary_re() -> re.Pattern:
    phrases = longest_first(load_phrases("evidence.primary_source"))
    alt = "|".join(re.escape(p.lower()) for p in phrases)
    return re.compile(rf"https?://\S+|www\.\S+\.\w+|\b(?:{alt})\b")


@cached
def _own_re() -> re.Pattern:
    phrases = longest_first(load_phrases("evidence.own_reporting"))
    return re.compile(r"\b(?:" + "|".join(re.escape(p.lower()) for p in phrases) + r")\b")


@cached
def _agencies() -> tuple[str, ...]:
    return tuple(load_phrases("sources.agencies"))


@cached
def _subjectivity() -> dict[str, float]:
    """Adjective -> subjectivity (0..1, the mean over its senses) from the subjectivity lexicon for English
    adjectives by De Smedt and Daelemans (pattern), which TextBlob ships (PDDL): read from the file, so
    TextBlob and NLTK are never imported."""
    from importlib.resources import files
    from xml.etree import ElementTree

    senses: dict[str, list[float]] = {}
    root = ElementTree.fromstring((files("textblob") / "en" / "en-sentiment.xml").read_bytes())
    for w in root.iter("word"):
        form = (w.get("form") or "").casefold()
        if form and " " not in form and w.get("subjectivity"):
            senses.setdefault(form, []).append(float(w.get("subjectivity")))
    return {f: sum(v) / len(v) for f, v in sorted(senses.items())}


_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
EDITORIAL_SPAN = 0.05  # subjectivity per word at which ``editorial`` reaches 1


_SENTENCE_END = re.compile(r"[.!?]['\"’”)]*(?=\s)|\n")


def reported_sentences(text: str, attributions: list[dict], base: int = 0) -> list[tuple[int, int]]:
    """The sentences of ``text`` that hold a reporting clause ("Roe said", "according to Reuters"): what
    they say is the source's, in the author's paraphrase. Attribution offsets are into the whole article;
    ``text`` starts at ``base`` of it."""
    out = []
    ends: list[tuple[int, int]] | None = None  # (end, the last offset a search must reach to find it)
    for a in attributions:
        if a.get("kind") not in ("direct", "relayed") or not isinstance(a.get("start"), int):
            continue
        s, e = a["start"] - base, a["end"] - base
        if s < 0 or e > len(text):
            continue
        if ends is None:
            # every sentence end, found once: a stop counts before ``s`` when the space after it is before
            # ``s`` too (a search ending at ``s`` could not see that space), a line break when it ends there
            ends = [(m.end(), m.end() if m.group() == "\n" else m.end() + 1) for m in _SENTENCE_END.finditer(text)]
            reach = [r for _, r in ends]
        i = bisect.bisect_right(reach, s)  # both lists rise with the text
        left = ends[i - 1][0] if i else 0
        while left < s and text[left].isspace():
            left += 1
        right = _SENTENCE_END.search(text, e)
        out.append((left, right.end() if right else len(text)))
    return out


def editorial_words(text: str, quotes: list[str], reported: list[tuple[int, int]] = ()
                    ) -> tuple[list[tuple[str, int, int, float]], int]:
    """The lexicon's adjectives in the author's voice (outside the quotations ``quotes``, given as their
    texts, and outside the ``reported`` spans, the sentences holding a reporting clause; a capitalised
    title word such as "General" is not read) with their offsets in ``text`` and subjectivity, and how
    many words the author wrote."""
    from .text.speakers import titles as _titles

    lex, titles = _subjectivity(), _titles()
    spans: list[tuple[int, int]] = list(reported)
    for q in longest_first(set(quotes)):
        if len(q) < 2:
            continue
        i = text.find(q)
        while i >= 0:
            spans.append((i, i + len(q)))
            i = text.find(q, i + len(q))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    spans = merged
    out, n, j = [], 0, 0
    end = len(text) + 1
    ns, ne = spans[0] if spans else (end, end)  # the next span not yet left behind
    for m in _WORD.finditer(text):
        st = m.start()
        while ne <= st:
            j += 1
            ns, ne = spans[j] if j < len(spans) else (end, end)
        if ns <= st:
            continue  # inside a quotation or a reported sentence: the speaker's words
        n += 1
        w = m.group()
        low = w.casefold()
        sub = lex.get(low)
        if sub and not (w[:1].isupper() and low in titles):  # a title ("Prime Minister") is no judgement
            out.append((w, st, m.end(), sub))
    return out, n


def _cap(x: float) -> float:
    return max(0.0, min(1.0, x))


def article_features(article: dict[str, Any], text: str, base: int = 0) -> dict[str, float]:
    """The features of one article (its JSON-export record and its text, which starts at offset ``base``
    of the article the record's offsets point into), each in 0..1."""
    atts = [a for a in article.get("attributions") or [] if a.get("kind") != "credit"]
    credits = [a for a in article.get("attributions") or [] if a.get("kind") == "credit"]
    quotes = [q for q in article.get("quotes") or [] if q.get("kind", "direct") in ("direct", "partial")]
    findings = [f for f in article.get("findings") or [] if f.get("severity") in SCORED]
    n_att = len(atts)
    direct = sum(1 for a in atts if a.get("kind") == "direct" and a.get("source"))
    relayed = sum(1 for a in atts if a.get("kind") == "relayed")
    # an agency's own reporting is a named source (the rating rubric) and a person quoting another is not
    # the outlet's channel: neither is the second-hand sourcing a reader marks down
    second_hand = sum(1 for a in atts if a.get("kind") == "relayed" and a.get("source_type") not in ("agency", "person"))
    vague = sum(1 for a in atts if a.get("kind") == "vague")
    spoken = sum(1 for q in quotes if q.get("speaker"))
    agencies = _agencies()
    outlet = (article.get("outlet") or "").casefold()
    agency = any((a.get("source_type") == "agency") for a in atts + credits) or any(
        outlet == x.casefold() for x in agencies)
    words = max(100, len(re.findall(r"\w+", text)))
    unattributed = sum(1 for f in findings if f.get("rule") == "unattributed-claim")
    low = text.lower()
    own = bool(article.get("byline") or article.get("dateline") or _own_re().search(low))
    nonspace = max(1, len("".join(text.split())))  # str.split() splits where str.isspace() is true
    quoted = sum(len("".join(q.get("text", "").split())) for q in quotes if q.get("speaker")) / nonspace
    long_quotes = [q for q in quotes if len(q.get("text", "").split()) >= 4]
    uncorroborated = sum(1 for q in long_quotes if q.get("fidelity") is None)
    fids = [q["fidelity"] for q in quotes if isinstance(q.get("fidelity"), int | float)]
    return {
        "first_hand": direct / n_att if n_att else 0.0,
        "agency": 1.0 if agency else 0.0,
        "own_reporting": 1.0 if own else 0.0,
        "primary_reference": 1.0 if _primary_re().search(low) else 0.0,
        "quoted": _cap(quoted / 0.4),
        "corroborated": _cap(0.1 * len(fids)),
        "relayed": _cap(0.5 * second_hand),
        "vague": _cap(0.5 * vague),
        "unattributed_quotes": (len(quotes) - spoken) / len(quotes) if quotes else 0.0,
        "unattributed_claims": _cap(unattributed * 1000 / words / 10),
        "unsourced": 1.0 if not (direct or relayed or spoken) else 0.0,
        "uncorroborated": uncorroborated / len(long_quotes) if long_quotes else 0.0,
        "infidelity": _cap(1.0 - sum(fids) / len(fids)) if fids else 0.0,
        "alterations": _cap(0.5 * sum(1 for f in findings if _is_alteration(f))),
        # every hedged conclusion in the author's voice counts, supported elsewhere or not: the reader
        # counts the guess this article makes without naming a source (the rule's severity says how
        # remarkable it is across the coverage)
        "inferences": _cap(0.5 * sum(1 for f in article.get("findings") or [] if f.get("category") == "inference")),
        "boilerplate": _cap(float(article.get("boilerplate_ratio") or 0.0)),
        "editorial": _editorial(text, [q.get("text", "") for q in article.get("quotes") or []],
                                reported_sentences(text, article.get("attributions") or [], base)),
    }


def _editorial(text: str, quotes: list[str], reported: list[tuple[int, int]]) -> float:
    found, n = editorial_words(text, quotes, reported)
    return round(_cap(sum(x[3] for x in found) / max(n, 50) / EDITORIAL_SPAN), 6)


def result_features(result) -> dict[str, float]:
    """The features of an ``ArticleResult`` (what ``article_features`` reads from its export record)."""
    from .scoring import boilerplate_ratio

    a = result.article
    record = {"outlet": a.outlet, "byline": a.byline, "dateline": a.dateline,
              "boilerplate_ratio": boilerplate_ratio(result),
              "attributions": [x.to_dict() for x in result.attributions],
              "quotes": [q.to_dict() for q in result.quotes],
              "findings": [{"rule": f.rule, "category": f.category, "severity": f.severity} for f in result.findings]}
    return article_features(record, a.text[a.header_end:], a.header_end)
