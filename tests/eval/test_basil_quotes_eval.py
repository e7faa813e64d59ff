"""`slant eval quotes` on a BASIL-layout folder: speaker names matched, placement, and the real set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slant.errors import InputError
from slant.eval.basil_quotes import evaluate, read_articles, same_speaker

HERE = Path(__file__).resolve().parent.parent / "data" / "basil_quotes"
BASIL = Path(__file__).resolve().parents[3] / "shared" / "data" / "basil"


@pytest.mark.parametrize(
    ("gold", "names", "expected"),
    [
        ("Elizabeth_Lauten", ["Lauten"], True),
        ("Felipe_Calder", ["Felipe Calderón"], True),  # BASIL cuts accented names
        ("Democratic_Lawmakers", ["Gregory Meeks", "Democratic"], True),
        ("Obama_campaign", ["Lis Smith", "a spokeswoman for the Obama campaign"], True),
        ("Ted_Cruz", ["Donald Trump"], False),
        ("Tea_Party", ["the", "of"], False),
        ("Vicente_Fox", ["Fox News"], True),  # a shared word is what counts; the protocol says so
    ],
)
def test_same_speaker(gold: str, names: list[str], expected: bool) -> None:
    assert same_speaker(gold, names) is expected


def test_quotes_are_placed_in_the_article_text() -> None:
    [(name, text, gold)] = read_articles(HERE)
    assert name.endswith("_1")
    assert [text[g.start : g.end] for g in gold] == [
        "This bill hands billions to the wrong people",
        "Families will keep more of what they earn",
        "We will see",
    ]
    assert "\n\n" in text  # paragraphs kept apart


def test_named_member_and_group_speakers_are_scored() -> None:
    scores = evaluate(HERE)
    assert scores["quotes"] == 2
    assert scores["accuracy"] == 1.0  # Lopez by name, Baker as a Republican lawmaker by his stated side
    assert scores["other_quotes"] == 1 and scores["other_attributed"] == 1.0


def test_wrong_speaker_is_counted_wrong(tmp_path: Path) -> None:
    folder = tmp_path / "basil"
    for sub in ("articles", "annotations"):
        (folder / sub).mkdir(parents=True)
    for path in (HERE / "articles" / "2021").iterdir():
        (folder / "articles" / path.name).write_text(path.read_text())
    for path in (HERE / "annotations" / "2021").iterdir():
        doc = json.loads(path.read_text())
        for item in doc["phrase-level-annotations"]:
            if item["speaker"] == "Maria_Lopez":
                item["speaker"] = "Jane_Roe"
        (folder / "annotations" / path.name).write_text(json.dumps(doc))
    assert evaluate(folder)["accuracy"] == 0.5


def test_not_a_basil_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="BASIL folder"):
        evaluate(tmp_path)


@pytest.mark.skipif(not BASIL.is_dir(), reason="../shared/data/basil is not available")
def test_real_basil_quotes() -> None:
    scores = evaluate(BASIL)
    assert scores["quotes"] > 200
    assert 0.7 <= scores["accuracy"] <= 1.0
    assert scores["found"] >= 0.9


@pytest.mark.parametrize(
    ("article", "annotation", "message"),
    [
        ('{"body-paragraphs": 5}', '{"phrase-level-annotations": []}', "not a BASIL article"),
        ('{"body-paragraphs": [["One."]]}', "{}", "not a BASIL annotation file"),
        (
            '{"body-paragraphs": [["One."]]}',
            '{"phrase-level-annotations": [{"quote": "yes", "txt": "One"}]}',
            "phrase annotation 1 lacks start, end, bias, speaker ",
        ),
    ],
)
def test_broken_files_get_one_line_errors(tmp_path: Path, article: str, annotation: str, message: str) -> None:
    for sub in ("articles", "annotations"):
        (tmp_path / sub).mkdir()
    (tmp_path / "articles" / "x.json").write_text(article)
    (tmp_path / "annotations" / "x_ann.json").write_text(annotation)
    with pytest.raises(InputError, match=message):
        evaluate(tmp_path)


def test_cli_detects_a_basil_folder(capsys: pytest.CaptureFixture[str]) -> None:
    from slant.cli import main

    assert main(["eval", "quotes", "--data", str(HERE), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["accuracy"] == 1.0 and out["quotes"] == 2
