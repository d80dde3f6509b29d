"""credit-line: who wrote, edited or photographed the piece, in the page's own lines (bylines, credits, bios)."""

import regex

from auditor.rules import Hit, rule
from auditor.text.lines import QUOTE_CHARS, body_start, ends_like_sentence, nonblank_lines, word_count

# a person's name: two to four capitalised words, particles between them ("Ana de la Cruz")
PERSON = r"\p{Lu}[\p{L}'’.\-]+(?:\s+(?:(?:de|van|von|der|den|da|di|del|al|bin|le|la)\s+)*\p{Lu}[\p{L}'’.\-]+){1,3}"
PEOPLE = rf"{PERSON}(?:\s*(?:,|and|&)\s*{PERSON})*"
ROLE = (r"(?i:(?:[\w&'’-]+\s+){0,3}(?:correspondent|reporter|editor|writer|journalist|columnist|contributor|"
        r"producer|photographer|analyst|staff))")
TAIL = r"(?:\s*[,|·/–—-]\s*[^\n]{0,80})?"
PLACE = r"(?:\s+in\s+\p{Lu}[\w'’-]*(?:\s+\p{Lu}[\w'’-]*){0,2})?"  # "By Ana Lind in Kalvik"
# the wires a newsroom's copy draws on: "Example Post staff and agencies", "Example TV newsroom with AFP"
WIRES = r"(?:AFP|AP|Reuters|dpa|DPA|EFE|ANSA|PA|Xinhua|Kyodo|Bloomberg|Associated\s+Press|(?i:agencies|wires|wire\s+services))"
BYLINES = [
    # "By Ana Lind", "by Ana Lind | 3 May 2025, 14:05", "Posted by Ana Lind · 3 May 2025 · 14 comments",
    # "Live coverage by Ana Lind and Tor Ek"
    regex.compile(rf"(?i:(?:posted\s+|written\s+|words\s+|(?:compiled|edited|curated|produced)\s+|(?:live\s+)?(?:coverage|blog|"
                  rf"updates)\s+)?by)\s+(?P<who>{PEOPLE})"
                  rf"{PLACE}{TAIL}"),
    # a desk, not a person, after "by": "Compiled by Example Gazette staff", "Edited by the Example Post news desk"
    regex.compile(rf"(?i:(?:compiled|edited|curated|produced|written|put\s+together)\s+by|by)\s+(?i:the\s+)?"
                  rf"(?:[\p{{Lu}}\d][\w&'’.-]*\s+){{1,4}}(?i:staff|staff\s+writers?|newsroom|news\s+desk|desk|team|"
                  rf"reporters|editors)(?:\s+(?:and|with|&)\s+{WIRES})?{TAIL}"),
    regex.compile(rf"(?P<who>{PERSON})\s*,\s*{ROLE}{TAIL}"),  # "Ana Lind, Europe correspondent"
    # "Example Post staff", "Example Post Reporter", "Example 24 Desk", "Example News staff and agencies"
    regex.compile(rf"(?:[\p{{Lu}}\d][\w&'’.-]*\s+){{1,4}}(?i:staff|staff\s+writers?|newsroom|news\s+desk|desk|reporters?)"
                  rf"(?:\s+(?:and|with|&)\s+{WIRES})?{TAIL}"),
    # the outlet's name and a wire's: "Example News with AFP", "Example Post and Reuters"
    regex.compile(rf"(?:\p{{Lu}}[\w&'’.-]*\s+){{0,3}}\p{{Lu}}[\w&'’.-]*\s+(?:with|and|&)\s+{WIRES}{TAIL}"),
    # "Reporting from Kalvik: Ana Lind and Tor Ek"
    regex.compile(rf"(?i:reporting|reported|words)\s+(?:(?i:from|in)\s+[^\n:]{{1,40}}:|(?i:by)\s+)\s*(?P<who>{PEOPLE}){TAIL}"),
]
# a wire's credit, anywhere: "(Reporting by Ana Lind; Editing by Tor Ek)", "Additional reporting by ..."
WIRE_CREDIT = regex.compile(r"\(?\s*(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|"
                            r"research|graphics)\s+by)\s[^\n]{1,240}"
                            # "Compiled from staff and agency reports.", "Written with wire services."
                            r"|(?i:(?:compiled|written|produced|put\s+together)\s+(?:from|with)\s+(?:our\s+)?(?:staff\s+"
                            r"(?:and|&)\s+)?(?:agency|wire|news\s+agency|agencies|wires|wire\s+services)(?:\s+(?:reports|copy))?)\.?"
                            # "This article draws on reporting by Example Post and Reuters." (the page's own piece)
                            r"|(?i:this\s+(?:article|story|piece|report|live\s+(?:blog|page))\s+(?:draws\s+on|includes|"
                            r"contains|is\s+based\s+on|uses|incorporates)\s+(?:additional\s+)?(?:reporting|material|"
                            r"information|reports)\s+(?:by|from))\s+(?:the\s+)?\p{Lu}[^\n]{1,160}")
# the team credit of a newsletter or a programme, at the page's end: "Example Brief is written by Ana Lind and
# edited by Tor Ek."
TEAM_CREDIT = regex.compile(rf"(?:the\s+)?\p{{Lu}}[\w&'’.-]*(?:\s+\p{{Lu}}[\w&'’.-]*){{0,3}}\s+(?:is|was)\s+"
                            rf"(?:(?:written|edited|produced|compiled|presented|put\s+together)(?:\s+and\s+(?:written|edited|"
                            rf"produced|compiled|presented))?\s+by\s+{PEOPLE}(?:\s*,?\s*(?:and\s+)?)?){{1,3}}\.?")
# a caption that ends in its picture's credit: "Evacuees wait for buses. Photo: Arne Fossum"
CAPTION = regex.compile(r"[^\n]{1,300}?[.)]\s+(?i:photo|photograph|picture|image|credit)\s*:\s*[^\n.]{1,60}\.?")
# a source line under an aggregator's copy: "Source: The Valley Herald", "Originally published by ..."
SOURCE = regex.compile(r"(?i:sources?|via|originally\s+(?:published|appeared)\s+(?:by|in|on))\s*:?\s+\p{Lu}[^\n]{0,80}")
# ... anywhere, when it is a list of names under its label and no sentence: "Sources: Example TV; agencies"
SOURCE_LIST = regex.compile(r"(?i:sources?)\s*:\s*\p{Lu}[^\n.!?:]{0,160}")
SOURCE_WORDS = 20
# a picture's credit: "Photo: ...", "Picture: Example Agency", "Main image: ..."
# ... or a caption under its label: "Image caption: ...", "Caption: ...", "Video caption: ..."
PHOTO = regex.compile(r"(?i:(?:main\s+|top\s+|lead\s+)?(?:photo|photograph|picture|image|pictured|video|"
                      r"illustration|credit|photo\s+credit|(?:(?:photo|image|picture|video|media)\s+)?caption))"
                      r"\s*:\s*[^\n]{1,300}")
# a bare name under the label of the piece's kind ("OPINION" / "Jane Roe"): the columnist's byline
KIND_LABEL = regex.compile(r"(?i:opinion|analysis|comment|commentary|column|columnists?|editorial|letter|review|essay|"
                           r"perspective|viewpoint|guest\s+column)\s*[:|]?")
BARE_NAME = regex.compile(rf"{PERSON}")
# ... or the label and a byline with its role on one line, anywhere (an analysis box inside a report): "Analysis:
# Ana Lind, Europe correspondent", "COMMENT | Tor Ek, political editor"
KIND_BYLINE = regex.compile(rf"{KIND_LABEL.pattern}\s*(?:[–—-]\s*)?(?i:by\s+)?{PERSON}\s*,\s*{ROLE}")
# ... or under the headline, with the label on a line above it: "OPINION | Columnists" / headline / "Jane Roe"
LABEL_PIECES = regex.compile(r"\s*[|·•›»/]\s*")
KIND_ABOVE = 3  # the label's line is at most this many lines above the name's
HEADLINE_WORDS = 4  # the headline between them is a longer line than a name
# the outlet's disclaimer under an opinion piece: "The views expressed in this article are the author's own."
DISCLAIMER = regex.compile(r"(?i:(?:the\s+)?(?:views|opinions)\s+expressed\s+(?:in\s+this\s+(?:article|piece|column|"
                           r"commentary)\s+|here\s+)?(?:are|is)\s+(?:(?:those\s+of\s+)?the\s+author['’]?s?|(?:his|her|their)|"
                           r"solely\s+(?:those\s+of\s+)?the\s+author['’]?s?)(?:\s+own)?(?:\s+and\s+[^\n]{1,120})?)\.?")
# ... anywhere, when it names the piece or its author: "The views expressed in this column are the author's own."
OWN_PIECE = regex.compile(r"(?i:\bin\s+this\s+(?:article|piece|column|commentary)\b|\bthe\s+author)")
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
# a biography right under the byline, above the column: "Ana Lind is a former harbourmaster and writes a
# weekly column on the port." (it names a writing job: a body's first sentence about its author rarely does)
BIO_JOB = regex.compile(r"(?i:\b(?:writes|columns?|columnist|author|journalist|editor|reporter|correspondent|"
                        r"contributor|commentator|writer)\b)")
# the outlet's standards note at the page's end: "Our Standards: The Example Trust Principles."
# (the label alone, or a colon, a bar or a dash and a name after it: not "Our standards of care have slipped.")
STANDARDS = regex.compile(r"(?i:our\s+(?:editorial\s+)?standards|editorial\s+standards|our\s+(?:editorial\s+)?principles|"
                          r"corrections\s+policy|ethics\s+policy)(?:\s*(?:[:|]|\s[–—-])\s*\p{Lu}[^\n]{0,80}|\s*\.?)")
# a photo caption by its shape. A position word after a name: "Ana Lind, right, with ...", "Tor Ek (left) and ..."
POSITION = regex.compile(r"\p{Lu}[\p{L}'’.-]*(?:\s*,\s*|\s+\()(?i:(?:second\s+|far\s+)?(?:left|right)|cent(?:re|er)|"
                         r"(?:top|bottom|front|back)(?:\s+(?:left|right|row))?|above|below|inset|pictured)\s*[,)]")
# ... the picture's credit in parentheses after its last full stop: "... on Friday. (Example Post / Ana Lind)",
# "... on Friday. (Westvale TV)", or an agency's photo credit: "... on Friday. Example Photo/Ana Lind", or a credit
# that says it is one (anywhere: "... on Friday. (Example Post photo: Ana Lind)")
PIC_CREDIT = regex.compile(r"[.!?]\s*\((?:[\p{Lu}\d][\w&'’.-]*(?:\s+[\p{Lu}\d&][\w&'’.-]*){0,3}(?:\s*/\s*"
                           r"\p{Lu}[\w&'’.-]*(?:\s+\p{Lu}[\w&'’.-]*){0,3})?)\)\s*$"
                           r"|[.!?]\s+(?:\p{Lu}[\w&'’.-]*\s+)?(?i:photo)\s*/\s*\p{Lu}[^\n]{1,40}$"
                           # ... labelled: "... on Friday. (Example Post photo: Ana Lind)", "... (Picture: Tor Ek)"
                           r"|[.!?]\s*\((?:\p{Lu}[\w&'’.-]*\s+){0,3}(?P<label>(?i:photo|photograph|picture|image))\s*:\s*"
                           r"\p{Lu}[\w&'’.-]*(?:\s+\p{Lu}[\w&'’.-]*){0,3}\)\s*$")
SAYS = regex.compile(r"\b(?:said|told|says|tells|according)\b")
CAPTION_WORDS = 35
# a tabloid's caption label under its picture: "ROTTEN: The gate that jammed open" (a word in capitals and a colon,
# in the header after the byline; no full stop: "UPDATE: The council has confirmed the closure." is a note)
CAPS_CAPTION = regex.compile(r"\p{Lu}{3,}(?:\s+\p{Lu}{2,})?\s*:\s+(?=[^\n]*\p{Ll})[^\n]{3,160}")
# the outlet describing itself at the page's end: "Example News is an independent, non-profit ...", "...
# brings you the news from trusted sources"
# ... or what it does with others' reporting: "Example Wire aggregates and summarises reporting from ...", "... curates
# the day's news from ..."
_ABOUT = regex.compile(r"[^\n]{1,60}?\s+(?:is\s+(?:an?|the)\s|brings\s+you\s|(?:aggregates|curates|summari[sz]es|"
                       r"collects|gathers|compiles|rounds\s+up|brings\s+together)\s)")
# ... or its tagline after its name: "Example Gazette — news for the valley since 1911"
_TAGLINE = regex.compile(r"\s+[–—-]\s+\p{Ll}[^\n.!?]{0,80}$")
MAX_WORDS = 40
BYLINE_GAP = 1  # lines (a date) between a byline and the biography under it
DATE_WORDS = 5
PARAGRAPH_WORDS = 15  # a body paragraph's words, at least
TAIL_LINES = 4  # an author's biography is one of the page's last lines
SOURCE_TAIL = 8  # a source line may stand above a block of links to other stories


def _under_kind_label(doc, lines: list[tuple[int, int]], i: int) -> bool:
    """Whether line i stands right under the label of the piece's kind ("OPINION" / "Jane Roe"), or right under
    the headline with that label (alone or as a piece of a section path, "OPINION | Columnists") on one of the
    KIND_ABOVE lines above the headline."""
    prev = doc.text[lines[i - 1][0]:lines[i - 1][1]].strip()
    if KIND_LABEL.fullmatch(prev):
        return True
    if word_count(prev) < HEADLINE_WORDS:
        return False
    return any(KIND_LABEL.fullmatch(piece) for s, e in lines[max(0, i - 1 - KIND_ABOVE):i - 1]
               for piece in LABEL_PIECES.split(doc.text[s:e].strip()))


def _under_byline(doc, lines: list[tuple[int, int]], i: int, done: set[int]) -> bool:
    """Whether line i stands right under a byline, or under it with only the date between them (short lines
    that are no sentence: "3 May 2025")."""
    for j in range(i - 1, max(-1, i - 1 - BYLINE_GAP - 1), -1):
        if j in done:
            return True
        between = doc.text[lines[j][0]:lines[j][1]].strip()
        if word_count(between) > DATE_WORDS or ends_like_sentence(between):
            return False
    return False


def _caption(line: str, header: bool) -> bool:
    """A photo caption by its shape: a position word after a name and the picture's credit at its end; in the
    header, either alone; below it, a credit naming both the outlet and the photographer ("(Example Post / Ana
    Lind)") or labelled as a picture's ("(Example Post photo: Ana Lind)"). Never a line with a reporting verb."""
    if word_count(line) > CAPTION_WORDS or SAYS.search(line):
        return False
    credit = PIC_CREDIT.search(line)
    return bool(POSITION.search(line) and (credit or header) or credit and (header or "/" in credit.group()
                                                                          or credit.group("label")))


@rule(
    id="credit-line",
    name="Byline, credit or author biography",
    family="boilerplate",
    status="stable",
    severity="low",
    score="share",
    docs={
        "what": "The page's credits: a byline above the first body paragraph (\"By Ana Lind\", \"Ana Lind, "
                "Europe correspondent\", \"Example Post staff | 3 May 2025\", \"Example Post Reporter\", \"Example "
                "News staff and agencies\", \"Example TV newsroom with AFP\", \"Live coverage by Ana Lind and Tor "
                "Ek\", \"Reporting from Kalvik: Ana Lind and Tor Ek\", \"Compiled by Example Gazette staff\"), or a columnist's bare name under the label "
                "of the piece's kind (\"OPINION\" / \"Ana Lind\", or \"OPINION | Columnists\" / headline / \"Ana "
                "Lind\"); a wire's credit line anywhere (\"(Reporting by ...; Editing by ...)\"), or at the page's "
                "end (\"Compiled from staff and agency reports.\", \"This article draws on reporting by ...\"); a "
                "picture's credit (\"Photo: ...\") or its caption under a label (\"Image caption: ...\"); the label of an "
                "analysis and its byline with a role, anywhere (\"Analysis: Ana Lind, Europe correspondent\"); a caption ending in its credit (\"... Photo: Ana Lind\") or "
                "shaped as one (a position word after a name, \"Ana Lind, right, with ...\", and a credit in "
                "parentheses at its end, \"(Example Post / Tor Ek)\", \"(Example Post photo: Tor Ek)\"; in the header "
                "either alone); a tabloid's "
                "caption label under the byline (\"SHINY: The bridge that ...\"); the biography of the person the "
                "byline names right under the byline (or under the date below it) when it names a writing job (\"Ana Lind is a former judge and "
                "writes a column on ...\") and, among the page's last lines, that biography (\"Ana Lind is a former "
                "... who writes on ...\") or any biography shaped as one, also above the links under the story's last paragraph (\"... writes about football for The "
                "Example Post\", \"... is a columnist for ...\"); the disclaimer of an opinion piece, at the page's "
                "end or in its header, or anywhere when it names the piece or its author (\"The views expressed in this "
                "column are the author's own.\"); a source line under an aggregator's copy (\"Source: ...\"), or "
                "anywhere a list of sources under its label (\"Sources: Example TV; agencies\"); and the outlet's own blurb "
                "(\"Example News is an independent ...\", \"Example Wire aggregates and summarises reporting from ...\"), its standards note (\"Our Standards: The Example Trust Principles.\") and a newsletter's "
                "team credit (\"Example Brief is written by Ana Lind and edited by Tor Ek.\").",
        "why": "Credits and biographies are the page's, not the report's: they tell who made it, not what "
               "happened. (Ingest reads the byline as metadata.)",
        "limitations": "A byline below the first body paragraph is not flagged (a sentence there may start "
                       "\"By Friday, ...\"); a biography is flagged only when it starts with a name the byline "
                       "gives, or has a biography's shape at the page's end. A caption in the body is read only "
                       "with both a position word and a credit, or with a credit that names outlet and "
                       "photographer (\"(Example Post / Tor Ek)\"); a caption with a reporting verb never.",
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
            "Bridge reopens after repairs\n⟦Gazette Reporter⟧\nThe bridge over the river reopened on Friday after "
            "three months of repairs, the city said in a statement.\n⟦Compiled from staff and wire reports.⟧",
            "Bridge reopens after repairs\n⟦Harbour TV newsroom with Reuters⟧\n⟦Live updates by Ana Lind and Ivo "
            "Berg⟧\nThe bridge over the river reopened on Friday after three months of repairs, the city said in a "
            "statement.\n⟦Mayor Ana Lind, left, with the engineer Tor Ek on the new deck on Friday. (Westvale Post / "
            "Ivo Berg)⟧\nTraffic was light on the first morning.\n⟦Cyclists wait at the toll gate on Saturday. (Gazette "
            "photo: Mia Sol)⟧\nThe toll is gone.\n⟦This story draws on reporting by the Westvale "
            "Gazette and AFP.⟧",
            "BRIDGE OF SIGHS: TOWN PAYS MILLIONS\n⟦By Ana Lind⟧\n⟦SHINY: The new bridge that cost the town its "
            "pool⟧\nUPDATE: The council has confirmed the bridge will reopen on Monday.\nThe bridge over the river "
            "reopened on Friday after three months of repairs, the city said in a statement.\n⟦Our standards: The "
            "Westvale Post code of practice.⟧\n⟦Westvale Weekly is written by Ana Lind and edited by Tor Ek.⟧",
            "Westvale Review\nOPINION | Columnists\nThe bridge was worth every cent, and here is why\n⟦Tor Ek⟧\n"
            "⟦Tor Ek is a retired harbourmaster and writes a monthly column on the port.⟧\n⟦The views expressed in "
            "this column are the author's own.⟧\nThe bridge over the river reopened on Friday after three months "
            "of repairs, and the council deserves the credit for it.\nNobody crossed it faster than the mayor.\n"
            "⟦Tor Ek was the harbourmaster of Westvale from 1990 to 2015. He writes for the Review every month.⟧",
            "Bridge reopens after repairs\n⟦By Ana Lind⟧\nAna Lind is the name on the plaque, and the man who "
            "carved it is her son.\nThe bridge over the river reopened on Friday after three months of repairs, the "
            "city said.\nTraffic was light.\nThe mayor crossed first.\nThe ferry kept running.\nThe toll is gone.",
            "Bridge reopens: the council got it right\nOPINION\n⟦Tor Ek⟧\nThe bridge over the river reopened on "
            "Friday after three months of repairs, and the council deserves the credit for it.\n⟦Tor Ek is a "
            "retired engineer of Vell and a columnist for The Example Review.⟧\n⟦The views expressed in this "
            "article are the author's own.⟧",
            "Westvale Gazette\nBridge reopens after repairs\n⟦Compiled by Westvale Gazette staff⟧\n⟦Image caption: "
            "Cyclists on the new deck on its first morning⟧\nThe bridge over the river reopened on Friday after three "
            "months of repairs, the city said in a statement.\n⟦Analysis: Ivo Berg, transport editor⟧\nThe repairs "
            "ran late because the steel came from abroad and the river rose twice in the spring.\n⟦Sources: Westvale "
            "Radio; harbour board; agencies⟧",
            "Westvale Review\nOPINION | Columnists\nThe bridge was worth every cent, and here is why\n⟦Tor Ek⟧\n"
            "12 May 2025\n⟦Tor Ek writes on the port and the council. His column runs on Mondays.⟧\nThe bridge over "
            "the river reopened on Friday after three months of repairs, and the council deserves the credit.\n"
            "⟦The views expressed in this column are the author's own.⟧\nMore from Tor Ek\nWhy the ferry lost\n"
            "The tolls nobody wanted\nJoin the debate: 40 comments\n© Westvale Review 2025",
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
            "Bridge reopens after repairs\nThe bridge over the river reopened on Friday after three months of "
            "repairs, the city said in a statement.\nMayor Ana Lind, left, and her deputy cut the ribbon before a "
            "crowd of three hundred.\nCouncil staff and agencies worked through the night to finish it.\nThe "
            "bridge reopened three months late. (Ana Lind)\nThis report draws on interviews with forty engineers.\nThe "
            "toll is gone for good. (Picture this: no queue at all.)",
            "Bridge to reopen\nThe bridge over the river will reopen on Monday after three months of repairs, the "
            "city said.\nThe Harbour Review was written by Tor Ek in 1998 and banned a year later.\nOur standards of "
            "maintenance have slipped for a decade.",
            "Bridge reopens after repairs\nCompiled by hand, the list of defects ran to forty pages.\nThe bridge over "
            "the river reopened on Friday after three months of repairs, the city said in a statement.\nSources: two "
            "engineers on the site said the steel came late.\nAnalysis: Ivo Berg Steel Works supplied the beams.\nThe "
            "mayor crossed first.\nThe ferry kept running.\nThe toll is gone.\nTraffic was light.",
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
        if BARE_NAME.fullmatch(line) and _under_kind_label(doc, lines, i):
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
        if i not in done and done and CAPS_CAPTION.fullmatch(line) and not ends_like_sentence(line):
            done.add(i)  # "ROTTEN: The gate that jammed open", under the byline
            yield Hit(s, e, "picture caption", data={"reason": "credit"})
    tail = len(lines) - TAIL_LINES
    # the story's end: the last paragraph of the body (a biography or a disclaimer under it may stand above the
    # links to other stories, more than TAIL_LINES from the page's last line)
    last = max((j for j, (a, b) in enumerate(lines) if word_count(doc.text[a:b]) >= PARAGRAPH_WORDS
                and ends_like_sentence(doc.text[a:b])), default=len(lines))
    for i, (s, e) in enumerate(lines):
        if i in done or i == 0:
            continue
        line = doc.text[s:e].strip()
        if word_count(line) > MAX_WORDS:
            continue
        if WIRE_CREDIT.fullmatch(line) and (line.startswith("(") or i >= tail):
            yield Hit(s, e, "credit line", data={"reason": "credit"})
        elif PHOTO.fullmatch(line) or CAPTION.fullmatch(line):
            yield Hit(s, e, "picture credit", data={"reason": "credit"})
        elif _caption(line, s < body):
            yield Hit(s, e, "picture caption", data={"reason": "credit"})
        elif i >= len(lines) - SOURCE_TAIL and SOURCE.fullmatch(line) or (
                SOURCE_LIST.fullmatch(line) and word_count(line) <= SOURCE_WORDS and not SAYS.search(line)):
            yield Hit(s, e, "source credit", data={"reason": "credit"})
        elif KIND_BYLINE.fullmatch(line):
            yield Hit(s, e, "byline", data={"reason": "byline"})
        elif i >= tail and doc.article.outlet and (
                _ABOUT.match(line) or _TAGLINE.match(line, len(doc.article.outlet))) and \
                line.casefold().startswith(doc.article.outlet.casefold()):
            yield Hit(s, e, "the outlet's own blurb", data={"reason": "about"})
        elif i >= tail and (STANDARDS.fullmatch(line) or TEAM_CREDIT.fullmatch(line)):
            yield Hit(s, e, "the outlet's own credit", data={"reason": "about"})
        elif (i >= min(tail, last) or s < body or i - 1 in done or OWN_PIECE.search(line)) and DISCLAIMER.fullmatch(line):
            yield Hit(s, e, "the outlet's disclaimer", data={"reason": "disclaimer"})
        elif not SAYS.search(line) and names and (i >= min(tail, last) or _under_byline(doc, lines, i, done)
                                                  and BIO_JOB.search(line)) and any(
                regex.match(rf"{regex.escape(n)}\s+{BIO_VERBS}\s+(?:a|an|the|on|for|about|from)?\b", line)
                for n in dict.fromkeys(names)):
            yield Hit(s, e, "author biography", data={"reason": "biography"})
        elif i >= min(tail, last) and not SAYS.search(line) and WRITES_FOR.fullmatch(line):
            yield Hit(s, e, "author biography", data={"reason": "biography"})
