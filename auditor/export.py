"""The JSON export of a run (``audit score --json OUT``).

Shape (a superset of what ``../shared/eval/score.py`` reads)::

    {"run": {"id", "started", "finished", "inputs", "rules": [...]},
     "articles": [{"id", "outlet", "url", "published", "fetched", "title", "byline", "source", "format", "hash",
                   "score", "subscores": {family: 0..100}, "boilerplate_ratio",
                   "features": {name: 0..1}, "contributions": {name: points}, "readability": {...},
                   "rules": {rule_id: {"category", "score", "weight"}},
                   "findings": [{"rule", "category", "severity", "message", "start", "end", "text", "line",
                                 "data"}],
                   "quotes": [{"text", "start", "end", "speaker", "cue", "kind", "cluster", "fidelity",
                               "differences"}],
                   "attributions": [{"source", "kind", "start", "end", "cue", "chain", "hops",
                                     "source_type"}],
                   "errors": [...]}],          # ranked by score, lowest first
     "outlets": {name: {"score", "articles"}},
     "quote_clusters": [{"id", "consensus", "speaker", "members": [...]}],
     "claims": [...],
     "graph": {"nodes": [{"id", "kind", "label"}], "edges": [{"source", "target", "kind", "weight"}]},
     "errors": {"ingest": [{"source", "reason", "level"}], "rules": [...]}}

Offsets are Python ``str`` indices into the article's text as read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

import msgspec

from .collect import fewer_collections
from .corpus.quotes import with_unit_clusters
from .models import ArticleResult, RunResult
from .packed import Packed
from .scoring import boilerplate_ratio


def article_to_dict(r: ArticleResult, *, copy: bool = True) -> dict[str, Any]:
    """One article of the export. ``copy=False`` (the streamed export, which writes the dict and drops
    it) shares the quotes' and attributions' nested lists with ``r`` instead of deep-copying them."""
    a = r.article
    record = _as_dict if copy else _fields_dict
    text = a.text
    return {
        "id": a.id, "outlet": a.outlet, "url": a.url, "published": a.published,
        "fetched": a.meta.get("fetched"),  # when a web archive (or a crawler's record) fetched it
        "title": a.title,
        "byline": a.byline, "dateline": a.dateline, "source": a.source, "format": a.format, "hash": a.hash,
        "score": r.score, "subscores": r.subscores,
        "boilerplate_ratio": boilerplate_ratio(r),
        "features": r.features, "contributions": r.contributions,
        "readability": r.readability,
        "rules": {k: {"category": v.category, "score": v.score, "weight": v.weight} for k, v in r.rules.items()},
        "findings": [{"rule": f.rule, "category": f.category, "severity": f.severity, "message": f.message,
                      "start": f.start, "end": f.end, "text": text[f.start:f.end],
                      "line": text.count("\n", 0, f.start) + 1, "data": f.data} for f in r.findings],
        "quotes": [record(q) for q in r.quotes],
        "attributions": [record(x) for x in r.attributions],
        "errors": r.errors,
    }


def _as_dict(item: Any) -> dict[str, Any]:
    return item.to_dict()


def _fields_dict(item: Any) -> dict[str, Any]:
    """``dataclasses.asdict`` one level deep: the same content when no field holds a dataclass."""
    return {f.name: getattr(item, f.name) for f in fields(item)}


def _ranked(run: RunResult) -> list[ArticleResult]:
    """The articles as the export lists them: lowest score first, then by id."""
    return sorted(run.results, key=lambda r: (r.score, r.article.id))


def _run_meta(run: RunResult) -> dict[str, Any]:
    return {"id": run.run_id, "started": run.started, "finished": run.finished, "inputs": run.inputs,
            "rules": run.rules}


def _ingest_errors(run: RunResult) -> Iterator[dict[str, Any]]:
    return ({"source": e.source, "reason": e.reason, "level": e.level} for e in run.ingest_errors)


def run_to_dict(run: RunResult) -> dict[str, Any]:
    return {
        "run": _run_meta(run),
        "articles": with_unit_clusters([article_to_dict(r) for r in _ranked(run)], run.quote_clusters),
        "outlets": run.outlets,
        "quote_clusters": [c.to_dict() for c in run.quote_clusters],
        "claims": list(run.claims),
        "graph": {k: list(v) if isinstance(v, Packed) else v for k, v in run.graph.items()},
        "errors": {"ingest": list(_ingest_errors(run)), "rules": run.rule_errors},
    }


def write_json(run: RunResult, path: Path | str) -> Path:
    """Write the export atomically (a temporary file renamed into place), streamed: one record at a time
    goes through msgspec to the file, so the whole document is never built in memory (see ``iter_json``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with fewer_collections(), open(tmp, "wb") as f:
            buf: list[bytes] = []
            size = 0
            for chunk in iter_json(run):
                buf.append(chunk)
                size += len(chunk)
                if size >= 1 << 20:  # a write per megabyte, not per chunk
                    f.write(b"".join(buf))
                    buf, size = [], 0
            f.write(b"".join(buf))
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, path)
    return path


# -- the streamed export: the same JSON as ``json.dumps(run_to_dict(run), ensure_ascii=False, indent=1,
# default=str)``, record by record. msgspec encodes each record and lays it out with one space per level;
# a record nested at depth d gets d more spaces after each of its newlines (a JSON string holds no raw
# newline, so every newline in the encoded bytes is layout). Floats are written in their shortest form
# (``1e-05`` may come out as ``0.00001``: the same number); unknown objects become ``str(obj)`` as before.

_ENCODER = msgspec.json.Encoder(enc_hook=str)
UNIT_BATCH = 256  # articles given their quotes' unit clusters at a time


class _Seq:
    """A list written item by item, produced lazily (``empty`` says beforehand whether it has items)."""

    def __init__(self, items: Iterable[Any], empty: bool):
        self.items, self.empty = items, empty


class _Obj(dict):
    """A JSON object written member by member (its values may be ``_Seq`` or ``_Obj`` again)."""


def _encode(value: Any, depth: int) -> bytes:
    out = msgspec.json.format(_ENCODER.encode(value), indent=1)
    return out.replace(b"\n", b"\n" + b" " * depth) if depth and b"\n" in out else out


def _stream(value: Any, depth: int) -> Iterator[bytes]:
    """``value`` laid out at nesting ``depth``: a ``_Seq`` item by item, an ``_Obj`` member by member,
    anything else encoded whole."""
    inner = b"\n" + b" " * (depth + 1)
    if isinstance(value, _Seq):
        if value.empty:
            yield b"[]"
            return
        sep = b"[" + inner
        for item in value.items:
            yield sep
            yield from _stream(item, depth + 1)
            sep = b"," + inner
        yield b"\n" + b" " * depth + b"]"
    elif isinstance(value, _Obj) and value:
        sep = b"{" + inner
        for k, v in value.items():
            yield sep + _ENCODER.encode(k) + b": "
            yield from _stream(v, depth + 1)
            sep = b"," + inner
        yield b"\n" + b" " * depth + b"}"
    else:
        yield _encode(value, depth)


def _article_dicts(run: RunResult) -> Iterator[dict[str, Any]]:
    """The export's articles, ranked, each with its quotes' unit clusters (``with_unit_clusters``), made a
    batch at a time from only the clusters that have a member among the batch's articles."""
    ranked = _ranked(run)
    clusters = list(run.quote_clusters)
    touching: dict[str, list[int]] = {}
    for i, c in enumerate(clusters):
        for aid in dict.fromkeys(str(m.get("article")) for m in c.members):
            touching.setdefault(aid, []).append(i)
    for b in range(0, len(ranked), UNIT_BATCH):
        dicts = [article_to_dict(r, copy=False) for r in ranked[b:b + UNIT_BATCH]]
        used = sorted({i for d in dicts for i in touching.get(str(d["id"]), ())})
        yield from with_unit_clusters(dicts, [clusters[i] for i in used])


def iter_json(run: RunResult) -> Iterator[bytes]:
    """The export of ``run`` (``run_to_dict``'s content) as UTF-8 JSON bytes, a record at a time."""
    graph = run.graph
    if isinstance(graph, dict) and all(isinstance(k, str) for k in graph):
        graph = _Obj((k, _Seq(v, not v) if isinstance(v, list | Packed) else v) for k, v in graph.items())
    doc = _Obj({
        "run": _run_meta(run),
        "articles": _Seq(_article_dicts(run), not run.results),
        "outlets": run.outlets,
        "quote_clusters": _Seq((_fields_dict(c) for c in run.quote_clusters), not run.quote_clusters),
        "claims": _Seq(run.claims, not run.claims) if isinstance(run.claims, list | Packed) else run.claims,
        "graph": graph,
        "errors": _Obj({"ingest": _Seq(_ingest_errors(run), not run.ingest_errors), "rules": run.rule_errors}),
    })
    yield from _stream(doc, 0)
