"""CSV exports and news-please JSON in, and the outlet an article's URL gives. All texts are our own."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import textwrap

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.ingest import iter_inputs
from auditor.ingest.tables import parse_columns
from auditor.ingest.urls import registered_domain, url_id
from auditor.models import Article, IngestError
from tests.helpers import ROOT

runner = CliRunner()

STORY_A = ("The harbour authority of Port Lenning said on Monday that the east pier will reopen in June.\n\n"
           "\"We expect the first ferries to dock there again by the middle of the month,\" harbour master "
           "Ines Calloway told reporters.\n\nThe pier was closed in January after a storm damaged its deck.")
STORY_B = ("Fishermen in Port Lenning welcomed the news, according to a local cooperative.\n\n"
           "Repairs to the deck are said to have cost less than first feared.")
STORY_C = ("A second storm is likely to delay the work, the regional weather office warned.\n\n"
           "Crews have already replaced most of the damaged planks.")


def run(*paths, **kw) -> tuple[list[Article], list[IngestError]]:
    items = list(iter_inputs(list(paths), **kw))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IngestError)]


def write_csv(path, header, rows):
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def mediacloud_csv(path):
    header = ["stories_id", "publish_date", "title", "url", "language", "media_id", "media_name", "text"]
    rows = [
        ["901", "2025-05-12 09:15:00", "East pier to reopen in June", "https://www.lenninggazette.co.uk/pier",
         "en", "77", "Lenning Gazette", STORY_A],
        ["902", "2025-05-12 11:40:00", "Fishermen welcome pier news", "https://news.coastwatch.org/pier-news",
         "en", "78", "", STORY_B],
        ["903", "12 May 2025", "Storm may delay pier", "https://weatherdesk.net/storm", "en", "79",
         "Weather Desk", STORY_C],
    ]
    return write_csv(path, header, rows)


def test_a_mediacloud_export(tmp_path):
    arts, errs = run(mediacloud_csv(tmp_path / "stories.csv"))
    assert [a.id for a in arts] == ["901", "902", "903"]
    first = arts[0]
    assert first.text == STORY_A  # the field as written, newlines and quotes included
    assert (first.outlet, first.title, first.published, first.url, first.format) == (
        "Lenning Gazette", "East pier to reopen in June", "2025-05-12 09:15:00",
        "https://www.lenninggazette.co.uk/pier", "csv")
    assert first.meta["extra"] == {"language": "en", "media_id": "77"}
    assert first.source == f"{tmp_path / 'stories.csv'}:2"
    assert arts[1].outlet == "coastwatch.org"  # no media_name: the URL's registered domain
    assert arts[2].published is None  # "12 May 2025" is not ISO 8601: left empty, with a warning
    # rows start on lines 2, 7 and 10: the first two texts run over several lines
    assert [(e.source, e.level) for e in errs] == [(f"{tmp_path / 'stories.csv'}:10", "warning")]
    assert "12 May 2025" in errs[0].reason


def test_a_malformed_row_is_named_by_line_and_the_rest_read(tmp_path):
    path = tmp_path / "broken.csv"
    quoted = STORY_A.replace('"', '""')
    path.write_text(
        "id,url,text\n"
        f'a1,https://one.example.com/x,"{quoted}"\n'  # a row over five lines (2-6)
        'a2,https://two.example.com/x,"a stray quote"here\n'  # line 7: text after a closing quote
        "a3,https://three.example.com/x\n"  # line 8: a field short
        "a4,https://four.example.com/x,Crews have already replaced most of the planks.\n"
        "a5,https://five.example.com/x,\n",  # line 10: no text
        encoding="utf-8")
    arts, errs = run(path)
    assert [a.id for a in arts] == ["a1", "a4"]
    assert arts[0].text == STORY_A
    assert [e.source for e in errs] == [f"{path}:7", f"{path}:8", f"{path}:10"]
    assert all(e.level == "error" for e in errs)
    assert "malformed row" in errs[0].reason and "2 fields, the header has 3" in errs[1].reason
    assert errs[2].reason == "empty text"


def test_column_names_are_mapped_with_column(tmp_path):
    path = write_csv(tmp_path / "export.csv", ["story_key", "link", "headline", "publisher", "story_text"],
                     [["k1", "https://lenninggazette.co.uk/pier", "Pier reopens", "Gazette", STORY_A]])
    arts, errs = run(path)
    assert arts == [] and len(errs) == 1
    assert errs[0].reason.startswith("has no text or HTML column to score (columns found: 'story_key', 'link', ")
    columns = parse_columns(["text=story_text", "url=link", "media_name=publisher", "id=story_key",
                             "title=headline"])
    arts, errs = run(path, columns=columns)
    assert errs == []
    assert (arts[0].id, arts[0].url, arts[0].outlet, arts[0].title) == (
        "k1", "https://lenninggazette.co.uk/pier", "Gazette", "Pier reopens")
    with pytest.raises(ValueError, match="unknown key 'body_text'"):
        parse_columns(["body_text=story_text"])
    arts, errs = run(path, columns={"text": "missing"})
    assert arts == [] and "--column text=missing: no such column" in errs[0].reason


def test_urls_without_text_are_refused_naming_the_columns(tmp_path):
    path = write_csv(tmp_path / "urls.csv", ["stories_id", "url", "title", "media_name", "publish_date"],
                     [["1", "https://a.example.com/", "A", "A News", "2025-01-01"]])
    arts, errs = run(path)
    assert arts == []
    assert errs[0].reason == ("has URLs but no text or HTML column to score (columns found: 'stories_id', "
                              "'url', 'title', 'media_name', 'publish_date'); name it with --column text=NAME "
                              "or --column html=NAME")


def test_html_column_and_ids_from_urls(tmp_path):
    html = ("<html><head><meta property='og:site_name' content='Lenning Gazette'></head><body><nav>Home</nav>"
            + "".join(f"<p>{p}</p>" for p in STORY_A.split("\n\n")) + "</body></html>")
    big = html + "<!--" + "x" * 200_000 + "-->"  # over Python's default csv field limit (128 KiB)
    path = write_csv(tmp_path / "pages.csv", ["url", "html"],
                     [["https://www.lenninggazette.co.uk/pier", big]])
    arts, errs = run(path)
    assert errs == []
    assert arts[0].id == url_id("https://www.lenninggazette.co.uk/pier")
    assert arts[0].outlet == "Lenning Gazette" and arts[0].removed is not None
    assert "Ines Calloway" in arts[0].text and "Home" in arts[0].text


def test_a_csv_in_cp1252(tmp_path):
    path = tmp_path / "legacy.csv"
    path.write_bytes(("id,text\nc1,\"Caf\u00e9 owners on the quay said the reopening came \u2018just in time\u2019.\"\n")
                     .encode("cp1252"))
    arts, errs = run(path)
    assert arts[0].text == "Caf\u00e9 owners on the quay said the reopening came \u2018just in time\u2019."
    assert [e.level for e in errs] == ["warning"] and "cp1252" in errs[0].reason


def newsplease(**over):
    obj = {"authors": ["Mara Quill"], "date_download": "2025-05-13 07:02:11", "date_modify": None,
           "date_publish": "2025-05-12 10:00:00", "description": "The east pier reopens in June.",
           "filename": "pier.json", "image_url": None, "language": "en", "localpath": None,
           "source_domain": "www.lenninggazette.co.uk", "maintext": STORY_A,
           "title": "East pier to reopen", "title_page": None, "title_rss": None,
           "url": "https://www.lenninggazette.co.uk/pier"}
    obj.update(over)
    return obj


def test_newsplease_files(tmp_path):
    folder = tmp_path / "np"
    folder.mkdir()
    (folder / "pier.json").write_text(json.dumps(newsplease(), indent=1), encoding="utf-8")
    (folder / "batch.json").write_text(json.dumps([newsplease(url=None, maintext=STORY_B, title="Fishermen"),
                                                   newsplease(url="https://x.example.com/empty", maintext=None)]),
                                       encoding="utf-8")
    (folder / "datapackage.json").write_text('{"name": "not articles", "resources": []}', encoding="utf-8")
    arts, errs = run(folder)
    assert [a.title for a in arts] == ["Fishermen", "East pier to reopen"]  # batch.json, then pier.json
    fisher, pier = arts
    assert pier.id == url_id(pier.url) and pier.text == STORY_A and pier.format == "news-please"
    assert (pier.published, pier.meta["fetched"]) == ("2025-05-12 10:00:00", "2025-05-13 07:02:11")
    assert pier.outlet == "lenninggazette.co.uk"  # source_domain is a domain: the registered one
    assert pier.meta["extra"]["authors"] == ["Mara Quill"]
    assert fisher.id == "batch:0" and fisher.outlet == "lenninggazette.co.uk"
    assert [(e.source, e.reason) for e in errs] == [
        (f"{folder / 'batch.json'}[1]", "no article text ('maintext' is empty or null)")]
    # named on the command line, a JSON file that is not news-please is refused
    arts, errs = run(folder / "datapackage.json")
    assert arts == [] and errs[0].reason.startswith("not a news-please article")


def test_cli_column_option(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_csv(tmp_path / "export.csv", ["link", "story_text"],
              [["https://lenninggazette.co.uk/pier", STORY_A],
               ["https://news.coastwatch.org/pier-news", STORY_B]])
    res = runner.invoke(app, ["score", "export.csv", "--no-db", "--json", "out.json", "--column", "text=story_text",
                              "--column", "url=link"])
    assert res.exit_code == 0, res.output
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert sorted(a["outlet"] for a in data["articles"]) == ["coastwatch.org", "lenninggazette.co.uk"]
    res = runner.invoke(app, ["score", "export.csv", "--no-db", "--column", "text"])
    assert res.exit_code == 2 and "expected KEY=NAME" in res.output


@pytest.mark.parametrize("url, domain", [
    ("https://www.bbc.co.uk/news/world-1", "bbc.co.uk"),
    ("https://news.example.com.au/a", "example.com.au"),
    ("https://someone.github.io/blog/post", "someone.github.io"),  # a private suffix: the blog is the site
    ("http://192.0.2.7/page", "192.0.2.7"),
    ("ftp://files.example.com/x", None),
    ("not a url", None),
])
def test_registered_domain(url, domain):
    assert registered_domain(url) == domain


def test_the_public_suffix_list_is_never_downloaded(tmp_path):
    """A fresh interpreter with sockets made to fail and an empty HOME: the bundled list is used, and
    nothing is written to a cache."""
    script = textwrap.dedent("""
        import socket
        def refuse(*a, **k):
            raise SystemExit("NETWORK TOUCHED: %r" % (a,))
        socket.socket.connect = refuse
        socket.getaddrinfo = refuse
        socket.create_connection = refuse
        from auditor.ingest.urls import registered_domain
        assert registered_domain("https://www.theguardian.co.uk/world") == "theguardian.co.uk"
        assert registered_domain("https://a.b.example.org.uk/x") == "example.org.uk"
        print("OFFLINE OK")
    """)
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                         cwd=ROOT)
    assert "OFFLINE OK" in res.stdout, res.stdout + res.stderr
    assert not (tmp_path / "cache").exists()
