"""Throughput and scaling of the whole audit on generated coverage (~3 kB articles).

    python benchmarks/throughput.py                      # article stage vs jusText on 2,000 articles
    python benchmarks/throughput.py --full 10000 100000  # + the full audit at each size, and the scaling

Prints, on the same texts:
- auditor's article stage (every article rule, quotes, attributions, readability) in articles/s, on all
  cores (process pool), and jusText's articles/s (a peer that does boilerplate only: the ratio is the
  figure to watch);
- for each ``--full`` size: the full audit (article and corpus stages, graph included), its wall time and
  peak memory (resident set of this process and its workers), and the time ratio between sizes.
Each size runs in a fresh process so peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def articles(n: int, seed: int = 0):
    from generate_corpus import generate

    from auditor.models import Article

    records, _ = generate(n, seed=seed)
    return [Article(id=r["id"], text=r["text"], outlet=r.get("outlet"), published=r.get("published"))
            for r in records]


def article_stage_rate(arts, jobs: int) -> float:
    from auditor.engine import run_article_stage
    from auditor.rules import load_rules

    registry = load_rules()
    list(run_article_stage(arts[:50], registry, jobs=1))  # warm up: dictionaries, patterns
    t = time.perf_counter()
    n = sum(1 for _ in run_article_stage(arts, registry, jobs=jobs))
    return n / (time.perf_counter() - t)


def justext_rate(arts) -> float | None:
    try:
        import justext
    except ImportError:
        return None
    stop = justext.get_stoplist("English")
    pages = ["<html><body>" + "".join(f"<p>{p}</p>" for p in a.text.split("\n") if p.strip()) + "</body></html>"
             for a in arts]
    t = time.perf_counter()
    for page in pages:
        justext.justext(page, stop)
    return len(pages) / (time.perf_counter() - t)


def full_run(n: int) -> dict:
    """The whole audit of n generated articles, measured in this process."""
    from auditor.config import Config
    from auditor.engine import audit
    from auditor.rules import load_rules

    arts = articles(n, seed=1)
    t = time.perf_counter()
    run = audit(arts, load_rules(), Config())
    wall = time.perf_counter() - t
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"articles": n, "seconds": round(wall, 1), "articles_per_s": round(n / wall, 1),
            "peak_mb": round(peak_kb / 1024), "findings": sum(len(r.findings) for r in run.results),
            "echo_edges": sum(1 for e in run.graph.get("edges", []) if e.get("kind") == "echoes")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="articles for the article-stage comparison")
    ap.add_argument("--full", type=int, nargs="*", default=[], help="sizes of full audits to time")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        print(json.dumps(full_run(a.one)))
        return
    cores = os.cpu_count() or 1
    arts = articles(a.n)
    kb = sum(len(x.text.encode()) for x in arts) / len(arts) / 1024
    print(f"machine: {cores} cores; {a.n} generated articles, {kb:.1f} kB each on average")
    one = article_stage_rate(arts[: min(len(arts), 500)], jobs=1)
    allc = article_stage_rate(arts, jobs=cores)
    jt = justext_rate(arts)
    print(f"article stage, 1 process:     {one:8.1f} articles/s")
    print(f"article stage, {cores} processes:   {allc:8.1f} articles/s  (target 1,000)")
    if jt:
        print(f"jusText (boilerplate only):   {jt:8.1f} articles/s  -> auditor/jusText = {allc / jt:.2f}")
    prev = None
    for n in a.full:
        res = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        r = json.loads(res.stdout.strip().splitlines()[-1])
        line = (f"full audit {n:>7,} articles: {r['seconds']:8.1f} s  {r['articles_per_s']:7.1f} articles/s  "
                f"peak {r['peak_mb']:,} MB  ({r['findings']:,} findings, {r['echo_edges']:,} echo edges)")
        if prev:
            line += f"  time x{r['seconds'] / prev['seconds']:.1f} for x{n / prev['articles']:.0f} articles"
        print(line, flush=True)
        prev = r


if __name__ == "__main__":
    main()
