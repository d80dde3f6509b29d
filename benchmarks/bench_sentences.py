"""Compiled sentence splitters against the one the text layer uses (syntok), on real text (issue 13).

    python benchmarks/bench_sentences.py       # needs: pip install blingfire nupunkt

Texts: the seeds, and the development set's texts when they have been fetched (``devset/texts``). Each
splitter runs line by line, as ``Doc.sentences`` does (news text puts one unit on a line), and its spans
are trimmed the same way. Printed for each: the time over all texts (one process, best of three), how
many sentence starts agree with syntok's, how many it adds and how many it misses, and a few examples of
each disagreement (the start, with 40 characters before it), so a reader can judge which side is right.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.models import Article  # noqa: E402
from auditor.text.document import Doc, strip_span  # noqa: E402


def texts() -> list[tuple[str, str]]:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "devset" / "texts").glob("*/*.txt"))
    return [(p.stem, p.read_text(encoding="utf-8")) for p in paths]


def by_line(split):
    """A splitter of one line (offsets into it) applied to every non-blank line of a text."""

    def run(text: str) -> list[tuple[int, int]]:
        out, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                for s, e in split(line):
                    s, e = strip_span(line, s, e)
                    if e > s:
                        out.append((pos + s, pos + e))
            pos += len(line) + 1
        return out

    return run


def syntok_spans(text: str) -> list[tuple[int, int]]:
    return Doc(Article(id="x", text=text)).sentences


def candidates() -> dict:
    out = {}
    try:
        import blingfire

        out["blingfire"] = by_line(lambda line: blingfire.text_to_sentences_and_offsets(line)[1])
    except ImportError:
        print("blingfire is not installed (pip install blingfire): skipped")
    try:
        import nupunkt

        out["nupunkt"] = by_line(nupunkt.sent_spans)
    except ImportError:
        print("nupunkt is not installed (pip install nupunkt): skipped")
    return out


def best_time(fn, items) -> tuple[float, list]:
    best, got = float("inf"), []
    for _ in range(3):
        t = time.perf_counter()
        got = [fn(x) for _, x in items]
        best = min(best, time.perf_counter() - t)
    return best, got


def main() -> None:
    items = texts()
    chars = sum(len(t) for _, t in items)
    t_ref, ref = best_time(syntok_spans, items)
    print(f"{len(items)} texts, {chars:,} characters; syntok {1000 * t_ref / len(items):.2f} ms a text")
    for name, fn in candidates().items():
        dt, got = best_time(fn, items)
        agree = extra = missing = 0
        ex_extra, ex_missing = [], []
        for (tid, text), r, g in zip(items, ref, got, strict=True):
            rs, gs = {s for s, _ in r}, {s for s, _ in g}
            agree += len(rs & gs)
            extra += len(gs - rs)
            missing += len(rs - gs)
            ex_extra += [(tid, text[max(0, s - 40):s + 20]) for s in sorted(gs - rs)][:1]
            ex_missing += [(tid, text[max(0, s - 40):s + 20]) for s in sorted(rs - gs)][:1]
        total = agree + missing
        print(f"\n{name}: {1000 * dt / len(items):.2f} ms a text ({t_ref / dt:.1f}x syntok's speed); "
              f"starts agreeing with syntok {agree}/{total} ({agree / total:.1%}), {extra} more, {missing} fewer")
        for label, ex in (("splits where syntok does not", ex_extra), ("does not split where syntok does", ex_missing)):
            print(f"  {label}:")
            for tid, snippet in ex[:8]:
                print(f"    {tid}: {snippet!r}")


if __name__ == "__main__":
    main()
