"""page-chrome: the byline box and other page furniture of the header, and what an HTML extractor cut."""

import regex

from auditor.rules import Hit, rule
from auditor.text.lines import body_start, nonblank_lines, phrase_matcher

PHOTO_OF = regex.compile(r"^\s*(?:photo|image|picture|portrait|avatar)\s+of\s+\p{Lu}[\w.\-' ]{0,60}$",
                         regex.IGNORECASE)


@rule(
    id="page-chrome",
    name="Page chrome",
    family="boilerplate",
    status="stable",
    severity="low",
    score="share",
    docs={
        "what": "Page furniture in the header of the text, before the first body paragraph: author-box "
                "labels (\"Authors\", \"News Writer\"), an author photo's alt text (\"Photo of Jane Doe\"); "
                "and, for HTML pages, every part of the page the article extractor left out (menus, "
                "footers, sidebars).",
        "why": "These lines are the website, not the report. The extractor's cut is what makes an HTML "
               "page's boilerplate ratio measurable.",
        "limitations": "Plain-text header lines are flagged only when they match data/boilerplate.yaml "
                       "(chrome) or the photo alt-text shape; a masthead or headline is metadata, not chrome.",
    },
    examples={
        "flagged": [
            "Rutte visits Kyiv\n⟦Authors⟧\n⟦Photo of Jane Doe⟧\n⟦News Writer⟧\nNATO Secretary General Mark "
            "Rutte addressed Ukraine's parliament on Tuesday, outlining the conditions for a lasting peace.",
        ],
        "clean": [
            "NATO Secretary General Mark Rutte addressed Ukraine's parliament on Tuesday, outlining the "
            "conditions for a lasting peace.\nThe authors of the plan met later.",
        ],
    },
)
def check(doc):
    for s, e in doc.article.removed or ():
        if doc.text[s:e].strip():
            yield Hit(s, e, "left out by the HTML article extractor", data={"reason": "page outside the article"})
    head_end = body_start(doc)
    chrome = phrase_matcher("boilerplate.chrome")
    for s, e in nonblank_lines(doc):
        if s >= head_end:
            break
        line = doc.text[s:e]
        m = chrome.fullmatch(doc.norm, s, e)
        if m or PHOTO_OF.match(line):
            yield Hit(s, e, "author box" if m else "photo alt text", data={"reason": "page chrome"})
