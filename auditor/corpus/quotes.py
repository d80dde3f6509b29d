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
partial ones (the longer rendering is the root a shorter one attaches to, as in MemeTracker). Each cluster
is indexed under the content words of its representatives: its first ``SEED_REPS`` members, and later
members that widen its words by ``WIDEN`` or more (another part of the speech, so that an excerpt of that
part finds a rendering containing it; a substituted word does not widen), up to ``MAX_REPS``. A rendering
is scored only against candidate clusters found through that index:

* its rarest words first (the fewest clusters carry them), until ``BUDGET`` postings have been read; a
  word carried by more than ``MAX_POSTING`` clusters is too common to block on alone;
* under its speaker, every shared word (a (speaker, word) posting is short even for a common word), the
  speaker's clusters ranking higher;

and against the ``REPS_TRIED`` representatives of each of the ``MAX_CANDIDATES`` best candidates that
share most of its words. It joins the best cluster above ``THRESHOLD`` that holds no rendering of its own
article (an article repeating a quotation word for word may join its own cluster); a rendering with the
very words (and speaker) of one already clustered joins that one without a search. A last pass merges a
cluster into a larger one its leader matches, found with wider blocking (``MERGE_BUDGET``): renderings of
one utterance that the first pass split. The work stays near-linear: 100,000 articles (420,000
quotations) cluster in about 1.5 CPU minutes (``benchmarks/bench_quotes.py``).

**Consensus.** The medoid rendering: the full (non-partial) rendering with the highest summed word-level
similarity to the other members (rapidfuzz Indel, i.e. the longest common subsequence of their word
stems), ties to the longer; then trimmed to the stretch of it that at least one other
rendering also carries (so an outlet quoting more of the speech does not define the consensus alone).
The cluster id is a hash of the speaker and the consensus, stable across runs.

**Fidelity** of a rendering, 0..1: it is aligned word by word with the consensus (the matching blocks of
a longest common subsequence of their stems, rapidfuzz ``LCSseq``, give the window the two share;
rapidfuzz's Levenshtein opcodes give the edits inside it), and

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

import hashlib
import heapq
import math
import re
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Indel, LCSseq, Levenshtein

from ..models import QuoteCluster
from ..text.document import WORD_RE
from ..text.normalize import normalize
from ..vocab import load_phrases

THRESHOLD = 0.42
SEED_REPS = 3  # the first renderings of a cluster are always its representatives
MAX_REPS = 12  # more become representatives only when they widen the cluster's words ...
WIDEN = 3  # ... by this many content words at least (another part of the speech, not a substitution)
REPS_TRIED = 3  # a rendering is scored against the representatives sharing most of its words
MAX_POSTING = 400  # a word carried by more clusters is too common to block on (alone; with the speaker it is not)
BUDGET = 150  # a rendering blocks on its rarest words, until this many postings are read
MERGE_BUDGET = 1000  # ... and in the merge pass on more of them
MAX_CANDIDATES = 8
GOOD_ENOUGH = 0.85  # a representative this close settles the score of its cluster
MEDOID_POOL = 8
METHOD = ("content-word overlap (IDF, prefix stems), longest-first leader clustering blocked on rare words and "
          "speaker, merge pass; consensus = trimmed medoid; fidelity = word alignment with typed differences")

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


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return "not" if is_negator(w) else w[:5]


@dataclass(slots=True, eq=False)
class Rendering:
    """One quotation as the clustering sees it. Kept lean (a corpus holds hundreds of thousands): the words
    are offsets into the article's normalised text, read back on demand (``words``)."""

    doc_i: int
    quote_i: int
    article: str
    quote: object
    text: str  # the article's normalised text (shared, not copied)
    offsets: array  # start, end of each word in ``text``
    stems: tuple[str, ...]
    questions: tuple[int, ...]  # indices of the words a question mark follows
    content: frozenset[str]
    speaker: str | None
    full: bool
    ellipses: tuple[int, ...] = ()  # word indices an ellipsis precedes
    weight: float | None = None  # IDF weight of ``content``, set by the Scorer

    @property
    def size(self) -> int:
        return len(self.stems)

    @property
    def words(self) -> list[tuple[str, int, int]]:
        """(word, start, end) in the article text, for each word."""
        o, t = self.offsets, self.text
        return [(t[o[i]:o[i + 1]], o[i], o[i + 1]) for i in range(0, len(o), 2)]

    @property
    def qmark(self) -> list[bool]:
        """For each word: a question mark follows it."""
        out = [False] * len(self.stems)
        for i in self.questions:
            out[i] = True
        return out


def _rendering(doc, doc_i: int, quote_i: int, q, shared: dict | None = None) -> Rendering:
    """The rendering of quote ``q``; ``shared`` (a dict kept across calls) lets renderings with the same
    words share their stems and content set."""
    text, raw = doc.norm, doc.text
    spans, words = [], []
    for m in WORD_RE.finditer(text, q.start, q.end):
        spans.extend(m.span())
        words.append(m.group())
    offsets = array("i", spans)
    questions: list[int] = []
    ell: list[int] = []
    seg = text[q.start:q.end]
    if "?" in seg or "..." in seg or "\u2026" in raw[q.start:q.end]:  # look at the gaps between the words
        prev = q.start
        for i in range(len(words)):
            s = offsets[2 * i]
            gap = text[prev:s]
            if "..." in gap or "\u2026" in raw[prev:s]:
                ell.append(i)
            if i and "?" in gap:
                questions.append(i - 1)
            prev = offsets[2 * i + 1]
    if words and "?" in text[offsets[-1]:q.end + 1] and len(words) - 1 not in questions:
        questions.append(len(words) - 1)
    stems = tuple(stem(w) for w in words)
    stop = _stopwords()
    content = frozenset(s for s, w in zip(stems, words, strict=False) if len(w) > 1 and w.lower() not in stop)
    if shared is not None:
        stems, content = shared.setdefault(stems, stems), shared.setdefault(content, content)
    sp = (q.speaker or "").split()
    return Rendering(doc_i, quote_i, doc.article.id, q, text, offsets, stems, tuple(questions), content,
                     sp[-1].lower() if sp else None, q.kind != "partial", tuple(ell))


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

    def sim(self, a: Rendering, b: Rendering, floor: float = 0.0) -> float:
        """The similarity; a value under ``floor`` may be returned as 0 without computing it in full."""
        inter = a.content & b.content
        if len(inter) < 2 and not (inter and len(a.content) == len(b.content) == 1):
            return 0.0
        idf = self.idf
        wi = sum(idf.get(t, 1.0) for t in inter)
        wa, wb = self.total(a), self.total(b)
        jac = wi / (wa + wb - wi)
        s = jac
        factor = 0.5 if a.speaker and b.speaker and a.speaker != b.speaker else 1.0
        bound = 0.9 * wi / min(wa, wb)
        if max(bound, jac) * factor < floor:
            return 0.0
        if bound > jac:  # containment could win: find it locally
            small, large = (a, b) if wa <= wb else (b, a)
            wl, nl = self._local(small, large, inter)
            s = max(jac, 0.9 * wl / min(wa, wb) * min(1.0, nl / 3))
        return s * factor

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


@dataclass(eq=False)
class _Cluster:
    members: list[Rendering]
    reps: list[Rendering]
    articles: set[str]
    words: set[str] = field(default_factory=set)  # content words of the representatives (indexed)
    keys: set[tuple[str, str]] = field(default_factory=set)  # (speaker, word) pairs indexed
    merged_into: int = -1


class _Grouper:
    """Longest-first leader clustering over an inverted index of the clusters' words (see ``group``)."""

    def __init__(self, scorer: Scorer):
        self.scorer = scorer
        self.clusters: list[_Cluster] = []
        self.index: dict[str, list[int]] = defaultdict(list)  # content word -> clusters
        self.by_speaker: dict[tuple[str, str], list[int]] = defaultdict(list)  # (speaker, word) -> clusters
        self.seen: dict[tuple, int] = {}  # (speaker, stems) of a clustered rendering -> its cluster

    def _index(self, ci: int, r: Rendering) -> None:
        c = self.clusters[ci]
        for t in r.content - c.words:
            self.index[t].append(ci)
        c.words |= r.content
        if r.speaker:
            for t in r.content:
                k = (r.speaker, t)
                if k not in c.keys:
                    c.keys.add(k)
                    self.by_speaker[k].append(ci)

    def candidates(self, r: Rendering, budget: int) -> list[int]:
        """Clusters sharing rare words with ``r``, best first: its words are taken rarest first (fewest
        clusters) until ``budget`` postings have been read; under ``r``'s speaker every shared word counts
        (and counts twice), those postings being short."""
        idf, index, by_speaker, spk = self.scorer.idf, self.index, self.by_speaker, r.speaker
        lists = []
        for t in r.content:
            p = index.get(t)
            sp = by_speaker.get((spk, t)) if spk else None
            if sp is not None and len(sp) > MAX_POSTING:
                sp = None
            if p or sp:
                lists.append(((len(p) if p else 0), t, p, sp))
        lists.sort(key=lambda x: (x[0], x[1]))  # the rarest words first
        weight: dict[int, float] = defaultdict(float)
        read = 0
        for n, t, p, sp in lists:
            wt = idf.get(t, 1.0)
            if p and n <= MAX_POSTING and (read + n <= budget or read == 0):
                read += n
                for ci in p:
                    weight[ci] += wt
            if sp:
                for ci in sp:
                    weight[ci] += wt
        return heapq.nlargest(MAX_CANDIDATES, weight, key=weight.__getitem__)

    def _score(self, r: Rendering, c: _Cluster, floor: float) -> float:
        reps = c.reps
        if len(reps) > REPS_TRIED:
            reps = sorted(reps, key=lambda x: -len(r.content & x.content))[:REPS_TRIED]
        s = 0.0
        for rep in reps:
            s = max(s, self.scorer.sim(r, rep, floor))
            if s >= GOOD_ENOUGH:
                break
        return s

    def _same_article_ok(self, r: Rendering, c: _Cluster) -> bool:
        """A cluster holds no other rendering of ``r``'s article, unless one repeats it word for word."""
        return r.article not in c.articles or any(
            m.article == r.article and Levenshtein.normalized_similarity(m.stems, r.stems) >= 0.9
            for m in c.members)

    def best(self, r: Rendering, cands: list[int], skip: int = -1) -> int:
        best, best_s = -1, THRESHOLD
        for ci in cands:
            c = self.clusters[ci]
            if ci == skip or c.merged_into >= 0:
                continue
            s = self._score(r, c, best_s)
            if s >= best_s and self._same_article_ok(r, c):
                best, best_s = ci, s
                if s >= GOOD_ENOUGH:
                    break
        return best

    def add(self, r: Rendering) -> None:
        key = (r.speaker, r.stems)
        ci = self.seen.get(key, -1)  # the same words already clustered (wire copy): no need to search
        if ci >= 0:
            while self.clusters[ci].merged_into >= 0:
                ci = self.clusters[ci].merged_into
            if not self._same_article_ok(r, self.clusters[ci]):
                ci = -1
        if ci < 0:
            ci = self.best(r, self.candidates(r, BUDGET))
        if ci < 0:
            self.clusters.append(_Cluster([r], [r], {r.article}))
            self._index(len(self.clusters) - 1, r)
            self.seen.setdefault(key, len(self.clusters) - 1)
            return
        self.seen.setdefault(key, ci)
        c = self.clusters[ci]
        c.members.append(r)
        c.articles.add(r.article)
        if len(c.reps) < SEED_REPS or (len(c.reps) < MAX_REPS and len(r.content - c.words) >= WIDEN):
            c.reps.append(r)  # another part of the speech: later excerpts of that part must find it
            self._index(ci, r)

    def merge_pass(self) -> None:
        """Merge a cluster into a larger one its leader matches, found with wider blocking than on the
        first pass (``MERGE_BUDGET``)."""
        for ci, c in enumerate(self.clusters):
            if c.merged_into >= 0:
                continue
            lead = c.reps[0]
            cands = [x for x in self.candidates(lead, MERGE_BUDGET) if x != ci]
            ti = -1
            best_s = THRESHOLD
            for x in cands:
                t = self.clusters[x]
                if t.merged_into >= 0 or len(t.members) < len(c.members):
                    continue  # the smaller cluster moves into the larger one
                if t.articles & c.articles and not all(self._same_article_ok(m, t) for m in c.members):
                    continue
                s = self._score(lead, t, best_s)
                if s >= best_s:
                    ti, best_s = x, s
            if ti < 0:
                continue
            t = self.clusters[ti]
            t.members.extend(c.members)
            t.articles |= c.articles
            for r in c.reps:
                if len(t.reps) < MAX_REPS and len(r.content - t.words) >= WIDEN:
                    t.reps.append(r)
                    self._index(ti, r)
            c.merged_into = ti
            c.members, c.reps = [], []

    def groups(self) -> list[list[Rendering]]:
        return [c.members for c in self.clusters if c.merged_into < 0]


def group(renderings: list[Rendering], scorer: Scorer) -> list[list[Rendering]]:
    """Longest-first leader clustering with blocking on rare content words and on the speaker, then a
    pass merging clusters whose leaders match (see the module docstring)."""
    order = sorted(renderings, key=lambda r: (not r.full, -len(r.content), -r.size, r.article, r.quote_i))
    g = _Grouper(scorer)
    for r in order:
        g.add(r)
    g.merge_pass()
    return g.groups()


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
    """The matching blocks (a start, b start, size) of a longest common subsequence of two word lists."""
    return [(x.a, x.b, x.size) for x in LCSseq.opcodes(a, b).as_matching_blocks() if x.size]


def _consensus_window(med: Rendering, members: list[Rendering]) -> tuple[int, int]:
    lo, hi = med.size, 0
    for m in members:
        if m is med:
            continue
        bl = [b for b in _blocks(med.stems, m.stems) if b[2] >= 2 or med.size <= 3]
        if bl:
            lo = min(lo, bl[0][0])
            hi = max(hi, bl[-1][0] + bl[-1][2])
            if lo == 0 and hi == med.size:
                break  # the whole medoid is carried: the window cannot widen
    return (lo, hi) if hi > lo else (0, med.size)


@dataclass
class Consensus:
    rendering: Rendering
    lo: int
    hi: int
    cid: str = ""  # the cluster's id

    @property
    def stems(self) -> list[str]:
        return self.rendering.stems[self.lo:self.hi]

    def text(self, docs) -> str:
        r = self.rendering
        if not r.stems:
            return r.quote.text
        s, e = r.offsets[2 * self.lo], r.offsets[2 * self.hi - 1]
        if r.qmark[self.hi - 1] and "?" in docs[r.doc_i].text[e:e + 2]:
            e = docs[r.doc_i].text.index("?", e) + 1
        return normalize(docs[r.doc_i].text[s:e])


def _words_text(words: list[tuple[str, int, int]], i: int, j: int) -> str:
    return " ".join(w for w, _, _ in words[i:j])


class ConsensusWords:
    """The content words of every cluster's consensus, indexed: which other cluster carries a stretch."""

    def __init__(self, sets: list[tuple[str, frozenset]]):
        self.sets = sets
        self.index: dict[str, list[int]] = defaultdict(list)
        for i, (_, cs) in enumerate(sets):
            for t in cs:
                self.index[t].append(i)

    def carrying(self, words: frozenset, skip: str | None = None) -> str | None:
        """The first cluster (other than ``skip``) whose consensus holds half of ``words`` (two at least)."""
        need = max(2, 0.5 * len(words))
        hits: Counter = Counter()
        for t in words:
            hits.update(self.index.get(t, ()))
        found = [i for i, n in hits.items() if n >= need and self.sets[i][0] != skip]
        return self.sets[min(found)][0] if found else None


def compare(r: Rendering, cons: Consensus, cons_words: list[str], other_sets: ConsensusWords,
            scorer: Scorer) -> tuple[float, list[dict]]:
    """Fidelity of rendering ``r`` to the consensus, with its typed differences."""
    C = cons.stems
    words = r.words
    cq = cons.rendering.qmark[cons.lo:cons.hi]
    diffs: list[dict] = []
    blocks = _blocks(r.stems, C)
    matched = sum(b[2] for b in blocks)
    if not blocks or matched < 2 and min(len(C), r.size) > 2:
        s = scorer.sim(r, cons.rendering)
        diffs.append({"type": "paraphrase", "rendering": _words_text(words, 0, r.size), "consensus": " ".join(cons_words),
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
        d = {"type": typ, "rendering": _words_text(words, *rw), "consensus": cw}
        if rw[1] > rw[0]:
            d["start"], d["end"] = words[rw[0]][1], words[rw[1] - 1][2]
        diffs.append(d)
    # polarity: negators inside the shared window, the consensus side widened by the words just around it
    neg_r = sum(1 for s in R if s == "not")
    neg_c = sum(1 for s in C[max(0, c0 - 2):min(len(C), c1 + 1)] if s == "not")
    penalty = 0.0
    if bool(neg_r) != bool(neg_c):
        penalty += 0.30
        diffs.append({"type": "negation", "rendering": _words_text(words, r0, r1), "consensus": " ".join(cons_words[c0:c1]),
                      "start": words[r0][1], "end": words[r1 - 1][2],
                      "note": f"{neg_r} negator(s) against {neg_c} in the consensus"})
    q_r = any(r.qmark[r0:r1]) or (r1 == r.size and r.qmark[-1])
    q_c = any(cq[c0:c1])
    if q_r != q_c:
        penalty += 0.15
        diffs.append({"type": "question", "rendering": _words_text(words, r0, r1), "consensus": " ".join(cons_words[c0:c1]),
                      "start": words[r0][1], "end": words[r1 - 1][2],
                      "note": "statement turned into a question" if q_r else "question turned into a statement"})
    if matched < 0.5 * min(len(C), r.size):
        diffs.append({"type": "paraphrase", "rendering": _words_text(words, r0, r1), "consensus": " ".join(cons_words[c0:c1]),
                      "start": words[r0][1], "end": words[r1 - 1][2]})
    # beyond the window: words the rendering adds, or another quotation joined on
    for a, b in ((0, r0), (r1, r.size)):
        if b - a <= 0:
            continue
        part = r.stems[a:b]
        joined_by_ellipsis = any(a < i <= b for i in r.ellipses) or r0 in r.ellipses or r1 in r.ellipses
        other = None
        if b - a >= 4:
            stop = _stopwords()
            ps = frozenset(s for s, (w, _, _) in zip(part, words[a:b], strict=False) if w.lower() not in stop)
            other = other_sets.carrying(ps, cons.cid) if ps else None
        d = {"rendering": _words_text(words, a, b), "consensus": "", "start": words[a][1], "end": words[b - 1][2]}
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
    shared: dict = {}
    for di, d in enumerate(docs):
        notes = translation_notes(d)
        for qi, q in enumerate(d.quotes):
            q.cluster, q.fidelity = None, None
            q.differences = [dict(n) for n in notes]
            r = _rendering(d, di, qi, q, shared)
            if r.content:
                renderings.append(r)
    del shared
    scorer = Scorer(renderings)
    groups = [g for g in group(renderings, scorer) if len({m.article for m in g}) >= 2]
    del renderings  # the uncorroborated ones are done with
    prepared = []
    for g in groups:
        med = _medoid(g, scorer)
        lo, hi = _consensus_window(med, g)
        cons = Consensus(med, lo, hi)
        text = cons.text(docs)
        sp = Counter(m.quote.speaker for m in g if m.quote.speaker).most_common(1)
        speaker = sp[0][0] if sp else None
        cid = cons.cid = _cluster_id(speaker, text)
        prepared.append((cid, g, cons, text, speaker))
    stop = _stopwords()
    sets = ConsensusWords([(cid, frozenset(s for s, w in zip(cons.stems, cons.rendering.words[cons.lo:cons.hi],
                                                           strict=False) if w[0].lower() not in stop))
                           for cid, _, cons, _, _ in prepared])
    out = []
    del groups
    prepared.reverse()
    while prepared:  # each cluster's renderings are let go once its members are written
        cid, g, cons, text, speaker = prepared.pop()
        cons_words = [w for w, _, _ in cons.rendering.words[cons.lo:cons.hi]]
        members = []
        for m in sorted(g, key=lambda m: (m.article, m.quote.start)):
            fid, diffs = compare(m, cons, cons_words, sets, scorer)
            q = m.quote
            q.cluster, q.fidelity = cid, fid
            q.differences = diffs + [d for d in q.differences if d["type"] == "translated"]
            members.append({"article": m.article, "quote": m.quote_i, "text": q.text, "start": q.start,
                            "end": q.end, "speaker": q.speaker, "fidelity": fid, "differences": q.differences})
        out.append(QuoteCluster(id=cid, consensus=text, speaker=speaker, members=members, method=METHOD))
    out.sort(key=lambda c: (-len(c.members), c.id))
    return out
