"""Turning findings into scores: the one place where the formula lives.

Rule score, 0..1 (1 = nothing wrong), by the rule's ``score`` mode. Each finding counts by its severity:
``info`` 0, ``low`` 0.5, ``medium`` 1, ``high`` 1.5 (``n`` below is that weighted count):

* ``share``    1 - (non-space characters covered by the findings' spans) / (non-space characters of the text).
               Used by boilerplate: the score *is* one minus the boilerplate ratio.
* ``density``  0.5 ** (n per 1,000 words / half): halves every ``half`` hits per 1,000 words
               (the article counted as at least 100 words).
* ``presence`` 1 if n = 0, else 1 - penalty * (2 - 2 ** (1 - n)): the first hit costs ``penalty``,
               each further one half the previous (so never more than 2 * penalty).
* ``custom``   a Python rule's own scorer, clamped to 0..1.

Family sub-score, 0..100: 100 * the weighted mean of its rules' scores (rule ``weight``); a family with no
rule loaded scores 100. The ``share`` rules of a family are first merged into one term, since their spans
are parts of one whole: 1 - the share covered by the *union* of their findings' spans, weighted by the sum
of their weights. For boilerplate this makes the sub-score exactly 100 * (1 - boilerplate ratio). Article score, 0..100: the weighted mean of the four sub-scores with the family
weights of the configuration (``[tool.auditor.weights]``, default 1 each) when the configuration asks for
``model = "families"``; otherwise the score model of ``auditor.calibration`` (the default), fitted to
readers' ratings. Outlet score: its articles' mean shrunk toward the corpus mean, with an interval and
the article count (``outlet_scores``).

The built-in rules, family by family (mode, parameters, severity; ``audit rules show ID`` for the rest):

* attribution: ``vague-attribution`` presence, penalty 0.35, medium (one hit: 0.65);
  ``relayed-attribution`` presence, penalty 0.2, low (disclosed relaying costs little: one relay ~0.88);
  ``single-source`` presence, penalty 0.3, low; ``unattributed-claim`` density, half 5, low;
  ``numeric-disagreement`` presence, penalty 0.3: medium for the article in the minority, low on a tie,
  info (reported, not scored) for the majority.
* inference: ``unverified-inference`` presence, penalty 0.4: medium for a strong hedge no source in the
  article and no other article supports, low for a speculative perfect ("may have"), info when supported.
* quote-fidelity: ``altered-quote`` custom, the mean fidelity of the article's clustered quotes;
  ``quote-polarity-flip`` presence, penalty 0.6, high; ``quote-turned-question`` presence, penalty 0.5,
  medium; ``uncorroborated-quote`` info (reported, not scored).
* boilerplate: every rule is ``share``, merged by union as above.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .models import CATEGORIES, ArticleResult, Finding, RuleResult
from .text.document import merge_spans

SEVERITY_WEIGHT = {"info": 0.0, "low": 0.5, "medium": 1.0, "high": 1.5}


def weighted_count(findings: list[Finding]) -> float:
    return sum(SEVERITY_WEIGHT.get(f.severity, 1.0) for f in findings)


_SPACE = re.compile(r"\s")


def nonspace(text: str, start: int = 0, end: int | None = None) -> int:
    """Non-white-space characters of ``text[start:end]`` (the unit every share is measured in)."""
    end = len(text) if end is None else end
    return (end - start) - len(_SPACE.findall(text, start, end))


def covered_share(text: str, spans: list[tuple[int, int]]) -> float:
    total = nonspace(text)
    if not total or not spans:
        return 0.0
    inside = sum(nonspace(text, s, e) for s, e in merge_spans(spans))
    return min(1.0, inside / total)


def rule_score(meta, doc, findings: list[Finding]) -> float:
    counted = [f for f in findings if SEVERITY_WEIGHT.get(f.severity, 1.0) > 0]
    if meta.score == "share":
        return 1.0 - covered_share(doc.text, [(f.start, f.end) for f in counted])
    n = weighted_count(counted)
    if n == 0:
        return 1.0
    if meta.score == "density":
        words = max(len(doc.words), 100)
        return 0.5 ** ((n * 1000 / words) / meta.half)
    return max(0.0, 1.0 - meta.penalty * (2 - 2 ** (1 - n)))


def family_scores(rules: dict[str, RuleResult], findings: list[Finding] | None = None,
                  text: str = "") -> dict[str, float]:
    acc: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    shares: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])  # family -> [weight, unused]
    share_rules: dict[str, set[str]] = defaultdict(set)
    for r in rules.values():
        if r.mode == "share" and findings is not None:
            shares[r.category][0] += r.weight
            share_rules[r.category].add(r.rule)
            continue
        acc[r.category][0] += r.weight * r.score
        acc[r.category][1] += r.weight
    for fam, (w, _) in shares.items():
        spans = [(f.start, f.end) for f in findings or () if f.rule in share_rules[fam]
                 and SEVERITY_WEIGHT.get(f.severity, 1.0) > 0]
        acc[fam][0] += w * (1.0 - covered_share(text, spans))
        acc[fam][1] += w
    out = {}
    for fam in CATEGORIES:
        s, w = acc.get(fam, (0.0, 0.0))
        out[fam] = round(100 * s / w, 2) if w else 100.0
    for fam, (s, w) in acc.items():  # families a researcher added beyond the four
        if fam not in out:
            out[fam] = round(100 * s / w, 2) if w else 100.0
    return out


def article_score(subscores: dict[str, float], weights: dict[str, float]) -> float:
    num = sum(weights.get(f, 1.0) * v for f, v in subscores.items())
    den = sum(weights.get(f, 1.0) for f in subscores)
    return round(num / den, 2) if den else 100.0


def boilerplate_ratio(result: ArticleResult) -> float:
    """Share of the text's non-space characters that boilerplate findings or the ingest step's cuts cover."""
    spans = [(f.start, f.end) for f in result.findings if f.category == "boilerplate"]
    return round(covered_share(result.article.text, spans + list(result.article.removed or [])), 4)


def apply(result: ArticleResult, weights: dict[str, float], model=None) -> None:
    """Family sub-scores, then the article score: the score model's (``auditor.calibration``) when one is
    given, with each feature's contribution in points, else the weighted mean of the sub-scores."""
    result.subscores = family_scores(result.rules, result.findings, result.article.text)
    if model is None:
        result.features, result.contributions = {}, {}
        result.score = article_score(result.subscores, weights)
        return
    from .features import result_features

    result.features = result_features(result)
    result.contributions = model.contributions(result.features)
    result.score = model.score(result.features)


PRIOR_ARTICLES_MAX = 10.0  # the corpus mean never weighs more than this many articles of an outlet's own


def outlet_scores(results: list[ArticleResult]) -> dict[str, dict]:
    """Each outlet's score, shrunk toward the corpus mean by how little its articles say, with an interval.

    ``mean`` is the plain mean of its articles' scores. ``score`` is the empirical-Bayes estimate
    ``(n * mean + k * corpus_mean) / (n + k)``: ``k = within / between`` compares the spread of articles
    inside an outlet (pooled variance) with the spread between outlets' means (method of moments), and is
    capped at ``PRIOR_ARTICLES_MAX``; an outlet with two articles moves toward the corpus mean far more than
    one with forty. ``ci95`` is ``score +- 1.96 * sqrt(within / (n + k))`` clipped to 0..100 (None when the
    corpus has no two articles of one outlet to measure the spread from)."""
    import math

    by: dict[str, list[float]] = defaultdict(list)
    for r in sorted(results, key=lambda r: r.article.id):
        by[r.article.outlet or "(unknown)"].append(r.score)
    if not by:
        return {}
    scores = [x for v in by.values() for x in v]
    grand = math.fsum(scores) / len(scores)
    means = {o: math.fsum(v) / len(v) for o, v in by.items()}
    dof = sum(len(v) - 1 for v in by.values())
    within = math.fsum((x - means[o]) ** 2 for o, v in by.items() for x in v) / dof if dof else None
    k = 0.0
    if within is not None and len(by) >= 2:
        spread = math.fsum((m - grand) ** 2 for m in means.values()) / (len(by) - 1)
        between = spread - math.fsum(within / len(v) for v in by.values()) / len(by)
        k = PRIOR_ARTICLES_MAX if between <= 0 else min(PRIOR_ARTICLES_MAX, within / between)
    out = {}
    for o, v in sorted(by.items()):
        n = len(v)
        est = (n * means[o] + k * grand) / (n + k)
        ci = None
        if within is not None:
            half = 1.96 * math.sqrt(within / (n + k))
            ci = [round(max(0.0, est - half), 2), round(min(100.0, est + half), 2)]
        out[o] = {"score": round(est, 2), "mean": round(means[o], 2), "articles": n, "ci95": ci,
                  "prior_articles": round(k, 2)}
    return out
