"""eval/basil_reader.py: BASIL folders read into articles, annotations placed, texts rebuilt, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slant.errors import InputError
from slant.eval.basil_reader import Placement, read_folder

DATA = Path(__file__).resolve().parent.parent / "data"
BASIL = Path(__file__).resolve().parents[3] / "shared" / "data" / "basil"


def _write(path: Path, doc: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc), encoding="utf-8")


def _folder(tmp_path: Path, article: object, annotations: object, name: str = "t_1") -> Path:
    _write(tmp_path / "articles" / "2020" / f"{name}.json", article)
    _write(tmp_path / "annotations" / "2020" / f"{name}_ann.json", annotations)
    return tmp_path


def test_articles_in_path_order_with_outlet_side_and_stance() -> None:
    articles = read_folder(DATA / "basil_small").articles
    assert [a.name[-4:] for a in articles] == ["0a_1", "0b_1"]
    first = articles[0]
    assert first.triplet == first.name[:-2] and first.title == "Council passes budget"
    assert (first.outlet, first.side, first.stance) == ("fox", "right", "center")
    assert (articles[1].outlet, articles[1].side) == ("nyt", "center")
    assert [len(p) for p in first.paragraphs] == [2, 2]
    assert first.sentences[3] == "Opponents pointed to last year's deficit."


def test_annotations_keep_kind_quote_and_speaker() -> None:
    [article] = read_folder(DATA / "basil_quotes").articles
    assert [(a.bias, a.quote, a.speaker) for a in article.annotations] == [
        ("lex", True, "Maria_Lopez"),
        ("lex", True, "Republican_Lawmakers"),
        ("lex", True, "other_neutral"),
    ]
    small = read_folder(DATA / "basil_small").articles[0]
    assert [(a.bias, a.quote, a.speaker) for a in small.annotations] == [("lex", False, ""), ("inf", False, "")]


def test_placement_by_offsets_then_by_text_else_nowhere() -> None:
    article = read_folder(DATA / "basil_small").articles[1]
    shameless, disastrous, title = article.annotations
    assert shameless.places == (Placement(0, 22, 31),)  # offsets right
    assert disastrous.places == (Placement(2, 22, 32),)  # offsets off: found by its text
    assert article.sentences[2][22:32] == "disastrous"
    assert title.places == ()  # in the title only


def test_repeated_sentence_gets_the_annotation_in_each_copy(tmp_path: Path) -> None:
    span = {"start": 3, "end": 8, "txt": "awful", "bias": "LEX "}
    body = [["An awful day."], ["Calm."], ["An awful day."]]
    [article] = read_folder(_folder(tmp_path, {"body-paragraphs": body}, {"phrase-level-annotations": [span]})).articles
    [annotation] = article.annotations
    assert annotation.bias == "lex"
    assert [p.sentence for p in annotation.places] == [0, 2]


def test_text_with_and_without_title_keeps_sentence_offsets(tmp_path: Path) -> None:
    doc = {"title": " A title ", "body-paragraphs": [["One.", "Two\nlines."], [], ["Three."]]}
    [article] = read_folder(_folder(tmp_path, doc, {"phrase-level-annotations": []})).articles
    plain = article.text()
    assert plain.text == "One. Two lines.\n\nThree."
    assert [plain.text[a:b] for a, b in plain.sentences] == ["One.", "Two lines.", "Three."]
    titled = article.text(title=True)
    assert titled.text == "A title\n\n" + plain.text
    assert [titled.text[a:b] for a, b in titled.sentences] == ["One.", "Two lines.", "Three."]
    assert article.stance is None and article.outlet == "" and article.side is None


def test_triplets_group_by_file_name(tmp_path: Path) -> None:
    for name in ("u_1", "u_2", "v_1", "u_3"):
        _folder(tmp_path, {"body-paragraphs": [["S."]]}, {"phrase-level-annotations": []}, name)
    groups = read_folder(tmp_path).triplets()
    assert [[a.name for a in g] for g in groups] == [["u_1", "u_2", "u_3"], ["v_1"]]


@pytest.mark.parametrize(
    ("article", "annotations", "message"),
    [
        ("{not json", {"phrase-level-annotations": []}, "cannot read the BASIL JSON"),
        ({"title": "only a title"}, {"phrase-level-annotations": []}, "not a BASIL article .needs 'body-paragraphs'"),
        ({"body-paragraphs": [["One.", 2]]}, {"phrase-level-annotations": []}, "must hold strings"),
        ({"body-paragraphs": [["One."]]}, {"phrase-level-annotations": {}}, "not a BASIL annotation file"),
        ({"body-paragraphs": [["One."]]}, {"phrase-level-annotations": ["p0"]}, "annotation 1 is not a JSON object"),
        (
            {"body-paragraphs": [["One."]]},
            {"phrase-level-annotations": [{"start": 0, "end": "x", "txt": "One", "bias": None}]},
            "phrase annotation 1 lacks end, bias ",
        ),
        (
            {"body-paragraphs": [["One."]]},
            {"phrase-level-annotations": [{"start": 0, "end": 3, "txt": "One", "bias": "lex", "quote": "yes"}]},
            "phrase annotation 1 lacks speaker ",
        ),
    ],
)
def test_malformed_files_get_one_line_errors(
    tmp_path: Path, article: object, annotations: object, message: str
) -> None:
    folder = _folder(tmp_path, article, annotations)
    if isinstance(article, str):
        (folder / "articles" / "2020" / "t_1.json").write_text(article, encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        read_folder(folder)
    assert "\n" not in str(caught.value)


def test_missing_folder_or_annotation_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such folder"):
        read_folder(tmp_path / "nope")
    folder = _folder(tmp_path, {"body-paragraphs": [["One."]]}, {"phrase-level-annotations": []})
    (folder / "annotations" / "2020" / "t_1_ann.json").unlink()
    with pytest.raises(InputError, match="annotation file missing for article t_1.json"):
        read_folder(folder)


@pytest.mark.skipif(not BASIL.is_dir(), reason="../shared/data/basil is not available")
def test_real_release_triplets_have_one_article_per_side() -> None:
    basil = read_folder(BASIL)
    assert len(basil.articles) >= 200
    for group in basil.triplets():
        assert sorted(a.side or "" for a in group) == ["center", "left", "right"]
    annotations = [a for article in basil.articles for a in article.annotations]
    assert {a.bias for a in annotations} == {"lex", "inf"}
    assert sum(a.quote for a in annotations) > 200
    assert sum(not a.places for a in annotations) <= 5
