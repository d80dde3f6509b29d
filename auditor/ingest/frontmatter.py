"""YAML front matter at the very start of a text file::

    ---
    outlet: Interfax-Ukraine
    url: https://example.org/story
    published: 2026-02-03T12:53:00+02:00
    title: NATO's attention to Ukraine increasing
    ---
    The article starts here.

The block opens with a line ``---`` at offset 0 and closes with a line ``---`` (or ``...``). It is front
matter only when its content parses as a YAML mapping; otherwise the text is read as an article from its
first character (a text may well start with a horizontal rule). Values are read as strings (YAML's
date/number guessing is switched off) so ``published`` keeps the form it was written in. The block stays
in ``Article.text``; ``header_end`` is the offset just after the closing line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import yaml

FIELDS = ("outlet", "url", "published", "title", "byline", "dateline")
_OPEN = re.compile(r"\ufeff?---[ \t]*\n")  # after a byte order mark too
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$(?:\n|\Z)", re.M)


class _StringLoader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps, numbers and booleans as the strings they were written as."""


_StringLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag in ("tag:yaml.org,2002:null",)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class FrontMatter:
    end: int = 0  # offset where the article starts; 0 when there is no front matter
    fields: dict[str, str] = field(default_factory=dict)  # the known FIELDS that were given
    extra: dict[str, Any] = field(default_factory=dict)  # any other keys, as parsed
    warnings: list[str] = field(default_factory=list)


def is_iso8601(value: str) -> bool:
    """True for the ISO 8601 dates and date-times Python reads (``2026-02-03``, ``...T12:53:00Z``)."""
    try:
        datetime.fromisoformat(value.strip())
    except ValueError:
        return False
    return True


def parse_front_matter(text: str) -> FrontMatter:
    """Split the front matter off ``text`` (see the module docstring); never raises."""
    opened = _OPEN.match(text)
    if not opened:
        return FrontMatter()
    closed = _CLOSE.search(text, opened.end())
    if not closed:
        return FrontMatter()
    block = text[opened.end():closed.start()]
    try:
        data = yaml.load(block, Loader=_StringLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as e:
        where = getattr(e, "problem_mark", None)
        line = f" (line {where.line + 2})" if where is not None else ""
        return FrontMatter(warnings=[f"front matter is not valid YAML{line}; read as article text"])
    if not isinstance(data, dict):
        return FrontMatter()
    fm = FrontMatter(end=closed.end())
    for key, value in data.items():
        name = str(key).strip().lower()
        if name not in FIELDS:
            fm.extra[str(key)] = value
            continue
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if not isinstance(value, str):
            fm.warnings.append(f"front matter: {name} should be a single text value; ignored")
            continue
        value = value.strip()
        if name == "published" and not is_iso8601(value):
            fm.warnings.append(f"front matter: published {value!r} is not an ISO 8601 date; left empty")
            continue
        fm.fields[name] = value
    return fm
