"""The HTML report in a real browser: Debian's Chromium, headless, driven by Playwright, fully offline.

Every page must load with no console error and no request leaving the machine (only file:// is let
through); marks must sit on the finding's words; a family toggle hides its marks; a hostile article shows
as text and runs nothing. Skipped only when no browser can be had (no playwright or no /usr/bin/chromium).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from auditor.models import Article
from auditor.report import render_site
from auditor.report.sample import seed_run, synthetic_run
from auditor.report.screenshots import CHROMIUM, launch, take
from auditor.rules import load_rules

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"no browser: {CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)

HOSTILE = ('Breaking: <script>alert(1)</script> officials said.\n'
           'See <img src=x onerror=alert(1)> and <a href="javascript:alert(1)">javascript:alert(1)</a>.\n'
           'According to reports, the </textarea><textarea> tag stays text.')


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        try:
            b = launch(p)
        except Exception as e:  # pragma: no cover - depends on the machine
            pytest.skip(f"Chromium would not start: {e}")
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    registry = load_rules()
    hostile = Article(id="hostile", text=HOSTILE, outlet="<b>Evil</b>", url="javascript:alert(1)",
                      title="<img src=x onerror=alert(2)>")
    run = seed_run(registry=registry, extra=[hostile])
    index = render_site(run, tmp_path_factory.mktemp("site"), registry)
    return run, index.parent


class Watch:
    """A page with its console errors, page errors, dialogs and every request that is not file://."""

    def __init__(self, browser):
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda r: None if r.url.startswith(("file://", "data:")) else self.outside.append(r.url))
        self.page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file://", "data:"))
                        else route.abort())

    def _dialog(self, d):
        self.dialogs.append(d.message)
        d.dismiss()

    def open(self, path: Path):
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_load_state("load")
        return self.page

    def clean(self):
        assert self.errors == [], self.errors
        assert self.outside == [], self.outside
        assert self.dialogs == [], self.dialogs


@pytest.fixture
def watch(browser):
    w = Watch(browser)
    yield w
    w.page.close()

INFERENCE_004 = "likely referring to US President Donald Trump's plea to take over Greenland"  # the gold's


def article_page(root, prefix):
    """The page of the seed article whose id starts with ``prefix`` (ids are file stems)."""
    return next(iter(sorted((root / "articles").glob(f"{prefix}*.html"))))


def test_every_page_loads_offline_without_errors(site, watch):
    run, root = site
    pages = sorted(root.rglob("*.html"))
    assert len(pages) >= 4 + len(run.results)
    for p in pages:
        page = watch.open(p)
        assert page.locator("header.site").count() == 1, p
        # the stylesheet applied (system fonts, our colours): the header is dark
        assert page.eval_on_selector("header.site", "e => getComputedStyle(e).backgroundColor") == "rgb(24, 32, 46)"
    watch.clean()


def test_marks_sit_on_each_findings_words(site, watch):
    run, root = site
    for r in run.results:
        if r.article.id == "hostile":
            continue
        page = watch.open(root / "articles" / f"{r.article.id}.html")
        texts = page.evaluate("""n => Array.from({length: n}, (_, i) =>
            Array.from(document.querySelectorAll('#article-text mark[data-f~="' + i + '"]'))
                 .map(m => m.textContent).join(''))""", len(r.findings))
        for f, got in zip(r.findings, texts, strict=True):
            assert got == r.article.text[f.start:f.end], (r.article.id, f.rule)
        # the whole text is there, unchanged, apart from the labels
        shown = page.evaluate("""() => { const c = document.getElementById('article-text').cloneNode(true);
            c.querySelectorAll('sup').forEach(s => s.remove()); return c.textContent; }""")
        assert shown == r.article.text
    watch.clean()


def test_article_004_marks_its_inference(site, watch):
    run, root = site
    page = watch.open(article_page(root, "004"))
    marks = page.locator("#article-text mark.fam-inference")
    assert INFERENCE_004 in "".join(marks.all_text_contents())
    assert marks.first.is_visible()
    style = marks.first.evaluate("m => getComputedStyle(m).textDecorationStyle")
    assert style == "wavy"  # told apart without colour
    watch.clean()


def test_family_toggle_hides_only_its_marks(site, watch):
    run, root = site
    page = watch.open(article_page(root, "004"))

    def decorated(cls):
        return page.evaluate(f"""() => Array.from(document.querySelectorAll('#article-text mark.{cls}'))
            .map(m => getComputedStyle(m).textDecorationLine)""")

    def labels_shown(cls):
        return page.evaluate(f"""() => Array.from(document.querySelectorAll('#article-text sup.{cls}'))
            .map(s => getComputedStyle(s).display !== 'none')""")

    assert decorated("fam-inference") and all(d == "underline" for d in decorated("fam-inference"))
    assert all(labels_shown("fam-inference"))
    others = decorated("fam-boilerplate")
    assert others and all(d == "underline" for d in others)
    page.locator('input.famtoggle[data-family="fam-inference"]').uncheck()
    assert all(d == "none" for d in decorated("fam-inference"))
    assert not any(labels_shown("fam-inference"))
    bg = page.eval_on_selector("#article-text mark.fam-inference", "m => getComputedStyle(m).backgroundColor")
    assert bg == "rgba(0, 0, 0, 0)"
    assert all(d == "underline" for d in decorated("fam-boilerplate"))
    assert page.get_by_text(INFERENCE_004[:40], exact=False).first.is_visible()  # the words stay
    page.locator('input.famtoggle[data-family="fam-inference"]').check()
    assert all(d == "underline" for d in decorated("fam-inference"))
    watch.clean()


def test_hostile_article_shows_as_text_and_runs_nothing(site, watch):
    run, root = site
    page = watch.open(root / "articles" / "hostile.html")
    text = page.locator("#article-text")
    for literal in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
                    "</textarea><textarea>"):
        assert literal in text.inner_text()
    assert text.locator("img, script, textarea, a[href^='javascript']").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.get_by_text("<img src=x onerror=alert(2)>").first.is_visible()  # the title, as text
    for p in (root / "index.html", root / "outlets"):
        for f in ([p] if p.is_file() else sorted(p.iterdir())):
            watch.open(f)
    watch.clean()


def test_graph_edge_click_shows_its_evidence(site, watch):
    run, root = site
    page = watch.open(root / "graph.html")
    k, edge = next((k, e) for k, e in enumerate(run.graph["edges"]) if e.get("evidence"))
    page.locator(f'g.edge[data-e="{k}"]').dispatch_event("click")
    detail = page.locator("#graph-detail")
    ev = edge["evidence"][0]
    assert (ev["text"] if isinstance(ev, dict) else str(ev)) in detail.inner_text()
    assert page.locator("g.edge.dim").count() == len(run.graph["edges"]) - 1
    watch.clean()


def test_large_index_pages_and_sorts(tmp_path, watch):
    run = synthetic_run(300, outlets=12)
    index = render_site(run, tmp_path / "big")
    page = watch.open(index)
    rows = page.locator("#articles tbody tr")
    assert rows.count() == 50
    assert "1–50 of 300" in page.locator(".pageinfo").inner_text()
    page.locator(".table-tools .next").click()
    assert "51–100 of 300" in page.locator(".pageinfo").inner_text()
    page.locator("#articles thead th", has_text="Score").locator("button").click()  # now descending
    assert "1–50 of 300" in page.locator(".pageinfo").inner_text()  # a new order starts on page 1
    best = max(r.score for r in run.results)
    assert float(rows.first.locator("td").nth(3).get_attribute("data-v")) == best
    page.locator(".table-tools .filter").fill("a0007")
    assert rows.count() == 1
    watch.clean()


@pytest.mark.screenshots
def test_screenshots_for_the_readme(site, browser, tmp_path):
    """Screenshots of the index and of article 004. `nox -s screenshots` sets AUDITOR_SCREENSHOTS_DIR to
    docs/screenshots/ to refresh the README's pictures; otherwise they go to a temporary folder."""
    run, root = site
    out = Path(os.environ["AUDITOR_SCREENSHOTS_DIR"]) if os.environ.get("AUDITOR_SCREENSHOTS_DIR") else tmp_path
    clean_root = root.parent / "clean-site"
    registry = load_rules()
    render_site(seed_run(registry=registry), clean_root, registry)
    paths = take(clean_root, out, browser=browser)
    assert [p.name for p in paths] == ["index.png", "article-004.png"]
    for p in paths:
        head = p.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(head[16:20], "big")
        height = int.from_bytes(head[20:24], "big")
        assert width >= 1200 and height >= 700
