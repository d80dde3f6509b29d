"""Attribution extraction and the attribution rules, on fixtures and on the real seed articles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from auditor.models import Article
from auditor.rules import load_rules
from auditor.text.document import Doc
from tests import helpers

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures" / "attribution"
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "gold" / "seeds_gold.json"
MARK = re.compile("⟦(.*?)⟧", re.S)
FAMILIES = ("attribution", "inference")


def doc_of(text: str, aid: str = "t") -> Doc:
    return Doc(Article(id=aid, text=text))


def fixture(name: str) -> Doc:
    return doc_of((FIX / name).read_text(encoding="utf-8"), name)


def find(d: Doc, kind: str, clause: str):
    return [a for a in d.attributions if a.kind == kind and d.text[a.start:a.end] == clause]


# -- each kind on the fixture ---------------------------------------------------------------------


def test_direct_attribution_with_title_and_setting():
    d = fixture("kinds.txt")
    (a,) = find(d, "direct", "Defence Minister Anna Kovalenko told lawmakers in Kyiv")
    assert a.source == "Anna Kovalenko" and a.source_type == "person"


def test_relayed_through_a_broadcaster_names_speaker_and_intermediary():
    d = fixture("kinds.txt")
    (a,) = find(d, "relayed", "Kovalenko said during a speech broadcast by Suspilne")
    assert a.source == "Suspilne" and a.source_type == "broadcaster"
    assert a.chain == ["Anna Kovalenko", "Suspilne"] and a.hops == 2


def test_trailing_agency_relay_takes_the_sentence_speaker_as_origin():
    d = fixture("kinds.txt")
    (a,) = find(d, "relayed", "according to Ukrinform")
    assert a.chain == ["Anna Kovalenko", "Ukrinform"] and a.source_type == "agency"
    (said,) = find(d, "direct", "Kovalenko added")
    assert said.chain == ["Anna Kovalenko", "Ukrinform"] and said.hops == 2


def test_vague_and_institutional():
    d = fixture("kinds.txt")
    assert find(d, "vague", "According to reports") and find(d, "vague", "Sources say")
    (inst,) = find(d, "direct", "According to Kyiv authorities")
    assert inst.source_type == "institution" and inst.hops == 1


def test_caption_credit_is_its_own_kind():
    d = fixture("kinds.txt")
    (c,) = find(d, "credit", "Oleh Petrenko / Reuters")
    assert c.source == "Reuters" and c.chain == ["Oleh Petrenko", "Reuters"]
    assert all(a.kind == "credit" for a in d.attributions if a.source == "Reuters")


def test_social_credit_names_the_handle():
    d = doc_of("Rutte in Kyiv. (Source: StratcomCentre/X)\n\nRutte said support continues.")
    (c,) = [a for a in d.attributions if a.kind == "credit"]
    assert c.source == "StratcomCentre" and c.source_type == "social"
    assert d.text[c.start:c.end] == "(Source: StratcomCentre/X)"


def test_attribution_inside_a_quotation_is_the_speakers_not_the_articles():
    d = doc_of('"The coalition made progress, as President Zelensky has said," Rutte said.')
    assert [d.text[a.start:a.end] for a in d.attributions] == ["Rutte said"]


def test_capitalised_verb_form_in_a_name_is_not_a_cue():
    d = doc_of("Rutte said a durable peace needs the United States and Canada.")
    assert [d.text[a.start:a.end] for a in d.attributions] == ["Rutte said"]


@pytest.mark.parametrize(("text", "source"), [
    ("Dr Ines Arvo studies ferns in Vell. But Arvo cautioned that the data are thin.", "Ines Arvo"),
    ("Dr Ines Arvo studies ferns in Vell. And Arvo said the data are thin.", "Ines Arvo"),
    ("Dr Ines Arvo studies ferns in Vell.\n\nStill Arvo warned that the data are thin.", "Ines Arvo"),
    ("Dr Ines Arvo studies ferns in Vell. Meanwhile Arvo noted that the data are thin.", "Ines Arvo"),
    # a first name opening the sentence stays part of the name
    ("Ines Arvo studies ferns in Vell. Ines Arvo said the data are thin.", "Ines Arvo"),
    ("Dr Ines Arvo studies ferns in Vell. Arvo, meanwhile, said the data are thin.", "Ines Arvo"),
])
def test_a_word_opening_the_sentence_is_no_part_of_the_name(text, source):
    d = doc_of(text)
    sources = [a.source for a in d.attributions if a.kind == "direct"]
    assert source in sources, [(d.text[a.start:a.end], a.source) for a in d.attributions]
    assert not any(s and s.split()[0] in ("But", "And", "Still", "Meanwhile") for s in sources)


@pytest.mark.parametrize(("text", "source"), [
    # a relation says the gender: "he" is not the wife the sentence before named
    ("Tom Hale, a former banker, retired at forty. Cutting costs matters less than earning more, he and his "
     "wife Kali explained on their podcast.\n\nPassive income matters most, he wrote in his book.", "Tom Hale"),
    # ... as a title does
    ("Ivo Ras, a shipping magnate, toured the port. Queen Ana Vell thanked him for the new ferries.\n\n"
     "The port must grow, he said on Tuesday.", "Ivo Ras"),
])
def test_a_pronoun_is_not_given_to_a_person_of_the_other_gender(text, source):
    d = doc_of(text)
    (a,) = [a for a in d.attributions if d.text[a.start:a.end].startswith(("he ", "she "))]
    assert a.source.split()[-1] == source.split()[-1], a.source


@pytest.mark.parametrize("text", [
    "The patient fell ill on Friday. He was admitted to hospital on Saturday.",
    "Residents were told to leave their homes before noon.",
])
def test_a_passive_speech_verb_makes_no_speaker_of_its_subject(text):
    assert not [a for a in doc_of(text).attributions if a.kind == "direct"], doc_of(text).attributions


def test_the_one_named_leads_a_team_that_speaks():
    d = doc_of("Lucas Ode, a scientist at the institute, led the study.\n\nThe plumes are rare, Ode and his "
               "team wrote in the paper.")
    assert [a.source for a in d.attributions if a.kind == "direct"][-1] == "Lucas Ode"


def test_an_opening_whatever_is_no_part_of_a_name():
    d = doc_of("Whatever Apple decides, buyers will wait. Apple says the keys can be replaced.")
    assert [a.source for a in d.attributions if a.kind == "direct"] == ["Apple"]


def test_pronoun_and_title_resolve_to_the_person():
    d = doc_of("NATO Secretary General Mark Rutte arrived in Kyiv. \"We are here,\" the Secretary General "
               "said. He added that support continues.")
    assert {a.source for a in d.attributions} == {"Mark Rutte"}


@pytest.mark.parametrize(("text", "source"), [
    ("Patriarch Ilarion Vos spoke on Sunday.\n\n\"Free them all,\" the patriarch said.", "Ilarion Vos"),
    ("Judge Tom Davis' ruling came late.\n\n\"Enough,\" the judge said.", "Tom Davis"),
    ("President Ana Ruiz's aides were silent.\n\n\"No comment,\" the president said.", "Ana Ruiz"),
])
def test_a_titled_name_loses_its_possessive_ending_and_nothing_else(text, source):
    assert [a.source for a in doc_of(text).attributions if a.kind == "direct"] == [source]


@pytest.mark.parametrize(("text", "clause", "source"), [
    # a reporter's clause after the speaker's: the reporter relays, known as a person or not
    ("Judge Mira Sand sentenced the pilot on Monday, reporter Lee Tam said.\n\n\"No one was above the rules,\" "
     "the judge told him, Tam reported.", "Tam reported", "Lee Tam"),
    ("Mayor Ivo Dun spoke. Reporter Ana Fell covered it.\n\nDun said the bridge would reopen, Fell wrote.",
     "Fell wrote", "Ana Fell"),
    # "the broadcaster" after a relay phrase: the broadcaster the text named, by its name's head word ...
    ("Judge Mira Sand spoke, Vell One TV reported.\n\n\"Safety is a promise,\" Sand said, in remarks relayed "
     "by the broadcaster.", "relayed by the broadcaster", "Vell One TV"),
    ("The Vell Newswire reported it first. Sand said safety was a promise, in remarks carried by the agency.",
     "carried by the agency", "Vell Newswire"),
    # ... or as the outlet of a journalist it introduced
    ("Judge Mira Sand spoke, according to Vell One TV's court reporter Lee Tam.\n\n\"Safety is a promise,\" "
     "Sand said, in remarks relayed by the broadcaster.", "relayed by the broadcaster", "Vell One TV"),
    # another outlet's journalist giving an account of what someone said or did
    ("Vell TV correspondent Lee Tam was in court. The judge wept, according to Tam.", "according to Tam", "Lee Tam"),
    ("Vell TV correspondent Lee Tam was in court with Judge Mira Sand. Tam said the judge explained that the "
     "law was clear.", "Tam said", "Lee Tam"),
])
def test_a_reporter_or_an_outlet_named_before_relays(text, clause, source):
    d = doc_of(text)
    assert [a.source for a in find(d, "relayed", clause)] == [source], \
        [(d.text[a.start:a.end], a.kind, a.source) for a in d.attributions]


@pytest.mark.parametrize(("text", "kind", "source"), [
    ("The governor clashed with an MP in an exchange carried live on Assembly TV, the parliament's stream.",
     "relayed", "Assembly TV"),
    ("The speech was broadcast live on Vell TV.", "relayed", "Vell TV"),
    ("According to Kaldra Radio 1, the bank will pause.", "relayed", "Kaldra Radio 1"),
    ("The minister spoke on Monday.\n\n(With inputs from Northgate Wire)", "relayed", "Northgate Wire"),
    # a body that published the document the article reads is its first-hand source
    ("The remarks, published by the Vell Courts Service on Thursday, run to eleven pages.", "direct",
     "Vell Courts Service"),
])
def test_the_outlet_a_speech_went_out_on_and_the_body_that_published_a_document(text, kind, source):
    d = doc_of(text)
    assert [(a.kind, a.source) for a in d.attributions] == [(kind, source)]


def test_a_document_published_by_no_one_named_is_no_source():
    d = doc_of("The report was published last week and runs to eleven pages.")
    assert not [a for a in d.attributions if a.kind == "direct"]


@pytest.mark.parametrize(("on", "relay"), [("Vell TV", "Vell TV"), ("Monday", None), ("X", None)])
def test_speaking_on_an_outlet_relays_and_on_a_day_or_a_platform_does_not(on, relay):
    d = doc_of(f"Speaking on {on}, the mayor said the port would close.")
    assert [a.source for a in d.attributions if a.kind == "relayed"] == ([relay] if relay else [])


@pytest.mark.parametrize("text", [
    "Our correspondent Sam Ellis was in court. The judge wept, according to Ellis.",
    "Vell TV correspondent Lee Tam was in court. Tam said the river had risen overnight.",
    "Judge Mira Sand sentenced the pilot. Sand said safety was a promise, in remarks relayed by the broadcaster.",
])
def test_the_articles_own_reporter_or_an_unnamed_broadcaster_relays_nothing(text):
    d = doc_of(text)
    assert not [a for a in d.attributions if a.kind == "relayed"], \
        [(d.text[a.start:a.end], a.kind, a.source) for a in d.attributions]


@pytest.mark.parametrize(("text", "clause"), [
    ("The room went quiet, according to people sitting near the family.",
     "according to people sitting near the family"),
    ("The judge wept, according to those who were in the room.", "according to those"),
    ("The room went quiet, according to people in the gallery.", "according to people"),
    ("The plan failed, according to those close to him.", "according to those close"),
])
def test_people_described_only_by_where_they_were_are_vague(text, clause):
    d = doc_of(text)
    assert find(d, "vague", clause), [(d.text[a.start:a.end], a.kind, a.source) for a in d.attributions]


def test_a_magazine_named_people_is_no_crowd():
    d = doc_of("The room went quiet, according to People magazine.")
    assert [a.kind for a in d.attributions] == ["relayed"]


# -- the rules' own examples (exact evidence spans) -----------------------------------------------


def _strip(text: str) -> tuple[str, list[tuple[int, int]]]:
    spans, out, pos = [], [], 0
    for m in MARK.finditer(text):
        out.append(text[pos:m.start()])
        start = sum(map(len, out))
        out.append(m.group(1))
        spans.append((start, start + len(m.group(1))))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), spans


# -- seeds against the gold -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_docs():
    return {d.article.id: d for d in helpers.seed_docs()}


def _gold():
    if not GOLD.is_file():
        pytest.skip("gold annotations not available")
    return json.loads(GOLD.read_text(encoding="utf-8"))


def test_seeds_relayed_and_vague_sources_match_the_gold(seed_docs):
    for g in _gold()["attributions"]:
        d = seed_docs[g["article"]]
        pat = r"\s+".join(map(re.escape, g["text"].split()))
        gs = re.search(pat, d.text).span()
        hits = [a for a in d.attributions if a.kind == g["kind"] and a.start < gs[1] and gs[0] < a.end]
        assert hits, f"{g['article']}: no {g['kind']} attribution over {g['text']!r}"
        if g["source"]:
            assert g["source"].split()[-1] in (hits[0].source or "")


def test_seed_relay_covers_the_articles_statements(seed_docs):
    d = seed_docs["002_7522bb0fe2495f57"]
    said = [a for a in d.attributions if a.kind == "direct" and a.source == "Mark Rutte"]
    assert len(said) >= 5
    assert all(a.chain == ["Mark Rutte", "Yaroslav Zhelezniak"] and a.hops == 2 for a in said)


def test_seed_institutional_source_is_not_vague(seed_docs):
    d = seed_docs["003_f833416351632bbc"]
    (a,) = [a for a in d.attributions if d.text[a.start:a.end] == "According to Kyiv authorities"]
    assert a.kind == "direct" and a.source_type == "institution"


def test_seed_captions_are_credits(seed_docs):
    d = seed_docs["004_7f91a2f5f40fcb4f"]
    assert [(a.source, a.kind) for a in d.attributions if a.source == "AFP"] == [("AFP", "credit")]


def test_seed_single_source_rule_flags_the_relayed_articles_only(seed_docs):
    rule = load_rules(select=["single-source"]).get("single-source")
    flagged = {k for k, d in seed_docs.items() if rule.run(d)}
    assert flagged == {"001_cb8b0833114ab846", "002_7522bb0fe2495f57"}


def test_seed_unattributed_figure_is_flagged_and_attributed_ones_are_not(seed_docs):
    rule = load_rules(select=["unattributed-claim"]).get("unattributed-claim")
    d = seed_docs["003_f833416351632bbc"]
    texts = [d.text[f.start:f.end] for f in rule.run(d)]
    assert any("90% of missiles used in air defense" in t for t in texts)
    d0 = seed_docs["000_8903e5cae973860f"]
    assert rule.run(d0) == []  # "He cited figures indicating ... 75% ..." is attributed


# -- relays and vague sourcing as wires and aggregators phrase them (fixtures in our own words) --------

RELAYED = [  # (text, the clause, the intermediary)
    ("The ferry service will resume on Friday, according to the Harbour Gazette.",
     "according to the Harbour Gazette", "Harbour Gazette"),
    ("The toll was revised upward, as Reuters reported late on Tuesday.", "Reuters reported", "Reuters"),
    ("The dam was closed, as first reported by the Valley Courier.", "as first reported by the Valley Courier",
     "Valley Courier"),
    ("Meridian News said, citing the transport ministry, that the line would reopen.", "Meridian News said",
     "Meridian News"),
    ("Xinhua quoted the envoy as saying the talks were constructive.", "Xinhua quoted", "Xinhua"),
    ("The harbour master told the BBC that three ships were stuck.", "The harbour master told the BBC", "BBC"),
    # session 24: a document an outlet obtained
    ("A draft seen by Reuters shows the port will close in May.", "seen by Reuters", "Reuters"),
    ("Emails obtained by the Vell Courier show the mayor knew.", "obtained by the Vell Courier", "Vell Courier"),
    # session 24: a speech carried live by a broadcaster, inside a parenthesis or an apposition
    ("The mayor spoke for an hour (her speech was broadcast live by Vell TV) and took no questions.",
     "broadcast live by Vell TV", "Vell TV"),
    ("The address, televised by the state broadcaster NRT, lasted twenty minutes.",
     "televised by the state broadcaster NRT", "NRT"),
    ("The minister told the Daily Courier that she would resign.", "The minister told the Daily Courier",
     "Daily Courier"),
    ("According to a report in the Northern Herald, the mine is closing.",
     "According to a report in the Northern Herald", "Northern Herald"),
    ("The strike ended overnight, per the newspaper Kurier.", "per the newspaper Kurier", "Kurier"),
    ("The pier will close in May, reported news agency Tidewire.", "reported news agency Tidewire", "Tidewire"),
    ("The pier will close in May, as cited in a Reuters report.", "as cited in a Reuters report", "Reuters"),
    # round 2: wire and aggregator forms
    ("The ferry resumed on Friday, per Tidewatch.", "per Tidewatch", "Tidewatch"),
    ("The ferry resumed on Friday, according to a Tidewatch report.", "according to a Tidewatch report",
     "Tidewatch"),
    ("HARBOURTON, May 4 (Reuters) - The port reopened after the storm.", "HARBOURTON, May 4 (Reuters)", "Reuters"),
    ("The drill was a show of strength, which Reuters sees as a message to the neighbours.", "Reuters sees",
     "Reuters"),
    ("The port reopened on Monday.\n\nRead the complete article from the Valley Courier.",
     "article from the Valley Courier", "Valley Courier"),
    ("The mayor said the pier would reopen in the spring after a long winter of repairs and delays.\n\n"
     "Source: Xinhua   Editor: Lin Bo", "Source: Xinhua", "Xinhua"),
    ('The governor opened the pier.\n\n"We will rebuild it all." pic.twitter.com/abc123 \u2014 Valley Courier '
     "(@vcourier) May 4, 2025", "Valley Courier (@vcourier)", "Valley Courier"),
    # round 3, by family: adverbs between an outlet and its verb, wire bylines and datelines in any layout,
    # sign-offs, an outlet's journalist, a name led by a media head
    ("The fund was moved to riskier assets, as the Harbour Gazette first reported.",
     "the Harbour Gazette first reported", "Harbour Gazette"),
    ("The levy doubled, as Reuters exclusively reported on Friday.", "Reuters exclusively reported on Friday",
     "Reuters"),
    ("Harbourton | May 4, 2025 (AFP) : The port reopened after the storm.",
     "Harbourton | May 4, 2025 (AFP) :", "AFP"),
    ("(Reuters) - The port reopened after the storm.", "(Reuters) -", "Reuters"),
    ("By PTI\n\nPublished: May 4, 2025\n\nThe port reopened after the storm.", "By PTI", "PTI"),
    ("By Lena Park, Reuters\n\nThe port reopened after the storm.", "By Lena Park, Reuters", "Reuters"),
    ("The port reopened after the storm. (With PTI inputs)", "With PTI inputs", "PTI"),
    ("The port reopened after the storm.\n\nAFP contributed to this report.", "AFP contributed to this report",
     "AFP"),
    ("More on the budget in the piece by Ola Berg, a Harbour Gazette correspondent in Brussels: the fund grows.",
     "piece by Ola Berg, a Harbour Gazette correspondent", "Harbour Gazette"),
    ("According to a correspondent for the Valley Courier, the vote was close.",
     "According to a correspondent for the Valley Courier", "Valley Courier"),
    ("The mayor opened the pier on a grey morning after three years of repairs, delays and arguments [...]\n"
     "Source: News Meridian\n\nYou may also like", "Source: News Meridian", "News Meridian"),
    # round 4: a newspaper by the form of its name ("Daily ...", "... Record"), an agency written in capitals
    # or as a word, whose text a report is
    ("The last ferry leaves on Friday, as the Daily Record reported on Tuesday.", "the Daily Record reported on Tuesday",
     "Daily Record"),
    ("Tolls will double next year, the Island Monitor reported.", "the Island Monitor reported", "Island Monitor"),
    ("The harbour master, quoted by Tass, said the pier would reopen.", "quoted by Tass", "Tass"),
    ("The pier will reopen in May, the harbour master told TASS.", "the harbour master told TASS", "TASS"),
    ("The pier will cost two million, according to a report by the Valley Courier.",
     "according to a report by the Valley Courier", "Valley Courier"),
    ("The levy was dropped, according to an article in the Island Gazette.",
     "according to an article in the Island Gazette", "Island Gazette"),
    # round 5: an aggregator's pointer to its source, a line of agencies under the running text
    ("Harbour news\n\nThe pier opened on Monday after three years of work, and the mayor cut the ribbon in the rain.\n"
     "Read at the Valley Courier\n", "Read at the Valley Courier", "Valley Courier"),
    ("Harbour news\n\nThe mayor flew home on Tuesday evening after two days of talks with the harbour board.\n"
     "Reuters, AP\n", "Reuters", "Reuters"),
    ("Harbour news\n\nThe mayor flew home on Tuesday evening after two days of talks with the harbour board.\n"
     "Reuters, AP\n", "AP", "AP"),
    # round 6: a wire the vocabulary does not know, named in the bracket of a dateline
    ("Harbour briefing, curated daily.\n(HTA) \u2014 The harbour board approved the levy on Monday.",
     "(HTA) \u2014", "HTA"),
    # an aggregator's card: the outlet, then its reading time or age
    ("Harbour levy approved\n\nValley Courier 2 min read 3 hours ago\n\nThe harbour board approved the levy.",
     "Valley Courier", "Valley Courier"),
    ('The mayor spoke at the pier on Monday morning.\n\n"We rebuild," the mayor said. (Video Source: HTV) '
     "pic.twitter.com/Ab12Cd34 \u2014 Harbour Wire (@harbourwire) May 4, 2025\n\nThe pier cost two million.",
     "Harbour Wire (@harbourwire)", "Harbour Wire"),
    ("Latest news\n\n\nValley Courier\n4 days ago\n- Business\nThe harbour board approved the levy on Monday.",
     "Valley Courier", "Valley Courier"),
    # round 7: a wire dateline whose date follows the bracket
    ("Pier reopens\n\nby Mira Olsen\n\nPort Delmar (UPI) Oct 2, 2025\n\nThe council voted to reopen the pier.",
     "Port Delmar (UPI)", "UPI"),
    ("Pier reopens\n\nPort Delmar (HTA) 2 October 2025\n\nThe council voted to reopen the pier.",
     "Port Delmar (HTA)", "HTA"),
    # a one-word name the vocabulary does not know, that "reported": an outlet
    ("Despite the worries, Kvellen reported that the army had started to prepare.", "Kvellen reported", "Kvellen"),
    # a body that passes on what the sentence's speaker said relays it, outlet or not
    ('"We will rebuild every house," Mayor Ana Ruiz declared, according to the Harbour Board.',
     "according to the Harbour Board", "the Harbour Board"),
    # words written for an outlet and sent to it: the outlet relays them, as after "told"
    ("In a note sent to the Vell Courier, the mayor said the pier would reopen.", "sent to the Vell Courier",
     "Vell Courier"),
    ("The mayor sent the Norland Times a statement on Monday evening.", "sent the Norland Times", "Norland Times"),
    ("A spokesperson said in a statement emailed to Reuters that the pier was safe.", "emailed to Reuters",
     "Reuters"),
    ("In an email to the Harbour Herald, the mayor denied the claim.", "In an email to the Harbour Herald",
     "Harbour Herald"),
    ("The company said in a separate statement to the Harbour Herald that it would not comment.",
     "The company said in a separate statement to the Harbour Herald", "Harbour Herald"),
    ("The council said in a statement sent to Reuters that the vote was fair.",
     "The council said in a statement sent to Reuters", "Reuters"),
    # an outlet the vocabulary does not know, named by what cites a source or by the noun of its kind
    ("Norrbladet said, citing the interior ministry, that six people were detained.", "Norrbladet said",
     "Norrbladet"),
    ("The statement, carried by state media outlet Norpress, said the fleet would stay.",
     "carried by state media outlet Norpress", "Norpress"),
    ("The remarks were carried by the state-run news agency Vellpress.",
     "carried by the state-run news agency Vellpress", "Vellpress"),
    ("The fleet will stay, Berg was quoted as saying by Norpress.", "Berg was quoted as saying by Norpress",
     "Norpress"),
    ("Berg was quoted by Norpress as saying the fleet would stay.", "Berg was quoted by Norpress", "Norpress"),
    # an outlet's translation named by its possessive
    ('"The fleet will stay," Berg said, in Channel Nine\'s translation.', "in Channel Nine's translation",
     "Channel Nine"),
    # ... a publication the vocabulary does not know, after a quotation
    ('"We never agreed to this," the production company said in a separate statement to Norrbladet.',
     "the production company said in a separate statement to Norrbladet", "Norrbladet"),
    # an aggregator's badge naming the feed the text came from
    ("The pier reopened on Monday after a long closure and ships began to dock again in the afternoon.\n\n"
     "(Only the headline of this report may have been reworked by Vell Times staff; the rest of the content is "
     "auto-generated from a Press Trust of Norland feed.)", "generated from a Press Trust of Norland feed",
     "Press Trust of Norland"),
]

VAGUE = [  # (text, the clause)
    # session 24: evidence no one names, right before a verb of showing
    ("Fad diets can be unhealthy, and studies show that strict plans trigger binges.", "studies show"),
    ("Some research suggests that fibre cuts hunger.", "Some research suggests"),
    ("The data indicate the drug slows the disease.", "The data indicate"),
    ("Tollmark Radio reports, citing foreign media, that the border is shut.", "citing foreign media"),
    ("The border is shut, per local media.", "per local media"),
    ("Prices rose again.\n\n(With inputs from agencies.)", "With inputs from agencies"),
    ("The fleet will stay, Berg was quoted as saying by local media.", "Berg was quoted as saying by local media"),
    # an indefinite word in the middle of a sentence belongs to its noun as at the start
    ("The plan is bold, one analyst said.", "one analyst said"),
    ("The plan is bold, one diplomat told reporters on Monday.", "one diplomat told"),
    # an aggregator's badge naming no one
    ("The pier reopened on Monday after a long closure and ships began to dock again in the afternoon.\n\n"
     "This article was generated from an automated news agency feed without modifications to text.",
     "generated from an automated news agency feed"),
    ("Some officials believe the plan will fail.", "Some officials believe"),
    ("Many in the alliance fear a long winter.", "Many in the alliance fear"),
    ("Sources familiar with the negotiations said a deal was close.", "Sources familiar with the negotiations"),
    ("Media reported that the bridge had collapsed.", "Media reported"),
    ("It is reported that the bridge had collapsed.", "It is reported"),
    ("A senior diplomat said the deal was close.", "A senior diplomat said"),
    ("Western analysts believe the pier was never used.", "Western analysts believe"),
    # round 2: no verb of saying, an absolute clause, a passive, an unnamed official, a byline
    ("The levy was condemned abroad, with many calling it reckless.", "with many calling"),
    ("The mayor resigned, with some of the governor's allies urging her to stay.",
     "with some of the governor's allies urging"),
    ("Experts remain skeptical of the new figures.", "Experts remain skeptical"),
    ("The old estimate of the damage has been disputed.", "has been disputed"),
    ("A Harbour Board official confirmed to the Valley Courier that the pier is shut.",
     "A Harbour Board official confirmed"),
    ("The crossing was dubbed the Iron Gate by Western observers.", "by Western observers"),
    ("The new ferry is believed to carry four hundred cars.", "is believed to carry"),
    ("The barge, reported to have a crew of nine, sank at dawn.", "reported to have"),
    ("E.U. officials warn the levy could hurt growers.", "E.U. officials warn"),
    ("The ferry left late. Mayor Ana Ruiz reportedly said the delay was short.", "reportedly"),
    ("By Staff Writers and Agencies\n\nThe pier closed on Monday.", "By Staff Writers and Agencies"),
    ("An English translation of the letter reads: the harbour stays open.",
     "An English translation of the letter reads"),
    # round 3, by family: a stance held by an unnamed subject, a crowd's reading, a vague subject with any
    # verb form, a sign-off naming no one
    ("An official spokesperson demanded that the neighbours look to their own ports.",
     "An official spokesperson demanded"),
    ("One diplomat dismissed the plan as theatre.", "One diplomat dismissed"),
    ("Critics countered that the pier was never safe.", "Critics countered"),
    ("The court ruling was widely seen as a win for the fishers.", "widely seen"),
    ("Anger at the mayor herself, widely viewed as slow to act, kept growing.", "widely viewed as"),
    ("The new levy is generally regarded as a stopgap.", "generally regarded"),
    ("The ferry fee is seen by many as a tax on islanders.", "by many"),
    ("Recent press reports indicate that the pier will close.", "reports indicate"),
    ("Experts suggest the hull was never inspected.", "Experts suggest"),
    ("Prices rose again.\n\n(With agency inputs)", "With agency inputs"),
    ("This story was published from a wire agency feed without changes to the text.",
     "published from a wire agency feed"),
    # round 5: a reading with no agent named, a quantified crowd as agent
    ("His address, seen as a rebuke of the neighbours, was short.", "seen as"),
    ("The mayor's trip to the quay was viewed as a gesture to the fishers.", "viewed as"),
    ("The mayor spoke, in what is being seen as a warning to the unions.", "seen as"),
    ("The ribbon was taken by many islanders as an apology.", "by many islanders"),
    # a closing mark typed as an opening one ("free“,") still closes: what follows is the author's
    ("The mayor said the port stays “open for every boat“, which was taken by many islanders as a relief.",
     "by many islanders"),
    # round 6: a crowd's judgement
    ("The toll was lifted, with some praising it as a gift to the fishers.", "with some praising"),
    ("The toll was lifted. Many hailed the move as overdue.", "Many hailed"),
    ("The toll was lifted. Others condemned it as a bribe.", "Others condemned"),
    ("The toll was lifted. Economists and harbour experts interpret the move as a bribe.", "experts interpret"),
    ("After the mayor's vow to stand by the fishers, the questions being asked are simple: when, and how?",
     "questions being asked"),
    # an agentless accusation, a reduced relative of belief, a crowd of locals
    ("The mayor has been accused of rewarding the smugglers after the vote.", "has been accused of"),
    ("The fishers, still believed to be held by the smugglers, were not freed.", "still believed to be"),
    ("The radio was jammed, though locals said their sets were unaffected.", "locals said"),
    # figures and authorities that no named body owns
    ("The flood left three hundred dead, according to Norlandic tallies.", "according to Norlandic tallies"),
    ("The flood left three hundred dead, according to local health authorities in the valley.",
     "according to local health authorities"),
    # round 7: reports with a time between subject and verb, unnamed groups, a group named by whom it
    # serves, agentless rumours, reports coming to light
    ("The pier closed. Reports earlier this week suggested a deal with the unions.", "Reports earlier this week suggested"),
    ("Aid organizations have warned that the closure would hurt fishers.", "Aid organizations have warned"),
    ("Rights groups said the closure would hurt fishers.", "Rights groups said"),
    ("Allies of Mayor Ana Ruiz have argued that the pier was never safe.", "Allies of Mayor Ana Ruiz have argued"),
    ("Aides to the governor said the vote would wait.", "Aides to the governor said"),
    ("Officials in Port Delmar said the grid held.", "Officials in Port Delmar said"),
    ("Earlier reports from Norland had suggested a deal.", "reports from Norland had suggested"),
    ("The plan, it was rumored, was to delay the vote until spring.", "it was rumored"),
    ("The story took a turn as reports surfaced suggesting that staff had left early.", "reports surfaced"),
]

NEITHER = [  # no relay and no vague source: a person or an institution, or no attribution at all
    "The harbour master told reporters that three ships were stuck.",
    "Prices fell by three per cent, the statistics office said.",
    "The company said, citing higher costs, that prices would rise.",
    "The plan, via a new law, gives cities more money.",
    "Russia continued the offensive near the river.",
    "Rutte's remarks drew applause.",
    "The governor wrote in the Valley Courier that the dam was safe.",
    '"As the Daily Courier reported, some officials believe we failed," the mayor said.',
    # round 2: persons after "per", picture credits, a speaker's own post, a passive with a named agent
    "Mayor Ana Ruiz opened the pier. The toll will stay low, per Ruiz.",
    "The mayor opens the new pier on Monday.\n(Harbour Press Office via AP)\n\nThe pier cost two million.",
    "The mayor at the new pier\nSource: Xinhua\n\nThe pier cost two million.",
    'Mayor Ana Ruiz spoke on Monday.\n\n"The pier is open." \u2014 Ana Ruiz (@anaruiz) May 4, 2025',
    "The theft was reported to police on Monday.",
    "The plan was criticised by the harbour union.",
    "The governor sees the pier as a symbol of the town.",
    "The report from the ministry was late.",
    # round 3: a named subject with a stance verb, a determiner alone before a verb form, an adjective use of
    # a crowd adverb, a caption credit with no dash, a byline naming a person, a parenthesis after "with",
    # an institution's report by a person
    "The harbour board rejected the plan on Monday.",
    "Mayor Ana Ruiz dismissed the complaint.",
    "The first reported case was mild.",
    "A widely read column mocked the plan.",
    "The mayor at the new pier in Harbourton (Reuters)\n\nThe pier cost two million.",
    "By Lena Park\n\nThe pier closed on Monday.",
    "The mayor met the fishers (with her aides) on Monday.",
    "The audit, a report by Ola Berg, the harbour board's treasurer, was late.",
    # round 4: a report by an institution or a person is not an outlet's; a capitalised word that only
    # resembles an agency's name is no agency
    "The pier will cost two million, according to a report by the harbour board.",
    "The levy was dropped, according to a report by Ola Berg.",
    "The mayor met Tassi Berg, who said the pier would reopen.",
    # round 5: being seen is no reading; a reading by a named person is theirs; agencies under a picture
    "The minister was seen leaving the hall.",
    "The levy was seen by Mayor Ana Ruiz as a stopgap.",
    "Harbour news\n\nThe mayor at the new pier\nReuters, AP\n\nThe pier cost two million, the harbour board said.",
    # round 6: a judgement by a named person or body; a quantifier with no crowd behind it
    "The harbour union hailed the move as overdue.",
    "Mayor Ana Ruiz praised the fishers as the town's backbone.",
    "The toll was lifted, with some boats leaving the port early.",
    "The toll was lifted. Many residents saw the mayor at the pier.",
    "The mayor asked the questions herself, and the board answered them.",
    "The flood left three hundred dead, according to UN figures.",
    "The mayor was accused by the harbour union of rewarding the smugglers.",
    "The flood left three hundred dead, according to the Harbour Board's figures.",
    # round 7: a named person before a time phrase; a caption's place and bracket with no date; a named
    # group; a person's own allies named by the person
    "Mayor Ana Ruiz earlier this week said the pier would reopen.",
    "The mayor at the new pier in Port Delmar (Reuters)\n\nThe council voted to reopen the pier.",
    "The Harbour Fishers' Organization said the closure would hurt its members.",
    "The governor met allies of the mayor on Monday.",
    # a place that reports (the article names it as one), a person the article introduces
    "The fleet sailed from Norland on Monday. Norland reported two more losses.",
    "The Norlandic fleet sailed on Monday. Norland reported two more losses.",
    "Mayor Ana Ruiz spoke on Monday. Ruiz reported that the pier was safe.",
    # the board's own figures (no speaker in the sentence)
    "Three ships sank on Monday, according to the Harbour Board.",
    # the speaker's side's own text is a primary source, no intermediary
    '"The fleet will stay," Minister Ola Berg said, according to a transcript released by his office.',
    'Minister Ola Berg told donors the fleet would stay, according to a statement.',
    # a country citing its own ministry is no outlet
    "Russia said, citing the defence ministry, that trade fell.",
    # sent to someone who is no outlet: an addressee, neither a relay nor a vague source
    "In a letter to the finance committee, the mayor said the plan was fair.",
    "The ministry sent troops to the border on Monday, the mayor said.",
    "The mayor said in a statement sent to reporters that the pier was safe.",
    "The mayor sent the council a report on the pier.",
    "Mayor Ana Ruiz said in a letter to Jane Roe that the pier was safe.",
    "The council said in a statement to the Finance Committee that the vote was fair.",
    # no name at all before "reported", a place after a passive "reported in", a condition people have, a
    # title-case "Per", a staff byline
    "Many callers waited for hours. Others reported being logged off the service.",
    "A case of the flu was reported in Norland over the weekend.",
    "The virus has been reported in Ostby, Vell and Harlow this year.",
    "In one study of 146 people, those with BDX reported more trouble sleeping.",
    "Ads earn a lower RPM (Revenue Per Thousand) for publishers.",
    "Staff Reports\n\nPolice arrested six people on Monday during a protest in Vell.",
    "Inspectors visited the camp in May.\n\nThat report found children in some cells had no beds.",
    # a question about what someone said, as a heading
    "What did the prosecutors say?\n\nThe court met on Monday.",
    # evidence that names its source, and a participle
    "We used data published in October by the drug agency.",
    "Lopes led the research published in the journal Nature Astronomy.",
    "Research by the Vell Institute suggests that fibre cuts hunger.",
    # seen or reviewed by someone who is no outlet
    "The patient was seen by doctors on Monday.",
    "The ruling was reviewed by the court in May.",
    # a broadcast by no outlet: the club's own stream
    "The match was streamed live by the club on its own website.",
    # a feed of data, not the text's source
    "The pier reopened on Monday.\n\nThe map of the queue was generated from the city's traffic feed.",
    # ("As reported, ..." with no one after it was listed here; the coders of two development events mark
    # it vague, and it is tested as vague below)
]


@pytest.mark.parametrize(("text", "clause", "via"), RELAYED)
def test_relayed_through_a_named_outlet(text, clause, via):
    (a,) = find(doc_of(text), "relayed", clause)
    assert a.source == via and a.chain[-1] == via and a.hops >= 2


@pytest.mark.parametrize(("text", "clause"), VAGUE)
def test_vague_sourcing(text, clause):
    assert find(doc_of(text), "vague", clause)


@pytest.mark.parametrize("text", NEITHER)
def test_not_relayed_nor_vague(text):
    assert not [a for a in doc_of(text).attributions if a.kind in ("relayed", "vague")]


def test_told_the_articles_own_outlet_is_first_hand():
    text = "The harbour master told Reuters that three ships were stuck."
    assert find(doc_of(text), "relayed", "The harbour master told Reuters")
    own = Doc(Article(id="t", text=text, outlet="Reuters"))
    assert not [a for a in own.attributions if a.kind == "relayed"]


def test_verbs_that_need_a_quotation_count_only_beside_one():
    d = doc_of('"We will rebuild," the mayor continued. The mayor continued the tour.')
    assert [d.text[a.start:a.end] for a in d.attributions] == ["the mayor continued"]


def test_one_vocabulary_for_both_layers():
    from auditor.text import speakers
    from auditor.text.attribution import vocab
    from auditor.vocab import load_phrases

    verbs = set(load_phrases("reporting_verbs"))
    v = vocab()
    assert v.reporting_verbs | v.beside_quote_verbs <= verbs and "said" in verbs and "according to" in verbs
    assert set(v.titles) <= set(load_phrases("speaker_titles")) and "minister" in speakers.titles()


def test_an_opening_mark_glued_to_a_word_still_opens():
    d = doc_of("The envoy spoke of\u201cpeace or war\u201d on Monday and reportedly left early.")
    at = d.text.index("reportedly")
    assert not d.inside_quotation(at, at + len("reportedly"))
    inner = d.text.index("peace")
    assert d.inside_quotation(inner, inner + 5)
    assert find(d, "vague", "reportedly")


def test_a_reading_time_after_a_byline_or_a_date_is_no_card():
    for line in ("By Ann Lee 5 min read", "Updated 3 hours ago", "Mayor Ana Ruiz\n4 days ago"):
        d = doc_of(f"Harbour levy approved\n\n{line}\n\nThe harbour board approved the levy on Monday.")
        assert not [a for a in d.attributions if a.kind == "relayed"], line


def test_a_page_label_in_brackets_is_not_a_wire():
    for label in ("VIDEO", "UPDATED", "LIVE"):
        d = doc_of(f"({label}) - The harbour board approved the levy on Monday.")
        assert not [a for a in d.attributions if a.kind == "relayed"], label


def test_a_wire_dateline_is_first_hand_in_the_agencys_own_story():
    text = "HARBOURTON, May 4 (Reuters) - The port reopened after the storm."
    assert find(doc_of(text), "relayed", "HARBOURTON, May 4 (Reuters)")
    own = Doc(Article(id="t", text=text, outlet="Reuters"))
    assert not [a for a in own.attributions if a.kind == "relayed"]


def test_one_quotation_guard_on_the_doc():
    d = doc_of('The mayor said "the bridge is likely safe" today. The "new" plan, he said, is late.')
    inner = d.text.index("likely")
    assert d.inside_quotation(inner, inner + len("likely"))
    late = d.text.index("late")
    assert not d.inside_quotation(late, late + 4)
    assert all(s < e for s, e in d.quotation_spans)


def test_a_conjunction_before_the_subject_is_not_part_of_it():
    d = doc_of("Though Mayor Ana Ruiz said the pier was safe, it closed. As Reuters explained, the pier was old.")
    direct = [a for a in d.attributions if a.kind == "direct"]
    assert [d.text[a.start:a.end] for a in direct] == ["Mayor Ana Ruiz said"] and direct[0].source == "Ana Ruiz"
    (r,) = find(d, "relayed", "Reuters explained")
    assert r.source == "Reuters"
    (a,) = doc_of("As reported, on May 20 the council raised the levy.").attributions  # no one named "As"
    assert a.kind == "vague" and a.source is None


# -- round 8: sources met at first contact with two new events ------------------------------------------


def kinds(d: Doc) -> list[tuple[str, str | None, str]]:
    return [(a.kind, a.source, d.text[a.start:a.end]) for a in d.attributions if a.kind != "credit"]


def test_an_unnamed_source_in_an_office_is_vague_whoever_the_office_belongs_to():
    d = doc_of("Governor Aron Velt met the unions on Friday, according to an official in the governor's office.")
    assert [k for k in kinds(d) if k[0] == "vague"] == [("vague", None, "according to an official")]
    d = doc_of("Sources close to Governor Aron Velt said the levy would stay.")
    assert [k[0] for k in kinds(d)] == ["vague"]
    named = doc_of("Governor Aron Velt met the unions, according to Velt's chief of staff, Ana Ruiz.")
    assert not [k for k in kinds(named) if k[0] == "vague"]


def test_as_reported_with_no_one_after_it_is_vague_and_with_an_outlet_a_relay():
    assert kinds(doc_of("As previously reported, the quay closed in May.")) == [
        ("vague", None, "As previously reported")]
    d = doc_of("As reported by Harbour News, the quay closed in May.")
    assert [k[:2] for k in kinds(d)] == [("relayed", "Harbour News")]


def test_words_through_an_interpreter_are_relayed():
    d = doc_of('Governor Aron Velt spoke in Norse. "The quay stays," Velt said through an interpreter.')
    (r,) = [a for a in d.attributions if a.kind == "relayed"]
    assert r.source == "interpreter" and r.chain == ["Aron Velt", "interpreter"]
    d = doc_of('Governor Aron Velt spoke all evening. "The quay stays," Velt said through the night.')
    assert not [a for a in d.attributions if a.kind == "relayed"]


def test_unnamed_groups_of_experts_are_vague():
    for noun in ("policymakers", "economists", "lawmakers"):
        d = doc_of(f"The fund could unlock far more private money, according to {noun}.")
        assert [k[0] for k in kinds(d)] == ["vague"], noun


_BODY = ("The harbour board approved the ferry levy on Monday after a long debate in the hall of the old customs "
         "house by the sea.")
RELAY_PAIRS = [  # (a text with one relay, its source, its clause, a text like it with none)
    # session 10: an agency's copyright line under the text, a text translated from another outlet's,
    # footage credited to a named broadcaster
    (f"{_BODY}\nCopyright 2025 The Associated Press. All rights reserved.", "Associated Press", "Associated Press",
     f"{_BODY}\nCopyright 2025 Harbour Weekly Press Ltd. All rights reserved."),
    (f"{_BODY}\n\nTranslated from the Harbour Ilbo using generative AI and edited by our staff.", "Harbour Ilbo",
     "Translated from the Harbour Ilbo", f"{_BODY}\n\nTranslated from Norlandic by our own staff."),
    ("According to footage from the television station Harbour TV, police blocked the gate.", "Harbour TV",
     "According to footage from the television station Harbour TV",
     "According to the harbour board, police blocked the gate."),
    # a participle opening the sentence is read like the same words inside one
    ("Speaking to Harbour News ahead of the vote on Tuesday, Governor Aron Velt said the quay would close.",
     "Harbour News", "Speaking to Harbour News",
     "Speaking to the crowd ahead of the vote, Governor Aron Velt said the quay would close."),
    # a site named by its address is an outlet
    ("The levy was the first reply from the new cabinet, Vellpost.ro noted on Monday.", "Vellpost.ro",
     "Vellpost.ro noted on Monday", "The levy was the first reply from the new cabinet, Mayor Ana Ruiz noted on Monday."),
    # a reference block under the text names where it came from
    (f"{_BODY}\nReference(s):\nFerry levy approved after long debate\nvellpost.com", "vellpost.com",
     "Reference(s):\nFerry levy approved after long debate\nvellpost.com", f"{_BODY}\nReferences:\nThe board's minutes of the meeting\nPage 4"),
    # a wire's name alone above the date is a relay, a bare credit in the text is not
    ("Governor warns of ferry costs\ndpa\n14.2.2025 - 21:01\nGovernor Aron Velt warned of costs.", "dpa", "dpa",
     "Governor warns of ferry costs\nThe quay at dawn\nReuters\nGovernor Aron Velt warned of costs."),
    # a wire dateline between slashes
    ("VELL, March 3rd. /tass/. The harbour board approved the levy on Monday.", "TASS", "VELL, March 3rd. /tass/.",
     "VELL, March 3rd. The harbour/ferry board approved the levy on Monday."),
    # "reported by" an unlisted name takes a publication, unless a person the article introduces
    ("The board will vote in May. This was reported by Vell-Info citing Mayor Ana Ruiz.", "Vell-Info",
     "reported by Vell-Info",
     "Mayor Karl Ostby inspected the quay. The crack was reported by Karl Ostby on Monday."),
    # an outlet's reports relay, reports from a place do not
    ('"The sea is rising," the governor said, a warning echoed in reports from Reuters.', "Reuters",
     "reports from Reuters", "Reports from Vell said the quay had closed."),
    # round 9: a wire's label on its copy, and a broadcaster's call of a vote
    ("Ferry levy passes\nAFP :\nThe harbour board approved the levy on Monday.", "AFP", "AFP :",
     "Ferry levy passes\nNote: The harbour board approved the levy on Monday."),
    ("Reuters: The harbour board approved the levy on Monday.", "Reuters", "Reuters:",
     "Mayor Roe: The harbour board approved the levy on Monday."),
    ("The Harbour Party won most seats, the Canadian Broadcasting Corporation projected on Tuesday.",
     "Canadian Broadcasting Corporation", "the Canadian Broadcasting Corporation projected",
     "The Harbour Party won most seats, the party's own count projected on Tuesday."),
    ("The hall cheered after the public broadcaster CBC called the election for Mayor Roe.", "CBC",
     "CBC called the election", "The hall cheered after Mayor Roe called the election a turning point."),
    # an agency's name in a dateline's bracket with no place before it; a byline naming the agency with the
    # writer's post; an outlet as the addressee (its name, not the words told after it); an unlisted outlet named by its kind after its name
    ("12 May 2025 09:10\n(Alliance News) - The harbour board approved the levy on Monday.", "Alliance News",
     "(Alliance News) -", "12 May 2025 09:10\n(Updated) - The harbour board approved the levy on Monday."),
    ("Levy approved\nBy Nina Vos, PA Political Correspondent\nThe harbour board approved the levy.", "PA",
     "By Nina Vos, PA Political Correspondent", "Levy approved\nBy Nina Vos, Political Correspondent\nThe "
     "harbour board approved the levy."),
    ("The mayor told The Sun she regretted the words.", "The Sun", "The mayor told The Sun",
     "The mayor told Sun Weidong she regretted the words."),
    ("The gates were shut, though Yonhap news agency noted that the quay was open.", "Yonhap",
     "Yonhap news agency noted", "The gates were shut, though the harbour master noted that the quay was open."),
]

# "the agency" points back to the last agency the text named; with none named before, it names no outlet
ANAPHOR_PAIRS = [
    ("Reuters reported the vote on Monday. The quay was shut, according to the agency.", "Reuters",
     "according to the agency", "The quay was shut, according to the agency. Reuters reported the vote later."),
    ("Yonhap news agency reported the curfew. The agency said the army would ban rallies.", "Yonhap",
     "The agency said", "The harbour board met on Monday. The agency said the army would ban rallies."),
]


@pytest.mark.parametrize(("text", "source", "clause", "near"), ANAPHOR_PAIRS, ids=lambda x: str(x)[:30])
def test_the_agency_is_the_last_agency_named_before_it(text, source, clause, near):
    d = doc_of(text)
    assert (source, clause) in [(a.source, d.text[a.start:a.end]) for a in d.attributions if a.kind == "relayed"]
    n = doc_of(near)
    assert not [a for a in n.attributions if a.kind == "relayed" and "agency" in n.text[a.start:a.end].lower()]


# round 9 (session 8): unnamed groups and data with no owner, in the forms first contact showed
VAGUE_PAIRS = [  # (a text with one vague clause, the clause, a text like it with a named source)
    ("The levy passed. His critics, however, argue that it hurts the fishers.", "His critics, however, argue",
     "The levy passed. Mayor Roe, however, argued that it hurts the fishers."),
    ("The levy passed. Polls show most islanders oppose it.", "Polls show",
     "The levy passed. Harbour board minutes show most islanders oppose it."),
    ("The levy passed. Many voters said the fee was the last straw.", "Many voters said",
     "The levy passed. Mayor Roe said the fee was the last straw."),
    ("The levy passed. Observers at the meeting called the vote historic.", "Observers at the meeting called",
     "The levy passed. The clerk at the meeting read the vote aloud."),
    ("The levy passed. Rights activists view the fee as cruel.", "Rights activists view",
     "The levy passed. The fee is cruel to fishers."),
    ("The mayor cited a cost of two million, a figure island officials deny.", "officials deny",
     "The mayor cited a cost of two million, a figure the harbour board confirmed."),
    ("According to projections, the Harbour Party will win most seats.", "According to projections",
     "According to the harbour board, the Harbour Party will win most seats."),
    ('"The levy is a trap," remarked a Norlandic critic, pointing to the cost.', "remarked a Norlandic critic",
     '"The levy is a trap," remarked Mayor Roe, pointing to the cost.'),
    ("The mayor waved in a way that many have perceived as a snub.", "many have perceived",
     "The mayor waved in a way that looked like a snub."),
    # an unnamed agent after a passive judgement or demand, a verdict and doubts no one is named for
    ("The speech has been condemned by politicians on the left.", "by politicians",
     "The speech has been condemned by Mayor Roe."),
    ("The plan leaves out the hard cap being demanded by critics.", "by critics",
     "The plan leaves out the hard cap being demanded by Mayor Roe."),
    ("Despite the tough talk, his package was panned as too weak.", "panned as",
     "Despite the tough talk, his package was sent back as too weak."),
    ("However, doubts have been raised about whether the levy will work.", "doubts have been raised",
     "However, Mayor Roe raised doubts about whether the levy will work."),
    ("Critics allege the mayor is using the levy to silence the fishers.", "Critics allege",
     "Mayor Roe alleges the board is using the levy to silence the fishers."),
    # session 10 (Lee Jae-myung, Biden): reports and speculation as a fact's setting, footage no one named,
    # an accusation by unnamed critics, watchdogs and checkers
    ("The board met on Friday, amid reports that the levy would be cut.", "amid reports",
     "The board met on Friday, after Mayor Roe said that the levy would be cut."),
    ("The vote was delayed, prompting speculation that the deal had failed.", "prompting speculation",
     "The vote was delayed, prompting Mayor Roe to say that the deal had failed."),
    ("Police closed the harbour gate, according to local TV footage.", "according to local TV footage",
     "Police closed the harbour gate, according to the harbour board."),
    ("Roe, long accused by critics of favouring the north, spoke first.", "by critics",
     "Roe, long accused by Mayor Lind of favouring the north, spoke first."),
    ("The campaign, which fact-checkers have criticized for its claims, ended.", "fact-checkers have criticized",
     "The campaign, which Mayor Lind has criticized for its claims, ended."),
]


@pytest.mark.parametrize(("text", "clause", "near"), VAGUE_PAIRS, ids=lambda x: str(x)[:30])
def test_vague_sourcing_met_at_first_contact_and_a_text_like_it_with_a_named_source(text, clause, near):
    d = doc_of(text)
    assert [d.text[a.start:a.end] for a in d.attributions if a.kind == "vague"] == [clause]
    assert not [a for a in doc_of(near).attributions if a.kind == "vague"]


# session 12: a go-between's account of another person (Lee Jae-myung's order "according to presidential
# spokesperson Kang"; a press secretary on the president's trip) is relayed; their word on their own
# office's business stays first hand
_ROE = "Prime Minister Jane Roe of Norland took office on Wednesday.\n\n"
GO_BETWEEN_PAIRS = [  # (text, clause, the relayed person, a text like it that stays first hand)
    (_ROE + "She later signed an order creating a trade council, according to government spokesperson "
     "Tom Varga.", "according to government spokesperson Tom Varga", "Jane Roe",
     _ROE + "The ministry has received no complaints, according to government spokesperson Tom Varga."),
    (_ROE + "Press secretary Ana Lind said Roe would attend the summit in person.",
     "Press secretary Ana Lind said", "Jane Roe",
     _ROE + "Press secretary Ana Lind said the summit would open on Friday."),
    (_ROE + "Government spokesman Ivo Karas told reporters that Roe had cancelled the trip.",
     "Government spokesman Ivo Karas told reporters", "Jane Roe",
     _ROE + "Government spokesman Ivo Karas told reporters that he had not seen the letter."),
    # a name inside the go-between's own quotation is theirs to mention, not the account's subject
    (_ROE + "Press secretary Ana Lind said Roe had met the envoy.", "Press secretary Ana Lind said", "Jane Roe",
     _ROE + '"Nothing Jane Roe has said changes the budget," press secretary Ana Lind said.'),
    # a lawmaker is no go-between: "Roe will attend, Senator Ian Hale said" is Hale's own claim
    (_ROE + "Deputy Minister Piet Lang will lead the delegation, spokeswoman Mia Sund said.",
     "spokeswoman Mia Sund said", "Piet Lang",
     _ROE + "Senator Ian Hale said Roe would attend the summit in person."),
]


@pytest.mark.parametrize(("text", "clause", "principal", "near"), GO_BETWEEN_PAIRS, ids=lambda x: str(x)[60:90])
def test_a_go_betweens_account_of_another_person_is_relayed(text, clause, principal, near):
    d = doc_of(text)
    (r,) = [a for a in d.attributions if a.kind == "relayed"]
    assert d.text[r.start:r.end] == clause and r.chain == [principal, r.source] and r.hops == 2
    n = doc_of(near)
    assert not [a for a in n.attributions if a.kind == "relayed"]
    assert [a for a in n.attributions if a.kind == "direct"]


def test_a_go_between_relay_covers_its_own_sentence_only():
    d = doc_of(_ROE + '"We will reopen the port," Roe told parliament.\n\nPress secretary Ana Lind said Roe '
               "would attend the summit.")
    direct = [a for a in d.attributions if a.kind == "direct" and a.source == "Jane Roe"]
    assert direct and all(a.chain == ["Jane Roe"] and a.hops == 1 for a in direct)


# a judgement received from an unnamed group (Lee Jae-myung's speech "won high marks from many ... commentators")
RECEPTION_PAIRS = [  # (text, clause, a text like it whose group is named)
    ("The speech won high marks from many political commentators, who called it measured.",
     "high marks from many political commentators",
     "The speech won high marks from Mayor Lind, who called it measured."),
    ("The plan drew praise from analysts in the capital.", "praise from analysts",
     "The plan drew praise from the Harbour Board."),
    ("The budget has faced sharp criticism from economists.", "criticism from economists",
     "The budget has faced sharp criticism from Roe's own deputy, Ana Pell."),
    ("The proposal has drawn fire from opposition lawmakers.", "fire from opposition lawmakers",
     "The proposal has drawn fire from Senator Ian Hale."),
    ("The levy received support from many residents.", "support from many residents",
     "The levy received support from the World Bank."),
]


@pytest.mark.parametrize(("text", "clause", "near"), RECEPTION_PAIRS, ids=lambda x: str(x)[:30])
def test_a_judgement_received_from_an_unnamed_group_is_vague(text, clause, near):
    d = doc_of(text)
    assert [d.text[a.start:a.end] for a in d.attributions if a.kind == "vague"] == [clause]
    assert not [a for a in doc_of(near).attributions if a.kind == "vague"]


# session 12: relays and vague sources in the forms a reading of wire, regional and aggregator coverage of
# other events showed (described by construction, every sentence here our own)
RELAY_FORMS = [  # (a text with one relay, its source, its clause, a text like it with none)
    (f"{_BODY}\nThis report first appeared on the Valmont Ledger.", "Valmont Ledger",
     "first appeared on the Valmont Ledger", f"{_BODY}\nThis report first appeared in print on Monday."),
    (f"{_BODY}\n\u00a9 2025 Eastmark Wire Service.", "Eastmark Wire Service", "Eastmark Wire Service",
     f"{_BODY}\n\u00a9 2025 Harbour Media Group. All rights reserved."),
    ("The jailed leader will not bow to pressure, his brother quoted him as saying.", "his brother",
     "his brother quoted him as saying", "The jailed leader will not bow to pressure, his brother said."),
    ("Her lawyer quoted her as saying she was innocent.", "Her lawyer", "Her lawyer quoted her as saying",
     "Her lawyer said she was innocent."),
    ("According to an English translation released by Norland TV, the mayor urged calm.", "Norland TV",
     "According to an English translation released by Norland TV",
     "According to a statement issued by Norland Rail, the trains will run."),
    (f"By Jane Roe for Norland Press\n\n{_BODY}", "Norland Press", "By Jane Roe for Norland Press",
     f"By Jane Roe, staff reporter\n\n{_BODY}"),
]


VAGUE_FORMS = [  # (text, a word inside the vague clause, a text like it whose source is named or that sources nothing)
    ("Videos circulating online appear to show the clash at the pier.", "circulating",
     "A video posted by the harbour board shows the clash at the pier."),
    ("One resident said the water rose within minutes.", "resident",
     "Resident Jane Roe said the water rose within minutes."),
    ("Two senior army officers said the convoy was hit.", "officers",
     "Colonel Piet Lang said the convoy was hit."),
    ("A palace aide said the king was resting.", "aide", "Palace aide Ana Lind said the king was resting."),
    ("The footbridge held, said another witness at the hearing.", "witness",
     "The footbridge held, said another witness at the hearing, the engineer Jane Roe."),
    ("Rescuers said the last survivors were found at dawn.", "Rescuers",
     "A minority of protesters responded with violence at dawn."),
]


NAME_FORMS = [  # (text, the source its clause names): initials, an Arabic article, particles between words
    ("Vice President R.J. Holm said the port would stay open.", "R.J. Holm"),
    ("President Karim al-Nadri said the port would stay open.", "Karim al-Nadri"),
    ("Crown Prince Faisal bin Adel said the port would stay open.", "Faisal bin Adel"),
    ("The U.N. said the port would stay open.", "The U.N."),  # initials alone name no person
]


@pytest.mark.parametrize(("text", "source"), NAME_FORMS, ids=lambda x: str(x)[:30])
def test_names_with_initials_articles_and_particles_are_whole(text, source):
    d = doc_of(text)
    (a,) = [a for a in d.attributions if a.kind == "direct"]
    assert a.source == source and d.text[a.start:a.end].endswith(f"{source.split()[-1]} said")
    if source != "The U.N.":
        assert d.text[a.start:a.end].startswith(text.split()[0])  # the whole subject, title and all


ROLE_FORMS = [  # (text, the source): a title inside the subject; a role someone else is named as holding
    ("Oklahoma City coach Billy Donovan said the team played well.", "Billy Donovan"),
    ("U.S. Attorney Jane Roe said the case was closed.", "Jane Roe"),
    ("Coach Billy Donovan said the team played well.", "Billy Donovan"),  # not a nationality ending in -an
    ("Morrison's lawyer said the question was out of scope.", "Morrison's lawyer"),  # not Morrison
]


@pytest.mark.parametrize(("text", "source"), ROLE_FORMS, ids=lambda x: str(x)[:30])
def test_the_name_after_a_role_speaks_and_a_role_held_for_someone_is_not_them(text, source):
    (a,) = [a for a in doc_of(text).attributions if a.kind == "direct"]
    assert a.source == source


# session 12, second reading (state media, tabloids, markets wires, celebrity and tech news)
VAGUE_FORMS_2 = [  # (text, a word inside the vague clause, a text like it that names its source or sources nothing)
    ("A Norland newspaper reported that the minister would resign.", "newspaper",
     "The Harbour Courier reported that the minister would resign."),
    ("Insiders in Jane Roe's camp say she has moved on.", "Insiders", "Jane Roe's manager Ana Lind says she has moved on."),
    ("Friends close to the couple say they have split.", "Friends", "The couple say they have split."),
    ("I'm told Castor FC have tabled a second bid.", "told", "I understand why Castor FC tabled a second bid."),
    ("Market participants said the krone would weaken.", "participants",
     "Harbour Bank economist Ana Lind said the krone would weaken."),
    ("According to recent leaks, the phone drops its headphone port.", "leaks",
     "According to the maker's filing, the phone drops its headphone port."),
]


@pytest.mark.parametrize(("text", "source", "clause", "near"), RELAY_PAIRS + RELAY_FORMS, ids=lambda x: str(x)[:30])
def test_a_relay_met_at_first_contact_and_a_text_like_it_without_one(text, source, clause, near):
    d = doc_of(text)
    (r,) = [a for a in d.attributions if a.kind == "relayed"]
    assert r.source.casefold() == source.casefold() and d.text[r.start:r.end] == clause
    assert not [a for a in doc_of(near).attributions if a.kind == "relayed"]


@pytest.mark.parametrize(("text", "word", "near"), VAGUE_FORMS + VAGUE_FORMS_2, ids=lambda x: str(x)[:30])
def test_vague_sources_in_the_forms_wires_aggregators_and_tabloids_use(text, word, near):
    d = doc_of(text)
    (a,) = [a for a in d.attributions if a.kind == "vague"]
    assert word in d.text[a.start:a.end]
    assert not [a for a in doc_of(near).attributions if a.kind == "vague"]


def test_an_outlet_reporting_in_the_progressive_is_a_relay_and_a_reporting_station_is_none():
    d = doc_of("The Harbour Courier is reporting that filming moves to Norland.")
    assert [(a.kind, a.source) for a in d.attributions] == [("relayed", "Harbour Courier")]
    assert not doc_of("One Ostby County reporting station has seen no rain since May.").attributions


@pytest.mark.parametrize(("text", "outlet"), [
    ("The Harbour Courier's Mia Lund said Castor FC had agreed a fee.", "Harbour Courier"),
    ("CNBC's Ana Vik said the merger was close.", "CNBC"),
])
def test_an_outlets_journalist_named_with_it_relays_through_it(text, outlet):
    (a,) = doc_of(text).attributions
    assert (a.kind, a.source) == ("relayed", outlet)
    mayor = doc_of(text.replace("The Harbour Courier's", "Ostby's").replace("CNBC's", "Ostby's"))
    assert [a.kind for a in mayor.attributions] == ["direct"]  # a place's person speaks first hand


@pytest.mark.parametrize(("text", "outlet", "near"), [
    ("Jane Roe's representative confirmed the split to the Harbour Courier.", "Harbour Courier",
     "Jane Roe's representative confirmed the split to the harbour council."),
    ("The minister revealed the plan exclusively to Radio Norland on Monday.", "Radio Norland",
     "The minister revealed the plan to Parliament on Monday."),
    ("Roe told the Harbour Courier she would stand again.", "Harbour Courier",
     "Roe told the Harbour Council she would stand again."),
])
def test_words_said_to_an_outlet_with_the_news_between_or_a_clause_after(text, outlet, near):
    assert [(a.kind, a.source) for a in doc_of(text).attributions if a.kind == "relayed"] == [("relayed", outlet)]
    assert not [a for a in doc_of(near).attributions if a.kind == "relayed"]


# session 16: a subject set off with its role by commas, bodies a wire names as sources, and a surname shared
# by two people
_HEAD = "Fees to rise\n\nThe harbour board met on Monday to discuss the north quay and its fees.\n\n"


@pytest.mark.parametrize(("sentence", "source"), [
    ("The mayor, Jane Roe, said the fees would rise in May.", "Jane Roe"),
    ("Norland's prime minister, Jane Roe, said the fees would rise in May.", "Jane Roe"),
    ("Mia Lund, the finance minister, said the budget was tight.", "Mia Lund"),
    ("In Ostby, Otto Brandt, the envoy, told reporters the talks would resume.", "Otto Brandt"),
    ("The plant will close in June, the company said.", "the company"),
    ("The strike will end on Friday, the union said in a statement.", "the union"),
])
def test_apposed_subjects_and_bodies_are_sources(sentence, source):
    d = doc_of(_HEAD + sentence + "\n")
    assert [a.source for a in d.attributions if a.kind == "direct"] == [source]


@pytest.mark.parametrize("sentence", [
    'Like Roe, the new mayor "wants the quay rebuilt", said Karl Ostby in the Harbour Weekly.',
    "The weather, cold and wet, said little about the season.",
])
def test_what_is_no_apposed_subject(sentence):
    d = doc_of(_HEAD + sentence + "\n")
    assert all(a.source not in ("Like Roe", "The weather") for a in d.attributions)


def test_a_surname_shared_by_two_people_keeps_each_given_name():
    d = doc_of("Ford remembered\n\nHis editor Teresa Nielsen Hayden kept his letters for years.\n\n"
               '"He could have had a longer career," Patrick Nielsen Hayden, her husband and the editor in chief, said.\n\n'
               "Mrs Nielsen Hayden said the letters would be published.\n")
    assert [a.source for a in d.attributions] == ["Patrick Nielsen Hayden", "Teresa Nielsen Hayden"]


# session 17: a role names the person the article introduced with that role, or nobody it names; never
# simply the last person named
_CAST = ("Storm in Vell\n\nPolice Chief Dan Roe met Foreign Minister Mia Lund and Prime Minister Jon Alder of "
         "Norland at the harbour on Monday.\n\n")


@pytest.mark.parametrize(("sentence", "source"), [
    # the role the article gave one person
    ("The police chief said the roads would stay closed.", "Dan Roe"),
    ("The minister said the embassy stays open.", "Mia Lund"),  # the prime minister is not "the minister"
    ("The prime minister said help was coming.", "Jon Alder"),
    ("The Norlandic premier added that fuel had doubled in price.", "Jon Alder"),  # the same role by another word
    ("The prime minister of Norland said help was coming.", "Jon Alder"),  # the place after the role
    ("The Norland prime minister said help was coming.", "Jon Alder"),
    # a role no one the article introduced carries: the role, not the last person named
    ("The fire chief told reporters that two crews were on standby.", "The fire chief"),
    ("The ferry captain said the swell was still too high.", "The ferry captain"),
    ("The president said the fund was empty.", "The president"),
    ("The deputy minister said the border was calm.", "The deputy minister"),
])
def test_a_role_names_its_holder_or_no_one(sentence, source):
    d = doc_of(_CAST + sentence + "\n")
    assert [a.source for a in d.attributions if a.kind == "direct"] == [source]


def test_a_rank_makes_another_role():
    d = doc_of("Talks\n\nVice President Ola Berg and Deputy Mayor Tor Lie arrived late.\n\n"
               "The vice president said more time was needed. The mayor said the hall was booked.\n")
    assert [a.source for a in d.attributions] == ["Ola Berg", "The mayor"]


@pytest.mark.parametrize(("sentence", "source"), [
    ("The President of Ostmark told reporters the border would reopen.", "Ida Varga"),
    ("The President of Vellia told reporters the border would reopen.", "The President of Vellia"),  # no one named
    ("Secretary of State Tom Reed said the border would reopen.", "Tom Reed"),  # "of State" is the title's
])
def test_a_role_of_a_place_is_the_holder_the_article_introduced(sentence, source):
    d = doc_of("Border talks\n\nPresident Ida Varga of Ostmark met envoys from Vellia on Tuesday.\n\n" + sentence + "\n")
    assert [a.source for a in d.attributions if a.kind == "direct"] == [source]


@pytest.mark.parametrize(("signoff", "kind", "source"), [
    ("- With agency inputs", "vague", None),
    ("\u2014 With inputs from Reuters", "relayed", "Reuters"),
    ("(With inputs from agencies)", "vague", None),
])
def test_a_sign_off_after_a_dash_names_where_the_text_came_from(signoff, kind, source):
    d = doc_of("Port reopens\n\nThe port of Vell reopened on Monday after a week of storms. Ships queued outside.\n\n"
               + signoff + "\n")
    [a] = d.attributions
    assert (a.kind, a.source, d.text[a.start:a.end].lstrip("(").rstrip(")")) == (kind, source, signoff.lstrip("-\u2014( ").rstrip(")"))


def test_a_dash_inside_a_sentence_before_with_is_no_sign_off():
    d = doc_of("Port reopens\n\nThe port of Vell reopened on Monday - with the crowd cheering, ships left.\n")
    assert d.attributions == []


@pytest.mark.parametrize(("intro", "sentence", "source"), [
    # a role given in an apposition or by an abbreviated title: the speaker layer's table holds it
    ("Karl Ostby, Norland's defence minister, arrived on Monday.", "The defence minister said the border was calm.",
     "Karl Ostby"),
    ("Republican Gov. Eric Holm met the teachers on Tuesday.", "The governor said pay would rise.", "Eric Holm"),
    ("Sen. Ada Lind met the teachers on Tuesday.", "The senator said pay would rise.", "Ada Lind"),
    # the same forms with a role no one holds
    ("Karl Ostby, Norland's defence minister, arrived on Monday.", "The finance minister said the budget was tight.",
     "The finance minister"),
    ("Jon Alder, Norland's prime minister, arrived on Monday.", "The minister said the budget was tight.",
     "The minister"),
])
def test_a_role_introduced_in_other_forms_names_its_holder(intro, sentence, source):
    d = doc_of("Talks in Vell\n\n" + intro + "\n\n" + sentence + "\n")
    assert [a.source for a in d.attributions if a.kind == "direct"] == [source]


@pytest.mark.parametrize(("sentence", "source"), [
    ("According to his aunt, Mia Starr, he read before he could walk.", "Mia Starr"),
    ("According to a close friend, Tom Lee, he never slept.", "Tom Lee"),
    ("According to his aunt, he read before he could walk.", "his aunt"),  # no name set off: the role
])
def test_according_to_a_role_set_off_with_a_name_is_the_name(sentence, source):
    d = doc_of("Roe remembered\n\nJohn Roe was born in Vell in 1957.\n\n" + sentence + "\n")
    assert [a.source for a in d.attributions] == [source]


def test_a_contraction_is_no_source():
    d = doc_of("Tips\n\nYou\u2019ll recognize that the garden needs little water. We\u2019ve noticed the beans first.\n")
    assert d.attributions == []


@pytest.mark.parametrize(("intro", "sentence", "source"), [
    # a people's noun for one of them is the one person the article gave that people's adjective
    ("Danish coach Anders Holm and Swedish coach Lars Berg met after the match.", "The Dane admitted the side was poor.",
     "Anders Holm"),
    ("Danish coach Anders Holm and Swedish coach Lars Berg met after the match.", "The Swede said the pitch was wet.",
     "Lars Berg"),
    ("Australian coach Ana Roe and Danish coach Anders Holm met after the match.",
     "The Australian said the pitch was wet.", "Ana Roe"),
    # no one of that people, or two: the noun itself
    ("Danish coach Anders Holm and Swedish coach Lars Berg met after the match.",
     "The Norwegian said the pitch was wet.", "The Norwegian"),
    ("Danish coach Anders Holm and Danish striker coach Tor Lund met after the match.",
     "The Dane said the pitch was wet.", "The Dane"),
])
def test_a_peoples_noun_names_the_one_person_of_that_people(intro, sentence, source):
    d = doc_of("After the match\n\n" + intro + "\n\n" + sentence + "\n")
    assert [a.source for a in d.attributions if a.kind == "direct"] == [source]


@pytest.mark.parametrize(("intro", "sentence", "source"), [
    # letters after a name are no part of it, and an occupation written before a name is a title
    ("Barrister Tom Reed KC spoke for the family.", "Reed KC said the claim was weak.", "Tom Reed"),
    ("The committee met on Monday.", "Ana Lind MP said the report was late.", "Ana Lind"),
    ("The committee met on Monday.", "Ana Lind MP, who chairs it, said the report was late.", "Ana Lind"),
    ("Researcher Ana Kovac led the study.", "The researcher said the data were clear.", "Ana Kovac"),
    ("Campaigner Jo Rae marched with the teachers.", "The campaigner said pay must rise.", "Jo Rae"),
])
def test_post_nominal_letters_and_occupations_before_a_name(intro, sentence, source):
    d = doc_of("In court\n\n" + intro + "\n\n" + sentence + "\n")
    assert [a.source for a in d.attributions if a.kind == "direct"][-1:] == [source]


@pytest.mark.parametrize(("sentence", "kind", "source"), [
    # a passive of quoting with an outlet as its agent: the outlet relays the person's words
    ("Lee was quoted as saying by the Harbour Courier that the port would stay open.", "relayed", "Harbour Courier"),
    ("Lee was quoted by the Harbour Courier as saying the port would stay open.", "relayed", "Harbour Courier"),
    ("The port will stay open, Lee was quoted as saying by Reuters.", "relayed", "Reuters"),
    # no outlet as the agent: the person's own words
    ("Lee was quoted in the minutes of the board.", "direct", "Tom Lee"),
])
def test_a_person_quoted_by_an_outlet_is_relayed_through_it(sentence, kind, source):
    d = doc_of("Port talks\n\nHarbour chief Tom Lee met the board on Monday.\n\n" + sentence + "\n")
    assert [(a.kind, a.source) for a in d.attributions] == [(kind, source)]


@pytest.mark.parametrize(("sentence", "kinds"), [
    # words broadcast on a state broadcaster reach the outlet through it; a local station is no relay
    ("Roe said in remarks broadcast on state television that the port would close.", ["relayed"]),
    ("Roe said in remarks aired live on Radio Norland that the port would close.", ["relayed"]),
    ("Roe said in a speech shown on local television that the port would close.", ["direct"]),
    # a count of people no one names is vague, however the rest of the sentence is sourced
    ("Roe told lawmakers the port would close, according to two people in the room.", ["direct", "vague"]),
    ("According to three people briefed on the talks, the port will close.", ["vague"]),
    ("According to two port officials, the port will close.", ["vague"]),
    # a fact that surfaced with no one named for it
    ("The port will close, it has emerged.", ["vague"]),
    ("It emerged on Monday that the port would close.", ["vague"]),
    ("The port will close, Roe said.", ["direct"]),
])
def test_broadcasts_counts_of_people_and_what_emerged(sentence, kinds):
    d = doc_of("Port of Vell\n\nMayor Jane Roe met the harbour board on Monday.\n\n" + sentence + "\n")
    assert sorted(a.kind for a in d.attributions) == kinds


@pytest.mark.parametrize(("sentence", "expected"), [
    # an outlet citing its origin between itself and its verb relays; a vague origin is reported beside it
    ("Reuters, citing two officials, reported that the port would close.",
     [("relayed", "Reuters"), ("vague", None)]),
    ("The Vell Herald, citing the mayor, reported that the port would close.", [("relayed", "Vell Herald")]),
    ("Roe, citing the budget, said the port would close.", [("direct", "Jane Roe")]),
    # a document an outlet has seen: the outlet relays it; one seen by no one named stays as it was
    ("The port will close, according to a draft seen by the Vell Herald.", [("relayed", "Vell Herald")]),
    ("The port will close, according to documents reviewed by the Vell Herald.", [("relayed", "Vell Herald")]),
    ("The port will close, according to a draft seen by officials.", [("vague", None)]),
    # a spokesperson set off after the principal's role relays the principal; a friend speaks first hand
    ("Roe's spokesman, Ola Berg, said the mayor would close the port.", [("relayed", "Ola Berg")]),
    ("Her friend, Ola Berg, said the mayor would close the port.", [("direct", "Ola Berg")]),
])
def test_citing_between_an_outlet_and_its_verb_documents_seen_and_set_off_go_betweens(sentence, expected):
    d = doc_of("Port of Vell\n\nMayor Jane Roe met the harbour board on Monday.\n\n" + sentence + "\n")
    assert [(a.kind, a.source) for a in d.attributions if a.start > 40] == expected


def test_a_pronouns_cue_beside_a_quotation_names_whom_the_passage_gives_the_quotation():
    # the last person this layer attributed something to is Roe; the passage's subject, and the quotation's
    # speaker, is Lee
    d = doc_of("Port talks\n\nMayor Jane Roe said the port would stay open.\n\nUnion leader Tom Lee, in his "
               "testimony, criticised the plan. \"We were not asked,\" he said.\n")
    assert [(a.cue, a.source) for a in d.attributions] == [("said", "Jane Roe"), ("said", "Tom Lee")]
    # without a quotation the layer reads the pronoun as before
    d = doc_of("Port talks\n\nMayor Jane Roe said the port would stay open.\n\nShe said the fees would rise.\n")
    assert [a.source for a in d.attributions] == ["Jane Roe", "Jane Roe"]


@pytest.mark.parametrize(("sentence", "source"), [
    # a reply or joining in, beside a quotation; not a body responding with an act
    ('"It depends on the budget," responded NASA administrator Jim Bridge.', "Jim Bridge"),
    ('"We all miss him," Lee weighed in.', "Tom Lee"),
])
def test_replies_beside_a_quotation_are_cues(sentence, source):
    d = doc_of("Port talks\n\nHarbour chief Tom Lee met the board.\n\n" + sentence + "\n")
    assert [a.source for a in d.attributions if a.start > 40] == [source]
    assert not doc_of("Riot\n\nA minority of protesters responded with violence.\n").attributions


@pytest.mark.parametrize(("sentence", "expected"), [
    # "added" with a thing after it adds no words
    ("Connor Lee added a goal as the Bruins beat the Devils.", []),
    ("Tuukka Rask added 25 saves.", []),
    ("Coach Jo Rae added a warning that the season was long.", [("direct", "Jo Rae")]),
    ("Coach Jo Rae added that the team was tired.", [("direct", "Jo Rae")]),
    # a relaying verb before its subject after a comma: an outlet or a person, not a vague noun or a thing
    ("Instead, Tor, which Vellcorp had bought, published Scholars with a blank cover.", []),
    ("The port will close, reported Reuters.", [("relayed", "Reuters")]),
])
def test_things_added_and_relaying_verbs_before_their_subject(sentence, expected):
    d = doc_of("Sport and books\n\nThe season ended on Sunday.\n\n" + sentence + "\n")
    assert [(a.kind, a.source) for a in d.attributions] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a title's abbreviation the sentence splitter breaks after does not cut the name after "said"
    ("The woman was held after drugs were found in her car, said Lt. Matt Harris, a police spokesman.",
     [("direct", "Lt. Matt Harris")]),
    ("The plan is sound, said Dr. Ana Ruiz.", [("direct", "Dr. Ana Ruiz")]),
    # reporting to someone in a line of command relays no words
    ("After that, Tom Lee took over, and Ola Berg reported to him.", []),
])
def test_abbreviated_titles_after_the_verb_and_lines_of_command(sentence, expected):
    d = doc_of("Arrests\n\nPolice arrested two people on Monday.\n\n" + sentence + "\n")
    assert [(a.kind, a.source) for a in d.attributions] == expected


@pytest.mark.parametrize(("sentence", "source"), [
    # a body named with its district or place is the body, not the place
    ("The man threatened a lawmaker, the U.S. Attorney's Office for the Western District of Norland announced.",
     "the U.S. Attorney's Office for the Western District of Norland"),
    ("Prices will rise, the Department of Energy announced.", "the Department of Energy"),
    ("The Norland Governor's Office of Emergency Services said the roads were closed.",
     "The Norland Governor's Office of Emergency Services"),
    # a role of a place stays the role's holder or the role
    ("The President of Norland said the talks were over.", "The President of Norland"),
])
def test_a_body_named_with_its_district_is_the_body(sentence, source):
    d = doc_of("Threats\n\nA man was sentenced on Monday.\n\n" + sentence + "\n")
    assert [a.source for a in d.attributions] == [source]


def test_a_surname_and_a_pronoun_take_the_full_name_the_article_gives():
    # "Owen Dempsey" has no title this layer knows: the speaker layer's table gives the full name
    d = doc_of("Lungs\n\nChest doctor Owen Dempsey saw the man in May. Dempsey said the scan was clear.\n\n"
               "He added that the man was well.\n")
    assert [a.source for a in d.attributions] == ["Owen Dempsey", "Owen Dempsey"]
    # two people of that surname: the surname stays
    d = doc_of("Lungs\n\nOwen Dempsey and Ruth Dempsey saw the man in May. Dempsey said the scan was clear.\n")
    assert [a.source for a in d.attributions] == ["Dempsey"]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a text from a named body: the body is the source
    ("The risk was moderate, according to guidance from the Mayo Clinic.", [("direct", "the Mayo Clinic")]),
    ("Sales fell, according to a new survey from Piper Lane.", [("direct", "Piper Lane")]),
    ("The risk was moderate, according to a report from local media.", [("vague", None)]),
    ("The risk was moderate, according to a report by the Vell Herald.", [("relayed", "Vell Herald")]),
    # observing a thing is no statement; observing that something is, is
    ("The researchers observed Europa for 17 nights.", []),
    ("Experts observed that the plumes were faint.", [("vague", None)]),
])
def test_texts_from_named_bodies_and_observing(sentence, expected):
    d = doc_of("Health\n\nThe team met on Monday.\n\n" + sentence + "\n")
    assert [(a.kind, a.source) for a in d.attributions] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # writing a work is no statement; writing that something is, or in a letter, is
    ("Over a decade before Mark Lund wrote A Song of Storms, Ford wrote a novel about kings.", []),
    ("Lund wrote in a letter that Ford was brilliant.", [("direct", "Mark Lund")]),
    ("Ford was brilliant, wrote Lund.", [("direct", "Mark Lund")]),
])
def test_writing_a_work_is_no_statement(sentence, expected):
    d = doc_of("Books\n\nThe novelist Mark Lund spoke in 2006.\n\n" + sentence + "\n")
    assert [(a.kind, a.source) for a in d.attributions if a.start > 40] == expected


def _with_metadata(text: str, url: str | None = None) -> Doc:
    from auditor.ingest.metadata import detect_metadata

    a = Article(id="t", text=text, url=url)
    detect_metadata(a)
    return Doc(a)


def test_an_agency_copyright_is_a_relay_even_when_the_outlet_was_read_off_that_line():
    # With no other clue to the publisher, the metadata reader takes the outlet from the copyright line;
    # that makes no agency's resold copy the agency's own article.
    text = f"{_BODY}\n\nThe vote was close.\nCopyright 2025 The Associated Press. All rights reserved."
    resold = _with_metadata(text)
    assert resold.article.outlet == "The Associated Press"
    assert [(a.kind, a.source) for a in resold.attributions if a.cue == "copyright"] == [("relayed", "Associated Press")]
    # on the agency's own site (its name run together or its initials start the host) it is its own notice
    for url in ("https://apnews.com/article/ferry-levy", "https://www.associatedpress.example/ferry"):
        assert not [a for a in _with_metadata(text, url).attributions if a.cue == "copyright"], url
    # an outlet's own copyright names no relay, read off the line or not
    own = _with_metadata(f"{_BODY}\n\nThe vote was close.\nCopyright 2025 The Harbour Courier. All rights reserved.")
    assert own.article.outlet and not [a for a in own.attributions if a.kind == "relayed"]


CROWD_READINGS = [  # an unnamed group reads a meaning into an act, in the active voice: vague
    ("Canadians have seen the royal visit as a show of support.", "Canadians have seen the royal visit as"),
    ("Many residents see the new bridge as a waste of money.", "Many residents see the new bridge as"),
    ("Observers viewed the visit as a rebuke of the governor.", "Observers viewed the visit as"),
    ("Analysts have long regarded the port as a bellwether.", "Analysts have long regarded the port as"),
    ("Many of the delegates viewed the speech as a turning point.", "Many of the delegates viewed the speech as"),
]
NOT_CROWD_READINGS = [  # a named reader, looking rather than reading, "as" opening a clause, a named team
    "Governor Aron Velt has seen the visit as a gift to the town.",
    "The mayor sees the bridge as her legacy.",
    "Residents saw the smoke as they left the quay.",
    "Residents saw the smoke as soon as the fire began.",
    "The Harbour Rangers saw the win as the key to the season.",
]


@pytest.mark.parametrize(("text", "clause"), CROWD_READINGS, ids=lambda x: str(x)[:30])
def test_a_crowds_reading_in_the_active_voice_is_vague(text, clause):
    assert [k for k in kinds(doc_of(text)) if k[0] == "vague"] == [("vague", None, clause)]


@pytest.mark.parametrize("text", NOT_CROWD_READINGS, ids=lambda x: str(x)[:30])
def test_a_named_readers_view_or_a_sighting_is_not_a_crowds_reading(text):
    assert not [k for k in kinds(doc_of(text)) if k[0] == "vague"]


def test_an_agencys_dateline_in_its_resold_copy_is_a_relay():
    # the outlet read off the agency's copyright notice makes no dateline of the agency's copy first hand
    text = ("VELL (Reuters) - The harbour board approved the ferry levy on Monday after a long debate.\n\n"
            "The vote was close.\n\n(Reporting by Ana Ruiz)\n\n\u00a9 Reuters")
    resold = _with_metadata(text)
    assert resold.article.outlet == "Reuters"
    assert [(a.kind, a.source) for a in resold.attributions if a.cue == "dateline"] == [("relayed", "Reuters")]
    own_site = _with_metadata(text, "https://www.reuters.com/world/harbour-levy")
    assert not [a for a in own_site.attributions if a.kind == "relayed"]
    # a newspaper's own notice is the publisher's: its dateline stays first hand
    paper = _with_metadata(text.replace("Reuters", "Harbour Courier"))
    assert paper.article.outlet and not [a for a in paper.attributions if a.kind == "relayed"]


@pytest.mark.parametrize(("text", "clause"), [
    ('In what is being branded "the biggest change in a decade," Governor Aron Velt cut the levy.',
     "In what is being branded"),
    ('In what has been dubbed "the quay deal," the board agreed.', "In what has been dubbed"),
    ('The board met in what was called "the deal of the year" by some.', "in what was called"),
])
def test_a_label_with_no_one_behind_it_is_vague(text, clause):
    assert ("vague", None, clause) in kinds(doc_of(text))


def test_a_name_given_to_a_place_is_no_label():
    assert not [k for k in kinds(doc_of("The board met in what was called the Blue Room.")) if k[0] == "vague"]


# Session 24: a role no title lists still names its holder as the source. Common nouns naming a person come
# from WordNet (rules/data/person_nouns.txt); each case failed before: no attribution at all, so a hedge in the
# reported clause was charged to the author.
@pytest.mark.parametrize(("text", "clause"), [
    ("The harbour master said the ferry would sail on Friday.", "The harbour master said"),
    ("The coroner told the inquest that the driver had fallen asleep.", "The coroner told"),
    ("A shortage of feed is the worry, the beekeeper explained.", "the beekeeper explained"),
    ("The headteacher said the school would reopen after the floods.", "The headteacher said"),
    ("The town's baker said bread prices would rise again.", "The town's baker said"),
    ("The harbour master, who has run the port for years, said the ferry would sail.",
     "The harbour master, who has run the port for years, said"),
])
def test_a_role_no_title_lists_is_a_source(text, clause):
    d = doc_of(text)
    (a,) = find(d, "direct", clause)
    assert a.source and a.source.casefold().startswith("the")


@pytest.mark.parametrize("text", [
    "Police stopped a car whose driver said nothing about the crash.",  # no determiner: not a named role
    "The pilot program said little about costs.",  # the head is a thing, not the person noun before it
    "The referee's decision said everything about the match.",
    "The weather said otherwise by noon, and the game went ahead.",
])
def test_a_thing_or_a_bare_noun_before_said_is_no_source(text):
    assert not [a for a in doc_of(text).attributions if a.kind == "direct"]


@pytest.mark.parametrize(("text", "clause"), [
    ("The man said to have organised the raid was arrested on Monday.", "said to have"),
    ("The minister said to be behind the levy resigned.", "said to be behind"),
    ("A fund reported to be worth billions was frozen.", "reported to be worth"),
])
def test_hearsay_about_the_subject_is_vague_and_makes_no_speaker(text, clause):
    d = doc_of(text)
    assert ("vague", None, clause) in kinds(d)
    assert not [a for a in d.attributions if a.kind == "direct"]


@pytest.mark.parametrize("text", [
    "Police said to be careful on the icy roads.",  # an instruction given: the subject speaks
    "The coroner said to expect a ruling in May.",
])
def test_an_instruction_after_said_keeps_its_speaker(text):
    assert [a for a in doc_of(text).attributions if a.kind == "direct"]


def test_a_body_named_by_whom_it_serves_is_an_institution_no_he_refers_to():
    text = ('Ivo Brandt called the clinic twice, the prosecutor\'s office said. A nurse who took the call '
            'recalled that he said, "I will come back."')
    d = doc_of(text)
    (office,) = find(d, "direct", "the prosecutor's office said")
    assert office.source_type == "institution"
    (he,) = find(d, "direct", "he said")
    assert he.source != office.source


# Session 24: an unnamed source whose words an outlet carried is both vague and relayed, each on its own
# words; an outlet in the parenthesis between a named subject and its verb relays the subject's words.
@pytest.mark.parametrize(("text", "vague", "relayed", "via"), [
    ("A source close to the talks told Reuters that the deal was near.", "A source close to the talks",
     "told Reuters", "Reuters"),
    ("A senior aide, speaking to Vell TV, said the summit had been put off.", "A senior aide",
     "speaking to Vell TV", "Vell TV"),
    ("Officials quoted by Norpress said the summit had been put off.", "Officials", "quoted by Norpress",
     "Norpress"),
    ("A minister cited by the Harbour Herald said the port would close.", "A minister",
     "cited by the Harbour Herald", "Harbour Herald"),
])
def test_an_unnamed_source_an_outlet_carried_is_vague_and_relayed(text, vague, relayed, via):
    d = doc_of(text)
    assert ("vague", None, vague) in kinds(d)
    (a,) = find(d, "relayed", relayed)
    assert a.source == via


@pytest.mark.parametrize(("text", "clause", "chain"), [
    ("Mayor Ana Roe, speaking to Vell TV, said the port would close.",
     "Mayor Ana Roe, speaking to Vell TV, said", ["Ana Roe", "Vell TV"]),
    ("The mayor, in an interview with the Vell Courier, said the port would close.",
     "The mayor, in an interview with the Vell Courier, said", ["The mayor", "Vell Courier"]),
])
def test_an_outlet_between_a_named_subject_and_its_verb_relays_the_words(text, clause, chain):
    (a,) = find(doc_of(text), "relayed", clause)
    assert a.chain == chain


@pytest.mark.parametrize(("text", "kind", "clause"), [
    ("Mayor Ana Roe, speaking to reporters, said the port would close.", "direct",
     "Mayor Ana Roe, speaking to reporters, said"),
    ("Residents interviewed by Ana Roe said the water was brown.", "vague",
     "Residents interviewed by Ana Roe said"),  # an unknown name who interviewed: perhaps our own reporter
    ("A source close to the talks said the deal was near.", "vague", "A source close to the talks"),
])
def test_no_outlet_in_the_clause_no_relay(text, kind, clause):
    d = doc_of(text)
    assert not [a for a in d.attributions if a.kind == "relayed"]
    assert find(d, kind, clause)


# Session 24: a group named by a plural person's noun no list holds speaks for nobody named.
@pytest.mark.parametrize(("text", "clause"), [
    ("The strike will spread to the northern ports, union leaders warned on Monday.", "union leaders warned"),
    ("Farmers said the river would flood again.", "Farmers said"),
    ("Local fishermen told reporters the catch had halved.", "Local fishermen told"),
    ("Nurses said the ward was unsafe.", "Nurses said"),
    ("Two deputies said the levy would pass.", "Two deputies said"),
])
def test_a_group_named_by_a_plural_persons_noun_is_vague(text, clause):
    assert ("vague", None, clause) in kinds(doc_of(text))


@pytest.mark.parametrize("text", [
    "The Smiths said the river would flood again.",  # a name
    "Farmers said the river would flood. Later, Farmers said more.",  # written capitalised mid-sentence: a name
    'Dr Ana Martins led the study. "People need to know," Martins said.',  # a surname that reads as a plural
])
def test_a_capitalised_plural_that_is_a_name_is_no_unnamed_group(text):
    assert not [a for a in doc_of(text).attributions if a.kind == "vague"]


@pytest.mark.parametrize(("text", "clause"), [
    ("Dr Ana Roe and Dr Tor Ek run the ward. The doctors said it was unsafe.", "The doctors said"),
    ("Ana Roe and Tor Ek were freed on Monday. Both men said they had been fed.", "Both men said"),
    ("The study was published in May. Its authors wrote that the drug was safe.", "Its authors wrote"),
])
def test_a_group_the_article_has_named_is_no_vague_source(text, clause):
    d = doc_of(text)
    assert not [a for a in d.attributions if a.kind == "vague"]
    assert find(d, "direct", clause)


# Session 24: whose figures or statement "according to" names, and words an outlet carried after it.
@pytest.mark.parametrize(("text", "clause", "source"), [
    ("At least 40 people died, according to figures from the health ministry.",
     "according to figures from the health ministry", "the health ministry"),
    ("The pier will close, according to a statement released by the harbour board.",
     "according to a statement released by the harbour board", "the harbour board"),
])
def test_according_to_figures_from_a_body_names_the_body(text, clause, source):
    d = doc_of(text)
    (a,) = find(d, "direct", clause)
    assert a.source == source
    assert not [x for x in d.attributions if x.kind == "vague"]


def test_according_to_unnamed_people_an_outlet_cited_is_vague_and_relayed():
    d = doc_of("At least 40 people died, according to local officials cited by the Vell Courier.")
    assert ("vague", None, "according to local officials") in kinds(d)
    (a,) = find(d, "relayed", "cited by the Vell Courier")
    assert a.source == "Vell Courier"


@pytest.mark.parametrize(("text", "clause", "via"), [
    ("The minister told state media that the port would close.", "The minister told state media", "state media"),
    ("The minister said on state television that the port would close.",
     "The minister said on state television", "state television"),
    ("The minister said on Vell TV's morning show that the port would close.",
     "The minister said on Vell TV's morning show", "Vell TV"),
    ("The minister told the Harbour Herald's podcast that the port would close.",
     "The minister told the Harbour Herald's podcast", "Harbour Herald"),
])
def test_words_said_on_an_outlets_air_or_to_state_media_are_relayed(text, clause, via):
    (a,) = find(doc_of(text), "relayed", clause)
    assert a.source == via and a.chain[0] == "The minister"


@pytest.mark.parametrize("text", [
    "The minister said on Monday that the port would close.",  # (session 34: "said on X" is a post, relayed)
])
def test_said_on_a_day_is_first_hand(text):
    assert not [a for a in doc_of(text).attributions if a.kind == "relayed"]


@pytest.mark.parametrize(("text", "source"), [
    ("Speaking on Vell Radio, the minister said the port would close.", "the minister"),
    ("Ola Berg, the harbour master, said the port would close.", "Ola Berg"),
])
def test_a_name_before_a_comma_is_no_role_of_the_subject_after_it(text, source):
    (a,) = [a for a in doc_of(text).attributions if a.kind == "direct"]
    assert a.source == source


@pytest.mark.parametrize(("text", "clause", "via"), [
    ("Forty percent back the plan, a Reuters/Ipsos poll found.", "a Reuters/Ipsos poll", "Reuters"),
    ("A Reuters analysis of port records found that ships waited longer in May.", "A Reuters analysis", "Reuters"),
    ("An Associated Press review of court filings shows the levy was never paid.", "An Associated Press review",
     "Associated Press"),
])
def test_an_outlets_own_research_is_relayed(text, clause, via):
    (a,) = find(doc_of(text), "relayed", clause)
    assert a.source == via


@pytest.mark.parametrize("text", [
    "The Senate investigation found that the mayor knew.",  # no outlet
    "A Gallup poll found that forty percent back the plan.",  # a pollster the vocabulary holds as no outlet
])
def test_research_by_no_outlet_is_no_relay(text):
    assert not [a for a in doc_of(text).attributions if a.kind == "relayed"]


@pytest.mark.parametrize(("text", "kind", "clause"), [
    ("The minister did say that the quay would reopen in May.", "direct", "The minister did say"),
    ("Ana Ruiz does insist that the fund is safe.", "direct", "Ana Ruiz does insist"),
    ("Officials did warn that the bridge was unsafe.", "vague", "Officials did warn"),
])
def test_an_emphatic_do_before_the_verb_keeps_its_subject(text, kind, clause):
    assert find(doc_of(text), kind, clause)


@pytest.mark.parametrize("text", [
    "Ana Ruiz did not say whether the levy would rise.",  # she said nothing of it
    "Did the minister say that the quay would reopen?",  # a question about words
])
def test_a_negated_or_questioned_do_reports_no_words(text):
    assert not doc_of(text).attributions


@pytest.mark.parametrize(("text", "clause", "via"), [
    ("The fleet had left, state broadcaster VTV said, quoting the navy.", "state broadcaster VTV said", "VTV"),
    ("On Monday state broadcaster VTV said the fleet had left.", "state broadcaster VTV said", "VTV"),
    ("The fleet had left, the tabloid Bildo said.", "the tabloid Bildo said", "Bildo"),
])
def test_a_name_after_the_noun_of_an_outlets_kind_is_that_outlet(text, clause, via):
    (a,) = find(doc_of(text), "relayed", clause)
    assert a.source == via


@pytest.mark.parametrize(("text", "source"), [
    ("The newspaper editor Ana Ruiz said the fleet had left.", "Ana Ruiz"),  # a journalist, named: first hand
    ("The fleet had left, Vellmark said.", "Vellmark"),  # a name nothing declares an outlet
])
def test_no_outlets_kind_right_before_the_name_no_outlet(text, source):
    (a,) = doc_of(text).attributions
    assert (a.kind, a.source) == ("direct", source)


@pytest.mark.parametrize(("text", "clause"), [
    ("Yonhap reported that the fleet had left, citing an unnamed military official.",
     "citing an unnamed military official"),
    ("The fleet had left, Yonhap said, citing an unnamed military official.", "citing an unnamed military official"),
    ("The fleet had left, Yonhap reported, citing a senior military official.", "citing a senior military official"),
    ("Yonhap reported that the fleet had left, citing an official.", "citing an official"),
])
def test_an_agency_citing_someone_it_does_not_name_is_vague_as_well_as_relayed(text, clause):
    d = doc_of(text)
    assert find(d, "vague", clause)
    (r,) = [a for a in d.attributions if a.kind == "relayed"]
    assert r.chain == ["Yonhap"]  # nobody named before the agency in the chain


def test_an_agency_citing_a_named_official_names_the_origin():
    d = doc_of("Yonhap reported that the fleet had left, citing Deputy Minister Pavel Orlov.")
    assert not [a for a in d.attributions if a.kind == "vague"]
    (r,) = [a for a in d.attributions if a.kind == "relayed"]
    assert r.chain == ["Pavel Orlov", "Yonhap"]


@pytest.mark.parametrize(("text", "vague", "via"), [
    ("The fleet had left, two people with knowledge of the matter told Reuters.",
     "people with knowledge of the matter", "Reuters"),
    ("People close to the admiral told Vell TV that the fleet had left.", "People close to the admiral", "Vell TV"),
    ("Allies of the admiral told Reuters the fleet had left.", "Allies of the admiral told", "Reuters"),
])
def test_people_named_by_what_they_know_or_whom_they_are_close_to_speak_and_the_outlet_relays(text, vague, via):
    d = doc_of(text)
    assert find(d, "vague", vague)
    (r,) = [a for a in d.attributions if a.kind == "relayed"]
    assert r.source == via and d.text[r.start:r.end].endswith(via)  # the outlet's name, not the words told
    assert not [a for a in d.attributions if a.kind == "direct"]  # the admiral is no speaker


def test_people_close_to_a_person_are_the_source_not_the_person():
    d = doc_of("People close to the admiral said the fleet had left.")
    assert [a.kind for a in d.attributions] == ["vague"]


@pytest.mark.parametrize(("text", "kind", "clause"), [
    ("A diplomat who requested anonymity said the fleet had left.", "vague",
     "A diplomat who requested anonymity said"),
    ("A diplomat who attended the talks said the fleet had left.", "vague", "A diplomat who attended the talks said"),
    ("Residents who fled the fire said the alarm never sounded.", "vague", "Residents who fled the fire said"),
    ("Two officers who saw the crash told Reuters the driver had fled.", "vague",
     "Two officers who saw the crash told"),
    ("Ana Ruiz was at the talks. The official who led the talks said the fleet had left.", "direct",
     "The official who led the talks said"),
])
def test_a_person_before_a_relative_clause_with_no_commas_is_the_subject(text, kind, clause):
    assert find(doc_of(text), kind, clause)


@pytest.mark.parametrize(("text", "clause"), [
    # "he" says: the relative clause ends at "recalled", whose own clause follows
    ("The clerk who took the call recalled that he said the bridge would close.", "he said"),
])
def test_a_clause_after_the_relative_clause_keeps_its_own_subject(text, clause):
    d = doc_of(text)
    assert [d.text[a.start:a.end] for a in d.attributions if d.text[a.start:a.end].endswith(" said")] == [clause]


@pytest.mark.parametrize("text", [
    "He needs the voters who make up two-thirds of the state's electorate.",  # "state" is a noun after "the"
])
def test_no_person_noun_before_the_relative_clause_no_subject(text):
    assert not doc_of(text).attributions


def test_those_who_were_there_are_an_unnamed_source():
    # (session 30: was "no subject"; people the text describes but does not name are vague sourcing, as "People
    # who have sat on the committee say" is to the coders of the invented events)
    d = doc_of("Those who attended the talks said the fleet had left.")
    assert [(a.kind, d.text[a.start:a.end]) for a in d.attributions] == [
        ("vague", "Those who attended the talks said")]


@pytest.mark.parametrize(("text", "clause"), [
    ("The team deserved to lose, the coach conceded.", "the coach conceded"),
    ("The fund was nearly empty, the treasurer lamented.", "the treasurer lamented"),
    ("The levy will rise in May, the mayor responded on Tuesday.", "the mayor responded on Tuesday"),
])
def test_a_verb_of_manner_closing_its_sentence_reports_the_clause_before(text, clause):
    assert find(doc_of(text), "direct", clause)


@pytest.mark.parametrize("text", [
    "When the rally ended, the crowd shouted.",  # the scene set, no words reported
    "After the vote, the minister conceded.",
    "Asked about the levy, the mayor responded.",  # what he answered is not given
    "The police arrived and the crowd shouted.",  # no comma: an act
])
def test_a_verb_of_manner_after_a_scene_or_an_act_reports_no_words(text):
    assert not doc_of(text).attributions


@pytest.mark.parametrize(("text", "source"), [
    ("Former ambassador to the Ukraine Marie Yovanovitch said the aid was held.", "Marie Yovanovitch"),
    ("The envoy to Norland Ana Ruiz said the aid was held.", "Ana Ruiz"),  # a place the lists do not know
    ("Minister of Foreign Affairs Ana Ruiz said the aid was held.", "Ana Ruiz"),
    ("Minister for Europe Tor Ek said the aid was held.", "Tor Ek"),
    ("Chancellor of the Exchequer Rachel Reeves said the aid was held.", "Rachel Reeves"),
])
def test_the_place_a_title_names_is_no_part_of_the_holders_name(text, source):
    (a,) = doc_of(text).attributions
    assert a.source == source


@pytest.mark.parametrize(("text", "source"), [
    ("A spokesperson for the British Foreign Office said the aid was held.", "the British Foreign Office"),
    ("Coach Billy Bob Thornton said the aid was held.", "Billy Bob Thornton"),  # no "of": a three-word name
])
def test_a_body_after_a_title_or_a_long_name_stays_whole(text, source):
    (a,) = doc_of(text).attributions
    assert a.source == source


@pytest.mark.parametrize(("text", "kind", "clause"), [
    ("The bank would cut rates, a trader said.", "vague", "a trader said"),
    ("The quay had flooded, one local fisherman said.", "vague", "one local fisherman said"),
    ("A man said he saw the fire start.", "vague", "A man said"),
    ("The clerk testified that the ledger had been altered.", "direct", "The clerk testified"),
    ("Analysts speculated that the bank would cut rates in June.", "vague", "Analysts speculated"),
])
def test_someone_no_one_names_and_testimony_are_sources(text, kind, clause):
    assert find(doc_of(text), kind, clause)


def test_a_count_recounted_is_no_story_told():
    assert not doc_of("The auditors recounted the votes twice.").attributions


@pytest.mark.parametrize(("text", "source", "clause"), [
    ("Michael Sims, chief executive of Vell Robotics, said his award was a sign.", "Michael Sims",
     "Michael Sims, chief executive of Vell Robotics, said"),
    ("Ola Berg, head of research at Vell Securities, says the stock is risky.", "Ola Berg",
     "Ola Berg, head of research at Vell Securities, says"),
    ("Ruiz, 45, said the plan was sound.", "Ruiz", "Ruiz, 45, said"),
    ("Kurt Volk, former envoy to Vell, and Tim Mors, an aide, testified before the committee.", "Tim Mors",
     "Tim Mors, an aide, testified before the committee"),
])
def test_a_name_with_a_bare_role_or_an_age_set_off_by_commas_is_the_subject(text, source, clause):
    (a,) = doc_of(text).attributions
    assert (a.kind, a.source, doc_of(text).text[a.start:a.end]) == ("direct", source, clause)


@pytest.mark.parametrize("text", [
    "Paris, France, said nothing.",  # places, no role
    "The plan (which few have read) said nothing about the quay.",  # a thing, whatever the bracket says
])
def test_commas_or_brackets_round_no_role_make_no_subject(text):
    assert not doc_of(text).attributions


@pytest.mark.parametrize(("text", "source"), [
    ("Sen. Tor Ek (D-Vell) said the bill was dead.", "Tor Ek"),
    ("Ana Ruiz (left) said the bill was dead.", "Ana Ruiz"),
])
def test_a_short_note_in_brackets_after_the_name_keeps_its_subject(text, source):
    (a,) = doc_of(text).attributions
    assert a.kind == "direct" and a.source.endswith(source)


@pytest.mark.parametrize(("text", "clause", "chain"), [
    ("Lawmaker Ivan Hrad attended the session. Vos said the allies would not waver, Hrad wrote on Telegram.",
     "Hrad wrote on Telegram", ["Vos", "Ivan Hrad"]),
    ("Lawmaker Ivan Hrad attended the session. Vos promised more air defence, Hrad said, citing the envoy.",
     "Hrad said", ["Vos", "Ivan Hrad"]),
    ("Afterward, Tor Ek said he had relayed the offer to the council, Ana Ruiz testified.", "Ana Ruiz testified",
     ["Tor Ek", "Ana Ruiz"]),
])
def test_one_persons_account_of_anothers_words_closing_the_sentence_relays_them(text, clause, chain):
    (a,) = find(doc_of(text), "relayed", clause)
    assert a.chain == chain


@pytest.mark.parametrize("text", [
    "Lawmaker Ivan Hrad attended the session. Vos said the allies would not waver, and Hrad said they would.",
    "Lawmaker Ivan Hrad attended the session. Hrad said Vos was tired.",  # Vos says nothing
    "Vos said the allies would not waver. Hrad wrote on Telegram that he agreed.",  # two sentences
])
def test_two_people_speaking_side_by_side_relay_nothing(text):
    # (session 34: Hrad's own post is relayed through Telegram, but neither relays the other)
    assert not [a for a in doc_of(text).attributions if a.kind == "relayed" and a.source_type != "social"]


def test_according_to_one_person_another_promised_is_relayed_through_the_first():
    d = doc_of("Lawmaker Ivan Hrad attended the session. According to Hrad, Vos promised more air defence.")
    (a,) = [a for a in d.attributions if a.kind == "relayed"]
    assert a.source == "Ivan Hrad" and a.chain == ["Vos", "Ivan Hrad"]


@pytest.mark.parametrize(("text", "clause"), [
    ("Rumours swirled that the minister would resign.", "Rumours swirled"),
    ("There is speculation that the minister will resign.", "There is speculation"),
    ("The minister will resign, according to people who have spoken to him.", "people who have spoken to him"),
    ("The minister will resign, a source with direct knowledge said.", "a source with direct knowledge"),
])
def test_talk_and_sources_no_one_names_are_vague(text, clause):
    assert find(doc_of(text), "vague", clause)


@pytest.mark.parametrize(("text", "source"), [
    ("Ana Ruiz, who spoke to reporters on Monday, said the minister would resign.", "Ana Ruiz"),
    ("The rumours are false and the port will stay open, spokesman Tor Ek said.", "Tor Ek"),
])
def test_a_named_source_beside_the_same_words_stays_first_hand(text, source):
    d = doc_of(text)
    assert not [a for a in d.attributions if a.kind == "vague"]
    assert [a.source for a in d.attributions if a.kind == "direct"] == [source]


@pytest.mark.parametrize(("text", "source"), [
    ("Investor Paul Varga said rates would fall.", "Paul Varga"),  # the noun the sentence capitalised
    ("Striker Tor Ek told reporters he had been lucky.", "Tor Ek"),
    ("Hunter S. Thompson said the ticket was bought.", "Hunter S. Thompson"),  # an initial: a name
])
def test_the_source_is_named_as_the_quotation_layer_names_the_person(text, source):
    (a,) = doc_of(text).attributions
    assert a.source == source


@pytest.mark.parametrize(("text", "kind", "source"), [
    ("Coach Ana Ruiz spoke. Ruiz said the team was not good enough, via The Athletic.", "relayed", "The Athletic"),
    ("Sonya Zog, the defendant's lawyer, told The Hill in a statement that her client was innocent.", "relayed",
     "The Hill"),
    ("The guardian of the boy said he had been at school all day.", "direct", "The guardian of the boy"),
    ("The independent candidate said the count was fair.", "direct", "The independent candidate"),
])
def test_an_outlet_named_the_and_a_common_word_is_one_only_as_written(text, kind, source):
    assert [(a.kind, a.source) for a in doc_of(text).attributions if a.kind in ("direct", "relayed")][-1] == \
        (kind, source)


@pytest.mark.parametrize(("text", "source"), [
    ("The mother of the victim said she was relieved.", "The mother of the victim"),
    ("The elder sister of Tor Ek said he had been at home.", "The elder sister of Tor Ek"),
    ("A lawyer for Ana Ruiz said the charges were false.", "Ana Ruiz"),  # one who speaks for another
    ("A spokesperson for the Vell Port Authority said the quay would reopen.", "the Vell Port Authority"),
])
def test_a_persons_noun_and_of_names_who_speaks_unless_they_speak_for_another(text, source):
    (a,) = doc_of(text).attributions
    assert a.source == source


@pytest.mark.parametrize("text", [
    "He wrote 300 letters to the council that year.",
    "The crowd laughed when the mayor tripped.",  # a laugh with no words beside it
])
def test_a_work_written_or_a_laugh_reports_no_words(text):
    assert not doc_of(text).attributions


@pytest.mark.parametrize(("text", "kind", "source"), [
    ("According to a report in the Argus Leader of Sioux Falls, Governor Ana Ruiz approved the plan.", "relayed",
     "Argus Leader"),
    ("According to a report in the Senate, the plan was approved.", "vague", None),  # no publication
    ("According to a report in the White House, the plan was approved.", "vague", None),
])
def test_a_report_in_a_named_publication_is_relayed_by_it(text, kind, source):
    (a,) = doc_of(text).attributions
    assert (a.kind, a.source) == (kind, source)


@pytest.mark.parametrize(("text", "kind", "source"), [
    # a broadcaster or a site whose name joins a media head to its own word
    ("Ruiz told NordTV on Tuesday that the planes were safe.", "relayed", "NordTV"),
    ("The cost will rise, according to the Harbour & Vell Newswire.", "relayed", "Harbour & Vell Newswire"),
    ("PulseNews reported that the talks had failed.", "relayed", "PulseNews"),
    # not a media head: a name that merely ends in the same letters
    ("Ruiz told Kostov on Tuesday that the planes were safe.", "direct", "Ruiz"),
    ("Ruiz told Lamppost on Tuesday that the planes were safe.", "direct", "Ruiz"),  # "post" not a capital head
])
def test_a_media_head_joined_to_the_name_is_an_outlet(text, kind, source):
    assert [(a.kind, a.source) for a in doc_of(text).attributions if a.kind in ("direct", "relayed")][0] == \
        (kind, source)


@pytest.mark.parametrize(("text", "kind", "source"), [
    # a post, a tweet or a video by someone who passes on another's words
    ('"We will win," Ruiz told the summit, according to a post on Telegram by Tor Ekberg, a lawmaker.', "relayed",
     "Tor Ekberg"),
    ('"It is over," Vos said, according to a tweet by Ana Lind.', "relayed", "Ana Lind"),
    # with no one else speaking in the sentence, the post is its author's own words
    ("The bridge will reopen in May, according to a video posted by the city council.", "direct",
     "the city council"),
])
def test_a_post_by_someone_is_that_persons_account(text, kind, source):
    assert [(a.kind, a.source) for a in doc_of(text).attributions if "according" in a.cue][0] == (kind, source)


@pytest.mark.parametrize(("text", "source"), [
    ('Tor Ek posted a clip. In a second post, he quoted the prime minister as saying that peace "is hard work".',
     "Tor Ek"),
    ('"Maybe we were too slow," the interpreter rendered him as saying.', "interpreter"),
    ('Lind quoted Vos as saying: "We are not leaving."', "Lind"),
])
def test_one_who_quotes_or_renders_another_as_saying_relays(text, source):
    assert [(a.kind, a.source) for a in doc_of(text).attributions if a.kind == "relayed"] == [("relayed", source)]


@pytest.mark.parametrize(("text", "kind"), [
    ("According to two engineers who work on the type, one windscreen was replaced.", "vague"),
    ("According to several senior pilots, the checks were rushed.", "vague"),
    ("According to two engineers, Ana Lind and Tor Ek, the part failed.", "direct"),  # then named
    # a figure or a fault put on someone by people of a kind, in a relative clause too
    ("The scheme, which analysts estimate at well over 80,000 euros, starts in May.", "vague"),
    ("Vell, which Western officials privately blame for the cable breaks, denied it.", "vague"),
    ("Analysts reckon the cost will double.", "vague"),
])
def test_people_of_a_kind_counted_or_estimating_are_vague(text, kind):
    assert [a.kind for a in doc_of(text).attributions] == [kind]


@pytest.mark.parametrize("text", [
    "Tor Ek and Ana Lind estimate the cost at 80,000 euros.",  # named people's own estimate
    "The bridge, which engineers built in 1920, is closed.",
    "We blame nobody for the delay.",
])
def test_an_estimate_or_blame_by_named_people_or_none_is_no_vague_source(text):
    assert not [a for a in doc_of(text).attributions if a.kind == "vague"]


@pytest.mark.parametrize(("text", "kind", "source"), [
    # whose text it is: a possessive, or a transcript or translation released by someone
    ('Ruiz also said, according to Kvaale\'s clip, that she would stay.', "relayed", "Kvaale"),
    ("The bridge will close, according to the mayor's statement.", "direct", "the mayor"),
    ('"We will build it," Tor Ek said, according to the English transcript published by the Prime Minister\'s '
     'Office.', "relayed", "the Prime Minister's Office"),
    ("The line will open in four years, according to a transcript released by the company.", "direct",
     "the company"),
    # ... the speaker's own side by a possessive pronoun stays first hand
    ('"The fleet will stay," Ola Berg said, according to a translation released by his office.', "direct",
     "his office"),
    # "in the words of" names a source as "according to" does
    ('In the words of the Vell TV interpreter: "we will not leave you alone."', "relayed", "Vell TV"),
    ("In the words of the mayor, the bridge is finished.", "direct", "the mayor"),
])
def test_whose_text_a_quotation_comes_from(text, kind, source):
    assert [(a.kind, a.source) for a in doc_of(text).attributions if a.cue == "according to"] == [(kind, source)]


@pytest.mark.parametrize(("text", "vague"), [
    ("Colquhoun, who earns a reported 1.2 million euros a year, faced the press.", True),
    ("The club paid a reported $40m for the striker.", True),
    ("The club paid a rumoured 40 million for the striker.", True),
    ("The club paid a record $40m for the striker.", False),
    ("The club reported a loss of 40 million.", False),
])
def test_a_reported_figure_is_vague_sourcing(text, vague):
    assert bool([a for a in doc_of(text).attributions if a.kind == "vague"]) is vague


@pytest.mark.parametrize(("phrase", "outlet"), [
    ("the Lusavian sports daily O Farol Desportivo", "O Farol Desportivo"),  # a people's word before the noun
    ("Norland's state broadcaster NRT", "NRT"),
    ("the club's television channel", "club's television channel"),  # its own medium
    ("the Harbour Herald's television channel", "Harbour Herald"),  # an outlet's medium is the outlet
    ("On Monday state broadcaster VTV", None),  # a time before the phrase is no one's word
    ("a Norland newspaper", None),  # an outlet the text does not name
])
def test_the_outlet_a_noun_of_its_kind_names(phrase, outlet):
    from auditor.text.attribution import outlet_of, vocab

    found = outlet_of(phrase, vocab())
    assert (found[0] if found else None) == outlet


@pytest.mark.parametrize(("text", "source"), [
    ('"I take full responsibility," the federation\'s summary quotes her as saying.', "federation's summary"),
    ('Erdeli conceded that Vell "were stronger", as quoted by the Lusavian sports daily O Farol.', "O Farol"),
])
def test_a_summary_or_an_outlet_that_quotes_the_speaker_relays(text, source):
    assert [a.source for a in doc_of(text).attributions if a.kind == "relayed"] == [source]


@pytest.mark.parametrize(("text", "kind", "source"), [
    ('"I want their papers," Ek told the board, according to a translation by Northline.', "relayed", "Northline"),
    ("Ek told local station Radio Vell he would resign if he had failed.", "relayed", "Radio Vell"),
    ("The first flames were seen at 17:00, according to a timeline compiled by The Valley Herald.", "relayed",
     "Valley Herald"),
    ("We are hearing that the fire crossed the old road in the night.", "vague", None),
    ("Someone at the council told us the forms might be out by Thursday.", "vague", None),
])
def test_translators_stations_timelines_and_hearsay(text, kind, source):
    atts = [(a.kind, a.source) for a in doc_of(text).attributions]
    assert (kind, source) in atts, atts


def test_someone_who_acts_is_no_source():
    assert not doc_of("Someone threw a stone at the bus on Friday.").attributions


@pytest.mark.parametrize("text", [
    "Someone at the bank stole the money.",  # someone placed somewhere who says nothing
    "Police said someone at the bank stole the money.",
    "Tackling all of the sources at the same time is hard.",
])
def test_someone_somewhere_who_says_nothing_is_no_vague_source(text):
    assert not [a for a in doc_of(text).attributions if a.kind == "vague"]


@pytest.mark.parametrize(("text", "clause", "source"), [
    # a newspaper's head word makes an outlet ("the Echo", "the Harbour Advertiser") ...
    ("The Carrow Echo had the best account. The Echo quoted her telling the families: \"You were right.\"",
     "The Echo quoted", "Echo"),
    ("The Harbour Advertiser quoted the mayor as saying the port would close.",
     "The Harbour Advertiser quoted", "Harbour Advertiser"),
    # ... and the last word of an outlet the text named in full points back to it
    ("The tabloid Vell Klaxon reported the closure on Monday. Later the Klaxon quoted her telling the crowd: "
     "\"You were right.\"", "the Klaxon quoted", "Vell Klaxon"),
])
def test_an_outlet_by_its_head_word_or_its_short_name_relays(text, clause, source):
    d = doc_of(text)
    assert [a.source for a in find(d, "relayed", clause)] == [source], \
        [(d.text[a.start:a.end], a.kind, a.source) for a in d.attributions]


@pytest.mark.parametrize("text", [
    # a short name that no outlet named before ends stays a person's or nobody's
    "The mayor met Tom Klaxon. Later the Klaxon quoted her: \"You were right.\"",
    # a surname that is also a paper's word elsewhere ("Star") is no head
    "Ken Star told reporters the harbour would close.",
])
def test_a_name_that_only_looks_like_an_outlets_relays_nothing(text):
    d = doc_of(text)
    assert not [a for a in d.attributions if a.kind == "relayed"], \
        [(d.text[a.start:a.end], a.kind, a.source) for a in d.attributions]


@pytest.mark.parametrize(("text", "outlet", "kind", "source"), [
    # the outlet's own finding from informants it does not name: vague sourcing
    ("The Foghorn understands the board met twice in March.", "The Daily Foghorn", "vague", None),
    ("The Herald has learned that the board met twice.", "The Vell Herald", "vague", None),
    ("We have learned that the board met twice.", "The Vell Herald", "vague", None),
    # ... another outlet's finding is relayed through it
    ("The Vell Herald understands the board met twice.", "The Daily Foghorn", "relayed", "Vell Herald"),
])
def test_an_outlets_own_finding_is_vague_and_anothers_is_relayed(text, outlet, kind, source):
    d = Doc(Article(id="t", text=text, outlet=outlet))
    assert [(a.kind, a.source) for a in d.attributions] == [(kind, source)]


def test_a_person_who_understands_is_no_source():
    d = Doc(Article(id="t", text="The mayor understands the anger in the valley.", outlet="The Vell Herald"))
    assert d.attributions == []


@pytest.mark.parametrize(("text", "clause", "kind"), [
    # an interpreter or a translator puts someone's words into another language: their account relays them
    ("Health minister Ana Ruiz spoke in Spanish.\n\nIn the words of the interpreter, Tomas Ferrer, the minister "
     "framed it as a staffing matter: \"This is not about money.\"", "In the words of the interpreter", "relayed"),
    # ... a go-between before the sentence's pronoun subject relays that person
    ("Mayor Ana Ruiz spoke. According to spokesman Tomas Ferrer, she signed the order.",
     "According to spokesman Tomas Ferrer", "relayed"),
    # ... but the go-between's word on anything else is first hand
    ("Health minister Ana Ruiz spoke in Spanish. The interpreter, Tomas Ferrer, said the room was cold.",
     "Tomas Ferrer, said", "direct"),
])
def test_an_interpreter_or_spokesman_relays_the_person_they_speak_for(text, clause, kind):
    d = doc_of(text)
    assert [a.kind for a in d.attributions if d.text[a.start:a.end].startswith(clause)] == [kind], \
        [(d.text[a.start:a.end], a.kind, a.source) for a in d.attributions]


# -- session 29: the held-out rail-strike and border-talks events' families, in our own words ------------------


def _kinds(text: str, outlet: str | None = None):
    d = Doc(Article(id="t", text=text, outlet=outlet))
    return d, [(a.kind, a.source, d.text[a.start:a.end]) for a in d.attributions]


def _assert_relayed_via(text: str, via: str, outlet: str | None = None):
    _, found = _kinds(text, outlet)
    assert ("relayed", via) in [(k, s) for k, s, _ in found], found
    return found


def _assert_no_relay(text: str, outlet: str | None = None):
    _, found = _kinds(text, outlet)
    assert not [f for f in found if f[0] == "relayed"], found


@pytest.mark.parametrize(("text", "source"), [
    # told an outlet the vocabulary does not list: a head word ("Today"), call letters, a name before its kind
    ('Harriet Vole, head of the dockers\' union, told KBC the offer was "a beginning".', "KBC"),
    ('Mayor Ida Lenn told Vell Today that the repairs "will take every one of those months."', "Vell Today"),
    ('Lenn told the Vell Today news site that the repairs would take months.', "Vell Today"),
    ("The strike is watched abroad: dpa reported that freight firms had begun rerouting cargo.", "dpa"),
    ('On the dam, as quoted by Continental Press Service, he said: "The question remains open."',
     "Continental Press Service"),
])
def test_an_outlet_named_its_own_way_relays(text, source):
    _assert_relayed_via(text, source)


@pytest.mark.parametrize("text", [
    "Mayor Ida Lenn told Anna Pell that the repairs would take months.",  # a person, no outlet
    "Mayor Ida Lenn told NATO that the repairs would take months.",  # a body, no call letters
    "HSBC said the repairs would take months.",
])
def test_a_person_or_a_body_told_is_no_relay(text):
    _assert_no_relay(text)


def test_the_outlets_own_acronym_is_first_hand_and_unnamed_firms_are_vague():
    _, found = _kinds("Operators contacted by RTJ said privately that they had not seen a draft.",
                      outlet="Rail Trade Journal")
    assert [k for k, *_ in found] == ["vague"], found
    _, found = _kinds("Operators contacted by RTJ said privately that they had not seen a draft.",
                      outlet="Harbour Courier")
    assert ("relayed", "RTJ") in [(k, s) for k, s, _ in found], found


@pytest.mark.parametrize(("text", "clause"), [
    ("A member of the delegation said the deal was sealed over lunch.", "A member of the delegation said"),
    ("The deal was sealed over lunch, according to a member of the Vell delegation who asked not to be named.",
     "according to a member of the Vell delegation"),
    ("A member of the Vell delegation, who asked not to be named, said the deal was sealed.",
     "A member of the Vell delegation, who asked not to be named, said"),
    ("One official present said the deal was sealed over lunch.", "One official present said"),
    ("A senior diplomat at the talks said the deal was sealed over lunch.", "A senior diplomat at the talks said"),
    ("The deal was sealed over lunch, a member of the delegation said.", "a member of the delegation said"),
])
def test_one_person_of_a_kind_with_no_name_is_vague(text, clause):
    _, found = _kinds(text)
    assert ("vague", clause) in [(k, c) for k, _, c in found], found


@pytest.mark.parametrize(("text", "kind", "source"), [
    ("A spokesman for the ministry said the deal was sealed over lunch.", "direct", "the ministry"),
    ("Foreign Minister Ana Pell said the deal was sealed over lunch.", "direct", "Ana Pell"),
])
def test_a_body_or_a_named_person_is_not_vague(text, kind, source):
    _, found = _kinds(text)
    assert [(k, s) for k, s, _ in found] == [(kind, source)], found


@pytest.mark.parametrize(("text", "party"), [
    ('In the English translation circulated by the Vell foreign ministry, he said: "We will reopen the bridge."',
     "Vell foreign ministry"),
    ("In a readout released by the palace, the king said the visit had gone well.", "palace"),
])
def test_a_version_someone_else_put_out_relays_the_words(text, party):
    _assert_relayed_via(text, party)


def test_the_outlets_own_translation_is_first_hand():
    _assert_no_relay('In the translation published by the Vell Courier, he said: "We will reopen the bridge."',
                     outlet="The Vell Courier")


@pytest.mark.parametrize(("text", "principal", "go_between", "line_speaker"), [
    # a spokeswoman's account of what the minister (named by role) will do relays the minister
    ("Transport Minister Corin Abel set out the offer. \"It is fair,\" she said.\n\nMinistry spokeswoman Anna Pell "
     "later told reporters that the minister was willing to meet the pilots any day this week.",
     "Corin Abel", "Anna Pell", None),
    # an aide introduced by apposition passes on the line the minister wanted underlined: the line is hers
    ("Transport Minister Corin Abel spoke for twenty minutes.\n\n15:02 Owen Tarr, the minister's parliamentary "
     "aide, came over to the press benches. The minister wanted it underlined, he said: 'My door is open.'",
     "Corin Abel", "Owen Tarr", "Corin Abel"),
])
def test_a_go_between_relays_the_principal_named_by_role(text, principal, go_between, line_speaker):
    d, found = _kinds(text)
    relays = [a for a in d.attributions if a.kind == "relayed" and a.source == go_between]
    assert relays and relays[0].chain == [principal, go_between], found
    if line_speaker:
        assert [q.speaker for q in d.quotes if q.start > relays[0].start] == [line_speaker]


@pytest.mark.parametrize("text", [
    # the principal only as what the go-between was asked about, or the words speak of the principal
    "Transport Minister Corin Abel spoke for twenty minutes.\n\nMinistry spokeswoman Anna Pell, asked about the "
    "minister's plans, said: \"The plans are on track.\"",
    "Transport Minister Corin Abel spoke for twenty minutes.\n\nMinistry spokeswoman Anna Pell said the minister "
    "was tired: \"He has not slept for two days.\"",
])
def test_a_go_betweens_own_words_stay_theirs(text):
    d = doc_of(text)
    assert [q.speaker for q in d.quotes] == ["Anna Pell"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The ferry fare will stay at four crowns next year, the minister said on Tuesday.\n\nSources: Vell TV; agencies\n",
     [("relayed", "Vell TV", "Vell TV"), ("vague", None, "agencies")]),
    ("The ferry fare will stay at four crowns next year, the minister said on Tuesday.\n\nSources: Harbour Courier, Reuters\n",
     [("relayed", "Harbour Courier", "Harbour Courier"), ("relayed", "Reuters", "Reuters")]),
    ("The ferry fare will stay at four crowns next year, the minister said on Tuesday.\n\nSource: Harbour Courier\n",
     [("relayed", "Harbour Courier", "Source: Harbour Courier")]),
])
def test_a_sources_line_under_the_text_relays_each_outlet_it_lists(text, expected):
    # (through the engine: the boilerplate rules mark the line as furniture first, as in a run)
    from auditor.engine import audit_article

    d, _ = audit_article(Article(id="t", text=text), load_rules())
    assert [(a.kind, a.source, d.text[a.start:a.end]) for a in d.attributions if a.kind != "direct"] == expected


def test_a_sources_line_naming_no_outlet_is_no_relay():
    from auditor.engine import audit_article

    d, _ = audit_article(Article(id="t", text="The ferry fare will stay at four crowns next year, the minister said on Tuesday.\n\nSources: staff reporting\n"),
                         load_rules())
    assert not [a for a in d.attributions if a.kind == "relayed"]


@pytest.mark.parametrize(("text", "via"), [
    # a name the vocabulary does not know after "as quoted by" is the publication that carried the words
    ('"Summers like this are no longer rare," Minister Ola Solheim said, as quoted by Northline.', "Northline"),
    # a third person who put someone's words online relays them (the platform is no source of its own)
    ("The clip, posted on Telegram by opposition lawmaker Nadia Korvel, shows the envoy speaking to each side.",
     "Nadia Korvel"),
    ('Minister Ola Solheim spoke. His remarks were posted online within minutes by MP Einar Rusten, who shared a '
     'clip on his Telegram channel in which Solheim says: "The review will say so."', "Einar Rusten"),
    ("Coach Marta Lind spoke late. Paulo Bras from O Farol, who was in the room, posted on X that she also told "
     "the fans they had every right to be angry.", "Paulo Bras"),
    ("The line reached readers through Roza Emmel, an opposition MP, who posted a translation of the key passages "
     "on her Telegram channel.", "Roza Emmel"),
])
def test_a_publication_or_a_poster_that_carried_the_words_relays_them(text, via):
    found = _assert_relayed_via(text, via)
    assert not [f for f in found if f[1] in ("Telegram", "X") and f[0] == "direct"], found


@pytest.mark.parametrize("text", [
    # a post that carries no one's words relays nothing (session 34: a speaker's own post is relayed, below)
    "Mayor Ida Lenn shared a photo of the new pier on her Facebook page.",
])
def test_a_post_of_no_ones_words_relays_nothing(text):
    _assert_no_relay(text)


@pytest.mark.parametrize(("text", "clause", "kind"), [
    # a witness's account of another person's act, named by a role someone holds, relays that person
    ("Judge Ana Berg sentenced him to six years. According to Dev Rannoch, the judge put her notes down and "
     "looked at the front row.", "According to Dev Rannoch", "relayed"),
    # ... but the witness's account of their own doing is first hand
    ("Judge Ana Berg sentenced him to six years. According to Dev Rannoch, he had warned the council for months.",
     "According to Dev Rannoch", "direct"),
    # a quotation in which the witness reports what someone else said relays it
    ("Judge Ana Berg sentenced him to six years.\n\n\"She looked straight at the front row and said, 'You were "
     "right to ask questions,'\" Dev Rannoch told the Vell Herald.", "Dev Rannoch told", "relayed"),
    # ... not the speaker's own story with someone's words inside it
    ("Coach Ida Venn spoke after the game.\n\n\"Ola came in here and said, 'Congratulations,' and I thought he was "
     "joking,\" Tom Reed told the Vell Herald.", "Tom Reed told", "direct"),
    # another party's version of someone's words (a summary, a readout) is relayed through it
    ("She took \"full responsibility\", according to the Vell Football Federation's English-language summary of "
     "her remarks.", "according to the Vell Football Federation", "relayed"),
    # ... but a body's own statement is first hand
    ("The pier will close, according to the Vell Harbour Board's statement.", "according to the Vell Harbour Board",
     "direct"),
])
def test_a_witness_or_a_version_relays_another_persons_words(text, clause, kind):
    d = Doc(Article(id="t", text=text, outlet="Vell Herald"))
    assert [a.kind for a in d.attributions if d.text[a.start:a.end].startswith(clause)] == [kind], \
        [(d.text[a.start:a.end], a.kind, a.source) for a in d.attributions]


@pytest.mark.parametrize(("text", "quoted"), [
    # French guillemets set off by spaces open and close; the German order closes on the second mark
    ("He summed it up, which the interpreter rendered as « Un cessez-le-feu fragile. » Then he left.",
     [" Un cessez-le-feu fragile. "]),
    ("Er sagte: »Wir kommen.« Dann ging er.", ["Wir kommen."]),
    ("He said: «Nous venons.» Then he left.", ["Nous venons."]),
])
def test_the_quotation_guard_reads_guillemets_either_way(text, quoted):
    d = doc_of(text)
    assert [d.text[s:e] for s, e in d.quotation_spans] == quoted


@pytest.mark.parametrize(("text", "via"), [
    ("He summed it up in one line, which the KNT interpreter rendered as « Un cessez-le-feu fragile. »", "KNT"),
    ("Here is what the coach said, as the Vell Sport TV interpreter put it: \"The penalty was never a penalty.\"",
     "Vell Sport TV"),
])
def test_an_outlets_interpreter_relays_the_words(text, via):
    _assert_relayed_via(text, via)


def test_the_articles_own_interpreter_is_no_relay():
    _assert_no_relay("Here is what the coach said, as the KNT interpreter put it: \"The penalty was never one.\"",
                     outlet="KNT")


@pytest.mark.parametrize(("text", "via"), [
    # the person a first-hand source told, or the source itself, passed the words on in a relative clause
    ("The captain spoke to his sister by radio, according to neighbour Ona Pell, who relayed the call to the Post.",
     "Ona Pell"),
    ("Harbour master Lena Marsh told Father Ivo Rusk of St Anne's church, who relayed her words to the crowd, "
     "that the boats were safe.", "Father Ivo Rusk"),
    ("Lena Marsh told her deputy, Ivo Rusk, who then repeated the figure to reporters, that nine boats were "
     "missing.", "Ivo Rusk"),
    ("Pilot Ada Voss told the station's night reporter Kai Brun, who passed her account on to listeners, that the "
     "runway lights had failed.", "Kai Brun"),
    # an outlet that quoted someone, with a relative clause before its verb; a translation by an outlet
    ('The Brindle Courier, which had a reporter at the hearing, quoted the judge Mara Olt as saying: "The '
     'contract is void."', "Brindle Courier"),
    ('The mayor said the budget was "not negotiable", in a translation by the Brindle Courier.', "Brindle Courier"),
    # a paper whose head word is also a surname, after "the"; colleagues at an outlet reporting
    ("Two crew members were hurt, according to the Cauldmere Mercury, which first named them.", "Cauldmere Mercury"),
    ("Two crew members were hurt, the Vell Star reported.", "Vell Star"),
    ("Our colleagues at the Brindle Courier report that the bridge will stay shut until March.", "Brindle Courier"),
    # an account given to an outlet, an interview given to a body's own medium
    ("Dev Rannoch, the local assembly member, gave the Vale Dispatch a fuller account of the same moment.",
     "Vale Dispatch"),
    ("The skipper granted Harbour TV an interview on the quay.", "Harbour TV"),
    ("The mayor, speaking to the council's website, said the pier would reopen.", "council's website"),
    # a post on an account or a named platform
    ("The club's owner rejected the ban in a post on the club's official account, writing that it had done nothing "
     "wrong.", "club's official account"),
    ("The lab said in a post on its corporate account on the social network Chirp that it had contained the attack.",
     "Chirp"),
    ('The police unit has posted on Chirp: "We are aware of the incident."', "Chirp"),
    # a statement read out or relayed by a go-between; a version another party put out
    ("Vell Rovers said in a statement read out by its spokesman, Aron Beleth, that it was shocked.", "Aron Beleth"),
    ("Kasimir Dolent's remarks, relayed by the Civic Alliance press office in a statement that evening, went "
     "further.", "Civic Alliance press office"),
    ("According to a summary released by the agency's press office after the briefing, every client will get a "
     "letter.", "agency's press office"),
    # a note on whose version the quotations follow, and the version quoted
    ("Quotations here follow the council's English transcript, released in the evening.", "council"),
    ("The quotations here are from the simultaneous interpretation by Vell TV's Sanja Morrow.", "Sanja Morrow"),
    ('The council\'s English transcript has him saying: "We acted at once."', "council"),
    ("He was, by the Brindle Courier's account, close to tears.", "Brindle Courier"),
    ('In the Orzelny Kurant\'s English translation, he said: "I will not step down."', "Orzelny Kurant"),
    # a document described to the outlet, an outlet that spoke to someone, outlets named by letters or kind
    ("A memo sent to bookmakers, whose contents were described to the Post by Tomas Arvik, asks them to keep "
     "records.", "Tomas Arvik"),
    ("The Brindle Courier has spoken to a shop owner, Petra Vassel, who says a man rang her on Monday.",
     "Brindle Courier"),
    ("The prosecutor spoke of nine detained persons, as the agency HPA transmitted.", "HPA"),
    ("COPS SWOOP\n\nQBC Sport reported that detectives seized phones in dawn raids.", "QBC Sport"),
    ("16:10\nHPA is reporting that nine people were detained.", "HPA"),
    ("The director's remarks, as carried by the Continental News Service, included a promise.",
     "Continental News Service"),
    ("The player denies everything, said his agent, Kiril Daan, who spoke with him by telephone and passed his "
     "account on to the Post.", "Kiril Daan"),
    # a paper's edition, a quoted speaker with a parenthetical before "as saying"
    ('Halmark Tidende\'s English edition quoted Ellory, speaking through the Halmish interpretation, as saying: '
     '"Each person will get a letter."', "Halmark Tidende"),
    # a running sentence's source in brackets
    ("Fans gathered outside the ground on Tuesday evening, some of them in tears (Source: Kelmar Courier).",
     "Kelmar Courier"),
    # a paper whose name ends in a capitalised media noun, as a subject
    ("Tally Weekly said the deadline had not changed.", "Tally Weekly"),
])
def test_go_betweens_versions_posts_and_outlets_the_vocabulary_lacks_relay(text, via):
    _assert_relayed_via(text, via, outlet="The Harlow Post")


@pytest.mark.parametrize("text", [
    # a relative clause about the person that passes nothing on; a surname that is also a paper's head word
    "The pier will reopen, said Lena Marsh, who has run the harbour since 2019.",
    "Lena Marsh told reporters that nine boats were missing. She thanked Ivo Rusk, who relayed the warnings overnight.",
    "Ken Star told reporters the ship was late.",
    "According to the Opposition Leader, the plan was late.",
    # the article's own outlet, a person given a thing, a body's own website read first hand
    "Dev Rannoch gave The Harlow Post a fuller account of the same moment.",
    "The mayor gave Anna Croft a medal for her account of the rescue.",
    "According to the ministry's website, the pier will reopen.",
    # a thing's version, the speaker reading her own statement, a post on the speaker's own account, an outlet's
    # own note
    "One user on Weibo, which is essentially China's version of Twitter, posted a question.",
    "I spent a few months testing Nomad's version of the charger.",
    "The council said in a statement read out by Mayor Anna Croft that the pier would reopen.",
    "Quotations here follow the Post's own transcript of the briefing.",
])
def test_near_misses_of_those_relays_relay_nothing(text):
    _assert_no_relay(text, outlet="The Harlow Post")


@pytest.mark.parametrize(("text", "clause"), [
    # a placed group with no name, and a person of a kind who asked not to be named, however long the reason
    ("Staff at the clinic told the Post that two patients had been moved.", "Staff at the clinic"),
    ("Officials at the Minaseki centre said the crane had been inspected in May.", "Officials at the Minaseki"),
    ("A rescue official who asked not to be named because he was not authorised to speak to the media said the "
     "chamber had its own air supply.", "A rescue official"),
    ("A council officer who asked not to be named because she was not cleared to talk to the press said the report "
     "was finished.", "A council officer"),
    # what an outlet cites came from no one named
    ("Orbital Insider reports that pressure never rose, citing data described in Nerish media.", "citing data"),
    ("Pressure never rose, citing figures published in local media.", "citing figures"),
    # a charge or a name from a group no one names
    ("Arms monitors have long accused smugglers of moving rifles across the border.", "Arms monitors"),
    ('Colquhoun, dubbed "the Axe" by staff after the cuts, insisted the planes were safe.', "by staff"),
])
def test_unnamed_groups_anonymous_sources_and_their_charges_are_vague(text, clause):
    _, found = _kinds(text, "The Harlow Post")
    assert [k for k, _, t in found if t.startswith(clause)] == ["vague"], found


@pytest.mark.parametrize(("text", "source"), [
    # ... but a named person at a place, and a lawyer at a firm, are first hand
    ("Mayor Anna Croft told the Post that the pier would reopen.", "Anna Croft"),
    ("Ivo Brandt, a surgeon at the clinic, said two patients had been moved.", "Ivo Brandt"),
])
def test_named_people_at_a_place_stay_first_hand(text, source):
    _, found = _kinds(text, "The Harlow Post")
    assert ("direct", source) in [(k, s) for k, s, _ in found], found


def test_an_unidentified_person_in_the_news_is_no_anonymous_source():
    text = ("The patient, who was not identified, was taken to the county hospital in Marren, the agency said, citing "
            "the health board.")
    _, found = _kinds(text, "The Harlow Post")
    assert not [f for f in found if f[2].startswith("The patient")], found


@pytest.mark.parametrize(("text", "clause", "kind"), [
    ("People who have sat on the federation's executive committee say he has long resisted the spending.",
     "People who", "vague"),
    ("Several traders on Mill Street said they had received similar calls.", "Several traders", "vague"),
    ("The firm's head declined to comment on reports that a contractor's login had been used.", "on reports",
     "vague"),
    ("Nine were held. (Post, with material from agencies)", "with material from agencies", "vague"),
    ("Kiril Daan, the player's agent, said the player denies everything.", "Kiril Daan", "direct"),
])
def test_unnamed_people_reports_and_named_agents(text, clause, kind):
    _, found = _kinds(text, "The Harlow Post")
    assert [k for k, _, t in found if t.startswith(clause)] == [kind], found


def test_people_as_a_plain_subject_is_no_source():
    _, found = _kinds("People will ask you to write blog posts for them.", "The Harlow Post")
    assert found == []


def test_a_pictures_source_in_brackets_stays_a_credit():
    _, found = _kinds("Fans at the ground (Source: Kelmar Courier)", "The Harlow Post")
    assert [k for k, _, _ in found] == ["credit"], found


def test_a_group_contacted_by_the_outlet_itself_is_vague():
    _, found = _kinds("Several practitioners contacted by Tally Weekly said clients had begun ringing.", "Tally Weekly")
    assert [(k, t) for k, _, t in found] == [("vague", "Several practitioners contacted by Tally Weekly said")]


# -- session 31: the blind bridge-collapse and vaccine-recall events' families, in our own words --------------

_S31_RELAYS = [
    ("Of the injured, nine were taken to the Westgate clinic, according to figures passed on by council "
     "spokesman Tomas Reed.", "Tomas Reed"),
    ("The family asked for privacy in a statement read outside the town hall by their solicitor, Nora Blake, "
     "who said they wanted \"the truth\".", "Nora Blake"),
    ("The firm's statement, read out to reporters in Harlow by company spokeswoman Ines Varo, said it "
     "\"regrets the failure\".", "Ines Varo"),
    ("Her message, passed on to the Gazette by her nephew Luca Mott, was short.", "Luca Mott"),
    ("Extracts of the survey, which were read to the Ledger by the office of councillor Amos Pike, rate the "
     "pier as poor.", "Amos Pike"),
    ("The council's spokesman, Jon Hale, in comments forwarded to us by the mayor's press office, said the cost "
     "\"will be covered\".", "mayor's press office"),
    ("The leak was first reported on Sunday by the Harlow Herald, which said a worker had seen a warning light.",
     "Harlow Herald"),
    ("Mayor Otto Brenn was quoted by Kvell Tidning as saying the river \"is not safe\".", "Kvell Tidning"),
    ("As Professor Ada Lind put it to the Engineering Weekly, \"It could be a year before we know.\"",
     "Engineering Weekly"),
    ("\"Stay indoors,\" as the broadcaster's interpreter put it.", "broadcaster"),
    ("Some of the shorter lines, in KTV's interpretation: \"We will not wait.\"", "KTV"),
    ("The key line, via KTV's live interpretation: \"No one is at risk.\"", "KTV"),
    ("In the Herald's English-language account, the mayor said the bridges would stay shut.", "Herald"),
    ("Her words below are as rendered by the channel's interpreter, Mira Solt.", "Mira Solt"),
    ("Her daughter Mia Holt, who shared her mother's account in a post on social media, said she \"knew at "
     "once\".", "Mia Holt"),
    ("Rafael's sister Carla posted a photo of his van on Instagram, saying he \"keeps asking about the "
     "driver\".", "Carla"),
    # a name the article shows to be an outlet relays where it is a source too
    ("The regulator has withdrawn two batches, according to DPS. The agency's head said \"no child is harmed,\" "
     "DPS reported.", "DPS"),
    ("Our colleagues at Vestnik Ostra report that clinics have started drawing up lists.", "Vestnik Ostra"),
    # (the blind chemical-leak event's families)
    ("The firm, which runs the plant, said through spokeswoman Nadia Froome that it was cooperating.",
     "Nadia Froome"),
    ("The agency, through its press officer Leon Dacre, said it would review the valves.", "Leon Dacre"),
    ("Mr Oyelaran told the Echo through his granddaughter Elif, who translated, that he had smelt gas.", "Elif"),
    ("Station Commander Ayo Brandt, speaking on behalf of Chief Fire Officer Tomas Reindl, said crews had sealed "
     "the line.", "Ayo Brandt"),
    ("In a post on Chirp at 10.05pm, the Lanmere Fire Service said crews were at the scene.", "Chirp"),
    ("Volunteer Priya Lund said the Red Cross team there had told her to expect two hundred people.",
     "Priya Lund"),
    ("LanRail spokesperson Jo Kerrigan said the fire service had told the operator to stop all trains.",
     "Jo Kerrigan"),
    ("The letter was shown to the Ledger by the opposition councillor Gareth Pole.", "Gareth Pole"),
    ("The memo, forwarded to the Post by Halberg's head of communications, Maja Lindahl, lists four incidents.",
     "Maja Lindahl"),
    ("Her son Daniel, 52, told the Blaze: \"Mum said it was like breathing in bleach.\"", "Daniel"),
    ("Sources: Harlow Wire, KRN News, The Evening Lamp\n\nCrews sealed the line within an hour, according to "
     "KRN.", "KRN"),
    # (the blind election-concession event's families)
    ("Her brother-in-law Karl Emmens told reporters she had \"cried for an hour\" before the broadcast.",
     "Karl Emmens"),
    ("The hardliner fumed that the result was unfair and, according to a post he later deleted, that \"the fight "
     "is not over\".", "post"),
    ("Her sister, Agneta Lind, who still lives in the family house, said by telephone that Drost had called her "
     "to say she was at peace.", "Agneta Lind"),
    ("His office said in a written statement, read out on the evening bulletin by presenter Jan Aalto, that he "
     "\"respects the decision\".", "Jan Aalto"),
    ("Figures supplied to the magazine by the electoral commission's press office show 4,213,118 valid ballots.",
     "electoral commission's press office"),
    ("The party filed requests in 37 precincts, according to a bulletin forwarded to the magazine by the Council "
     "of Regions observer mission.", "Council of Regions"),
    ("Maskel won 50.74% to 49.26%, according to preliminary commission figures cited by VNT.", "VNT"),
    ("The Daily Clarion, a tabloid, reported that Drost had left the door open.", "Daily Clarion"),
    ("But the wire agency's translation has her ruling that out: \"I will not stand again.\"", "wire agency"),
    ("Viktor Sarran, who had demanded a recount, said through his office that the complaints would \"follow "
     "their legal course\".", "office"),
    ("The turnout, in the transcript's wording, was \"a victory for all of us\".", "transcript"),
    # (the blind court-ruling event's families)
    ("Joanna Pell, counsel for the union, said the court's registrar had told lawyers the ruling was final.",
     "Joanna Pell"),
    ("The Chief Justice, Dressler added, had asked him to say that she would give no interviews.", "Dressler"),
    ("Reading a statement on the ministry steps on Velt's behalf, Hanna Scholt said the government would comply.",
     "Hanna Scholt"),
    ("Speaking through an interpreter, the chairman said the club was sorry.", "interpreter"),
    ("Marta said her mother had phoned her from the steps.", "Marta"),
    ("The figure rose, according to an email shared with OBS by Otto Velimir of the dockworkers' union.",
     "Otto Velimir"),
    ("The registry confirmed to the Review, through the court's spokesman Ilan Dressler, that the order stood.",
     "Ilan Dressler"),
    ("Writing on Chirp, the deputy said the ruling was a disgrace.", "Chirp"),
    ("According to OBS, the Orvenian public broadcaster, the minister will speak tonight.", "OBS"),
    # (the blind stadium-crush event's families)
    ("Ostrik, reading from a statement by district police chief Marek Telenz, said the commander had been "
     "relieved.", "Ostrik"),
    ("The North Stand Collective said in a post on its Instagram account that it had warned the club.", "Instagram"),
    ("In a translation prepared for the Chronicle by the interpreter Dalia Wren, he said the gate was shut.",
     "Dalia Wren"),
    ("Our sister paper Pravenski Vjesnik reported on Sunday that the gate was locked.", "Pravenski Vjesnik"),
    ("The minister said in a message read to parliament by her deputy, Oskar Brandt, that an inquiry would open.",
     "Oskar Brandt"),
    ("Reddaway told VSR that a former colleague who reviewed the plan in 2022 had told him the exits were narrow.",
     "Reddaway"),
    ("The gate was shut, per the wire's translation.", "wire"),
    ("The club was \"devastated\", he said in OBN's subtitled footage.", "OBN"),
    ("In the Meridian Press rendering, he promised to resign.", "Meridian Press"),
]


@pytest.mark.parametrize("text, via", _S31_RELAYS)
def test_session31_relays(text, via):
    _assert_relayed_via(text, via)


@pytest.mark.parametrize("text", [
    "The statement was read out by Mayor Ida Roe on the steps of the town hall.",  # her own words
    "The report was read by thousands of residents within a day.",
    "In Amos Pike's account, the crane had failed twice before the collapse. Amos Pike runs the yard.",
    "His sister Carla said she was \"proud of every one of them\".",  # her own view, first hand
    "His fiancée Ana Roe said she was \"proud of every one of them\".",  # (a fiancée's pronoun is "she")
    "The figures, according to NATO, show a rise. NATO said the rise was steady.",
    "Cases reported by the health ministry rose to 40 on Friday.",
    "Councillor Ana Pell said she had told the mayor twice.",  # she told; no one told her
    "Mayor Ida Roe said through the night that crews were working.",
    "His daughter Lea told reporters: \"I was terrified for the children.\"",  # her own words
    "Funding provided by the council covered the repairs.",
    "The bridge will reopen in May, according to a video posted by the city council.",
    "Writing on the wall, the teacher explained the rule.",
    "The plan serves the interests shared by Norland and Vell, the minister said.",
    "Marta said she had phoned her mother from the steps.",  # she phoned; no one passed anything to her
    "In the English translation, he promised to resign.",
    "In the new version of the plan, the exits are wider.",
])
def test_session31_near_misses_relay_nothing(text):
    _assert_no_relay(text)


@pytest.mark.parametrize("text, words", [
    ("Word along the harbour front is that the crane had failed before.", "Word along the harbour front is that"),
    ("Word on local parents' groups this evening is that some clinics are turning families away.", "Word on"),
    ("Ministry circles say that the minister was told on Friday evening.", "Ministry circles say"),
    ("Officials privately concede that the pumps should have been tested more often.", "Officials"),
    ("Unconfirmed reports overnight put the number of dead higher than four.", "Unconfirmed reports"),
    ("Hospital staff told the Ledger that two of the injured are children.", "Hospital staff"),
    ("Two officials at the presidential palace, speaking on condition of anonymity because they were not "
     "authorised to discuss it, said the address was drafted on Monday.", "Two officials"),
    ("Election officials in two eastern districts, who asked not to be identified because they may not speak to "
     "the press, said several requests were filed early.", "Election officials"),
    ("Word on the quay, passed on by several cafe owners, is that she may return to teach.", "Word on the quay"),
    ("In practice, families say the hearings never happen.", "families say"),
    ("Police counted 31 arrests, though reports elsewhere put the total nearer 40.", "reports elsewhere"),
])
def test_session31_vague(text, words):
    _, found = _kinds(text, "The Ledger")
    assert [f for f in found if f[0] == "vague" and f[2].startswith(words)], found
    assert not [f for f in found if f[0] != "vague"], found


@pytest.mark.parametrize("text", [
    "The word processor crashed twice during the count.",
    "Talks in the yard resumed on Monday.",
    "The club conceded two goals in the first half.",
    "Independent Television reports that the pier is closed.",
])
def test_session31_near_misses_are_not_vague(text):
    _, found = _kinds(text)
    assert not [f for f in found if f[0] == "vague"], found


def test_session31_a_name_read_as_an_outlet_by_its_own_clause_relays_where_cited_not_where_it_speaks():
    # "DPS reported" makes DPS an outlet for "according to DPS"; a chain whose results "Brackel reported" still
    # speaks for itself when "Brackel said its finances were weak"
    _, found = _kinds("The regulator has withdrawn two batches, according to DPS. The agency's head said \"no child "
                      "is harmed,\" DPS reported.")
    assert [k for k, s, _ in found if s == "DPS"] == ["relayed", "relayed"], found
    _, found = _kinds("Brackel reported a loss of $3 million on Tuesday. Brackel said its finances were weak.")
    assert ("direct", "Brackel", "Brackel said") in found, found


# -- session 32: families read off the held-out ferry-sinking and currency-devaluation events --------------

_S32_RELAYS = [
    # a named speaker passing on what people they do not name had told them or described
    ("Port chief Ivan Rusk said survivors had described rafts that failed to open.", "Ivan Rusk"),
    ("Port chief Ivan Rusk spoke at dawn. He revealed witnesses told rescuers that the lights went out.", "Ivan Rusk"),
    ("The Dock Workers' Union said crew members it had spoken to had described the crossing as rough.",
     "The Dock Workers' Union"),
    # a text that quotes the speaker, and the body that put it out
    ("Governor Mira Holt spoke on Monday. \"Deposits are safe,\" the bank's release quotes her as saying.",
     "bank's release"),
    ("The bank's English statement was candid. \"Some goods will cost more from next month,\" it quoted Holt as "
     "saying.", "bank"),
    ("The bank's English release has her saying that the move was taken \"with a heavy heart\".", "bank"),
    ("\"The rate is final,\" Governor Mira Holt said in remarks the bank released in English.", "bank"),
    ("In a statement issued in English by the bank, Governor Mira Holt said: \"We will not resign.\"", "bank"),
    # an interpreter, an outlet's or unnamed
    ("Governor Mira Holt said through the broadcaster's interpreter that the rate was final.", "interpreter"),
    ("Speaking through an interpreter on business channel BFN, the governor said the rate was final.", "BFN"),
    # relatives passing on what the principal texted or phoned them, a reader for someone, a body quoting its envoy,
    # what the speaker had been told, a schedule an outlet saw (a speaker's own post stays first hand, as before)
    ("The master is missing. His cousin, Halla Lodz, told the Herald-Times that he had texted the family at ten.",
     "Halla Lodz"),
    ("Transport minister Osric Pell has not spoken. Press officer Jonas Brink read out a two-line statement on his "
     "behalf, saying the minister was shaken.", "Jonas Brink"),
    ("Norland's Foreign Ministry, quoting its ambassador in the capital, Elek Morrow, said consular staff had visited "
     "the injured man.", "Norland's Foreign Ministry"),
    ("The dispatcher, Ilse Raab, said she had been told by the ferry company's office that the deck was full.",
     "Ilse Raab"),
    ("A company maintenance schedule seen by the Ledger lists four rafts as deferred.", "Ledger"),
    # an outlet named by what it is, as the subject that reports; a translation an outlet distributed
    ("The platform dates from 2009. Telco Ledger, the trade publication, first reported that it was old.",
     "Telco Ledger"),
    ("The paintings are gone. Gavel & Frame, the art-trade weekly, reckons they are already collateral.",
     "Gavel & Frame"),
    ("Chief Commissioner Jarna Holvik said in a translation distributed by the Continental Press Agency: \"Four "
     "paintings were taken.\"", "Continental Press Agency"),
]


@pytest.mark.parametrize("text, via", _S32_RELAYS)
def test_session32_relays(text, via):
    _assert_relayed_via(text, via)


@pytest.mark.parametrize("text", [
    "Port chief Ivan Rusk said prices had risen. He said talks would go on.",
    "Port chief Ivan Rusk said he had told the minister twice.",  # he told; no one told him
    "Rusk said the rafts were checked and the crews were trained.",
    "Analysts reported a fall in shares on Monday.",
    "The statement the ministry issued on Monday ran to four pages.",  # no one speaks through it
    "\"We acted at night,\" it read.",  # no text named before: not read as a relay
    "Governor Mira Holt said through the night that crews were working.",
    "His sister said she had phoned their mother every week.",  # she phoned; nothing passed on
    "The photos were posted on Monday by the harbour office.",
    "The union has read the statement on the company's website.",
    "The mayor owns the master recordings, at the museum.\n\nThe statement, which was obtained late, was short.",
    "Ana Pell, the mayor of Tarn, said the bridge was safe.",  # a person set off with her role speaks first hand
    "Our reporters, we are told by readers, write too much.",
])
def test_session32_near_misses_relay_nothing(text):
    _assert_no_relay(text)


@pytest.mark.parametrize("text, words", [
    ("A freight forwarder in Port Selvan, who asked not to be named, said clients were waiting.", "A freight"),
    ("A customs broker on Dock Street, who did not want his name printed, said two clients had asked for storage.",
     "A customs broker"),
])
def test_session32_one_unnamed_person_with_a_reason_is_vague(text, words):
    _, found = _kinds(text)
    assert [f for f in found if f[0] == "vague" and f[2].startswith(words)], found
    assert not [f for f in found if f[0] == "direct"], found


@pytest.mark.parametrize("text, words", [
    ("There were unconfirmed reports on local radio that another body had been found.", "There were unconfirmed"),
    ("Whispers around the trading floors are that big players bought dollars early.", "Whispers around"),
    ("Brokers in the capital expect the claim to run several times higher.", "Brokers"),
    ("Some of his own staff, we hear, would rather he had fixed the cameras first.", "we hear"),
])
def test_session32_hearsay_and_unnamed_groups_are_vague(text, words):
    _, found = _kinds(text)
    assert [f for f in found if f[0] == "vague" and f[2].startswith(words)], found


def test_session32_a_named_person_who_asked_nothing_stays_first_hand():
    _, found = _kinds("Ana Pell, a freight forwarder in Port Selvan, said clients were waiting.")
    assert [f for f in found if f[0] == "direct" and f[1] == "Ana Pell"], found


def test_session32_remarks_reported_by_an_outlet_are_no_account_passed_on():
    _, found = _kinds("\"About three million were exposed,\" Margit Ellory said, in remarks reported by CNS.")
    assert not [f for f in found if f[1] == "Margit Ellory" and f[0] == "relayed"], found


# session 33: a go-between whose title, right before the name or set off right after it, names whom they speak
# for passes on that body's or person's word, whatever it is about (blind coders of every invented event)
@pytest.mark.parametrize("text, principal", [
    ("Police raided the depot on Friday. A spokeswoman for the Harbour Police, Lena Orsk, said the search was over.",
     ["Harbour Police", "Lena Orsk"]),
    ("The county office declined to comment. Its spokesman Teo Varn said later that files had been taken.",
     ["Teo Varn"]),
    ("Inspectors left at noon. Tomas Brill, a press officer for the Food Agency, said samples would be tested.",
     ["Food Agency", "Tomas Brill"]),
    ("The board met on Monday. The chairman's spokesman, Ivo Sand, said no vote was taken.",
     ["chairman", "Ivo Sand"]),
])
def test_session33_a_go_between_for_a_named_principal_relays_it(text, principal):
    d = doc_of(text)
    relays = [a for a in d.attributions if a.kind == "relayed" and a.source == principal[-1]]
    assert relays and relays[0].chain == principal, [(a.kind, a.source, a.chain) for a in d.attributions]


@pytest.mark.parametrize("text, name", [
    # no principal in the title: their word on their own office's business stays first hand
    ("Press officer Tomas Brill said samples would be tested on Monday.", "Tomas Brill"),
    ("The county office declined to comment, according to government spokesman Teo Varn.", "Teo Varn"),
    # a member of a body is no go-between for it; the head of a body speaks first hand
    ("Senator Ana Brekk, a member for the Coastal Party, said the bill would pass.", "Ana Brekk"),
    ("The head of the Port Authority, Ivo Sand, said the quay would reopen.", "Ivo Sand"),
])
def test_session33_go_between_near_misses_stay_first_hand(text, name):
    d = doc_of(text)
    found = [(a.kind, a.source) for a in d.attributions]
    assert ("direct", name) in found, found


# session 33 (the held-out border-shooting event): unnamed sources with a place, a time or a progressive between
# them and the verb, one person of any kind "who" did something, people around a person, agentless questions
# with an adverb, a learner's "By some informations from"; words a ministry released, a channel's live
# interpretation, a text that quotes the speaker before a colon
@pytest.mark.parametrize("text, words", [
    ("Residents here say the barrier has been broken since the summer.", "Residents here say"),
    ("Scientists now say the spill reached the delta.", "Scientists now say"),
    ("Diplomatic sources in Brenzic are saying that the offer will be accepted.", "sources in Brenzic are saying"),
    ("One integrator who has bid for border contracts said the plan had been dropped.", "One integrator"),
    ("People around the minister insist the omission was a matter of space.", "People around the minister"),
    ("Questions are now being asked about why the figures were left out.", "Questions are now being asked"),
    ("By some informations from the capital, the prosecutor will open a case.", "By some informations"),
])
def test_session33_unnamed_sources_are_vague(text, words):
    _, found = _kinds(text)
    assert [f for f in found if f[0] == "vague" and f[2].startswith(words)], found


@pytest.mark.parametrize("text", [
    "Tourists from around the world say the beach is the best in the region.",
    "People around the world watched the launch.",
    "The union representing border guards met the minister on Monday.",
    "Staff were told on Friday that the depot would close.",
])
def test_session33_near_misses_are_no_vague_source(text):
    _, found = _kinds(text)
    assert not [f for f in found if f[0] == "vague"], found


@pytest.mark.parametrize("text, via", [
    ('Minister Aurel Vos spoke on Monday. "We are sorry," he said in a statement released in English by his ministry.',
     "ministry"),
    ("Minister Aurel Vos spoke on Monday. Speaking to reporters, as interpreted live on KBN News, he said he would "
     "stay.", "KBN News"),
    ('Minister Aurel Vos spoke on Monday. The ministry\'s English text also quotes him: "Citizens must trust the '
     'uniform."', "ministry"),
])
def test_session33_words_a_body_or_channel_passed_on_are_relayed(text, via):
    _assert_relayed_via(text, via)


@pytest.mark.parametrize("text, words, kind, outlet", [
    # session 33 (the held-out admissions-scandal event)
    ("Admissions directors at two other colleges, speaking on condition that they not be named, told the Ledger "
     "they were checking their files.", "Admissions directors", "vague", None),
    ("Deputy chief Piet Gran, 47, lives in a villa on the shore of Lake Tessen. Neighbours say he arrived with a new "
     "car in March.", "Neighbours say", "vague", None),
    # a document the outlet itself saw: still the document's account, in the outlet's own pages
    ("The memos seen by the Dock Courier, sent in 2023, show the fees.", "seen by the Dock Courier", "relayed",
     "Dock Courier"),
    ("According to the information of KNB, the Karvenian public broadcaster, two more staff are under scrutiny.",
     "According to the information of KNB", "relayed", None),
    ("The Dock Herald reports that the chair backs her, and the Evening Clarion has a university source describing "
     "an open secret.", "the Evening Clarion has", "relayed", None),
])
def test_session33_admissions_families(text, words, kind, outlet):
    _, found = _kinds(text, outlet)
    assert [f for f in found if f[0] == kind and words in f[2]], found


def test_session33_an_outlet_with_a_new_editor_passes_on_nothing():
    _, found = _kinds("The Evening Clarion has a new editor and a new owner.")
    assert not found, found


# -- session 34: the study-retraction event's go-betweens, in our own words ---------------------------------

@pytest.mark.parametrize("text, via", [
    # a lawyer's account of the client, who is named with no title
    ('Ada Quist, a former pilot, was "tired but hopeful", her lawyer Paul Renner said in a message to the Courier.',
     "Paul Renner"),
    ('Jonas Halberg, the senior author, has not been accused of anything. His lawyer, Mira Tonn, said Halberg had '
     'been "deeply shocked" by the findings.', "Mira Tonn"),
    # words passed on through an office, a publisher, a spokeswoman who is not named
    ('The engineer, Dr Olle Brant, said through the hospital\'s press office that the design was "sound".',
     "the hospital's press office"),
    ("The editor, Lisa Varn, said in a statement released through the journal's publisher that it would act.",
     "the journal's publisher"),
    ('Mayor Ivo Lenz said through his spokeswoman that the port would "reopen soon".', "spokeswoman"),
    # a person with an age and a relative clause who told another outlet
    ('Greta Holm, 58, who took the pills for seven months, told the Northern Post she felt "like a fool".',
     "Northern Post"),
])
def test_session34_go_betweens_and_channels_relay(text, via):
    _assert_relayed_via(text, via)


@pytest.mark.parametrize("text", [
    # a lawyer's own word on the evidence, and a "through" that is no channel
    'The defence lawyer, Mira Tonn, said the evidence was "thin at best".',
    "Mayor Ida Roe said through the night that crews were working.",
    'Greta Holm, 58, who took the pills for seven months, told reporters she felt "like a fool".',
])
def test_session34_near_misses_stay_first_hand(text):
    _assert_no_relay(text)


@pytest.mark.parametrize("text", [
    # a prosecutor's title, and a lawyer's word on a question rather than on the client
    "U.S. Attorney Ivo Kennet said in the release that threats are not protected speech, and that Mara Vell deserved "
    "safety.",
    "The committee asked Tim Harlow about the call. Harlow's lawyer said the question was outside the scope of his "
    "testimony.",
])
def test_session34_a_lawyer_who_represents_no_one_named_stays_first_hand(text):
    _assert_no_relay(text)


# -- session 34: the factory-closure event's interpretations and summaries, in our own words ----------------

_PLANT = "Ilse Marrow, the chief executive, spoke in Norvish on Tuesday, with interpreter Ada Venn beside her. "


@pytest.mark.parametrize("text, via", [
    (_PLANT + "In interpreter Ada Venn's English version, her closing promise was: \"I will stay and answer every "
     "question.\"", "Ada Venn"),
    (_PLANT + "Via the English interpretation provided for foreign media, Marrow said \"demand has fallen by 40 per "
     "cent\".", "interpretation"),
    (_PLANT + "The interpreter's rendering: \"The board has decided to close the plant.\"", "interpreter"),
    (_PLANT + "Marrow told the hall, in Venn's words: \"We looked at every option.\"", "Ada Venn"),
    (_PLANT + "\"This affects 900 jobs,\" as Venn put it.", "Ada Venn"),
    (_PLANT + "The company's own English summary later said \"900 positions are affected\".", "company"),
    (_PLANT + "On jobs, the Velm Courier's live blog cited the company's English summary: \"There will be no "
     "redundancies before July.\"", "company"),
])
def test_session34_words_through_an_interpretation_or_a_summary_are_relayed(text, via):
    _assert_relayed_via(text, via)


@pytest.mark.parametrize("text", [
    # the speaker's own words, a colleague's words, and a summary nobody quotes
    _PLANT + "\"This affects 900 jobs,\" Marrow said in Norvish.",
    _PLANT + "\"We looked at every option,\" as Tor Ekman, the works council chair, put it.",
    _PLANT + "The company's summary runs to four pages.",
])
def test_session34_no_interpretation_no_relay(text):
    _assert_no_relay(text)


@pytest.mark.parametrize("text, via", [
    # outlets named by a head word in another language, a hyphened head, or a noun of their kind in front
    ("The Obertaler Rundschau reports that the council will meet on Thursday.", "Obertaler Rundschau"),
    ("Local paper the Obertaler Rundschau reported that a march was planned for Saturday.", "Obertaler Rundschau"),
    ("According to trade weekly Zuliefer-Kurier, the customers are two carmakers.", "Zuliefer-Kurier"),
])
def test_session34_outlets_by_their_kind_or_a_foreign_head_word_are_relayed(text, via):
    _assert_relayed_via(text, via)


@pytest.mark.parametrize("text", [
    "The engineers published a paper on the fault in March.",
    "Local residents said the paper mill would close.",
])
def test_session34_a_paper_that_is_no_outlet_relays_nothing(text):
    _assert_no_relay(text)


# -- session 34: a speaker's own post is relayed through the platform or the account ----------------------------
# Every coder of the thirteen invented events with one (about thirty attributions) marked it relayed, and the rubric
# lists "a lawmaker's post" among relays; sessions 12-33 had kept it first hand (README-attribution.md, "Session 34").

@pytest.mark.parametrize("text, via", [
    ("The minister said on X that the port would close.", "X"),
    ("Minister Ola Solheim posted on Telegram that the review would report in May.", "Telegram"),
    ("The lab said in a post on its corporate account that it had contained the attack.", "corporate account"),
    ("The club said in a post on its official account that tickets were refunded.", "official account"),
    ("Neighbour Kerry Hobbs, 34, wrote on Facebook that she grabbed her two kids and ran.", "Facebook"),
    ('Opposition MP Elin Drost posted on social media: "Where is the minister?"', "social media"),
    ('Civic Party spokeswoman Lena Marsh has written on Chirp that the institute "owes parliament a timeline".',
     "Chirp"),
    ("The Border Police Officers' Union said on its Facebook page that the officers had acted lawfully.",
     "Facebook page"),
    ('Student Liesl Marrak, 19, posted from her hospital bed on Instagram: "The lights went out."', "Instagram"),
    ("Economics student Pavla Rinn wrote on the campus forum TessTalk that she felt lost.", "TessTalk"),
])
def test_session34_a_speakers_own_post_is_relayed(text, via):
    _assert_relayed_via(text, via)


@pytest.mark.parametrize("text", [
    "The minister wrote on Tuesday that the port would close.",
    "Sean Holt said he received threats on social media after the match.",
    "Kai Ström says he noticed the lines between the groups on Instagram have blurred.",
    "She said, apparently in reply to his remarks on the same channel, that the vote would stand.",
])
def test_session34_no_post_no_relay(text):
    _assert_no_relay(text)


@pytest.mark.parametrize("text, via", [
    # an outlet's coverage, interview or clip the article draws on
    ("The Daily Beacon's coverage on Thursday, which I would treat with care, said the researcher was young.",
     "Daily Beacon"),
    ("The Lindmark Standard's interview with Sofie Lindqvart makes the point more sharply.", "Lindmark Standard"),
    ("I listened to the Radio Kesta clip of Ingrid Malvane three times on Thursday.", "Radio Kesta"),
])
def test_session34_an_outlets_coverage_interview_or_clip_is_relayed(text, via):
    _assert_relayed_via(text, via)


@pytest.mark.parametrize("text", [
    "The minister's interview with the committee lasted an hour.",
    "The Harbour Board's tape of the meeting was never found.",
])
def test_session34_a_coverage_or_interview_of_no_outlet_relays_nothing(text):
    _assert_no_relay(text)


# -- session 35: the election-recount and embassy-expulsion events' families, in our own words -------------------

@pytest.mark.parametrize(("text", "cue"), [
    # a group of a kind, placed or knowing, with no determiner: no one named
    ("Shop owners on the square said they were worried about the closures.", "Shop owners on the square said"),
    ("Election workers in Varnit said they were exhausted but ready.", "Election workers in Varnit said"),
    ("Suppliers familiar with the contract said the parts arrived late.", "Suppliers familiar with the contract said"),
    ("Two suppliers familiar with the contract said the parts arrived late.", "Two suppliers familiar"),
    ("Local shop owners, some of whom have traded on the square for decades, said they were worried.",
     "some of whom"),
    # people present, counted or not
    ("The vote was split, according to three people present at the hearing who asked not to be named.",
     "according to three people present"),
    ("The vote was close, the Herald reported, citing people present at the meeting.", "citing people present"),
    # a fear held by such a group, inside another's report too
    ("Diplomats in the capital fear the row could escalate.", "Diplomats in the capital fear"),
    ("The Courier said diplomats in the capital fear the row could escalate.", "diplomats in the capital fear"),
    # one of a body, told the writer; staff of a place; words sent to the writer; a way of putting it; tears
    ("One former member of the Harbour Council told me in October that the levy would not hold.",
     "One former member of the Harbour Council told"),
    ("Some lecturers are less kind. Several staff in the faculty of law say they raised concerns.",
     "staff in the faculty of law say"),
    ("A former deck officer, who messaged me after the briefing, put it more bluntly: “Nobody checks anything.”",
     "put it more bluntly"),
    ('A Norland contact who has worked at the port for years messaged me at lunchtime: "They will close two berths."',
     "messaged me"),
    ('One woman, clutching her son\'s contract, sobbed: "What is he supposed to do now?"', "sobbed"),
])
def test_session35_unnamed_groups_are_vague(text, cue):
    _, found = _kinds(text)
    assert any(k == "vague" and cue in span for k, _, span in found), found


@pytest.mark.parametrize("text", [
    "The minister postponed the vote, citing a margin of less than half a point.",
    "Our colleagues at the Cauldmere Mercury report that the shaft was closed.",
    "Tourists from around the world say the beach is the best in the region.",
    "And the line about appeals, which the lawyers in the room wrote down word for word, was short.",
    "Maresh said she feared the row could escalate.",
    # (read on the Zyte bodies) a group after a verb, a paper, a person's act of naming with no quotation
    "The deal would allow ministers from both sides to claim a quick win.",
    "In 2005 the chemist Ana Lind showed in a paper published in Harbour Science Letters that the salt had spread.",
    "Then a vet dismissed the scan of the horse's leg as normal.",
    "One neighbour has labelled herself a Harbour Watcher.",
    'When the bishop thanked "the nurses who stayed", she wept.',
    "A Norland court told the port to pay the levy.",
])
def test_session35_no_unnamed_group(text):
    _, found = _kinds(text)
    assert not [f for f in found if f[0] == "vague"], found


@pytest.mark.parametrize(("text", "source"), [
    # a name given as a quotation
    ("Petar Dunhill, his spokesman, called the recount “a manoeuvre dressed up as caution” and left.",
     "Petar Dunhill"),
    ("The mayor dismissed the report as “nonsense from start to finish”.", "The mayor"),
    ("Petar Dunhill branded the recount “a manoeuvre dressed up as caution”.", "Petar Dunhill"),
    # an age and what the person is, set off before the verb
    ('Dana Ilic, 34, a nurse, said: "I just want it done properly."', "Dana Ilic"),
    # anger that carries the words, and a role before the name after the verb
    ('"It is a stitch-up," fumed Dragomir Petrov, a taxi driver.', "Dragomir Petrov"),
    ('"It is a stitch-up," said supporter Dragomir Petrov.', "Dragomir Petrov"),
])
def test_session35_first_hand_cues(text, source):
    _, found = _kinds(text)
    assert ("direct", source) in [(k, s) for k, s, _ in found], found


@pytest.mark.parametrize("text", [
    "The board called the meeting to order.",
    "The mayor dismissed the staff on Friday.",
])
def test_session35_a_name_given_needs_a_quotation(text):
    _, found = _kinds(text)
    assert not [f for f in found if f[0] == "direct"], found


@pytest.mark.parametrize(("text", "via"), [
    # an outlet by its kind, after the outlet was named; a document, with where and when it was put out
    ('According to KBC, the chair spoke for twelve minutes. The public broadcaster also quoted her as saying that '
     'offenders "will be referred to the prosecutor".', "KBC"),
    ("A written summary posted on the commission's website after midnight quotes Ms Maresh as saying that offenders "
     '"will be referred to the prosecutor".', "written summary"),
    # "quoted X urging"
    ('According to the Herald, the hall was full. The paper also quoted Maresh urging both camps "to be patient".',
     "Herald"),
    # told the nation on a broadcaster
    ("Foreign Minister Ilvana Restorek told the nation live on KBC that four diplomats had been expelled.", "KBC"),
])
def test_session35_carriers_relay(text, via):
    _assert_relayed_via(text, via)


def test_session35_a_named_persons_request_passed_on_is_relayed():
    _, found = _kinds("Coach Ana Lind said Jonas Berg had told his teammates to keep quiet.")
    assert [k for k, _, span in found if span.endswith("Lind said")] == ["relayed"], found
    _, found = _kinds("She said she had asked her supporters to stay calm.")
    assert not [f for f in found if f[0] == "relayed"], found


def test_session35_a_bodys_own_summary_is_first_hand_but_someones_words_in_it_are_relayed():
    _, found = _kinds("According to the commission’s written summary, the count will be filmed.")
    assert [(k, s) for k, s, _ in found] == [("direct", "the commission")]
    _, found = _kinds("According to the federation’s summary of her remarks, she took full responsibility.")
    assert [k for k, _, _ in found] == ["relayed"]
    _, found = _kinds('According to the commission’s written summary, Maresh said the count "will be filmed".')
    assert ("relayed", "the commission") in [(k, s) for k, s, _ in found]


def test_session35_a_channel_the_article_opens_with_carries_the_speakers_later_lines():
    text = ('Foreign Minister Ilvana Restorek told the nation live on KBC that four diplomats had been expelled. '
            '"We received no answer," she said flatly. The minister also said the ambassador was recalled.')
    _, found = _kinds(text)
    assert [k for k, _, _ in found] == ["relayed", "relayed", "relayed"], found
    # heard first hand before the relay: the reporter was there, later lines stay first hand
    text = ('Foreign Minister Ilvana Restorek told a news conference that four diplomats had been expelled. '
            'She added, according to a transcript released by the ministry, that the ambassador was recalled. '
            '"It is over," she said.')
    _, found = _kinds(text)
    assert [k for k, _, _ in found].count("direct") >= 2, found
    # an aggregator with a channel for each line: no one channel
    text = ('Ilvana Restorek told KBC that four diplomats had been expelled. "It is over," she said, according to '
            'the Sennholt Gazette. Restorek said the ambassador was recalled.')
    _, found = _kinds(text)
    assert ("direct", "Ilvana Restorek") in [(k, s) for k, s, _ in found], found


@pytest.mark.parametrize(("text", "via"), [
    # an interpreter no one names, and versions someone put out, named where the words are given
    ('The minister, speaking through an interpreter, then dropped a bombshell: "We are considering sanctions."',
     "interpreter"),
    ('As rendered by the interpreter: "Four members of the staff are declared persona non grata."', "interpreter"),
    ('"Our embassy will keep working," she adds, in the interpreter\'s words.', "interpreter"),
    ('The interpreter\'s next line: "This does not mean we are breaking relations."', "interpreter"),
    ('Four diplomats must leave, she announced. In the English version the ministry posted in the afternoon, the '
     'charge is that they "sought to obtain technical drawings".', "ministry"),
    ('"We will protect what is ours." That is the last sentence of the statement as the foreign ministry published it '
     "in English.", "foreign ministry"),
    ("The minister's English text was released at noon. Elsewhere the text says trust “cannot be demanded”.",
     "minister"),
    ('KBC\'s live blog, which ran the interpreter\'s version, has her saying "This does not mean a break."', "KBC"),
])
def test_session35_versions_and_interpreters_relay(text, via):
    _assert_relayed_via(text, via)


@pytest.mark.parametrize("text", [
    "The interpreter arrived late and the minister said she was sorry.",
    "As the tide rose it flooded the quay.",
    "The text of the treaty says nothing about fishing.",
    "Ana Roe has her saying so in the memoir.",
])
def test_session35_no_version_no_relay(text):
    _assert_no_relay(text)


def test_session35_a_named_bodys_spokesperson_is_first_hand_an_unnamed_ones_vague():
    _, found = _kinds('A KorvaNet spokesperson said that control systems "were never compromised".')
    assert [k for k, _, _ in found] == ["direct"], found
    _, found = _kinds("A senior spokesperson said the talks would resume.")
    assert [k for k, _, _ in found] == ["vague"], found
    _, found = _kinds("Two diplomats from member states, who spoke on condition that their countries not be named, "
                      "said they had been told on Monday.")
    assert [k for k, _, _ in found] == ["vague"], found


@pytest.mark.parametrize(("text", "via"), [
    # posts named in more ways: a platform named by its kind, a video on an account, "was on X declaring", a message to
    # followers, anger or a boast online, a post on a forum, "went further in a post on"
    ('Finance Minister Ana Lind backed the levy in a post on the social platform Parley shortly after 7 a.m., writing '
     'that the government "stands behind the board".', "Parley"),
    ('Opposition leader Vesna Holm was less kind. In a video posted on her Parley account, she branded the move "a '
     'robbery".', "Parley"),
    ("Within minutes of the vote Lind was on Parley declaring that the government stood behind the board.", "Parley"),
    ('In a message posted to his followers on Monday afternoon, Tor Sarran wrote that "no honest person can accept '
     'it".', "post"),
    ('The party hardman Tor Sarran fumed on social media last night that the vote had been "a farce".', "social media"),
    ('Opposition spokeswoman Lena Marsh went further in a post on Chirp: "Taxpayers deserve names."', "Chirp"),
    ("A group calling itself Grey Lantern claimed responsibility in a post on an online forum on Monday.",
     "online forum"),
    ("The gang calling itself Grey Lantern have bragged online that they hold six million records.", "online"),
])
def test_session35_more_posts_relay(text, via):
    _assert_relayed_via(text, via)


@pytest.mark.parametrize("text", [
    "The mayor was on Monday asked about the levy and said nothing.",
    "Lind claimed responsibility for the delay in a meeting on Monday.",
    "The tour went further on Tuesday, reaching the old harbour.",
])
def test_session35_no_post_no_relay(text):
    _assert_no_relay(text)
