"""Comparison -> the view data of the fact sections: side by side, contradictions and informational bias.

Like every ``*_view`` module it looks things up and computes nothing new: which articles report a
fact, what text each evidence span covers (``article.text[start:end]``) and what aligned claims
disagree on.
"""

from __future__ import annotations

from dataclasses import dataclass

from slant.model import Comparison, Fact
from slant.report.refs import ArticleRef, ref_of, sentence_text

STATUSES = ("shared", "contradiction", "unique")
"""Fact statuses in side-by-side order."""


@dataclass(frozen=True)
class ConflictValue:
    """The value one article gives in a conflict."""

    article: ArticleRef
    value: str


@dataclass(frozen=True)
class ConflictView:
    """What aligned claims disagree on."""

    kind: str
    why: str
    values: tuple[ConflictValue, ...]


@dataclass(frozen=True)
class EvidenceView:
    """One evidence span with the text it covers."""

    article: str
    sentence: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class FactView:
    """A fact row: its evidence, and its evidence per article in article order."""

    id: str
    status: str
    score: float
    coverage: str
    articles: tuple[ArticleRef, ...]
    missing: tuple[ArticleRef, ...]
    evidence: tuple[EvidenceView, ...]
    cells: tuple[tuple[EvidenceView, ...], ...]
    """For each article of the comparison, in order, the evidence found in it (empty: omitted)."""
    conflicts: tuple[ConflictView, ...]


@dataclass(frozen=True)
class InformationalView:
    """A sentence flagged as informational bias: its article, id, text and why."""

    article: ArticleRef
    sentence: str
    text: str
    why: str


def span_text(comparison: Comparison, article_id: str, start: int, end: int) -> str:
    """Return ``article.text[start:end]``, or "" when no article has that id."""
    for art in comparison.articles:
        if art.id == article_id:
            return art.text[start:end]
    return ""


def fact_views(comparison: Comparison, refs: dict[str, ArticleRef], order: list[str]) -> tuple[FactView, ...] | None:
    """The facts in side-by-side order (shared, contradictions, unique); None when fact alignment did not run."""
    if comparison.facts is None:
        return None
    views = []
    for fact in comparison.facts:
        evidence = tuple(
            EvidenceView(ev.article, ev.sentence, ev.start, ev.end, span_text(comparison, ev.article, ev.start, ev.end))
            for ev in fact.evidence
        )
        views.append(
            FactView(
                id=fact.id,
                status=fact.status,
                score=fact.score,
                coverage=fact.coverage,
                articles=tuple(ref_of(refs, a) for a in _fact_articles(fact)),
                missing=tuple(ref_of(refs, a) for a in fact.missing),
                evidence=evidence,
                cells=tuple(tuple(ev for ev in evidence if ev.article == art_id) for art_id in order),
                conflicts=tuple(
                    ConflictView(
                        kind=conflict.kind,
                        why=conflict.why,
                        values=tuple(ConflictValue(ref_of(refs, a), value) for a, value in conflict.values.items()),
                    )
                    for conflict in fact.conflicts
                ),
            )
        )
    # Stable sort: the analysis's order is kept inside each status.
    return tuple(sorted(views, key=lambda view: STATUSES.index(view.status)))


def informational_views(comparison: Comparison, refs: dict[str, ArticleRef]) -> tuple[InformationalView, ...] | None:
    """The sentences flagged as informational bias; None when that analysis did not run."""
    if comparison.informational is None:
        return None
    return tuple(
        InformationalView(ref_of(refs, m.article), m.sentence, sentence_text(comparison, m.sentence), m.why)
        for m in comparison.informational
    )


def _fact_articles(fact: Fact) -> list[str]:
    """The ids of the articles reporting a fact: as stated, else where its evidence lies."""
    if fact.articles:
        return list(fact.articles)
    return list(dict.fromkeys(ev.article for ev in fact.evidence))
