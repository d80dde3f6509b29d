"""Web archives in: WARC (gzipped or not) and WACZ, written here with warcio's own writer.

The end-to-end test puts 20 real pages of the Zyte benchmark (../shared/bench/zyte, skipped when absent)
into a gzipped WARC beside a request record, an image, a 404 and a redirect, and checks that
``audit score`` reads exactly the 20 pages, with their URLs, scored exactly as the same pages saved as
``.html`` files. The files are named with the id the archive gives each page (derived from its URL), so
the two runs differ in nothing the scoring reads. The small pages of the other tests are our own words.
"""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from auditor.cli import app
from auditor.ingest import iter_inputs
from auditor.ingest.urls import url_id
from auditor.models import Article, IngestError
from tests.helpers import SHARED

ZYTE = SHARED / "bench" / "zyte"
runner = CliRunner()


def run(*paths, **kw) -> tuple[list[Article], list[IngestError]]:
    items = list(iter_inputs(list(paths), **kw))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IngestError)]


class Archive:
    """A WARC being written; ``offsets`` records where each response record starts."""

    def __init__(self, fh, gz: bool = True):
        self.fh = fh
        self.writer = WARCWriter(fh, gzip=gz)
        self.offsets: dict[str, int] = {}

    def response(self, url: str, body: bytes, status: str = "200 OK", ctype: str = "text/html; charset=utf-8",
                 headers: list[tuple[str, str]] | None = None) -> None:
        http = StatusAndHeaders(status, [("Content-Type", ctype), *(headers or [])], protocol="HTTP/1.1")
        self.offsets[url] = self.fh.tell()
        self.writer.write_record(self.writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                                http_headers=http))

    def request(self, url: str) -> None:
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True)
        self.writer.write_record(self.writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                                http_headers=http))


# Pages in our own words: a made-up story about a town's bridge, told by three outlets.
PARAGRAPHS = [
    "The town council of Elmsford voted on Tuesday evening to close the old river bridge for repairs "
    "that engineers say cannot wait another winter.",
    "Council member Dana Whitlock said the inspection found corrosion in two of the four main supports "
    "and that traffic would be sent over the northern crossing until the work is finished.",
    "Shop owners on Mill Street told reporters they expect fewer customers during the closure, which the "
    "council estimates will last about five months.",
    "The repair will cost roughly 2.4 million, most of it paid from a regional infrastructure fund that "
    "the town applied to last spring.",
]


def page(title: str, *, site: str | None = None, published: str | None = None, extra: str = "") -> bytes:
    meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    if published:
        meta += f'<meta property="article:published_time" content="{published}">'
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/local'>Local</a></nav>"
            f"<article><h1>{title}</h1>{body}{extra}</article>"
            f"<footer>Contact us</footer></body></html>").encode()


def small_archive(path: Path, gz: bool = True) -> Archive:
    with path.open("wb") as fh:
        arc = Archive(fh, gz)
        arc.request("https://elmsford-news.example.com/bridge")
        arc.response("https://elmsford-news.example.com/bridge",
                     page("Council closes the river bridge", site="Elmsford News", published="2025-03-04T18:30:00Z"))
        arc.response("https://www.valley-post.co.uk/local/bridge-closure", page("Bridge to shut for five months"))
        arc.response("https://riverside.example.org/bridge", page("Mill Street braces for a quiet spring"))
        arc.response("https://radio.example.net/bridge", page("Supports corroded, inspection finds"))
        arc.response("https://radio.example.net/logo.svg", b"<svg></svg>", ctype="image/svg+xml")
    return arc


# -- the Zyte pages, end to end ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def zyte_runs(tmp_path_factory):
    if not (ZYTE / "ground-truth.json").is_file():
        pytest.skip(f"Zyte benchmark pages not found at {ZYTE}")
    truth = json.loads((ZYTE / "ground-truth.json").read_text(encoding="utf-8"))
    chosen = sorted(truth)[:20]
    tmp = tmp_path_factory.mktemp("zyte-warc")
    html_dir = tmp / "html"
    html_dir.mkdir()
    warc = tmp / "crawl.warc.gz"
    urls = {}
    with warc.open("wb") as fh:
        arc = Archive(fh)
        arc.request("https://example.org/a-page")
        for zid in chosen:
            url = truth[zid]["url"]
            body = gzip.decompress((ZYTE / "html" / f"{zid}.html.gz").read_bytes())
            arc.response(url, body)
            (html_dir / f"{url_id(url)}.html").write_bytes(body)
            urls[url_id(url)] = url
        arc.response("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), ctype="image/png")
        arc.response("https://example.org/gone", b"<html><body>Not here</body></html>", status="404 Not Found")
        arc.response("https://example.org/old", b"", status="301 Moved Permanently",
                     headers=[("Location", "https://example.org/new")])
    results = {}
    for name, target in (("warc", warc), ("html", html_dir)):
        out = tmp / f"{name}.json"
        res = runner.invoke(app, ["score", str(target), "--json", str(out), "--no-db"])
        assert res.exit_code == 0, res.output
        results[name] = (json.loads(out.read_text(encoding="utf-8")), res.output)
    return results, urls


def test_warc_gives_exactly_the_twenty_pages_with_their_urls(zyte_runs):
    results, urls = zyte_runs
    data = results["warc"][0]
    assert len(data["articles"]) == 20
    assert {a["id"]: a["url"] for a in data["articles"]} == urls
    assert all(a["format"] == "warc" and a["fetched"] for a in data["articles"])


def test_warc_pages_score_as_the_same_pages_saved_as_html(zyte_runs):
    results, _ = zyte_runs
    warc = {a["id"]: a for a in results["warc"][0]["articles"]}
    html = {a["id"]: a for a in results["html"][0]["articles"]}
    assert warc.keys() == html.keys()
    assert sum(len(a["findings"]) for a in warc.values()) >= 20  # there is something to compare
    for aid, a in warc.items():
        b = html[aid]
        assert a["hash"] == b["hash"], aid  # the same text, so the same offsets
        assert (a["score"], a["subscores"], a["boilerplate_ratio"]) == (b["score"], b["subscores"],
                                                                        b["boilerplate_ratio"]), aid
        assert a["findings"] == b["findings"], aid
        assert a["published"] == b["published"], aid  # from the page, as for the file


def test_the_four_other_records_are_reported_as_skipped(zyte_runs):
    data, output = zyte_runs[0]["warc"]
    skipped = sorted(e["reason"] for e in data["errors"]["ingest"])
    assert skipped == ["skipped 1 error response (404)", "skipped 1 non-HTML response (image/png)",
                       "skipped 1 redirect (301)", "skipped 1 request record"]
    assert all(e["level"] == "warning" for e in data["errors"]["ingest"])
    for reason in skipped:
        assert reason in output


# -- small archives ------------------------------------------------------------------------------------


def test_pages_urls_dates_and_outlets(tmp_path):
    small_archive(tmp_path / "small.warc.gz")
    arts, errs = run(tmp_path / "small.warc.gz")
    by_url = {a.url: a for a in arts}
    assert list(by_url) == ["https://elmsford-news.example.com/bridge",
                            "https://www.valley-post.co.uk/local/bridge-closure",
                            "https://riverside.example.org/bridge", "https://radio.example.net/bridge"]
    first = by_url["https://elmsford-news.example.com/bridge"]
    assert first.published == "2025-03-04T18:30:00Z"  # the page's own date
    assert first.outlet == "Elmsford News"  # og:site_name
    assert first.meta["fetched"].endswith("Z")  # the crawl time is kept apart
    other = by_url["https://www.valley-post.co.uk/local/bridge-closure"]
    assert other.published is None  # the page gives none: never the crawl date
    assert other.outlet == "valley-post.co.uk"  # no name on the page: its registered domain
    assert other.id == url_id(other.url) and other.id.startswith("valley-post.co.uk-")
    assert any("Dana Whitlock" in other.text[s:e] for s, e in other.meta["body_spans"])
    assert [e.reason for e in errs] == ["skipped 1 request record", "skipped 1 non-HTML response (image/svg+xml)"]


def test_ids_are_stable_across_runs_and_archives(tmp_path):
    small_archive(tmp_path / "a.warc.gz")
    small_archive(tmp_path / "b.warc", gz=False)
    a, _ = run(tmp_path / "a.warc.gz")
    b, _ = run(tmp_path / "b.warc")
    assert [x.id for x in a] == [x.id for x in b]
    assert [x.text for x in a] == [x.text for x in b]


@pytest.mark.parametrize("gz", [True, False])
def test_a_corrupt_record_is_named_by_offset_and_the_rest_read(tmp_path, gz):
    path = tmp_path / ("c.warc.gz" if gz else "c.warc")
    arc = small_archive(path, gz)
    data = bytearray(path.read_bytes())
    bad = arc.offsets["https://www.valley-post.co.uk/local/bridge-closure"]
    at = bad + 10 if gz else bad  # inside the gzip member; over the WARC/1.0 line
    data[at: at + 50] = b"#" * 50
    path.write_bytes(bytes(data))
    arts, errs = run(path)
    assert [a.url for a in arts] == ["https://elmsford-news.example.com/bridge",
                                     "https://riverside.example.org/bridge", "https://radio.example.net/bridge"]
    broken = [e for e in errs if e.level == "error"]
    assert len(broken) == 1 and broken[0].source == f"{path}@{bad}"
    assert "corrupt" in broken[0].reason
    assert f"read on from offset {arc.offsets['https://riverside.example.org/bridge']}" in broken[0].reason


@pytest.mark.parametrize("gz", [True, False])
def test_a_truncated_archive_keeps_what_is_whole(tmp_path, gz):
    path = tmp_path / ("t.warc.gz" if gz else "t.warc")
    arc = small_archive(path, gz)
    last = arc.offsets["https://radio.example.net/bridge"]
    end = arc.offsets["https://radio.example.net/logo.svg"]
    path.write_bytes(path.read_bytes()[: (last + end) // 2])  # cut the last page in the middle
    arts, errs = run(path)
    assert [a.url for a in arts] == ["https://elmsford-news.example.com/bridge",
                                     "https://www.valley-post.co.uk/local/bridge-closure",
                                     "https://riverside.example.org/bridge"]
    broken = [e for e in errs if e.level == "error"]
    assert [e.source for e in broken] == [f"{path}@{last}"]
    assert "truncated" in broken[0].reason


def test_a_record_over_max_bytes_is_refused_alone(tmp_path):
    path = tmp_path / "big.warc.gz"
    with path.open("wb") as fh:
        arc = Archive(fh)
        arc.response("https://big.example.com/long", page("A long one", extra="<p>" + "word " * 5000 + "</p>"))
        arc.response("https://small.example.com/short", page("A short one"))
    arts, errs = run(path, max_bytes=10_000)
    assert [a.url for a in arts] == ["https://small.example.com/short"]
    assert [(e.source, e.level) for e in errs] == [(f"{path}@{arc.offsets['https://big.example.com/long']}",
                                                     "error")]
    assert "too large" in errs[0].reason


def test_a_repeated_capture_is_read_once(tmp_path):
    path = tmp_path / "twice.warc.gz"
    with path.open("wb") as fh:
        arc = Archive(fh)
        arc.response("https://elmsford-news.example.com/bridge", page("First capture"))
        arc.response("https://elmsford-news.example.com/bridge", page("Second capture"))
    arts, errs = run(path)
    assert len(arts) == 1 and "First capture" in arts[0].text
    assert [e.reason for e in errs] == ["skipped 1 later capture of a URL already read"]


def test_wacz_and_folders(tmp_path):
    small_archive(tmp_path / "inner.warc.gz")
    wacz = tmp_path / "crawls" / "site.wacz"
    wacz.parent.mkdir()
    with zipfile.ZipFile(wacz, "w") as zf:
        zf.write(tmp_path / "inner.warc.gz", "archive/data.warc.gz", compress_type=zipfile.ZIP_STORED)
        zf.writestr("pages/pages.jsonl", '{"format": "json-pages-1.0"}\n')
        zf.writestr("datapackage.json", "{}")
    (tmp_path / "inner.warc.gz").rename(tmp_path / "crawls" / "loose.warc.gz")
    arts, errs = run(tmp_path / "crawls")
    # the loose WARC and the WACZ hold the same pages: the later copies are duplicate ids
    sources = [a.source for a in arts]
    assert len(arts) == 4 and all(s.startswith(str(tmp_path / "crawls" / "loose.warc.gz@")) for s in sources)
    dupes = [e for e in errs if "duplicate id" in e.reason]
    assert len(dupes) == 4 and all(f"{wacz}!archive/data.warc.gz@" in e.source for e in dupes)
    only, _ = run(wacz)
    assert [a.url for a in only] == [a.url for a in arts]


def test_not_an_archive(tmp_path):
    path = tmp_path / "notes.warc"
    path.write_text("These are my notes, not a web archive.\n", encoding="utf-8")
    arts, errs = run(path)
    assert arts == [] and len(errs) == 1 and errs[0].source == f"{path}@0" and "corrupt" in errs[0].reason
    bad_zip = tmp_path / "x.wacz"
    bad_zip.write_bytes(b"PK not really")
    arts, errs = run(bad_zip)
    assert arts == [] and "not a WACZ file" in errs[0].reason
