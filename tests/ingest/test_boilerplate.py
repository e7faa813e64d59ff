"""find_boilerplate: appeals, sign-ups, links and notices flagged; reporting never."""

from __future__ import annotations

import pytest

from slant.ingest.boilerplate import find_boilerplate

REPORT = "The district council voted 7-2 on Thursday to rebuild the flood wall along the river."


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Please donate just $3 to help support the work we do.", "donation"),
        ("Support independent journalism.", "donation"),
        ("Donate today.", "donation"),
        ("Can you chip in $5 to keep our newsroom going?", "donation"),
        ("Become a member today and get the weekly digest.", "donation"),
        ("Please consider supporting our reporting with a small gift.", "donation"),
        ("Sign up for our newsletter", "newsletter"),
        ("Subscribe to the Morning Brief for the day's top stories.", "newsletter"),
        ("Get the Courier in your inbox every morning.", "newsletter"),
        ("Read more: How the floods changed the valley", "read_more"),
        ("READ MORE", "read_more"),
        ("Related: Council delays vote on harbour plan", "read_more"),
        ("Related stories", "read_more"),
        ("Click here to read the full report.", "read_more"),
        ("We use cookies to improve your experience on our site.", "cookie"),
        ("Accept all cookies", "cookie"),
        ("By continuing to browse this website you agree to our terms.", "cookie"),
        ("Follow us on Twitter", "social"),
        ("Share this article", "social"),
        ("Facebook | Twitter | Email", "social"),
        ("Like this story? Share it with a friend.", "social"),
        ("© 2024 The Fenwick Courier. All rights reserved.", "other"),
        ("Copyright 2024 Valley Ledger", "other"),
        ("Click here to enter the prize draw.", "other"),
        ("ADVERTISEMENT", "other"),
    ],
)
def test_find_boilerplate_flags_line_by_kind(line: str, kind: str) -> None:
    text = f"{REPORT}\n{line}\n{REPORT}"
    blocks = find_boilerplate(text)
    assert [(b.kind, b.text) for b in blocks] == [(kind, line)]


@pytest.mark.parametrize(
    "line",
    [
        "The group donated $3 million to the campaign.",
        "The company said it would donate $5 million to flood relief.",
        "Subscribers of the utility will pay more starting in June.",
        "Read said the plan would fail.",
        "Related charges against the contractor were dropped in May.",
        "Support for the measure fell to 40 percent in the latest poll.",
        '"Please donate whatever you can," the pastor said on Sunday.',
        "Volunteers urged residents to sign up for emergency text alerts.",
        "Cookies sold at the school fair raised $2,000 for the library.",
        "Follow-up inspections found no damage to the wall.",
        "Share prices fell 3 percent after the announcement.",
        "Copyright lawsuits against the firm are still pending.",
        "The senator thanked supporters and asked them to follow the campaign on Instagram, aides said.",
        "Email records show the contract was signed in May.",
        "Thank you to everyone who came out tonight, the mayor told the crowd.",
        "Watch officials said the river could rise again by Friday.",
        "He said the newsletter had 4,000 subscribers before it closed.",
        "More from the council — which met on Tuesday — is expected next week.",
        "Listen to residents and you hear one word: money.",
        "Related to the vote, the council also approved a new bus route.",
    ],
)
def test_find_boilerplate_leaves_reporting_alone(line: str) -> None:
    assert find_boilerplate(f"{REPORT}\n{line}\n{REPORT}") == []


def test_find_boilerplate_weak_filler_alone_is_not_flagged() -> None:
    text = f"{REPORT}\nThank you for reading.\n{REPORT}"
    assert find_boilerplate(text) == []


def test_find_boilerplate_filler_joins_neighbouring_appeal() -> None:
    text = f"{REPORT}\n\nThank you for reading.\nYour support means everything.\nPlease donate today.\n"
    blocks = find_boilerplate(text)
    assert len(blocks) == 1
    assert blocks[0].kind == "donation"
    assert blocks[0].text == "Thank you for reading.\nYour support means everything.\nPlease donate today."


def test_find_boilerplate_flags_trailing_sentences_of_last_paragraph() -> None:
    text = f"{REPORT}\nThe work starts in June. Sign up for our newsletter to get updates."
    (block,) = find_boilerplate(text)
    assert block.kind == "newsletter"
    assert block.text == "Sign up for our newsletter to get updates."
    assert text[block.start : block.end] == block.text


def test_find_boilerplate_keeps_trailing_sentences_of_earlier_paragraphs() -> None:
    text = f"The work starts in June. Sign up for our newsletter to get updates.\n{REPORT}"
    assert find_boilerplate(text) == []


def test_find_boilerplate_separates_adjacent_blocks_of_different_kinds() -> None:
    text = f"{REPORT}\nPlease donate today.\nFollow us on Twitter\n"
    assert [b.kind for b in find_boilerplate(text)] == ["donation", "social"]


def test_find_boilerplate_merges_adjacent_lines_of_one_kind() -> None:
    text = f"{REPORT}\nSupport independent journalism.\nDonate now.\n{REPORT}"
    (block,) = find_boilerplate(text)
    assert block.text == "Support independent journalism.\nDonate now."


def test_find_boilerplate_offsets_are_trimmed_of_whitespace() -> None:
    text = f"{REPORT}\n   Share this article   \n{REPORT}"
    (block,) = find_boilerplate(text)
    assert text[block.start : block.end] == "Share this article"


def test_find_boilerplate_empty_text_has_no_blocks() -> None:
    assert find_boilerplate("") == []
