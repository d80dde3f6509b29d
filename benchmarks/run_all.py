"""Every benchmark in one run (``nox -s bench``); figures go into benchmarks/README.md.

    python benchmarks/run_all.py            # the quick set: minutes
    python benchmarks/run_all.py --large    # the sizes the README quotes (10k and 100k articles): an hour or more
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(title: str, *args: str) -> None:
    print(f"\n== {title}: python benchmarks/{' '.join(args)}", flush=True)
    t = time.perf_counter()
    subprocess.run([sys.executable, str(HERE / args[0]), *args[1:]], check=True)
    print(f"   ({time.perf_counter() - t:.0f} s)", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--large", action="store_true")
    large = ap.parse_args().large
    run("HTML extraction on Zyte's 181 pages", "html_extraction.py")
    run("throughput and scaling", "throughput.py", "--n", "2000", *(["--full", "10000", "100000"] if large
                                                                     else ["--full", "1000", "10000"]))
    run("quote clustering", "bench_quotes.py", "--articles", "100000" if large else "10000")
    run("echo graph", "bench_graph.py", *([] if large else ["--accuracy", "2000", "--scale", "1000,10000"]))
    run("HTML report", "bench_report.py")
    run("sentence splitters against syntok", "bench_sentences.py")
    run("memory of a whole run, by phase", "bench_memory.py", "20000" if large else "5000")
    run("web archive in bounded memory", "bench_warc.py", "--sizes", "100,1024" if large else "20,100")


if __name__ == "__main__":
    main()
