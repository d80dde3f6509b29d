"""docs/rules.md, followed as a new user would: its YAML rule passes its own tests and scores the seeds."""

from __future__ import annotations

import json
import re
import shutil

from typer.testing import CliRunner

from auditor.cli import app
from tests.helpers import ROOT, SEEDS

runner = CliRunner()


def tutorial_yaml() -> str:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    return next(b for b in blocks if "id: anonymous-officials" in b)


def test_tutorial_rule_end_to_end(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    assert runner.invoke(app, ["rules", "new", "anonymous-officials", "--dir", "myrules"]).exit_code == 0
    (tmp_path / "myrules" / "anonymous-officials.yaml").write_text(tutorial_yaml(), encoding="utf-8")
    res = runner.invoke(app, ["rules", "test", "myrules"])
    assert res.exit_code == 0, res.output
    assert "ok   anonymous-officials: 5 cases" in res.output
    res = runner.invoke(app, ["score", "seeds/", "--rules", "myrules", "--json", "out.json", "--no-db"])
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert all(a["rules"]["anonymous-officials"]["category"] == "attribution" for a in data["articles"])
