"""The notebook API (auditor.open_run): the README's example runs as written on the seeds, and the
DataFrames are the tidy tables."""

from __future__ import annotations

import csv
import shutil

import pytest
from typer.testing import CliRunner

import auditor
from auditor.cli import app
from auditor.store import StoreError, load_run
from auditor.tables import TABLES
from tests.helpers import ROOT, seed_paths

pytest.importorskip("pandas")
runner = CliRunner()


def readme_block(section: str, lang: str) -> str:
    """The first ``lang`` code block under the README heading ``section`` (before the next heading)."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    block: list[str] | None = None
    other_fence = False
    for line in lines[lines.index(section) + 1:]:
        if block is not None:
            if line.startswith("```"):
                return "\n".join(block) + "\n"
            block.append(line)
        elif line.startswith("```"):
            if line == f"```{lang}" and not other_fence:
                block = []
            else:
                other_fence = not other_fence
        elif line.startswith("#") and not other_fence:
            break
    raise AssertionError(f"no {lang} block under {section!r} in README.md")


@pytest.fixture
def seeds_scored(tmp_path, monkeypatch):
    """A folder like the README reader's: seeds/ and auditor.db after `audit score seeds/`."""
    (tmp_path / "seeds").mkdir()
    for p in seed_paths():
        shutil.copyfile(p, tmp_path / "seeds" / p.name)
    monkeypatch.chdir(tmp_path)
    command = readme_block("### From a notebook", "bash").splitlines()[-1].split("#")[0].split()
    assert command[:2] == ["audit", "score"]
    res = runner.invoke(app, command[1:])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "auditor.db").exists()
    return tmp_path


def test_the_readme_example_runs_as_written(seeds_scored, capsys):
    code = readme_block("### From a notebook", "python")
    assert "auditor.open_run(" in code
    ns: dict = {}
    exec(compile(code, "README.md", "exec"), ns)
    run, export = ns["run"], load_run("auditor.db")
    assert len(run.findings) == sum(len(a["findings"]) for a in export["articles"])
    assert list(ns["weakest"]["article_id"]) == [a["id"] for a in export["articles"]]
    # the example's altered quotes are the quotes below full fidelity, each with its cluster's consensus
    consensus = {c["id"]: c["consensus"] for c in export["quote_clusters"]}
    expected = sorted((q["fidelity"], a["id"], q["text"]) for a in export["articles"] for q in a["quotes"]
                      if q["fidelity"] is not None and q["fidelity"] < 1)
    altered = ns["altered"]
    assert sorted(zip(altered["fidelity"], altered["article_id"], altered["text"], strict=True)) == expected
    assert all(altered["consensus"] == [consensus[c] for c in run.quotes.set_index(["article_id", "text"])
                                        .loc[list(zip(altered["article_id"], altered["text"], strict=True)),
                                             "cluster_id"]])
    assert ns["G"].number_of_nodes() == len(export["graph"]["nodes"])
    assert "Mark Rutte" in ns["sources"]
    assert "unverified-inference" in capsys.readouterr().out


def test_dataframes_have_the_columns_and_rows_of_the_csv_tables(seeds_scored):
    res = runner.invoke(app, ["export", "--csv", "tables"])
    assert res.exit_code == 0, res.output
    run = auditor.open_run("auditor.db")
    for t in TABLES:
        with (seeds_scored / "tables" / f"{t.name}.csv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        frame = getattr(run, t.name)
        assert list(frame.columns) == rows[0], t.name
        assert len(frame) == len(rows) - 1, t.name
    assert str(run.articles["rank"].dtype) == "Int64"
    assert run.quotes["cluster_id"].notna().any() and run.quotes["cluster_id"].isna().any()
    assert isinstance(run.findings["data"].iloc[0], dict)
    assert "half-open" in run.describe("findings")["start"]


def test_open_run_by_id_prefix_url_and_errors(seeds_scored):
    latest = auditor.open_run("auditor.db")
    by_prefix = auditor.open_run(f"sqlite:///{seeds_scored / 'auditor.db'}", run_id=latest.id[:6])
    assert by_prefix.id == latest.id
    assert by_prefix.articles.equals(latest.articles)
    with pytest.raises(StoreError, match="no run"):
        auditor.open_run("auditor.db", run_id="zzzz")
    with pytest.raises(StoreError, match="no database"):
        auditor.open_run(str(seeds_scored / "missing.db"))
    with pytest.raises(AttributeError):
        _ = latest.no_such_table
