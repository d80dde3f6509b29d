"""The ``audit`` command. Each command parses its arguments and calls one library function.

Exit codes (all commands):

* 0  done; every input was read (findings are results, not failures)
* 1  done, but some inputs could not be read, or some rules failed or could not be loaded: each is
     reported on one line, the rest was scored and stored
* 2  usage error (bad option, missing path, bad configuration)
* 3  nothing to score: no input could be read
* 4  the store could not be written (database busy or unreachable); nothing was half-written
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="auditor: source-reliability scoring and provenance auditing for news coverage.")
rules_app = typer.Typer(no_args_is_help=True, help="List, show, create and test rules.")
app.add_typer(rules_app, name="rules")

out = Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_EMPTY, EXIT_STORE = 0, 1, 2, 3, 4
FAMILY_SHORT = {"attribution": "attrib", "boilerplate": "boiler", "quote-fidelity": "quotes", "inference": "infer"}

PathsArg = Annotated[list[Path], typer.Argument(help="Files or folders of articles (.txt, .html, .jsonl, "
                                                ".csv, news-please .json, .warc, .warc.gz, .wacz).",
                                                show_default=False)]
DbOpt = Annotated[str | None, typer.Option("--db", help="SQLAlchemy URL or SQLite file (default: "
                                            "sqlite:///auditor.db in the current folder, or [tool.auditor] db).")]
ModelOpt = Annotated[str | None, typer.Option("--model", help="The score model: a file `audit calibrate` "
                                              "wrote, or 'families' for the weighted mean of the family "
                                              "sub-scores (default: the shipped model, or [tool.auditor] model).")]
RulesOpt = Annotated[list[Path] | None, typer.Option("--rules", help="A folder of your own rules (repeatable).")]


def _fail(msg: str, code: int = EXIT_USAGE) -> typer.Exit:
    err.print(f"audit: {msg}", markup=False)
    return typer.Exit(code)


def _config(rules: list[Path] | None, select: list[str] | None = None, ignore: list[str] | None = None,
            model: str | None = None):
    from .calibration import ModelError
    from .config import load_config

    try:
        cfg = load_config()
    except ValueError as e:
        raise _fail(str(e)) from None
    if model:
        cfg.model = model
    try:
        cfg.score_model()  # a bad model file is a usage error before anything is read
    except ModelError as e:
        raise _fail(str(e)) from None
    if select:
        cfg.select = [x for s in select for x in s.split(",") if x]
    if ignore:
        cfg.ignore += [x for s in ignore for x in s.split(",") if x]
    cfg.rules += [str(r) for r in rules or []]
    return cfg


def _registry(cfg):
    from .rules import load_rules

    return load_rules(cfg.rules, select=cfg.select, ignore=cfg.ignore, weights=cfg.rule_weights,
                      preview=cfg.preview)


def _ingest(paths: list[Path], max_bytes: int | None, columns: dict[str, str] | None = None):
    from .ingest import DEFAULT_MAX_BYTES, iter_inputs

    for p in paths:
        if not p.exists():
            raise _fail(f"{p}: no such file or folder")
    articles, errors = [], []
    for item in iter_inputs(paths, max_bytes=max_bytes or DEFAULT_MAX_BYTES, columns=columns):
        if hasattr(item, "reason"):
            errors.append(item)
            if item.level == "warning":
                err.print(f"warning: {item}", markup=False)
            else:
                err.print(f"skipped: {item}", markup=False)
        else:
            articles.append(item)
    return articles, errors


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def print_table(run, limit: int | None = None) -> None:
    table = Table(title=f"auditor: {len(run.results)} articles ranked by score (lowest first)",
                  title_justify="left", show_lines=False, header_style="bold")
    table.add_column("article", overflow="fold")
    table.add_column("outlet", overflow="fold")
    table.add_column("score", justify="right")
    for fam in FAMILY_SHORT.values():
        table.add_column(fam, justify="right")
    table.add_column("most serious finding", overflow="fold", ratio=1)
    ranked = sorted(run.results, key=lambda r: (r.score, r.article.id))
    for r in ranked[:limit] if limit else ranked:
        top = r.top_finding()
        top_txt = Text("")
        if top:
            top_txt = Text(f"{top.rule}: ", style="bold")
            top_txt.append(f"{_clip(top.message, 70)} ")
            top_txt.append(f"«{_clip(' '.join(r.article.text[top.start:top.end].split()), 50)}»", style="italic")
        table.add_row(r.article.id, r.article.outlet or "", f"{r.score:.1f}",
                      *[f"{r.subscores.get(f, 100.0):.0f}" for f in FAMILY_SHORT], top_txt)
    out.print(table)
    if run.outlets and any(o != "(unknown)" for o in run.outlets):
        ot = Table(title="outlets", title_justify="left", header_style="bold")
        ot.add_column("outlet")
        ot.add_column("score", justify="right")
        ot.add_column("95% interval", justify="right")
        ot.add_column("mean", justify="right")
        ot.add_column("articles", justify="right")
        for name, o in sorted(run.outlets.items(), key=lambda kv: (kv[1]["score"], kv[0])):
            ci = o.get("ci95")
            ot.add_row(name, f"{o['score']:.1f}", f"{ci[0]:.0f}-{ci[1]:.0f}" if ci else "-",
                       f"{o['mean']:.1f}" if o.get("mean") is not None else "-", str(o["articles"]))
        out.print(ot)
        k = next(iter(run.outlets.values())).get("prior_articles")
        if k:
            out.print(f"outlet scores are shrunk toward the corpus mean as if it were {k:g} more articles "
                      "(fewer articles, more shrinkage); see README, Scores", style="dim")


def _audit(paths: list[Path], cfg, registry, max_bytes: int | None, jobs: int | None, cache_url: str | None,
           engine: str = "local", scheduler: str | None = None, columns: dict[str, str] | None = None,
           progress: bool | None = None):
    """Ingest and score: what score, report and graph share."""
    from contextlib import nullcontext

    from .engine import audit
    from .store import StageCache, StoreError

    if engine not in ("local", "dask"):
        raise _fail(f"--engine must be local or dask, not {engine!r}")
    for e in registry.errors:
        err.print(f"rule error: {e}", markup=False)
    articles, ingest_errors = _ingest(paths, max_bytes, columns)
    if not articles:
        raise _fail("no article could be read from " + ", ".join(map(str, paths)), EXIT_EMPTY)
    try:
        cache = StageCache(cache_url) if cache_url else None
    except StoreError as e:
        raise _fail(f"database {cache_url}: {e}", EXIT_STORE) from None
    if engine == "dask":
        from .distributed import client, dask_candidates, dask_stage

        cluster = client(scheduler, workers=jobs)
    else:
        cluster = nullcontext()
    with cluster as dask_client, _progress(len(articles), progress) as advance:
        stage = dask_stage(registry, dask_client) if dask_client else None
        candidates = dask_candidates(dask_client) if dask_client else None
        try:
            run = audit(articles, registry, cfg, ingest_errors=ingest_errors, progress=advance,
                        inputs=[str(p) for p in paths], jobs=jobs, cache=cache, stage=stage,
                        reuse_candidates=candidates)
        except StoreError as e:  # the stage cache could not be read or written
            raise _fail(f"database {cache_url}: {e}", EXIT_STORE) from None
    for line in summarize_rule_errors([e for e in run.rule_errors if e not in set(registry.errors)]):
        err.print(f"rule error: {line}", markup=False)
    return run, ingest_errors


def summarize_rule_errors(errors: list[str]) -> list[str]:
    """One line per failing rule and error, however many articles it failed on."""
    import re

    groups: dict[tuple[str, str], list[str]] = {}
    other: list[str] = []
    for e in errors:
        m = re.match(r"rule (\S+) failed on (.+?): (.*)$", e)
        if m:
            groups.setdefault((m.group(1), m.group(3)), []).append(m.group(2))
        elif e not in other:
            other.append(e)
    lines = []
    for (rule_id, msg), arts in groups.items():
        shown = ", ".join(arts[:3]) + (f" and {len(arts) - 3} more" if len(arts) > 3 else "")
        lines.append(f"rule {rule_id} failed on {len(arts)} article{'s' if len(arts) != 1 else ''} ({shown}): "
                     f"{msg}; the run went on without it there")
    return lines + other


JobsOpt = Annotated[int | None, typer.Option("--jobs", "-j", help="Processes for the article stage "
                                             "(default: all cores from 200 articles on).")]
MaxBytesOpt = Annotated[int | None, typer.Option("--max-bytes", help="Largest input file read (16 MiB).")]
EngineOpt = Annotated[str, typer.Option("--engine", help="local (process pool) or dask.")]
RuleTimeoutOpt = Annotated[float | None, typer.Option("--rule-timeout", min=0, help="Seconds one rule may "
                                                     "take on one article before it is stopped and reported "
                                                     "as a rule error (0: no limit; default 10, or "
                                                     "[tool.auditor] rule-timeout).")]
SchedulerOpt = Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address (default: a "
                                                  "local cluster for the run).")]


@app.command()
def score(
    paths: PathsArg,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the JSON export here.")] = None,
    csv_dir: CsvOpt = None,
    parquet_dir: ParquetOpt = None,
    db: DbOpt = None,
    rules: RulesOpt = None,
    html: Annotated[Path | None, typer.Option("--html", help="Also write the HTML report to this folder.")] = None,
    select: Annotated[list[str] | None, typer.Option("--select", help="Only these rule ids or families.")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Skip these rule ids or families.")] = None,
    no_db: Annotated[bool, typer.Option("--no-db", help="Do not write the database.")] = False,
    max_bytes: MaxBytesOpt = None,
    jobs: JobsOpt = None,
    engine: EngineOpt = "local",
    scheduler: SchedulerOpt = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Show only this many rows.")] = None,
    column: Annotated[list[str] | None, typer.Option("--column", help="KEY=NAME: the CSV column holding KEY "
                                                     "(id, url, title, outlet, published, text, html); "
                                                     "repeatable.")] = None,
    model: ModelOpt = None,
    rule_timeout: RuleTimeoutOpt = None,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress bars on "
                                                  "stderr with articles/s and the time left (default: on a "
                                                  "terminal, from 50 articles on).")] = None,
) -> None:
    """Score every article in PATHS, print a ranked table, store the run and export it.

    Articles already scored with the same rules are read back from the database's stage cache, so a
    rerun on a grown folder, or after an interruption, scores only what is new."""
    cfg = _config(rules, select, ignore, model)
    if rule_timeout is not None:
        cfg.rule_timeout = rule_timeout
    registry = _registry(cfg)
    url = None
    if not no_db:
        from .store import resolve_url

        url = resolve_url(db or cfg.db)
    from .ingest.tables import parse_columns

    try:
        columns = parse_columns(column)
    except ValueError as e:
        raise _fail(str(e)) from None
    run, ingest_errors = _audit(paths, cfg, registry, max_bytes, jobs, url, engine, scheduler, columns,
                                progress)
    print_table(run, limit)

    if json_out:
        from .export import write_json

        write_json(run, json_out)
        out.print(f"JSON export: {json_out}")
    if csv_dir or parquet_dir:
        from .export import run_to_dict

        _write_tables(run_to_dict(run), csv_dir, parquet_dir)
    if html:
        from .report import render_site

        index = render_site(run, html, registry, weights=cfg.weights)
        out.print(f"HTML report: {index}")
    if url:
        from .store import StoreError, save_run

        try:
            save_run(run, url)
        except StoreError as e:
            raise _fail(f"database {url}: {e}", EXIT_STORE) from None
        out.print(f"stored as run {run.run_id} in {url}")
    bad = [e for e in ingest_errors if e.level == "error"]
    if bad or run.rule_errors:
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
def report(
    paths: OptPathsArg = None,
    run_id: StoredRunOpt = None,
    db: DbOpt = None,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder of the HTML report.")] = Path("reports"),
    rules: RulesOpt = None,
    max_bytes: MaxBytesOpt = None,
    jobs: JobsOpt = None,
    agree_codes: Annotated[list[Path] | None, typer.Option("--agree", help="Filled coding sheets (see `audit "
                                                           "codebook`): adds the Agreement page.")] = None,
    model: ModelOpt = None,
) -> None:
    """Write the HTML reliability report (opens from disk, no network needed) of PATHS, scored now, or of a
    stored run (--run RUN, or the latest in --db when no PATHS are given), which is not scored again.

    With PATHS and --db, scoring goes through that database's cache and the run is saved there."""
    from .report import render_site

    cfg = _config(rules, model=model)
    registry = _registry(cfg)
    run, ingest_errors = _scored_or_stored(paths, run_id, db, cfg, registry, max_bytes, jobs)
    agreement, sheet_errors = _agreement(run, agree_codes, registry) if agree_codes else (None, [])
    index = render_site(run, out_dir, registry, weights=cfg.weights, agreement=agreement)
    out.print(f"HTML report of {len(run.results)} articles: {index}")
    if [e for e in ingest_errors if e.level == "error"] or run.rule_errors or sheet_errors:
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
def graph(
    paths: OptPathsArg = None,
    run_id: StoredRunOpt = None,
    db: DbOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="gexf (Gephi), graphml or json.")] = "gexf",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="The file (default: graph.FORMAT).")] = None,
    rules: RulesOpt = None,
    max_bytes: MaxBytesOpt = None,
    jobs: JobsOpt = None,
) -> None:
    """Write the citation and echo graph of PATHS (scored now) or of a stored run (--run RUN, or the latest
    in --db when no PATHS are given): who cites whom, who copies whom.

    Nodes are outlets, articles and sources; edges publishes, cites, credits, relays and echoes, with
    weights and evidence (the shared passages of an echo). Gephi opens GEXF and GraphML."""
    import networkx as nx

    from .graph import write_graph

    fmt = fmt.lower()
    if fmt not in ("gexf", "graphml", "json"):
        raise _fail(f"--format must be gexf, graphml or json, not {fmt!r}")
    cfg = _config(rules)
    registry = _registry(cfg)
    run, ingest_errors = _scored_or_stored(paths, run_id, db, cfg, registry, max_bytes, jobs)
    target = output or Path(f"graph.{fmt}")
    G = nx.node_link_graph(run.graph, directed=True, multigraph=True, edges="edges")
    write_graph(G, target, fmt)
    kinds: dict[str, int] = {}
    for e in run.graph.get("edges", []):
        kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
    out.print(f"graph: {G.number_of_nodes()} nodes, " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
              + f" -> {target}")
    if [e for e in ingest_errors if e.level == "error"] or run.rule_errors:
        raise typer.Exit(EXIT_PARTIAL)


OptPathsArg = Annotated[list[Path] | None, typer.Argument(
    help="Files or folders of articles to score (default: read a stored run instead).", show_default=False)]
StoredRunOpt = Annotated[str | None, typer.Option("--run", help="A stored run id or its unique prefix "
                                                  "(default: the latest run in --db).")]


def _scored_or_stored(paths: list[Path] | None, run_id: str | None, db: str | None, cfg, registry,
                      max_bytes: int | None, jobs: int | None):
    """What report and graph show: PATHS scored now (through --db's cache, and saved there, when --db is
    given), or a stored run read back as it was saved, without scoring."""
    from .store import StoreError, resolve_url, save_run

    if paths and run_id:
        raise _fail("give PATHS to score, or --run to read a stored run, not both")
    if paths:
        url = resolve_url(db) if db else None
        run, ingest_errors = _audit(paths, cfg, registry, max_bytes, jobs, url)
        if url:
            try:
                save_run(run, url)
            except StoreError as e:
                raise _fail(f"database {url}: {e}", EXIT_STORE) from None
            err.print(f"stored as run {run.run_id} in {url}", markup=False)
        return run, ingest_errors
    run = _stored_run(db, run_id, cfg)
    err.print(f"run {run.run_id} from {resolve_url(db or cfg.db)} (stored, not scored again)", markup=False)
    return run, []


CsvOpt = Annotated[Path | None, typer.Option("--csv", help="Write the tidy tables as CSV files, with a "
                                             "Frictionless datapackage.json, to this folder.")]
ParquetOpt = Annotated[Path | None, typer.Option("--parquet", help="Write the tidy tables as Parquet files "
                                                 "to this folder (pip install 'auditor[parquet]').")]


def _write_tables(export: dict, csv_dir: Path | None, parquet_dir: Path | None) -> None:
    from .tables import write_csv, write_parquet

    if csv_dir:
        out.print(f"tables: {write_csv(export, csv_dir)}", markup=False)
    if parquet_dir:
        try:
            out.print(f"tables: {write_parquet(export, parquet_dir)}", markup=False)
        except RuntimeError as e:
            raise _fail(str(e)) from None


@app.command("export")
def export_run(
    run_id: Annotated[str | None, typer.Argument(help="A stored run id or its unique prefix (default: the "
                                                 "latest).", show_default=False)] = None,
    csv_dir: CsvOpt = None,
    parquet_dir: ParquetOpt = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the JSON export here.")] = None,
    db: DbOpt = None,
) -> None:
    """Write a stored run's tidy tables (--csv, --parquet) or JSON export (--json) without scoring again:
    the same files `audit score --csv/--parquet/--json` wrote for it."""
    from .config import load_config
    from .export import run_to_dict, write_json

    if not (csv_dir or parquet_dir or json_out):
        raise _fail("nothing to write: give --csv DIR, --parquet DIR or --json FILE")
    run = _stored_run(db, run_id, load_config())
    if json_out:
        write_json(run, json_out)
        out.print(f"JSON export: {json_out}", markup=False)
    if csv_dir or parquet_dir:
        _write_tables(run_to_dict(run), csv_dir, parquet_dir)


@app.command("serve")
def serve_db(
    database: Annotated[str | None, typer.Argument(help="The SQLite store (default: --db, or auditor.db).",
                                                   show_default=False)] = None,
    db: DbOpt = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback: only this machine).")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8001,
    mutable: Annotated[bool, typer.Option("--mutable", help="Open the file in datasette's normal mode, "
                                          "seeing runs saved while it serves (default: immutable, "
                                          "read-only).")] = False,
) -> None:
    """Browse the store in datasette: described tables and canned queries to start from (weakest articles,
    relayed attributions, altered quotes with their consensus, outlets that echo others most).

    Read-only and on loopback by default (pip install 'auditor[serve]')."""
    from .config import load_config
    from .serve import serve as run_datasette
    from .store import StoreError, resolve_url

    if database and db:
        raise _fail("give the database as DATABASE or --db, not both")
    url = resolve_url(database or db or load_config().db)
    try:
        run_datasette(url, host=host, port=port, mutable=mutable)
    except (ValueError, RuntimeError) as e:
        raise _fail(str(e)) from None
    except StoreError as e:
        raise _fail(f"database {url}: {e}", EXIT_STORE) from None


class _progress:
    """Progress on stderr, one bar per stage (the article stage, the corpus stage, then the whole-corpus
    steps), each with articles done of its total, articles/s and the time left. Articles read back from
    the stage cache are named on the article stage's line, not counted in its rate. Shown on a terminal
    for more than 50 articles, always with ``--progress``, never with ``--no-progress``."""

    def __init__(self, total: int, show: bool | None = None):
        self.total, self.show = total, show
        self.bar = None
        self.task = None

    def __enter__(self):
        show = self.show if self.show is not None else (self.total > 50 and err.is_terminal)
        if not show:
            return None
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )

        class Rate(ProgressColumn):
            def render(self, task) -> Text:
                speed = task.finished_speed or task.speed
                return Text("" if task.total is None or speed is None else f"{speed:,.1f} articles/s")

        # the time column shows the time left while a stage runs and the time it took once it is done
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(bar_width=24), MofNCompleteColumn(),
                            Rate(), TimeRemainingColumn(elapsed_when_finished=True), console=err,
                            transient=err.is_terminal)
        self.bar.start()
        return self

    def stage(self, name: str, total: int | None, note: str = "") -> None:
        """A new stage: the previous bar is marked finished and a new one started."""
        self._finish()
        self.task = self.bar.add_task(name + (f" ({note})" if note else ""), total=total)
        self.bar.update(self.task)  # a stage with nothing to do is finished at once

    def _finish(self) -> None:
        if self.task is not None and self.bar.tasks[self.task].total is None:  # a step of no known length
            self.bar.update(self.task, total=1, completed=1)

    def __call__(self, n: int = 1) -> None:
        if self.task is None:
            self.task = self.bar.add_task("scoring", total=self.total)
        self.bar.advance(self.task, n)

    def __exit__(self, *exc):
        if self.bar:
            if exc[0] is None:
                self._finish()
            self.bar.stop()


def _marked_line(text: str, start: int, end: int) -> tuple[str, str]:
    """The line holding ``start`` and a caret line under the span (ruff-style)."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    le = len(text) if le < 0 else le
    line = text[ls:le]
    width = max(1, min(end, le) - start)
    return line, " " * (start - ls) + "^" * width


def _contribution_lines(contrib: dict[str, float], features: dict[str, float]) -> list[tuple[str, float]]:
    """The score model's points, base first, then each feature by size, then what clipping took back."""
    lines = [("base (an article with every feature at 0)", contrib.get("base", 0.0))]
    for name, pts in sorted(((k, v) for k, v in contrib.items() if k not in ("base", "clipped")),
                            key=lambda kv: (-abs(kv[1]), kv[0])):
        lines.append((f"{name} = {features.get(name, 0.0):.2f}", pts))
    if contrib.get("clipped"):
        lines.append(("kept within 0..100", contrib["clipped"]))
    return lines


@app.command()
def explain(
    article_id: Annotated[str, typer.Argument(help="An article id (file stem or record id).")],
    db: DbOpt = None,
    run: Annotated[str | None, typer.Option("--run", help="A run id (default: the latest with it).")] = None,
) -> None:
    """Print an article's findings from the store, each with its evidence marked in the text."""
    from .config import load_config
    from .store import StoreError, article_findings, resolve_url

    url = resolve_url(db or load_config().db)
    try:
        data = article_findings(url, article_id, run)
    except StoreError as e:
        raise _fail(f"database {url}: {e}", EXIT_STORE) from None
    if not data:
        raise _fail(f"no article {article_id!r} in {url} (run `audit score` first)", EXIT_USAGE)
    text = data["text"]
    out.print(Text(f"{article_id}  outlet: {data.get('outlet') or '-'}  score: {data.get('score')}", style="bold"))
    subs = data.get("subscores") or {}
    if subs:
        out.print("  " + "  ".join(f"{k} {v:.0f}" for k, v in subs.items()))
    contrib = data.get("contributions") or {}
    if contrib:
        out.print(Text("how the score combines (points)", style="bold"))
        for name, pts in _contribution_lines(contrib, data.get("features") or {}):
            out.print(f"  {pts:>+7.1f}  {name}", markup=False)
        if contrib.get("editorial"):
            from .features import editorial_words, reported_sentences

            found, _ = editorial_words(text, [q.get("text", "") for q in data.get("quotes") or []],
                                       reported_sentences(text, data.get("attributions") or []))
            strong = [f"{w} ({':'.join(map(str, _line_col(text, s)))})" for w, s, _, sub in found if sub >= 0.5]
            if strong:
                out.print(Text("  editorial words (line:column): ", style="dim").append(", ".join(strong[:20])
                          + (f", and {len(strong) - 20} more" if len(strong) > 20 else "")), markup=False)
    findings = data.get("findings", [])
    if not findings:
        out.print("no findings")
    for f in findings:
        line_no, col = _line_col(text, f["start"])
        out.print(Text(f"\n{line_no}:{col} ", style="bold").append(f"{f['rule']} ", style="bold cyan")
                  .append(f"[{f['category']}, {f['severity']}] ").append(f["message"]))
        line, carets = _marked_line(text, f["start"], f["end"])
        out.print(Text("  | ", style="dim").append(line), markup=False)
        out.print(Text("  | ", style="dim").append(carets, style="bold red"), markup=False)
    if data.get("quotes"):
        out.print(Text(f"\nquotes ({len(data['quotes'])})", style="bold"))
        for q in data["quotes"]:
            fid = "" if q.get("fidelity") is None else f" fidelity {q['fidelity']:.2f}"
            out.print(f"  {q.get('speaker') or '?'}: “{q['text'][:100]}”{fid}", markup=False)
    if data.get("attributions"):
        out.print(Text(f"\nattributions ({len(data['attributions'])})", style="bold"))
        for a in data["attributions"]:
            out.print(f"  {a['kind']:<8} {a.get('source') or '-'}: {text[a['start']:a['end']]!r}", markup=False)


def _line_col(text: str, pos: int) -> tuple[int, int]:
    """1-based line and column of offset ``pos`` in ``text``."""
    return text.count("\n", 0, pos) + 1, pos - text.rfind("\n", 0, pos)


@app.command()
def calibrate(
    ratings: Annotated[Path, typer.Argument(help="A CSV of readers' ratings: article,rating[,group] or the "
                                                 "long coding sheet (article,variable,coder,value; variable "
                                                 "'rating').")],
    out_path: Annotated[Path, typer.Option("--out", "-o", help="Where to write the model.")] = Path("score_model.json"),
    run_id: Annotated[str | None, typer.Option("--run", help="The stored run the articles were scored in "
                                                             "(default: the latest).")] = None,
    db: DbOpt = None,
) -> None:
    """Refit the score model to your readers' ratings (1 to 5, rubric in README) of the articles of a
    stored run, write it, and report the fit: Spearman's rho of cross-validated predictions with a
    bootstrap interval. Use the model with `audit score --model FILE` or [tool.auditor] model."""
    from .calibration import ModelError, read_ratings
    from .calibration import calibrate as fit
    from .config import load_config

    try:
        rated, groups, problems = read_ratings(ratings)
    except (ModelError, OSError, UnicodeDecodeError) as e:
        raise _fail(f"{ratings}: {e}" if not str(e).startswith(str(ratings)) else str(e)) from None
    for p in problems:
        err.print(f"audit: {p}", markup=False)
    run = _stored_run(db, run_id, load_config())
    try:
        model, missing = fit(rated, run, groups)
    except ModelError as e:
        raise _fail(str(e)) from None
    for a in missing:
        err.print(f"audit: {ratings.name}: article {a!r} is not in run {run.run_id}; left out", markup=False)
    model.write(out_path)
    f = model.fit
    lo, hi = f["rho_cv_ci95"]
    out.print(f"fitted on {f['articles']} rated articles of run {run.run_id} ({f['folds']}, ridge alpha {f['alpha']})")
    out.print(f"Spearman's rho, cross-validated: {f['rho_cv']:.3f} (95% bootstrap interval {lo:.3f} to {hi:.3f}); "
              f"in sample: {f['rho_in_sample']:.3f}")
    out.print(f"rating = {model.intercept:.3f}" + "".join(f" {c:+.3f}*{k}" for k, c in model.coef.items() if c))
    out.print(f"model written to {out_path}: use it with `audit score --model {out_path}`")
    if problems or missing:
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
def runs(db: DbOpt = None) -> None:
    """List the runs saved in the database, latest first, with their counts."""
    from .config import load_config
    from .store import StoreError, list_runs, resolve_url

    url = resolve_url(db or load_config().db)
    try:
        rows = list_runs(url)
    except StoreError as e:
        raise _fail(f"database {url}: {e}", EXIT_STORE) from None
    t = Table(title=f"runs in {url}", title_justify="left", header_style="bold")
    for c in ("run", "saved", "articles", "findings", "quotes", "errors", "inputs"):
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(r["id"], str(r["saved_at"])[:19], str(r["article_count"]), str(r["finding_count"]),
                  str(r["quote_count"]), str(r["error_count"]), ", ".join(r["inputs"] or []))
    out.print(t)


@app.command()
def outlets(
    name: Annotated[str | None, typer.Argument(help="One outlet (default: all).")] = None,
    db: DbOpt = None,
) -> None:
    """Each outlet's score over the stored runs, oldest first, with the change since the previous run."""
    from .config import load_config
    from .store import StoreError, resolve_url
    from .store.history import outlet_history

    url = resolve_url(db or load_config().db)
    try:
        rows = outlet_history(url, name)
    except StoreError as e:
        raise _fail(f"database {url}: {e}", EXIT_STORE) from None
    if not rows:
        raise _fail(f"no outlet {name!r} in {url}" if name else f"no outlets in {url} yet", EXIT_USAGE)
    t = Table(title=f"outlet scores over runs in {url}", title_justify="left", header_style="bold")
    for c in ("outlet", "run", "saved", "score", "change", "articles"):
        t.add_column(c, justify="right" if c in ("score", "change", "articles") else "left")
    prev: dict[str, float] = {}
    for r in rows:
        change = "" if r["outlet"] not in prev or r["score"] is None else f"{r['score'] - prev[r['outlet']]:+.1f}"
        if r["score"] is not None:
            prev[r["outlet"]] = r["score"]
        t.add_row(r["outlet"], r["run"], str(r["saved_at"])[:19], "" if r["score"] is None else f"{r['score']:.1f}",
                  change, str(r["articles"]))
    out.print(t)


def _agreement(run, codes: list[Path], registry, levels: list[str] | None = None):
    """Agreement of ``run`` with the coders of the sheets ``codes``; sheet errors printed, one a line."""
    from .agreement import agree as measure

    for p in codes:
        if not p.is_file():
            raise _fail(f"{p}: no such file")
    try:
        report, errors, files = measure(run, codes, registry=registry, levels=levels)
    except ValueError as e:
        raise _fail(str(e)) from None
    for e in errors:
        err.print(f"sheet error: {e}", markup=False)
    if not files:
        raise _fail("no coding sheet could be read from " + ", ".join(map(str, codes)))
    return report, errors


def _stored_run(db: str | None, run_id: str | None, cfg):
    from .store import StoreError, load_result, resolve_url

    url = resolve_url(db or cfg.db)
    try:
        return load_result(url, run_id)
    except StoreError as e:
        raise _fail(f"database {url}: {e}", EXIT_STORE) from None


RunOpt = Annotated[str | None, typer.Option("--run", help="A run id or its unique prefix (default: the latest).")]


@app.command()
def codebook(
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder to write into.")] = Path("codebook"),
    run: RunOpt = None,
    db: DbOpt = None,
    rules: RulesOpt = None,
) -> None:
    """Write the codebook (codebook.md, codebook.html) and the coding sheet coding.csv of a stored run.

    One variable per rule (1 when the article has at least one passage the rule flags, else 0; nominal),
    defined by the rule's documentation and examples, plus the four family scores and the article score
    (0 to 100; interval). coding.csv has one row per article and variable, columns
    article,variable,coder,value, the values empty for your coders to fill in. Without a stored run (and
    without --run or --db) only the codebook is written."""
    from .codebook import make_codebook
    from .store import resolve_url

    cfg = _config(rules)
    registry = _registry(cfg)
    for e in registry.errors:
        err.print(f"rule error: {e}", markup=False)
    url = resolve_url(db or cfg.db)
    stored = None
    if run or db or not url.startswith("sqlite:///") or Path(url.removeprefix("sqlite:///")).exists():
        stored = _stored_run(db, run, cfg)
    else:
        err.print(f"note: no database at {url}, so no coding sheet: run `audit score` first", markup=False)
    for path in make_codebook(out_dir, registry, stored):
        out.print(f"wrote {path}", markup=False)
    if registry.errors:
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
def agree(
    codes: Annotated[list[Path], typer.Argument(help="Filled coding sheets (article,variable,coder,value): one "
                                                "per coder, or all coders in one.", show_default=False)],
    run: RunOpt = None,
    db: DbOpt = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the agreement report here.")] = None,
    html: Annotated[Path | None, typer.Option("--html", help="Write the run's HTML report, with its Agreement "
                                              "page, to this folder.")] = None,
    level: Annotated[list[str] | None, typer.Option("--level", help="VAR=LEVEL: nominal, ordinal, interval or "
                                                    "ratio instead of the codebook's (repeatable).")] = None,
    rules: RulesOpt = None,
) -> None:
    """Krippendorff's alpha of your coders, and with auditor as one more coder, on a stored run.

    For every variable coded: alpha among the coders and with auditor, each with a 95% bootstrap
    interval, the units, the level, and the articles where auditor disagrees with the coders' majority,
    with the evidence. A blank value is missing, not 0. Bad rows are named with their line; the rest
    is used (exit code 1)."""
    from .agreement import summary_rows, write_json

    cfg = _config(rules)
    registry = _registry(cfg)
    result = _stored_run(db, run, cfg)
    report, errors = _agreement(result, codes, registry, level)
    t = Table(title=f"agreement with auditor on run {result.run_id}", title_justify="left", header_style="bold")
    for c in ("variable", "level", "units", "coders", "alpha coders [95%]", "alpha with auditor [95%]",
              "disagree"):
        t.add_column(c, overflow="fold", justify="right" if c in ("units", "disagree") else "left")
    for row in summary_rows(report):
        t.add_row(*row)
    out.print(t)
    if json_out:
        out.print(f"JSON: {write_json(report, json_out)}", markup=False)
    if html:
        from .report import render_site

        index = render_site(result, html, registry, weights=cfg.weights, agreement=report)
        out.print(f"HTML report: {index}", markup=False)
    if errors:
        raise typer.Exit(EXIT_PARTIAL)


@rules_app.command("list")
def rules_list(rules: RulesOpt = None) -> None:
    """Every rule: id, family, status, weight and the file it comes from."""
    cfg = _config(rules)
    reg = _registry(cfg)
    t = Table(header_style="bold")
    for c in ("id", "family", "scope", "status", "weight", "name", "from"):
        t.add_column(c, overflow="fold")
    for r in sorted(reg.rules, key=lambda r: (r.family, r.id)):
        t.add_row(r.id, r.family, r.meta.scope, r.meta.status, f"{r.meta.weight:g}", r.meta.name, _short(r.origin))
    out.print(t)
    for e in reg.errors:
        err.print(f"rule error: {e}", markup=False)
    if reg.errors:
        raise typer.Exit(EXIT_PARTIAL)


def _short(path: str) -> str:
    from .rules import builtin_rules_dir

    try:
        return "built-in:" + str(Path(path).relative_to(builtin_rules_dir()))
    except ValueError:
        return path


@rules_app.command("show")
def rules_show(rule_id: str, rules: RulesOpt = None) -> None:
    """A rule's documentation and examples."""
    reg = _registry(_config(rules))
    try:
        r = reg.get(rule_id)
    except KeyError:
        raise _fail(f"no rule {rule_id!r} (see `audit rules list`)") from None
    m = r.meta
    out.print(Text(f"{m.id}: {m.name}", style="bold"))
    out.print(f"family {m.family} · {m.status} · severity {m.severity} · weight {m.weight:g} · scope {m.scope} "
              f"· score {m.score} · {_short(r.origin)}", markup=False)
    out.print(Text("\nWhat it flags", style="bold"))
    out.print(m.docs.what, markup=False)
    out.print(Text("\nWhy it matters", style="bold"))
    out.print(m.docs.why, markup=False)
    for title, exs in (("Flagged", m.examples.flagged), ("Clean", m.examples.clean)):
        out.print(Text(f"\n{title} examples", style="bold"))
        for ex in exs:
            for aid, t in (ex.items() if isinstance(ex, dict) else [("", ex)]):
                out.print(("  [" + aid + "] " if aid else "  ") + t.replace("\n", "\n  "), markup=False)
    if m.docs.limitations:
        out.print(Text("\nLimitations", style="bold"))
        out.print(m.docs.limitations, markup=False)
    if m.docs.references:
        out.print(Text("\nReferences", style="bold"))
        for ref in m.docs.references:
            out.print(f"  {ref}", markup=False)


@rules_app.command("test")
def rules_test(
    directory: Annotated[Path | None, typer.Argument(help="Test only the rules in this folder.")] = None,
    rule_id: Annotated[str | None, typer.Option("--rule", help="Only this rule.")] = None,
) -> None:
    """Run every rule's examples and fixtures; show expected against found spans on failure."""
    from .rules import builtin_rules_dir, load_rules
    from .ruletest import missing_docs, run_rule_tests

    if directory and not directory.is_dir():
        raise _fail(f"{directory}: no such folder")
    extra = [directory] if directory and directory.resolve() != builtin_rules_dir().resolve() else []
    reg = load_rules(extra)
    failed = 0
    for e in reg.errors:
        err.print(f"rule error: {e}", markup=False)
    rules = [r for r in reg.rules if not directory or Path(r.origin).resolve().is_relative_to(directory.resolve())]
    if rule_id:
        rules = [r for r in rules if r.id == rule_id]
    for r in rules:
        cases = run_rule_tests(r, reg)
        bad = [c for c in cases if not c.ok]
        lacking = missing_docs(r)
        misses = sum(c.known_misses for c in cases)
        status = "ok" if not bad and not lacking else "FAIL"
        note = f" ({misses} known miss{'es' if misses != 1 else ''})" if misses else ""
        out.print(Text(f"{status:<4} {r.id}: {len(cases)} cases{note}", style="green" if status == "ok" else "red"))
        for c in bad:
            failed += 1
            out.print(f"  {c.name}:", markup=False)
            out.print(c.diff(), markup=False)
        if lacking:
            failed += 1
            out.print(f"  missing documentation: {', '.join(lacking)}", markup=False)
    out.print(f"{len(rules)} rules, {failed} failing")
    if failed or reg.errors:
        raise typer.Exit(EXIT_PARTIAL)


@rules_app.command("new")
def rules_new(
    rule_id: Annotated[str, typer.Argument(help="The new rule's id, e.g. anonymous-officials.")],
    directory: Annotated[Path, typer.Option("--dir", help="Folder of your rules.")] = Path("myrules"),
    python: Annotated[bool, typer.Option("--python", help="Write a Python rule instead of YAML.")] = False,
    family: Annotated[str, typer.Option("--family", help="attribution, boilerplate, quote-fidelity or inference.")] = "attribution",
) -> None:
    """Write a documented starter rule whose examples already pass."""
    from .scaffold import new_rule

    try:
        path = new_rule(rule_id, directory, python=python, family=family)
    except (ValueError, FileExistsError) as e:
        raise _fail(str(e)) from None
    out.print(f"wrote {path}\nnext: edit it, then `audit rules test {directory}` and "
              f"`audit score seeds/ --rules {directory}`", markup=False)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("audit: interrupted; nothing half-written was kept (rerun the same command to finish)")
        sys.exit(130)


__all__ = ["app", "main", "__version__"]
