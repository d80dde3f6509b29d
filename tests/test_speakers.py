"""Speakers by discourse: pronouns, roles, lists, headlines, transcripts and narration in quotation marks,
on the annotated cases of tests/fixtures/speakers/cases.yaml (each family with cases that must not resolve)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from auditor.models import Article
from auditor.ruletest import parse_marked
from auditor.text.document import Doc
from auditor.text.quotes import reported_speech
from auditor.text.speakers import Discourse, find_people

ROOT = Path(__file__).resolve().parents[1]
CASES = yaml.safe_load((ROOT / "tests/fixtures/speakers/cases.yaml").read_text(encoding="utf-8"))


def doc_of(text: str) -> Doc:
    return Doc(Article(id="t", text=text))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_speaker_case(case):
    text, spans, _ = parse_marked(case["text"])
    doc = doc_of(text)
    quotes = doc.quotes
    assert [(q.start, q.end) for q in quotes] == spans, [q.text for q in quotes]
    if "speakers" in case:
        assert [q.speaker for q in quotes] == case["speakers"]
    if "cues" in case:
        assert [q.cue for q in quotes] == case["cues"]
    if "reported" in case:
        assert [r.text for r in reported_speech(doc)] == case["reported"]
        assert all(r.kind == "report" for r in reported_speech(doc))


def test_entity_table_collects_roles_and_attributes():
    text = ("Prime Minister Jane Roe of Norland, a former banker, spoke first. "
            "Norland's defence minister, Karl Ostby, spoke next.\n")
    people = find_people(doc_of(text), [])
    roe, ostby = people.persons["Jane Roe"], people.persons["Karl Ostby"]
    assert {"prime", "minister", "banker"} <= roe.titles and "norland" in roe.attrs
    assert {"defence", "minister"} <= ostby.titles and "norland" in ostby.attrs
    disc = Discourse(people)
    assert disc.resolve("the Norlandic PM", len(text)) == "Jane Roe"
    assert disc.resolve("the defence minister", len(text)) == "Karl Ostby"
    # the prime minister is not "the minister": that role is Ostby's alone
    assert disc.resolve("the Norlandic minister", len(text)) == "Karl Ostby"
    assert disc.resolve("the prime minister", len(text)) == "Jane Roe"
    two = text + "Norland's finance minister, Mia Lund, spoke last.\n"
    disc = Discourse(find_people(doc_of(two), []))
    # both carry it: the one opening the last sentence ("Her deputy, X, was blunter") is the current speaker
    assert disc.resolve("the Norlandic minister", len(two)) == "Mia Lund"
    objects = ("Prime Minister Jane Roe of Norland spoke first. She thanked Norland's defence minister, Karl Ostby, "
               "and Norland's finance minister, Mia Lund.\n")
    disc = Discourse(find_people(doc_of(objects), []))
    assert disc.resolve("the Norlandic minister", len(objects)) is None  # both carry it, neither is speaking


@pytest.mark.parametrize(("text", "name", "attr"), [
    ("President of Argentina Ana Ruiz spoke at the forum on Thursday.\n", "Ana Ruiz", "argentina"),
    ("Prime Minister of Norland Jane Roe spoke at the forum on Thursday.\n", "Jane Roe", "norland"),
    ("President of South Korea Min Ha-eun spoke at the forum on Thursday.\n", "Min Ha-eun", "korea"),
    ("Minister of Foreign Affairs Karl Ostby spoke at the forum on Thursday.\n", "Karl Ostby", "affairs"),
    ("President of the European Commission Ursula Brandt spoke on Thursday.\n", "Ursula Brandt", "commission"),
])
def test_the_place_of_a_title_before_the_name_is_no_part_of_the_name(text, name, attr):
    # "<title> of <place or body> <name>": the place is what the title is of; the name is what follows it
    people = find_people(doc_of(text), [])
    assert list(people.persons) == [name] and attr in people.persons[name].attrs


def test_a_speaker_introduced_with_the_place_of_the_title_is_resolved_by_name_and_role():
    text = ("Ruiz at the forum\n\nPresident of Argentina Ana Ruiz spoke at the forum on Thursday, calling the "
            "tariffs \"a tax on the poor.\"\n\nThe Argentine president urged delegates to \"keep every port open "
            "to honest trade.\"\n\nMinister of Foreign Affairs Karl Ostby said the deal was \"not yet done.\"\n")
    assert [q.speaker for q in doc_of(text).quotes] == ["Ana Ruiz", "Ana Ruiz", "Karl Ostby"]


def test_speakers_do_not_depend_on_the_order_of_people_in_the_table():
    a = "Chancellor Otto Brandt and Chancellor Mia Lund met.\n\n\"We agreed,\" the chancellor said.\n"
    b = "Chancellor Mia Lund and Chancellor Otto Brandt met.\n\n\"We agreed,\" the chancellor said.\n"
    assert [q.speaker for q in doc_of(a).quotes] == [q.speaker for q in doc_of(b).quotes] == [None]


_INTRO = "Talks in Vell\n\nMayor Jane Roe met harbour chief Tom Lee and Mia Lund, a former minister, on Monday.\n\n"


@pytest.mark.parametrize(("sentence", "speaker"), [
    # after the quotation: a role with its holder's name set off, several lower-case words of a role, a
    # passive of quoting, a possessor's words before the marks
    ('"We are ready for this," Roe\'s spokesperson, Ola Berg, said.', "Ola Berg"),
    ('"We are ready for this," Roe\'s lawyer, Ola Berg, said.', "Ola Berg"),
    ('"We are ready for this," one dock worker, Ali Sen, 33, said.', "Ali Sen"),
    ('"We are ready for this," dock worker Ali Sen said.', "Ali Sen"),
    ('"We are ready for this," Lee was quoted as saying by the Vell Herald.', "Tom Lee"),
    ("Roe's words \u2014 \"we are ready for this\" \u2014 drew applause.", "Jane Roe"),
    # near misses: the role's holder is not named, or the possessor is not the speaker
    ('"We are ready for this," a spokesperson for Roe said.', None),
    ('"We are ready for this," Roe\'s lawyer said.', None),
    ('"We are ready for this," the mayor\'s office said.', None),
])
def test_cues_after_the_quotation_and_possessed_words(sentence, speaker):
    d = doc_of(_INTRO + sentence + "\n")
    qs = [q for q in d.quotes if "ready" in q.text.lower()]
    assert [q.speaker for q in qs] == [speaker]


@pytest.mark.parametrize(("text", "name", "attr"), [
    # the place of a title written with "to" or "for" before the name is no part of it either
    ("Former special envoy to Norland Kurt Vale testified on Tuesday.\n", "Kurt Vale", "norland"),
    ("The ambassador for Norland Ada Lind testified on Tuesday.\n", "Ada Lind", "norland"),
])
def test_the_place_of_a_title_with_to_or_for_is_no_part_of_the_name(text, name, attr):
    people = find_people(doc_of(text), [])
    assert name in people.persons and attr in people.persons[name].attrs


TRANSCRIPT = """Full text: Secretary General Jan Vos's address to the Vell parliament

Below is the text of the speech as delivered.

Thank you, Madam Speaker. Honourable members of parliament.

It is an honour to stand before you today. We will stand with you for as long as it takes.

As President Marko said last week, "peace must be just." I could not agree more.
"""


def test_a_transcripts_paragraphs_are_its_speakers_but_not_the_editors_note():
    d = doc_of(TRANSCRIPT)
    got = [(d.text[q.start:q.end][:20], q.kind, q.speaker) for q in d.quotes]
    assert ("Below is the text of", "transcript", "Jan Vos") not in got  # the editor announcing it
    assert ("It is an honour to s", "transcript", "Jan Vos") in got
    assert ("peace must be just.", "partial", "Jan Vos") in got  # the speaker's words throughout


INTERVIEW = """Vell Courier interview: Mayor Ana Ruiz on the harbour levy

The mayor sat down with our reporter Tor Ek on Monday.

Ek: Why raise the levy now?

Ruiz: Because the quay is falling apart. We cannot wait another winter.

Ek: Critics say the levy will hurt the fishermen of the harbour.

Ruiz: They are wrong. The fishermen will pay less than before.
"""

QA = """Mayor Ana Ruiz spoke to the Vell Courier about the harbour levy.

Q: Why raise the levy now?

A: Because the quay is falling apart. We cannot wait another winter.

Q: Critics say the levy will hurt fishermen.

A: They are wrong. The fishermen will pay less than before.
"""


@pytest.mark.parametrize("text", [INTERVIEW, QA])
def test_an_interview_printed_as_a_script_gives_each_answer_to_its_speaker(text):
    d = doc_of(text)
    got = [(d.text[q.start:q.end][:15], q.kind, q.speaker) for q in d.quotes]
    assert got == [("Because the qua", "transcript", "Ana Ruiz"), ("They are wrong.", "transcript", "Ana Ruiz")]


@pytest.mark.parametrize("text", [
    # one labelled line: a headline's paraphrase, no script
    "Ruiz: Levy will rise to pay for the new quay\n\nMayor Ana Ruiz told the council on Monday that the levy would rise.",
    # a letter's salutation, and teams, are no speakers
    "DEAR ABBY: My older sister has just been told she is ill and I do not know what to say.\n\n"
    "DEAR WORRIED SISTER: Tell her that you love her and that you will be there when she needs you.",
    "Coach Ana Ruiz was pleased.\n\nThunder: Guard Tor Ek missed his third straight game with a sprained knee.\n\n"
    "Lakers: Ola Berg left the court in the second quarter with a cut above his eye.",
    # answers when the article is about a firm, whose one-word name the table holds as its main "person"
    "Vellcorp is thrilled to welcome a new chief. Vellcorp has grown fast and Vellcorp is hiring.\n\n"
    "Q: What are two words to describe how the first morning felt?\n\n"
    "A: Inspired and humbled, and I am honoured to serve this company.\n\n"
    "Q: What have you learned in your past roles?\n\n"
    "A: The importance of listening to people before making any decision.",
    # questions only, no one answering
    "Mayor Ana Ruiz faces the council.\n\nQ: Why raise the levy now, when the quay is nearly mended?\n\n"
    "Q: Will the fishermen pay more than they did last year?",
])
def test_labels_that_name_no_interviewee_make_no_quotations(text):
    assert not [q for q in doc_of(text).quotes if q.kind == "transcript"]


@pytest.mark.parametrize("text", [
    # an office ending in "-general" is a role the article's introduction gives its holder
    "The harbour's director-general, Ada Lind, spoke at noon.\n\n\"The pier is closed,\" the director-general said.",
    "LIVE: Pier closure \u2013 director-general Ada Lind faces the press\n\n12:18\nOn the cause: \"I am not going to "
    "guess,\" the director-general said.",
    "Ada Lind, inspector-general of the harbour board, spoke at noon.\n\n\"The pier is closed,\" the "
    "inspector-general told reporters.",
])
def test_general_offices_resolve_through_the_introduction(text):
    d = Doc(Article(id="t", text=text))
    assert [q.speaker for q in d.quotes] == ["Ada Lind"]


def test_a_general_office_no_one_holds_leaves_the_speaker_empty():
    d = Doc(Article(id="t", text="Harbour chief Ada Lind spoke at noon.\n\n\"The pier is closed,\" the "
                                 "director-general said."))
    assert [q.speaker for q in d.quotes] == [None]


def test_session33_a_town_its_clause_calls_its_and_an_edition_line_are_no_speakers():
    """The blind election-concession event: a paper's "English Edition" line and a town the article calls "its"
    ("Varnholm gave its former mayor 60 per cent") had been persons, and the "she" of the candidate's quotation
    theirs. Neither is a person now; the quotations they took have no speaker rather than a wrong one."""
    text = (Path(__file__).parent / "fixtures" / "speakers" / "edition_and_town.txt").read_text(encoding="utf-8")
    d = doc_of(text)
    speakers = {q.speaker for q in d.quotes}
    assert not speakers & {"English Edition", "Varnholm", "Edition"}, speakers
    people = d.__dict__["_discourse"].people.persons
    assert "Varnholm" not in people and "English Edition" not in people and "Ilse Marrow" in people, sorted(people)


def test_session33_a_leagues_premier_division_is_no_person():
    """The blind match-fixing event: "Eleven Premier Division matches" had made a person "Division" titled premier,
    and the "he said" of the federation's president its words. "Division" ends an organisation's name now."""
    d = doc_of("Match-fixing inquiry\n\nIvo Marr spoke in Quorvian at the federation's headquarters on Monday.\n\n"
               "Eleven Premier Division matches are under review. In our own translation, he said: \"This is the "
               "darkest day for our football.\" He called the scandal \"a betrayal of every fan\".\n")
    speakers = {q.speaker for q in d.quotes}
    assert "Division" not in d.__dict__["_discourse"].people.persons
    assert "Division" not in speakers, speakers


# -- session 34: the factory-closure event's interpreter and an untitled speaker's role, in our own words -----

@pytest.mark.parametrize("text", [
    # the interpreter's words are the speaker's, however the author credits them
    ("Plant news\n\nI sat at the back of the hall with a headset on, listening to Ilse Marrow close a plant in "
     "Norvish while interpreter Ada Venn turned it into English. \"This affects 900 jobs,\" as Venn put it.\n\n"
     "Marrow told the hall, in Venn's words: \"We looked at every option.\"\n"),
    ("Plant news\n\nThe chief executive, Ilse Marrow, spoke in Norvish; interpreter Ada Venn rendered her words "
     "into English. \"We looked at every option,\" Marrow said. \"None of them works here,\" Venn said.\n"),
])
def test_session34_an_interpreters_lines_are_the_speakers(text):
    d = doc_of(text)
    assert [q.speaker for q in d.quotes] and all(q.speaker == "Ilse Marrow" for q in d.quotes), \
        [(q.text, q.speaker) for q in d.quotes]


@pytest.mark.parametrize("text, speakers", [
    # a minister speaking with an interpreter keeps her quotations
    ("Health news\n\nSpeaking in Velmish, with an interpreter translating for foreign media, regional minister Ana "
     "Ruel said the wards \"will close by June.\" Union chief Tor Ekman said it was \"a disgrace\".\n",
     ["Ana Ruel", "Tor Ekman"]),
    # a role nobody holds, right after an untitled name, is that person
    ("Plant news\n\nIt was quiet in Hall 7 when Ilse Marrow stepped up to the microphone. \"I bring you hard news "
     "today,\" the Velcorp chief executive told the staff.\n\nSome 900 jobs go, Marrow said.\n", ["Ilse Marrow"]),
    # a transcript that "has her saying" gives her the words
    ("Airline news\n\nIngrid Malvane, the chief executive, spoke to staff on Monday. \"I will speak as if the whole "
     "country is listening,\" the transcript has her saying.\n", ["Ingrid Malvane"]),
])
def test_session34_speakers(text, speakers):
    d = doc_of(text)
    assert [q.speaker for q in d.quotes] == speakers, [(q.text, q.speaker) for q in d.quotes]


@pytest.mark.parametrize("text", [
    # someone else holds the role; two people named before it; a role's holder the article never names
    ("Plant news\n\nChief executive Tor Ekman was absent. It was quiet when Ilse Marrow stepped up. \"I bring you "
     "hard news,\" the chief executive told the staff.\n\nSome 900 jobs go, Marrow said.\n"),
    ("Plant news\n\nIlse Marrow and Tor Ekman walked in together. \"I bring you hard news,\" the chief executive "
     "told the staff.\n\nSome 900 jobs go, Marrow said.\n"),
])
def test_session34_the_role_is_not_given_when_the_text_does_not_decide(text):
    d = doc_of(text)
    assert "Ilse Marrow" not in [q.speaker for q in d.quotes], [(q.text, q.speaker) for q in d.quotes]




@pytest.mark.parametrize("text, body", [
    ("Airline news\n\nThe state-owned carrier Aervald confirmed the cuts. Ingrid Malvane, its chief executive, spoke "
     "on Monday. Aervald said the plan was final. She told staff: \"The number is about 1,100 positions.\"\n",
     "Aervald"),
    ("Airline news\n\nIngrid Malvane spoke to staff on Monday. Radio Kesta, the Seltz station that first aired the "
     "tape, did not say who leaked it. She also said: \"The state owns most of us.\"\n", "Radio Kesta"),
])
def test_session34_a_body_the_text_calls_a_carrier_or_a_station_speaks_no_one_elses_words(text, body):
    d = doc_of(text)
    assert body not in [q.speaker for q in d.quotes], [(q.text, q.speaker) for q in d.quotes]
    assert d.__dict__["_discourse"].people.persons[body].aside
