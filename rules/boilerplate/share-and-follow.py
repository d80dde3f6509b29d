"""share-and-follow: share bars, "follow us" lines and comment counters."""

import regex

from auditor.rules import Hit, rule
from auditor.text.lines import LEADING_ICON, QUOTE_CHARS, WIDE_GAP, nonblank_lines, phrase_matcher, word_count
from auditor.vocab import cached

# the pieces of a bar: "Share on Facebook | Share on X | Email", "Share · Save · Comment (214)"
PIECES = regex.compile(r"\s*(?:[|·•/]|\s[-–—]\s)\s*")
# buttons whose link text kept its brackets: "[Share] [Email] [Comments (38)]"
BRACKETED = regex.compile(r"\s*(?:\[[^\[\]\n]{1,40}\]\s*){2,}")
COUNT = regex.compile(r"\s*\(?\d[\d,.]*[kK]?\)?\s*")
COMMENTS = regex.compile(r"(?:\d[\d,.]*[kK]?\s+comments?|comments?\s*\(\s*\d[\d,.]*[kK]?\s*\))", regex.IGNORECASE)
COPYRIGHT = regex.compile(r"(?:©|\(c\)|(?i:copyright))[^|·•]{0,80}")  # "Share this live blog · © Example 2025"
# the reader asked for news tips: "Got a story? Call the newsdesk", "Have a news tip? Email us"
# ... or for their letters: "Join the conversation: an address", "Join the debate below"
# ... or for their own stories, by a question to them and what to do: "Were you on the ferry? Tell us your story: an
# address", "Are you affected? Get in touch", "Share your pictures of the storm: an address"
CALL_OUT = regex.compile(r"\s*(?:[^\n]{3,80}?\?\s+)?(?:(?:tell|show|send)\s+us\s+(?:about\s+)?(?:your|what|how|why|more)\b|"
                         r"share\s+your\s+(?:[\w'’-]+\s+){0,2}?(?:story|stories|experiences?|views|photos|pictures|videos)\b|"
                         r"get\s+in\s+touch\b|contact\s+us\b|join\s+the\s+(?:conversation|debate|discussion)\b)"
                         r"(?P<rest>[^\n]{0,80})", regex.IGNORECASE)
# ... ending in where to write, or a question to the reader before it: "Tell us your story: an address"
ADDRESS = regex.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\bhttps?://\S+|\b(?:below|here)\b[.!]?\s*$", regex.IGNORECASE)
TIPS = regex.compile(r"\s*(?:(?:got|have|do\s+you\s+have)\s+(?:a|any)\s+(?:news\s+)?(?:story|tip|tips)\s*\?|"
                     r"(?:[^\n]{0,80}?\?\s*)?(?:write|email|e-mail)\s+(?:to\s+)?(?:us\s+at\s+)?[\w.+-]+@[\w-]+\.[\w.]+|"
                     # (session 33: "Do you know more? Contact our newsroom in confidence")
                     r"(?:[^\n]{0,80}?\?\s*)?(?:contact|call|email)\s+(?:the|our)\s+(?:news\s?desk|newsroom|news\s+team)\b|"
                     r"send\s+us\s+your\s+(?:news\s+)?(?:tips|stories)\b)",
                     regex.IGNORECASE)
# "Share: Facebook | X", "Like this story? Share it: Facebook · X", "Share this story: Facebook | X | Email"
SHARE_LEAD = regex.compile(r"^\s*(?i:(?:like\s+this\s+(?:story|article|post)\?\s*)?share(?:\s+(?:it|on|via|"
                           r"this(?:\s+(?:article|story|post|page|piece|report|live\s+(?:page|blog)))?))?)"
                           r"\s*:\s*(?=\S)")
# a network the list does not hold, after "Share:": one or two capitalised words, no digit ("Share: Facebook / Chirp")
NETWORK_NAME = regex.compile(r"\p{Lu}[\p{L}'’.+-]*(?:\s+\p{Lu}[\p{L}'’.+-]*)?")
# "Share this fact check", (session 33) "Share on social networks"
SHARE_THIS = regex.compile(r"\s*(?i:share\s+this\s+[\w -]{1,25}|share\s+(?:on|via)\s+social\s+(?:networks?|media))\s*")
# a whole bar kept inside one pair of brackets: "[share: Facebook | WhatsApp | X | Email]", "[Share this story]"
WRAPPED = regex.compile(r"\s*\[(?P<in>[^\[\]\n]{1,120})\]\s*")
SAYS = regex.compile(r"\b(?:said|told|says|tells|asked|according)\b")
MAX_WORDS = 25  # a longer line is a paragraph that happens to mention a network


@cached
def _follow() -> regex.Pattern:
    """"Follow us on X", "Follow the Example Post on Facebook, X and Instagram for the latest news"."""
    nets = phrase_matcher("boilerplate.networks").pattern
    return regex.compile(
        rf"\s*(?:follow|like|join|find)\s+(?:us|(?:the\s+)?(?-i:\p{{Lu}}[\w&'’.-]*(?:\s+[\p{{Lu}}\d][\w&'’.-]*){{0,4}}))"
        rf"\s+(?:on\s+(?:{nets})(?:\s*(?:,|and|&|or)\s*(?:{nets}))*\b|for\s+(?:more|the\s+latest|updates|breaking)\b)"
        # (session 33) ... or by a handle: "Follow us @TheCommuterKV", "Follow us: @examplepost"
        rf"|\s*follow\s+us\s*:?\s*@[\w.]{{2,40}}\s*$",
        regex.IGNORECASE | regex.VERSION1)  # (or "Follow Example News for more stories")


def _call_out(norm: str, s: int, e: int) -> bool:
    """Whether the line asks readers for their own stories: after a question to them ("Were you on the ferry? Tell
    us your story"), or with where to send them ("Share your photos: an address")."""
    m = CALL_OUT.fullmatch(norm, s, e)
    return bool(m and (norm[s:m.start("rest")].rstrip().find("?") >= 0 or ADDRESS.search(m.group("rest"))))


def _bar(norm: str, s: int, e: int, share: regex.Pattern) -> bool:
    """Whether every piece of the line is a share button or a comment counter (two pieces at least, or a
    counter: a lone "Share" is navigation-link's); after a "Share:" lead, a piece may also be a network's name the
    list does not hold (NETWORK_NAME), one listed button among them."""
    lead = SHARE_LEAD.match(norm[s:e])
    line = norm[s:e][lead.end() if lead else 0:]  # "Share: Facebook | X | Email"
    if BRACKETED.fullmatch(line):  # "[Share] [Email]"
        line = " | ".join(regex.findall(r"\[([^\[\]\n]+)\]", line))
    elif not PIECES.search(line) and WIDE_GAP.search(line):  # "Share  Tweet  Email": only wide gaps part them
        line = " | ".join(WIDE_GAP.split(line.strip()))
    pieces = [LEADING_ICON.sub("", p.strip()).strip() for p in PIECES.split(line) if p.strip()]
    counted = [bool(COMMENTS.fullmatch(p) or (m := share.match(p)) and m.end() < len(p) and COUNT.fullmatch(p[m.end():]))
               for p in pieces]
    listed = [bool(c or share.fullmatch(p)) for p, c in zip(pieces, counted, strict=True)]
    return bool(pieces) and (len(pieces) >= 2 or counted[0]) and all(
        n or COPYRIGHT.fullmatch(p) or lead and any(listed) and NETWORK_NAME.fullmatch(p)
        for p, n in zip(pieces, listed, strict=True)) and not all(COPYRIGHT.fullmatch(p) for p in pieces)


@rule(
    id="share-and-follow",
    name="Share bar or follow line",
    family="boilerplate",
    status="stable",
    severity="low",
    score="share",
    docs={
        "what": "A line that is only share buttons or a comment counter (\"Share on Facebook | Share on X | "
                "Email\", \"Share · Save · Comment (214)\", \"Comments (38)\"), or that asks readers to follow "
                "the outlet on a social network (\"Follow the Example Post on Facebook and X for the latest "
                "news\"), or that asks them for news tips (\"Got a story? Call the newsdesk\") or for their own stories "
                "(\"Were you there? Tell us your story: an address\") or for their letters (\"Join the debate: an address\"). A bar's buttons may keep their brackets (\"[Share] "
                "[Email]\"), the whole bar its own (\"[share: Facebook | X]\") or an icon (\"💬 40 comments\"). The buttons and "
                "networks are data/boilerplate.yaml's share_labels and networks.",
        "why": "A share bar or a follow line is the website's, not the report's; it counts toward the "
               "boilerplate ratio.",
        "limitations": "A follow line longer than 25 words, or one that names no listed network, is not "
                       "flagged; nor is a bar with a piece the list does not hold, unless it opens with \"Share:\" and "
                       "the piece is one or two capitalised words beside a listed button (\"Share: Facebook / Chirp / "
                       "Email\").",
    },
    examples={
        "flagged": [
            "The bridge reopened on Friday.\n⟦Share on Facebook | Share on X | Email⟧",
            "The bridge reopened on Friday.\n⟦Follow the Example Post on Facebook, X and Instagram for the latest⟧",
            "The bridge reopened on Friday.\n⟦Share · Save · Comment (214)⟧\n⟦Comments (38)⟧",
            "The bridge reopened on Friday.\n⟦Share this story · © Example Post 2025⟧\n⟦Got a story? Call our newsdesk⟧",
            "The bridge reopened on Friday.\n⟦Share: Facebook | X | WhatsApp | Email⟧",
            "The bridge reopened on Friday.\n⟦Share: Facebook / Quokka / Email⟧\n⟦Share this story: Harbourgram · Copy "
            "link⟧",
            "The bridge reopened on Friday.\n⟦Share this story: Facebook · WhatsApp · Copy link⟧",
            "The bridge reopened on Friday.\n⟦Like this story? Share it: Facebook · X⟧\n⟦Like · Comment · Share⟧\n"
            "⟦Follow Example News for more stories⟧\n⟦Share this fact check⟧\n"
            "⟦Spotted a claim we should check? Write to desk@example.org⟧",
            "The bridge reopened on Friday.\n⟦[Share] [Email] [Comments (12)]⟧\n⟦💬 40 comments · Share · Save for later⟧\n"
            "⟦SHARE | POST | COMMENTS (9)⟧\n⟦Did you cross it on the first day? Tell us your story: bridge@example.org⟧\n"
            "⟦Share your photos of the new bridge: pics@example.org⟧\n⟦Join the debate: letters@westvalereview.example⟧",
            "The bridge reopened on Friday.\n⟦[share: Facebook | WhatsApp | X | Email]⟧\n⟦[Share this story]⟧\n⟦Share  Tweet  "
            "Email⟧",
            "The bridge reopened on Friday.\n⟦Do you know more? Contact our newsroom in confidence⟧\n⟦Follow us "
            "@ExamplePostNews⟧\n⟦Share on social networks⟧",
        ],
        "clean": [
            "The mayor shared the plan on Facebook and X on Friday, and asked residents to comment by May.",
            "Follow the river path on foot: it is the quickest way to the bridge, the guide said.",
            "Save the date: the festival returns on 3 June.",
            "Share this article: it explains the ferry strike better than we can, the union told its members.",
            "Have a story to tell about the bridge? The museum collects them, its director said.",
            "Follow the signs for the ferry, the warden said, and share the road with cyclists.",
            "Who pays for the bridge? Tell us your plan, the mayor told the opposition on Friday.",
            "Why does the board hide the figures? Tell us that, councillors, and we will stop asking.",
            "Join the conversation at the town hall on Monday, the mayor urged residents of the harbour.",
            "The bridge reopened on Friday.\n[Westvale] [Harbour]\nShare your worries with the council, residents were told.",
            "The bridge reopened on Friday.\nShare of the vote: Greens / Labour / Liberals\nShare: Westvale / Harbour",
            "The bridge reopened on Friday.\nShare: the council and the harbour board / Email the mayor",
            "The bridge reopened on Friday.\n[Share of the vote: Greens / Labour / Liberals]",
            "Asked who knew, the mayor told reporters to contact our newsroom's lawyers.",
            "Shares on social networks rose after the bridge reopened, the council said on Friday.",
        ],
    },
)
def check(doc):
    share = phrase_matcher("boilerplate.share_labels")
    follow = _follow()
    for s, e in nonblank_lines(doc):
        line = doc.text[s:e]
        if any(q in line for q in QUOTE_CHARS) or word_count(line) > MAX_WORDS:
            continue
        w = WRAPPED.fullmatch(doc.norm, s, e)
        bs, be = w.span("in") if w else (s, e)
        if _bar(doc.norm, bs, be, share) or SHARE_THIS.fullmatch(doc.norm, bs, be):
            yield Hit(s, e, "share bar", data={"reason": "share bar"})
        elif follow.match(doc.norm, s, e):
            yield Hit(s, e, "follow line", data={"reason": "follow line"})
        elif TIPS.match(doc.norm, s, e) or _call_out(doc.norm, s, e) and not SAYS.search(line):
            yield Hit(s, e, "news tips appeal", data={"reason": "tips appeal"})
