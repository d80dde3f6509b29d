"""`audit serve`: datasette on a free loopback port, canned queries answering as JSON, the store untouched."""

from __future__ import annotations

import hashlib
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.serve import CANNED_QUERIES, metadata
from auditor.store import load_run
from tests.helpers import SEEDS

pytest.importorskip("datasette")
runner = CliRunner()
START_TIMEOUT_S = 120  # bounded, generous: the machine is shared


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=30) as resp:
        return json.loads(resp.read().decode("utf-8"))


def test_serve_answers_canned_queries_as_json_and_leaves_the_store_as_it_was(tmp_path):
    db = tmp_path / "coverage.db"
    res = runner.invoke(app, ["score", str(SEEDS), "--db", str(db)])
    assert res.exit_code == 0, res.output
    export = load_run(str(db))
    from auditor.store import dispose_engines

    dispose_engines()  # close our connections: the file is as `audit score` left it
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-c", "from auditor.cli import main; main()", "serve", str(db),
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                get_json(f"{base}/-/versions.json")
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, proc.stdout.read().decode()
                assert time.monotonic() < deadline, "datasette did not start"
                time.sleep(0.3)
        rows = get_json(f"{base}/coverage/weakest_articles.json?_shape=array")
        ranked = [a["id"] for a in export["articles"]]  # the JSON export ranks lowest score first
        assert [r["article_id"] for r in rows] == ranked
        assert rows[0]["score"] == pytest.approx(export["articles"][0]["score"])
        assert rows[0]["most_serious_rule"] in {f["rule"] for f in export["articles"][0]["findings"]}
        relayed = get_json(f"{base}/coverage/relayed_attributions.json?_shape=array")
        assert {r["source"] for r in relayed} == {x["source"] for a in export["articles"]
                                                 for x in a["attributions"] if x["kind"] == "relayed"}
        altered = get_json(f"{base}/coverage/altered_quotes.json?_shape=array&run={export['run']['id']}")
        clusters = {c["id"]: c["consensus"] for c in export["quote_clusters"]}
        assert altered and all(r["consensus"] == clusters[r["cluster_id"]] and r["fidelity"] < 1 for r in altered)
        for name in CANNED_QUERIES:  # every canned query runs
            assert isinstance(get_json(f"{base}/coverage/{name}.json?_shape=array"), list)
        meta = get_json(f"{base}/-/metadata.json")
        assert meta["databases"]["coverage"]["tables"]["findings"]["columns"]["start"].startswith("Start of")
        (served,) = get_json(f"{base}/-/databases.json")  # opened immutable: read-only
        assert served["name"] == "coverage" and served["is_mutable"] is False
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        proc.stdout.close()
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_metadata_describes_the_store_from_the_tidy_table_descriptions():
    from auditor.tables import BY_NAME

    tables = metadata("auditor")["databases"]["auditor"]["tables"]
    cols = {c.name: c for c in BY_NAME["findings"].columns}
    assert tables["findings"]["columns"]["idx"] == cols["finding_idx"].description
    assert tables["quotes"]["columns"]["cluster"].startswith(BY_NAME["quotes"].columns[10].description[:30])
    assert tables["articles"]["columns"]["text"].startswith("The article's text")
    assert all(t["description"] for t in tables.values())


def test_serve_refuses_what_datasette_cannot_open(tmp_path):
    res = runner.invoke(app, ["serve", "--db", "postgresql+psycopg://u@127.0.0.1:1/x"])
    assert res.exit_code == 2 and "SQLite" in res.output
    res = runner.invoke(app, ["serve", str(tmp_path / "none.db")])
    assert res.exit_code == 4 and "no database" in res.output
