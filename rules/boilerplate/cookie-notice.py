"""cookie-notice: the website's cookie banner and its cookie controls, copied with the article's text."""

import regex

from auditor.rules import Hit, rule
from auditor.text.lines import (
    LEADING_ICON,
    QUOTE_CHARS,
    bar_pieces,
    ends_like_sentence,
    nonblank_lines,
    word_count,
)

# the site telling the reader it uses cookies: "We use cookies to ...", "This website uses essential cookies only",
# "Example Post uses cookies", after a label or not ("Cookies: we use ...")
LABEL = r"(?:(?i:cookies?)(?:\s+(?i:notice|policy))?\s*(?::|\||\s[–—-])\s*)?"
NOTICE = regex.compile(
    # (session 35: "We and our 214 partners use cookies", "Cookies help us deliver our services")
    LABEL + r"(?:(?i:we(?:\s+and\s+our\s+(?:\d+\s+)?(?:partners|vendors))?|this\s+(?:web)?site|our\s+(?:web)?site|the\s+(?:web)?site|this\s+page)|\p{Lu}[\w&'’.-]*"
    r"(?:\s+\p{Lu}[\w&'’.-]*){0,3})\s+(?i:use|uses|is\s+using|are\s+using)\s+(?:[\w-]+\s+){0,3}?(?i:cookies)\b")
HELP_US = regex.compile(r"(?i:cookies\s+help\s+us\s+(?:deliver|provide|improve|run)\s+(?:our|the)\s+(?:services?|site|website))")
# ... or asking for consent by browsing: "By continuing to browse, you agree to our use of cookies"
CONTINUING = regex.compile(r"(?i:by\s+(?:continuing|using|browsing|clicking|visiting)\b[^\n]{0,80}?\b(?:agree|accept|"
                           r"consent)\w*\s+to\s+(?:our|the|its)\s+(?:use\s+of\s+)?cookies?\b)")
# a notice names the site or the reader's browsing, not a bakery's cookies
WEB = regex.compile(r"(?i:experience|brows(?:e|ing|er)|website|(?:this|our|the)\s+site|consent|accept|preferences|"
                    r"settings|policy|privacy|personali[sz]|analytics|advertis|traffic|devices?|necessary|essential)")
SAYS = regex.compile(r"\b(?:said|says|told|tells|according|found|finds|ruled|warned|claimed|argued)\b")
NOTICE_WORDS = 60
# the banner's or the footer's cookie controls: "Cookie settings", "Manage cookies", "Accept all cookies",
# "Privacy and cookies"
CONTROL = regex.compile(r"(?i:(?:manage|accept|reject|allow|decline|block)\s+(?:all\s+)?cookies"
                        r"|(?:manage\s+(?:your\s+)?)?cookie\s+(?:settings|preferences|policy|notice|choices|consent|options)"
                        r"|privacy\s+(?:and|&)\s+cookies?(?:\s+policy)?|cookies?\s+policy)")
# ... and "Cookies" alone among the footer's legal links: "About · Privacy · Cookies"
COOKIES = regex.compile(r"(?i:cookies)")
LEGAL = regex.compile(r"(?i:privacy(?:\s+(?:policy|notice))?|terms(?:\s+(?:of\s+(?:use|service)|and\s+conditions))?|"
                      r"about(?:\s+us)?|contact(?:\s+us)?|accessibility|legal|imprint|sitemap)")
PIECE_WORDS = 4


def _controls(line: str) -> bool:
    """Whether the line is a cookie control alone, or a bar of short links (two pieces or more, each at most four
    words, no sentence) with a cookie control among them, or "Cookies" beside a legal link."""
    pieces = bar_pieces(line)
    if not all(pieces) or any(word_count(p) > PIECE_WORDS or ends_like_sentence(p) for p in pieces):
        return False
    if len(pieces) == 1:
        return bool(CONTROL.fullmatch(pieces[0]))
    return any(CONTROL.fullmatch(p) for p in pieces) or (
        any(COOKIES.fullmatch(p) for p in pieces) and any(LEGAL.fullmatch(p) for p in pieces))


def _notice(line: str) -> bool:
    """Whether the line opens with the site's cookie notice (and names the site or the reader's browsing)."""
    text = LEADING_ICON.sub("", line)
    return (word_count(text) <= NOTICE_WORDS and bool(NOTICE.match(text) and WEB.search(text) or CONTINUING.match(text)
                                                       or HELP_US.match(text))
            and not SAYS.search(text))


@rule(
    id="cookie-notice",
    name="Cookie notice or cookie controls",
    family="boilerplate",
    status="stable",
    severity="low",
    score="share",
    docs={
        "what": "A line that opens with the website's cookie notice (\"We use cookies to improve your visit. Accept "
                "all | Manage preferences\", \"This website uses cookies. By continuing to browse ...\", \"Cookies: we "
                "use essential cookies only.\", \"By using this site you agree to our use of cookies\"), a cookie "
                "control alone on its line (\"Cookie settings\", \"Manage cookies\") or a bar of footer links with one "
                "among them (\"Cookie preferences | Privacy | Contact us\", \"About · Privacy · Cookies\").",
        "why": "A cookie banner is the website's, copied with the text; it is not the report and counts toward the "
               "boilerplate ratio.",
        "limitations": "The notice must open the line (after a \"Cookies:\" label or an icon), say that we, the site "
                       "or a capitalised name use cookies and name the site or the reader's browsing (\"experience\", "
                       "\"browse\", \"consent\", \"settings\" ...); a line with a quotation or a reporting verb (\"said\", "
                       "\"found\") is left alone, as is a notice that follows a copyright line on the same line "
                       "(copyright-line's). \"Cookies\" alone in a bar needs a legal link beside it (\"Privacy\", "
                       "\"Terms of use\").",
    },
    examples={
        "flagged": [
            "The ferry company raised its fares on Monday, the harbour board said.\n⟦We and our 214 partners use "
            "cookies. Accept all | Reject all | Settings⟧\n⟦Cookies help us deliver our services. OK⟧",
            "The ferry company raised its fares on Monday, the harbour board said.\n⟦We use cookies to make your "
            "visit to Westvale Post better. Accept all | Manage preferences⟧",
            "The ferry company raised its fares on Monday, the harbour board said.\n⟦This website uses cookies. By "
            "continuing to browse you accept our cookie policy.⟧\n⟦Cookie settings | Terms of use | Contact the "
            "Gazette⟧",
            "The ferry company raised its fares on Monday, the harbour board said.\n⟦Cookies: we use essential "
            "cookies only. Change settings⟧\n⟦About · Privacy · Cookies⟧",
            "The ferry company raised its fares on Monday, the harbour board said.\n⟦Harbour Wire uses cookies and "
            "similar tools to measure traffic.⟧\n⟦By using this site you agree to our use of cookies⟧\n⟦Manage "
            "cookies⟧",
        ],
        "clean": [
            "The bakery on Mill Lane uses cookies from a recipe its founder wrote down in 1952.",
            "We use cookies and cakes to thank our volunteers, the food bank's manager said.",
            "Cookies: the bakery sold 4,000 at the harvest fair, twice last year's number.",
            "The bakery's stall offered three things.\nCakes | Cookies | Bread\nAll of it sold out by noon.",
            "This site uses cookies to follow readers without their consent, the watchdog found in its report.",
            "Regulators say the council's website uses cookies that break the privacy law.",
            "Westvale Bakery uses cookies shaped like ferries for its harbour festival boxes.",
        ],
    },
)
def check(doc):
    for s, e in nonblank_lines(doc):
        line = doc.text[s:e].strip()
        if any(q in line for q in QUOTE_CHARS):
            continue
        if _notice(line) or _controls(line):
            yield Hit(s, e, "cookie notice", data={"reason": "cookie notice"})
