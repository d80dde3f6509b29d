"""Attribution extraction (PLACEHOLDER: being replaced by the full extractor)."""

from __future__ import annotations


def extract_attributions(doc) -> list:
    return []
