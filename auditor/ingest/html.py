"""HTML pages: the page's visible text, the article body inside it, and the page's metadata.

``Article.text`` for a page is its *visible text*, rendered here from the parsed page (``render_visible``):
what a reader sees, one block a line, blocks of prose separated by blank lines. Scripts, styles, forms'
hidden inputs, ``hidden``/``display:none`` elements and the ``<head>`` are not visible and not rendered.

The article body is extracted by trafilatura (offline: no fetching, no URL is passed, so nothing is
resolved) and then *located* in the visible text (``locate_body``): both are tokenised into lower-cased
words, the two word sequences are aligned (rapidfuzz's Indel opcodes, an LCS alignment in C), and a
visible line belongs to the body when at least half of its words were matched. Runs of body lines are the
body spans (``Article.meta["body_spans"]``); everything else that is not white space is
``Article.removed``: what the extractor cut from the page (menus, teasers, footers, share buttons), so the
boilerplate ratio of the page can be measured on the same text the rules read.

When the body trafilatura returns is short (under ``SHORT_BODY_WORDS`` words: favor_precision sometimes
settles on a reprint notice beside the article), the page is extracted again favouring recall and the
longer body kept. When trafilatura finds no body, trafilatura's ``baseline`` (paragraph and ``<article>`` text) is tried;
when that finds nothing either, the whole visible text is kept as the body and the caller is told so.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from rapidfuzz.distance import Indel
from trafilatura.utils import load_html

Span = tuple[int, int]

# Options of trafilatura.bare_extraction, tuned on the 181 Zyte benchmark pages (mean shingle F1 of the
# located body: favor_precision 0.961, default 0.958, favor_recall 0.956; without tables 0.951; with the
# short-body retry below, 0.964 and a boilerplate-ratio MAE of 0.027).
EXTRACT_OPTIONS: dict[str, Any] = {
    "favor_precision": True,
    "include_tables": True,
    "include_comments": False,
    "include_images": False,
    "include_links": False,
    "deduplicate": False,
    "with_metadata": True,
}

# A body shorter than this (in words) is extracted again with RECALL_OPTIONS, the longer result kept.
SHORT_BODY_WORDS = 150
RECALL_OPTIONS: dict[str, Any] = {"favor_precision": False, "favor_recall": True}

# Elements whose content is never shown to a reader.
INVISIBLE = frozenset({
    "head", "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object",
    "embed", "audio", "video", "source", "track", "select", "option", "datalist", "input", "textarea",
    "map", "area", "param", "meta", "link", "title", "base",
})
# Block elements: each starts a new line and is separated from its neighbours by a blank line ...
BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "details", "dialog", "dir", "div",
    "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "legend", "main", "menu", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "thead", "tfoot", "ul", "caption",
})
# ... except these, whose items follow each other on consecutive lines (list items, rows, cells).
LINE = frozenset({"li", "dt", "dd", "tr", "td", "th", "br"})

_WS = re.compile(r"\s+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
WORD_RE = re.compile(r"\w+", re.UNICODE)

_NONE, _SOFT, _HARD = 0, 1, 2


def _hidden(el: HtmlElement) -> bool:
    if el.get("hidden") is not None or el.get("type", "").lower() == "hidden":
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def render_visible(tree: HtmlElement) -> str:
    """The visible text of a parsed page: one block a line, blank lines between paragraph-level blocks.

    Inline white space is collapsed to single spaces (as a browser does) except inside ``<pre>``; ``<br>``,
    list items and table cells/rows give single line breaks; other block elements give a blank line.
    """
    lines: list[str] = []
    seps: list[int] = []  # separator strength before each line
    buf: list[str] = []
    pending = _NONE
    pre_depth = 0

    def flush(strength: int) -> None:
        nonlocal pending
        raw = "".join(buf)
        buf.clear()
        parts = raw.split("\n") if pre_depth else [raw]
        for i, part in enumerate(parts):
            line = part.rstrip() if pre_depth else _WS.sub(" ", part).strip()
            if line:
                seps.append(max(pending, _SOFT) if lines else _NONE)
                lines.append(line)
                pending = _NONE
            elif pre_depth and i and lines:
                pending = max(pending, _SOFT)
        pending = max(pending, strength)

    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else None  # comments and processing instructions
        if tag is not None:
            tag = tag.lower()
        if event == "start":
            if tag is None or tag in INVISIBLE or _hidden(el):
                walker.skip_subtree()
            else:
                if tag in BLOCK:
                    flush(_HARD)
                elif tag in LINE:
                    flush(_SOFT)
                if tag == "pre":
                    pre_depth += 1
                if el.text:
                    buf.append(el.text)
        else:
            if tag is not None and tag not in INVISIBLE and not _hidden(el):
                if tag in BLOCK:
                    flush(_HARD)
                elif tag in LINE:
                    flush(_SOFT)
                if tag == "pre":
                    pre_depth -= 1
            if el.tail and el is not tree:
                buf.append(el.tail)
    flush(_NONE)
    out: list[str] = []
    for sep, line in zip(seps, lines, strict=True):
        out.append("\n\n" if sep == _HARD else "\n" if sep == _SOFT else "")
        out.append(line)
    return "".join(out)


@dataclass
class Page:
    """What the HTML path produces for one page."""

    text: str
    body_spans: list[Span]
    removed: list[Span]
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    extractor: str = "trafilatura"  # trafilatura | trafilatura-recall | baseline | none
    meta: dict[str, Any] = field(default_factory=dict)


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def _line_spans(text: str) -> list[Span]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def locate_body(visible: str, body: str, *, min_share: float = 0.5) -> list[Span]:
    """Spans of ``visible`` that hold ``body``, line by line (see the module docstring).

    A visible line is body when at least ``min_share`` of its words align with words of ``body``; lines
    without words (a lone dash, a bullet) follow their neighbours. Consecutive body lines (white space
    between them included) make one span; each span is trimmed of surrounding white space.
    """
    vw = _words(visible)
    bw = [w for w, _, _ in _words(body)]
    if not vw or not bw:
        return []
    matched = [False] * len(vw)
    for op in Indel.opcodes([w for w, _, _ in vw], bw):
        if op.tag == "equal":
            for i in range(op.src_start, op.src_end):
                matched[i] = True
    lines = _line_spans(visible)
    flags: list[bool | None] = []
    wi = 0
    for _start, end in lines:
        total = hit = 0
        while wi < len(vw) and vw[wi][1] < end:
            total += 1
            hit += matched[wi]
            wi += 1
        flags.append(None if total == 0 else hit >= min_share * total)
    # word-less lines: body only between two body lines
    resolved: list[bool] = []
    for i, f in enumerate(flags):
        if f is None:
            prev = next((flags[j] for j in range(i - 1, -1, -1) if flags[j] is not None), False)
            nxt = next((flags[j] for j in range(i + 1, len(flags)) if flags[j] is not None), False)
            f = bool(prev and nxt and visible[lines[i][0]:lines[i][1]].strip())
        resolved.append(f)
    spans: list[Span] = []
    for (start, end), is_body in zip(lines, resolved, strict=True):
        if not is_body or start == end:
            continue
        if spans and not visible[spans[-1][1]:start].strip():
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return [_strip(visible, s, e) for s, e in spans]


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def complement(text: str, spans: Iterable[Span]) -> list[Span]:
    """The parts of ``text`` outside ``spans`` (sorted, disjoint), trimmed, white-space-only ones dropped."""
    out: list[Span] = []
    pos = 0
    for s, e in sorted(spans):
        if s > pos:
            out.append(_strip(text, pos, s))
        pos = max(pos, e)
    out.append(_strip(text, pos, len(text)))
    return [(s, e) for s, e in out if e > s]


def _meta_content(tree: HtmlElement, *keys: str) -> str | None:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            for node in tree.xpath(f'//meta[@{attr}="{key}"]'):
                value = (node.get("content") or "").strip()
                if value:
                    return _WS.sub(" ", value)
    return None


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value


def extract_page(html: str) -> Page | None:
    """Render, extract and locate one page; None when the markup cannot be parsed at all."""
    tree = load_html(html)
    if tree is None:
        return None
    visible = render_visible(tree)
    doc = trafilatura.bare_extraction(html, **EXTRACT_OPTIONS)
    body = (doc.text or "") if doc is not None else ""
    extractor = "trafilatura"
    if len(WORD_RE.findall(body)) < SHORT_BODY_WORDS:
        # favor_precision sometimes settles on a short notice next to the article: ask again for recall
        again = trafilatura.bare_extraction(html, **{**EXTRACT_OPTIONS, **RECALL_OPTIONS})
        if again is not None and len(WORD_RE.findall(again.text or "")) > len(WORD_RE.findall(body)):
            doc, body, extractor = again, again.text or "", "trafilatura-recall"
    spans = locate_body(visible, body) if body.strip() else []
    if not spans:
        _, base, _ = trafilatura.baseline(html)
        spans = locate_body(visible, base) if base.strip() else []
        extractor = "baseline"
    if not spans:
        extractor = "none"
        spans = [_strip(visible, 0, len(visible))] if visible.strip() else []
    page = Page(text=visible, body_spans=spans, removed=complement(visible, spans), extractor=extractor)
    page.title = _meta_content(tree, "og:title", "twitter:title") if doc is None or not doc.title else doc.title
    page.byline = (doc.author if doc is not None else None) or _meta_content(tree, "author", "article:author")
    page.published = _iso(_meta_content(tree, "article:published_time", "datePublished", "pubdate")) or (
        _iso(doc.date) if doc is not None else None)
    page.outlet = _meta_content(tree, "og:site_name", "application-name", "publisher") or (
        doc.sitename if doc is not None else None)
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    page.url = (doc.url if doc is not None else None) or _meta_content(tree, "og:url") or (
        canonical[0].strip() if canonical else None)
    if doc is not None:
        page.meta = {k: v for k, v in (("description", doc.description), ("categories", doc.categories),
                                        ("tags", doc.tags), ("hostname", doc.hostname)) if v}
    return page


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The encoding a non-UTF-8 page declares in a ``<meta>`` tag of its first 4 KiB, when Python knows it.

    None for a page that is valid UTF-8 (whatever it declares) or declares nothing usable; as browsers do,
    a declared latin-1 / iso-8859-1 / us-ascii is read as cp1252 (its superset).
    """
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    found = _CHARSET.search(data[:4096])
    if not found:
        return None
    name = found.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return None if name == "utf-8" else name
