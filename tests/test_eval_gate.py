"""Evaluation gate: the seeds scored end to end against their hand annotations, with pinned floors.

Runs `audit score seeds/ --json` and the annotation scorer (a copy of ../shared/eval/score.py with the
gold annotations, in tests/gold/). Every check named in floors.json must pass, and no figure may fall
below its floor: a change that lowers one fails here instead of slipping through.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from tests.helpers import ROOT

GOLD = ROOT / "tests" / "gold"
FLOORS = json.loads((GOLD / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("eval") / "out.json"
    res = CliRunner().invoke(app, ["score", str(ROOT / "seeds"), "--json", str(out), "--no-db"])
    assert res.exit_code == 0, res.output
    proc = subprocess.run([sys.executable, str(GOLD / "score.py"), str(out), "--gold", str(GOLD / "seeds_gold.json"),
                           "--texts", str(ROOT / "seeds")], capture_output=True, text=True, check=True)
    rows = {}
    for line in proc.stdout.splitlines():
        m = re.match(r"(PASS|FAIL)  (.+?)\s{2,}(.*?)\s+bar: ", line)
        if m:
            rows[m.group(2).strip()] = (m.group(1) == "PASS", m.group(3))
    return rows


@pytest.mark.parametrize("check", FLOORS["must_pass"])
def test_check_passes(report, check):
    ok, figure = report[check]
    assert ok, f"{check}: {figure}"


@pytest.mark.parametrize("check", sorted(FLOORS["figures"]))
def test_figure_at_or_above_floor(report, check):
    _, figure = report[check]
    for key, floor in FLOORS["figures"][check].items():
        if key == "ratio":
            m = re.match(r"(\d+)/(\d+)", figure)
            value = int(m.group(1)) / int(m.group(2))
        else:
            value = float(re.search(rf"\b{key} ([0-9.]+)", figure).group(1))
        assert value >= floor, f"{check} {key} = {value} fell below its floor {floor} ({figure})"
