"""sniff and format_from_name: the format from the extension, else from the content."""

from __future__ import annotations

import pytest

from slant.ingest.sniff import format_from_name, sniff


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "text"),
        ("a.HTML", "html"),
        ("a.htm", "html"),
        ("a.json", "json"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.md", "text"),
        ("a", None),
        ("a.dat", None),
        ("-", None),
    ],
)
def test_format_from_name_reads_extension(name: str, fmt: str | None) -> None:
    assert format_from_name(name) == fmt


@pytest.mark.parametrize(
    ("content", "fmt"),
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ("\n  <html lang='en'><p>Hi</p></html>", "html"),
        ('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', "html"),
        ("Some text\n<p>The council voted.</p>", "html"),
        ("Intro <body class='x'>", "html"),
        ('{"text": "The council voted."}', "json"),
        ('[{"text": "<p>The council voted.</p>"}]', "json"),
        ('{"text": "One."}\n{"text": "Two."}\n', "jsonl"),
        ("[Updated] The council voted on Tuesday.", "text"),
        ("{not json} The council voted.", "text"),
        ("The council voted 5 < 6 on Tuesday.", "text"),
    ],
)
def test_sniff_detects_format_from_content(content: str, fmt: str) -> None:
    assert sniff(content) == fmt
