"""Between a ``RunResult`` and table rows: what ``save_run`` writes and ``load_result`` reads back.

No database here, only plain data. The mapping is faithful: ``rows_to_run(run_rows(run))`` equals ``run``
field for field, with two exceptions JSON itself imposes on the open-ended dicts and lists
(``Finding.data``, ``Article.meta``, claims, the graph...): a tuple comes back as a list, and a NaN or
infinite float as None. ``Article.removed`` is rebuilt as a list of tuples.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import fields
from typing import Any

import msgspec
from sqlalchemy import JSON, Table

from ..models import (
    Article,
    ArticleResult,
    Attribution,
    Finding,
    IngestError,
    Quote,
    QuoteCluster,
    RuleResult,
    RunResult,
)
from . import models as m

Row = Mapping[str, Any]
Rows = dict[Table, list[dict[str, Any]]]

ARTICLE_FIELDS = tuple(f.name for f in fields(Article))
RESULT_COLUMNS = ("score", "subscores", "readability", "errors", "features", "contributions")  # ArticleResult fields kept on articles
FINDING_FIELDS = tuple(f.name for f in fields(Finding))
QUOTE_FIELDS = tuple(f.name for f in fields(Quote))
ATTRIBUTION_FIELDS = tuple(f.name for f in fields(Attribution))
CLUSTER_FIELDS = tuple(f.name for f in fields(QuoteCluster))
_NO_EVIDENCE = object()


def jsonable(value: Any) -> Any:
    """``value`` as plain JSON data: tuples become lists, non-finite floats None, unknown objects str.

    PostgreSQL's JSON type refuses NaN and Infinity, and a JSON object key must be a string. The exact
    built-in types are dispatched first (a run holds little else); subclasses and other mappings take the
    general path.
    """
    t = type(value)
    if t is str or t is int or t is bool or value is None:
        return value
    if t is float:
        return value if math.isfinite(value) else None
    if t is dict:
        return {k if type(k) is str else str(k): v if type(v) is str else jsonable(v) for k, v in value.items()}
    if t is list or t is tuple:
        return [v if type(v) is str else jsonable(v) for v in value]
    return _jsonable_general(value)


def _jsonable_general(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str | int | bool):
        return value
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return str(value)


_ENCODE = msgspec.json.Encoder().encode


def dumps(value: Any) -> str:
    """The JSON serializer of the store's engines (UTF-8 text kept as is, not ``\\u`` escaped).

    msgspec encodes the plain data ``jsonable`` makes (the same JSON as ``json.dumps(...,
    ensure_ascii=False)``, without the spaces); anything it refuses (a subclass of a built-in type,
    a lone surrogate) goes through ``json.dumps`` as before.
    """
    plain = jsonable(value)
    try:
        return _ENCODE(plain).decode("utf-8")
    except (TypeError, ValueError, UnicodeError, msgspec.EncodeError):
        return json.dumps(plain, ensure_ascii=False)


def _row(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` as they are: a JSON column's value is made plain JSON data (``jsonable``) once, when
    the store serializes it (``dumps``, the engines' serializer and ``save_run``'s bulk insert)."""
    return values


def _of(obj: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {n: getattr(obj, n) for n in names}


def _unshared(text: str) -> str:
    """A copy of a non-ASCII text for a row: the database driver asks CPython for the UTF-8 form, which
    CPython then keeps inside the string for its life. Given the run's own text, every article would carry
    that second copy (about 3 kB an article) from the store write on; given a copy, it goes with the row."""
    return text if text.isascii() else text.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


# ------------------------------------------------------------------------------------------ run -> rows

def run_rows(run: RunResult, *, saved_at: str = "") -> Rows:
    """Every row ``save_run`` writes for ``run``, table by table (``models.RUN_TABLES`` order)."""
    return {t: list(table_rows(run, t, saved_at=saved_at)) for t in m.RUN_TABLES}


def run_row_batches(run: RunResult, *, saved_at: str = "", size: int = 5000) -> Iterator[tuple[Table, list[Row]]]:
    """The rows of ``run_rows``, table by table, in lists of at most ``size``: what a writer needs at a
    time, so that a run's rows are never all held at once beside the run itself."""
    for table in m.RUN_TABLES:
        batch: list[Row] = []
        for row in table_rows(run, table, saved_at=saved_at):
            batch.append(row)
            if len(batch) >= size:
                yield table, batch
                batch = []
        if batch:
            yield table, batch


def table_rows(run: RunResult, table: Table, *, saved_at: str = "") -> Iterator[Row]:
    """The rows of one of ``models.RUN_TABLES`` for ``run``, in the order they are written."""
    rid = run.run_id
    graph = run.graph or {}
    if table is m.RUNS:
        yield _row(m.RUNS, {
            "id": rid, "started": run.started, "finished": run.finished, "saved_at": saved_at,
            "inputs": [str(i) for i in run.inputs], "rules": run.rules,
            "graph_meta": {k: v for k, v in graph.items() if k not in ("nodes", "edges")},
            "article_count": len(run.results), "finding_count": sum(len(r.findings) for r in run.results),
            "quote_count": sum(len(r.quotes) for r in run.results),
            "error_count": len(run.ingest_errors) + len(run.rule_errors),
        })
    elif table is m.OUTLETS:
        for pos, (name, o) in enumerate(run.outlets.items()):
            info = o if isinstance(o, Mapping) else {}
            count = info.get("articles")
            yield _row(m.OUTLETS, {
                "run_id": rid, "name": str(name), "position": pos, "score": _number(info.get("score")),
                "article_count": count if isinstance(count, int) else 0, "data": o})
    elif table is m.ARTICLES:
        for pos, r in enumerate(run.results):
            a = r.article
            row = _of(a, ARTICLE_FIELDS)
            row["text"] = _unshared(a.text)
            yield _row(m.ARTICLES, {"run_id": rid, "position": pos, "hash": a.hash, **row,
                                    **_of(r, RESULT_COLUMNS)})
    elif table is m.RULE_RESULTS:
        for r in run.results:
            aid = r.article.id
            for rpos, (rule, rr) in enumerate(r.rules.items()):
                yield {"run_id": rid, "article_id": aid, "rule": rule, "position": rpos,
                       "category": rr.category, "score": rr.score, "weight": rr.weight}
    elif table in _ITEMS:
        attr, names = _ITEMS[table]
        for r in run.results:
            aid = r.article.id
            for i, x in enumerate(getattr(r, attr)):
                yield _row(table, {"run_id": rid, "article_id": aid, "idx": i, **_of(x, names)})
    elif table is m.QUOTE_CLUSTERS:
        for pos, c in enumerate(run.quote_clusters):
            yield _row(m.QUOTE_CLUSTERS, {"run_id": rid, "position": pos, **_of(c, CLUSTER_FIELDS)})
    elif table is m.CLAIMS:
        for i, c in enumerate(run.claims):
            yield _row(m.CLAIMS, {"run_id": rid, "idx": i, "data": c})
    elif table is m.GRAPH_NODES:
        for i, n in enumerate(graph.get("nodes") or []):
            yield _row(m.GRAPH_NODES, {
                "run_id": rid, "idx": i, "id": str(n.get("id", "")), "data": n,
                "kind": None if n.get("kind") is None else str(n["kind"]),
                "label": None if n.get("label") is None else str(n["label"])})
    elif table is m.GRAPH_EDGES:
        for i, e in enumerate(graph.get("edges") or []):
            evidence = e.get("evidence", _NO_EVIDENCE)
            row = _row(m.GRAPH_EDGES, {
                "run_id": rid, "idx": i, "source": str(e.get("source", "")), "target": str(e.get("target", "")),
                "kind": None if e.get("kind") is None else str(e["kind"]), "weight": _number(e.get("weight")),
                "data": {k: v for k, v in e.items() if k != "evidence"},
                "evidence": None if evidence is _NO_EVIDENCE else evidence})
            if evidence is None:  # SQL NULL means "no evidence key"; JSON null means "evidence: None"
                row["evidence"] = JSON.NULL
            yield row
    elif table is m.INGEST_ERRORS:
        for i, e in enumerate(run.ingest_errors):
            yield {"run_id": rid, "idx": i, "source": e.source, "reason": e.reason, "level": e.level}
    elif table is m.RULE_ERRORS:
        for i, e in enumerate(run.rule_errors):
            yield {"run_id": rid, "idx": i, "message": str(e)}
    else:
        raise ValueError(f"{table.name} is not a run table")


_ITEMS = {m.FINDINGS: ("findings", FINDING_FIELDS), m.QUOTES: ("quotes", QUOTE_FIELDS),
          m.ATTRIBUTIONS: ("attributions", ATTRIBUTION_FIELDS)}


# ------------------------------------------------------------------------------------------ rows -> run

def article_result(article: Row, rules: list[Row], findings: list[Row], quotes: list[Row],
                   attributions: list[Row]) -> ArticleResult:
    """An ``ArticleResult`` from its ``articles`` row and its child rows (each list in stored order)."""
    values = {n: article[n] for n in ARTICLE_FIELDS}
    if values["removed"] is not None:
        values["removed"] = [(s, e) for s, e in values["removed"]]
    return ArticleResult(
        article=Article(**values),
        findings=[Finding(**{n: f[n] for n in FINDING_FIELDS}) for f in findings],
        rules={r["rule"]: RuleResult(r["rule"], r["category"], r["score"], r["weight"]) for r in rules},
        quotes=[Quote(**{n: q[n] for n in QUOTE_FIELDS}) for q in quotes],
        attributions=[Attribution(**{n: x[n] for n in ATTRIBUTION_FIELDS}) for x in attributions],
        **{n: article[n] if article[n] is not None else {} for n in RESULT_COLUMNS})


def run_result(run: Row, results: list[ArticleResult], *, outlets: list[Row], clusters: list[Row],
               claims: list[Row], nodes: list[Row], edges: list[Row], ingest_errors: list[Row],
               rule_errors: list[Row]) -> RunResult:
    """A ``RunResult`` from its ``runs`` row, its articles and its run-level child rows."""
    graph = dict(run["graph_meta"] or {})
    graph["nodes"] = [n["data"] for n in nodes]
    graph["edges"] = []
    for e in edges:
        edge = dict(e["data"])
        if not e["no_evidence"]:
            edge["evidence"] = e["evidence"]
        graph["edges"].append(edge)
    return RunResult(
        run_id=run["id"], results=results, started=run["started"], finished=run["finished"],
        inputs=list(run["inputs"]), rules=list(run["rules"]),
        outlets={o["name"]: o["data"] for o in outlets},
        quote_clusters=[QuoteCluster(**{n: c[n] for n in CLUSTER_FIELDS}) for c in clusters],
        claims=[c["data"] for c in claims], graph=graph,
        ingest_errors=[IngestError(e["source"], e["reason"], e["level"]) for e in ingest_errors],
        rule_errors=[e["message"] for e in rule_errors])
