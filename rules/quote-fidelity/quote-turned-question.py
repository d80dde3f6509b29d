"""quote-turned-question: a statement quoted as a question (or a question quoted as a statement)."""

from auditor.corpus.quotes import units_by_article
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
                       "consensus; a question written without one is not seen. The consensus is a statement "
                       "whenever one rendering is a statement and the others yes/no questions, however the votes "
                       "split: a genuine yes/no question that one outlet renders as a statement is then misread.",
        "references": ["auditor/corpus/quotes.py (the 'question' difference)"],
    },
    examples={
        "flagged": [{
            "a": '"We can end this war this year," Rutte said.',
            "b": 'Rutte said: "We can end this war this year."',
            "c": '"⟦Can we end this war this year?⟧" Rutte said.',
        }, {
            # the question stays the altered rendering even when more outlets carry it than the statement
            "a": '"The ferry will run again this summer," the governor said.',
            "b": '"⟦Will the ferry run again this summer?⟧" the governor said.',
            "c": 'The governor said: "⟦Will the ferry run again this summer?⟧"',
        }],
        "clean": [{
            "a": '"We can end this war this year," Rutte said.',
            "b": 'Rutte said: "We can end this war this year."',
        }],
    },
)
def check(doc, corpus):
    for cluster, m in units_by_article(corpus).get(doc.article.id, []):  # clusters the corpus once
        d = next((d for d in m["differences"] if d["type"] == "question"), None)
        if d is not None:
            yield Hit(m["start"], m["end"],
                      f"{d.get('note', 'question')}: the other outlets quote \u201c{d['consensus']}\u201d",
                      data={"cluster": cluster.id, "fidelity": m["fidelity"]})
