"""uncorroborated-quote: a quotation no other article of the corpus carries."""

from auditor.rules import Hit, rule


@rule(
    id="uncorroborated-quote",
    name="Uncorroborated quotation",
    family="quote-fidelity",
    scope="corpus",
    severity="info",
    score="presence",
    penalty=0.1,
    docs={
        "what": "A quotation (direct or partial; scare quotes are not quotations) that no other article of the "
                "corpus renders: its fidelity cannot be checked. Reported only when the corpus holds more than "
                "one article. Severity info: it does not lower the score.",
        "why": "A fact-checker looks first at what only one outlet quotes: it may be an exclusive, a remark from "
               "a part of the speech the others left out, or words nobody said.",
        "limitations": "Depends on what the corpus holds: one outlet quoting a passage the others cut is "
                       "uncorroborated here even when the speech's transcript has it. A rendering so loosely "
                       "translated that it shares few content words with the others is missed by the clustering "
                       "and counted here.",
        "references": ["auditor/corpus/quotes.py"],
    },
    examples={
        "flagged": [{
            "a": 'Rutte said: "⟦We are ready to provide support quickly.⟧"',
            "b": 'Rutte visited Kyiv on Tuesday and met the president.',
        }],
        "clean": [{
            "a": 'Rutte said: "We are ready to provide support quickly."',
            "b": '"We are ready to provide support quickly," Rutte said.',
        }],
    },
)
def check(doc, corpus):
    if len(corpus.docs) < 2:
        return
    _ = corpus.quote_clusters  # clusters once; sets cluster/fidelity on every quote
    for q in doc.quotes:
        if q.cluster is None:
            yield Hit(q.start, q.end, "no other article in the corpus carries this quotation",
                      data={"speaker": q.speaker, "kind": q.kind})
