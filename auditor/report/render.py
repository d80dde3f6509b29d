"""The HTML report: a static site a researcher opens from disk, with no network at all.

``render_site(run, out_dir, registry)`` writes::

    index.html            articles ranked (sortable, paged table), score charts, findings per family
    articles/<id>.html    the text with every finding's span marked, the findings, how the score combines
    outlets/<name>.html   an outlet's score and the articles behind it
    quotes.html           each quote cluster: consensus, every rendering diffed against it, fidelity
    graph.html            outlets, sources and articles; echo and cite edges with their evidence
    rules.html            every rule's documentation (what / why / examples / limitations)
    static/               report.css and report.js (no CDN, no web fonts)

Every page extends ``templates/base.html``; Jinja2 autoescape is on, and the only HTML built in Python
(the marked-up article text and word diffs) escapes each piece of text with ``markupsafe.escape``.
Article text is untrusted: it only ever reaches the page as escaped text.
"""

from __future__ import annotations

import difflib
import hashlib
import math
import re
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from ..features import FEATURES
from ..models import CATEGORIES, SEVERITY_RANK, ArticleResult, Finding, RunResult
from ..scoring import article_score

FEATURE_DOC = {f.name: f.description for f in FEATURES}

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

# Each family is told apart without colour: its own underline style and a letter in its labels.
FAMILY_STYLE = {
    "attribution": {"letter": "A", "line": "solid", "label": "Attribution"},
    "boilerplate": {"letter": "B", "line": "dotted", "label": "Boilerplate"},
    "quote-fidelity": {"letter": "Q", "line": "double", "label": "Quote fidelity"},
    "inference": {"letter": "I", "line": "wavy", "label": "Inference"},
}
_EXTRA_LINES = ("dashed", "solid", "dotted", "double", "wavy")
PAGE_SIZE = 50  # rows of the index table shown at once (client-side paging)
SCORE_MODES = {
    "share": "1 − share of the text's non-space characters the findings cover",
    "density": "0.5 ^ (hits per 1,000 words / half)",
    "presence": "1 − penalty × (2 − 2^(1 − n)) for n weighted hits",
    "custom": "the rule's own scorer, clamped to 0..1",
}


# -- helpers --------------------------------------------------------------------------------------


def slugify(name: str, used: set[str]) -> str:
    """A file name for an id: safe characters only, unique within ``used`` (case-insensitively)."""
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "item"
    base = base[:80]
    slug = base
    if slug != name or slug.lower() in used:
        digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:6]
        slug = f"{base}-{digest}"
        n = 2
        while slug.lower() in used:
            slug = f"{base}-{digest}-{n}"
            n += 1
    used.add(slug.lower())
    return slug


def family_class(family: str) -> str:
    return "fam-" + re.sub(r"[^a-z0-9-]+", "-", family.lower()).strip("-")


def family_info(families: list[str]) -> list[dict[str, str]]:
    out = []
    for i, fam in enumerate(families):
        style = FAMILY_STYLE.get(fam) or {
            "letter": (fam[:1] or "?").upper(), "line": _EXTRA_LINES[i % len(_EXTRA_LINES)],
            "label": fam.replace("-", " ").capitalize()}
        out.append({"id": fam, "cls": family_class(fam), **style})
    return out


def _clean(text: str) -> str:
    """Text safe to write as UTF-8 (lone surrogates from a bad decode become U+FFFD)."""
    return text.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(text) else text


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def article_title(article, skip: list[tuple[int, int]] = ()) -> str:
    """The article's title, else its first non-blank line that no boilerplate finding covers (``skip``)."""
    if article.title and article.title.strip():
        return article.title.strip()
    pos = article.header_end
    for line in article.text[article.header_end:].splitlines(keepends=True):
        s, e = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        if line.strip() and not any(a <= s and e <= b for a, b in skip):
            line = line.strip()
            return line if len(line) <= 110 else line[:107].rstrip() + "…"
    return article.id


def _boilerplate(r: ArticleResult) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in r.findings if f.category == "boilerplate"]


def excerpt(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def is_safe_url(url: Any) -> bool:
    """Only plain web links become ``href``s: never ``javascript:``, ``data:`` or anything else."""
    return isinstance(url, str) and re.match(r"^https?://[^\s\x00-\x1f]+$", url.strip(), re.I) is not None


def score_band(score: float) -> str:
    return "good" if score >= 90 else "fair" if score >= 75 else "poor" if score >= 50 else "bad"


# -- marking up an article ------------------------------------------------------------------------


def highlight(text: str, findings: list[Finding], families: list[str]) -> Markup:
    """The text with each finding's span marked, as HTML that always nests correctly.

    The text is cut at every span boundary; each piece is wrapped in one ``<mark>`` per family active
    over it (outer to inner in ``families`` order), carrying ``data-f`` = the indices of that family's
    findings covering the piece. Reading ``mark[data-f~="i"]`` in order gives finding ``i``'s exact
    span text. A superscript label follows the last piece of each finding, outside every mark.
    """
    order = {f: i for i, f in enumerate(families)}
    letters = _letters(families)
    n = len(text)
    bounds = {0, n}
    ends: dict[int, list[int]] = defaultdict(list)
    starts: dict[int, list[int]] = defaultdict(list)
    spans = []
    for i, f in enumerate(findings):
        s, e = max(0, min(f.start, n)), max(0, min(f.end, n))
        spans.append((s, e))
        bounds.update((s, e))
        if e > s:
            starts[s].append(i)
            ends[e].append(i)
        else:  # an empty span: a label at its position, no mark
            ends[s].append(i)
    cuts = sorted(bounds)
    active: set[int] = set()
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:] + [None], strict=True):
        for i in sorted(ends.get(a, ()), key=lambda i: (spans[i][0], i)):
            active.discard(i)
            fam = findings[i].category
            letter = letters.get(fam) or (fam[:1] or "?").upper()
            label = f"{letter}{i + 1}"
            out.append(f'<sup class="lbl {family_class(fam)}" id="l-{i}" data-for="{i}"><a href="#f-{i}" '
                       f'title="{escape(findings[i].rule)}">{label}</a></sup>')
        active.update(starts.get(a, ()))
        if b is None or b <= a:
            continue
        # a CR would be folded into LF by the HTML parser (shifting the text); a reference keeps it
        piece = str(escape(text[a:b])).replace("\r", "&#13;")
        by_fam: dict[str, list[int]] = defaultdict(list)
        for i in sorted(active):
            by_fam[findings[i].category].append(i)
        if not by_fam:
            out.append(piece)
            continue
        fams = sorted(by_fam, key=lambda f: (order.get(f, len(order)), f))
        # an empty anchor per finding starting here (the target of the findings list's links)
        anchors = "".join(f'<span class="anc" id="m-{i}"></span>' for i in sorted(starts.get(a, ())))
        opened = "".join(f'<mark class="m {family_class(fam)}" data-f="{" ".join(map(str, by_fam[fam]))}">'
                         for fam in fams)
        out.append(anchors + opened + piece + "</mark>" * len(fams))
    return Markup("".join(out))


_LETTERS_CACHE: dict[tuple[str, ...], dict[str, str]] = {}


def _letters(families: list[str]) -> dict[str, str]:
    key = tuple(families)
    if key not in _LETTERS_CACHE:
        _LETTERS_CACHE[key] = {f["id"]: f["letter"] for f in family_info(families)}
    return _LETTERS_CACHE[key]


# -- word diff for quotes -------------------------------------------------------------------------


def word_diff(consensus: str, rendering: str) -> list[tuple[str, str]]:
    """Word-level diff of a rendering against the consensus: ``[(op, words)]``, op in equal/del/ins.

    ``del`` = words of the consensus the rendering lacks; ``ins`` = words the rendering adds.
    """
    a, b = consensus.split(), rendering.split()
    sm = difflib.SequenceMatcher(a=[w.lower() for w in a], b=[w.lower() for w in b], autojunk=False)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out.append(("equal", " ".join(b[j1:j2])))
        else:
            if i2 > i1:
                out.append(("del", " ".join(a[i1:i2])))
            if j2 > j1:
                out.append(("ins", " ".join(b[j1:j2])))
    return out


# -- charts ---------------------------------------------------------------------------------------


def histogram(scores: list[float], bins: int = 10) -> dict[str, Any]:
    counts = [0] * bins
    for s in scores:
        k = min(bins - 1, max(0, int(s // (100 / bins))))
        counts[k] += 1
    top = max(counts) if counts else 0
    width, height, pad_l, pad_b = 520, 180, 34, 28
    bw = (width - pad_l - 8) / bins
    bars = []
    for k, c in enumerate(counts):
        h = 0 if not top else (height - pad_b - 12) * c / top
        lo = int(k * 100 / bins)
        hi = int((k + 1) * 100 / bins)
        bars.append({"x": round(pad_l + k * bw + 2, 1), "y": round(height - pad_b - h, 1), "w": round(bw - 4, 1),
                     "h": round(h, 1), "count": c, "label": f"{lo}–{hi}", "band": score_band(lo + 0.1)})
    ticks = []
    if top:
        step = max(1, math.ceil(top / 4))
        for v in range(0, top + 1, step):
            ticks.append({"v": v, "y": round(height - pad_b - (height - pad_b - 12) * v / top, 1)})
    return {"bars": bars, "width": width, "height": height, "pad_l": pad_l, "pad_b": pad_b, "ticks": ticks,
            "base": height - pad_b}


def outlet_chart(outlets: list[dict[str, Any]], limit: int = 25) -> dict[str, Any]:
    rows = sorted(outlets, key=lambda o: (-o["score"], o["name"]))[:limit]
    row_h, label_w, bar_w = 26, 150, 210
    items = []
    for k, o in enumerate(rows):
        items.append({**o, "y": 8 + k * row_h, "w": round(bar_w * max(0.0, min(100.0, o["score"])) / 100, 1),
                      "short": o["name"] if len(o["name"]) <= 24 else o["name"][:23] + "…"})
    return {"items": items, "height": 16 + len(rows) * row_h, "label_w": label_w, "bar_w": bar_w,
            "width": label_w + bar_w + 70, "more": max(0, len(outlets) - limit)}


# -- graph layout ---------------------------------------------------------------------------------

KIND_RING = {"outlet": 0.28, "source": 0.62, "article": 1.0}


def graph_layout(graph: dict[str, Any], size: int = 900) -> dict[str, Any]:
    """A radial layout: outlets on the inner ring, sources in the middle, articles outside.

    Articles are ordered around their ring by outlet; an outlet or source sits at the mean angle of
    the articles it is linked to, so edges stay short. Deterministic: the same graph, the same picture.
    """
    nodes = [dict(n) for n in graph.get("nodes", []) if isinstance(n, dict) and "id" in n]
    index = {str(n["id"]): i for i, n in enumerate(nodes)}
    edges = []
    for e in graph.get("edges", []):
        if not isinstance(e, dict):
            continue
        s, t = str(e.get("source")), str(e.get("target"))
        if s in index and t in index:
            edges.append({**e, "s": index[s], "t": index[t]})
    nbrs: dict[int, list[int]] = defaultdict(list)
    for e in edges:
        nbrs[e["s"]].append(e["t"])
        nbrs[e["t"]].append(e["s"])
    kinds = [str(n.get("kind", "")) for n in nodes]
    c = size / 2
    radius = size / 2 - 60
    articles = [i for i, k in enumerate(kinds) if k not in ("outlet", "source")]

    def outlet_of(i: int) -> str:
        for j in nbrs[i]:
            if kinds[j] == "outlet":
                return str(nodes[j].get("label", nodes[j]["id"]))
        return "~"

    articles.sort(key=lambda i: (outlet_of(i), str(nodes[i].get("label", nodes[i]["id"]))))
    angle: dict[int, float] = {}
    for k, i in enumerate(articles):
        angle[i] = 2 * math.pi * k / max(1, len(articles)) - math.pi / 2
    for kind in ("outlet", "source"):
        group = [i for i, k in enumerate(kinds) if k == kind]
        fallback = {i: 2 * math.pi * k / max(1, len(group)) - math.pi / 2 for k, i in enumerate(group)}
        wanted = {}
        for i in group:
            linked = [angle[j] for j in nbrs[i] if j in angle]
            if linked:
                x = sum(math.cos(a) for a in linked)
                y = sum(math.sin(a) for a in linked)
                wanted[i] = math.atan2(y, x) if (x or y) else fallback[i]
            else:
                wanted[i] = fallback[i]
        # spread them evenly in the order of their wanted angles (no two on top of each other)
        ordered = sorted(group, key=lambda i: wanted[i])
        if ordered:
            base = wanted[ordered[0]]
            for k, i in enumerate(ordered):
                angle[i] = base + 2 * math.pi * k / len(ordered)
    out_nodes = []
    for i, n in enumerate(nodes):
        kind = kinds[i] if kinds[i] in KIND_RING else "article"
        r = radius * KIND_RING[kind] if len(nodes) > 1 else 0
        a = angle.get(i, 0.0)
        out_nodes.append({"i": i, "id": str(n["id"]), "kind": kinds[i] or "article",
                          "shape": kind, "label": str(n.get("label", n["id"])),
                          "x": round(c + r * math.cos(a), 1), "y": round(c + r * math.sin(a), 1),
                          "degree": len(nbrs[i]), "anchor": "start" if math.cos(a) >= 0 else "end"})
    return {"nodes": out_nodes, "edges": edges, "size": size}


# -- the site -------------------------------------------------------------------------------------


@dataclass
class _Page:
    template: str
    path: Path
    root: str
    context: dict[str, Any]


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                      autoescape=select_autoescape(["html", "htm", "xml"], default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["pct"] = lambda v: f"{float(v):.0f}"
    env.filters["num"] = lambda v: f"{float(v):.1f}" if isinstance(v, (int, float)) else v
    env.filters["band"] = score_band
    env.filters["excerpt"] = excerpt
    env.globals["family_class"] = family_class
    env.tests["safe_url"] = is_safe_url
    return env


def _rule_docs(registry, run: RunResult, used_rules: set[str]) -> list[dict[str, Any]]:
    """Every rule's documentation, from the registry when given, else what the run recorded."""
    docs: dict[str, dict[str, Any]] = {}
    if registry is not None:
        for r in registry.rules:
            m = r.meta
            ex_f = [_example(x) for x in m.examples.flagged]
            ex_c = [_example(x) for x in m.examples.clean]
            docs[m.id] = {"id": m.id, "name": m.name or m.id, "family": m.family, "status": m.status,
                          "severity": m.severity, "weight": m.weight, "scope": m.scope, "score": m.score,
                          "score_formula": SCORE_MODES.get(m.score, ""), "half": m.half,
                          "penalty": m.penalty, "what": m.docs.what, "why": m.docs.why,
                          "limitations": m.docs.limitations, "references": list(m.docs.references),
                          "flagged": ex_f, "clean": ex_c, "origin": r.origin, "documented": True}
    for r in run.rules:
        rid = r.get("id")
        if rid and rid not in docs:
            docs[rid] = {"id": rid, "name": r.get("name") or rid, "family": r.get("family", ""),
                         "status": r.get("status", ""), "weight": r.get("weight", 1.0),
                         "scope": r.get("scope", ""), "origin": r.get("origin", ""), "documented": False}
    for rid in sorted(used_rules - set(docs)):
        docs[rid] = {"id": rid, "name": rid, "family": "", "documented": False}
    return sorted(docs.values(), key=lambda d: (CATEGORIES.index(d["family"]) if d["family"] in CATEGORIES
                                                 else len(CATEGORIES), d["family"], d["id"]))


def _example(x: str | dict[str, str]) -> list[dict[str, Any]]:
    """An example's texts, with its ⟦evidence⟧ marks turned into parts to highlight."""
    items = x.items() if isinstance(x, dict) else [("", x)]
    out = []
    for name, text in items:
        parts = []
        for k, piece in enumerate(re.split(r"⟦|⟧", str(text))):
            if piece:
                parts.append({"text": piece, "mark": k % 2 == 1})
        out.append({"name": name, "parts": parts})
    return out


def render_site(run: RunResult, out_dir: Path, registry=None, *,
                weights: dict[str, float] | None = None, page_size: int = PAGE_SIZE,
                agreement: dict[str, Any] | None = None) -> Path:
    """Write the HTML report of ``run`` into ``out_dir`` and return the path of its ``index.html``.

    ``registry`` (an ``auditor.rules.Registry``) supplies the rules' documentation for the rules page;
    without it the page lists the rules the run recorded. ``weights`` are the family weights of the
    article score (default: each family 1), shown where a page explains how the score combines.
    ``agreement`` (``auditor.agreement.agreement``'s report) adds the Agreement page, agreement.html.
    """
    out_dir = Path(out_dir)
    (out_dir / "articles").mkdir(parents=True, exist_ok=True)
    (out_dir / "outlets").mkdir(parents=True, exist_ok=True)
    static_out = out_dir / "static"
    static_out.mkdir(exist_ok=True)
    for f in STATIC.iterdir():
        if f.is_file():
            shutil.copyfile(f, static_out / f.name)

    env = _env()
    results = list(run.results)
    families = list(CATEGORIES)
    for r in results:
        for fam in list(r.subscores) + [f.category for f in r.findings]:
            if fam not in families:
                families.append(fam)
    fams = family_info(families)
    fam_by_id = {f["id"]: f for f in fams}
    weights = {f: (weights or {}).get(f, 1.0) for f in families}

    # ids -> file names
    used: set[str] = set()
    art_slug = {r.article.id: slugify(r.article.id, used) for r in results}
    outlet_names = sorted({r.article.outlet or "(unknown)" for r in results} | set(run.outlets))
    used_o: set[str] = set()
    outlet_slug = {o: slugify(o, used_o) for o in outlet_names}

    ranked = sorted(results, key=lambda r: (r.score, r.article.id))
    rank = {r.article.id: k + 1 for k, r in enumerate(ranked)}

    fam_counts: Counter = Counter()
    rule_counts: Counter = Counter()
    for r in results:
        for f in r.findings:
            fam_counts[f.category] += 1
            rule_counts[f.rule] += 1
    rules_doc = _rule_docs(registry, run, set(rule_counts))
    documented = {d["id"] for d in rules_doc}

    by_outlet: dict[str, list[ArticleResult]] = defaultdict(list)
    for r in results:
        by_outlet[r.article.outlet or "(unknown)"].append(r)
    outlets = []
    for name in outlet_names:
        arts = by_outlet.get(name, [])
        info = dict(run.outlets.get(name, {}))
        score = info.get("score")
        if score is None:
            score = round(sum(a.score for a in arts) / len(arts), 2) if arts else 100.0
        subs = {}
        for fam in families:
            vals = [a.subscores[fam] for a in arts if fam in a.subscores]
            subs[fam] = round(sum(vals) / len(vals), 2) if vals else None
        outlets.append({"name": name, "slug": outlet_slug[name], "score": float(score),
                        "articles": int(info.get("articles", len(arts))), "subscores": subs,
                        "findings": sum(len(a.findings) for a in arts),
                        "mean": info.get("mean"), "ci95": info.get("ci95"),
                        "prior_articles": info.get("prior_articles"),
                        "extra": {k: v for k, v in info.items()
                                  if k not in ("score", "articles", "mean", "ci95", "prior_articles")}})
    outlet_by_name = {o["name"]: o for o in outlets}

    quote_cluster_of: dict[tuple[str, int], str] = {}
    for c in run.quote_clusters:
        for m in c.members:
            if isinstance(m.get("quote"), int):
                quote_cluster_of[(str(m.get("article")), m["quote"])] = c.id

    rows = []
    for r in ranked:
        a = r.article
        top = r.top_finding()
        rows.append({"id": a.id, "slug": art_slug[a.id], "title": _clean(article_title(a, _boilerplate(r))),
                     "outlet": a.outlet or "(unknown)", "outlet_slug": outlet_slug[a.outlet or "(unknown)"],
                     "score": r.score, "subscores": r.subscores, "n": len(r.findings), "rank": rank[a.id],
                     "published": a.published or "",
                     "top": ({"rule": top.rule, "message": _clean(top.message), "family": top.category}
                             if top else None)})

    common = {"run": run, "families": fams, "fam_by_id": fam_by_id, "n_articles": len(results),
              "n_outlets": len(outlets), "outlets_nav": outlets, "has_agreement": agreement is not None}
    pages: list[_Page] = []
    scores = [r.score for r in results]
    pages.append(_Page("index.html", out_dir / "index.html", "", {
        **common, "rows": rows, "hist": histogram(scores), "ochart": outlet_chart(outlets),
        "fam_counts": [(f, fam_counts.get(f["id"], 0)) for f in fams],
        "fam_max": max([1, *fam_counts.values()]),
        "top_rules": rule_counts.most_common(8), "page_size": page_size,
        "mean": round(sum(scores) / len(scores), 1) if scores else None,
        "median": round(sorted(scores)[len(scores) // 2], 1) if scores else None,
        "n_findings": sum(fam_counts.values()), "n_clusters": len(run.quote_clusters),
        "documented": documented, "title": "Reliability report"}))

    for r in results:
        a = r.article
        text = _clean(a.text)
        findings = list(r.findings)
        fdicts = []
        for i, f in enumerate(findings):
            s, e = max(0, min(f.start, len(text))), max(0, min(f.end, len(text)))
            line = text.count("\n", 0, s) + 1
            col = s - (text.rfind("\n", 0, s) + 1) + 1
            fdicts.append({"i": i, "rule": f.rule, "family": f.category, "message": _clean(f.message),
                           "severity": f.severity, "start": f.start, "end": f.end, "line": line, "col": col,
                           "text": text[s:e], "letter": fam_by_id.get(f.category, {}).get("letter", "?"),
                           "documented": f.rule in documented, "anchor": f"m-{i}" if e > s else f"l-{i}",
                           "data": {k: v for k, v in f.data.items()}})
        fdicts.sort(key=lambda d: (-SEVERITY_RANK.get(d["severity"], 0), d["start"], d["i"]))
        per_family = []
        for fam in fams:
            rrs = [rr for rr in r.rules.values() if rr.category == fam["id"]]
            wsum = sum(rr.weight for rr in rrs)
            per_family.append({"fam": fam, "rules": sorted(rrs, key=lambda rr: rr.rule), "wsum": wsum,
                               "sub": r.subscores.get(fam["id"]),
                               "weight": weights.get(fam["id"], 1.0),
                               "n": sum(1 for f in findings if f.category == fam["id"])})
        recomputed = article_score(r.subscores, weights)  # the scoring module's formula, not a copy
        contributions = [{"name": k, "points": v, "value": r.features.get(k), "description": FEATURE_DOC.get(k, "")}
                         for k, v in sorted(((k, v) for k, v in r.contributions.items() if k not in ("base", "clipped")),
                                            key=lambda kv: (-abs(kv[1]), kv[0]))]
        quotes = []
        for qi, q in enumerate(r.quotes):
            quotes.append({"i": qi, "text": _clean(q.text), "speaker": q.speaker, "cue": q.cue, "kind": q.kind,
                           "fidelity": q.fidelity, "cluster": q.cluster or quote_cluster_of.get((a.id, qi)),
                           "start": q.start, "end": q.end})
        o = a.outlet or "(unknown)"
        pages.append(_Page("article.html", out_dir / "articles" / f"{art_slug[a.id]}.html", "../", {
            **common, "r": r, "a": a, "title": _clean(article_title(a, _boilerplate(r))), "marked": highlight(text, findings, families),
            "findings": fdicts, "per_family": per_family, "weights": weights, "recomputed": recomputed,
            "contributions": contributions, "base": r.contributions.get("base"),
            "clipped": r.contributions.get("clipped"),
            "quotes": quotes, "attributions": r.attributions, "rank": rank[a.id],
            "outlet": outlet_by_name.get(o), "readability": r.readability,
            "fam_present": {f.category for f in findings}}))

    for o in outlets:
        arts = sorted(by_outlet.get(o["name"], []), key=lambda r: (r.score, r.article.id))
        orows = [row for row in rows if row["outlet"] == o["name"]]
        ofam = Counter(f.category for a in arts for f in a.findings)
        pages.append(_Page("outlet.html", out_dir / "outlets" / f"{o['slug']}.html", "../", {
            **common, "o": o, "rows": orows, "fam_counts": [(f, ofam.get(f["id"], 0)) for f in fams],
            "title": o["name"]}))

    # quotes
    titles = {r.article.id: (art_slug[r.article.id], r.article.outlet or "(unknown)") for r in results}
    clusters = []
    for c in run.quote_clusters:
        members = []
        for m in c.members:
            aid = str(m.get("article", ""))
            slug, outlet = titles.get(aid, (None, "(unknown)"))
            txt = _clean(str(m.get("text", "")))
            diffs = m.get("differences") or []
            members.append({"article": aid, "slug": slug, "outlet": outlet, "text": txt,
                            "diff": word_diff(_clean(c.consensus), txt), "fidelity": m.get("fidelity"),
                            "differences": [_difference(d) for d in diffs], "quote": m.get("quote")})
        members.sort(key=lambda m: (-(m["fidelity"] if isinstance(m["fidelity"], (int, float)) else -1),
                                    m["outlet"], m["article"]))
        clusters.append({"id": c.id, "consensus": _clean(c.consensus), "speaker": c.speaker,
                         "method": c.method, "members": members})
    pages.append(_Page("quotes.html", out_dir / "quotes.html", "", {
        **common, "clusters": clusters, "title": "Quotes"}))

    # graph
    layout = graph_layout(run.graph or {})
    article_ids = {r.article.id for r in results}
    for n in layout["nodes"]:
        n["href"] = _node_href(n, art_slug, outlet_slug, article_ids)
    # fixed line styles for the usual kinds (cite solid, echo dashed, publishes dotted), then the rest
    present = {str(e.get("kind", "")) for e in layout["edges"]}
    edge_kinds = [k for k in ("cite", "echo", "publishes") if k in present]
    edge_kinds += sorted(present - set(edge_kinds))
    node_kinds = sorted({n["kind"] for n in layout["nodes"]})
    gdata = {"nodes": [{k: n[k] for k in ("id", "kind", "label", "href", "degree")} for n in layout["nodes"]],
             "edges": [{"source": e["s"], "target": e["t"], "kind": str(e.get("kind", "")),
                        "weight": e.get("weight"), "evidence": _jsonable(e.get("evidence"))}
                       for e in layout["edges"]]}
    pages.append(_Page("graph.html", out_dir / "graph.html", "", {
        **common, "layout": layout, "gdata": gdata, "edge_kinds": edge_kinds, "node_kinds": node_kinds,
        "title": "Provenance graph"}))

    if agreement is not None:
        from .agreement_page import context as agreement_context

        pages.append(_Page("agreement.html", out_dir / "agreement.html", "", {
            **common, **agreement_context(agreement, art_slug), "title": "Agreement"}))

    pages.append(_Page("rules.html", out_dir / "rules.html", "", {
        **common, "rules": rules_doc, "rule_counts": rule_counts, "score_modes": SCORE_MODES,
        "weights": weights, "title": "Rules", "score_features": FEATURES,
        "model_used": any(r.contributions for r in results)}))

    cache: dict[str, Any] = {}
    for p in pages:
        tpl = cache.get(p.template) or cache.setdefault(p.template, env.get_template(p.template))
        html = tpl.render(root=p.root, **p.context)
        p.path.write_text(html, encoding="utf-8", errors="replace")
    return out_dir / "index.html"


def _difference(d: Any) -> dict[str, Any]:
    if not isinstance(d, dict):
        return {"type": "change", "detail": str(d)}
    kind = d.get("type") or d.get("kind") or d.get("op") or "change"
    parts = []
    cons, rend = str(d.get("consensus") or "").strip(), str(d.get("rendering") or "").strip()
    if cons or rend:
        parts.append(f"“{cons}” → “{rend}”" if cons and rend else f"“{rend}” added" if rend else f"“{cons}” dropped")
    skip = {"type", "kind", "op", "consensus", "rendering", "start", "end", "boundary"}
    parts += [str(v) if k == "note" else f"{k}: {v}" for k, v in d.items() if k not in skip and v not in (None, "")]
    return {"type": str(kind), "detail": " · ".join(parts)}


def _jsonable(x: Any) -> Any:
    if x is None or isinstance(x, (bool, int, float)):
        return x
    if isinstance(x, str):
        return _clean(x)
    if isinstance(x, dict):
        return {str(k): _jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple, set)):
        return [_jsonable(v) for v in x]
    return _clean(str(x))


def _node_href(n: dict[str, Any], art_slug: dict[str, str], outlet_slug: dict[str, str],
               article_ids: set[str]) -> str | None:
    cands = [n["id"], n["id"].split(":", 1)[-1], n["label"]]
    if n["kind"] == "article":
        for c in cands:
            if c in art_slug:
                return f"articles/{art_slug[c]}.html"
    if n["kind"] == "outlet":
        for c in cands:
            if c in outlet_slug:
                return f"outlets/{outlet_slug[c]}.html"
    return None
