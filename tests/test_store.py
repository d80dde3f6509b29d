"""The store: round trips, idempotent reruns, atomic saves, concurrent writers, unicode.

Every test taking ``store_url`` runs on SQLite and, when AUDITOR_TEST_POSTGRES_URL is set, on PostgreSQL
(see ``conftest.py``). Runs are built by hand from the plain models and real seed texts, not by the engine.
"""

from __future__ import annotations

import copy
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text, update

import auditor.store.database as database
from auditor.export import article_to_dict, run_to_dict
from auditor.models import (
    Article,
    ArticleResult,
    Attribution,
    Finding,
    IngestError,
    Quote,
    QuoteCluster,
    RuleResult,
    RunResult,
)
from auditor.store import (
    SCHEMA_VERSION,
    StoreBusy,
    StoreError,
    article_findings,
    get_engine,
    get_session,
    init_db,
    list_runs,
    load_result,
    load_run,
    resolve_url,
    save_run,
)
from auditor.store import models as tables

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def seed_result(path: Path, outlet: str) -> ArticleResult:
    """An article result over a real seed text, with findings, quotes and attributions on real spans."""
    body = path.read_text(encoding="utf-8")
    article = Article(id=path.stem, text=body, source=str(path), outlet=outlet, url=f"https://{outlet}/a",
                      published="2026-02-03T12:53:00+02:00", title=body.splitlines()[0][:80],
                      removed=[(0, 5)], meta={"lang": "en", "tags": ["nato", "kyiv"]})
    # the first sentence of the article, and its first quoted passage when it has one
    s0, s1 = 0, body.index(".") + 1
    q0 = next((i for i, c in enumerate(body) if c in "\"“"), None)
    quotes, findings = [], [
        Finding("unattributed-claim", "attribution", "Claim with no source: “first sentence”", s0, s1,
                severity="high", data={"hedges": ["reportedly"], "weight": 0.5}),
        Finding("boilerplate-read-time", "boilerplate", "Reading-time line", s1, min(s1 + 12, len(body)),
                severity="info"),
    ]
    if q0 is not None:
        q1 = min(i for i in (body.find('"', q0 + 1), body.find("”", q0 + 1)) if i > 0)
        quotes.append(Quote(body[q0 + 1:q1], q0 + 1, q1, speaker="Mark Rutte", cue="said", cue_start=s0,
                            cue_end=s0 + 4, kind="direct", cluster="c1", fidelity=0.93,
                            differences=[{"op": "replace", "a": [0, 3], "b": [0, 4], "text": "’"}]))
    rutte = span(body, "Rutte")
    attributions = [Attribution("Mark Rutte", "direct", *rutte, cue="said", chain=["Mark Rutte"], hops=0,
                                source_type="person"),
                    Attribution(None, "vague", s0, s1, cue="reportedly", source_type="unknown")]
    return ArticleResult(
        article=article, findings=findings, quotes=quotes, attributions=attributions,
        rules={"unattributed-claim": RuleResult("unattributed-claim", "attribution", 0.25, 1.5),
               "boilerplate-read-time": RuleResult("boilerplate-read-time", "boilerplate", 0.9)},
        readability={"flesch": 41.5, "words": float(len(body.split()))},
        subscores={"attribution": 62.5, "boilerplate": 90.0}, score=71.25,
        errors=["rule x failed on it: ValueError"])


def make_run(run_id: str = "run-a", n: int = 3) -> RunResult:
    results = [seed_result(p, f"outlet{i % 2}.example") for i, p in enumerate(sorted(SEEDS.glob("*.txt"))[:n])]
    members = [{"article": r.article.id, "quote": 0, "text": r.quotes[0].text, "start": r.quotes[0].start,
                "end": r.quotes[0].end, "fidelity": 0.93, "differences": []} for r in results if r.quotes]
    return RunResult(
        run_id=run_id, results=results,
        outlets={"outlet0.example": {"score": 71.25, "articles": 2},
                 "outlet1.example": {"score": 71.25, "articles": 1, "rank": 2}},
        quote_clusters=[QuoteCluster("c1", consensus="Your peace is our peace.", speaker="Mark Rutte",
                                     members=members, method="rapidfuzz")],
        claims=[{"text": "75% of all missiles", "articles": [r.article.id for r in results], "support": 2}],
        graph={"nodes": [{"id": "outlet0.example", "kind": "outlet", "label": "Outlet 0"},
                         {"id": "mark-rutte", "kind": "source", "label": "Mark Rutte", "degree": 3}],
               "edges": [{"source": "outlet0.example", "target": "mark-rutte", "kind": "quotes",
                          "weight": 2.5, "evidence": [{"article": results[0].article.id, "start": 0,
                                                       "end": 10}]},
                         {"source": "mark-rutte", "target": "outlet0.example", "kind": "cited-by"},
                         {"source": "a", "target": "b", "kind": "copies", "weight": 1, "evidence": None}],
               "directed": True},
        ingest_errors=[IngestError("bad.html", "not UTF-8; decoded as cp1252", "warning")],
        rule_errors=["rule y failed to load: missing pattern"],
        rules=[{"id": "unattributed-claim", "family": "attribution", "status": "stable", "weight": 1.5}],
        started="2026-02-03T12:00:00+00:00", finished="2026-02-03T12:00:05+00:00",
        inputs=[str(SEEDS)])


def row_counts(url: str, run_id: str | None = None) -> dict[str, int]:
    """Rows per table (of one run, or of all runs)."""
    engine = get_engine(url)
    counts = {}
    with engine.connect() as conn:
        for table in tables.RUN_TABLES:
            key = table.c.id if table is tables.RUNS else table.c.run_id
            query = select(func.count()).select_from(table)
            if run_id is not None:
                query = query.where(key == run_id)
            counts[table.name] = conn.execute(query).scalar_one()
    return counts


# ------------------------------------------------------------------------------------------ round trip

def test_round_trip_gives_back_the_saved_run(store_url: str) -> None:
    run = make_run()
    assert save_run(run, store_url) == "run-a"
    assert load_result(store_url) == run  # every field of every dataclass, texts included
    assert load_run(store_url) == run_to_dict(run)  # the JSON export of the saved run
    # spot checks on the export, so a bug shared by both sides of the comparisons still shows
    loaded = load_run(store_url)
    by_id = {a["id"]: a for a in loaded["articles"]}
    assert loaded["run"]["id"] == "run-a" and set(by_id) == {r.article.id for r in run.results}
    src = run.results[0]
    first = by_id[src.article.id]
    assert [(f["start"], f["end"], f["message"], f["severity"]) for f in first["findings"]] == \
        [(f.start, f.end, f.message, f.severity) for f in src.findings]
    assert first["rules"]["unattributed-claim"] == {"category": "attribution", "score": 0.25, "weight": 1.5}
    assert first["score"] == 71.25 and first["subscores"]["attribution"] == 62.5
    assert first["quotes"][0]["differences"][0]["text"] == "’"
    edges = loaded["graph"]["edges"]
    assert edges[0]["evidence"][0]["article"] == src.article.id
    assert "evidence" not in edges[1] and edges[2]["evidence"] is None
    assert loaded["graph"]["directed"] is True
    assert loaded["outlets"]["outlet1.example"] == {"score": 71.25, "articles": 1, "rank": 2}
    assert loaded["errors"]["ingest"] == [{"source": "bad.html", "reason": "not UTF-8; decoded as cp1252",
                                           "level": "warning"}]


def test_loaded_spans_point_at_the_same_words_in_the_saved_text(store_url: str) -> None:
    run = make_run()
    save_run(run, store_url)
    for src, got in zip(run.results, load_result(store_url).results, strict=True):
        body = src.article.text
        assert got.article.text == body and got.article.hash == src.article.hash
        assert got.article.removed == [(0, 5)]
        assert [body[f.start:f.end] for f in got.findings] == [body[f.start:f.end] for f in src.findings]
        assert [body[q.start:q.end] for q in got.quotes] == [q.text for q in src.quotes]


def test_saving_a_run_leaves_its_texts_as_they_were(store_url: str) -> None:
    """The store write hands the database copies of the texts: the run's own (non-ASCII: the seeds hold
    NBSPs and curly quotes) keep no UTF-8 copy that the driver made CPython attach to them."""
    import sys

    run = make_run()
    texts = [r.article.text for r in run.results]
    assert not all(t.isascii() for t in texts)
    sizes = [sys.getsizeof(t) for t in texts]
    save_run(run, store_url)
    assert [sys.getsizeof(r.article.text) for r in run.results] == sizes
    assert [r.article.text for r in load_result(store_url).results] == texts


def test_the_table_models_answer_ad_hoc_queries(store_url: str) -> None:
    from sqlmodel import select as sm_select

    run = make_run()
    save_run(run, store_url)
    with get_session(store_url) as session:
        high = session.exec(sm_select(tables.FindingRow).where(tables.FindingRow.severity == "high")
                            .order_by(tables.FindingRow.article_id)).all()
    assert [(f.article_id, f.start, f.end) for f in high] == \
        sorted((r.article.id, r.findings[0].start, r.findings[0].end) for r in run.results)


def test_every_field_of_the_plain_models_has_a_column() -> None:
    """A field added to Finding, Quote, Attribution or Article must get a column (and a schema bump)."""
    covered = {Finding: tables.FINDINGS, Quote: tables.QUOTES, Attribution: tables.ATTRIBUTIONS,
               QuoteCluster: tables.QUOTE_CLUSTERS}
    for model, table in covered.items():
        missing = {f.name for f in fields(model)} - set(table.c.keys())
        assert not missing, f"{table.name} lacks columns for {model.__name__}: {missing}"
    article_missing = {f.name for f in fields(Article)} - set(tables.ARTICLES.c.keys())
    assert not article_missing


def test_load_run_picks_the_latest_saved_run_or_the_one_asked_for(store_url: str) -> None:
    save_run(make_run("aaaa1111", n=1), store_url)
    save_run(make_run("bbbb2222", n=2), store_url)
    assert load_run(store_url)["run"]["id"] == "bbbb2222"
    assert len(load_run(store_url, "aaaa")["articles"]) == 1  # a unique prefix is enough
    assert [r["id"] for r in list_runs(store_url)] == ["bbbb2222", "aaaa1111"]
    assert list_runs(store_url)[0]["article_count"] == 2
    with pytest.raises(StoreError, match="no run 'cccc'"):
        load_run(store_url, "cccc")


def test_article_findings_come_from_the_latest_run_holding_the_article(store_url: str) -> None:
    old, new = make_run("old", n=3), make_run("new", n=1)
    new.results[0].findings = new.results[0].findings[:1]
    save_run(old, store_url)
    save_run(new, store_url)
    first, third = old.results[0].article, old.results[2].article
    got = article_findings(store_url, first.id)
    assert got is not None and got["run_id"] == "new" and len(got["findings"]) == 1
    assert got["text"] == first.text
    assert article_findings(store_url, third.id)["run_id"] == "old"  # only the old run has it
    assert article_findings(store_url, first.hash)["id"] == first.id  # by content hash too
    from_old = article_findings(store_url, first.id, run_id="old")
    assert from_old.pop("run_id") == "old" and from_old.pop("text") == first.text
    assert from_old == article_to_dict(old.results[0])  # the article as the JSON export has it
    assert article_findings(store_url, "no-such-article") is None


# --------------------------------------------------------------------------------- idempotence, atomicity

def test_saving_the_same_run_twice_leaves_the_same_rows(store_url: str) -> None:
    run = make_run()
    save_run(run, store_url)
    once = row_counts(store_url)
    save_run(run, store_url)
    assert row_counts(store_url) == once
    assert once["findings"] == 6 and once["articles"] == 3 and once["runs"] == 1
    assert load_result(store_url) == run


def test_resaving_a_run_replaces_its_rows_and_keeps_no_stale_ones(store_url: str) -> None:
    run = make_run()
    save_run(run, store_url)
    smaller = copy.deepcopy(run)
    smaller.results = smaller.results[:1]
    smaller.results[0].findings = smaller.results[0].findings[:1]
    save_run(smaller, store_url)
    assert load_result(store_url) == smaller
    assert row_counts(store_url)["findings"] == 1 and row_counts(store_url)["articles"] == 1


@pytest.mark.parametrize("fail_after", [1, 4, 9])
def test_a_save_that_fails_midway_leaves_no_rows_and_the_earlier_run_intact(
        store_url: str, monkeypatch: pytest.MonkeyPatch, fail_after: int) -> None:
    kept = make_run("kept", n=2)
    save_run(kept, store_url)
    before = row_counts(store_url)
    real_insert, calls = database._insert, []

    def failing_insert(conn, table, rows):
        if len(calls) == fail_after:
            raise RuntimeError("disk unplugged")
        calls.append(table.name)
        real_insert(conn, table, rows)

    monkeypatch.setattr(database, "_insert", failing_insert)
    with pytest.raises(RuntimeError, match="disk unplugged"):
        save_run(make_run("broken"), store_url)
    assert len(calls) == fail_after  # it really failed midway, after writing some tables
    assert set(row_counts(store_url, "broken").values()) == {0}
    calls.clear()
    changed = copy.deepcopy(kept)  # a failing re-save of an existing run keeps its old rows
    changed.results[0].score = 1.0
    with pytest.raises(RuntimeError):
        save_run(changed, store_url)
    monkeypatch.undo()
    assert row_counts(store_url) == before
    assert load_result(store_url, "kept") == kept


def test_a_run_with_two_articles_of_one_id_is_refused_before_writing(store_url: str) -> None:
    run = make_run(n=2)
    run.results[1].article.id = run.results[0].article.id
    with pytest.raises(StoreError, match="two articles with the id"):
        save_run(run, store_url)
    with pytest.raises(StoreError, match="no database at|holds no auditor runs|no runs saved"):
        load_run(store_url)


# -------------------------------------------------------------------------------------------- unicode

UNICODE_TEXT = ("Le ministre a déclaré\u00a0: «\u00a0C’est fini\u00a0» — “We won’t back down,” she said.\r\n"
                "\tEmoji 🇺🇦👍🏽, combining e\u0301, RTL \u05e9\u05dc\u05d5\u05dd, zero-width\u200bspace, "
                "\u2028line sep, control \x01\x1f\x7f, BOM \ufeff, astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, CJK 北约秘书长。")


def unicode_run(body: str, run_id: str = "uni") -> RunResult:
    start = body.find("“")
    end = body.find("”")
    quotes = [Quote(body[start + 1:end], start + 1, end, speaker="she", cue="said")] if 0 <= start < end else []
    findings = [Finding("curly", "quote-fidelity", "“mixed” quotes\u00a0here 🇺🇦", 0, len(body),
                        data={"note": body})]
    article = Article(id="uni-\u00e9t\u00e9", text=body, outlet="Le Monde\u00a0Diplo", title=body[:30])
    return RunResult(run_id=run_id, results=[ArticleResult(article=article, findings=findings, quotes=quotes)],
                     outlets={"Le Monde\u00a0Diplo": {"score": 100.0, "articles": 1}})


def test_unicode_survives_the_round_trip(store_url: str) -> None:
    run = unicode_run(UNICODE_TEXT)
    save_run(run, store_url)
    assert load_result(store_url) == run
    art = load_run(store_url)["articles"][0]
    assert art["id"] == "uni-\u00e9t\u00e9" and art["outlet"] == "Le Monde\u00a0Diplo"
    assert art["findings"][0]["message"] == "“mixed” quotes\u00a0here 🇺🇦"
    assert art["findings"][0]["data"]["note"] == UNICODE_TEXT
    assert art["findings"][0]["text"] == UNICODE_TEXT  # the export's span text, cut from the stored text
    assert art["quotes"][0]["text"] == "We won’t back down,"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=300))
def test_any_nul_free_text_round_trips(store_url: str, body: str) -> None:
    run = unicode_run(body, run_id="prop")
    save_run(run, store_url)
    assert load_result(store_url, "prop") == run


def test_a_nul_character_is_kept_on_sqlite_and_refused_clearly_on_postgresql(store_url: str) -> None:
    run = unicode_run("before\x00after")
    if store_url.startswith("sqlite"):
        save_run(run, store_url)
        assert load_result(store_url).results[0].article.text == "before\x00after"
    else:
        clean = unicode_run("clean text")
        save_run(clean, store_url)
        with pytest.raises(StoreError, match=r"article uni-été has a NUL character in articles\.text"):
            save_run(run, store_url)  # the same run id: refused midway, the earlier save stays whole
        assert load_result(store_url) == clean
        run = unicode_run("clean text")
        run.rule_errors = ["rule z: bad\x00byte"]
        with pytest.raises(StoreError, match=r"run uni has a NUL character in rule_errors\.message"):
            save_run(run, store_url)


# ------------------------------------------------------------------------------ schema version, errors

def test_a_database_of_a_newer_schema_version_is_refused(store_url: str) -> None:
    save_run(make_run(n=1), store_url)
    engine = get_engine(store_url)
    with engine.begin() as conn:
        conn.execute(update(tables.SCHEMA_VERSION_TABLE).values(version=SCHEMA_VERSION + 1))
    with pytest.raises(StoreError, match=f"newer auditor .*schema version {SCHEMA_VERSION + 1}"):
        init_db(engine)
    with pytest.raises(StoreError, match="newer auditor"):
        load_run(store_url)


def test_init_db_records_the_schema_version_once(store_url: str) -> None:
    engine = get_engine(store_url)
    init_db(engine)
    init_db(engine)
    with engine.connect() as conn:
        assert conn.execute(select(tables.SCHEMA_VERSION_TABLE.c.version)).scalars().all() == [SCHEMA_VERSION]


def test_reading_a_missing_or_empty_store_says_what_to_do(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.db"
    with pytest.raises(StoreError, match="no database at .*nothing-here.db"):
        load_run(str(missing))
    assert not missing.exists()  # reading did not create it
    init_db(get_engine(str(missing)))
    assert list_runs(str(missing)) == []
    with pytest.raises(StoreError, match="no runs saved"):
        load_run(str(missing))


def test_resolve_url_and_engine_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_url(None) == "sqlite:///auditor.db"
    assert resolve_url("/data/runs.db") == "sqlite:////data/runs.db"
    assert resolve_url("runs.db") == "sqlite:///runs.db"
    url = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    assert resolve_url(url) == url
    monkeypatch.chdir(tmp_path)
    engine = get_engine("runs.db")
    assert engine is get_engine("runs.db") is get_engine(f"sqlite:///{tmp_path / 'runs.db'}")
    assert engine.url.database == str(tmp_path / "runs.db")  # relative paths are pinned at first use
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000


def test_the_default_store_is_auditor_db_in_the_working_directory(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    save_run(make_run(n=1))
    assert (tmp_path / "auditor.db").exists()
    assert load_run()["run"]["id"] == "run-a"


def test_a_bad_url_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="not a database URL"):
        get_engine("nonsense://:::")


# ---------------------------------------------------------------------------------- concurrent writers

def test_a_writer_blocked_past_the_timeout_gets_store_busy(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    init_db(get_engine(str(path)))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holding the write lock
    try:
        impatient = get_engine(str(path), busy_timeout=0.05)
        with pytest.raises(StoreBusy, match=f"{path} is locked by another writer") as err:
            save_run(make_run(n=1), impatient)
        assert "try again" in str(err.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    save_run(make_run(n=1), impatient)  # the lock is gone: the same save now succeeds
    assert load_result(str(path)).run_id == "run-a"


WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from auditor.store import StoreBusy, save_run
    from tests.test_store import make_run
    path, run_id, go = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    run = make_run(run_id, n=5)
    print("ready", flush=True)
    while not go.exists():  # start writing together with the other writer
        time.sleep(0.005)
    for _ in range(10):
        try:
            save_run(run, path)
            print("ok", flush=True)
        except StoreBusy:
            print("busy", flush=True)
""")


def test_two_writer_processes_on_one_sqlite_file_both_succeed_and_leave_it_sound(tmp_path: Path) -> None:
    path, go = tmp_path / "shared.db", tmp_path / "go"
    root = Path(__file__).resolve().parent.parent
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), run_id, str(go)], cwd=root,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for run_id in ("writer-1", "writer-2")]
    for p in procs:
        assert p.stdout is not None and p.stderr is not None
        assert p.stdout.readline().strip() == "ready", p.stderr.read()
    go.touch()
    outcomes: dict[str, list[str]] = {}
    for run_id, p in zip(("writer-1", "writer-2"), procs, strict=True):
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        outcomes[run_id] = out.split()
    assert all(len(o) == 10 and set(o) <= {"ok", "busy"} for o in outcomes.values()), outcomes
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    for run_id, o in outcomes.items():
        if "ok" in o:  # every writer that succeeded left its whole run
            assert load_result(str(path), run_id) == make_run(run_id, n=5)
    assert any("ok" in o for o in outcomes.values())


def test_two_writer_threads_on_one_sqlite_file(tmp_path: Path) -> None:
    import threading

    path = str(tmp_path / "threads.db")
    outcomes: list[str] = []

    def write(run_id: str) -> None:
        for _ in range(3):
            try:
                save_run(make_run(run_id, n=5), path)
                outcomes.append("ok")
            except StoreBusy:
                outcomes.append("busy")

    threads = [threading.Thread(target=write, args=(f"t{i}",)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(outcomes) == 6 and set(outcomes) <= {"ok", "busy"}
    engine = get_engine(path)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    saved = {r["id"] for r in list_runs(path)}
    assert saved == {"t0", "t1"}
    for run_id in saved:
        assert load_result(path, run_id) == make_run(run_id, n=5)


def test_two_writers_saving_the_same_run_at_once_leave_one_copy(store_url: str) -> None:
    """SQLite serialises them with BEGIN IMMEDIATE, PostgreSQL with an advisory lock on the run id."""
    import threading

    errors: list[BaseException] = []
    barrier = threading.Barrier(3)

    def write() -> None:
        barrier.wait()
        try:
            save_run(make_run("same", n=4), store_url)
        except Exception as e:  # reported by the assertion below
            errors.append(e)

    init_db(get_engine(store_url))  # so the writers race on the run, not on creating the tables
    threads = [threading.Thread(target=write) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert row_counts(store_url)["articles"] == 4 and row_counts(store_url)["runs"] == 1
    assert load_result(store_url) == make_run("same", n=4)
