"""The registry: researchers' rule folders, errors they can act on, isolation of failing rules."""

from __future__ import annotations

import textwrap

from auditor.config import Config
from auditor.engine import audit
from auditor.models import Article
from auditor.rules import load_rules
from auditor.ruletest import parse_marked, run_case
from tests.helpers import seed_articles

GOOD_YAML = """\
id: vague-officials
name: Vague officials
family: attribution
severity: medium
score: density
docs:
  what: Attribution to unnamed officials.
  why: Anonymous sourcing cannot be checked.
examples:
  flagged: ["⟦Officials said⟧ the deal was close."]
  clean: ["The minister said the deal was close."]
match:
  phrases: [officials said, sources say]
where: author
span: match
message: "vague: {match}"
"""


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def test_parse_marked_gives_exact_spans():
    text, exp, todo = parse_marked("a ⟦bc⟧ d ⦃ef⦄")
    assert text == "a bc d ef"
    assert [text[s:e] for s, e in exp] == ["bc"]
    assert [text[s:e] for s, e in todo] == ["ef"]


def test_researcher_yaml_rule_loads_and_scores_every_article(tmp_path):
    write(tmp_path, "vague-officials.yaml", GOOD_YAML)
    reg = load_rules([tmp_path])
    assert reg.errors == []
    rule = reg.get("vague-officials")
    assert rule.origin.endswith("vague-officials.yaml")
    run = audit(seed_articles(), reg, Config())
    for r in run.results:
        assert "vague-officials" in r.rules
        assert 0.0 <= r.rules["vague-officials"].score <= 1.0


def test_yaml_author_voice_skips_quotations(tmp_path):
    write(tmp_path, "vague-officials.yaml", GOOD_YAML)
    reg = load_rules([tmp_path], builtin=False)
    rule = reg.get("vague-officials")
    text = 'Officials said it was over. "Officials said nothing," he said.'
    res = run_case(rule, reg, "t", text.replace("Officials said it", "⟦Officials said⟧ it", 1), clean=False)
    assert res.ok, res.diff()


def test_malformed_yaml_is_reported_with_file_and_line(tmp_path):
    write(tmp_path, "broken.yaml", "id: broken\nfamily: attribution\ndocs: [unclosed\n")
    reg = load_rules([tmp_path])
    assert len(reg.errors) == 1
    assert "broken.yaml:" in reg.errors[0] and "not valid YAML" in reg.errors[0]
    assert "broken" not in [r.id for r in reg.rules]


def test_schema_error_names_the_key_and_its_line(tmp_path):
    bad = GOOD_YAML.replace("family: attribution", "family: astrology")
    write(tmp_path, "bad-family.yaml", bad)
    reg = load_rules([tmp_path])
    assert len(reg.errors) == 1
    msg = reg.errors[0]
    assert "bad-family.yaml" in msg and "family (line 3)" in msg and "attribution" in msg


def test_rule_without_examples_is_refused(tmp_path):
    bad = GOOD_YAML.split("examples:")[0] + "match:\n  phrases: [x]\n"
    write(tmp_path, "no-examples.yaml", bad)
    reg = load_rules([tmp_path])
    assert any("examples" in e for e in reg.errors)


def test_invalid_regex_is_reported(tmp_path):
    write(tmp_path, "bad-rx.yaml", GOOD_YAML.replace("id: vague-officials", "id: bad-rx")
          .replace("phrases: [officials said, sources say]", "regex: ['(unclosed']"))
    reg = load_rules([tmp_path], builtin=False)
    assert reg.rules == [] and "not a valid regular expression" in reg.errors[0]


def test_raising_python_rule_is_isolated_and_run_completes(tmp_path):
    write(tmp_path, "explodes.py", '''
        from auditor.rules import rule

        @rule(id="explodes", name="Explodes", family="inference", docs={"what": "x", "why": "y"},
              examples={"flagged": ["⟦a⟧"], "clean": ["b"]})
        def check(doc):
            if "Rutte" in doc.text:
                raise ZeroDivisionError("boom")
            return []
    ''')
    reg = load_rules([tmp_path])
    assert reg.errors == []
    arts = seed_articles() + [Article(id="plain", text="Nothing to see here. The sky is blue.")]
    run = audit(arts, reg, Config())
    assert len(run.results) == len(arts)
    failed = [e for e in run.rule_errors if "explodes" in e]
    assert len(failed) == len(arts) - 1 and all("ZeroDivisionError: boom" in e for e in failed)
    plain = next(r for r in run.results if r.article.id == "plain")
    assert "explodes" in plain.rules


def test_python_rule_that_fails_to_import_is_reported(tmp_path):
    write(tmp_path, "typo.py", "from auditor.rules import rule\nx = undefined_name\n")
    reg = load_rules([tmp_path])
    assert len(reg.errors) == 1 and "typo.py:2" in reg.errors[0] and "NameError" in reg.errors[0]


def test_catastrophic_regex_is_stopped(tmp_path):
    write(tmp_path, "slow.yaml", GOOD_YAML.replace("id: vague-officials", "id: slow")
          .replace("phrases: [officials said, sources say]", "regex: ['(a|a)+$']")
          .replace("where: author", "where: document"))
    reg = load_rules([tmp_path], builtin=False)
    assert reg.errors == []
    run = audit([Article(id="evil", text="a" * 40 + "!")], reg, Config())
    assert any("backtracking" in e for e in run.rule_errors)
    assert len(run.results) == 1


def test_select_and_ignore_by_family_and_id():
    all_ids = {r.id for r in load_rules().rules}
    only = load_rules(select=["boilerplate"])
    assert only.rules and all(r.family == "boilerplate" for r in only.rules)
    some = load_rules(ignore=["read-time"])
    assert {r.id for r in some.rules} == all_ids - {"read-time"}


def test_duplicate_rule_id_is_an_error(tmp_path):
    write(tmp_path, "a.yaml", GOOD_YAML)
    sub = tmp_path / "sub"
    sub.mkdir()
    write(sub, "b.yaml", GOOD_YAML)
    reg = load_rules([tmp_path], builtin=False)
    assert len(reg.rules) == 1 and "already defined" in reg.errors[0]


def test_a_researchers_data_folder_extends_the_builtin_word_lists(tmp_path):
    from auditor.text.attribution import extract_attributions
    from auditor.text.document import Doc

    text = "The ceasefire holds, according to the Zorblat Wire agency."
    before = [a.source for a in extract_attributions(Doc(Article(id="x", text=text)))]
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "hedges.yaml").write_text("strong: [supposedlyish]\n", encoding="utf-8")
    write(tmp_path, "vague-officials.yaml", GOOD_YAML)
    reg = load_rules([tmp_path])
    assert reg.errors == []
    from auditor.text.hedges import hedge_patterns

    assert any(rx.search("It is supposedlyish over.") for rx, _ in hedge_patterns())
    load_rules()  # back to the built-in lists only
    assert not any(rx.search("It is supposedlyish over.") for rx, _ in hedge_patterns())
    assert before == [a.source for a in extract_attributions(Doc(Article(id="x", text=text)))]


def test_the_rules_fingerprint_covers_the_packages_own_code(monkeypatch):
    """The stage cache is keyed by the registry's fingerprint: text layers changed by an upgrade of auditor
    (no rule file touched) must not reuse what the old code computed."""
    import auditor.rules as rules_mod

    before = rules_mod.load_rules().fingerprint
    assert rules_mod.load_rules().fingerprint == before
    monkeypatch.setattr(rules_mod, "_code_fingerprint", lambda: b"another version of the text layers")
    assert rules_mod.load_rules().fingerprint != before
