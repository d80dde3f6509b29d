"""Property-based tests (hypothesis): ingest never raises on any bytes, reads UTF-8 text exactly, and the
text layer and the article stage never raise on any text and keep every span inside it.

Each property is bounded (``max_examples``) so the file runs in seconds. A failure prints the smallest
input hypothesis found; paste it into a unit test of the module it breaks.
"""

from __future__ import annotations

import json
import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from auditor.engine import audit_article
from auditor.ingest import iter_inputs
from auditor.models import Article, IngestError
from auditor.rules import Registry, load_rules
from auditor.text.document import Doc

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
def registry() -> Registry:
    return load_rules()


# ----------------------------------------------------------------------------------------- strategies

# Pieces of news text that the text layer and the rules look at: every kind of quotation mark, balanced
# or not, NBSP, line ends of three systems, combining marks, emoji (flags, skin tones, ZWJ sequences),
# reporting verbs and attribution phrases, abbreviations with stops, numbers, front-matter fences.
PIECES = [
    '"', "'", "“", "”", "‘", "’", "«", "»", "‹", "›", "„", "‚", "「", "」", "\u00a0", "\u202f", " ", "  ",
    "\n", "\n\n", "\r", "\r\n", "\t", "\u2028", "\u0301", "e\u0301", "🇺🇦", "👍🏽", "👩‍👩‍👧", "\ufeff",
    ".", "...", "…", "!", "?", ":", ";", ",", " — ", "-", "(", ")", "[", "]",
    " said", " says", " told reporters", "according to ", "sources say", "reportedly", "allegedly",
    "officials said", "Mr. ", "Dr. ", "U.S. ", "Reuters", "AP", "the minister", "Mark Rutte", "Kyiv",
    " 42 ", "75%", "3.5 million", "Monday", "Read more:", "Subscribe to our newsletter", "© 2026",
    "---\n", "title: x\n", "By Anna Novak\n", "KYIV (Reuters) - ", "We won't back down", "C’est fini",
    "Он сказал", "北约秘书长", "שלום", "a", "the", "word",
]

piece_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=60).map("".join)
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
texts = st.one_of(piece_text, any_text)

# Bytes for a file: anything at all, or text in UTF-8 (sometimes with a byte order mark or a torn end),
# or a JSON Lines record or an HTML page around such text.
utf8_bytes = texts.map(lambda t: t.encode("utf-8"))
jsonl_bytes = st.lists(st.one_of(
    st.builds(lambda t, o: json.dumps({"id": "r", "text": t, "outlet": o}), texts, st.text(max_size=5)),
    st.builds(lambda t: json.dumps({"html": f"<p>{t}</p>"}), texts),
    st.builds(lambda t: json.dumps({"text": t, "published": t[:10]}), texts),
    texts), max_size=4).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"))
html_bytes = st.builds(lambda title, body: (f"<html><head><title>{title}</title></head><body><article>"
                                            f"<p>{body}</p></article></body></html>").encode(),
                       texts, texts)
file_bytes = st.one_of(
    st.binary(max_size=400), utf8_bytes, utf8_bytes.map(lambda b: b"\xef\xbb\xbf" + b),
    utf8_bytes.map(lambda b: b[:-1]), jsonl_bytes, html_bytes,
    st.builds(lambda t, enc: t.encode(enc, "replace"), texts, st.sampled_from(["cp1252", "latin-1",
                                                                                 "utf-16", "shift_jis"])),
)


def ingest(data: bytes, suffix: str) -> tuple[Path, list[Article | IngestError], str | None]:
    """Write ``data`` to a file of ``suffix``, ingest it; also what ``read_text`` gives (None: not UTF-8)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"article{suffix}"
        path.write_bytes(data)
        items = list(iter_inputs([path]))
        try:
            expected = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            expected = None
    return path, items, expected


# --------------------------------------------------------------------------------------------- ingest

@FAST
@given(data=file_bytes, suffix=st.sampled_from([".txt", ".jsonl", ".html"]))
@example(data=b"", suffix=".txt")
@example(data=b"\x00\x01\x02", suffix=".html")
@example(data=b'{"text": "a"}\n{"text": 1}\n{', suffix=".jsonl")
def test_ingesting_any_bytes_yields_articles_or_errors_with_reasons(data: bytes, suffix: str) -> None:
    _, items, _ = ingest(data, suffix)
    assert items, "every file yields at least an article or an error"
    for item in items:
        assert isinstance(item, Article | IngestError), item
        if isinstance(item, IngestError):
            assert item.reason.strip(), item
            assert item.level in ("error", "warning")
        else:
            assert item.text.strip() and item.id


@FAST
@given(data=st.one_of(utf8_bytes, utf8_bytes.map(lambda b: b"\xef\xbb\xbf" + b)))
@example(data=b"line one\r\nline two\rline three\n")
@example(data="\ufeffNBSP\u00a0and “quotes”\r\n".encode())
def test_a_utf8_text_file_is_read_exactly_as_read_text_reads_it(data: bytes) -> None:
    _, items, expected = ingest(data, ".txt")
    assert expected is not None  # valid UTF-8 by construction
    articles = [i for i in items if isinstance(i, Article)]
    if expected.removeprefix("\ufeff").strip():
        # read unless it is binary-looking (control bytes), which is an error with a reason
        assert articles or any(i.level == "error" for i in items if isinstance(i, IngestError)), items
    for article in articles:
        # universal newlines as read_text applies them; a leading byte order mark kept, as read_text keeps it
        assert article.text == expected
        assert 0 <= article.header_end <= len(article.text)


# ------------------------------------------------------------------------------------------ text layer

def _inside(span: tuple[int, int], n: int) -> bool:
    s, e = span
    return isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= n


@FAST
@given(text=texts)
@example(text="“unbalanced ‘quote said the minister.\r\n\r\n«\u00a0C’est\u00a0» 🇺🇦 e\u0301")
@example(text='"\n"')
@example(text="\r")
def test_every_text_layer_span_lies_inside_the_text(text: str) -> None:
    doc = Doc(Article(id="x", text=text))
    n = len(text)
    for layer in ("lines", "paragraphs", "sentences", "words"):
        spans = getattr(doc, layer)
        assert all(_inside(s, n) for s in spans), (layer, spans)
    for q in doc.quotes:
        assert _inside((q.start, q.end), n), q
        if q.cue_start is not None or q.cue_end is not None:
            assert _inside((q.cue_start, q.cue_end), n), q
    for a in doc.attributions:
        assert _inside((a.start, a.end), n), a


@SLOW
@given(text=texts)
@example(text="“unbalanced ‘quote said the minister.\r\n\r\n«\u00a0C’est\u00a0» 🇺🇦 e\u0301")
@example(text="According to sources, “we won’t back down,” Mark Rutte said.\n\nRead more: Kyiv")
def test_the_article_stage_never_fails_and_keeps_findings_inside_the_text(text: str) -> None:
    assume(text.strip())
    article = Article(id="x", text=text)
    doc, result = audit_article(article, registry())
    # audit_article isolates a failing rule into result.errors; a rule failing on text is still a bug
    assert result.errors == [], result.errors
    n = len(text)
    for f in result.findings:
        assert _inside((f.start, f.end), n), f
    for q in doc.quotes:
        assert _inside((q.start, q.end), n), q
    for s in doc.boilerplate:
        assert _inside(tuple(s), n), s


@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_ingested_articles_go_through_the_article_stage(suffix: str) -> None:
    """The two halves together on one awkward input (a unit check beside the properties)."""
    body = "KYIV (Reuters) - “We won’t back down,” he said.\r\n\r\nAccording to sources, «\u00a0c’est fini\u00a0»."
    data = (json.dumps({"id": "k", "text": body}) if suffix == ".jsonl" else body).encode()
    _, items, _ = ingest(data, suffix)
    (article,) = [i for i in items if isinstance(i, Article)]
    _, result = audit_article(article, registry())
    assert result.errors == []
    assert all(_inside((f.start, f.end), len(article.text)) for f in result.findings)
