"""Render the HTML report of a synthetic 1,000-article run and print how long it took (target: < 60 s).

    .venv/bin/python benchmarks/bench_report.py [N] [OUT_DIR]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from auditor.report import render_site
from auditor.report.sample import synthetic_run


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    t0 = time.perf_counter()
    run = synthetic_run(n)
    t1 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tmp) / "report"
        index = render_site(run, out)
        t2 = time.perf_counter()
        files = list(out.rglob("*.html"))
        size = sum(f.stat().st_size for f in files)
        findings = sum(len(r.findings) for r in run.results)
        print(f"synthetic run: {n} articles, {findings} findings, {len(run.graph['edges'])} graph edges "
              f"({t1 - t0:.2f}s to build)")
        print(f"render_site: {t2 - t1:.2f}s for {len(files)} pages, {size / 1e6:.1f} MB "
              f"(index {index.stat().st_size / 1e6:.2f} MB) -> {'OK' if t2 - t1 < 60 else 'SLOW'} (target < 60s)")


if __name__ == "__main__":
    main()
