"""Quotes in whole articles: the two seeds (read in place) and four articles written for these tests
in other house styles ("said X", colon introductions, multi-paragraph quotes, UK single quotes, wire copy).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from slant.analyses.quotes.quotes import run
from slant.model import Article, Comparison, Quote
from slant.nlp.parse import parse
from slant.nlp.resources import Resources
from slant.settings import Settings

FLOOD = """City unveils flood plan after record storm

The city of Marlow unveiled a $90 million flood-protection plan on Friday, a week after a record storm swamped the riverfront.

"We cannot keep rebuilding the same streets every spring," said Mayor Denise Okafor, who announced the plan at a news conference. "This time we are going to build something that lasts."

Okafor said the plan would raise the levee along the Harlow River by four feet and add two pumping stations.

City engineer Paul Whitcombe put it bluntly: "The old levee was designed for a storm we now see every five years."

Whitcombe added that construction could begin in the fall.

Resident Grace Liu, whose bakery flooded twice in three years, was skeptical. She said:

"I have heard promises before. Every time the water goes down, so does the city's interest.

"I will believe it when I see the trucks."

According to two city officials who spoke on the condition of anonymity, the council has not yet agreed on how to pay for the plan.

"There is no money for this," one of the officials said. "Not yet."

The plan was first reported by the Marlow Ledger. Okafor told the Ledger that she hoped to hold a vote in March.
"""

RAIL = """Ministers 'ignored warnings' over rail chaos, report finds

Ministers ignored repeated warnings about the collapse of rail services in the north, a report by MPs has found.

The Transport Committee said the Department for Transport had been 'asleep at the wheel' while timetables fell apart.

'Passengers were let down at every turn,' said Dame Helen Marsh, the committee's chair. 'The department knew what was coming and chose to look away.'

Speaking to the BBC, rail union leader Tom Kerr said workers had warned managers for years. 'Nobody listened to us,' he said. 'Not once.'

A senior rail industry source, who asked not to be named, told the Guardian that the problems would take years to fix.

The committee's so-called 'red list' of failing routes includes 14 lines, and the workers' union wants them fixed.
"""

SENATE = """WASHINGTON (AP) — The Senate on Tuesday approved a bill that would expand broadband access in rural areas, sending the measure to the president's desk.

"This is about making sure a kid in rural Kansas has the same chance as a kid in Manhattan," Sen. Maria Delgado, D-N.M., said on the Senate floor.

Sen. John Avery, R-Texas, opposed the bill, arguing that it duplicated existing programs. Avery said the measure would add $40 billion to the deficit over a decade.

"We are paying twice for the same cable," he said.

The White House said in a statement that President Harris would sign the bill this week.

Broadband providers have lobbied against parts of the bill, according to people familiar with the negotiations.

The new funding, Delgado said, would reach about 4 million homes.

"Will it fix everything? No," she said. "But it is a start."

Reuters reported last week that several providers were preparing legal challenges.
"""

WIRE = """Governor signs sweeping climate bill into law

SACRAMENTO, Calif. (AP) — Gov. Ellen Marsh signed a sweeping climate bill on Tuesday that requires large companies to report their emissions.

"Our state is once again leading the nation," Marsh said in a statement. "This is how you fight climate change."

The bill's author, state Sen. Scott Wiener, told reporters: "This was a long fight, and we won it."

Business groups called the measure "a job killer" and warned that costs would be passed on to consumers.

Speaking on CNN's "State of the Union," Wiener said the law would survive any lawsuit. "We wrote it carefully," he said, noting that similar rules exist in Europe.

A spokesperson for Chevron did not respond to a request for comment.

"It's a great day," said Maria Alvarez, an activist with the Sierra Club.
"""


def _run(resources: Resources, *texts: str) -> dict[str, Any]:
    articles = [Article(id=f"a{i}", source="t", text=text) for i, text in enumerate(texts, start=1)]
    return run(parse(Comparison(articles=articles), resources), resources, Settings())


@pytest.fixture(scope="session")
def invented(nlp_resources: Resources) -> dict[str, Any]:
    return _run(nlp_resources, FLOOD, RAIL, SENATE, WIRE)


@pytest.fixture(scope="session")
def seeded(seeds: tuple[Path, Path], nlp_resources: Resources) -> dict[str, Any]:
    return _run(nlp_resources, *(p.read_text(encoding="utf-8") for p in seeds))


def _quote(quotes: list[Quote], article: str, fragment: str, direct: bool | None = None) -> Quote:
    found = [q for q in quotes if q.article == article and fragment in q.text and direct in (None, q.direct)]
    assert found, f"no quote in {article} holding {fragment!r}"
    return found[0]


# -- the seeds ----------------------------------------------------------------

# article, fragment, direct, speaker, mention, verb, cited outlet (None: not checked)
SEED_QUOTES = [
    (
        "a1",
        "We don't and will not start asking people about their immigration status",
        True,
        "Robert Luna",
        "he",
        "say",
        None,
    ),
    ("a1", "If I gotta send twice as many officers", True, "Tom Homan", "Homan", "tell", "Newsmax"),
    ("a1", "We got a mandate", True, "Tom Homan", None, None, None),
    ("a1", "Without undocumented immigrant labor", True, "Ana Padilla", "Ana Padilla", "warn", "Guardian"),
    ("a2", "We’re going to send a very clear message", True, "Hugo Soto-Martinez", None, "say", None),
    ("a2", "We want people to feel protected", True, "Hugo Soto-Martinez", None, "say", None),
    (
        "a2",
        "send a clear message that undocumented immigrants are protected",
        False,
        "Hugo Soto-Martinez",
        None,
        "tell",
        "Associated Press",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("article", "fragment", "direct", "speaker", "mention", "verb", "outlet"),
    SEED_QUOTES,
    ids=[f"{c[0]}:{c[1][:24]}" for c in SEED_QUOTES],
)
def test_quotes_seed_speakers(
    seeded: dict[str, Any],
    article: str,
    fragment: str,
    direct: bool,
    speaker: str,
    mention: str | None,
    verb: str | None,
    outlet: str | None,
) -> None:
    quote = _quote(seeded["quotes"], article, fragment, direct)
    assert quote.speaker == speaker and not quote.anonymous
    if mention is not None:
        assert quote.mention == mention
    if verb is not None:
        assert quote.verb == verb
    if outlet is not None:
        assert quote.cited_outlet == outlet


@pytest.mark.slow
@pytest.mark.parametrize(
    ("article", "fragment"),
    [
        ("a1", "[LAPD] will cooperate with ICE/HSI"),
        ("a1", "this ordinance won’t protect undocumented immigrants"),
        ("a2", "Thousands of ICE officers and agents have been assigned"),
    ],
)
def test_quotes_seed_anonymous(seeded: dict[str, Any], article: str, fragment: str) -> None:
    assert _quote(seeded["quotes"], article, fragment).anonymous


@pytest.mark.slow
def test_quotes_seed_internal_sources_cite_the_post(seeded: dict[str, Any]) -> None:
    quote = _quote(seeded["quotes"], "a2", "Thousands of ICE officers")
    assert (quote.direct, quote.verb, quote.cited_outlet) == (False, "according to", "New York Post")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("article", "outlets"),
    [
        ("a1", {"Newsmax", "Guardian", "Daily Kos"}),
        ("a2", {"Daily Caller", "Associated Press", "New York Post"}),
    ],
)
def test_quotes_seed_sources(seeded: dict[str, Any], article: str, outlets: set[str]) -> None:
    assert outlets <= {s.outlet for s in seeded["sources"] if s.article == article}


@pytest.mark.slow
def test_quotes_seed_scare_quotes_are_not_quotes(seeded: dict[str, Any]) -> None:
    texts = {q.text.strip(" ,.").lower() for q in seeded["quotes"]}
    assert not texts & {"sanctuary city", "border czar"}


@pytest.mark.slow
def test_quotes_seed_spans_and_sentences(seeded: dict[str, Any], seeds: tuple[Path, Path]) -> None:
    texts = {f"a{i}": p.read_text(encoding="utf-8") for i, p in enumerate(seeds, start=1)}
    for quote in seeded["quotes"]:
        assert texts[quote.article][quote.start : quote.end] == quote.text
        assert quote.sentence is not None and quote.sentence.startswith(quote.article + ".s")
    for cite in seeded["sources"]:
        assert texts[cite.article][cite.start : cite.end] == cite.cue


# -- articles written for these tests -----------------------------------------------

# article, fragment, direct, speaker, anonymous, verb, cited outlet
INVENTED = [
    ("a1", "We cannot keep rebuilding", True, "Denise Okafor", False, "say", None),
    ("a1", "This time we are going to build", True, "Denise Okafor", False, "say", None),
    ("a1", "raise the levee along the Harlow River", False, "Denise Okafor", False, "say", None),
    ("a1", "The old levee was designed", True, "Paul Whitcombe", False, "put", None),
    ("a1", "construction could begin in the fall", False, "Paul Whitcombe", False, "add", None),
    ("a1", "I have heard promises before", True, "Grace Liu", False, "say", None),
    ("a1", "I will believe it when I see the trucks", True, "Grace Liu", False, "say", None),
    ("a1", "the council has not yet agreed", False, "city officials", True, "according to", None),
    ("a1", "There is no money for this", True, "city officials", True, "say", None),
    ("a1", "Not yet.", True, "city officials", True, "say", None),
    ("a1", "she hoped to hold a vote in March", False, "Denise Okafor", False, "tell", "Marlow Ledger"),
    ("a2", "the Department for Transport had been", False, "Transport Committee", False, "say", None),
    ("a2", "asleep at the wheel", True, "Transport Committee", False, "say", None),
    ("a2", "Passengers were let down at every turn", True, "Helen Marsh", False, "say", None),
    ("a2", "The department knew what was coming", True, "Helen Marsh", False, "say", None),
    ("a2", "workers had warned managers for years", False, "Tom Kerr", False, "say", "BBC"),
    ("a2", "Nobody listened to us", True, "Tom Kerr", False, "say", None),
    ("a2", "Not once.", True, "Tom Kerr", False, "say", None),
    ("a2", "the problems would take years to fix", False, "senior rail industry source", True, "tell", "Guardian"),
    ("a3", "This is about making sure a kid", True, "Maria Delgado", False, "say", None),
    ("a3", "it duplicated existing programs", False, "John Avery", False, "argue", None),
    ("a3", "the measure would add $40 billion", False, "John Avery", False, "say", None),
    ("a3", "We are paying twice for the same cable", True, "John Avery", False, "say", None),
    ("a3", "President Harris would sign the bill", False, "White House", False, "say", None),
    (
        "a3",
        "Broadband providers have lobbied",
        False,
        "people familiar with the negotiations",
        True,
        "according to",
        None,
    ),
    ("a3", "would reach about 4 million homes", False, "Maria Delgado", False, "say", None),
    ("a3", "Will it fix everything? No", True, "Maria Delgado", False, "say", None),
    ("a3", "But it is a start.", True, "Maria Delgado", False, "say", None),
    ("a4", "Our state is once again leading", True, "Ellen Marsh", False, "say", None),
    ("a4", "This is how you fight climate change", True, "Ellen Marsh", False, "say", None),
    ("a4", "This was a long fight", True, "Scott Wiener", False, "tell", None),
    ("a4", "a job killer", True, "Business groups", False, "call", None),
    ("a4", "costs would be passed on to consumers", False, "Business groups", False, "warn", None),
    ("a4", "the law would survive any lawsuit", False, "Scott Wiener", False, "say", "CNN"),
    ("a4", "We wrote it carefully", True, "Scott Wiener", False, "say", None),
    ("a4", "similar rules exist in Europe", False, "Scott Wiener", False, "note", None),
    ("a4", "It's a great day", True, "Maria Alvarez", False, "say", None),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("article", "fragment", "direct", "speaker", "anonymous", "verb", "outlet"),
    INVENTED,
    ids=[f"{c[0]}:{c[1][:24]}" for c in INVENTED],
)
def test_quotes_invented_articles(
    invented: dict[str, Any],
    article: str,
    fragment: str,
    direct: bool,
    speaker: str,
    anonymous: bool,
    verb: str,
    outlet: str | None,
) -> None:
    quote = _quote(invented["quotes"], article, fragment, direct)
    assert (quote.speaker, quote.anonymous, quote.verb, quote.cited_outlet) == (speaker, anonymous, verb, outlet)


@pytest.mark.slow
def test_quotes_invented_articles_have_nothing_else(invented: dict[str, Any]) -> None:
    expected = {(a, f, d) for a, f, d, *_ in INVENTED}
    extra = [
        (q.article, q.text, q.direct)
        for q in invented["quotes"]
        if not any(a == q.article and f in q.text and d == q.direct for a, f, d in expected)
    ]
    assert extra == []


@pytest.mark.slow
def test_quotes_invented_articles_sources(invented: dict[str, Any]) -> None:
    cited = sorted((s.article, s.outlet, s.cue) for s in invented["sources"])
    assert cited == [
        ("a1", "Marlow Ledger", "first reported by the Marlow Ledger"),
        ("a1", "Marlow Ledger", "told the Ledger"),
        ("a2", "BBC", "Speaking to the BBC"),
        ("a2", "Guardian", "told the Guardian"),
        ("a3", "Reuters", "Reuters reported"),
        ("a4", "CNN", "Speaking on CNN"),
    ]
