"""Comparison -> the view data of the quote sections: quotes (per article) and cited outlets.

Like every ``*_view`` module it looks things up and computes nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass

from slant.model import Comparison
from slant.report.refs import ArticleRef, ref_of, sentence_text


@dataclass(frozen=True)
class QuoteView:
    """A quote as reports show it."""

    speaker: str | None
    mention: str | None
    verb: str | None
    text: str
    direct: bool
    anonymous: bool
    sentence: str | None
    cited_outlet: str | None


@dataclass(frozen=True)
class SourceView:
    """An outlet an article cites as its source."""

    article: ArticleRef
    outlet: str
    cue: str
    sentence: str
    sentence_text: str


def quote_views(comparison: Comparison, article_id: str) -> tuple[QuoteView, ...] | None:
    """One article's quotes in order; None when the quote analysis did not run."""
    if comparison.quotes is None:
        return None
    return tuple(
        QuoteView(q.speaker, q.mention, q.verb, q.text, q.direct, q.anonymous, q.sentence, q.cited_outlet)
        for q in comparison.quotes
        if q.article == article_id
    )


def source_views(comparison: Comparison, refs: dict[str, ArticleRef]) -> tuple[SourceView, ...] | None:
    """The outlets the articles cite, with the citing sentence; None when that analysis did not run."""
    if comparison.sources is None:
        return None
    return tuple(
        SourceView(
            article=ref_of(refs, cite.article),
            outlet=cite.outlet,
            cue=cite.cue,
            sentence=cite.sentence,
            sentence_text=sentence_text(comparison, cite.sentence),
        )
        for cite in comparison.sources
    )
