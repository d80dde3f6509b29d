"""Echo detection and graph building on generated corpora: accuracy against the truth, and scaling.

    python benchmarks/bench_graph.py                      # accuracy on 10,000 + scaling 10,000 -> 100,000
    python benchmarks/bench_graph.py --accuracy 2000 --scale 1000,10000   # a quicker run

Accuracy (``--accuracy N``, on ``Doc`` objects built straight from the records, so quotations come from
the quotation extractor): echo edge precision and recall against the generator's truth (an edge counts
when it joins the right two articles), and direction accuracy on the true edges found: ``strict``
counts an undirected edge as wrong, ``of directed`` leaves undirected ones out.

Scaling (``--scale A,B``, each size in its own process so that memory figures do not mix): the
whole ``build_graph`` on bare ``Article`` records (quotations masked by the quotation-mark pattern in
``auditor.corpus.reuse``, not the extractor), wall and CPU seconds, peak memory of the process (corpus
text included), and the time ratio between sizes. Targets: P, R, direction >= 0.9; 100,000 articles in
under 3 minutes and 4 GB; 10x articles well under 20x the time.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate_corpus import generate  # noqa: E402


def _articles(records):
    from auditor.models import Article

    return [Article(id=r["id"], text=r["text"], outlet=r["outlet"], published=r.get("published"),
                    format="jsonl") for r in records]


def accuracy(n: int, seed: int = 1) -> dict:
    from auditor.corpus.reuse import detect_reuse
    from auditor.text.document import Doc

    records, truth = generate(n, seed=seed)
    docs = [Doc(a) for a in _articles(records)]
    t0 = time.perf_counter()
    res = detect_reuse(docs)
    dt = time.perf_counter() - t0
    true_pairs = {frozenset(e) for e in truth}
    true_dir = set(truth)
    found = {frozenset((e.copy, e.source)): e for e in res.echoes}
    tp = true_pairs & found.keys()
    right = sum(1 for k in tp if found[k].directed and (found[k].copy, found[k].source) in true_dir)
    directed = sum(1 for k in tp if found[k].directed)
    return {"articles": n, "true_edges": len(truth), "found_edges": len(found), "seconds": round(dt, 2),
            "candidates": res.candidates, "precision": round(len(tp) / max(1, len(found)), 4),
            "recall": round(len(tp) / max(1, len(true_pairs)), 4),
            "direction_strict": round(right / max(1, len(tp)), 4),
            "direction_of_directed": round(right / max(1, directed), 4),
            "undirected_share": round(1 - directed / max(1, len(tp)), 4), "timings": res.timings}


def _peak_mb() -> float:
    """Peak resident memory of this process (VmHWM: unlike ru_maxrss it does not carry the parent's
    peak across fork and exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scale_one(n: int, seed: int = 2) -> dict:
    """Build the whole graph for ``n`` generated articles (run in a fresh process)."""
    from auditor.graph import build_graph, graph_metrics
    from auditor.models import ArticleResult, RunResult

    records, _ = generate(n, seed=seed)
    run = RunResult(run_id=f"bench-{n}", results=[ArticleResult(article=a) for a in _articles(records)])
    del records
    w0, c0 = time.perf_counter(), time.process_time()
    G = build_graph(run, None)
    metrics = graph_metrics(G)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    peak_mb = _peak_mb()
    return {"articles": n, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "peak_mb": round(peak_mb),
            "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
            "echo_edges": metrics["counts"]["edges"].get("echoes", 0), "stories": len(metrics["stories"])}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--accuracy", type=int, default=10000, help="articles for the accuracy run (0: skip)")
    ap.add_argument("--scale", default="10000,100000", help="sizes for the scaling run ('' skips it)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: one scaling size
    a = ap.parse_args(argv)
    if a.one:
        print(json.dumps(scale_one(a.one)))
        return
    if a.accuracy:
        r = accuracy(a.accuracy)
        print(f"accuracy on {r['articles']} articles: {r['true_edges']} true echo edges, {r['found_edges']} found "
              f"({r['candidates']} candidate pairs aligned, {r['seconds']} s)")
        print(f"  precision {r['precision']:.3f}  recall {r['recall']:.3f}  (target >= 0.9 each)")
        print(f"  direction {r['direction_strict']:.3f} strict, {r['direction_of_directed']:.3f} of directed "
              f"edges; {r['undirected_share']:.1%} left undirected (target >= 0.9)")
        print(f"  stages: {r['timings']}")
    sizes = [int(x) for x in a.scale.split(",") if x.strip()]
    rows = []
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True,
                             check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        r = rows[-1]
        print(f"build_graph {r['articles']:>7} articles: {r['wall_s']:>6} s wall, {r['cpu_s']:>6} s CPU, "
              f"peak {r['peak_mb']} MB; {r['nodes']} nodes, {r['edges']} edges, {r['echo_edges']} echoes, "
              f"{r['stories']} stories")
    for r0, r1 in zip(rows, rows[1:], strict=False):
        k = r1["articles"] / r0["articles"]
        print(f"  {k:.0f}x articles -> {r1['wall_s'] / max(r0['wall_s'], 1e-9):.1f}x wall time, "
              f"{r1['cpu_s'] / max(r0['cpu_s'], 1e-9):.1f}x CPU time (target well under {2 * k:.0f}x)")


if __name__ == "__main__":
    main()
