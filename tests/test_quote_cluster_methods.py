"""Quote clustering methods of issue 11, point 2, each on small texts written for this file (a made-up mayor,
Jane Roe of Norland, and her harbour): a flagged (or joined) case beside one that must not be."""

from __future__ import annotations

import pytest

from auditor.corpus.quotes import _renderings, cluster_quotes, stem, with_unit_clusters
from auditor.models import Article
from auditor.text.document import Doc
from tests.helpers import first_quotes


def docs_of(texts: dict[str, str]) -> list[Doc]:
    return [Doc(Article(id=k, text=v)) for k, v in texts.items()]


def quote_with(doc: Doc, words: str):
    return next(q for q in doc.quotes if words in q.text)


# -- excerpts ----------------------------------------------------------------------------------------


def test_excerpt_of_function_words_joins_the_unit_where_it_stands_as_a_clause():
    """A 3-6-word partial quote made mostly of function words ("come what may") goes to the cluster of the
    shortest unit containing it: the outlets that quote those words as a sentence of their own, not the
    longer sentence that ends with them."""
    docs = docs_of({
        "a": 'Mayor Jane Roe said: "The harbour wall will be rebuilt before the storms, and we will find the money '
             'come what may." She did not give a date.',
        "b": '"The harbour wall will be rebuilt before the storms, and we will find the money come what may," '
             'Roe said on Monday.',
        "c": '"We will pay for the harbour. Come what may, the wall goes up," Roe told reporters.',
        "d": '"We will pay for the harbour. Come what may, the wall goes up," Roe said.',
        "e": 'Roe promised to rebuild the wall "come what may" and asked for patience.',
    })
    cluster_quotes(docs)
    by = {d.article.id: d for d in docs}
    excerpt = by["e"].quotes[0]
    assert excerpt.kind == "partial" and excerpt.cluster is not None
    sentence_units = {u["id"] for q in with_unit_clusters(
        [{"id": "c", "quotes": [{}]}], _clusters(docs))[0]["quotes"] for u in q["clusters"]}
    assert excerpt.cluster in sentence_units  # with "Come what may, the wall goes up"
    assert excerpt.cluster != by["a"].quotes[0].cluster  # not with the long sentence that ends with it


def test_excerpt_found_nowhere_else_stays_uncorroborated():
    docs = docs_of({
        "a": '"The harbour wall will be rebuilt before the storms," Roe said.',
        "b": '"The harbour wall will be rebuilt before the storms," Roe said on Monday.',
        "c": 'Roe promised to rebuild the wall "at any price at all" and asked for patience.',
    })
    cluster_quotes(docs)
    assert docs[2].quotes[0].cluster is None and docs[2].quotes[0].fidelity is None
    assert docs[0].quotes[0].cluster == docs[1].quotes[0].cluster is not None


def test_one_word_term_joins_the_only_cluster_that_carries_it():
    docs = docs_of({
        "a": '"Our recovery is unbreakable and the port will grow again," Roe said.',
        "b": '"Our recovery is unbreakable, and the port will grow again," Roe said.',
        "c": 'Roe said the recovery was "unbreakable" and left the stage.',
    })
    cluster_quotes(docs)
    assert docs[2].quotes[0].kind == "partial"
    assert docs[2].quotes[0].cluster is not None and docs[2].quotes[0].cluster == docs[0].quotes[0].cluster


def test_one_word_term_carried_by_two_clusters_is_left_alone():
    docs = docs_of({
        "a": '"Our recovery is unbreakable and the port will grow again," Roe said. Later she added: "The fishing '
             'fleet is unbreakable too, whatever the winter brings."',
        "b": '"Our recovery is unbreakable, and the port will grow again," Roe said. "The fishing fleet is '
             'unbreakable too, whatever the winter brings," she added.',
        "c": 'Roe said the fleet was "unbreakable" and left the stage.',
    })
    cluster_quotes(docs)
    assert docs[2].quotes[0].cluster is None  # which of the two sentences? nothing decides


# -- units: sentences, clauses, one quotation in several clusters -----------------------------------------


def _clusters(docs):
    return cluster_quotes(docs)


def test_one_quotation_belongs_to_the_clusters_of_each_of_its_sentences():
    docs = docs_of({
        "a": '"The ferry to the islands will run all winter. Tickets will cost half of what they cost now," Roe '
             'said.',
        "b": '"The ferry to the islands will run all winter," Roe said.',
        "c": '"Tickets will cost half of what they cost now," Roe said at the pier.',
    })
    clusters = cluster_quotes(docs)
    art = with_unit_clusters([{"id": "a", "quotes": [{}]}], clusters)[0]
    ids = [u["id"] for u in art["quotes"][0]["clusters"]]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert set(ids) == {docs[1].quotes[0].cluster, docs[2].quotes[0].cluster}
    assert docs[0].quotes[0].cluster == docs[1].quotes[0].cluster  # primary: its first sentence


def test_a_clause_before_a_colon_is_a_unit_of_its_own():
    docs = docs_of({
        "a": '"Let me be clear about the money: the port authority will repay every family by June," Roe said.',
        "b": '"The port authority will repay every family by June," Roe said.',
        "c": '"The port authority will repay every family by June," the mayor, Jane Roe, said.',
    })
    clusters = cluster_quotes(docs)
    art = with_unit_clusters([{"id": "a", "quotes": [{}]}], clusters)[0]
    units = art["quotes"][0]["clusters"]
    assert [docs[0].text[u["start"]:u["end"]].strip('" ,').lower()[:12] for u in units] == ["the port aut"]
    assert units[0]["id"] == docs[1].quotes[0].cluster


def test_a_second_main_clause_after_a_comma_and_a_conjunction_is_a_unit_of_its_own():
    # one outlet prints two sentences as one, joined by ", and that is why": the two stay two utterances
    docs = docs_of({
        "a": '"That is why the port must reopen the quay, and that is why we will pay the divers double," Roe said.',
        "b": '"That is why the port must reopen the quay. That is why we will pay the divers double," Roe said.',
        "c": '"the port must reopen the quay," Roe said.',
        "d": '"we will pay the divers double," Roe told the council.',
    })
    clusters = cluster_quotes(docs)
    assert docs[2].quotes[0].cluster != docs[3].quotes[0].cluster
    art = with_unit_clusters([{"id": "a", "quotes": [{}]}], clusters)[0]
    assert len(art["quotes"][0]["clusters"]) == 2


def test_a_conjunction_without_a_clause_of_its_own_keeps_one_unit():
    docs = docs_of({"a": '"We will dredge the channel, and open it to the big ships by the autumn," Roe said.',
                    "b": '"We will dredge the channel," Roe said.'})
    clusters = cluster_quotes(docs)
    art = with_unit_clusters([{"id": "a", "quotes": [{}]}], clusters)[0]
    assert len(art["quotes"][0]["clusters"]) == 1


def test_words_elided_inside_a_sentence_keep_it_one_unit():
    docs = docs_of({
        "a": '"We will dredge the channel... and open it to the big ships by autumn," Roe said.',
        "b": '"We will dredge the channel and open it to the big ships by autumn," Roe said.',
        "c": '"We will dredge the channel and open it to the large ships by autumn," Roe said.',
    })
    clusters = cluster_quotes(docs)
    art = with_unit_clusters([{"id": "a", "quotes": [{}]}], clusters)[0]
    assert len(art["quotes"][0]["clusters"]) == 1
    assert docs[0].quotes[0].cluster == docs[1].quotes[0].cluster == docs[2].quotes[0].cluster


def test_a_few_common_words_scattered_in_two_sentences_do_not_join_them():
    """Must not join: "the harbour needs strong support" / "the harbour proved strong, and support came"
    share three content words, none of them next to another."""
    docs = docs_of({
        "a": '"The harbour needs strong support," Roe said.',
        "b": '"The harbour proved strong, and our support came quickly," Roe said.',
        "c": '"The harbour needs strong support," Roe told the council.',
    })
    cluster_quotes(docs)
    assert docs[0].quotes[0].cluster == docs[2].quotes[0].cluster is not None
    assert docs[1].quotes[0].cluster is None


def test_one_article_repeating_a_greeting_is_in_its_cluster_twice():
    docs = docs_of({
        "a": 'Roe opened with "Good evening to all of you!" and closed with "Good evening to you!"',
        "b": 'Roe began: "Good evening to you all!" She ended: "Good evening to you!"',
        "c": '"Good evening to you!" Roe told the crowd.',
    })
    cluster_quotes(docs)
    cl = {q.cluster for d in docs for q in d.quotes}
    assert len(cl) == 1 and None not in cl


# -- consensus and fidelity --------------------------------------------------------------------------


def test_primary_source_outranks_the_majority():
    """Two outlets agree on a rewording; the town's own transcript has the words as spoken: the transcript
    is the consensus, and the majority is the one marked down."""
    docs = docs_of({
        "t": "Transcript of remarks by Mayor Jane Roe\n\nRoe said: \"We will reopen the north pier to every "
             "fishing boat in May.\"",
        "a": '"We will open the north pier to all fishing boats in May," Roe said.',
        "b": '"We will open the north pier to all fishing boats in May," the mayor said, Roe\'s office confirmed.',
    })
    clusters = cluster_quotes(docs)
    (c,) = [c for c in clusters if "pier" in c.consensus]
    assert "reopen the north pier to every fishing boat" in c.consensus
    primary = [m for m in c.members if m.get("primary_source")]
    assert [m["article"] for m in primary] == ["t"]
    assert docs[0].quotes[0].fidelity == 1.0 and docs[1].quotes[0].fidelity < 1.0


def test_a_changed_name_is_typed_and_costs_more_than_a_synonym():
    docs = docs_of({
        "a": '"We owe the new pier to Minister Brandt and to the fishermen of Norland," Roe said.',
        "b": '"We owe the new pier to Minister Brandt and to the fishermen of Norland," Roe said on Friday.',
        "c": '"We owe the new pier to Minister Kessler and to the fishermen of Norland," Roe said.',
        "d": '"We owe the new jetty to Minister Brandt and to the fishermen of Norland," Roe said.',
    })
    cluster_quotes(docs)
    types_c = {d["type"] for d in docs[2].quotes[0].differences}
    types_d = {d["type"] for d in docs[3].quotes[0].differences}
    assert "name" in types_c and "name" not in types_d
    assert docs[2].quotes[0].fidelity < docs[3].quotes[0].fidelity < 1.0


def test_translated_speech_words_added_inside_the_marks_cost_synonyms_do_not():
    """Speaking in Norwegian: every English rendering is a translation. A synonym is free; a clause added
    inside the quotation marks is not."""
    head = "Speaking in Norwegian, Mayor Jane Roe addressed the council. "
    docs = docs_of({
        "a": head + '"We stand ready to rebuild the harbour with our neighbours," Roe said.',
        "b": head + '"We stand ready to rebuild the harbour with our neighbours," she said, Roe\'s office noted.',
        "c": head + '"We are prepared to rebuild the harbour with our neighbours," Roe said.',
        "d": head + '"We stand ready to rebuild the harbour, at any cost and alone if need be, with our '
                    'neighbours," Roe said.',
    })
    cluster_quotes(docs)
    qa, qc, qd = docs[0].quotes[-1], docs[2].quotes[-1], docs[3].quotes[-1]
    assert qa.cluster == qc.cluster == qd.cluster is not None
    assert qc.fidelity == 1.0  # "are prepared" for "stand ready": a translator's choice
    assert any(d["type"] == "addition" and d.get("note") == "words added inside the shared stretch"
               for d in qd.differences)
    assert qd.fidelity < qc.fidelity


def test_a_quotation_is_scored_by_its_opening_sentence():
    """Quoted for its opening sentence: when no other article carries that sentence, the quotation has no
    primary cluster (its later sentence is still listed among its unit clusters); a short opening does not
    decide (flagged / must not)."""
    docs = docs_of({
        "a": '"Teachers and nurses can no longer afford a flat anywhere near the old harbour district. The ferry '
             'will run all winter," Roe said.',
        "b": '"The ferry will run all winter," Roe said.',
        "c": '"The ferry will run all winter," Roe told the council.',
        "d": '"Thank you all. The ferry will run all winter," Roe said.',
    })
    clusters = cluster_quotes(docs)
    qa, qb, qd = docs[0].quotes[0], docs[1].quotes[0], docs[3].quotes[0]
    assert qb.cluster is not None and qa.cluster is None
    units = with_unit_clusters([{"id": "a", "quotes": [{}]}], clusters)[0]["quotes"][0]["clusters"]
    assert [u["id"] for u in units] == [qb.cluster]
    assert qd.cluster == qb.cluster  # "Thank you all." is too short to be what it is quoted for


# -- a page cut short ----------------------------------------------------------------------------------


def test_a_quotation_cut_by_the_end_of_the_page_loses_only_the_broken_word():
    """A stored page that stops mid-word ("... by the arm") still quotes the sentence: the broken last word
    is not read as a (rare, so heavy) word of the speech. A quotation that ends the page on a whole word
    with its closing mark keeps every word."""
    cut = Doc(Article(id="c", text='Mayor Jane Roe spoke at the quay. "The harbour wall will be rebuilt by the arm'))
    closed = Doc(Article(id="d", text='Mayor Jane Roe spoke at the quay. "The harbour wall will be rebuilt by the army"'))
    (rc,), (rd,) = (_renderings(d, 0, 0, d.quotes[0], False) for d in (cut, closed))
    assert cut.quotes[0].text.endswith("arm")
    assert "arm" not in rc.content and {"harbo", "wall", "rebui"} <= rc.content
    assert stem("army") in rd.content and rd.size == rc.size + 1


# -- a phrase with its function words --------------------------------------------------------------------


def test_a_short_sentence_inside_a_longer_rendering_joins_it_by_its_phrase():
    """Two content words ("ferry", "always") are few, but standing with the same function words between
    them ("ferry will always be there") they are the speaker's phrase, not words scattered in two
    sentences; the same two words in another order and other company stay apart (must not join)."""
    long = ('"Whoever doubts this is mistaken, because the island ferry will always be there for the families '
            'of the coast," Roe said.')
    docs = docs_of({
        "a": "Ferry news\n\n" + long,
        "b": "Ferry news\n\n" + long.replace("Roe said", "Roe told the council"),
        "c": 'Ferry news\n\nMayor Jane Roe spoke at the quay. "The ferry will always be there," she said.',
        "d": 'Ferry news\n\nMayor Jane Roe spoke at the quay. "There will always be a ferry to catch, and '
             'families will always be waiting," she said.',
    })
    cluster_quotes(docs)
    by = {d.article.id: d.quotes[0] for d in docs}
    assert by["a"].cluster == by["b"].cluster is not None
    assert by["c"].cluster == by["a"].cluster
    assert by["d"].cluster != by["a"].cluster


# -- one name per speaker across the corpus ----------------------------------------------------------------


def test_a_speaker_named_in_part_takes_the_fuller_name_other_articles_give():
    """"King Aron" in one article is "Aron III" where others name him in full, and "Velić" is "Mira Velic"
    (diacritics aside); a surname two people share across the corpus stays as the article wrote it."""
    docs = docs_of({
        "a": 'Throne speech\n\nKing Aron III of Vell opened the assembly. "The sea belongs to all of us," King '
             'Aron III said.',
        "b": 'Throne speech\n\nKing Aron opened the assembly on Tuesday. "The sea belongs to all of us," King '
             'Aron said.',
        "c": 'Harbour vote\n\nMayor Mira Velic spoke first. "The quay stays open," Velic said.',
        "d": 'Harbour vote\n\nThe mayor spoke first. "The quay stays open all year," Mayor Velić said.',
        "e": 'Port talks\n\nMinister Jane Roe arrived late. "We will sign today," Roe said.',
        "f": 'Port talks\n\nGovernor Otto Roe arrived late. "We will not sign today," Roe said.',
        "g": 'Port talks\n\nThe talks ran late. "Nothing is signed," Roe said.',
    })
    cluster_quotes(docs)
    spk = {d.article.id: d.quotes[0].speaker for d in docs}
    assert spk["a"] == spk["b"] == "Aron III"
    assert spk["c"] == spk["d"] == "Mira Velic"
    assert spk["g"] == "Roe" and {spk["e"], spk["f"]} == {"Jane Roe", "Otto Roe"}


def test_a_speaker_known_by_a_name_inside_the_full_one_takes_the_full_name():
    """"Lima" in an article that names no one else is the "Joao Pedro Lima da Costa" other articles name;
    a first name alone stays as written."""
    docs = docs_of({
        "a": 'Assembly\n\nPresident Joao Pedro Lima da Costa spoke first. "No harbour stands alone," Lima said.',
        "b": 'Assembly\n\nThe debate opened on Tuesday. "No harbour stands alone," Lima said.',
        "c": 'Assembly\n\nThe debate opened on Tuesday. "The fund is ready," Costa said.',
        "d": 'Port talks\n\nThe talks ran late. "Nothing is signed," Joao said.',
    })
    cluster_quotes(docs)
    spk = {d.article.id: d.quotes[0].speaker for d in docs}
    assert spk["a"] == spk["b"] == spk["c"] == "Joao Pedro Lima da Costa"
    assert spk["d"] == "Joao"  # a first name alone is not read as the full one


def test_a_misspelt_surname_takes_the_name_the_corpus_quotes_far_more_often():
    right = {k: f'Harbour vote\n\nMayor Ingrid Halvorsen spoke on {day}. "The quay stays open," Halvorsen said.'
             for k, day in zip("abc", ("Monday", "Tuesday", "Friday"), strict=True)}
    docs = docs_of({**right,
                    "d": 'Harbour vote\n\nMayor Ingrid Halvorson spoke. "The quay stays open," Halvorson said.'})
    cluster_quotes(docs)
    assert {d.quotes[0].speaker for d in docs} == {"Ingrid Halvorsen"}


def test_two_people_whose_surnames_differ_by_a_letter_stay_two():
    docs = docs_of({
        "a": 'Harbour vote\n\nMayor Ingrid Halvorsen spoke. "The quay stays open," Halvorsen said.',
        "b": 'Harbour vote\n\nMayor Ingrid Halvorsen spoke. "We will vote today," Halvorsen said.',
        "c": 'Harbour vote\n\nGovernor Nils Halvorson spoke. "The quay stays shut," Halvorson said.',
        "d": 'Harbour vote\n\nGovernor Nils Halvorson spoke. "We will not vote today," Halvorson said.',
    })
    cluster_quotes(docs)
    assert [d.quotes[0].speaker for d in docs] == ["Ingrid Halvorsen"] * 2 + ["Nils Halvorson"] * 2


def test_a_family_name_first_alone_or_cut_at_its_hyphen_takes_the_full_name():
    """Round 9: "Yoon" and "Yoon Suk" (of "Yoon Suk-yeol", whose given name the name pattern cuts at the
    lower-case hyphen) are the "Yoon Suk Yeol" other articles name; a full name one slip from a far more
    quoted one ("Yoon Suk Yoel") is that name; two people sharing a family name stay two."""
    full = 'Seoul\n\nPresident Yoon Suk Yeol spoke at night. "{q}," Yoon said.'
    docs = docs_of({
        "a": full.format(q="We will protect the republic"),
        "b": full.format(q="The assembly has failed us"),
        "c": full.format(q="Order will return soon"),
        "d": 'Seoul\n\nThe address came late. "We will protect the republic," Yoon said.',
        "e": 'Seoul\n\nPresident Yoon Suk-yeol spoke. "The assembly has failed us," Yoon said.',
        "f": 'Seoul\n\nPresident Yoon Suk Yoel spoke. "Order will return soon," Yoon said.',
    })
    cluster_quotes(docs)
    assert {d.quotes[0].speaker for d in docs} == {"Yoon Suk Yeol"}
    two = docs_of({
        "a": 'Talks\n\nMinister Park Min Ho spoke. "The port opens," Park said.',
        "b": 'Talks\n\nMinister Park Ji Won spoke. "The port stays shut," Park said.',
        "c": 'Talks\n\nThe talks ran late. "Nothing is signed," Park said.',
    })
    cluster_quotes(two)
    assert [d.quotes[0].speaker for d in two] == ["Park Min Ho", "Park Ji Won", "Park"]


def test_a_role_is_named_by_the_coverage_that_titles_the_speaker():
    """Round 10: "the prime minister said" in an article that never titles the speaker takes the person the
    other articles write after the title ("Prime Minister Jane Roe"), even where their own cues name the
    speaker ("Roe said") rather than the role; not when the coverage titles another person so as often, and
    a title nobody writes before a name names no one."""
    titled = 'Port plan\n\nPrime Minister Jane Roe spoke in Vell on {day}. "{q}," Roe said.'
    cue = ('Port plan\n\nJane Roe unveiled the plan. In a speech, the {role} said the port would "take back the '
           'harbour" for the town.')
    docs = docs_of({
        "a": titled.format(day="Monday", q="We will take back the harbour"),
        "b": titled.format(day="Tuesday", q="The levy is fair"),
        "c": cue.format(role="prime minister"),
        "d": cue.format(role="harbour master"),
    })
    cluster_quotes(docs)
    spk = {d.article.id: d.quotes[0].speaker for d in docs}
    assert spk["c"] == "Jane Roe"
    assert spk["d"] is None
    other = 'Sea talks\n\nPrime Minister Ola Berg of Norland met the fishers on {day}.'
    docs = docs_of({
        "a": titled.format(day="Monday", q="We will take back the harbour"),
        "b": titled.format(day="Tuesday", q="The levy is fair"),
        "c": cue.format(role="prime minister"),
        "e": other.format(day="Monday"),
        "f": other.format(day="Friday"),
    })
    cluster_quotes(docs)
    assert {d.article.id: d.quotes[0].speaker for d in docs if d.quotes}["c"] is None


def test_a_speaker_named_only_by_role_takes_the_person_the_corpus_names_in_it():
    """"the King said" in an article that never names him is the king the other articles name (and so is
    the "he said" after it); a role two people share across the corpus, or one nobody names, stays empty."""
    named = ('Throne speech\n\nKing Aron III of Vell opened the assembly on Tuesday. "{q}," the King said. '
             'King Aron III then left the hall.')
    docs = docs_of({
        "a": named.format(q="The sea belongs to all of us"),
        "b": named.format(q="Our harbours will stay open"),
        "c": 'Throne speech\n\nThe assembly opened on Tuesday. "The sea belongs to all of us," the monarch said. '
             '"Our harbours will stay open," he said.',
        "d": 'Port talks\n\nMayor Jane Roe spoke first. "We sign today," the mayor said.',
        "e": 'Port talks\n\nMayor Ola Berg spoke first. "We sign tomorrow," the mayor said.',
        "f": 'Port talks\n\nThe talks ran late. "Nothing is signed yet," the mayor said.',
        "g": 'Throne speech\n\nIn the opening address the King read out that the isle faced a "hard winter".\n\n'
             '"Our harbours will stay open," he said.',
    })
    cluster_quotes(docs)
    spk = {d.article.id: [q.speaker for q in d.quotes] for d in docs}
    assert spk["a"] == spk["b"] == ["Aron III"]
    assert spk["c"] == ["Aron III", "Aron III"]
    assert spk["f"] == [None]
    assert spk["g"] == ["Aron III"]  # the passage's role, when no name stands between


def test_a_role_two_people_share_goes_to_the_person_the_article_was_quoting():
    """"the president said" in coverage with two presidents: the one the article was quoting, when other
    outlets name that person as a president too (with any modifier); not when nobody does, and not a role
    nobody holds."""
    docs = docs_of({
        "a": 'Sea talks\n\nPresident Ana Ruiz of Norland spoke. "The strait stays open," the Norlandic president said.',
        "b": 'Sea talks\n\nPresident Ana Ruiz of Norland spoke. "We will not close it," the Norlandic president said.',
        "c": 'Sea talks\n\nPresident Tom Hale spoke. "Trade must go on," the US president said.',
        "d": 'Sea talks\n\nPresident Tom Hale spoke. "Tariffs are coming," the US president said.',
        "e": 'Sea talks\n\nRuiz spoke first. "The strait stays open," Ruiz said. "We sail at dawn," the president said.',
        "f": 'Sea talks\n\nOla Berg spoke first. "The fleet is ready," Berg said. "We sail at dawn," the president said.',
        "g": 'Sea talks\n\nRuiz spoke first. "The strait stays open," Ruiz said. "We sail at dawn," the admiral said.',
    })
    cluster_quotes(docs)
    spk = {d.article.id: [q.speaker for q in d.quotes] for d in docs}
    assert spk["e"][1] and spk["e"][1].endswith("Ruiz")
    assert spk["f"][1] is None  # Berg is named as no president anywhere
    assert spk["g"][1] is None


# -- a changed meaning ranks below any choice of words --------------------------------------------------------


def test_a_dropped_negation_ranks_below_a_loose_but_faithful_rendering():
    """"will be able to afford" drops the negation of "will be unable to afford"; "no longer able" says the
    same as "unable" (no flip), however the other words differ."""
    base = ('"Our ferry plan must start this spring, because within weeks the town will be unable to afford the '
            'new hull," Roe said.')
    q = first_quotes({
        "a": base,
        "b": base.replace("Roe said", "Roe told the council"),
        "c": '"Our ferry plan must start this spring, as in just a few weeks the town will no longer be able '
             'to pay for the new hull," Roe said.',
        "d": base.replace("be unable", "be able"),
    })
    assert q["a"].cluster == q["c"].cluster == q["d"].cluster is not None
    assert not any(x["type"] == "negation" for x in q["c"].differences)
    assert any(x["type"] == "negation" and not x.get("weak") for x in q["d"].differences)
    assert q["d"].fidelity < q["c"].fidelity < 1.0


def test_an_alternative_question_is_no_statement_turned_into_a_question():
    """"The pier or the road? Rents or buses?" lists the choices the statement names (must not be flagged);
    "Should the council pick ...?" turns the statement round (flagged)."""
    base = '"The council should pick the pier or the road, lower rents or more buses, boats or trains this winter," Roe said.'
    q = first_quotes({
        "a": base,
        "b": base.replace("Roe said", "Roe told the council"),
        "c": base.replace("Roe said", "the mayor Roe said"),
        "d": '"The council should pick the pier or the road? Lower rents or more buses? Boats or trains this winter?" '
             'Roe said.',
        "e": '"Should the council pick the pier or the road, lower rents or more buses, boats or trains this winter?" '
             'Roe said.',
    })
    assert q["a"].cluster == q["d"].cluster == q["e"].cluster is not None
    assert not any(x["type"] == "question" for x in q["d"].differences) and q["d"].fidelity == 1.0
    assert any(x["type"] == "question" for x in q["e"].differences)


def test_a_translators_description_of_a_person_is_no_changed_name():
    """One translation names the president, another describes her office: a translator's choice, not a
    changed name (a name put for another name still is: see the test above)."""
    q = first_quotes({
        "a": 'Speaking through an interpreter, Roe said: "We miss Governor Ana Vell at this table today, on a '
             'day when the harbour needs her counsel."',
        "b": 'Roe, who spoke in Norse, said: "We miss Governor Ana Vell at this table today, on a '
             'day when the harbour needs her counsel."',
        "c": 'In a translated statement Roe said: "We miss the Governor of the State of Norland at this '
             'table today, on a day when the harbour needs her counsel."',
    })
    assert q["a"].cluster == q["c"].cluster is not None
    assert not any(x["type"] == "name" for x in q["c"].differences)


def test_a_refrain_of_two_content_words_joins_only_where_its_whole_phrase_stands():
    """"We are here because the season has arrived" shares its two content words with every sentence
    the speaker opens with "the season has arrived", but not its phrase (must not join them); "The season
    has arrived to reopen ferry lines" stands word for word in the longer rendering (joins)."""
    s1 = "The season has arrived to repair the north pier and its four cranes."
    s2 = "The season has arrived to reopen ferry lines, the cafes and the market."
    docs = docs_of({
        "a": f'"{s1} {s2}" Roe said.',
        "b": f'"{s1} {s2}" Roe told the council.',
        "c": 'Harbour news\n\n"We are here because the season has arrived," Roe said.',
        "d": 'Harbour news\n\n"We are here because the season has arrived," Roe told the council.',
        "f": 'Harbour news\n\n"The season has arrived to reopen ferry lines," Roe said on Monday.',
    })
    clusters = cluster_quotes(docs)
    q = {d.article.id: d.quotes[0] for d in docs}
    ferry = next(c for c in clusters if any("ferry" in m["text"] for m in c.members))
    members = {m["article"] for m in ferry.members}
    assert {"a", "b", "f"} <= members and not {"c", "d"} & members
    assert q["c"].cluster == q["d"].cluster is not None


def test_one_name_spelt_with_and_without_its_hyphen_is_one_speaker_under_the_most_quoted_spelling():
    """"Park Min-seo" (two articles) and "Park Min Seo" (one): one person, written as most articles write
    them; a given name cut at its lower-case hyphen no longer leaves "Park Min"."""
    docs = docs_of({
        "a": 'Assembly\n\nPresident Park Min-seo spoke first. "The ports come first," Park Min-seo said.',
        "b": 'Assembly\n\nPresident Park Min-seo spoke late. "Nobody is left behind," Park Min-seo said.',
        "c": 'Assembly\n\nPresident Park Min Seo spoke. "The ports come first," Park Min Seo said.',
    })
    cluster_quotes(docs)
    assert [d.quotes[0].speaker for d in docs] == ["Park Min-seo"] * 3


def test_inflections_of_a_short_word_meet_in_one_stem():
    """"heal" and "healing", "unite" and "uniting", "economy" and "economic": a translation's renderings
    differ in inflection, and a five-letter prefix alone kept the short words apart (the two renderings
    share no other content word)."""
    assert stem("heal") == stem("healing") and stem("unite") == stem("uniting") == stem("united")
    assert stem("economy") == stem("economic") and stem("peace") == stem("peaceful")
    assert stem("heal") != stem("health") and stem("unite") != stem("unity")
    docs = docs_of({
        "a": 'Assembly\n\nPresident Park Min-seo spoke. "I will heal wounds and unite families," Park said.',
        "b": 'Assembly\n\nPresident Park Min-seo spoke. "I will begin healing wounds, uniting families," Park said.',
        "c": 'Assembly\n\nPresident Park Min-seo spoke. "The harbour tax will fall next spring," Park said.',
    })
    cluster_quotes(docs)
    a, b, c = (d.quotes[0].cluster for d in docs)
    assert a is not None and a == b and c != a


# -- translations that share few words (session 12) -------------------------------------------------------

_NORLANDIC = "Speaking in Norwegian, Mayor Jane Roe addressed the harbour council on Monday. "
_READY = '"We are ready for talks, but we will defend the harbour,"'
_PREPARED = '"We are prepared for negotiations, but we will safeguard the harbour,"'


def _last_quotes_clustered(head: str, *rest: str):
    """Each ``head + rest[i]`` an article; the corpus clustered; each article's last quotation."""
    docs = docs_of({chr(ord("a") + i): head + r for i, r in enumerate(rest)})
    cluster_quotes(docs)
    return [d.quotes[-1] for d in docs]


def test_translations_swapping_synonyms_meet_in_one_cluster():
    """Two outlets' own translations of one sentence, most of whose words were swapped for synonyms
    (synonyms.yaml): one cluster. Another sentence of the same speech sharing a word or two stays apart."""
    qa, qb, qc = _last_quotes_clustered(_NORLANDIC, _READY + " Roe said.", _PREPARED + " Roe said.",
                                        '"The harbour is ready for the winter storms," Roe said.')
    assert qa.cluster is not None and qa.cluster == qb.cluster
    assert qc.cluster != qa.cluster
    assert qb.fidelity == 1.0  # a translator's choice of words costs nothing


def test_synonyms_in_an_english_speech_are_still_changed_words():
    """The same swap in a speech given in English is a changed quotation: the cluster holds both, and the
    changed words are recorded and cost fidelity."""
    qa, qb, qc = _last_quotes_clustered("Mayor Jane Roe addressed the harbour council on Monday. ",
                                        _READY + " Roe said.", _READY + " Roe told reporters.",
                                        _READY.replace("talks", "negotiations").replace("defend", "safeguard")
                                        + " Roe said.")
    assert qa.cluster == qb.cluster == qc.cluster is not None
    assert qc.fidelity < qa.fidelity
    assert any(d["type"] == "substitution" and "negotiations" in d["rendering"] for d in qc.differences)


def test_a_published_transcript_without_quotation_marks_is_the_consensus():
    """The speaker's own published text, printed without quotation marks, is the primary source: three
    outlets agreeing on another number do not outvote it, and each is marked down for the changed number."""
    docs = docs_of({
        "t": ("Remarks by Prime Minister Jane Roe at the harbour council\n\n"
              "Thank you all for coming. We have worked hard this year and I am proud of our people.\n\n"
              "We will cut the tolls by half before the summer, and our ferries will run twice a day.\n\n"
              "I know that some of you doubt this plan. But we will deliver it."),
        "a": 'Prime Minister Jane Roe spoke on Monday. "We will cut the tolls by a third before the summer," Roe said.',
        "b": 'Prime Minister Jane Roe spoke on Monday. "We will cut the tolls by a third before the summer," she said.',
        "c": 'Prime Minister Jane Roe spoke on Monday. "We will cut the tolls by a third before the summer," Roe told '
             'the council.',
    })
    clusters = cluster_quotes(docs)
    tolls = next(q for q in docs[0].quotes if "tolls" in q.text)
    assert tolls.kind == "transcript" and tolls.speaker == "Jane Roe" and tolls.fidelity == 1.0
    (c,) = [c for c in clusters if c.id == tolls.cluster]
    assert "by half" in c.consensus
    for d in docs[1:]:
        q = d.quotes[-1]
        assert q.cluster == tolls.cluster and q.fidelity < 0.5
        assert any(x["type"] == "number" for x in q.differences)


def test_a_common_noun_before_a_role_keeps_the_corpus_from_naming_someone_else_in_it():
    """"the fire chief said" is not the police chief the other articles name "the chief"; "the police
    chief said" is."""
    named = ('Flood\n\nPolice Chief Dan Roe toured Vell on {day}. "{q}," the police chief said.')
    docs = docs_of({
        "a": named.format(day="Monday", q="The roads stay closed"),
        "b": named.format(day="Tuesday", q="The water is dropping"),
        "c": 'Flood\n\nThe water rose again on Monday. "Two crews are on standby," the fire chief said.',
        "d": 'Flood\n\nThe water rose again on Monday. "The roads stay closed," the police chief said.',
    })
    cluster_quotes(docs)
    spk = {d.article.id: [q.speaker for q in d.quotes] for d in docs}
    assert spk["c"] == [None]
    assert spk["d"] == ["Dan Roe"]


def test_a_clause_whose_polarity_the_other_renderings_vote_down_is_a_flip():
    """Four translations of "we seek no quarrel, but our patience has limits": one drops the negation of the
    second clause ("our patience is unlimited"), outside the stretch the consensus keeps. The clause is put
    to the vote of the others' clauses about the same thing; a double negative ("not unlimited") and a word
    negated by its form ("endless") count as the negations they are."""
    q = first_quotes({
        "a": '"We are not looking for a quarrel, but our patience has its limits," Roe said.',
        "b": '"We do not seek a quarrel, but our patience is not unlimited," Roe said.',
        "c": '"We are not looking for a quarrel, but there is a limit to our patience," Roe said.',
        "d": '"We are not looking for a quarrel, and our patience is unlimited," Roe said.',
        "e": '"We do not want a quarrel, but our patience is not endless," Roe said.',
    })
    assert len({x.cluster for x in q.values()}) == 1
    flipped = [k for k, x in q.items() if any(d["type"] == "negation" for d in x.differences)]
    assert flipped == ["d"], {k: x.differences for k, x in q.items()}
    assert q["d"].fidelity < min(x.fidelity for k, x in q.items() if k != "d")


def test_two_negated_clauses_joined_by_and_are_two_clauses_in_the_vote():
    """"I am not a mayor and I am not asking for a new pier" negates each of its two clauses once: "I do not ask
    for a new pier" agrees with its second, and only the rendering that drops that negation is flipped."""
    base = '"I am not a mayor and I am not asking for a new pier," Roe said.'
    q = first_quotes({
        "a": base,
        "b": base.replace("Roe said", "Roe told the council"),
        "c": '"I do not ask for a new pier," Roe said.',
        "d": '"I am not a mayor, but I ask for a new pier," Roe said.',
    })
    assert not any(x["type"] == "negation" for x in q["c"].differences), q["c"].differences
    assert any(x["type"] == "negation" for x in q["d"].differences), q["d"].differences
    assert q["d"].fidelity < q["c"].fidelity


def test_an_excerpt_of_a_sentences_end_is_aligned_where_it_stands_and_is_no_cut():
    """"nobody asked us not to" is the end of "Nobody from the ministry asked us to raise rates, and nobody asked
    us not to": aligned there in one piece, not from the sentence's first "nobody", it loses nothing."""
    base = '"Nobody from the ministry asked us to raise rates, and nobody asked us not to," Roe said.'
    q = first_quotes({
        "a": base,
        "b": base.replace("Roe said", "Roe told the council"),
        "c": base.replace("Roe said", "said Roe"),
        "d": 'Roe added that "nobody asked us not to" and left the room.',
        "e": base.replace("Nobody from", "Somebody from"),
    })
    assert q["d"].cluster == q["a"].cluster is not None
    assert q["d"].fidelity == 1.0, (q["d"].fidelity, q["d"].differences)
    assert q["e"].fidelity < 0.5


def test_a_reversing_verb_or_an_antonym_is_no_vote_against_a_clause():
    """"unveiled" for "announced" reverses nothing ("veil" is no word the renderings carry); "always remember"
    for "never forget" shares no content word with it, so the clauses are not compared."""
    docs = docs_of({
        "a": '"The harbour board announced the new ferry on Monday, and we will never forget this day," Roe said.',
        "b": '"The harbour board announced the new ferry on Monday, and we will never forget this day," Roe told us.',
        "c": '"The harbour board announced the new ferry on Monday, and we will never forget this day," said Roe.',
        "d": '"The harbour board unveiled the new ferry on Monday, and we will always remember this day," Roe said.',
    })
    cluster_quotes(docs)
    assert not [x for d in docs for x in d.quotes[0].differences if x["type"] == "negation" and "vote" in x]


def test_none_of_denies_the_whole_subject_and_is_no_weak_negation():
    """"None of the warnings were too late" for "Some of the warnings were too late" turns the statement round;
    "no" before a noun elsewhere ("no later than") stays a weak negator."""
    base = '"Some of the warnings were too late, and I will not pretend otherwise," Ek said.'
    q = first_quotes({
        "a": base,
        "b": base.replace("Ek said", "Ek told reporters"),
        "c": base.replace("Ek said", "said Ek"),
        "d": base.replace("Some of", "None of"),
    })
    neg = [x for x in q["d"].differences if x["type"] == "negation"]
    assert neg and not neg[0].get("weak"), q["d"].differences
    assert q["d"].fidelity < 0.5


def test_the_clauses_of_one_sentence_quoted_side_by_side_are_one_cluster():
    """Units are cut at a comma before a second main clause, so an outlet quoting one clause alone meets the
    others; the clauses of a sentence that two articles quote whole are then one cluster, the utterance."""
    whole = "Some of the harbour warnings came far too late, and I will not pretend otherwise"
    docs = docs_of({
        "a": f'"{whole}," Ek said.',
        "b": f'"{whole}," Ek told reporters.',
        "c": '"Some of the harbour warnings came far too late," Ek said.',
        "d": '"I will not pretend otherwise," Ek said of the harbour warnings.',
        "e": '"I will not pretend otherwise," said Ek.',
    })
    cluster_quotes(docs)
    ids = {d.article.id: d.quotes[0].cluster for d in docs}
    assert len(set(ids.values())) == 1 and None not in ids.values(), ids


def test_two_sentences_quoted_together_stay_two_clusters():
    """A sentence end between two units keeps their clusters apart, however many articles quote both."""
    first, second = "The harbour warnings came far too late.", "The new sirens will be tested every month."
    docs = docs_of({
        "a": f'"{first} {second}" Ek said.',
        "b": f'"{first} {second}" Ek told reporters.',
        "c": f'"{first}" Ek said.',
        "d": f'"{second}" Ek said.',
    })
    cluster_quotes(docs)
    assert docs[2].quotes[0].cluster != docs[3].quotes[0].cluster
    assert None not in (docs[2].quotes[0].cluster, docs[3].quotes[0].cluster)


@pytest.mark.parametrize("second", ["It is about having doctors where patients need them.",
                                    "Each one will become a clinic open twelve hours a day."])
def test_a_translation_that_breaks_one_sentence_in_two_is_still_one_utterance(second):
    """Translations cut one sentence of a speech in two, the second carrying on the first ("It is about ...",
    "Each one will ..."): quoted side by side by two articles, the halves are one utterance."""
    first = "This is not about saving money." if second.startswith("It") else "None of the buildings will close."
    docs = docs_of({
        "a": f'"{first} {second}" Ruiz said.',
        "b": f'"{first} {second}" Ruiz told reporters.',
        "c": f'"{first}" Ruiz said.',
        "d": f'"{second}" Ruiz said.',
    })
    cluster_quotes(docs)
    ids = {d.article.id: d.quotes[0].cluster for d in docs}
    assert len(set(ids.values())) == 1 and None not in ids.values(), ids


def test_a_second_half_quoted_on_its_own_joins_the_sentence_it_ends():
    """'"I'm not saying the referee lost us the game," she said, "but a decision like that changes a match."':
    the half after "but", quoted on its own, is a rendering of the sentence others quote whole."""
    whole = "I am not saying the referee cost us the match, but a decision like that changes a match at nil-nil"
    docs = docs_of({
        "a": f'"{whole}," Roe said.',
        "b": f'"{whole}," Roe told reporters.',
        "c": '"I am not saying the referee lost us the game," Roe said, "but a decision like that changes a '
             'match at nil-nil."',
        "d": '"I am not saying the referee lost us the game," said Roe. "But a decision like that changes a '
             'match at nil-nil."',
    })
    cluster_quotes(docs)
    assert len({q.cluster for d in docs for q in d.quotes}) == 1, [(q.text, q.cluster) for d in docs for q in d.quotes]


def test_two_units_sharing_only_a_name_are_not_one_utterance():
    """A speech names the same body in many sentences: "To the leadership of the Free Coast Movement, I say:"
    is no rendering of "the ceasefire with the Free Coast Movement is holding"."""
    docs = docs_of({
        "a": '"The truce with the Free Coast Movement is still holding, but only just," Osei said.',
        "b": '"The truce with the Free Coast Movement is still holding, but only just," Osei told the council.',
        "c": '"To the leadership of the Free Coast Movement, I say: the shelling of the towns must stop," Osei said.',
        "d": '"To the leadership of the Free Coast Movement, I say: the shelling of the towns must stop," said Osei.',
    })
    cluster_quotes(docs)
    assert docs[0].quotes[0].cluster == docs[1].quotes[0].cluster
    assert docs[2].quotes[0].cluster == docs[3].quotes[0].cluster
    assert docs[0].quotes[0].cluster != docs[2].quotes[0].cluster


def test_no_before_a_noun_the_other_side_asserts_is_a_flip_and_the_vote_keeps_the_negated_consensus():
    """Session 32 (the blind museum-theft event): "we have no evidence that a guard helped" printed as "we have
    evidence that a guard helped" denies what the others assert, a polarity flip (not a weak negation), and the
    consensus keeps the parity two of three full renderings hold, however close the odd one's other words; "no
    one" against "everyone" stays a weak negation."""
    q = first_quotes({
        "a": '"At this stage we have no evidence that any member of the museum staff helped the thieves," Holt said.',
        "b": '"For now we have no evidence that somebody working in the museum helped the thieves," Holt said.',
        "c": '"At this stage we have evidence that somebody working in the museum helped the thieves," Holt said.',
    })
    assert q["a"].cluster == q["b"].cluster == q["c"].cluster
    neg = [x for x in q["c"].differences if x["type"] == "negation"]
    assert neg and not neg[0].get("weak"), q["c"].differences
    assert q["c"].fidelity < min(q["a"].fidelity, q["b"].fidelity)
    assert q["c"].fidelity < 0.5
    docs = docs_of({
        "a": '"Everyone will be able to take their money out of the bank tomorrow," Holt said.',
        "b": '"Everyone will be able to take their money out of the bank tomorrow," Holt told reporters.',
        "c": '"No one will be stopped from taking their money out of the bank tomorrow," Holt said.',
    })
    cluster_quotes(docs)
    neg = [x for d in docs for x in d.quotes[0].differences if x["type"] == "negation"]
    assert all(x.get("weak") for x in neg if "vote" not in x), neg


def test_a_possibility_told_as_fact_is_a_change_of_meaning_but_two_hedges_are_a_choice_of_words():
    """Session 32 (the blind telecom-breach event): "It is possible that the number will change" printed as "It is
    certain that the number will change", or "the tests may show" as "the tests show", tells a possibility as
    fact: a hedge difference, a change of meaning; "may" against "might", or "could not reach" against "were unable
    to reach", is none."""
    q = first_quotes({
        "a": '"It is possible that the number of customers affected will change as the work goes on," Brask said.',
        "b": '"It is possible that the number of customers affected will change as the work goes on," Brask told us.',
        "c": '"It is certain that the number of customers affected will change as the work goes on," Brask said.',
        "d": '"It is possible that the number of customers affected will change as the work continues," said Brask.',
    })
    hedge = [x for x in q["c"].differences if x["type"] == "hedge"]
    assert hedge and "dropped" in hedge[0]["note"], q["c"].differences
    assert q["c"].fidelity < 0.5 < q["d"].fidelity
    docs = docs_of({
        "a": '"The ballistic tests may show that shots were fired after the car had passed," Dovan said.',
        "b": '"The ballistic tests might show that shots were fired after the car had passed," Dovan said.',
        "c": '"The ballistic tests may show that shots were fired after the car had passed," Dovan told reporters.',
        "d": '"We could not reach the families before the news broke," Dovan said.',
        "e": '"We were unable to reach the families before the news broke," Dovan said.',
        "f": '"We could not reach the families before the news broke," said Dovan.',
    })
    cluster_quotes(docs)
    assert not [x for d in docs for x in d.quotes[0].differences if x["type"] == "hedge"], \
        [d.quotes[0].differences for d in docs]


def test_a_hedge_in_words_outside_the_shared_stretch_is_kept_not_dropped():
    """Session 33 (the held-out border-shooting event): "It is possible the tests will show ..." keeps the
    possibility of "the tests may show ..." in words before the stretch the two share; "Tests show ..." drops it."""
    q = first_quotes({
        "a": '"The ballistic tests may show that shots were fired after the car had passed the gate," Dovan said.',
        "b": '"The ballistic tests may show that shots were fired after the car had passed the gate," Dovan told us.',
        "c": 'Dovan said: "It is possible the ballistic tests will show that shots were fired after the car had '
             'passed the gate."',
        "d": '"Ballistic tests show that shots were fired after the car had passed the gate," Dovan said.',
    })
    assert not [x for x in q["c"].differences if x["type"] == "hedge"], q["c"].differences
    assert [x for x in q["d"].differences if x["type"] == "hedge"], q["d"].differences
    assert q["d"].fidelity < q["c"].fidelity, (q["c"].fidelity, q["d"].fidelity)
