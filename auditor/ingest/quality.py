"""How well the HTML path separates the article from the page: measures and the Zyte benchmark runner.

Measures (used by ``tests/test_html_zyte.py`` and ``benchmarks/html_extraction.py``):

* **Shingle F1.** Each text is tokenised into words with ``re.findall(r"\\w+", text.lower())`` (Unicode
  word characters; punctuation and white space are ignored), and the *set* of its word 4-grams is taken
  (a text of 1-3 words has its whole word tuple as its one shingle; an empty text has none). With ``P`` the
  predicted set and ``T`` the true set: precision = |P∩T|/|P|, recall = |P∩T|/|T|, F1 their harmonic
  mean; two empty sets score 1, one empty set 0. Scores are computed per page, then averaged over pages
  (macro average), as in Zyte's article-extraction benchmark.
* **Boilerplate ratio error.** With ``V`` the non-space characters of the visible text,
  true ratio = 1 - (non-space chars of the true body) / V, predicted = 1 - (non-space chars inside the
  body spans) / V (both clipped to [0, 1]); the error of a page is their absolute difference, and the mean
  absolute error (MAE) is averaged over pages.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

from ..scoring import nonspace  # non-space characters, the unit of every share
from .html import Page, extract_page

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = _TOKEN.findall(text.lower())
    if not words:
        return set()
    if len(words) < n:
        return {tuple(words)}
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def prf(predicted: str, truth: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``predicted``'s word 4-gram set against ``truth``'s."""
    p, t = shingles(predicted), shingles(truth)
    if not p and not t:
        return 1.0, 1.0, 1.0
    if not p or not t:
        return 0.0, 0.0, 0.0
    common = len(p & t)
    precision, recall = common / len(p), common / len(t)
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


def boilerplate_ratio(body_chars: int, visible_chars: int) -> float:
    if visible_chars <= 0:
        return 0.0
    return min(1.0, max(0.0, 1.0 - body_chars / visible_chars))


def body_text(page: Page) -> str:
    return "\n\n".join(page.text[s:e] for s, e in page.body_spans)


@dataclass
class PageScore:
    id: str
    precision: float
    recall: float
    f1: float
    ratio_error: float
    extractor: str


@dataclass
class BenchResult:
    pages: list[PageScore]
    seconds: float

    def mean(self, attr: str) -> float:
        return sum(getattr(p, attr) for p in self.pages) / len(self.pages) if self.pages else 0.0

    @property
    def pages_per_second(self) -> float:
        return len(self.pages) / self.seconds if self.seconds else 0.0


def zyte_ids(bench: Path) -> list[str]:
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    return sorted(k for k in truth if (bench / "html" / f"{k}.html.gz").is_file())


def score_page(bench: Path, page_id: str, truth_body: str) -> PageScore:
    raw = gzip.decompress((bench / "html" / f"{page_id}.html.gz").read_bytes())
    page = extract_page(raw.decode("utf-8", "replace"))
    if page is None:
        return PageScore(page_id, 0.0, 0.0, 0.0, 1.0, "unparsed")
    precision, recall, f1 = prf(body_text(page), truth_body)
    visible = nonspace(page.text)
    true_ratio = boilerplate_ratio(nonspace(truth_body), visible)
    pred_ratio = boilerplate_ratio(sum(nonspace(page.text[s:e]) for s, e in page.body_spans), visible)
    return PageScore(page_id, precision, recall, f1, abs(true_ratio - pred_ratio), page.extractor)


def run_zyte(bench: Path, ids: list[str] | None = None) -> BenchResult:
    """Score the HTML path on the Zyte pages ``ids`` (default: all) of the benchmark folder ``bench``."""
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    ids = zyte_ids(bench) if ids is None else ids
    t0 = time.perf_counter()
    pages = [score_page(bench, k, truth[k]["articleBody"]) for k in ids]
    return BenchResult(pages, time.perf_counter() - t0)
