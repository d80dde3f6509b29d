"""CSV files with a header row: one article a row, as media-monitoring and search tools export them.

Columns are recognised by name (case and surrounding spaces ignored); the first name of each list
present is used:

========== ===============================================
key        column names
========== ===============================================
id         ``id``, ``stories_id``
url        ``url``
title      ``title``
outlet     ``media_name``, ``outlet``, ``source``
published  ``publish_date``, ``published``, ``date``
text       ``text``, ``body``, ``content``
html       ``html``
========== ===============================================

``--column KEY=NAME`` (``columns={"text": "story_text"}``) names the column of a key when the file calls
it something else; KEY is a key or one of its column names (``media_name=publisher`` is ``outlet``).

A row's article is its ``text`` (as plain text) or, when that is empty, its ``html`` (through the HTML
path). Its id is the ``id`` column, else one derived from its URL (``auditor.ingest.urls.url_id``), else
``FILE_STEM:LINE``. ``published`` must be ISO 8601 (``2024-03-05``, ``2024-03-05 14:10:00``), or it is
left empty with a warning. The other columns are kept in ``Article.meta["extra"]``.

A file with neither a text nor an HTML column is refused with one error naming the columns it has (a
MediaCloud export of URLs and titles only has nothing to score). A malformed row (a stray quote, a field
count different from the header's, empty text, a field over ``max_bytes``) is one error naming
``FILE:LINE`` (the line the row starts on), and the rest of the file is read. The file is streamed: it
may be far larger than ``max_bytes``. It is read as UTF-8 (a byte order mark dropped) when its first
64 KiB are UTF-8, else in the encoding charset-normalizer finds for them, with a warning.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path

from ..models import IngestError
from .files import ReadFailure, check_binary, decode
from .jsonl import Record
from .urls import url_id

COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "stories_id"),
    "url": ("url",),
    "title": ("title",),
    "outlet": ("media_name", "outlet", "source"),
    "published": ("publish_date", "published", "date"),
    "text": ("text", "body", "content"),
    "html": ("html",),
}
_ALIASES = {name: key for key, names in COLUMNS.items() for name in names}
SNIFF_BYTES = 64 * 1024
# Python's csv refuses fields over 128 KiB by default; an article's HTML is often larger. The real bound
# is max_bytes, checked per row.
FIELD_LIMIT = 2**31 - 1


def parse_columns(options: list[str] | None) -> dict[str, str]:
    """``["text=story_text", ...]`` -> ``{"text": "story_text"}``; ValueError naming a bad option."""
    out: dict[str, str] = {}
    for option in options or []:
        key, sep, name = option.partition("=")
        key, name = key.strip().lower(), name.strip()
        if not sep or not key or not name:
            raise ValueError(f"--column {option!r}: expected KEY=NAME (e.g. text=story_text)")
        if key not in _ALIASES:
            raise ValueError(f"--column {option!r}: unknown key {key!r} (keys: {', '.join(COLUMNS)})")
        out[_ALIASES[key]] = name
    return out


def _encoding(path: Path) -> tuple[str, str | None]:
    """The encoding to stream ``path`` with, and the legacy encoding to warn about (None for UTF-8)."""
    with path.open("rb") as fh:
        sample = fh.read(SNIFF_BYTES)
    check_binary(sample)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)  # a cut character is fine
        return "utf-8-sig", None
    except UnicodeDecodeError:
        pass
    _, guessed = decode(sample)  # raises ReadFailure when nothing fits
    return guessed or "utf-8", guessed


def _header(names: list[str], columns: dict[str, str], path: Path) -> dict[str, int]:
    """Key -> column index; ReadFailure naming the columns found when the file cannot be used."""
    found = ", ".join(repr(n) for n in names) or "(none)"
    index: dict[str, int] = {}
    lowered = [n.strip().lower() for n in names]
    for key, aliases in COLUMNS.items():
        if key in columns:
            wanted = columns[key].strip().lower()
            if wanted not in lowered:
                raise ReadFailure(f"--column {key}={columns[key]}: no such column (columns found: {found})")
            index[key] = lowered.index(wanted)
            continue
        for alias in aliases:
            if alias in lowered:
                index[key] = lowered.index(alias)
                break
    if "text" not in index and "html" not in index:
        what = "has URLs but no" if "url" in index else "has no"
        raise ReadFailure(f"{what} text or HTML column to score (columns found: {found}); name it with "
                          f"--column text=NAME or --column html=NAME")
    return index


def iter_csv(path: Path, *, columns: dict[str, str] | None = None,
             max_bytes: int) -> Iterator[Record | IngestError]:
    """Every row of the CSV file ``path`` as a record, and every problem (see the module docstring)."""
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
    try:
        encoding, legacy = _encoding(path)
    except ReadFailure as e:
        yield IngestError(str(path), str(e))
        return
    except OSError as e:
        yield IngestError(str(path), f"unreadable: {e.strerror or e}")
        return
    if legacy:
        yield IngestError(str(path), f"not UTF-8; decoded as {legacy}", level="warning")
    with path.open("rb") as raw, io.TextIOWrapper(raw, encoding=encoding, newline="") as fh:
        reader = csv.reader(fh, strict=True)
        try:
            names = next(reader, None)
        except (csv.Error, UnicodeDecodeError) as e:
            yield IngestError(f"{path}:1", f"the header row cannot be read: {e}")
            return
        if not names:
            yield IngestError(str(path), "empty file (no header row)")
            return
        try:
            index = _header(names, columns or {}, path)
        except ReadFailure as e:
            yield IngestError(str(path), str(e))
            return
        used = set(index.values())
        extra_cols = [(i, n.strip()) for i, n in enumerate(names) if i not in used and n.strip()]
        line = reader.line_num
        while True:
            start = line + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                line = reader.line_num
                yield IngestError(f"{path}:{start}", f"malformed row: {e}")
                continue
            except UnicodeDecodeError as e:
                yield IngestError(f"{path}:{start}", f"not valid {encoding} from here on ({e.reason}); "
                                                     f"the rest of the file was not read")
                return
            line = reader.line_num
            if not row or (len(row) == 1 and not row[0].strip()):
                continue  # a blank line
            try:
                yield _record(row, names, index, extra_cols, path, start, max_bytes)
            except ValueError as e:
                yield IngestError(f"{path}:{start}", str(e))


def _record(row: list[str], names: list[str], index: dict[str, int], extra_cols: list[tuple[int, str]],
            path: Path, line: int, max_bytes: int) -> Record:
    if len(row) != len(names):
        raise ValueError(f"malformed row: {len(row)} fields, the header has {len(names)}")
    if sum(len(v) for v in row) > max_bytes:
        raise ValueError(f"too large: over {max_bytes:,} characters (limit {max_bytes:,})")
    get = {key: row[i].strip() for key, i in index.items()}
    text = row[index["text"]] if "text" in index else ""
    html = row[index["html"]] if "html" in index else ""
    if text.strip():
        content, is_html = text, False
    elif html.strip():
        content, is_html = html, True
    else:
        raise ValueError("empty text" + (" and HTML" if "html" in index and "text" in index else ""))
    url = get.get("url") or None
    rid = get.get("id") or (url_id(url) if url else f"{path.stem}:{line}")
    record = Record(line=line, id=rid, content=content, is_html=is_html,
                    extra={name: row[i] for i, name in extra_cols if row[i] != ""})
    for key in ("outlet", "url", "published", "title"):
        record.take(key, get.get(key))
    return record
