"""Quote clusters across articles: every rendering of one utterance, its consensus wording, and how
faithful each rendering is to it.

``cluster_quotes(docs)`` returns the ``QuoteCluster``s carried by two articles or more and sets, on each
``Quote`` of each doc, ``cluster`` (None for a quote no other article carries: uncorroborated),
``fidelity`` (0..1, None when uncorroborated) and ``differences`` (typed, see below).

**Matching two renderings.** News renderings of one utterance are cut, reordered, paraphrased and, for a
speech given in another language, translations of translations ("aircraft will be in the air" / "planes in
the air"). One similarity threshold on the whole string fails both ways, so, in the spirit of
MemeTracker's phrase graph (Leskovec et al., KDD 2009), a rendering is matched by the *content words* it
shares with another, weighted by their rarity among all quotations (IDF) and crudely stemmed (the first
five letters, which also matches "Russian"/"Russia's", "attacks"/"attack"). The score is the larger of

* the weighted Jaccard overlap of the two sets, and
* the weighted containment of the smaller in the larger (a partial quote inside the full one), counted in
  full only when at least three content words are shared,

halved when both renderings name different speakers. Function words (``rules/data/quote_stopwords.txt``)
do not count; negators do.

**Clustering without comparing all pairs.** Renderings are visited longest first, full quotations before
partial ones (the longer rendering is the root a shorter one attaches to). Each cluster indexes the
content words of up to ``REPS`` representative renderings; a rendering is scored only against the
clusters that share one of its words of moderate frequency (words carried by more than ``MAX_POSTING``
clusters are too common to block on), and joins the best one above ``THRESHOLD`` that holds no rendering
of its own article (an article repeating a quotation word for word may join its own cluster). That keeps
the work near-linear: 100,000 articles cluster in minutes (``benchmarks/bench_quotes.py``).

**Consensus.** The medoid rendering: the full (non-partial) rendering with the highest summed word-level
similarity to the other members (rapidfuzz Indel, i.e. the longest common subsequence of their word
stems), ties to the longer; then trimmed to the stretch of it that at least one other
rendering also carries (so an outlet quoting more of the speech does not define the consensus alone).
The cluster id is a hash of the speaker and the consensus, stable across runs.

**Fidelity** of a rendering, 0..1: it is aligned word by word with the consensus (difflib matching blocks
give the window the two share; rapidfuzz's Levenshtein opcodes give the edits inside it), and

    fidelity = 1 - word edits in the window / window length
               - 0.30 if the polarity flips (a negator on one side only: "would not want" vs "would like";
                 ``rules/data/negators.txt``, implicit ones such as "lack of" included)
               - 0.15 if a statement is turned into a question (or back)
               - 0.05 for another quotation joined on with an ellipsis, 0.15 for one joined without

Words the consensus has beyond the window are a ``cut`` and words the rendering adds beyond it an
``addition``, neither penalised: quoting less, or more, of a speech is not altering it.

**Differences** (dicts with ``type``, the ``rendering`` and ``consensus`` words, and ``start``/``end`` in
the article when they are the rendering's own words): ``substitution``, ``cut``, ``addition``,
``negation``, ``question``, ``stitched``, ``paraphrase`` (the two share under half their words: a
translation or a retelling), and ``translated`` (the article says the words were translated or
interpreted; recorded on each of its quotes, with the span of that statement, not penalised).
"""

from __future__ import annotations

import difflib
import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Indel, Levenshtein

from ..models import QuoteCluster
from ..text.document import WORD_RE
from ..text.normalize import normalize
from ..vocab import load_phrases

THRESHOLD = 0.42
REPS = 4
MAX_POSTING = 200
MAX_CANDIDATES = 8
GOOD_ENOUGH = 0.85  # a representative this close settles the score of its cluster
MEDOID_POOL = 8
METHOD = ("content-word overlap (IDF, prefix stems), longest-first leader clustering with word blocking; "
          "consensus = trimmed medoid; fidelity = word alignment with typed differences")

_TRANSLATED = re.compile(
    r"\b(?:translat(?:ed|ion|ing|or)|interpret(?:ed|er|ers|ing|ation)|voice-?over|dubbed)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(w.lower() for w in load_phrases("quote_stopwords"))


@lru_cache(maxsize=1)
def _negators() -> frozenset[str]:
    return frozenset(w.lower() for w in load_phrases("negators"))


def is_negator(word: str) -> bool:
    w = word.lower()
    return w in _negators() or w.endswith("n't")


def stem(word: str) -> str:
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return "not" if is_negator(w) else w[:5]


@dataclass
class Rendering:
    doc_i: int
    quote_i: int
    article: str
    quote: object
    words: list[tuple[str, int, int]]  # (word, start, end) in the article text
    stems: list[str]
    qmark: list[bool]  # a question mark follows this word
    content: frozenset[str]
    speaker: str | None
    full: bool
    ellipses: list[int] = field(default_factory=list)  # word indices an ellipsis precedes
    weight: float | None = None  # IDF weight of ``content``, set by the Scorer

    @property
    def size(self) -> int:
        return len(self.words)


def _rendering(doc, doc_i: int, quote_i: int, q) -> Rendering:
    text = doc.norm
    words, stems, qmark, ell = [], [], [], []
    for m in WORD_RE.finditer(text, q.start, q.end):
        gap = text[words[-1][2]:m.start()] if words else text[q.start:m.start()]
        if "..." in gap or "\u2026" in doc.text[(words[-1][2] if words else q.start):m.start()]:
            ell.append(len(words))
        if words and "?" in gap:
            qmark[-1] = True
        words.append((m.group(), m.start(), m.end()))
        stems.append(stem(m.group()))
        qmark.append(False)
    if words and "?" in text[words[-1][2]:q.end + 1]:
        qmark[-1] = True
    stop = _stopwords()
    content = frozenset(s for s, (w, _, _) in zip(stems, words, strict=False) if w.lower() not in stop and len(w) > 1)
    sp = (q.speaker or "").split()
    return Rendering(doc_i, quote_i, doc.article.id, q, words, stems, qmark, content,
                     sp[-1].lower() if sp else None, q.kind != "partial", ell)


class Scorer:
    """Similarity of two renderings (see the module docstring), with IDF over all renderings."""

    def __init__(self, renderings: list[Rendering]):
        df: Counter = Counter()
        for r in renderings:
            df.update(r.content)
        self.df = df
        n = max(len(renderings), 1)
        self.idf = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}

    def weight(self, terms) -> float:
        return sum(self.idf.get(t, 1.0) for t in terms)

    def total(self, r: Rendering) -> float:
        if r.weight is None:
            r.weight = self.weight(r.content)
        return r.weight

    def sim(self, a: Rendering, b: Rendering) -> float:
        inter = a.content & b.content
        if len(inter) < 2 and not (inter and len(a.content) == len(b.content) == 1):
            return 0.0
        idf = self.idf
        wi = sum(idf.get(t, 1.0) for t in inter)
        wa, wb = self.total(a), self.total(b)
        jac = wi / (wa + wb - wi)
        s = jac
        if 0.9 * wi / min(wa, wb) > jac:  # containment could win: find it locally
            small, large = (a, b) if wa <= wb else (b, a)
            wl, nl = self._local(small, large, inter)
            s = max(jac, 0.9 * wl / min(wa, wb) * min(1.0, nl / 3))
        if a.speaker and b.speaker and a.speaker != b.speaker:
            s *= 0.5
        return s

    def _local(self, small: Rendering, large: Rendering, inter: frozenset) -> tuple[float, int]:
        """Weight and count of the shared words found together in one stretch of the larger rendering
        (at most twice the smaller one's length, plus four words): containment must be local, or a long
        quotation would "contain" any short one that shares a few common words with it."""
        idf = self.idf
        pos = [(i, t) for i, t in enumerate(large.stems) if t in inter]
        width = 2 * small.size + 4
        best_w, best_n, w, n = 0.0, 0, 0.0, 0
        seen: dict[str, int] = {}
        j = 0
        for i, t in pos:
            c = seen.get(t, 0)
            if not c:
                w += idf.get(t, 1.0)
                n += 1
            seen[t] = c + 1
            while pos[j][0] < i - width:
                u = pos[j][1]
                seen[u] -= 1
                if not seen[u]:
                    w -= idf.get(u, 1.0)
                    n -= 1
                j += 1
            if w > best_w:
                best_w, best_n = w, n
        return best_w, best_n


@dataclass
class _Cluster:
    members: list[Rendering]
    reps: list[Rendering]
    articles: set[str]


def group(renderings: list[Rendering], scorer: Scorer) -> list[list[Rendering]]:
    """Longest-first leader clustering with blocking on moderately rare content words."""
    order = sorted(renderings, key=lambda r: (not r.full, -len(r.content), -r.size, r.article, r.quote_i))
    clusters: list[_Cluster] = []
    index: dict[str, list[int]] = defaultdict(list)
    for r in order:
        counts: Counter = Counter()
        for t in r.content:
            post = index.get(t)
            if post and len(post) <= MAX_POSTING:
                counts.update(post)
        best, best_s = -1, THRESHOLD
        for ci, _ in counts.most_common(MAX_CANDIDATES):
            c = clusters[ci]
            s = 0.0
            for rep in c.reps:
                s = max(s, scorer.sim(r, rep))
                if s >= GOOD_ENOUGH:
                    break
            if r.article in c.articles and not any(
                    m.article == r.article and Levenshtein.normalized_similarity(m.stems, r.stems) >= 0.9
                    for m in c.members):
                continue  # the same article: only a repetition word for word joins its own cluster
            if s >= best_s:
                best, best_s = ci, s
        if best < 0:
            clusters.append(_Cluster([r], [r], {r.article}))
            best = len(clusters) - 1
            for t in r.content:
                index[t].append(best)
            continue
        c = clusters[best]
        c.members.append(r)
        c.articles.add(r.article)
        if len(c.reps) < REPS:
            c.reps.append(r)
            for t in r.content:
                if not index[t] or index[t][-1] != best:
                    index[t].append(best)
    return [c.members for c in clusters]


# -- consensus and fidelity --------------------------------------------------------------------------


def _medoid(members: list[Rendering], scorer: Scorer) -> Rendering:
    pool = [m for m in members if m.full] or members
    pool = sorted(pool, key=lambda m: -m.size)[:MEDOID_POOL]
    others = members if len(members) <= 4 * MEDOID_POOL else members[: 4 * MEDOID_POOL]

    def score(m: Rendering) -> tuple[float, int]:
        # word-level agreement (longest common subsequence of stems) with the other renderings
        return (round(sum(Indel.normalized_similarity(m.stems, o.stems) for o in others if o is not m), 6), m.size)

    return max(pool, key=score)


def _blocks(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [tuple(x) for x in sm.get_matching_blocks() if x.size]


def _consensus_window(med: Rendering, members: list[Rendering]) -> tuple[int, int]:
    lo, hi = med.size, 0
    for m in members:
        if m is med:
            continue
        bl = [b for b in _blocks(med.stems, m.stems) if b[2] >= 2 or med.size <= 3]
        if bl:
            lo = min(lo, bl[0][0])
            hi = max(hi, bl[-1][0] + bl[-1][2])
    return (lo, hi) if hi > lo else (0, med.size)


@dataclass
class Consensus:
    rendering: Rendering
    lo: int
    hi: int

    @property
    def stems(self) -> list[str]:
        return self.rendering.stems[self.lo:self.hi]

    def text(self, docs) -> str:
        r = self.rendering
        if not r.words:
            return r.quote.text
        s, e = r.words[self.lo][1], r.words[self.hi - 1][2]
        if r.qmark[self.hi - 1] and "?" in docs[r.doc_i].text[e:e + 2]:
            e = docs[r.doc_i].text.index("?", e) + 1
        return normalize(docs[r.doc_i].text[s:e])


def _words_text(r: Rendering, i: int, j: int) -> str:
    return " ".join(w for w, _, _ in r.words[i:j])


def compare(r: Rendering, cons: Consensus, cons_words: list[str], other_sets: list[tuple[str, frozenset]],
            scorer: Scorer) -> tuple[float, list[dict]]:
    """Fidelity of rendering ``r`` to the consensus, with its typed differences."""
    C = cons.stems
    cq = cons.rendering.qmark[cons.lo:cons.hi]
    diffs: list[dict] = []
    blocks = _blocks(r.stems, C)
    matched = sum(b[2] for b in blocks)
    if not blocks or matched < 2 and min(len(C), r.size) > 2:
        s = scorer.sim(r, cons.rendering)
        diffs.append({"type": "paraphrase", "rendering": _words_text(r, 0, r.size), "consensus": " ".join(cons_words),
                      "start": r.quote.start, "end": r.quote.end})
        return round(max(0.0, min(0.5, s)), 3), diffs
    r0, c0 = blocks[0][0], blocks[0][1]
    r1, c1 = blocks[-1][0] + blocks[-1][2], blocks[-1][1] + blocks[-1][2]
    R, Cw = r.stems[r0:r1], C[c0:c1]
    dist = Levenshtein.distance(R, Cw)
    base = 1.0 - dist / max(len(R), len(Cw), 1)
    for op in Levenshtein.opcodes(R, Cw):
        if op.tag == "equal":
            continue
        rw = (r0 + op.src_start, r0 + op.src_end)
        cw = " ".join(cons_words[c0 + op.dest_start:c0 + op.dest_end])
        typ = {"replace": "substitution", "delete": "addition", "insert": "cut"}[op.tag]
        d = {"type": typ, "rendering": _words_text(r, *rw), "consensus": cw}
        if rw[1] > rw[0]:
            d["start"], d["end"] = r.words[rw[0]][1], r.words[rw[1] - 1][2]
        diffs.append(d)
    # polarity: negators inside the shared window, the consensus side widened by the words just around it
    neg_r = sum(1 for s in R if s == "not")
    neg_c = sum(1 for s in C[max(0, c0 - 2):min(len(C), c1 + 1)] if s == "not")
    penalty = 0.0
    if bool(neg_r) != bool(neg_c):
        penalty += 0.30
        diffs.append({"type": "negation", "rendering": _words_text(r, r0, r1), "consensus": " ".join(cons_words[c0:c1]),
                      "start": r.words[r0][1], "end": r.words[r1 - 1][2],
                      "note": f"{neg_r} negator(s) against {neg_c} in the consensus"})
    q_r = any(r.qmark[r0:r1]) or (r1 == r.size and r.qmark[-1])
    q_c = any(cq[c0:c1])
    if q_r != q_c:
        penalty += 0.15
        diffs.append({"type": "question", "rendering": _words_text(r, r0, r1), "consensus": " ".join(cons_words[c0:c1]),
                      "start": r.words[r0][1], "end": r.words[r1 - 1][2],
                      "note": "statement turned into a question" if q_r else "question turned into a statement"})
    if matched < 0.5 * min(len(C), r.size):
        diffs.append({"type": "paraphrase", "rendering": _words_text(r, r0, r1), "consensus": " ".join(cons_words[c0:c1]),
                      "start": r.words[r0][1], "end": r.words[r1 - 1][2]})
    # beyond the window: words the rendering adds, or another quotation joined on
    for a, b in ((0, r0), (r1, r.size)):
        if b - a <= 0:
            continue
        part = r.stems[a:b]
        joined_by_ellipsis = any(a < i <= b for i in r.ellipses) or r0 in r.ellipses or r1 in r.ellipses
        other = None
        if b - a >= 4:
            stop = _stopwords()
            ps = frozenset(s for s, (w, _, _) in zip(part, r.words[a:b], strict=False) if w.lower() not in stop)
            for cid, cs in other_sets:
                if ps and len(ps & cs) >= max(2, 0.5 * len(ps)):
                    other = cid
                    break
        d = {"rendering": _words_text(r, a, b), "consensus": "", "start": r.words[a][1], "end": r.words[b - 1][2]}
        if other or (joined_by_ellipsis and b - a >= 4):
            penalty += 0.15 if other and not joined_by_ellipsis else 0.05
            d.update(type="stitched", note=("joined with an ellipsis" if joined_by_ellipsis else "joined without a mark")
                     + (f"; carried elsewhere as cluster {other}" if other else ""))
            if other:
                d["cluster"] = other
        else:
            d["type"] = "addition"
            d["note"] = "more of the speech than the other renderings carry"
        diffs.append(d)
    if c0 > 0 or c1 < len(C):
        cut = " ... ".join(x for x in (" ".join(cons_words[:c0]), " ".join(cons_words[c1:])) if x)
        diffs.append({"type": "cut", "rendering": "", "consensus": cut, "boundary": True})
    fid = max(0.0, min(1.0, base - penalty))
    return round(fid, 3), diffs


def translation_notes(doc) -> list[dict]:
    """Where the article says the words were translated or interpreted (outside quotations)."""
    out = []
    spans = [(q.start, q.end) for q in doc.quotes]
    for m in _TRANSLATED.finditer(doc.norm):
        if any(s <= m.start() < e for s, e in spans) or doc.in_boilerplate(m.span()):
            continue
        sent = doc.sentence_at(m.start()) or m.span()
        out.append({"type": "translated", "start": m.start(), "end": m.end(),
                    "note": f"the article says: {normalize(doc.text[sent[0]:sent[1]]).strip()[:160]}"})
        break
    return out


def _cluster_id(speaker: str | None, consensus: str) -> str:
    key = f"{(speaker or '').lower()}\0{' '.join(WORD_RE.findall(consensus.lower()))}"
    return "q" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def cluster_quotes(docs) -> list[QuoteCluster]:
    """Cluster every rendering of each utterance across ``docs``; set cluster/fidelity/differences."""
    docs = list(docs)
    renderings: list[Rendering] = []
    for di, d in enumerate(docs):
        notes = translation_notes(d)
        for qi, q in enumerate(d.quotes):
            q.cluster, q.fidelity = None, None
            q.differences = [dict(n) for n in notes]
            r = _rendering(d, di, qi, q)
            if r.content:
                renderings.append(r)
    scorer = Scorer(renderings)
    groups = [g for g in group(renderings, scorer) if len({m.article for m in g}) >= 2]
    prepared = []
    for g in groups:
        med = _medoid(g, scorer)
        lo, hi = _consensus_window(med, g)
        cons = Consensus(med, lo, hi)
        text = cons.text(docs)
        sp = Counter(m.quote.speaker for m in g if m.quote.speaker).most_common(1)
        speaker = sp[0][0] if sp else None
        cid = _cluster_id(speaker, text)
        prepared.append((cid, g, cons, text, speaker))
    stop = _stopwords()
    sets = [(cid, frozenset(s for s, w in zip(cons.stems, cons.rendering.words[cons.lo:cons.hi], strict=False)
                            if w[0].lower() not in stop)) for cid, _, cons, _, _ in prepared]
    out = []
    for cid, g, cons, text, speaker in prepared:
        cons_words = [w for w, _, _ in cons.rendering.words[cons.lo:cons.hi]]
        others = [x for x in sets if x[0] != cid]
        members = []
        for m in sorted(g, key=lambda m: (m.article, m.quote.start)):
            fid, diffs = compare(m, cons, cons_words, others, scorer)
            q = m.quote
            q.cluster, q.fidelity = cid, fid
            q.differences = diffs + [d for d in q.differences if d["type"] == "translated"]
            members.append({"article": m.article, "quote": m.quote_i, "text": q.text, "start": q.start,
                            "end": q.end, "speaker": q.speaker, "fidelity": fid, "differences": q.differences})
        out.append(QuoteCluster(id=cid, consensus=text, speaker=speaker, members=members, method=METHOD))
    out.sort(key=lambda c: (-len(c.members), c.id))
    return out
