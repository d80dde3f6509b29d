"""Page furniture read this session (the invented events' pages, and the Zyte pages' own controls): the page's
masthead on its first line, a post's buttons, a share bar, a comment counter, the way back, a live page's refresh, a
cookie banner shared with partners, a newsletter's closing lines, the outlet's app, broadcast and newsletters; and
lines of a story that look like them. (The texts are invented.)"""

from __future__ import annotations

import pytest

from auditor.engine import audit_article
from auditor.ingest.metadata import detect_metadata
from auditor.models import Article
from auditor.rules import load_rules

REGISTRY = load_rules(select=["boilerplate"])

BODY = ("Ferry fares rise again\nBy Ana Lind\n\nThe ferry company raised its fares on Monday for the third time this "
        "year, the harbour board said after its meeting.\n\nThe new fares take effect in May, a spokesman said.\n")


def _flagged_lines(text: str) -> set[str]:
    article = Article(id="a", text=text)
    detect_metadata(article)
    _doc, res = audit_article(article, REGISTRY)
    spans = [(f.start, f.end) for f in res.findings if f.category == "boilerplate"]
    out, pos = set(), 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        if line.strip() and sum(max(0, min(e, b) - max(s, a)) for a, b in spans) * 2 >= e - s:
            out.add(line)
    return out


@pytest.mark.parametrize("masthead", [
    "HARBOUR POST",
    "Harbour Post | Local | Transport",
    "THE HARBOUR POST  ·  Local  ·  Ferries",
])
def test_the_masthead_on_the_first_line_is_furniture(masthead):
    text = f"{masthead}\n{BODY}\n© 2025 Harbour Post. All rights reserved.\n"
    assert masthead in _flagged_lines(text)


def test_a_headline_on_the_first_line_is_not():
    assert "Ferry fares rise again" not in _flagged_lines(BODY + "\n© 2025 Harbour Post. All rights reserved.\n")


FURNITURE = [
    "Like · Comment · Restack",
    "Start writing · Get the app",
    "◀ Back to feed",
    "Back to top",
    "Share this article  f  X  in  ✉  Copy link",
    "Comments (38) — Join the conversation",
    "● LIVE  Refresh for latest updates",
    "We and our 120 partners use cookies. Accept all | Reject all | Settings",
    "Cookies help us deliver our services. OK",
    "Thanks for reading Harbour Notes! Subscribe for free to receive new posts.",
    "You're reading the free edition. Upgrade to paid for the monthly deep-dive.",
    "Get Harbour Post on your phone — download the app",
    "Watch Harbour News live on Channel One and the Harbour app",
    "Follow Harbour News on all platforms",
    "Sign up for Harbour Opinion, every Thursday",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines(line):
    assert line in _flagged_lines(f"{BODY}\n{line}\n")


STORY = [
    "Share this article with your councillor, the campaign told its members on Monday.",
    "Comments (all of them critical) poured in after the fares went up.",
    "Watch Harbour United live on Channel One tonight, when they play for the title.",
    "Follow Ana Lind on all platforms, her manager said.",
    "Sign up for Harbour Rowing every Thursday at the club, the coach said.",
    "Back to the harbour went the boats after the storm, the skipper said.",
]


@pytest.mark.parametrize("line", STORY)
def test_story_lines_like_furniture(line):
    assert line not in _flagged_lines(f"{BODY}\n{line}\n\nThe board meets again in June, its chairman said.\n")


@pytest.mark.parametrize("under", ["World › Europe › Diplomacy", "NEWS | POLITICS | WORLD", "Menu   Search   Subscribe",
                                   "Science", "WORLD IN BRIEF", "Sport > Football"])
def test_the_headline_is_read_past_the_masthead_and_the_section_path(under):
    article = Article(id="a", text=f"HARBOUR POST\n{under}\n{BODY}\n© 2025 Harbour Post. All rights reserved.\n")
    detect_metadata(article)
    assert (article.outlet, article.title) == ("Harbour Post", "Ferry fares rise again")
