"""``audit rules new``: a documented starter rule whose examples already pass."""

from __future__ import annotations

import re
from pathlib import Path

from .models import CATEGORIES

YAML_TEMPLATE = """\
# {rule_id}: a rule of your own. Edit the phrases, the docs and the examples, then run
#   audit rules test {directory}
# Marks in examples: ⟦ ⟧ the exact span the rule must flag; ⦃ ⦄ a known miss (reported, not failed).
id: {rule_id}
name: {name}
family: {family}
status: preview          # preview until its examples and fixtures convince you; then stable
severity: medium         # info | low | medium | high
weight: 1.0              # its weight inside the family's sub-score
score: density           # share | density (hits per 1,000 words) | presence
half: 5                  # density: the score halves every `half` hits per 1,000 words
docs:
  what: Sentences in the author's voice that lean on {words}.
  why: >-
    Say why a researcher should care: what it tells about the article's sourcing.
  limitations: Say what it misses or wrongly flags.
  references: []
examples:
  flagged:
    - "The deal is close, ⟦{example}⟧ said on Monday."
  clean:
    - "The deal is close, the minister said on Monday."
match:
  phrases:
    - {example}
  # wordlists: [mylist]    # data/mylist.txt in this folder, one phrase a line
  # regex: ['\\\\bunnamed (?:officials?|sources?)\\\\b']
where: author             # line | sentence | author (sentences outside quotations) | quote | document
message: "leans on {{match}}"
"""

PY_TEMPLATE = '''\
"""{rule_id}: a rule of your own, in Python. Run `audit rules test {directory}` after each change."""

from auditor.rules import Hit, rule

PHRASE = "{example}"


@rule(
    id="{rule_id}",
    name="{name}",
    family="{family}",
    status="preview",
    severity="medium",
    weight=1.0,
    score="density",
    docs={{
        "what": "Sentences that lean on {words}.",
        "why": "Say why a researcher should care.",
        "limitations": "Say what it misses.",
    }},
    examples={{
        "flagged": ["The deal is close, ⟦{example}⟧ said on Monday."],
        "clean": ["The deal is close, the minister said on Monday."],
    }},
)
def check(doc):
    """Yield a Hit(start, end, message) for each span to flag. doc.text is the article as read;
    doc.norm the same text with quotes, dashes and spaces normalised (same offsets); doc.sentences,
    doc.quotes, doc.attributions, doc.in_quote(span), doc.in_boilerplate(span) are there to use."""
    low = doc.norm.lower()
    start = low.find(PHRASE.lower())
    while start >= 0:
        end = start + len(PHRASE)
        if not doc.in_quote((start, end)):
            yield Hit(start, end, f"leans on {{doc.text[start:end]!r}}")
        start = low.find(PHRASE.lower(), end)
'''


def new_rule(rule_id: str, directory: Path, *, python: bool = False, family: str = "attribution") -> Path:
    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", rule_id):
        raise ValueError(f"rule id {rule_id!r}: use lower-case words joined by hyphens, e.g. anonymous-officials")
    if family not in CATEGORIES:
        raise ValueError(f"family must be one of {', '.join(CATEGORIES)}")
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / (f"{rule_id}.py" if python else f"{rule_id}.yaml")
    if path.exists():
        raise FileExistsError(f"{path} exists already")
    words = rule_id.replace("-", " ")
    example = words
    name = words.capitalize()
    tpl = PY_TEMPLATE if python else YAML_TEMPLATE
    path.write_text(tpl.format(rule_id=rule_id, name=name, family=family, words=words, example=example,
                               directory=directory), encoding="utf-8")
    return path
