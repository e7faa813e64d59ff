"""Mention candidates of one article (analyses/referents/mentions.py)."""

from __future__ import annotations

import pytest

from slant.analyses.referents.mentions import candidates
from slant.nlp.resources import Resources


def _found(resources: Resources, text: str) -> dict[str, str]:
    doc = resources.nlp(text)
    return {c.text: c.kind for c in candidates("a1", doc, [(0, len(text))])}


@pytest.mark.slow
def test_mentions_titled_name_gives_title_and_name(nlp_resources: Resources) -> None:
    found = _found(nlp_resources, "Harbor Commissioner Dana Ortiz-Reyes opened the new terminal on Friday.")
    assert found.get("Dana Ortiz-Reyes") == "name"
    assert found.get("Harbor Commissioner") == "title"
    assert found.get("new terminal") == "nominal"


@pytest.mark.slow
def test_mentions_possessor_is_its_own_mention(nlp_resources: Resources) -> None:
    found = _found(nlp_resources, "Governor Lane's budget chief resigned after the vote.")
    assert "budget chief" in found
    assert not any(text.startswith("Lane's") or text.startswith("'s") for text in found)


@pytest.mark.slow
def test_mentions_a_name_modifying_a_possessor_is_a_mention(nlp_resources: Resources) -> None:
    found = _found(nlp_resources, "A judge heard the Okafor campaign's motion to dismiss the suit on Monday.")
    assert found.get("Okafor") == "name"
    assert "Okafor campaign" in found


@pytest.mark.slow
def test_mentions_leave_out_pronouns_numbers_and_dates(nlp_resources: Resources) -> None:
    found = _found(nlp_resources, "She said 40 of them arrived on Tuesday, and it cost $3 million.")
    assert not {"She", "them", "it", "40", "Tuesday", "$3 million"} & set(found)


@pytest.mark.slow
def test_mentions_keep_dotted_abbreviations(nlp_resources: Resources) -> None:
    found = _found(nlp_resources, "The U.S. and Veskaria held talks, U.S. officials said.")
    assert "U.S." in found
    assert "U.S. officials" in found


@pytest.mark.slow
def test_mentions_only_inside_the_given_sentences(nlp_resources: Resources) -> None:
    text = "Donate now to support our reporting. The council approved the plan."
    doc = nlp_resources.nlp(text)
    start = text.index("The council")
    found = {c.text for c in candidates("a1", doc, [(start, len(text))])}
    assert "council" in found and "plan" in found
    assert "reporting" not in found


@pytest.mark.slow
def test_mentions_a_coordination_of_places_is_no_one_name(nlp_resources: Resources) -> None:
    # Neither one name nor a title ("North") written against a name ("South Korea").
    found = _found(nlp_resources, "Leaders of North and South Korea will meet in May.")
    assert found.get("North and South Korea") == "nominal", found
    assert "title" not in found.values()


def test_mentions_a_name_outside_every_noun_chunk_is_a_mention() -> None:
    """The tagger found a person the parser left out of every noun chunk ("npadvmod"): still a name."""
    from spacy.lang.en import English
    from spacy.tokens import Doc

    vocab = English().vocab
    words = ["However", ",", "Mr.", "Delaney", "projected", "optimism", "."]
    doc = Doc(
        vocab,
        words=words,
        spaces=[False, True, True, True, True, False, False],
        pos=["ADV", "PUNCT", "PROPN", "PROPN", "VERB", "NOUN", "PUNCT"],
        tags=["RB", ",", "NNP", "NNP", "VBD", "NN", "."],
        deps=["advmod", "punct", "compound", "npadvmod", "ROOT", "dobj", "punct"],
        heads=[4, 4, 3, 4, 4, 4, 4],
        ents=["O", "O", "O", "B-PERSON", "O", "O", "O"],
    )
    assert [c.text for c in doc.noun_chunks] == ["optimism"]
    found = {c.text: c.kind for c in candidates("a1", doc, [(0, len(doc.text))])}
    assert found.get("Delaney") == "name"


def test_mentions_an_actor_mention_no_candidate_covers_is_a_name() -> None:
    """An editor's "[Delaney]" the tagger reads as no name (tagged X, no entity): the actors analysis
    found it, so it is a name candidate; without it there is none."""
    from spacy.lang.en import English
    from spacy.tokens import Doc

    words = ["I", "reminded", "[", "Delaney", "]", "that", "we", "knew", "."]
    doc = Doc(
        English().vocab,
        words=words,
        spaces=[True, True, False, False, True, True, True, False, False],
        pos=["PRON", "VERB", "X", "X", "X", "SCONJ", "PRON", "VERB", "PUNCT"],
        tags=["PRP", "VBD", "XX", "XX", "XX", "IN", "PRP", "VBD", "."],
        deps=["nsubj", "ROOT", "dep", "dep", "punct", "mark", "nsubj", "ccomp", "punct"],
        heads=[1, 1, 3, 1, 3, 7, 7, 1, 1],
    )
    start = doc.text.index("Delaney")
    assert "Delaney" not in {c.text for c in candidates("a1", doc, [(0, len(doc.text))])}
    found = {c.text: c.kind for c in candidates("a1", doc, [(0, len(doc.text))], names=[(start, start + 7)])}
    assert found.get("Delaney") == "name"
