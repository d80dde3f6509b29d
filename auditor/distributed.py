"""The Dask engine: the article stage in partitions on a Dask cluster (``audit score --engine dask``).

Each partition is a list of articles; a worker rebuilds the same rule registry from ``Registry.spec``
(once per worker process) and returns the same stage payloads the local engine makes
(``auditor.engine.stage_one``), so the corpus stage and every result are identical to a local run.
With no scheduler address a local cluster of worker processes is started for the run.

The corpus stage's text-reuse candidate generation runs on the cluster as a shuffle
(``dask_candidates``): each text emits ``(n-gram hash, text index)`` pairs, Dask groups them by hash
across partitions, and the candidate pairs come back to the corpus stage, which verifies them by
alignment exactly as the local engine does (``auditor.corpus.reuse``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager

from .models import Article
from .rules import Registry, load_rules

_REGISTRIES: dict[str, Registry] = {}


def _registry(spec: dict) -> Registry:
    key = json.dumps(spec, sort_keys=True)
    if key not in _REGISTRIES:
        _REGISTRIES[key] = load_rules(**spec)
    return _REGISTRIES[key]


def _partition(articles: list[Article], spec: dict) -> list[tuple[str, dict]]:
    from .engine import stage_one

    registry = _registry(spec)
    return [(a.id, stage_one(a, registry)) for a in articles]


@contextmanager
def client(scheduler: str | None = None, workers: int | None = None):
    """A ``distributed.Client`` on ``scheduler``, or on a local cluster started (and stopped) here."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:  # pragma: no cover - depends on the install
        raise RuntimeError("the Dask engine needs dask[distributed]: pip install 'auditor[dask]'") from e
    if scheduler:
        with Client(scheduler) as c:
            yield c
        return
    n = workers or os.cpu_count() or 1
    with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster, Client(cluster) as c:
        yield c


def dask_stage(registry: Registry, dask_client, partitions: int | None = None):
    """An article stage for ``auditor.engine.audit(stage=...)`` that runs on ``dask_client``."""
    import dask.bag as db

    def stage(articles: list[Article]) -> Iterator[tuple[Article, dict]]:
        if not articles:
            return
        n = partitions or max(1, min(len(articles), 4 * len(dask_client.scheduler_info()["workers"]) or 4))
        bag = db.from_sequence(articles, npartitions=n).map_partitions(_partition, registry.spec)
        results = dict(bag.compute(scheduler=dask_client.get))
        for a in articles:
            yield a, results[a.id]

    return stage


def dask_candidates(dask_client, partitions: int | None = None):
    """``ReuseParams.candidates`` as a shuffle on the cluster, equal to ``reuse._candidate_pairs``.

    Each text emits ``(n-gram hash, text index)``; Dask groups them by hash across partitions; a hash in
    2 to ``max_df`` texts yields every pair of them; pairs sharing at least ``min_seeds`` hashes are the
    candidates the corpus stage then verifies by alignment, exactly as the local engine does."""
    import dask.bag as db
    import numpy as np

    def candidates(sampled, params):
        n = partitions or max(1, 4 * len(dask_client.scheduler_info()["workers"]))
        items = [(i, [int(h) for h in hs]) for i, hs in enumerate(sampled) if len(hs)]
        if not items:
            return np.zeros((0, 2), dtype=np.int64)
        max_df, min_seeds = params.max_df, params.min_seeds
        pairs = (db.from_sequence(items, npartitions=min(n, len(items)))
                 .map(lambda it: [(h, it[0]) for h in it[1]]).flatten()
                 .groupby(lambda kv: kv[0], shuffle="tasks")
                 .map(lambda g: sorted({d for _, d in g[1]}))
                 .filter(lambda ds: 1 < len(ds) <= max_df)
                 .map(lambda ds: [(ds[i], ds[j]) for i in range(len(ds)) for j in range(i + 1, len(ds))])
                 .flatten()
                 .frequencies()
                 .filter(lambda pc: pc[1] >= min_seeds)
                 .map(lambda pc: pc[0]))
        found = sorted(pairs.compute(scheduler=dask_client.get))
        return np.array(found, dtype=np.int64).reshape(-1, 2)

    return candidates
