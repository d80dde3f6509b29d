"""newsletter-furniture: a newsletter's (or a paper's) own voice around the story: tagline, closing lines, sign-off."""

import regex

from auditor.rules import Hit, rule
from auditor.text.lines import QUOTE_CHARS, body_start, ends_like_sentence, nonblank_lines, word_count

# what a newsletter calls itself under its name: "The weekly newsletter on Westvale politics", "Your weekday
# briefing on the harbour, from the Example Desk" (a word for its rhythm and one for the letter, then what it is
# about or who sends it; no verb: not the headlines "The weekly briefing that changed the council", "A weekly
# bulletin for farmers is closing")
TAGLINE = regex.compile(r"(?i:(?!.*\b(?:is|are|was|were|will|has|have|had|can|could|would|says|said|gets|goes)\b)"
                        r"(?:the|your|an?)\s+(?:[\w'’-]+\s+){0,2}?(?:daily|weekday|weekly|weekend|morning|evening|"
                        r"fortnightly|monthly|twice-weekly)\s+(?:[\w'’-]+\s+)?(?:newsletter|briefing|digest|bulletin|"
                        r"round-?up|email|dispatch|guide)(?:\s+(?:on|about|for|from|covering|of|to)\s+[^\n.!?]{1,100})?)")
TAGLINE_WORDS = 16
# a paper's motto under its masthead: "Your town. Your paper. Since 1911", "Our valley, our voice. Est. 1902", "Your
# town, your ferry - since 1911", "Our valley, our voice since 1902" (its last piece followed by a stop, a dash or the
# year it was founded: not the headline "Our town, our rules")
_MOTTO_PIECE = r"(?i:your|our)\s+[\w'’-]+(?:\s+[\w'’-]+)?"
_MOTTO_STOP = r"(?:\s*[.,!;]|\s+[-–—])"
_SINCE = r"(?:(?i:since|est\.?|established|founded)\s+(?:(?i:in)\s+)?\d{4}\.?)"
MOTTO = regex.compile(rf"(?:{_MOTTO_PIECE}{_MOTTO_STOP}\s*){{1,2}}{_MOTTO_PIECE}(?:{_MOTTO_STOP}\s*{_SINCE}?|\s+{_SINCE})")
# ... or what it serves and since when: "Serving the valley and its islands since 1952"
SERVING = regex.compile(rf"(?i:(?:proudly\s+)?(?:serving|covering|informing))\s+[^\n.!?,;:]{{2,80}}?\s+{_SINCE}")
# ... or whom it is for: "The weekly for harbour and shipping professionals", "The trade paper for bakers and
# millers", "For tax advisers, bookkeepers and payroll staff" (alone, the readers it names end it: not the headline "For
# farmers, a winter of losses"; no verb: not "The paper for the valley is closing")
_NO_VERB = (r"(?!.*\b(?:is|are|was|were|will|has|have|had|can|could|would|says|said|gets|goes|closes|opens|wins|"
            r"loses|faces|shuts)\b)")
AUDIENCE = regex.compile(_NO_VERB + r"(?i:(?:the|your|an?)\s+(?:[\w'’-]+\s+){0,2}?(?:paper|newspaper|weekly|daily|monthly|"
                         r"magazine|journal|title|voice|home|website|newsletter|bible)\s+(?:for|of)\s+[^\n.!?:;]{3,80}"
                         r"|for\s+[^\n.!?:;]{0,80}?\b(?:\w+(?:ers|ors|ists|ians|als|ants|ents|ees)|people|readers|staff|"
                         r"trade|industry|sector|community|communities))")
MOTTO_LINES = 3  # the masthead's first lines
# the closing lines of an issue: "Thanks for reading.", "That's it for today.", "... reply to this email ...",
# "If someone forwarded you this, sign up below"
# (the opener a sentence of its own: not "That's it for today, one councillor joked")
CLOSING = regex.compile(r"^\s*(?:(?i:thanks|thank\s+you|many\s+thanks)\s+(?i:for\s+reading|for\s+joining\s+us)"
                        # (session 35: "Thanks for reading The Frontier Note! Subscribe for free ...")
                        r"(?:\s+\p{Lu}[\w&'’.-]*(?:\s+\p{Lu}[\w&'’.-]*){0,3})?"
                        r"|(?i:that['’]s\s+(?:it|all)\s+for\s+(?:today|now|this\s+(?:week|issue|edition|morning|evening)|"
                        r"the\s+week)))\s*[.!]"
                        r"|\b(?i:reply\s+to\s+this\s+(?:email|newsletter)|just\s+hit\s+reply|hit\s+reply|"
                        r"(?:someone\s+)?forwarded\s+(?:you\s+)?this(?:\s+(?:email|newsletter))?|"
                        # (session 35: "Forward this to a friend who ...", "Upgrade to paid for the weekly deep-dive",
                        # "You're reading the free edition")
                        r"forward\s+this\s+(?:email\s+|newsletter\s+|issue\s+)?to\s+a\s+friend|upgrade\s+to\s+(?:paid|premium)|"
                        r"you['’]re\s+reading\s+the\s+free\s+(?:edition|version|issue))\b")
SAYS = regex.compile(r"\b(?:said|told|says|tells|according)\b")
CLOSING_WORDS = 60
# the sign-off: "— The Example team", "— Ana", "– Ana and Tor" (an en or em dash: "- Tickets" is a list's item)
SIGN_OFF = regex.compile(r"(?:[—–]|--)\s*(?:(?i:the\s+)?\p{Lu}[\w&'’.-]*(?:\s+\p{Lu}[\w&'’.-]*){0,2}\s+(?i:team|desk|newsroom|"
                         r"editors)|\p{Lu}[\p{L}'’.-]*(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}'’.-]*){0,3})\s*"
                         r"|(?i:the)\s+\p{Lu}[\w&'’.-]*(?:\s+\p{Lu}[\w&'’.-]*){0,2}\s+(?i:team)")  # or "The Example team"
TAIL_LINES = 6  # the issue's closing lines and sign-off stand among the page's last lines


@rule(
    id="newsletter-furniture",
    name="Newsletter tagline, closing lines or sign-off",
    family="boilerplate",
    status="stable",
    severity="low",
    score="share",
    docs={
        "what": "Above the first body paragraph, a newsletter's tagline (\"The weekly newsletter on Westvale "
                "politics\", \"Your weekday briefing on the harbour, from the Example Desk\") or, on the page's first "
                "three lines, a paper's motto under its masthead (\"Your town. Your paper. Since 1911\", \"Your town, "
                "your ferry - since 1911\"), what it serves since when (\"Serving the valley since 1952\") or whom it "
                "is for (\"The weekly for harbour and shipping professionals\", \"For tax advisers and "
                "bookkeepers\"); among the page's last six lines, an "
                "issue's closing lines (\"Thanks for reading. ...\", \"That's it for today. Reply to this email "
                "with tips.\", \"If someone forwarded you this, ...\") and its sign-off (\"— The Example team\", "
                "\"— Ana\").",
        "why": "These lines are the newsletter talking about itself, not the report; they count toward the "
               "boilerplate ratio.",
        "limitations": "A closing line with a quotation or a reporting verb (\"said\", \"told\") is left alone, "
                       "as are closing lines above the page's last six and a tagline that ends like a sentence. "
                       "A \"For ...\" line needs the readers it names at its end (a word like \"advisers\", "
                       "\"professionals\", \"readers\", \"trade\"), and a line with a verb (\"is\", \"closes\") is no "
                       "tagline; a short headline shaped as a tagline on those lines is taken for one. "
                       "A sign-off without its dash is read only when it names a team.",
    },
    examples={
        "flagged": [
            "Harbour Notes\nFerry fares rise again\nThe ferry company raised its fares on Monday, the harbour board said.\n"
            "⟦Thanks for reading Harbour Notes! Subscribe for free to receive new posts.⟧\n⟦You're reading the free "
            "edition. Upgrade to paid for the monthly deep-dive.⟧",
            "Harbour Notes\n⟦The weekly newsletter on Westvale harbour and its money⟧\nFerry fares rise again\n"
            "The ferry company raised its fares for the third time this year on Monday, the harbour board said.\n"
            "⟦Thanks for reading. If a friend forwarded you this, sign up below, and send us tips by hitting reply.⟧\n"
            "⟦— The Harbour Notes team⟧",
            "Westvale Gazette\n⟦Your valley. Your voice. Since 1902⟧\nBridge reopens after repairs\nThe bridge over "
            "the river reopened on Friday after three months of repairs, the city said in a statement.",
            "Carrow Mercury\n⟦Your coast, your paper - since 1908⟧\nHarbour wall to be rebuilt\nThe harbour board voted "
            "on Monday to rebuild the sea wall at a cost of four million crowns, its chairman said.",
            "Carrow Mercury\n⟦Serving Carrow and the outer islands since 1908⟧\nHarbour wall to be rebuilt\nThe harbour "
            "board voted on Monday to rebuild the sea wall at a cost of four million crowns, its chairman said.",
            "NET AND KEEL\n⟦For skippers, deckhands and harbour professionals⟧\nHarbour wall to be rebuilt\nThe harbour "
            "board voted on Monday to rebuild the sea wall at a cost of four million crowns, its chairman said.",
            "Net and Keel\n⟦The weekly for the valley's boatbuilders and chandlers⟧\nHarbour wall to be rebuilt\nThe "
            "harbour board voted on Monday to rebuild the sea wall at a cost of four million crowns, its chairman said.",
            "Example Rounds\nFerry fares rise again\n⟦Your weekday briefing on transport, from the Example Desk⟧\n"
            "The ferry company raised its fares for the third time this year on Monday, the harbour board said.\n"
            "⟦That's all for this week. Reply to this email with your ferry stories.⟧\n⟦– Ana⟧",
        ],
        "clean": [
            "Harbour Notes\nThe weekly briefing that changed how the harbour board talks\nThe ferry company raised "
            "its fares for the third time this year on Monday, the harbour board said.",
            "Westvale Gazette\nA weekly bulletin for harbour workers is closing after 60 years\nThe ferry company "
            "raised its fares for the third time this year on Monday, the harbour board said.",
            "The ferry company raised its fares on Monday, the harbour board said.\nThanks for reading the notice, "
            "the harbour master told passengers, and check the timetable before you sail.",
            "The ferry company raised its fares on Monday, the harbour board said.\nThe board will meet again in May.\n"
            "- Fares up 12%",
            "Your fares, your ferry: that was the slogan of the campaign, which the harbour board ignored for a year.",
            "Carrow Mercury\nOur town, our rules\nThe harbour board voted on Monday to rebuild the sea wall at a cost of "
            "four million crowns, its chairman said.",
            "Carrow Mercury\nFor skippers and deckhands, a winter of losses\nThe harbour board voted on Monday to "
            "rebuild the sea wall at a cost of four million crowns, its chairman said.",
            "Carrow Mercury\nThe paper for the outer islands is closing after 90 years\nThe harbour board voted on "
            "Monday to rebuild the sea wall at a cost of four million crowns, its chairman said.",
            "Carrow Mercury\nServing the same soup since 1950, the harbour café shuts its doors\nThe harbour board "
            "voted on Monday to rebuild the sea wall at a cost of four million crowns, its chairman said.",
            "The ferry company raised its fares on Monday, the harbour board said.\nThe board will meet again in May.\n"
            "That's it for today, the chairman joked as the vote closed, to laughter from the gallery.",
        ],
    },
)
def check(doc):
    lines = nonblank_lines(doc)
    body = body_start(doc)
    for i, (s, e) in enumerate(lines):
        line = doc.text[s:e].strip()
        if i == 0 or any(q in line for q in QUOTE_CHARS):
            continue
        if s < body and not ends_like_sentence(line) and word_count(line) <= TAGLINE_WORDS and (
                TAGLINE.fullmatch(line) or i < MOTTO_LINES and (
                    MOTTO.fullmatch(line) or SERVING.fullmatch(line) or AUDIENCE.fullmatch(line))):
            yield Hit(s, e, "the newsletter's tagline", data={"reason": "tagline"})
        elif i >= len(lines) - TAIL_LINES and s >= body:
            if SIGN_OFF.fullmatch(line) and word_count(line) <= 6:
                yield Hit(s, e, "sign-off", data={"reason": "sign-off"})
            elif word_count(line) <= CLOSING_WORDS and not SAYS.search(line) and CLOSING.search(line):
                yield Hit(s, e, "the issue's closing line", data={"reason": "closing line"})
