"""altered-quote: a rendering of a quotation that strays from what the other outlets quote."""

from auditor.corpus.quotes import units_by_article
from auditor.rules import Hit, rule

THRESHOLD = 0.6
SERIOUS = ("negation", "question", "stitched", "number", "name", "condition", "tense", "antonym", "hedge")


def describe(differences) -> str:
    kinds = []
    for d in differences:
        t = d["type"]
        if t in ("cut", "addition") and not d.get("start") and d.get("boundary"):
            continue
        if t == "substitution" and d.get("translation"):
            continue
        if t not in kinds and t != "translated":
            kinds.append(t)
    return ", ".join(kinds) or "wording"


def severity(differences) -> str:
    """High only for a polarity flip on a negated predicate; medium for what else changes the meaning (a
    question, a number, a name, a cut condition, a promise told as done, a stitched remark); low for wording, and for a difference
    that rests on one function word (a weak negator such as "no" or "without")."""
    serious = [d for d in differences if d["type"] in SERIOUS and not d.get("weak")]
    if any(d["type"] == "negation" for d in serious):
        return "high"
    return "medium" if serious else "low"


@rule(
    id="altered-quote",
    name="Altered quotation",
    family="quote-fidelity",
    scope="corpus",
    severity="medium",
    score="custom",
    docs={
        "what": "A quotation whose wording strays from the consensus of the other outlets that carry the same "
                "utterance: its fidelity (auditor.corpus.quotes) is under 0.6, or it changes the meaning (a "
                "negation, a word put for its opposite, a question, a number, a name, a cut clause carrying a condition, a future told as past) whatever its "
                "fidelity. The evidence is the quoted words (the unit: a sentence of the quotation); the message names the typed differences (negation, question, substitution, cut, addition, "
                "stitched, paraphrase) and the consensus wording.",
        "why": "Words in quotation marks claim to be the speaker's own. A rendering that flips a negation, turns "
               "a statement into a question or joins two remarks changes what the speaker is on record as saying, "
               "and readers and fact-checkers cannot see it without the other outlets side by side.",
        "limitations": "Judged per utterance unit (sentence) of a quotation; the evidence is the unit. The "
                       "consensus is a primary source where one is present (a transcript, the prepared text), "
                       "else the medoid of the renderings: with two renderings that disagree, the longer full one "
                       "wins, which may be the altered one (a statement is always preferred to a yes/no question). "
                       "For a translated speech (the article says so, or the renderings diverge in wording while "
                       "meaning holds) wording costs nothing: only a negation, an opposite (antonyms.yaml), a question, a changed number or "
                       "name, a cut condition, a changed tense, a hedge dropped or added ('possible' / 'certain') or added words do. An ordinal is its number ('the tenth "
                       "of March' / '10 March'). Synonyms in an untranslated speech are edits. "
                       "Severity: high for a polarity flip on a negated predicate, medium for an opposite, a question, number, "
                       "name, cut condition, tense, hedge or stitching, low for wording and for a weak negator alone.",
        "references": ["Leskovec, Backstrom, Kleinberg: Meme-tracking and the dynamics of the news cycle (KDD 2009)",
                       "auditor/corpus/quotes.py (fidelity formula)"],
    },
    examples={
        "flagged": [{
            "a": '"We will never accept a frozen conflict in Ukraine," the minister said.',
            "b": 'The minister was firm. "We will never accept a frozen conflict in Ukraine," she said.',
            "c": 'The minister said: "⟦We will accept a frozen conflict in Ukraine.⟧"',
        }, {
            # a changed number inside a translated speech still counts
            "a": 'Speaking through an interpreter, Mayor Ostrova said: "We will build 40 new shelters before the '
                 'winter comes to the valley."',
            "b": 'Ostrova, who spoke in Polish, said: "We will build 40 new shelters before winter reaches the valley."',
            "c": 'In a translated statement Ostrova said: "⟦We will build 400 new shelters before the winter comes to '
                 'the valley.⟧"',
        }, {
            # a cut clause that carried the condition
            "a": '"We will lift the curfew on Friday if the river level keeps falling," Mayor Ostrova said.',
            "b": 'Ostrova said: "We will lift the curfew on Friday if the river level keeps falling."',
            "c": 'Ostrova said: "⟦We will lift the curfew on Friday.⟧"',
        }],
        "clean": [{
            "a": '"We will never accept a frozen conflict in Ukraine," the minister said.',
            "b": 'The minister said: "We will never accept a frozen conflict in Ukraine."',
        }, {
            # a translated speech: the translators' word choices and word order are not alterations
            "a": 'Speaking through an interpreter, Mayor Ostrova said: "We are prepared to reopen the talks with the '
                 'harbour workers next week."',
            "b": 'Ostrova, who spoke in Polish, said: "We stand ready to reopen negotiations with the harbour workers '
                 'next week."',
            "c": 'In a translated statement Ostrova said: "Next week we are prepared to reopen the talks with the '
                 'harbour workers."',
        }],
    },
)
def check(doc, corpus):
    for cluster, m in units_by_article(corpus).get(doc.article.id, []):  # clusters the corpus once
        fid, diffs = m["fidelity"], m["differences"]
        if fid is None or (fid >= THRESHOLD and severity(diffs) == "low"):
            continue  # wording alone above the threshold is not an alteration; a change of meaning always is
        n = len({x["article"] for x in cluster.members})
        yield Hit(m["start"], m["end"],
                  f"quotation differs from the wording {n - 1} other article(s) carry (fidelity {fid:.2f}: "
                  f"{describe(diffs)}); consensus: \u201c{cluster.consensus}\u201d",
                  severity=severity(diffs), data={"cluster": cluster.id, "fidelity": fid,
                                                  "differences": [d["type"] for d in diffs]})


@check.scorer
def score(doc, findings):
    """Mean fidelity of the article's corroborated quotations (1 when none is corroborated)."""
    vals = [q.fidelity for q in doc.quotes if q.fidelity is not None]
    return sum(vals) / len(vals) if vals else 1.0
