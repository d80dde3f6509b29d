"""Fewer collections of Python's cyclic garbage collector while a run builds and writes its results.

A run holds millions of small objects (documents, findings, quotations, graph rows) and keeps making
more. With the interpreter's default thresholds, each full collection walks all of them, over and over:
about a tenth of a run's main process on 3,000 generated articles (``benchmarks/README.md``). Nothing a
run builds relies on the collector (no finalizers, no weak references); memory is freed by reference
counting as before, and the cycles a run leaves are collected later, when fewer collections do run.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (50_000, 20, 20)  # the defaults are (700, 10, 10)


@contextmanager
def fewer_collections(thresholds: tuple[int, int, int] = THRESHOLDS) -> Iterator[None]:
    """Raise the collector's thresholds for the block (never lower them); restore them after."""
    old = gc.get_threshold()
    gc.set_threshold(*(max(a, b) for a, b in zip(thresholds, old, strict=True)))
    try:
        yield
    finally:
        gc.set_threshold(*old)
