"""Biased sentences and loaded words from the shipped BABE model: word spans, scores, NumPy-only inference."""

from __future__ import annotations

import pytest

from slant.analyses.bias import BiasModel, load, loaded_words, piece_words, sentence_bias, word_spans

LOADED = "The radical senator slammed the disgraceful bill as a shameless giveaway to greedy cronies."
NEUTRAL = "The city council approved the harbor budget on Tuesday by a vote of six to three."


@pytest.fixture(scope="module")
def _model() -> BiasModel:
    return load()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The so-called reform, they said.", ["The", "so-called", "reform", "they", "said"]),
        ("Don't stop — it's “absurd”!", ["Don't", "stop", "it's", "absurd"]),
        ("left-wing_groups 2,000", ["left-wing", "groups", "2", "000"]),
        ("", []),
    ],
)
def test_word_spans_cut_on_whitespace_and_punctuation(text: str, words: list[str]) -> None:
    assert [text[a:b] for a, b in word_spans(text)] == words


def test_piece_words_maps_wordpieces_to_overlapping_words() -> None:
    # [CLS] "rad" "##ical" "views" [SEP]; the specials have empty offsets.
    offsets = [(0, 0), (0, 3), (3, 7), (8, 13), (0, 0)]
    assert piece_words(offsets, [(0, 7), (8, 13)]) == [[1, 2], [3]]


@pytest.mark.slow
def test_sentence_bias_loaded_sentence_scores_higher(_model: BiasModel) -> None:
    loaded, neutral = sentence_bias([LOADED, NEUTRAL])
    assert 0.0 <= neutral < loaded <= 1.0


@pytest.mark.slow
def test_sentence_bias_empty_input_gives_empty_list(_model: BiasModel) -> None:
    assert sentence_bias([]) == []


@pytest.mark.slow
def test_loaded_words_finds_loaded_words(_model: BiasModel) -> None:
    found = {LOADED[a:b].lower() for a, b, _ in loaded_words(LOADED)}
    assert {"radical", "slammed"} <= found
    assert not {"the", "senator", "bill"} & found


@pytest.mark.slow
def test_loaded_words_neutral_sentence_has_few(_model: BiasModel) -> None:
    assert len(loaded_words(NEUTRAL)) <= 1


@pytest.mark.slow
def test_loaded_words_spans_and_scores_are_valid(_model: BiasModel) -> None:
    for start, end, score in loaded_words(LOADED):
        assert LOADED[start:end].strip() == LOADED[start:end] != ""
        assert 0.0 <= score <= 1.0


@pytest.mark.slow
def test_inference_does_not_import_torch() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from slant.analyses.bias import sentence_bias; sentence_bias(['A test.']); "
        "sys.exit(1 if 'torch' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
