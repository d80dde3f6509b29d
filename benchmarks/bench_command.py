"""The whole ``audit score`` command on generated coverage, with where its time goes, against jusText.

    python benchmarks/bench_command.py 5000                        # this checkout
    python benchmarks/bench_command.py 5000 --before /tmp/old-src   # + another source tree, same texts, same run
    python benchmarks/bench_command.py 5000 --profile prof.out      # + a cProfile of the whole command

Each measurement runs ``audit score corpus.jsonl --json OUT --db sqlite:///FRESH.db`` in a fresh process
(default jobs: all cores), with timers wrapped around the phases (no profiler overhead unless
``--profile``): ingest, the article stage, the corpus stage, the JSON export (``export.write_json``) and
the store write (``store.save_run``); the rest is the table and start-up. jusText (boilerplate only) runs
on the same texts in the same run. Prints one line per measurement and a JSON line per source tree.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _timed(module, name: str, bucket: dict[str, float]) -> None:
    fn = getattr(module, name)

    def wrapper(*a, **k):
        t = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            bucket[name] = bucket.get(name, 0.0) + time.perf_counter() - t

    setattr(module, name, wrapper)


def one(corpus: Path, work: Path, profile: str | None) -> dict:
    """Run the command in this process (started fresh by ``main``) and return the phase timings."""
    import auditor.cli as cli
    import auditor.engine as engine
    import auditor.export as export
    import auditor.store as store

    times: dict[str, float] = {}
    _timed(cli, "_ingest", times)
    _timed(engine, "audit", times)
    _timed(engine, "corpus_stage", times)
    _timed(export, "write_json", times)
    _timed(store, "save_run", times)
    db = work / "bench.db"
    for p in work.glob("bench.db*"):
        p.unlink()
    argv = ["score", str(corpus), "--json", str(work / "out.json"), "--db", f"sqlite:///{db}", "--limit", "3"]
    t = time.perf_counter()
    if profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    try:
        cli.app(argv, standalone_mode=False)
    except SystemExit:
        pass
    if profile:
        prof.disable()
        prof.dump_stats(profile)
    total = time.perf_counter() - t
    n = sum(1 for _ in corpus.open(encoding="utf-8"))
    out = {"articles": n, "seconds": round(total, 2), "articles_per_s": round(n / total, 1),
           "ingest": times.get("_ingest", 0.0), "article_stage": times.get("audit", 0.0) - times.get("corpus_stage", 0.0),
           "corpus_stage": times.get("corpus_stage", 0.0), "json_export": times.get("write_json", 0.0),
           "store_write": times.get("save_run", 0.0)}
    out["rest"] = total - sum(out[k] for k in ("ingest", "article_stage", "corpus_stage", "json_export", "store_write"))
    for k in ("ingest", "article_stage", "corpus_stage", "json_export", "store_write", "rest"):
        out[k] = round(out[k], 2)
        out[k + "_share"] = round(out[k] / total, 3)
    return out


def justext_rate(corpus: Path) -> float:
    import justext

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    stop = justext.get_stoplist("English")
    pages = ["<html><body>" + "".join(f"<p>{p}</p>" for p in t.split("\n") if p.strip()) + "</body></html>"
             for t in texts]
    t = time.perf_counter()
    for page in pages:
        justext.justext(page, stop)
    return len(pages) / (time.perf_counter() - t)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, nargs="?", default=5000, help="generated articles")
    ap.add_argument("--before", type=Path, help="another source tree (its auditor package) to measure too")
    ap.add_argument("--profile", help="write a cProfile of this checkout's run here")
    ap.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        print(json.dumps(one(Path(a.one[0]), Path(a.one[1]), a.profile)))
        return
    from generate_corpus import generate, write

    work = Path(tempfile.mkdtemp(prefix="bench-command-"))
    records, truth = generate(a.n, seed=1)
    corpus, _ = write(records, truth, work / "corpus.jsonl")
    trees = ([("before", a.before)] if a.before else []) + [("this checkout", HERE.parent)]
    results = {}
    for label, src in trees:
        env = dict(os.environ, PYTHONPATH=str(Path(src).resolve()))
        cmd = [sys.executable, __file__, "--one", str(corpus), str(work)]
        if a.profile and label == "this checkout":
            cmd += ["--profile", a.profile]
        res = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=work)
        if res.returncode:
            sys.exit(f"{label}: failed\n{res.stderr[-3000:]}")
        r = json.loads(res.stdout.strip().splitlines()[-1])
        results[label] = r
        print(f"{label:14} {r['articles']:,} articles: {r['seconds']:7.1f} s = {r['articles_per_s']:6.1f} articles/s | "
              + "  ".join(f"{k} {r[k]:.1f} s ({r[k + '_share']:.0%})" for k in
                          ("ingest", "article_stage", "corpus_stage", "json_export", "store_write", "rest")),
              flush=True)
    jt = justext_rate(corpus)
    print(f"jusText on the same texts: {jt:.1f} articles/s; whole command / jusText = "
          + ", ".join(f"{label} {r['articles_per_s'] / jt:.2f}" for label, r in results.items()))
    print(json.dumps({"justext_articles_per_s": round(jt, 1), **results}))


if __name__ == "__main__":
    main()
