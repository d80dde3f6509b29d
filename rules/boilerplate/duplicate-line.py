"""duplicate-line: a headline, caption or paragraph repeated verbatim on the page."""

from auditor.rules import Hit, rule
from auditor.text.lines import body_start, canon, ends_like_sentence, nonblank_lines, word_count

MIN_WORDS = 4  # shorter repeats ("He said no.") are as likely to be the text's own


@rule(
    id="duplicate-line",
    name="Duplicated headline, caption or paragraph",
    family="boilerplate",
    status="stable",
    severity="low",
    score="share",
    docs={
        "what": "A line of four words or more that repeats an earlier line of the same article verbatim "
                "(after folding case, spaces, quote and dash forms): a headline printed twice, a photo "
                "caption under the photo and again as its alt text.",
        "why": "Scraped pages repeat headlines and captions. The copy is not article text; counting it "
               "would inflate the article and double-count any finding inside it.",
        "limitations": "Near-duplicates (a headline and a slightly reworded social title) are not flagged.",
    },
    examples={
        "flagged": [
            "Rutte visits Kyiv for talks\n3 min read\n⟦Rutte visits Kyiv for talks⟧\nThe NATO chief arrived.",
            "Mark Rutte in Kyiv. (Source: X)\n⟦Mark Rutte in Kyiv. (Source: X)⟧\n\nThe NATO chief arrived.",
        ],
        "clean": ["He said no.\nHe said no.", "Rutte visits Kyiv\n\nRutte visits Kyiv on Tuesday for talks."],
    },
)
def check(doc):
    seen: dict[str, tuple[int, int]] = {}
    head_end = body_start(doc)
    for s, e in nonblank_lines(doc):
        line = doc.text[s:e]
        key = canon(line)
        if word_count(line) < MIN_WORDS:
            continue
        if key in seen:
            first = seen[key]
            if "(source:" in key or " / " in key or key.startswith(("photo", "image")):
                what = "photo caption"
            elif first[0] < head_end or not ends_like_sentence(doc.text[first[0]:first[1]]):
                what = "headline"
            else:
                what = "paragraph"
            yield Hit(s, e, f"duplicated {what} (first on line {doc.line_no(first[0])})",
                      data={"reason": f"duplicate {what}", "first": list(first)})
        else:
            seen[key] = (s, e)
