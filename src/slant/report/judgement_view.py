"""Comparison -> the view data of the judgement sections: lean and the neutral summary.

Like every ``*_view`` module it looks things up and computes nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass

from slant.model import Comparison
from slant.report.refs import ArticleRef, ref_of, sentence_text


@dataclass(frozen=True)
class LeanView:
    """One article's lean: the side, the probability of each side, a left (-1) to right (+1) score,
    and the sentences that pull hardest toward that side (id, text, weight)."""

    article: ArticleRef
    lean: str
    probabilities: dict[str, float]
    score: float
    evidence: tuple[tuple[str, str, float], ...]


@dataclass(frozen=True)
class SummaryLine:
    """One sentence of the neutral summary: its text, kind (shared / contradiction / unique) and the
    ids of the sentences it cites."""

    text: str
    kind: str
    cites: tuple[str, ...]


def lean_views(comparison: Comparison, refs: dict[str, ArticleRef]) -> tuple[LeanView, ...] | None:
    """Each article's lean with its evidence sentences' texts; None when the lean analysis did not run."""
    if comparison.lean is None:
        return None
    return tuple(
        LeanView(
            ref_of(refs, x.article),
            x.lean,
            dict(x.probabilities),
            x.score,
            tuple((e.sentence, sentence_text(comparison, e.sentence), e.weight) for e in x.evidence),
        )
        for x in comparison.lean
    )


def summary_lines(comparison: Comparison) -> tuple[SummaryLine, ...] | None:
    """The neutral summary's sentences; None when the summary analysis did not run."""
    if comparison.summary is None:
        return None
    return tuple(SummaryLine(x.text, x.kind, tuple(x.cites)) for x in comparison.summary.sentences)


def lean_bar(score: float, width: int = 11) -> str:
    """A left-to-right bar with a marker where ``score`` (-1 left .. +1 right) lies: "L····●·····R"."""
    k = round((max(-1.0, min(1.0, score)) + 1) / 2 * (width - 1))
    return "L" + "".join("\u25cf" if i == k else "\u00b7" for i in range(width)) + "R"
