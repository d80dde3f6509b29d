"""The codebook: what each variable a human coder codes means, and the coding sheet to fill in.

A study that checks auditor against its own coders codes the same articles by hand on the same
variables, then measures agreement (``auditor.agreement``). The variables are:

* one per rule, named by the rule id: **1** when the article has at least one passage the rule flags,
  **0** when it has none. Unit of analysis: the article; level of measurement: nominal. Its definition
  is the rule's own documentation (what it flags, why it matters, its flagged and clean examples, its
  limitations), so a researcher's own rule, loaded with ``--rules``, gets its entry too.
* one per family score, ``score:attribution``, ``score:boilerplate``, ``score:quote-fidelity``,
  ``score:inference``, and the article score ``score:article``: a number from 0 to 100 (100 = no
  problem of that kind), interval level. (The ``score:`` prefix cannot clash with a rule id, which has
  no colon.)

``build_codebook(registry, run)`` lists the variables; ``write_codebook`` writes ``codebook.md`` and
``codebook.html``; ``write_coding_sheet`` writes ``coding.csv`` for a stored run, in long format
(``article,variable,coder,value``, one row per article and variable, value and coder left empty).
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .models import CATEGORIES, RunResult

LEVELS = ("nominal", "ordinal", "interval", "ratio")
SCORE_PREFIX = "score:"
ARTICLE_SCORE = "score:article"
RATING = "rating"  # a reader's rating, 1..5 (the rubric in README): what `audit calibrate` fits the score to
SHEET_COLUMNS = ("article", "variable", "coder", "value")
FAMILY_LABEL = {"attribution": "attribution (who said it, and through whom)",
                "boilerplate": "boilerplate (text that is not the article)",
                "quote-fidelity": "quote fidelity (quotations rendered as the speaker said them)",
                "inference": "inference (the author's own unsupported conclusions)"}


@dataclass
class Variable:
    """One coded variable: its name, what it means, its values and its level of measurement."""

    name: str
    kind: str  # "rule" or "score"
    level: str  # nominal | ordinal | interval | ratio
    definition: str
    values: str  # the values, in words
    family: str = ""
    rule: str | None = None  # the rule id of a rule variable
    unit: str = "article"
    low: float = 0.0  # the range a value must lie in
    high: float = 1.0
    integer: bool = True  # rule variables take 0 or 1 only
    docs: dict[str, Any] = field(default_factory=dict)  # why, examples, limitations, origin

    def parse(self, raw: str) -> float:
        """The value a coder wrote, as a number; ValueError (saying what is allowed) when it is not one."""
        try:
            v = float(raw)
        except ValueError:
            raise ValueError(f"{raw!r} is not a number ({self.values})") from None
        if v != v or not (self.low <= v <= self.high) or (self.integer and v != int(v)):
            raise ValueError(f"{raw!r} is outside the values of {self.name} ({self.values})")
        return v


def score_variable_name(family: str | None) -> str:
    """``score:FAMILY`` for a family's sub-score, ``score:article`` for the article score (None)."""
    return ARTICLE_SCORE if family is None else SCORE_PREFIX + family


def _family_order(family: str) -> int:
    return CATEGORIES.index(family) if family in CATEGORIES else len(CATEGORIES)


def build_codebook(registry=None, run: RunResult | None = None) -> list[Variable]:
    """The variables: every rule of ``registry`` and of ``run`` (documented when the registry has it),
    then the four family scores and the article score. Rule variables are ordered by family, then id.
    """
    rules: dict[str, Variable] = {}
    for r in registry.rules if registry is not None else []:
        m = r.meta
        rules[m.id] = Variable(
            name=m.id, kind="rule", level="nominal", family=m.family, rule=m.id,
            definition=f"The article has at least one passage that {m.id} flags. {m.docs.what.strip()}",
            values="1 = at least one such passage, 0 = none",
            docs={"name": m.name, "why": m.docs.why.strip(), "limitations": m.docs.limitations.strip(),
                  "references": list(m.docs.references), "flagged": _examples(m.examples.flagged),
                  "clean": _examples(m.examples.clean), "origin": str(r.origin), "status": m.status,
                  "scope": m.scope})
    for r in run.rules if run is not None else []:
        rid = r.get("id")
        if rid and rid not in rules:
            rules[rid] = Variable(
                name=rid, kind="rule", level="nominal", family=str(r.get("family", "")), rule=rid,
                definition=f"The article has at least one passage that {rid} flags. (This rule's "
                           f"documentation was not loaded: pass its folder with --rules.)",
                values="1 = at least one such passage, 0 = none", docs={"origin": str(r.get("origin", ""))})
    out = sorted(rules.values(), key=lambda v: (_family_order(v.family), v.family, v.name))
    for fam in CATEGORIES:
        members = ", ".join(v.name for v in out if v.family == fam) or "none loaded"
        out.append(Variable(
            name=score_variable_name(fam), kind="score", level="interval", family=fam,
            definition=f"How free the article is of {FAMILY_LABEL[fam]} problems, from 0 to 100: 100 when "
                       f"none of the family's rules ({members}) applies, lower the more of the text, and "
                       f"the more serious, their problems are. auditor's value is the family sub-score.",
            values="a number from 0 to 100", low=0.0, high=100.0, integer=False))
    out.append(Variable(
        name=ARTICLE_SCORE, kind="score", level="interval",
        definition="The article's overall sourcing reliability, from 0 to 100. auditor's value is the article "
                   "score: the score model's estimate of a careful reader's rating r as 25 * (r - 1) (or the "
                   "weighted mean of the four family scores when the run used model 'families').",
        values="a number from 0 to 100", low=0.0, high=100.0, integer=False))
    out.append(Variable(
        name=RATING, kind="score", level="ordinal",
        definition="A careful reader's rating of the article's sourcing, by the rubric in README (Scores): 5 "
                   "every claim and quotation attributed to a named first-hand or primary source, faithful "
                   "quotations, no speculation of the author's; 4 mostly well attributed, minor lapses; 3 "
                   "mixed (relays, several unattributed claims, or one unsupported inference); 2 weak "
                   "(mostly second-hand or vague sourcing, altered quotations, speculation as fact); 1 very "
                   "poor. Judge only what is visible. auditor's value is the rating its score stands for, "
                   "1 + score / 25, rounded. `audit calibrate` fits the score model to these ratings.",
        values="a whole number from 1 to 5", low=1.0, high=5.0, integer=True))
    return out


def _examples(items: list) -> list[list[tuple[str, str]]]:
    """Each example as ``[(article name or "", text)]``, the text keeping its ⟦evidence⟧ marks."""
    return [list(x.items()) if isinstance(x, dict) else [("", str(x))] for x in items]


# ---------------------------------------------------------------------------------------------- writing

def _md_example(text: str) -> str:
    """An example's text for Markdown: its evidence marks become bold, each line quoted."""
    text = re.sub(r"⟦(.*?)⟧", lambda m: f"**{m.group(1)}**", text, flags=re.S)
    return "\n".join("> " + line if line.strip() else ">" for line in text.splitlines())


def codebook_markdown(variables: list[Variable], run_id: str | None = None) -> str:
    lines = ["# Codebook", "",
             "Code each article on each variable below, in the coding sheet (`coding.csv`: one row per "
             "article and variable; write your name in `coder` and your value in `value`). Leave a value "
             "blank when you cannot decide: a blank is a missing value, not a 0. Then measure agreement "
             "with `audit agree coding.csv`.", ""]
    if run_id:
        lines += [f"Coding sheet for run `{run_id}`.", ""]
    lines += ["| variable | unit | level | values |", "|---|---|---|---|"]
    lines += [f"| [`{v.name}`](#{_anchor(v.name)}) | {v.unit} | {v.level} | {v.values} |" for v in variables]
    lines.append("")
    for v in variables:
        lines += [f"## {v.name}", "", f"*Unit:* {v.unit} · *level:* {v.level} · *values:* {v.values}"
                  + (f" · *family:* {v.family}" if v.family else ""), "", v.definition, ""]
        d = v.docs
        if d.get("why"):
            lines += [f"*Why it matters:* {d['why']}", ""]
        for title, key in (("Code 1, as in (the evidence in bold)", "flagged"), ("Code 0, as in", "clean")):
            if d.get(key):
                lines += [f"*{title}:*", ""]
                for ex in d[key]:
                    for name, text in ex:
                        if name:
                            lines.append(f"> *{name}:*")
                        lines += [_md_example(text), ""]
        if d.get("limitations"):
            lines += [f"*Limitations:* {d['limitations']}", ""]
        if d.get("references"):
            lines += ["*References:* " + "; ".join(d["references"]), ""]
        if d.get("origin"):
            lines += [f"*Defined in:* `{d['origin']}`", ""]
    return "\n".join(lines)


def _anchor(name: str) -> str:
    return re.sub(r"[^a-z0-9-]", "", name.lower().replace(" ", "-"))


def codebook_html(variables: list[Variable], run_id: str | None = None) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from .report.render import TEMPLATES

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)

    def parts(text: str) -> list[dict[str, Any]]:
        return [{"text": p, "mark": k % 2 == 1} for k, p in enumerate(re.split(r"⟦|⟧", text)) if p]

    env.filters["parts"] = parts
    env.filters["anchor"] = _anchor
    return env.get_template("codebook.html").render(variables=variables, run_id=run_id)


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_codebook(variables: list[Variable], out_dir: Path, run_id: str | None = None) -> list[Path]:
    """Write ``codebook.md`` and ``codebook.html`` into ``out_dir``; return their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    md, html = out_dir / "codebook.md", out_dir / "codebook.html"
    _write(md, codebook_markdown(variables, run_id))
    _write(html, codebook_html(variables, run_id))
    return [md, html]


def sheet_variables(variables: list[Variable], run: RunResult) -> list[Variable]:
    """The variables a run can be compared on: its rules and the scores, in codebook order."""
    ran = {r.get("id") for r in run.rules}
    return [v for v in variables if v.kind == "score" or v.rule in ran]


def write_coding_sheet(run: RunResult, variables: list[Variable], path: Path) -> Path:
    """``coding.csv`` for ``run``: one row per article (in id order) and variable, coder and value empty."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(SHEET_COLUMNS)
        for aid in sorted(r.article.id for r in run.results):
            for v in sheet_variables(variables, run):
                w.writerow((aid, v.name, "", ""))
    os.replace(tmp, path)
    return path


def make_codebook(out_dir: Path, registry=None, run: RunResult | None = None) -> list[Path]:
    """``audit codebook``: the codebook of ``registry`` (and of ``run``'s rules) in ``out_dir``, with
    ``coding.csv`` for ``run`` when one is given; the paths written."""
    variables = build_codebook(registry, run)
    paths = write_codebook(variables, out_dir, run.run_id if run else None)
    if run is not None:
        paths.append(write_coding_sheet(run, variables, Path(out_dir) / "coding.csv"))
    return paths
