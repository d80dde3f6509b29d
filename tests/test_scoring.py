"""The scoring formula (auditor/scoring.py), checked against its documented definition."""

from __future__ import annotations

import pytest

from auditor.models import Article, Finding, RuleResult
from auditor.rules import Meta
from auditor.scoring import article_score, covered_share, family_scores, rule_score
from auditor.text.document import Doc

DOCS = {"what": "x", "why": "y"}
EX = {"flagged": ["⟦a⟧"], "clean": ["b"]}


def meta(**kw):
    return Meta(id="r", family="attribution", docs=DOCS, examples=EX, **kw)


def f(s, e, sev="medium", rule="r"):
    return Finding(rule=rule, category="boilerplate", message="m", start=s, end=e, severity=sev)


def test_share_is_one_minus_covered_non_space_characters():
    doc = Doc(Article(id="a", text="ab cd\nef gh"))  # 8 non-space characters
    assert rule_score(meta(score="share"), doc, [f(0, 2)]) == pytest.approx(1 - 2 / 8)
    assert rule_score(meta(score="share"), doc, [f(0, 2), f(1, 5)]) == pytest.approx(1 - 4 / 8)


def test_presence_first_hit_costs_penalty_and_then_halves():
    doc = Doc(Article(id="a", text="x"))
    m = meta(score="presence", penalty=0.4)
    assert rule_score(m, doc, []) == 1.0
    assert rule_score(m, doc, [f(0, 1)]) == pytest.approx(0.6)
    assert rule_score(m, doc, [f(0, 1), f(0, 1)]) == pytest.approx(1 - 0.4 * 1.5)
    assert rule_score(m, doc, [f(0, 1, "info")]) == 1.0  # info findings are reported, not scored


def test_density_halves_every_half_hits_per_thousand_words():
    doc = Doc(Article(id="a", text=" ".join(["word"] * 200)))
    m = meta(score="density", half=5)
    assert rule_score(m, doc, [f(0, 4)] * 1) == pytest.approx(0.5 ** ((1000 / 200) / 5))


def test_family_share_rules_are_merged_by_union():
    text = "abcdefghij"
    rules = {"a": RuleResult("a", "boilerplate", 0.7, 1.0, "share"),
             "b": RuleResult("b", "boilerplate", 0.7, 1.0, "share")}
    fs = [f(0, 3, rule="a"), f(0, 3, rule="b")]
    assert covered_share(text, [(0, 3)]) == pytest.approx(0.3)
    assert family_scores(rules, fs, text)["boilerplate"] == pytest.approx(70.0)


def test_article_score_is_weighted_mean_of_families():
    subs = {"attribution": 50.0, "boilerplate": 100.0, "quote-fidelity": 100.0, "inference": 100.0}
    assert article_score(subs, {}) == pytest.approx(87.5)
    assert article_score(subs, {"attribution": 3.0}) == pytest.approx((150 + 300) / 6)
