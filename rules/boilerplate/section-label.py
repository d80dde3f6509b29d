"""section-label: the site's section path above the article ("News › Local › Transport", "Opinion | Analysis")."""

import regex

from auditor.rules import Hit, rule
from auditor.text.lines import (
    LEADING_ICON,
    QUOTE_CHARS,
    body_start,
    ends_like_sentence,
    nonblank_lines,
    word_count,
)

# between two labels: a bar, a dot, an angle quote, a spaced dash; or a run of three spaces or more, where the
# links of a menu bar lost their markup ("Menu   Search   Subscribe")
SEPARATORS = regex.compile(r"\s*[|·•›»>/]\s*|\s+[–—-]\s+|[ \t]{3,}")
# a list of tags, anywhere: "Tags: ports, energy, Example Island", "Related topics: Ports · Energy · Tides"
TAGS = regex.compile(r"\s*(?i:tags|(?:related\s+)?topics|tagged|filed\s+under|categories|keywords)\s*:\s*[^\n.!?]{1,200}")
TAG_SEPARATORS = regex.compile(r"\s*[,·•|;]\s*")  # "ports, energy", "Ports · Energy"
TAG_WORDS = 5  # words of one tag
# ... or under its label alone on the line above: "Related topics" / "Ports · Energy · Example Island"
TAG_LABEL = regex.compile(r"\s*(?i:tags|(?:related\s+)?topics|tagged|filed\s+under|categories|keywords|"
                       r"(?:explore|read|see|find|follow)\s+(?:more\s+(?:on|about)\s+)?(?:these|this|related)\s+"
                       r"(?:topics?|tags|subjects))\s*:?\s*")  # "Explore more on these topics"
# the angle quotes of a section path ("World » Europe") are separators, not a quotation's marks: spaced, unpaired
PATH_ANGLES = regex.compile(r"\s[»›]\s")
# a section's name alone on its line, right under the site's menu or section path ("Home | World | Sport" /
# "Politics"): one word, or a few that are not all capitalised (not a name, "Ana Lind"), no digit (not a date)
LONE_SECTION = regex.compile(r"\p{Lu}[\p{Ll}&'’-]+(?:\s+(?:&|and|\p{Ll}[\p{Ll}'’-]*)){0,2}")
DATE_WORD = regex.compile(r"(?i:mon|tues|wednes|thurs|fri|satur|sun)day|(?i:january|february|march|april|may|june|july|august|"
                          r"september|october|november|december|today|yesterday|updated|published)")
SEGMENT_WORDS = 4  # a section's name is short
# the kind of piece alone on a header line ("Opinion", "ANALYSIS"): read above the body only, where a
# paragraph after it is the article, not a box the label heads
KIND = regex.compile(r"(?i:opinion|analysis|comment|editorial|exclusive|live|explainer|review|interview|feature)")
SEGMENT = regex.compile(r"[\p{Lu}\d][^\n.!?;:,]*|\d[^\n]*")  # starts like a name or a date, no sentence in it
# a kicker: one to three words in capitals alone on a header line ("FLOOD INQUIRY", "HEALTH", "WORLD IN BRIEF");
# a word needs two letters ("UK", not a date "15.10.2025"); no sentence punctuation ("GOTCHA!" is a headline)
CAPS_LABEL = regex.compile(r"\p{Lu}[\p{Lu}\d&'’-]*\p{Lu}(?:\s+(?:&|A|\p{Lu}[\p{Lu}\d&'’-]*\p{Lu})){0,2}")
# ... and anywhere, a kicker over a story's headline: the kicker, a headline (short, no sentence, no digit: not a
# score, "Westvale d. Harbour 3-1") and the story's first paragraph ("THE MAIN EVENT" / "Fares rise again" / ...)
KICKER_HEADLINE_WORDS = 12
PARAGRAPH_WORDS = 15


def _masthead(doc, s: int, e: int) -> bool:
    """(session 35) Whether the page's first line is its masthead: the line ingest read the outlet's name from as a
    masthead ("NORTHBRIDGE WIRE", "Meridian Press Wire | World | Europe", "The Frontier Note"), or the outlet's name
    alone, with a section path or menu after a separator."""
    outlet = (doc.article.outlet or "").strip()
    found = (doc.article.meta or {}).get("detected", {}).get("outlet") or {}
    if str(found.get("rule", "")).startswith("masthead") and isinstance(found.get("start"), int):
        return s <= found["start"] < e
    if not outlet:
        return False
    parts = [p.strip() for p in SEPARATORS.split(doc.text[s:e].strip())]
    return parts[0].casefold() == outlet.casefold() and all(
        word_count(p) <= SEGMENT_WORDS and SEGMENT.fullmatch(p) for p in parts[1:])


def _kicker(doc, lines: list[tuple[int, int]], i: int) -> bool:
    """Whether line i is a kicker in capitals over a story's headline and its first paragraph."""
    if i == 0 or i + 2 >= len(lines) or not CAPS_LABEL.fullmatch(doc.text[lines[i][0]:lines[i][1]].strip()):
        return False
    head, para = (doc.text[s:e].strip() for s, e in lines[i + 1:i + 3])
    return (word_count(head) <= KICKER_HEADLINE_WORDS and not ends_like_sentence(head) and not head.isupper()
            and not regex.search(r"\d", head) and not any(q in head for q in QUOTE_CHARS)
            and word_count(para) >= PARAGRAPH_WORDS and ends_like_sentence(para))


def _tags_under_label(doc, lines: list[tuple[int, int]], i: int) -> bool:
    """Whether line i is a list of tags under a tag label alone on the line above ("Related topics")."""
    if i == 0 or not TAG_LABEL.fullmatch(doc.text, *lines[i - 1]):
        return False
    line = doc.text[lines[i][0]:lines[i][1]].strip()
    tags = TAG_SEPARATORS.split(line)
    return (len(tags) >= 2 and all(tags) and all(word_count(t) <= TAG_WORDS for t in tags)
            and not ends_like_sentence(line) and not any(q in line for q in QUOTE_CHARS))


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
                "Search   Subscribe\"), an icon before a label or not (\"↻ Refresh · Pinned posts\"), and a section's "
                "name alone right under such a menu (\"Home | World | Sport\" / \"Politics\"). Anywhere, a list of tags "
                "under a tag label alone on the line above (\"Related topics\" / \"Ports · Tides\"), and a kicker in "
                "capitals over a story's headline and its first paragraph (a newsletter's \"TODAY'S LEAD\" / "
                "\"The bridge is back\" / paragraph).",
        "why": "The section path is the website's navigation, not the report.",
        "limitations": "The page's first line is flagged only as the masthead ingest read the outlet from (or the "
                       "outlet's name with a section path after it); the headline is never flagged, nor a single label alone on "
                       "its line in mixed case (navigation-link's list holds those), nor labels below the first body "
                       "paragraph. A headline of one to three words in capitals that ingest did not read as the "
                       "headline is taken for a kicker. A kicker below the body is read only over a short headline "
                       "without a digit (not a score, \"Westvale d. Harbour 3-1\") and a paragraph; a section's name under "
                       "the menu only when it is one word or a few not all capitalised (not a name), and no date.",
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
            "Westvale Gazette\n⟦Home | Local | Sport | Weather⟧\n⟦Transport⟧\nBridge reopens after repairs\n⟦↻ Refresh · "
            "Pinned posts⟧\nThe bridge over the river reopened on Friday after three months of repairs, the city said.\n"
            "⟦Explore these topics⟧\n⟦Bridges · Harbour works · Westvale council⟧",
            "Westvale Gazette\n⟦Local » Transport⟧\nBridge reopens after repairs\nThe bridge over the river reopened on "
            "Friday after three months of repairs, the city said in a statement.",
            # under the menu, a day (a date) and a name (a byline) are no section's name
            "Westvale Gazette\n⟦Home | Local | Sport | Weather⟧\nTuesday\nBridge reopens after repairs\nThe bridge over "
            "the river reopened on Friday after three months of repairs, the city said in a statement.",
            "Westvale Gazette\n⟦Home | Local | Sport | Weather⟧\nAna Lind\nBridge reopens after repairs\nThe bridge over "
            "the river reopened on Friday after three months of repairs, the city said in a statement.",
            "Harbour Notes\nGood morning. The bridge is open again, the ferry is late again, and the council has a new "
            "plan for both.\n⟦TODAY'S LEAD⟧\nThe bridge is back\nThe bridge over the river reopened on Friday after "
            "three months of repairs, the city said in a statement.",
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
            "Westvale sport\nThe season ended on Saturday with two finals played in heavy rain at the county ground.\n"
            "GIRLS FOOTBALL\nWestvale d. Harbour 3-1\nWestvale scored twice in the first half and held on after the "
            "break, their coach said later.",
            "The bridge reopened on Friday after three months of repairs, the city said in a statement.\nTopics\nthe "
            "mayor listed roads, schools and the harbour, in that order, as her priorities.",
        ],
    },
)
def check(doc):
    lines = nonblank_lines(doc)
    body = body_start(doc)
    title = (doc.article.title or "").strip()
    done: set[int] = set()
    for i, (s, e) in enumerate(lines):
        m = TAGS.fullmatch(doc.text, s, e)
        if m and all(word_count(t) <= TAG_WORDS for t in TAG_SEPARATORS.split(doc.text[s:e].split(":", 1)[1])) \
                or _tags_under_label(doc, lines, i):
            if i - 1 not in done and not TAGS.fullmatch(doc.text, s, e):  # the label above ("Explore these topics")
                done.add(i - 1)
                yield Hit(*lines[i - 1], "tag label", data={"reason": "tags"})
            done.add(i)
            yield Hit(s, e, "tag list", data={"reason": "tags"})
        elif _kicker(doc, lines, i):
            done.add(i)
            yield Hit(s, e, "kicker over a headline", data={"reason": "section label"})
    bars: set[int] = set()  # the header's lines read as a menu or a section path
    for i, (s, e) in enumerate(lines):
        if s >= body:
            break
        line = doc.text[s:e].strip()
        probe = line if "«" in line else PATH_ANGLES.sub(" | ", line)  # "World » Europe"
        if i == 0 and line != title and _masthead(doc, s, e):
            yield Hit(s, e, "masthead", data={"reason": "masthead"})
            continue
        if i == 0 or i in done or line == title or any(q in probe for q in QUOTE_CHARS):
            continue
        if KIND.fullmatch(line):
            yield Hit(s, e, "kind of piece", data={"reason": "section label"})
            continue
        if CAPS_LABEL.fullmatch(line):
            yield Hit(s, e, "section kicker", data={"reason": "section label"})
            continue
        if i - 1 in bars and LONE_SECTION.fullmatch(line) and not DATE_WORD.search(line):
            yield Hit(s, e, "section name under the menu", data={"reason": "section label"})
            continue
        parts = [LEADING_ICON.sub("", p.strip()) for p in SEPARATORS.split(line)]  # "↻ Refresh · Show key events only"
        if len(parts) < 2 or not all(p.strip() for p in parts):
            continue
        if all(word_count(p) <= SEGMENT_WORDS and SEGMENT.fullmatch(p.strip()) for p in parts):
            bars.add(i)
            yield Hit(s, e, "section label", data={"reason": "section label"})
