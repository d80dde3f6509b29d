"""JSON Lines: one article a line.

Each non-blank line is an object with ``text`` (the article as plain text) or ``html`` (a page, read
through the HTML path); when both are given, ``text`` is used. Optional keys: ``id`` (a string; default
``"<file stem>:<line>"``), ``outlet``, ``url``, ``published`` (ISO 8601), ``title`` (strings or null).
Other keys are kept in ``Article.meta["extra"]``. A malformed line (not JSON, not an object, neither text
nor html, a wrong type, empty text) is one error naming ``file.jsonl:LINE``; the other lines still load.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .frontmatter import is_iso8601

STRING_FIELDS = ("id", "outlet", "url", "published", "title", "text", "html")


class RecordError(ValueError):
    """A line that cannot be read; ``str(exc)`` is the reason."""


@dataclass
class Record:
    line: int
    id: str | None
    content: str
    is_html: bool
    fields: dict[str, str] = field(default_factory=dict)  # outlet, url, published, title
    extra: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Set by the other record formats (auditor.ingest.tables, .newsplease): keys for Article.meta, where
    # the record is (default: FILE:LINE), and an outlet used only when none is found otherwise.
    meta: dict[str, Any] = field(default_factory=dict)
    source: str | None = None
    fallback_outlet: str | None = None

    def take(self, key: str, value: str | None, label: str | None = None) -> None:
        """Keep a metadata field (outlet, url, published, title) the record gives; a ``published`` that is
        not ISO 8601 is left empty with a warning naming it as the source calls it (``label``)."""
        value = (value or "").strip()
        if not value:
            return
        if key == "published" and not is_iso8601(value):
            self.warnings.append(f"{label or key} {value!r} is not an ISO 8601 date; left empty")
            return
        self.fields[key] = value


def parse_line(line: str, number: int) -> Record | None:
    """One JSON Lines record (None for a blank line); raises ``RecordError`` with the reason."""
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise RecordError(f"not valid JSON ({e.msg} at column {e.colno})") from None
    if not isinstance(obj, dict):
        raise RecordError(f"expected a JSON object, got {type(obj).__name__}")
    for key in STRING_FIELDS:
        if key in obj and obj[key] is not None and not isinstance(obj[key], str):
            raise RecordError(f"{key!r} must be a string, got {type(obj[key]).__name__}")
    text, html = obj.get("text"), obj.get("html")
    if text is None and html is None:
        raise RecordError("neither 'text' nor 'html' given")
    content = text if text is not None else html
    if not content.strip():
        raise RecordError(f"empty {'text' if text is not None else 'html'}")
    record = Record(line=number, id=obj.get("id") or None, content=content, is_html=text is None,
                    extra={k: v for k, v in obj.items() if k not in STRING_FIELDS})
    for key in ("outlet", "url", "published", "title"):
        record.take(key, obj.get(key))
    return record
