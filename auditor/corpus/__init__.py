"""The corpus stage: what needs every article at once (quote consensus, corroboration, text reuse)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cached_property
from typing import Any, TypeVar

from ..text.document import Doc

T = TypeVar("T")
_TERM_RE = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)


class Corpus:
    """All documents of a run. Corpus rules receive it as ``check(doc, corpus)``."""

    def __init__(self, docs: list[Doc]):
        self.docs = docs
        self.by_id = {d.article.id: d for d in docs}
        self._memos: dict[str, Any] = {}
        self._kept: set[str] = set()

    def memo(self, key: str, build: Callable[[], T], *, keep: bool = False) -> T:
        """A value computed once per corpus (a rule's index over every article, the claims): ``build()`` the
        first time ``key`` is asked for. ``keep`` marks what the run still needs once the corpus rules have
        run (``release_indices`` leaves it)."""
        if key not in self._memos:
            self._memos[key] = build()
        if keep:
            self._kept.add(key)
        return self._memos[key]

    # the cached layers only the rules read
    _RULE_LAYERS = ("doc_terms", "df", "postings", "quote_cluster_by_id")

    def release_indices(self) -> None:
        """Drop the indices only the corpus rules read (term postings, rules' memos); a later use builds
        them again. The quote clusters and the memos marked ``keep`` stay."""
        for name in self._RULE_LAYERS:
            self.__dict__.pop(name, None)
        for key in [k for k in self._memos if k not in self._kept]:
            del self._memos[key]

    def forget(self, *keys: str) -> None:
        """Drop memos the run has taken what it needs from (the claims, once packed into the run)."""
        for key in keys:
            self._memos.pop(key, None)
            self._kept.discard(key)

    def others(self, doc: Doc) -> list[Doc]:
        return [d for d in self.docs if d is not doc]

    @cached_property
    def doc_terms(self) -> dict[str, set[str]]:
        """Per article, its lower-cased word forms outside boilerplate."""
        out = {}
        for d in self.docs:
            terms: set[str] = set()
            for s, e in d.sentences:
                if not d.in_boilerplate((s, e)):
                    terms.update(m.group().lower() for m in _TERM_RE.finditer(d.norm, s, e))
            out[d.article.id] = terms
        return out

    @cached_property
    def df(self) -> Counter:
        c: Counter = Counter()
        for terms in self.doc_terms.values():
            c.update(terms)
        return c

    @cached_property
    def postings(self) -> dict[str, set[str]]:
        """Term -> the ids of the articles that carry it (an inverted index: no scan of the corpus)."""
        index: dict[str, set[str]] = {}
        for aid, terms in self.doc_terms.items():
            for t in terms:
                index.setdefault(t, set()).add(aid)
        return index

    def articles_with(self, term: str, exclude: Doc | None = None) -> list[str]:
        ids = self.postings.get(term.lower(), set())
        return sorted(ids - {exclude.article.id} if exclude is not None else ids)

    @cached_property
    def quote_clusters(self):
        from .quotes import cluster_quotes

        return cluster_quotes(self.docs)

    @cached_property
    def quote_cluster_by_id(self) -> dict:
        return {c.id: c for c in self.quote_clusters}
