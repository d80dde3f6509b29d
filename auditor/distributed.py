"""The Dask engine: the article stage in partitions on a Dask cluster (``audit score --engine dask``).

Each partition is a list of articles; a worker rebuilds the same rule registry from ``Registry.spec``
(once per worker process) and returns the same stage payloads the local engine makes
(``auditor.engine.stage_one``), so the corpus stage and every result are identical to a local run.
With no scheduler address a local cluster of worker processes is started for the run.

The corpus stage's candidate generation runs on the cluster as a shuffle: each partition emits
``(block key, article id)`` pairs for the text-reuse blocking (``auditor.corpus.reuse``), Dask groups them
by key across partitions, and the candidate pairs come back to the corpus stage, which verifies them
exactly as the local engine does.
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


def shuffle_candidates(dask_client, docs_keys: list[tuple[str, list[str]]], max_block: int,
                       partitions: int | None = None) -> set[tuple[str, str]]:
    """Candidate pairs from blocking keys, grouped by key across the cluster (a shuffle).

    ``docs_keys`` holds each article id with its block keys; keys held by more than ``max_block``
    articles are too common to say anything and are dropped, as in the local blocking."""
    import dask.bag as db

    n = partitions or max(1, 4 * len(dask_client.scheduler_info()["workers"]))
    bag = db.from_sequence(docs_keys, npartitions=n)
    pairs = (bag.map(lambda dk: [(k, dk[0]) for k in dk[1]]).flatten()
             .groupby(lambda kv: kv[0], shuffle="tasks")
             .map(lambda g: sorted({aid for _, aid in g[1]}))
             .filter(lambda ids: 1 < len(ids) <= max_block)
             .map(lambda ids: [(ids[i], ids[j]) for i in range(len(ids)) for j in range(i + 1, len(ids))])
             .flatten().distinct())
    return set(pairs.compute(scheduler=dask_client.get))
