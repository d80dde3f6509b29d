"""The collector's thresholds are raised for a run's duration and given back after it."""

from __future__ import annotations

import gc

import pytest

from auditor.collect import fewer_collections


def test_thresholds_are_raised_inside_and_restored_after() -> None:
    before = gc.get_threshold()
    with fewer_collections((50_000, 20, 20)):
        inside = gc.get_threshold()
    assert inside[0] >= 50_000 and inside[1] >= 20 and inside[2] >= 20
    assert gc.get_threshold() == before


def test_thresholds_are_never_lowered_and_restored_after_an_error() -> None:
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 50)
    try:
        with pytest.raises(RuntimeError), fewer_collections((50_000, 20, 20)):
            assert gc.get_threshold() == (100_000, 50, 50)  # a caller's higher thresholds are kept
            raise RuntimeError("the run failed")
        assert gc.get_threshold() == (100_000, 50, 50)
    finally:
        gc.set_threshold(*before)


def test_a_run_leaves_the_thresholds_as_it_found_them() -> None:
    from auditor.config import Config
    from auditor.engine import audit
    from auditor.models import Article
    from auditor.rules import load_rules

    before = gc.get_threshold()
    texts = ["Roe said on Monday that the talks would go on.", 'Lee told reporters: "We will not give up."']
    run = audit([Article(id=f"a{i}", text=t) for i, t in enumerate(texts)], load_rules(), Config(), jobs=1)
    assert len(run.results) == 2
    assert gc.get_threshold() == before
