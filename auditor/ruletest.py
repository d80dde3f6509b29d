"""Rule examples and fixtures run as tests (ESLint's RuleTester, semgrep's annotated targets).

Marks in an example or fixture text:

* ``⟦ ... ⟧``  the rule must flag exactly this span (half-open, the marks removed);
* ``⦃ ... ⦄``  a known miss: the rule should flag this but does not yet. It is reported, not failed; when
  the rule starts to find it, the tester says so, so the mark can become ``⟦ ⟧``.

A clean example must raise nothing. Fixtures are longer texts beside a rule: ``fixtures/<rule-id>/*.txt``
under the rule's folder (one article each) or ``fixtures/<rule-id>/<case>/`` folders of several ``.txt``
articles for corpus rules.

Each example runs through the same article stage as ``audit score`` (the boilerplate family first, so
``doc.boilerplate`` is set) and, for corpus rules, the corpus stage over all the example's articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .corpus import Corpus
from .models import Article
from .rules import Registry, Rule
from .text.document import Doc

OPEN, CLOSE, TODO_OPEN, TODO_CLOSE = "⟦", "⟧", "⦃", "⦄"


def parse_marked(marked: str) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """Remove the marks; return the clean text, the expected spans and the known-miss spans."""
    out: list[str] = []
    expected: list[tuple[int, int]] = []
    todo: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    pos = 0
    for ch in marked:
        if ch in (OPEN, TODO_OPEN):
            stack.append((ch, pos))
        elif ch in (CLOSE, TODO_CLOSE):
            if not stack:
                raise ValueError(f"unbalanced {ch} at offset {pos}")
            kind, start = stack.pop()
            if (kind == OPEN) != (ch == CLOSE):
                raise ValueError(f"{kind} closed by {ch} at offset {pos}")
            (expected if ch == CLOSE else todo).append((start, pos))
        else:
            out.append(ch)
            pos += 1
    if stack:
        raise ValueError(f"unclosed {stack[-1][0]} at offset {stack[-1][1]}")
    return "".join(out), sorted(expected), sorted(todo)


@dataclass
class CaseResult:
    rule: str
    name: str  # e.g. "flagged[0]", "fixtures/x.txt"
    ok: bool
    text: dict[str, str] = field(default_factory=dict)
    expected: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    found: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    known_misses: int = 0
    misses_now_found: list[str] = field(default_factory=list)
    error: str | None = None

    def diff(self) -> str:
        """Expected against found spans, each with its text, for a failing case."""
        if self.error:
            return f"  error: {self.error}"
        lines = []
        for aid in sorted(set(self.expected) | set(self.found)):
            exp, got, text = set(self.expected.get(aid, [])), set(self.found.get(aid, [])), self.text.get(aid, "")
            prefix = f"[{aid}] " if len(self.text) > 1 else ""
            for s, e in sorted(exp - got):
                lines.append(f"  - expected {prefix}{s}..{e} {text[s:e]!r} (not found)")
            for s, e in sorted(got - exp):
                lines.append(f"  + found    {prefix}{s}..{e} {text[s:e]!r} (not expected)")
        return "\n".join(lines)


def _run(rule: Rule, registry: Registry, texts: dict[str, str]) -> dict[str, list[tuple[int, int]]]:
    from .engine import _run_rule
    from .models import ArticleResult

    docs = []
    for aid, text in texts.items():
        doc = Doc(Article(id=aid, text=text))
        scratch = ArticleResult(article=doc.article)
        for r in registry.rules:
            if r.family == "boilerplate" and r.meta.scope == "article" and r is not rule:
                _run_rule(r, doc, scratch)
        docs.append(doc)
    corpus = Corpus(docs)
    found: dict[str, list[tuple[int, int]]] = {}
    for doc in docs:
        findings = rule.run(doc, corpus)
        found[doc.article.id] = sorted({(f.start, f.end) for f in findings})
    return found


def run_case(rule: Rule, registry: Registry, name: str, example: str | dict[str, str], clean: bool) -> CaseResult:
    marked = example if isinstance(example, dict) else {"example": example}
    texts, expected, todo = {}, {}, {}
    try:
        for aid, m in marked.items():
            texts[aid], expected[aid], todo[aid] = parse_marked(m)
    except ValueError as e:
        return CaseResult(rule.id, name, False, error=f"bad marks: {e}")
    try:
        found = _run(rule, registry, texts)
    except Exception as e:
        return CaseResult(rule.id, name, False, text=texts, error=f"{type(e).__name__}: {e}")
    if clean:
        expected = {aid: [] for aid in texts}
    else:
        for aid in texts:  # known misses do not fail; one that is now found is reported
            found[aid] = [s for s in found[aid] if s not in todo[aid]]
    ok = all(set(found.get(aid, [])) == set(expected.get(aid, [])) for aid in texts)
    if not clean and not any(expected.values()) and not any(todo.values()):
        return CaseResult(rule.id, name, False, text=texts, error="flagged example has no ⟦ ⟧ mark")
    res = CaseResult(rule.id, name, ok, text=texts, expected=expected, found=found,
                     known_misses=sum(len(v) for v in todo.values()))
    return res


def fixture_cases(rule: Rule) -> list[tuple[str, dict[str, str]]]:
    """``fixtures/<rule-id>/`` beside the rule file: ``*.txt`` (one article) or folders of ``*.txt``."""
    origin = Path(rule.origin)
    base = origin.parent / "fixtures" / rule.id
    if not base.is_dir():
        return []
    cases = []
    for p in sorted(base.iterdir()):
        if p.suffix == ".txt":
            cases.append((f"fixtures/{rule.id}/{p.name}", {p.stem: p.read_text(encoding="utf-8")}))
        elif p.is_dir():
            arts = {q.stem: q.read_text(encoding="utf-8") for q in sorted(p.glob("*.txt"))}
            if arts:
                cases.append((f"fixtures/{rule.id}/{p.name}/", arts))
    return cases


def run_rule_tests(rule: Rule, registry: Registry) -> list[CaseResult]:
    results = []
    for i, ex in enumerate(rule.meta.examples.flagged):
        results.append(run_case(rule, registry, f"flagged[{i}]", ex, clean=False))
    for i, ex in enumerate(rule.meta.examples.clean):
        results.append(run_case(rule, registry, f"clean[{i}]", ex, clean=True))
    for name, arts in fixture_cases(rule):
        results.append(run_case(rule, registry, name, arts, clean=False))
    return results


def missing_docs(rule: Rule) -> list[str]:
    """What a rule lacks to be documented (the pydantic schema already requires the essentials)."""
    missing = []
    if not rule.meta.name:
        missing.append("name")
    if not rule.meta.docs.what.strip():
        missing.append("docs.what")
    if not rule.meta.docs.why.strip():
        missing.append("docs.why")
    return missing
