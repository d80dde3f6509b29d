"""The corpus stage: what needs every article at once (quote consensus, corroboration, text reuse)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property

from ..text.document import Doc

_TERM_RE = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)


class Corpus:
    """All documents of a run. Corpus rules receive it as ``check(doc, corpus)``."""

    def __init__(self, docs: list[Doc]):
        self.docs = docs
        self.by_id = {d.article.id: d for d in docs}

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

    def articles_with(self, term: str, exclude: Doc | None = None) -> list[str]:
        t = term.lower()
        return [aid for aid, terms in self.doc_terms.items()
                if t in terms and (exclude is None or aid != exclude.article.id)]

    @cached_property
    def quote_clusters(self):
        from .quotes import cluster_quotes

        return cluster_quotes(self.docs)
