"""explainer-box: an outlet's encyclopedic sidebar ("X is the ...") after the story's end."""

import regex

from auditor.rules import Hit, rule
from auditor.text.lines import QUOTE_CHARS, body_start, nonblank_lines, phrase_matcher, word_count

DEFINITION = regex.compile(
    r"^\s*(?:the\s+)?\p{Lu}[\w\-'’]*(?:\s+(?:of|the|for|and|de|\p{Lu}[\w\-'’]*)){0,8}\s+"
    r"(?:is|are|was|were)\s+(?:a|an|the|one of)\b", regex.MULTILINE)
EXPLAINER_LABEL = regex.compile(r"^\s*(?:explainer|what is|who is|background|fact ?box|context)\b",
                                regex.IGNORECASE)


@rule(
    id="explainer-box",
    name="Explainer box",
    family="boilerplate",
    status="stable",
    severity="low",
    score="share",
    docs={
        "what": "A short encyclopedic paragraph that defines a term (\"The Verkhovna Rada of Ukraine is the "
                "unicameral parliament of Ukraine...\") placed after a navigation or appeal line at the end "
                "of the page, or introduced by a label such as \"Explainer\" or \"What is ...\".",
        "why": "Outlets attach glossary boxes to every story on a topic. They are reusable furniture, not "
               "reporting on the event, and would otherwise make every article of the outlet look alike.",
        "limitations": "A definition inside the story's own body is left alone: only paragraphs after a "
                       "tail marker (navigation, donation) below the first body paragraph, or after an explainer "
                       "label, are flagged.",
    },
    examples={
        "flagged": [
            "Rutte spoke in Kyiv.\n\nSee all\n\n⟦The Verkhovna Rada is the parliament of Ukraine. It has 450 "
            "deputies.⟧\n\nSupport Example Media Team",
        ],
        "clean": [
            "The Verkhovna Rada is the parliament of Ukraine. Rutte spoke there on Tuesday.\n\nHe left at noon.",
            "Harbour strike: live updates\nKey events\nThe Westvale Harbour Board is the body that runs the port, and "
            "it has been in talks with the union since May.\nThe strike began at 6am.",
        ],
    },
)
def check(doc):
    lines = nonblank_lines(doc)
    nav = phrase_matcher("boilerplate.navigation")
    donation = phrase_matcher("boilerplate.donation")
    after_marker = False
    body = body_start(doc)
    for s, e in lines:
        line = doc.text[s:e]
        # a tail marker stands below the first body paragraph: a menu label above it ("Key events", "Menu") is
        # the header's, and the story comes after it
        is_marker = s >= body and (bool(nav.fullmatch(doc.norm, s, e)) or (
            word_count(line) <= 50 and bool(donation.search(doc.norm, s, e))))
        if is_marker or EXPLAINER_LABEL.match(line) and word_count(line) <= 8:
            after_marker = True
            continue
        if after_marker and DEFINITION.match(doc.norm, s, e) and not any(c in line for c in QUOTE_CHARS) \
                and word_count(line) <= 120:
            yield Hit(s, e, "explainer box after the story", data={"reason": "explainer box"})
