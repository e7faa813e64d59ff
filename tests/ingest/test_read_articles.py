"""read_articles: sources -> numbered articles, or one-line InputErrors naming the source."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from slant.errors import InputError, SlantError
from slant.ingest import read_articles
from slant.settings import Settings

LEDE = "The district council voted on Thursday to rebuild the flood wall along the river, ending two years of argument."
MORE = "Most of the money will come from a state fund, and the rest from a bond that residents approved last autumn."
ARTICLE = f"Flood wall approved\n\n{LEDE}\n{MORE}\n"


def _write(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def _error(sources: list[str], **kwargs) -> str:
    with pytest.raises(InputError) as err:
        read_articles(sources, **kwargs)
    message = str(err.value)
    assert "\n" not in message
    assert err.value.exit_code == 2
    return message


def test_read_articles_numbers_articles_across_sources(ingest_data: Path) -> None:
    sources = [ingest_data / "windows1252.txt", str(ingest_data / "records.jsonl"), ingest_data / "page.html"]
    articles = read_articles(sources)
    assert [a.id for a in articles] == ["a1", "a2", "a3", "a4", "a5"]
    assert [Path(a.source).name for a in articles] == ["windows1252.txt"] + ["records.jsonl"] * 3 + ["page.html"]


def test_read_articles_keeps_record_ids_and_skips_taken_numbers(tmp_path: Path) -> None:
    records = [{"id": "a2", "text": LEDE}, {"text": MORE}]
    sources = [_write(tmp_path, "r.json", json.dumps(records)), _write(tmp_path, "x.txt", ARTICLE)]
    assert [a.id for a in read_articles(sources)] == ["a2", "a3", "a4"]


def test_read_articles_given_ids_win_over_numbering(tmp_path: Path) -> None:
    records = [{"text": LEDE}, {"id": "a1", "text": MORE}]
    articles = read_articles([_write(tmp_path, "r.json", json.dumps(records))])
    assert [a.id for a in articles] == ["a2", "a1"]


def test_read_articles_refuses_duplicate_ids(tmp_path: Path) -> None:
    records = [{"id": "left", "text": LEDE}, {"id": "left", "text": MORE}]
    path = _write(tmp_path, "r.json", json.dumps(records))
    assert _error([path]) == f"{path}: the id 'left' is used by more than one article"


def test_read_articles_reads_stdin_and_sniffs_its_format() -> None:
    page = f"<html><body><article><p>{LEDE}</p><p>{MORE}</p></article></body></html>".encode()
    (article,) = read_articles(["-"], stdin=io.BytesIO(page))
    assert article.source == "-"
    assert article.text == f"{LEDE}\n{MORE}"


@pytest.mark.parametrize(
    ("name", "content", "count"),
    [
        ("noext", ARTICLE, 1),
        ("noext", f"<!doctype html><html><body><p>{LEDE} {MORE}</p></body></html>", 1),
        ("noext", json.dumps([{"text": LEDE}, {"text": MORE}]), 2),
        ("noext", "\n".join(json.dumps({"text": t}) for t in (LEDE, MORE, LEDE)), 3),
        ("story.dat", ARTICLE, 1),
        ("story.txt", json.dumps({"text": LEDE}), 1),
    ],
    ids=["text", "html", "json", "jsonl", "unknown-ext", "txt-wins-over-content"],
)
def test_read_articles_format_from_content_when_extension_says_nothing(
    tmp_path: Path, name: str, content: str, count: int
) -> None:
    assert len(read_articles([_write(tmp_path, name, content)])) == count


def test_read_articles_txt_extension_keeps_json_as_text(tmp_path: Path) -> None:
    content = json.dumps({"text": LEDE})
    (article,) = read_articles([_write(tmp_path, "story.txt", content)])
    assert article.text == content


def test_read_articles_decoding_warning_reaches_every_record(tmp_path: Path) -> None:
    data = json.dumps([{"text": LEDE + " Café “open”."}, {"text": MORE}], ensure_ascii=False).encode("cp1252")
    articles = read_articles([_write(tmp_path, "r.json", data)])
    assert [a.warnings for a in articles] == [["decoded as windows-1252 (not UTF-8)"]] * 2


@pytest.mark.parametrize(
    ("fixture", "warnings"),
    [("windows1252.txt", ["decoded as windows-1252 (not UTF-8)"]), ("utf16.txt", [])],
)
def test_read_articles_decodes_fixture_encodings(ingest_data: Path, fixture: str, warnings: list[str]) -> None:
    (article,) = read_articles([ingest_data / fixture])
    assert article.warnings == warnings
    assert article.title is not None
    assert "\ufffd" not in article.text


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("document.pdf", "looks like binary data (PDF), not an article"),
        ("image.png", "looks like binary data (PNG), not an article"),
        ("spanish.txt", "does not look like English (0% English function words); slant analyses English news"),
    ],
)
def test_read_articles_refuses_fixture(ingest_data: Path, fixture: str, message: str) -> None:
    path = str(ingest_data / fixture)
    assert _error([path]) == f"{path}: {message}"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\r\n\t ", "the file is empty"),
        ("blank16.txt", "   \n".encode("utf-16"), "the file is empty"),
        ("pic.dat", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like binary data (PNG), not an article"),
        ("nul.dat", b"The council \x00\x00\x07 voted", "looks like binary data, not an article"),
        ("tiny.txt", b"Council votes.", "is too short (14 characters; slant needs at least 20)"),
    ],
)
def test_read_articles_refuses_unusable_file(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = _write(tmp_path, name, content)
    assert _error([path]) == f"{path}: {message}"


def test_read_articles_refuses_oversized_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", b"x" * 1_450_000)
    assert _error([path], settings=Settings(max_input_bytes=1_000_000)) == f"{path}: is 1.4 MB, over the 1.0 MB limit"


def test_read_articles_refuses_oversized_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "long.txt", ARTICLE)
    message = _error([path], settings=Settings(max_article_chars=100))
    assert message.startswith(f"{path}: is ") and message.endswith("characters long, over the 100-character limit")


def test_read_articles_refuses_oversized_stdin() -> None:
    stdin = io.BytesIO(ARTICLE.encode() * 10)
    assert _error(["-"], stdin=stdin, settings=Settings(max_input_bytes=100)) == "stdin: is over the 100 bytes limit"


@pytest.mark.parametrize(
    ("stdin", "message"),
    [(b"", "stdin: the input is empty"), (b"%PDF-1.5", "stdin: looks like binary data (PDF), not an article")],
)
def test_read_articles_refuses_unusable_stdin(stdin: bytes, message: str) -> None:
    assert _error(["-"], stdin=io.BytesIO(stdin)) == message


def test_read_articles_refuses_stdin_twice() -> None:
    assert _error(["-", "-"], stdin=io.BytesIO(ARTICLE.encode())).startswith("-: standard input can be read only once")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "https://news.example.com/story",
            "https://news.example.com/story: URL fetching is not available from the "
            "command line yet; save the page to a file and pass that",
        ),
        (
            "HTTP://news.example.com/story",
            "HTTP://news.example.com/story: URL fetching is not available from the "
            "command line yet; save the page to a file and pass that",
        ),
        (
            "ftp://news.example.com/story.txt",
            "ftp://news.example.com/story.txt: is a ftp URL, not a file; save the article to a file and pass that",
        ),
        ("", "an empty file name was given; pass a file path, or - for standard input"),
    ],
)
def test_read_articles_refuses_urls(source: str, message: str) -> None:
    assert _error([source]) == message


def test_read_articles_refuses_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.txt")
    assert _error([path]) == f"{path}: no such file"


def test_read_articles_missing_bare_web_address_hints_at_urls() -> None:
    assert _error(["www.example.com/story"]) == (
        "www.example.com/story: no such file; if it is a web address, URL fetching is not available from the "
        "command line yet; save the page to a file and pass that"
    )


def test_read_articles_undecodable_file_name_is_shown_scrubbed(tmp_path: Path) -> None:
    raw = os.fsencode(str(tmp_path)) + b"/caf\xe9.txt"
    with open(raw, "wb") as stream:
        stream.write(ARTICLE.encode())
    (article,) = read_articles([os.fsdecode(raw)])
    assert article.source.endswith("caf\ufffd.txt")
    article.model_dump_json()


def test_read_articles_refuses_directory(tmp_path: Path) -> None:
    assert _error([str(tmp_path)]) == f"{tmp_path}: is a directory, not an article file"


def test_read_articles_refuses_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "locked.txt", ARTICLE)

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    assert _error([path]) == f"{path}: cannot be read (permission denied)"


def test_read_articles_refuses_no_sources() -> None:
    assert _error([]) == "no articles given; pass one or more files, or - for standard input"


def test_read_articles_first_error_stops_the_read(tmp_path: Path) -> None:
    good = _write(tmp_path, "good.txt", ARTICLE)
    with pytest.raises(SlantError, match="no such file"):
        read_articles([good, str(tmp_path / "missing.txt")])


def test_ingest_import_loads_nothing_heavy() -> None:
    code = (
        "import sys, slant.ingest\n"
        "heavy = [m for m in ('trafilatura', 'spacy', 'torch', 'charset_normalizer', 'lxml') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_read_articles_flags_header_lines_captions_credits_and_closing_blocks(ingest_data: Path) -> None:
    (article,) = read_articles([ingest_data / "header_and_appeal.txt"])
    assert (article.title, article.author, article.date) == (
        "Fenwick Valley council backs flood wall plan",
        "Nora Quill",
        "2024-03-14",
    )
    assert [b.kind for b in article.boilerplate] == [
        "byline",
        "dateline",
        "social",
        "caption",
        "credit",
        "bio",
        "donation",
        "copyright",
    ]
    for block in article.boilerplate:
        assert article.text[block.start : block.end] == block.text
    donation = article.boilerplate[-2].text
    assert donation.startswith("The Fenwick Courier is reader-supported.") and donation.endswith("local news alive.")
    assert "\u00a0" not in article.text and "\u202f" not in article.text
    assert "The district council voted 7-2 on Thursday" in article.text
    flagged = "".join(b.text for b in article.boilerplate)
    for reporting in ("FENWICK VALLEY (Courier) —", "The plan includes:", "$48 million", "Construction is scheduled"):
        assert reporting not in flagged
