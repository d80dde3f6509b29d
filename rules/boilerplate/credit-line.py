"""credit-line: who wrote, edited or photographed the piece, in the page's own lines (bylines, credits, bios)."""

import regex

from auditor.rules import Hit, rule
from auditor.text.lines import QUOTE_CHARS, body_start, nonblank_lines, word_count

# a person's name: two to four capitalised words, particles between them ("Ana de la Cruz")
PERSON = r"\p{Lu}[\p{L}'’.\-]+(?:\s+(?:(?:de|van|von|der|den|da|di|del|al|bin|le|la)\s+)*\p{Lu}[\p{L}'’.\-]+){1,3}"
PEOPLE = rf"{PERSON}(?:\s*(?:,|and|&)\s*{PERSON})*"
ROLE = (r"(?i:(?:[\w&'’-]+\s+){0,3}(?:correspondent|reporter|editor|writer|journalist|columnist|contributor|"
        r"producer|photographer|analyst|staff))")
TAIL = r"(?:\s*[,|·/–—-]\s*[^\n]{0,80})?"
PLACE = r"(?:\s+in\s+\p{Lu}[\w'’-]*(?:\s+\p{Lu}[\w'’-]*){0,2})?"  # "By Ana Lind in Kalvik"
BYLINES = [
    # "By Ana Lind", "by Ana Lind | 3 May 2025, 14:05", "Posted by Ana Lind · 3 May 2025 · 14 comments"
    regex.compile(rf"(?i:(?:posted\s+|written\s+|words\s+)?by)\s+(?P<who>{PEOPLE}){PLACE}{TAIL}"),
    regex.compile(rf"(?P<who>{PERSON})\s*,\s*{ROLE}{TAIL}"),  # "Ana Lind, Europe correspondent"
    regex.compile(rf"(?:\p{{Lu}}[\w&'’.-]*\s+){{1,4}}(?i:staff|staff\s+writers?|newsroom|news\s+desk|reporters){TAIL}"),
    # "Reporting from Kalvik: Ana Lind and Tor Ek"
    regex.compile(rf"(?i:reporting|reported|words)\s+(?:(?i:from|in)\s+[^\n:]{{1,40}}:|(?i:by)\s+)\s*(?P<who>{PEOPLE}){TAIL}"),
]
# a wire's credit, anywhere: "(Reporting by Ana Lind; Editing by Tor Ek)", "Additional reporting by ..."
WIRE_CREDIT = regex.compile(r"\(?\s*(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|"
                            r"research|graphics)\s+by)\s[^\n]{1,240}")
# a caption that ends in its picture's credit: "Evacuees wait for buses. Photo: Arne Fossum"
CAPTION = regex.compile(r"[^\n]{1,300}?[.)]\s+(?i:photo|photograph|picture|image|credit)\s*:\s*[^\n.]{1,60}\.?")
# a source line under an aggregator's copy: "Source: The Valley Herald", "Originally published by ..."
SOURCE = regex.compile(r"(?i:sources?|via|originally\s+(?:published|appeared)\s+(?:by|in|on))\s*:?\s+\p{Lu}[^\n]{0,80}")
# a picture's credit: "Photo: ...", "Picture: Example Agency", "Main image: ..."
PHOTO = regex.compile(r"(?i:(?:main\s+|top\s+|lead\s+)?(?:photo|photograph|picture|image|pictured|video|"
                      r"illustration|credit|photo\s+credit))\s*:\s*[^\n]{1,300}")
# a bare name under the label of the piece's kind ("OPINION" / "Jane Roe"): the columnist's byline
KIND_LABEL = regex.compile(r"(?i:opinion|analysis|comment|commentary|column|editorial|letter|review|essay|"
                           r"perspective|viewpoint|guest\s+column)\s*[:|]?")
BARE_NAME = regex.compile(rf"{PERSON}")
# the outlet's disclaimer under an opinion piece: "The views expressed in this article are the author's own."
DISCLAIMER = regex.compile(r"(?i:(?:the\s+)?(?:views|opinions)\s+expressed\s+(?:in\s+this\s+(?:article|piece|column|"
                           r"commentary)\s+|here\s+)?(?:are|is)\s+(?:(?:those\s+of\s+)?the\s+author['’]?s?|(?:his|her|their)|"
                           r"solely\s+(?:those\s+of\s+)?the\s+author['’]?s?)(?:\s+own)?(?:\s+and\s+[^\n]{1,120})?)\.?")
BIO_VERBS = r"(?:is|was|writes|covers|reports|has\s+covered|has\s+written|edits)"
# a biography by its shape, whoever the byline names: "Ana Lind writes about football for The Example Post.",
# "Ana Lind is a political columnist for The Example Review. The views expressed here are her own."
WRITES_FOR = regex.compile(rf"{PERSON}\s+(?:(?:writes|reports)\s+(?:on|about)\s+[^\n]{{1,80}}?|is\s+(?:a|an|the)\s+"
                           r"(?:[\w'’-]+\s+){0,3}?(?:columnist|correspondent|reporter|editor|writer|journalist|contributor|commentator|"
                           r"analyst)"
                           # ... after what else they are: "is a former harbourmaster of Carrow and a columnist for ..."
                           r"|is\s+(?:a|an|the)\s+[^\n.]{1,80}?\s+and\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,2}?"
                           r"(?:columnist|correspondent|reporter|editor|writer|journalist|contributor|commentator)"
                           r")\s+(?:for|at|of)\s+(?:the\s+)?\p{Lu}[^\n]{0,120}?\.?")
# the outlet describing itself at the page's end: "Example News is an independent, non-profit ...", "...
# brings you the news from trusted sources"
_ABOUT = regex.compile(r"[^\n]{1,60}?\s+(?:is\s+(?:an?|the)\s|brings\s+you\s)")
# ... or its tagline after its name: "Example Gazette — news for the valley since 1911"
_TAGLINE = regex.compile(r"\s+[–—-]\s+\p{Ll}[^\n.!?]{0,80}$")
MAX_WORDS = 40
TAIL_LINES = 4  # an author's biography is one of the page's last lines
SOURCE_TAIL = 8  # a source line may stand above a block of links to other stories


@rule(
    id="credit-line",
    name="Byline, credit or author biography",
    family="boilerplate",
    status="stable",
    severity="low",
    score="share",
    docs={
        "what": "The page's credits: a byline above the first body paragraph (\"By Ana Lind\", \"Ana Lind, "
                "Europe correspondent\", \"Example Post staff | 3 May 2025\", \"Reporting from Kalvik: Ana Lind "
                "and Tor Ek\"); a wire's credit line anywhere (\"(Reporting by ...; Editing by ...)\"); a "
                "picture's credit (\"Photo: ...\"); and, among the page's last lines, the biography of the "
                "person the byline names (\"Ana Lind is a former ... who writes on ...\") or any biography shaped as one "
                "(\"... writes about football for The Example Post\", \"... is a columnist for ...\"); a caption "
                "ending in its credit (\"... Photo: Ana Lind\"); a source line under an aggregator's copy (\"Source: "
                "...\"); and the outlet's own blurb (\"Example News is an independent ...\").",
        "why": "Credits and biographies are the page's, not the report's: they tell who made it, not what "
               "happened. (Ingest reads the byline as metadata.)",
        "limitations": "A byline below the first body paragraph is not flagged (a sentence there may start "
                       "\"By Friday, ...\"); a biography is flagged only when it starts with a name the byline "
                       "gives.",
    },
    examples={
        "flagged": [
            "Bridge reopens after repairs\n⟦By Ana Lind and Tor Ek⟧\nThe bridge over the river reopened on "
            "Friday after three months of repairs, the city said in a statement.\n⟦Ana Lind is a former "
            "engineer who writes on transport.⟧",
            "Bridge reopens after repairs\n⟦Ana Lind, Transport Correspondent⟧\nThe bridge over the river "
            "reopened on Friday after three months of repairs, the city said.\n⟦(Reporting by Ana Lind; "
            "Editing by Tor Ek)⟧",
            "Bridge reopens after repairs\n⟦Photo: The bridge at dawn. Example Agency⟧\nThe bridge over the "
            "river reopened on Friday after three months of repairs, the city said in a statement.",
            "Bridge reopens after repairs\n⟦Crowds cross the bridge on Friday. Photo: Ana Lind⟧\nThe bridge over the "
            "river reopened on Friday after three months of repairs, the city said in a statement.\n"
            "⟦Tor Ek is a political columnist for The Example Review. The views expressed here are his own.⟧\n"
            "⟦Source: The Valley Herald⟧",
            "Bridge reopens: the council got it right\nOPINION\n⟦Tor Ek⟧\nThe bridge over the river reopened on "
            "Friday after three months of repairs, and the council deserves the credit for it.\n⟦Tor Ek is a "
            "retired engineer of Vell and a columnist for The Example Review.⟧\n⟦The views expressed in this "
            "article are the author's own.⟧",
        ],
        "clean": [
            "Bridge reopens: the council got it right\nOPINION\nThe bridge over the river reopened on Friday after "
            "three months of repairs, and the council deserves the credit for it.\nTor Ek is a retired engineer and "
            "a critic of the council.\nThe views of the residents were never asked.",
            "Bridge reopens after repairs\nThe bridge over the river reopened on Friday after three months of "
            "repairs, the city said in a statement.\nBy Friday evening, Ana Lind and Tor Ek had crossed it.",
            "Bridge reopens after repairs\nThe bridge over the river reopened on Friday after three months of "
            "repairs, the city said.\nAna Lind is the engineer who led the repairs.",
            "Bridge reopens after repairs\nThe bridge over the river reopened on Friday after three months of "
            "repairs, the city said.\nSources: the council's own figures show the cost doubled.",
        ],
    },
)
def check(doc):
    lines = nonblank_lines(doc)
    if not lines:
        return
    body = body_start(doc)
    title = (doc.article.title or "").strip()
    names: list[str] = [doc.article.byline] if doc.article.byline else []
    done: set[int] = set()
    for i, (s, e) in enumerate(lines):
        line = doc.text[s:e].strip()
        if i == 0 or s >= body or line == title or any(q in line for q in QUOTE_CHARS) and not line.startswith("Posted by"):
            continue
        if i > 0 and BARE_NAME.fullmatch(line) and KIND_LABEL.fullmatch(doc.text[lines[i - 1][0]:lines[i - 1][1]].strip()):
            names.append(line)  # "OPINION" / "Bernard Quayle": the columnist's byline
            done.add(i)
            yield Hit(s, e, "byline", data={"reason": "byline"})
            continue
        for rx in BYLINES:
            m = rx.fullmatch(line)
            if m:
                if m.groupdict().get("who"):
                    names += [n.strip() for n in regex.split(r"\s*(?:,|\band\b|&)\s*", m.group("who")) if n.strip()]
                done.add(i)
                yield Hit(s, e, "byline", data={"reason": "byline"})
                break
    for i, (s, e) in enumerate(lines):
        if i in done or i == 0:
            continue
        line = doc.text[s:e].strip()
        if word_count(line) > MAX_WORDS:
            continue
        if WIRE_CREDIT.fullmatch(line) and (line.startswith("(") or i >= len(lines) - TAIL_LINES):
            yield Hit(s, e, "credit line", data={"reason": "credit"})
        elif PHOTO.fullmatch(line) or CAPTION.fullmatch(line):
            yield Hit(s, e, "picture credit", data={"reason": "credit"})
        elif i >= len(lines) - SOURCE_TAIL and SOURCE.fullmatch(line):
            yield Hit(s, e, "source credit", data={"reason": "credit"})
        elif i >= len(lines) - TAIL_LINES and doc.article.outlet and (
                _ABOUT.match(line) or _TAGLINE.match(line, len(doc.article.outlet))) and \
                line.casefold().startswith(doc.article.outlet.casefold()):
            yield Hit(s, e, "the outlet's own blurb", data={"reason": "about"})
        elif i >= len(lines) - TAIL_LINES and DISCLAIMER.fullmatch(line):
            yield Hit(s, e, "the outlet's disclaimer", data={"reason": "disclaimer"})
        elif i >= len(lines) - TAIL_LINES and not regex.search(r"\b(?:said|told|says)\b", line) and (
                names and any(regex.match(rf"{regex.escape(n)}\s+{BIO_VERBS}\s+(?:a|an|the|on|for|about|from)?\b", line)
                              for n in dict.fromkeys(names)) or WRITES_FOR.fullmatch(line)):
            yield Hit(s, e, "author biography", data={"reason": "biography"})
