"""header: byline and timestamp lines told from sentences, and the author and date they give."""

from __future__ import annotations

import pytest

from slant.ingest.header import byline_author, line_kind, stamp_date


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("By Nora Quill", "byline"),
        ("By Nora Quill, Staff Writer", "byline"),
        ("BY NORA QUILL", "byline"),
        ("By Nora Quill and Sam Vale, The Associated Press", "byline"),
        ("By Nora Quill | nquill@courier.example", "byline"),
        ("Written by Maria de la Cruz", "byline"),
        ("Jan. 6, 2026 at 5:14 p.m. EST", "dateline"),
        ("March 14, 2024", "dateline"),
        ("Thu 14 Mar 2024 17.14 GMT", "dateline"),
        ("2024-03-14T17:14:00Z", "dateline"),
        ("Published: January 6, 2026 | Updated: January 7, 2026 8:02 AM", "dateline"),
        ("Updated 8:02 AM EST, Tue January 7, 2026", "dateline"),
        ("Published 3 hours ago", "dateline"),
    ],
)
def test_line_kind_recognises_header_lines_at_the_top(line: str, kind: str) -> None:
    assert line_kind(line, top=True) == kind


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday, the council had approved the plan.",
        "By Christmas the wall should be finished.",
        "By law, the county must hold a hearing.",
        "By The Numbers",
        "By Nora Quill, the council's longest-serving member, voted no.",
        "MILLBROOK, Ohio (WKTV) — The council voted 5-2 on Monday night.",
        "On March 14, 2024, the council voted to rebuild the wall.",
        "Updated rules take effect March 1, 2026.",
        "The vote",
    ],
)
def test_line_kind_leaves_sentences_alone(line: str) -> None:
    assert line_kind(line, top=True) is None


@pytest.mark.parametrize(
    ("line", "kind"), [("By Nora Quill", None), ("March 14, 2024", None), ("Updated March 14, 2024", "dateline")]
)
def test_line_kind_below_the_top_only_labelled_timestamps(line: str, kind: str | None) -> None:
    assert line_kind(line, top=False) == kind


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Nora Quill, Staff Writer", "Nora Quill"),
        ("By  Nora   Quill | nquill@courier.example", "Nora Quill"),
        ("By Nora Quill and Sam Vale", "Nora Quill and Sam Vale"),
        ("By Tuesday, the council had voted.", None),
    ],
)
def test_byline_author_gives_the_names(line: str, author: str | None) -> None:
    assert byline_author(line) == author


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Jan. 6, 2026 at 5:14 p.m. EST", "2026-01-06"),
        ("Published: January 6, 2026 | Updated: January 7, 2026 8:02 AM", "2026-01-06"),
        ("Updated: January 7, 2026 | Published: January 6, 2026", "2026-01-06"),
        ("Thu 14 Mar 2024 17.14 GMT", "2024-03-14"),
        ("2024-03-14T17:14:00Z", "2024-03-14"),
        ("03/14/2024", "2024-03-14"),
        ("Published 3 hours ago", None),
        ("February 30, 2024", None),
    ],
)
def test_stamp_date_gives_the_publication_date_in_iso_form(line: str, date: str | None) -> None:
    assert stamp_date(line) == date
