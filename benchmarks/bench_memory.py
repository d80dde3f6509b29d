"""Where a whole run's memory peaks: the resident set of the main process, phase by phase.

    python benchmarks/bench_memory.py 10000            # this checkout
    PYTHONPATH=OLD_TREE python benchmarks/bench_memory.py 10000   # another source tree, same texts

Generates N articles (seed 5), audits them (article stage on both cores, then the corpus stage), writes
the JSON export and saves the run to a fresh SQLite file, as ``audit score`` does, while a thread samples
the process's resident set every 50 ms. Prints the highest resident set seen in each phase: the article
stage (with the articles generated), text reuse, quote clustering, claims, the graph, the export, the
store write (a phase "after X" is what follows X until the next named phase). The article stage's workers
are separate processes, not counted by phase; the last line gives the peak of the whole process tree
(main process and workers, each page counted once). Memory is the figure; times are not reported (the
sampler and other work disturb them).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def pss_mb(pid: str) -> float:
    """The proportional set size: the process's resident pages, each shared page divided among the
    processes that share it (a worker forked from the main process shares its pages until it writes)."""
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    return 0.0


def tree_mb() -> float:
    """The memory of this process and of all its descendants (the article stage's workers): their
    proportional set sizes summed, so a page shared after the fork is counted once."""
    total, todo = 0.0, [str(os.getpid())]
    while todo:
        pid = todo.pop()
        try:
            total += pss_mb(pid)
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as f:
                    todo += f.read().split()
        except OSError:  # gone meanwhile
            continue
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, nargs="?", default=10000, help="generated articles")
    a = ap.parse_args()

    from throughput import articles

    import auditor.corpus.claims as claims
    import auditor.corpus.quotes as quotes
    import auditor.corpus.reuse as reuse
    import auditor.engine as engine
    import auditor.graph as graph
    from auditor import export, store
    from auditor.config import Config
    from auditor.rules import load_rules

    phase, peaks, tree = ["start"], {}, [0.0, ""]

    def sample() -> None:
        while True:
            peaks[phase[0]] = max(peaks.get(phase[0], 0.0), rss_mb())
            t = tree_mb()
            if t > tree[0]:
                tree[:] = [t, phase[0]]
            time.sleep(0.05)

    threading.Thread(target=sample, daemon=True).start()

    def during(module, name: str, label: str) -> None:
        fn = getattr(module, name)

        def wrapper(*args, **kwargs):
            phase[0] = label
            try:
                return fn(*args, **kwargs)
            finally:
                phase[0] = f"corpus stage, after {label}"

        setattr(module, name, wrapper)

    during(reuse, "detect_reuse", "text reuse")
    during(quotes, "cluster_quotes", "quote clustering")
    during(claims, "corpus_claims", "claims")
    during(graph, "build_graph", "the citation graph")
    during(graph, "graph_to_dict", "the graph's rows")
    arts = articles(a.n, seed=5)
    phase[0] = "article stage"
    run = engine.audit(arts, load_rules(), Config(), jobs=2)
    del arts
    work = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    phase[0] = "JSON export"
    export.write_json(run, work / "out.json")
    phase[0] = "store write"
    store.save_run(run, f"sqlite:///{work / 'run.db'}")
    phase[0] = "end"
    time.sleep(0.2)
    top = max(peaks.values())
    print(f"{a.n:,} generated articles; peak resident set of the main process by phase (MB):")
    for label, mb in peaks.items():
        print(f"  {mb:8.0f}{'  <- peak' if mb == top else ''}  {label}")
    print(f"whole process tree (the main process and the workers, proportional set sizes summed): peak "
          f"{tree[0]:,.0f} MB ({tree[1]})")


if __name__ == "__main__":
    main()
