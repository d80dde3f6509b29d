"""An outlet's score over the stored runs (``audit outlets``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from . import models as m
from .database import Target, _engine_for, _reading, _translated


def outlet_history(url: Target = None, outlet: str | None = None) -> list[dict[str, Any]]:
    """Every (outlet, run) score, oldest run first: ``outlet``, ``run``, ``saved_at``, ``score``,
    ``articles``. ``outlet`` keeps one outlet (case-insensitive)."""
    engine = _engine_for(url)
    o, r = m.OUTLETS.c, m.RUNS.c
    query = (select(o.name, o.run_id, r.saved_at, o.score, o.article_count)
             .join(m.RUNS, m.RUNS.c.id == o.run_id).order_by(o.name, r.saved_at, o.run_id))
    with _translated(engine, "read the outlets' history"), _reading(engine) as conn:
        rows = [dict(outlet=n, run=run, saved_at=at, score=s, articles=c) for n, run, at, s, c in conn.execute(query)]
    if outlet:
        rows = [x for x in rows if x["outlet"].casefold() == outlet.casefold()]
    return rows
