"""audit codebook and audit agree: Krippendorff's alpha against the method's worked example, against the
krippendorff package on a generated run, bad sheets, the codebook and the report's Agreement page."""

from __future__ import annotations

import csv
import json
import math
import random
import re
import shlex
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from typer.testing import CliRunner

from auditor.agreement import alpha, alpha_from_coincidences, bootstrap_ci, coincidences, distances
from auditor.cli import app
from tests.helpers import ROOT, SEEDS

runner = CliRunner()
EXAMPLES = ROOT / "docs" / "examples" / "agreement"
SCORES = ["score:attribution", "score:boilerplate", "score:quote-fidelity", "score:inference", "score:article"]

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units,
# values 1..5, blanks missing. The paper gives alpha 0.743 (nominal), 0.815 (ordinal), 0.849 (interval)
# and 0.797 (ratio), n.. = 40 pairable values, and the coincidence matrix below (o_11 = 7, o_12 = 4/3, ...).
N = np.nan
PAPER = np.array([[1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
                  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
                  [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
                  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N]], dtype=float)
PAPER_ALPHA = {"nominal": 0.743, "ordinal": 0.815, "interval": 0.849, "ratio": 0.797}


# ------------------------------------------------------------------------------------- worked example

@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_worked_example_of_the_paper(level):
    a = alpha(PAPER, level)
    assert round(a, 3) == PAPER_ALPHA[level]
    # the coincidence matrix the bootstrap resamples gives the same alpha as the package
    o, values = coincidences(PAPER)
    assert alpha_from_coincidences(o, distances(values, o.sum(axis=1), level)) == pytest.approx(a, abs=1e-12)


def test_worked_example_coincidences():
    o, values = coincidences(PAPER)
    assert list(values) == [1, 2, 3, 4, 5]
    assert o.sum() == pytest.approx(40)  # unit 11 (a single value) is not pairable
    assert list(o.sum(axis=1)) == pytest.approx([9, 13, 10, 5, 3])
    assert o[0, 0] == pytest.approx(7) and o[0, 1] == pytest.approx(4 / 3) and o[1, 1] == pytest.approx(10)
    assert np.allclose(o, o.T)


def test_missing_values_are_not_zeros():
    with_zero = np.where(np.isnan(PAPER), 0, PAPER)
    assert alpha(with_zero, "nominal") != pytest.approx(alpha(PAPER, "nominal"), abs=1e-3)


def test_alpha_undefined_without_variation_or_pairs():
    assert alpha(np.array([[1, 1, 1], [1, 1, 1]], dtype=float), "nominal") is None
    assert alpha(np.array([[1, N, 0], [N, 1, N]], dtype=float), "nominal") is None
    assert bootstrap_ci(np.array([[1, 1], [1, 1]], dtype=float), "nominal") is None


# ------------------------------------------------------------------------------------------ bootstrap

def test_bootstrap_interval_holds_alpha_and_is_reproducible():
    for level in ("nominal", "interval"):
        ci = bootstrap_ci(PAPER, level, rng=np.random.default_rng(5))
        assert ci[0] <= alpha(PAPER, level) <= ci[1]
        assert ci == bootstrap_ci(PAPER, level, rng=np.random.default_rng(5))


def test_bootstrap_interval_narrows_with_more_units():
    small = bootstrap_ci(PAPER, "interval", rng=np.random.default_rng(1))
    large_data = np.hstack([PAPER] * 10)
    large = bootstrap_ci(large_data, "interval", rng=np.random.default_rng(1))
    assert alpha(large_data, "interval") == pytest.approx(alpha(PAPER, "interval"), abs=0.02)
    assert large[1] - large[0] < (small[1] - small[0]) / 2


def test_bootstrap_of_perfect_agreement_on_many_units():
    values = np.tile(np.array([1, 2, 3], dtype=float), 20)
    ci = bootstrap_ci(np.vstack([values, values]), "nominal", rng=np.random.default_rng(0))
    assert ci == [1.0, 1.0]


# ----------------------------------------------------------------------------------- a generated run

def _variables(export: dict) -> list[str]:
    return [r["id"] for r in export["run"]["rules"]] + SCORES


def _auditor(article: dict, var: str) -> float:
    if var == "score:article":
        return article["score"]
    if var.startswith("score:"):
        return article["subscores"][var.split(":", 1)[1]]
    return 1.0 if any(f["rule"] == var for f in article["findings"]) else 0.0


def _synthetic_coder(export: dict, seed: int, flip: float, noise: float) -> dict[tuple[str, str], float | None]:
    """A coder who mostly agrees with auditor: flips a rule value with probability ``flip``, adds Gaussian
    noise to a score, and leaves about one value in ten blank."""
    rng = random.Random(seed)
    out = {}
    for a in sorted(export["articles"], key=lambda a: a["id"]):
        for var in _variables(export):
            v = _auditor(a, var)
            if rng.random() < 0.1:
                out[(a["id"], var)] = None
            elif var.startswith("score:"):
                out[(a["id"], var)] = round(min(100.0, max(0.0, v + rng.gauss(0, noise))), 1)
            else:
                out[(a["id"], var)] = 1.0 - v if rng.random() < flip else v
    return out


def _write_sheet(path: Path, codes: dict, coder: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["article", "variable", "coder", "value"])
        for (aid, var), v in codes.items():
            w.writerow([aid, var, coder, "" if v is None else f"{v:g}"])


def _expected_alpha(rows: list[list[float | None]], level: str) -> float | None:
    data = np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float)
    try:
        a = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
    except ValueError:  # one value in the whole domain: alpha undefined
        return None
    return None if math.isnan(a) else float(a)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("generated")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate_corpus import generate

    records, _ = generate(40, seed=7)
    with (tmp / "corpus.jsonl").open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
    db = f"sqlite:///{tmp / 'runs.db'}"
    res = runner.invoke(app, ["score", str(tmp / "corpus.jsonl"), "--json", str(tmp / "export.json"), "--db", db])
    assert res.exit_code == 0, res.output
    export = json.loads((tmp / "export.json").read_text(encoding="utf-8"))
    coders = {"carla": _synthetic_coder(export, 1, 0.15, 5.0), "dev": _synthetic_coder(export, 2, 0.25, 8.0)}
    _write_sheet(tmp / "carla.csv", coders["carla"], "carla")
    _write_sheet(tmp / "dev.csv", coders["dev"], "")  # a blank coder cell: the file's name
    return {"tmp": tmp, "db": db, "export": export, "coders": coders}


def test_agree_matches_krippendorff_package_on_generated_run(generated):
    tmp = generated["tmp"]
    res = runner.invoke(app, ["agree", str(tmp / "carla.csv"), str(tmp / "dev.csv"), "--db", generated["db"],
                              "--json", str(tmp / "agree.json")])
    assert res.exit_code == 0, res.output
    report = json.loads((tmp / "agree.json").read_text(encoding="utf-8"))
    export, coders = generated["export"], generated["coders"]
    assert report["run"] == export["run"]["id"]
    articles = {a["id"]: a for a in export["articles"]}
    defined = 0
    for var in _variables(export):
        got = report["variables"][var]
        level = "interval" if var.startswith("score:") else "nominal"
        units = sorted(a for a in articles if any(coders[c][(a, var)] is not None for c in coders))
        humans = [[coders[c][(a, var)] for a in units] for c in sorted(coders)]
        mine = [[_auditor(articles[a], var) for a in units]]
        want_coders, want_both = _expected_alpha(humans, level), _expected_alpha(humans + mine, level)
        assert (got["level"], got["units"], got["coders"]) == (level, len(units), ["carla", "dev"])
        for key, want in (("alpha_coders", want_coders), ("alpha_with_auditor", want_both)):
            if want is None:
                assert got[key] is None, (var, key)
            else:
                assert got[key] == pytest.approx(want, abs=1e-6), (var, key)
                defined += 1
                ci = got["ci95_coders" if key == "alpha_coders" else "ci95_with_auditor"]
                assert -1.0 <= ci[0] <= ci[1] <= 1.0
    assert defined >= len(SCORES) * 2 + 4  # most figures are defined, not skipped


def test_disagreements_are_with_the_human_majority(generated):
    tmp = generated["tmp"]
    res = runner.invoke(app, ["agree", str(tmp / "carla.csv"), str(tmp / "dev.csv"), "--db", generated["db"],
                              "--json", str(tmp / "agree2.json")])
    assert res.exit_code == 0, res.output
    report = json.loads((tmp / "agree2.json").read_text(encoding="utf-8"))
    articles = {a["id"]: a for a in generated["export"]["articles"]}
    coders = generated["coders"]
    seen = 0
    for var, v in report["variables"].items():
        listed = {d["article"] for d in v["disagreements"]}
        for aid, a in articles.items():
            given = [coders[c][(aid, var)] for c in sorted(coders) if coders[c][(aid, var)] is not None]
            mine = _auditor(a, var)
            if var.startswith("score:"):
                differs = bool(given) and abs(mine - float(np.median(given))) > 10
            else:
                differs = bool(given) and all(g != mine for g in given)  # 0/1 from at most two coders
            assert (aid in listed) == differs, (var, aid)
        for d in v["disagreements"]:
            seen += 1
            ev = d["evidence"]
            text = articles[d["article"]]
            if ev == "no finding":
                assert var.startswith("score:") or d["auditor"] == 0.0
            else:
                for e in ev:
                    f = text["findings"][e["finding"]]
                    assert (f["rule"], f["start"], f["end"], f["text"]) == (e["rule"], e["start"], e["end"], e["text"])
                    if not var.startswith("score:"):
                        assert e["rule"] == var
    assert seen > 0


def test_level_override(generated):
    tmp = generated["tmp"]
    res = runner.invoke(app, ["agree", str(tmp / "carla.csv"), str(tmp / "dev.csv"), "--db", generated["db"],
                              "--level", "score:article=ordinal", "--json", str(tmp / "agree3.json")])
    assert res.exit_code == 0, res.output
    got = json.loads((tmp / "agree3.json").read_text(encoding="utf-8"))["variables"]["score:article"]
    assert got["level"] == "ordinal"
    export, coders = generated["export"], generated["coders"]
    units = sorted(a["id"] for a in export["articles"]
                   if any(coders[c][(a["id"], "score:article")] is not None for c in coders))
    humans = [[coders[c][(a, "score:article")] for a in units] for c in sorted(coders)]
    assert got["alpha_coders"] == pytest.approx(_expected_alpha(humans, "ordinal"), abs=1e-6)
    bad = runner.invoke(app, ["agree", str(tmp / "carla.csv"), "--db", generated["db"], "--level", "score:article=fuzzy"])
    assert bad.exit_code == 2 and "nominal, ordinal, interval, ratio" in bad.output


# ------------------------------------------------------------------------------------------- the seeds

@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("seeds")
    db = f"sqlite:///{tmp / 'seeds.db'}"
    res = runner.invoke(app, ["score", str(SEEDS), "--db", db, "--json", str(tmp / "export.json")])
    assert res.exit_code == 0, res.output
    return {"db": db, "tmp": tmp, "export": json.loads((tmp / "export.json").read_text(encoding="utf-8"))}


def test_bad_sheet_rows_are_named_and_the_rest_used(seeds_db, tmp_path):
    sheet = tmp_path / "mixed.csv"
    rows = ["article,variable,coder,value",
            "000_8903e5cae973860f,vague-attribution,eva,0",      # 2 fine
            "003_f833416351632bbc,vague-attribution,eva,1",      # 3 fine
            "999_not_an_article,vague-attribution,eva,1",        # 4 unknown article
            "003_f833416351632bbc,how-vague,eva,1",              # 5 unknown variable
            "004_7f91a2f5f40fcb4f,vague-attribution,eva,2",      # 6 outside 0/1
            "004_7f91a2f5f40fcb4f,score:article,eva,140",        # 7 outside 0..100
            "002_7522bb0fe2495f57,score:article,eva,high",       # 8 not a number
            "000_8903e5cae973860f,vague-attribution,finn,",      # 9 finn codes nothing
            "003_f833416351632bbc,vague-attribution,finn,",
            "000_8903e5cae973860f,vague-attribution,gus,1",      # 11 fine
            "003_f833416351632bbc,vague-attribution,gus,1"]
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["agree", str(sheet), "--db", seeds_db["db"], "--json", str(tmp_path / "a.json")])
    assert res.exit_code == 1, res.output
    errors = [line for line in res.output.splitlines() if line.startswith("sheet error:")]
    for line_no, words in ((4, "unknown article '999_not_an_article'"), (5, "unknown variable 'how-vague'"),
                           (6, "'2' is outside"), (7, "'140' is outside"), (8, "'high' is not a number"),
                           (9, "coder 'finn' coded nothing")):
        assert any(f"{sheet}:{line_no}: " in e and words in e for e in errors), (line_no, errors)
    assert len(errors) == 6
    v = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["variables"]
    assert list(v) == ["vague-attribution"]  # score:article got no usable value
    assert v["vague-attribution"]["coders"] == ["eva", "gus"] and v["vague-attribution"]["units"] == 2
    want = _expected_alpha([[0, 1], [1, 1]], "nominal")
    assert v["vague-attribution"]["alpha_coders"] == pytest.approx(want, abs=1e-9)


def test_unreadable_sheet_is_a_usage_error(seeds_db, tmp_path):
    sheet = tmp_path / "other.csv"
    sheet.write_text("id,score\na,1\n", encoding="utf-8")
    res = runner.invoke(app, ["agree", str(sheet), "--db", seeds_db["db"]])
    assert res.exit_code == 2
    assert f"{sheet}:1: not a coding sheet" in res.output
    res = runner.invoke(app, ["agree", str(tmp_path / "missing.csv"), "--db", seeds_db["db"]])
    assert res.exit_code == 2 and "no such file" in res.output


def test_all_coders_in_one_file_equals_one_file_each(seeds_db, tmp_path):
    both = tmp_path / "both.csv"
    lines = (EXAMPLES / "ana.csv").read_text(encoding="utf-8").splitlines()
    lines += [line.replace(",,", ",ben,") for line in (EXAMPLES / "ben.csv").read_text(encoding="utf-8").splitlines()[1:]]
    both.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = {}
    for name, args in (("one", [str(both)]), ("two", [str(EXAMPLES / "ben.csv"), str(EXAMPLES / "ana.csv")])):
        res = runner.invoke(app, ["agree", *args, "--db", seeds_db["db"], "--json", str(tmp_path / f"{name}.json")])
        assert res.exit_code == 0, res.output
        out[name] = (tmp_path / f"{name}.json").read_text(encoding="utf-8")
    assert out["one"] == out["two"]  # same figures, intervals included (seeded), whatever the file order


def test_codebook_with_a_custom_rule(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    assert runner.invoke(app, ["rules", "new", "anonymous-officials", "--dir", "myrules"]).exit_code == 0
    res = runner.invoke(app, ["score", "seeds/", "--rules", "myrules", "--db", "runs.db"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["codebook", "-o", "book", "--rules", "myrules", "--db", "runs.db"])
    assert res.exit_code == 0, res.output
    from auditor.rules import load_rules

    rule = load_rules(["myrules"]).get("anonymous-officials")
    md = (tmp_path / "book" / "codebook.md").read_text(encoding="utf-8")
    html = (tmp_path / "book" / "codebook.html").read_text(encoding="utf-8")
    section = md.split("## anonymous-officials\n", 1)[1].split("\n## ", 1)[0]
    assert rule.meta.docs.what.strip() in section and "*level:* nominal" in section
    first_flagged = re.sub(r"⟦|⟧", "", str(rule.meta.examples.flagged[0]))
    assert first_flagged.split()[0] in section
    assert 'id="anonymous-officials"' in html
    for name in SCORES:
        assert f"## {name}\n" in md and "*level:* interval" in md.split(f"## {name}\n", 1)[1][:200]
    with (tmp_path / "book" / "coding.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["article", "variable", "coder", "value"]
    variables = sorted({r[1] for r in rows[1:]})
    assert "anonymous-officials" in variables and set(SCORES) <= set(variables)
    assert len(rows) - 1 == 5 * len(variables) and all(r[2] == r[3] == "" for r in rows[1:])


def test_codebook_without_a_database_writes_the_codebook_only(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(app, ["codebook"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "codebook" / "codebook.md").is_file() and not (tmp_path / "codebook" / "coding.csv").exists()
    assert "no coding sheet" in res.output
    res = runner.invoke(app, ["codebook", "--run", "abc"])
    assert res.exit_code == 4


# --------------------------------------------------------------------------------------- the report

class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.thresholds: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "line" and "threshold" in (a.get("class") or ""):
            self.thresholds.append(a.get("data-alpha"))


class _Marks(HTMLParser):
    """The text inside ``mark[data-f~=i]`` of an article page, for finding ``i``."""

    def __init__(self, i: int):
        super().__init__()
        self.i, self.depth, self.text = str(i), 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "mark" and (self.depth or self.i in (dict(attrs).get("data-f") or "").split()):
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "mark" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def test_report_agreement_page(tmp_path):
    out = tmp_path / "site"
    res = runner.invoke(app, ["report", str(SEEDS), "-o", str(out), "--agree", str(EXAMPLES / "ana.csv"),
                              "--agree", str(EXAMPLES / "ben.csv")])
    assert res.exit_code == 0, res.output
    assert 'href="agreement.html"' in (out / "index.html").read_text(encoding="utf-8")
    page = _Links()
    page.feed((out / "agreement.html").read_text(encoding="utf-8"))
    assert sorted(page.thresholds) == ["0.667", "0.8"]
    spans = [h for h in page.links if h.startswith("articles/") and "#m-" in h]
    assert spans, "no disagreement with a finding linked"
    for href in spans:
        path, anchor = href.split("#")
        article_html = (out / path).read_text(encoding="utf-8")
        assert f'id="{anchor}"' in article_html
        marks = _Marks(int(anchor[2:]))
        marks.feed(article_html)
        assert "".join(marks.text).strip(), href  # the evidence span is marked on the article page


def test_agree_html_of_a_stored_run(seeds_db, tmp_path):
    res = runner.invoke(app, ["agree", str(EXAMPLES / "ana.csv"), str(EXAMPLES / "ben.csv"), "--db", seeds_db["db"],
                              "--html", str(tmp_path / "site")])
    assert res.exit_code == 0, res.output
    html = (tmp_path / "site" / "agreement.html").read_text(encoding="utf-8")
    for var in ("vague-attribution", "score:article"):
        assert f"<code>{var}</code>" in html


# ------------------------------------------------------------------------------ docs/agreement.md

def _doc() -> str:
    return (ROOT / "docs" / "agreement.md").read_text(encoding="utf-8")


def _doc_commands() -> list[list[str]]:
    blocks = re.findall(r"```bash\n(.*?)```", _doc(), flags=re.S)
    return [shlex.split(line)[1:] for b in blocks for line in b.splitlines() if line.startswith("audit ")]


def test_walkthrough_as_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(EXAMPLES, tmp_path / "docs" / "examples" / "agreement")
    commands = _doc_commands()
    assert [c[0] for c in commands] == ["score", "codebook", "agree"]
    for args in commands:
        res = runner.invoke(app, args)
        assert res.exit_code == 0, (args, res.output)
    doc = _doc()
    # the coding sheet starts as the page shows
    shown = re.search(r"```text\n(article,variable,coder,value\n.*?)```", doc, flags=re.S).group(1)
    sheet = (tmp_path / "codebook" / "coding.csv").read_text(encoding="utf-8")
    assert sheet.startswith(shown)
    assert (tmp_path / "codebook" / "codebook.html").is_file() and (tmp_path / "report" / "agreement.html").is_file()
    report = json.loads((tmp_path / "agreement.json").read_text(encoding="utf-8"))["variables"]
    # the coders' figures in the table (they depend only on the two sheets)
    rows = [r for r in doc.splitlines() if r.startswith("│")]
    assert len(rows) >= 3
    for row in rows:
        var, level, units, coders, figure = [c.strip() for c in row.strip("│").split("│")][:5]
        got = report[var]
        assert (got["level"], str(got["units"]), ", ".join(got["coders"])) == (level, units, coders)
        a, lo, hi = re.fullmatch(r"(-?[\d.]+) \[(-?[\d.]+), (-?[\d.]+)\]", figure).groups()
        assert (f"{got['alpha_coders']:.3f}", f"{got['ci95_coders'][0]:.3f}", f"{got['ci95_coders'][1]:.3f}") == (a, lo, hi)
    for var, figure in (("vague-attribution", "0.571"), ("single-source", "-0.125"), ("score:article", "0.862")):
        assert f"**{figure}**" in doc and f"{report[var]['alpha_coders']:.3f}" == figure
    # the JSON example: its coders' figures are the real ones, its evidence spans point at the seed's text
    example = json.loads(re.search(r"```json\n(.*?)```", doc, flags=re.S).group(1))
    for var, v in example["variables"].items():
        assert v["alpha_coders"] == pytest.approx(report[var]["alpha_coders"], abs=1e-3)
        assert v["ci95_coders"] == pytest.approx(report[var]["ci95_coders"], abs=1e-3)
        for d in v["disagreements"]:
            assert d["majority"] == float(np.median(list(d["coders"].values())))
            text = (SEEDS / f"{d['article']}.txt").read_text(encoding="utf-8")
            for e in d["evidence"]:
                assert text[e["start"]:e["end"]] == e["text"]
