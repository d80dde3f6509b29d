"""``audit serve``: browse the SQLite store in datasette, with described tables and canned queries.

The metadata (every table's and column's description) comes from ``auditor.tables``, the same place the
``datapackage.json`` of the tidy tables is written from; the canned queries below are written against
the store's tables (``auditor.store.models``) and read the latest saved run unless given ``run``.
datasette is an optional extra (``pip install 'auditor[serve]'``).
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from . import tables
from .store import models as m

# The run a query reads: the ``run`` parameter, else the latest saved.
_RUN = "coalesce(nullif(:run, ''), (select id from runs order by saved_at desc, id limit 1))"

CANNED_QUERIES: dict[str, dict[str, str]] = {
    "weakest_articles": {
        "title": "Weakest articles",
        "description": "The run's articles by score, lowest first, with the family scores, the number of "
                       "findings and the most serious finding's rule. Leave run empty for the latest run.",
        "sql": f"""select a.id as article_id, a.outlet, a.title, round(a.score, 2) as score,
  json_extract(a.subscores, '$.attribution') as score_attribution,
  json_extract(a.subscores, '$.boilerplate') as score_boilerplate,
  json_extract(a.subscores, '$."quote-fidelity"') as score_quote_fidelity,
  json_extract(a.subscores, '$.inference') as score_inference,
  (select count(*) from findings f where f.run_id = a.run_id and f.article_id = a.id) as findings,
  (select f.rule from findings f where f.run_id = a.run_id and f.article_id = a.id
     order by case f.severity when 'high' then 0 when 'medium' then 1 when 'low' then 2 else 3 end, f.start
     limit 1) as most_serious_rule,
  a.run_id
from articles a
where a.run_id = {_RUN}
order by a.score, a.id
limit 100""",
    },
    "relayed_attributions": {
        "title": "Relayed attributions",
        "description": "Statements that reached the article through an intermediary (the speaker, then "
                       "each relay), longest chains first, with the clause that says so.",
        "sql": f"""select t.article_id, a.outlet, t.source, t.chain, t.hops, t.cue,
  substr(a.text, t.start + 1, t."end" - t.start) as clause, t.start, t."end", t.run_id
from attributions t join articles a on a.run_id = t.run_id and a.id = t.article_id
where t.kind = 'relayed' and t.run_id = {_RUN}
order by t.hops desc, t.article_id, t.idx""",
    },
    "altered_quotes": {
        "title": "Altered quotes with their consensus",
        "description": "Quotes whose wording departs from what the other renderings of the same utterance "
                       "agree on (fidelity below 1), least faithful first, with the consensus wording and "
                       "the quote-fidelity findings on them.",
        "sql": f"""select q.article_id, a.outlet, q.speaker, q.text as rendering, c.consensus, q.fidelity,
  json_array_length(q.differences) as differences,
  (select group_concat(f.rule, ', ') from findings f
     where f.run_id = q.run_id and f.article_id = q.article_id and f.category = 'quote-fidelity'
       and f.start < q."end" and q.start < f."end") as findings,
  q.cluster as cluster_id, q.start, q."end", q.run_id
from quotes q
join quote_clusters c on c.run_id = q.run_id and c.id = q.cluster
join articles a on a.run_id = q.run_id and a.id = q.article_id
where q.fidelity < 1 and q.run_id = {_RUN}
order by q.fidelity, q.article_id, q.idx""",
    },
    "echoing_outlets": {
        "title": "Outlets that echo others most",
        "description": "For each outlet, the echo edges where one of its articles reuses the text of "
                       "another outlet's earlier article: how many, how many words, from how many outlets.",
        "sql": f"""select coalesce(nullif(json_extract(cn.data, '$.outlet'), ''), '(unknown)') as outlet,
  count(*) as echoes, sum(e.weight) as shared_words,
  count(distinct coalesce(nullif(json_extract(sn.data, '$.outlet'), ''), sn.id)) as source_outlets,
  group_concat(distinct coalesce(nullif(json_extract(sn.data, '$.outlet'), ''), '(unknown)')) as from_outlets,
  e.run_id
from graph_edges e
join graph_nodes cn on cn.run_id = e.run_id and cn.id = e.source
join graph_nodes sn on sn.run_id = e.run_id and sn.id = e.target
where e.kind = 'echoes' and json_extract(e.data, '$.directed') and e.run_id = {_RUN}
  and coalesce(json_extract(cn.data, '$.outlet'), '') != coalesce(json_extract(sn.data, '$.outlet'), '')
group by outlet, e.run_id
order by shared_words desc, echoes desc, outlet""",
    },
}


def _store_columns(table: str, columns: list[str]) -> dict[str, str]:
    """Descriptions of the store table ``table``'s columns, from ``auditor.tables``."""
    spec = next((t for t in tables.TABLES if t.store_table == table), None)
    extra = tables.STORE_TABLES.get(table, ("", {}))[1]
    out: dict[str, str] = {}
    for name in columns:
        col = None
        if spec is not None:
            col = next((c for c in spec.columns if c.store_column == name), None)
        if col is not None:
            out[name] = col.description + (f" [{col.unit}]" if col.unit else "")
        elif name in extra:
            out[name] = extra[name]
        elif name in tables.STORE_COLUMNS:
            out[name] = tables.STORE_COLUMNS[name]
    return out


def metadata(db_name: str) -> dict[str, Any]:
    """datasette metadata for a store opened under the name ``db_name``."""
    described: dict[str, Any] = {}
    for table in m.ALL_TABLES:
        spec = next((t for t in tables.TABLES if t.store_table == table.name), None)
        desc = tables.STORE_TABLES.get(table.name, ("", {}))[0] or (spec.description if spec else "")
        described[table.name] = {"description": desc,
                                 "columns": _store_columns(table.name, [c.name for c in table.c])}
    return {
        "title": "auditor store",
        "description": "Runs saved by `audit score`: articles and their scores, findings with the spans "
                       "that earned them, quotes, attributions, claims and the citation and echo graph. "
                       "Start from the canned queries below.",
        "databases": {db_name: {"tables": described, "queries": CANNED_QUERIES}},
    }


def _sqlite_file(url: str) -> Path:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        raise ValueError(f"datasette opens SQLite files only, not {parsed.render_as_string(hide_password=True)}")
    return Path(parsed.database).expanduser()


def serve(url: str, *, host: str = "127.0.0.1", port: int = 8001, mutable: bool = False) -> None:
    """Serve the SQLite store at ``url`` with datasette until interrupted.

    Immutable (read-only, the file is never written) unless ``mutable``; then datasette sees runs saved
    while it serves. Raises ``ValueError`` for a store that is not an SQLite file, ``StoreError`` when it
    holds no runs, ``RuntimeError`` when datasette is not installed.
    """
    try:
        from datasette.cli import cli as datasette_cli
    except ImportError as e:
        raise RuntimeError("audit serve needs datasette: pip install 'auditor[serve]'") from e
    from .store import list_runs

    path = _sqlite_file(url)
    list_runs(url)  # a clear StoreError for a missing file, a newer schema, or no runs table
    wal = path.with_name(path.name + "-wal")
    if not mutable and wal.exists() and wal.stat().st_size:
        # immutable mode reads the main file only: fold the write-ahead log into it first
        try:
            with sqlite3.connect(path) as conn:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass
    with tempfile.TemporaryDirectory(prefix="auditor-serve-") as tmp:
        meta = Path(tmp) / "metadata.json"
        meta.write_text(json.dumps(metadata(path.stem), ensure_ascii=False, indent=1), encoding="utf-8")
        args = ["serve", *([str(path)] if mutable else ["-i", str(path)]), "--metadata", str(meta),
                "--host", host, "--port", str(port)]
        datasette_cli.main(args=args, prog_name="datasette", standalone_mode=False)
