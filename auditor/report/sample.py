"""Runs to render without a corpus at hand: the five seed articles, and a synthetic corpus of any size.

``seed_run()`` runs the real engine on ``seeds/*.txt`` (the rules that exist today), then adds hand-placed
findings of the families whose rules are still being written (attribution, quote fidelity, inference), a
quote cluster and a provenance graph, all pointing at the seeds' real words. It is what the report tests,
the README screenshots and a quick look at the report use. ``synthetic_run(n)`` is for the benchmark.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from ..models import (
    CATEGORIES,
    Article,
    ArticleResult,
    Attribution,
    Finding,
    Quote,
    QuoteCluster,
    RuleResult,
    RunResult,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# which outlet published each seed (from the seeds' own mastheads and copyright lines)
SEED_OUTLETS = {"000": "Ukrinform", "001": "Interfax-Ukraine", "002": "UNITED24 Media",
                "003": "Radio Prague International", "004": "The Brussels Times"}
INFERENCE_004 = "likely referring to US President Donald Trump's plea to take over Greenland"

# (article, rule, family, severity, exact words, message)
HAND_FINDINGS = [
    ("004", "speculative-inference", "inference", "medium", INFERENCE_004,
     "the outlet's own inference about what the speaker meant, not attributed to anyone"),
    ("004", "relayed-quote", "attribution", "low", '"Russian attacks do not signal seriousness about peace," said',
     "quote differs from the speech; relayed without naming the transcript"),
    ("003", "vague-attribution", "attribution", "medium", "According to reports",
     "vague attribution: 'According to reports' names no source"),
    ("002", "secondhand-report", "attribution", "low", "Ukrainian lawmaker Yaroslav Zhelezniak reported",
     "the speech is relayed through a lawmaker's post, not heard first-hand"),
    ("001", "quote-mutation", "quote-fidelity", "medium",
     "And as soon as a peace agreement is reached, the Armed Forces will immediately appear, planes in the "
     "air and support at sea.",
     "rendering differs from the consensus wording (fidelity 0.62)"),
    ("002", "quote-mutation", "quote-fidelity", "low",
     "“As soon as a peace agreement is reached, armed forces will appear immediately, aircraft will be in "
     "the air, and there will be support at sea",
     "rendering differs from the consensus wording (fidelity 0.71)"),
    ("000", "unsupported-characterisation", "inference", "low", "Rutte was categorical",
     "characterises the speaker's manner without a quote that shows it"),
]

HAND_RULES = {h[1] for h in HAND_FINDINGS}


def _find(text: str, words: str) -> tuple[int, int]:
    """The span of ``words`` in ``text``, any run of white space (the seeds have no-break spaces) matching."""
    m = re.search(r"\s+".join(re.escape(w) for w in words.split()), text)
    if m is None:
        raise ValueError(f"{words!r} is not in the seed text")
    return m.span()


def seed_articles(seeds: Path = SEEDS) -> list[Article]:
    arts = []
    for p in sorted(seeds.glob("*.txt")):
        aid = p.stem.split("_", 1)[0]
        arts.append(Article(id=aid, text=p.read_text(encoding="utf-8"), source=str(p),
                            outlet=SEED_OUTLETS.get(aid), published="2026-02-03"))
    return arts


def seed_run(seeds: Path = SEEDS, registry=None, extra: list[Article] | None = None) -> RunResult:
    """The engine's run on the seeds, plus hand-placed findings, a quote cluster and a graph."""
    from .. import scoring
    from ..config import Config
    from ..engine import audit
    from ..rules import load_rules

    registry = registry or load_rules()
    articles = seed_articles(seeds) + list(extra or [])
    run = audit(articles, registry, Config())
    by_id = {r.article.id: r for r in run.results}
    for aid, rule, fam, sev, words, msg in HAND_FINDINGS:
        r = by_id.get(aid)
        if r is None:
            continue
        s, e = _find(r.article.text, words)
        if words != INFERENCE_004 and any(x.family == fam for x in registry.rules):
            continue  # the family has real rules now: show what they find
        if any(f.category == fam and f.start < e and s < f.end for f in r.findings):
            continue  # a real rule already flags these words
        r.findings.append(Finding(rule=rule, category=fam, message=msg, start=s, end=e, severity=sev,
                                  data={"placed": "by hand (report sample)"}))
        r.rules.setdefault(rule, RuleResult(rule=rule, category=fam, score=1.0))
    for r in run.results:
        for rr in r.rules.values():
            if rr.rule in HAND_RULES:
                n = sum(1 for f in r.findings if f.rule == rr.rule)
                rr.score = round(1 - 0.5 * (2 - 2 ** (1 - n)), 4) if n else 1.0
        r.findings.sort(key=lambda f: (f.start, f.end, f.rule))
        scoring.apply(r, Config().weights)
    run.outlets = scoring.outlet_scores(run.results)

    # quotes and a cluster: the "soon as a peace agreement" line as three outlets rendered it
    renderings = {
        "001": "And as soon as a peace agreement is reached, the Armed Forces will immediately appear, planes "
               "in the air and support at sea.",
        "002": "As soon as a peace agreement is reached, armed forces will appear immediately, aircraft will "
               "be in the air, and there will be support at sea from those NATO countries that agree to take part.",
        "004": "Troops on the ground, jets in the air, ships on the Black Sea.",
    }
    fidelity = {"001": 0.62, "002": 0.71, "004": 0.34}
    diffs = {"001": [{"type": "substitution", "from": "aircraft", "to": "planes"}],
             "002": [{"type": "addition", "text": "from those NATO countries that agree to take part"}],
             "004": [{"type": "paraphrase", "detail": "troops/jets/ships instead of armed forces/aircraft/sea"}]}
    cluster = QuoteCluster(id="q1", speaker="Mark Rutte", method="hand-placed (report sample)",
                           consensus="As soon as a peace agreement is reached, armed forces will appear "
                                     "immediately, aircraft in the air and support at sea.")
    for aid, words in renderings.items():
        r = by_id.get(aid)
        if r is None or run.quote_clusters:  # the real clustering found clusters: keep those
            continue
        s, e = _find(r.article.text, words)
        words = r.article.text[s:e]
        r.quotes.append(Quote(text=words, start=s, end=e, speaker="Mark Rutte", cue="said", cluster="q1",
                              fidelity=fidelity[aid], differences=diffs[aid]))
        cluster.members.append({"article": aid, "quote": len(r.quotes) - 1, "text": words, "start": s, "end": e,
                                "fidelity": fidelity[aid], "differences": diffs[aid]})
    if not run.quote_clusters:
        run.quote_clusters = [cluster]
    if "003" in by_id and not by_id["003"].attributions:
        t = by_id["003"].article.text
        s, e = _find(t, "According to reports")
        by_id["003"].attributions.append(Attribution(source=None, kind="vague", start=s, end=e,
                                                     cue="according to", source_type="unknown"))
    if "002" in by_id and not by_id["002"].attributions:
        t = by_id["002"].article.text
        s, e = _find(t, "Ukrainian lawmaker Yaroslav Zhelezniak reported")
        by_id["002"].attributions.append(Attribution(source="Yaroslav Zhelezniak", kind="relayed", start=s, end=e,
                                                     cue="reported", chain=["Mark Rutte", "Yaroslav Zhelezniak"],
                                                     hops=1, source_type="person"))

    nodes, edges = [], []
    for r in run.results:
        nodes.append({"id": f"article:{r.article.id}", "kind": "article", "label": r.article.id})
    for o in sorted({r.article.outlet or "(unknown)" for r in run.results}):
        nodes.append({"id": f"outlet:{o}", "kind": "outlet", "label": o})
    for src in ("Mark Rutte (speech)", "Yaroslav Zhelezniak", "Rada TV"):
        nodes.append({"id": f"source:{src}", "kind": "source", "label": src})
    for r in run.results:
        edges.append({"source": f"outlet:{r.article.outlet or '(unknown)'}", "target": f"article:{r.article.id}",
                      "kind": "publishes", "weight": 1, "evidence": []})
    ids = {r.article.id for r in run.results}
    for aid, src, words in (("001", "Rada TV", "broadcast and translated into Ukrainian by the Rada TV channel"),
                            ("002", "Yaroslav Zhelezniak", "Ukrainian lawmaker Yaroslav Zhelezniak reported"),
                            ("000", "Mark Rutte (speech)", "addressing the Verkhovna Rada"),
                            ("004", "Mark Rutte (speech)", "Rutte said in Parliament")):
        if aid in ids:
            s, e = _find(by_id[aid].article.text, words)
            words = by_id[aid].article.text[s:e]
            edges.append({"source": f"article:{aid}", "target": f"source:{src}", "kind": "cite", "weight": 1,
                          "evidence": [{"article": aid, "start": s, "end": e, "text": words}]})
    if {"001", "003"} <= ids:
        edges.append({"source": "article:003", "target": "article:001", "kind": "echo", "weight": 2.4,
                      "evidence": [{"text": "will require difficult choices", "article": "001"},
                                   {"text": "signed documents will be respected by major powers", "article": "003"}]})
    if {"002", "004"} <= ids:
        edges.append({"source": "article:004", "target": "article:002", "kind": "echo", "weight": 1.6,
                      "evidence": [{"text": "another Budapest Memorandum or another Minsk", "article": "002"}]})
    if not (run.graph or {}).get("nodes"):  # the real graph, once auditor.graph builds one
        run.graph = {"nodes": nodes, "edges": edges}
    return run


_WORDS = ("the minister said talks would resume on monday after delegations met in the capital to discuss "
          "security guarantees energy infrastructure air defence and reconstruction funding for the region "
          "officials familiar with the matter declined to comment further on the timeline").split()
_RULES = {"attribution": ["vague-attribution", "relayed-quote"], "boilerplate": ["ad-marker", "read-time"],
          "quote-fidelity": ["quote-mutation"], "inference": ["speculative-inference"]}


def synthetic_run(n: int = 1000, seed: int = 7, outlets: int = 40) -> RunResult:
    """A run of ``n`` generated articles (about 450 words each, a handful of findings each)."""
    from .. import scoring

    rnd = random.Random(seed)
    run = RunResult(run_id=f"synthetic-{n}", started="2026-02-03T12:00:00+00:00",
                    finished="2026-02-03T12:01:00+00:00")
    outlet_names = [f"Outlet {k:02d}" for k in range(outlets)]
    for i in range(n):
        paras = []
        for _ in range(rnd.randint(6, 10)):
            words = [rnd.choice(_WORDS) for _ in range(rnd.randint(35, 70))]
            words[0] = words[0].capitalize()
            paras.append(" ".join(words) + ".")
        text = f"Headline number {i}: talks resume\n\n" + "\n\n".join(paras)
        a = Article(id=f"a{i:04d}", text=text, outlet=rnd.choice(outlet_names), published="2026-02-03")
        res = ArticleResult(article=a)
        for _ in range(rnd.randint(0, 9)):
            fam = rnd.choice(CATEGORIES)
            s = rnd.randrange(0, len(text) - 60)
            e = s + rnd.randint(5, 120)
            res.findings.append(Finding(rule=rnd.choice(_RULES[fam]), category=fam, message=f"synthetic {fam} finding",
                                        start=s, end=min(e, len(text)), severity=rnd.choice(["low", "medium", "high"])))
        for fam, rules in _RULES.items():
            for rid in rules:
                k = sum(1 for f in res.findings if f.rule == rid)
                res.rules[rid] = RuleResult(rule=rid, category=fam, score=round(0.5 ** k, 4))
        res.findings.sort(key=lambda f: (f.start, f.end, f.rule))
        scoring.apply(res, {c: 1.0 for c in CATEGORIES})
        run.results.append(res)
    run.outlets = scoring.outlet_scores(run.results)
    nodes = [{"id": f"outlet:{o}", "kind": "outlet", "label": o} for o in outlet_names]
    nodes += [{"id": f"article:{r.article.id}", "kind": "article", "label": r.article.id} for r in run.results]
    edges = [{"source": f"outlet:{r.article.outlet}", "target": f"article:{r.article.id}", "kind": "publishes",
              "weight": 1, "evidence": []} for r in run.results]
    for _ in range(n // 3):
        x, y = rnd.sample(run.results, 2)
        edges.append({"source": f"article:{x.article.id}", "target": f"article:{y.article.id}", "kind": "echo",
                      "weight": round(rnd.uniform(1, 3), 2), "evidence": [{"text": "shared sentence"}]})
    run.graph = {"nodes": nodes, "edges": edges}
    return run
