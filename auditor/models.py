"""Plain data models shared by every layer (no database here: see ``auditor.store.models``).

Every span is a half-open ``(start, end)`` pair of Python ``str`` indices into ``Article.text``, the text
exactly as it was read (for a ``.txt`` file, ``Path.read_text(encoding="utf-8")``).
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field, fields
from typing import Any, Literal

Severity = Literal["info", "low", "medium", "high"]
SEVERITY_RANK = {"info": 0, "low": 1, "medium": 2, "high": 3}
CATEGORIES = ("attribution", "boilerplate", "quote-fidelity", "inference")


_ATOMS = (str, int, float, bool, type(None))


def plain(value: Any) -> Any:
    """A copy of ``value`` as ``dataclasses.asdict`` makes a field's value, for the plain values the models
    hold (lists, tuples and dicts of strings and numbers): a new container at every level, the atoms
    themselves. ``asdict`` does the same through a generic recursion that costs several times more, and
    every finding, quotation and attribution of every article is converted at least once."""
    t = type(value)
    if t in _ATOMS:
        return value
    if t is list:
        return [plain(x) for x in value]
    if t is dict:
        return {plain(k): plain(v) for k, v in value.items()}
    if t is tuple:
        return tuple(plain(x) for x in value)
    return copy.deepcopy(value)


def as_dict(item: Any) -> dict[str, Any]:
    """``dataclasses.asdict`` for a model whose fields hold no dataclass (every model here but
    ``ArticleResult`` and ``RunResult``): equal results, faster."""
    cls = type(item)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return {name: plain(getattr(item, name)) for name in names}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass
class Article:
    """One article as ingested. ``text`` is never altered after reading: every offset points into it."""

    id: str
    text: str
    source: str = ""  # file path (and line for JSON Lines) it came from
    format: str = "txt"  # txt | html | jsonl
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 as given
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    # Spans of ``text`` that the ingest step already knows are not the article (e.g. what an HTML
    # extractor cut from the page). None when the format gives no such knowledge.
    removed: list[tuple[int, int]] | None = None
    # Offset where the article starts: text before it is a YAML front matter block (metadata, neither
    # article nor boilerplate), which the text layer leaves out.
    header_end: int = 0
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def hash(self) -> str:
        return content_hash(self.text)

    def __reduce__(self):
        # Pickled (to the article stage's workers, a Dask cluster) with the text as UTF-8 bytes: pickling
        # a str makes CPython keep a UTF-8 copy inside every non-ASCII string for the string's life, which
        # for the texts sent to the workers was about 3 kB an article held to the end of the run.
        state = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "text"}
        return (_article_from_utf8, (self.text.encode("utf-8", "surrogatepass"), state))


def _article_from_utf8(text: bytes, state: dict[str, Any]) -> Article:
    return Article(text=text.decode("utf-8", "surrogatepass"), **state)


@dataclass
class IngestError:
    """A file or record that could not be read, with the reason in words a user can act on."""

    source: str
    reason: str
    # "error": nothing was read from it; "warning": it was read, but the user should know (e.g. decoded
    # from a legacy encoding, so offsets refer to the decoded text)
    level: str = "error"

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(slots=True)
class Finding:
    rule: str
    category: str
    message: str
    start: int
    end: int
    severity: Severity = "medium"
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


@dataclass(slots=True)
class Quote:
    """A quotation: who said it (speaker), the cue that attributes it, and its content span."""

    text: str
    start: int  # content span, without the quotation marks
    end: int
    speaker: str | None = None
    cue: str | None = None  # e.g. "said", "according to"
    cue_start: int | None = None
    cue_end: int | None = None
    kind: str = "direct"  # direct | partial | scare | transcript (a published transcript's paragraph)
    cluster: str | None = None
    fidelity: float | None = None
    differences: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


@dataclass(slots=True)
class Attribution:
    """Who a statement is attributed to, through whom, and how (direct, relayed, vague, credit)."""

    source: str | None
    kind: str  # direct | relayed | vague | credit
    start: int  # the attribution clause
    end: int
    cue: str = ""
    chain: list[str] = field(default_factory=list)  # speaker -> intermediaries (outlet is implied)
    hops: int = 0
    source_type: str | None = None  # person | agency | broadcaster | social | institution | media | unknown

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


@dataclass(slots=True)
class RuleResult:
    rule: str
    category: str
    score: float  # 0..1, 1 = no problem
    weight: float = 1.0
    mode: str = "presence"  # the rule's score mode (see auditor.scoring)


@dataclass
class ArticleResult:
    article: Article
    findings: list[Finding] = field(default_factory=list)
    rules: dict[str, RuleResult] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    readability: dict[str, float] = field(default_factory=dict)
    subscores: dict[str, float] = field(default_factory=dict)  # family -> 0..100
    score: float = 100.0
    errors: list[str] = field(default_factory=list)  # rules that raised on this article
    # What a reader weighs (auditor.features) and the points each feature adds or takes in the score
    # model (auditor.calibration); empty when the score model was not applied.
    features: dict[str, float] = field(default_factory=dict)
    contributions: dict[str, float] = field(default_factory=dict)

    def top_finding(self) -> Finding | None:
        """The most serious finding: highest severity, then the family that says most about sourcing
        (boilerplate last), then the earliest in the text."""
        if not self.findings:
            return None
        order = {"inference": 3, "quote-fidelity": 2, "attribution": 1, "boilerplate": 0}
        return max(self.findings, key=lambda f: (SEVERITY_RANK.get(f.severity, 0), order.get(f.category, 1), -f.start))


@dataclass
class QuoteCluster:
    """Every rendering of one utterance across articles, with the consensus wording."""

    id: str
    consensus: str
    speaker: str | None = None
    # members: {"article": id, "quote": index into that article's quotes, "text", "start", "end",
    #           "fidelity", "differences"}
    members: list[dict[str, Any]] = field(default_factory=list)
    method: str = ""

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


@dataclass
class RunResult:
    """Everything one ``audit score`` run produced; what the store saves and the JSON export writes."""

    run_id: str
    results: list[ArticleResult] = field(default_factory=list)
    outlets: dict[str, dict[str, Any]] = field(default_factory=dict)
    quote_clusters: list[QuoteCluster] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    graph: dict[str, Any] = field(default_factory=lambda: {"nodes": [], "edges": []})
    ingest_errors: list[IngestError] = field(default_factory=list)
    rule_errors: list[str] = field(default_factory=list)
    rules: list[dict[str, Any]] = field(default_factory=list)  # id, family, status, weight, origin
    started: str = ""
    finished: str = ""
    inputs: list[str] = field(default_factory=list)
