"""Metadata read from the article text: outlets of the seeds against the hand annotations, and the other fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.ingest import iter_inputs
from auditor.ingest.metadata import detect_metadata, parse_timestamp
from auditor.models import Article

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
GOLD = Path(__file__).resolve().parent / "gold" / "seeds_gold.json"


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    return {a.id: a for a in iter_inputs([SEEDS]) if isinstance(a, Article)}


@pytest.mark.skipif(not GOLD.is_file(), reason=f"hand annotations not found at {GOLD}")
def test_seed_outlets_match_the_gold(seeds):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["outlets"]
    assert gold  # the annotations name some outlets
    for article_id, outlet in gold.items():
        assert seeds[article_id].outlet == outlet, article_id
    for article_id, article in seeds.items():
        if article_id not in gold:  # 000 and 003 never name their outlet: nothing may be invented
            assert article.outlet is None, article_id


def test_seeds_without_outlet_stay_empty(seeds):
    assert seeds["000_8903e5cae973860f"].outlet is None
    assert seeds["003_f833416351632bbc"].outlet is None


def test_evidence_spans_point_at_the_words(seeds):
    for article in seeds.values():
        for field, ev in article.meta.get("detected", {}).items():
            if field != "published":  # published is the ISO form of the timestamp words
                assert article.text[ev["start"]:ev["end"]] == getattr(article, field)
    a = seeds["001_cb8b0833114ab846"]
    assert a.meta["detected"]["outlet"]["rule"] == "masthead"
    assert a.text[slice(*(a.meta["detected"]["published"][k] for k in ("start", "end")))] == "12:53 03.02.2026"


def test_masthead_timestamp_headline_and_byline(seeds):
    interfax = seeds["001_cb8b0833114ab846"]
    assert interfax.dateline == "12:53 03.02.2026" and interfax.published == "2026-02-03T12:53"
    assert interfax.title == "NATO's attention to Ukraine increasing - we are ready to provide rapid support - Rutte"
    united24 = seeds["002_7522bb0fe2495f57"]  # "Category" / "Latest news" are passed over
    assert united24.title == "NATO’s Rutte Says Peace for Ukraine Will Come With Troops, Jets, and Naval Support"
    assert united24.byline == "Vlad Litnarovych"  # Authors / Photo of Vlad Litnarovych / News Writer
    brussels = seeds["004_7f91a2f5f40fcb4f"]
    assert brussels.title.startswith("Russian strikes do not demonstrate 'serious' commitment")
    # a first line that is a sentence is not a headline
    assert seeds["000_8903e5cae973860f"].title is None
    assert seeds["003_f833416351632bbc"].title is None


def article(text: str, **fields) -> Article:
    a = Article(id="t", text=text, **fields)
    detect_metadata(a)
    return a


def test_only_empty_fields_are_filled():
    text = "Rutte in Kyiv\n\nThe NATO chief spoke.\n\nCopyright © 2026 The Brussels Times. All Rights Reserved.\n"
    assert article(text).outlet == "The Brussels Times"
    kept = article(text, outlet="Brussels Times Online", title="Given title")
    assert kept.outlet == "Brussels Times Online" and kept.title == "Given title"
    assert "detected" not in kept.meta or "outlet" not in kept.meta["detected"]


@pytest.mark.parametrize("line, outlet", [
    ("(c) Kyiv Post", "Kyiv Post"),
    ("© 2025 Example News", "Example News"),
    ("© Getty Images", None),  # a photo agency's credit is not the outlet
    ("Support Ukraine", None),  # a cause, not an outlet: no "Team", no donation line after it
    ("© 2019 All rights reserved.", None),  # a notice naming nobody
    ("Copyright Policy", None),  # a footer link, not a notice: the bare word needs a year or a ©
    ("© 2019 Forbes Media LLC. All Rights Reserved", "Forbes Media"),  # legal form cut
    # (session 33) the name's acronym in brackets after it
    ("© 2025 Vellmark Press Agency (VPA). All rights reserved.", "Vellmark Press Agency"),
    ("© 2025 Vellmark Press Agency (VPA)", "Vellmark Press Agency"),
    ("© 2025 (VPA)", None),
])
def test_copyright_and_donation_lines(line, outlet):
    text = "Rutte in Kyiv\n\nThe NATO chief said the winter is long, but spring will come.\n\n" + line + "\n"
    assert article(text).outlet == outlet


def test_byline_and_timestamps():
    a = article("Rutte addresses the Rada\nBy Jane Doe and John Roe\nPublished: February 3, 2026 at 2:05 pm\n\n"
                "The NATO chief spoke in Kyiv.\n")
    assert a.byline == "Jane Doe and John Roe"
    assert a.published == "2026-02-03T14:05"
    assert a.title == "Rutte addresses the Rada"
    assert parse_timestamp("3 February 2026") == "2026-02-03"
    assert parse_timestamp("31.02.2026") is None  # no such day
    assert parse_timestamp("The NATO chief spoke on 3 February 2026") is None


BODY = ("The harbour board voted on Tuesday to close the old ferry pier for repairs, its chair told a "
        "meeting of residents in the town hall.")


@pytest.mark.parametrize("text, outlet, rule", [
    # the outlet's name under the headline, beside its section, above a date or a byline
    (f"Ferry pier to close for repairs\nWestvale Post | Local\n{BODY}", "Westvale Post", "masthead-section"),
    (f"Ferry pier to close for repairs\nWESTVALE TODAY — Transport\n{BODY}", "WESTVALE TODAY", "masthead-section"),
    (f"Ferry pier to close for repairs\nOPINION | Westvale Observer\n{BODY}", "Westvale Observer", "kind-masthead"),
    (f"Ferry pier to close for repairs\nBy Jane Doe | The Westvale Observer\n{BODY}", "Westvale Observer",
     "byline-masthead"),
    (f"Ferry pier to close for repairs\nWestvale Post staff | 12 March 2026, 19:05\n{BODY}", "Westvale Post",
     "byline-masthead"),
    (f"Ferry pier to close for repairs\nWestvale Post\n14 October 2025 · 22:47\n{BODY}", "Westvale Post",
     "masthead-under-headline"),
    (f"Ferry pier to close for repairs\nWestvale Post\nBy Jane Doe\n{BODY}", "Westvale Post",
     "masthead-under-headline"),
    # the page's footer
    (f"Ferry pier to close\n{BODY}\n© Westvale Herald. Translated by our English desk.", "Westvale Herald",
     "copyright"),
    (f"Ferry pier to close\n{BODY}\nShare this story · © Westvale Times 2025", "Westvale Times", "copyright-in-bar"),
    # (session 32) the footer's links after the notice, the masthead set in lower case above a menu
    (f"westvale wire\nTrending | Harbour | World | Money\nFerry pier to close\n{BODY}\n"
     "© Westvale Wire 2025 · About · Privacy · Cookie settings", "Westvale Wire", "copyright"),
    (f"Ferry pier to close\n{BODY}\n© Westvale Wire 2025 | Contact us | Terms", "Westvale Wire", "copyright"),
    # ... the publisher's name in the notice cut to the lower-case masthead's words; a masthead above a menu whose
    # labels only wide gaps part
    (f"wirefeed\nTop stories | World | Health | Tech\nFerry pier to close\n{BODY}\n"
     "© 2025 Wirefeed Digital · Privacy · Cookie preferences", "Wirefeed", "copyright"),
    (f"THE WESTVALE TRIBUNE\nNews   Politics   Business   Opinion   Sport\nFerry pier to close\n{BODY}\n"
     "© 2025 Westvale Tribune Media Ltd | Privacy | Terms", "The Westvale Tribune", "masthead-echoed"),
    # ... the masthead under the headline with an edition, a tagline or a menu before the date or the byline, and a
    # menu's first item, a page control or an edition's label never taken for it
    (f"Ferry pier to close\nRadio Westvale International\nEnglish Service\n18 November 2025, 18:20\n{BODY}",
     "Radio Westvale International", "masthead-under-headline"),
    (f"Ferry pier to close\nThe Westvale Commuter\nThe town's free morning paper\nWednesday 19 November 2025\n{BODY}",
     "The Westvale Commuter", "masthead-under-headline"),
    (f"Ferry pier to close\nHarbourwire\nTrending | World\nCompiled by the desk\n{BODY}", "Harbourwire",
     "masthead-under-headline"),
    (f"Ferry pier to close\nQuay & Wharf\nMarket News | Security & Risk\nBy Ola Strand\nPrint | Email | Share\n{BODY}",
     "Quay & Wharf", "masthead-under-headline"),
    (f"Ferry pier to close\n{BODY}\nFollow the Westvale Observer on X and Instagram", "Westvale Observer",
     "follow-line"),
    (f"Ferry pier to close\n{BODY}\nSubscribe to Westvale Weekly for full access to our archive.", "Westvale Weekly",
     "subscribe-line"),
    (f"Ferry pier to close\n{BODY}\nJane Doe writes on transport for The Westvale Standard.",
     "The Westvale Standard", "author-bio"),
    # (session 27) a copyright notice with neither sign nor year, reserving its rights; a newsletter's footer
    (f"Ferry pier to close\n{BODY}\nCopyright Westvale News Service. All rights reserved.", "Westvale News Service",
     "copyright-reserved"),
    (f"Ferry pier to close\n{BODY}\nYou're receiving this because you subscribed to The Westvale Brief.",
     "The Westvale Brief", "subscribed-line"),
    # the header's masthead before the footer's newsletter offer, and a byline above a date is no masthead
    (f"Ferry pier to close for repairs\nTHE WESTVALE DOCKET — Courts | Transport\n{BODY}\n"
     "Subscribe to The Westvale Docket Weekly for analysis every Friday", "THE WESTVALE DOCKET", "masthead-section"),
    (f"Ferry pier to close for repairs\nBy Jane Doe\nPublished: 00:01, 15 October 2025\n{BODY}\n"
     "Follow the Westvale Flare on Facebook", "Westvale Flare", "follow-line"),
    # (session 28) a name heading the page that its footer names again, by a word of its own or its initials
    (f"Westvale Sentinel\nNews | Sport | Weather\nFerry pier to close\n{BODY}\nWestvale Sentinel © 2025",
     "Westvale Sentinel", "masthead-echoed"),
    (f"Harbour Freight Bulletin\nPorts | Shipping\nFerry pier to close\n{BODY}\n© 2025 HFB Publishing.",
     "Harbour Freight Bulletin", "masthead-echoed"),
    (f"Pierwatch\nThe weekly letter on the waterfront\n{BODY}\n— The Pierwatch team", "Pierwatch",
     "masthead-echoed"),
    (f"The Daily Foghorn\nNEWS | SPORT\nFerry pier to close\n{BODY}\n© Foghorn Media Group 2025",
     "The Daily Foghorn", "masthead-echoed"),
    # (session 29) ... a masthead set in lower case, its "the" no part of the name
    (f"the Daily Foghorn\nNEWS | SPORT\nFerry pier to close\n{BODY}\n© Foghorn Media Group 2025",
     "Daily Foghorn", "masthead-echoed"),
    # ... a masthead in capitals takes a name's case (session 34; it had been left to the footer's notice, which
    # names the publisher as often as the page: "© Halcourt Chronicle Media Ltd" under "THE HALCOURT CHRONICLE")
    (f"WESTVALE NEWS WIRE\nWorld | Ports\nFerry pier to close\n{BODY}\n(c) 2025 Westvale News Wire.",
     "Westvale News Wire", "masthead-echoed"),
    (f"THE HALCOURT LEDGER\nHome › Business › Industry\nFerry pier to close\n{BODY}\n"
     "© 2025 Halcourt Ledger Media Ltd. All rights reserved.", "The Halcourt Ledger", "masthead-echoed"),
    # ... and its section, a label or its menu after a bar on the same line; the notice may name the publishing
    # house by one of the masthead's own words
    (f"The Brantwick Argus | Opinion\nFerry pier to close\n{BODY}\n© Argus Verlag 2025", "The Brantwick Argus",
     "masthead-echoed"),
    (f"Harbourvista News  ·  LIVE\nFerry pier to close\n{BODY}\n© Harbourvista Broadcasting 2025 · Terms",
     "Harbourvista News", "masthead-echoed"),
    (f"DAILY FLARE  | News | Sport | Showbiz | Money\nFerry pier to close\n{BODY}\n© Flare Media Group 2025",
     "Daily Flare", "masthead-echoed"),
    # ... but an acronym before its section is left to the notice, which spells it out
    (f"WPA | Politics | Labour\nFerry pier to close\n{BODY}\n© 2025 Westvale Press Agency", "Westvale Press Agency",
     "copyright"),
    # an app the footer offers
    (f"Ferry pier to close\n{BODY}\nDownload the Westvale News app for your phone.", "Westvale News", "app-line"),
    # a masthead above the site's navigation bar (three items or more, a tagline may stand between) is the
    # page's own name, before the publisher's in the copyright line; one set in capitals takes a name's case
    (f"THE DAILY FOGHORN\nNEWS | SPORT | MONEY | PUZZLES\nFerry pier to close\n{BODY}\n© Foghorn Media Group 2025",
     "The Daily Foghorn", "masthead-echoed"),  # (session 34: its footer names it too)
    (f"PIER TRADE WEEKLY\nFor harbour masters and ferry operators\nHome | Ports | Jobs | Events\n"
     f"Ferry pier to close\n{BODY}\n© Pier Trade Publishing 2025", "Pier Trade Weekly", "masthead-echoed"),  # (session 34: its footer names it too)
    (f"Westvale Tidning – English Edition\nForsida | Lokalt | Sport\nFerry pier to close\n{BODY}",
     "Westvale Tidning", "masthead-nav"),
    (f"WVT Sport\nLive TV | Radio | Football | Results\nFerry pier to close\n{BODY}", "WVT Sport", "masthead-nav"),
    (f"PierFeed\nTrending: #FerryPier #Westvale\nFerry pier to close\n{BODY}", "PierFeed", "masthead-nav"),
])
def test_outlet_named_in_the_page_furniture(text, outlet, rule):
    a = article(text)
    assert (a.outlet, a.meta["detected"]["outlet"]["rule"]) == (outlet, rule)


@pytest.mark.parametrize("text", [
    f"Ferry pier to close for repairs\nBusiness | Transport\n{BODY}",  # a section path names no outlet
    f"Ferry pier to close for repairs\nPier Closes In March\n{BODY}",  # a subhead, with no date or byline under it
    f"Final scores\nWestvale 14 11 6 15 — 44\nEastvale 18 22 13 17 — 70\n{BODY}",  # a box score
    f"Ferry pier to close\n{BODY}\nFollow the river path on foot to reach the pier.",
    f"Ferry pier to close\n{BODY}\nShare · Save · Comment (14)",
    # header rules stop at the first body paragraph: a section-like line below it is not a masthead
    f"Ferry pier to close for repairs\n{BODY}\nWestvale Post | Local\n{BODY}\n{BODY}",
    # a first line the footer does not name again, or names only by a word every outlet may have
    f"Ferry Pier Closes\nBy Jane Doe\n{BODY}\n© 2025. All rights reserved. Ferry services resume in May.",
    f"The Daily Lantern\nNEWS | SPORT\n{BODY}\nSubscribe to our daily briefing",
    f"the ferry pier\nNEWS | SPORT\n{BODY}\nSubscribe to our daily briefing",
    # ... nor by a line that is no notice, offer or sign-off
    f"Ferry Pier Closes\nBy Jane Doe\n{BODY}\nRead more: the ferry pier in old photographs",
    f"Ferry pier to close\n{BODY}\nDownload the app for your phone.",
])
def test_no_outlet_is_invented_from_furniture_that_names_none(text):
    assert article(text).outlet is None
