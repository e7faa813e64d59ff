"""BASIL's bias spans as tagger training rows (train/basil_rows.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slant.errors import InputError
from slant.eval.babe import word_labels
from slant.train.basil_rows import basil_rows

SENTENCES = [
    "The council rammed through a bloated budget on Tuesday.",
    "The mayor called it a “shameful giveaway” to developers.",
    "Last year the city ran a deficit of $4 million.",
    "The vote was 5-2.",
]


def _span(sentence: int, words: str, bias: str, quote: str) -> dict[str, str | int]:
    start = SENTENCES[sentence].index(words)
    return {"start": start, "end": start + len(words), "txt": words, "bias": bias, "quote": quote, "speaker": ""}


def _folder(root: Path, spans: list[dict[str, str | int]]) -> Path:
    (root / "articles" / "2012").mkdir(parents=True)
    (root / "annotations" / "2012").mkdir(parents=True)
    article = {"title": "Budget passes", "source": "fox", "body-paragraphs": [SENTENCES[:2], SENTENCES[2:]]}
    (root / "articles" / "2012" / "t1_1.json").write_text(json.dumps(article), encoding="utf-8")
    annotations = {"phrase-level-annotations": spans, "article-level-annotations": {}}
    (root / "annotations" / "2012" / "t1_1_ann.json").write_text(json.dumps(annotations), encoding="utf-8")
    return root


def test_unquoted_spans_make_biased_rows_with_their_content_words(tmp_path: Path) -> None:
    rows = basil_rows(
        _folder(
            tmp_path,
            [
                _span(0, "rammed through a bloated", "lex", "no"),
                _span(1, "shameful giveaway", "lex", "yes"),
                _span(2, "Last year the city ran a deficit", "inf", "no"),
            ],
        )
    )
    assert [r.text for r in rows] == SENTENCES[0:1] + SENTENCES[2:3]  # the quoted span's sentence is left out
    loaded, selective = rows
    assert loaded.biased == selective.biased == 1
    assert [loaded.text[a:b] for a, b in loaded.spans or ()] == ["rammed", "bloated"]  # "through", "a" are stop words
    assert sum(word_labels(loaded)) == 2
    assert selective.spans == () and sum(word_labels(selective)) == 0  # informational bias: no loaded word


def test_sentences_without_spans_are_no_rows(tmp_path: Path) -> None:
    assert basil_rows(_folder(tmp_path, [])) == []


def test_a_folder_not_in_basils_layout_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        basil_rows(tmp_path / "missing")
