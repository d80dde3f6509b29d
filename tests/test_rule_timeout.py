"""A researcher's rule that never returns is stopped after its time budget, reported, and the run goes on."""

from __future__ import annotations

import json
import textwrap
import threading
import time

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.config import load_config
from auditor.rules import RuleTimeout, time_budget

runner = CliRunner()

HANGING_RULE = textwrap.dedent('''
    """whirlpool-loop: loops forever on any article that mentions a whirlpool (a test rule)."""

    from auditor.rules import rule


    @rule(
        id="whirlpool-loop",
        family="boilerplate",
        docs={"what": "Nothing useful: it never returns on a whirlpool.", "why": "To test the time budget."},
        examples={"flagged": ["⟦whirlpool⟧"], "clean": ["calm water"]},
    )
    def check(doc):
        if "whirlpool" not in doc.text:
            return []
        n = 0
        while True:  # a researcher's bug: the loop never ends
            try:
                n += 1
            except Exception:  # and it would swallow an ordinary exception
                pass
''')

SUBJECTS = ["The ferry operator", "A regional council", "The fisheries inspector", "Local boatmen",
            "The harbour master", "A marine biologist", "The coastguard", "Residents of the bay"]
EVENTS = ["reported a sharp drop in visitors this summer", "asked for new mooring rules before winter",
          "described the tides near the headland as unusually strong", "published the annual count of seals",
          "warned that the old breakwater needs repair", "said the channel will be dredged in March"]


def _article(i: int) -> str:
    who, what = SUBJECTS[i % len(SUBJECTS)], EVENTS[i % len(EVENTS)]
    extra = " Sailors were told to keep clear of the whirlpool off the point." if i in (3, 40, 66) else ""
    return (f"Coastal notes, item {i}\n\n{who} {what}, according to a statement issued on day {i}. "
            f"{who} {EVENTS[(i + 1) % len(EVENTS)]}.{extra} More details are expected next week.\n")


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "myrules").mkdir()
    (tmp_path / "myrules" / "whirlpool_loop.py").write_text(HANGING_RULE, encoding="utf-8")
    (tmp_path / "news").mkdir()
    for i in range(70):  # enough for the process pool (which takes chunks of 32)
        (tmp_path / "news" / f"note{i:02d}.txt").write_text(_article(i), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_rule_that_loops_forever_is_stopped_and_reported(workdir, jobs):
    t = time.monotonic()
    res = runner.invoke(app, ["score", "news", "--rules", "myrules", "--rule-timeout", "0.5", "--jobs", jobs,
                              "--json", "out.json", "--no-db"])
    elapsed = time.monotonic() - t
    assert res.exit_code == 1, res.output  # done, with rule errors
    assert elapsed < 120  # never hangs (3 stopped articles, 0.5 s each, plus the run itself)
    data = json.loads((workdir / "out.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 70  # every article scored
    errors = [e for e in data["errors"]["rules"] if "whirlpool-loop" in e]
    assert sorted(errors) == [f"rule whirlpool-loop failed on note{i:02d}: RuleTimeout: took longer than its time "
                              f"budget of 0.5 s and was stopped (raise the budget with --rule-timeout or "
                              f"[tool.auditor] rule-timeout)" for i in (3, 40, 66)]
    by_id = {a["id"]: a for a in data["articles"]}
    for i in (3, 40, 66):
        stopped = by_id[f"note{i:02d}"]
        assert "whirlpool-loop" not in stopped["rules"]  # no result for the stopped rule ...
        assert len(stopped["rules"]) > 5 and stopped["readability"]["words"] > 10  # ... the rest ran
    assert "whirlpool-loop" in by_id["note04"]["rules"]  # where it returned, it has its result
    assert "rule whirlpool-loop failed on 3 articles" in res.output.replace("\n", " ")


def test_the_budget_comes_from_pyproject(workdir):
    (workdir / "pyproject.toml").write_text("[tool.auditor]\nrule-timeout = 0.25\nrules = ['myrules']\n",
                                            encoding="utf-8")
    assert load_config(workdir).rule_timeout == 0.25
    res = runner.invoke(app, ["score", "news/note03.txt", "news/note04.txt", "--json", "out.json", "--no-db"])
    assert res.exit_code == 1, res.output
    errors = json.loads((workdir / "out.json").read_text(encoding="utf-8"))["errors"]["rules"]
    assert any("note03: RuleTimeout: took longer than its time budget of 0.25 s" in e for e in errors)


def test_a_stopped_rule_is_not_cached_so_a_larger_budget_retries_it(workdir):
    args = ["score", "news/note03.txt", "news/note04.txt", "--rules", "myrules", "--json", "out.json",
            "--db", "sqlite:///store.db"]
    assert runner.invoke(app, [*args, "--rule-timeout", "0.2"]).exit_code == 1
    (workdir / "myrules" / "whirlpool_loop.py").write_text(HANGING_RULE, encoding="utf-8")  # same rule file
    res = runner.invoke(app, [*args, "--rule-timeout", "0.4"])
    errors = json.loads((workdir / "out.json").read_text(encoding="utf-8"))["errors"]["rules"]
    assert res.exit_code == 1 and any("budget of 0.4 s" in e for e in errors)  # ran again, not read back


@pytest.mark.parametrize("bad", ["'soon'", "-1", "true"])
def test_a_bad_budget_in_the_configuration_is_refused_with_the_file_named(workdir, bad):
    (workdir / "pyproject.toml").write_text(f"[tool.auditor]\nrule-timeout = {bad}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"pyproject\.toml: rule-timeout must be a number of seconds"):
        load_config(workdir)
    res = runner.invoke(app, ["score", "news/note04.txt", "--no-db"])
    assert res.exit_code == 2 and "rule-timeout" in res.output


def test_the_budget_also_works_off_the_main_thread():
    """A thread (a notebook's worker, a Dask worker) has no SIGALRM: a watchdog stops the rule there."""
    got: list[str] = []
    th = threading.Thread(target=lambda: got.append(_stop_in_thread()))
    th.start()
    th.join(30)
    assert not th.is_alive() and got == ["stopped"]


def _stop_in_thread() -> str:
    try:
        with time_budget(0.3):
            while True:
                pass
    except RuleTimeout:
        return "stopped"
    return "returned"


def test_a_block_that_finishes_in_time_is_left_alone_and_nothing_fires_later():
    for _ in range(3):
        with time_budget(0.2):
            total = sum(range(1000))
    time.sleep(0.5)  # a stray alarm would raise here
    assert total == 499500
    with time_budget(0):  # no budget at all
        time.sleep(0.01)


def test_built_in_rules_have_no_budget_so_shared_layers_are_never_cut_short(tmp_path):
    """The first rule to ask for a shared layer (the corpus's quote clusters) computes it; a budget on
    built-in rules would stop that computation on every article. A tiny budget changes nothing here."""
    from auditor.config import Config
    from auditor.engine import audit
    from auditor.export import run_to_dict
    from auditor.ingest import iter_inputs
    from auditor.rules import load_rules
    from tests.helpers import ROOT

    (tmp_path / "myrules").mkdir()
    (tmp_path / "myrules" / "whirlpool_loop.py").write_text(HANGING_RULE, encoding="utf-8")
    registry = load_rules([tmp_path / "myrules"])
    assert all(r.builtin for r in registry.rules if r.id != "whirlpool-loop")
    assert not registry.get("whirlpool-loop").builtin
    arts = [a for a in iter_inputs([ROOT / "seeds"]) if not hasattr(a, "reason")]
    tight = Config()
    tight.rule_timeout = 1e-6
    fast = run_to_dict(audit(arts, load_rules(), tight, jobs=1))
    normal = run_to_dict(audit(arts, load_rules(), Config(), jobs=1))
    assert not any("RuleTimeout" in e for e in fast["errors"]["rules"])
    for key in ("articles", "quote_clusters", "claims", "graph"):
        assert fast[key] == normal[key]
