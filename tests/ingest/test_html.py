"""article_from_html: trafilatura's main text with the page's metadata; boilerplate flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from slant.errors import InputError
from slant.ingest.html import article_from_html
from slant.model import Article
from slant.settings import Settings

PARAGRAPH = (
    "The district council voted on Thursday to rebuild the flood wall along the river, and the work "
    "will start in June according to the engineering office. "
)


def _page(head: str, body: str) -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>"


@pytest.fixture(scope="module")
def page_article(ingest_data: Path) -> Article:
    return article_from_html((ingest_data / "page.html").read_bytes(), "page.html", Settings())


def test_article_from_html_reads_metadata(page_article: Article) -> None:
    assert page_article.title == "Fenwick Valley votes to rebuild its flood wall"
    assert page_article.outlet == "The Fenwick Courier"
    assert page_article.author == "Nora Quillfeather"
    assert page_article.date == "2024-03-14"
    assert page_article.url == "https://courier.example.org/news/2024/03/14/flood-wall-vote"


def test_article_from_html_text_is_the_article_body(page_article: Article) -> None:
    text = page_article.text
    assert text.startswith("The Fenwick Valley district council voted 7-2")
    assert "Construction is scheduled to begin in June" in text
    for chrome in ("Sport", "Opinion", "Accept all cookies", "All rights reserved", "Privacy"):
        assert chrome not in text
    assert page_article.source == "page.html"
    assert page_article.warnings == []


def test_article_from_html_flags_boilerplate_left_in_the_body(page_article: Article) -> None:
    kinds = [(b.kind, b.text.split(".")[0]) for b in page_article.boilerplate]
    assert kinds == [
        ("donation", "The Fenwick Courier is funded by readers like you"),
        ("read_more", "Read more: How the 2019 floods changed the valley"),
    ]
    for block in page_article.boilerplate:
        assert page_article.text[block.start : block.end] == block.text


def test_article_from_html_outlet_falls_back_to_hostname() -> None:
    head = '<title>Flood wall vote</title><link rel="canonical" href="https://www.ledger.example.com/news/flood">'
    article = article_from_html(_page(head, f"<p>{PARAGRAPH * 3}</p>"), "x.html", Settings())
    assert article.outlet == "ledger.example.com"
    assert article.title == "Flood wall vote"


def test_article_from_html_decodes_bytes_by_meta_charset() -> None:
    page = _page(
        '<meta charset="windows-1252"><title>Caf\xe9 reopens</title>', f"<p>The caf\xe9 “reopened”. {PARAGRAPH * 3}</p>"
    )
    article = article_from_html(page.encode("cp1252"), "x.html", Settings())
    assert article.title == "Café reopens"
    assert "The café “reopened”." in article.text
    assert article.warnings == ["decoded as windows-1252 as the page declares (not UTF-8)"]


@pytest.mark.parametrize(
    ("html", "message"),
    [
        (
            "<html><head><title>Nothing</title></head><body></body></html>",
            "x.html: no article text found in the HTML page",
        ),
        ("<html><body><p>Short.</p></body></html>", "x.html: is too short"),
        ("   ", "x.html: the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "x.html: looks like binary data (PNG), not an article"),
    ],
    ids=["no-text", "short", "empty", "binary"],
)
def test_article_from_html_refuses_pages_without_article(html: str | bytes, message: str) -> None:
    with pytest.raises(InputError) as err:
        article_from_html(html, "x.html", Settings())
    assert str(err.value).startswith(message)
