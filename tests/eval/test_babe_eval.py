"""`slant eval babe` / `babe-words`: BABE files read, word protocol, scores as fractions, JSON output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slant.cli import main
from slant.errors import InputError
from slant.eval.babe import Row, read_babe, sentence_scores, word_labels, word_scores

SMALL = Path(__file__).resolve().parent.parent / "data" / "babe_small.csv"
BABE = Path(__file__).resolve().parents[3] / "shared" / "data" / "babe" / "train.csv"
SENTENCE_KEYS = {"macro_f1", "accuracy", "precision_biased", "recall_biased", "precision_non_biased"}
SENTENCE_KEYS |= {"recall_non_biased"}
WORD_KEYS = {"precision", "recall", "f1"}


def test_read_babe_drops_no_agreement_rows() -> None:
    rows = read_babe(SMALL)
    assert len(rows) == 20
    assert sum(r.biased for r in rows) == 10


def test_read_babe_rejects_other_csv(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a BABE file"):
        read_babe(path)


def test_read_babe_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_babe(tmp_path / "nope.csv")


def test_word_labels_match_case_insensitively_every_occurrence() -> None:
    row = Row('The "So-called" plan, so-called twice; radical.', 1, frozenset({"so-called", "radical"}))
    assert word_labels(row) == [0, 1, 0, 1, 0, 1]


def test_word_labels_non_biased_rows_have_no_positive_words() -> None:
    rows = read_babe(SMALL)
    assert all(not any(word_labels(r)) for r in rows if not r.biased)


def test_sentence_scores_perfect_and_inverted() -> None:
    assert sentence_scores([1, 0, 1], [0.9, 0.1, 0.8])["macro_f1"] == 1.0
    assert sentence_scores([1, 0], [0.1, 0.9])["accuracy"] == 0.0


def test_word_scores_counts_positive_class() -> None:
    scores = word_scores([[1, 0, 1], [0, 0]], [[0.9, 0.8, 0.1], [0.2, 0.1]], 0.5)
    assert (scores["precision"], scores["recall"], scores["f1"]) == (0.5, 0.5, 0.5)


@pytest.mark.slow
@pytest.mark.parametrize(("command", "keys"), [("babe", SENTENCE_KEYS), ("babe-words", WORD_KEYS)])
def test_eval_babe_small_json_prints_fractions(
    command: str, keys: set[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", command, "--data", str(SMALL), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert keys <= set(scores)
    assert all(0.0 <= scores[k] <= 1.0 for k in keys)


@pytest.mark.slow
def test_eval_babe_small_prints_anchor(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "babe", "--data", str(SMALL)]) == 0
    assert "0.804" in capsys.readouterr().out


@pytest.mark.slow
def test_eval_babe_bad_file_exits_with_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("x;y\n", encoding="utf-8")
    assert main(["eval", "babe", "--data", str(path), "--json"]) != 0
    assert "not a BABE file" in capsys.readouterr().err


@pytest.mark.slow
def test_eval_babe_cv_smoke_on_small_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "babe", "--data", str(SMALL), "--cv", "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert SENTENCE_KEYS <= set(scores)
    assert {"words_precision", "words_recall", "words_f1"} <= set(scores)


@pytest.mark.slow
def test_eval_babe_real_train_json_prints_keys(capsys: pytest.CaptureFixture[str]) -> None:
    if not BABE.is_file():
        pytest.skip("../shared/data/babe is not available")
    assert main(["eval", "babe", "--data", str(BABE), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert SENTENCE_KEYS <= set(scores)
    assert scores["sentences"] > 2000


@pytest.mark.slow
def test_eval_babe_words_scores_the_lexicons_and_the_union() -> None:
    from slant.eval.babe import evaluate_words

    scores = evaluate_words(SMALL)
    for prefix in ("", "lexicon_", "combined_"):
        assert all(0.0 <= scores[f"{prefix}{k}"] <= 1.0 for k in WORD_KEYS)
    # the union finds at least what each part finds
    assert scores["combined_recall"] >= max(scores["recall"], scores["lexicon_recall"]) - 1e-9
    assert scores["lexicon_recall"] > 0  # "radical", "disgraceful", "shameless" ... are in slant's lexicon


@pytest.mark.slow
@pytest.mark.parametrize("command", ["babe", "babe-words"])
def test_eval_babe_scores_either_model(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    scores = {}
    for model in ("babe", "tagger"):
        assert main(["eval", command, "--data", str(SMALL), "--json", "--model", model]) == 0
        scores[model] = json.loads(capsys.readouterr().out)
    assert all(0.0 <= v <= 1.0 for m in scores.values() for k, v in m.items() if k in SENTENCE_KEYS | WORD_KEYS)
    if command == "babe-words":  # two models, two readings of the same words
        assert scores["babe"] != scores["tagger"]
    assert main(["eval", command, "--data", str(SMALL), "--model", "neither"]) != 0


def test_eval_babe_cv_with_the_sets_uses_the_taggers_recipe(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import slant.train.babe as training

    seen: list[object] = []

    def fake(examples: object, recipe: object, folds: int = 5, extra: object = None) -> dict[str, dict[str, float]]:
        seen.append(recipe)
        return {"sentence": {"macro_f1": 0.5}, "words": {"f1": 0.5}, "words_cross_fitted": {"f1": 0.5}}

    monkeypatch.setattr(training, "cross_validate", fake)
    monkeypatch.setattr(training, "NumpyMiniLM", lambda: None)
    monkeypatch.setattr(training, "read_lexicon", lambda: (frozenset(), ()))
    monkeypatch.setattr(training, "featurise", lambda *args: [])
    monkeypatch.setattr(training, "_gold_examples", lambda *args: ([], ""))
    assert main(["eval", "babe", "--data", str(SMALL), "--cv", "--json"]) == 0
    assert main(["eval", "babe", "--data", str(SMALL), "--cv", "--gold", str(tmp_path), "--json"]) == 0
    assert seen == [training.Recipe(), training.TAGGER]
    capsys.readouterr()


def test_train_tagger_takes_the_gold_and_basil_weights(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import dataclasses

    import slant.train.babe as training

    seen: list[object] = []

    def fake(
        data: Path,
        out_dir: Path,
        cv: bool = False,
        recipe: object = None,
        gold: Path | None = None,
        basil: Path | None = None,
    ) -> dict:
        seen.append((recipe, basil))
        return {"trained": True}

    monkeypatch.setattr(training, "train", fake)
    assert main(["train", "tagger", "--data", str(SMALL)]) == 0
    assert main(["train", "tagger", "--data", str(SMALL), "--gold-weight", "6"]) == 0
    assert main(["train", "tagger", "--data", str(SMALL), "--basil", str(SMALL), "--basil-weight", "2"]) == 0
    tagger = training.TAGGER
    assert [recipe for recipe, _ in seen] == [
        tagger,
        dataclasses.replace(tagger, gold_weight=6),
        dataclasses.replace(tagger, basil_weight=2),
    ]
    assert seen[-1][1] == SMALL
    capsys.readouterr()


def test_the_cli_offers_exactly_the_models_the_eval_scores() -> None:
    from slant.cli.eval import BabeModelName
    from slant.eval.babe import MODELS

    # The CLI spells the choices out (importing the models at CLI start would slow every command).
    assert {m.value for m in BabeModelName} == set(MODELS)
