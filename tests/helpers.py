"""Shared test helpers: the seeds, the gold annotations, a guard against network access, and articles
clustered together."""

from __future__ import annotations

import json
import socket
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
GOLD_FILE = Path(__file__).resolve().parent / "gold" / "seeds_gold.json"


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def seed_articles():
    from auditor.models import Article

    return [Article(id=p.stem, text=p.read_text(encoding="utf-8"), source=str(p)) for p in seed_paths()]


def seed_docs():
    """The seeds as text-layer documents, in file order (ids are file stems)."""
    from auditor.text.document import Doc

    return [Doc(a) for a in seed_articles()]


def gold() -> dict:
    return json.loads(GOLD_FILE.read_text(encoding="utf-8"))


class NetworkTouched(AssertionError):
    pass


@contextmanager
def no_network():
    """Fail any attempt to open a connection or resolve a name outside loopback."""
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def guard_connect(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and (host.startswith("127.") or host in ("localhost", "::1") or host.startswith("/")):
            return real_connect(self, address)
        raise NetworkTouched(f"network access attempted: {address!r}")

    def guard_getaddrinfo(host, *args, **kwargs):
        if host in (None, "localhost", "127.0.0.1", "::1"):
            return real_getaddrinfo(host, *args, **kwargs)
        raise NetworkTouched(f"name lookup attempted: {host!r}")

    socket.socket.connect = guard_connect
    socket.getaddrinfo = guard_getaddrinfo
    try:
        yield
    finally:
        socket.socket.connect = real_connect
        socket.getaddrinfo = real_getaddrinfo


def gold_span(text: str, needle: str) -> tuple[int, int]:
    """Where a gold annotation's words stand in the text (any run of white space matching any other)."""
    import re

    m = re.search(r"\s+".join(re.escape(w) for w in needle.split()), text)
    assert m, needle
    return m.span()


def match_gold_quotes(docs, gold: dict) -> list[tuple[dict, object]]:
    """(gold quote, tool quote) pairs, matched as ../shared/eval/score.py does: a tool quote answers at
    most one gold quote, and must cover >= 60% of the gold span."""
    pairs = []
    for doc in docs:
        used: set[int] = set()
        for g in (g for g in gold["quotes"] if g["article"] == doc.article.id):
            gs = gold_span(doc.text, g["text"])
            best, bi = 0.0, -1
            for i, q in enumerate(doc.quotes):
                o = max(0, min(gs[1], q.end) - max(gs[0], q.start)) / (gs[1] - gs[0])
                if i not in used and o > best:
                    best, bi = o, i
            if best >= 0.6:
                used.add(bi)
                pairs.append((g, doc.quotes[bi]))
    return pairs


def first_quotes(texts: dict[str, str]) -> dict:
    """Each article's first quotation (article id -> Quote), the articles (id -> text) clustered together."""
    from auditor.corpus.quotes import cluster_quotes
    from auditor.models import Article
    from auditor.text.document import Doc

    docs = [Doc(Article(id=k, text=v)) for k, v in texts.items()]
    cluster_quotes(docs)
    return {d.article.id: d.quotes[0] for d in docs}
