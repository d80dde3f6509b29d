"""quote-polarity-flip: a quotation that says the opposite of what the other outlets quote."""

from auditor.corpus.quotes import units_by_article
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
        "limitations": "Only negators written as words are seen: an antonym ('reject' for 'accept', 'fallen' for "
                       "'risen': rules/data/antonyms.yaml) is altered-quote's 'antonym' difference, a meaning "
                       "change at medium severity. A flip needs a negated predicate ('not', 'never', "
                       "'n't', 'cannot'): a difference resting on a weak negator ('no', 'without', 'lack of': "
                       "rules/data/weak_negators.txt) is left to altered-quote at low severity, and idioms such as "
                       "'without delay' or 'not only' (negation_idioms.txt) do not negate. A quotation no other "
                       "article carries cannot be checked.",
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
        }, {
            # "without delay" does not negate the statement
            "a": '"The council will repair the north bridge without delay," the engineer said.',
            "b": 'The engineer said: "The council will repair the north bridge without delay."',
            "c": '"The council will repair the north bridge at once," the engineer said.',
        }, {
            # a weak negator alone ("no") is not a flip of the predicate
            "a": '"The port will accept no more grain ships this month," the director said.',
            "b": 'The director said: "The port will accept no more grain ships this month."',
            "c": '"The port will accept more grain ships this month," the director said.',
        }],
    },
)
def check(doc, corpus):
    for cluster, m in units_by_article(corpus).get(doc.article.id, []):  # clusters the corpus once
        neg = next((d for d in m["differences"] if d["type"] == "negation" and not d.get("weak")), None)
        if neg is None:
            continue
        yield Hit(m["start"], m["end"],
                  f"polarity differs from the other outlets' wording: \u201c{neg['rendering']}\u201d against "
                  f"\u201c{neg['consensus']}\u201d ({neg.get('note', '')})",
                  data={"cluster": cluster.id, "fidelity": m["fidelity"]})
