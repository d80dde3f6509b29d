"""A synthetic news corpus with known ground truth: who copies whom.

    python benchmarks/generate_corpus.py 10000 out/corpus.jsonl --seed 1    # + out/corpus.truth.jsonl
    python benchmarks/generate_corpus.py 500 out/dir --seed 1                 # dir/corpus.jsonl + truth

From Python: ``records, truth = generate(n, seed=0)``; ``records`` are dicts ``{id, text, outlet,
published?}`` (``published`` is ISO 8601 and missing on about one record in ten), ``truth`` the echo
edges ``(copy id, source id)``, each copy pointing at the article it was made from.

What it makes, story by story: one to three independent original articles (~3 kB of English-like text
from a word bank: named people with roles, numbers, places, quotations attributed with "said" or
"according to"; the originals of one story quote the *same* words, as real coverage does), then copies
made by other outlets from an original or from an earlier copy (chains of copies of copies):

- ``whole``: the body re-published under a new headline and the copier's own furniture, in its house
  style (a few spelling and wording conventions: "defence" -> "defense", "on Monday" -> "Monday");
- ``rewrite``: words swapped for synonyms, sentences dropped, paragraphs reordered, an own lead added;
- ``partial``: a run of paragraphs lifted into an article otherwise written afresh.

Every outlet wraps its articles in its own boilerplate (reading time, byline, donation appeal,
newsletter blurb, copyright line). A copy is published minutes to a day after its source. Many stories
have no copy at all.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

FIRST = ("Anna Mark Olena Pieter Sofia David Maria Jonas Irina Tomas Elena Lukas Marta Pavel Ingrid Karim "
         "Nadia Oleksandr Hanna Viktor Laura Stefan Ewa Rafael Greta Henrik Yulia Andrei Clara Mateo Lina "
         "Fatima Jakub Nora Emil Ruth Samuel Alina Bogdan Teresa Omar").split()
LAST = ("Kowalski Rutte Shevchenko Jansen Novak Peeters Moreau Lindqvist Horvat Bauer Petrenko Rossi Dubois "
        "Kovacs Nielsen Marin Tkachenko Schmidt Varga Costa Keller Bondarenko Lambert Fischer Vermeulen "
        "Santos Olsen Popescu Wagner Melnyk Hoffmann Leclerc Berg Kravets Silva Weber Janssens Koch Moroz "
        "Ferreira Brandt Sokolova Haas").split()
ROLES = ("defence minister", "foreign minister", "mayor", "spokesperson for the ministry", "regional governor",
         "head of the emergency service", "military analyst", "senior diplomat", "energy minister",
         "deputy prime minister", "union leader", "police chief", "economist", "central bank governor",
         "opposition lawmaker", "human rights commissioner", "port director", "hospital director")
PLACES = ("Kharkiv Odesa Lviv Dnipro Brussels Warsaw Vilnius Riga Tallinn Bucharest Prague Vienna Gdansk "
          "Rotterdam Antwerp Lyon Porto Turin Krakow Poznan Mykolaiv Zaporizhzhia Sumy Chernihiv Poltava "
          "Ghent Liege Bratislava Debrecen Constanta Varna Split Graz Malmo Aarhus Tampere Kaunas").split()
ORGS = ("the ministry", "the regional administration", "the city council", "the emergency service",
        "the parliament", "the energy regulator", "the national bank", "the border service",
        "the health ministry", "the transport agency", "the statistics office", "the grid operator",
        "the port authority", "the prosecutor's office", "the railway company", "the weather service")
NOUNS = ("plan shipment agreement facility network report decision proposal budget programme convoy bridge "
         "pipeline reservoir factory airport station contract inquiry investigation shortage reserve "
         "settlement corridor deadline framework reform tariff subsidy harvest warehouse depot terminal "
         "outage blackout shelter evacuation delegation mission summit package loan credit guarantee "
         "strategy assessment timetable registry license permit inspection audit assembly coalition "
         "ceasefire offensive barrage drone missile brigade battalion frontline checkpoint crossing "
         "transformer substation generator turbine reactor refinery cargo vessel tanker grain fertiliser "
         "vaccine clinic ambulance school campus archive museum cathedral stadium market bank currency").split()
ADJS = ("new major limited regional national urgent temporary massive fragile critical northern southern "
        "eastern western central strategic additional significant modest sharp sudden gradual "
        "unprecedented controversial ambitious costly cautious preliminary final detailed rapid "
        "coordinated joint bilateral multilateral overnight heavy light broad narrow public private "
        "military civilian financial technical logistical legal political economic humanitarian").split()
VERBS_PAST = ("approved rejected announced delayed expanded suspended reviewed signed finalised criticised "
              "welcomed postponed launched restored damaged repaired inspected confirmed denied extended "
              "reduced doubled halved outlined presented debated blocked secured funded ordered questioned "
              "proposed cancelled resumed evacuated reinforced").split()
VERBS_ING = ("preparing reviewing discussing negotiating monitoring expanding assessing planning building "
             "repairing coordinating funding testing drafting examining").split()
ADVS = ("Meanwhile However Separately Earlier Later Additionally Overall Officially Initially Privately "
        "Publicly Already Still").split()
TIMES = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday",
         "overnight", "late on Tuesday", "early on Friday", "this week", "last month", "earlier this year",
         "in the morning", "by the evening")
PREPS = ("near", "outside", "in", "around", "north of", "south of", "across", "beyond")
CONNECT = ("while", "after", "before", "as", "although", "because", "even though", "until")

# swapped by rewrites (both directions)
SYNONYMS = {
    "approved": "endorsed", "rejected": "turned down", "announced": "unveiled", "delayed": "held up",
    "expanded": "widened", "suspended": "paused", "major": "large", "urgent": "pressing",
    "significant": "considerable", "rapid": "swift", "costly": "expensive", "plan": "scheme",
    "agreement": "deal", "shortage": "lack", "investigation": "probe", "inquiry": "probe",
    "damaged": "hit", "repaired": "fixed", "confirmed": "verified", "criticised": "slammed",
    "reduced": "cut", "cautious": "careful", "sudden": "abrupt", "northern": "northerly",
    "preparing": "readying", "discussing": "debating", "building": "constructing", "However": "Yet",
    "Meanwhile": "At the same time", "Additionally": "In addition", "facility": "site",
    "officials": "authorities", "people": "residents", "several": "a number of", "about": "around",
    "at least": "no fewer than", "more than": "over",
}
SYNONYMS.update({v: k for k, v in list(SYNONYMS.items()) if v not in SYNONYMS and " " not in v})

# house style: a re-publishing outlet applies a few of these to everything it runs
HOUSE_STYLE = (("defence", "defense"), ("programme", "program"), ("finalised", "finalized"),
               ("criticised", "criticized"), ("fertiliser", "fertilizer"), ("were still", "were"),
               ("At least", "At minimum"), ("Officials", "Authorities"), ("Residents", "Locals"),
               ("spokesperson", "spokeswoman"), ("on Monday", "Monday"), ("on Tuesday", "Tuesday"),
               ("on Wednesday", "Wednesday"), ("on Thursday", "Thursday"), ("on Friday", "Friday"),
               ("this week", "in recent days"), ("its ", "the "), ("this ", "the "), ("even though", "though"),
               ("Meanwhile", "In the meantime"), ("Local authorities", "Regional officials"))

OUTLET_A = ("Daily Northern Eastern Western Metro Capital Harbour Valley Central Evening Morning Free Global "
            "Continental Baltic Danube Atlantic Civic Independent National Riverside Coastal").split()
OUTLET_B = ("Herald Post Times Chronicle Ledger Courier Tribune Observer Gazette Monitor Dispatch Review "
            "Journal Express Sentinel Bulletin Record Standard Telegraph Wire").split()


def _outlets(rng: random.Random, k: int) -> list[dict]:
    names: list[str] = []
    seen = set()
    while len(names) < k:
        name = f"The {rng.choice(OUTLET_A)} {rng.choice(OUTLET_B)}"
        if name in seen:
            name = f"{name} {rng.choice(PLACES)}"
            if name in seen:
                continue
        seen.add(name)
        names.append(name)
    out = []
    for name in names:
        short = name.removeprefix("The ")
        appeal = rng.choice((
            f"{short} depends on readers like you. Your support keeps our reporters in the field. Donate now.",
            f"Independent journalism costs money. Support {short} with a monthly contribution today.",
            f"We bring you stories from the ground. Help {short} stay free for everyone. DONATE NOW",
            f"If you value this reporting, become a member of {short} and support our newsroom.",
        ))
        news = rng.choice((
            f"Sign up for the {short} morning briefing, delivered to your inbox every weekday.",
            f"Get the best of {short} in your inbox. Subscribe to our newsletter.",
            f"Follow {short} on social media for the latest updates.",
        ))
        out.append({"name": name, "appeal": appeal, "newsletter": news,
                    "copyright": f"© {rng.choice((2024, 2025, 2026))} {name}. All rights reserved.",
                    "minutes": rng.random() < 0.6, "dateline": rng.random() < 0.3,
                    "style": rng.sample(HOUSE_STYLE, rng.randint(3, 6))})
    return out


class _Story:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.people = []
        for _ in range(rng.randint(3, 5)):
            self.people.append((f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(ROLES)))
        self.place = rng.choice(PLACES)
        self.places = rng.sample(PLACES, 4)
        self.orgs = rng.sample(ORGS, 3)
        self.topic = rng.sample(NOUNS, 4)
        self.numbers = [rng.choice((rng.randint(2, 99), rng.randint(100, 9999))) for _ in range(5)]
        self.quotes = [(self._sentence(quote=True), i % len(self.people)) for i in range(rng.randint(4, 7))]

    def _np(self) -> str:
        r = self.rng
        noun = r.choice(self.topic) if r.random() < 0.4 else r.choice(NOUNS)
        words = [r.choice(ADJS), noun] if r.random() < 0.7 else [noun]
        det = r.choice(("the", "a", "the", "its", "this"))
        if det == "a" and words[0][0] in "aeiou":
            det = "an"
        return " ".join([det, *words])

    def _sentence(self, quote: bool = False) -> str:
        r = self.rng
        subj = r.choice(("We", "Our partners", "Nobody", "The government", "Everyone here")) if quote else \
            r.choice((*self.orgs, r.choice(self.people)[0], "Officials", "Local authorities", "Residents"))
        verb = r.choice(VERBS_PAST)
        parts = [subj, verb, self._np()]
        if r.random() < 0.6:
            parts += [r.choice(PREPS), r.choice(self.places)]
        if r.random() < 0.5:
            parts.append(r.choice(TIMES))
        if r.random() < 0.5:
            parts += [r.choice(CONNECT), r.choice(("officials", "engineers", "crews", "lawmakers", "donors")),
                      "were still", r.choice(VERBS_ING), self._np()]
        s = " ".join(parts)
        return s[0].upper() + s[1:]

    def fact(self) -> str:
        r = self.rng
        k = r.random()
        if k < 0.25:
            n = r.choice(self.numbers)
            return (f"At least {n} {r.choice(NOUNS)}s were {r.choice(VERBS_PAST)} {r.choice(PREPS)} "
                    f"{r.choice(self.places)} {r.choice(TIMES)}, {r.choice(self.orgs)} said.")
        if k < 0.4:
            s = self._sentence()
            return f"{r.choice(ADVS)}, {s[0].lower() if not s.startswith(tuple(FIRST)) else s[0]}{s[1:]}."
        if k < 0.5:
            name, role = r.choice(self.people)
            return (f"{name}, the {role}, {r.choice(VERBS_PAST)} {self._np()} {r.choice(TIMES)}, "
                    f"according to {r.choice(self.orgs)}.")
        return self._sentence() + "."

    def quoted(self) -> str:
        r = self.rng
        q, who = r.choice(self.quotes)
        name, role = self.people[who]
        form = r.random()
        if form < 0.4:
            return f'"{q}," {name} said.'
        if form < 0.7:
            return f'"{q}," said {name}, the {role}.'
        if form < 0.85:
            return f'{name}, the {role}, said: "{q}."'
        return f'"{q}," according to {name}.'

    def paragraphs(self, k: int) -> list[str]:
        r = self.rng
        out = []
        for _ in range(k):
            sents = [self.quoted() if r.random() < 0.22 else self.fact() for _ in range(r.randint(1, 3))]
            out.append(" ".join(sents))
        return out

    def headline(self) -> str:
        r = self.rng
        name = r.choice(self.people)[0].split()[-1]
        return (f"{name} says {r.choice(self.orgs).removeprefix('the ')} {r.choice(VERBS_PAST)} "
                f"{r.choice(ADJS)} {r.choice(self.topic)} in {self.place}")


def _wrap(rng: random.Random, outlet: dict, title: str, body: list[str]) -> str:
    head = [title, ""]
    if outlet["minutes"]:
        head += [f"{rng.randint(2, 7)} min read", ""]
    head += [f"By {rng.choice(FIRST)} {rng.choice(LAST)}", ""]
    body = list(body)
    if outlet["dateline"] and body:
        body[0] = f"{rng.choice(PLACES).upper()} ({outlet['name'].removeprefix('The ')}) - {body[0]}"
    mid = len(body) // 2
    paras = body[:mid] + [outlet["appeal"]] + body[mid:] + [outlet["newsletter"], outlet["copyright"]]
    return "\n".join(head) + "\n" + "\n\n".join(paras) + "\n"


def _restyle(outlet: dict, body: list[str]) -> list[str]:
    out = []
    for para in body:
        for a, b in outlet["style"]:
            para = para.replace(a, b)
        out.append(para)
    return out


def _rewrite(rng: random.Random, story: _Story, body: list[str]) -> list[str]:
    out = []
    for para in body:
        sents = para.split(". ")
        if len(sents) > 1 and rng.random() < 0.25:
            sents.pop(rng.randrange(len(sents)))
        words = ". ".join(sents).split(" ")
        for i, w in enumerate(words):
            core = w.strip(',.:;"')
            if core in SYNONYMS and rng.random() < 0.35:
                words[i] = w.replace(core, SYNONYMS[core])
        out.append(" ".join(words))
    for _ in range(rng.randint(1, 2)):  # sentence-level drops of whole paragraphs
        if len(out) > 6:
            out.pop(rng.randrange(1, len(out)))
    if len(out) > 4 and rng.random() < 0.6:
        i = rng.randrange(1, len(out) - 1)
        out[i], out[i + 1] = out[i + 1], out[i]
    return story.paragraphs(1) + out


def generate(n: int, seed: int = 0, *, missing_time: float = 0.1, n_outlets: int | None = None
             ) -> tuple[list[dict], list[tuple[str, str]]]:
    """``n`` article records and the true echo edges ``(copy, source)`` among them."""
    rng = random.Random(seed)
    outlets = _outlets(rng, n_outlets or max(10, min(500, n // 20)))
    base = datetime(2025, 1, 1, tzinfo=UTC)
    made: list[dict] = []
    truth: list[tuple[str, str]] = []
    order = list(range(n))
    rng.shuffle(order)  # ids say nothing about order or role

    def new_id() -> str:
        return f"art{order[len(made)]:07d}"

    while len(made) < n:
        story = _Story(rng)
        start = base + timedelta(minutes=rng.randint(0, 60 * 24 * 365))
        room = n - len(made)
        n_orig = min(room, rng.choice((1, 1, 1, 2, 2, 3)))
        n_copy = min(room - n_orig, rng.choice((0, 0, 0, 1, 2, 3, 4, 6, 8)))
        members: list[dict] = []  # this story's articles with their body and time
        for _ in range(n_orig):
            o = rng.choice(outlets)
            body = story.paragraphs(rng.randint(13, 17))
            rec = {"id": new_id(), "outlet": o["name"], "_t": start + timedelta(minutes=rng.randint(0, 240)),
                   "_body": body, "_title": story.headline()}
            rec["text"] = _wrap(rng, o, rec["_title"], body)
            made.append(rec)
            members.append(rec)
        for _ in range(n_copy):
            src = rng.choice(members) if rng.random() < 0.4 else rng.choice(members[:n_orig])
            o = rng.choice([x for x in outlets if x["name"] != src["outlet"]] or outlets)
            how = rng.random()
            if how < 0.25:  # re-published whole, in the house style
                body, title = _restyle(o, src["_body"]), story.headline()
            elif how < 0.6:
                body, title = _rewrite(rng, story, src["_body"]), story.headline()
            else:
                k = rng.randint(3, 6)
                i = rng.randrange(0, max(1, len(src["_body"]) - k))
                body = story.paragraphs(rng.randint(3, 6)) + src["_body"][i:i + k] + story.paragraphs(
                    rng.randint(3, 8))
                title = story.headline()
            rec = {"id": new_id(), "outlet": o["name"], "_body": body, "_title": title,
                   "_t": src["_t"] + timedelta(minutes=rng.randint(10, 60 * 24))}
            rec["text"] = _wrap(rng, o, title, body)
            made.append(rec)
            members.append(rec)
            truth.append((rec["id"], src["id"]))
    records = []
    for rec in made:
        out = {"id": rec["id"], "text": rec["text"], "outlet": rec["outlet"]}
        if rng.random() >= missing_time:
            t = rec["_t"]
            out["published"] = (t.isoformat().replace("+00:00", "Z") if rng.random() < 0.7 else
                                t.astimezone(timezone(timedelta(hours=2))).isoformat())
        records.append(out)
    records.sort(key=lambda r: r["id"])
    return records, truth


def write(records: list[dict], truth: list[tuple[str, str]], out: Path) -> tuple[Path, Path]:
    """Write ``records`` as JSON Lines and the truth beside them (``*.truth.jsonl``)."""
    if out.suffix != ".jsonl":
        out.mkdir(parents=True, exist_ok=True)
        out = out / "corpus.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    tpath = out.with_name(out.stem + ".truth.jsonl")
    with tpath.open("w", encoding="utf-8") as f:
        for c, s in truth:
            f.write(json.dumps({"copy": c, "source": s}) + "\n")
    return out, tpath


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out", type=Path, help="a .jsonl file, or a directory (gets corpus.jsonl)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--missing-time", type=float, default=0.1, help="share of records without a time")
    a = ap.parse_args(argv)
    records, truth = generate(a.n, a.seed, missing_time=a.missing_time)
    out, tpath = write(records, truth, a.out)
    print(f"{len(records)} articles -> {out}; {len(truth)} echo edges -> {tpath}")


if __name__ == "__main__":
    main()
