"""news-please JSON: the article files the news-please crawler writes, one article an object.

A ``.json`` file is a news-please article when it holds an object with a ``maintext`` key, or a list of
such objects. A ``.json`` file named on the command line is read as one and refused when it is not; in a
folder, a ``.json`` file is read only when its first 64 KiB contain the key ``"maintext"`` (so a JSON
export, a ``package.json`` or a ``datapackage.json`` lying beside the articles is passed over, silently).

Fields: ``maintext`` is the article's text; ``title`` and ``url`` are kept; ``date_publish``
(``2024-03-05 14:10:00``) is ``published`` when it is ISO 8601, else left empty with a warning;
``date_download`` is kept as ``Article.meta["fetched"]``. news-please's ``source_domain`` is a domain,
not a name, so it is not taken as the outlet: the outlet is found as for any article (the masthead, else
the registered domain of ``url``, or of ``source_domain`` when there is no ``url``). The id is derived
from the URL (``auditor.ingest.urls.url_id``), else the file stem (``STEM:INDEX`` in a list). Every other
key is kept in ``Article.meta["extra"]``. An object without text (news-please writes ``"maintext": null``
when it found none) is an error naming it; the others in the file are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..models import IngestError
from .jsonl import Record
from .urls import registered_domain, url_id

KEY = b'"maintext"'
SNIFF_BYTES = 64 * 1024
USED = ("maintext", "title", "url", "date_publish", "date_download")


def looks_like_newsplease(path: Path) -> bool:
    """True when the first 64 KiB of ``path`` contain the key ``"maintext"``."""
    try:
        with path.open("rb") as fh:
            return KEY in fh.read(SNIFF_BYTES)
    except OSError:
        return True  # let the reader name the problem


def _string(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    return value.strip() or None if isinstance(value, str) else None


def parse_newsplease(text: str, path: Path) -> Iterator[Record | IngestError]:
    """The article(s) of a news-please JSON file's text, and the problems (see the module docstring)."""
    try:
        data = json.loads(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as e:
        yield IngestError(str(path), f"not valid JSON ({e.msg} at line {e.lineno} column {e.colno})")
        return
    single = isinstance(data, dict)
    items = [data] if single else data if isinstance(data, list) else None
    if items is None or not items or not all(isinstance(o, dict) and "maintext" in o for o in items):
        yield IngestError(str(path), "not a news-please article: expected an object with a 'maintext' key, "
                                     "or a list of them")
        return
    for n, obj in enumerate(items):
        source = str(path) if single else f"{path}[{n}]"
        maintext = obj.get("maintext")
        if not isinstance(maintext, str) or not maintext.strip():
            yield IngestError(source, "no article text ('maintext' is empty or null)")
            continue
        url = _string(obj, "url")
        rid = url_id(url) if url else (path.stem if single else f"{path.stem}:{n}")
        record = Record(line=n, id=rid, content=maintext, is_html=False,
                        extra={k: v for k, v in obj.items() if k not in USED and v not in (None, "", [])})
        if url:
            record.fields["url"] = url
        elif _string(obj, "source_domain"):
            domain = _string(obj, "source_domain")
            record.fallback_outlet = registered_domain(f"http://{domain}") or domain
        record.take("title", _string(obj, "title"))
        record.take("published", _string(obj, "date_publish"), label="date_publish")
        if _string(obj, "date_download"):
            record.meta["fetched"] = _string(obj, "date_download")
        record.source = source
        yield record
