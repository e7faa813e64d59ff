"""One spaCy pass per article: sentences skip boilerplate, lines never share a sentence."""

from __future__ import annotations

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
