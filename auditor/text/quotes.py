"""Quotations: the words an article puts in someone's mouth, with who said them and the cue that says so.

``extract_quotes(doc)`` (what ``doc.quotes`` holds) returns one ``Quote`` per utterance:

* ``start``/``end``: the content span, without the quotation marks, a trailing comma before the cue
  (``"...win," he said``) or surrounding white space; ``text`` is those words, except that for a quotation
  carried over several paragraphs the marks that reopen it at each new paragraph are left out.
* ``kind``: ``direct`` (a sentence or more, quoted as such) or ``partial`` (words quoted inside the
  author's own sentence: ``noted that reaching an agreement "will require difficult choices."``).
* ``speaker``, ``cue``, ``cue_start``/``cue_end``: see ``auditor.text.speakers``.

Scare quotes and quoted terms (``the “willing coalition”``, ``'serious'`` in a headline, ``a so-called
“coalition of the willing”``) are **not** in ``doc.quotes``: they are not utterances, and the quote checks
downstream (clusters, fidelity, the JSON export) would count them as such. ``scare_quotes(doc)`` returns
them (``kind="scare"``) for whoever wants them.

How the marks are paired, and the real-text failures each step answers:

1. Every mark is classified by its neighbours, not by its shape alone: a mark with white space (or an
   opening bracket, a dash) on its left and a word on its right opens; a word or punctuation on its left
   and white space or punctuation on its right closes. Straight marks get their direction this way; curly
   marks and guillemets fall back on their shape only where the context is undecided (French ``« x »``,
   ``countries."Would``). So one stray mark (an unbalanced ``...security vision."`` with no opener, textacy
   #379) does not invert the parity of every mark after it. A stray *closing* mark whose sentence opens
   with a reporting cue (``Rutte assured that Ukraine ... vision."``, ``According to X, ..."``) lost its
   opening mark: the words from the cue (after ``that``, a comma or a colon) to the mark are recovered as a
   partial quotation. Any other stray mark is dropped alone.
2. A quotation still open at the end of its paragraph, when the next paragraph begins with an opening
   mark, continues there (the convention for a quotation over several paragraphs, where only the last one
   is closed: CoreNLP #1139). Otherwise it ends with its paragraph.
3. Nesting: a mark that opens inside an open quotation opens a quote-within-the-quote (``“... The
   ‘coalition of the willing’ has ...”``), which stays part of the outer one. When the outer quotation is
   never closed and a nested one is (``"Ukraine must ... countries. "Would you like ...?" Rutte said.``),
   the writer forgot to close the outer one: it ends where the inner one opens, and the inner one becomes a
   quotation of its own.
4. Single quotes (``‘ ’`` and ``'``) only count outside a double-quoted span, and an apostrophe between two
   letters is never a mark. Two single marks standing together for a double one (``‘‘We will stay,’’``,
   ``''...''``, TeX's backticks, as some outlets' copy prints every quotation) are one double mark:
   the normalised view writes them as a double mark beside a space (``normalize.py``), and the pairing
   below reads double marks off that view.
5. Quotation marks inside boilerplate (``doc.boilerplate``: captions, related links, ...) are not sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..models import Quote
from .document import strip_span
from .normalize import NORMALIZE_MAP

DOUBLE = set('"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02')
SINGLE = set("'\u2018\u2019\u201a\u201b\u2039\u203a")
# every mark of each kind, found with one scan of the text rather than a Python loop over its characters
_NORM_OF = {**NORMALIZE_MAP, "'": "'"}
_NORM_DOUBLE_RX = re.compile('"')  # every double mark is '"' in the normalised view (normalize.py)
_SINGLE_RX = re.compile("[" + re.escape("".join(sorted(SINGLE))) + "]")
_OPEN_SHAPE = set("\u201c\u201e\u201f\u00ab\u2018\u201a\u201b\u2039")
_CLOSE_SHAPE = set("\u201d\u00bb\u2019\u203a")
_LEFT_OPENERS = set("([{\u2014\u2013-/")  # a mark right after these opens
_RIGHT_CLOSERS = set(",.;:!?)]}\u2014\u2013-\u2026")  # a mark right before these closes

# Words before a quoted span that make it a term rather than an utterance ("a so-called “X”").
_TERM_LEAD = {"a", "an", "the", "this", "its", "their", "his", "her", "our", "so-called", "dubbed", "called",
              "termed", "named", "as", "word", "words", "term", "phrase", "label", "slogan"}
_SCARE_MAX_WORDS = 6
# Words before the title of a work: the work's noun, a verb of performing or publishing it, "titled"
# ('the band played "Long Road Home"', 'her essay "Why Ports Matter"', 'a film titled "Quiet Harbour."').
_WORK_LEAD = {"song", "songs", "single", "album", "track", "hit", "ballad", "anthem", "tune", "record", "film",
              "movie", "documentary", "book", "novel", "memoir", "poem", "essay", "play", "musical", "opera",
              "show", "series", "sitcom", "episode", "podcast", "column", "exhibition", "painting", "game",
              "titled", "entitled", "perform", "performed", "performing", "performs", "sing", "sang", "sung",
              "singing", "sings", "played", "playing", "recorded", "released", "covered", "premiered",
              "published", "wrote", "written"}
# a quoted title in a list: after "including", "like", "such as" or another quotation and a comma, or before
# another quotation
_IN_LIST = re.compile(r'(?:\b(?:including|like|such\s+as)\s*|(?:,"|",|")\s*(?:(?:and|or)\s+)?)$', re.IGNORECASE)
_LIST_NEXT = re.compile(r'\s*(?:,\s*|\s+and\s+)?"')
_SMALL_WORDS = frozenset("a an the and or but nor of to in on at by for from with as into onto is it its".split())


def _title_case(words: list[str]) -> bool:
    """The capitalisation of a title: two to twelve words, every word but the small ones capitalised, and
    at least two capitalised ("Takin' It to the Streets", "Long Road Home"), not a sentence ("We will win")."""
    if not 2 <= len(words) <= 12:
        return False
    caps = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    return len(caps) >= 2 and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL_WORDS for w in words)
# a possessor's words right before the quoted ones: "Roe's words - "...", "the minister's message: "...""
# (not "the word "..."", "its slogan "..."": whose words they are is not said)
_POSSESSED_WORDS = re.compile(r"(?:[A-Z][\w\-]*['\u2019]s?|\b(?:[Hh]is|[Hh]er|[Tt]heir))[^\S\n]+(?:[a-z]+[^\S\n]+)?"
                              r"(?:words|message|promise|warning|reply|answer|retort|verdict|plea|vow|pledge)"
                              r"[^\S\n]*[,:\u2014\u2013-]?[^\S\n]*$")
# a person naming a thing right before the quoted words: "what he called (the)", "which she described as",
# "he dubbed it", "Roe called the plan" (not "the so-called", "widely known as", "what critics call")
_SPEAKER_NAMES_IT = re.compile(
    r"(?:\b(?:he|she)|(?<![.!?]\s)\b[A-Z][a-z]+)\s+(?:has\s+|had\s+|also\s+|repeatedly\s+)?"
    r"(?:called|calls|described|describes|dubbed|dubs|termed|terms|labell?ed|labels|branded|brands)"
    r"(?:\s+(?:it|them|him|her|this|that|the\s+\w+(?:\s+\w+)?))?(?:\s+as)?(?:\s+(?:the|a|an|his|her|their|its))?\s*$")


@dataclass
class _Mark:
    pos: int
    ch: str
    role: str  # open | close | either | none
    para: int


@dataclass
class _Open:
    mark: _Mark
    reopens: list[int] = field(default_factory=list)  # positions of marks reopening it on a new paragraph
    nested: list[tuple[int, int]] = field(default_factory=list)  # (open pos, close pos) of inner quotes


@dataclass
class RawQuote:
    open: int  # position of the opening mark
    close: int | None  # position of the closing mark, None when never closed
    start: int  # content span
    end: int
    reopens: list[int]
    double: bool = True
    nested: list[tuple[int, int]] = field(default_factory=list)  # (open, close) of quotes inside it


def _classify(text: str, i: int) -> str:
    ch = text[i]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if ch in SINGLE and prev.isalnum() and nxt.isalnum():
        return "none"  # apostrophe: don't, Russia's
    left_content = not (prev.isspace() or prev in _LEFT_OPENERS)
    right_content = not (nxt.isspace() or nxt in _RIGHT_CLOSERS) or (nxt in ".\u2026" and _ellipsis_at(text, i + 1))
    if right_content and not left_content:
        return "open"
    if left_content and not right_content:
        return "close"
    if ch in _OPEN_SHAPE:
        return "open"
    if ch in _CLOSE_SHAPE:
        return "close"
    if ch in SINGLE:
        return "none" if left_content else "either"
    return "either"


def _ellipsis_at(text: str, i: int) -> bool:
    return text[i] == "\u2026" or text.startswith("...", i)


def _para_index(doc) -> list[tuple[int, int]]:
    return list(doc.paragraphs)


def _para_of(paras: list[tuple[int, int]], pos: int) -> int:
    lo, hi = 0, len(paras) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s, e = paras[mid]
        if pos < s:
            hi = mid - 1
        elif pos >= e:
            lo = mid + 1
        else:
            return mid
    return -1


def _pair_double(doc, paras, strays: list[int] | None = None) -> list[RawQuote]:
    """Pair the double marks; the positions of closing marks nothing opened go to ``strays``."""
    text, norm = doc.text, doc.norm
    marks = []
    for found in _NORM_DOUBLE_RX.finditer(norm):
        i = found.start()
        p = _para_of(paras, i)
        if p >= 0:
            ch = text[i]
            if ch in DOUBLE:
                role = _classify(text, i)
            else:  # two single marks typed for a double one: the normalised view says which side (normalize.py)
                role = "open" if i > 0 and norm[i - 1] == " " and _NORM_OF.get(text[i - 1]) == "'" else "close"
            marks.append(_Mark(i, ch, role, p))
    out: list[RawQuote] = []
    stack: list[_Open] = []

    def close_unclosed(o: _Open) -> None:
        # never closed: it ends where a closed inner quotation opens, else with its paragraph
        last_para = _para_of(paras, o.reopens[-1]) if o.reopens else o.mark.para
        if o.nested:
            end = o.nested[0][0]
            for s, e in o.nested:
                out.append(RawQuote(s, e, s + 1, e, []))
        else:
            end = paras[last_para][1]
        out.append(RawQuote(o.mark.pos, None, o.mark.pos + 1, end, o.reopens))

    def flush(before_para: int, mark: _Mark | None) -> bool:
        """Settle quotations left open on earlier paragraphs; True when ``mark`` reopens the top one."""
        if not stack:
            return False
        top = stack[-1]
        top_para = _para_of(paras, top.reopens[-1]) if top.reopens else top.mark.para
        if top_para == before_para:
            return False
        reopen = (mark is not None and mark.role in ("open", "either") and before_para == top_para + 1
                  and not text[paras[before_para][0]:mark.pos].strip() and len(stack) == 1)
        if reopen:
            top.reopens.append(mark.pos)
            return True
        while stack:
            close_unclosed(stack.pop())
        return False

    for m in marks:
        if flush(m.para, m):
            continue
        if m.role == "open" or (m.role == "either" and not stack):
            stack.append(_Open(m))
        elif m.role in ("close", "either"):
            if not stack:
                if strays is not None and m.role == "close":
                    strays.append(m.pos)
                continue  # a stray closing mark: dropped alone (see _recover_stray)
            o = stack.pop()
            if stack:
                stack[-1].nested.append((o.mark.pos, m.pos))
            else:
                out.append(RawQuote(o.mark.pos, m.pos, o.mark.pos + 1, m.pos, o.reopens, nested=o.nested))
    flush(len(paras) + 1, None)
    return out


def _pair_single(doc, paras, taken: list[tuple[int, int]]) -> list[RawQuote]:
    text = doc.text
    out = []
    by_para: dict[int, list[_Mark]] = {}
    norm = doc.norm
    for found in _SINGLE_RX.finditer(text):
        i, ch = found.start(), found.group()
        if norm[i] != "'":
            continue  # one of two single marks typed for a double one (normalize.py)
        if not any(s <= i < e for s, e in taken):
            role = _classify(text, i)
            if role != "none":
                p = _para_of(paras, i)
                if p >= 0:
                    by_para.setdefault(p, []).append(_Mark(i, ch, role, p))
    for marks in by_para.values():
        opened: _Mark | None = None
        for m in marks:
            if opened is None and m.role in ("open", "either"):
                opened = m
            elif opened is not None and m.role in ("close", "either"):
                if m.pos - opened.pos > 1:
                    out.append(RawQuote(opened.pos, m.pos, opened.pos + 1, m.pos, [], double=False))
                opened = None
    return out


_END_PUNCT = set(".!?,\u2026")
_LEAD_IN = re.compile(r"\s*(?:that\b)?\s*[,:]?\s*", re.IGNORECASE)


def _recover_stray(doc, pos: int, quoted: list[tuple[int, int]]) -> RawQuote | None:
    """A closing mark at ``pos`` whose opening mark was lost (``Rutte assured that Ukraine ... vision."``):
    when the mark closes a sentence (punctuation before it) and a reporting cue opens that sentence
    (``X said/assured (that)``, ``according to X,``), the words from the cue to the mark are taken as a
    partial quotation; otherwise None (the mark is dropped alone)."""
    from .speakers import cue_patterns

    text, norm = doc.text, doc.norm
    if pos == 0 or text[pos - 1] not in _END_PUNCT:
        return None
    sent = doc.sentence_at(pos - 1)
    para = doc.paragraph_at(pos - 1)
    if not sent or not para:
        return None
    lo = max(sent[0], para[0])
    if any(s < pos and e > lo for s, e in quoted):  # another quotation in the sentence: not ours to guess
        return None
    pats = cue_patterns()
    found = [m for k in ("inside_who_verb", "inside_according") for m in pats[k].finditer(norm, lo, pos)]
    if not found:
        return None
    m = min(found, key=lambda x: x.start())  # the sentence's own cue, not one inside the quoted words
    end_of_cue = max(m.end("verb"), m.end("who"))
    start = _LEAD_IN.match(norm, end_of_cue).end()
    if len(_words(norm[start:pos])) < 3:
        return None
    return RawQuote(start, pos, start, pos, [])


def raw_quotes(doc) -> list[RawQuote]:
    """Every paired quotation (scare quotes included), in text order; with the quotations recovered
    from a stray closing mark (``_recover_stray``)."""
    paras = _para_index(doc)
    strays: list[int] = []
    dq = _pair_double(doc, paras, strays)
    spans = [(r.open, (r.close if r.close is not None else r.end) + 1) for r in dq]
    dq += [x for x in (_recover_stray(doc, pos, spans) for pos in strays) if x is not None]
    taken = [(r.open, (r.close if r.close is not None else r.end) + 1) for r in dq]
    sq = _pair_single(doc, paras, taken)
    taken += [(r.open, (r.close if r.close is not None else r.end) + 1) for r in sq]
    return sorted(dq + sq + _dash_quotes(doc, taken), key=lambda r: r.start)


# Direct speech introduced by a dash at the start of a line, as Ukrainian, Russian and French copy prints it
# ("– We are ready to help, – he said.", "— We will not retreat — the envoy stressed."): a quotation when a
# reporting clause ends the line after a comma or a dash; with none, the line is a list item.
_DASH_OPEN = re.compile(r"[ \t\u00a0]*([\u2013\u2014-])[ \t\u00a0]+(?=[\w\"\u201c\u00ab])")
# ... and again after a sentence on the same line ("– ..., – Roe said. – ..., – she added.")
_DASH_REOPEN = re.compile(r"(?<=[.!?])[ \t\u00a0]+([\u2013\u2014-])[ \t\u00a0]+(?=[\w\"\u201c\u00ab])")
_DASH_LINE = re.compile(r"(?m)^[ \t\u00a0]*[\u2013\u2014-][ \t\u00a0]")
_DASH_SEP = re.compile(r",[ \t\u00a0]*[\u2013\u2014-]?[ \t\u00a0]*|[ \t\u00a0]+[\u2013\u2014-][ \t\u00a0]+")


def _dash_quotes(doc, taken: list[tuple[int, int]]) -> list[RawQuote]:
    from .speakers import cue_patterns

    if not _DASH_LINE.search(doc.norm):
        return []  # no line opens with a dash
    pats = cue_patterns()
    norm, text, out = doc.norm, doc.text, []
    lines = [(ls, le) for ls, le in doc.lines if norm[ls:le].strip()]
    found: dict[int, list[RawQuote]] = {}
    for i, (ls, le) in enumerate(lines):
        m = _DASH_OPEN.match(norm, ls, le)
        if not m or any(a < le and ls < b for a, b in taken):
            continue  # no dash opens the line, or its quotation marks say where its quotation is
        opens = [m] + list(_DASH_REOPEN.finditer(norm, m.end(), le))
        for k, o in enumerate(opens):
            start, seg_end = o.end(), opens[k + 1].start() if k + 1 < len(opens) else le
            for sep in reversed(list(_DASH_SEP.finditer(norm, start, seg_end))):
                if text[o.start(1)] == "-" and not re.search("[-\u2013\u2014]", text[sep.start():sep.end()]):
                    continue  # "- Tolls are cut, the ministry said": a hyphen opens list items; speech takes a dash
                tail = norm[sep.end():seg_end]  # (the cue patterns are anchored at the text's start)
                cue = pats["after_who_verb"].match(tail) or pats["after_verb_who"].match(tail)
                if cue and sep.start() - start >= 10 and len(tail[cue.end():].strip(" .")) <= 60:
                    found.setdefault(i, []).append(
                        RawQuote(open=o.start(1), close=sep.end() - 1, start=start, end=sep.start(), reopens=[]))
                    break
    for i, rs in found.items():
        # a line of a list: a neighbouring line opens with the same dash and carries no cue
        if not any(0 <= j < len(lines) and j not in found and _DASH_OPEN.match(norm, *lines[j]) for j in (i - 1, i + 1)):
            out += rs
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    s, e = strip_span(text, s, e)
    while e > s and text[e - 1] in ",;:\u2014\u2013-" and not _ellipsis_at(text, e - 1):
        e -= 1
        s, e = strip_span(text, s, e)
    return s, e


def _content_text(text: str, s: int, e: int, reopens: list[int]) -> str:
    if not reopens:
        return text[s:e]
    parts, pos = [], s
    for r in reopens:
        if s <= r < e:
            parts.append(text[pos:r])
            pos = r + 1
    parts.append(text[pos:e])
    return "".join(parts)


def _words(text: str) -> list[str]:
    from .document import WORD_RE

    return WORD_RE.findall(text)


def _kind(doc, r: RawQuote, s: int, e: int) -> str:
    """direct | partial | scare, from the quoted words and the words around the marks."""
    norm = doc.norm
    content = norm[s:e]
    words = _words(content)
    sent = doc.sentence_at(r.open) or doc.sentence_at(s) or (s, e)
    para = doc.paragraph_at(r.open) or sent
    before = norm[max(sent[0], para[0]):r.open]
    before_words = _words(before)
    lead = before_words[-1].lower() if before_words else ""
    lead2 = " ".join(w.lower() for w in before_words[-2:])
    has_stop = any(c in content for c in ".!?") or "..." in content
    after_close = norm[(r.close + 1 if r.close is not None else e):para[1]][:80]
    cue_near = _cue_adjacent(before, after_close)
    if not cue_near and len(words) >= 2 and (_SPEAKER_NAMES_IT.search(before) or _POSSESSED_WORDS.search(before)):
        return "partial"  # 'what he called the "mental virus"', 'which she described as "a trap"': a person's
        # own words for a thing, not the author's distance from a term
    if not cue_near:
        if lead == "so-called" or lead2 == "so called" or lead2.endswith("known as"):
            return "scare"
        if lead in _WORK_LEAD and _title_case(words):
            return "scare"  # 'to perform "Takin' It to the Streets."', 'her new single "Lost In Vell"': the
            # title of a work, no one's utterance
        if _title_case(words) and (_IN_LIST.search(before) or _LIST_NEXT.match(after_close)):
            return "scare"  # 'hits including "Listen To The Music," "Takin' It To The Streets," ...': titles
            # in a list, no one's utterances
        if len(words) <= 2 and not has_stop:
            return "scare"
        if lead in _TERM_LEAD and len(words) <= _SCARE_MAX_WORDS and not has_stop:
            return "scare"
        if not before.strip() and len(words) <= 3 and not has_stop and r.close is not None \
                and norm[r.close + 1:r.close + 2].isalnum() is False and after_close.strip()[:1].islower():
            return "scare"
    # a sentence (or more) quoted as such: it opens its sentence, or follows a cue and a colon/comma
    stripped = before.rstrip()
    opens_sentence = not stripped or stripped[-1] in ".!?:\"'" or stripped.endswith(",")
    first = content.lstrip(".\u2026 ")[:1]
    if opens_sentence and (first.isupper() or first.isdigit()):
        return "direct"
    return "partial"


def _cue_adjacent(before: str, after: str) -> bool:
    """A reporting cue right after the closing mark or right before the opening one."""
    from .speakers import _UNNAMED_AFTER, _UNNAMED_HINT, cue_patterns

    pats = cue_patterns()
    if pats["after_who_verb"].match(after) or pats["after_verb_who"].match(after):
        return True
    if "," in after[:60] and (pats["after_who_rel_verb"].match(after) or pats["after_role_appos_verb"].match(after)):
        return True  # '"Nobody slept," Roe, the mayor, said', '"We will appeal," the board's chair, Ana Ruiz, said'
    if _UNNAMED_HINT.search(after, 0, 60) and _UNNAMED_AFTER.match(after):
        return True  # '"We lost everything," another added', '"Stay at home," police urged residents'
    tail = before[-120:]
    if pats["before_colon"].search(tail):
        return True
    if not _has_verb_word(tail):  # the cheap test first: no reporting verb, no cue before the mark
        return False
    return any(pats[k].search(tail) for k in ("before_according", "before_who_verb"))


def _has_verb_word(text: str) -> bool:
    from .speakers import _verb_edge_words

    first, _ = _verb_edge_words()
    return any(w.lower() in first for w in _WORD_ONLY.findall(text))


_WORD_ONLY = re.compile(r"[A-Za-z]+")


def _make(doc, r: RawQuote) -> Quote | None:
    text = doc.text
    s, e = _trim(text, r.start, r.end)
    if e <= s or not any(c.isalpha() for c in text[s:e]):
        return None
    if doc.in_boilerplate((s, e)):
        return None
    return Quote(text=_content_text(text, s, e, r.reopens), start=s, end=e, kind=_kind(doc, r, s, e))


def _sort_into(doc, found: Iterable[RawQuote], quotes: list[Quote], scare: list[Quote],
               raws: list[RawQuote]) -> None:
    """Each raw quotation of ``found`` made a Quote: a scare quote to ``scare``, any other to ``quotes``
    (with its raw form, at the same index, in ``raws``)."""
    for r in found:
        q = _make(doc, r)
        if q is None:
            continue
        if q.kind == "scare":
            scare.append(q)
        else:
            quotes.append(q)
            raws.append(r)


def _build(doc) -> tuple[list[Quote], list[Quote], list[RawQuote]]:
    quotes, scare, raws = [], [], []
    _sort_into(doc, raw_quotes(doc), quotes, scare, raws)
    return quotes, scare, raws


def _whole_paragraph(doc, r: RawQuote) -> bool:
    para = doc.paragraph_at(r.open)
    if not para or r.close is None or doc.text[para[0]:r.open].strip():
        return False
    return not doc.text[r.close + 1:para[1]].strip(" .,;:\u2026")


def _is_report(doc, q: Quote, r: RawQuote, disc) -> bool:
    """True when the quoted words report their own speaker in the third person: the author's narration
    in quotation marks (a whole lead paragraph quoted, ``"Ivanov stated that he was ready to ..."``), not
    a rendering of anyone's words."""
    from .speakers import PRONOUNS, _opens_sentence, cue_patterns, reporting_verb_re

    if q.kind != "direct":
        return False
    norm = doc.norm
    pats = cue_patterns()
    whole = _whole_paragraph(doc, r) and q.cue is None
    window = min(q.end, q.start + (240 if whole else 120))
    if not _has_verb_word(norm[q.start:window]) or not reporting_verb_re().search(norm, q.start, window):
        return False
    for key in ("inside_who_verb", "inside_according"):
        for m in pats[key].finditer(norm, q.start, window):
            who = m.group("who").strip()
            if who.lower() in PRONOUNS:
                if whole and PRONOUNS[who.lower()] == "person" and _opens_sentence(norm, q.start, m.start("who")):
                    return True
                continue
            if key == "inside_who_verb" and not _opens_sentence(norm, q.start, m.start("who")) and not whole:
                continue
            subject = disc.resolve(who, m.start("who")) if disc is not None else None
            if subject is None:
                continue
            if q.cue is None or q.speaker is None or _same(q.speaker, subject):
                return True
    return False


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b) and (a == b or a.split()[-1] == b.split()[-1])


def _inner_raws(doc, r: RawQuote) -> list[RawQuote]:
    """The quotations nested inside ``r``: double marks paired inside it and single-mark pairs."""
    inner = [RawQuote(s, e, s + 1, e, []) for s, e in r.nested]
    taken = [(s, e + 1) for s, e in r.nested]
    inner += [x for x in _pair_single(doc, _para_index(doc), taken) if r.start <= x.open and x.close < r.end]
    return sorted(inner, key=lambda x: x.start)


def extract_quotes(doc) -> list[Quote]:
    """The quotations of ``doc`` (utterances only: scare quotes and reported narration left out), with
    speakers and cues."""
    from .speakers import attribute_speakers

    quotes, scare, raws = _build(doc)
    doc.__dict__["_scare_quotes"] = scare
    disc = attribute_speakers(doc, quotes, raws)
    reports = [i for i, (q, r) in enumerate(zip(quotes, raws, strict=True)) if _is_report(doc, q, r, disc)]
    doc.__dict__["_reported"] = [quotes[i] for i in reports]
    if reports:
        keep_q = [q for i, q in enumerate(quotes) if i not in reports]
        keep_r = [r for i, r in enumerate(raws) if i not in reports]
        for i in reports:
            quotes[i].kind = "report"
            _sort_into(doc, _inner_raws(doc, raws[i]), keep_q, scare, keep_r)
        order = sorted(range(len(keep_q)), key=lambda j: keep_q[j].start)
        quotes, raws = [keep_q[j] for j in order], [keep_r[j] for j in order]
        for q in quotes:
            q.speaker = q.cue = q.cue_start = q.cue_end = None
        disc = attribute_speakers(doc, quotes, raws)
    doc.__dict__["_discourse"] = disc  # who speaks where: the attribution layer reads its pronouns from it
    return _with_transcript(doc, quotes, disc)


def _with_transcript(doc, quotes: list[Quote], disc) -> list[Quote]:
    """A published transcript's paragraphs are its speaker's words even where no quotation mark says so
    (``Remarks by Prime Minister Jane Roe`` and first-person paragraphs, ``speakers.transcripts``): each
    paragraph outside the quotations found is a quotation of kind ``transcript``, the primary source the
    corpus's quote clusters take as their consensus. Not counted as the article's quoting (features read
    direct and partial quotations only)."""
    from .speakers import _TRANSCRIPT_HEAD, labelled_lines, transcripts

    spans = transcripts(doc, disc)
    lines = labelled_lines(doc, disc) if ":" in doc.norm else []
    if not spans and not lines:
        return quotes
    taken = [(q.start, q.end) for q in quotes]
    # an interview printed as a script: each answer is its speaker's words ("Ruiz: Because the quay ...")
    added = [Quote(text=doc.text[s:e], start=s, end=e, speaker=who, kind="transcript") for s, e, who in lines
             if not any(a < e and s < b for a, b in taken)]
    for s, e, who in spans:
        for ps, pe in doc.paragraphs:
            if ps < s or pe > e or any(a < pe and ps < b for a, b in taken) or doc.in_boilerplate((ps, pe)):
                continue
            if len(doc.text[ps:pe].split()) < 4 or '"' in doc.norm[ps:pe]:
                continue  # a heading, or a paragraph whose own marks were read (or left out) above
            if _TRANSCRIPT_HEAD.search(doc.norm, ps, pe):
                continue  # "Below is the text of the speech as delivered.": the editor announcing it
            if not any(q.start < pe and ps < q.end for q in added):
                added.append(Quote(text=doc.text[ps:pe], start=ps, end=pe, speaker=who, kind="transcript"))
    return sorted(quotes + added, key=lambda q: q.start) if added else quotes


def reported_speech(doc) -> list[Quote]:
    """Quoted spans that are the author's narration (``kind="report"``), which ``doc.quotes`` leaves out:
    a lead paragraph wrapped in quotation marks, a span reporting its own speaker in the third person."""
    _ = doc.quotes
    return doc.__dict__.get("_reported", [])


def scare_quotes(doc) -> list[Quote]:
    """Quoted terms and scare quotes (``kind="scare"``), which ``doc.quotes`` leaves out."""
    if "_scare_quotes" not in doc.__dict__:
        _ = doc.quotes
    if "_scare_quotes" not in doc.__dict__:  # doc.quotes came from elsewhere
        doc.__dict__["_scare_quotes"] = _build(doc)[1]
    return doc.__dict__["_scare_quotes"]
