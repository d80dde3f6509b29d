"""Configuration from auditor.toml or [tool.auditor] in pyproject.toml changes what runs and how it weighs."""

from __future__ import annotations

import json
import shutil

from typer.testing import CliRunner

from auditor.cli import app
from auditor.config import load_config
from tests.helpers import SEEDS

runner = CliRunner()


def score(tmp_path) -> dict:
    res = runner.invoke(app, ["score", "seeds", "--no-db", "--json", "out.json"])
    assert res.exit_code == 0, res.output
    return {a["id"]: a for a in json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["articles"]}


def test_family_weights_with_the_families_model_ignore_and_rule_weights_from_auditor_toml(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    base = score(tmp_path)
    (tmp_path / "auditor.toml").write_text(
        'ignore = ["read-time"]\nmodel = "families"\n[weights]\ninference = 5.0\nboilerplate = 0.0\n',
        encoding="utf-8")
    weighted = score(tmp_path)
    for aid, a in weighted.items():
        assert "read-time" not in a["rules"] and "read-time" in base[aid]["rules"]
        subs = a["subscores"]
        expect = (subs["attribution"] + subs["quote-fidelity"] + 5 * subs["inference"]) / 7
        assert abs(a["score"] - expect) < 0.01
    worst = min(weighted.values(), key=lambda a: a["score"])
    assert worst["subscores"]["inference"] < 100  # the article with the unverified inference sinks


def test_pyproject_tool_auditor_section(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.auditor]\ndb = "sqlite:///elsewhere.db"\nselect = ["boilerplate"]\n'
        '[tool.auditor.rule-weights]\nduplicate-line = 3\n', encoding="utf-8")
    cfg = load_config(tmp_path)
    assert cfg.db == "sqlite:///elsewhere.db" and cfg.select == ["boilerplate"]
    assert cfg.rule_weights == {"duplicate-line": 3.0} and cfg.source.endswith("pyproject.toml")


def test_no_configuration_gives_the_defaults(tmp_path):
    cfg = load_config(tmp_path)
    assert cfg.source is None and cfg.weights == {"attribution": 1.0, "boilerplate": 1.0,
                                                  "quote-fidelity": 1.0, "inference": 1.0}
