"""The HTML report without a browser: the pages parse, nest, link and escape as they should."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.models import Article, ArticleResult, Finding, RunResult
from auditor.report import render_site
from auditor.report.render import highlight, is_safe_url, slugify, word_diff
from auditor.report.sample import seed_run, synthetic_run
from auditor.rules import load_rules

FAMILIES = ["attribution", "boilerplate", "quote-fidelity", "inference"]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HOSTILE = ('Breaking: <script>alert(1)</script> officials said.\n'
           'See <img src=x onerror=alert(1)> and <a href="javascript:alert(1)">javascript:alert(1)</a>.\n'
           'According to reports, the </textarea><textarea> tag and "quotes" & ampersands stay text.\r\n'
           'Last line with {{ jinja }} and {% raw %} markers.')


class Page(HTMLParser):
    """Structure of one page: the tag stack must balance; ids, links, marks and their texts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.links: list[tuple[str, str, str]] = []  # (tag, attr, url)
        self.tags: list[tuple[str, dict]] = []
        self.mark_text: dict[str, str] = {}
        self.open_marks: list[list[str]] = []
        self.in_article = 0
        self.article_text: list[str] = []
        self.in_sup = 0
        self.scripts: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"])
        for attr in ("href", "src"):
            if attr in a:
                self.links.append((tag, attr, a[attr]))
        if a.get("id") == "article-text":
            self.in_article = 1
        elif self.in_article and tag not in VOID:
            self.in_article += 1
        if tag == "mark" and "data-f" in a:
            self.open_marks.append(a["data-f"].split())
        if tag == "sup":
            self.in_sup += 1
        if tag == "script":
            self._script = "src" not in a and a.get("type") != "application/json"
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}> at {self.getpos()}")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        if self.in_article:
            self.in_article -= 1
        if tag == "mark" and self.open_marks:
            self.open_marks.pop()
        if tag == "sup":
            self.in_sup -= 1

    def handle_data(self, data):
        if self._script:
            self.scripts.append(data)
        if self.in_article and not self.in_sup:
            self.article_text.append(data)
            for ids in self.open_marks:
                for i in ids:
                    self.mark_text[i] = self.mark_text.get(i, "") + data

INFERENCE_004 = "likely referring to US President Donald Trump's plea to take over Greenland"  # the gold's


def article_page(root, prefix):
    """The page of the seed article whose id starts with ``prefix`` (ids are file stems)."""
    return next(iter(sorted((root / "articles").glob(f"{prefix}*.html"))))


def parse(html: str) -> Page:
    p = Page()
    p.feed(html)
    p.close()
    assert not p.errors, p.errors[:5]
    assert p.stack == [], f"unclosed: {p.stack}"
    return p


# -- highlighting -----------------------------------------------------------------------------------


def marked(text, spans):
    findings = [Finding(rule=f"r{k}", category=fam, message="m", start=s, end=e)
                for k, (s, e, fam) in enumerate(spans)]
    html = f'<div id="article-text">{highlight(text, findings, FAMILIES)}</div>'
    return findings, parse(html)


def test_overlapping_spans_nest_and_keep_each_findings_words():
    text = "Officials said the plan, likely a bluff, would fail."
    spans = [(0, 14, "attribution"), (10, 40, "inference"), (25, 31, "quote-fidelity"), (25, 31, "inference")]
    findings, page = marked(text, spans)
    assert "".join(page.article_text) == text
    for k, f in enumerate(findings):
        assert page.mark_text[str(k)] == text[f.start:f.end]


def test_labels_sit_after_each_finding_outside_the_marks():
    text = "According to reports, it rained."
    f = [Finding(rule="vague-attribution", category="attribution", message="m", start=0, end=20)]
    html = str(highlight(text, f, FAMILIES))
    assert html.index("</mark>") < html.index('<sup class="lbl fam-attribution"')
    assert ">A1</a></sup>" in html
    assert 'href="#f-0"' in html and '<span class="anc" id="m-0"></span><mark' in html


def test_empty_and_edge_spans():
    text = "abc def"
    findings, page = marked(text, [(0, 0, "inference"), (7, 7, "boilerplate"), (0, 7, "boilerplate"), (3, 4, "attribution")])
    assert "".join(page.article_text) == text
    assert page.mark_text["2"] == text and page.mark_text["3"] == " "
    assert "0" not in page.mark_text and "1" not in page.mark_text


def test_hostile_text_is_escaped_in_highlight():
    findings, page = marked(HOSTILE, [(0, 30, "inference"), (20, 60, "attribution")])
    assert "".join(page.article_text) == HOSTILE  # the CR too, kept as a character reference
    html = str(highlight(HOSTILE, findings, FAMILIES))
    assert "<script>" not in html and "<img" not in html and "<textarea>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in re.sub(r"<[^>]+>", "", re.sub(r"<sup.*?</sup>", "", html))
    assert "&#13;" in html


spans_st = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60), st.sampled_from(FAMILIES)), max_size=8)


@settings(max_examples=150, deadline=None)
@given(text=st.lists(st.sampled_from(list("ab <>&\"'\n\r/é—") + ["</mark>", "<sup>", "&amp;"]), max_size=30)
       .map("".join), raw=spans_st)
def test_any_spans_give_balanced_html_with_exact_mark_texts(text, raw):
    n = len(text)
    spans = [(min(s, e, n), min(max(s, e), n), fam) for s, e, fam in raw]
    findings, page = marked(text, spans)
    assert "".join(page.article_text) == text
    for k, f in enumerate(findings):
        assert page.mark_text.get(str(k), "") == text[f.start:f.end]


# -- helpers ----------------------------------------------------------------------------------------


def test_word_diff_rebuilds_both_sides():
    cons = "As soon as a peace agreement is reached, armed forces will appear"
    rend = "And as soon as a peace deal is reached, the Armed Forces will appear immediately"
    ops = word_diff(cons, rend)
    assert " ".join(w for op, w in ops if op != "ins").lower() == cons.lower()  # equal words shown as rendered
    assert " ".join(w for op, w in ops if op != "del") == rend
    assert ("del", "agreement") in ops and ("ins", "deal") in ops
    assert ("ins", "immediately") in ops


def test_slugs_are_safe_and_unique():
    used: set[str] = set()
    names = ["a/b", "a_b", "A_B", "../etc/passwd", "(unknown)", "a_b", ""]
    slugs = [slugify(n, used) for n in names]
    assert len(set(s.lower() for s in slugs)) == len(slugs)
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+", s) and not s.startswith(".") for s in slugs)
    assert slugs[1] == "a_b"


@pytest.mark.parametrize("url,ok", [("https://example.org/a", True), ("http://x.y", True),
                                    ("javascript:alert(1)", False), (" JavaScript:alert(1)", False),
                                    ("data:text/html,<b>", False), ("//evil.example", False), (None, False)])
def test_only_web_urls_become_links(url, ok):
    assert is_safe_url(url) is ok


# -- the whole site ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def registry():
    return load_rules()


@pytest.fixture(scope="module")
def site(tmp_path_factory, registry):
    hostile = Article(id="evil<script>", text=HOSTILE, outlet="<b>Evil</b> & Co", url="javascript:alert(1)",
                      title="<img src=x onerror=alert(1)>")
    run = seed_run(registry=registry, extra=[hostile])
    out = tmp_path_factory.mktemp("report")
    index = render_site(run, out, registry)
    return run, index


def pages_of(index: Path) -> list[Path]:
    return sorted(index.parent.rglob("*.html"))


def test_every_page_parses_extends_base_and_links_only_local_files(site):
    run, index = site
    root = index.parent
    pages = pages_of(index)
    names = {p.relative_to(root).as_posix() for p in pages}
    assert {"index.html", "quotes.html", "graph.html", "rules.html"} <= names
    assert sum(n.startswith("articles/") for n in names) == len(run.results)
    assert sum(n.startswith("outlets/") for n in names) == len({r.article.outlet or "(unknown)" for r in run.results})
    ids_of = {}
    parsed = {}
    for p in pages:
        page = parse(p.read_text(encoding="utf-8"))
        parsed[p] = page
        assert len(page.ids) == len(set(page.ids)), f"duplicate ids in {p}"
        ids_of[p.resolve()] = set(page.ids)
        heads = [a for t, a in page.tags if t == "link" and a.get("rel") == "stylesheet"]
        assert [urlsplit(a["href"]).path.endswith("static/report.css") for a in heads] == [True]
        assert any(t == "script" and a.get("src", "").endswith("static/report.js") for t, a in page.tags)
        assert any(t == "header" for t, _ in page.tags) and any(t == "footer" for t, _ in page.tags)
        assert page.scripts == [] or all(not s.strip() for s in page.scripts), "inline script in a page"
    for p, page in parsed.items():
        for tag, attr, url in page.links:
            parts = urlsplit(url)
            if tag in ("script", "link", "img") or attr == "src":
                assert not parts.scheme or parts.scheme == "data", f"{p}: {tag} loads {url}"
            if parts.scheme in ("http", "https", "mailto"):
                continue
            assert parts.scheme in ("", "data"), f"{p}: {url}"
            if parts.scheme == "data":
                continue
            target = (p.parent / unquote(parts.path)).resolve() if parts.path else p.resolve()
            assert target.exists(), f"{p}: broken link {url}"
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in ids_of[target], f"{p}: no #{parts.fragment} in {target.name}"
    assert (root / "static" / "report.css").is_file() and (root / "static" / "report.js").is_file()


def test_no_network_reference_in_css_or_js(site):
    _, index = site
    for f in (index.parent / "static").iterdir():
        body = f.read_text(encoding="utf-8")
        assert not re.search(r"https?://|@import|url\(\s*['\"]?(?!data:)|fetch\(|XMLHttpRequest|innerHTML", body), f


def test_article_page_marks_every_finding_on_its_words(site):
    run, index = site
    r = next(r for r in run.results if r.article.id.startswith("004"))
    page = parse(article_page(index.parent, "004").read_text(encoding="utf-8"))
    assert "".join(page.article_text) == r.article.text
    assert r.findings
    for i, f in enumerate(r.findings):
        if f.end > f.start:
            assert page.mark_text[str(i)] == r.article.text[f.start:f.end]
    inference = [i for i, f in enumerate(r.findings) if f.category == "inference"]
    assert any(page.mark_text[str(i)] == INFERENCE_004 for i in inference)
    rule_links = {a["href"] for t, a in page.tags if t == "a" and "rules.html#rule-" in a.get("href", "")}
    assert {f"../rules.html#rule-{f.rule}" for f in r.findings if f.rule in {x.id for x in load_rules().rules}} <= rule_links
    assert [a for t, a in page.tags if t == "input" and "famtoggle" in a.get("class", "")].__len__() == 4


def test_hostile_article_is_text_everywhere(site):
    run, index = site
    for p in pages_of(index):
        html = p.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html
        assert "<img src=x" not in html
        assert 'href="javascript:' not in html.lower()
        assert "</textarea><textarea>" not in html
        assert "<b>Evil</b>" not in html
    art = next(p for p in (index.parent / "articles").iterdir() if p.name.startswith("evil"))
    page = parse(art.read_text(encoding="utf-8"))
    assert "".join(page.article_text) == HOSTILE
    assert not any(t in ("img", "textarea") for t, _ in page.tags)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in art.read_text(encoding="utf-8")


def test_index_ranks_all_articles_and_counts_families(site):
    run, index = site
    html = index.read_text(encoding="utf-8")
    page = parse(html)
    rows = re.findall(r'<a href="articles/([^"]+)\.html">', html.split('id="articles"', 1)[1])
    assert len(rows) == len(run.results)
    worst = min(run.results, key=lambda r: (r.score, r.article.id))
    first_row = html.split('id="articles"', 1)[1].split("<tbody>", 1)[1].split("</tr>", 1)[0]
    assert f"{worst.score:.1f}" in first_row
    assert any(a.get("id") == "hist" for t, a in page.tags if t == "svg")
    assert any(a.get("id") == "outlet-chart" for t, a in page.tags if t == "svg")
    counts = html.split('id="family-counts"', 1)[1].split("</table>", 1)[0]
    for fam in FAMILIES:
        n = sum(1 for r in run.results for f in r.findings if f.category == fam)
        assert re.search(rf'fam-{fam}"[^\n]*</th><td class="num">{n}</td>', counts), fam


def test_rules_page_documents_every_rule(site, registry):
    _, index = site
    html = (index.parent / "rules.html").read_text(encoding="utf-8")
    page = parse(html)
    for r in registry.rules:
        assert f"rule-{r.id}" in page.ids
        block = html.split(f'id="rule-{r.id}"', 1)[1].split("</article>", 1)[0]
        assert "What it flags" in block and "Why it matters" in block and 'class="example flagged"' in block
        assert str(__import__("markupsafe").escape(r.meta.docs.what)) in block


def test_quotes_page_diffs_each_rendering(site):
    run, index = site
    html = (index.parent / "quotes.html").read_text(encoding="utf-8")
    parse(html)
    assert run.quote_clusters
    for c in run.quote_clusters:
        assert f'id="cluster-{c.id}"' in html
        block = html.split(f'id="cluster-{c.id}"', 1)[1].split("</section>", 1)[0]
        assert block.count('<td class="diff">') == len(c.members)
        for m in c.members:
            if m.get("text", "").split() != c.consensus.split():
                assert "<del" in block or "<ins" in block


def test_graph_page_draws_every_node_and_edge(site):
    run, index = site
    page = parse((index.parent / "graph.html").read_text(encoding="utf-8"))
    nodes = [a for t, a in page.tags if t == "g" and "node" in a.get("class", "").split()]
    edges = [a for t, a in page.tags if t == "g" and "edge" in a.get("class", "").split()]
    assert len(nodes) == len(run.graph["nodes"]) and len(edges) == len(run.graph["edges"])
    assert "graph-data" in page.ids


def test_outlet_page_lists_its_articles(site):
    run, index = site
    out = next(o for o in (index.parent / "outlets").iterdir() if o.name.startswith("The_Brussels"))
    html = out.read_text(encoding="utf-8")
    parse(html)
    assert f'href="../articles/{article_page(index.parent, "004").name}"' in html
    assert f'href="../articles/{article_page(index.parent, "001").name}"' not in html
    assert f"{run.outlets['The Brussels Times']['score']:.1f}" in html


def test_render_without_registry_and_an_empty_run(tmp_path):
    run = RunResult(run_id="empty")
    index = render_site(run, tmp_path / "empty")
    for p in pages_of(index):
        parse(p.read_text(encoding="utf-8"))
    a = Article(id="x", text="Some text.")
    run = RunResult(run_id="r", results=[ArticleResult(article=a, findings=[
        Finding(rule="no-such-rule", category="inference", message="<b>hi</b>", start=0, end=4)])],
        rules=[{"id": "no-such-rule", "family": "inference"}])
    index = render_site(run, tmp_path / "bare")
    rules = parse((index.parent / "rules.html").read_text(encoding="utf-8"))
    assert "rule-no-such-rule" in rules.ids
    art = (index.parent / "articles" / "x.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;hi&lt;/b&gt;" in art


def test_large_index_is_paged_client_side(tmp_path):
    run = synthetic_run(120)
    index = render_site(run, tmp_path / "big", page_size=25)
    html = index.read_text(encoding="utf-8")
    page = parse(html)
    table = next(a for t, a in page.tags if t == "table" and a.get("id") == "articles")
    assert table["data-page-size"] == "25"
    assert any(t == "div" and "table-tools" in a.get("class", "") for t, a in page.tags)
    assert len(list((index.parent / "articles").iterdir())) == 120
