"""Quotation extraction (PLACEHOLDER: being replaced by the full extractor)."""

from __future__ import annotations

import re

from ..models import Quote

_Q = re.compile(r'"([^"\n]{3,})"')


def extract_quotes(doc) -> list[Quote]:
    return [Quote(text=m.group(1), start=m.start(1), end=m.end(1)) for m in _Q.finditer(doc.norm)]
