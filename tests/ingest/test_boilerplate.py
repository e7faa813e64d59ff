"""find_boilerplate: appeals, sign-ups, links and notices flagged; reporting never."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

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
        ("© 2024 The Fenwick Courier. All rights reserved.", "copyright"),
        ("Copyright 2024 Valley Ledger", "copyright"),
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


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (
            "Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast,"
            " rewritten or redistributed.",
            "copyright",
        ),
        ("Republish this article for free under a Creative Commons license.", "copyright"),
        ("Our stories are licensed under Creative Commons. Feel free to republish them.", "copyright"),
        ("The Associated Press contributed to this report.", "credit"),
        ("Lena Park and Omar Haddad contributed reporting.", "credit"),
        ("Reporting by Nora Quill; Editing by Sam Vale", "credit"),
        ("This story was produced in partnership with the Valley Report, a nonprofit newsroom.", "credit"),
        ("This article originally appeared on Riverside Watch. Reprinted with permission.", "credit"),
        ("Nora Quill covers city hall for the Courier. Reach her at nquill@courier.example.", "bio"),
        ("Sam Vale is a staff writer covering schools. Follow him on X @samvale.", "bio"),
        ("Omar Haddad can be reached at ohaddad@ledger.example.", "bio"),
        ("Have a tip? Email us at tips@courier.example.", "tip"),
        ("Got a story we should look into? Send it to news@ledger.example.", "tip"),
        ("Residents fill sandbags on Harbor Street on Tuesday. (Photo by Nora Quill / Getty Images)", "caption"),
        ("(AP Photo/Sam Vale)", "caption"),
        ("Jason Reed/Reuters", "caption"),
        ("Editor's note: An earlier version of this story misstated the vote count.", "note"),
        ("Correction: The wall is 2 miles long, not 3. The story has been updated.", "note"),
        ("Updated: March 14, 2024 at 6:05 p.m. ET", "dateline"),
        ("Email", "social"),
    ],
)
def test_find_boilerplate_flags_notices_credits_and_bios(line: str, kind: str) -> None:
    text = f"{REPORT}\n{line}\n{REPORT}"
    assert [(b.kind, b.text) for b in find_boilerplate(text)] == [(kind, line)]


@pytest.mark.parametrize(
    "line",
    [
        "The campaign raised $2 million in donations, and supporters were asked to chip in $5 each.",
        "Donations to the flood fund topped $40,000, and organizers said every dollar helps.",
        "Reporting by the Gazette found that the agency ignored 212 complaints.",
        "For licensing, applicants must show two years of residency.",
        "Support among conservative news viewers fell to 40 percent.",
        "Nora Quill is a reporter for the Gazette who was detained in March.",
        "We reached out to the mayor's office but did not hear back.",
        "Make no mistake: this is what accountability looks like.",
        "Local news is disappearing: 2,500 papers have closed since 2005.",
        "The museum released 5,000 images under a Creative Commons license.",
        "The documents may not be published under the court order.",
        "This report was produced by the state auditor's office.",
        "Photos by residents showed water pouring into basements.",
        "The deal was first reported by CNN/AP.",
        "He can be reached at his office most days.",
        "Residents can email the council at council@fenwick.example before Friday.",
        "Published reports said the deal was worth $2 million.",
        "Updated rules take effect on March 1, 2026.",
        "“We can’t do this without you. Donate today.”",
    ],
)
@pytest.mark.parametrize("where", ["middle", "last line", "end of last paragraph", "first line", "before an appeal"])
def test_find_boilerplate_never_flags_reporting(line: str, where: str) -> None:
    text = {
        "middle": f"{REPORT}\n{line}\n{REPORT}",
        "last line": f"{REPORT}\n{line}",
        "end of last paragraph": f"{REPORT} {line}",
        "first line": f"{line}\n{REPORT}",
        "before an appeal": f"{REPORT}\n{line}\nPlease donate today.",
    }[where]
    assert [b.text for b in find_boilerplate(text) if b.text != "Please donate today."] == []


@pytest.mark.parametrize(
    "appeal",
    [
        "The Fenwick Courier is reader-supported. We don't take money from politicians or big corporations. "
        "Chip in $5 today to keep independent local news alive.",
        "Support fearless journalism. The Ledger relies on readers like you. Donate today.",
        "We're a small, independent newsroom, and we can't do this without you. Become a member today.",
        "Dear reader, we hope you found this story useful. Our journalism is free for everyone, but it isn't free "
        "to produce. If you can, please make a tax-deductible gift today.",
        "Thank you for reading. Unlike many news organizations, we have no paywall. Consider making a contribution.",
        "Independent journalism is under threat. Corporate media won't tell you the truth. We will, but only with "
        "your help. Please give what you can.",
        "The Valley Ledger is a nonprofit newsroom. We are funded by readers, not advertisers. Make a donation today.",
        "Become a Founding Member today and get ad-free access to all of our stories.",
    ],
)
def test_find_boilerplate_flags_whole_closing_appeal_paragraph(appeal: str) -> None:
    text = f"{REPORT}\n\n{REPORT}\n\n{appeal}"
    (block,) = find_boilerplate(text)
    assert (block.kind, block.text) == ("donation", appeal)


def test_find_boilerplate_flags_whole_appeal_paragraph_mid_article() -> None:
    appeal = "We're an independent newsroom that doesn't take corporate money. Donate $5 to support our work."
    text = f"{REPORT}\n{appeal}\n{REPORT}"
    assert [(b.kind, b.text) for b in find_boilerplate(text)] == [("donation", appeal)]


def test_find_boilerplate_joins_appeal_spread_over_closing_paragraphs() -> None:
    appeal = "Dear readers,\n\nOur journalism is free for everyone, but it isn't free to produce.\n\nPlease give today."
    (block,) = find_boilerplate(f"{REPORT}\n\n{appeal}")
    assert (block.kind, block.text) == ("donation", appeal)


def test_find_boilerplate_outlet_voice_joins_only_closing_appeals() -> None:
    voice = "We don't take money from politicians or big corporations."
    mid_article = find_boilerplate(f"{REPORT}\n{voice}\n{REPORT}\nPlease donate today.")
    assert [b.text for b in mid_article] == ["Please donate today."]
    (closing,) = find_boilerplate(f"{REPORT}\n{voice}\nPlease donate today.")
    assert closing.text == f"{voice}\nPlease donate today."


def test_find_boilerplate_flags_closing_appeal_after_reporting_in_one_paragraph() -> None:
    appeal = "The Courier is reader-funded. We answer to no advertisers. Chip in $5 today."
    text = f"{REPORT}\nThe office did not respond to a request for comment. {appeal}"
    (block,) = find_boilerplate(text)
    assert block.text == appeal


def test_find_boilerplate_reporting_paragraph_with_an_appeal_in_the_middle_is_kept() -> None:
    text = f"{REPORT}\nThe church set up a booth at the fair. Donate today. It raised $2,000.\n{REPORT}"
    assert find_boilerplate(text) == []


def test_find_boilerplate_bio_filler_does_not_join_other_blocks() -> None:
    text = f"{REPORT}\nNora Quill covers city hall for the Courier.\nPlease donate today."
    assert [b.text for b in find_boilerplate(text)] == ["Please donate today."]


def test_find_boilerplate_long_paragraph_ending_in_a_credit_is_not_a_caption() -> None:
    paragraph = " ".join([REPORT] * 4) + " (Photo: Nora Quill/Courier)"
    assert find_boilerplate(f"{REPORT}\n{paragraph}\n{REPORT}") == []


@pytest.mark.parametrize(
    ("header", "kinds"),
    [
        ("By Nora Quill, Staff Writer\n\nMarch 14, 2024 at 5:14 p.m. EDT", ["byline", "dateline"]),
        (
            "Published: March 14, 2024 | Updated: March 15, 2024 8:02 AM\nBy Nora Quill | nquill@courier.example",
            ["dateline", "byline"],
        ),
        ("BY NORA QUILL AND SAM VALE\n2024-03-14 17:14", ["byline", "dateline"]),
        ("Share\nTweet\nEmail\nPrint", ["social"]),
        ("Workers inspect the wall on Monday. (Photo: Nora Quill/Courier)", ["caption"]),
    ],
)
def test_find_boilerplate_flags_header_lines(header: str, kinds: list[str]) -> None:
    blocks = find_boilerplate(f"{header}\n\n{REPORT}")
    assert [b.kind for b in blocks] == kinds
    assert "\n".join(b.text for b in blocks).split() == header.split()


@pytest.mark.parametrize(
    "text",
    [
        f"FENWICK VALLEY, Ore. (Courier) — {REPORT}",
        f"By Tuesday, the council had approved the plan.\n{REPORT}",
        f"By The Numbers\n{REPORT}",
        f"{REPORT}\nBy Nora Quill\n{REPORT}",
        f"{REPORT}\nMarch 14, 2024\n{REPORT}",
    ],
    ids=["dateline-in-lede", "by-tuesday", "by-heading", "byline-mid-article", "bare-date-mid-article"],
)
def test_find_boilerplate_header_cues_need_a_whole_line_at_the_top(text: str) -> None:
    assert find_boilerplate(text) == []


LINES = [
    REPORT,
    "Please donate today.",
    "The Courier is reader-supported.",
    "We don't take money from politicians.",
    "Nora Quill covers city hall for the Courier.",
    "Reach her at nquill@courier.example.",
    "By Nora Quill, Staff Writer",
    "March 14, 2024 at 5:14 p.m. EDT",
    "Share",
    "(Photo: Sam Vale/Courier)",
    "Editor's note:",
    "“Donate today,” she said.",
    "Copyright 2024 The Courier.",
]


@hsettings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(LINES) | st.text(max_size=40), max_size=12),
    st.lists(st.sampled_from(["\n", "\n\n", " ", "  \n"]), min_size=12, max_size=12),
)
def test_find_boilerplate_blocks_are_ordered_trimmed_spans_of_the_text(lines: list[str], seps: list[str]) -> None:
    text = "".join(line + sep for line, sep in zip(lines, seps, strict=False))
    blocks = find_boilerplate(text)
    previous = 0
    for block in blocks:
        assert previous <= block.start < block.end <= len(text)
        assert text[block.start : block.end] == block.text == block.text.strip()
        previous = block.end
