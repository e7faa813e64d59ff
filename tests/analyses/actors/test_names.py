"""Name normalisation used to merge actors across articles."""

from __future__ import annotations

import pytest

from slant.analyses.actors.names import acronym, clean_name, name_key, split_title


@pytest.mark.parametrize(
    ("raw", "name", "offset"),
    [
        ("the U.S.", "U.S.", 4),
        ("Trump’s", "Trump", 0),
        ("“Homan,”", "Homan", 1),
        ("[LAPD]", "LAPD", 1),
        ("Los Angeles.", "Los Angeles", 0),
        ("Jones'", "Jones", 0),
        ("O'Brien", "O'Brien", 0),
        ("Bass", "Bass", 0),
        ("Port Authority of Bayside (PAB", "Port Authority of Bayside", 0),
    ],
)
def test_clean_name_trims_marks_articles_and_possessives(raw: str, name: str, offset: int) -> None:
    assert clean_name(raw) == (name, offset)


@pytest.mark.parametrize(
    ("raw", "key"),
    [("Sheriff Robert Luna", "robert luna"), ("U.S.", "us"), ("Mayor", "mayor"), ("“Tom  Homan”", "tom homan")],
)
def test_name_key_folds_case_dots_and_titles(raw: str, key: str) -> None:
    assert name_key(raw) == key


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Los Angeles Police Department", "LAPD"),
        ("Immigration and Customs Enforcement", "ICE"),
        ("Los Angeles", "LA"),
        ("Port Authority of Calder Bay", "PACB"),
        ("Homan", None),
        ("the city council", None),
    ],
)
def test_acronym_of_multiword_names(name: str, expected: str | None) -> None:
    assert acronym(name) == expected


@pytest.mark.parametrize(
    ("words", "cut"),
    [
        ("Calder County Sheriff Wade Colter".split(), 3),
        ("City Councilmember Hugo Soto-Martinez".split(), 2),
        ("Calder Bay City Council".split(), 0),
        ("Robert Luna".split(), 0),
    ],
)
def test_split_title_finds_where_the_name_starts(words: list[str], cut: int) -> None:
    assert split_title(words) == cut


@pytest.mark.parametrize(
    ("words", "cut"),
    [("Board Chair Elena Vasquez".split(), 2), ("Councilmembers Jordan Pike".split(), 1)],
)
def test_split_title_chairs_and_plural_titles(words: list[str], cut: int) -> None:
    assert split_title(words) == cut
