"""Web archives: WARC (``.warc``, ``.warc.gz``) and WACZ (``.wacz``) files, streamed record by record.

``iter_archive(path, max_bytes=...)`` yields one ``Capture`` per HTML page the archive holds and an
``IngestError`` per problem, in archive order; it never raises for a bad archive and never holds more than
one record's payload in memory (a payload over ``max_bytes`` is refused by itself). The caller
(``auditor.ingest``) sends each capture's bytes through the same HTML path as an ``.html`` file.

What becomes a page: a ``response`` record with an HTTP status of 200 whose ``Content-Type`` is
``text/html`` or ``application/xhtml+xml`` (or is missing and the payload starts like an HTML document),
its URL taken from ``WARC-Target-URI`` and its crawl time from ``WARC-Date``. Everything else is
skipped and counted, and each kind is reported once per archive, as a warning: request records, other
record types (``warcinfo``, ``metadata``, ``revisit``, ``resource``...), non-HTTP responses (``dns:``),
redirects (3xx), error responses (4xx and 5xx), other statuses, non-HTML responses (with their media
types), and later captures of a URL already read (the first capture is kept).

A record is named ``FILE@OFFSET``: its byte offset in the file (in the compressed file for ``.warc.gz``;
``ARCHIVE.wacz!archive/NAME.warc.gz@OFFSET`` inside a WACZ). A truncated record (its block ends before
its ``Content-Length``) or a corrupt one (an unparseable header, a broken gzip member, bytes left over
that are no record) is one error naming that offset; reading then resumes at the next record found
after it (the next gzip member that opens on a ``WARC/1.x`` line, or the next ``WARC/1.x`` line of an
uncompressed file), so the rest of the archive is still read.

A WACZ file is a zip: the WARC files under ``archive/`` in it are read in name order, each streamed out
of the zip (WACZ stores them uncompressed, as they are gzip already); nothing is extracted to disk.

Library: warcio (Webrecorder's reference WARC library, the one behind Browsertrix, ArchiveWeb.page and
pywb). It is pure Python, so it installs anywhere; it streams from any file object (a zip member
included) and reads per-record gzip members and uncompressed WARCs alike; it exposes each record's
offset and the remaining length of a short block, which is what naming truncated records needs; and its
``WARCWriter`` writes the archives the tests build. FastWARC (also on PyPI) parses several times faster,
but here each page then goes through trafilatura, which costs far more than parsing the record, so speed
did not decide it; FastWARC's silent skipping of malformed records (no offset to report) and its thinner
writer did.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from warcio.archiveiterator import ArchiveIterator

from ..models import IngestError

HTML_TYPES = ("text/html", "application/xhtml+xml")
WACZ_DIR = "archive/"
_GZ_MAGIC = b"\x1f\x8b\x08"
_WARC_LINE = b"WARC/1."
_SCAN = 1 << 20  # bytes read at a time when looking for the next record after a corrupt one


@dataclass
class Capture:
    """One HTML page out of an archive: its URL, crawl time, where it is, and its payload bytes."""

    url: str
    fetched: str | None
    source: str  # FILE@OFFSET
    data: bytes
    charset: str | None = None  # the charset the HTTP Content-Type header names, if any


class _Counts:
    """Skipped records by kind, in the order each kind was first met."""

    def __init__(self) -> None:
        self.n: dict[str, int] = {}
        self.types: dict[str, list[str]] = {}

    def add(self, kind: str, detail: str | None = None) -> None:
        self.n[kind] = self.n.get(kind, 0) + 1
        if detail:
            seen = self.types.setdefault(kind, [])
            if detail not in seen:
                seen.append(detail)

    def report(self, source: str) -> Iterator[IngestError]:
        for kind, n in self.n.items():
            detail = self.types.get(kind, [])
            more = f" ({', '.join(detail[:5])}{', ...' if len(detail) > 5 else ''})" if detail else ""
            yield IngestError(source, f"skipped {n} {kind}{'' if n == 1 else 's'}{more}", level="warning")


def _mime(content_type: str | None) -> tuple[str, str | None]:
    """``text/html; charset=UTF-8`` -> ``("text/html", "utf-8")``."""
    if not content_type:
        return "", None
    parts = [p.strip() for p in content_type.split(";")]
    charset = None
    for p in parts[1:]:
        key, _, value = p.partition("=")
        if key.strip().lower() == "charset" and value.strip(" \"'"):
            charset = value.strip(" \"'").lower()
    return parts[0].lower(), charset


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _valid_start(fh: IO[bytes], pos: int, gz: bool) -> bool:
    fh.seek(pos)
    head = fh.read(8192)
    if gz:
        try:
            head = zlib.decompressobj(31).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith(_WARC_LINE)


def _next_start(fh: IO[bytes], start: int, size: int, gz: bool) -> int | None:
    """The offset of the first readable record at or after ``start``, None when there is none."""
    needle = _GZ_MAGIC if gz else b"\n" + _WARC_LINE
    pos = start
    while pos < size:
        fh.seek(pos)
        chunk = fh.read(_SCAN + len(needle))
        if not chunk:
            return None
        i = chunk.find(needle)
        while i != -1 and i < _SCAN:
            candidate = pos + i + (0 if gz else 1)
            if candidate >= start and _valid_start(fh, candidate, gz):
                return candidate
            i = chunk.find(needle, i + 1)
        pos += _SCAN
    return None


def _http_fields(record) -> tuple[int | None, str, str | None]:
    """(status, media type, charset) of a response record's HTTP headers; status None when not HTTP."""
    headers = record.http_headers
    if headers is None:
        return None, "", None
    try:
        status = int(headers.get_statuscode())
    except (TypeError, ValueError):
        return None, "", None
    mime, charset = _mime(headers.get_header("Content-Type"))
    return status, mime, charset


def _records(fh: IO[bytes], size: int, label: str, max_bytes: int, counts: _Counts,
             seen: set[str]) -> Iterator[Capture | IngestError]:
    """Every page of one WARC stream, resuming after a corrupt or truncated record."""
    fh.seek(0)
    gz = fh.read(2) == _GZ_MAGIC[:2]
    pos: int | None = 0
    if not _valid_start(fh, 0, gz):
        pos = _next_start(fh, 1, size, gz)
        then = f"; read on from offset {pos}" if pos is not None else ""
        yield IngestError(f"{label}@0", "corrupt or not a WARC file: it does not begin with a WARC/1.x record"
                          + then)
    while pos is not None:
        fh.seek(pos)
        it = ArchiveIterator(fh, check_digests=False)
        at = pos
        failure: str | None = None
        try:
            for record in it:
                at = it.offset
                yield from _one(record, it, at, label, max_bytes, counts, seen)
                it.read_to_end()
                missing = getattr(record.raw_stream, "limit", 0)
                if missing > 0:
                    failure = f"truncated record: its block ends {missing:,} bytes short of its Content-Length"
                    break
                at = it.offset
            else:
                if it.offset < size:
                    at = it.offset
                    failure = f"{size - at:,} bytes at the end are not a readable record (truncated or corrupt)"
        except Exception as e:  # warcio's ArchiveLoadFailed, zlib.error, EOFError...: one bad record
            failure = f"corrupt record ({type(e).__name__}: {' '.join(str(e).split())[:160]})"
        if failure is None:
            return
        pos = _next_start(fh, at + 1, size, gz)
        then = f"; read on from offset {pos}" if pos is not None else "; no readable record after it"
        yield IngestError(f"{label}@{at}", failure + then)


def _one(record, it: ArchiveIterator, offset: int, label: str, max_bytes: int, counts: _Counts,
         seen: set[str]) -> Iterator[Capture | IngestError]:
    kind = record.rec_type
    if not kind:
        yield IngestError(f"{label}@{offset}", "corrupt record: no WARC-Type header")
        return
    if kind != "response":
        counts.add(f"{kind} record")
        return
    status, mime, charset = _http_fields(record)
    if status is None:
        counts.add("non-HTTP response")
        return
    if 300 <= status < 400:
        counts.add("redirect", str(status))
        return
    if status >= 400:
        counts.add("error response", str(status))
        return
    if status != 200:
        counts.add("response with another status", str(status))
        return
    if mime and mime not in HTML_TYPES:
        counts.add("non-HTML response", mime)
        return
    source = f"{label}@{offset}"
    data = record.content_stream().read(max_bytes + 1)
    if not mime and not _looks_like_html(data):
        counts.add("non-HTML response", "no Content-Type")
        return
    it.read_to_end()
    if getattr(record.raw_stream, "limit", 0) > 0:
        return  # truncated: the caller names it
    if len(data) > max_bytes:
        yield IngestError(source, f"too large: over {max_bytes:,} bytes (limit {max_bytes:,})")
        return
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    if not url:
        yield IngestError(source, "response record without a WARC-Target-URI")
        return
    if url in seen:
        counts.add("later capture of a URL already read")
        return
    seen.add(url)
    yield Capture(url=url, fetched=record.rec_headers.get_header("WARC-Date"), source=source, data=data,
                  charset=charset)


def iter_archive(path: Path, *, max_bytes: int) -> Iterator[Capture | IngestError]:
    """Every HTML page in the WARC or WACZ file ``path`` (see the module docstring)."""
    counts = _Counts()
    seen: set[str] = set()
    try:
        if path.name.lower().endswith(".wacz"):
            yield from _wacz(path, max_bytes, counts, seen)
        else:
            with path.open("rb") as fh:
                size = path.stat().st_size
                if size == 0:
                    yield IngestError(str(path), "empty file (0 bytes)")
                    return
                yield from _records(fh, size, str(path), max_bytes, counts, seen)
    except OSError as e:
        yield IngestError(str(path), f"unreadable: {e.strerror or e}")
    yield from counts.report(str(path))


def _wacz(path: Path, max_bytes: int, counts: _Counts, seen: set[str]) -> Iterator[Capture | IngestError]:
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as e:
        yield IngestError(str(path), f"not a WACZ file (not a readable zip: {e})")
        return
    with zf:
        members = sorted((i for i in zf.infolist() if i.filename.startswith(WACZ_DIR) and not i.is_dir()
                          and i.filename.lower().endswith((".warc", ".warc.gz"))), key=lambda i: i.filename)
        if not members:
            yield IngestError(str(path), f"a WACZ file without WARC files under {WACZ_DIR}")
            return
        for info in members:
            label = f"{path}!{info.filename}"
            try:
                with zf.open(info) as fh:
                    yield from _records(fh, info.file_size, label, max_bytes, counts, seen)
            except (zipfile.BadZipFile, zlib.error, EOFError) as e:
                yield IngestError(label, f"cannot be read out of the zip: {e}")
