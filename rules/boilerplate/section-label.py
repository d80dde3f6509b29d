"""section-label: the site's section path above the article ("News › Local › Transport", "Opinion | Analysis")."""

import regex

from auditor.rules import Hit, rule
from auditor.text.lines import QUOTE_CHARS, body_start, nonblank_lines, word_count

# between two labels: a bar, a dot, an angle quote, a spaced dash; or a run of three spaces or more, where the
# links of a menu bar lost their markup ("Menu   Search   Subscribe")
SEPARATORS = regex.compile(r"\s*[|·•›»>/]\s*|\s+[–—-]\s+|[ \t]{3,}")
# a list of tags, anywhere: "Tags: ports, energy, Example Island", "Related topics: Ports · Energy · Tides"
TAGS = regex.compile(r"\s*(?i:tags|(?:related\s+)?topics|tagged|filed\s+under|categories|keywords)\s*:\s*[^\n.!?]{1,200}")
TAG_SEPARATORS = regex.compile(r"\s*[,·•|;]\s*")  # "ports, energy", "Ports · Energy"
TAG_WORDS = 5  # words of one tag
SEGMENT_WORDS = 4  # a section's name is short
# the kind of piece alone on a header line ("Opinion", "ANALYSIS"): read above the body only, where a
# paragraph after it is the article, not a box the label heads
KIND = regex.compile(r"(?i:opinion|analysis|comment|editorial|exclusive|live|explainer|review|interview|feature)")
SEGMENT = regex.compile(r"[\p{Lu}\d][^\n.!?;:,]*|\d[^\n]*")  # starts like a name or a date, no sentence in it
# a kicker: one to three words in capitals alone on a header line ("FLOOD INQUIRY", "HEALTH", "WORLD IN BRIEF");
# a word needs two letters ("UK", not a date "15.10.2025"); no sentence punctuation ("GOTCHA!" is a headline)
CAPS_LABEL = regex.compile(r"\p{Lu}[\p{Lu}\d&'’-]*\p{Lu}(?:\s+(?:&|A|\p{Lu}[\p{Lu}\d&'’-]*\p{Lu})){0,2}")


@rule(
    id="section-label",
    name="Section label",
    family="boilerplate",
    status="stable",
    severity="low",
    score="share",
    docs={
        "what": "A line above the first body paragraph that is only short labels joined by a bar, a dot, an "
                "angle quote or a spaced dash, each starting with a capital or a digit and at most four words: "
                "a section path (\"News › Local › Transport\"), the outlet and its section (\"Example Post | "
                "Europe\"), a kind of piece (\"OPINION | ANALYSIS\", or \"Opinion\" alone), a date beside them; and, anywhere, a "
                "list of the piece's tags (\"Tags: ports, energy, Example Island\", \"Related topics: Ports · Tides\"). Above "
                "the body also a kicker of one to three words in capitals alone on its line (\"FLOOD INQUIRY\", "
                "\"HEALTH\", \"WORLD IN BRIEF\") and a menu whose labels lost their bars to runs of spaces (\"Menu   "
                "Search   Subscribe\").",
        "why": "The section path is the website's navigation, not the report.",
        "limitations": "The page's first line and the headline are never flagged, nor a single label alone on "
                       "its line in mixed case (navigation-link's list holds those), nor labels below the first body "
                       "paragraph. A headline of one to three words in capitals that ingest did not read as the "
                       "headline is taken for a kicker.",
    },
    examples={
        "flagged": [
            "Bridge reopens after repairs\n⟦News › Local › Transport⟧\nThe bridge over the river reopened on "
            "Friday after three months of repairs, the city said in a statement.",
            "Bridge reopens after repairs\n⟦Example Post | Europe⟧\n⟦OPINION | ANALYSIS⟧\nThe bridge over the "
            "river reopened on Friday after three months of repairs, the city said in a statement.",
            "Bridge reopens after repairs\n⟦Opinion⟧\nThe bridge over the river reopened on Friday after three "
            "months of repairs, the city said in a statement.",
            "The bridge reopened on Friday.\n⟦Tags: bridges, Example City, transport⟧",
            "Westvale Gazette\n⟦Home   Search   Sign in⟧\n⟦BRIDGE REPAIRS⟧\nBridge reopens after three months of "
            "repairs\nThe bridge over the river reopened on Friday after three months of repairs, the city said in "
            "a statement.",
            "Example Post\n⟦REGIONS IN BRIEF⟧\nBridge reopens after repairs\nThe bridge over the river reopened on "
            "Friday after three months of repairs, the city said.\n⟦Related topics: Bridges · Harbour works · Westvale⟧",
        ],
        "clean": [
            "Bridge reopens - at last\nThe bridge over the river reopened on Friday after three months of "
            "repairs, the city said in a statement.",
            "Bridge reopens after repairs\nRepairs took three months - longer than planned\nThe bridge over the "
            "river reopened on Friday after three months of repairs, the city said in a statement.",
            "Topics: the mayor listed roads, schools and the harbour, in that order, as her priorities.",
            "Bridge reopens after repairs\nThe bridge over the river reopened on Friday after three months of "
            "repairs, the city said in a statement.\nNO ENTRY\nThe sign on the old bridge stays up until May.",
            "BRIDGE REOPENS\nThe bridge over the river reopened on Friday after three months of repairs, the city "
            "said in a statement.",
            "Bridge reopens after repairs\nTolls go   but the queues stay\nThe bridge over the river reopened on "
            "Friday after three months of repairs, the city said in a statement.",
            "Related topics: the mayor listed roads · schools · the harbour as her priorities for the year ahead.",
        ],
    },
)
def check(doc):
    lines = nonblank_lines(doc)
    body = body_start(doc)
    title = (doc.article.title or "").strip()
    for s, e in lines:
        m = TAGS.fullmatch(doc.text, s, e)
        if m and all(word_count(t) <= TAG_WORDS for t in TAG_SEPARATORS.split(doc.text[s:e].split(":", 1)[1])):
            yield Hit(s, e, "tag list", data={"reason": "tags"})
    for i, (s, e) in enumerate(lines):
        if s >= body:
            break
        line = doc.text[s:e].strip()
        if i == 0 or line == title or any(q in line for q in QUOTE_CHARS):
            continue
        if KIND.fullmatch(line):
            yield Hit(s, e, "kind of piece", data={"reason": "section label"})
            continue
        if CAPS_LABEL.fullmatch(line):
            yield Hit(s, e, "section kicker", data={"reason": "section label"})
            continue
        parts = SEPARATORS.split(line)
        if len(parts) < 2 or not all(p.strip() for p in parts):
            continue
        if all(word_count(p) <= SEGMENT_WORDS and SEGMENT.fullmatch(p.strip()) for p in parts):
            yield Hit(s, e, "section label", data={"reason": "section label"})
