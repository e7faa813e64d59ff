"""Contradictions between aligned claim units."""

from __future__ import annotations

from slant.analyses.facts.claims import Unit
from slant.analyses.facts.conflicts import find_conflicts
from slant.analyses.facts.quantities import Quantity


def _unit(article: str, quantities: list[tuple[str, str]] = (), verbs: dict[str, bool] | None = None) -> Unit:  # type: ignore[assignment]
    return Unit(
        index=0,
        article=article,
        sentence=f"{article}.s1",
        start=0,
        end=10,
        text="x",
        lemmas=frozenset(),
        actors=frozenset(),
        quantities=[Quantity(k, v, v, 0, 1) for k, v in quantities],
        verbs=verbs or {},
    )


def test_conflict_different_counts() -> None:
    conflicts = find_conflicts([_unit("a1", [("count:job", "1400")]), _unit("a2", [("count:job", "900")])])
    assert [c.kind for c in conflicts] == ["count"]
    assert conflicts[0].values == {"a1": "1400", "a2": "900"}


def test_conflict_none_when_values_agree() -> None:
    assert find_conflicts([_unit("a1", [("money", "6000000")]), _unit("a2", [("money", "6000000")])]) == []


def test_conflict_none_when_measures_differ() -> None:
    assert find_conflicts([_unit("a1", [("count:job", "1400")]), _unit("a2", [("money", "900")])]) == []


def test_conflict_any_two_articles_disagreeing() -> None:
    units = [_unit("a1", [("money", "6")]), _unit("a2", [("money", "6")]), _unit("a3", [("money", "9")])]
    assert [c.kind for c in find_conflicts(units)] == ["number"]


def test_conflict_dates() -> None:
    conflicts = find_conflicts([_unit("a1", [("weekday", "tuesday")]), _unit("a2", [("weekday", "monday")])])
    assert [c.kind for c in conflicts] == ["date"]


def test_conflict_negated_verb() -> None:
    conflicts = find_conflicts([_unit("a1", verbs={"support": False}), _unit("a2", verbs={"support": True})])
    assert [c.kind for c in conflicts] == ["polarity"]
    assert conflicts[0].values == {"a1": "support", "a2": "not support"}


def test_conflict_antonym_verbs() -> None:
    conflicts = find_conflicts([_unit("a1", verbs={"approve": False}), _unit("a2", verbs={"reject": False})])
    assert [c.kind for c in conflicts] == ["polarity"]


def test_conflict_reporting_verbs_ignored() -> None:
    assert find_conflicts([_unit("a1", verbs={"say": False}), _unit("a2", verbs={"say": True})]) == []


def test_conflict_needs_two_articles() -> None:
    assert find_conflicts([_unit("a1", [("money", "1")]), _unit("a1", [("money", "2")])]) == []


def test_conflict_copula_negation_ignored() -> None:
    assert find_conflicts([_unit("a1", verbs={"be": True}), _unit("a2", verbs={"be": False})]) == []
