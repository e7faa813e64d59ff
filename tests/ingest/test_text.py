"""article_from_text and articles_from_records: plain text and JSON/JSONL records -> Article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slant.errors import InputError
from slant.ingest.text import article_from_text, articles_from_records
from slant.settings import Settings

LEDE = "The district council voted on Thursday to rebuild the flood wall along the river, ending two years of argument."
MORE = "Most of the money will come from a state fund, and the rest from a bond that residents approved last autumn."


def test_article_from_text_takes_headline_and_keeps_body() -> None:
    article = article_from_text(f"Flood wall approved\n\n{LEDE}\n{MORE}\n", "left.txt")
    assert article.title == "Flood wall approved"
    assert article.text == f"{LEDE}\n{MORE}"
    assert article.source == "left.txt"
    assert article.id == ""


def test_article_from_text_lede_stays_in_body() -> None:
    article = article_from_text(f"{LEDE}\n{MORE}", "left.txt")
    assert article.title is None
    assert article.text.startswith(LEDE)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (f"{LEDE}\r\n{MORE}\r\n", f"{LEDE}\n{MORE}"),
        (f"{LEDE}   \n\n{MORE}\t \n", f"{LEDE}\n\n{MORE}"),
        (f"\ufeff\n\n{LEDE}\n{MORE}", f"{LEDE}\n{MORE}"),
        (
            f"{LEDE} The cafe\u0301 owner said “no” -- twice.\n{MORE}",
            f"{LEDE} The café owner said “no” -- twice.\n{MORE}",
        ),
        (f"{LEDE}\n\tIndented 'quote' stays.\n{MORE}", f"{LEDE}\n\tIndented 'quote' stays.\n{MORE}"),
    ],
    ids=["crlf", "trailing-space", "bom-and-blank-lines", "nfc-keeps-quotes", "tabs-and-quotes"],
)
def test_article_from_text_normalises_only_line_ends_spaces_and_nfc(raw: str, expected: str) -> None:
    assert article_from_text(raw, "x.txt").text == expected


@pytest.mark.parametrize("space", ["\u00a0", "\u2007", "\u202f", "\u2009", "\u2002", "\u3000"])
def test_article_from_text_turns_unicode_spaces_into_plain_spaces(space: str) -> None:
    raw = f"Flood{space}wall approved\n\n{LEDE.replace(' ', space)}\n{MORE}"
    article = article_from_text(raw, "x.txt")
    assert (article.title, article.text) == ("Flood wall approved", f"{LEDE}\n{MORE}")


def test_article_from_text_spaces_change_one_character_for_one() -> None:
    raw = f"{LEDE}\u00a0\u200b{MORE}\u2028{LEDE}"
    assert article_from_text(raw, "x.txt").text == f"{LEDE} \u200b{MORE}\n{LEDE}"


def test_article_from_text_fills_author_and_date_from_header_lines() -> None:
    raw = f"Flood wall approved\n\nBy Nora Quill, Staff Writer\nMarch 14, 2024 at 5:14 p.m. EDT\n\n{LEDE}\n{MORE}"
    article = article_from_text(raw, "x.txt")
    assert (article.title, article.author, article.date) == ("Flood wall approved", "Nora Quill", "2024-03-14")
    assert [b.kind for b in article.boilerplate] == ["byline", "dateline"]
    assert article.text.endswith(f"{LEDE}\n{MORE}")


def test_article_from_text_given_author_and_date_win_over_header_lines() -> None:
    raw = f"By Nora Quill\nPublished: March 14, 2024\n\n{LEDE}\n{MORE}"
    article = article_from_text(raw, "x.txt", author="N. Quill", date="2024-03-15")
    assert (article.author, article.date) == ("N. Quill", "2024-03-15")


def test_article_from_text_without_header_lines_has_no_author_or_date() -> None:
    article = article_from_text(f"By Thursday the council had voted.\n{LEDE}\n{MORE}", "x.txt")
    assert (article.author, article.date, article.boilerplate) == (None, None, [])


def test_article_from_text_replaces_unpaired_surrogates_in_place() -> None:
    article = article_from_text(f"{LEDE} \ud800 {MORE}", "api")
    assert article.text == f"{LEDE} \ufffd {MORE}"
    assert article.warnings == ["replaced 1 invalid character (unpaired surrogates) with U+FFFD"]
    article.model_dump_json()


def test_article_from_text_keeps_given_metadata() -> None:
    article = article_from_text(
        f"{LEDE}\n{MORE}",
        "api",
        title="Flood wall",
        outlet="Courier",
        url="https://x.example/a",
        date="2024-03-14",
        author="N. Quill",
        article_id="left",
    )
    assert (article.title, article.outlet, article.url, article.date, article.author, article.id) == (
        "Flood wall",
        "Courier",
        "https://x.example/a",
        "2024-03-14",
        "N. Quill",
        "left",
    )


def test_article_from_text_fills_boilerplate() -> None:
    article = article_from_text(f"{LEDE}\n{MORE}\nSign up for our newsletter", "x.txt")
    (block,) = article.boilerplate
    assert block.kind == "newsletter"
    assert article.text[block.start : block.end] == "Sign up for our newsletter"


def test_article_from_text_messages_name_the_source() -> None:
    with pytest.raises(InputError) as err:
        article_from_text("Too short.", "api")
    assert str(err.value).startswith("api: is too short")


def test_articles_from_records_reads_json_list_fixture(ingest_data: Path) -> None:
    first, second = articles_from_records((ingest_data / "records.json").read_bytes(), "records.json", Settings())
    assert (first.id, first.title, first.outlet, first.date, first.author) == (
        "courier",
        "Ferry service to Gull Island resumes",
        "The Fenwick Courier",
        "2024-04-02",
        "Nora Quillfeather",
    )
    assert first.url == "https://courier.example.org/ferry"
    assert (second.id, second.outlet) == ("", "Valley Ledger")
    assert second.text.startswith("Ferry crossings")


def test_articles_from_records_reads_jsonl_fixture(ingest_data: Path) -> None:
    articles = articles_from_records((ingest_data / "records.jsonl").read_bytes(), "records.jsonl", Settings())
    assert len(articles) == 3
    assert articles[0].outlet == "Fenwick Courier"
    assert articles[1].text.startswith("Work on the town hall roof")


def test_articles_from_records_single_object() -> None:
    (article,) = articles_from_records(json.dumps({"text": f"{LEDE}\n{MORE}"}), "one.json", Settings())
    assert article.text == f"{LEDE}\n{MORE}"


def test_articles_from_records_jsonl_without_suffix_is_recognised() -> None:
    data = "\n".join(json.dumps({"text": t}) for t in (LEDE, MORE))
    assert len(articles_from_records(data, "-", Settings())) == 2


def test_articles_from_records_numbers_and_author_lists_become_text() -> None:
    record = {"text": LEDE, "date": 20240314, "author": ["A. One", "B. Two"], "id": 7}
    (article,) = articles_from_records(json.dumps([record]), "r.json", Settings())
    assert (article.date, article.author, article.id) == ("20240314", "A. One, B. Two", "7")


@pytest.mark.parametrize(
    ("data", "source", "message"),
    [
        (
            '[{"text": "%s"}, {"title": "No body"}]' % LEDE,
            "r.json",
            'r.json record 2: the record has no text (give it a "text", "content" or "body" field)',
        ),
        (
            '{"text": "%s"}\n{"text": "  "}' % LEDE,
            "r.jsonl",
            'r.jsonl line 2: the record has no text (give it a "text", "content" or "body" field)',
        ),
        (
            '[{"text": "%s"}, 5]' % LEDE,
            "r.json",
            'r.json record 2: is not a JSON object (a record needs at least a "text" field)',
        ),
        ('[{"text": "%s",}]' % LEDE, "r.json", "r.json: is not valid JSON (line 1, column "),
        ('{"text": "%s"}\n{"text": oops}' % LEDE, "r.jsonl", "r.jsonl: line 2 is not valid JSON (column 10"),
        ("[]", "r.json", "r.json: holds no records"),
        ('{"text": "%s", "title": {"a": 1}}' % LEDE, "r.json", 'r.json: the "title" field should be a string'),
        ('{"text": "%s", "id": "a.b"}' % LEDE, "r.json", "r.json: the id 'a.b' may only hold letters"),
        (
            '{"text": "Der Rat hat am Dienstag mit sieben zu zwei Stimmen beschlossen, die alte Mauer am Fluss zu '
            'erneuern, und die Arbeiten sollen im Juni beginnen und etwa achtzehn Monate dauern."}',
            "r.json",
            "r.json: does not look like English",
        ),
        ("[" * 100_000, "r.json", "r.json: is JSON nested too deeply to read"),
        ("   ", "r.json", "r.json: the file is empty"),
    ],
    ids=[
        "missing-text",
        "blank-text-jsonl",
        "not-object",
        "bad-json",
        "bad-jsonl",
        "empty-list",
        "bad-field",
        "bad-id",
        "not-english",
        "deep",
        "empty",
    ],
)
def test_articles_from_records_errors_name_the_record(data: str, source: str, message: str) -> None:
    with pytest.raises(InputError) as err:
        articles_from_records(data, source, Settings())
    assert str(err.value).startswith(message)
    assert "\n" not in str(err.value)
