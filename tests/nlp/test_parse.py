"""One spaCy pass per article: sentences skip boilerplate, lines never share a sentence."""

from __future__ import annotations

import numpy as np
import pytest

from slant.model import Article, Boilerplate, Comparison
from slant.nlp.parse import NlpLayer, embed, parse
from slant.nlp.resources import Resources

pytestmark = pytest.mark.slow

TEXT = (
    "The council voted on Tuesday. Members argued for hours\n"
    "A line with no full stop\n\n"
    "Donate $5 today to keep us going."
)


def _comparison() -> Comparison:
    donate = TEXT.index("Donate")
    article = Article(
        id="a1",
        source="t",
        text=TEXT,
        boilerplate=[Boilerplate(start=donate, end=len(TEXT), text=TEXT[donate:], kind="donation")],
    )
    other = Article(id="a2", source="t", text="Another article. It has two sentences.")
    return parse(Comparison(articles=[article, other]), Resources())


def test_parse_sentences_skip_boilerplate() -> None:
    sentences = _comparison().articles[0].sentences
    assert [s.text for s in sentences] == [
        "The council voted on Tuesday.",
        "Members argued for hours",
        "A line with no full stop",
    ]


def test_parse_sentence_offsets_point_into_text() -> None:
    comparison = _comparison()
    for article in comparison.articles:
        for s in article.sentences:
            assert article.text[s.start : s.end] == s.text


def test_parse_ids_and_paragraphs() -> None:
    sentences = _comparison().articles[0].sentences
    assert [s.id for s in sentences] == ["a1.s1", "a1.s2", "a1.s3"]
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_embed_gives_one_vector_per_sentence() -> None:
    comparison = embed(_comparison(), Resources())
    layer = comparison.nlp
    assert isinstance(layer, NlpLayer)
    assert layer.vectors["a1"].shape[0] == 3
    assert layer.vectors["a2"].shape[0] == 2


def _raw() -> Comparison:
    texts = [TEXT.split("\n\n")[0], "Another article. It has two sentences.", "A third one, with one sentence."]
    return Comparison(articles=[Article(id=f"a{i}", source="t", text=t) for i, t in enumerate(texts, start=1)])


def test_embed_keeps_the_minilm_states_of_each_article() -> None:
    resources = Resources()
    comparison = embed(parse(_raw(), resources), resources, keep_layers=(3,))
    minilm = resources.finetuned("babe/model")[0]
    for article in comparison.articles:
        texts = [s.text for s in article.sentences]
        kept = comparison.nlp.hidden[article.id][3]
        assert len(kept.lengths) == len(texts)
        np.testing.assert_allclose(kept.states, minilm.hidden_states(texts, 3).states, atol=1e-4)
        np.testing.assert_allclose(comparison.nlp.vectors[article.id], minilm.encode(texts), atol=1e-5)


def test_static_embedder_keeps_no_states() -> None:
    from slant.settings import Settings

    comparison = _raw()
    resources = Resources(Settings(embedder="static"))
    embed(parse(comparison, resources), resources, keep_layers=(4,))
    assert all(not comparison.nlp.hidden[a.id] for a in comparison.articles)
    assert comparison.nlp.vectors["a2"].shape[0] == 2


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ('"We are tired," said union president Sgt. Mike Farrell. He left.', 2),
        ("Det. Jane Roe said so. Dr. John Smith agreed.", 2),
        ("Capt. Ann Lee and Supt. Bo Kim spoke. Cpl. Ray Fox left.", 2),
        ("The shelter opens Jan. 5 at noon. Then more.", 2),
        ("First line without a stop\nSecond line", 2),
    ],
)
def test_segment_titles_do_not_end_sentences(text: str, sentences: int) -> None:
    doc = Resources().nlp(text)
    assert len(list(doc.sents)) == sentences
