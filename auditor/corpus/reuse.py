"""Text reuse across a corpus: which article echoes (copies, lightly rewrites, excerpts) which.

``find_echoes(docs)`` returns one ``Echo`` per pair of articles that share passages of their *own* text,
with the passages as evidence (half-open character spans into both texts).

How it works (the approach of passim, Smith et al. 2014, on word n-grams):

1. **Mask** what two articles may share without one copying the other: quotations (``doc.quotes`` and any
   text between double quotation marks, marks included), boilerplate (``doc.boilerplate``) and the
   outlet's template lines (``template_lines``: a line in three or more of the outlet's articles, or in
   two that share little else: donation appeals, newsletter blurbs, copyright lines). N-grams never
   cross a masked span.
2. **Candidates** from an inverted index of word 5-grams: every n-gram is hashed; a fixed hash-selected
   sample of them (one in ``sample``) is indexed; n-grams found in more than ``max_df`` articles are
   dropped (stock phrases), and a pair of articles becomes a candidate when it shares at least
   ``min_seeds`` indexed n-grams. No all-pairs comparison is ever made.
3. **Alignment** verifies each candidate: the positions of all shared n-grams are seeds, runs of seeds
   on one diagonal are extended into passages, and passages separated by a few substituted or dropped
   words (``max_gap``) are merged. Passages shorter than ``min_passage_words`` are chance and dropped;
   a pair is an echo when the passages cover at least ``min_shared_words`` words. Words are found and
   hashed with array operations (``tokenize``, the words of ``auditor.text.document.WORD_RE``), so the
   result does not depend on Python's per-process string hashing or on the order of the input.
4. **Nearest source**: a copy of a copy points to its nearest source only. Every aligned pair is a
   link weighted by the words shared; a link x-y is dropped when a third article w linked to both
   explains it (``nearest_sources``): w shares clearly more with both (A->B->C: A shares more with B than
   with C), or w is x's close kin and y as near to both, and w was published before x (a partial copy
   of an original that was also re-published whole points to the original), or all three are alike and
   w came first. This is the transitive reduction the graph needs, and it also drops the link between
   two siblings copying one original.
5. **Direction**: the earlier ``Article.published`` is the source. Without two comparable times,
   containment decides: the article whose text is the larger share shared is the copy. When the shares
   are within ``containment_margin`` of each other the echo is undirected (``directed=False``).

Limits: an outlet's reuse of its own text in three or more articles is read as template and not
reported; when two candidate sources hold the very same words the earlier published wins, which names
the original where the copy may have been taken from a verbatim re-publication of it; two articles
without comparable times and with shares within the margin stay undirected (a verbatim copy without a
date cannot be told from its source). ``doc.quotes`` runs the quotation extractor (about 12 ms an
article): inside the engine it is already computed, for a bare corpus of 100,000 articles pass
``Article`` objects (or ``use_doc_quotes=False``) and the quotation-mark pattern masks quotations.
"""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import numpy as np

from ..models import Article
from ..text.document import merge_spans
from ..text.normalize import NORMALIZE_MAP

Span = tuple[int, int]

_QUOTED_RE = re.compile(r'"[^"\n]{1,3000}"')
# the length-preserving map of auditor.text.normalize, applied only where it changes something
_NORM_MAP = {k: v for k, v in NORMALIZE_MAP.items() if len(k) == 1 and len(v) == 1 and ord(k) > 127}
_NORM_RE = re.compile("[" + re.escape("".join(_NORM_MAP)) + "]")


@dataclass
class Echo:
    """``copy`` echoes ``source``: the two share the passages listed (spans into each article's text)."""

    copy: str
    source: str
    directed: bool
    shared_words: int  # words of the copy inside shared passages
    copy_share: float  # shared words / the copy's own (unmasked) words
    source_share: float  # shared words of the source / the source's own words
    passages: list[tuple[Span, Span]] = field(default_factory=list)  # ((copy start, end), (source start, end))
    method: str = ""
    direction_by: str = ""  # time | containment | none

    def to_dict(self) -> dict[str, Any]:
        return {"copy": self.copy, "source": self.source, "directed": self.directed,
                "shared_words": self.shared_words, "copy_share": self.copy_share,
                "source_share": self.source_share,
                "passages": [[list(c), list(s)] for c, s in self.passages],
                "method": self.method, "direction_by": self.direction_by}


@dataclass
class ReuseResult:
    echoes: list[Echo]
    words: dict[str, int]  # article id -> number of its own (unmasked) words
    candidates: int = 0  # candidate pairs that went to alignment
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage


@dataclass
class ReuseParams:
    n: int = 5  # words per n-gram
    sample: int = 4  # index one n-gram in ``sample`` (hash-selected, the same n-grams in every text)
    max_df: int = 100  # n-grams in more articles than this are stock phrases
    min_seeds: int = 5  # indexed n-grams a pair must share to be aligned
    max_gap: int = 4  # words substituted/dropped inside one passage
    min_passage_words: int = 10
    min_shared_words: int = 25
    containment_margin: float = 0.03  # shares closer than this leave the direction open
    tie_share: float = 0.01  # shared-word counts within 1% of each other are tied
    use_doc_quotes: bool = True  # also mask ``doc.quotes`` (runs the quotation extractor)
    template_lines: bool = True
    # how candidate pairs are found from each text's sampled n-gram hashes: ``_candidate_pairs`` here, or
    # the same computation as a shuffle on a Dask cluster (``auditor.distributed.dask_candidates``)
    candidates: Callable[[list[np.ndarray], ReuseParams], np.ndarray] | None = None


# -- per-document preparation ------------------------------------------------------------------------
def _article(d) -> Article:
    return d.article if hasattr(d, "article") else d


def fast_norm(text: str) -> str:
    """``auditor.text.normalize.normalize`` for what reuse needs (quotes, dashes, spaces), fast on ASCII."""
    if text.isascii():
        return text
    return _NORM_RE.sub(lambda m: _NORM_MAP[m.group()], text)


def _norm_of(d) -> str:
    cached = getattr(d, "__dict__", {}).get("norm")
    return cached if cached is not None else fast_norm(_article(d).text)


def _line_keys(low: str) -> list[int]:
    """A key per line of the lower-cased text (0 for lines of fewer than three words)."""
    return [hash(line.strip()) if line.count(" ") >= 2 else 0 for line in low.split("\n")]


def _template_keys(items: list) -> dict[str, set[int]]:
    """Per outlet, the keys of its template lines (see ``template_lines``)."""
    keys_of: dict[str, list[set[int]]] = defaultdict(list)
    for d in items:
        a = _article(d)
        if a.outlet:
            keys = set(_line_keys(a.text.lower()))
            keys.discard(0)
            keys_of[a.outlet.lower()].append(keys)
    return {o: template_lines(docs) for o, docs in keys_of.items()}


def template_lines(docs: list[set[int]], pair_limit: int = 3) -> set[int]:
    """The line keys that are one outlet's furniture, given the line keys of each of its articles.

    A line is furniture when it recurs in three or more of the outlet's articles, or in exactly two
    that share fewer than ``pair_limit`` recurring lines in all (two articles that share more lines than
    that share content: an outlet re-running a story, which is left to the alignment).
    """
    count: Counter = Counter()
    for keys in docs:
        count.update(keys)
    out = {k for k, c in count.items() if c >= 3}
    owners: dict[int, list[int]] = defaultdict(list)
    for i, keys in enumerate(docs):
        for k in keys:
            if count[k] == 2:
                owners[k].append(i)
    per_pair: Counter = Counter(tuple(v) for v in owners.values())
    out.update(k for k, v in owners.items() if per_pair[tuple(v)] < pair_limit)
    return out


def masked_spans(d, norm: str, templates: set[int] | None = None, use_doc_quotes: bool = True) -> list[Span]:
    """Spans of one document left out of reuse detection (merged, sorted): quotations with their marks,
    boilerplate, front matter and the outlet's template lines."""
    a = _article(d)
    spans = [m.span() for m in _QUOTED_RE.finditer(norm)] if '"' in norm else []
    if use_doc_quotes and hasattr(d, "quotes"):
        spans += [(q.start, q.end) for q in d.quotes]
    spans += list(getattr(d, "boilerplate", None) or a.removed or [])
    if a.header_end:
        spans.append((0, a.header_end))
    if templates:
        pos = 0
        for line, key in zip(norm.split("\n"), _line_keys(a.text.lower()), strict=False):
            if key in templates:
                spans.append((pos, pos + len(line)))
            pos += len(line) + 1
    return merge_spans(spans)


# Tokens are found and hashed with array operations, not a Python step per word. A word is what
# ``auditor.text.document.WORD_RE`` matches: a run of letters and digits (``str.isalnum``), with single
# apostrophes or hyphens inside it; it is hashed lower-cased, as a polynomial over its code points.
_ASCII_WORD = np.array([chr(c).isalnum() for c in range(128)])
_ASCII_LOWER = np.array([ord(chr(c).lower()) for c in range(128)], dtype=np.uint64)
_P = 0x100000001B3 * 0x9E3779B97F4A7C15 % 2**64 | 1
_Q = pow(_P, -1, 2**64)
_POW: dict[int, np.ndarray] = {}


def _powers(base: int, n: int) -> np.ndarray:
    have = _POW.get(base)
    if have is None or len(have) < n:
        size = max(n, 4096, 0 if have is None else 2 * len(have))
        arr = np.full(size, base, dtype=np.uint64)
        arr[0] = 1
        with np.errstate(over="ignore"):
            have = np.cumprod(arr, dtype=np.uint64)
        _POW[base] = have
    return have[:n]


def tokenize(norm: str, masked: list[Span] = ()) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(starts, ends, hashes, segment)`` of the words of ``norm`` outside ``masked``; two words are in
    the same segment when no masked character lies between them."""
    cp = np.frombuffer(norm.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    n = len(cp)
    ascii_ = cp < 128
    is_word = np.zeros(n, dtype=bool)
    is_word[ascii_] = _ASCII_WORD[cp[ascii_]]
    low = np.zeros(n, dtype=np.uint64)
    low[ascii_] = _ASCII_LOWER[cp[ascii_]]
    if not ascii_.all():
        idx = np.flatnonzero(~ascii_)
        uniq, inv = np.unique(cp[idx], return_inverse=True)
        chars = [chr(c) for c in uniq.tolist()]
        is_word[idx] = np.array([c.isalnum() for c in chars])[inv]
        low[idx] = np.array([ord(c.lower()[0]) for c in chars], dtype=np.uint64)[inv]
    if masked:
        hidden = np.zeros(n, dtype=bool)
        for s, e in masked:
            hidden[s:e] = True
        is_word &= ~hidden
        before = np.r_[0, np.cumsum(hidden)]  # masked characters before each offset
    else:
        before = np.zeros(n + 1, dtype=np.int64)
    # an apostrophe or hyphen between two word characters joins them
    if n > 2:
        joiner = (cp[1:-1] == 39) | (cp[1:-1] == 45)
        joiner &= is_word[:-2] & is_word[2:]
        is_word[1:-1] |= joiner
    edges = np.diff(np.r_[0, is_word.view(np.int8), 0])
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    if not len(starts):
        z = np.zeros(0, dtype=np.int64)
        return z, z, z.astype(np.uint64), z
    with np.errstate(over="ignore"):
        g = np.cumsum((low + np.uint64(1)) * _powers(_Q, n), dtype=np.uint64)
        g = np.r_[np.uint64(0), g]
        h = (g[ends] - g[starts]) * _powers(_P, n + 1)[ends - 1]
    return starts, ends, h, before[starts]


_rng = np.random.default_rng(20240611)
_MULT = _rng.integers(1, 2**63 - 1, size=16, dtype=np.int64).astype(np.uint64) | np.uint64(1)


def shingle_hashes(words: np.ndarray, seg: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(positions, hashes) of the word n-grams (from word hashes) that lie inside one segment."""
    m = len(words) - n + 1
    if m <= 0:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.uint64)
    u = words.astype(np.uint64, copy=False)
    with np.errstate(over="ignore"):
        h = u[:m] * _MULT[0]
        for k in range(1, n):
            h = (h ^ (h >> np.uint64(31))) + u[k:k + m] * _MULT[k]
        h ^= h >> np.uint64(29)
        h *= _MULT[15]
        h ^= h >> np.uint64(32)
    pos = np.flatnonzero(seg[:m] == seg[n - 1:n - 1 + m]).astype(np.int32)
    return pos, h[pos]


@dataclass(slots=True)
class _Text:
    """One text, ready to compare: its n-gram hashes sorted (first occurrence each) with positions."""

    hashes: np.ndarray
    positions: np.ndarray
    words: int


def _prepare(d, templates: set[int] | None, p: ReuseParams) -> _Text:
    norm = _norm_of(d)
    masked = masked_spans(d, norm, templates, p.use_doc_quotes)
    starts, ends, words, seg = tokenize(norm, masked)
    pos, h = shingle_hashes(words, seg, p.n)
    uh, first = np.unique(h, return_index=True)
    return _Text(uh, pos[first], len(words))


def _word_offsets(d, templates: set[int] | None, p: ReuseParams) -> tuple[np.ndarray, np.ndarray]:
    """The character offsets (starts, ends) of the words ``_prepare`` hashed: read again, and only for the
    texts of an echo, rather than kept for every text of the corpus."""
    norm = _norm_of(d)
    starts, ends, _, _ = tokenize(norm, masked_spans(d, norm, templates, p.use_doc_quotes))
    return starts.astype(np.int32), ends.astype(np.int32)


# -- candidates ------------------------------------------------------------------------------------------
def _candidate_pairs(sampled: list[np.ndarray], params: ReuseParams, block: int = 500_000) -> np.ndarray:
    """(k, 2) array of document-index pairs (i < j) sharing >= min_seeds indexed n-grams.

    Each indexed n-gram shared by k documents (2 <= k <= max_df) gives its k(k - 1)/2 pairs one seed. Most
    pairs of a large corpus share a single stock phrase, so the pairs are counted for one range of first
    documents at a time, about ``block`` seeds a range: the seeds of the whole corpus (tens of millions
    at 100,000 articles) are never all held, and each range's pairs that reach ``min_seeds`` are kept."""
    n_docs = len(sampled)
    lens = np.fromiter((len(s) for s in sampled), dtype=np.int64, count=n_docs)
    if lens.sum() == 0:
        return np.zeros((0, 2), dtype=np.int64)
    H = np.concatenate(sampled)
    D = np.repeat(np.arange(n_docs, dtype=np.int32), lens)
    order = np.argsort(H, kind="stable")
    H, D = H[order], D[order]
    del order
    starts = np.flatnonzero(np.r_[True, H[1:] != H[:-1]])
    sizes = np.diff(np.r_[starts, len(H)])
    del H
    groups = []  # per group size k: the (groups, k) documents, ascending in each row (stable sort)
    seeds = 0
    for k in range(2, params.max_df + 1):
        st = starts[sizes == k]
        if len(st):
            groups.append(D[st[:, None] + np.arange(k)])
            seeds += len(st) * k * (k - 1) // 2
    del D, starts, sizes
    if not groups:
        return np.zeros((0, 2), dtype=np.int64)
    ranges = max(1, -(-seeds // block))
    bounds = np.linspace(0, n_docs, ranges + 1).astype(np.int64)
    found = []
    for lo, hi in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        keys = []
        for members in groups:
            k = members.shape[1]
            rows, cols = np.nonzero((members >= lo) & (members < hi))  # first documents in the range
            later = k - 1 - cols  # the pairs each makes with the documents after it in its group
            total = int(later.sum())
            if not total:
                continue
            rows, cols = np.repeat(rows, later), np.repeat(cols, later)
            step = np.arange(total) - np.repeat(np.cumsum(later) - later, later)
            keys.append(members[rows, cols].astype(np.int64) * n_docs + members[rows, cols + 1 + step])
            del rows, cols, step
        if keys:
            uk, cnt = np.unique(np.concatenate(keys), return_counts=True)
            found.append(uk[cnt >= params.min_seeds])
        del keys
    uk = np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
    return np.stack([uk // n_docs, uk % n_docs], axis=1)


# -- alignment -------------------------------------------------------------------------------------------
def align(ta: _Text, tb: _Text, n: int, max_gap: int, min_words: int
          ) -> tuple[list[tuple[int, int, int, int]], int, int]:
    """Passages ``(a_start, a_end, b_start, b_end)`` in word positions shared by two texts: seeds are
    the shared n-grams, runs of seeds on one diagonal are extended, runs a few words apart merged.
    Also the words of each text inside the passages that match exactly (substituted words left out)."""
    if not len(ta.hashes) or not len(tb.hashes):
        return [], 0, 0
    k = np.searchsorted(tb.hashes, ta.hashes)
    k[k == len(tb.hashes)] = 0
    hit = tb.hashes[k] == ta.hashes
    if not hit.any():
        return [], 0, 0
    i = ta.positions[hit]
    j = tb.positions[k[hit]]
    o = np.argsort(i, kind="stable")
    i, j = i[o].astype(np.int64), j[o].astype(np.int64)
    brk = np.flatnonzero((np.diff(i) != 1) | (np.diff(j) != 1)) + 1
    run_st = np.r_[0, brk]
    length = np.diff(np.r_[run_st, len(i)])
    a0, b0 = i[run_st], j[run_st]
    a1, b1 = a0 + length - 1 + n, b0 + length - 1 + n
    # a run continues the passage of the run before it when both texts skip at most max_gap words
    ga, gb = a0[1:] - a1[:-1], b0[1:] - b1[:-1]
    join = (ga > -n) & (ga <= max_gap) & (gb > -n) & (gb <= max_gap) & (np.abs(ga - gb) <= max_gap)
    first = np.r_[0, np.flatnonzero(~join) + 1]
    pa0, pa1 = np.minimum.reduceat(a0, first), np.maximum.reduceat(a1, first)
    pb0, pb1 = np.minimum.reduceat(b0, first), np.maximum.reduceat(b1, first)
    keep = ((pa1 - pa0) >= min_words) & ((pb1 - pb0) >= min_words)
    passages = list(zip(pa0[keep].tolist(), pa1[keep].tolist(), pb0[keep].tolist(), pb1[keep].tolist(),
                        strict=True))
    if not passages:
        return [], 0, 0
    group = np.cumsum(np.r_[0, ~join].astype(np.int64)) if len(join) else np.zeros(1, dtype=np.int64)
    in_kept = keep[group]
    return passages, _union_len(a0[in_kept], a1[in_kept]), _union_len(b0[in_kept], b1[in_kept])


def _union_len(starts: np.ndarray, ends: np.ndarray) -> int:
    """Length of the union of intervals ``[starts, ends)``."""
    o = np.argsort(starts, kind="stable")
    s, e = starts[o], ends[o]
    reach = np.maximum.accumulate(e)
    prev = np.r_[s[0], reach[:-1]]
    return int(np.clip(e - np.maximum(s, prev), 0, None).sum())


def _covered(spans: list[tuple[int, int]]) -> int:
    return sum(e - s for s, e in merge_spans(spans))


# -- direction -------------------------------------------------------------------------------------------
def parse_time(value: str | None) -> tuple[datetime | date, bool] | None:
    """``(moment, has_time)`` from an ISO 8601 string, or None when absent or unreadable."""
    if not value:
        return None
    v = value.strip()
    try:
        if len(v) <= 10:
            return date.fromisoformat(v), False
        dt = datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt, True


def earlier(ta, tb) -> int:
    """-1 when a is earlier, 1 when b is, 0 when the times do not decide."""
    if ta is None or tb is None:
        return 0
    (a, a_full), (b, b_full) = ta, tb
    if not (a_full and b_full):
        a = a.date() if a_full else a
        b = b.date() if b_full else b
    return -1 if a < b else 1 if b < a else 0


# -- the whole pipeline ----------------------------------------------------------------------------------
def detect_reuse(docs: list, params: ReuseParams | None = None, **overrides: Any) -> ReuseResult:
    """Echoes among ``docs`` (``Doc`` objects or bare ``Article`` objects), plus each text's word count."""
    p = params or ReuseParams()
    if overrides:
        p = ReuseParams(**{**p.__dict__, **overrides})
    clock = [time.perf_counter()]
    timings: dict[str, float] = {}

    def lap(stage: str) -> None:
        now = time.perf_counter()
        timings[stage] = round(now - clock[0], 3)
        clock[0] = now

    items = list(docs)
    arts = [_article(d) for d in items]
    templates = _template_keys(items) if p.template_lines else {}
    lap("templates")

    texts: list[_Text] = []
    sampled: list[np.ndarray] = []
    samp = np.uint64(p.sample)
    for d, a in zip(items, arts, strict=True):
        t = _prepare(d, templates.get((a.outlet or "").lower()), p)
        texts.append(t)
        sampled.append(t.hashes[t.hashes % samp == 0] if p.sample > 1 else t.hashes)
    words = {a.id: t.words for a, t in zip(arts, texts, strict=True)}
    lap("prepare")

    pairs = (p.candidates or _candidate_pairs)(sampled, p)
    del sampled
    lap("candidates")
    found: list[tuple[int, int, list]] = []
    for a_i, b_i in pairs.tolist():
        if arts[a_i].id > arts[b_i].id:  # align in one order whatever the input order
            a_i, b_i = b_i, a_i
        pas, exact_a, exact_b = align(texts[a_i], texts[b_i], p.n, p.max_gap, p.min_passage_words)
        if pas and _covered([(x[0], x[1]) for x in pas]) >= p.min_shared_words:
            found.append((a_i, b_i, pas, (exact_a + exact_b) / 2))
    lap("align")

    offsets: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def char_span(k: int, w0: int, w1: int) -> Span:
        if k not in offsets:
            offsets[k] = _word_offsets(items[k], templates.get((arts[k].outlet or "").lower()), p)
        starts, ends = offsets[k]
        return int(starts[w0]), int(ends[w1 - 1])

    times = [parse_time(a.published) for a in arts]
    shared = {}
    exact = {}
    for a_i, b_i, pas, ex in found:
        sa = _covered([(x[0], x[1]) for x in pas])
        sb = _covered([(x[2], x[3]) for x in pas])
        shared[(a_i, b_i)] = (sa, sb, pas)
        exact[(a_i, b_i)] = ex
    age = [_age(t) for t in times]
    kept = nearest_sources(exact, age, p.tie_share, [a.id for a in arts])
    lap("reduce")

    echoes: list[Echo] = []
    method = f"word{p.n}gram-index+align"
    for a_i, b_i in kept:
        sa, sb, pas = shared[(a_i, b_i)]
        share_a = sa / max(1, words[arts[a_i].id])
        share_b = sb / max(1, words[arts[b_i].id])
        order = earlier(times[a_i], times[b_i])
        if order:
            by = "time"
            a_is_copy = order > 0
        elif abs(share_a - share_b) >= p.containment_margin:
            by = "containment"
            a_is_copy = share_a > share_b
        else:
            by = "none"
            a_is_copy = arts[a_i].id > arts[b_i].id
        if a_is_copy:
            c, s, sc, cs, s_s = a_i, b_i, sa, share_a, share_b
            spans = [(char_span(a_i, x[0], x[1]), char_span(b_i, x[2], x[3])) for x in pas]
        else:
            c, s, sc, cs, s_s = b_i, a_i, sb, share_b, share_a
            spans = [(char_span(b_i, x[2], x[3]), char_span(a_i, x[0], x[1])) for x in pas]
        echoes.append(Echo(copy=arts[c].id, source=arts[s].id, directed=by != "none", shared_words=sc,
                           copy_share=round(cs, 4), source_share=round(s_s, 4), passages=spans,
                           method=method, direction_by=by))
    echoes.sort(key=lambda e: (e.copy, e.source))
    lap("evidence")
    return ReuseResult(echoes=echoes, words=words, candidates=len(pairs), timings=timings)


def find_echoes(docs: list, **params: Any) -> list[Echo]:
    """Echoes among ``docs``; see the module documentation. Keyword arguments set ``ReuseParams``."""
    return detect_reuse(docs, **params).echoes


# -- nearest source --------------------------------------------------------------------------------------
def _age(t) -> float:
    """Sort key of a publication time; unknown times sort last (as the youngest)."""
    if t is None:
        return float("inf")
    moment = t[0]
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
    return moment.timestamp()


def nearest_sources(sim: dict[tuple[int, int], float], age: list[float], tie: float = 0.01,
                    names: list[str] | None = None) -> list[tuple[int, int]]:
    """The pairs left when every link explained by a closer intermediary is dropped.

    ``sim`` maps a pair ``(a, b)`` to the words they share; ``age`` is each article's publication time
    (``inf`` when unknown). A link x-y is explained by a third article w linked to both that shares at
    least about as much (within ``tie``) with each, when

    - w shares clearly more with both: w lies between them (A->B->C: A shares more with B than with C);
    - w shares clearly more with x only (w and x are close kin, y about as near to both): y descends
      from, or is the source of, the older of the two, so the link is explained when w is older than x;
    - all three are about alike (verbatim copies): when w was published before both.

    Links are visited weakest first, ties between the youngest articles first, and a dropped link no
    longer explains another, so two links never remove each other (a relative-neighbourhood reduction).
    """
    adj: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), s in sim.items():
        adj[a][b] = s
        adj[b][a] = s
    def visit(k: tuple[int, int]):
        ids = (names[k[0]], names[k[1]]) if names else k
        return (sim[k], -min(age[k[0]], age[k[1]]), -max(age[k[0]], age[k[1]]), min(ids), max(ids))

    order = sorted(sim, key=visit)
    kept = []
    for a, b in order:
        s = sim[(a, b)]
        lo, hi = (1 - tie) * s, (1 + tie) * s
        na, nb = adj[a], adj[b]
        if len(na) > len(nb):
            na, nb = nb, na
        explained = False
        for w, s1 in na.items():
            s2 = nb.get(w)
            if s2 is None or w in (a, b) or s1 < lo or s2 < lo:
                continue
            # s1 = sim(w, x), s2 = sim(w, y) where (x, y) is (a, b) in some order
            x, y = (a, b) if na is adj[a] else (b, a)
            if s1 > hi and s2 > hi:
                explained = True  # w lies between them
            elif s1 > hi:  # w is x's close kin, y as near to both: the older of x and w explains y
                explained = age[w] < age[x]
            elif s2 > hi:
                explained = age[w] < age[y]
            else:  # all three alike: the first published explains the others
                explained = age[w] < age[a] and age[w] < age[b]
            if explained:
                break
        if explained:
            del adj[a][b], adj[b][a]
        else:
            kept.append((a, b))
    return sorted(kept)
