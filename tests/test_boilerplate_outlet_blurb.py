"""credit-line: the outlet describing what it does with others' reporting, at the page's end (needs the outlet,
which the rules' own examples do not set)."""

from __future__ import annotations

from auditor.engine import audit_article
from auditor.models import Article
from auditor.rules import load_rules

REGISTRY = load_rules(select=["credit-line"])

BODY = ("Westvale Digest\nFerry fares rise again\nThe ferry company raised its fares for the third time this year "
        "on Monday, the harbour board said in a statement.\nPassengers' groups called the rise unfair.\n")


def _flagged(text: str, outlet: str) -> list[str]:
    _doc, res = audit_article(Article(id="a", text=text, outlet=outlet), REGISTRY)
    return [text[f.start:f.end] for f in res.findings]


def test_an_aggregators_own_description_at_the_end_is_its_blurb():
    line = "Westvale Digest curates and summarises the valley's news from local papers and radio."
    assert line in _flagged(BODY + line + "\n© Westvale Digest 2025\n", "Westvale Digest")


def test_a_sentence_about_another_outlet_or_one_above_the_end_is_not():
    other = "The Harbour Wire collects tide readings from twelve buoys, the board said."
    assert other not in _flagged(BODY + other + "\n", "Westvale Digest")
    early = "Westvale Digest collects readers' photos of the ferries every summer for its calendar, and prints them."
    text = ("Westvale Digest\nFerry fares rise again\n" + early + "\n" + "\n".join(
        f"Paragraph {n} of the story says the fares went up again on Monday after the board met." for n in range(6)))
    assert early not in _flagged(text, "Westvale Digest")
