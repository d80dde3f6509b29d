"""quote-polarity-flip: a quotation that says the opposite of what the other outlets quote."""

from auditor.rules import Hit, rule


@rule(
    id="quote-polarity-flip",
    name="Quotation with its polarity flipped",
    family="quote-fidelity",
    scope="corpus",
    severity="high",
    score="presence",
    penalty=0.6,
    docs={
        "what": "A quotation where a negator ('not', 'never', 'no', 'lack of', ...: rules/data/negators.txt) is "
                "present in the words it shares with the consensus of the other outlets but absent from the "
                "rendering, or the reverse ('You would not want a second Budapest Memorandum' rendered as "
                "'Would you like a second Budapest Memorandum?'). The evidence is the quoted words.",
        "why": "A flipped negation makes the speaker say the opposite. It is the costliest quotation error and, "
               "in a translation chain, an easy one to make.",
        "limitations": "Only negators written as words are seen: an antonym ('reject' for 'accept') is a plain "
                       "substitution (see altered-quote). A quotation no other article carries cannot be checked.",
        "references": ["auditor/corpus/quotes.py (the 'negation' difference)"],
    },
    examples={
        "flagged": [{
            "a": '"You would not want a second Budapest Memorandum or another Minsk," Rutte said.',
            "b": '"You would not want another Budapest Memorandum or another Minsk," Rutte said.',
            "c": '"⟦You would want a second Budapest Memorandum or another Minsk⟧," Rutte said.',
        }],
        "clean": [{
            "a": '"You would not want a second Budapest Memorandum or another Minsk," Rutte said.',
            "b": '"You would not want another Budapest Memorandum or another Minsk," Rutte said.',
        }],
    },
)
def check(doc, corpus):
    _ = corpus.quote_clusters  # clusters once; sets cluster/fidelity on every quote
    for q in doc.quotes:
        neg = next((d for d in q.differences if d["type"] == "negation"), None)
        if neg is None:
            continue
        yield Hit(q.start, q.end,
                  f"polarity differs from the other outlets' wording: \u201c{neg['rendering']}\u201d against "
                  f"\u201c{neg['consensus']}\u201d ({neg.get('note', '')})",
                  data={"cluster": q.cluster, "fidelity": q.fidelity})
