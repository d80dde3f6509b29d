"""Quote clustering at scale: a synthetic corpus with known truth, clustered, timed and scored.

    python benchmarks/bench_quotes.py --articles 10000 100000 [--utterances 3000] [--seed 7] [--json out.json]

The generator draws a few thousand utterances (12-30 words from a Zipf-distributed vocabulary, each with a
speaker) and writes every article as a handful of quotations of them, each rendering altered at random the
way outlets alter quotes: cut to an excerpt (and then quoted as a partial quote), one or two words
substituted, a negator dropped or added, a statement turned into a question. It knows which utterance
every rendering came from, so the clustering's pair precision and recall are exact:

    precision = pairs of renderings put in one cluster that come from one utterance / pairs put together
    recall    = pairs of renderings of one utterance (in different articles) put in one cluster / such pairs

Only the corpus stage is measured (``auditor.corpus.quotes.cluster_quotes``): the articles are given to it
with their quotations already extracted, as the article stage would leave them. Prints, for each size, the
wall and CPU time of the clustering, memory (the corpus as generated, the process's peak while clustering,
and the clustering's own peak: that peak less the memory held before it started, read from ``/proc``) and
the pair figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from auditor.models import Article, Quote

SPEAKERS = [f"{f} {s}" for f, s in zip(
    ["Mark", "Anna", "Jonas", "Olena", "Pierre", "Maria", "Kenji", "Amara", "Lukas", "Sofia", "Ahmed", "Ines"] * 20,
    [f"Speaker{i:03d}" for i in range(240)], strict=False)]
NEGATORS = ("not", "never")


def _vocab(rng: random.Random, n: int) -> list[str]:
    syll = ["ka", "lo", "mi", "ra", "te", "su", "vo", "ne", "di", "pa", "shi", "ber", "gan", "tor", "lin", "mar"]
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(syll) for _ in range(rng.randint(2, 4))))
    return sorted(words)


FUNCTION = ["the", "a", "of", "to", "and", "in", "we", "will", "is", "that", "our", "for", "with", "be", "it"]


@dataclass
class Utterance:
    uid: int
    speaker: str
    words: list[str]


@dataclass
class BenchDoc:
    """What cluster_quotes reads of a Doc: the article, its text and normalised text, its quotations."""

    article: Article
    quotes: list[Quote] = field(default_factory=list)
    boilerplate: list = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def norm(self) -> str:
        return self.article.text

    def in_boilerplate(self, span) -> bool:
        return False

    def sentence_at(self, pos):
        return None


def make_utterances(rng: random.Random, n: int, vocab: list[str]) -> list[Utterance]:
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(vocab))]
    out = []
    for uid in range(n):
        k = rng.randint(12, 30)
        content = rng.choices(vocab, weights=weights, k=k)
        words = []
        for w in content:
            words.append(w)
            if rng.random() < 0.45:
                words.append(rng.choice(FUNCTION))
        if rng.random() < 0.3:
            words.insert(rng.randint(1, len(words) - 1), "not")
        out.append(Utterance(uid, rng.choice(SPEAKERS), words))
    return out


def render(rng: random.Random, u: Utterance, vocab: list[str]) -> tuple[list[str], str]:
    words = list(u.words)
    kind = "direct"
    r = rng.random()
    if r < 0.2:  # an excerpt quoted inside the author's sentence
        k = rng.randint(6, max(6, min(10, len(words))))
        i = rng.randint(0, len(words) - k)
        words, kind = words[i:i + k], "partial"
    elif r < 0.5:  # a cut
        k = rng.randint(int(len(words) * 0.6), len(words))
        i = rng.randint(0, len(words) - k)
        words = words[i:i + k]
    for _ in range(rng.choice((0, 0, 1, 2))):
        words[rng.randrange(len(words))] = rng.choice(vocab)
    if rng.random() < 0.05:
        if "not" in words:
            words.remove("not")
        else:
            words.insert(rng.randint(1, len(words) - 1), "not")
    return words, kind


def make_corpus(n_articles: int, n_utt: int, seed: int):
    rng = random.Random(seed)
    vocab = _vocab(rng, 20000)
    utts = make_utterances(rng, n_utt, vocab)
    pop = [1.0 / (i + 1) ** 0.7 for i in range(n_utt)]
    docs, truth = [], {}
    for a in range(n_articles):
        aid = f"a{a:06d}"
        chosen = set()
        while len(chosen) < rng.randint(3, 6):
            chosen.add(rng.choices(range(n_utt), weights=pop)[0])
        parts, quotes = [], []
        pos = 0
        for uid in sorted(chosen):
            u = utts[uid]
            words, kind = render(rng, u, vocab)
            body = " ".join(words)
            question = kind == "direct" and rng.random() < 0.03
            lead = "The speaker said that " if kind == "partial" else ""
            end = "?" if question else ""
            sent = f'{lead}"{body}{end}," {u.speaker} said. '
            s = pos + len(lead) + 1
            quotes.append(Quote(text=body + end, start=s, end=s + len(body) + len(end), speaker=u.speaker,
                                cue="said", kind=kind))
            parts.append(sent)
            pos += len(sent)
        text = "".join(parts)
        doc = BenchDoc(Article(id=aid, text=text), quotes)
        docs.append(doc)
        for qi, _ in enumerate(quotes):
            truth[(aid, qi)] = sorted(chosen)[qi]
    return docs, truth


def pair_scores(docs, truth) -> tuple[float, float, int, int]:
    pred = {}
    for d in docs:
        for qi, q in enumerate(d.quotes):
            pred[(d.article.id, qi)] = q.cluster or f"single:{d.article.id}:{qi}"

    def pairs(c: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in c.values())

    both = pairs(Counter((pred[k], truth[k]) for k in truth))
    p_pairs = pairs(Counter(pred.values()))
    t_pairs = pairs(Counter(truth.values()))
    return (both / p_pairs if p_pairs else 0.0), (both / t_pairs if t_pairs else 0.0), p_pairs, t_pairs


def _memory() -> dict[str, float]:
    """Resident and peak resident memory of this process, MiB (Linux ``/proc``; ``getrusage`` elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            st = dict(line.split(":", 1) for line in f if ":" in line)
        return {"rss": int(st["VmRSS"].split()[0]) / 1024, "peak": int(st["VmHWM"].split()[0]) / 1024}
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return {"rss": peak, "peak": peak}


def _reset_peak() -> bool:
    """Start a new peak-memory window (Linux: ``/proc/self/clear_refs``); False where that cannot be done."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
        return True
    except OSError:
        return False


def run(n_articles: int, n_utt: int, seed: int) -> dict:
    """Generate, cluster and score one corpus; the figures as a dict."""
    from auditor.corpus.quotes import cluster_quotes

    i0, m0 = time.process_time(), _memory()["rss"]
    import sklearn.feature_extraction.text  # noqa: F401  (the TF-IDF pass's library: a one-off cost, timed apart)
    import_s, import_mib = time.process_time() - i0, _memory()["rss"] - m0
    t0 = time.perf_counter()
    docs, truth = make_corpus(n_articles, n_utt, seed)
    t1 = time.perf_counter()
    gc.collect()
    before = _memory()
    windowed = _reset_peak()
    c0 = time.process_time()
    clusters = cluster_quotes(docs)
    c1 = time.process_time()
    t2 = time.perf_counter()
    after = _memory()
    p, r, pp, tp = pair_scores(docs, truth)
    return {"articles": n_articles, "quotations": sum(len(d.quotes) for d in docs), "utterances": n_utt,
            "seed": seed, "import_s": import_s, "import_mib": import_mib, "generate_s": t1 - t0, "cluster_s": t2 - t1, "cluster_cpu_s": c1 - c0,
            "clusters": len(clusters), "rss_before_mib": before["rss"], "peak_mib": after["peak"],
            "cluster_mib": after["peak"] - before["rss"] if windowed else None,
            "precision": p, "recall": r, "predicted_pairs": pp, "true_pairs": tp}


def report(x: dict) -> str:
    own = f"{x['cluster_mib']:,.0f} MiB" if x["cluster_mib"] is not None else "n/a"
    return "\n".join((
        f"articles {x['articles']:,}  quotations {x['quotations']:,}  utterances {x['utterances']:,}  seed {x['seed']}",
        f"generate {x['generate_s']:.1f}s  cluster {x['cluster_s']:.1f}s wall, {x['cluster_cpu_s']:.1f}s CPU  "
        f"({x['quotations'] / max(x['cluster_s'], 1e-9):,.0f} quotations/s)",
        f"libraries imported first (scikit-learn): {x['import_s']:.1f}s CPU, {x['import_mib']:,.0f} MiB",
        f"clusters {x['clusters']:,}  memory: corpus {x['rss_before_mib']:,.0f} MiB, peak {x['peak_mib']:,.0f} MiB, "
        f"clustering's own peak {own}",
        f"pair precision {x['precision']:.3f}  recall {x['recall']:.3f}  "
        f"(predicted pairs {x['predicted_pairs']:,}, true pairs {x['true_pairs']:,})"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, nargs="+", default=[10000],
                    help="corpus size(s), each run in turn: --articles 10000 100000")
    ap.add_argument("--utterances", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", help="also write the figures to this file")
    a = ap.parse_args(argv)
    rows = []
    for n in a.articles:
        rows.append(run(n, a.utterances, a.seed))
        print(report(rows[-1]), flush=True)
        gc.collect()
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(rows, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
