"""Runs to render without a corpus at hand: the five seed articles, and a synthetic corpus of any size.

``seed_run()`` is the real pipeline on ``seeds/`` (ingest, every rule, clustering, graph), nothing added
by hand: what the report tests, the README screenshots and a quick look at the report use.
``synthetic_run(n)`` fabricates a large run (random text and findings) for the rendering benchmark only.
"""

from __future__ import annotations

import random
from pathlib import Path

from ..models import CATEGORIES, Article, ArticleResult, Finding, RuleResult, RunResult

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_run(seeds: Path = SEEDS, registry=None, extra: list[Article] | None = None) -> RunResult:
    """The engine's run on the seed articles as ``audit score seeds/`` reads them (plus ``extra``)."""
    from ..config import Config
    from ..engine import audit
    from ..ingest import iter_inputs
    from ..rules import load_rules

    registry = registry or load_rules()
    articles = [a for a in iter_inputs([seeds]) if isinstance(a, Article)] + list(extra or [])
    return audit(articles, registry, Config(), jobs=1)


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
