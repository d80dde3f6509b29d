"""Every rule's documentation, examples and fixtures run as tests (the suite fails on a gap)."""

from __future__ import annotations

import pytest

from auditor.rules import load_rules
from auditor.ruletest import missing_docs, run_rule_tests

REGISTRY = load_rules()


def test_builtin_rules_load_without_error():
    assert REGISTRY.errors == []
    assert {r.family for r in REGISTRY.rules} >= {"boilerplate"}


@pytest.mark.parametrize("rule", REGISTRY.rules, ids=lambda r: r.id)
def test_rule_is_documented(rule):
    assert missing_docs(rule) == []
    assert rule.meta.examples.flagged and rule.meta.examples.clean


@pytest.mark.parametrize("rule", REGISTRY.rules, ids=lambda r: r.id)
def test_rule_examples_and_fixtures(rule):
    failures = [f"{c.name}:\n{c.diff()}" for c in run_rule_tests(rule, REGISTRY) if not c.ok]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("rule", REGISTRY.rules, ids=lambda r: r.id)
def test_builtin_rule_file_is_named_after_its_rule_and_family(rule):
    from pathlib import Path

    p = Path(rule.origin)
    assert p.stem == rule.id and p.parent.name == rule.family
