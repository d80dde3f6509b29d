"""The rule contract and the one registry that loads every rule, built-in or a researcher's own.

A rule lives in one file with its metadata, documentation, detection and examples together, in one of
two forms (both load through ``load_rules`` below, like datasette's plugins):

* **YAML** (``*.yaml`` / ``*.yml``) for researchers who do not write Python: phrase lists, word-list files
  and regular expressions matched in a chosen part of the text (``where``), see ``YamlSpec``.
* **Python** (``*.py``): a function decorated with ``@rule(...)`` carrying the same metadata.

``check(doc)`` (article rules) or ``check(doc, corpus)`` (corpus rules, which see the other articles)
yields ``Hit``s; the engine turns them into ``Finding``s. Rules only detect: ``auditor.scoring`` turns
findings into scores, using the rule's ``score`` mode.
"""

from __future__ import annotations

import ctypes
import functools
import importlib.util
import math
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .models import CATEGORIES, Finding
from .text.document import strip_span

Scope = Literal["article", "corpus"]
Where = Literal["line", "sentence", "author", "quote", "document"]
ScoreMode = Literal["share", "density", "presence", "custom"]
REGEX_TIMEOUT = 0.5  # seconds a researcher's regular expression may take on one text
# seconds a researcher's rule may take on one article (--rule-timeout, [tool.auditor] rule-timeout); the
# built-in rules have none: they are the project's own tested code, and the first rule to ask for a
# shared layer (the corpus's quote clusters) pays for computing it, which may take longer at scale
RULE_TIMEOUT = 10.0
DOC_SECTIONS = ("what", "why", "flagged", "clean", "limitations", "references")


@dataclass
class Hit:
    """What a rule's check yields: a half-open span, a message, and optional data and severity."""

    start: int
    end: int
    message: str
    severity: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


class RuleError(Exception):
    """A rule file that cannot be loaded; ``str()`` names the file, the line and what is wrong."""


class RuleTimeout(BaseException):
    """A rule ran past its time budget on one article (see ``time_budget``).

    A ``BaseException``, so that a rule's own ``except Exception`` cannot swallow it and loop on."""

    def __init__(self, seconds: float | None = None):
        super().__init__(timeout_message(seconds))
        self.seconds = seconds


def timeout_message(seconds: float | None) -> str:
    budget = f" of {seconds:g} s" if seconds else ""
    return (f"took longer than its time budget{budget} and was stopped (raise the budget with "
            f"--rule-timeout or [tool.auditor] rule-timeout)")


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise ``RuleTimeout`` inside the block once it has run ``seconds`` (None or 0: no budget).

    In a process's main thread (``audit`` in-process and in each ``--jobs`` worker process) a real-time
    interval timer (``setitimer``) delivers SIGALRM, whose handler raises; it fires again every
    ``seconds`` until the block ends, in case the rule catches the first one. Elsewhere (a thread: a
    notebook's worker thread, a Dask worker) a watchdog thread raises the exception in the rule's thread
    (``PyThreadState_SetAsyncExc``). Either way the exception arrives between two Python bytecodes: a
    rule stuck inside one long call into C code is stopped only when that call returns.
    """
    if not seconds or seconds <= 0:
        yield
        return
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        def _alarm(signum, frame):
            raise RuleTimeout(seconds)

        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    yield from _watchdog(seconds)


def _watchdog(seconds: float) -> Iterator[None]:
    tid = threading.get_ident()
    lock = threading.Lock()
    state = {"armed": True, "fired": False}
    set_async = ctypes.pythonapi.PyThreadState_SetAsyncExc
    set_async.argtypes = (ctypes.c_ulong, ctypes.py_object)

    def fire() -> None:
        with lock:
            if state["armed"]:
                state["fired"] = True
                set_async(tid, ctypes.py_object(RuleTimeout))  # a class: CPython instantiates it

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["armed"] = False
            timer.cancel()
            if state["fired"]:  # raised or still pending: never let it surface after the block
                set_async(tid, ctypes.py_object())


class Docs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    what: str = Field(min_length=1, description="What it flags")
    why: str = Field(min_length=1, description="Why it matters")
    limitations: str = ""
    references: list[str] = []


class Examples(BaseModel):
    """Flagged examples mark the exact evidence with ⟦ ⟧; clean examples must raise nothing.

    A corpus rule's example is a mapping of article id to text (marks in any of them)."""

    model_config = ConfigDict(extra="forbid")
    flagged: list[str | dict[str, str]] = Field(min_length=1)
    clean: list[str | dict[str, str]] = Field(min_length=1)


class Meta(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
    name: str = ""
    family: str
    status: Literal["stable", "preview"] = "stable"
    severity: Literal["info", "low", "medium", "high"] = "medium"
    weight: float = Field(default=1.0, ge=0)
    scope: Scope = "article"
    score: ScoreMode = "presence"
    # score parameters: "density" halves the score every `half` hits per 1,000 words; "presence"
    # takes `penalty` off for the first hit and half as much again for each further one (capped at 1).
    half: float = Field(default=5.0, gt=0)
    penalty: float = Field(default=0.5, ge=0, le=1)
    docs: Docs
    examples: Examples

    @field_validator("family")
    @classmethod
    def _family(cls, v: str) -> str:
        if v not in CATEGORIES:
            raise ValueError(f"family must be one of {', '.join(CATEGORIES)}")
        return v


class Match(BaseModel):
    model_config = ConfigDict(extra="forbid")
    phrases: list[str] = []
    wordlists: list[str] = []  # names of files in a data/ folder (one phrase a line) or data YAML keys
    regex: list[str] = []
    case_sensitive: bool = False


class YamlSpec(Meta):
    """A declarative rule: ``Meta`` plus what to match, where, and the message."""

    match: Match
    where: Where = "sentence"
    message: str = "{match}"
    # extend the evidence to the whole unit it was found in (line/sentence) instead of the match itself
    span: Literal["match", "unit"] = "match"
    # the match must cover the whole unit (e.g. a line that is exactly "AD"), not just part of it
    whole: bool = False


@dataclass
class Rule:
    meta: Meta
    check: Callable[..., Iterable[Hit]]
    origin: str  # the file it came from
    custom_score: Callable[..., float] | None = None
    builtin: bool = False  # shipped with auditor (no time budget: see ``time_budget``)

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def family(self) -> str:
        return self.meta.family

    def run(self, doc, corpus=None) -> list[Finding]:
        hits = self.check(doc, corpus) if self.meta.scope == "corpus" else self.check(doc)
        out = []
        for h in hits or ():
            if isinstance(h, tuple):
                h = Hit(*h)
            if not (0 <= h.start <= h.end <= len(doc.text)):
                raise ValueError(f"rule {self.id} gave span {h.start}..{h.end} outside the text")
            out.append(Finding(rule=self.id, category=self.family, message=h.message, start=h.start,
                               end=h.end, severity=h.severity or self.meta.severity, data=h.data))
        return out

    def score(self, doc, findings: list[Finding]) -> float:
        """0..1 for this rule on one article, 1 = nothing wrong. Formula per mode in auditor.scoring."""
        from .scoring import rule_score

        if self.meta.score == "custom" and self.custom_score is not None:
            return clamp01(float(self.custom_score(doc, findings)))
        return rule_score(self.meta, doc, findings)


# -- Python rules ---------------------------------------------------------------------------------

_PENDING: list[Rule] = []


def rule(**meta: Any) -> Callable[[Callable], Callable]:
    """Decorate ``check(doc)`` (or ``check(doc, corpus)`` with ``scope="corpus"``) as a rule.

    Keyword arguments are the rule's metadata (see ``Meta``). For ``score="custom"``, attach a scorer
    with ``@check.scorer``.
    """

    def deco(fn: Callable) -> Callable:
        try:
            m = Meta(**meta)
        except ValidationError as e:
            raise RuleError(_pydantic_message(e)) from None
        r = Rule(meta=m, check=fn, origin=getattr(fn, "__module__", "?"))
        _PENDING.append(r)

        def scorer(sfn: Callable) -> Callable:
            r.custom_score = sfn
            return sfn

        fn.scorer = scorer  # type: ignore[attr-defined]
        fn.rule = r  # type: ignore[attr-defined]
        return fn

    return deco


def _load_python(path: Path) -> list[Rule]:
    name = "auditor_rules_" + "_".join(path.with_suffix("").parts[-3:]).replace("-", "_").replace(".", "_")
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise RuleError(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    _PENDING.clear()
    try:
        sys.modules[name] = module
        spec.loader.exec_module(module)
    except RuleError as e:
        raise RuleError(f"{path}: {e}") from None
    except Exception as e:  # a researcher's file must not end the run
        line = _tb_line(e, path)
        raise RuleError(f"{path}{line}: {type(e).__name__}: {e}") from None
    rules = list(_PENDING)
    _PENDING.clear()
    for r in rules:
        r.origin = str(path)
    return rules


def _tb_line(e: BaseException, path: Path) -> str:
    tb = e.__traceback__
    line = ""
    while tb is not None:
        if Path(tb.tb_frame.f_code.co_filename) == path:
            line = f":{tb.tb_lineno}"
        tb = tb.tb_next
    return line


# -- YAML rules -----------------------------------------------------------------------------------


def _pydantic_message(e: ValidationError, lines: dict[str, int] | None = None) -> str:
    parts = []
    for err in e.errors():
        loc = ".".join(str(x) for x in err["loc"])
        at = f" (line {lines[str(err['loc'][0])]})" if lines and err["loc"] and str(err["loc"][0]) in lines else ""
        parts.append(f"{loc or 'rule'}{at}: {err['msg']}")
    return "; ".join(parts)


def _key_lines(text: str) -> dict[str, int]:
    """Line number of each top-level key of a YAML mapping, for error messages."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}


def _load_yaml(path: Path, data_dirs: list[Path]) -> list[Rule]:
    text = path.read_text(encoding="utf-8")
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise RuleError(f"{path}{where}: not valid YAML: {getattr(e, 'problem', e)}") from None
    if not isinstance(raw, dict):
        raise RuleError(f"{path}:1: a rule file is a mapping of keys (id, family, docs, match, ...)")
    try:
        spec = YamlSpec(**raw)
    except ValidationError as e:
        raise RuleError(f"{path}: {_pydantic_message(e, _key_lines(text))}") from None
    except TypeError as e:
        raise RuleError(f"{path}: {e}") from None
    pattern = _compile(spec, path, data_dirs, _key_lines(text).get("match", 1))
    check = _yaml_check(spec, pattern)
    return [Rule(meta=Meta(**spec.model_dump(include=set(Meta.model_fields))), check=check, origin=str(path))]


def _compile(spec: YamlSpec, path: Path, data_dirs: list[Path], line: int):
    from .vocab import load_phrases

    phrases = list(spec.match.phrases)
    for name in spec.match.wordlists:
        try:
            phrases += load_phrases(name, extra_dirs=data_dirs)
        except KeyError as e:
            raise RuleError(f"{path}:{line}: match.wordlists: {e.args[0]}") from None
    alts = [_phrase_pattern(p) for p in phrases if p.strip()]
    for i, rx in enumerate(spec.match.regex):
        try:
            regex.compile(rx)
        except regex.error as e:
            raise RuleError(f"{path}:{line}: match.regex[{i}] is not a valid regular expression: {e}") from None
        alts.append(f"(?:{rx})")
    if not alts:
        raise RuleError(f"{path}:{line}: match needs at least one phrase, word list or regex")
    flags = regex.V0 if spec.match.case_sensitive else regex.IGNORECASE
    return regex.compile("|".join(alts), flags)


def _phrase_pattern(phrase: str) -> str:
    from .text.normalize import normalize

    words = normalize(phrase).split()
    body = r"\s+".join(regex.escape(w) for w in words)
    return rf"(?<!\w){body}(?!\w)"


def _units(doc, where: str) -> list[tuple[int, int]]:
    if where == "document":
        return [(0, len(doc.text))]
    if where == "line":
        return [s for s in doc.lines if doc.text[s[0]:s[1]].strip()]
    if where == "quote":
        return [(q.start, q.end) for q in doc.quotes]
    sents = [s for s in doc.sentences if not doc.in_boilerplate(s)] if where == "author" else doc.sentences
    return sents


def _yaml_check(spec: YamlSpec, pattern) -> Callable:
    def check(doc):
        author = spec.where == "author"
        for us, ue in _units(doc, spec.where):
            if spec.whole:
                us, ue = strip_span(doc.text, us, ue)
            try:
                if spec.whole:
                    m = pattern.fullmatch(doc.norm, us, ue, timeout=REGEX_TIMEOUT)
                    matches = [m] if m else []
                else:
                    matches = list(pattern.finditer(doc.norm, us, ue, timeout=REGEX_TIMEOUT))
            except TimeoutError:
                raise RuntimeError(
                    f"a regular expression of {spec.id} took over {REGEX_TIMEOUT}s (catastrophic "
                    "backtracking?) and was stopped") from None
            for m in matches:
                s, e = m.span()
                if e <= s:
                    continue
                if author and doc.inside_quotation(s, e):
                    continue  # author voice: not inside a quotation
                if spec.span == "unit":
                    s, e = us, ue
                yield Hit(s, e, spec.message.format(match=doc.text[m.start():m.end()]))
                if spec.span == "unit":
                    break

    return check


# -- the registry ---------------------------------------------------------------------------------


def builtin_rules_dir() -> Path:
    """The built-in rules: inside the installed package, or ``rules/`` beside it in a checkout."""
    here = Path(__file__).resolve().parent
    for cand in (here / "_builtin_rules", here.parent / "rules"):
        if cand.is_dir():
            return cand
    raise RuleError("the built-in rules are missing from this installation (auditor/_builtin_rules)")


def rule_files(directory: Path) -> list[Path]:
    files = []
    for p in sorted(directory.rglob("*")):
        if any(part.startswith((".", "_")) for part in p.relative_to(directory).parts):
            continue
        if "data" in p.relative_to(directory).parts[:-1] or p.name.startswith("test_"):
            continue
        if p.suffix in (".yaml", ".yml", ".py") and p.is_file() and p.name != "conftest.py":
            files.append(p)
    return files


@dataclass
class Registry:
    rules: list[Rule]
    errors: list[str]
    # the arguments of load_rules that made it (a worker process rebuilds the same registry from them)
    spec: dict[str, Any] = field(default_factory=dict)
    # a hash of every rule and word-list file and of the selection: what the stage cache is keyed by
    fingerprint: str = ""
    # seconds one rule may take on one article (None or 0: no budget); not in the fingerprint, since a
    # rule that finishes gives the same result under any budget
    rule_timeout: float | None = RULE_TIMEOUT

    def get(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    def by_scope(self, scope: str) -> list[Rule]:
        return [r for r in self.rules if r.meta.scope == scope]


def load_rules(extra_dirs: Iterable[Path | str] = (), *, builtin: bool = True, select: Iterable[str] = (),
               ignore: Iterable[str] = (), weights: dict[str, float] | None = None,
               preview: bool = True) -> Registry:
    """Load the built-in rules and each directory of ``extra_dirs``; a broken file is an error line.

    ``select``/``ignore`` take rule ids or family names; ``weights`` overrides rule weights by id.
    """
    from .vocab import use_data_dirs

    dirs = ([builtin_rules_dir()] if builtin else []) + [Path(d) for d in extra_dirs]
    data_dirs = [d / "data" for d in dirs]
    use_data_dirs(d / "data" for d in dirs[1 if builtin else 0:])
    rules: list[Rule] = []
    errors: list[str] = []
    seen: dict[str, str] = {}
    for d in dirs:
        if not d.is_dir():
            errors.append(f"{d}: no such rules directory")
            continue
        for f in rule_files(d):
            try:
                loaded = _load_yaml(f, data_dirs) if f.suffix in (".yaml", ".yml") else _load_python(f)
            except RuleError as e:
                errors.append(str(e))
                continue
            except Exception as e:  # never let one file end the load
                errors.append(f"{f}: {type(e).__name__}: {e}")
                continue
            for r in loaded:
                r.builtin = builtin and d == dirs[0]
                if r.id in seen:
                    errors.append(f"{f}: rule id {r.id!r} is already defined in {seen[r.id]}; skipped")
                    continue
                seen[r.id] = str(f)
                rules.append(r)
    select, ignore = set(select), set(ignore)
    if select:
        rules = [r for r in rules if r.id in select or r.family in select]
    rules = [r for r in rules if r.id not in ignore and r.family not in ignore]
    if not preview:
        rules = [r for r in rules if r.meta.status == "stable"]
    for rid, w in (weights or {}).items():
        for r in rules:
            if r.id == rid:
                r.meta.weight = float(w)
    # boilerplate first: the other families read doc.boilerplate
    rules.sort(key=lambda r: (r.family != "boilerplate", r.meta.scope == "corpus", r.id))
    spec = {"extra_dirs": [str(Path(d).resolve()) for d in extra_dirs], "builtin": builtin,
            "select": sorted(select), "ignore": sorted(ignore), "weights": dict(weights or {}), "preview": preview}
    return Registry(rules, errors, spec, _fingerprint(dirs, spec, rules))


@functools.cache
def _code_fingerprint() -> bytes:
    """A digest of the auditor package's own code: the text layers the rules read are code too, so a
    stage cache written by another version of them is not reused."""
    import hashlib

    pkg = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(pkg.rglob("*.py")):
        if "__pycache__" not in p.parts:
            h.update(str(p.relative_to(pkg)).encode())
            h.update(p.read_bytes())
    return h.digest()


def _fingerprint(dirs: list[Path], spec: dict, rules: list[Rule]) -> str:
    import hashlib
    import json

    h = hashlib.sha256(json.dumps(spec, sort_keys=True).encode())
    h.update(_code_fingerprint())
    for d in dirs:
        if d.is_dir():
            for p in sorted(d.rglob("*")):
                if p.is_file() and p.suffix in (".py", ".yaml", ".yml", ".txt") and "__pycache__" not in p.parts:
                    h.update(str(p.relative_to(d)).encode())
                    h.update(p.read_bytes())
    h.update(",".join(f"{r.id}:{r.meta.weight}" for r in rules).encode())
    return h.hexdigest()[:16]


def clamp01(x: float) -> float:
    return 0.0 if math.isnan(x) else max(0.0, min(1.0, x))
