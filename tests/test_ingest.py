"""The ingest layer on real text: the seeds, front matter, HTML pages, JSON Lines and every kind of bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

from auditor.ingest import DEFAULT_MAX_BYTES, iter_inputs
from auditor.models import Article, IngestError

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
SEED_004 = SEEDS / "004_7f91a2f5f40fcb4f.txt"
SEED_002 = SEEDS / "002_7522bb0fe2495f57.txt"


def run(*paths, **kw) -> tuple[list[Article], list[IngestError]]:
    items = list(iter_inputs(paths, **kw))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IngestError)]


def seed_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


# -- the seeds ------------------------------------------------------------------------------------------


def test_seeds_read_exactly_as_read_text():
    articles, errors = run(SEEDS)
    assert errors == []
    assert [a.id for a in articles] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for a in articles:
        assert a.text == Path(a.source).read_text(encoding="utf-8")
        assert a.format == "txt" and a.header_end == 0 and a.removed is None


def test_folder_skips_dotfiles_and_other_suffixes_and_recurses_sorted(tmp_path):
    text = SEED_004.read_text(encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "zeta.txt").write_text(text, encoding="utf-8")
    (tmp_path / "alpha.txt").write_text(text, encoding="utf-8")
    (tmp_path / "README.md").write_text("# notes\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(text, encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "copy.txt").write_text(text, encoding="utf-8")
    articles, errors = run(tmp_path)
    assert errors == []
    assert [a.id for a in articles] == ["alpha", "zeta"]


def test_crlf_and_bom(tmp_path):
    text = SEED_004.read_text(encoding="utf-8")
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    articles, errors = run(crlf, bom)
    assert errors == []
    by_id = {a.id: a for a in articles}
    assert by_id["crlf"].text == crlf.read_text(encoding="utf-8") == text
    assert by_id["bom"].text == bom.read_text(encoding="utf-8") == "\ufeff" + text  # offsets agree with read_text
    fm = tmp_path / "bomfm.txt"
    fm.write_bytes(b"\xef\xbb\xbf---\noutlet: Example News\n---\nThe talks resumed on Monday in Geneva.\n")
    (article,), _ = run(fm)
    assert article.outlet == "Example News" and article.text.startswith("\ufeff---")


# -- front matter ---------------------------------------------------------------------------------------

FRONT = """---
outlet: Interfax-Ukraine
url: https://interfax.com.ua/news/general/1
published: 2026-02-03T12:53:00+02:00
title: NATO's attention to Ukraine increasing
section: politics
---
"""


def test_front_matter_sets_fields_and_header_end(tmp_path):
    body = SEED_004.read_text(encoding="utf-8")
    f = tmp_path / "fm.txt"
    f.write_text(FRONT + body, encoding="utf-8")
    (a,), errors = run(f)
    assert errors == []
    assert a.text == f.read_text(encoding="utf-8")  # the block stays in the text
    assert a.header_end == len(FRONT) and a.text[a.header_end:] == body
    assert a.outlet == "Interfax-Ukraine"  # the source's outlet wins over the copyright line
    assert a.url == "https://interfax.com.ua/news/general/1"
    assert a.published == "2026-02-03T12:53:00+02:00"  # kept as written, not re-formatted by YAML
    assert a.title == "NATO's attention to Ukraine increasing"
    assert a.meta["front_matter"] == {"section": "politics"}


def test_front_matter_bad_date_is_a_warning_and_left_empty(tmp_path):
    f = tmp_path / "baddate.txt"
    f.write_text("---\noutlet: The Brussels Times\npublished: 3rd of February\n---\n"
                 + SEED_004.read_text(encoding="utf-8"), encoding="utf-8")
    articles, errors = run(f)
    assert len(articles) == 1 and articles[0].published is None
    assert articles[0].outlet == "The Brussels Times"
    assert [e.level for e in errors] == ["warning"]
    assert "published" in errors[0].reason and "ISO 8601" in errors[0].reason


def test_text_opening_with_a_rule_is_not_front_matter(tmp_path):
    text = "---\nThe winter is long, but spring will come.\n---\n" + SEED_004.read_text(encoding="utf-8")
    f = tmp_path / "rule.txt"
    f.write_text(text, encoding="utf-8")
    (a,), errors = run(f)
    assert errors == [] and a.header_end == 0


# -- bad input ------------------------------------------------------------------------------------------


def only_error(path: Path, **kw) -> IngestError:
    articles, errors = run(path, **kw)
    assert articles == []
    assert len(errors) == 1 and errors[0].level == "error"
    assert "\n" not in errors[0].reason
    return errors[0]


def test_empty_and_whitespace_only(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n  \n", encoding="utf-8")
    assert "empty" in only_error(tmp_path / "empty.txt").reason
    assert "empty" in only_error(tmp_path / "blank.txt").reason


def test_binary_files(tmp_path):
    nul = tmp_path / "image.txt"
    nul.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert "binary" in only_error(nul).reason
    controls = tmp_path / "controls.txt"
    controls.write_bytes(bytes(b for b in range(1, 32) if b not in (9, 10, 13)) * 40)
    assert "binary" in only_error(controls).reason


def test_latin1_and_cp1252_are_decoded_with_a_warning(tmp_path):
    # a seed paragraph with curly quotes (cp1252) and the same report in French with accents (latin-1)
    quoted = next(line for line in seed_lines(SEED_002) if line.startswith("“Ukraine needs"))
    french = ("Le secrétaire général de l'OTAN, Mark Rutte, est arrivé à Kyiv le 3 février et a déclaré "
              "devant la Verkhovna Rada : « Votre paix est notre paix ».\n")
    (tmp_path / "cp.txt").write_bytes((quoted + "\n").encode("cp1252"))
    (tmp_path / "fr.txt").write_bytes(french.encode("latin-1"))
    articles, errors = run(tmp_path)
    assert {a.id: a.text for a in articles} == {"cp": quoted + "\n", "fr": french}
    assert [e.level for e in errors] == ["warning", "warning"]
    assert all("not UTF-8; decoded as cp1252" in e.reason and "offsets" in e.reason for e in errors)


def test_undecodable_bytes_are_an_error(tmp_path):
    f = tmp_path / "noise.txt"
    f.write_bytes(bytes((i * 97 + 31) % 128 + 128 for i in range(600)))  # high bytes, no text encoding fits
    assert "not UTF-8" in only_error(f).reason


def test_too_large_without_reading_it(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(SEED_004.read_text(encoding="utf-8"), encoding="utf-8")
    assert "too large" in only_error(f, max_bytes=1000).reason
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:  # a sparse 60 MB file: refused from its size alone
        fh.truncate(60 * 1024 * 1024)
    assert DEFAULT_MAX_BYTES == 16 * 1024 * 1024
    assert "too large" in only_error(huge).reason


def test_unsupported_suffix_missing_path_and_broken_link(tmp_path):
    md = tmp_path / "notes.md"
    md.write_text("# Notes\n", encoding="utf-8")
    assert "unsupported" in only_error(md).reason
    assert "no such" in only_error(tmp_path / "missing.txt").reason
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert "broken symbolic link" in only_error(link).reason


def test_unreadable_file(tmp_path, monkeypatch):
    f = tmp_path / "secret.txt"
    f.write_text(SEED_004.read_text(encoding="utf-8"), encoding="utf-8")
    if os.name == "posix" and os.geteuid() != 0:
        f.chmod(0)
    else:  # root reads any file: make opening it fail the way a permission problem does
        real_open = Path.open

        def deny(self, *args, **kwargs):
            if self == f:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", deny)
    try:
        assert "permission denied" in only_error(f).reason
    finally:
        f.chmod(0o644)


# -- JSON Lines -----------------------------------------------------------------------------------------


def test_jsonl_good_and_malformed_lines(tmp_path):
    text = SEED_004.read_text(encoding="utf-8")
    html = (FIXTURES / "nato_page.html").read_text(encoding="utf-8")
    lines = [
        json.dumps({"id": "brussels", "text": text, "outlet": "The Brussels Times",
                    "published": "2026-02-03"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "nothing", "outlet": "X"}),
        json.dumps({"id": 7, "text": text}),
        "",
        json.dumps({"text": text, "published": "yesterday"}),
        json.dumps({"id": "page", "html": html}),
        json.dumps({"id": "blank", "text": "   "}),
    ]
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = run(f)
    assert [a.id for a in articles] == ["brussels", "batch:7", "page"]
    brussels, unnamed, page = articles
    assert brussels.text == text and brussels.published == "2026-02-03" and brussels.source == f"{f}:1"
    assert unnamed.published is None and unnamed.outlet == "The Brussels Times"  # from its copyright line
    assert page.format == "html" and page.removed and page.meta["body_spans"]
    problems = {int(e.source.rsplit(":", 1)[1]): (e.level, e.reason) for e in errors}
    assert set(problems) == {2, 3, 4, 5, 7, 9}
    assert problems[2][0] == "error" and "not valid JSON" in problems[2][1]
    assert "object" in problems[3][1]
    assert "neither 'text' nor 'html'" in problems[4][1]
    assert "'id' must be a string" in problems[5][1]
    assert problems[7] == ("warning", "published 'yesterday' is not an ISO 8601 date; left empty")
    assert "empty text" in problems[9][1]
    assert str(errors[0]).startswith(f"{f}:2: ")


def test_duplicate_ids_name_both_sources(tmp_path):
    text = SEED_004.read_text(encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b" / "story.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b" / "more.jsonl").write_text(json.dumps({"id": "story", "text": text}) + "\n",
                                               encoding="utf-8")
    articles, errors = run(tmp_path, tmp_path / "a" / "story.txt")  # a file named twice is read once
    assert [a.source for a in articles] == [str(tmp_path / "a" / "story.txt")]
    assert len(errors) == 2
    for e in errors:
        assert "duplicate id 'story'" in e.reason and str(tmp_path / "a" / "story.txt") in e.reason
    assert {e.source for e in errors} == {str(tmp_path / "b" / "story.txt"), f"{tmp_path / 'b' / 'more.jsonl'}:1"}


# -- HTML -----------------------------------------------------------------------------------------------


def test_html_fixture_body_removed_and_metadata():
    (a,), errors = run(FIXTURES / "nato_page.html")
    assert errors == [] and a.format == "html" and a.id == "nato_page"
    text = a.text
    for hidden in ("dataLayer", "tracking", "Hidden tracking text", "display: none"):
        assert hidden not in text  # scripts, styles and hidden elements are not visible text
    body = a.meta["body_spans"]
    removed_text = [text[s:e] for s, e in a.removed]
    body_text = "\n".join(text[s:e] for s, e in body)
    # the navigation, the related links and the footer are what the extractor cut
    assert any("Home\nWorld\nEurope" in r for r in removed_text)
    assert any("Related News" in r for r in removed_text)
    assert any("Copyright © 2026 Example Times" in r for r in removed_text)
    assert "Home" not in body_text and "Follow us" not in body_text
    for sentence in ("Russian attacks do not signal seriousness about peace",
                     "set to begin on Wednesday in Abu Dhabi."):
        assert sentence in body_text
    # body and removed spans tile every non-space character, without overlapping
    covered = sorted(body + a.removed)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(covered, covered[1:], strict=False))
    inside = {i for s, e in covered for i in range(s, e)}
    assert all(text[i].isspace() for i in range(len(text)) if i not in inside)
    # one block a line, paragraphs separated by blank lines
    assert "\n\nOn the night of 3 February" in text
    assert a.outlet == "Example Times" and a.byline == "Jane Doe"
    assert a.published == "2026-02-03T15:40:00+01:00"
    assert a.title == "Russian strikes do not demonstrate 'serious' commitment to peace, says NATO chief"
    assert a.url == "https://example.org/news/rutte-kyiv"


def test_html_declared_legacy_charset(tmp_path):
    page = (FIXTURES / "nato_page.html").read_text(encoding="utf-8").replace(
        '<meta charset="utf-8">', '<meta charset="iso-8859-1">').replace("’", "'")
    page = page.replace("Europe</a>", "Société</a>")
    f = tmp_path / "latin.html"
    f.write_bytes(page.encode("latin-1"))
    (a,), errors = run(f)
    assert errors == []  # the page said how it is encoded: nothing to warn about
    assert "Société" in a.text


def test_an_article_pickles_whole_and_leaves_its_text_as_it_was():
    """An article crosses to the article stage's workers by pickle. It arrives equal (curly quotes, a lone
    surrogate from a mis-encoded file, metadata), and pickling it adds nothing to the text the main
    process keeps (CPython would otherwise attach a UTF-8 copy to every non-ASCII text it pickles)."""
    import pickle
    import sys

    from auditor.models import Article

    text = "Der Minister sagte: \u201eWir bleiben.\u201c Er ging. " * 40
    a = Article(id="a1", text=text, outlet="Die Zeitung", removed=[(0, 3)], header_end=2,
                meta={"tags": ["x"]})
    size = sys.getsizeof(a.text)
    b = pickle.loads(pickle.dumps(a))
    assert b == a and b.text == text
    assert sys.getsizeof(a.text) == size
    broken = Article(id="a2", text="Ein Byte fehlte: \udc9f.")
    assert pickle.loads(pickle.dumps(broken)) == broken
