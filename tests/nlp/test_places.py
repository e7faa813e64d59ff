"""Which country a name stands for (nlp/places.py)."""

from __future__ import annotations

import pytest

from slant.nlp.places import country_of, state_noun


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("United States", "USA"),
        ("the U.S.", "USA"),
        ("America", "USA"),
        ("Americans", "USA"),
        ("Washington", "USA"),
        ("Pyongyang", "PRK"),
        ("North Korean", "PRK"),
        ("North Koreans", "PRK"),
        ("Japanese", "JPN"),
        ("Iranians", "IRN"),
        ("Britain", "GBR"),
        ("French", "FRA"),
        ("Russia's", "RUS"),
        ("the Netherlands", "NLD"),
        ("Netherlands", "NLD"),
        ("DPRK", "PRK"),
        ("the PRC", "CHN"),
        ("U.A.E.", "ARE"),
        ("Burma", "MMR"),
    ],
)
def test_places_country_forms(text: str, code: str) -> None:
    assert country_of(text) == code


@pytest.mark.parametrize("text", ["Korea", "Democrats", "the North", "Calder Bay", "Republican"])
def test_places_not_a_country(text: str) -> None:
    assert country_of(text) is None


def test_places_capital_only_when_asked() -> None:
    assert country_of("Moscow") == "RUS"
    assert country_of("Moscow", allow_capital=False) is None


@pytest.mark.parametrize(
    ("lemma", "plural", "state"),
    [
        ("government", False, True),
        ("regime", False, True),
        ("official", True, True),
        ("official", False, False),
        ("leader", False, False),
    ],
)
def test_state_nouns_stand_for_a_state_and_one_official_does_not(lemma: str, plural: bool, state: bool) -> None:
    assert state_noun(lemma, plural) is state
