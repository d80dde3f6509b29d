#!/usr/bin/env python3
"""Fit the shipped score model to the development set's blind ratings, and measure it on the held-out part.

    python devset/fit_model.py            # writes devset/ratings/training.csv, rules/data/score_model.json,
                                          # devset/ratings/agreement.md; prints the held-out figures
    python devset/fit_model.py --keep DIR # also keeps each event's JSON export in DIR

1. Every event's texts (``devset/texts``, checked against the manifests' sha1) are scored with ``audit
   score`` and each article's features (``auditor.features``) are read from the export.
2. The ratings (``devset/ratings/<event>.<rater>.csv``, two blind readers an article) are averaged.
3. ``training.csv`` keeps, for every rated article, its event, split, the readers' ratings and its
   features: numbers only, no text, so the model can be refitted anywhere from what the repository holds
   (``tests/test_calibration.py`` does, and checks it gives the shipped coefficients).
4. The model is fitted on the ``dev`` split (folds: leave one event out) and written to
   ``rules/data/score_model.json``; Spearman's rho on ``heldout`` is printed with a bootstrap interval,
   overall and per event, with the readers' agreement (Krippendorff's alpha, ordinal).
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from evaluate import load_event, texts_of  # noqa: E402

from auditor.calibration import bootstrap_ci, fit_model, spearman  # noqa: E402
from auditor.features import FEATURE_NAMES, article_features  # noqa: E402

RATINGS = HERE / "ratings"
TRAINING = RATINGS / "training.csv"
MODEL = ROOT / "rules" / "data" / "score_model.json"
KEEP = Path(sys.argv[sys.argv.index("--keep") + 1]) if "--keep" in sys.argv else None  # exports, to look at


def read_ratings() -> dict[str, dict[str, int]]:
    """article id -> {rater: rating} from every ratings file."""
    out: dict[str, dict[str, int]] = {}
    for p in sorted(RATINGS.glob("*.*.csv")):
        if p.name == TRAINING.name:
            continue
        rater = p.name.rsplit(".", 2)[1]
        with p.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                out.setdefault(row["article"], {})[rater] = int(row["rating"])
    return out


def features_of_event(event: str, audit: str) -> dict[str, tuple[str, dict[str, float]]]:
    manifest, _ = load_event(HERE / "events" / event)
    texts, problems = texts_of(event, manifest, HERE / "texts")
    for p in problems:
        print(f"{event}: {p}", file=sys.stderr)
    split = {m["id"]: m.get("split", "dev") for m in manifest}
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        (t / "texts").mkdir()
        for k, text in texts.items():
            (t / "texts" / f"{k}.txt").write_text(text, encoding="utf-8")
        subprocess.run([audit, "score", str(t / "texts"), "--json", str(t / "out.json"), "--db",
                        f"sqlite:///{t / 'a.db'}", "--jobs", "1"], capture_output=True, check=False)
        export = json.loads((t / "out.json").read_text(encoding="utf-8"))
        if KEEP:
            KEEP.mkdir(parents=True, exist_ok=True)
            (KEEP / f"{event}.json").write_text(json.dumps(export), encoding="utf-8")
    return {a["id"]: (split[a["id"]], article_features(a, texts[a["id"]])) for a in export["articles"]}


def write_training(audit: str) -> list[dict]:
    ratings = read_ratings()
    rows = []
    for event in sorted(p.name for p in (HERE / "events").iterdir() if (p / "gold.json").is_file()):
        for aid, (split, x) in sorted(features_of_event(event, audit).items()):
            r = ratings.get(aid) or {}
            if len(r) < 2:
                continue
            rows.append({"article": aid, "event": event, "split": split,
                         **{f"rating_{k}": v for k, v in sorted(r.items())},
                         "rating": round(sum(r.values()) / len(r), 3),
                         **{f: round(x[f], 6) for f in FEATURE_NAMES}})
    cols = ["article", "event", "split"] + sorted({k for r in rows for k in r if k.startswith("rating_")}) + \
        ["rating", *FEATURE_NAMES]
    with TRAINING.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols)
        w.writeheader()
        w.writerows(rows)
    return rows


def read_training(path: Path = TRAINING) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def fit_from_training(rows: list[dict]):
    """The shipped model: fitted on the dev rows, leave-one-event-out folds."""
    dev = [r for r in rows if r["split"] == "dev"]
    x = [{f: float(r[f]) for f in FEATURE_NAMES} for r in dev]
    return fit_model(x, [float(r["rating"]) for r in dev], [r["event"] for r in dev])


def rating_rows() -> list[dict]:
    """Every rated article with both readers' ratings, whether or not its text could be fetched this time
    (the readers' agreement does not depend on the texts)."""
    ratings = read_ratings()
    rows = []
    for event in sorted(p.name for p in (HERE / "events").iterdir() if (p / "gold.json").is_file()):
        manifest, _ = load_event(HERE / "events" / event)
        for m in manifest:
            r = ratings.get(m["id"]) or {}
            if len(r) >= 2:
                rows.append({"event": event, **{f"rating_{k}": v for k, v in sorted(r.items())}})
    return rows


def agreement(rows: list[dict]) -> str:
    import krippendorff
    import numpy as np

    raters = sorted(k for k in rows[0] if k.startswith("rating_"))
    lines = ["# Agreement of the two blind readers", "",
             "Each article of the development set was rated 1 to 5 with `../shared/eval/rating_rubric.md` by "
             "two readers who had not seen the tool's output (nor each other's ratings, nor the annotations).",
             "", "| event | articles | Krippendorff's alpha (ordinal) | Spearman's rho | same rating | within one |",
             "|---|---|---|---|---|---|"]
    events = sorted({r["event"] for r in rows})
    for ev in [*events, "all"]:
        sub = [r for r in rows if ev == "all" or r["event"] == ev]
        a = [float(r[raters[0]]) for r in sub]
        b = [float(r[raters[1]]) for r in sub]
        alpha = krippendorff.alpha(reliability_data=np.array([a, b]), level_of_measurement="ordinal")
        same = sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
        near = sum(abs(x - y) <= 1 for x, y in zip(a, b, strict=True)) / len(a)
        lines.append(f"| {ev} | {len(sub)} | {alpha:.2f} | {spearman(a, b):.2f} | {same:.0%} | {near:.0%} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    audit = str(Path(sys.executable).parent / "audit")
    rows = write_training(audit) if "--reuse" not in sys.argv else read_training()
    rows = read_training()  # what the repository keeps, as the test reads it
    model = fit_from_training(rows)
    held = [r for r in rows if r["split"] == "heldout"]
    pred = [model.score({f: float(r[f]) for f in FEATURE_NAMES}) for r in held]
    gold = [float(r["rating"]) for r in held]
    model.fit["heldout"] = {"articles": len(held), "rho": round(spearman(pred, gold), 3),
                            "rho_ci95": list(bootstrap_ci(pred, gold))}
    per_event = {}
    for ev in sorted({r["event"] for r in held}):
        idx = [i for i, r in enumerate(held) if r["event"] == ev]
        per_event[ev] = round(spearman([pred[i] for i in idx], [gold[i] for i in idx]), 3)
    model.fit["heldout"]["rho_by_event"] = per_event
    model.write(MODEL)
    (RATINGS / "agreement.md").write_text(agreement(rating_rows()), encoding="utf-8")
    print(json.dumps(model.to_dict(), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
