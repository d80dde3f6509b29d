"""The stage cache (auditor.store.cache): exact round trips, upserts, chunked look-ups, pruning, locking,
and the engine using it to score only what is new.

Tests taking ``store_url`` run on SQLite and, with AUDITOR_TEST_POSTGRES_URL set, on PostgreSQL.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

import auditor.engine as engine_mod
from auditor.config import Config
from auditor.export import run_to_dict
from auditor.models import Article
from auditor.rules import load_rules
from auditor.store import SCHEMA_VERSION, StoreBusy, StoreError, get_engine, list_runs, load_result, save_run
from auditor.store import models as tables
from auditor.store.cache import StageCache
from tests.helpers import seed_articles
from tests.test_store import make_run


def payload(i: int) -> dict:
    """A payload shaped like the engine's, with awkward values in it."""
    return {"findings": [{"rule": "r", "start": i, "end": i + 3, "message": f"«n°{i}»\u00a0“quoted” 🇺🇦",
                          "data": {"score": 0.1 * i, "nested": [[1, 2], {"k": None}]}}],
            "rules": {"r": {"score": 1 / 3, "weight": 1.5}}, "readability": {"flesch": -12.25},
            "errors": [], "sentences": [[0, i], [i + 1, i + 9]], "i": i}


def cache_rows(url: str) -> int:
    with get_engine(url).connect() as conn:
        return conn.execute(select(func.count()).select_from(tables.STAGE_CACHE)).scalar_one()


# ------------------------------------------------------------------------------------------ round trips

def test_payloads_come_back_exactly_as_put(store_url: str) -> None:
    cache = StageCache(store_url)
    items = {f"k{i}": payload(i) for i in range(5)}
    items["odd"] = {"nan": float("nan"), "inf": float("-inf"), "nul": "a\x00b", "tuple": (1, "2"),
                    "surrogate": "x\ud800y", "big": 2**70, "empty": {}, "text": "e\u0301 \r\n\t"}
    cache.put_many(items)
    got = StageCache(store_url).get_many(list(items) + ["missing"])
    assert set(got) == set(items)
    for i in range(5):
        assert got[f"k{i}"] == payload(i)
    odd = got["odd"]
    assert odd["nan"] != odd["nan"] and odd["inf"] == float("-inf")  # non-finite floats survive
    assert odd["nul"] == "a\x00b" and odd["surrogate"] == "x\ud800y" and odd["big"] == 2**70
    assert odd["tuple"] == [1, "2"] and odd["empty"] == {} and odd["text"] == "e\u0301 \r\n\t"
    assert len(cache) == 6


def test_get_many_of_more_keys_than_one_sql_statement_takes(store_url: str) -> None:
    cache = StageCache(store_url)
    present = {f"key-{i:05d}": {"i": i} for i in range(0, 2600, 2)}  # 1300 entries: three insert chunks
    cache.put_many(present)
    asked = [f"key-{i:05d}" for i in range(2600)] + ["key-00000"] * 3  # 2603 keys, duplicates too
    got = cache.get_many(asked)
    assert got == present
    assert cache.get_many([]) == {}


def test_putting_again_replaces_the_payload_and_keeps_one_row_per_key(store_url: str) -> None:
    cache = StageCache(store_url)
    cache.put_many({"a": {"v": 1}, "b": {"v": 1}})
    cache.put_many({"a": {"v": 1}, "b": {"v": 1}})
    assert cache_rows(store_url) == 2
    cache.put_many({"b": {"v": 2}, "c": {"v": 3}})
    assert cache.get_many(["a", "b", "c"]) == {"a": {"v": 1}, "b": {"v": 2}, "c": {"v": 3}}
    assert cache_rows(store_url) == 3
    cache.put_many({})
    assert cache_rows(store_url) == 3


def test_a_payload_that_is_not_json_data_writes_nothing(store_url: str) -> None:
    cache = StageCache(store_url)
    with pytest.raises(TypeError, match="'bad' is not JSON data"):
        cache.put_many({"good": {"v": 1}, "bad": {"v": {1, 2}}})
    with pytest.raises(TypeError, match="JSON objects"):
        cache.put_many({"list": [1, 2]})  # type: ignore[dict-item]
    assert len(cache) == 0


def test_a_damaged_entry_reads_as_missing(store_url: str) -> None:
    cache = StageCache(store_url)
    cache.put_many({"ok": {"v": 1}, "torn": {"v": 2}, "scalar": {"v": 3}})
    with get_engine(store_url).begin() as conn:
        conn.execute(update(tables.STAGE_CACHE).where(tables.STAGE_CACHE.c.key == "torn")
                     .values(payload='{"v": 2, "sent'))
        conn.execute(update(tables.STAGE_CACHE).where(tables.STAGE_CACHE.c.key == "scalar").values(payload="3"))
    assert cache.get_many(["ok", "torn", "scalar"]) == {"ok": {"v": 1}}
    cache.put_many({"torn": {"v": 2}})  # recomputed and put again: mended
    assert cache.get_many(["torn"]) == {"torn": {"v": 2}}


# --------------------------------------------------------------------------------------------- pruning

def _age(url: str, keys: list[str], when: datetime) -> None:
    with get_engine(url).begin() as conn:
        conn.execute(update(tables.STAGE_CACHE).where(tables.STAGE_CACHE.c.key.in_(keys))
                     .values(created_at=when.isoformat(timespec="microseconds")))


def test_prune_by_keys_to_keep_by_age_and_both(store_url: str) -> None:
    cache = StageCache(store_url)
    cache.put_many({f"k{i}": {"i": i} for i in range(10)})
    _age(store_url, ["k0", "k1", "k2", "k3"], datetime(2020, 1, 1, tzinfo=UTC))
    # both conditions: old AND not kept
    assert cache.prune(keep_keys=["k0", "k5"], older_than=timedelta(days=1)) == 3  # k1, k2, k3
    assert set(cache.get_many([f"k{i}" for i in range(10)])) == {"k0", "k4", "k5", "k6", "k7", "k8", "k9"}
    # by age only; a naive time is UTC
    assert cache.prune(older_than=datetime(2021, 1, 1)) == 1  # k0
    # by keys only, more keys to keep than one statement takes
    keep = ["k4", "k9"] + [f"other{i}" for i in range(1200)]
    assert cache.prune(keep_keys=keep) == 4  # k5, k6, k7, k8
    assert set(cache.get_many([f"k{i}" for i in range(10)])) == {"k4", "k9"}
    assert cache.prune() == 2
    assert len(cache) == 0


def test_prune_with_nothing_to_delete_returns_zero(store_url: str) -> None:
    cache = StageCache(store_url)
    cache.put_many({"a": {}, "b": {}})
    assert cache.prune(keep_keys=["a", "b"]) == 0
    assert cache.prune(older_than=timedelta(days=1)) == 0
    assert cache.prune(older_than=datetime.now(UTC) + timedelta(seconds=5)) == 2


# ------------------------------------------------------------------------------- the cache is not a run

def test_the_cache_holds_no_run_and_lives_beside_saved_runs(store_url: str) -> None:
    cache = StageCache(store_url)
    cache.put_many({"a": payload(1)})
    assert list_runs(store_url) == []  # a cache write is not a half-saved run
    run = make_run(n=2)
    save_run(run, store_url)
    save_run(run, store_url)  # re-saving (deleting the run's rows first) leaves the cache alone
    assert cache.get_many(["a"]) == {"a": payload(1)}
    assert load_result(store_url) == run
    with get_engine(store_url).connect() as conn:
        assert conn.execute(select(tables.SCHEMA_VERSION_TABLE.c.version)).scalar() == SCHEMA_VERSION


def test_opening_the_cache_creates_the_store(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    cache = StageCache(str(path))
    assert path.exists() and len(cache) == 0 and "new.db" in repr(cache)


def test_a_store_of_a_newer_schema_version_is_refused(store_url: str) -> None:
    StageCache(store_url)
    with get_engine(store_url).begin() as conn:
        conn.execute(update(tables.SCHEMA_VERSION_TABLE).values(version=SCHEMA_VERSION + 1))
    with pytest.raises(StoreError, match="newer auditor"):
        StageCache(store_url)


def test_an_unwritable_store_fails_when_opened(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open .*no-such-folder"):
        StageCache(str(tmp_path / "no-such-folder" / "x.db"))


# ---------------------------------------------------------------------------------------- concurrency

def test_a_cache_write_blocked_past_the_timeout_gets_store_busy_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    impatient = StageCache(str(path), busy_timeout=0.05)  # opened (and the store created) before the lock
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process (a save_run) holding the write lock
    try:
        with pytest.raises(StoreBusy, match=f"{path} is locked by another writer"):
            impatient.put_many({"a": {"v": 1}})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert impatient.get_many(["a"]) == {}
    impatient.put_many({"a": {"v": 1}})  # the lock is gone: the same write succeeds
    assert impatient.get_many(["a"]) == {"a": {"v": 1}}


def test_cache_writers_and_run_savers_in_threads_leave_everything(store_url: str) -> None:
    """Overlapping upserts (sorted keys: no deadlock on PostgreSQL) beside whole-run saves."""
    StageCache(store_url)
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def put(offset: int) -> None:
        barrier.wait()
        try:
            cache = StageCache(store_url)
            for batch in range(5):
                cache.put_many({f"k{i}": payload(i) for i in range(offset + batch * 40, offset + batch * 40 + 120)})
        except Exception as e:  # reported by the assertion below
            errors.append(e)

    def save(run_id: str) -> None:
        barrier.wait()
        try:
            save_run(make_run(run_id, n=3), store_url)
        except Exception as e:
            errors.append(e)

    threads = [threading.Thread(target=put, args=(0,)), threading.Thread(target=put, args=(60,)),
               threading.Thread(target=save, args=("r1",)), threading.Thread(target=save, args=("r2",))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    cache = StageCache(store_url)
    keys = [f"k{i}" for i in range(60 + 4 * 40 + 120)]
    assert cache.get_many(keys) == {k: payload(int(k[1:])) for k in keys}
    assert {r["id"] for r in list_runs(store_url)} == {"r1", "r2"}
    if store_url.startswith("sqlite"):
        with get_engine(store_url).connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


# ------------------------------------------------------------------------------- the engine's contract

def _export(run) -> dict:
    out = run_to_dict(run)
    out["run"] = {k: v for k, v in out["run"].items() if k not in ("started", "finished")}
    return out


def test_a_rerun_computes_only_new_or_changed_articles_and_gives_the_same_result(
        store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    registry, config = load_rules(), Config()
    articles = seed_articles()
    computed: list[str] = []
    real_stage_one = engine_mod.stage_one

    def counting_stage_one(article: Article, reg):
        computed.append(article.id)
        return real_stage_one(article, reg)

    monkeypatch.setattr(engine_mod, "stage_one", counting_stage_one)
    fresh = engine_mod.audit(articles, registry, config, jobs=1)  # no cache: the reference
    computed.clear()

    cache = StageCache(store_url)
    first = engine_mod.audit(articles[:3], registry, config, jobs=1, cache=cache)
    assert sorted(computed) == sorted(a.id for a in articles[:3]) and len(cache) == 3
    computed.clear()
    rerun = engine_mod.audit(articles, registry, config, jobs=1, cache=cache)  # two more articles
    assert sorted(computed) == sorted(a.id for a in articles[3:]) and len(cache) == len(articles)
    assert _export(rerun) == _export(fresh)  # payloads read back score exactly like computed ones
    assert first.run_id != rerun.run_id
    computed.clear()

    changed = [Article(**{**a.__dict__}) for a in articles]
    changed[0].text = changed[0].text + "\nA new closing line, officials said."
    engine_mod.audit(changed, registry, config, jobs=1, cache=cache)
    assert computed == [changed[0].id]  # a changed text is a new key
    computed.clear()
    changed[1].outlet = "another.example"
    engine_mod.audit(changed, registry, config, jobs=1, cache=cache)
    assert computed == [changed[1].id]  # so is changed metadata
    key = engine_mod.stage_key(articles[2], registry)
    assert cache.get_many([key])[key] == json.loads(json.dumps(real_stage_one(articles[2], registry)))
