"""related-links: links to the outlet's other stories ("Read more: ...", a "Most read" list)."""

import regex

from auditor.rules import Hit, rule
from auditor.text.lines import body_start, ends_like_sentence, nonblank_lines, phrase_matcher, word_count

BULLET = regex.compile(r"\s*(?:[•·▪◦*>▶►▸‣➤]|[-–—](?=\s))*\s*")  # "• ...", "▶ Watch: ...", "► Read more: ..."
# what may stand between a label and the linked headline: a colon, a bar, an angle quote or a spaced dash
SEPARATOR = regex.compile(r"\s*(?:[:|›»]|\s[-–—]\s)\s*")
# "More on GlobeScroll:", "More from the Herald:": the outlet's name after the label
OWN_NAME = regex.compile(r"\s+(?:on|from|at|in)\s+(?:the\s+)?(?-i:\p{Lu}[\w&'’.-]*(?:\s+\p{Lu}[\w&'’.-]*){0,3})",
                         regex.IGNORECASE)
# "More opinion: ...", "More briefs: A | B": "More" and a section's name of one or two words before the colon
# (a headline after it, no sentence: not "More worrying: the dam has no siren."; not a paper's reference, "More
# information: A. Lind et al. ...")
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


def _headline_like(line: str) -> bool:
    text = line[BULLET.match(line).end():].strip()
    return bool(text) and word_count(text) <= ITEM_MAX_WORDS and not (
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
                "with a bulleted list), below the article's first body paragraph.",
        "why": "Links to other stories are the website's navigation, not the report. Their headlines often "
               "quote people, and those quotations are no part of the article's sourcing.",
        "limitations": "A list is read as headlines while its lines are short (at most 20 words) and do not "
                       "end in a full stop; a list of links above the body, or a label the list does not "
                       "hold, is not read.",
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
        if end is None:
            continue
        sep = SEPARATOR.match(norm, end, e)
        rest = doc.text[sep.end():e].strip() if sep else doc.text[end:e].strip()
        if sep and rest:
            if word_count(rest) <= LINK_MAX_WORDS:
                yield Hit(s, e, "link to another story", data={"reason": "related link"})
            continue
        if rest or s < body:
            continue  # "Read more about the plan ...": a sentence, not a label; or a label above the body
        # a label alone on its line heads a list of links (navigation-link flags the label itself)
        items = []
        while i < len(lines) and len(items) < MAX_ITEMS and _headline_like(doc.text[lines[i][0]:lines[i][1]]):
            items.append(lines[i])
            i += 1
        if not navigation.fullmatch(norm, s, e):
            items.insert(0, (s, e))
        for a, b in items:
            yield Hit(a, b, "link to another story", data={"reason": "related link"})
