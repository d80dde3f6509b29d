"""The Dask engine gives the same results as the local engine, on the seeds and on a generated corpus."""

from __future__ import annotations

import sys

import pytest

from auditor.config import Config
from auditor.engine import audit
from auditor.export import run_to_dict
from auditor.models import Article
from auditor.rules import load_rules
from tests.helpers import ROOT, seed_articles

distributed = pytest.importorskip("distributed", reason="the Dask engine needs dask[distributed]")


def comparable(run) -> dict:
    d = run_to_dict(run)
    d["run"].pop("started")
    d["run"].pop("finished")
    return d


def generated(n: int) -> list[Article]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate_corpus import generate

    records, _ = generate(n, seed=11)
    return [Article(id=r["id"], text=r["text"], outlet=r.get("outlet"), published=r.get("published"))
            for r in records]


@pytest.fixture(scope="module")
def dask_client():
    from auditor.distributed import client

    with client(workers=2) as c:
        yield c


@pytest.mark.parametrize("corpus", ["seeds", "generated"])
def test_dask_and_local_engines_agree(dask_client, corpus):
    from auditor.distributed import dask_candidates, dask_stage

    articles = seed_articles() if corpus == "seeds" else generated(120)
    registry = load_rules()
    local = audit(articles, registry, Config(), jobs=1)
    on_dask = audit(articles, registry, Config(), stage=dask_stage(registry, dask_client, partitions=7),
                    reuse_candidates=dask_candidates(dask_client, partitions=5))
    assert comparable(on_dask) == comparable(local)
    assert len(on_dask.results) == len(articles)
    if corpus == "generated":  # the shuffle found the same copies the local index did
        assert any(e["kind"] == "echoes" for e in local.graph["edges"])


def test_dask_candidates_equal_the_local_index(dask_client):
    import numpy as np

    from auditor.corpus.reuse import ReuseParams, _candidate_pairs
    from auditor.distributed import dask_candidates

    rng = np.random.default_rng(5)
    sampled = [np.unique(rng.integers(0, 400, size=rng.integers(0, 60)).astype(np.uint64)) for _ in range(80)]
    p = ReuseParams(max_df=12, min_seeds=3)
    local = _candidate_pairs(sampled, p)
    shuffled = dask_candidates(dask_client, partitions=6)(sampled, p)
    assert local.size and sorted(map(tuple, local.tolist())) == sorted(map(tuple, shuffled.tolist()))


def test_process_pool_and_single_process_agree():
    articles = generated(150)
    registry = load_rules()
    assert comparable(audit(articles, registry, Config(), jobs=2)) == comparable(audit(articles, registry, Config(), jobs=1))
