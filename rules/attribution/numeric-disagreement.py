"""numeric-disagreement: outlets give the same figure for different things, or different figures."""

from __future__ import annotations

from auditor.corpus.claims import disagreements_of
from auditor.rules import Hit, rule

MAX_SHOWN = 5  # competing renderings named in the message
EVIDENCE_KEPT = 20  # kept in the finding's data (the claim in the export's `claims` has them all)


@rule(
    id="numeric-disagreement",
    name="Numbers that disagree across outlets",
    family="attribution",
    severity="medium",
    scope="corpus",
    score="presence",
    penalty=0.3,
    docs={
        "what": "A number whose rendering disagrees with other articles on the same event: the same figure "
                "quantifying a different thing ('90% of air defense systems' against '90% of Ukraine's air "
                "defense missiles') or a different figure for the same thing ('12 people killed' against "
                "'15 people killed'). The evidence is the number and what it quantifies; the message lists "
                "the competing renderings. An article in the minority is flagged medium, one in the "
                "majority info, a tie low.",
        "why": "A figure that changes between outlets was misread, mistranslated or rounded on the way; a "
               "fact-checker needs to see all renderings side by side and go back to the source.",
        "limitations": "Numbers and what they quantify are read with patterns (auditor.corpus.claims), not a "
                       "parser; two numbers are the same claim only when they share words. Dates, years, "
                       "times and ordinals are left out.",
        "references": ["https://www.spj.org/ethicscode.asp"],
    },
    examples={
        "flagged": [{"a": "Partners provided ⟦90% of air defense systems received by Kyiv⟧.",
                     "b": "Partners provided ⟦90% of air defense missiles to Kyiv⟧.",
                     "c": "Allies supplied ⟦90% of missiles for air defense⟧."}],
        "clean": [{"a": "Partners provided 75% of all missiles.",
                   "b": "Allies supplied 75% of all missiles delivered to the front."}],
    },
)
def check(doc, corpus):
    if corpus is None:
        return
    aid = doc.article.id
    for claim, dis in disagreements_of(corpus, aid):
        mine = [r for r in dis["renderings"] if r["article"] == aid]
        theirs = [r for r in dis["renderings"] if r["article"] != aid and r["key"] != mine[0]["key"]]
        if not theirs:
            continue
        what = "figure" if dis["field"] == "value" else "thing quantified"
        others = "; ".join(f"'{o['text']}' ({o['article']})" for o in theirs[:MAX_SHOWN])
        if len(theirs) > MAX_SHOWN:
            others += f"; and {len(theirs) - MAX_SHOWN} more"
        for r in mine:
            share = r["share"]
            sev = "medium" if share < 0.5 else ("low" if share == 0.5 else "info")
            yield Hit(r["start"], r["end"], f"Other outlets give a different {what}: '{r['text']}' here vs "
                      f"{others}", severity=sev,
                      data={"claim": claim["id"], "field": dis["field"], "competing": len(theirs),
                            "renderings": theirs[:EVIDENCE_KEPT]})
