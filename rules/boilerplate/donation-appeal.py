"""donation-appeal: the outlet asking its readers for money or a subscription."""

import regex

from auditor.rules import Hit, rule
from auditor.text.lines import QUOTE_CHARS, nonblank_lines, phrase_matcher, word_count

# "Support UNITED24 Media Team", "Support The Kyiv Independent": an imperative Support + a short name.
SUPPORT_NAME = regex.compile(r"^\s*support\s+(?:the\s+)?\p{Lu}[\w\-]*(?:\s+[\w\-]+){0,4}\s*[.!]?\s*$",
                             regex.IGNORECASE)
# a newsletter or subscription offer: "Sign up for the Morning Briefing ...", "Subscribe to Example Weekly for
# full access", "... the day's news in your inbox by 7am", "Evening briefing: the markets in your inbox. Sign up"
# "Sign up for Example Sport's evening email" (not "Sign up for a streaming account for $9 a month": a how-to's step,
# nor "Sign up for an email account at the library")
SIGN_UP = regex.compile(r"^\s*(?:sign\s+up|subscribe|register)\b(?=.*\b(?:newsletters?|briefings?|bulletins?|digest|"
                        r"alerts|inbox|full\s+access|unlimited\s+access|free\s+trial|(?:daily|weekday|weekly|weekend|"
                        r"morning|lunchtime|evening|monthly)\s+e-?mails?)\b)"
                        r"|\b(?:in|to)\s+your\s+inbox\b|\bsign\s+up(?:\s+(?:now|here|today))?\s*[.!]?\s*$"
                        # the button after a promo's blurb: "Example Daily: the briefing read by 9,000 ... Subscribe"
                        # (a capitalised verb alone after a full stop, a colon or a bar: not "... asked them to subscribe.")
                        r"|(?:[.!?:|·•]|\s[–—-])\s*(?-i:Subscribe|SUBSCRIBE|Register|REGISTER|Join|JOIN|Try\s+it)"
                        r"(?:\s+(?:now|here|today|free|for\s+free|us))?\s*[→›»>]?\s*$"
                        r"|^\s*subscribe\s+to\s+(?:the\s+)?(?-i:\p{Lu})"  # "Subscribe to Example Ledger Pro for ..."
                        # a price offer alone or as a bar's last link: "Subscribe from €1 a week", "Sign in | Subscribe
                        # for 2 crowns a month" (nothing after it: not "Subscribe for £5 a month and the first week ...")
                        r"|(?:^|[|·•]\s*)subscribe\s+(?:now\s+)?(?:from|for)\s+(?:just\s+|only\s+)?\S{1,12}(?:\s+[\w.]+)?\s+"
                        r"(?:a|per|each|/)\s*(?:day|week|month|year)\s*[.!]?\s*$"
                        r"|^\s*newsletters?\s*:"  # "Newsletter: Get the Morning Manifest before 7am"
                        # a newsletter's own footer: "You're receiving this because you subscribed to ..."
                        r"|\byou(?:['’]re|\s+are)\s+receiving\s+this\b"
                        # a membership offer: "Become a Vespers Review member from £4 a month"
                        # (an imperative opening a sentence: not "Estonia would become a member of the alliance")
                        r"|(?:^|[.!]\s+)(?-i:Become)\s+an?\s+(?:[\w'’&-]+\s+){0,3}(?:member|subscriber|supporter|"
                        r"patron|insider)s?\b",
                        regex.IGNORECASE)
SIGN_UP_WORDS = 30  # a longer line is a paragraph about a subscription, not an offer of one
MAX_WORDS = 50  # a longer line is an article paragraph that mentions donations, not an appeal
TAIL_LINES = 2  # short lines that close an appeal at the end of the page ("United, we tell the war...")


@rule(
    id="donation-appeal",
    name="Donation or subscription appeal",
    family="boilerplate",
    status="stable",
    severity="low",
    score="share",
    docs={
        "what": "A short line asking readers to donate, support or subscribe (\"DONATE NOW\", \"Support "
                "UNITED24 Media Team\", \"Your support keeps our team in the field.\"), a newsletter or "
                "subscription offer of at most 30 words (\"Sign up for the Morning Briefing\", \"... in your "
                "inbox by 7am\", \"Sign up for Example Sport's evening email\", \"Subscribe from €1 a week\", a "
                "promo's blurb and its button, \"Example Daily: the briefing 9,000 skippers read. Subscribe\"), and up to two short lines that close an appeal block (two appeal lines or more) "
                "at the very end of the page.",
        "why": "Fund-raising blocks are the outlet's voice addressed to the reader, not the report. They "
               "must not be read as the author's claims and they count toward the boilerplate ratio.",
        "limitations": "An appeal woven into a body paragraph of more than 50 words is not flagged. The "
                       "phrases live in data/boilerplate.yaml (donation).",
    },
    examples={
        "flagged": [
            "The talks resumed.\n\n⟦DONATE NOW⟧\n\nBoth sides met.",
            "The war goes on.\n\n⟦Support Example Media Team⟧\n\n⟦Your donation powers our reporting.⟧\n"
            "⟦United, we tell it as it is.⟧",
            "The talks resumed.\n⟦Sign up for the Example Morning Briefing: the day's news in your inbox by 7am⟧",
            "The talks resumed.\n⟦Support independent reporting. Become an Example Review member from £4 a month.⟧",
            "The talks resumed.\n⟦Newsletter: Get the Example Morning Manifest, the port news before 7am.⟧",
            "The talks resumed.\n⟦You're receiving this because you subscribed to The Example Brief.⟧",
            "The talks resumed.\n⟦Harbour Weekly: the shipping digest 4,000 skippers read first. Subscribe now⟧",
            "The talks resumed.\n⟦Sign up for Westvale Sport's weekday email⟧",
            "Westvale Post\n⟦Subscribe from 2 crowns a week⟧\nThe talks resumed.\n⟦Sign in | Subscribe for €1 a month⟧",
        ],
        "clean": [
            "The charity said donations to the fund had doubled since the war began, according to its annual "
            "report, which was published on Monday in Kyiv and lists every donor by name and country and sum.",
            "Allies support Ukraine.",
            "Subscribers to the service will pay more from May, the company said.",
            "Sign up for a streaming account first, then add the sports package for $5 a month.",
            "Sign up for an email account at the library first, the council's guide advises.",
            "Subscribe for £5 a month and the first week of the ferry pass is free.",
            "The minister said Norland would become a member of the alliance by 2030.",
            "The newsletter, she said, had twelve readers at first.",
            "The ferry company wrote to its season-ticket holders on Monday. Few chose to subscribe.",
        ],
    },
)
def check(doc):
    lines = nonblank_lines(doc)
    donation = phrase_matcher("boilerplate.donation")
    flagged: list[int] = []
    for i, (s, e) in enumerate(lines):
        line = doc.text[s:e]
        if any(c in line for c in QUOTE_CHARS) or word_count(line) > MAX_WORDS:
            continue
        if donation.search(doc.norm, s, e) or SUPPORT_NAME.match(line) or (
                word_count(line) <= SIGN_UP_WORDS and SIGN_UP.search(line)):
            flagged.append(i)
            yield Hit(s, e, "donation appeal", data={"reason": "donation appeal"})
    # short closing lines after an appeal block (two appeal lines or more among the page's last lines),
    # when nothing but them follows it
    if len(flagged) >= 2 and flagged[-2] >= len(lines) - 2 * TAIL_LINES - 2:
        rest = lines[flagged[-1] + 1:]
        if 0 < len(rest) <= TAIL_LINES and all(
            word_count(doc.text[s:e]) <= 12 and not any(c in doc.text[s:e] for c in QUOTE_CHARS) for s, e in rest
        ):
            for s, e in rest:
                yield Hit(s, e, "closing line of a donation appeal", data={"reason": "donation appeal"})
