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
* ``.csv``: one article a row, columns recognised by name or named with ``columns``
  (``auditor.ingest.tables``); streamed.
* ``.json``: a news-please article file (``auditor.ingest.newsplease``); in a folder only when it looks
  like one.
* ``.warc``, ``.warc.gz``, ``.wacz``: every HTTP 200 HTML response in a web archive, streamed record by
  record (``auditor.ingest.warc``), each page through the same HTML path as an ``.html`` file; its URL
  is the record's target URI, its id derived from that URL, its crawl time ``Article.meta["fetched"]``.

Article ids are file stems (or a record's ``id``, or an id derived from a record's URL); a duplicate id
is an error for the later article. Bad input (missing, unreadable, empty, binary, larger than ``max_bytes``, not decodable) is an
``IngestError``; text that is not UTF-8 but decodes confidently in a legacy encoding is read, with a
warning. Fields the source left empty are then filled from the text itself where it says them plainly
(``auditor.ingest.metadata.detect_metadata``); an article with a URL and still no outlet gets the URL's
registered domain (``auditor.ingest.metadata.outlet_from_url``). Archives and CSV files are read as
streams: ``max_bytes`` bounds each record, not the file.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..models import Article, IngestError
from .files import DEFAULT_MAX_BYTES, SUFFIXES, Input, ReadFailure, check_binary, decode, discover, read_bytes
from .frontmatter import parse_front_matter
from .html import declared_charset, extract_page
from .jsonl import Record, RecordError, parse_line
from .metadata import detect_metadata, outlet_from_url
from .newsplease import looks_like_newsplease, parse_newsplease
from .tables import iter_csv
from .urls import url_id
from .warc import iter_archive

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


def decode_html(data: bytes, http_charset: str | None = None) -> tuple[str, str | None]:
    """A page's bytes as text, the way an ``.html`` file is read: UTF-8 when they are UTF-8 (universal
    newlines, as ``decode``), else the charset the HTTP header names (``http_charset``, from a web
    archive; it wins over the page's, as in a browser), else the one the page's ``<meta>`` declares, else
    the encoding ``decode`` finds. Returns ``(text, encoding)``, the encoding set only when it was guessed
    (worth a warning). Raises ``ReadFailure``."""
    charset = None
    if http_charset:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                name = codecs.lookup(http_charset).name
                # as browsers (and declared_charset) do, latin-1 is read as its superset cp1252
                charset = "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name
            except LookupError:
                pass
    charset = charset or declared_charset(data)  # None for UTF-8
    if charset and charset != "utf-8":
        return data.decode(charset, "replace"), None
    return decode(data)


def _from_record(record: Record, source: str, rid: str, format: str) -> Iterator[Item]:
    """A JSON Lines, CSV or news-please record through the text or HTML path, its own fields on top."""
    for warning in record.warnings:
        yield IngestError(source, warning, level="warning")
    reader = (read_html(record.content, id=rid, source=source) if record.is_html
              else read_text(record.content, id=rid, source=source, format=format))
    for item in reader:
        if isinstance(item, Article):
            for key, value in record.fields.items():
                setattr(item, key, value)  # the record's own fields win over detected ones
            if not item.outlet and not item.url and record.fallback_outlet:
                item.outlet = record.fallback_outlet
            item.meta.update(record.meta)
            if record.extra:
                item.meta["extra"] = record.extra
            if format != "jsonl":
                item.format = format
        yield item


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
        yield from _from_record(record, source, record.id or f"{path.stem}:{number}", "jsonl")


def _read_csv(path: Path, columns: dict[str, str] | None, max_bytes: int) -> Iterator[Item]:
    for record in iter_csv(path, columns=columns, max_bytes=max_bytes):
        if isinstance(record, IngestError):
            yield record
        else:
            yield from _from_record(record, f"{path}:{record.line}", record.id or "", "csv")


def _read_newsplease(text: str, path: Path) -> Iterator[Item]:
    for record in parse_newsplease(text, path):
        if isinstance(record, IngestError):
            yield record
        else:
            yield from _from_record(record, record.source or str(path), record.id or path.stem, "news-please")


def _read_archive(path: Path, max_bytes: int) -> Iterator[Item]:
    for capture in iter_archive(path, max_bytes=max_bytes):
        if isinstance(capture, IngestError):
            yield capture
            continue
        try:
            check_binary(capture.data)
            text, encoding = decode_html(capture.data, capture.charset)
        except ReadFailure as e:
            yield IngestError(capture.source, f"{e} ({capture.url})")
            continue
        if not text.removeprefix("\ufeff").strip():
            yield IngestError(capture.source, f"empty page ({capture.url})")
            continue
        if encoding:
            yield _encoding_warning(capture.source, encoding)
        for item in read_html(text, id=url_id(capture.url), source=capture.source):
            if isinstance(item, Article):
                if item.url and item.url != capture.url:
                    item.meta["page_url"] = item.url  # the page's canonical / og:url, kept aside
                item.url = capture.url  # the URL it was fetched from, not the one the page claims
                item.format = "warc"
                if capture.fetched:
                    item.meta["fetched"] = capture.fetched
            yield item


def _read_file(item: Input, max_bytes: int, columns: dict[str, str] | None = None) -> Iterator[Item]:
    source = str(item.path)
    if item.format is None:
        wanted = ", ".join(SUFFIXES)
        yield IngestError(source, f"unsupported file type {item.path.suffix or '(no suffix)'!r} "
                                  f"(supported: {wanted})")
        return
    if item.format == "warc":
        yield from _read_archive(item.path, max_bytes)
        return
    if item.format == "csv":
        yield from _read_csv(item.path, columns, max_bytes)
        return
    try:
        data = read_bytes(item.path, max_bytes)
        check_binary(data)
        if item.format == "html":
            text, encoding = decode_html(data)
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
    elif item.format == "json":
        yield from _read_newsplease(text, item.path)
    else:
        yield from _read_jsonl(text, item.path)


def iter_inputs(paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES,
                columns: dict[str, str] | None = None) -> Iterator[Item]:
    """Every article in ``paths`` and every problem met reading them (see the module docstring).

    ``columns`` maps keys to CSV column names (``auditor.ingest.tables``, ``--column KEY=NAME``)."""
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
        if entry.format == "json" and not entry.explicit and not looks_like_newsplease(entry.path):
            continue  # a JSON file in a folder that is no news-please article (an export, a datapackage)
        # Items are passed on as they come (an archive is never held whole); a failure midway is named
        # after what was already read.
        try:
            for item in _read_file(entry, max_bytes, columns):
                if isinstance(item, Article):
                    if item.id in seen_ids:
                        yield IngestError(item.source, f"duplicate id {item.id!r} (already read from "
                                                       f"{seen_ids[item.id]}); skipped")
                        continue
                    seen_ids[item.id] = item.source
                    outlet_from_url(item)
                yield item
        except Exception as e:  # a bug or a library failure on one file must not end the run
            yield IngestError(str(entry.path), f"could not be read: {type(e).__name__}: {e}")
