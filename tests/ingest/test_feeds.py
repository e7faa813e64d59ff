"""parse_feed: RSS and Atom bytes -> Feed with plain-text titles and summaries, UTC dates, sanitised content."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import feedparser.http
import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from slant.errors import InputError
from slant.ingest.feeds import Feed, FeedEntry, parse_feed

FEEDS = Path(__file__).resolve().parent.parent / "data" / "feeds"


def _rss(items: str, title: str = "<title>Harbor Town Gazette</title>") -> bytes:
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{title}{items}</channel></rss>'.encode()


@pytest.fixture(scope="module")
def rss() -> Feed:
    return parse_feed((FEEDS / "rss2.xml").read_bytes(), "rss2.xml")


@pytest.fixture(scope="module")
def atom() -> Feed:
    return parse_feed((FEEDS / "atom.xml").read_bytes(), "atom.xml")


def test_parse_feed_rss2_reads_channel(rss: Feed) -> None:
    assert (rss.source, rss.title, rss.link, len(rss.entries)) == (
        "rss2.xml",
        "Harbor Town Gazette",
        "https://gazette.example/",
        3,
    )


def test_parse_feed_rss2_reads_items(rss: Feed) -> None:
    first, second, third = rss.entries
    assert first == FeedEntry(
        url="https://gazette.example/2026/03/sea-wall",
        title="Council votes to rebuild the sea wall",
        published=datetime(2026, 3, 3, 8, 30, tzinfo=timezone.utc),
        summary="The council voted 5\u20132 on Tuesday to rebuild the sea wall.",
        content=first.content,
        author="Maria Lopez",
    )
    assert second.url == "https://gazette.example/2026/03/ferry"  # the permalink guid
    assert second.title == "Ferry timetable changes & what they mean"
    assert second.author == "Sam Reed"  # from "desk@gazette.example (Sam Reed)"
    assert (second.content, third.published, third.author) == (None, None, None)


def test_parse_feed_rss2_keeps_full_content_sanitised(rss: Feed) -> None:
    content = rss.entries[0].content
    assert content is not None
    assert content.startswith("<p>The council voted 5&ndash;2 on Tuesday")
    assert '"It is overdue," said councillor Ana Ruiz.' in content
    assert "<script" not in content and "alert" not in content


def test_parse_feed_atom_reads_feed_and_entries(atom: Feed) -> None:
    assert (atom.title, atom.link) == ("The Coastal Ledger", "https://ledger.example/")
    first, second = atom.entries
    assert first.title == "Sea wall plan approved"  # type="html": markup stripped
    assert first.url == "https://ledger.example/news/sea-wall"
    assert first.author == "Jon Park"
    assert first.summary == "The council approved the sea wall plan in a 5-2 vote."
    assert first.content == (
        '<p>The council approved the plan in a <a href="https://ledger.example/votes/1041">5-2 vote</a>.</p>'
    )
    assert second.url == "https://ledger.example/news/ferry"  # relative to xml:base
    assert second.summary == "Two crossings move to the morning."  # xhtml summary as text


@pytest.mark.parametrize(
    ("index", "published"),
    [
        (0, datetime(2026, 3, 3, 15, 15, tzinfo=timezone.utc)),  # published, -05:00
        (1, datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)),  # only updated
    ],
)
def test_parse_feed_atom_dates_are_utc(atom: Feed, index: int, published: datetime) -> None:
    got = atom.entries[index].published
    assert got == published
    assert got is not None and got.tzinfo is timezone.utc


def test_parse_feed_resolves_relative_links_against_source_url() -> None:
    data = _rss("<link>/</link><item><title>A</title><link>/2026/a</link></item>")
    feed = parse_feed(data, "https://gazette.example/feed.xml")
    assert feed.link == "https://gazette.example/"
    assert feed.entries[0].url == "https://gazette.example/2026/a"


@pytest.mark.parametrize("link", ["/2026/a", "javascript:alert(1)", "mailto:desk@gazette.example", "ftp://x.example/a"])
def test_parse_feed_keeps_only_absolute_http_links(link: str) -> None:
    feed = parse_feed(_rss(f"<item><title>A</title><link>{link}</link></item>"), "feed.xml")
    assert feed.entries[0].url is None


def test_parse_feed_unreadable_date_is_none() -> None:
    feed = parse_feed(_rss("<item><title>A</title><pubDate>the other day</pubDate></item>"), "feed.xml")
    assert feed.entries[0].published is None


def test_parse_feed_summary_text_keeps_paragraphs() -> None:
    summary = "&lt;p&gt;One &amp;amp; two.&lt;/p&gt;&lt;p&gt;Three&lt;br&gt;four.&lt;/p&gt;"
    feed = parse_feed(_rss(f"<item><title>A</title><description>{summary}</description></item>"), "feed.xml")
    assert feed.entries[0].summary == "One & two.\nThree\nfour."


def test_parse_feed_titled_feed_without_items_is_empty() -> None:
    feed = parse_feed(_rss(""), "feed.xml")
    assert (feed.title, feed.entries) == ("Harbor Town Gazette", ())


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ((FEEDS / "not_a_feed.html").read_bytes(), "it is an HTML page"),
        (b"", "it is empty"),
        (b"  \n", "it is empty"),
        (b"The council voted on Tuesday.", "not well-formed XML"),
        (b'{"title": "Harbor Town Gazette", "items": []}', "not well-formed XML"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not well-formed XML"),
        (b'<?xml version="1.0"?><catalog><book>Tides</book></catalog>', "no feed title or entries"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel>', "not well-formed XML"),
    ],
)
def test_parse_feed_refuses_non_feeds(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=rf"^page\.bin: is not an RSS or Atom feed \({reason}"):
        parse_feed(data, "page.bin")


def test_parse_feed_never_opens_paths_or_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fetch(*args: Any, **kwargs: Any) -> bytes:
        raise AssertionError("feedparser tried to fetch a URL")

    monkeypatch.setattr(feedparser.http, "get", no_fetch)
    path = tmp_path / "feed.xml"
    path.write_bytes((FEEDS / "rss2.xml").read_bytes())
    for data in (str(path).encode(), b"https://gazette.example/feed.xml"):
        with pytest.raises(InputError, match="is not an RSS or Atom feed"):
            parse_feed(data, "input")


def test_parse_feed_is_deterministic() -> None:
    data = (FEEDS / "atom.xml").read_bytes()
    assert parse_feed(data, "atom.xml") == parse_feed(data, "atom.xml")


@hsettings(max_examples=100, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=200),
        st.lists(st.sampled_from(["<rss>", "<channel>", "<item>", "<title>", "x", "</item>", "<entry>", "&amp;"])).map(
            lambda parts: "".join(parts).encode()
        ),
    )
)
def test_parse_feed_any_bytes_give_feed_or_input_error(data: bytes) -> None:
    try:
        feed = parse_feed(data, "fuzz")
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(feed, Feed)
