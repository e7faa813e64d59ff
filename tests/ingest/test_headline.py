"""split_headline: a short unpunctuated first line is the headline; a lede sentence is not."""

from __future__ import annotations

import pytest

from slant.ingest.headline import split_headline

BODY = "The district council voted on Thursday to rebuild the flood wall."


@pytest.mark.parametrize(
    ("first", "sep", "title"),
    [
        ("Fenwick Valley votes to rebuild its flood wall", "\n\n", True),
        ("Fenwick Valley votes to rebuild its flood wall", "\n", True),
        ("Council Approves “Flood Wall” Amid Protests", "\n\n", True),
        ("Will The Council Finally Act?", "\n\n", True),
        ("Flood Wall Approved.", "\n\n", True),
        ("Will the council finally act?", "\n\n", False),
        ("The council voted on Thursday to rebuild the wall.", "\n\n", False),
        ("The council voted on Thursday to rebuild the wall.", "\n", False),
        ("The council said:", "\n", False),
        ("FENWICK VALLEY (Courier) —", "\n", False),
        ("By Nora Quillfeather", "\n\n", False),
        ("Flood", "\n\n", False),
        (" ".join(["word"] * 26), "\n\n", False),
    ],
)
def test_split_headline_recognises_headlines(first: str, sep: str, title: bool) -> None:
    headline, body = split_headline(first + sep + BODY)
    if title:
        assert (headline, body) == (first, BODY)
    else:
        assert (headline, body) == (None, first + sep + BODY)


def test_split_headline_hard_wrapped_lede_is_not_a_headline() -> None:
    text = "The district council voted on Thursday to rebuild the crumbling flood wall along\nthe river, ending years of argument."
    assert split_headline(text) == (None, text)


def test_split_headline_single_line_is_body() -> None:
    assert split_headline("Fenwick Valley votes to rebuild its flood wall") == (
        None,
        "Fenwick Valley votes to rebuild its flood wall",
    )


def test_split_headline_known_title_removes_repeated_first_line() -> None:
    text = "Flood wall vote\n\n" + BODY
    assert split_headline(text, "Flood  wall VOTE") == ("Flood  wall VOTE", BODY)


def test_split_headline_known_title_keeps_a_different_first_line() -> None:
    text = "Fenwick Valley votes\n" + BODY
    assert split_headline(text, "Flood wall vote") == ("Flood wall vote", text)
