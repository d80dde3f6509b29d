"""navigation-block: a run of short menu-like lines (site sections, city tabs, share buttons)."""

import regex

from auditor.rules import Hit, rule
from auditor.text.lines import (
    LEADING_ICON,
    QUOTE_CHARS,
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
BAR_PIECES = regex.compile(r"\s*[|·•]\s*")
# a piece naming a section of the site: "More from Opinion", "More on Example News"
MORE_FROM = regex.compile(r"(?i:more)\s+(?i:from|on|in)\s+(?:the\s+)?\p{Lu}[\w&'’.-]*(?:\s+\p{Lu}[\w&'’.-]*){0,3}")
COPYRIGHT = regex.compile(r"(?:©|\((?i:c)\)|(?i:copyright))[^|·•\n]{0,80}")


def _nav_bar(norm: str, s: int, e: int, navigation: regex.Pattern) -> bool:
    """Whether the line is two pieces or more, each a navigation label (data/boilerplate.yaml navigation), a
    "More from <section>" link or a copyright notice, one of them a navigation label."""
    pieces = [LEADING_ICON.sub("", p.strip()).strip() for p in BAR_PIECES.split(norm[s:e])]  # "↻ Refresh · Key events"
    if len(pieces) < 2 or not all(pieces):
        return False
    nav = [bool(navigation.fullmatch(p)) for p in pieces]
    return any(nav) and all(n or MORE_FROM.fullmatch(p) or COPYRIGHT.fullmatch(p) for p, n in zip(pieces, nav, strict=True))


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
                "Opinion\", \"Subscribe | Forward to a friend | Unsubscribe\"); or "
                f"a run of at least {MIN_RUN} consecutive short lines (at most {MAX_WORDS} words each, no "
                "sentence punctuation, no quotation, no time or year): a site's section menu, city tabs, "
                "share and sign-up buttons, as a page's text carries them when it was copied or scraped.",
        "why": "A menu is the website, not the report; a page that is mostly menus tells the reader little, "
               "and the boilerplate ratio should say so.",
        "limitations": "A single line is flagged only when every piece of it is a listed navigation label, a "
                       "\"More from <section>\" link or a copyright notice. "
                       "A list of short items inside an article (a box score, a list of names) of four lines "
                       "or more is flagged too; a menu of long entries, or of fewer than four lines, is not. "
                       "A headline, dateline or byline line is kept out by the time/year test only when it "
                       "carries one.",
    },
    examples={
        "flagged": [
            "⟦Home\n• World\n• Business\n• Sport\nSign up⟧\nThe council approved the new budget on Monday after "
            "a long debate about road repairs.",
            "The mayor opened the bridge on Friday, officials said.\n⟦Share\nEmail\nPrint\nComments⟧",
            "The mayor opened the bridge on Friday, officials said.\n⟦Write to the editor | More from Letters⟧\n"
            "⟦Unsubscribe · Manage preferences · © Westvale Post 2025⟧\n⟦↻ Refresh | Key events⟧",
        ],
        "clean": [
            "Mayor opens bridge\nBy Ana Lind\nMarch 3, 2025\nThe mayor opened the bridge on Friday, officials "
            "said.",
            "The winners were:\nAnna Berg\nTom Ruiz\nThe prizes go to the two best essays of the year.",
            "The mayor opened the bridge on Friday, officials said.\nSubscribe | then cancel before the trial ends",
            "The mayor opened the bridge on Friday.\nHome | Away\nWestvale 2 | Harbour 1",
        ],
    },
)
def check(doc):
    navigation = phrase_matcher("boilerplate.navigation")
    run: list[tuple[int, int]] = []
    for s, e in nonblank_lines(doc):
        if _nav_bar(doc.norm, s, e, navigation) and not any(q in doc.text[s:e] for q in QUOTE_CHARS):
            yield Hit(s, e, "a bar of navigation links", data={"reason": "navigation bar"})
    for s, e in [*nonblank_lines(doc), (len(doc.text), len(doc.text))]:
        if s < len(doc.text) and _menu_like(doc.text[s:e]):
            run.append((s, e))
            continue
        if len(run) >= MIN_RUN:
            yield Hit(run[0][0], run[-1][1], f"{len(run)} menu-like lines", data={"lines": len(run)})
        run = []
