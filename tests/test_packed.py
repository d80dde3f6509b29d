"""A run's final records held packed (auditor.packed) read back as the lists they were, and the run's
output does not change for it."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import auditor.engine as engine
from auditor import export, store
from auditor.config import Config
from auditor.models import Attribution, Finding, Quote
from auditor.packed import CHUNK, Packed, Spans, pack
from auditor.rules import load_rules
from auditor.text.document import Doc
from tests.helpers import seed_articles


def _findings(n: int) -> list[Finding]:
    return [Finding(rule=f"rule-{i % 7}", category="attribution", message=f"the {i}th claim has no source",
                    start=i, end=i + 5, severity="low" if i % 2 else "high", data={"n": i, "who": ["a", i]})
            for i in range(n)]


def test_a_packed_list_reads_as_the_list_it_was_made_from():
    items = _findings(3 * CHUNK + 5)  # several chunks, the last one short
    got = pack(items)
    assert isinstance(got, Packed)
    assert len(got) == len(items) and list(got) == items and got == items
    assert got[0] == items[0] and got[CHUNK] == items[CHUNK] and got[-1] == items[-1]
    assert got[CHUNK - 2:CHUNK + 3] == items[CHUNK - 2:CHUNK + 3]
    assert type(got[5]) is Finding
    with pytest.raises(IndexError):
        got[len(items)]
    with pytest.raises(AttributeError):  # read-only: appending to a final record fails loudly
        got.append(items[0])  # type: ignore[attr-defined]
    assert pack(got) is got
    assert pickle.loads(pickle.dumps(got)) == items  # a copy across processes is the plain list
    assert got.nbytes < len(pickle.dumps(items))


def test_what_msgpack_cannot_hold_or_a_mixed_list_stays_a_plain_list():
    odd = [{"weight": 1}] * CHUNK + [{"weight": 1 + 2j}]  # a complex number has no msgpack form
    assert pack(odd) == odd and type(pack(odd)) is list
    mixed = [*_findings(CHUNK + 3), Quote(text="a", start=0, end=1)]
    got = pack(mixed)
    assert type(got) is list and got == mixed
    assert pack([]) == [] and pack(iter(())) == []


def test_a_generator_is_packed_as_it_comes():
    made = []

    def rows():
        for i in range(2 * CHUNK + 1):
            made.append(i)
            yield {"source": f"article:{i}", "target": "source:roe", "weight": i, "evidence": [[i, i + 3]]}

    got = pack(rows())
    assert len(made) == 2 * CHUNK + 1 and len(got) == len(made)
    assert got[CHUNK + 1] == {"source": f"article:{CHUNK + 1}", "target": "source:roe", "weight": CHUNK + 1,
                              "evidence": [[CHUNK + 1, CHUNK + 4]]}


_plain = st.recursive(st.none() | st.booleans() | st.integers(-2**63, 2**63 - 1)
                      | st.floats(allow_nan=False) | st.text(),
                      lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                      max_leaves=12)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.dictionaries(st.text(max_size=8), _plain, max_size=5), max_size=3 * CHUNK))
def test_plain_records_round_trip(records):
    assert list(pack(records)) == records


@settings(max_examples=40, deadline=None)
@given(st.lists(st.builds(Attribution, source=st.none() | st.text(max_size=20),
                          kind=st.sampled_from(["direct", "relayed", "vague", "credit"]),
                          start=st.integers(0, 10**6), end=st.integers(0, 10**6), cue=st.text(max_size=10),
                          chain=st.lists(st.text(max_size=10), max_size=3), hops=st.integers(0, 3),
                          source_type=st.none() | st.sampled_from(["person", "agency"])), max_size=200))
def test_models_round_trip(atts):
    assert list(pack(atts)) == atts


def test_a_run_packs_its_final_records_and_writes_what_it_wrote_unpacked(tmp_path, monkeypatch):
    arts = seed_articles()
    packed = engine.audit(arts, load_rules(), Config(), jobs=1)
    r = next(r for r in packed.results if r.quotes and r.findings and r.attributions)
    assert all(isinstance(x, Packed) for x in (r.findings, r.quotes, r.attributions, packed.quote_clusters,
                                               packed.graph["nodes"], packed.graph["edges"]))
    monkeypatch.setattr(engine, "pack", list)
    plain = engine.audit(arts, load_rules(), Config(), jobs=1)
    assert type(plain.results[0].findings) is list
    plain.started, plain.finished = packed.started, packed.finished
    for run, name in ((packed, "packed"), (plain, "plain")):
        export.write_json(run, tmp_path / f"{name}.json")
        store.save_run(run, f"sqlite:///{tmp_path / name}.db")
    assert (tmp_path / "packed.json").read_bytes() == (tmp_path / "plain.json").read_bytes()
    assert store.load_run(f"sqlite:///{tmp_path}/packed.db") == store.load_run(f"sqlite:///{tmp_path}/plain.db")


def test_spans_read_as_the_sentences_they_hold():
    doc = Doc(seed_articles()[0])
    sents = doc.sentences
    got = Spans(sents)
    assert len(got) == len(sents) and list(got) == sents and got == sents and got == Spans(sents)
    assert got[0] == sents[0] and got[-1] == sents[-1] and got[3:7] == sents[3:7]
    assert [doc.text[s:e] for s, e in got] == [doc.text[s:e] for s, e in sents]
    assert got != sents[:-1] and Spans([]) == [] and len(Spans([])) == 0
    with pytest.raises(IndexError):
        got[len(sents)]
    with pytest.raises(AttributeError):
        got.append((0, 1))  # type: ignore[attr-defined]
    assert pickle.loads(pickle.dumps(got)) == sents


def test_a_document_from_the_article_stage_holds_its_sentences_compact_and_attributions_packed():
    article = seed_articles()[2]
    doc, _ = engine.from_payload(article, engine.stage_one(article, load_rules()))
    fresh = Doc(article)
    assert isinstance(doc.__dict__["sentences"], Spans)
    assert doc.sentences == fresh.sentences
    assert isinstance(doc.__dict__["attributions"], Packed) and doc.attributions == fresh.attributions
