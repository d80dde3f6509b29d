"""Screenshots of a rendered report (the README's pictures), taken with headless Chromium.

    python -m auditor.report.screenshots [OUT_DIR]     # default: docs/screenshots/

renders the seed run (``auditor.report.sample.seed_run``) and writes ``index.png`` and ``article-004.png``
(the Brussels Times article with its inference finding marked). Needs the ``playwright`` package and
Debian's ``chromium``; it never downloads a browser and the pages load nothing from the network.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DEFAULT_OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def launch(playwright):
    """Debian's Chromium, headless, with everything that could phone home switched off."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def offline(page) -> list[str]:
    """Abort every request that is not ``file://`` (or an inline ``data:``); return the list of attempts."""
    attempts: list[str] = []

    def handle(route):
        url = route.request.url
        if url.startswith(("file://", "data:")):
            route.continue_()
        else:
            attempts.append(url)
            route.abort()

    page.route("**/*", handle)
    return attempts


def take(site: Path, out_dir: Path, article: str = "004", width: int = 1360, browser=None) -> list[Path]:
    """Screenshots of ``site``'s index and of one article page into ``out_dir``; returns the PNG paths.

    ``browser``: a Playwright browser already launched (else Chromium is started and closed here)."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            b = launch(p)
            try:
                return take(site, out_dir, article, width, b)
            finally:
                b.close()
    out_dir.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900}, device_scale_factor=1)
    attempts = offline(page)
    written = []
    try:
        page.goto((site / "index.html").resolve().as_uri())
        page.wait_for_load_state("load")
        dst = out_dir / "index.png"
        page.screenshot(path=str(dst), full_page=True)
        written.append(dst)

        page_file = next(iter(sorted((site / "articles").glob(f"{article}*.html"))), site / "articles" / f"{article}.html")
        page.goto(page_file.resolve().as_uri())
        page.wait_for_load_state("load")
        # the page from its top down to the end of the article's text
        box = page.locator("#article-text").bounding_box()
        height = int(box["y"] + box["height"] + 24) if box else 1400
        dst = out_dir / f"article-{article}.png"
        page.screenshot(path=str(dst), full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height})
        written.append(dst)
    finally:
        page.close()
    if attempts:
        raise RuntimeError(f"the report tried to reach the network: {attempts}")
    return written


def main(argv: list[str] | None = None) -> int:
    from ..rules import load_rules
    from . import render_site
    from .sample import seed_run

    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else DEFAULT_OUT
    registry = load_rules()
    with tempfile.TemporaryDirectory() as tmp:
        index = render_site(seed_run(registry=registry), Path(tmp) / "site", registry)
        for p in take(index.parent, out):
            print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
