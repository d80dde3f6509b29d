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

import json
import os
from pathlib import Path
from typing import Any

from .corpus.quotes import with_unit_clusters
from .models import ArticleResult, RunResult
from .scoring import boilerplate_ratio


def article_to_dict(r: ArticleResult) -> dict[str, Any]:
    a = r.article
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
        "quotes": [q.to_dict() for q in r.quotes],
        "attributions": [x.to_dict() for x in r.attributions],
        "errors": r.errors,
    }


def run_to_dict(run: RunResult) -> dict[str, Any]:
    ranked = sorted(run.results, key=lambda r: (r.score, r.article.id))
    return {
        "run": {"id": run.run_id, "started": run.started, "finished": run.finished, "inputs": run.inputs,
                "rules": run.rules},
        "articles": with_unit_clusters([article_to_dict(r) for r in ranked], run.quote_clusters),
        "outlets": run.outlets,
        "quote_clusters": [c.to_dict() for c in run.quote_clusters],
        "claims": run.claims,
        "graph": run.graph,
        "errors": {"ingest": [{"source": e.source, "reason": e.reason, "level": e.level} for e in run.ingest_errors],
                   "rules": run.rule_errors},
    }


def write_json(run: RunResult, path: Path | str) -> Path:
    """Write the export atomically (a temporary file renamed into place)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(run_to_dict(run), ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    os.replace(tmp, path)
    return path
