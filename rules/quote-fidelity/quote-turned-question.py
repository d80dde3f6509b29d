"""quote-turned-question: a statement quoted as a question (or a question quoted as a statement)."""

from auditor.rules import Hit, rule


@rule(
    id="quote-turned-question",
    name="Statement quoted as a question",
    family="quote-fidelity",
    scope="corpus",
    severity="medium",
    score="presence",
    docs={
        "what": "A quotation that ends in a question mark where the consensus of the other outlets' renderings "
                "is a statement, or the reverse. The evidence is the quoted words.",
        "why": "A question and a statement commit the speaker to different things; a rhetorical question "
               "rendered as a plain statement (or the reverse) can invert what was meant.",
        "limitations": "Judged on the question mark alone, within the words the rendering shares with the "
                       "consensus; a question written without one is not seen.",
        "references": ["auditor/corpus/quotes.py (the 'question' difference)"],
    },
    examples={
        "flagged": [{
            "a": '"We can end this war this year," Rutte said.',
            "b": 'Rutte said: "We can end this war this year."',
            "c": '"⟦Can we end this war this year?⟧" Rutte said.',
        }],
        "clean": [{
            "a": '"We can end this war this year," Rutte said.',
            "b": 'Rutte said: "We can end this war this year."',
        }],
    },
)
def check(doc, corpus):
    _ = corpus.quote_clusters  # clusters once; sets cluster/fidelity on every quote
    for q in doc.quotes:
        d = next((d for d in q.differences if d["type"] == "question"), None)
        if d is not None:
            yield Hit(q.start, q.end, f"{d.get('note', 'question')}: the other outlets quote \u201c{d['consensus']}\u201d",
                      data={"cluster": q.cluster, "fidelity": q.fidelity})
