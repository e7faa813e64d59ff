"""Quotes on short texts written for these tests: speakers, verbs, anonymity, outlets, scare quotes.

Each text is parsed with the real spaCy pipeline (loaded once per session).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from slant.analyses.quotes.quotes import run
from slant.errors import PipelineError
from slant.model import Actor, Article, Comparison, Mention, Quote
from slant.nlp.parse import parse
from slant.nlp.resources import Resources
from slant.settings import Settings

Find = Callable[..., dict[str, Any]]


@pytest.fixture()
def find(nlp_resources: Resources) -> Find:
    def find(text: str, actors: list[Actor] | None = None) -> dict[str, Any]:
        comparison = parse(Comparison(articles=[Article(id="a1", source="t", text=text)]), nlp_resources)
        comparison.actors = actors
        return run(comparison, nlp_resources, Settings())

    return find


def _quote(quotes: list[Quote], fragment: str, direct: bool | None = None) -> Quote:
    found = [q for q in quotes if fragment in q.text and (direct is None or q.direct is direct)]
    assert found, f"no quote holding {fragment!r} in {[q.text for q in quotes]}"
    return found[0]


# id, text, fragment of the quote, speaker, mention, verb, cited outlet
DIRECT = [
    (
        "told-outlet",
        '"We will not back down," Mayor Ana Ortiz told Newsmax.',
        "We will not back down",
        "Ana Ortiz",
        "Mayor Ana Ortiz",
        "tell",
        "Newsmax",
    ),
    (
        "pronoun",
        'Sheriff Robert Vance spoke on Monday. "Crime is down this year," he said.',
        "Crime is down",
        "Robert Vance",
        "he",
        "say",
        None,
    ),
    (
        "colon",
        'Governor Lisa Grant said: "The budget is balanced for the first time."',
        "The budget is balanced",
        "Lisa Grant",
        "Governor Lisa Grant",
        "say",
        None,
    ),
    (
        "said-x",
        '"The river is rising fast," said Tom Reyes, a county engineer.',
        "The river is rising fast",
        "Tom Reyes",
        "Tom Reyes",
        "say",
        None,
    ),
    (
        "warned-x-appositive",
        "“Without more nurses, the ward will close,” warned Dana Wu, director of the Hill "
        "Clinic, in an interview with the Guardian.",
        "Without more nurses",
        "Dana Wu",
        "Dana Wu",
        "warn",
        "Guardian",
    ),
    (
        "name-appositive-told",
        "“These families have waited too long,” Kenji Sato, director of the Bay Coalition, told Reuters.",
        "These families have waited",
        "Kenji Sato",
        "Kenji Sato",
        "tell",
        "Reuters",
    ),
    (
        "title-resolves",
        "Mayor Karen Lott and Sheriff Dan Ruiz met on Monday. Lott left early. "
        '"We have enough deputies," the sheriff said.',
        "We have enough deputies",
        "Dan Ruiz",
        "the sheriff",
        "say",
        None,
    ),
    (
        "short-name",
        'City Councilmember Hugo Vela voted yes. "This is a good day," Vela said.',
        "This is a good day",
        "Hugo Vela",
        "Vela",
        "say",
        None,
    ),
    (
        "uk-single",
        "'Nobody listened to us,' said union leader Tom Kerr.",
        "Nobody listened to us",
        "Tom Kerr",
        "union leader Tom Kerr",
        "say",
        None,
    ),
    (
        "question",
        "“Where did the money go?” asked Rita Gomez, a local teacher.",
        "Where did the money go?",
        "Rita Gomez",
        "Rita Gomez",
        "ask",
        None,
    ),
    (
        "partial",
        "Mayor Sam Hill said he would send “twice as many crews” to the east side.",
        "twice as many crews",
        "Sam Hill",
        "Mayor Sam Hill",
        "say",
        None,
    ),
    (
        "called",
        "Senator Alma Reyes called the bill “a gift to polluters” on Tuesday.",
        "a gift to polluters",
        "Alma Reyes",
        "Senator Alma Reyes",
        "call",
        None,
    ),
    (
        "put-it",
        "City engineer Paul Whitcombe put it bluntly: “The old levee was built for a smaller river.”",
        "The old levee",
        "Paul Whitcombe",
        "City engineer Paul Whitcombe",
        "put",
        None,
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "mention", "verb", "outlet"), [c[1:] for c in DIRECT], ids=[c[0] for c in DIRECT]
)
def test_quotes_direct_attribution(
    find: Find, text: str, fragment: str, speaker: str, mention: str, verb: str, outlet: str | None
) -> None:
    quote = _quote(find(text)["quotes"], fragment, direct=True)
    assert (quote.speaker, quote.mention, quote.verb, quote.cited_outlet) == (speaker, mention, verb, outlet)
    assert not quote.anonymous


@pytest.mark.slow
def test_quotes_interrupted_quote_has_one_speaker(find: Find) -> None:
    text = "Officer Mark Bell led the search. “The first part is easy,” the officer said, “but the second is not.”"
    quotes = find(text)["quotes"]
    first, second = _quote(quotes, "first part"), _quote(quotes, "the second is not")
    assert first.speaker == second.speaker == "Mark Bell"
    assert first.mention == second.mention == "the officer"


@pytest.mark.slow
def test_quotes_multi_paragraph_block_takes_its_attribution(find: Find) -> None:
    text = "Council member Jo Park spoke first.\n\n“We waited ten years for this vote.\n\n“Now we have to deliver,” Park said."
    quotes = find(text)["quotes"]
    assert _quote(quotes, "We waited ten years").speaker == "Jo Park"
    assert _quote(quotes, "Now we have to deliver").speaker == "Jo Park"


@pytest.mark.slow
def test_quotes_unattributed_paragraph_continues_previous_speaker(find: Find) -> None:
    text = '"We will fix the roads," Paula Stone told the Associated Press.\n\n"We got the money. Now we get to work."'
    quote = _quote(find(text)["quotes"], "We got the money")
    assert (quote.speaker, quote.verb, quote.cited_outlet, quote.direct) == (
        "Paula Stone",
        "tell",
        "Associated Press",
        True,
    )


@pytest.mark.slow
def test_quotes_second_quoted_sentence_continues_speaker(find: Find) -> None:
    text = "“We will build it,” Soto said. “We want people to feel safe in their homes.” The vote is next week."
    assert _quote(find(text)["quotes"], "We want people").speaker == "Soto"


@pytest.mark.slow
def test_quotes_colon_ending_previous_paragraph_introduces_quote(find: Find) -> None:
    text = "Resident Grace Liu was skeptical. She said:\n\n“I have heard promises before and nothing ever changed.”"
    quote = _quote(find(text)["quotes"], "I have heard promises")
    assert (quote.speaker, quote.mention, quote.verb) == ("Grace Liu", "She", "say")


@pytest.mark.slow
def test_quotes_offsets_and_sentence(find: Find) -> None:
    text = "The vote was close.\n“We will not back down,” Ana Ortiz said."
    result = find(text)
    quote = _quote(result["quotes"], "We will not back down")
    assert text[quote.start : quote.end] == quote.text == "We will not back down"
    assert quote.sentence == "a1.s2" and quote.article == "a1"


# id, text, fragment of the reported words, speaker, verb, cited outlet
INDIRECT = [
    (
        "said-that",
        "Gov. Amy Rhodes said that the state would appeal the ruling.",
        "the state would appeal the ruling",
        "Amy Rhodes",
        "say",
        None,
    ),
    (
        "told-outlet-that",
        "Senator Bill Moss told the Associated Press that the vote had been rigged.",
        "the vote had been rigged",
        "Bill Moss",
        "tell",
        "Associated Press",
    ),
    (
        "according-to-person",
        "According to Police Chief Ed Marsh, the suspect fled on foot.",
        "the suspect fled on foot",
        "Ed Marsh",
        "according to",
        None,
    ),
    (
        "claimed",
        "Rep. Jane Cole claimed the bill would raise taxes on every family.",
        "the bill would raise taxes",
        "Jane Cole",
        "claim",
        None,
    ),
    (
        "warned-that",
        "Dr. Ravi Shah warned that hospitals could run out of beds within a week.",
        "hospitals could run out of beds",
        "Ravi Shah",
        "warn",
        None,
    ),
    (
        "parenthetical",
        "The new bridge, Mayor Tim Ford said, will open to traffic in May.",
        "will open to traffic in May",
        "Tim Ford",
        "say",
        None,
    ),
    (
        "added-after",
        "The group plans a lawsuit against the county, Lee Chan added.",
        "The group plans a lawsuit",
        "Lee Chan",
        "add",
        None,
    ),
    (
        "interview-with",
        "Nora Blake said in an interview with NPR that the strike would go on.",
        "the strike would go on",
        "Nora Blake",
        "say",
        "NPR",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "verb", "outlet"), [c[1:] for c in INDIRECT], ids=[c[0] for c in INDIRECT]
)
def test_quotes_indirect(find: Find, text: str, fragment: str, speaker: str, verb: str, outlet: str | None) -> None:
    quote = _quote(find(text)["quotes"], fragment, direct=False)
    assert (quote.speaker, quote.verb, quote.cited_outlet) == (speaker, verb, outlet)
    assert text[quote.start : quote.end] == quote.text


# id, text, fragment, direct
ANONYMOUS = [
    (
        "condition-of-anonymity",
        "An official, speaking on the condition of anonymity, said the talks had collapsed.",
        "the talks had collapsed",
        False,
    ),
    ("sources-said", "The company will cut 500 jobs next month, sources said.", "will cut 500 jobs", False),
    (
        "source-familiar",
        "A source familiar with the matter told Reuters that the deal was off.",
        "the deal was off",
        False,
    ),
    (
        "not-authorized",
        "An official who was not authorized to speak publicly said the plant would close.",
        "the plant would close",
        False,
    ),
    (
        "according-to-sources",
        "The mayor will resign this week, according to two sources close to her office.",
        "The mayor will resign",
        False,
    ),
    (
        "officer-introduced-anonymous",
        "A police officer who asked not to be named described the scene. "
        "“It was chaos from start to finish,” the officer said.",
        "It was chaos",
        True,
    ),
    (
        "pronoun-of-anonymous",
        "One dockworker, who spoke on condition of anonymity, said he feared for his job. "
        "“People would rather work hurt than disappear,” he said.",
        "People would rather work hurt",
        True,
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "fragment", "direct"), [c[1:] for c in ANONYMOUS], ids=[c[0] for c in ANONYMOUS])
def test_quotes_anonymous(find: Find, text: str, fragment: str, direct: bool) -> None:
    quote = _quote(find(text)["quotes"], fragment, direct=direct)
    assert quote.anonymous
    assert quote.speaker_actor is None


@pytest.mark.slow
def test_quotes_anonymous_speaker_is_a_description(find: Find) -> None:
    text = (
        "Speaking to the Daily Kos on the condition of anonymity, one police officer in Marin County explained "
        "that the rule changes nothing. “We will keep working with federal agents,” the officer said."
    )
    quotes = find(text)["quotes"]
    indirect, direct = _quote(quotes, "the rule changes nothing", False), _quote(quotes, "We will keep working", True)
    assert indirect.speaker == direct.speaker == "police officer in Marin County"
    assert indirect.anonymous and direct.anonymous
    assert (indirect.verb, indirect.cited_outlet) == ("explain", "Daily Kos")


# id, text: nothing in them is a quote
NOT_QUOTES = [
    ("scare-quote", "The city adopted a “sanctuary city” ordinance on Tuesday."),
    ("scare-subject", "Trump’s “border czar” is threatening to round up migrants."),
    ("scare-headline", "Los Angeles Becomes “Sanctuary City” Amid Plans For Mass Deportation"),
    ("apostrophes", "The workers' union met in the '90s, and it's still the members' choice."),
    ("document", "Port police made 31 arrests last year, according to the annual safety report."),
    ("outlet-only", "Shipping lines are leaving the port, according to the Wall Street Journal."),
    ("negated", "Mayor Jo Lin did not say whether the plan would pass next year."),
    ("declined", "Howard Brandt declined to say how much the new terminal would cost."),
    ("passive-report", "The plant had planned a new line next year, as first reported by the Associated Press."),
    ("asked-not-named", "A mother, who asked that her name not be used because her case is pending, cried."),
]


@pytest.mark.slow
@pytest.mark.parametrize("text", [c[1] for c in NOT_QUOTES], ids=[c[0] for c in NOT_QUOTES])
def test_quotes_none_found(find: Find, text: str) -> None:
    assert find(text)["quotes"] == []


@pytest.mark.slow
def test_quotes_scare_quote_in_reported_speech_is_not_a_direct_quote(find: Find) -> None:
    quotes = find("Hale said the “green” plan was ready for a vote.")["quotes"]
    assert [(q.direct, q.text) for q in quotes] == [(False, "the “green” plan was ready for a vote")]


@pytest.mark.slow
def test_quotes_scare_quote_beside_real_quote(find: Find) -> None:
    text = "“We will act,” Homan said. The “border czar” left town."
    assert [q.text for q in find(text)["quotes"]] == ["We will act"]


@pytest.mark.slow
def test_quotes_no_findable_speaker(find: Find) -> None:
    text = "The rally ended at noon.\n\n“We will never surrender to fear, whatever it costs us.”"
    quote = _quote(find(text)["quotes"], "We will never surrender")
    assert (quote.speaker, quote.mention, quote.verb, quote.direct) == (None, None, None, True)


@pytest.mark.slow
def test_quotes_inside_boilerplate_ignored(nlp_resources: Resources) -> None:
    from slant.model import Boilerplate

    text = "The vote passed.\n“Donate today to keep our newsroom going,” said editor Jan Holm."
    start = text.index("“")
    article = Article(
        id="a1",
        source="t",
        text=text,
        boilerplate=[Boilerplate(start=start, end=len(text), text=text[start:], kind="donation")],
    )
    comparison = parse(Comparison(articles=[article]), nlp_resources)
    assert run(comparison, nlp_resources, Settings())["quotes"] == []


@pytest.mark.slow
def test_quotes_speaker_from_actors(find: Find) -> None:
    text = "LA County Sheriff Robert Luna spoke Thursday. “We will not ask about status,” he said."
    start = text.index("Robert Luna")
    luna = Actor(
        id="p7",
        name="Robert A. Luna",
        type="PERSON",
        articles=["a1"],
        mentions=[Mention(article="a1", text="Robert Luna", start=start, end=start + len("Robert Luna"))],
    )
    county = Actor(
        id="g1",
        name="Los Angeles County",
        type="GPE",
        articles=["a1"],
        mentions=[Mention(article="a1", text="LA County", start=0, end=9)],
    )
    quote = _quote(find(text, actors=[county, luna])["quotes"], "We will not ask")
    assert (quote.speaker, quote.speaker_actor, quote.mention) == ("Robert A. Luna", "p7", "he")


@pytest.mark.slow
@pytest.mark.parametrize("actors", [None, []], ids=["none", "empty"])
def test_quotes_without_actors(find: Find, actors: list[Actor] | None) -> None:
    quote = _quote(find("“We will win,” Ana Ortiz said.", actors=actors)["quotes"], "We will win")
    assert (quote.speaker, quote.speaker_actor) == ("Ana Ortiz", None)


def test_quotes_needs_parsed_articles() -> None:
    comparison = Comparison(articles=[Article(id="a1", source="t", text="“Hi there, friends,” she said.")])
    with pytest.raises(PipelineError):
        run(comparison, Resources(), Settings())


@pytest.mark.slow
def test_quotes_returns_only_its_fields(find: Find) -> None:
    result = find("“We will win,” Ana Ortiz told CNN.")
    assert set(result) == {"quotes", "sources"}
    assert [s.outlet for s in result["sources"]] == ["CNN"]
