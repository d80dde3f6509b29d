"""Page furniture families read by the whole boilerplate family: menus of the site's own labels, cookie notices,
promotions, comment notices, links to the original, media labels, masthead taglines; and body sentences that look
like them, which no boilerplate rule may flag. (The texts are invented: places, outlets and people.)"""

from __future__ import annotations

import pytest

from auditor.engine import audit_article
from auditor.models import Article
from auditor.rules import load_rules

REGISTRY = load_rules(select=["boilerplate"])

PARAGRAPH = ("The harbour board voted on Monday to rebuild the sea wall at Carrow at a cost of four million crowns, "
             "its chairman told reporters after the meeting.")


def _flagged_lines(text: str, **meta) -> set[str]:
    """The lines of ``text`` that boilerplate findings cover at least half of."""
    _doc, res = audit_article(Article(id="a", text=text, **meta), REGISTRY)
    spans = [(f.start, f.end) for f in res.findings if f.category == "boilerplate"]
    out, pos = set(), 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        covered = sum(max(0, min(e, b) - max(s, a)) for a, b in spans)
        if line.strip() and covered * 2 >= e - s:
            out.add(line)
    return out


FURNITURE = [
    "NEWS | SPORT | GOSSIP | CROSSWORDS | WEATHER",
    "Live radio · Podcasts · Tides · Ferries · Fares",
    "We use cookies to make your visit better. Accept all | Manage preferences",
    "Cookie settings | Terms of use | Contact the Mercury",
    "Get the Carrow Mercury app - the harbour news as it breaks",
    "Comments are subject to our house rules and may be removed.",
    "Read this article in Norvish",
    "Read the original reporting: Westvale Post | Harbour Radio | The Carrow Wire",
    "[Video, 1:58] Watch: the first stones go into the new wall",
    "WIN a weekend for two by the Carrow lakes - enter now",
    "Share: Facebook / Quokka / Email",
    "Join the debate: letters@carrowmercury.example",
    "Sign up for the Mercury's evening email",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_each_family_is_flagged_on_a_page(line):
    text = f"Carrow Mercury\nSea wall to be rebuilt\n{PARAGRAPH}\n{line}\nThe work starts in May.\n"
    assert line in _flagged_lines(text)


def test_a_menu_bar_that_ingest_took_for_the_headline_is_still_a_menu():
    bar = "NEWS | SPORT | GOSSIP | CROSSWORDS | WEATHER"
    text = f"CARROW MERCURY\n{bar}\nSea wall to be rebuilt\n{PARAGRAPH}\n"
    assert bar in _flagged_lines(text, title=bar)


@pytest.mark.parametrize("tagline", ["Your coast, your paper - since 1908",
                                     "Serving Carrow and the outer islands since 1908",
                                     "For skippers, deckhands and harbour professionals"])
def test_a_tagline_under_the_masthead(tagline):
    text = f"Carrow Mercury\n{tagline}\nSea wall to be rebuilt\n{PARAGRAPH}\n"
    assert tagline in _flagged_lines(text)


@pytest.mark.parametrize("line", [
    "The bakery on Mill Lane uses cookies from a recipe its founder wrote down in 1952.",
    "Cookies: the bakery sold 4,000 at the harvest fair, twice last year's number.",
    "Comments are closed until the inquiry reports in June.",
    "Read the original: it is far harsher than the translation.",
    "Get the council app and report potholes from your phone, the mayor told residents.",
    "Win or lose, the club must enter now for next season's cup, its chairman said.",
    "Ferry | tram | bus: all three ways into town will cost more from May, the council said.",
    "Reproduction of the painting is prohibited without the museum's consent, the court heard.",
    "Members-only content on the club's website was unlocked by hackers on Monday.",
])
def test_body_sentences_that_look_like_furniture_are_left_alone(line):
    text = f"Carrow Mercury\nSea wall to be rebuilt\n{PARAGRAPH}\n{line}\nThe work starts in May.\n"
    assert line not in _flagged_lines(text)


def test_a_table_head_and_a_list_of_names_are_no_menu():
    table = "Team | Played | Won | Points"
    names = "Ana Lind | Tor Ek | Ivo Berg | Mia Sol"
    text = (f"Carrow Mercury\nSea wall to be rebuilt\n{PARAGRAPH}\nThe league after twelve rounds:\n{table}\n"
            f"Carrow | 12 | 9 | 27\nWestvale | 12 | 7 | 22\nThe shortlist for the harbour prize:\n{names}\n")
    flagged = _flagged_lines(text)
    assert table not in flagged and names not in flagged
