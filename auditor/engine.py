"""Running the rules: the article stage (one document at a time) and the corpus stage (all at once).

``audit(articles, registry, config)`` is what ``audit score`` calls; it is usable from a notebook too.
A rule that raises is isolated to that article: its error is recorded and the run goes on.
"""

from __future__ import annotations

import hashlib
import traceback
from collections.abc import Callable
from datetime import UTC, datetime

from . import scoring
from .config import Config
from .corpus import Corpus
from .models import Article, ArticleResult, IngestError, RuleResult, RunResult
from .rules import Registry, Rule
from .text.document import Doc
from .text.readability import readability_profile

Progress = Callable[[int], None]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def run_id_for(articles: list[Article], registry: Registry, config: Config) -> str:
    """Content-derived run id: the same inputs, rules and weights give the same id (idempotent reruns)."""
    h = hashlib.sha256()
    for a in sorted(articles, key=lambda a: a.id):
        h.update(f"{a.id}\0{a.hash}\0{a.outlet}\0".encode())
    for r in registry.rules:
        h.update(f"{r.id}:{r.meta.weight}:{r.origin}\0".encode())
    h.update(repr(sorted(config.weights.items())).encode())
    return h.hexdigest()[:16]


def _run_rule(rule: Rule, doc: Doc, result: ArticleResult, corpus: Corpus | None = None) -> None:
    try:
        findings = rule.run(doc, corpus)
        score = rule.score(doc, findings)
    except Exception as e:  # isolate a failing rule to this article
        where = traceback.extract_tb(e.__traceback__)[-1]
        result.errors.append(f"rule {rule.id} failed on {doc.article.id}: {type(e).__name__}: {e} "
                             f"({where.filename.rsplit('/', 1)[-1]}:{where.lineno})")
        return
    result.findings.extend(findings)
    result.rules[rule.id] = RuleResult(rule=rule.id, category=rule.family, score=round(score, 4),
                                       weight=rule.meta.weight, mode=rule.meta.score)
    if rule.family == "boilerplate":
        doc.boilerplate.extend((f.start, f.end) for f in findings)


def audit_article(article: Article, registry: Registry) -> tuple[Doc, ArticleResult]:
    """The article stage for one article: article rules, quotes, attributions, readability."""
    doc = Doc(article)
    result = ArticleResult(article=article)
    for rule in registry.by_scope("article"):
        _run_rule(rule, doc, result)
    result.readability = readability_profile(doc)
    return doc, result


def audit(articles: list[Article], registry: Registry, config: Config, *,
          ingest_errors: list[IngestError] | None = None, progress: Progress | None = None,
          inputs: list[str] | None = None) -> RunResult:
    run = RunResult(run_id=run_id_for(articles, registry, config), started=_now(),
                    ingest_errors=list(ingest_errors or []), rule_errors=list(registry.errors),
                    inputs=list(inputs or []))
    run.rules = [{"id": r.id, "family": r.family, "status": r.meta.status, "weight": r.meta.weight,
                  "scope": r.meta.scope, "origin": r.origin, "name": r.meta.name} for r in registry.rules]
    docs: list[Doc] = []
    for article in articles:
        doc, result = audit_article(article, registry)
        docs.append(doc)
        run.results.append(result)
        if progress:
            progress(1)

    corpus = Corpus(docs)
    by_id = {r.article.id: r for r in run.results}
    for doc in docs:
        result = by_id[doc.article.id]
        for rule in registry.by_scope("corpus"):
            _run_rule(rule, doc, result, corpus)

    # the text layers, after the corpus stage has set clusters and fidelity on the quotes
    try:
        run.quote_clusters = list(corpus.quote_clusters)
    except Exception as e:
        run.rule_errors.append(f"quote clustering failed: {type(e).__name__}: {e}")
    for doc in docs:
        result = by_id[doc.article.id]
        result.quotes = list(doc.quotes)
        result.attributions = list(doc.attributions)
        result.findings.sort(key=lambda f: (f.start, f.end, f.rule))
        scoring.apply(result, config.weights)
        run.rule_errors.extend(result.errors)

    try:
        from .corpus.claims import corpus_claims

        run.claims = corpus_claims(corpus)
    except Exception as e:
        run.rule_errors.append(f"claim extraction failed: {type(e).__name__}: {e}")
    run.outlets = scoring.outlet_scores(run.results)
    try:
        from .graph import build_graph, graph_to_dict

        run.graph = graph_to_dict(build_graph(run, corpus))
    except ImportError:
        pass
    run.finished = _now()
    return run
