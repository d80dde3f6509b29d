"""HTML extraction quality and speed on Zyte's article-extraction benchmark (181 real pages).

    python benchmarks/html_extraction.py [--bench ../shared/bench/zyte] [--worst 10]

Prints the mean shingle F1, precision and recall of the located article body against the true body, the
mean absolute error of the page's boilerplate ratio, and pages per second (measures defined in
``auditor.ingest.quality``). Published figures on the same pages: trafilatura 2.0.0 F1 0.958; boilerplate
ratio MAE trafilatura 0.034, readability 0.050.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from auditor.ingest.quality import run_zyte

DEFAULT_BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "zyte"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="folder with html/ and ground-truth.json")
    ap.add_argument("--worst", type=int, default=10, help="list this many pages with the lowest F1")
    args = ap.parse_args(argv)
    if not (args.bench / "ground-truth.json").is_file():
        print(f"no benchmark at {args.bench}", file=sys.stderr)
        return 2
    r = run_zyte(args.bench)
    print(f"pages      {len(r.pages)}")
    print(f"F1         {r.mean('f1'):.4f}")
    print(f"precision  {r.mean('precision'):.4f}")
    print(f"recall     {r.mean('recall'):.4f}")
    print(f"ratio MAE  {r.mean('ratio_error'):.4f}")
    print(f"pages/s    {r.pages_per_second:.1f}  ({r.seconds:.1f} s)")
    print(f"extractor  {dict(Counter(p.extractor for p in r.pages))}")
    for p in sorted(r.pages, key=lambda p: p.f1)[: args.worst]:
        print(f"  {p.id[:16]}  F1 {p.f1:.3f}  P {p.precision:.3f}  R {p.recall:.3f}  ratio err {p.ratio_error:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
