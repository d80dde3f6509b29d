"""unattributed-claim: a figure stated in the author's voice with no source in its sentence or paragraph."""

from __future__ import annotations

from auditor.corpus.claims import numbers
from auditor.rules import Hit, rule


@rule(
    id="unattributed-claim",
    name="Unattributed figure",
    family="attribution",
    severity="low",
    score="density",
    half=5.0,
    docs={
        "what": "A sentence in the author's voice that states a figure (a percentage, an amount, a count of "
                "people, weapons, strikes...) with no attribution in the sentence or in its paragraph. The "
                "evidence is the sentence.",
        "why": "Figures are what readers remember and what outlets copy; a figure with no source cannot be "
               "checked, and when other outlets attribute it to a speaker, dropping the attribution turns "
               "a claim into a fact.",
        "limitations": "Only figures are checked (auditor.corpus.claims.numbers: dates, years, times and "
                       "ordinals are left out), not every factual claim: precision over recall. An "
                       "attribution in the paragraph is taken to cover the whole paragraph, which may "
                       "excuse a figure the source never gave. A paragraph never extends past its line.",
        "references": ["https://www.spj.org/ethicscode.asp (identify sources clearly)"],
    },
    examples={
        "flagged": ["Rutte visited Kyiv.\n\n⟦Within the programme, 90% of missiles used in air defense came "
                    "from this system.⟧"],
        "clean": ["Rutte said 90% of missiles used in air defense came from this system.",
                  "Rutte visited Kyiv on February 3, 2026."],
    },
)
def check(doc):
    atts = [a for a in doc.attributions if a.kind != "credit"]
    done: set[tuple[int, int]] = set()
    for n in numbers(doc):
        sent = doc.sentence_at(n.start)
        if sent is None or sent in done:
            continue
        if doc.inside_quotation(n.start, n.end):
            continue
        # the paragraph, but never more than the line: news text puts one paragraph on a line, and a
        # block of lines without blank lines between them is not one paragraph
        para = doc.paragraph_at(n.start) or sent
        line = doc.line_span_at(n.start)
        para = (max(para[0], line[0]), min(para[1], line[1]))
        if any(para[0] <= a.start < para[1] for a in atts):
            continue
        done.add(sent)
        yield Hit(sent[0], sent[1], f"Figure stated without a source: '{n.text}' (no attribution in the "
                  "sentence or its paragraph)", data={"value": n.value, "unit": n.unit, "what": n.what})
