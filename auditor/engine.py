"""Running the rules: the article stage (one document at a time) and the corpus stage (all at once).

``audit(articles, registry, config)`` is what ``audit score`` calls; it is usable from a notebook too.

* The **article stage** runs every article rule on one article, computes its quotations, attributions
  and readability, and returns a plain JSON-able *stage payload*. It is the same function whether it
  runs here, in a process pool (``jobs``), on a Dask cluster (``auditor.distributed``) or is read back
  from the stage cache (``cache``: a rerun recomputes only new or changed articles).
* The **corpus stage** rebuilds each document from its payload and runs the corpus rules, which see
  every article (quote consensus, corroboration, claims, reuse), then scores everything.

A rule that raises is isolated to that article: its error is recorded and the run goes on.
"""

from __future__ import annotations

import hashlib
import json
import os
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from . import __version__, scoring
from .collect import fewer_collections
from .config import Config
from .corpus import Corpus
from .models import (
    Article,
    ArticleResult,
    Attribution,
    Finding,
    IngestError,
    Quote,
    RuleResult,
    RunResult,
    as_dict,
)
from .packed import Spans, pack
from .rules import RULE_TIMEOUT, Registry, Rule, RuleTimeout, load_rules, time_budget, timeout_message
from .text.document import Doc
from .text.readability import readability_profile

# Called with the number of articles just done. It may also have ``stage(name, total, note="")``: then
# each stage announces itself with the number of articles it will process (articles read back from
# the stage cache are not counted, so a rate and a time left computed from the calls stay true), and the
# corpus stage's whole-corpus steps are announced with total None.
Progress = Callable[[int], None]
Payload = dict[str, Any]
PARALLEL_FROM = 200  # articles: below this, a process pool costs more than it saves
CHUNK = 32


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def run_id_for(articles: list[Article], registry: Registry, config: Config) -> str:
    """Content-derived run id: the same inputs, rules and weights give the same id (idempotent reruns)."""
    h = hashlib.sha256()
    for a in sorted(articles, key=lambda a: a.id):
        h.update(f"{a.id}\0{a.hash}\0{a.outlet}\0".encode())
    h.update(registry.fingerprint.encode())
    h.update(repr(sorted(config.weights.items())).encode())
    model = config.score_model()
    h.update(repr(None if model is None else (model.intercept, sorted(model.coef.items()))).encode())
    return h.hexdigest()[:16]


def stage_key(article: Article, registry: Registry) -> str:
    """The stage cache key: the article (text and metadata) and the exact rule set that scored it."""
    meta = {k: v for k, v in asdict(article).items() if k not in ("text", "source")}
    h = hashlib.sha256(article.text.encode("utf-8", "surrogatepass"))
    h.update(json.dumps(meta, sort_keys=True, default=str).encode())
    h.update(registry.fingerprint.encode())
    h.update(__version__.encode())
    return h.hexdigest()


def _run_rule(rule: Rule, doc: Doc, result: ArticleResult, corpus: Corpus | None = None,
              budget: float | None = RULE_TIMEOUT) -> None:
    try:
        with time_budget(budget):  # a rule that hangs is stopped and reported, the run goes on
            findings = rule.run(doc, corpus)
            score = rule.score(doc, findings)
    except RuleTimeout:
        result.errors.append(f"rule {rule.id} failed on {doc.article.id}: RuleTimeout: {timeout_message(budget)}")
        return
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


def _budget(rule: Rule, registry: Registry) -> float | None:
    """A researcher's rule runs under the registry's time budget; a built-in rule under none."""
    return None if rule.builtin else registry.rule_timeout


def _layer(doc: Doc, name: str, result: ArticleResult) -> list:
    try:
        return list(getattr(doc, name))
    except Exception as e:  # a text layer must not end the run either
        result.errors.append(f"{name} of {doc.article.id} failed: {type(e).__name__}: {e}")
        doc.__dict__[name] = []
        return []


def audit_article(article: Article, registry: Registry) -> tuple[Doc, ArticleResult]:
    """The article stage for one article: article rules, quotes, attributions, readability."""
    doc = Doc(article)
    result = ArticleResult(article=article)
    for rule in registry.by_scope("article"):
        _run_rule(rule, doc, result, budget=_budget(rule, registry))
    _layer(doc, "quotes", result)
    _layer(doc, "attributions", result)
    try:
        result.readability = readability_profile(doc)
    except Exception as e:
        result.errors.append(f"readability of {article.id} failed: {type(e).__name__}: {e}")
    return doc, result


# -- the stage payload: what crosses a process, a cluster or the cache --------------------------------


def stage_payload(doc: Doc, result: ArticleResult) -> Payload:
    return {
        "findings": [as_dict(f) for f in result.findings],
        "rules": {k: as_dict(v) for k, v in result.rules.items()},
        "readability": result.readability,
        "errors": result.errors,
        "quotes": [as_dict(q) for q in doc.quotes],
        "attributions": [as_dict(a) for a in doc.attributions],
        "boilerplate": [list(s) for s in doc.boilerplate],
        "sentences": [list(s) for s in doc.sentences],  # the costliest layer: computed once
    }


def from_payload(article: Article, p: Payload) -> tuple[Doc, ArticleResult]:
    doc = Doc(article)
    doc.boilerplate = [tuple(s) for s in p["boilerplate"]]
    doc.__dict__["sentences"] = Spans(p["sentences"])  # held for every article until the claims: compact
    doc.__dict__["quotes"] = [Quote(**q) for q in p["quotes"]]
    # nothing in the corpus stage changes an attribution (its rules, the hedges, the claims, the graph and
    # the reader's features read them): packed from the start, as the run keeps them
    doc.__dict__["attributions"] = pack(Attribution(**a) for a in p["attributions"])
    result = ArticleResult(article=article, findings=[Finding(**f) for f in p["findings"]],
                           rules={k: RuleResult(**v) for k, v in p["rules"].items()},
                           readability=p["readability"], errors=list(p["errors"]))
    return doc, result


def stage_one(article: Article, registry: Registry) -> Payload:
    return stage_payload(*audit_article(article, registry))


# -- running the article stage here or in a process pool ------------------------------------------------

_WORKER_REGISTRY: Registry | None = None


def _worker_init(spec: dict, rule_timeout: float | None = RULE_TIMEOUT) -> None:
    global _WORKER_REGISTRY
    _WORKER_REGISTRY = load_rules(**spec)
    _WORKER_REGISTRY.rule_timeout = rule_timeout


def _worker_chunk(articles: list[Article]) -> list[Payload]:
    assert _WORKER_REGISTRY is not None
    return [stage_one(a, _WORKER_REGISTRY) for a in articles]


def _chunks(items: list, n: int) -> Iterator[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def run_article_stage(articles: list[Article], registry: Registry, *, jobs: int = 1,
                      progress: Progress | None = None) -> Iterator[tuple[Article, Payload]]:
    """Yield ``(article, payload)`` for each article, in order, using ``jobs`` processes."""
    if jobs <= 1 or len(articles) < 2 * CHUNK:
        for a in articles:
            yield a, stage_one(a, registry)
            if progress:
                progress(1)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init,
                             initargs=(registry.spec, registry.rule_timeout)) as pool:
        for chunk, payloads in zip(_chunks(articles, CHUNK), pool.map(_worker_chunk, _chunks(articles, CHUNK)),
                                   strict=True):
            yield from zip(chunk, payloads, strict=True)
            if progress:
                progress(len(chunk))


def default_jobs(n_articles: int) -> int:
    return (os.cpu_count() or 1) if n_articles >= PARALLEL_FROM else 1


# -- the whole run -------------------------------------------------------------------------------------


@fewer_collections()  # the run's objects are many: see auditor.collect
def audit(articles: list[Article], registry: Registry, config: Config, *,
          ingest_errors: list[IngestError] | None = None, progress: Progress | None = None,
          inputs: list[str] | None = None, jobs: int | None = None, cache=None,
          stage: Callable[[list[Article]], Iterable[tuple[Article, Payload]]] | None = None,
          reuse_candidates: Callable | None = None) -> RunResult:
    """Score ``articles``. ``cache`` (a ``StageCache``) makes reruns incremental and resumable;
    ``stage`` replaces the local article stage and ``reuse_candidates`` the text-reuse candidate
    generation of the corpus stage (the Dask engine passes its own of both).

    Articles are taken in the order of their ids, whatever order the inputs were named in, so that every
    sum, tie and listing downstream is the same for the same articles."""
    articles = sorted(articles, key=lambda a: a.id)
    registry.rule_timeout = config.rule_timeout
    run = RunResult(run_id=run_id_for(articles, registry, config), started=_now(),
                    ingest_errors=sorted(ingest_errors or [], key=lambda e: (e.source, e.reason)),
                    rule_errors=list(registry.errors),
                    inputs=sorted(inputs or []))
    run.rules = [{"id": r.id, "family": r.family, "status": r.meta.status, "weight": r.meta.weight,
                  "scope": r.meta.scope, "origin": r.origin, "name": r.meta.name} for r in registry.rules]

    # Each payload is turned into its document and result as it arrives and then dropped: the run never
    # holds every payload, nor a payload beside its objects.
    built: dict[str, tuple[Doc, ArticleResult]] = {}
    keys = {a.id: stage_key(a, registry) for a in articles} if cache is not None else {}
    if cache is not None:
        found = cache.get_many(list(keys.values()))
        for a in articles:
            if keys[a.id] in found:
                built[a.id] = from_payload(a, found.pop(keys[a.id]))
        del found
    todo = [a for a in articles if a.id not in built]
    announced = _stage(progress, "article stage", len(todo), f"{len(built):,} from the cache" if built else "")
    if not announced and progress and built:  # a plain callable counts the cached articles as done
        progress(len(built))
    if jobs is None:
        jobs = default_jobs(len(todo))
    produced = stage(todo) if stage is not None else run_article_stage(todo, registry, jobs=jobs)
    pending: dict[str, Payload] = {}
    for article, payload in produced:
        built[article.id] = from_payload(article, payload)
        if progress:
            progress(1)
        if cache is not None and not any("RuleTimeout" in e for e in payload["errors"]):
            # (a rule stopped by its time budget is retried on the next run, maybe with a larger budget)
            pending[keys[article.id]] = payload
            if len(pending) >= 256:  # committed as it goes: an interrupted run resumes from here
                cache.put_many(pending)
                pending = {}
    if cache is not None and pending:
        cache.put_many(pending)

    docs: list[Doc] = []
    for article in articles:
        doc, result = built.pop(article.id)
        docs.append(doc)
        run.results.append(result)
    corpus_stage(run, docs, registry, config, reuse_candidates=reuse_candidates, progress=progress)
    run.finished = _now()
    return run


def _stage(progress: Progress | None, name: str, total: int | None, note: str = "") -> bool:
    """Announce a stage to a progress reporter that takes announcements; whether it did."""
    announce = getattr(progress, "stage", None)
    if announce is None:
        return False
    announce(name, total, note)
    return True


def _reuse(corpus: Corpus, candidates: Callable | None) -> Any:
    """Text reuse among the corpus's documents (``detect_reuse``), or the exception it raised (reported
    where the graph is built, which it feeds)."""
    from .corpus.reuse import detect_reuse

    try:
        return detect_reuse(list(corpus.docs), **({"candidates": candidates} if candidates else {}))
    except Exception as e:
        return e


# Document layers that only rules read; the corpus stage drops them once the corpus rules have run.
_RULES_ONLY = ("lines", "_line_starts", "paragraphs", "words", "quotation_spans", "_quotation_starts")


def corpus_stage(run: RunResult, docs: list[Doc], registry: Registry, config: Config, *,
                 reuse_candidates: Callable | None = None, progress: Progress | None = None) -> None:
    corpus = Corpus(docs)
    by_id = {r.article.id: r for r in run.results}
    model = config.score_model()
    corpus_rules = registry.by_scope("corpus")
    # Text reuse reads only the texts, quotation spans and boilerplate, so it runs first, before the quote
    # clusters and the rest are held: its transient index (about 16 kB an article) and their peak never
    # meet. Not when a corpus rule may add boilerplate, which reuse masks: then it waits for the rules.
    reuse: Any = None
    if not any(r.family == "boilerplate" for r in corpus_rules):
        _stage(progress, "text reuse", None)
        reuse = _reuse(corpus, reuse_candidates)
    staged = _stage(progress, "corpus stage", len(docs))
    if any(_budget(r, registry) for r in corpus_rules):
        # the corpus-wide layers are computed once, here, and not charged to the budgeted rule that
        # happens to ask first (which would be stopped midway, again on every article)
        for layer in ("quote_clusters", "quote_cluster_by_id", "doc_terms", "df", "postings"):
            try:
                getattr(corpus, layer)
            except Exception:  # reported where it is used, as before
                pass
    for doc in docs:
        result = by_id[doc.article.id]
        for rule in corpus_rules:
            _run_rule(rule, doc, result, corpus, budget=_budget(rule, registry))
        if staged:
            progress(1)
    # What follows (claims, the graph, reuse) reads each document's text, norm, sentences, quotes,
    # attributions and boilerplate; the layers only the rules read, and the rules' indices over the
    # corpus, are dropped here rather than held to the end (a later use would compute them again).
    for doc in docs:
        doc.release(*_RULES_ONLY)
    corpus.release_indices()
    if staged:
        _stage(progress, "quote clusters, claims, graph", None)

    # after the corpus stage has set clusters and fidelity on the quotes. Nothing after the corpus rules
    # reads the clusters (the claims and the graph do not), so they are packed now, before the claims.
    try:
        run.quote_clusters = pack(corpus.quote_clusters)
    except Exception as e:
        run.rule_errors.append(f"quote clustering failed: {type(e).__name__}: {e}")
    corpus.__dict__.pop("quote_clusters", None)
    for doc in docs:
        result = by_id[doc.article.id]
        result.quotes = doc.quotes
        result.attributions = doc.attributions
        result.findings.sort(key=lambda f: (f.start, f.end, f.rule))
        scoring.apply(result, config.weights, model)
        run.rule_errors.extend(result.errors)
        # Final from here, each record the run keeps is packed (``auditor.packed``): the findings (nothing
        # after the score reads them) and the quotations (their clusters and fidelity are set; reuse, when
        # it comes later, reads their spans). The document holds the same packed list as the result.
        result.findings = pack(result.findings)
        result.quotes = doc.__dict__["quotes"] = pack(doc.quotes)

    try:
        from .corpus.claims import corpus_claims

        run.claims = pack(corpus_claims(corpus))
    except Exception as e:
        run.rule_errors.append(f"claim extraction failed: {type(e).__name__}: {e}")
    corpus.forget("claims")
    # Nothing after the claims reads the documents' sentences or number mentions
    for doc in docs:
        doc.release("sentences")
        doc.__dict__.pop("_numbers", None)  # memoised by the claims (``corpus.claims.numbers``)
    run.outlets = scoring.outlet_scores(run.results)
    try:
        from .graph import build_graph, graph_to_dict

        if reuse is None:
            reuse = _reuse(corpus, reuse_candidates)
        if isinstance(reuse, Exception):
            raise reuse
        for doc in docs:  # the graph reads no normalised text
            doc.release("norm")
        run.graph = graph_to_dict(build_graph(run, corpus, reuse=reuse), consume=True, pack=pack)
        del reuse
    except Exception as e:
        run.rule_errors.append(f"graph building failed: {type(e).__name__}: {e}")
