"""vague-attribution: a statement attributed to an unidentified source ("according to reports")."""

from __future__ import annotations

from auditor.rules import Hit, rule


@rule(
    id="vague-attribution",
    name="Vague attribution",
    family="attribution",
    severity="medium",
    score="presence",
    penalty=0.35,
    docs={
        "what": "An attribution to a source the reader cannot identify or check: 'according to reports', "
                "'sources say', 'media reported', 'it is believed', 'officials said'. The evidence is the "
                "attribution clause.",
        "why": "A claim resting on unnamed reports cannot be traced or weighed; it often hides that the "
               "outlet copied another outlet's unverified account. Named institutions ('according to Kyiv "
               "authorities') are not vague.",
        "limitations": "Phrases come from rules/data/attribution_cues.yaml (vague_phrases) and the nouns in "
                       "rules/data/sources.yaml (vague_nouns); a paraphrase outside those lists is missed. "
                       "Attributions inside quotations are the speaker's and are skipped.",
        "references": ["https://www.apstylebook.com/ (anonymous sources)",
                       "https://www.spj.org/ethicscode.asp"],
    },
    examples={
        "flagged": ["The minister visited Kyiv. ⟦According to reports⟧, the deal includes air defence.",
                    "⟦Local media reported⟧ that two people were injured."],
        "clean": ["According to Kyiv authorities, the main issue is territory.",
                  "Rutte said the guarantees are solid."],
    },
)
def check(doc):
    for a in doc.attributions:
        if a.kind == "vague":
            yield Hit(a.start, a.end, f"Vague attribution ('{doc.text[a.start:a.end]}'): the source is not "
                      "identified", data={"cue": a.cue})
