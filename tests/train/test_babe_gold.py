"""Word-choice gold sets as BABE-style training rows (train/babe_gold.py) and positional word labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slant.analyses.language.bias import WORD
from slant.errors import InputError
from slant.eval.babe import Row, word_labels
from slant.train.babe_gold import gold_rows

LEFT = """Council guts the harbor fund

The city council gutted the harbor fund on Tuesday, a move critics called reckless.

Mayor Ada Quill said the cut was "a painful but necessary step for the city and its budget."

Officials will meet again next week. So much for the promised review.
"""
RIGHT = """Council trims harbor fund

The city council trimmed the harbor fund on Tuesday.

Officials will meet again next week.
"""


def _set(root: Path) -> Path:
    folder = root / "harbor"
    folder.mkdir(parents=True)
    (folder / "harbor_left.txt").write_text(LEFT, encoding="utf-8")
    (folder / "harbor_right.txt").write_text(RIGHT, encoding="utf-8")
    gold = {
        "event": "harbor",
        "articles": [
            {
                "file": "harbor_left.txt",
                "marks": [
                    {"kind": "loaded", "term": "gutted"},
                    {"kind": "loaded", "term": "So much for"},
                    {"kind": "hedge", "term": "will"},
                ],
                "biased_sentences": ["Officials will meet"],
            },
            {"file": "harbor_right.txt", "marks": [], "biased_sentences": []},
        ],
        "referents": [],
    }
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return root


def _labelled(row: Row) -> list[str]:
    return [m.group() for m, g in zip(WORD.finditer(row.text), word_labels(row), strict=True) if g]


@pytest.mark.slow
def test_gold_rows_label_sentences_and_words_by_place(tmp_path: Path) -> None:
    rows = gold_rows(_set(tmp_path))
    by_text = {r.text: r for r in rows}
    gutted = by_text["The city council gutted the harbor fund on Tuesday, a move critics called reckless."]
    assert gutted.biased == 1 and _labelled(gutted) == ["gutted"]
    # A phrase of function words only keeps them all; a biased sentence without a loaded mark has no words.
    assert _labelled(by_text["So much for the promised review."]) == ["So", "much", "for"]
    meet = [r for r in rows if r.text == "Officials will meet again next week."]
    assert [(r.biased, _labelled(r)) for r in meet] == [(1, []), (0, [])]
    # The plain article's sentences are rows too, unbiased; the long quotation is left out.
    assert by_text["The city council trimmed the harbor fund on Tuesday."].biased == 0
    assert not any("painful" in r.text for r in rows)
    # Hedges are not loaded words.
    assert all("will" not in _labelled(r) for r in rows)


def test_positional_labels_ignore_the_word_list() -> None:
    row = Row("He cut it and cut more.", 1, frozenset({"cut"}), ((3, 6),))
    assert word_labels(row) == [0, 1, 0, 0, 0, 0]
    assert word_labels(Row("He cut it and cut more.", 1, frozenset({"cut"}))) == [0, 1, 0, 0, 1, 0]


def test_gold_rows_refuse_a_folder_without_sets(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        gold_rows(tmp_path)
