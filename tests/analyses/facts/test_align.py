"""Fact alignment: matching, fact building, and the seed and example pairs."""

from __future__ import annotations

import numpy as np
import pytest

from slant.analyses.facts.align import build_facts, match, pair_probability
from slant.analyses.facts.claims import Unit
from slant.model import Article, Comparison, Sentence


def _units(spec: list[tuple[str, int]]) -> list[Unit]:
    return [
        Unit(
            index=i,
            article=a,
            sentence=f"{a}.s{s}",
            start=0,
            end=5,
            text="claim",
            lemmas=frozenset(),
            actors=frozenset(),
        )
        for i, (a, s) in enumerate(spec)
    ]


def _comparison(n_articles: int) -> Comparison:
    articles = [
        Article(id=f"a{k}", source="t", text="claim", sentences=[Sentence(id=f"a{k}.s1", start=0, end=5, text="claim")])
        for k in range(1, n_articles + 1)
    ]
    return Comparison(articles=articles)


def test_match_is_one_to_one_best_first() -> None:
    units = _units([("a1", 1), ("a1", 2), ("a2", 1)])
    prob = np.zeros((3, 3), dtype=np.float32)
    prob[0, 2] = prob[2, 0] = 0.6
    prob[1, 2] = prob[2, 1] = 0.7
    assert match(units, prob, threshold=0.5, extra_threshold=0.9) == [(1, 2, pytest.approx(0.7))]


def test_match_allows_second_partner_when_very_likely() -> None:
    units = _units([("a1", 1), ("a1", 2), ("a2", 1)])
    prob = np.zeros((3, 3), dtype=np.float32)
    prob[0, 2] = prob[2, 0] = 0.95
    prob[1, 2] = prob[2, 1] = 0.92
    assert {(i, j) for i, j, _ in match(units, prob, 0.5, 0.9)} == {(0, 2), (1, 2)}


def test_build_facts_shared_unique_and_coverage() -> None:
    units = _units([("a1", 1), ("a2", 1), ("a3", 1), ("a3", 2)])
    prob = np.zeros((4, 4), dtype=np.float32)
    prob[0, 1] = prob[1, 0] = 0.8
    facts = build_facts(_comparison(3), units, prob, [(0, 1, 0.8)])
    shared, *unique = facts
    assert (shared.status, shared.coverage, shared.articles, shared.missing) == ("shared", "some", ["a1", "a2"], ["a3"])
    assert shared.score == pytest.approx(0.8)
    assert [(f.status, f.articles) for f in unique] == [("unique", ["a3"]), ("unique", ["a3"])]
    assert [f.id for f in facts] == ["f1", "f2", "f3"]


def test_pair_probability_is_logistic() -> None:
    features = np.array([[[0.0, 0.0], [1.0, 1.0]]], dtype=np.float32)
    prob = pair_probability(features, (0.0, 1.0, 1.0))
    assert prob[0, 0] == pytest.approx(0.5)
    assert prob[0, 1] == pytest.approx(1 / (1 + np.exp(-2)))


def _fact_of(comparison: Comparison, article: str, words: str):  # type: ignore[no-untyped-def]
    text = comparison.article(article).text
    at = text.index(words)
    for fact in comparison.facts or []:
        for e in fact.evidence:
            if e.article == article and e.start <= at < e.end:
                return fact
    raise AssertionError(f"no fact holds {words!r}")


@pytest.mark.slow
def test_seeds_ordinance_is_one_shared_fact(seed_comparison: Comparison) -> None:
    left = _fact_of(seed_comparison, "a1", "adopted a “sanctuary city” ordinance")
    right = _fact_of(seed_comparison, "a2", "unanimously approved an ordinance")
    assert left is right
    assert left.status in {"shared", "contradiction"}
    assert left.articles == ["a1", "a2"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("article", "words"),
    [
        ("a1", "LA County Sheriff Robert Luna said"),
        ("a1", "We don't and will not start asking people"),
        ("a1", "Without undocumented immigrant labor"),
        ("a2", "Laken Riley"),
        ("a2", "holds veto power"),
    ],
)
def test_seeds_unique_facts(seed_comparison: Comparison, article: str, words: str) -> None:
    fact = _fact_of(seed_comparison, article, words)
    assert fact.status == "unique"
    assert fact.articles == [article]


@pytest.mark.slow
def test_seeds_donation_appeal_is_not_a_fact(seed_comparison: Comparison) -> None:
    left = seed_comparison.article("a1")
    assert [b.kind for b in left.boilerplate] == ["donation"]
    block = left.boilerplate[0]
    for fact in seed_comparison.facts or []:
        for e in fact.evidence:
            assert not (e.article == "a1" and e.start < block.end and block.start < e.end)


@pytest.mark.slow
def test_harbor_contradiction_found(harbor_comparison: Comparison) -> None:
    kinds = {c.kind for f in harbor_comparison.facts or [] if f.status == "contradiction" for c in f.conflicts}
    assert kinds & {"number", "date", "count", "polarity"}


@pytest.mark.slow
def test_evidence_offsets_inside_their_sentence(harbor_comparison: Comparison) -> None:
    for fact in harbor_comparison.facts or []:
        for e in fact.evidence:
            sentence = harbor_comparison.sentence(e.sentence)
            assert sentence.start <= e.start < e.end <= sentence.end
