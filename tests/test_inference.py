"""Hedged inferences: author voice only, support in the article and in the corpus; seeds vs gold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from auditor.corpus import Corpus
from auditor.models import Article
from auditor.rules import load_rules
from auditor.text.document import Doc
from auditor.text.hedges import hedges

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures" / "attribution"
GOLD = Path(__file__).resolve().parent / "gold" / "seeds_gold.json"


def doc_of(text: str, aid: str = "t") -> Doc:
    return Doc(Article(id=aid, text=text))


def rule():
    return load_rules(select=["unverified-inference"]).get("unverified-inference")


@pytest.fixture(scope="module")
def fx():
    return doc_of((FIX / "hedges.txt").read_text(encoding="utf-8"), "hedges")


def test_hedge_inside_a_quotation_is_not_the_authors(fx):
    assert not [h for h in hedges(fx) if "may have" in h.cue]


def test_hedge_in_the_authors_voice_is_found_with_its_clause(fx):
    (h,) = [h for h in hedges(fx) if h.cue == "apparently"]
    assert fx.text[h.start:h.end] == "The convoy was apparently rerouted through Poltava"
    assert h.attribution is None


def test_hedge_inside_a_reported_statement_belongs_to_the_source(fx):
    (h,) = [h for h in hedges(fx) if h.cue == "likely"]
    assert h.attribution is not None and h.attribution.source == "Ivan Bondar"
    assert fx.text[h.start:h.end] == "the strike was likely aimed at the bridge"


def test_hedge_in_an_attribution_clause_is_left_to_the_attribution_rules():
    d = doc_of("It is believed that the bridge was hit. Reportedly, the convoy turned back.")
    assert hedges(d) == []
    assert {a.kind for a in d.attributions} == {"vague"}


def test_bare_modal_is_not_a_hedge_but_the_speculative_perfect_is():
    d = doc_of("Talks could resume on Monday. The strike may have damaged the substation.")
    assert [h.cue for h in hedges(d)] == ["may have"]


def test_unsupported_inference_names_the_missing_terms(fx):
    other = doc_of("Mayor Ivan Bondar said the shelling stopped and the convoy left.", "other")
    found = rule().run(fx, Corpus([fx, other]))
    conv = [f for f in found if fx.text[f.start:f.end].startswith("The convoy")]
    assert conv and conv[0].severity == "medium" and "Poltava" in conv[0].message
    assert not [f for f in found if "aimed at the bridge" in fx.text[f.start:f.end]]  # the mayor's


def test_inference_supported_by_another_article_is_info(fx):
    other = doc_of("The convoy was rerouted through Poltava, officials said.", "other")
    found = rule().run(fx, Corpus([fx, other]))
    conv = [f for f in found if fx.text[f.start:f.end].startswith("The convoy")]
    assert conv and conv[0].severity == "info"


def test_inference_echoed_in_another_articles_own_voice_is_still_the_authors(fx):
    # the same names and words elsewhere, with no source behind them there: an echo, not support
    other = doc_of("The convoy was probably rerouted through Poltava on the second night.", "other")
    found = rule().run(fx, Corpus([fx, other]))
    conv = [f for f in found if fx.text[f.start:f.end].startswith("The convoy")]
    assert conv and conv[0].severity == "low" and conv[0].data["support"] == "echo"


def test_seeds_inferences_match_the_gold():
    if not GOLD.is_file():
        pytest.skip("gold annotations not available")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    docs = [doc_of(p.read_text(encoding="utf-8"), p.stem) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    corpus = Corpus(docs)
    r = rule()
    found = {d.article.id: r.run(d, corpus) for d in docs}

    def span(aid, text):
        d = corpus.by_id[aid]
        return re.search(r"\s+".join(map(re.escape, text.split())), d.text).span()

    for g in gold["inferences"]:
        gs = span(g["article"], g["text"])
        hits = [f for f in found[g["article"]] if f.start < gs[1] and gs[0] < f.end]
        assert hits and hits[0].severity == "medium"
        assert "Greenland" in hits[0].message
    for g in gold["not_inferences"]:
        gs = span(g["article"], g["text"])
        assert not [f for f in found[g["article"]] if f.start < gs[1] and gs[0] < f.end]
    total = sum(len(v) for v in found.values())
    assert total == len(gold["inferences"])  # no other flag on the seeds


# -- interpretation and hedged implication in the author's voice (fixtures in our own words) --------

FLAGGED = [  # (text, the cue that must be flagged)
    # (session 29) the author's own guess in the first person, before its clause or set off by commas
    ("The harbour master spoke for ten minutes. I suspect the board will replace him by summer.", "I suspect"),
    ("The governor is candid about it. She is also, I suspect, out of options.", "I suspect"),
    ("My guess is that the vote will be closer than the whips expect.", "My guess is"),
    ("I doubt many passengers will notice the new timetable.", "I doubt"),
    ("I'd wager the levy is gone within a year.", "I'd wager"),
    # an aim read off appearances, with a degree before its preposition
    ("The pledge appeared designed as much for the television cameras as for the farmers.", "appeared"),
    ("The cut seemed aimed mainly at the regional councils.", "seemed"),
    # the outlet's national "our" after the paragraph's first sentence is no speaker's unmarked words
    ("Rendal told me his group might vote against the map.\n\nThen there is the toll. Our ferries will charge "
     "double from May. The toll appeared designed to please the mainland.", "appeared designed to"),
    # a mood read off faces and voices
    ("Families held a banner at the gate. The mood on the steps seemed less angry than relieved.", "seemed"),
    ("The chairman looked rattled by the second question.", "looked"),
    # the author's measure of what a speaker gave away, between the reporting verb and the quotation
    ('Near the end the mayor conceded more than she perhaps meant to: "We are a year behind."', "perhaps"),
    # (session 27) a comment set off by a dash after a relay's "quoted her as saying" is the author's
    ('"The banks are sound," Hoxha quoted her as saying - an apparent attempt to calm first-time buyers.',
     "an apparent"),
    # the author's forecast: a modal and a verb of consequence
    ("The new toll may lead to longer queues at the ferry port.", "may lead to"),
    ("Its outcome could reshape the island's fishing industry for decades.", "could reshape"),
    ("Reactions in the valley could vary, with some farmers welcoming the rule.", "could vary"),
    ("The governor's stance may resonate with rural voters but could further polarize the council.",
     "could further polarize"),
    ("If adopted, the scheme could redefine how the harbour is funded.", "could redefine"),
    ("The mayor spoke in what may be her last address to the council.", "what may be"),
    ("The governor's criticism appears particularly directed at the harbour board.", "appears particularly"),
    ("Her record may be overshadowed by the failed levy.", "may be overshadowed"),
    ("The pact could prove essential for the island's fishers.", "could prove essential"),
    ("The mayor said the budget was final, implying that the strike would go on.", "implying that"),
    # session 24: uncertainty the author states after a comma or a full stop, even next to a reporting clause
    ("The harbour master closed the port, and it is unclear whether the ferry will sail.", "it is unclear"),
    ("The governor said the plan was ready. It is unclear whether the board agrees.", "It is unclear"),
    ("The mayor spoke for an hour, implying that the count was complete.", "implying that"),
    ("Velt praised the dockers and the levy will probably pass.", "probably"),
    ("The closure will almost certainly hit the fishers hardest.", "almost certainly"),
    ("Chances are the port will close before winter.", "Chances are"),
    ("The levy will, in all probability, pass on Friday.", "in all probability"),
    ("The levy will probably pass, but the dockers said nothing.", "probably"),
    ("Roe announced a plan to sell the pier. The sale could reshape the port.", "could reshape"),
    ("It is unclear whether the bridge will reopen before winter.", "It is unclear whether"),
    ("The minister's visit appeared to signal a thaw with the neighbours.", "appeared to signal"),
    ("The convoy was presumably delayed at the border.", "presumably"),
    ("The mayor spoke on Monday, seemingly playing down the flood risk.", "seemingly"),
    ("The mayor's remarks suggest a shift on the budget.", "remarks suggest"),
    # round 2: the author's forecast with no hedge word, a mind read, a thing that hints
    ("Given the union's opposition, the plan for a second pier looks like a long shot.", "looks like a long shot"),
    ("The two mayors looked set to clash over the harbour fees.", "looked set to"),
    ("The new levy could be a serious blow to small fishing firms.", "could be a serious blow"),
    ("The harbour shut its gates an hour early, indicating that it did not consider the storm a minor one.",
     "indicating that"),
    ("The council raised the fees again, potentially driving the ferries to other ports.", "potentially"),
    ("Heavy cranes on the quay hinted at a larger expansion.", "hinted at"),
    ('"We will rebuild," the mayor added in an apparent swipe at the governor.', "in an apparent swipe at"),
    # round 3, by family: an "in what" reading, an implied target, a
    # hedged implication of an act, a mind read with a verb of knowing, a state of mind read off appearances
    ("In what amounted to a climb-down, the council reopened the pier.", "In what amounted"),
    ("The mayor's speech carried a thinly veiled warning to the unions.", "thinly veiled warning"),
    ("The governor's silence hints at a split in the cabinet.", "silence hints at"),
    ("The council cut the fees again, which suggests that the budget is not as tight as claimed.",
     "which suggests"),
    ("The mayor opened the session calmly. She knows that a vote of no confidence hangs over her.",
     "knows that"),
    ("With ferries arriving every hour, the governor now seems determined to keep the pier open.",
     "seems determined"),
    ("The harbour board appeared unfazed by the protest.", "appeared unfazed"),
    # session 16: a verb of evidence hedged by a possibility in what it reads, or a participle before a
    # possible outcome
    ("The minister's remarks signal that the government may cap mooring fees.", "remarks signal that"),
    ("The board delayed the vote again, which indicates that the levy could be dropped.", "which indicates"),
    ("The levy was framed as a safety measure, indicating a potential shift in how repairs are paid for.",
     "indicating"),
    ("The ferry line cut two crossings, signalling that it might leave the island route.", "signalling"),
    # a hedged apposition before a reporting verb that introduces a quotation: the author's setting
    ('At the summit, in a likely nod to the fishing lobby, the mayor said: "We will protect the quays."', "likely"),
    ('During the session, a likely reference to the spring flood, Mayor Ana Ruiz said: "Never again."', "likely"),
    # round 4: uncertainty about any open question, not only "whether"
    ("It is unclear how the new levy would change ferry prices.", "It is unclear"),
    ("It was not clear how the council would pay for the second pier.", "It was not clear"),
    # an appositive after the reported words is the author's comment on them, not the speaker's words
    ("The mayor acknowledged the volunteers on the pier, a group likely to grow after the storm.", "likely"),
    ("The mayor announced a new levy, a move likely to anger the fishers.", "likely"),
    # round 7: a modal label the author puts on an act
    ("The mayor opened the pier and delivered what could be one of her most important speeches yet.",
     "what could be one of"),
    ("The governor will have to answer what may be called a provocation.", "what may be called"),
    # the author's "we" in a paragraph that follows no one's reported words
    ("The ferry left late on Monday.\n\nWe may never know why the captain apparently waited.", "apparently"),
    # a crowd's expectation is the author's forecast, not a reading put on the crowd
    ("The governor was widely expected to veto the levy on Monday.", "widely expected to"),
    # round 8: an impression the author reports, a participle of seeming, a conditional forecast
    ("The applause in the hall sounded like it came only from the front row.", "sounded like"),
    ("It didn't seem like many delegates were ready to give up the levy.", "didn't seem"),
    ("It did not appear that anyone on the board would change the harbour law.", "did not appear"),
    ("The governor closed the speech on trade, seeming to threaten the smaller islands.", "seeming to"),
    ("If approved, the fund could reshape how the ferries are paid for.", "If approved,"),
    # session 12: ending something by its name is a consequence ("could end the bloodshed")
    ("A quick settlement could end the dispute that has kept the ferries idle.", "could end the"),
    ("A ceasefire might put an end to the shelling of the coast.", "might put an end to"),
    # forms a reading of other events' coverage showed (session 12): harm or help forecast, an expectation
    # no one is named for, a mind read in the future, a reading off appearances
    ("The levy could therefore hurt fishermen across the island.", "could therefore hurt"),
    ("The mayor's speech is expected to resonate with young voters.", "is expected to resonate"),
    ("The mayor will be acutely aware that her majority is thin.", "will be acutely aware"),
    ("Judging from the applause, the plan won over the delegates.", "Judging from"),
    # round 9: what a thing suggests stays a reading, whatever modal follows; an appearance with no time
    # before the story's
    ("The new trains arrived on Monday, suggesting the line should reopen soon.", "suggesting"),
    ("The Harbour Party looked headed for defeat in the final count.", "looked headed for"),
    ("The mayor was popular. That was until she appeared to mock the fishers in a speech.", "appeared to"),
    # session 23: what is no speech "suggested" in the past: still the author's reading
    ("The mayor's tone suggested she had lost patience with the board.", "tone suggested"),
    ("The timing of the visit hinted at impatience in Vell.", "timing of the visit hinted at"),
    # session 23: a hedged clause with no second person stays the author's, whatever the sentence's other
    # clause says to the reader
    ("While it is likely that more ferries sink than are counted, it is nothing you should worry about.",
     "likely"),
]

NOT_FLAGGED = [
    # (session 29) a first-person guess about the author's own experience or plans; a speaker's guess
    "I suspect I was not the only reporter in the room who had never seen a turbine up close.",
    "We spent a week on the island. I suspect we will be back before the autumn.",
    '"I suspect the board will replace him," the analyst said.',
    "The union said it would probably ballot members next week.",
    "The plan was designed for a city of half a million.",
    "The sea looked calm when the ferry left the harbour.",  # a sight, no mood read off anyone
    '"The families seemed relieved," the chaplain said.',
    # a plain reading with no possibility, evidence of an event, a reading a named source makes (session 16)
    "The minister's remarks signal a shift on mooring fees.",
    "Smoke from the chimney signalled that the meeting was over.",
    "The mayor said the vote signals that the council may reconsider the budget.",
    "The harbour board's figures indicate that fees may rise, the port's director said.",
    # a fronted clause before ", X said." is what X said
    "The storm will likely hit the coast on Friday, the minister said.",
    # a modal with no verb of consequence is neutral; a forecast someone else makes or fears is reported
    "The new ferry could carry four hundred passengers, and talks on the route could resume in May.",
    "The harbour master warned that the storm could escalate into a flood.",
    "Fishermen fear that a second closure could embolden the developers.",
    "The council asked what could be done about the levy, and the fee could be paid in May.",
    "The ferry may be delayed by fog, the harbour board said.",
    "The talks could end on Friday, and the ferry strike might end sooner.",
    "The mayor said a settlement could end the dispute.",
    "The tickets could cost fifty crowns and the ferry is expected to arrive at noon.",
    "The harbour board expects the levy to boost revenue.",
    "Analysts at the island bank said the deal could boost exports.",
    # a named or titled describer's words, and a reporting verb with its setting before "that" (session 12)
    "The mayor was voted out in what host Ana Lind described as the hardest verdict of the year.",
    "The mayor was voted out in what the harbour master called a betrayal.",
    "The general told the Harbour Courier this month that his troops are likely to stay for years.",
    "Island groups expressed concerns that the levy might derail the festival.",
    # a source's words printed without their marks: a first-person-plural paragraph right after the report
    "The harbour board rejected the plan on Monday, saying it was mistaken.\n\n"
    "As far as we understand, the plan was apparently drawn up in a hurry.",
    '"We do not know what could be one of the causes," the engineer said.',
    # a hedge inside a quotation is the speaker's
    '"It is unclear whether the bridge will reopen," the engineer said.',
    '"It is not clear how we pay for the pier," the treasurer said.',
    # an apposition inside what the speaker said stays the speaker's
    "The mayor said the ferry, a vessel built in 1990, would likely be replaced.",
    # a participle that continues the speaker's reported argument
    "The senator described the new duties on steel, suggesting that large economies use trade as a lever.",
    "She listed the closed factories, suggesting that the subsidies had failed.",
    # the author's first-person aside about their own experience
    "I have covered four of these summits, and this one was probably the calmest.",
    # a hedge inside an attribution clause is vague sourcing, not an inference
    "It is believed that the convoy turned back.",
    # the content of a participle of a reporting verb is the subject's
    "The council played down the flood, saying the river would likely fall by Friday.",
    "The harbour ministry believes that the ships will probably leave tonight.",
    # round 2: a person hinting (reported speech), sourcing, naming what one sees, a scene, evidence,
    # a schedule, a reading of a sign
    "The governor hinted at a larger expansion.",
    "The new ferry is believed to carry four hundred cars.",
    "Divers found what appeared to be an old anchor.",
    "The square hummed with an energy that seemed to ripple through the crowd.",
    "White smoke rose over the harbour, signalling that the vote had ended.",
    "The ferry service is set to resume on Monday.",
    "The closure could be taken as a sign of trouble.",
    "The mayor angered the fishers by posting a photo of the pier, even though the two looked calm.",
    # round 3: a reading reported from a speaker, an act whose content is reported, a knowing verb with a
    # reporting clause or a non-person subject, a visible state, "appeared" as a verb of place, an
    # unhedged reading (coders did not count it), a crowd adverb used as an adjective
    "The mayor said the comments suggest the union will strike.",
    "The ministry statement suggested that talks resume on Monday.",
    "The mayor said she knows that the vote is close.",
    "Everyone knows that the ferry is late in winter.",
    "The mayor looked tired after the long session.",
    "The governor appeared at the pier at noon.",
    "The announcement signals a change of course for the port.",
    "A widely read column praised the new pier.",
    # the speaker's own name for an act, reported; a hedge that introduces the speaker's quoted words
    'The mayor said "the pier is ours," in what she described as a long fight for the town.',
    'The mayor attacked the board, calling the closure a "shameful act" suggesting that "the fishers do not matter."',
    # round 8: a choice not taken, a participle continuing a speech's argument, what a speech was used to
    # say, a condition with no forecast after it
    "The governor could have offered a compromise at the summit. Instead, he doubled down on the levy.",
    "The mayor could have stayed silent, but instead she named the board members one by one.",
    "His remarks also touched on the ferries, suggesting that the islands need new partners.",
    "The governor used his speech to warn that the pier appears to be unsafe.",
    "If approved, the levy takes effect in May.",
    # session 23: a body the wire names by its trade ("the carmaker", "the brokerage") says the hedge
    "The carmaker said sales would likely fall in the spring.",
    "A long slowdown could result in lower prices, the brokerage said in a note.",
    "The utility said the outage was probably caused by a falling tree.",
    "The club said the striker would likely miss two games.",
    # a gerund after a preposition names an act ("such as suggesting", "by suggesting that"), no reading
    "The new dashboard has features such as suggesting a faster route to the driver.",
    "The minister angered fishers by suggesting that the port may close in winter.",
    # a reporting clause closing the sentence holds an interpretive cue too
    "The mayor seemed to suggest, in her speech, that the board was to blame, one analyst said.",
    "It is unclear how many people came to the pier, police said.",
    "The mayor's remarks appeared to signal a change of course, the harbour board said.",
    # session 24: an interpretive cue inside the clause a reporting verb reports is the source's
    "The harbour master said it was unclear whether the ferry would sail on Friday.",
    "Officials told reporters that it is not yet clear how many homes lost power.",
    "Two analysts said the bank's move appeared to signal a pause in rate rises.",
    "According to the coast guard, it remains unclear whether the crew survived.",
    # the same odds in a speaker's words
    '"Chances are we will close," the mayor said.',
    "The mayor said the closure would almost certainly hit the fishers.",
    # a role no title lists still speaks: its hedge is reported ("the harbour master", "the coroner")
    "The harbour master said the ferry would likely sail on Friday.",
    "The coroner said the driver had probably fallen asleep at the wheel.",
    # a subject and its verb of saying with the content after them, no "that"; a reporting clause late in a
    # sentence with no quotation, its setting after it
    "Vell's harbour master suggested the most likely cause of the delay is the fog.",
    "Both unions said they were hopeful the talks could lead to a deal.",
    "The ferry would likely run late all week, or at least until Friday, the harbour board wrote in its notice, "
    "which was posted on Monday.",
    # what unnamed evidence or theories say: vague sourcing, read by the attribution rules
    "Fad diets can be unhealthy, and studies show that strict plans may trigger binges.",
    "His death was shadowed by conspiracy theories suggesting he had been murdered.",
    # an unnamed group named by a plural person's noun holds the hedge (vague sourcing, not the author's guess)
    "The strike will likely spread to the northern ports, union leaders warned on Monday.",
    "Local fishermen said the catch would probably halve.",
    # a speech's words in the past: what the statement said, reported
    "The mayor's statement suggested that talks resume in May.",
    # advice to the reader in the hedged clause: no conclusion about the events
    "You have probably heard that the ferries run late in winter.",
    "The poorer you are, the more you are likely to pay for the ferry.",
    "Or perhaps you would rather take the early boat.",
    # round 9: how things looked once, which the story goes on to contradict; a proposal someone made
    "The Harbour Party, which seemed headed for collapse just months ago, won a fourth term on Monday.",
    "The Harbour Party had appeared to be heading for defeat until the governor attacked the port.",
    "At the start of the year the Harbour Party looked headed for a wipeout.",
    "Mayor Roe shocked many by suggesting the island should join Norland.",
    "The governor threatened the port and the ferries, suggesting they should be sold to Norland.",
]

TRANSCRIPT = "\n\n".join([
    "Thank you all for coming this evening.",
    "We have worked hard this year, and I am proud of our teams.",
    "Our harbour is busier than it has ever been.",
    "We will probably need a second pier within five years.",
    "I know that some of you worry about the cost.",
    "We have found the money in the existing budget.",
    "Our partners in the region have been generous.",
    "I want to thank the dock workers in particular.",
    "We will open the new terminal in the spring.",
    "Thank you, and good night.",
])


def _flags(text: str):
    d = doc_of(text)
    return d, rule().run(d, Corpus([d]))


def _in_authors_voice(text: str) -> bool:
    """Whether the text holds a hedge no attribution holds: the author's own."""
    return bool([h for h in hedges(doc_of(text)) if h.attribution is None])


# A reading put on an unnamed crowd is vague sourcing (the attribution rules report it) and the author's
# interpretation put on no one (the issue asks for both; the invented events' coders mark it an inference,
# the real events' coders a vague source): flagged low, and a vague attribution.
CROWD_READINGS = [  # (text, the cue)
    ("The mayor skipped the ceremony, which was widely interpreted as a protest.", "widely interpreted as"),
    ("The governor closed the port in what is seen as a warning to the unions.", "in what is seen as"),
    ("The governor closed the port, in what some called a warning to the unions.", "in what some called"),
    ("The vote was widely viewed as a rebuke of the cabinet.", "widely viewed as"),
    ("The new tariff is seen by many as a bargaining chip.", "seen by many as"),
    ("The court ruling was widely seen as a win for the fishers.", "widely seen as"),
    ("The levy is increasingly regarded as a stopgap.", "increasingly regarded as"),
    ("The ferry fee is viewed by critics as a tax on islanders.", "viewed by critics as"),
]


@pytest.mark.parametrize(("text", "cue"), CROWD_READINGS)
def test_a_crowds_reading_is_vague_sourcing_and_a_low_inference(text, cue):
    d, hits = _flags(text)
    i = text.index(cue)
    assert [h for h in hits if h.start <= i < h.end and h.severity == "low" and h.data.get("crowd")], hits
    i = text.index(cue)
    assert [a for a in d.attributions if a.kind == "vague" and a.start < i + len(cue) and i < a.end]


@pytest.mark.parametrize(("text", "cue"), FLAGGED)
def test_interpretation_and_implication_in_the_authors_voice_are_flagged(text, cue):
    d, found = _flags(text)
    at = text.index(cue)
    assert [f for f in found if f.start <= at < f.end and f.severity == "medium"], (text, found)


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_speakers_hedges_and_asides_are_not_flagged(text):
    assert _flags(text)[1] == []


def test_hedges_in_a_published_transcript_are_the_speakers():
    from auditor.text.hedges import is_transcript

    d = doc_of(TRANSCRIPT)
    assert is_transcript(d) and hedges(d) == []
    reported = doc_of(TRANSCRIPT.replace("We will probably need", "The port will probably need"), "r")
    assert not is_transcript(doc_of("The port will probably need a second pier, the mayor said.\n\n" * 9))
    assert [h.cue for h in hedges(reported)] == ["probably"] or is_transcript(reported)


_PORT = "Port of Vell\n\nMayor Jane Roe announced on Monday that the north quay would close for repairs in May.\n\n"


@pytest.mark.parametrize(("sentence", "authors"), [
    # a possibility the author raises, and a reading of an act as its consequence
    ("It is possible that the quay will never reopen.", True),
    ("It\u2019s possible that the traders will move to Ostby.", True),
    ("The decision could signal a wider retreat from the harbour.", True),
    ("The closure may spell trouble for the dockers.", True),
    # near misses: no hedge, an idiom, a forecast an unnamed group makes, a bare modal
    ("As soon as possible, the quay will reopen.", False),
    ("A dry berth could mean the difference between profit and loss.", False),
    ("The lamps on the pier signal the harbour entrance.", False),
    ("Rain is likely on Tuesday, forecasters said.", False),
    ("Talks could resume on Friday.", False),
    # comparing things, what was out of reach, a description in passing: no guess of the author's
    ("It is also the least likely of the three ferries to run late in winter.", False),
    ("The crew reached a harbour they never could have imagined as boys.", False),
    ("These seemingly misplaced cranes serve the north quay well.", False),
    # the same words as the author's guess
    ("The ferry will likely run late in winter.", True),
    ("The crew could have reached the harbour by noon.", True),
    ("The cranes were seemingly moved at night.", True),
])
def test_the_authors_guesses_and_the_words_that_only_look_like_one(sentence, authors):
    d = doc_of(_PORT + sentence + "\n")
    assert bool([h for h in hedges(d) if h.start >= len(_PORT) and h.attribution is None]) is authors


@pytest.mark.parametrize(("text", "source"), [
    ("The team probably deserved to lose, the coach conceded.", "the coach"),
    ("The fire was probably started by a faulty cable, investigators said.", None),  # vague, but a source's
])
def test_a_hedge_before_a_closing_reporting_clause_is_the_sources(text, source):
    (h,) = hedges(doc_of(text))
    assert h.attribution is not None and h.attribution.source == source


@pytest.mark.parametrize(("text", "flagged"), [
    ("A poll of likely voters shows a tight race.", False),  # the pollsters' term
    ("Among likely Republican primary voters, Ruiz leads.", False),
    ("Ruiz is the likely winner of the primary.", True),  # the author's forecast
    ("Most voters will likely stay home.", True),
])
def test_likely_voters_is_a_term_not_a_forecast(text, flagged):
    assert bool([h for h in hedges(doc_of(text)) if h.attribution is None]) == flagged


@pytest.mark.parametrize(("text", "authors"), [
    # a comment after a reporting clause that reports the quotation before it is the author's
    ('"We will wait for the facts," she said, apparently a reply to the union\'s remarks.', True),
    ('"We are ready," Ruiz said, probably the clearest signal yet that talks will resume.', True),
    # ... but what the clause reports is the speaker's
    ('"We will wait," she said, adding that the checks would likely take a week.', False),
    ("Ruiz said the checks would likely take a week.", False),
    # a condition is no source: what follows it is still the author's forecast
    ("If confirmed, a fault on several airframes would likely point to the supplier.", True),
    # a decision, with its complement, that suggests a motive
    ("The decision to pay without requiring a claim suggests the firm is keen to avoid a lawsuit.", True),
    # the writer ranking what they report is no guess
    ("Perhaps the most revealing moment came at the end of the hearing.", False),
    ("Arguably the most striking exchange was about money.", False),
    ("Perhaps the firm will settle before the hearing.", True),
])
def test_comments_conditions_and_rankings_in_the_authors_voice(text, authors):
    assert _in_authors_voice(text) is authors


def test_a_condition_opening_a_sentence_is_no_vague_source():
    assert not [a for a in doc_of("If confirmed, the fault would point to the supplier.").attributions
                if a.kind == "vague"]
    assert [a.kind for a in doc_of("As reported, the fault points to the supplier.").attributions] == ["vague"]


@pytest.mark.parametrize(("text", "authors"), [
    # a comment after a dash that closes the reporting clause of a quotation
    ('"Summers like this are no longer rare," Ek said - likely a reference to the summer of 2018.', True),
    # the author reading the words the speaker gave
    ('Ek said: "If the review finds I failed, I will go." The remark was likely a nod to the anger in Vell.', True),
    # ... but what a speech says is the speaker's ("His remarks suggest ..." is read elsewhere)
    ('Ek said the fires were likely to spread.', False),
    # an aim or an audience read off appearances
    ("Ek's decision to speak in English seemed designed for an audience in Brussels.", True),
    ("The new bridge was designed for heavy lorries.", False),
])
def test_the_authors_reading_of_what_was_said(text, authors):
    assert _in_authors_voice(text) is authors


@pytest.mark.parametrize(("text", "authors"), [
    # a word of saying after a determiner or a possessor is a noun, the sentence's subject, not a reporting verb
    ("The mayor's pledge of a review appeared to be an attempt to calm the harbour.", True),
    ("The promised visit to the valley seems designed to cool tempers.", True),
    # ... while a verb of saying with its content after it holds the hedge
    ("The mayor pledged the review would probably start in May.", False),
])
def test_a_speech_noun_as_subject_leaves_the_hedge_the_authors(text, authors):
    assert _in_authors_voice(text) is authors


@pytest.mark.parametrize(("text", "authors"), [
    # the outlet's own "our" opening a paragraph is the author's voice, not a source's unmarked words
    ('Mayor Ilse Marrow said the harbour would close. "It is the only way," she said.\n\n'
     "Our read: The closure is probably the start of a longer fight.", True),
    ('Mayor Ilse Marrow said the harbour would close. "It is the only way," she said.\n\n'
     "10:05 - Welcome to our live coverage. The vote will probably come late tonight.", True),
    # ... a paragraph in the first person plural after a reported one is still the source's
    ('The council rejected the claim, saying the works were on time.\n\n'
     "As far as we know, the bridge will probably reopen in May.", False),
])
def test_the_outlets_own_we_is_the_authors_voice(text, authors):
    assert _in_authors_voice(text) is authors


@pytest.mark.parametrize(("text", "authors"), [
    # an adverb of evidence before a verb of the mind, a person as subject: the author asserts a mind
    ("Neither answer is comforting, and the harbour master plainly knew it.", True),
    ("The minister clearly wanted the vote over by Friday.", True),
    # ... not what was heard, nor a thing as subject
    ("The mayor clearly said the harbour would close.", False),
    ("The figures clearly show a fall in admissions.", False),
    # everyone's knowledge is no one's mind read
    ("Anyone who has driven the pass in January knows that forty minutes is a fantasy.", False),
    ("The mayor, who has driven the pass in January, knows that forty minutes is a fantasy.", True),
    # an aim read off appearances, not a likeness
    ("The hurried clip looked like a bid to save her own job.", True),
    ("The timing seemed like a calculated ploy.", True),
    ("The new ferry terminal looks like a ship.", False),
    # a forecast in the imperative, opening the author's sentence
    ("Births matter most to the valley. Expect the regional parliament to push for a delay.", True),
    ("Expect more closures before the summer.", True),
    ("Residents expect the ward to close.", False),
    # an impression raised to be denied is no guess
    ("Read quickly, that sounds like a let-off. It is not, and she said so.", False),
    ("At first sight the deal seems like a retreat. It isn't.", False),
    ("The deal seems like a retreat. It was signed on Friday.", True),
])
def test_minds_aims_and_forecasts_in_the_authors_voice(text, authors):
    assert _in_authors_voice(text) is authors


@pytest.mark.parametrize(("text", "authors"), [
    # a thing read as a sign of what is not shown: a fact, a mood, a decision, a record
    ("The mayor gave no date. The fact that the crews have kept working since Friday suggests that the pumps "
     "survived the flood.", True),
    ("The minister said the talks were over. The mood in the square suggested that few people believed him.", True),
    ("The board put off its vote. The decision to wait is a sign that the directors may have found more debts.", True),
    ("Repairs like this have been tried before. But the firm's own record suggests that quick repairs rarely last.",
     True),
    # ... not a source's or a speech's content, nor a person's proposal, nor what someone said it meant
    ("Polls suggest that the mayor is ahead.", False),
    ("The data suggests that turnout fell in the north.", False),
    ("Mayor Lena Marsh spoke on Monday. The statement suggested that talks resume in May.", False),
    ("Councillor Ivo Brandt spoke next. Brandt suggested that the vote be delayed.", False),
    ("The minister said the delay was a sign that the contractor may have cut corners.", False),
    ('She said the port was "open for business" and suggested that the damage had been caused by storms.', False),
    ("Our initial testing suggests that the new ferry can hold its speed in a swell.", False),
    ("The mayor has recently tried to suggest that he barely knows the contractor.", False),
])
def test_a_thing_read_as_a_sign_is_the_authors_reading(text, authors):
    assert _in_authors_voice(text) is authors


@pytest.mark.parametrize(("text", "authors"), [
    # a reporting clause set off between dashes holds its own quotation, not the clause after the pair
    ('Her refusal to name a culprit - "It is too soon," she told one reporter - appeared to be a signal that the '
     'port expects a long inquiry.', True),
    ("Her refusal to name a culprit \u2013 \u201cIt is too soon,\u201d she told one reporter \u2013 appeared to "
     "signal a long inquiry.", True),
    # ... but a parenthetical reporting clause with no quotation inside holds the whole sentence
    ("The crane \u2013 Lena Marsh said \u2013 is likely to be repaired by May.", False),
    # a participle after a source of facts ("according to") reads them in the author's voice
    ("Pressure in the main line never rose, according to reports in Brindish media, suggesting that the valve "
     "failed before the test.", True),
    ("Pressure in the main line never rose, the engineers said, suggesting that the valve may have failed.", False),
    # the author's conditional forecast on their own reading
    ("The fault lies in the wiring, engineers said. If that holds, the repair could be quick.", True),
    ("If so, the bridge could reopen within a week.", True),
    ('"If that holds, we could finish by May," Marsh said.', False),
    # a verb that took an object, then a new clause after "and": the author's; a clause it reports stays its
    ("One member argued for holding rates on Wednesday, and the governor's insistence on flexibility was probably "
     "aimed at keeping that member on side.", True),
    ("The mayor said the strike was over, and the talks would probably resume on Monday.", False),
    # a crowd's reading placed somewhere
    ("That reply is widely seen in Larn as a wager that the review will clear him.", True),
    ("The ruling is widely regarded among lawyers as a setback for the firm.", True),
])
def test_parentheticals_participles_and_conditions_in_the_authors_voice(text, authors):
    assert _in_authors_voice(text) is authors


@pytest.mark.parametrize(("text", "authors"), [
    # a strong possibility, near certainty, an impression read as a judgement, the author's own doubt
    ("Yet the care with which she avoided the subject may well reflect a fear that the answer points at a supplier.",
     True),
    ("The gap between nine alerts and six cases may well mean that three matches were set aside.", True),
    ("The closure is almost certain to become the defining test of his term.", True),
    ("It was a tacit admission that the board had been asleep.", True),
    ("It is hard to see how the board survives another scandal of this kind.", True),
    ("It is hard to avoid the suspicion that the timetable was set by the news cycle.", True),
    ("It reads like the words of someone who has already counted the votes.", True),
    ("It was meant to sound like resolve; it read more like a plea to the sponsors.", True),
    ("He looks like a man who has not slept in a week.", True),
    # a thing's reading with its head before what it is of or about, or a clause as subject
    ("The refusal of the president to name anyone is surely a sign that the police asked for silence.", True),
    ("The mood on Harbour Road suggested a town that has begun to grieve for its club.", True),
    ("That the office cannot yet give a final figure is a sign that the damage is not understood.", True),
    # what was said, read by how it sounded
    ('Varro said the firm had "given us everything so far" \u2013 a phrase that sounded generous but carefully left '
     'room for more.', True),
    ("She gave an answer that seemed rehearsed.", True),
    ("The siren that sounded at noon was a test.", False),
    ('"It was a promise that sounded hollow," the mayor said.', False),
    # ... not a speaker's own words or what a speaker said, nor a person's or a body's proposal
    ('"We may well lose the final," the coach said.', False),
    ("The coach said the squad may well be broken up in June.", False),
    ("The minister suggested a delay of two weeks.", False),
    ("Councillor Ivo Brandt suggested a compromise on the fares.", False),
    ("The report suggested a link between the two outbreaks.", False),
])
def test_possibilities_impressions_and_doubts_in_the_authors_voice(text, authors):
    assert _in_authors_voice(text) is authors


# session 31: the blind events' families (bridge-collapse and vaccine-recall; chemical-leak and election-concession;
# court-ruling and stadium-crush): certainty, suspicion and signals; forecasts with no hedge word, odds put as advice,
# readings put as orders, the author's premise granted; verdicts; not a timetable, a quotation or a speaker's
SESSION31_READINGS = [
    # near certainty and the author's suspicion with no hedge word
    ("There is every chance the ferry office will have to open on Sunday as well.", True),
    ("The flooding all but guarantees a review of the harbour wall before winter.", True),
    ("One suspects the council was more worried in private than it let on.", True),
    ("It is hard not to read the early closure as a warning to the unions.", True),
    ("The timing of the announcement was no accident.", True),
    ("The harbour master gave every sign of having slept in his office.", True),
    ("The mayor is plainly betting that the vote will be forgotten by spring.", True),
    # a signal read off an act, in the analyst's present, its subject opening the sentence
    ("The choice of Ruth Amsel, whose audit shook two councils, signals that the board wants a clean break.", True),
    ("Naming the contractor on the first day signals that the port has no wish to protect it.", True),
    ("The decision to shut every pier at once, rather than one by one, suggests the board distrusts its surveys.",
     True),
    ("The decision to print the names of the streets before the letters went out is a sign that the office "
     "feared a leak.", True),
    # ... not a speaker's, a source's, a person's proposal, or what an event showed at the time
    ('"The delay was no accident," the fire chief said.', False),
    ("Tomas Reed said the delay was no accident and that the firm had been warned.", False),
    ("The survey suggests the pier has settled by four centimetres.", False),
    ("The harbour master suggests the cause is the fog.", False),
    ("A bell from the tower signalled that the vote was over.", False),
    ("The mayor's statement signals that the council will pay.", False),
    ("The crew is plainly visible from the quay.", False),
    ("Other councils in the region will be watching the vote closely.", True),
    ("The neighbouring government, which never hid its preference, will be quietly relieved.", True),
    ("Residents of the old dock will not be surprised.", True),
    ("The contract will not survive the winter.", True),
    ("Don't count on the trams running normally before the weekend.", True),
    ("Read that as a rebuke to the deputy.", True),
    ("The mayor had better enjoy the office while it lasts.", True),
    ("It looks like the city and the firm are heading for a messy divorce.", True),
    ("If that is right, the inspectors were relying on false paperwork.", True),
    ("Its silence on the allegation is hard to read as anything other than an admission.", True),
    ("The final count will likely be published on Friday morning.", False),
    ("The council will meet on Tuesday to set the budget.", False),
    ('"We will be watching every step," the mayor said.', False),
    ("The mayor said the firm would do little to help.", False),
    ("The trams will be watched by inspectors on Friday.", False),
    ("If that is right, the mayor said, the inspectors were misled.", False),
    # (the blind court-ruling and stadium-crush events)
    ("It is hard to read that sentence as anything other than a rebuke to the deputies.", True),
    ("Her refusal to face the press speaks volumes.", True),
    ("Make no mistake: this is a humiliation for the minister.", True),
    ("The delay is a detail the government's critics will not be slow to point out.", True),
    ("The ruling will embolden rights groups across the region.", True),
    ("It is hard to believe nobody in that boardroom saw this coming.", True),
    ("The crush has all the hallmarks of an exit failure.", True),
    ("If that is confirmed, the episode looks less like a lapse than a design conflict.", True),
    ("The funeral is likely to take place on Friday at St Adalbert's.", False),
    ('"This speaks volumes," the fan said.', False),
    ("The club said it had all the hallmarks of a planned protest.", False),
]


@pytest.mark.parametrize("text, authors", SESSION31_READINGS)
def test_session31_readings_in_the_authors_voice(text, authors):
    assert _in_authors_voice(text) is authors


def test_session31_a_cue_before_a_colon_governs_what_the_colon_opens():
    d = doc_of("Make no mistake: the concession was arithmetic, not generosity.")
    h = [h for h in hedges(d) if h.attribution is None]
    assert h and d.text[h[0].start:h[0].end].endswith("not generosity"), [(d.text[x.start:x.end]) for x in h]


# session 32: the held-out ferry-sinking and currency-devaluation events' families: inevitability, double negation,
# bets and the past as a guide, motives read off acts, the author's certainty, forecasts of
# what people will meet or feel; not an obligation, a destination, a design's date, a schedule or a speaker's
SESSION32_READINGS = [
    ("Heads are bound to roll at the ferry company.", True),
    ("The chairman is bound to face questions about the timetable.", True),
    ("It is not impossible that the board will reverse the decision by spring.", True),
    ("It's a safe bet that the union will win the vote.", True),
    ("If history is any guide, the inspectors will be back before Easter.", True),
    ("If past form is anything to go by, the tolls will rise again next year.", True),
    ("The Sunday timing was plainly meant to deny the unions a last day of talks.", True),
    ("The late release was clearly designed to bury the figures.", True),
    ("The chairman's tough words are aimed squarely at the dock owners.", True),
    ("Her remarks were aimed less at the unions than at her own board.", True),
    # (not "Tuesday's announcement signals a tougher line": the real events' coders did not count an announcement's
    # signal, whose content the article reports; see the round 3 case above)
    ("It is clear that the chairman wants to be seen as in charge.", True),
    ("The auditor has clearly studied the accounts line by line.", True),
    ("The helpline can expect to be swamped in its first week.", True),
    ("It will be a long time before the island forgives the company.", True),
    ("Those promises will be tested.", True),
    ("The question of the timetable will dominate the days ahead.", True),
    ("The smaller ports will feel the effects within a month.", True),
    ("The company is legally bound to report the loss.", False),
    ("He is bound for Brannock on the morning boat.", False),
    ("The timetable was designed in 2019 by the port authority.", False),
    ("The report will be published next week.", False),
    ("The trial will be tested in two harbours first, the ministry said.", False),
    ('"Heads are bound to roll," the union leader said.', False),
    ("The inspector said it was clear that the rafts had not been serviced.", False),
    ("The campaign is aimed at first-time buyers.", False),
    # (the blind telecom-breach and museum-theft events) odds, certainty, a career's end, readings off appearances,
    # a bet, the author's framing, a premise granted, forecasts of reactions; not the reader addressed, a speaker's
    ("This case will surely give arguments to those who want stricter rules.", True),
    ("A minister who had seen nothing alarming would surely have been tempted to say so.", True),
    ("The chief executive's days in the top job look numbered.", True),
    ("Her refusal to name a culprit looked less like caution than the reflex of a frightened company.", True),
    ("It looks very much like a slip by the translator rather than a scoop.", True),
    ("The chairman is betting that candour will buy him time.", True),
    ("But the real scandal is not the hack; it is the memo.", True),
    ("Maybe the paintings are already abroad.", True),
    ("If so, she read that memo.", True),
    ("Expect every auction house in the region to re-examine its stock.", True),
    ("The week-long gap will draw questions from the regulator.", True),
    ("Her line on resignation will play well with customers.", True),
    ("The fine will be the least of her problems.", True),
    ("The breach will accelerate the consolidation of the billing stack.", True),
    ('"Maybe we were lucky," the survivor said.', False),
    ("Get ready to enjoy the work, maybe for the first time ever.", False),
    ("The team's numbered shirts were auctioned.", False),
    ("If so requested, the office will send a copy.", False),
    ("Expect your inbox to fill with fake emails this week.", False),  # the reader addressed: advice
    ("The minister said the fine would surely be appealed.", False),
    ("The real estate market fell by 4 per cent.", False),
    ("The mayor will draw up a plan by Friday.", False),
    # a named source's hedge in reported speech after a long apposition, or one with a relative clause of its own
    ("Dr Fenna Lauritz, a former art-crime investigator who now teaches at the University of Saltmere, said such "
     "pictures were probably used as collateral in criminal deals.", False),
    ("Gideon Praet, a partner at the loss adjusters Praet & Holm, which is not involved in the case, said the "
     "indemnity would probably pay out only after a waiting period.", False),
]


@pytest.mark.parametrize("text, authors", SESSION32_READINGS)
def test_session32_readings_in_the_authors_voice(text, authors):
    assert _in_authors_voice(text) is authors


# session 33: the held-out admissions-scandal and border-shooting events' families: an act named by its intent, the
# author's own prediction, verdicts read off appearances, likelihoods judged unimaginable, what something will fail
# to do, what will outlast it or buy time, motives in idioms, an unknown agent's choice, minds in the future perfect;
# not a channel, a route, a schedule, a speaker's forecast, a content described or a literal truth
SESSION33_READINGS = [
    ("The mayor thanked the crews, in a pointed rebuke to the councillors who had blamed them.", True),
    ("She praised the divers, in a nod to the fishermen who had joined the search.", True),
    ("My prediction: the board will replace him before the summer.", True),
    ("I predict the tolls will be back within a year.", True),
    ("Is the port authority closing ranks? It certainly looks that way.", True),
    ("It looks that the council wants the story to go away.", True),
    ("Is possible that the pilots knew about the fault.", True),
    ("It is hard to imagine that the chairman survives another vote.", True),
    ("The new form will not stop two clerks who agree to share the fee.", True),
    ("His apology won't save his seat.", True),
    ("That explanation won't wash with the drivers who lost a day's pay.", True),
    ("For a valley that lives off the dam, the damage will outlast any inquiry.", True),
    ("The promises will buy her a month at most.", True),
    ("Heads will roll at the depot.", True),
    ("The inspector is obviously in an impossible position.", True),
    ("The board is keeping its options open.", True),
    ("The chairman was preparing the ground for a sale.", True),
    ("Someone at the depot decided that the logbook did not need to be shown.", True),
    ("After Friday, that will change.", True),
    ("Hauliers can expect the ministry's inspectors to start knocking.", True),
    ("That is the one answer his advisers will have least wanted to hear.", True),
    ("In a message to staff, the chief executive said the depot would stay open.", False),
    ("She thanked the volunteers in a letter to the fishermen's union.", False),
    ("His speech also carried a pointed warning to the neighbouring states.", False),
    ("The ferry will not stop at Vell until the pier is repaired.", False),
    ("The new fare will not save money for commuters, the council said.", False),
    ("No apology will bring back the two drivers.", False),
    ("Passengers can expect delays of up to an hour.", False),
    ("Things will change on Monday, when the new timetable starts.", False),
    ("Someone at the council told us the budget had been cut.", False),
    ("The minister is keeping the port open over the holiday.", False),
    ("His advisers will have the report by Friday.", False),
    ('"Heads will roll," the union leader said.', False),
    ("The board will meet on Thursday to decide her future.", False),
]


@pytest.mark.parametrize("text, authors", SESSION33_READINGS)
def test_session33_readings_in_the_authors_voice(text, authors):
    assert _in_authors_voice(text) is authors


# session 33, the other events' misses: verdicts in idioms, an unknown agent's design, the author's gloss, forecasts
# of what is going to be or what people can expect, a line heard in the future perfect; not a credit, a schedule, a
# fact of how long a thing took, an act the article reports, an estimate attributed
SESSION33_IDIOMS = [
    ("The flooding was a disaster waiting to happen.", True),
    ("The council's offer is too little, too late.", True),
    ("Years of cost-cutting have come home to roost.", True),
    ("The apology cut little ice with the families.", True),
    ("The harbour board has a lot of explaining to do.", True),
    ("It was sabotage, plain and simple.", True),
    ("Whether the inquiry will be independent is another matter.", True),
    ("Whether the chairman survives will depend less on the hearing than on the audit.", True),
    ("Don't count on the trains running before Friday.", True),
    ("Somebody planned this for months.", True),
    ("Someone, somewhere, decided the timetable mattered more than the forecast.", True),
    ("The thieves knew the alarm codes, and somebody gave them those codes.", False),
    ("Translation: the board is ready to sell the port.", True),
    ("This is going to be a long winter for the fleet.", True),
    ("Harbour towns can expect far stricter inspections next year.", True),
    ("The message will have been heard most clearly in the finance ministry.", True),
    ("Translation: Ana Vos and Piet Hals.", False),
    ("The bridge was years in the making, the engineer said.", False),
    ("Someone called the coastguard at three in the morning.", False),
    ("Someone at the council told us the budget was cut.", False),
    ("The ferry is going to be repaired in May.", False),
    ("Harbour towns can expect water deliveries on Tuesday.", False),
    ("The report will have been published by then.", False),
    ("The price will depend on the weather, the farmers said.", False),
    ('"It was too little, too late," the fisherman said.', False),
]


@pytest.mark.parametrize("text, authors", SESSION33_IDIOMS)
def test_session33_idioms_and_glosses_in_the_authors_voice(text, authors):
    assert _in_authors_voice(text) is authors


SESSION34_READINGS = [
    # the study-retraction event's families, in our own words
    ("If the mood on the quay was any guide, the strike may last a long time.", True),
    ("The chair's apology will not be the last word on the matter.", True),
    ("Rival ports will have to look again, and some of them will not enjoy what they find.", True),
    ("The wording will have been chosen with care, and it will have been checked by the lawyers.", True),
    ("The audit, announced within hours, was plainly drafted before the vote.", True),
    ("Her choice of language was, plainly, aimed at foreign buyers.", True),
    ("I would be astonished if the panel does not say so.", True),
    ("You can bet the board will be begging her to stay.", True),
    # and what must not be flagged
    ("The exit on the quay was clearly marked.", False),
    ("By 2030 the quay will have been rebuilt, the port board said.", False),
    ("The new crane will have been installed by the end of May.", False),
    ('"You can bet we will fight this," the union leader said.', False),
    ("The chair said she would be surprised if the vote passed.", False),
    ("I would be happy to take questions after the vote.", False),
    # the leaked-townhall event's, in our own words
    ("My prediction, for what it is worth: the chair survives the vote.", True),
    ("The reply was, to my mind, the wrong answer to the right question.", True),
    ("And it is difficult not to suspect that the quay was picked because it is far from the voters.", True),
    ("Taken together, the clips leave little doubt that the board's account was incomplete.", True),
    ("The chair's bosses will be praying there are no more surprises on the tape.", True),
    ('"The evidence leaves little doubt that the crane failed," the inspector said.', False),
    ("In my view from the quay, I could see the crane fall.", False),
    ("Dockers were praying in the chapel on Sunday.", False),
]




SESSION35_READINGS = [
    # the election-recount and embassy-expulsion events' families, in our own words
    ("Whatever the inquiry finds, the damage to the port's name may already be done.", True),
    ("Both remarks, to my ear, were aimed at the harbour board.", True),
    ("My guess? The strike ends by Friday and the union claims victory.", True),
    ("My fear is that the board will refuse to accept any figure at all.", True),
    ("The likeliest explanation, on what we know so far, is a faulty batch of valves.", True),
    ("Expect other ports in the region to check their own cranes before spring.", True),
    ("Expect freight rates on the northern route to stay high through the winter.", True),
    ("The mayor has clearly had enough of the council.", True),
    ("The minister plainly relished the moment.", True),
    ("It is hard to escape the impression, too, that the mayor was speaking to voters at home.", True),
    ("The crane had not been inspected for a year, which may explain how the cable snapped.", True),
    ("The timing is hardly accidental: the budget vote is next week.", True),
    ("My read: the dates are in there because someone expects a leak.", True),
    ("Our reading is that the board wrote that line with the insurers in mind.", True),
    ("The ruling may ease concerns about sudden closures of the quay.", True),
    ("The two skippers could be back at sea by Thursday.", True),
    ("The harbour master will be gone by Easter, and the board will follow him.", True),
    # near misses: how a thing looks, the speaker's guess, a permission, a guess about guessing, advice in quotes
    ("Shortly before midnight, the chair showed us what it looks like up close.", False),
    ('"My guess? We will be here all night," the chair said.', False),
    ("Applicants may already apply online, the agency said.", False),
    ("My guess is wrong as often as it is right, and I have said so before.", False),
    ('"Expect delays to continue," the operator said.', False),
    ("Applications may be submitted by Friday, the council said.", False),
    ('"We could be back at sea by Thursday," the skipper said.', False),
    ("The bank may ease its rules on mortgages next year, the governor said.", False),
    ("The court will rule by Friday.", False),
    ("The committee clearly enjoyed wide support among members.", False),
]


@pytest.mark.parametrize("text, authors", SESSION34_READINGS + SESSION35_READINGS)
def test_session34_and_35_readings_in_the_authors_voice(text, authors):
    assert _in_authors_voice(text) is authors


def test_session35_my_guess_covers_the_sentence_it_opens():
    text = "The count resumes at eight. My guess? The recount moves a few hundred votes at most.\n"
    found = [h for h in hedges(doc_of(text)) if h.attribution is None]
    assert [text[h.start:h.end] for h in found] == ["My guess? The recount moves a few hundred votes at most"]
