#!/usr/bin/env python3
"""Score `audit` on the development set with the same scorer as the seeds (``../shared/eval/score.py``).

    python devset/evaluate.py                       # every event, the dev split
    python devset/evaluate.py --split heldout       # the held-out part (report it; never tune on it)
    python devset/evaluate.py --event EVENT --keep  # one event; keep the JSON export for a closer look

The texts are not in the repository: they live in ``devset/texts/<event>/<id>.txt`` (git-ignored) and are
checked against the sha1 in each event's ``manifest.jsonl`` first. The annotations in ``gold.json`` are
character offsets; this script turns them into the text form the scorer reads (written to a temporary
folder, never committed) and runs ``audit score`` on the split's texts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def load_event(event_dir: Path) -> tuple[list[dict], dict]:
    manifest = [json.loads(line) for line in (event_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()]
    gold = json.loads((event_dir / "gold.json").read_text(encoding="utf-8"))
    return manifest, gold


def texts_of(event: str, manifest: list[dict], texts_root: Path) -> tuple[dict[str, str], list[str]]:
    """The texts of an event by id, and the problems (missing file, sha1 mismatch) by id."""
    texts, problems = {}, []
    for m in manifest:
        p = texts_root / event / f"{m['id']}.txt"
        if not p.is_file():
            problems.append(f"{m['id']}: missing {p}")
            continue
        if hashlib.sha1(p.read_bytes()).hexdigest() != m["sha1"]:
            problems.append(f"{m['id']}: sha1 differs from the manifest")
            continue
        texts[m["id"]] = p.read_text(encoding="utf-8")
    return texts, problems


def text_gold(gold: dict, texts: dict[str, str]) -> dict:
    """The scorer's text form of offset annotations, restricted to the articles in ``texts``."""

    def conv(items):
        out = []
        for g in items or []:
            if g["article"] not in texts:
                continue
            t = texts[g["article"]][g["start"]:g["end"]]
            if t.strip():
                out.append({**{k: v for k, v in g.items() if k not in ("start", "end")}, "text": t})
        return out

    res = {"speaker": gold["speaker"], "quotes": conv(gold.get("quotes")),
           "attributions": conv(gold.get("attributions")), "inferences": conv(gold.get("inferences")),
           "not_inferences": conv(gold.get("not_inferences"))}
    lf = gold.get("least_faithful")
    if lf and lf.get("article") in texts:
        res["least_faithful"] = lf
    return res


def fold(name: str | None) -> str | None:
    """A name without its diacritics: the scorer matches the gold's surname as a substring, and the gold
    spells a name one way ("Erdogan") where articles spell it another ("Erdoğan")."""
    if name is None:
        return None
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def folded_export(out: Path, dest: Path) -> None:
    """A copy of the export with every quotation's speaker folded (``fold``); nothing else changes."""
    run = json.loads(out.read_text(encoding="utf-8"))
    for art in run.get("articles", []):
        for q in art.get("quotes", []):
            q["speaker"] = fold(q.get("speaker"))
    dest.write_text(json.dumps(run), encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", choices=["dev", "heldout", "all"])
    ap.add_argument("--event", action="append", help="only these events (default: all)")
    ap.add_argument("--texts", default=str(HERE / "texts"))
    ap.add_argument("--audit", default=str(Path(sys.executable).parent / "audit"))
    ap.add_argument("--keep", help="folder to keep each event's export and gold in")
    a = ap.parse_args()

    events = sorted(p.name for p in (HERE / "events").iterdir() if (p / "gold.json").is_file())
    if a.event:
        events = [e for e in events if e in a.event]
    failed = 0
    for event in events:
        manifest, gold = load_event(HERE / "events" / event)
        chosen = [m for m in manifest if a.split == "all" or m.get("split", "dev") == a.split]
        texts, problems = texts_of(event, chosen, Path(a.texts))
        for p in problems:
            print(f"{event}: {p}", file=sys.stderr)
        if not texts:
            print(f"{event}: no texts for split {a.split!r} (fetch them first: devset/README.md)")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            tmp_p = Path(tmp)
            (tmp_p / "texts").mkdir()
            for k, t in texts.items():
                (tmp_p / "texts" / f"{k}.txt").write_text(t, encoding="utf-8")
            (tmp_p / "gold.json").write_text(json.dumps({**text_gold(gold, texts), "speaker": fold(gold["speaker"])}), encoding="utf-8")
            out = tmp_p / "out.json"
            r = subprocess.run([a.audit, "score", str(tmp_p / "texts"), "--json", str(out),
                                "--db", f"sqlite:///{tmp_p / 'a.db'}", "--jobs", "1"],
                               capture_output=True, text=True)
            if not out.is_file():
                print(f"{event}: audit score failed ({r.returncode}): {r.stderr[-2000:]}")
                failed += 1
                continue
            print(f"== {event} ({a.split}: {len(texts)} articles)")
            folded_export(out, tmp_p / "scored.json")
            s = subprocess.run([sys.executable, str(SCORER), str(tmp_p / "scored.json"), "--gold", str(tmp_p / "gold.json"),
                                "--texts", str(tmp_p / "texts"), "--label", event], capture_output=True, text=True)
            print(s.stdout.rstrip())
            if a.keep:
                keep = Path(a.keep) / event
                keep.mkdir(parents=True, exist_ok=True)
                for name in ("out.json", "gold.json"):
                    shutil.copy(tmp_p / name, keep / name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
