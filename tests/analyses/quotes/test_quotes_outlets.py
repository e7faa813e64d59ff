"""News outlets cited as sources: the shipped list, the name pattern and the cues that make a citation."""

from __future__ import annotations

import pytest

from slant.analyses.quotes.outlets import find_cites, looks_like_outlet, outlet_name
from slant.model import Article, Comparison
from slant.nlp.parse import parse
from slant.nlp.resources import Resources


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("the Guardian", "Guardian"),
        ("The Guardian", "Guardian"),
        ("AP", "Associated Press"),
        ("the Associated Press", "Associated Press"),
        ("NYT", "New York Times"),
        ("The New York Times", "New York Times"),
        ("the Daily Caller", "Daily Caller"),
        ("Newsmax", "Newsmax"),
        ("Daily Kos", "Daily Kos"),
        ("The Hill", "The Hill"),
        ("Fox News Channel", "Fox News"),
        ("Banana Republic", None),
        ("the committee", None),
    ],
)
def test_quotes_outlet_name(name: str, canonical: str | None) -> None:
    assert outlet_name(name) == canonical


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Calder", "Bay", "Ledger"], True),
        (["Marlow", "Daily", "News"], True),
        (["St.", "Louis", "Post-Dispatch"], True),
        (["KTLA"], True),
        (["WHO"], False),
        (["White", "House", "Press", "Secretary"], False),
        (["Community", "and", "Labor", "Center"], False),
        (["Sun", "Valley"], False),
    ],
)
def test_quotes_outlet_pattern(words: list[str], expected: bool) -> None:
    assert looks_like_outlet(words) is expected


@pytest.fixture(scope="session")
def _resources() -> Resources:
    resources = Resources()
    resources.nlp  # noqa: B018 (load the pipeline once for the session)
    return resources


def _cites(resources: Resources, text: str) -> list[tuple[str, str]]:
    comparison = parse(Comparison(articles=[Article(id="a1", source="t", text=text)]), resources)
    doc = comparison.nlp.docs["a1"]
    bounds = [(s.start, s.end) for s in comparison.articles[0].sentences]
    return [(c.outlet, text[c.cue_start : c.cue_end]) for c in find_cites(doc, bounds, [])]


# text, (outlet, cue as written)
CITED = [
    ('"We will win," Homan told Newsmax.', ("Newsmax", "told Newsmax")),
    ("She told the Associated Press that the vote was close.", ("Associated Press", "told the Associated Press")),
    ("Bass holds a veto, according to the Daily Caller.", ("Daily Caller", "according to the Daily Caller")),
    (
        "Padilla warned in an interview with the Guardian that farms would close.",
        ("Guardian", "in an interview with the Guardian"),
    ),
    ("Speaking to Daily Kos, one officer said the rule changes nothing.", ("Daily Kos", "Speaking to Daily Kos")),
    (
        "Agents were reassigned, according to sources who spoke with the New York Post.",
        ("New York Post", "spoke with the New York Post"),
    ),
    ("The plan was first reported by Politico on Monday.", ("Politico", "first reported by Politico")),
    ("Reuters reported that the deal had collapsed.", ("Reuters", "Reuters reported")),
    ("Politico's reporting shows the memo was never sent.", ("Politico", "Politico's reporting")),
    (
        "The mayor told the Calder Bay Ledger that she would run again.",
        ("Calder Bay Ledger", "told the Calder Bay Ledger"),
    ),
    ("The chief told KTLA that two officers were hurt.", ("KTLA", "told KTLA")),
    ("A source told AP the talks had stalled.", ("Associated Press", "told AP")),
    ("Lee said on Fox News that the tariffs would stay.", ("Fox News", "said on Fox News")),
    ("Ships are leaving, according to a Reuters report.", ("Reuters", "according to a Reuters")),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), CITED, ids=[c[1][0] + ":" + c[1][1] for c in CITED])
def test_quotes_outlet_cited(_resources: Resources, text: str, expected: tuple[str, str]) -> None:
    assert _cites(_resources, text) == [expected]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Newsmax is a cable channel based in Florida.",
        "Michael Bloomberg said he would fund the campaign.",
        "Fox News hosts criticised the decision on air.",
        "White House Press Secretary Karine Jean-Pierre told reporters the bill was dead.",
        "The Times Square crowd cheered loudly.",
        "According to Sun Valley officials, the road will reopen.",
    ],
)
def test_quotes_outlet_not_cited(_resources: Resources, text: str) -> None:
    assert _cites(_resources, text) == []


@pytest.mark.slow
def test_quotes_outlet_inside_quotation_is_not_a_cue(_resources: Resources) -> None:
    text = "“As I told CNN last week, we are not leaving,” Ortiz said."
    comparison = parse(Comparison(articles=[Article(id="a1", source="t", text=text)]), _resources)
    doc = comparison.nlp.docs["a1"]
    bounds = [(s.start, s.end) for s in comparison.articles[0].sentences]
    assert find_cites(doc, bounds, [(0, text.index("”"))]) == []


@pytest.mark.slow
def test_quotes_outlet_short_form_takes_full_name(_resources: Resources) -> None:
    text = "The plan was first reported by the Marlow Ledger. Okafor told the Ledger that a vote was near."
    assert [o for o, _ in _cites(_resources, text)] == ["Marlow Ledger", "Marlow Ledger"]
