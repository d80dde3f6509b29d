"""Write fetched development texts to the git-ignored ``devset/texts/`` folder and check their sha1.

Input: JSON Lines, one object a line, ``{"id": "<article id>", "text": <the excerpt as a JSON string>}``.
The excerpt is pasted exactly as the search tool's JSON answer spells it (escapes and all), so
``json.loads`` gives back the very text the manifest's sha1 was taken of::

    python devset/store_texts.py batch.jsonl [more.jsonl ...]

For each line it prints ``ok``, ``MISMATCH`` (the text was written, but its sha1 is not the manifest's)
or ``UNKNOWN`` (no manifest row has that id). The texts are never committed (see README.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def manifest_rows() -> dict[str, tuple[str, str]]:
    """Each article id's event and sha1, from every event's manifest."""
    rows: dict[str, tuple[str, str]] = {}
    for manifest in sorted((HERE / "events").glob("*/manifest.jsonl")):
        event = manifest.parent.name
        for line in manifest.read_text(encoding="utf-8").splitlines():
            if line.strip():
                m = json.loads(line)
                rows[m["id"]] = (event, m["sha1"])
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("batches", nargs="+", type=Path)
    ap.add_argument("--texts", type=Path, default=HERE / "texts")
    a = ap.parse_args(argv)
    rows = manifest_rows()
    bad = 0
    for batch in a.batches:
        for n, line in enumerate(batch.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                aid, text = rec["id"], rec["text"]
            except (ValueError, KeyError, TypeError) as e:
                print(f"{batch}:{n}: BAD LINE ({e})")
                bad += 1
                continue
            if aid not in rows:
                print(f"{aid}: UNKNOWN")
                bad += 1
                continue
            event, sha1 = rows[aid]
            out = a.texts / event / f"{aid}.txt"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
            got = hashlib.sha1(text.encode("utf-8")).hexdigest()
            if got == sha1:
                print(f"{aid}: ok")
            else:
                print(f"{aid}: MISMATCH ({len(text)} chars)")
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
