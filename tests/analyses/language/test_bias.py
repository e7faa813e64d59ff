"""Biased sentences and loaded words from the shipped BABE model: word spans, scores, NumPy-only inference."""

from __future__ import annotations

import numpy as np
import pytest

from slant.analyses.language.bias import BiasModel, load, loaded_words, piece_words, sentence_bias, word_spans

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
def test_score_with_precomputed_hidden_states_gives_same_scores(_model: BiasModel) -> None:
    texts = [LOADED, NEUTRAL, "Short one."]
    hidden = _model.minilm.hidden_states(texts, _model.frozen_layers)
    direct, reused = _model.score(texts), _model.score(texts, hidden)
    for a, b in zip(direct, reused, strict=True):
        assert a.sentence == pytest.approx(b.sentence, abs=1e-5)
        assert [w[:2] for w in a.words] == [w[:2] for w in b.words]
        assert [w[2] for w in a.words] == pytest.approx([w[2] for w in b.words], abs=1e-5)


@pytest.mark.slow
def test_score_rejects_hidden_states_of_other_texts(_model: BiasModel) -> None:
    hidden = _model.minilm.hidden_states([NEUTRAL], _model.frozen_layers)
    with pytest.raises(ValueError, match="1 texts, not 2"):
        _model.score([LOADED, NEUTRAL], hidden)


@pytest.mark.slow
def test_frozen_layers_leave_tuned_blocks_within_minilm(_model: BiasModel) -> None:
    assert 1 <= _model.frozen_layers < _model.minilm.layers
    assert _model.frozen_layers + len(_model.layers) == _model.minilm.layers


@pytest.mark.slow
@pytest.mark.parametrize("context", [False, True])
def test_numpy_inference_matches_the_torch_training_net(_model: BiasModel, context: bool) -> None:
    torch = pytest.importorskip("torch")
    from safetensors.numpy import load_file

    from slant.nlp.minilm import model_dir
    from slant.train.babe_model import build, shipped_arrays

    torch.manual_seed(0)
    minilm = _model.minilm
    net = build(load_file(str(model_dir() / "model.safetensors")), 4, 2, minilm.config, context=context).eval()
    texts = [LOADED, NEUTRAL]
    hidden = minilm.hidden_states(texts, 4)
    n = int(hidden.lengths.max())
    x = torch.zeros(len(texts), n, minilm.dim)
    mask = torch.zeros(len(texts), n)
    for i, (start, length) in enumerate(zip(hidden.starts, hidden.lengths, strict=True)):
        x[i, :length] = torch.from_numpy(hidden.states[start : start + length])
        mask[i, :length] = 1.0
    with torch.no_grad():
        sent, tok, _ = net(x, mask)
    weights = {k: v.astype(np.float32) for k, v in shipped_arrays(net).items()}
    meta = {"frozen_layers": 4, "tuned_layers": 2, "word_threshold": 0.5}
    scores = BiasModel(minilm, weights, meta).score(texts, hidden)
    # float16 weights on the NumPy side: agreement to a few thousandths.
    assert [s.sentence for s in scores] == pytest.approx(torch.sigmoid(sent).tolist(), abs=5e-3)
    for i, s in enumerate(scores):
        pieces = piece_words(list(hidden.encodings[i].offsets), [w[:2] for w in s.words])
        expected = [float(torch.sigmoid(tok[i, p]).max()) for p in pieces]
        assert [w[2] for w in s.words] == pytest.approx(expected, abs=5e-3)


@pytest.mark.slow
def test_inference_does_not_import_torch() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from slant.analyses.language.bias import sentence_bias; sentence_bias(['A test.']); "
        "sys.exit(1 if 'torch' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_the_tagger_is_its_own_model_trained_beside_babe() -> None:
    import json

    from slant.analyses.language.bias import MODEL, TAGGER
    from slant.analyses.portrayal.sentiment import load as load_sentiment
    from slant.nlp.resources import DATA_DIR, Resources
    from slant.train.babe import TAGGER as RECIPE

    resources = Resources()
    babe, tagger = load(resources), load(resources, TAGGER)
    assert babe is not tagger and tagger.frozen_layers == RECIPE.frozen
    assert tagger.frozen_layers == load_sentiment(resources).frozen_layers  # one MiniLM pass feeds both
    meta = json.loads((DATA_DIR / f"{TAGGER}.json").read_text(encoding="utf-8"))
    assert "word-choice training sets" in meta["trained_on"]
    assert "word-choice" not in json.loads((DATA_DIR / f"{MODEL}.json").read_text(encoding="utf-8"))["trained_on"]
    text = ["The council rammed the bill through in a late-night power grab."]
    a, b = babe.score(text)[0], tagger.score(text)[0]
    assert [w[:2] for w in a.words] == [w[:2] for w in b.words]
    assert [w[2] for w in a.words] != [w[2] for w in b.words]


def test_the_shipped_tagger_marks_words_at_its_recipes_threshold() -> None:
    import json

    from slant.analyses.language.bias import TAGGER
    from slant.nlp.resources import DATA_DIR, Resources
    from slant.train.babe import TAGGER as RECIPE

    meta = json.loads((DATA_DIR / f"{TAGGER}.json").read_text(encoding="utf-8"))
    assert meta["word_threshold"] == RECIPE.word_threshold == meta["settings"]["word_threshold"]
    assert load(Resources(), TAGGER).word_threshold == RECIPE.word_threshold  # what comparisons use
