"""Tidy tables out (`audit score --csv/--parquet`, `audit export`): the rows are the JSON export's, every
key is unique, every foreign key resolves, and Frictionless opens the folder as it is."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.tables import TABLES
from tests.helpers import ROOT, SEEDS

runner = CliRunner()
ECHO_PAIR = ROOT / "tests" / "fixtures" / "tables"  # two short articles of our own, one copying the other


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    """The seeds and the echo pair scored once, with the JSON export, CSV and Parquet tables."""
    out = tmp_path_factory.mktemp("tables")
    db = f"sqlite:///{out / 'store.db'}"
    res = runner.invoke(app, ["score", str(SEEDS), str(ECHO_PAIR), "--db", db, "--json", str(out / "run.json"),
                              "--csv", str(out / "csv"), "--parquet", str(out / "parquet")])
    assert res.exit_code == 0, res.output
    return out, db


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_findings_csv_has_one_row_per_finding_of_the_json_export(scored):
    out, _ = scored
    export = json.loads((out / "run.json").read_text(encoding="utf-8"))
    expected = [(a["id"], f["rule"], str(f["start"]), str(f["end"]), f["text"])
                for a in export["articles"] for f in a["findings"]]
    rows = read_csv(out / "csv" / "findings.csv")
    assert len(rows) == len(expected) > 0
    assert [(r["article_id"], r["rule"], r["start"], r["end"], r["text"]) for r in rows] == expected
    quotes = read_csv(out / "csv" / "quotes.csv")
    assert len(quotes) == sum(len(a["quotes"]) for a in export["articles"])
    articles = read_csv(out / "csv" / "articles.csv")
    assert [r["article_id"] for r in articles] == [a["id"] for a in export["articles"]]
    by_id = {a["id"]: a for a in export["articles"]}
    for r in articles:
        a = by_id[r["article_id"]]
        assert float(r["score_inference"]) == a["subscores"]["inference"]
        assert float(r["boilerplate_ratio"]) == a["boilerplate_ratio"]
        assert int(r["finding_count"]) == len(a["findings"])


def test_every_key_is_unique_and_every_foreign_key_resolves(scored):
    out, _ = scored
    package = json.loads((out / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == [t.name for t in TABLES]
    data = {r["name"]: read_csv(out / "csv" / r["path"]) for r in package["resources"]}
    for res in package["resources"]:
        schema = res["schema"]
        header = next(csv.reader((out / "csv" / res["path"]).open(encoding="utf-8")))
        assert header == [f["name"] for f in schema["fields"]]
        keys = [tuple(row[k] for k in schema["primaryKey"]) for row in data[res["name"]]]
        assert len(keys) == len(set(keys)), res["name"]
        assert all(all(k) for k in keys), res["name"]
        for fk in schema["foreignKeys"]:
            parent = fk["reference"]["resource"]
            targets = {tuple(row[k] for k in fk["reference"]["fields"]) for row in data[parent]}
            refs = [tuple(row[k] for k in fk["fields"]) for row in data[res["name"]]]
            refs = [r for r in refs if all(r)]  # an empty cell is a missing value, not a reference
            assert refs, f"{res['name']}.{fk['fields']} is never set in this corpus: the test would prove nothing"
            missing = [r for r in refs if r not in targets]
            assert not missing, f"{res['name']}.{fk['fields']} -> {parent}: {missing[:3]}"


def test_every_column_has_a_type_and_a_meaning(scored):
    out, _ = scored
    package = json.loads((out / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    for res in package["resources"]:
        for f in res["schema"]["fields"]:
            assert f["type"] in ("string", "integer", "number", "boolean", "object", "array")
            assert len(f["description"]) > 10, (res["name"], f["name"])
    articles = next(r for r in package["resources"] if r["name"] == "articles")
    assert {f["name"]: f.get("unit") for f in articles["schema"]["fields"]}["boilerplate_ratio"] == "share (0-1)"


def test_frictionless_opens_and_validates_the_folder(scored, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    out, _ = scored
    report = frictionless.validate(str(out / "csv" / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])[:5]
    package = frictionless.Package(str(out / "csv" / "datapackage.json"))
    rows = package.get_resource("findings").read_rows()
    assert len(rows) == len(read_csv(out / "csv" / "findings.csv"))
    assert isinstance(rows[0]["start"], int)

    # the validation does check the foreign keys: drop one article and it fails
    broken = tmp_path / "broken"
    shutil.copytree(out / "csv", broken)
    lines = (broken / "articles.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (broken / "articles.csv").write_text(lines[0] + "".join(lines[2:]), encoding="utf-8")
    bad = frictionless.validate(str(broken / "datapackage.json"))
    assert not bad.valid
    assert "foreign-key" in {e.type for task in bad.tasks for e in task.errors}


def test_export_of_the_stored_run_equals_the_score_time_tables(scored, tmp_path):
    out, db = scored
    res = runner.invoke(app, ["export", "--db", db, "--csv", str(tmp_path / "csv"), "--parquet",
                              str(tmp_path / "parquet"), "--json", str(tmp_path / "run.json")])
    assert res.exit_code == 0, res.output
    names = sorted(p.name for p in (out / "csv").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "csv").iterdir())
    assert "datapackage.json" in names and "findings.csv" in names
    for name in names:
        assert (tmp_path / "csv" / name).read_bytes() == (out / "csv" / name).read_bytes(), name
    assert json.loads((tmp_path / "run.json").read_text())["articles"] == \
        json.loads((out / "run.json").read_text())["articles"]

    pq = pytest.importorskip("pyarrow.parquet")
    for t in TABLES:
        stored = pq.read_table(tmp_path / "parquet" / f"{t.name}.parquet")
        assert stored.equals(pq.read_table(out / "parquet" / f"{t.name}.parquet")), t.name


def test_parquet_holds_the_csv_rows_with_types_and_descriptions(scored):
    pq = pytest.importorskip("pyarrow.parquet")
    out, _ = scored
    table = pq.read_table(out / "parquet" / "findings.parquet")
    rows = read_csv(out / "csv" / "findings.csv")
    assert table.num_rows == len(rows)
    assert table.column("start").to_pylist() == [int(r["start"]) for r in rows]
    assert table.column("data").to_pylist() == [r["data"] for r in rows]  # JSON text, as in the CSV
    assert table.schema.field("start").metadata[b"unit"].startswith(b"characters")
    edges = pq.read_table(out / "parquet" / "graph_edges.parquet").to_pylist()
    assert any(e["kind"] == "echoes" and e["directed"] is True for e in edges)


def test_echo_of_the_copy_is_an_edge_between_article_nodes(scored):
    out, _ = scored
    edges = [e for e in read_csv(out / "csv" / "graph_edges.csv") if e["kind"] == "echoes"]
    assert [(e["source"], e["target"]) for e in edges] == [("article:harbour_copy", "article:harbour_original")]
    nodes = {n["node_id"]: n for n in read_csv(out / "csv" / "graph_nodes.csv")}
    assert nodes["article:harbour_copy"]["outlet"] == "Bayside Daily"
    assert nodes["article:harbour_copy"]["article_id"] == "harbour_copy"


def test_export_needs_an_output_and_an_existing_run(tmp_path, scored):
    _, db = scored
    res = runner.invoke(app, ["export", "--db", db])
    assert res.exit_code == 2 and "--csv" in res.output
    res = runner.invoke(app, ["export", "nosuchrun", "--db", db, "--csv", str(tmp_path / "x")])
    assert res.exit_code == 4 and "nosuchrun" in res.output
    assert not (tmp_path / "x").exists()
