"""A run as tidy tables: CSV or Parquet files with a Frictionless ``datapackage.json`` describing them.

One row per observation, one column per variable, one table per kind of thing::

    articles ──< findings            articles ──< rule_scores        outlets ──< articles
    articles ──< quotes ──< quote_differences                        quote_clusters ──< quotes
    articles ──< attributions        claims ──< claim_mentions >── articles
    graph_nodes ──< graph_edges (source, target)                     graph_nodes >── articles
    ingest_errors

Every table has a stable primary key built from the run's content (article ids, positions within an
article, cluster and claim ids, graph node ids), never a counter of the export itself, and every foreign
key names a key of another table. A quote belongs to at most one cluster, so cluster membership is the
``cluster_id`` column of ``quotes`` (many quotes to one cluster), not a table of its own.

The rows are built from the JSON export (``auditor.export.run_to_dict``), so ``findings.csv`` has one row
per finding of the JSON export, in the same order; ``audit export RUN`` builds them from the stored run,
which gives the same export. ``TABLES`` below is the ONE place where the columns are described: the
``datapackage.json``, the notebook API (``auditor.api``) and the datasette metadata (``auditor.serve``)
all read it.

Cells: a missing value is an empty cell; ``object`` and ``array`` columns hold JSON text in CSV and
Parquet (parsed Python objects in the notebook API); spans (``start``, ``end``) are half-open ``str``
offsets into the article's text as read (``articles.text`` in the store).
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .features import FEATURES

Export = dict[str, Any]  # auditor.export.run_to_dict(run)

SCORE_UNIT = "points (0-100, 100 = no problem found)"
SHARE_UNIT = "share (0-1)"
CHAR_UNIT = "characters (str index, half-open)"


@dataclass(frozen=True)
class Col:
    """A column: Table Schema type, meaning, unit; ``store`` is the same value's column in the store's
    table of the same name (None: none), used for the datasette metadata."""

    name: str
    type: str  # string | integer | number | boolean | object | array
    description: str
    unit: str | None = None
    store: str | None = ""  # "" = same name as here, if the store table has it

    @property
    def store_column(self) -> str | None:
        return self.name if self.store == "" else self.store

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        if self.unit:
            out["unit"] = self.unit  # a custom property, as Table Schema allows
        return out


@dataclass(frozen=True)
class Spec:
    name: str
    description: str
    columns: tuple[Col, ...]
    primary_key: tuple[str, ...]
    rows: Callable[[Export], Iterator[tuple]]
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()  # (fields, table, its fields)
    store: str | None = ""  # the store's table holding the same records ("" = same name, None = none)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def store_table(self) -> str | None:
        return self.name if self.store == "" else self.store

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def schema(self) -> dict[str, Any]:
        return {
            "fields": [c.schema() for c in self.columns],
            "primaryKey": list(self.primary_key),
            "foreignKeys": [{"fields": list(f), "reference": {"resource": t, "fields": list(tf)}}
                            for f, t, tf in self.foreign_keys],
            "missingValues": [""],
        }


def _none_if_empty(v: Any) -> Any:
    return None if v == "" else v


def _number(v: Any) -> Any:
    return v if isinstance(v, int | float) and not isinstance(v, bool) else None


def _words(v: Any) -> Any:
    return v if isinstance(v, str) else None


# ----------------------------------------------------------------------------------------- row makers

FAMILIES = (("attribution", "score_attribution"), ("boilerplate", "score_boilerplate"),
            ("quote-fidelity", "score_quote_fidelity"), ("inference", "score_inference"))
READABILITY = ("words", "sentences", "syllables", "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog")


def _articles(d: Export) -> Iterator[tuple]:
    for rank, a in enumerate(d["articles"], 1):
        subs, read = a.get("subscores") or {}, a.get("readability") or {}
        yield (a["id"], rank, a.get("outlet"), a.get("url"), a.get("published"), a.get("fetched"), a.get("title"),
               a.get("byline"), a.get("dateline"), a.get("source"), a.get("format"), a.get("hash"), a.get("score"),
               *(subs.get(fam) for fam, _ in FAMILIES), a.get("boilerplate_ratio"),
               *(read.get(k) for k in READABILITY),
               len(a.get("findings") or []), len(a.get("quotes") or []), len(a.get("attributions") or []),
               *((a.get("features") or {}).get(f.name) for f in FEATURES))


def _outlets(d: Export) -> Iterator[tuple]:
    for name, o in d["outlets"].items():
        ci = o.get("ci95") or (None, None)
        yield name, o.get("score"), o.get("mean"), ci[0], ci[1], o.get("articles")


def _rule_scores(d: Export) -> Iterator[tuple]:
    for a in d["articles"]:
        for rule, r in (a.get("rules") or {}).items():
            yield a["id"], rule, r.get("category"), r.get("score"), r.get("weight")


def _findings(d: Export) -> Iterator[tuple]:
    for a in d["articles"]:
        for i, f in enumerate(a.get("findings") or []):
            yield (a["id"], i, f["rule"], f["category"], f["severity"], f["message"], f["start"], f["end"],
                   f.get("text"), f.get("line"), f.get("data") or {})


def _quotes(d: Export) -> Iterator[tuple]:
    for a in d["articles"]:
        for i, q in enumerate(a.get("quotes") or []):
            yield (a["id"], i, q["text"], q["start"], q["end"], q.get("speaker"), q.get("cue"), q.get("cue_start"),
                   q.get("cue_end"), q.get("kind"), q.get("cluster"), q.get("fidelity"),
                   len(q.get("differences") or []))


def _quote_differences(d: Export) -> Iterator[tuple]:
    for a in d["articles"]:
        for i, q in enumerate(a.get("quotes") or []):
            for j, x in enumerate(q.get("differences") or []):
                yield (a["id"], i, j, x.get("type"), x.get("rendering"), x.get("consensus"), x.get("start"),
                       x.get("end"), x.get("note"), x.get("boundary"))


def _quote_clusters(d: Export) -> Iterator[tuple]:
    for c in d["quote_clusters"]:
        members = c.get("members") or []
        yield (c["id"], c.get("consensus"), c.get("speaker"), c.get("method"), len(members),
               len(dict.fromkeys(m["article"] for m in members)))


def _attributions(d: Export) -> Iterator[tuple]:
    for a in d["articles"]:
        for i, x in enumerate(a.get("attributions") or []):
            yield (a["id"], i, x.get("source"), x.get("kind"), x.get("source_type"), x.get("hops"),
                   x.get("chain") or [], x.get("cue"), x["start"], x["end"])


def _claims(d: Export) -> Iterator[tuple]:
    for c in d["claims"]:
        fields = {x.get("field") for x in c.get("disagreements") or []}
        yield (c["id"], _number(c.get("value")), _words(c.get("value")), c.get("unit"), c.get("what"),
               len(c.get("articles") or []),
               c.get("outlets"), c.get("origins"), "value" in fields, "what" in fields)


def _claim_mentions(d: Export) -> Iterator[tuple]:
    for c in d["claims"]:
        for i, m in enumerate(c.get("articles") or []):
            yield (c["id"], i, m["article"], m.get("start"), m.get("end"), m.get("text"), m.get("what"),
                   _number(m.get("value")), _words(m.get("value")))


NODE_KEYS = ("id", "kind", "label", "article", "outlet", "title", "published", "score", "words", "shared_words",
             "copied_words", "articles", "source_type", "mentions", "aliases")
EDGE_KEYS = ("source", "target", "kind", "weight", "directed", "via", "articles", "copy_share", "source_share",
             "direction_by", "method", "evidence")


def _graph_nodes(d: Export) -> Iterator[tuple]:
    for n in (d.get("graph") or {}).get("nodes") or []:
        outlet = n.get("label") if n.get("kind") == "outlet" else _none_if_empty(n.get("outlet"))
        yield (n["id"], n.get("kind"), n.get("label"), n.get("article"), outlet,
               *(_none_if_empty(n.get(k)) for k in ("title", "published")),
               *(n.get(k) for k in NODE_KEYS[7:]), {k: v for k, v in n.items() if k not in NODE_KEYS})


def _graph_edges(d: Export) -> Iterator[tuple]:
    for i, e in enumerate((d.get("graph") or {}).get("edges") or []):
        yield (i, *(e.get(k) for k in EDGE_KEYS), {k: v for k, v in e.items() if k not in EDGE_KEYS})


def _ingest_errors(d: Export) -> Iterator[tuple]:
    for i, e in enumerate((d.get("errors") or {}).get("ingest") or []):
        yield i, e.get("source"), e.get("level"), e.get("reason")


# ----------------------------------------------------------------------------------------- the tables

_A = Col("article_id", "string", "The article's id (its file stem or its record's id); articles.article_id.",
         store="article_id")
_TO_ARTICLE = ((("article_id",), "articles", ("article_id",)),)

TABLES: tuple[Spec, ...] = (
    Spec("articles", "One row per article, ranked by score, lowest first.", (
        Col("article_id", "string", "The article's id: its file stem or its record's id.", store="id"),
        Col("rank", "integer", "Place in the ranking by score, 1 = lowest score (ties by article id).",
            store=None),
        Col("outlet", "string", "The outlet that published it, as the input or the text gives it; empty "
            "when unknown."),
        Col("url", "string", "The article's URL, where the input gives one."),
        Col("published", "string", "Publication date and time in ISO 8601 as given (may be partial)."),
        Col("fetched", "string", "When a web archive or a crawler fetched the page (ISO 8601), where known.",
            store=None),
        Col("title", "string", "The headline."),
        Col("byline", "string", "The author line, where found."),
        Col("dateline", "string", "The dateline (place and date before the first sentence), where found."),
        Col("source", "string", "The file (and line, for JSON Lines) it was read from."),
        Col("format", "string", "The input format: txt, html, jsonl..."),
        Col("hash", "string", "Content hash of the article's text (first 16 hex digits of SHA-256)."),
        Col("score", "number", "The article's reliability score: the score model's estimate of a careful "
            "reader's rating r (1..5) as 25 * (r - 1), or the weighted mean of the family scores with "
            "model 'families'.", SCORE_UNIT),
        *(Col(name, "number", f"The {fam} family's score (weighted mean of its rules).", SCORE_UNIT, store=None)
          for fam, name in FAMILIES),
        Col("boilerplate_ratio", "number", "Share of the text's non-space characters that is not the article "
            "(boilerplate findings and what the HTML extractor cut).", SHARE_UNIT, store=None),
        Col("words", "integer", "Words in the text.", "words", store=None),
        Col("sentences", "integer", "Sentences in the text.", "sentences", store=None),
        Col("syllables", "integer", "Syllables in the text (CMU pronouncing dictionary).", "syllables",
            store=None),
        Col("flesch_reading_ease", "number", "Flesch reading ease (higher is easier).", "index", store=None),
        Col("flesch_kincaid_grade", "number", "Flesch-Kincaid grade level.", "US school grade", store=None),
        Col("gunning_fog", "number", "Gunning fog index.", "years of schooling", store=None),
        Col("finding_count", "integer", "Rows of findings for this article.", "findings", store=None),
        Col("quote_count", "integer", "Rows of quotes for this article.", "quotes", store=None),
        Col("attribution_count", "integer", "Rows of attributions for this article.", "attributions",
            store=None),
        *(Col(f"feature_{f.name}", "number", f"Score-model feature ({'+' if f.direction > 0 else '-'}): "
              f"{f.description}.", SHARE_UNIT, store=None) for f in FEATURES),
    ), ("article_id",), _articles, foreign_keys=((("outlet",), "outlets", ("outlet",)),)),
    Spec("outlets", "One row per outlet: the mean score of its articles shrunk toward the corpus mean, "
         "with its interval (articles without an outlet are counted under '(unknown)').", (
             Col("outlet", "string", "The outlet's name as the articles give it.", store="name"),
             Col("score", "number", "The outlet's score: its articles' mean shrunk toward the corpus mean "
                 "(fewer articles, more shrinkage; README, Scores).", SCORE_UNIT),
             Col("mean", "number", "Plain mean of the outlet's article scores.", SCORE_UNIT, store=None),
             Col("ci95_low", "number", "Lower end of the score's 95% interval.", SCORE_UNIT, store=None),
             Col("ci95_high", "number", "Upper end of the score's 95% interval.", SCORE_UNIT, store=None),
             Col("article_count", "integer", "Articles of this outlet in the run.", "articles"),
         ), ("outlet",), _outlets),
    Spec("rule_scores", "Every rule's score on every article: what the family scores are the weighted mean "
         "of.", (
             _A,
             Col("rule", "string", "The rule's id (audit rules show RULE documents it)."),
             Col("category", "string", "The rule's family: attribution, boilerplate, quote-fidelity or "
                 "inference (or a family of your own rules)."),
             Col("score", "number", "The rule's score on the article, 1 = nothing found.", SHARE_UNIT),
             Col("weight", "number", "The rule's weight within its family."),
         ), ("article_id", "rule"), _rule_scores, _TO_ARTICLE, store="rule_results"),
    Spec("findings", "One row per finding, exactly the findings of the JSON export in the same order.", (
        _A,
        Col("finding_idx", "integer", "Position among the article's findings (0-based).", store="idx"),
        Col("rule", "string", "The rule that found it."),
        Col("category", "string", "The rule's family: attribution, boilerplate, quote-fidelity or inference."),
        Col("severity", "string", "info, low, medium or high."),
        Col("message", "string", "What was found, in words."),
        Col("start", "integer", "Start of the evidence span in the article's text.", CHAR_UNIT),
        Col("end", "integer", "End of the evidence span (exclusive).", CHAR_UNIT),
        Col("text", "string", "The evidence: the article's text from start to end.", store=None),
        Col("line", "integer", "Line of the text where the span starts (1-based).", store=None),
        Col("data", "object", "Rule-specific details (JSON)."),
    ), ("article_id", "finding_idx"), _findings, _TO_ARTICLE),
    Spec("quotes", "One row per quotation in an article, with its cluster and its fidelity to the "
         "cluster's consensus wording.", (
             _A,
             Col("quote_idx", "integer", "Position among the article's quotes (0-based).", store="idx"),
             Col("text", "string", "The quoted words, without the quotation marks."),
             Col("start", "integer", "Start of the quoted words in the article's text.", CHAR_UNIT),
             Col("end", "integer", "End of the quoted words (exclusive).", CHAR_UNIT),
             Col("speaker", "string", "Who the article says spoke them, where found."),
             Col("cue", "string", "The attributing words ('said', 'according to'...)."),
             Col("cue_start", "integer", "Start of the cue in the article's text.", CHAR_UNIT),
             Col("cue_end", "integer", "End of the cue (exclusive).", CHAR_UNIT),
             Col("kind", "string", "direct, partial or scare (a scare quote)."),
             Col("cluster_id", "string", "The cluster of renderings of the same utterance across articles "
                 "(quote_clusters.cluster_id); empty when no other article renders it.", store="cluster"),
             Col("fidelity", "number", "Similarity of this rendering to the cluster's consensus wording, "
                 "1 = identical.", SHARE_UNIT),
             Col("difference_count", "integer", "Rows of quote_differences for this quote.", "differences",
                 store=None),
         ), ("article_id", "quote_idx"), _quotes,
        ((("article_id",), "articles", ("article_id",)), (("cluster_id",), "quote_clusters", ("cluster_id",)))),
    Spec("quote_differences", "One row per typed difference between a quote and its cluster's consensus "
         "(substitution, addition, cut, negation, question, stitched, translated...).", (
             _A,
             Col("quote_idx", "integer", "The quote (quotes.quote_idx)."),
             Col("difference_idx", "integer", "Position among the quote's differences (0-based)."),
             Col("type", "string", "The kind of difference."),
             Col("rendering", "string", "The words as this article renders them."),
             Col("consensus", "string", "The words of the consensus wording."),
             Col("start", "integer", "Start of the differing words in the article's text, where located.",
                 CHAR_UNIT),
             Col("end", "integer", "End of the differing words (exclusive).", CHAR_UNIT),
             Col("note", "string", "A remark on the difference."),
             Col("boundary", "boolean", "True when the cut is at the quote's edge (the article quotes less)."),
         ), ("article_id", "quote_idx", "difference_idx"), _quote_differences,
        ((("article_id", "quote_idx"), "quotes", ("article_id", "quote_idx")),), store=None),
    Spec("quote_clusters", "One row per utterance rendered in several articles; its quotes point here "
         "through quotes.cluster_id.", (
             Col("cluster_id", "string", "The cluster's id (stable: derived from its members).", store="id"),
             Col("consensus", "string", "The consensus wording the renderings are compared with."),
             Col("speaker", "string", "The speaker most renderings name."),
             Col("method", "string", "The clustering method and its version."),
             Col("member_count", "integer", "Quotes in the cluster.", "quotes", store=None),
             Col("article_count", "integer", "Articles with a quote in the cluster.", "articles", store=None),
         ), ("cluster_id",), _quote_clusters),
    Spec("attributions", "One row per attribution: who a statement is attributed to, how, and through whom.", (
        _A,
        Col("attribution_idx", "integer", "Position among the article's attributions (0-based).", store="idx"),
        Col("source", "string", "The source named (person, agency, outlet...); empty when vague."),
        Col("kind", "string", "direct, relayed (through an intermediary), vague or credit (a photo or "
            "video credit)."),
        Col("source_type", "string", "person, agency, broadcaster, social, institution, media or unknown."),
        Col("hops", "integer", "Links from the speaker to the article: 1 = first-hand, 2 = through one "
            "intermediary...", "hops"),
        Col("chain", "array", "The speaker, then each intermediary, in order (JSON array)."),
        Col("cue", "string", "The attributing words."),
        Col("start", "integer", "Start of the attribution clause in the article's text.", CHAR_UNIT),
        Col("end", "integer", "End of the attribution clause (exclusive).", CHAR_UNIT),
    ), ("article_id", "attribution_idx"), _attributions, _TO_ARTICLE),
    Spec("claims", "One row per quantified claim (a number and what it counts) found in one or more "
         "articles.", (
             Col("claim_id", "string", "The claim's id (stable: derived from its representative mention).",
                 store=None),
             Col("value", "number", "The number most mentions give; empty when it is only given in words."),
             Col("value_words", "string", "The amount when it is given in words only ('hundreds of "
                 "thousands')."),
             Col("unit", "string", "Its unit (percent, people, dollars...)."),
             Col("what", "string", "What is counted, as the representative mention words it."),
             Col("mention_count", "integer", "Rows of claim_mentions for this claim.", "mentions"),
             Col("outlet_count", "integer", "Outlets that mention it.", "outlets"),
             Col("origin_count", "integer", "Independent origins among the mentions (copies counted once).",
                 "origins"),
             Col("value_disagrees", "boolean", "True when the mentions give different numbers."),
             Col("what_disagrees", "boolean", "True when the mentions count different things."),
         ), ("claim_id",), _claims, store=None),
    Spec("claim_mentions", "One row per mention of a claim in an article.", (
        Col("claim_id", "string", "The claim (claims.claim_id)."),
        Col("mention_idx", "integer", "Position among the claim's mentions (0-based)."),
        _A,
        Col("start", "integer", "Start of the mention in the article's text.", CHAR_UNIT),
        Col("end", "integer", "End of the mention (exclusive).", CHAR_UNIT),
        Col("text", "string", "The mention's words."),
        Col("what", "string", "What this mention says is counted."),
        Col("value", "number", "The number this mention gives; empty when given in words only."),
        Col("value_words", "string", "The amount when this mention gives it in words only."),
    ), ("claim_id", "mention_idx"), _claim_mentions,
        ((("claim_id",), "claims", ("claim_id",)), (("article_id",), "articles", ("article_id",))), store=None),
    Spec("graph_nodes", "One row per node of the citation and echo graph: outlets, articles and sources.", (
        Col("node_id", "string", "The node's id: 'article:ID', 'outlet:NAME' or 'source:NAME'.", store="id"),
        Col("kind", "string", "article, outlet or source."),
        Col("label", "string", "The node's name as shown."),
        Col("article_id", "string", "For an article node, the article (articles.article_id).", store=None),
        Col("outlet", "string", "For an article node its outlet; for an outlet node its name.", store=None),
        Col("title", "string", "For an article node, its headline.", store=None),
        Col("published", "string", "For an article node, its publication date as given.", store=None),
        Col("score", "number", "For an article or outlet node, its score.", SCORE_UNIT, store=None),
        Col("words", "integer", "For an article node, its words.", "words", store=None),
        Col("shared_words", "integer", "For an article node, its words within passages shared with another "
            "article.", "words", store=None),
        Col("copied_words", "integer", "For an article node, its words within passages it copied from an "
            "earlier article.", "words", store=None),
        Col("articles", "integer", "For an outlet node, its articles in the run.", "articles", store=None),
        Col("source_type", "string", "For a source node: person, agency, broadcaster, social, institution, "
            "media or unknown.", store=None),
        Col("mentions", "integer", "For a source node, how often the articles name it.", "mentions", store=None),
        Col("aliases", "array", "For a source node, the forms of its name found (JSON array).", store=None),
        Col("attributes", "object", "Any other attribute of the node (JSON).", store=None),
    ), ("node_id",), _graph_nodes,
        ((("article_id",), "articles", ("article_id",)), (("outlet",), "outlets", ("outlet",)))),
    Spec("graph_edges", "One row per edge: publishes (outlet to article), cites and credits (article or "
         "outlet to source), relays (intermediary to speaker), echoes (copy to the article it reuses).", (
             Col("edge_idx", "integer", "Position among the graph's edges (0-based).", store="idx"),
             Col("source", "string", "The node the edge leaves (graph_nodes.node_id)."),
             Col("target", "string", "The node the edge enters (graph_nodes.node_id)."),
             Col("kind", "string", "publishes, cites, credits, relays or echoes."),
             Col("weight", "number", "cites/credits: mentions; relays: statements relayed; echoes: shared "
                 "words; publishes: 1."),
             Col("directed", "boolean", "For an echo, whether its direction (who copied whom) is known.",
                 store=None),
             Col("via", "array", "For cites and credits, the attribution kinds (JSON array).", store=None),
             Col("articles", "array", "For an outlet's cites, the articles that cite (JSON array).", store=None),
             Col("copy_share", "number", "For an echo, the share of the copy's words that are shared.",
                 SHARE_UNIT, store=None),
             Col("source_share", "number", "For an echo, the share of the source's words that are shared.",
                 SHARE_UNIT, store=None),
             Col("direction_by", "string", "For an echo, what set its direction (publication time, "
                 "containment).", store=None),
             Col("method", "string", "For an echo, the detection method.", store=None),
             Col("evidence", "array", "The spans behind the edge: attribution clauses, or an echo's shared "
                 "passages as [start, end] pairs in the copy and the source (JSON array)."),
             Col("attributes", "object", "Any other attribute of the edge (JSON).", store=None),
         ), ("edge_idx",), _graph_edges,
        ((("source",), "graph_nodes", ("node_id",)), (("target",), "graph_nodes", ("node_id",)))),
    Spec("ingest_errors", "One row per input that could not be read, or was read with a warning.", (
        Col("error_idx", "integer", "Position among the run's ingest errors (0-based).", store="idx"),
        Col("source", "string", "The file or record."),
        Col("level", "string", "error (nothing was read from it) or warning (read, with a caveat)."),
        Col("reason", "string", "Why, in words."),
    ), ("error_idx",), _ingest_errors),
)

BY_NAME = {t.name: t for t in TABLES}

# Columns of the store that no tidy column mirrors, and the store's tables with no tidy twin: their
# descriptions, for the datasette metadata (auditor.serve). Everything else comes from TABLES.
STORE_COLUMNS: dict[str, str] = {
    "run_id": "The run (runs.id).",
    "position": "Position in the run's output order.",
    "idx": "Position within its parent (0-based).",
    "data": "The record as the run produced it (JSON).",
}
STORE_TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "runs": ("One row per saved run: `audit runs` lists them.", {
        "id": "The run's id, derived from its inputs, rules and weights.",
        "started": "When scoring started (ISO 8601).", "finished": "When scoring finished (ISO 8601).",
        "saved_at": "When the run was saved (ISO 8601, UTC); the latest saved is 'the latest run'.",
        "inputs": "The files and folders given (JSON).", "rules": "The rules applied (JSON).",
        "graph_meta": "The graph's metrics (JSON).", "article_count": "Articles in the run.",
        "finding_count": "Findings in the run.", "quote_count": "Quotes in the run.",
        "error_count": "Ingest and rule errors in the run."}),
    "articles": ("One row per article of each run, with its text and scores.", {
        "text": "The article's text exactly as read: every start and end points into it.",
        "subscores": "Family scores (JSON: family -> 0..100).", "readability": "Readability measures (JSON).",
        "removed": "Spans an HTML extractor cut from the page (JSON).", "meta": "Other metadata (JSON).",
        "header_end": "Where the text's front matter ends.", "errors": "Rules that raised on it (JSON)."}),
    "quotes": ("", {"differences": "Typed differences from the consensus (JSON; quote_differences in the "
                                   "tidy tables)."}),
    "quote_clusters": ("", {"members": "The cluster's quotes: article, quote index, text, fidelity (JSON)."}),
    "claims": ("One row per quantified claim; data holds its mentions and disagreements (JSON).", {}),
    "rule_errors": ("One row per rule that failed to load or raised during the run.",
                    {"message": "What failed."}),
    "schema_version": ("The store's schema version.", {}),
    "stage_cache": ("Cached article-stage results by content key (not part of any run).", {}),
}


# ------------------------------------------------------------------------------------------ writing

def _cell(col: Col, v: Any) -> str:
    if v is None:
        return ""
    if col.type in ("object", "array"):
        return json.dumps(v, ensure_ascii=False)
    if col.type == "boolean":
        return "true" if v else "false"
    if col.type == "integer":
        return str(int(v))
    if col.type == "number":
        return repr(float(v)) if isinstance(v, float) else str(v)
    return str(v)


def datapackage(export: Export, fmt: str = "csv") -> dict[str, Any]:
    """The Frictionless Data Package (v1) descriptor of the tables of ``export``."""
    run = export.get("run") or {}
    return {
        "profile": "tabular-data-package",
        "name": f"auditor-run-{run.get('id', '')}".lower(),
        "title": f"auditor run {run.get('id', '')}",
        "description": "Source-reliability scores, findings, quotes, attributions, claims and the citation "
                       "and echo graph of one auditor run, as tidy tables.",
        "created": run.get("finished") or None,
        "auditor": {"run_id": run.get("id"), "started": run.get("started"), "finished": run.get("finished"),
                    "inputs": run.get("inputs")},
        "resources": [{
            "name": t.name, "path": f"{t.name}.{fmt}", "profile": "tabular-data-resource", "format": fmt,
            **({"mediatype": "text/csv", "encoding": "utf-8"} if fmt == "csv" else {}),
            "description": t.description, "schema": t.schema()} for t in TABLES],
    }


def _write_descriptor(export: Export, out: Path, fmt: str) -> None:
    desc = {k: v for k, v in datapackage(export, fmt).items() if v is not None}
    _atomic_text(out / "datapackage.json", json.dumps(desc, ensure_ascii=False, indent=2) + "\n")


def _atomic_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_csv(export: Export, out_dir: Path | str) -> Path:
    """Write every table of ``export`` as ``NAME.csv`` in ``out_dir`` (row by row) and its
    ``datapackage.json``; return the descriptor's path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for t in TABLES:
        path = out / f"{t.name}.csv"
        tmp = path.with_name(f".{path.name}.tmp")
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(t.names)
            for row in t.rows(export):
                w.writerow([_cell(c, v) for c, v in zip(t.columns, row, strict=True)])
        os.replace(tmp, path)
    _write_descriptor(export, out, "csv")
    return out / "datapackage.json"


def _parquet_value(c: Col, v: Any) -> Any:
    if v is None:
        return None
    if c.type in ("object", "array"):
        return json.dumps(v, ensure_ascii=False)
    return {"integer": int, "number": float, "boolean": bool, "string": str}[c.type](v)


def _arrow_batch(pa: Any, t: Spec, schema: Any, chunk: list[tuple]) -> Any:
    cols = list(zip(*chunk, strict=True))
    return pa.Table.from_arrays([pa.array([_parquet_value(c, v) for v in col], type=schema.field(c.name).type)
                                 for c, col in zip(t.columns, cols, strict=True)], schema=schema)


def write_parquet(export: Export, out_dir: Path | str, batch: int = 10_000) -> Path:
    """Write every table of ``export`` as ``NAME.parquet`` in ``out_dir`` (in batches of ``batch`` rows)
    with a ``datapackage.json``; needs pyarrow (``pip install 'auditor[parquet]'``)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise RuntimeError("writing Parquet needs pyarrow: pip install 'auditor[parquet]'") from e
    types = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(),
             "object": pa.string(), "array": pa.string()}
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for t in TABLES:
        schema = pa.schema([pa.field(c.name, types[c.type], metadata={
            "description": c.description, **({"unit": c.unit} if c.unit else {}), "type": c.type})
            for c in t.columns], metadata={"description": t.description})
        path = out / f"{t.name}.parquet"
        tmp = path.with_name(f".{path.name}.tmp")

        with pq.ParquetWriter(tmp, schema) as writer:
            chunk: list[tuple] = []
            for row in t.rows(export):
                chunk.append(row)
                if len(chunk) >= batch:
                    writer.write_table(_arrow_batch(pa, t, schema, chunk))
                    chunk = []
            if chunk:
                writer.write_table(_arrow_batch(pa, t, schema, chunk))
        os.replace(tmp, path)
    _write_descriptor(export, out, "parquet")
    return out / "datapackage.json"


def rows(export: Export, name: str) -> Iterator[dict[str, Any]]:
    """The rows of table ``name`` as dicts (Python values: None, lists and dicts as they are)."""
    t = BY_NAME[name]
    for row in t.rows(export):
        yield dict(zip(t.names, row, strict=True))
