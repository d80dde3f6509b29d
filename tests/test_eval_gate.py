"""Evaluation gate: the seeds scored end to end against their hand annotations, with pinned floors.

Runs `audit score seeds/ --json` and the annotation scorer (a copy of ../shared/eval/score.py with the
gold annotations, in tests/gold/). Every check named in floors.json must pass, and no figure may fall
below its floor: a change that lowers one fails here instead of slipping through. The same gate holds for
the invented events of devset/synthetic (floors.json, "synthetic"); a held-out event is left out of it
until it has been scored blind once, and gated from then on.
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


SYNTHETIC = ROOT / "devset" / "synthetic"


def _score(tmp, inputs: list[str], gold, texts) -> dict[str, tuple[bool, str]]:
    out = tmp / "out.json"
    res = CliRunner().invoke(app, ["score", *inputs, "--json", str(out), "--no-db"])
    assert res.exit_code == 0, res.output
    proc = subprocess.run([sys.executable, str(GOLD / "score.py"), str(out), "--gold", str(gold),
                           "--texts", str(texts)], capture_output=True, text=True, check=True)
    rows = {}
    for line in proc.stdout.splitlines():
        m = re.match(r"(PASS|FAIL)  (.+?)\s{2,}(.*?)\s+bar: ", line)
        if m:
            rows[m.group(2).strip()] = (m.group(1) == "PASS", m.group(3))
    return rows


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return _score(tmp_path_factory.mktemp("eval"), [str(ROOT / "seeds")], GOLD / "seeds_gold.json", ROOT / "seeds")


@pytest.mark.parametrize("check", FLOORS["must_pass"])
def test_check_passes(report, check):
    ok, figure = report[check]
    assert ok, f"{check}: {figure}"


@pytest.mark.parametrize("check", sorted(FLOORS["figures"]))
def test_figure_at_or_above_floor(report, check):
    _at_or_above(report, check, FLOORS["figures"][check])


def _at_or_above(report, check, floors):
    _, figure = report[check]
    for key, floor in floors.items():
        if key == "ratio":
            m = re.match(r"(\d+)/(\d+)", figure)
            value = int(m.group(1)) / int(m.group(2))
        else:
            value = float(re.search(rf"\b{key} ([0-9.]+)", figure).group(1))
        assert value >= floor, f"{check} {key} = {value} fell below its floor {floor} ({figure})"


@pytest.mark.parametrize("event", sorted(k for k in FLOORS["synthetic"] if not k.startswith("_")))
def test_synthetic_event_holds_its_floors(tmp_path, event):
    folder = SYNTHETIC / event
    rows = _score(tmp_path, [str(p) for p in sorted(folder.glob("0*.txt"))], folder / "gold.json", folder)
    floors = FLOORS["synthetic"][event]
    failed = [c for c in floors["must_pass"] if not rows[c][0]]
    assert not failed, {c: rows[c][1] for c in failed}
    for check, figs in floors["figures"].items():
        _at_or_above(rows, check, figs)
