"""relayed-attribution: the article's account comes through an intermediary, not from the source."""

from __future__ import annotations

from auditor.rules import Hit, rule


@rule(
    id="relayed-attribution",
    name="Relayed attribution",
    family="attribution",
    severity="low",
    score="presence",
    penalty=0.2,
    docs={
        "what": "An attribution clause that names an intermediary between the source and the outlet: "
                "'lawmaker X reported', 'according to Reuters', 'citing Suspilne', 'as quoted by', 'broadcast "
                "and translated ... by the Rada TV channel'. The message gives the chain (speaker -> "
                "intermediaries) and the number of hops; the data carries them and how many of the "
                "article's statements the relay covers.",
        "why": "Each hop is a chance for a translation, a paraphrase or a mistake; readers and fact-checkers "
               "need to know the outlet did not hear the speaker itself, and whom to check against.",
        "limitations": "Intermediaries are recognised from rules/data/sources.yaml and from relay verbs "
                       "and phrases in rules/data/attribution_cues.yaml. A relay the text does not name (a "
                       "silent copy of a wire story) is the text-reuse rules' business, not this one's.",
        "references": ["https://www.spj.org/ethicscode.asp"],
    },
    examples={
        "flagged": [
            "NATO Secretary General Mark Rutte addressed Parliament, ⟦Ukrainian lawmaker Yaroslav "
            "Zhelezniak reported⟧.",
            '"We are ready," ⟦he said during a speech broadcast and translated into Ukrainian by the Rada '
            "TV channel⟧.",
        ],
        "clean": ["NATO Secretary General Mark Rutte told lawmakers in Kyiv that support would continue."],
    },
)
def check(doc):
    atts = [a for a in doc.attributions if a.kind != "credit"]
    for a in atts:
        if a.kind != "relayed":
            continue
        covered = sum(1 for b in atts if b is not a and b.chain == a.chain and b.kind == "direct")
        chain = " -> ".join(a.chain) if a.chain else a.source or "?"
        more = f"; it also covers {covered} other attributed statement(s)" if covered else ""
        yield Hit(a.start, a.end, f"Relayed through {a.source} ({a.source_type}): {chain} -> outlet, "
                  f"{a.hops} hop(s){more}",
                  data={"source": a.source, "chain": a.chain, "hops": a.hops, "source_type": a.source_type,
                        "covers": covered})
