"""The informational analysis on a hand-built comparison with hand-made sentence vectors."""

from __future__ import annotations

import numpy as np
import pytest

from slant.analyses.facts.informational import run
from slant.model import Article, Comparison, Evidence, Fact, Sentence
from slant.nlp.parse import NlpLayer
from slant.settings import Settings


def _article(article_id: str, sentences: list[str]) -> Article:
    text, out = "", []
    for k, sent in enumerate(sentences, 1):
        text += (" " if text else "") + sent
        out.append(Sentence(id=f"{article_id}.s{k}", start=len(text) - len(sent), end=len(text), text=sent))
    return Article(id=article_id, source=f"{article_id}.txt", text=text, outlet=article_id.upper(), sentences=out)


def _comparison(with_shared: bool = True) -> Comparison:
    a1 = _article("a1", ["The council approved the shelter.", "It opens in May."])
    a2 = _article("a2", ["The council voted for the shelter.", "A man was attacked downtown last year."])
    ev = {s.id: Evidence(article=a.id, sentence=s.id, start=s.start, end=s.end) for a in (a1, a2) for s in a.sentences}
    facts = [
        Fact(id="f2", status="unique", score=0.9, evidence=[ev["a1.s2"]], articles=["a1"]),
        Fact(id="f3", status="unique", score=0.9, evidence=[ev["a2.s2"]], articles=["a2"]),
    ]
    if with_shared:
        facts.insert(0, Fact(id="f1", status="shared", score=0.8, evidence=[ev["a1.s1"], ev["a2.s1"]]))
    comparison = Comparison(articles=[a1, a2], facts=facts)
    # s1s are the shared story; a1.s2 is close to it, a2.s2 is off it.
    core = np.array([1.0, 0.0, 0.0], dtype=np.float32)
    near = np.array([0.8, 0.6, 0.0], dtype=np.float32)
    off = np.array([0.1, 0.0, 0.995], dtype=np.float32)
    comparison._nlp = NlpLayer(vectors={"a1": np.stack([core, near]), "a2": np.stack([core, off])})
    return comparison


def test_informational_flags_unique_content_far_from_the_shared_story() -> None:
    [mark] = run(_comparison(), None, Settings())["informational"]  # type: ignore[arg-type]
    assert (mark.article, mark.sentence, mark.facts) == ("a2", "a2.s2", ["f3"])
    assert mark.similarity == 0.1 and mark.score == 0.9 and "only A2 reports this" in mark.why


def test_informational_threshold_comes_from_settings() -> None:
    marks = run(_comparison(), None, Settings(informational_similarity=0.9))["informational"]  # type: ignore[arg-type]
    assert [m.sentence for m in marks] == ["a1.s2", "a2.s2"]


def test_informational_needs_a_shared_story() -> None:
    assert run(_comparison(with_shared=False), None, Settings())["informational"] == []  # type: ignore[arg-type]


@pytest.mark.slow
def test_seed_laken_riley_sentence_is_flagged(seed_comparison: Comparison) -> None:
    flagged = {m.sentence for m in seed_comparison.informational or []}
    riley = [s.id for a in seed_comparison.articles for s in a.sentences if "Laken Riley" in s.text]
    assert riley and set(riley) <= flagged
