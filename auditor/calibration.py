"""The article score: a monotone linear model over the reader's features, fitted to readers' ratings.

A careful reader rates an article's sourcing 1 to 5 (``../shared/eval/rating_rubric.md``). The model
predicts that rating from the features of ``auditor.features``::

    rating = intercept + sum(coef[f] * x[f])          coef[f] * direction[f] >= 0 for every feature f
    score  = 100 * (clip(rating, 1, 5) - 1) / 4        (0..100: 1 -> 0, 3 -> 50, 5 -> 100)

Each coefficient is constrained to the feature's direction, so more vague sourcing (or relaying,
alteration, inference, boilerplate) never raises a score and more first-hand sourcing never lowers it.
Each feature's *contribution* is ``25 * coef[f] * x[f]`` points, added to the base ``25 * (intercept - 1)``
(then clipped to 0..100): ``audit explain`` and the report show them.

The fit is a ridge regression with the sign constraints (scikit-learn's ``Ridge(positive=True)`` on the
features multiplied by their direction), its strength chosen by cross-validation. ``fit_model`` reports
Spearman's rho between the cross-validated predictions and the ratings with a bootstrap interval; folds
are the groups given (events, say: leave one group out), else ten folds. The shipped coefficients live in
``rules/data/score_model.json``; ``audit calibrate`` writes a researcher's own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .features import DIRECTION, FEATURE_NAMES

POINTS_PER_RATING = 25.0  # 100 points over the four steps from 1 to 5


@dataclass
class ScoreModel:
    intercept: float
    coef: dict[str, float]
    fit: dict[str, Any] = field(default_factory=dict)  # how it was fitted and how well
    source: str = ""

    def rating(self, x: dict[str, float]) -> float:
        return self.intercept + sum(self.coef.get(f, 0.0) * x.get(f, 0.0) for f in FEATURE_NAMES)

    def score(self, x: dict[str, float]) -> float:
        r = min(5.0, max(1.0, self.rating(x)))
        return round(POINTS_PER_RATING * (r - 1.0), 2)

    def contributions(self, x: dict[str, float]) -> dict[str, float]:
        """Points each feature adds (+) or takes (-), and ``base``, the score with every feature at 0;
        ``clipped`` is what keeping the score within 0..100 took back."""
        out = {"base": round(POINTS_PER_RATING * (self.intercept - 1.0), 2)}
        for f in FEATURE_NAMES:
            c = POINTS_PER_RATING * self.coef.get(f, 0.0) * x.get(f, 0.0)
            if c:
                out[f] = round(c, 2)
        raw = POINTS_PER_RATING * (self.rating(x) - 1.0)
        out["clipped"] = round(self.score(x) - raw, 2)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"model": "monotone-linear", "version": 1, "intercept": self.intercept,
                "coef": {f: self.coef.get(f, 0.0) for f in FEATURE_NAMES},
                "direction": {f: DIRECTION[f] for f in FEATURE_NAMES}, "fit": self.fit}

    def write(self, path: Path | str) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), indent=1, sort_keys=False) + "\n", encoding="utf-8")
        return path


class ModelError(ValueError):
    pass


def load_model(path: Path | str | None = None) -> ScoreModel:
    """The model in ``path``, else the shipped one (``rules/data/score_model.json``)."""
    if path is None:
        from .rules import builtin_rules_dir

        path = builtin_rules_dir() / "data" / "score_model.json"
    path = Path(path)
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
        coef = {str(k): float(v) for k, v in d["coef"].items()}
        intercept = float(d["intercept"])
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ModelError(f"{path}: not a score model ({type(e).__name__}: {e})") from None
    unknown = sorted(set(coef) - set(FEATURE_NAMES))
    if unknown:
        raise ModelError(f"{path}: unknown features {', '.join(unknown)}")
    wrong = sorted(f for f, c in coef.items() if c * DIRECTION[f] < 0)
    if wrong:
        raise ModelError(f"{path}: coefficients against their feature's direction: {', '.join(wrong)}")
    return ScoreModel(intercept=intercept, coef=coef, fit=d.get("fit") or {}, source=str(path))


# -- fitting ------------------------------------------------------------------------------------------


def _matrix(rows: list[dict[str, float]]) -> np.ndarray:
    return np.array([[DIRECTION[f] * r.get(f, 0.0) for f in FEATURE_NAMES] for r in rows], dtype=float)


def _ridge(X: np.ndarray, y: np.ndarray, alpha: float):
    from sklearn.linear_model import Ridge

    return Ridge(alpha=alpha, positive=True, solver="lbfgs", max_iter=5000).fit(X, y)


def _folds(n: int, groups: list[str] | None, k: int = 10) -> list[np.ndarray]:
    """Test indices of each fold: one a group when groups are given (at least two), else k interleaved."""
    if groups and len(set(groups)) >= 2:
        return [np.array([i for i, g in enumerate(groups) if g == name]) for name in sorted(set(groups))]
    k = max(2, min(k, n))
    return [np.arange(i, n, k) for i in range(k)]


def _cv_predict(X: np.ndarray, y: np.ndarray, folds: list[np.ndarray], alpha: float) -> np.ndarray:
    pred = np.empty_like(y)
    for test in folds:
        train = np.setdiff1d(np.arange(len(y)), test)
        pred[test] = _ridge(X[train], y[train], alpha).predict(X[test])
    return pred


def spearman(a, b) -> float:
    import warnings

    from scipy.stats import spearmanr

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a constant input: no agreement, said by the NaN below
        r = spearmanr(a, b).statistic
    return float(r) if r == r else 0.0  # NaN (a constant input) counts as no agreement


def bootstrap_ci(a, b, stat=spearman, n: int = 2000, seed: int = 0) -> tuple[float, float]:
    """95% percentile bootstrap interval of ``stat(a, b)`` over resampled pairs (a fixed seed)."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    rng = np.random.default_rng(seed)
    vals = []
    for _ in range(n):
        i = rng.integers(0, len(a), len(a))
        vals.append(stat(a[i], b[i]))
    lo, hi = np.percentile(vals, [2.5, 97.5])
    return round(float(lo), 3), round(float(hi), 3)


ALPHAS = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0)


def fit_model(rows: list[dict[str, float]], ratings: list[float], groups: list[str] | None = None) -> ScoreModel:
    """Fit the monotone model to ``ratings`` (1..5) of articles with features ``rows``."""
    if len(rows) != len(ratings) or len(rows) < 10:
        raise ModelError(f"need at least 10 rated articles with features (got {len(rows)})")
    X, y = _matrix(rows), np.asarray(ratings, float)
    folds = _folds(len(y), groups)
    cv = {a: _cv_predict(X, y, folds, a) for a in ALPHAS}
    best = max(ALPHAS, key=lambda a: (round(spearman(cv[a], y), 6), -a))
    m = _ridge(X, y, best)
    coef = {f: round(float(c) * DIRECTION[f], 6) for f, c in zip(FEATURE_NAMES, m.coef_, strict=True)}
    rho = spearman(cv[best], y)
    fitted = m.predict(X)
    fit = {"articles": len(y), "alpha": best, "folds": "leave one group out" if groups and len(set(groups)) >= 2
           else f"{len(folds)} interleaved folds", "groups": sorted(set(groups)) if groups else [],
           "rho_cv": round(rho, 3), "rho_cv_ci95": list(bootstrap_ci(cv[best], y)),
           "rho_in_sample": round(spearman(fitted, y), 3)}
    return ScoreModel(intercept=round(float(m.intercept_), 6), coef=coef, fit=fit)


# -- ratings files --------------------------------------------------------------------------------------


def read_ratings(path: Path | str) -> tuple[dict[str, float], dict[str, str], list[str]]:
    """Ratings by article from a CSV: either ``article,rating[,group]`` (one row an article, or one a
    coder: they are averaged) or the long coding sheet of ``audit codebook`` (``article,variable,coder,
    value``, rows whose variable is ``rating``). Returns ratings, groups (where a ``group`` or ``event``
    column gives one) and the problems met, each naming its line."""
    import csv

    path = Path(path)
    acc: dict[str, list[float]] = {}
    groups: dict[str, str] = {}
    problems: list[str] = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        cols = [c.strip().lower() for c in reader.fieldnames or []]
        reader.fieldnames = cols
        if "article" not in cols or not ({"rating"} & set(cols) or {"variable", "value"} <= set(cols)):
            raise ModelError(f"{path}: needs the columns article and rating (or article, variable, coder, "
                             f"value); found: {', '.join(cols) or 'none'}")
        long = "rating" not in cols
        for line, row in enumerate(reader, start=2):
            if long and (row.get("variable") or "").strip() != "rating":
                continue
            art = (row.get("article") or "").strip()
            raw = (row.get("value") if long else row.get("rating")) or ""
            if not raw.strip():
                continue  # not rated: missing, not zero
            try:
                v = float(raw)
            except ValueError:
                problems.append(f"{path.name}:{line}: rating {raw!r} is not a number")
                continue
            if not art or not 1 <= v <= 5:
                problems.append(f"{path.name}:{line}: " + ("no article id" if not art else f"rating {v:g} outside 1..5"))
                continue
            acc.setdefault(art, []).append(v)
            g = (row.get("group") or row.get("event") or "").strip()
            if g:
                groups[art] = g
    return {a: sum(v) / len(v) for a, v in sorted(acc.items())}, groups, problems


def calibrate(ratings: dict[str, float], run, groups: dict[str, str] | None = None
              ) -> tuple[ScoreModel, list[str]]:
    """Fit the model to ``ratings`` (article id -> 1..5) of the articles of ``run`` (a ``RunResult``).
    Returns the model and the rated ids the run does not hold."""
    from .features import result_features

    by_id = {r.article.id: r for r in run.results}
    missing = sorted(a for a in ratings if a not in by_id)
    ids = sorted(a for a in ratings if a in by_id)
    rows = [result_features(by_id[a]) for a in ids]
    model = fit_model(rows, [ratings[a] for a in ids], [groups[a] for a in ids] if groups and
                      all(a in groups for a in ids) else None)
    model.fit["run"] = run.run_id
    return model, missing
