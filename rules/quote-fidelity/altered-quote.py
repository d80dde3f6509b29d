"""altered-quote: a rendering of a quotation that strays from what the other outlets quote."""

from auditor.rules import Hit, rule

THRESHOLD = 0.6
SERIOUS = ("negation", "question", "stitched")


def describe(q) -> str:
    kinds = []
    for d in q.differences:
        t = d["type"]
        if t in ("cut", "addition") and not d.get("start") and d.get("boundary"):
            continue
        if t not in kinds and t != "translated":
            kinds.append(t)
    return ", ".join(kinds) or "wording"


@rule(
    id="altered-quote",
    name="Altered quotation",
    family="quote-fidelity",
    scope="corpus",
    severity="medium",
    score="custom",
    docs={
        "what": "A quotation whose wording strays from the consensus of the other outlets that carry the same "
                "utterance: its fidelity (auditor.corpus.quotes) is under 0.6. The evidence is the quoted words; "
                "the message names the typed differences (negation, question, substitution, cut, addition, "
                "stitched, paraphrase) and the consensus wording.",
        "why": "Words in quotation marks claim to be the speaker's own. A rendering that flips a negation, turns "
               "a statement into a question or joins two remarks changes what the speaker is on record as saying, "
               "and readers and fact-checkers cannot see it without the other outlets side by side.",
        "limitations": "The consensus is the medoid of the renderings the corpus holds: with two renderings that "
                       "disagree, the longer full one wins, which may be the altered one. Speeches given in another "
                       "language reach outlets through different translations, so a paraphrase-level difference "
                       "may be the translator's, not the outlet's (the quote carries a 'translated' note when "
                       "the article says so). Severity: high for a polarity flip, medium for a question or "
                       "stitching, low for wording alone.",
        "references": ["Leskovec, Backstrom, Kleinberg: Meme-tracking and the dynamics of the news cycle (KDD 2009)",
                       "auditor/corpus/quotes.py (fidelity formula)"],
    },
    examples={
        "flagged": [{
            "a": '"We will never accept a frozen conflict in Ukraine," the minister said.',
            "b": 'The minister was firm. "We will never accept a frozen conflict in Ukraine," she said.',
            "c": 'The minister said: "⟦We will accept a frozen conflict in Ukraine.⟧"',
        }],
        "clean": [{
            "a": '"We will never accept a frozen conflict in Ukraine," the minister said.',
            "b": 'The minister said: "We will never accept a frozen conflict in Ukraine."',
        }],
    },
)
def check(doc, corpus):
    _ = corpus.quote_clusters  # clusters the corpus once; sets fidelity on every quote
    for q in doc.quotes:
        if q.fidelity is None or q.fidelity >= THRESHOLD:
            continue
        types = {d["type"] for d in q.differences}
        severity = "high" if "negation" in types else "medium" if types & set(SERIOUS) else "low"
        cluster = corpus.quote_cluster_by_id.get(q.cluster)
        consensus = cluster.consensus if cluster else ""
        n = len({m["article"] for m in cluster.members}) if cluster else 0
        yield Hit(q.start, q.end,
                  f"quotation differs from the wording {n - 1} other article(s) carry (fidelity {q.fidelity:.2f}: "
                  f"{describe(q)}); consensus: \u201c{consensus}\u201d",
                  severity=severity, data={"cluster": q.cluster, "fidelity": q.fidelity,
                                           "differences": [d["type"] for d in q.differences]})


@check.scorer
def score(doc, findings):
    """Mean fidelity of the article's corroborated quotations (1 when none is corroborated)."""
    vals = [q.fidelity for q in doc.quotes if q.fidelity is not None]
    return sum(vals) / len(vals) if vals else 1.0
