"""Metadata an article states in its own text: outlet, headline, byline, dateline, publication time.

``detect_metadata(article)`` fills only the ``Article`` fields that are still None, and only from a line
of the text that matches a pattern of ``rules/data/metadata.yaml`` (documented at its top): a masthead
above a timestamp, a copyright line, a donation appeal naming the outlet, a "By ..." line, a timestamp
line. It never guesses beyond that. The evidence of each filled field is recorded in
``article.meta["detected"][field] = {"rule": name, "start": s, "end": e}``, a half-open span of the
value in ``article.text``.

For an HTML page (``article.removed`` is set) the text starts with the page's menus, so the head-of-text
rules (masthead, headline, byline, dateline) look only at the located article body; the tail rules
(copyright, donation appeal) look at the whole page, footer included.

``outlet_from_url(article)`` is the last resort for the outlet, applied once every other source has had
its say (the record's own fields, the page's ``og:site_name``, the masthead found here): an article with
a URL and still no outlet gets the URL's registered domain (``auditor.ingest.urls``), noted as
``article.meta["outlet_from"] = "url"``. An article without a URL keeps no outlet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Literal

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..models import Article
from .urls import registered_domain

DATA_FILE = "metadata.yaml"
Where = Literal["first", "head", "tail", "any"]
_DEF = regex.compile(r"(?<!\\[pPN])\{([A-Z][A-Z_]*)\}")  # not \p{L}, \N{...}
TIMEOUT = 0.5  # seconds a researcher's pattern may spend on one line


class PatternSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    pattern: str
    where: Where = "any"
    next: str | None = None
    previous: str | None = None
    prefix: bool = False
    max_words: int | None = None
    # a pattern one of the last `tail_lines` lines must match (searched, not full) while naming the value
    # again: the words of its own that not every outlet's name has, or its initials ("HIM Publishing" for
    # "Hydro Infrastructure Monitor")
    echoed: str | None = None
    # how many lines after the value's may match ``next`` (1: only the very next; 2: a tagline may stand
    # between a masthead and its navigation bar)
    next_within: int = 1


class HeadlineSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min_words: int = 3
    max_words: int = 30
    max_chars: int = 220
    bad_endings: str = ".,;:"


class MetadataSpec(BaseModel):
    """The schema of ``rules/data/metadata.yaml``."""

    model_config = ConfigDict(extra="forbid")
    head_lines: int = 12
    tail_lines: int = 12
    defs: dict[str, str] = Field(default_factory=dict)
    months: dict[str, int] = Field(default_factory=dict)
    skip_lines: list[str] = Field(default_factory=list)
    headline: HeadlineSpec = Field(default_factory=HeadlineSpec)
    outlet: list[PatternSpec] = Field(default_factory=list)
    outlet_reject: list[str] = Field(default_factory=list)
    outlet_strip: str | None = None
    byline: list[PatternSpec] = Field(default_factory=list)
    dateline: list[PatternSpec] = Field(default_factory=list)


class MetadataConfigError(ValueError):
    """The metadata data file is malformed; the message names the file and the problem."""


@dataclass
class Compiled:
    spec: PatternSpec
    pattern: regex.Pattern[str]
    next: regex.Pattern[str] | None
    previous: regex.Pattern[str] | None
    echoed: regex.Pattern[str] | None = None


@dataclass
class Patterns:
    spec: MetadataSpec
    timestamp: regex.Pattern[str]
    skip: list[regex.Pattern[str]]
    rules: dict[str, list[Compiled]]
    outlet_strip: regex.Pattern[str] | None = None


def expand(pattern: str, defs: dict[str, str], _depth: int = 0) -> str:
    """``pattern`` with every ``{NAME}`` replaced by ``defs[NAME]`` (recursively)."""
    if _depth > 10:
        raise MetadataConfigError(f"defs nest too deeply (a def uses itself?): {pattern[:60]}")

    def sub(m: regex.Match[str]) -> str:
        if m.group(1) not in defs:
            raise MetadataConfigError(f"unknown def {{{m.group(1)}}} in pattern {pattern[:60]!r}")
        return "(?:" + expand(defs[m.group(1)], defs, _depth + 1) + ")"

    return _DEF.sub(sub, pattern)


def _compile(pattern: str, defs: dict[str, str], where: str) -> regex.Pattern[str]:
    try:
        return regex.compile(expand(pattern, defs), regex.V0)
    except regex.error as e:
        raise MetadataConfigError(f"{where}: bad pattern: {e}") from None


def default_data_file() -> Path:
    from ..rules import builtin_rules_dir

    return builtin_rules_dir() / "data" / DATA_FILE


@lru_cache(maxsize=8)
def load_patterns(path: Path | None = None) -> Patterns:
    """Read and compile the metadata patterns (default: the built-in data file)."""
    path = path or default_data_file()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        spec = MetadataSpec.model_validate(raw)
    except (OSError, yaml.YAMLError) as e:
        raise MetadataConfigError(f"{path}: cannot read: {e}") from None
    except ValidationError as e:
        raise MetadataConfigError(f"{path}: {e}") from None
    rules: dict[str, list[Compiled]] = {}
    for field_name in ("outlet", "byline", "dateline"):
        rules[field_name] = []
        for rule in getattr(spec, field_name):
            where = f"{path}: {field_name} rule {rule.name!r}"
            rules[field_name].append(Compiled(
                rule, _compile(rule.pattern, spec.defs, where),
                _compile(rule.next, spec.defs, where) if rule.next else None,
                _compile(rule.previous, spec.defs, where) if rule.previous else None,
                _compile(rule.echoed, spec.defs, where) if rule.echoed else None))
    return Patterns(spec=spec, timestamp=_compile("{TIMESTAMP}", spec.defs, f"{path}: defs.TIMESTAMP"),
                    skip=[_compile(p, spec.defs, f"{path}: skip_lines") for p in spec.skip_lines],
                    rules=rules,
                    outlet_strip=_compile(spec.outlet_strip, spec.defs, f"{path}: outlet_strip")
                    if spec.outlet_strip else None)


# -- lines -------------------------------------------------------------------------------------------


@dataclass
class Line:
    start: int  # offsets of the stripped line in article.text
    end: int
    text: str


def _lines(text: str, start: int, end: int) -> list[Line]:
    out: list[Line] = []
    pos = start
    for raw in text[start:end].split("\n"):
        s, e = pos, pos + len(raw)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Line(s, e, text[s:e]))
    return out


def _full(pattern: regex.Pattern[str], text: str, prefix: bool = False) -> regex.Match[str] | None:
    try:
        return pattern.match(text, timeout=TIMEOUT) if prefix else pattern.fullmatch(text, timeout=TIMEOUT)
    except TimeoutError:
        return None


def _region(lines: list[Line], where: str, spec: MetadataSpec) -> range:
    if where == "first":
        return range(min(1, len(lines)))
    if where == "head":  # the page's header: up to its first body paragraph (which a dateline opens)
        n = min(spec.head_lines, len(lines))
        body = next((i for i in range(n) if _body_like(lines[i].text)), n - 1)
        return range(body + 1)
    if where == "tail":
        return range(max(0, len(lines) - spec.tail_lines), len(lines))
    return range(len(lines))


def _body_like(text: str) -> bool:
    """A body paragraph: 15 words or more, ending like a sentence (``auditor.text.lines.body_start``)."""
    from ..text.lines import ends_like_sentence

    return len(text.split()) >= 15 and ends_like_sentence(text)


def _find(rules: list[Compiled], head: list[Line], whole: list[Line], spec: MetadataSpec,
          reject: set[str] = frozenset()) -> tuple[str, Line, regex.Match[str]] | None:
    for rule in rules:
        lines = whole if rule.spec.where in ("tail", "any") else head
        order = _region(lines, rule.spec.where, spec)
        if rule.spec.where == "tail":
            order = reversed(order)  # the last notice on the page is the page's own
        for i in order:
            m = _full(rule.pattern, lines[i].text, rule.spec.prefix)
            if not m or not (m.group("value") or "").strip():
                continue
            value = m.group("value").strip()
            if value.lower() in reject:
                continue
            if rule.spec.max_words and len(value.split()) > rule.spec.max_words:
                continue
            if rule.next and not any(j < len(lines) and _full(rule.next, lines[j].text)
                                     for j in range(i + 1, i + 1 + max(1, rule.spec.next_within))):
                continue
            if rule.previous and not (i > 0 and _full(rule.previous, lines[i - 1].text)):
                continue
            if rule.echoed and not _echoed(value, rule.echoed, whole, i if lines is whole else -1, spec):
                continue
            return rule.spec.name, lines[i], m
    return None


# the words of an outlet's name that no other outlet's name may share: "Klaxon" of "The Daily Klaxon", not "Daily"
_GENERIC_NAME_WORDS = frozenset("the a an of and for daily weekly news times post herald journal gazette tribune "
                                "telegraph courier chronicle express mirror observer standard review today press "
                                "media group online digital live tv radio network channel".split())


def _echoed(value: str, echo: regex.Pattern[str], whole: list[Line], at: int, spec: MetadataSpec) -> bool:
    """Whether a line among the last ``tail_lines`` (not the value's own, at ``at``) matches ``echo`` and names
    ``value`` again: by all of its distinctive words, or by its initials (three letters or more)."""
    words = [w for w in regex.findall(r"[\p{L}\p{N}]+", value)]
    own = {w.casefold() for w in words if w.casefold() not in _GENERIC_NAME_WORDS and len(w) > 2}
    caps = [w for w in words if w[:1].isupper() and w.casefold() != "the"]
    initials = "".join(w[0] for w in caps) if len(caps) >= 3 else ""
    if not own and not initials:
        own = {" ".join(words).casefold()}
    for i in range(max(0, len(whole) - spec.tail_lines), len(whole)):
        if i == at or not echo.search(whole[i].text):
            continue
        found = {w.casefold() for w in regex.findall(r"[\p{L}\p{N}]+", whole[i].text)}
        # (session 34) a notice naming the publishing house by one of the masthead's own words ("The Velmburg
        # Argus" and "© Argus Verlag 2025")
        sign = _NOTICE_SIGN.search(whole[i].text) if len(own) >= 2 else None
        notice = sign is not None and sign.group(1).casefold() in own
        if own <= found or notice or (initials and initials in {w for w in regex.findall(r"[\p{L}\p{N}]+", whole[i].text)}) \
                or " ".join(words).casefold() in whole[i].text.casefold():
            return True
    return False


_NOTICE_SIGN = regex.compile(r"(?:©|\((?i:c)\)|(?i:copyright))\s*(?:\d{4}\s*)?([\p{L}\p{N}]+)")
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "at", "de", "la", "du"})


def _masthead_case(value: str) -> str:
    """A masthead set in capitals, in a name's case: words of four letters or more and "The" capitalised,
    small connectors lower case, short words left as set ("QBC SPORT" -> "QBC Sport", "THE DAILY KLAXON"
    -> "The Daily Klaxon")."""
    out = []
    for i, w in enumerate(value.split(" ")):
        low = w.casefold()
        if i and low in _SMALL_WORDS:
            out.append(low)
        elif len(w) > 3 or low == "the":
            out.append(w[:1] + w[1:].lower())
        else:
            out.append(w)
    return " ".join(out)


# -- timestamps --------------------------------------------------------------------------------------


def parse_timestamp(text: str, patterns: Patterns | None = None) -> str | None:
    """ISO 8601 form of a timestamp line (``"12:53 03.02.2026"`` -> ``"2026-02-03T12:53"``), else None."""
    patterns = patterns or load_patterns()
    m = _full(patterns.timestamp, text.strip())
    if not m:
        return None
    month_raw = (m.group("month") or "").lower().rstrip(".")
    month = int(month_raw) if month_raw.isdigit() else patterns.spec.months.get(month_raw)
    try:
        day = datetime(int(m.group("year")), month or 0, int(m.group("day")))
    except (TypeError, ValueError):
        return None
    if m.group("hour") is None:
        return day.date().isoformat()
    hour, minute = int(m.group("hour")), int(m.group("minute"))
    ampm = (m.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return day.replace(hour=hour, minute=minute).isoformat(timespec="minutes")


# -- detection ---------------------------------------------------------------------------------------


def _record(article: Article, field_name: str, value: str, rule: str, start: int, end: int) -> None:
    setattr(article, field_name, value)
    article.meta.setdefault("detected", {})[field_name] = {"rule": rule, "start": start, "end": end}


def _looks_like_headline(text: str, spec: HeadlineSpec) -> bool:
    words = text.split()
    return (spec.min_words <= len(words) <= spec.max_words and len(text) <= spec.max_chars
            and text[-1] not in spec.bad_endings and (text[0].isupper() or text[0].isdigit()
                                                        or not text[0].isalnum()))


_PATH_SEPARATORS = regex.compile(r"\s*[|·•›»>]\s*|\s+[–—/]\s+|[ \t]{3,}")


def _section_path(text: str) -> bool:
    """(session 35) A line of short labels joined by bars, angle quotes or wide gaps ("World › Europe › Diplomacy",
    "NEWS | POLITICS | WORLD", "Menu   Search   Subscribe"), or a section's name or a kicker alone ("Science",
    "WORLD IN BRIEF"): the site's furniture under its masthead, no headline."""
    pieces = [x.strip() for x in _PATH_SEPARATORS.split(text.strip())]
    if len(pieces) == 1:  # a section's name or a kicker alone ("Science", "WORLD IN BRIEF")
        words = text.split()
        return len(words) == 1 or (len(words) <= 4 and text.isupper())
    return all(x and len(x.split()) <= 4 and not x.endswith((".", "!", "?")) for x in pieces)


def detect_metadata(article: Article, patterns: Patterns | None = None) -> None:
    """Fill the empty metadata fields of ``article`` from its text (see the module docstring)."""
    p = patterns or load_patterns()
    text = article.text
    whole = _lines(text, article.header_end, len(text))
    if article.removed is not None:
        body_spans = article.meta.get("body_spans") or []
        head = [ln for s, e in body_spans for ln in _lines(text, max(s, article.header_end), e)]
    else:
        head = whole
    masthead: Line | None = None

    if article.outlet is None:
        found = _find(p.rules["outlet"], head, whole, p.spec, {r.lower() for r in p.spec.outlet_reject})
        if found:
            rule, line, m = found
            value = m.group("value").strip()
            if p.outlet_strip is not None:
                value = p.outlet_strip.sub("", value).strip() or value
            if rule.startswith("copyright") and head:
                # a masthead set in lower case ("newsloop") names the page; the notice names its publisher
                # ("© 2025 Newsloop Digital"): the masthead's words, as the notice spells them
                first = head[0].text.split()
                words = value.split()
                if 0 < len(first) < len(words) and [w.casefold() for w in words[:len(first)]] == first:
                    value = " ".join(words[:len(first)])
            start = line.start + m.start("value")
            _record(article, "outlet", value, rule, start, start + len(value))
            if rule in ("masthead-nav", "masthead-echoed") and value.isupper() and any(len(w) > 3 for w in value.split()):
                article.outlet = _masthead_case(value)  # "THE DAILY KLAXON" -> "The Daily Klaxon" (span as set)
            if rule in ("masthead", "masthead-nav", "masthead-echoed"):  # (session 35: echoed too, no headline)
                masthead = line
    elif head and head[0].text == article.outlet:
        masthead = head[0]

    stamp = _find(p.rules["dateline"], head, whole, p.spec)
    if stamp:
        rule, line, m = stamp
        value = m.group("value").strip()
        if article.dateline is None:
            _record(article, "dateline", value, rule, line.start + m.start("value"),
                    line.start + m.start("value") + len(value))
        iso = parse_timestamp(value, p)
        if article.published is None and iso:
            _record(article, "published", iso, rule, line.start + m.start("value"),
                    line.start + m.start("value") + len(value))

    if article.byline is None:
        found = _find(p.rules["byline"], head, whole, p.spec)
        if found:
            rule, line, m = found
            _record(article, "byline", m.group("value").strip(), rule,
                    line.start + m.start("value"), line.start + m.end("value"))

    if article.title is None and article.removed is None:
        for line in head[: p.spec.head_lines]:
            if line is masthead or _full(p.timestamp, line.text) or any(_full(s, line.text) for s in p.skip) or \
                    _section_path(line.text):
                continue
            if _looks_like_headline(line.text, p.spec.headline):
                _record(article, "title", line.text, "headline", line.start, line.end)
            break


def outlet_from_url(article: Article) -> None:
    """Where ``article`` has a URL and no outlet, its outlet is the URL's registered domain."""
    if not article.outlet and article.url:
        domain = registered_domain(article.url)
        if domain:
            article.outlet = domain
            article.meta["outlet_from"] = "url"
