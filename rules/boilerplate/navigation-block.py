"""navigation-block: a run of short menu-like lines (site sections, city tabs, share buttons)."""

import regex

from auditor.rules import Hit, rule
from auditor.text.lines import (
    QUOTE_CHARS,
    WIDE_GAP,
    bar_pieces,
    ends_like_sentence,
    nonblank_lines,
    phrase_matcher,
    word_count,
)

BULLET = regex.compile(r"^\s*[•·▪◦\-–*|>]+\s*")
MIN_RUN = 4  # consecutive menu-like lines
MAX_WORDS = 4
# one line of menu links joined by bars or dots: "Send a letter to the editor | More from Opinion",
# "Subscribe | Forward to a friend | Unsubscribe", "Unsubscribe · Manage your preferences · © Example Post"
# a piece naming a section of the site: "More from Opinion", "More on Example News"
MORE_FROM = regex.compile(r"(?i:more)\s+(?i:from|on|in)\s+(?:the\s+)?\p{Lu}[\w&'’.-]*(?:\s+\p{Lu}[\w&'’.-]*){0,3}")
COPYRIGHT = regex.compile(r"(?:©|\((?i:c)\)|(?i:copyright))[^|·•\n]{0,80}")
# a menu's label the vocabulary does not list: one to three words, the first capitalised ("SHOWBIZ", "Live TV", "Front
# page", "Ferries in Norvish"), no digit, no sentence or clause in it (not "then cancel", not "Westvale 2"); one word
# may shout ("Win!")
SHORT_LABEL = regex.compile(r"\p{Lu}[\p{L}&'’-]*(?:(?:\s+[\p{L}&'’-]+){1,2}|!?)")
MIN_UNLISTED = 4  # pieces of a bar none of whose labels is listed
MIN_MIXED = 3  # pieces of a bar with a listed label among unlisted ones


def _pieces(norm: str, s: int, e: int) -> list[str]:
    pieces = bar_pieces(norm[s:e])
    if len(pieces) == 1 and len(WIDE_GAP.findall(norm, s, e)) >= 3:
        # a menu whose links kept only the spaces between them: "HOME  NEWS  SHOWBIZ  SPORT" (three gaps or more)
        return WIDE_GAP.split(norm[s:e].strip())
    return pieces


def _nav_bar(norm: str, s: int, e: int, navigation: regex.Pattern) -> str | None:
    """Whether the line is two pieces or more, each a navigation label (data/boilerplate.yaml navigation), a
    "More from <section>" link or a copyright notice, one of them a navigation label; or a menu of labels the list
    does not hold: four pieces or more (three with a listed label among them), each a short capitalised label
    (SHORT_LABEL) or a listed one, at least half of them one word or listed. Says which ("listed", "menu") or None."""
    pieces = _pieces(norm, s, e)
    if len(pieces) < 2 or not all(pieces):
        return None
    nav = [bool(navigation.fullmatch(p)) for p in pieces]
    if any(nav) and all(n or MORE_FROM.fullmatch(p) or COPYRIGHT.fullmatch(p) for p, n in zip(pieces, nav, strict=True)):
        return "listed"
    if len(pieces) >= (MIN_MIXED if any(nav) else MIN_UNLISTED) and _menu_labels(pieces, nav):
        return "menu"
    return None


def _menu_labels(pieces: list[str], nav: list[bool]) -> bool:
    """Every piece a listed label or a short capitalised one (SHORT_LABEL), half of them one word or listed."""
    return (all(p and (n or SHORT_LABEL.fullmatch(p)) for p, n in zip(pieces, nav, strict=True))
            and 2 * sum(n or len(p.split()) == 1 for p, n in zip(pieces, nav, strict=True)) >= len(pieces))


def _second_row(norm: str, lines: list[tuple[int, int]], i: int, navigation: regex.Pattern) -> bool:
    """Whether the line is a second row of the menu right under a menu bar: two pieces or more, each a listed or a
    short capitalised label, half of them one word or listed ("Breaking | Today's paper | Win!")."""
    if i == 0 or not _nav_bar(norm, *lines[i - 1], navigation):
        return False
    pieces = _pieces(norm, *lines[i])
    return len(pieces) >= 2 and _menu_labels(pieces, [bool(navigation.fullmatch(p)) for p in pieces])


def _table_row(norm: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Whether the line heads (or is) a table: a line beside it splits into as many pieces, one with a digit
    ("Team | Played | Won | Points" over "Westvale | 12 | 9 | 27")."""
    n = len(_pieces(norm, *lines[i]))
    return any(0 <= j < len(lines) and len(p := _pieces(norm, *lines[j])) == n and regex.search(r"\d", " ".join(p))
               for j in (i - 1, i + 1))


def _menu_like(line: str) -> bool:
    text = BULLET.sub("", line).strip()
    if not text or any(q in text for q in QUOTE_CHARS) or ends_like_sentence(text) or text.endswith(":"):
        return False
    return word_count(text) <= MAX_WORDS and not regex.search(r"\d{1,2}:\d{2}|\b\d{4}\b", text)


@rule(
    id="navigation-block",
    name="Navigation block",
    family="boilerplate",
    status="stable",
    severity="low",
    score="share",
    docs={
        "what": "One line of navigation links joined by bars or dots (\"Send a letter to the editor | More from "
                "Opinion\", \"Subscribe | Forward to a friend | Unsubscribe\"), or a site's menu of its own labels "
                "(\"NEWS | SPORT | GOSSIP | CROSSWORDS\", \"Live radio | Podcasts | Tides | Fares\", \"Home | Harbour "
                "| Ferries\") and a second row of it right under it (\"Latest | Today's paper | Win!\"); or "
                f"a run of at least {MIN_RUN} consecutive short lines (at most {MAX_WORDS} words each, no "
                "sentence punctuation, no quotation, no time or year): a site's section menu, city tabs, "
                "share and sign-up buttons, as a page's text carries them when it was copied or scraped.",
        "why": "A menu is the website, not the report; a page that is mostly menus tells the reader little, "
               "and the boilerplate ratio should say so.",
        "limitations": "A single line is flagged when every piece of it is a listed navigation label, a "
                       "\"More from <section>\" link or a copyright notice; or when it has four pieces or more (three "
                       "with a listed label among them), each a listed label or one to three words starting with a "
                       "capital, without a digit or punctuation, at least half of them a single word or a listed label. So a list of "
                       "names (\"Ana Lind | Tor Ek | ...\") or a score (\"Westvale 2 | Harbour 1\") is not a menu, nor "
                       "is a table's head (a line beside it with as many pieces and a digit); but a short menu of "
                       "three unlisted labels is missed, and a line of four place names joined by bars is taken for "
                       "a menu of city tabs. Under a menu bar, a row of two short labels or more is read as its second row. "
                       "A list of short items inside an article (a box score, a list of names) of four lines "
                       "or more is flagged too; a menu of long entries, or of fewer than four lines, is not. "
                       "A headline, dateline or byline line is kept out by the time/year test only when it "
                       "carries one.",
    },
    examples={
        "flagged": [
            "⟦HOME  NEWS  SHOWBIZ  SPORT  MONEY  TV⟧\nThe council approved the new budget on Monday after a long "
            "debate about road repairs.",
            "⟦Home\n• World\n• Business\n• Sport\nSign up⟧\nThe council approved the new budget on Monday after "
            "a long debate about road repairs.",
            "The mayor opened the bridge on Friday, officials said.\n⟦Share\nEmail\nPrint\nComments⟧",
            "The mayor opened the bridge on Friday, officials said.\n⟦Write to the editor | More from Letters⟧\n"
            "⟦Unsubscribe · Manage preferences · © Westvale Post 2025⟧\n⟦↻ Refresh | Key events⟧",
            "WESTVALE POST\n⟦NEWS | SPORT | GOSSIP | CROSSWORDS | WEATHER | Win!⟧\n⟦Latest | Today's paper | Prizes!⟧\n"
            "Ferry fares rise again\nThe ferry company "
            "raised its fares for the third time this year on Monday, the harbour board said.",
            "Harbour Radio\n⟦Live radio · Podcasts · Tides · Ferries · Fares⟧\n⟦Home | Harbour | Ferry times⟧\n"
            "The ferry company raised its fares for the third time this year on Monday, the harbour board said.",
        ],
        "clean": [
            "The bridge reopened.  Traffic resumed.  Crowds cheered.  The mayor spoke.",
            "Mayor opens bridge\nBy Ana Lind\nMarch 3, 2025\nThe mayor opened the bridge on Friday, officials "
            "said.",
            "The winners were:\nAnna Berg\nTom Ruiz\nThe prizes go to the two best essays of the year.",
            "The mayor opened the bridge on Friday, officials said.\nSubscribe | then cancel before the trial ends",
            "The mayor opened the bridge on Friday.\nHome | Away\nWestvale 2 | Harbour 1",
            "The shortlist for the harbour prize:\nAna Lind | Tor Ek | Ivo Berg | Mia Sol\nCarrow Lind | Westvale Berg",
            "The league after twelve rounds:\nTeam | Played | Won | Points\nWestvale | 12 | 9 | 27\nHarbour | 12 | 7 | 22",
            "Ferry | tram | bus: all three ways into town will cost more from May, the council said.",
            "The mayor opened the bridge on Friday.\nTides | Ferries | Fares\nThe toll is gone for good, she said.",
        ],
    },
)
def check(doc):
    navigation = phrase_matcher("boilerplate.navigation")
    run: list[tuple[int, int]] = []
    lines = nonblank_lines(doc)
    for i, (s, e) in enumerate(lines):
        bar = _nav_bar(doc.norm, s, e, navigation) or _second_row(doc.norm, lines, i, navigation) and "menu"
        if bar and not any(q in doc.text[s:e] for q in QUOTE_CHARS) and (bar == "listed" or not _table_row(doc.norm, lines, i)):
            yield Hit(s, e, "a bar of navigation links", data={"reason": "navigation bar"})
    for s, e in [*lines, (len(doc.text), len(doc.text))]:
        if s < len(doc.text) and _menu_like(doc.text[s:e]):
            run.append((s, e))
            continue
        if len(run) >= MIN_RUN:
            yield Hit(run[0][0], run[-1][1], f"{len(run)} menu-like lines", data={"lines": len(run)})
        run = []
