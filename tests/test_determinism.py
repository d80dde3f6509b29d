"""The same articles give the same export, whatever the hash seed, the job count and the file order.

A generated corpus of a few thousand articles is split into three JSON Lines files and scored twice by
the real command in fresh interpreters: once with ``PYTHONHASHSEED=1``, one process and the files named in
order; once with ``PYTHONHASHSEED=2``, two processes and the files named backwards. Everything in the two
exports must agree except what names the run itself (its timestamps) and where each article was read from.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# 2,000 in the suite; the 3,000 with AUDITOR_DETERMINISM_ARTICLES=3000 (benchmarks/README.md)
N_ARTICLES = int(os.environ.get("AUDITOR_DETERMINISM_ARTICLES", "2000"))
AUDIT = str(Path(sys.executable).parent / "audit")


def _start(tmp: Path, name: str, files: list[Path], seed: str, jobs: int) -> tuple[subprocess.Popen, Path]:
    out = tmp / f"{name}.json"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    cmd = [AUDIT, "score", *map(str, files), "--jobs", str(jobs),
           "--json", str(out), "--db", f"sqlite:///{tmp / (name + '.db')}"]
    return subprocess.Popen(cmd, env=env, cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True), out


def _finish(started: tuple[subprocess.Popen, Path]) -> dict:
    proc, out = started
    _, err = proc.communicate(timeout=1200)
    assert out.is_file(), (err or "")[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


def _comparable(export: dict) -> dict:
    export = dict(export)
    run = dict(export.pop("run"))
    for k in ("started", "finished"):
        run.pop(k, None)
    export["run"] = run
    export["articles"] = [{k: v for k, v in a.items() if k != "source"} for a in export["articles"]]
    return export


def _partition(export: dict) -> list[list[tuple[str, int]]]:
    """The quote partition: which (article, quote start) renderings share a cluster, ids aside."""
    groups: dict[str, list[tuple[str, int]]] = {}
    for a in export["articles"]:
        for q in a.get("quotes") or []:
            if q.get("cluster"):
                groups.setdefault(q["cluster"], []).append((a["id"], q["start"]))
    return sorted(sorted(g) for g in groups.values())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate_corpus import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    records, _ = generate(N_ARTICLES, seed=11)
    tmp = tmp_path_factory.mktemp("det")
    files = []
    for i in range(3):
        p = tmp / f"part{i}.jsonl"
        p.write_text("".join(json.dumps(r) + "\n" for r in records[i::3]), encoding="utf-8")
        files.append(p)
    return files


def test_hash_seed_jobs_and_file_order_do_not_change_the_export(corpus, tmp_path):
    # the two runs side by side (separate databases and exports): the suite's longest test, halved
    started = _start(tmp_path, "a", corpus, seed="1", jobs=1), _start(tmp_path, "b", corpus[::-1], seed="2", jobs=2)
    a, b = (_finish(x) for x in started)
    assert len(a["articles"]) == N_ARTICLES
    # the corpus exercises what used to vary: clustered quotes and corpus-stage findings
    assert sum(1 for x in a["articles"] for q in x["quotes"] if q.get("cluster")) > N_ARTICLES
    assert _partition(a) == _partition(b)
    ca, cb = _comparable(a), _comparable(b)
    by_a = {x["id"]: x for x in ca["articles"]}
    by_b = {x["id"]: x for x in cb["articles"]}
    differ = sorted(k for k in by_a if by_a[k] != by_b.get(k))
    assert not differ, f"{len(differ)} articles differ, e.g. {differ[:5]}"
    for key in sorted(set(ca) | set(cb)):
        assert ca.get(key) == cb.get(key), f"the export's {key!r} differs"


_RECORD_PATTERNS = r'''
import json, re, sys
import regex._main as regex_main

seen = set()

def record(module):
    compile_ = module._compile
    def _compile(pattern, flags, *args, **kwargs):
        frame = sys._getframe(1)
        for _ in range(8):
            if frame is None:
                break
            if "/auditor/" in frame.f_code.co_filename.replace("\\", "/"):
                seen.add(f"{module.__name__} {int(flags)} {pattern}")
                break
            frame = frame.f_back
        return compile_(pattern, flags, *args, **kwargs)
    module._compile = _compile

record(re)
record(regex_main)
from auditor.cli import main
sys.argv = ["audit", "score", sys.argv[1], "--jobs", "1", "--db", sys.argv[2], "--json", sys.argv[3]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(seen)))
'''


def test_compiled_patterns_do_not_depend_on_the_hash_seed(tmp_path):
    """Every regular expression the package compiles while scoring the seeds has the same text under two
    hash seeds: the word lists behind an alternation are ordered by length and then alphabetically, never
    in a set's order. (Equal-length alternatives in a different order can match differently when they
    hold whitespace classes.)"""
    script = tmp_path / "record.py"
    script.write_text(_RECORD_PATTERNS, encoding="utf-8")
    found = []
    for seed in ("1", "2"):
        r = subprocess.run(
            [sys.executable, str(script), str(ROOT / "seeds"), f"sqlite:///{tmp_path / (seed + '.db')}",
             str(tmp_path / f"{seed}.json")],
            env={**os.environ, "PYTHONHASHSEED": seed}, cwd=tmp_path, capture_output=True, text=True,
            timeout=600)
        assert r.returncode == 0, r.stderr[-3000:]
        found.append(json.loads(r.stdout.strip().splitlines()[-1]))
    assert len(found[0]) > 100  # the speaker, attribution, hedge and claim patterns were all built
    only = sorted(set(found[0]) ^ set(found[1]))
    assert not only, f"{len(only)} patterns differ between hash seeds, e.g. {only[0][:200]!r}"
