"""Reading a large web archive: time, and peak memory that does not grow with the archive.

    python benchmarks/bench_warc.py                    # a 100 MB and a 1 GB archive
    python benchmarks/bench_warc.py --sizes 50,200     # a quicker run (sizes in MB)

Each archive is generated with warcio's writer into a temporary folder (``--dir``, default the system's):
a crawl's mix of records, every page preceded by its request record, with real pages of the Zyte
benchmark (``../shared/bench/zyte``, each under a new URL; a small generated page when it is absent)
making up ``--html-share`` of the bytes (0.2 by default) and images (random bytes, so gzip cannot shrink
them) the rest, and every 50th page a 404 or a redirect. Each archive is then read in its own process
(one core), through ``auditor.ingest.iter_inputs``: every page through the HTML path (trafilatura), the
articles counted and dropped, as a caller that scores them in batches would. Reported per size: the
archive's size on disk, its records, the pages read, the seconds, and the process's peak resident
memory (``resource.getrusage``), which should stay flat from the small size to the large one: records
are streamed, never the archive loaded.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ZYTE = HERE.parent.parent / "shared" / "bench" / "zyte"
MB = 1024 * 1024


def _pages() -> list[bytes]:
    if (ZYTE / "html").is_dir():
        return [gzip.decompress(p.read_bytes()) for p in sorted((ZYTE / "html").glob("*.html.gz"))]
    words = "the council said on monday that the bridge would reopen after repairs to its supports".split()
    rng = random.Random(7)
    return [("<html><head><title>Page</title></head><body><article>"
             + "".join(f"<p>{' '.join(rng.choice(words) for _ in range(60))}.</p>" for _ in range(12))
             + "</article></body></html>").encode() for _ in range(50)]


def generate(path: Path, size_mb: int, html_share: float, seed: int = 1) -> int:
    """Write an archive of about ``size_mb`` MB; returns its number of records."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    pages = _pages()
    target = size_mb * MB
    records = n = html_bytes = other_bytes = 0
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)

        def response(url: str, status: str, ctype: str, body: bytes) -> None:
            nonlocal records
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
            records += 1

        def request(url: str) -> None:
            nonlocal records
            http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "bench.example.org")], is_http_request=True)
            w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=http))
            records += 1

        while fh.tell() < target:
            if html_bytes <= html_share * (html_bytes + other_bytes):
                url = f"https://news{n % 40}.example.org/story/{n}"
                body = pages[n % len(pages)]
                request(url)
                response(url, "200 OK", "text/html; charset=utf-8", body)
                html_bytes += len(body)
                if n % 50 == 0:
                    response(f"{url}/gone", "404 Not Found", "text/html", b"<html><body>Not found</body></html>")
                    response(f"{url}/old", "301 Moved Permanently", "text/html", b"")
                n += 1
            else:
                body = rng.randbytes(rng.randint(50_000, 600_000))
                response(f"https://img.example.org/{other_bytes}.jpg", "200 OK", "image/jpeg", body)
                other_bytes += len(body)
    return records


def read(path: Path) -> dict:
    """Read the archive as ``audit score`` does, dropping each article once counted."""
    from auditor.ingest import iter_inputs
    from auditor.models import Article

    start = time.perf_counter()
    articles = errors = warnings = 0
    for item in iter_inputs([path]):
        if isinstance(item, Article):
            articles += 1
        elif item.level == "error":
            errors += 1
        else:
            warnings += 1
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"articles": articles, "errors": errors, "skipped_kinds": warnings, "seconds": round(seconds, 1),
            "peak_rss_mb": round(peak, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1024", help="archive sizes in MB, comma-separated")
    ap.add_argument("--html-share", type=float, default=0.2, help="share of the bytes that are HTML pages")
    ap.add_argument("--dir", default=None, help="where to write the archives (deleted afterwards)")
    ap.add_argument("--read", default=None, help=argparse.SUPPRESS)  # the child process
    args = ap.parse_args()
    if args.read:
        print(json.dumps(read(Path(args.read))))
        return
    rows = []
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"bench-{size}.warc.gz"
            t = time.perf_counter()
            records = generate(path, size, args.html_share)
            made = time.perf_counter() - t
            env = {**os.environ, "OMP_NUM_THREADS": "1"}
            cmd = ["taskset", "-c", "0"] if _has_taskset() else []
            out = subprocess.run([*cmd, sys.executable, __file__, "--read", str(path)], capture_output=True,
                                 text=True, env=env, check=True).stdout
            row = {"size_mb": round(path.stat().st_size / MB), "records": records, "generated_s": round(made, 1),
                   **json.loads(out.strip().splitlines()[-1])}
            rows.append(row)
            print(json.dumps(row), flush=True)
            path.unlink()
    print("\n| archive | records | pages read | seconds | pages/s | peak RSS |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['size_mb']:,} MB | {r['records']:,} | {r['articles']:,} | {r['seconds']:,} | "
              f"{r['articles'] / max(r['seconds'], 0.1):.1f} | {r['peak_rss_mb']:,.0f} MB |")


def _has_taskset() -> bool:
    from shutil import which

    return which("taskset") is not None


if __name__ == "__main__":
    main()
