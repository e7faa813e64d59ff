"""The wording scorer and its lexicons (analyses/language/wording.py, valence.py; train/wording.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

import slant
from slant.analyses.language.valence import valence
from slant.analyses.language.wording import FEATURES, WordingModel
from slant.errors import ModelUnavailableError
from slant.model import Comparison

ROOT = Path(__file__).resolve().parents[3]
LEFT = (
    "The county board slashed library hours on Tuesday, a cut that critics said would hurt students.\n\n"
    "The board voted 4-1 for the plan."
)
RIGHT = (
    "The county board reduced library hours on Tuesday, a change officials said would save money.\n\n"
    "The board voted 4-1 for the plan."
)


def test_valence_reads_both_lexicons() -> None:
    assert valence("terrible").vader < -1.0
    assert valence("disgraced", "disgrace").vader < -1.0
    assert valence("wonderful").vader > 1.0
    assert valence("ridiculous").subjectivity > 0.5
    assert valence("table") == valence("table", "table")
    assert valence("table").vader == 0.0


def test_wording_model_refuses_other_features() -> None:
    data = WordingModel((0.0,) * len(FEATURES), 0.0, (0.0,) * len(FEATURES), (1.0,) * len(FEATURES), 0.5).to_json()
    data["features"] = data["features"][:-1]
    with pytest.raises(ModelUnavailableError, match="slant train wording"):
        WordingModel.from_json(data)


def test_wording_model_probabilities_follow_the_weights() -> None:
    coef = tuple(1.0 if f == "babe_word" else 0.0 for f in FEATURES)
    model = WordingModel(coef, 0.0, (0.0,) * len(FEATURES), (1.0,) * len(FEATURES), 0.5)
    rows = np.zeros((2, len(FEATURES)), dtype=np.float32)
    rows[1, FEATURES.index("babe_word")] = 3.0
    low, high = model.probabilities(rows).tolist()
    assert low == pytest.approx(0.5) and high > 0.95


@pytest.fixture(scope="module")
def compared() -> Comparison:
    return slant.compare([LEFT, RIGHT], slant.Settings().with_(analyses=("language",)))


@pytest.mark.slow
def test_wording_marks_have_reasons_and_stay_in_the_writers_voice(compared: Comparison) -> None:
    for mark in compared.language or []:
        if mark.category == "wording":
            assert mark.kind == "loaded" and mark.why and "wording scorer" in mark.why
            assert compared.article(mark.article).text[mark.start : mark.end] == mark.term
            assert 0.0 <= mark.score <= 1.0


@pytest.mark.slow
def test_wording_sees_the_other_articles_word_for_the_same_fact(compared: Comparison) -> None:
    from slant.analyses.language import bias, wording
    from slant.nlp.resources import Resources

    resources = Resources(slant.Settings())
    article = compared.article("a1")
    scores = bias.load(resources).score([s.text for s in article.sentences])
    words = {w.text: w for w in wording.words_of(compared, article, scores, [], resources)}
    slashed = dict(zip(FEATURES, words["slashed"].features, strict=True))
    assert slashed["aligned"] == 1.0 and slashed["contrast"] == 1.0
    assert words["slashed"].counterpart == "reduced"
    voted = dict(zip(FEATURES, words["voted"].features, strict=True))
    assert voted["contrast"] == 0.0  # both articles write "voted"


@pytest.mark.slow
def test_train_wording_writes_a_loadable_model(tmp_path: Path) -> None:
    from slant.train.wording import train

    gold = tmp_path / "gold"
    for name in ("steel", "rent"):
        shutil.copytree(ROOT / "src/slant/examples/wordchoice/dev" / name, gold / name)
    out = tmp_path / "wording.json"
    result = train(ROOT / "tests/data/babe_small.csv", gold, out)
    model = WordingModel.from_json(json.loads(out.read_text(encoding="utf-8")))
    assert model.threshold == result["threshold"]
    assert result["trained_on"]["gold_sets"] == ["rent", "steel"]
    assert set(result["cv"]) >= {"precision", "recall", "f1", "held_out"}


@pytest.mark.slow
def test_wording_marks_follow_the_settings_threshold() -> None:
    def scores(threshold: float | None) -> list[float]:
        settings = slant.Settings().with_(analyses=("language",), wording_threshold=threshold)
        marks = slant.compare([LEFT, RIGHT], settings).language or []
        return [m.score for m in marks if m.category == "wording"]

    from slant.analyses.language.wording import load
    from slant.nlp.resources import Resources

    everything = scores(0.0)
    assert everything and min(everything) < 0.5  # at 0 every written content word no other mark covers is marked
    assert all(s >= 0.9 for s in scores(0.9))
    trained = load(Resources()).threshold
    default = scores(None)  # scores are rounded to 3 places: compare away from the edge
    assert all(s >= trained - 0.001 for s in default)
    assert len(default) >= sum(s >= trained + 0.001 for s in everything)


@pytest.mark.slow
def test_tagger_words_follow_the_settings_threshold() -> None:
    def tagged(threshold: float | None) -> list[float]:
        settings = slant.Settings().with_(analyses=("language",), tagger_threshold=threshold)
        marks = slant.compare([LEFT, RIGHT], settings).language or []
        return [m.score for m in marks if m.kind == "loaded" and m.category == "model"]

    assert tagged(1.01) == []
    assert len(tagged(0.0)) >= 4  # at 0 every sentence of the two articles holds a run of tagged words
    assert all(s >= 0.5 for s in tagged(0.5))
