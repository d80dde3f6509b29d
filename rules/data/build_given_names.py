"""Write ``given_names.txt``: given names that almost always name a woman or almost always a man.

The source is the name-gender table of nomquamgender (Van Buskirk, Clauset and Larremore, "An open-source
cultural consensus approach to name-based gender classification", 2023; MIT licence), which pools 36
sources of names with their counts and the share of women among the people they name. A name is kept
when it is written in letters only (accents folded: "inés" is "ines"), at least ``--min-count`` people
bear it, and the share of women is at most ``--share`` (a man's name) or at least 1 - ``--share`` (a
woman's): "Tom", "Rafael" and "Kwame" are men's names, "Agnes", "Ines" and "Priya" women's; "Jo", "Jean",
"Andrea", "Kim" and "Sasha" are neither and are left out. The speaker layer reads the list only when the
article says nothing of a person's gender (no title such as "Mrs", no "he" or "she" given them).

The table comes from the PyPI package ``nomquamgender`` at version 0.1.4::

    pip download --no-deps nomquamgender==0.1.4 && unzip nomquamgender-0.1.4-py3-none-any.whl -d nqg
    python rules/data/build_given_names.py nqg/nomquamgender/name_data.json
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from pathlib import Path

HEADER = """\
# Given names that almost always name a woman (f) or a man (m), written by build_given_names.py from the
# name-gender table of nomquamgender 0.1.4 (do not edit by hand: a researcher's own list of the same name in
# --rules DIR/data extends it). Read only when the article says nothing of a person's gender.
#
# nomquamgender: Copyright (c) 2022 Ian Van Buskirk. Permission is hereby granted, free of charge, to any
# person obtaining a copy of this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to use, copy, modify, merge,
# publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
# Software is furnished to do so, subject to the following conditions: The above copyright notice and this
# permission notice shall be included in all copies or substantial portions of the Software. THE SOFTWARE IS
# PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
"""


def fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("table", type=Path, help="nomquamgender's name_data.json")
    ap.add_argument("--min-count", type=int, default=2000)
    ap.add_argument("--share", type=float, default=0.02)
    ap.add_argument("--out", type=Path, default=Path(__file__).with_name("given_names.txt"))
    a = ap.parse_args()
    table = json.loads(a.table.read_text(encoding="utf-8"))
    kept: dict[str, str] = {}
    for raw, row in table.items():
        name = fold(raw)
        if not (name.isascii() and name.isalpha() and len(name) > 1) or row[1] < a.min_count:
            continue
        gender = "f" if row[2] >= 1 - a.share else "m" if row[2] <= a.share else None
        if gender is None or kept.get(name, gender) != gender:
            kept[name] = "?"  # two spellings folded into one that disagree: neither
            continue
        kept[name] = gender
    lines = [f"{g} {n}" for n, g in sorted(kept.items()) if g != "?"]
    a.out.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} names -> {a.out}")


if __name__ == "__main__":
    main()
