"""The text layer every rule shares: lines, paragraphs, sentences, words, quotations and attributions.

A ``Doc`` wraps one ``Article`` and computes each layer once, on first use. Every span is a half-open
``(start, end)`` offset pair into ``article.text``; the normalised view ``doc.norm`` has the same length as
the text (see ``auditor.text.normalize``), so a match found in it is a span of the original.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from syntok import segmenter

from ..models import Article, Attribution, Quote
from .normalize import normalize

Span = tuple[int, int]

WORD_RE = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*", re.UNICODE)
# A line syntok cannot split: syntok ends a sentence only at a terminal (its ``State.terminals``) or
# before an opening bracket, so a line with neither, once one closing terminal and the closing quotation
# marks and brackets after it are set aside, is one sentence. It must open with a word or a quotation
# mark or dash (syntok starts its sentence at the first token) and hold no invisible format character
# (a line of nothing but a zero-width space is no sentence to syntok).
_TERMINALS = ".!?;\u203c\u203d\u2047\u2048\u2049\u3002\ufe52\ufe57\uff01\uff0e\uff1f\uff61"
_OPENERS = "([{\uff5f\uff5b\uff3b\uff08\ufe5d\ufe5b\ufe59\ufd3e\u301a\u3018\u2985\u2983\u2329"
_ONE_SENTENCE = re.compile(rf"[\w\"'\u201c\u2018\u00ab\u2014\u2013-][^{_TERMINALS}{_OPENERS}"
                           r"\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]*")
_LINE_TAIL = re.compile(rf"(?:\.\.\.|[{_TERMINALS}])?[\"'\u00b4\u2019\u201d)\]}}]*\s*\Z")


def strip_span(text: str, start: int, end: int) -> Span:
    """Shrink ``[start, end)`` so it neither starts nor ends with white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def syntok_sentences(line: str) -> list[Span]:
    """syntok's sentences of one line, as spans into it without surrounding white space."""
    out = []
    for para in segmenter.analyze(line):
        for sent in para:
            if sent:
                s, e = strip_span(line, sent[0].offset, sent[-1].offset + len(sent[-1].value))
                if e > s:
                    out.append((s, e))
    return out


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def merge_spans(spans) -> list[Span]:
    """The union of ``spans`` as sorted, disjoint spans (touching spans are joined)."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def quote_mark_spans(doc) -> list[Span]:
    """Spans between an opening and a closing double quotation mark on each line of ``doc.norm``.

    A mark preceded by the line start, a space, a bracket or a dash opens a quotation, any other closes
    one (a typographic mark says which it is: an opening one glued to a word still opens); an unclosed opening runs to the line's end, and a closing mark with no opening before it on its
    line (a quotation continued from the previous paragraph) starts at the line's start.
    """
    out: list[Span] = []
    norm = doc.norm
    for ls, le in doc.lines:
        if '"' not in norm[ls:le]:
            continue
        opened: int | None = None
        first = True
        for m in re.finditer('"', norm[ls:le]):
            p = ls + m.start()
            prev = norm[p - 1] if p > ls else " "
            nxt = norm[p + 1] if p + 1 < le else " "
            opening = (prev.isspace() or prev in "([-:\u2014") and not nxt.isspace()
            if doc.text[p] in "\u201c\u201e" and not nxt.isspace() and not (prev.isalnum() and not nxt.isalnum()):
                opening = True  # a typographic opening mark opens, even glued to a word ('of\u201cpeace'), but
                # not when it ends a word before punctuation ('free\u201c,': a closing mark typed the wrong way)
            elif doc.text[p] == "\u201d":
                opening = False
            elif doc.text[p] == "\u00ab" and opened is None and not prev.isalnum():
                opening = True  # French guillemets set off by spaces ('rendered as \u00ab Un cessez-le-feu ... \u00bb');
                # (one that follows an open quotation closes it: the German '\u00bbWir kommen.\u00ab')
            if opened is None and opening:
                opened = p + 1
            elif opened is not None and not opening:
                out.append((opened, p))
                opened = None
            elif opened is None and first:
                out.append((ls, p))
            elif opened is not None and opening:  # a new quotation opens: close the previous
                out.append((opened, p))
                opened = p + 1
            first = False
        if opened is not None:
            out.append((opened, le))
    return out


class Doc:
    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        # Spans that the boilerplate rules marked as not the article; the engine fills this in before
        # the other families run, so that, e.g., a caption is never read as the author's voice.
        self.boilerplate: list[Span] = list(article.removed or [])

    # Layers a Doc computes again from its text, the same, when asked after ``release`` dropped them.
    RECOMPUTABLE = ("lines", "_line_starts", "paragraphs", "words", "sentences", "quotation_spans",
                    "_quotation_starts", "norm")

    def release(self, *names: str) -> None:
        """Drop the named cached layers (all of ``RECOMPUTABLE`` when none is named) to free memory; a
        later use computes them again. The corpus stage holds every document at once and calls this for
        what it no longer reads. ``quotes`` and ``attributions`` are never dropped: the corpus stage
        writes clusters and fidelity into them."""
        for name in names or self.RECOMPUTABLE:
            if name not in self.RECOMPUTABLE:
                raise ValueError(f"{name!r} is not a layer a Doc can compute again")
            self.__dict__.pop(name, None)

    # -- basic layers -------------------------------------------------------------------------------
    @cached_property
    def norm(self) -> str:
        return normalize(self.text)

    @cached_property
    def lines(self) -> list[Span]:
        """Every line, without its line break (empty lines included), as ``str.split("\\n")`` gives them."""
        out, pos = [], 0
        for line in self.text.split("\n"):
            end = pos + len(line)
            if end <= self.article.header_end:
                pass  # front matter: metadata, not text
            elif line.endswith("\r"):
                out.append((pos, end - 1))
            else:
                out.append((pos, end))
            pos = end + 1
        return out

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Runs of non-blank lines separated by blank lines; in a text with no blank line, each line."""
        blank = [not self.text[s:e].strip() for s, e in self.lines]
        nonblank = [s for s, b in zip(self.lines, blank, strict=True) if not b]
        if not nonblank:
            return []
        first = blank.index(False)
        last = len(blank) - 1 - blank[::-1].index(False)
        has_blank = any(blank[first:last])  # only blank lines *between* text lines separate paragraphs
        if not has_blank:
            return [strip_span(self.text, *s) for s in nonblank]
        paras: list[Span] = []
        cur: Span | None = None
        for s in self.lines:
            if self.text[s[0]:s[1]].strip():
                cur = (cur[0], s[1]) if cur else s
            elif cur:
                paras.append(strip_span(self.text, *cur))
                cur = None
        if cur:
            paras.append(strip_span(self.text, *cur))
        return paras

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences from syntok, never crossing a line break (news text puts one unit on a line)."""
        out: list[Span] = []
        for ls, le in self.lines:
            line = self.text[ls:le]
            if not line.strip():
                continue
            s, e = strip_span(line, 0, len(line))
            if _ONE_SENTENCE.fullmatch(line, s, _LINE_TAIL.search(line, s).start()):
                # no terminal before the closing one, no bracket: syntok finds one sentence, from the
                # line's first character to its last (tests/test_sentence_fast_path.py holds it to syntok)
                out.append((ls + s, ls + e))
                continue
            try:
                out += [(ls + s, ls + e) for s, e in syntok_sentences(line)]
            except Exception:  # syntok is robust, but a tokenizer must never end a run
                out.append((ls, le))
        return self._fill_gaps(out)

    def _fill_gaps(self, sents: list[Span]) -> list[Span]:
        # syntok drops some characters (e.g. a closing quote after the final stop): extend each
        # sentence to the next one's start on its line, so sentences tile every line.
        fixed: list[Span] = []
        for i, (s, e) in enumerate(sents):
            line_end = self.line_span_at(s)[1]
            nxt = sents[i + 1][0] if i + 1 < len(sents) and sents[i + 1][0] < line_end else line_end
            fixed.append(strip_span(self.text, s, max(e, nxt)))
        return fixed

    @cached_property
    def _line_starts(self) -> list[int]:
        return [s for s, _ in self.lines]

    def line_span_at(self, pos: int) -> Span:
        i = bisect.bisect_right(self._line_starts, pos) - 1
        return self.lines[max(i, 0)]

    def line_no(self, pos: int) -> int:
        """1-based line number of offset ``pos`` (for display only)."""
        return self.text.count("\n", 0, pos) + 1

    def sentence_at(self, pos: int) -> Span | None:
        for s in self.sentences:
            if s[0] <= pos < s[1]:
                return s
        return None

    def paragraph_at(self, pos: int) -> Span | None:
        for s in self.paragraphs:
            if s[0] <= pos < s[1]:
                return s
        return None

    @cached_property
    def words(self) -> list[Span]:
        return [m.span() for m in WORD_RE.finditer(self.text)]

    def words_in(self, span: Span) -> list[Span]:
        starts = [w[0] for w in self.words]
        i = bisect.bisect_left(starts, span[0])
        out = []
        while i < len(self.words) and self.words[i][1] <= span[1]:
            out.append(self.words[i])
            i += 1
        return out

    # -- derived layers (each in its own module) --------------------------------------------------
    @cached_property
    def quotes(self) -> list[Quote]:
        from .quotes import extract_quotes

        return extract_quotes(self)

    @cached_property
    def attributions(self) -> list[Attribution]:
        from .attribution import extract_attributions

        return extract_attributions(self)

    @cached_property
    def quotation_spans(self) -> list[Span]:
        """Where the text speaks in someone else's words: the one quotation guard every layer uses.

        The union (sorted, disjoint) of the quotations of ``doc.quotes`` and of every span between a pair
        of double quotation marks on a line of ``doc.norm`` (``quote_mark_spans``): the marks catch what the
        extractor leaves out on purpose (a scare-quoted term) or cannot read, and the extractor catches
        quotations carried over several paragraphs. A failing quote extractor never stops the guard.
        """
        spans = quote_mark_spans(self)
        try:
            spans += [(q.start, q.end) for q in self.quotes]
        except Exception:  # noqa: BLE001 - the guard falls back on the quote marks alone
            pass
        return merge_spans(spans)

    @cached_property
    def _quotation_starts(self) -> list[int]:
        return [s for s, _ in self.quotation_spans]

    def inside_quotation(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies (at least half of it) inside a quotation (``quotation_spans``):
        there the words are a speaker's, not the author's."""
        need = max(1, (end - start) // 2)
        spans = self.quotation_spans
        i = bisect.bisect_right(self._quotation_starts, end) - 1
        got = 0
        while i >= 0 and spans[i][1] > start:
            got += overlap((start, end), spans[i])
            i -= 1
        return got >= need

    def in_quote(self, span: Span) -> bool:
        """True when ``span`` lies (mostly) inside a quotation's content."""
        return any(overlap(span, (q.start, q.end)) >= max(1, (span[1] - span[0]) // 2) for q in self.quotes)

    def in_boilerplate(self, span: Span) -> bool:
        """True when one boilerplate span covers at least half of ``span``."""
        if not self.boilerplate:
            return False
        need = max(1, (span[1] - span[0]) // 2)
        # the cheap test first: the union of the spans (rebuilt when the list changes) must cover that much
        key = (id(self.boilerplate), len(self.boilerplate), self.boilerplate[0], self.boilerplate[-1])
        if self.__dict__.get("_bp_key") != key:
            merged = merge_spans(self.boilerplate)
            self.__dict__["_bp_key"], self.__dict__["_bp_merged"] = key, merged
            self.__dict__["_bp_starts"] = [a for a, _ in merged]
        merged, starts = self.__dict__["_bp_merged"], self.__dict__["_bp_starts"]
        j, covered = max(bisect.bisect_right(starts, span[0]) - 1, 0), 0
        while j < len(merged) and merged[j][0] < span[1]:
            covered += overlap(span, merged[j])
            j += 1
        if covered < need:
            return False
        return any(overlap(span, b) >= need for b in self.boilerplate)
