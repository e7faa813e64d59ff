"""Property: any bytes in, through any format path, give Articles or an InputError, never a traceback."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from slant.errors import SlantError
from slant.ingest import read_articles
from slant.model import Article
from slant.settings import Settings

WORDS = [
    "the",
    "council",
    "voted",
    "on",
    "Tuesday",
    "to",
    "rebuild",
    "wall",
    "and",
    "said",
    "it",
    "would",
    "Please",
    "donate",
    "Sign up for our newsletter.",
    "Read more:",
    "“quoted”",
    "café",
    "\n",
    "\n\n",
    "\r\n",
    "<p>",
    "</p>",
    "{",
    "}",
    "[",
    "\x00",
    "\ufeff",
    "é",
    "\u0301",
    "$3",
    ".",
    "?",
]
SUFFIXES = ["", ".txt", ".html", ".json", ".jsonl", ".dat"]

prose = st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=80).map(" ".join)
encoded = st.tuples(prose, st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1"])).map(
    lambda pair: pair[0].encode(pair[1], errors="ignore")
)
html_page = prose.map(
    lambda t: f"<!doctype html><html><head><title>{t[:30]}</title></head><body><p>{t}</p></body></html>".encode()
)
records = st.lists(
    st.dictionaries(
        st.sampled_from(["text", "content", "title", "id", "source", "date", "author"]),
        prose | st.integers() | st.none() | st.lists(st.text(max_size=5), max_size=2),
        max_size=4,
    ),
    max_size=3,
)
json_doc = records.map(lambda rs: json.dumps(rs).encode())
jsonl_doc = records.map(lambda rs: "\n".join(json.dumps(r) for r in rs).encode())
payloads = st.binary(max_size=3000) | encoded | html_page | json_doc | jsonl_doc
limits = st.sampled_from([Settings(), Settings(min_article_chars=1, max_input_bytes=2000, max_article_chars=500)])


def _check(articles: list[Article]) -> None:
    assert articles
    for article in articles:
        assert article.id
        article.model_dump_json()  # serialisable: no invalid Unicode got through
        for block in article.boilerplate:
            assert 0 <= block.start < block.end <= len(article.text)
            assert article.text[block.start : block.end] == block.text


@hsettings(max_examples=300, deadline=None)
@given(data=payloads, suffix=st.sampled_from(SUFFIXES), limits=limits)
def test_read_articles_any_file_gives_articles_or_input_error(data: bytes, suffix: str, limits: Settings) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            articles = read_articles([path], limits)
        except SlantError as err:
            assert "\n" not in str(err) and str(err).startswith(str(path))
        else:
            _check(articles)


@hsettings(max_examples=150, deadline=None)
@given(data=payloads, limits=limits)
def test_read_articles_any_stdin_gives_articles_or_input_error(data: bytes, limits: Settings) -> None:
    try:
        articles = read_articles(["-"], limits, stdin=io.BytesIO(data))
    except SlantError as err:
        assert "\n" not in str(err) and str(err).startswith("stdin")
    else:
        _check(articles)
