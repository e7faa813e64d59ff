"""Noun chunks mended where a hyphenated modifier breaks spaCy's (slant/nlp/chunks.py)."""

from __future__ import annotations

import pytest

from slant.nlp.chunks import noun_chunks

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def parse():  # type: ignore[no-untyped-def]
    from slant.nlp.resources import Resources

    return Resources().nlp


def _chunks(parse, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.text for c in noun_chunks(parse(text))]


@pytest.mark.parametrize(
    ("text", "chunk"),
    [
        ("The mayor spoke to a room full of out-of-state landlords on Friday.", "out-of-state landlords"),
        ("A state-of-the-art clinic opened in Dunmore.", "A state-of-the-art clinic"),
        ("Pharmacies stocked over-the-counter remedies again.", "over-the-counter remedies"),
        ("Volunteers ran the get-out-the-vote drive in Ashby.", "the get-out-the-vote drive"),
    ],
)
def test_a_hyphenated_modifier_stays_in_the_phrase_it_modifies(parse, text: str, chunk: str) -> None:  # type: ignore[no-untyped-def]
    chunks = _chunks(parse, text)
    assert chunk in chunks
    assert not any(c != chunk and c in chunk for c in chunks)  # no piece of it stands alone


def test_a_hyphenated_head_is_widened_to_the_whole_word(parse) -> None:  # type: ignore[no-untyped-def]
    chunks = _chunks(parse, "Her son-in-law, Tomas Reyes, resigned on Monday.")
    assert any(c.endswith("son-in-law") for c in chunks)
    assert "law" not in chunks


def test_unhyphenated_text_keeps_spacys_chunks(parse) -> None:  # type: ignore[no-untyped-def]
    doc = parse("The council approved the budget after a long debate.")
    assert [c.text for c in noun_chunks(doc)] == [c.text for c in doc.noun_chunks]


def test_a_spaced_dash_is_no_hyphen(parse) -> None:  # type: ignore[no-untyped-def]
    doc = parse("The council - its members tired - approved the budget.")
    assert [c.text for c in noun_chunks(doc)] == [c.text for c in doc.noun_chunks]
