"""Agreement with human coders: Krippendorff's alpha among the coders, and with auditor as one more coder.

``audit agree CODES.csv...`` reads coding sheets (``auditor.codebook``'s long format,
``article,variable,coder,value``: one file per coder, or all coders in one file) and, for every variable
of the codebook, computes:

* ``alpha_coders``: Krippendorff's alpha among the human coders alone;
* ``alpha_with_auditor``: alpha with ``auditor`` added as one more coder, whose value for a rule variable
  is 1 when the article has at least one finding of that rule in the run (else 0) and for a score
  variable the score;
* ``ci95_coders`` / ``ci95_with_auditor``: 95% bootstrap intervals (below);
* ``units``: the articles at least one human coder gave a value; ``coders``: the human coders who did;
* ``disagreements``: the articles where auditor's value differs from the human majority, each with the
  evidence (every finding of the rule, with its span and text; or ``"no finding"``).

A blank value is a missing value, never a 0. Alpha itself comes from the ``krippendorff`` package
(``krippendorff.alpha``), at the variable's level of measurement (from the codebook: nominal for a rule,
interval for a score; ``levels`` overrides it). Alpha is None (JSON null) when it is undefined: no unit
with two values, or every value the same.

**The bootstrap** (Hayes and Krippendorff 2007; Krippendorff, "Algorithm for bootstrapping a
distribution of alpha", 2006, revised 2011), as implemented here:

1. From the reliability data (coders x units, blanks missing) build the coincidence matrix ``o[c, k]``
   over the pairable values (units with at least two values; each unit's ordered pairs weighted by
   1 / (its number of values - 1)); ``n = sum(o)``, ``n_c`` its row sums.
2. The metric ``delta[c, k]`` of the level (nominal: 0 or 1; ordinal: the squared count of values
   between c and k, halves at the ends; interval: (c - k)²; ratio: ((c - k) / (c + k))²) and the
   expected disagreement per pair ``De = sum(n_c n_k delta[c, k]) / (n (n - 1))``, which stays fixed.
3. Each cell of the upper triangle (diagonal included) gets the probability ``o[c, c] / n`` on the
   diagonal and ``2 o[c, k] / n`` off it. One resample draws ``M = min(25 q, (m - 1) n / 2)`` pairs
   (rounded down) with replacement from these probabilities, ``q`` being the number of non-zero cells
   of ``o`` and ``m`` the number of coders, and gives ``alpha* = 1 - sum(delta of the draws) / (M De)``,
   floored at -1.
4. ``resamples`` resamples (2,000 by default) are drawn. A resample that drew from one diagonal cell
   only has no variation, so its alpha is indeterminate: where the data agree on one value only, each
   resample's 1 becomes 0; otherwise as many of the resamples at 1 as expected to be such draws,
   ``round(resamples * sum((o[c, c] / n) ** M))``, become 0.
5. The interval is the 2.5th and 97.5th percentiles of the sorted alphas* as KALPHA takes them: the
   values at positions ``max(floor(0.025 X), 1)`` and ``min(floor(0.975 X) + 1, X)`` (1-based).

The random numbers come from a generator seeded by the variable's name and the figure (coders or with
auditor), so the same sheets give the same intervals on every run. The alphas* depend only on the
coincidence matrix, which is why alpha is bootstrapped this way rather than by resampling units.

**Disagreements.** For a nominal or ordinal variable, the human majority of a unit is the value more
than half of its human values share (no majority, no disagreement); auditor disagrees when its value
differs. For an interval or ratio variable, the human majority is the median of the human values, and
auditor disagrees when it is more than ``tolerance`` (10 points of a score's 0..100 range by default)
away from it.

**Bad sheet rows** are each named with the file and line, and the rest is used: an article not in the
run, a variable not in the codebook, a value outside the variable's values, a row repeated with another
value, a coder named ``auditor``, and a coder who left every value blank (named at their first line). A
blank ``coder`` cell means the coder named by the file's name (``alice.csv`` -> ``alice``).
"""

from __future__ import annotations

import csv
import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .codebook import ARTICLE_SCORE, LEVELS, RATING, SHEET_COLUMNS, Variable, build_codebook, sheet_variables
from .models import SEVERITY_RANK, ArticleResult, RunResult

AUDITOR = "auditor"
RESAMPLES = 2000
TOLERANCE = 10.0
NO_FINDING = "no finding"

# codes[variable][coder][article] = value
Codes = dict[str, dict[str, dict[str, float]]]


@dataclass
class SheetError:
    """A sheet row (or file) that could not be used, with the reason."""

    source: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.reason}" if self.line else f"{self.source}: {self.reason}"


@dataclass
class Sheets:
    codes: Codes = field(default_factory=dict)
    errors: list[SheetError] = field(default_factory=list)
    files: int = 0  # files that could be read


# ---------------------------------------------------------------------------------------------- sheets

def read_sheets(paths: list[Path], variables: list[Variable], articles: list[str]) -> Sheets:
    """Read filled coding sheets; every bad row is an error naming its line, the rest is kept."""
    by_name = {v.name: v for v in variables}
    known = set(articles)
    out = Sheets()
    first_line: dict[str, tuple[str, int]] = {}
    coded: set[str] = set()
    where: dict[tuple[str, str, str], tuple[str, int]] = {}
    for path in paths:
        path = Path(path)
        src = str(path)
        try:
            fh = path.open(encoding="utf-8-sig", newline="")
        except OSError as e:
            out.errors.append(SheetError(src, None, f"cannot be read ({e.strerror or e})"))
            continue
        with fh:
            try:
                reader = csv.DictReader(fh)
                header = [h.strip().lower() for h in reader.fieldnames or []]
                missing = [c for c in SHEET_COLUMNS if c not in header]
                if missing:
                    out.errors.append(SheetError(src, 1, f"not a coding sheet: no column {', '.join(missing)} "
                                                         f"(the columns are {','.join(SHEET_COLUMNS)})"))
                    continue
                reader.fieldnames = header
                out.files += 1
                for row in reader:
                    line = reader.line_num
                    _read_row(row, line, src, path.stem, by_name, known, out, first_line, coded, where)
            except UnicodeDecodeError as e:
                out.errors.append(SheetError(src, None, f"not UTF-8 text ({e.reason} at byte {e.start})"))
            except csv.Error as e:
                out.errors.append(SheetError(src, None, f"not a CSV file ({e})"))
    for coder, (src, line) in first_line.items():
        if coder not in coded:
            out.errors.append(SheetError(src, line, f"coder {coder!r} coded nothing (every value is blank); "
                                                    f"left out"))
    out.errors.sort(key=lambda e: (e.source, e.line or 0, e.reason))
    return out


def _read_row(row: dict, line: int, src: str, stem: str, by_name: dict[str, Variable], known: set[str],
              out: Sheets, first_line: dict, coded: set, where: dict) -> None:
    def cell(name: str) -> str:
        v = row.get(name)
        return v.strip() if isinstance(v, str) else ""

    article, variable, coder, raw = cell("article"), cell("variable"), cell("coder") or stem, cell("value")
    if not (article or variable or raw or cell("coder")):
        return  # an empty line
    if coder == AUDITOR:
        out.errors.append(SheetError(src, line, f"the coder name {AUDITOR!r} is auditor's own; rename the coder"))
        return
    first_line.setdefault(coder, (src, line))
    if article not in known:
        out.errors.append(SheetError(src, line, f"unknown article {article!r} (not in the run)"))
        return
    var = by_name.get(variable)
    if var is None:
        out.errors.append(SheetError(src, line, f"unknown variable {variable!r} (see the codebook)"))
        return
    if not raw:
        return  # a blank is a missing value
    try:
        value = var.parse(raw)
    except ValueError as e:
        out.errors.append(SheetError(src, line, str(e)))
        return
    mine = out.codes.setdefault(var.name, {}).setdefault(coder, {})
    if article in mine:
        if mine[article] != value:
            s, ln = where[(var.name, coder, article)]
            out.errors.append(SheetError(src, line, f"{coder} coded {article} on {var.name} twice, {raw} here "
                                                    f"and {_fmt(mine[article])} at {s}:{ln}; the first is kept"))
        return
    mine[article] = value
    where[(var.name, coder, article)] = (src, line)
    coded.add(coder)


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"


# ---------------------------------------------------------------------------------------------- alpha

def alpha(data: np.ndarray, level: str) -> float | None:
    """Krippendorff's alpha of ``data`` (coders x units, NaN = missing) by the ``krippendorff`` package;
    None when undefined (no pairable unit, or a single value in all the data)."""
    import krippendorff

    if _pairable(data).sum() == 0 or len(np.unique(data[~np.isnan(data)])) < 2:
        return None
    a = float(krippendorff.alpha(reliability_data=data, level_of_measurement=level))
    return None if math.isnan(a) else a


def _pairable(data: np.ndarray) -> np.ndarray:
    return (~np.isnan(data)).sum(axis=0) >= 2


def coincidences(data: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The coincidence matrix of ``data`` (coders x units, NaN = missing) and its sorted value domain."""
    values = np.unique(data[~np.isnan(data)])
    o = np.zeros((len(values), len(values)))
    for col in data[:, _pairable(data)].T:
        col = col[~np.isnan(col)]
        n_u = np.array([np.count_nonzero(col == v) for v in values], dtype=float)
        o += (np.outer(n_u, n_u) - np.diag(n_u)) / (len(col) - 1)
    return o, values


def distances(values: np.ndarray, marginals: np.ndarray, level: str) -> np.ndarray:
    """The squared difference ``delta[c, k]`` of the level between the values of the domain."""
    c, k = np.meshgrid(values, values, indexing="ij")
    if level == "nominal":
        return (c != k).astype(float)
    if level == "interval":
        return (c - k) ** 2
    if level == "ratio":
        s = c + k
        return np.divide((c - k) ** 2, s ** 2, out=np.zeros_like(s), where=s != 0)
    if level == "ordinal":
        cum = np.cumsum(marginals)
        i, j = np.meshgrid(np.arange(len(values)), np.arange(len(values)), indexing="ij")
        lo, hi = np.minimum(i, j), np.maximum(i, j)
        between = cum[hi] - cum[lo] + marginals[lo]  # n_lo + ... + n_hi
        return (between - (marginals[i] + marginals[j]) / 2) ** 2
    raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")


def alpha_from_coincidences(o: np.ndarray, delta: np.ndarray) -> float | None:
    """1 - Do / De from a coincidence matrix (what the bootstrap resamples; equals ``alpha``)."""
    n = o.sum()
    n_c = o.sum(axis=1)
    if n <= 1:
        return None
    de = (np.outer(n_c, n_c) * delta).sum() / (n * (n - 1))
    return None if de == 0 else float(1 - (o * delta).sum() / n / de)


def bootstrap_ci(data: np.ndarray, level: str, *, resamples: int = RESAMPLES,
                 rng: np.random.Generator | None = None) -> list[float] | None:
    """The 95% bootstrap interval of alpha (the algorithm in the module docstring); None when alpha is
    undefined."""
    o, values = coincidences(data)
    if len(values) < 2 or resamples < 1:
        return None
    n = o.sum()
    n_c = o.sum(axis=1)
    delta = distances(values, n_c, level)
    de = (np.outer(n_c, n_c) * delta).sum() / (n * (n - 1))
    if de == 0:
        return None
    rng = rng or np.random.default_rng(0)
    iu = np.triu_indices(len(values))
    p = np.where(iu[0] == iu[1], o[iu], 2 * o[iu]) / n
    p = p / p.sum()
    cells_delta = delta[iu]
    q = int(np.count_nonzero(o))
    m = data.shape[0]
    draws = max(1, int(min(25 * q, (m - 1) * n / 2)))
    cum = np.cumsum(p)
    cum[-1] = 1.0
    alphas = np.empty(resamples)
    chunk = max(1, 2_000_000 // draws)
    for start in range(0, resamples, chunk):
        size = min(chunk, resamples - start)
        cells = np.searchsorted(cum, rng.random((size, draws)), side="right")
        cells = np.minimum(cells, len(cum) - 1)
        alphas[start:start + size] = 1 - cells_delta[cells].sum(axis=1) / (draws * de)
    alphas = np.maximum(alphas, -1.0)
    diagonal = np.diag(o)
    ones = np.flatnonzero(alphas == 1.0)
    if np.count_nonzero(diagonal) == 1:
        alphas[ones] = 0.0
    else:
        expected = int(round(resamples * float(((diagonal / n) ** draws).sum())))
        alphas[ones[:min(expected, len(ones))]] = 0.0
    alphas.sort()
    lo = max(int(math.floor(0.025 * resamples)), 1)
    hi = min(int(math.floor(0.975 * resamples)) + 1, resamples)
    return [float(alphas[lo - 1]), float(alphas[hi - 1])]


def _rng(*parts: str) -> np.random.Generator:
    seed = int.from_bytes(hashlib.sha256("\x1f".join(parts).encode()).digest()[:8], "big")
    return np.random.default_rng(seed)


# ---------------------------------------------------------------------------------------------- auditor

def auditor_value(result: ArticleResult, var: Variable) -> float:
    """auditor's own value on ``var``: 1/0 for a rule (any finding of it), else the score."""
    if var.kind == "rule":
        return 1.0 if any(f.rule == var.rule for f in result.findings) else 0.0
    if var.name == ARTICLE_SCORE:
        return float(result.score)
    if var.name == RATING:
        return float(min(5, max(1, round(1 + result.score / 25))))
    return float(result.subscores.get(var.family, 100.0))


def evidence(result: ArticleResult, var: Variable, limit: int = 5) -> list[dict[str, Any]] | str:
    """The findings behind auditor's value: every finding of a rule; for a score, the most serious
    scored findings of its family (of any family for the article score); ``"no finding"`` if none."""
    text = result.article.text
    if var.kind == "rule":
        picked = [(i, f) for i, f in enumerate(result.findings) if f.rule == var.rule]
    else:
        picked = [(i, f) for i, f in enumerate(result.findings) if f.severity != "info"
                  and (var.name in (ARTICLE_SCORE, RATING) or f.category == var.family)]
        picked.sort(key=lambda x: (-SEVERITY_RANK.get(x[1].severity, 0), x[1].start, x[0]))
        picked = sorted(picked[:limit])
    if not picked:
        return NO_FINDING
    return [{"finding": i, "rule": f.rule, "start": f.start, "end": f.end, "text": text[f.start:f.end],
             "message": f.message} for i, f in picked]


def _majority(values: list[float], level: str) -> float | None:
    if not values:
        return None
    if level in ("interval", "ratio"):
        return float(np.median(values))
    top, count = Counter(values).most_common(1)[0]
    return top if count * 2 > len(values) else None


def _differs(auditor: float, majority: float, level: str, tolerance: float) -> bool:
    if level in ("interval", "ratio"):
        return abs(auditor - majority) > tolerance
    return auditor != majority


# ---------------------------------------------------------------------------------------------- agree

def run_variables(run: RunResult, registry=None) -> list[Variable]:
    """The codebook's variables this run can be compared on."""
    return sheet_variables(build_codebook(registry, run), run)


def agreement(run: RunResult, codes: Codes, variables: list[Variable], *, levels: dict[str, str] | None = None,
              resamples: int = RESAMPLES, tolerance: float = TOLERANCE) -> dict[str, Any]:
    """``{"run": id, "variables": {name: {...}}}`` (layout in the module docstring) for every variable at
    least one human coder coded."""
    levels = levels or {}
    results = {r.article.id: r for r in run.results}
    out: dict[str, Any] = {}
    for var in variables:
        by_coder = codes.get(var.name) or {}
        coders = sorted(c for c, vals in by_coder.items() if vals)
        if not coders:
            continue
        level = levels.get(var.name, var.level)
        units = sorted({a for c in coders for a in by_coder[c]})
        humans = np.array([[by_coder[c].get(a, np.nan) for a in units] for c in coders], dtype=float)
        mine = np.array([[auditor_value(results[a], var) for a in units]])
        both = np.vstack([humans, mine])
        disagreements = []
        for j, a in enumerate(units):
            given = {c: by_coder[c][a] for c in coders if a in by_coder[c]}
            majority = _majority(list(given.values()), level)
            if majority is None or not _differs(float(mine[0, j]), majority, level, tolerance):
                continue
            disagreements.append({"article": a, "auditor": float(mine[0, j]), "majority": majority,
                                  "coders": given, "evidence": evidence(results[a], var)})
        out[var.name] = {
            "level": level, "units": len(units), "coders": coders,
            "alpha_coders": alpha(humans, level),
            "alpha_with_auditor": alpha(both, level),
            "ci95_coders": bootstrap_ci(humans, level, resamples=resamples, rng=_rng(var.name, "coders")),
            "ci95_with_auditor": bootstrap_ci(both, level, resamples=resamples, rng=_rng(var.name, AUDITOR)),
            "disagreements": disagreements}
    return {"run": run.run_id, "variables": out}


def parse_levels(items: list[str] | None, variables: list[Variable]) -> dict[str, str]:
    """``--level VAR=LEVEL`` options as a dict; ValueError naming a bad item."""
    names = {v.name for v in variables}
    out: dict[str, str] = {}
    for item in items or []:
        name, sep, level = item.partition("=")
        name, level = name.strip(), level.strip().lower()
        if not sep or not name:
            raise ValueError(f"--level {item!r}: write VARIABLE=LEVEL, e.g. vague-attribution=ordinal")
        if level not in LEVELS:
            raise ValueError(f"--level {item!r}: the level must be one of {', '.join(LEVELS)}")
        if name not in names:
            raise ValueError(f"--level {item!r}: no variable {name!r} in the codebook")
        out[name] = level
    return out


def agree(run: RunResult, paths: list[Path], *, registry=None, levels: list[str] | None = None,
          resamples: int = RESAMPLES) -> tuple[dict[str, Any], list[SheetError], int]:
    """Read the sheets and measure agreement on ``run``: (the JSON report, the sheet errors, files read).

    ValueError for a bad ``--level``."""
    variables = run_variables(run, registry)
    level_map = parse_levels(levels, variables)
    sheets = read_sheets(paths, variables, [r.article.id for r in run.results])
    report = agreement(run, sheets.codes, variables, levels=level_map, resamples=resamples)
    return report, sheets.errors, sheets.files


def write_json(report: dict[str, Any], path: Path | str) -> Path:
    """Write the report as JSON, atomically (a temporary file renamed into place)."""
    import json
    import os

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)
    return path


def summary_rows(report: dict[str, Any]) -> list[tuple[str, ...]]:
    """One row of text per variable: variable, level, units, coders, alpha [interval] x 2, disagreements."""
    def fig(a: float | None, ci: list[float] | None) -> str:
        if a is None:
            return "undefined"
        return f"{a:.3f}" + (f" [{ci[0]:.3f}, {ci[1]:.3f}]" if ci else "")

    return [(name, v["level"], str(v["units"]), ", ".join(v["coders"]), fig(v["alpha_coders"], v["ci95_coders"]),
             fig(v["alpha_with_auditor"], v["ci95_with_auditor"]), str(len(v["disagreements"])))
            for name, v in report["variables"].items()]
