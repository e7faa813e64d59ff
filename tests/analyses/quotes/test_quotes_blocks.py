"""Quotes introduced from the paragraph before, blocks quoted without marks, documents spoken for by their
authors, and platforms that are never people. Texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from slant.analyses.quotes.quotes import run
from slant.model import Article, Comparison, Quote
from slant.nlp.parse import parse
from slant.nlp.resources import Resources
from slant.settings import Settings

Find = Callable[[str], list[Quote]]


@pytest.fixture()
def find(nlp_resources: Resources) -> Find:
    def find(text: str) -> list[Quote]:
        article = Article(id="a1", source="t", text=text)
        return list(run(parse(Comparison(articles=[article]), nlp_resources), nlp_resources, Settings())["quotes"])

    return find


def _holding(quotes: list[Quote], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.text]
    assert found, f"no quote holding {fragment!r} in {[q.text for q in quotes]}"
    return found[0]


def test_colon_at_the_end_of_the_paragraph_before(find: Find) -> None:
    quotes = find(
        "The mayor answered her critics on Tuesday.\n\n"
        "Councilwoman Rita Vance posted her reply on her campaign website:\n\n"
        "“The budget protects every library branch in the city.”\n"
    )
    assert _holding(quotes, "protects every library").speaker == "Rita Vance"


def test_speech_verb_with_nothing_said_ends_the_paragraph_before(find: Find) -> None:
    quotes = find(
        "The governor weighed in late at night.\n\n"
        "Governor Alan Pike noted in a post on Wednesday morning.\n\n"
        "“This is a great day for the farmers of our state.”\n"
    )
    assert _holding(quotes, "great day for the farmers").speaker == "Alan Pike"


def test_a_paragraph_after_a_colon_is_a_quoted_block(find: Find) -> None:
    text = (
        "The aide resigned on Monday over a post about the senator's rivals.\n\n"
        "Dana Whitfield wrote on her Facebook page:\n\n"
        "You people have no class at all. Try acting like grown-ups for once.\n\n"
        "The post was deleted an hour later.\n"
    )
    block = _holding(find(text), "no class at all")
    assert block.speaker == "Dana Whitfield" and block.direct
    assert block.text == "You people have no class at all. Try acting like grown-ups for once."


def test_a_sentence_ending_in_a_colon_without_speech_starts_no_block(find: Find) -> None:
    quotes = find("The plan has three parts:\n\nRoads will be repaved. Parks will get new lights.\n")
    assert not [q for q in quotes if "Roads will be repaved" in q.text]


def test_a_document_speaks_for_whoever_the_article_says_wrote_it(find: Find) -> None:
    quotes = find(
        "More than 90 professors at Hillcrest College sent a letter to Senator Mark Doyle on Monday. "
        "The letter says, “Your budget abandons the poorest families in this state.”\n\n"
        "The Doyle campaign responded with an ad of its own. "
        "“Doyle balanced the budget without raising taxes,” the advertisement says.\n"
    )
    letter = _holding(quotes, "abandons the poorest")
    assert letter.speaker is not None and "professors" in letter.speaker
    assert letter.mention == "The letter"
    ad = _holding(quotes, "balanced the budget")
    assert ad.speaker is not None and "Doyle campaign" in ad.speaker


def test_an_unowned_document_has_no_speaker(find: Find) -> None:
    quotes = find("A report released on Friday found delays. “Repairs lag by two years,” the report says.\n")
    assert _holding(quotes, "Repairs lag").speaker is None


def test_a_platform_is_never_the_person_a_pronoun_means(find: Find) -> None:
    quotes = find(
        "Jane Ortiz posted the message on Twitter late Sunday.\n\n“Nobody in this town is above the law,” she wrote.\n"
    )
    assert _holding(quotes, "above the law").speaker == "Jane Ortiz"


def test_a_surname_that_is_also_an_outlet_is_the_person(find: Find) -> None:
    quotes = find(
        "Former President Vicente Fox of Mexico criticized the visit on Tuesday.\n\n"
        "“He is not welcome here,” Fox said.\n"
    )
    assert _holding(quotes, "not welcome").speaker == "Vicente Fox"
