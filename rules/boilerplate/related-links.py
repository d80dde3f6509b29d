"""related-links: links to the outlet's other stories ("Read more: ...", a "Most read" list)."""

import regex

from auditor.rules import Hit, rule
from auditor.text.lines import body_start, ends_like_sentence, nonblank_lines, phrase_matcher, word_count

BULLET = regex.compile(r"\s*(?:[•·▪◦*>▶►▸‣➤]|[-–—](?=\s))*\s*")  # "• ...", "▶ Watch: ...", "► Read more: ..."
# what may stand between a label and the linked headline: a colon, a bar, an angle quote, a spaced dash or an
# arrow ("MORE FROM THE EXAMPLE ► A ► B")
SEPARATOR = regex.compile(r"\s*(?:[:|›»▶►▸➤→⟶]|\s[-–—]\s)\s*")
# a label alone on its line, with a section or a time after it, heading a list ("Most read in opinion today",
# "Trending this week")
LABEL_QUALIFIER = regex.compile(r"(?:\s+(?i:in|on|from|at)\s+(?:(?i:the)\s+)?[\w&'’-]+(?:\s+[\w&'’-]+)?)?"
                                r"(?:\s+(?i:today|this\s+(?:week|month|morning|evening)|right\s+now|now))?\s*")
MIN_QUALIFIED_ITEMS = 2
# a run of links, each led by an arrow ("→ Council approves tram depot"), under a short heading: a link label or a
# word or three in capitals ("ELSEWHERE", "IN OTHER NEWS")
ARROW_LINK = regex.compile(r"\s*[→⟶➔➜➝➞▶►▸➤]\s*(?=\S)")
ARROW_HEADING = regex.compile(r"\p{Lu}[\p{Lu}\d&'’-]*\p{Lu}(?:\s+(?:&|A|\p{Lu}[\p{Lu}\d&'’-]*\p{Lu})){0,2}\s*:?")
# the links to the previous and next piece of a series: "← Previous story: ...", "Next brief: ... →", "Older post"
PAGER = regex.compile(r"\s*(?P<left>[←‹«<]\s*)?(?i:previous|prev|next|older|newer)(?P<kind>\s+(?i:article|story|brief|post|piece|"
                      r"item|entry|report|column|episode|letter))?\s*(?::\s*(?P<head>[^\n]{1,150}?))?\s*(?P<right>[→›»>])?\s*")
# a briefs page's other briefs on one line: "Also in brief: A · B · C", "Elsewhere in sport: A | B" (two headlines
# or more, split by dots, bars or arrows: not "Also in the room: the mayor and her aides")
ALSO_IN = regex.compile(r"(?i:also|elsewhere)(?:\s+(?i:in|on|from))?(?:\s+(?:(?i:the)\s+)?[\w&'’-]+){0,2}\s*:\s*(?=\S)")
HEADLINE_PIECES = regex.compile(r"\s*[·•|►▶]\s*")
# "More on GlobeScroll:", "More from the Herald:": the outlet's name after the label
OWN_NAME = regex.compile(r"\s+(?:on|from|at|in)\s+(?:the\s+)?(?-i:\p{Lu}[\w&'’.-]*(?:\s+\p{Lu}[\w&'’.-]*){0,3})",
                         regex.IGNORECASE)
# "More opinion: ...", "More briefs: A | B": "More" and a section's name of one or two words before the colon
# (a headline after it, no sentence: not "More worrying: the dam has no siren."; not a paper's reference, "More
# information: A. Lind et al. ...")
# ... or alone on its line, heading a list of headlines below the body ("More analysis" / A / B)
MORE_HEADING = regex.compile(r"(?i:more)\s+(?!(?i:information|info|details?|data|importantly|worrying|than|of|to|and|or|"
                             r"soon|later|to\s+come)\b)(?:(?i:on|from|in|about)\s+(?:(?i:the)\s+)?)?"
                             r"[\w&'’-]+(?:\s+[\w&'’-]+){0,2}\s*:?\s*")
TIME_LED = regex.compile(r"\s*\d{1,2}[:.]\d{2}\b")  # a live page's entry, "12:05 GMT – ...", is no linked headline
MORE_SECTION = regex.compile(r"(?i:more)\s+(?!(?i:information|info|details?|data|importantly|worrying|than|of|to|and|or)\b)"
                             r"[\w&'’-]+(?:\s+[\w&'’-]+)?\s*:\s*(?=\S)")
LINK_MAX_WORDS = 30  # a linked headline (or two, "A | B") after a label on its line
ITEM_MAX_WORDS = 20  # a headline in a list of links
MAX_ITEMS = 10
# a link to a document or a recording, at the page's end: "Read the full sentencing remarks (PDF, Vell Courts
# Service)", "Download the complete report" (no sentence: no full stop after it)
DOCUMENT_LINK = regex.compile(r"(?i:read|download|view|see|watch|listen\s+to)\s+(?i:the|our)\s+(?i:full|complete|entire)"
                              r"\s+[^\n.!?]{1,100}")
DOCUMENT_TAIL = 6  # lines at the page's end


def _label_end(label_rx, norm: str, s: int, e: int) -> int | None:
    """Where a link label that starts the line (after any bullet) ends, or None."""
    at = BULLET.match(norm, s, e).end()
    m = label_rx.match(norm, at, e)
    if not m:
        return None
    own = OWN_NAME.match(norm, m.end(), e)
    return own.end() if own else m.end()


def _pager(text: str, s: int, e: int) -> bool:
    """Whether the line links to the previous or the next piece: the kind of piece named or an arrow beside it, and
    a headline after the colon, if any, that is no sentence."""
    m = PAGER.fullmatch(text, s, e)
    if not m or not (m.group("kind") or m.group("left") or m.group("right")):
        return False
    head = m.group("head")
    return bool(m.group("left") or m.group("right")) if head is None else _headline_like(head)


def _also_in(text: str, norm: str, s: int, e: int, navigation: regex.Pattern) -> bool:
    """Whether the line is a label ("Also in brief:", or a navigation label, "Key events:") and two headlines or
    more split by dots, bars or arrows."""
    at = BULLET.match(text, s, e).end()
    m = ALSO_IN.match(text, at, e)
    if m:
        end = m.end()
    else:
        nav = navigation.match(norm, at, e)
        colon = nav and regex.compile(r"\s*:\s*(?=\S)").match(norm, nav.end(), e)
        if not colon:
            return False
        end = colon.end()
    pieces = HEADLINE_PIECES.split(text[end:e].strip())
    return len(pieces) >= 2 and all(p and p[0].isupper() and _headline_like(p) for p in pieces)


def _arrow_run(text: str, lines: list[tuple[int, int]], i: int) -> int:
    """How many lines after line i are links led by an arrow ("→ Council approves tram depot")."""
    n = 0
    while i + 1 + n < len(lines):
        a, b = lines[i + 1 + n]
        m = ARROW_LINK.match(text, a, b)
        if not m or not _headline_like(text[m.end():b]):
            break
        n += 1
    return n


def _headline_like(line: str) -> bool:
    text = line[BULLET.match(line).end():].strip()
    return bool(text) and word_count(text) <= ITEM_MAX_WORDS and not TIME_LED.match(text) and not (
        ends_like_sentence(text) and not text.rstrip("\"'”’)").endswith(("?", "!")))


@rule(
    id="related-links",
    name="Links to other stories",
    family="boilerplate",
    status="stable",
    severity="low",
    score="share",
    docs={
        "what": "A line that links to another story of the site: a label from data/boilerplate.yaml "
                "(link_labels) and the linked headline after a colon, a bar or a dash (\"Read more: Floods "
                "close the coast road\", \"MORE: ...\", \"More on Example News: ...\", \"▶ Watch: ... (2:41)\"), or "
                "\"More\" and a section's name before the colon (\"More opinion: ...\"); and the headlines listed "
                "under such a label on the lines after it (\"Most read\", \"More on this story\", \"Read more:\" "
                "with a bulleted list, or a label with a section or a time after it, \"Most read in sport today\", "
                "over two headlines or more; \"More\" and a section alone on its line over two or more), below the "
                "article's first body paragraph. Also a label and two headlines or more split by dots or bars (\"Also "
                "in brief: A · B\", \"Key events: A · B\"), a label and headlines after arrows (\"MORE FROM THE "
                "EXAMPLE ► A ► B\"), the links to the previous and next piece (\"← Previous story: ...\", \"Next brief: "
                "... →\") and, below the body, headlines led by arrows under a heading in capitals (\"ELSEWHERE\" / "
                "\"→ A\" / \"→ B\").",
        "why": "Links to other stories are the website's navigation, not the report. Their headlines often "
               "quote people, and those quotations are no part of the article's sourcing.",
        "limitations": "A list is read as headlines while its lines are short (at most 20 words) and do not "
                       "end in a full stop; a list of links above the body, or a label the list does not "
                       "hold, is not read. A previous/next link needs the kind of piece (story, brief, post ...) or an "
                       "arrow; a run led by arrows needs two headlines and its heading; a live page's entries (\"12:05 "
                       "...\") are never read as headlines.",
    },
    examples={
        "flagged": [
            "The council approved the budget on Monday after a long debate about road repairs and bus fares.\n"
            "⟦Read more: Bus fares to rise by ten cents in March⟧\nThe vote was 7 to 2.",
            "The mayor opened the new bridge on Friday morning in front of a crowd of several hundred people.\n"
            "Most read\n⟦Farmers count the cost of the spring floods⟧\n⟦Why the ferry still runs late⟧",
            "The port will reopen on Monday, the harbour master told reporters at the quay on Sunday night.\n"
            "⟦More on Example Post: Ten harbours that reinvented themselves | How tides are measured⟧",
            "The court sat for two hours and the judge read her remarks aloud to a full room.\n"
            "⟦Read the full sentencing remarks (PDF, Example Courts Service)⟧",
            "Bridge reopens after repairs\n⟦► Watch: The first cars cross the Westvale bridge (1:58)⟧\nThe bridge over "
            "the river reopened on Friday after three months of repairs, the city said in a statement.\n"
            "⟦More letters: Why the harbour needs a second bridge⟧",
            "The council approved the budget on Monday after a long debate about road repairs and bus fares.\n"
            "⟦← Previous story: Bus fares to rise in March⟧\n⟦Next story: Harbour wall to be rebuilt →⟧\n"
            "⟦Most viewed in the valley this week⟧\n⟦1. Ferry timetable changes from May⟧\n⟦2. The last tram driver "
            "retires⟧\n⟦Also in brief: Library hours cut · Swimming pool reopens · New cycle lanes⟧",
            "The council approved the budget on Monday after a long debate about road repairs and bus fares.\n"
            "⟦IN OTHER NEWS⟧\n⟦→ Ferry timetable changes from May⟧\n⟦→ The last tram driver retires⟧\n⟦MORE FROM THE "
            "GAZETTE ► Ten walks by the river ► Win a boat trip⟧\n⟦More on the valley's roads⟧\n⟦Potholes: the worst "
            "streets⟧\n⟦Why the ring road was never built⟧",
        ],
        "clean": [
            "Read more about the plan on the council's website, where every document is published in full.",
            "The mayor opened the new bridge on Friday morning in front of a crowd of several hundred people.\n"
            "More than a hundred cyclists crossed it in the first hour, the police said.",
            "Watch the river: it rises fast after a storm, the warden said on Sunday.",
            "The court sat for two hours.\nRead the full remarks and you will see why the board is worried.",
            "The court sat for two hours.\nMore worrying still: the harbour wall has not been inspected since 2019.",
            "The court sat for two hours.\nMore information: A. Lind et al. Tidal scour at harbour walls, Example "
            "Journal of Coasts (2021)",
            "The court sat for two hours.\n► The judge will give her ruling on Monday.",
            "The court sat for two hours.\nNext week: the judge gives her ruling, and the families will be there.\n"
            "Also in the room: the mayor, her deputy and two engineers.",
            "The court sat for two hours and the judge read her remarks aloud to a full room.\nTHE VERDICT\n→ The "
            "judge found the board negligent.\n→ The families will be paid by June.",
            "The court sat for two hours and the judge read her remarks aloud to a full room.\nMore soon\n12:05 Judge "
            "leaves court\n12:10 Families speak outside",
        ],
    },
)
def check(doc):
    lines = nonblank_lines(doc)
    for s, e in lines[-DOCUMENT_TAIL:]:
        if DOCUMENT_LINK.fullmatch(doc.text[s:e].strip()) and word_count(doc.text[s:e]) <= ITEM_MAX_WORDS:
            yield Hit(s, e, "link to a document", data={"reason": "related link"})
    label_rx = phrase_matcher("boilerplate.link_labels")
    navigation = phrase_matcher("boilerplate.navigation")
    body = body_start(doc)
    norm = doc.norm
    i = 0
    while i < len(lines):
        s, e = lines[i]
        end = _label_end(label_rx, norm, s, e)
        i += 1
        more = MORE_SECTION.match(norm, BULLET.match(norm, s, e).end(), e)
        if more and not SEPARATOR.match(norm, end or s, e) and word_count(doc.text[more.end():e]) <= LINK_MAX_WORDS \
                and not ends_like_sentence(doc.text[more.end():e]):
            yield Hit(s, e, "link to another story", data={"reason": "related link"})
            continue
        if _pager(doc.text, s, e) or _also_in(doc.text, norm, s, e, navigation):
            yield Hit(s, e, "link to another story", data={"reason": "related link"})
            continue
        if s >= body and (ARROW_HEADING.fullmatch(doc.text, s, e) or end is not None and not doc.text[end:e].strip()):
            n = _arrow_run(doc.text, lines, i - 1)
            if n >= MIN_QUALIFIED_ITEMS:  # "ELSEWHERE" / "→ A" / "→ B" (a navigation label is navigation-link's)
                for a, b in lines[i - 1 + bool(navigation.fullmatch(norm, s, e)):i + n]:
                    yield Hit(a, b, "link to another story", data={"reason": "related link"})
                i += n
                continue
        if s >= body and MORE_HEADING.fullmatch(doc.text, s, e):  # "More analysis" / A / B
            n = 0
            while i + n < len(lines) and n < MAX_ITEMS and _headline_like(doc.text[lines[i + n][0]:lines[i + n][1]]):
                n += 1
            if n >= MIN_QUALIFIED_ITEMS:
                for a, b in lines[i - 1 + bool(navigation.fullmatch(norm, s, e)):i + n]:
                    yield Hit(a, b, "link to another story", data={"reason": "related link"})
                i += n
                continue
        if end is None:
            continue
        sep = SEPARATOR.match(norm, end, e)
        rest = doc.text[sep.end():e].strip() if sep else doc.text[end:e].strip()
        if sep and rest:
            if word_count(rest) <= LINK_MAX_WORDS:
                yield Hit(s, e, "link to another story", data={"reason": "related link"})
            continue
        qualified = bool(rest) and LABEL_QUALIFIER.fullmatch(" " + rest)  # "Most read in opinion today"
        if rest and not qualified or s < body:
            continue  # "Read more about the plan ...": a sentence, not a label; or a label above the body
        # a label alone on its line heads a list of links (navigation-link flags the label itself)
        items = []
        while i < len(lines) and len(items) < MAX_ITEMS and _headline_like(doc.text[lines[i][0]:lines[i][1]]):
            items.append(lines[i])
            i += 1
        if qualified and len(items) < MIN_QUALIFIED_ITEMS:
            i -= len(items)
            continue
        if not navigation.fullmatch(norm, s, e):
            items.insert(0, (s, e))
        for a, b in items:
            yield Hit(a, b, "link to another story", data={"reason": "related link"})
