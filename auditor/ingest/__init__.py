"""Reading articles from files: plain text, HTML pages and JSON Lines.

``iter_inputs(paths)`` yields one ``Article`` per article read and one ``IngestError`` per problem, in the
order of the inputs; it never raises for a bad file. Each path is a file or a folder (recursed in sorted
order; dotfiles, dot-folders and files of other suffixes skipped). Formats by suffix:

* ``.txt``: the text exactly as ``Path.read_text(encoding="utf-8")`` returns it (universal newlines, a
  leading byte order mark kept). Optional YAML front matter (``auditor.ingest.frontmatter``)
  stays in the text; ``Article.header_end`` marks where the article starts.
* ``.html`` / ``.htm``: the page's visible text, its article body located by trafilatura, the rest in
  ``Article.removed`` (``auditor.ingest.html``).
* ``.jsonl``: one article a line (``auditor.ingest.jsonl``), with ``text`` or ``html``.

Article ids are file stems (or a JSON Lines record's ``id``); a duplicate id is an error for the later
article. Bad input (missing, unreadable, empty, binary, larger than ``max_bytes``, not decodable) is an
``IngestError``; text that is not UTF-8 but decodes confidently in a legacy encoding is read, with a
warning. Fields the source left empty are then filled from the text itself where it says them plainly
(``auditor.ingest.metadata.detect_metadata``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..models import Article, IngestError
from .files import DEFAULT_MAX_BYTES, SUFFIXES, Input, ReadFailure, check_binary, decode, discover, read_bytes
from .frontmatter import parse_front_matter
from .html import declared_charset, extract_page
from .jsonl import RecordError, parse_line
from .metadata import detect_metadata

__all__ = ["DEFAULT_MAX_BYTES", "detect_metadata", "iter_inputs", "read_html", "read_text"]

Item = Article | IngestError


def _encoding_warning(source: str, encoding: str) -> IngestError:
    return IngestError(source, f"not UTF-8; decoded as {encoding}; offsets refer to the decoded text",
                       level="warning")


def read_text(text: str, *, id: str, source: str, format: str = "txt") -> Iterator[Item]:
    """One plain-text article (front matter split off, metadata detected), then its warnings."""
    fm = parse_front_matter(text)
    for warning in fm.warnings:
        yield IngestError(source, warning, level="warning")
    if not text[fm.end:].strip():
        yield IngestError(source, "no article text after the front matter" if fm.end else
                          "empty file (only white space)")
        return
    article = Article(id=id, text=text, source=source, format=format, header_end=fm.end, **fm.fields)
    if fm.extra:
        article.meta["front_matter"] = fm.extra
    detect_metadata(article)
    yield article


def read_html(html: str, *, id: str, source: str) -> Iterator[Item]:
    """One HTML page as an article of its visible text (see ``auditor.ingest.html``)."""
    page = extract_page(html)
    if page is None:
        yield IngestError(source, "not parseable as HTML")
        return
    if not page.text.strip():
        yield IngestError(source, "the page has no visible text")
        return
    if page.extractor == "none":
        yield IngestError(source, "no article body found; the whole visible text is taken as the body",
                          level="warning")
    article = Article(id=id, text=page.text, source=source, format="html", outlet=page.outlet,
                      url=page.url, published=page.published, title=page.title, byline=page.byline,
                      removed=page.removed,
                      meta={"body_spans": page.body_spans, "extractor": page.extractor, **page.meta})
    detect_metadata(article)
    yield article


def _read_jsonl(text: str, path: Path) -> Iterator[Item]:
    text = text.removeprefix("\ufeff")  # offsets point into each record's own text, not the file
    for number, line in enumerate(text.split("\n"), start=1):
        source = f"{path}:{number}"
        try:
            record = parse_line(line, number)
        except RecordError as e:
            yield IngestError(source, str(e))
            continue
        if record is None:
            continue
        for warning in record.warnings:
            yield IngestError(source, warning, level="warning")
        rid = record.id or f"{path.stem}:{number}"
        reader = (read_html(record.content, id=rid, source=source) if record.is_html
                  else read_text(record.content, id=rid, source=source, format="jsonl"))
        for item in reader:
            if isinstance(item, Article):
                for key, value in record.fields.items():
                    setattr(item, key, value)  # the record's own fields win over detected ones
                if record.extra:
                    item.meta["extra"] = record.extra
            yield item


def _read_file(item: Input, max_bytes: int) -> Iterator[Item]:
    source = str(item.path)
    if item.format is None:
        wanted = ", ".join(SUFFIXES)
        yield IngestError(source, f"unsupported file type {item.path.suffix or '(no suffix)'!r} "
                                  f"(supported: {wanted})")
        return
    try:
        data = read_bytes(item.path, max_bytes)
        check_binary(data)
        charset = declared_charset(data) if item.format == "html" else None
        if charset:
            text, encoding = data.decode(charset, "replace"), None
        else:
            text, encoding = decode(data)
    except ReadFailure as e:
        yield IngestError(source, str(e))
        return
    if not text.removeprefix("\ufeff").strip():  # a byte order mark alone is empty too
        yield IngestError(source, "empty file (only white space)")
        return
    if encoding:
        yield _encoding_warning(source, encoding)
    if item.format == "txt":
        yield from read_text(text, id=item.path.stem, source=source)
    elif item.format == "html":
        yield from read_html(text, id=item.path.stem, source=source)
    else:
        yield from _read_jsonl(text, item.path)


def iter_inputs(paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Every article in ``paths`` and every problem met reading them (see the module docstring)."""
    seen_ids: dict[str, str] = {}
    seen_files: set[Path] = set()
    for entry in discover(paths):
        if not isinstance(entry, Input):
            path, reason = entry
            yield IngestError(str(path), reason)
            continue
        try:
            real = entry.path.resolve()
        except OSError:
            real = entry.path
        if real in seen_files:  # the same file named twice (e.g. itself and its folder)
            continue
        seen_files.add(real)
        try:
            items = list(_read_file(entry, max_bytes))
        except Exception as e:  # a bug or a library failure on one file must not end the run
            items = [IngestError(str(entry.path), f"could not be read: {type(e).__name__}: {e}")]
        for item in items:
            if isinstance(item, Article):
                if item.id in seen_ids:
                    yield IngestError(item.source, f"duplicate id {item.id!r} (already read from "
                                                   f"{seen_ids[item.id]}); skipped")
                    continue
                seen_ids[item.id] = item.source
            yield item
