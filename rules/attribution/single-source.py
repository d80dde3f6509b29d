"""single-source: the whole article rests on one relayed source."""

from __future__ import annotations

from auditor.rules import Hit, rule


@rule(
    id="single-source",
    name="Article rests on one relayed source",
    family="attribution",
    severity="low",
    score="presence",
    penalty=0.3,
    docs={
        "what": "An article whose attributed statements all reach the outlet through one intermediary (a "
                "relayed attribution whose chain covers every other attribution) and that names no "
                "independent source. Flagged at the relay clause; needs at least three attributed "
                "statements.",
        "why": "When everything comes through one relay (a lawmaker's post, a broadcaster's translation), "
               "the article is only as good as that relay, and outlets repeating it are not independent "
               "confirmations.",
        "limitations": "Relies on attribution extraction and its relay coverage (one speaker reached through "
                       "one channel); statements with no attribution at all are not counted.",
        "references": ["https://www.spj.org/ethicscode.asp"],
    },
    examples={
        "flagged": [
            "NATO chief Mark Rutte addressed Parliament, ⟦lawmaker Yaroslav Zhelezniak reported⟧. Rutte said support "
            "is growing. Rutte added that guarantees are solid.",
        ],
        "clean": [
            "NATO chief Mark Rutte addressed Parliament, lawmaker Yaroslav Zhelezniak reported. Rutte said support "
            "is growing. According to Kyiv authorities, the talks continue.",
        ],
    },
)
def check(doc):
    atts = [a for a in doc.attributions if a.kind != "credit"]
    relays = [a for a in atts if a.kind == "relayed"]
    if len(atts) < 3 or not relays:
        return
    origins = {tuple(a.chain) if a.hops >= 2 else ("direct", a.source) for a in atts}
    origins |= {("vague",)} if any(a.kind == "vague" for a in atts) else set()
    if len(origins) == 1:
        r = relays[0]
        yield Hit(r.start, r.end, f"All {len(atts)} attributed statements rest on one relay: "
                  f"{' -> '.join(r.chain)} (no independent source)",
                  data={"source": r.source, "chain": r.chain, "statements": len(atts)})
