"""Voice balance and stated sides: every quoted word counted once, shares that add up, party cues."""

from __future__ import annotations

import pytest

from slant.analyses.portrayal.sides import _cue_sides, actor_side
from slant.analyses.portrayal.voices import quoted_words, voice_balance
from slant.model import Actor, Article, Comparison, Mention, Quote

TEXT = (
    "Mayor Dana Ruiz said the plan would “protect every tenant in the city” and more. "
    "A city official, speaking on condition of anonymity, said the budget was short. "
    "“Nothing is settled,” an aide said."
)


def _quote(start: int, end: int, **kw: object) -> Quote:
    fields: dict[str, object] = {"speaker": None, "mention": None, "verb": "say", "direct": True}
    fields.update(kw)
    return Quote(article="a1", text=TEXT[start:end], start=start, end=end, **fields)  # type: ignore[arg-type]


def _quotes() -> list[Quote]:
    outer_start = TEXT.index("the plan")
    inner_start = TEXT.index("protect")
    anon_start = TEXT.index("the budget")
    last = TEXT.index("Nothing")
    return [
        _quote(outer_start, TEXT.index(" and more"), speaker="Dana Ruiz", speaker_actor="p1", direct=False),
        _quote(inner_start, TEXT.index("” and"), speaker="Dana Ruiz", speaker_actor="p1"),
        _quote(anon_start, TEXT.index(" was short") + 10, speaker="city official", anonymous=True, direct=False),
        _quote(last, last + len("Nothing is settled")),
    ]


def test_nested_quotes_count_each_word_once() -> None:
    article = Article(id="a1", source="t", text=TEXT)
    words = quoted_words(article, _quotes())
    assert words[0] == len("the plan would “protect every tenant in the city”".split())
    assert 1 not in words  # the partial quote lies inside the indirect one


def test_shares_sum_to_the_quoted_words() -> None:
    article = Article(id="a1", source="t", text=TEXT)
    balance = voice_balance(article, _quotes(), {"p1": "Democratic"})
    assert balance.quotes == 4
    assert sum(v.words for v in balance.voices) == balance.quoted_words
    assert sum(v.share for v in balance.voices) == pytest.approx(1.0, abs=1e-3)
    top = balance.voices[0]
    assert (top.name, top.actor, top.side, top.quotes) == ("Dana Ruiz", "p1", "Democratic", 2)
    anonymous = next(v for v in balance.voices if v.anonymous)
    assert anonymous.name == "city official"
    assert balance.anonymous_share == pytest.approx(anonymous.words / balance.quoted_words, abs=1e-4)
    assert balance.sides["Democratic"] == top.share and "unstated" in balance.sides
    assert any(v.name == "unattributed" for v in balance.voices)


def test_no_quotes() -> None:
    balance = voice_balance(Article(id="a1", source="t", text=TEXT), [], {})
    assert (balance.quoted_words, balance.voices, balance.sides) == (0, [], {})


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Sen. Alex Padilla (D-Calif.) spoke.", "Alex Padilla", ["Democratic"]),
        ("Rep. Dana Rohrabacher, R-Calif., said no.", "Dana Rohrabacher", ["Republican"]),
        ("Republican Sen. Ted Cruz said no.", "Ted Cruz", ["Republican"]),
        ("Barney Frank, a Democrat of Massachusetts, said no.", "Barney Frank", ["Democratic"]),
        ("Luna is a Republican.", "Luna", ["Republican"]),
        ("The Democratic Party hired Ann Lee last year.", "Ann Lee", []),  # too far from the name
        ("Ann Lee (right) spoke.", "Ann Lee", []),
    ],
)
def test_party_cues(text: str, name: str, expected: list[str]) -> None:
    start = text.index(name)
    assert _cue_sides(text, start, start + len(name)) == expected


def test_actor_side_votes_and_groups() -> None:
    text = "Sen. Al Diaz (D-Texas) spoke. Diaz, a Republican, later denied it. Senate Democrats met."
    article = Article(id="a1", source="t", text=text)
    comparison = Comparison(articles=[article])
    diaz = Actor(
        id="p1",
        name="Al Diaz",
        type="PERSON",
        mentions=[
            Mention(article="a1", text="Al Diaz", start=5, end=12),
            Mention(article="a1", text="Diaz", start=30, end=34),
        ],
    )
    group = Actor(id="p2", name="Senate Democrats", type="ORG", mentions=[])
    assert actor_side(comparison, diaz) is None  # one cue each way: unstated
    assert actor_side(comparison, group) == "Democratic"


def test_epithets_set_off_by_commas(nlp_resources) -> None:  # type: ignore[no-untyped-def]
    from slant.analyses.portrayal.portrayal import epithets

    text = "Mark Doyle, accused of taking bribes, resigned. Ana Lee, who has led the union since 2019, said no. Bo Kim spoke."
    doc = nlp_resources.nlp(text)
    assert epithets(doc, 0, 10) == ["accused of taking bribes"]
    at = text.index("Ana Lee")
    assert epithets(doc, at, at + 7) == ["who has led the union since 2019"]
    at = text.index("Bo Kim")
    assert epithets(doc, at, at + 6) == []
