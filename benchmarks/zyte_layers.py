"""The text layers' readings of the 181 Zyte article bodies, for comparing two source trees.

    python benchmarks/zyte_layers.py OUT.json [--bench ../shared/bench/zyte]
    python benchmarks/zyte_layers.py --compare OLD.json NEW.json [--bench ../shared/bench/zyte]

The first form writes, for every body of the benchmark's ``ground-truth.json``, its quotations (span,
speaker, cue), its attributions (kind, span, source) and the author's hedges no attribution holds (cue
span). Run it once per tree (``PYTHONPATH=OLD_TREE python benchmarks/zyte_layers.py old.json`` from outside
the checkout, so the editable install does not win) and compare: the second form prints every quotation
found or lost (or cut otherwise), every quotation whose speaker changed, every attribution added or removed and every hedge added or removed, each with its
words, to be read by hand. The bodies are real pages of many kinds (news, reviews, advice, sport), none of
the development set's events: a reading off them is no measurement of accuracy, only of what changed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DEFAULT_BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "zyte"


def _bodies(bench: Path) -> dict[str, str]:
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    return {k: v["articleBody"] for k, v in sorted(truth.items()) if isinstance(v, dict) and v.get("articleBody")}


def dump(bench: Path) -> dict:
    from auditor.models import Article
    from auditor.text.document import Doc
    from auditor.text.hedges import hedges

    out = {}
    for key, body in _bodies(bench).items():
        doc = Doc(Article(id=key, text=body))
        out[key] = {"quotes": [[q.start, q.end, q.speaker, q.cue] for q in doc.quotes],
                    "attributions": [[a.kind, a.start, a.end, a.source] for a in doc.attributions],
                    "hedges": [[h.cue_start, h.cue_end, h.cue] for h in hedges(doc) if h.attribution is None]}
    return out


def compare(old: dict, new: dict, bench: Path) -> None:
    bodies = _bodies(bench)
    counts = {"quotations": 0, "speakers": 0, "attributions": 0, "hedges": 0}
    for key in sorted(old):
        body, a, b = bodies.get(key, ""), old[key], new.get(key, {})
        olds = {(s, e): (sp, cue) for s, e, sp, cue in a["quotes"]}
        news = {(s, e): (sp, cue) for s, e, sp, cue in b.get("quotes", [])}
        for sign, spans, where in (("-", olds.keys() - news.keys(), olds), ("+", news.keys() - olds.keys(), news)):
            for s, e in sorted(spans):  # a quotation found or lost (or cut otherwise), with its speaker
                counts["quotations"] += 1
                print(f"{key[:6]} quotation {sign} ({where[(s, e)][0]!r}): {body[s:e][:70]!r}")
        for s, e, sp, _cue in b.get("quotes", []):
            if (s, e) in olds and olds[(s, e)][0] != sp:
                counts["speakers"] += 1
                print(f"{key[:6]} speaker {olds[(s, e)][0]!r} -> {sp!r}: {body[s:e][:70]!r}")
        for name in ("attributions", "hedges"):
            before, after = {tuple(x) for x in a[name]}, {tuple(x) for x in b.get(name, [])}
            for sign, items in (("-", before - after), ("+", after - before)):
                for x in sorted(items, key=str):
                    counts[name] += 1
                    s, e = (x[1], x[2]) if name == "attributions" else (x[0], x[1])
                    print(f"{key[:6]} {name[:-1]} {sign} {x!r}: {body[max(0, s - 40):e + 40]!r}")
    print(json.dumps(counts))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", nargs="?", type=Path, help="where to write the readings")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="folder with ground-truth.json")
    args = ap.parse_args(argv)
    if not (args.bench / "ground-truth.json").is_file():
        print(f"no benchmark at {args.bench}", file=sys.stderr)
        return 2
    if args.compare:
        old, new = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        compare(old, new, args.bench)
        return 0
    if args.out is None:
        ap.error("give OUT.json or --compare OLD NEW")
    args.out.write_text(json.dumps(dump(args.bench)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
