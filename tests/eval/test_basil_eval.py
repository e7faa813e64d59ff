"""`slant eval basil`: BASIL folders read, sentence and span metrics on hand-computed cases, CLI errors and JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from slant.analyses.language.bias import BiasScores, word_spans
from slant.cli import main
from slant.errors import InputError
from slant.eval import basil
from slant.eval.basil import average_precision, evaluate, loaded_spans, read_basil, roc_auc

SMALL = Path(__file__).resolve().parent.parent / "data" / "basil_small"
BASIL = Path(__file__).resolve().parents[3] / "shared" / "data" / "basil"

# The fixture's seven sentences in reading order, with the fake model's sentence probability and loaded words.
FAKE = {
    "The council approved the budget on Tuesday.": (0.1, set()),
    "Critics called the plan a reckless giveaway to developers.": (0.6, {"Critics", "reckless", "giveaway"}),
    "The mayor said the vote was fair.": (0.7, set()),
    "Opponents pointed to last year's deficit.": (0.2, set()),
    "Residents cheered the shameless stunt.": (0.45, {"cheered", "stunt"}),
    "The park opens in May.": (0.3, set()),
    "Officials praised the disastrous rollout.": (0.4, set()),
}


class FakeScorer:
    """Scores from the table above: loaded words score 1.0, others 0.0."""

    word_threshold = 0.5

    def score(self, texts: list[str]) -> list[BiasScores]:
        out = []
        for text in texts:
            prob, loaded = FAKE[text]
            words = [(a, b, 1.0 if text[a:b] in loaded else 0.0) for a, b in word_spans(text)]
            out.append(BiasScores(prob, words))
        return out


def _write(path: Path, doc: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc), encoding="utf-8")


def _folder(tmp_path: Path, body: object, spans: list[dict[str, object]]) -> Path:
    _write(tmp_path / "articles" / "2020" / "x_1.json", {"title": "T", "body-paragraphs": body})
    _write(tmp_path / "annotations" / "2020" / "x_1_ann.json", {"phrase-level-annotations": spans})
    return tmp_path


def test_read_basil_uses_body_sentences_in_order() -> None:
    corpus = read_basil(SMALL)
    assert [s.text for s in corpus.sentences] == list(FAKE)
    assert corpus.articles == 2
    assert [s.index for s in corpus.sentences] == [0, 1, 2, 3, 0, 1, 2]


def test_read_basil_places_spans_by_offsets_then_by_text() -> None:
    sentences = read_basil(SMALL).sentences
    assert [s.has("lex") for s in sentences] == [False, True, False, False, True, False, True]
    assert [s.has("inf") for s in sentences] == [False, False, False, True, False, False, False]
    rollout = sentences[6]
    (gold,) = rollout.spans
    assert rollout.text[gold.start : gold.end] == "disastrous"


def test_read_basil_counts_title_spans_as_unmatched() -> None:
    assert read_basil(SMALL).unmatched_spans == 1


def test_read_basil_repeated_sentence_gets_span_in_each_copy(tmp_path: Path) -> None:
    span = {"start": 3, "end": 8, "txt": "awful", "bias": "lex"}
    corpus = read_basil(_folder(tmp_path, [["An awful day."], ["Calm."], ["An awful day."]], [span]))
    assert [s.has("lex") for s in corpus.sentences] == [True, False, True]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no such folder"),
        ("no_articles", "no article files"),
        ("bad_json", "cannot read the BASIL JSON"),
        ("no_body", "not a BASIL article"),
        ("no_annotation", "annotation file missing"),
        ("bad_span", "phrase annotation 1 lacks end, txt, bias "),
    ],
)
def test_read_basil_rejects_bad_folders(tmp_path: Path, setup: str, message: str) -> None:
    if setup == "missing":
        folder = tmp_path / "nope"
    elif setup == "no_articles":
        (tmp_path / "articles").mkdir()
        (tmp_path / "annotations").mkdir()
        folder = tmp_path
    else:
        folder = _folder(tmp_path, [["A calm sentence."]], [{"start": 0, "end": 1, "txt": "A", "bias": "lex"}])
        if setup == "bad_json":
            (folder / "articles" / "2020" / "x_1.json").write_text("{not json", encoding="utf-8")
        elif setup == "no_body":
            _write(folder / "articles" / "2020" / "x_1.json", {"title": "only a title"})
        elif setup == "no_annotation":
            (folder / "annotations" / "2020" / "x_1_ann.json").unlink()
        else:
            _write(folder / "annotations" / "2020" / "x_1_ann.json", {"phrase-level-annotations": [{"start": 0}]})
    with pytest.raises(InputError, match=message):
        read_basil(folder)


def test_loaded_spans_merge_consecutive_loaded_words_only() -> None:
    words = [(0, 3, 0.9), (4, 8, 0.6), (9, 12, 0.1), (13, 17, 0.7)]
    assert loaded_spans(words, 0.5) == [(0, 8), (13, 17)]


def test_roc_auc_and_average_precision_hand_computed() -> None:
    gold = [True, False, True, False]
    scores = [0.9, 0.8, 0.3, 0.3]
    assert roc_auc(gold, scores) == pytest.approx((2 + 0.5) / 4)
    assert average_precision(gold, scores) == pytest.approx((1 / 1 + 2 / 3) / 2)


def test_evaluate_sentence_metrics_hand_computed() -> None:
    # gold lex: s1 s4 s6; predicted (prob >= 0.5 or a loaded word): s1 s2 s4 -> TP 2, FP 1, FN 1, TN 3
    scores = evaluate(SMALL, FakeScorer())
    assert (scores["precision"], scores["recall"], scores["f1"]) == (0.6667, 0.6667, 0.6667)
    assert scores["macro_f1"] == round((2 / 3 + 3 / 4) / 2, 4)
    assert (scores["sentences"], scores["positives"], scores["base_rate"]) == (7, 3, round(3 / 7, 4))
    assert scores["auc"] == 0.75  # positives 0.6, 0.45, 0.4 each beat the negatives 0.1, 0.2, 0.3 only
    assert scores["ap"] == round((1 / 2 + 2 / 3 + 3 / 4) / 3, 4)
    assert (scores["f1_sentence_rule"], scores["f1_word_rule"]) == (0.4, 0.8)


def test_evaluate_span_metrics_hand_computed() -> None:
    # predicted: "Critics" (wrong), "reckless giveaway" (merged, right), "cheered" and "stunt" (wrong);
    # gold lex: "reckless giveaway" (found), "shameless", "disastrous" (missed)
    scores = evaluate(SMALL, FakeScorer())
    assert (scores["predicted_spans"], scores["gold_spans"]) == (4, 3)
    assert (scores["span_precision"], scores["span_recall"]) == (0.25, 0.3333)
    assert scores["span_f1"] == round(2 * 0.25 * (1 / 3) / (0.25 + 1 / 3), 4)


def test_evaluate_any_bias_counts_inf_sentences() -> None:
    scores = evaluate(SMALL, FakeScorer())
    assert scores["any_positives"] == 4
    assert (scores["any_precision"], scores["any_recall"]) == (0.6667, 0.5)


def test_eval_basil_json_prints_one_object_of_fractions(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(basil, "load", FakeScorer)
    assert main(["eval", "basil", "--data", str(SMALL), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    fractions = {"precision", "recall", "f1", "macro_f1", "auc", "span_precision", "span_recall", "span_f1"}
    assert fractions | {"sentences", "positives"} <= set(scores)
    assert all(0.0 <= scores[k] <= 1.0 for k in fractions)
    assert scores["sentences"] == 7


def test_eval_basil_prints_anchor(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(basil, "load", FakeScorer)
    assert main(["eval", "basil", "--data", str(SMALL)]) == 0
    assert "73.41" in capsys.readouterr().out


@pytest.mark.parametrize("broken", ["missing", "bad_json"])
def test_eval_basil_bad_folder_exits_2_with_one_line(
    tmp_path: Path, broken: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "basil"
    if broken == "bad_json":
        shutil.copytree(SMALL, folder)
        next((folder / "annotations").rglob("*.json")).write_text("[1, 2", encoding="utf-8")
    assert main(["eval", "basil", "--data", str(folder), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("slant: error: ") and captured.err.count("\n") == 1


@pytest.mark.slow
def test_eval_basil_shipped_model_on_small_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "basil", "--data", str(SMALL), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["sentences"] == 7
    assert 0.0 <= scores["auc"] <= 1.0


def test_read_basil_real_release() -> None:
    if not BASIL.is_dir():
        pytest.skip("../shared/data/basil is not available")
    corpus = read_basil(BASIL)
    assert corpus.articles >= 200
    assert len(corpus.sentences) > 5000
    assert sum(s.has("lex") for s in corpus.sentences) > 250
    assert corpus.unmatched_spans <= 5


def test_marks_scores_per_kind() -> None:
    from slant.eval.basil import marks_scores

    corpus = read_basil(SMALL)
    lex = [s for s in corpus.sentences if s.has("lex")]
    assert lex, "the fixture has lexical spans"
    gold = next(g for g in lex[0].spans if g.bias == "lex")
    marks: list[list[tuple[int, int, str]]] = [[] for _ in corpus.sentences]
    at = corpus.sentences.index(lex[0])
    marks[at] = [(gold.start, gold.end, "loaded"), (0, 0, "hedge")]  # one right, one (empty) wrong
    out = marks_scores(corpus, marks)
    assert out["marks_loaded_count"] == 1 and out["marks_loaded_precision"] == 1.0
    assert out["marks_hedge_count"] == 1 and out["marks_hedge_precision"] == 0.0
    assert out["marks_precision"] == 1.0  # one sentence predicted, and it holds a lex span
    assert out["marks_recall"] == pytest.approx(1 / len(lex), abs=1e-4)
    assert out["marks_span_precision"] == 0.5


@pytest.mark.slow
def test_article_marks_point_into_their_sentences() -> None:
    from slant.eval.basil import MARK_KINDS, article_marks

    corpus = read_basil(SMALL)
    marks = article_marks(corpus)
    assert len(marks) == len(corpus.sentences)
    found = {sentence.text[a:b].lower() for sentence, m in zip(corpus.sentences, marks, strict=True) for a, b, _ in m}
    assert {"reckless", "shameless"} <= found
    for sentence, found in zip(corpus.sentences, marks, strict=True):
        for start, end, kind in found:
            assert kind in MARK_KINDS
            assert 0 <= start < end <= len(sentence.text)
