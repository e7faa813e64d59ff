"""cues.classify: strong cues, weak filler, soft outlet voice and reporting told apart sentence by sentence."""

from __future__ import annotations

import pytest

from slant.ingest.cues import Label, Strength, classify, family


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Chip in $5 today to keep local news alive.", Label("donation", Strength.STRONG)),
        ("Support conservative journalism.", Label("donation", Strength.STRONG)),
        ("Consider making a contribution today.", Label("donation", Strength.STRONG)),
        ("Please make a tax-deductible gift today.", Label("donation", Strength.STRONG)),
        ("The Courier is reader-supported.", Label("donation", Strength.WEAK)),
        ("We can't do this without you.", Label("donation", Strength.WEAK)),
        ("Nora Quill covers city hall for the Courier.", Label("bio", Strength.WEAK)),
        ("We don't take money from politicians or big corporations.", Label("donation", Strength.SOFT)),
        ("Unlike many news organizations, we have no paywall.", Label("donation", Strength.SOFT)),
        ("Independent journalism is under threat.", Label("donation", Strength.SOFT)),
        ("We reached out to the mayor's office for comment.", None),
        ("The council voted 7-2 on Thursday.", None),
    ],
)
def test_classify_tells_strong_weak_soft_and_reporting(sentence: str, label: Label | None) -> None:
    assert classify(sentence) == label


@pytest.mark.parametrize(
    "sentence",
    [
        "Donate today, the pastor told the congregation.",
        "We can't do this without you, volunteers said.",
        "Please donate whatever you can, according to the flyer.",
    ],
)
def test_classify_attributed_sentences_are_reporting(sentence: str) -> None:
    assert classify(sentence) is None


def test_classify_quoted_sentences_match_only_labels() -> None:
    assert classify("Donate today.", quoted=True) is None
    assert classify("Copyright 2024 The Fenwick Courier.", quoted=True) == Label("copyright", Strength.STRONG)


def test_classify_long_sentences_are_reporting() -> None:
    assert classify("Donate today. " + "x" * 400) is None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("donation", "newsletter", True),
        ("donation", "tip", True),
        ("donation", "bio", False),
        ("copyright", "credit", False),
    ],
)
def test_family_groups_the_reader_appeals(a: str, b: str, same: bool) -> None:
    assert (family(a) == family(b)) is same
